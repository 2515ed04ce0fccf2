//! `cargo xtask npm`: the `iamplay` npm package in `pkg/` (the engine as WebAssembly, for
//! Node — ESM and CommonJS — and for browsers and bundlers), and its tarball in `target/npm/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::{Error, Result};
use crate::process::{capture, command, format_duration, project_root, run};
use crate::setup::{self, Tool};

/// Where the package is assembled.
pub(crate) fn pkg_dir() -> PathBuf {
    project_root().join("pkg")
}

/// The wasm features rustc 1.95 emits for wasm32-unknown-unknown, which wasm-opt must accept.
const WASM_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// Builds the crate `package` for wasm32 in release; returns its `.wasm`.
pub(crate) fn release_wasm(package: &str) -> Result<PathBuf> {
    let mut cargo = command("cargo");
    cargo.args(["build", "--quiet", "--release", "-p", package, "--target"]);
    cargo.arg("wasm32-unknown-unknown");
    run(cargo)?;
    Ok(project_root()
        .join("target")
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{}.wasm", package.replace('-', "_"))))
}

/// Optimizes the wasm at `path` for size, in place.
pub(crate) fn optimize(path: &Path) -> Result<()> {
    let mut opt = command("wasm-opt");
    opt.arg("-Oz")
        .args(WASM_FEATURES)
        .arg(path)
        .arg("-o")
        .arg(path);
    run(opt)
}

/// `cargo xtask npm`: installs what is missing, builds the package, packs it; returns the
/// tarball.
pub(crate) fn npm() -> Result<PathBuf> {
    setup::ensure(&[Tool::RustTargets, Tool::WasmBindgen, Tool::NodeTools])?;
    build_package()
}

/// Builds `pkg/` and packs it (tools already set up).
pub(crate) fn build_package() -> Result<PathBuf> {
    let started = Instant::now();
    println!("npm: release build of iamplay-wasm for wasm32 (takes a minute or two)");
    let wasm = release_wasm("iamplay-wasm")?;
    let pkg = pkg_dir();
    if pkg.exists() {
        fs::remove_dir_all(&pkg)?;
    }
    for (target, dir) in [("nodejs", "node"), ("web", "web")] {
        let out = pkg.join(dir);
        let mut bindgen = command("wasm-bindgen");
        bindgen
            .arg(&wasm)
            .args(["--target", target, "--out-name", "iamplay", "--out-dir"])
            .arg(&out);
        run(bindgen)?;
        optimize(&out.join("iamplay_bg.wasm"))?;
    }
    crate::embed::package(&pkg.join("embed"))?;
    node_module_files(&pkg.join("node"))?;
    for dir in ["node", "web"] {
        polish_declarations(&pkg.join(dir).join("iamplay.d.ts"))?;
    }
    let source = project_root().join("npm");
    for file in ["package.json", "README.md"] {
        let text = fs::read_to_string(source.join(file))?
            .replace("0.0.0-version", env!("CARGO_PKG_VERSION"));
        fs::write(pkg.join(file), text)?;
    }
    fs::copy(project_root().join("LICENSE"), pkg.join("LICENSE"))?;
    let packed = project_root().join("target").join("npm");
    fs::create_dir_all(&packed)?;
    let mut pack = command("npm");
    pack.current_dir(&pkg)
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&packed);
    let name = capture(pack).ok_or_else(|| Error::new("`npm pack` failed in pkg/"))?;
    let tarball = packed.join(name.trim());
    let size = |path: &Path| fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "npm: pkg/ and {} ready in {}: wasm {} KiB, tarball {} KiB",
        tarball.display(),
        format_duration(started.elapsed()),
        size(&pkg.join("node").join("iamplay_bg.wasm")).div_ceil(1024),
        size(&tarball).div_ceil(1024)
    );
    Ok(tarball)
}

/// The Node build as wasm-bindgen writes it is CommonJS: named `iamplay.cjs` (the package is
/// `"type": "module"`), with an ES module beside it that re-exports its names.
fn node_module_files(dir: &Path) -> Result<()> {
    let generated = dir.join("iamplay.js");
    let cjs = fs::read_to_string(&generated)?;
    fs::write(dir.join("iamplay.cjs"), &cjs)?;
    fs::remove_file(&generated)?;
    let names = exported_names(&cjs);
    if names.is_empty() {
        return Err(Error::new("the Node build exports nothing"));
    }
    let mjs = format!(
        "// The ES module face of the CommonJS build beside it.\nimport {{ createRequire }} from 'node:module';\n\nconst iamplay = createRequire(import.meta.url)('./iamplay.cjs');\n\nexport const {{ {} }} = iamplay;\nexport default iamplay;\n",
        names.join(", ")
    );
    fs::write(dir.join("iamplay.mjs"), mjs)?;
    Ok(())
}

/// The declarations as users need them: `options` arguments optional (wasm-bindgen writes a
/// given type as required), and no `Symbol.dispose` member (it needs TypeScript's newest
/// library; the method is still there at run time).
fn polish_declarations(path: &Path) -> Result<()> {
    let text = fs::read_to_string(path)?;
    let polished: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("[Symbol.dispose]"))
        .map(|line| {
            line.replace("options: Options)", "options?: Options)")
                .replace("options: CallOptions)", "options?: CallOptions)")
                + "\n"
        })
        .collect();
    if !polished.contains("options?: Options)") {
        return Err(Error::new(format!(
            "{}: no `options: Options` argument to make optional; has wasm-bindgen changed?",
            path.display()
        )));
    }
    fs::write(path, polished)?;
    Ok(())
}

/// The names a wasm-bindgen CommonJS module exports (`exports.name = ...`).
fn exported_names(cjs: &str) -> Vec<String> {
    let mut names: Vec<String> = cjs
        .lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("module.exports.")
                .or_else(|| line.strip_prefix("exports."))?;
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            (!name.is_empty() && !name.starts_with("__")).then_some(name)
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_names_are_read_from_commonjs() {
        let cjs = "exports.evaluate = function(input) {};\nmodule.exports.Simulator = Simulator;\nexports.__wbg_x = 1;\nconst y = 2;\n";
        assert_eq!(exported_names(cjs), ["Simulator", "evaluate"]);
    }
}
