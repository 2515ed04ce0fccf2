//! The embeddable widget: `iamplay-embed.js`, its engine (the `iamplay-embed` crate as
//! WebAssembly) and the lessons it fetches, built into `dist/embed/` beside the playground
//! (with `embed.html` for frames and the demo lesson in `dist/demo/`) and into the npm
//! package's `embed/`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::process::{command, project_root, run};

/// The engine's module name (`iamplay-embed-engine.js`, `iamplay-embed-engine_bg.wasm`).
const ENGINE: &str = "iamplay-embed-engine";

/// The line of `iamplay-embed.js` that says where the full playground is.
const PLAYGROUND_LINE: &str = "const PLAYGROUND = './';";

fn sources() -> PathBuf {
    project_root().join("web")
}

/// Builds the engine for the web into `out` (release, optimized for size).
fn build_engine(out: &Path) -> Result<()> {
    let wasm = crate::npm::release_wasm("iamplay-embed")?;
    let mut bindgen = command("wasm-bindgen");
    bindgen
        .arg(&wasm)
        .args(["--target", "web", "--out-name", ENGINE, "--out-dir"])
        .arg(out);
    run(bindgen)?;
    crate::npm::optimize(&out.join(format!("{ENGINE}_bg.wasm")))
}

/// The widget in `out`: the script (linking the playground at `playground`, relative to
/// it, or nowhere), the engine and every lesson.
fn widget(out: &Path, playground: Option<&str>) -> Result<()> {
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    fs::create_dir_all(out.join("scenarios"))?;
    build_engine(out)?;
    let script = fs::read_to_string(sources().join("embed").join("iamplay-embed.js"))?;
    if !script.contains(PLAYGROUND_LINE) {
        return Err(Error::new(format!(
            "web/embed/iamplay-embed.js has no `{PLAYGROUND_LINE}` line to set"
        )));
    }
    let playground = match playground {
        Some(path) => format!("const PLAYGROUND = '{path}';"),
        None => "const PLAYGROUND = null;".to_owned(),
    };
    fs::write(
        out.join("iamplay-embed.js"),
        script.replace(PLAYGROUND_LINE, &playground),
    )?;
    fs::copy(
        sources().join("embed").join("iamplay-embed.d.ts"),
        out.join("iamplay-embed.d.ts"),
    )?;
    for entry in fs::read_dir(project_root().join("scenarios"))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".json") && !name.ends_with(".schema.json") {
            fs::copy(&path, out.join("scenarios").join(name))?;
        }
    }
    Ok(())
}

/// Copies the page `from` to `to` with the release policy declared in it.
fn page(from: &Path, to: &Path) -> Result<()> {
    let name = from.display().to_string();
    fs::write(to, crate::csp::declare(&fs::read_to_string(from)?, &name)?)?;
    Ok(())
}

/// `dist/embed/` (the widget, linking the playground in `dist/`, and `embed.html`) and
/// `dist/demo/` (the demo lesson).
pub(crate) fn build_into(dist: &Path) -> Result<()> {
    let out = dist.join("embed");
    widget(&out, Some("../"))?;
    let embed = sources().join("embed");
    page(&embed.join("embed.html"), &out.join("embed.html"))?;
    for file in ["embed-frame.js", "embed-frame.css"] {
        fs::copy(embed.join(file), out.join(file))?;
    }
    let demo = dist.join("demo");
    fs::create_dir_all(&demo)?;
    page(
        &sources().join("demo").join("index.html"),
        &demo.join("index.html"),
    )?;
    fs::copy(
        sources().join("demo").join("demo.css"),
        demo.join("demo.css"),
    )?;
    Ok(())
}

/// The npm package's `embed/`: the widget, linking no playground unless told.
pub(crate) fn package(out: &Path) -> Result<()> {
    widget(out, None)
}
