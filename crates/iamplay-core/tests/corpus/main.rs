//! The conformance corpus: JSON cases under `tests/corpus/`, each encoding one fact of AWS's
//! behaviour with the page (or recorded AWS response) it comes from. Every case is one test,
//! named `<corpus>/<file>/<case name>`.
//!
//! - `tests/corpus/policy/`: policy validation (see `policy.rs` for the case format);
//! - `tests/corpus/eval/`: request evaluation (see `eval.rs`);
//! - `tests/corpus/sts/`: STS calls, sessions and requests in a world (see `sts.rs`);
//! - `tests/corpus/scenario/`: scenario documents the reader and the JSON Schema agree on (see
//!   `scenario.rs`), and every built-in scenario under `scenarios/`.

#![cfg_attr(target_arch = "wasm32", allow(unused))]
// A test harness: a broken case should stop it with a clear message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(not(target_arch = "wasm32"))]
mod eval;
#[cfg(not(target_arch = "wasm32"))]
mod policy;
#[cfg(not(target_arch = "wasm32"))]
mod scenario;
#[cfg(not(target_arch = "wasm32"))]
mod sts;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;

    let args = libtest_mimic::Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut trials = Vec::new();
    trials.extend(load(&root, "policy", policy::run_case));
    trials.extend(load(&root, "eval", eval::run_case));
    trials.extend(load(&root, "sts", sts::run_case));
    trials.extend(load(&root, "scenario", scenario::run_case));
    trials.extend(builtin_scenarios(&root.join("../../scenarios")));
    libtest_mimic::run(&args, trials).exit();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// One trial per built-in scenario file: the schema and the reader must both accept it.
#[cfg(not(target_arch = "wasm32"))]
fn builtin_scenarios(dir: &std::path::Path) -> Vec<libtest_mimic::Trial> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| {
                    path.extension().is_some_and(|ext| ext == "json")
                        && !path.to_string_lossy().ends_with(".schema.json")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = format!(
                "scenarios/{}",
                path.file_stem().unwrap_or_default().to_string_lossy()
            );
            libtest_mimic::Trial::test(name, move || scenario::check_builtin(&path))
        })
        .collect()
}

/// One trial per case of every JSON file in `root/corpus` (or one failing trial for a file that
/// cannot be read).
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
fn load(
    root: &std::path::Path,
    corpus: &str,
    run: fn(&serde_json::Value) -> Result<(), libtest_mimic::Failed>,
) -> Vec<libtest_mimic::Trial> {
    use libtest_mimic::Trial;

    let dir = root.join(corpus);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut trials = Vec::new();
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: serde_json::Value = match serde_json::from_str(&text) {
            Ok(doc) => doc,
            Err(err) => {
                let message = format!("{}: not JSON: {err}", file.display());
                trials.push(Trial::test(format!("{corpus}/{stem}"), move || {
                    Err(message.into())
                }));
                continue;
            }
        };
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        if cases.is_empty() {
            let message = format!("{}: no cases", file.display());
            trials.push(Trial::test(format!("{corpus}/{stem}"), move || {
                Err(message.into())
            }));
        }
        for (i, mut case) in cases.into_iter().enumerate() {
            // A file-level world is every case's that has none of its own.
            if case.get("world").is_none()
                && let Some(world) = doc.get("world")
            {
                case["world"] = world.clone();
            }
            let name = case["name"]
                .as_str()
                .map_or_else(|| format!("case {i}"), String::from);
            trials.push(Trial::test(format!("{corpus}/{stem}/{name}"), move || {
                run(&case)
            }));
        }
    }
    trials
}
