//! Building and serving the playground with Trunk.

use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::time::Instant;

use crate::error::{Error, Result};
use crate::process::{command, format_duration, project_root, run};
use crate::setup::{self, Tool};

/// The port `cargo xtask serve` uses unless told otherwise.
pub(crate) const DEFAULT_PORT: u16 = 8080;

/// Where the release build goes.
pub(crate) fn dist_dir() -> PathBuf {
    project_root().join("dist")
}

/// Downloads every crate the build needs, so that Trunk can run cargo offline.
fn fetch_crates() -> Result<()> {
    let mut cmd = command("cargo");
    cmd.args(["fetch", "--quiet"]);
    run(cmd)
}

/// `cargo xtask serve`: builds the playground and serves it on `127.0.0.1:port`, rebuilding
/// when a file changes.
pub(crate) fn serve(port: u16, release: bool) -> Result<()> {
    let mut tools = vec![Tool::RustTargets, Tool::Trunk, Tool::WasmBindgen];
    if release {
        tools.push(Tool::NodeTools);
    }
    setup::ensure(&tools)?;
    if TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_err() {
        return Err(
            Error::new(format!("port {port} on 127.0.0.1 is already in use")).help(format!(
                "stop what is using it, or pick another port: `cargo xtask serve --port {}`",
                port.wrapping_add(1).max(1024)
            )),
        );
    }
    fetch_crates()?;
    println!(
        "serve: building the playground ({}; the first build takes a few minutes), then serving it at http://127.0.0.1:{port}/ — press Ctrl-C to stop",
        if release { "release" } else { "debug" }
    );
    // Its own output folder, so that serving never overwrites a release build in dist/.
    let mut cmd = command("trunk");
    cmd.args(["serve", "--offline", "--address", "127.0.0.1", "--port"])
        .arg(port.to_string())
        .arg("--dist")
        .arg(
            project_root()
                .join("target")
                .join("xtask")
                .join("serve-dist"),
        );
    if release {
        cmd.arg("--release");
    }
    run(cmd)
}

/// `cargo xtask build`: the release playground in `dist/`, with relative URLs so that it works
/// from any folder of any static host.
pub(crate) fn build() -> Result<()> {
    setup::ensure(&[
        Tool::RustTargets,
        Tool::Trunk,
        Tool::WasmBindgen,
        Tool::NodeTools,
    ])?;
    build_release()
}

/// Builds the release `dist/` (tools already set up), and prints what it holds.
pub(crate) fn build_release() -> Result<()> {
    fetch_crates()?;
    let started = Instant::now();
    println!("build: release build of the playground into dist/ (takes a few minutes)");
    let mut cmd = command("trunk");
    cmd.args([
        "build",
        "--release",
        "--offline",
        "--public-url",
        "./",
        "--dist",
    ])
    .arg(dist_dir());
    run(cmd)?;
    crate::csp::secure(&dist_dir())?;
    println!("build: the embeddable widget into dist/embed/ and its demo lesson into dist/demo/");
    crate::embed::build_into(&dist_dir())?;
    crate::headers::write(&dist_dir())?;
    let mut files: Vec<(String, u64)> = std::fs::read_dir(dist_dir())?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let metadata = entry.metadata().ok().filter(|m| m.is_file())?;
            let size = metadata.len();
            Some((entry.file_name().to_string_lossy().into_owned(), size))
        })
        .collect();
    files.sort();
    let total: u64 = files.iter().map(|(_, size)| size).sum();
    println!(
        "build: dist/ ready in {}: the playground in {} files, {} KiB ({}); the widget in dist/embed/, its demo in dist/demo/",
        format_duration(started.elapsed()),
        files.len(),
        total / 1024,
        files
            .iter()
            .map(|(name, size)| format!("{name} {} KiB", size.div_ceil(1024)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
