//! No user text ever becomes markup or code: the playground and the widget build the page with
//! text nodes and attributes only. This test keeps it so, by refusing every way there is to turn
//! a string into HTML or script (`innerHTML`, `insertAdjacentHTML`, Yew's raw HTML, `eval`, ...)
//! anywhere in the sources of the page, the widget and its demo, naming the file and line.

use std::path::{Path, PathBuf};

/// The names that turn a string into markup or code, in Rust sources.
const RUST: [&str; 13] = [
    "set_inner_html",
    "inner_html",
    "set_outer_html",
    "outer_html",
    "insert_adjacent_html",
    "set_html_unsafe",
    "from_html_unchecked",
    "VRaw",
    "create_contextual_fragment",
    "set_srcdoc",
    "eval(",
    "Function::new_with_args",
    "Function::new_no_args",
];

/// The same in JavaScript and HTML.
const SCRIPT: [&str; 12] = [
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "setHTMLUnsafe",
    "parseHTMLUnsafe",
    "createContextualFragment",
    "DOMParser",
    "document.write",
    "srcdoc",
    "eval(",
    "Function(",
    "javascript:",
];

/// The folders whose sources build the page, the widget and the demo.
const FOLDERS: [&str; 4] = [
    "web/src",
    "web/embed",
    "web/demo",
    "crates/iamplay-embed/src",
];

/// Where `name` appears in `line` as a name of its own (not inside a longer one).
fn mentions(line: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    line.match_indices(name).any(|(at, _)| {
        let before = line.get(..at).and_then(|s| s.chars().next_back());
        let after = line.get(at + name.len()..).and_then(|s| s.chars().next());
        let joined_before = before.is_some_and(is_word);
        let joined_after = name.ends_with(is_word) && after.is_some_and(is_word);
        !(joined_before || joined_after)
    })
}

/// Every `file:line: name` in `files` that uses a forbidden name.
fn findings(root: &Path, files: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        let names: &[&str] = match file.extension().and_then(|e| e.to_str()) {
            Some("rs") => &RUST,
            Some("js" | "mjs" | "ts" | "html") => &SCRIPT,
            _ => continue,
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for name in names.iter().filter(|name| mentions(line, name)) {
                let shown = file.strip_prefix(root).unwrap_or(file).display();
                out.push(format!("{shown}:{}: {name}", n + 1));
            }
        }
    }
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_source_of_the_page_turns_text_into_markup_or_code() {
    let root = crate::process::project_root();
    let mut files = Vec::new();
    for folder in FOLDERS {
        files_under(&root.join(folder), &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let found = findings(&root, &files);
    assert!(
        found.is_empty(),
        "build the page from text nodes and attributes, never from markup or code in a string:\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn the_scan_finds_each_name_as_a_name() {
    assert!(mentions("el.innerHTML = text;", "innerHTML"));
    assert!(mentions("element.set_inner_html(&text);", "set_inner_html"));
    assert!(mentions("let s = element.inner_html();", "inner_html"));
    assert!(mentions("const f = new Function('x');", "Function("));
    assert!(!mentions("isFunction(x)", "Function("));
    assert!(mentions("js_sys::eval(&code)", "eval("));
    assert!(!mentions("retrieval(x)", "eval("));
    assert!(!mentions("use iamplay_core::eval::Tag;", "eval("));
    let dir = std::env::temp_dir().join(format!("iamplay-sinks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.js"),
        "ok();\nnode.insertAdjacentHTML('beforeend', s);\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "let x = Html::from_html_unchecked(s.into());\n",
    )
    .unwrap();
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    files.sort();
    assert_eq!(
        findings(&dir, &files),
        vec!["a.js:2: insertAdjacentHTML", "b.rs:1: from_html_unchecked"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
