//! Installing the tools the project needs, each at the version it needs: skipped when already
//! there, one progress line per step, and a message that says what to do by hand when it fails.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::process::{
    capture, cargo_bin_dir, command, describe, format_duration, project_root, run_logged, tools_dir,
};

/// The Trunk release that builds with the project's Rust (1.95); 0.22 needs a newer rustc.
pub(crate) const TRUNK_VERSION: &str = "0.21.14";

/// The cargo-fuzz release that builds and runs the fuzz targets (`cargo xtask fuzz`).
pub(crate) const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The Rust targets: the web build's, and a bare one that proves the core needs no `std`.
const RUST_TARGETS: [&str; 2] = ["wasm32-unknown-unknown", "wasm32v1-none"];

/// How often a slow install says it is still going.
const HEARTBEAT: Duration = Duration::from_secs(30);

/// A tool some task needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tool {
    /// The Rust targets `wasm32-unknown-unknown` and `wasm32v1-none`.
    RustTargets,
    /// Trunk, which builds and serves the web app.
    Trunk,
    /// The wasm-bindgen CLI and its test runner, at the version in `Cargo.lock`.
    WasmBindgen,
    /// The npm packages in `tools/`: binaryen's `wasm-opt` and playwright-core.
    NodeTools,
    /// Debian's Chromium and ChromeDriver, for the browser tests.
    Chromium,
    /// cargo-fuzz, which builds the fuzz targets with libFuzzer.
    CargoFuzz,
}

impl Tool {
    /// What it is and why the project needs it, for the progress line.
    fn purpose(self) -> &'static str {
        match self {
            Self::RustTargets => "Rust targets for WebAssembly and for the no_std check",
            Self::Trunk => "builds and serves the playground",
            Self::WasmBindgen => "JS glue for the wasm build, and the browser test runner",
            Self::NodeTools => {
                "wasm-opt shrinks release builds; playwright drives the browser; tsc checks the npm types"
            }
            Self::Chromium => "headless browser for the browser and end-to-end tests",
            Self::CargoFuzz => "builds and runs the libFuzzer targets in fuzz/",
        }
    }

    /// Which install lane it belongs to: tools in different lanes install at the same time.
    fn lane(self) -> usize {
        match self {
            Self::RustTargets | Self::Trunk | Self::WasmBindgen | Self::CargoFuzz => 0,
            Self::NodeTools => 1,
            Self::Chromium => 2,
        }
    }
}

/// Makes sure every tool in `tools` is installed at the right version, installing what is
/// missing (lanes in parallel: cargo, npm, apt).
pub(crate) fn ensure(tools: &[Tool]) -> Result<()> {
    let mut lanes: [Vec<Tool>; 3] = Default::default();
    for &tool in tools {
        if let Some(lane) = lanes.get_mut(tool.lane()) {
            lane.push(tool);
        }
    }
    let errors: Vec<Error> = thread::scope(|scope| {
        let handles: Vec<_> = lanes
            .iter()
            .filter(|lane| !lane.is_empty())
            .map(|lane| scope.spawn(move || lane.iter().try_for_each(|&tool| ensure_one(tool))))
            .collect();
        handles
            .into_iter()
            .filter_map(|handle| match handle.join() {
                Ok(result) => result.err(),
                Err(_) => Some(Error::new("a setup step crashed")),
            })
            .collect()
    });
    let mut errors = errors.into_iter();
    match (errors.next(), errors.next()) {
        (None, _) => Ok(()),
        (Some(only), None) => Err(only),
        (Some(first), Some(second)) => {
            eprintln!("{second}");
            errors.for_each(|err| eprintln!("{err}"));
            Err(first)
        }
    }
}

/// Checks one tool and installs it if needed.
fn ensure_one(tool: Tool) -> Result<()> {
    let wanted = wanted_version(tool)?;
    let name = display_name(tool, &wanted);
    if let Found::Yes = find(tool, &wanted) {
        println!("setup: ✓ {name} already installed ({})", tool.purpose());
        return Ok(());
    }
    let plan = install_plan(tool, &wanted)?;
    println!(
        "setup: installing {name} ({}) with `{}`; takes about {}",
        tool.purpose(),
        plan.iter().map(describe).collect::<Vec<_>>().join(" && "),
        estimate(tool)
    );
    let started = Instant::now();
    let log_dir = project_root().join("target").join("xtask").join("logs");
    for (i, cmd) in plan.into_iter().enumerate() {
        let log = log_dir.join(format!("{}-{i}.log", log_name(tool)));
        run_logged(cmd, &log, &name, HEARTBEAT)
            .map_err(|err| err.help(manual_help(tool, &wanted)))?;
    }
    if tool == Tool::NodeTools {
        std::fs::copy(
            tools_dir().join("package-lock.json"),
            installed_lock_stamp(),
        )?;
    }
    match find(tool, &wanted) {
        Found::Yes => {
            println!(
                "setup: ✓ {name} installed in {}",
                format_duration(started.elapsed())
            );
            Ok(())
        }
        Found::No(why) => Err(Error::new(format!(
            "{name} was installed but is still not usable: {why}"
        ))
        .help(manual_help(tool, &wanted))),
    }
}

/// Whether a tool is there at the wanted version.
enum Found {
    Yes,
    No(String),
}

/// The version the project wants, where it pins one.
fn wanted_version(tool: Tool) -> Result<String> {
    match tool {
        Tool::Trunk => Ok(TRUNK_VERSION.to_owned()),
        Tool::WasmBindgen => wasm_bindgen_version(),
        Tool::CargoFuzz => Ok(CARGO_FUZZ_VERSION.to_owned()),
        Tool::RustTargets | Tool::NodeTools | Tool::Chromium => Ok(String::new()),
    }
}

fn display_name(tool: Tool, version: &str) -> String {
    match tool {
        Tool::RustTargets => format!("rustup targets {}", RUST_TARGETS.join(", ")),
        Tool::Trunk => format!("trunk {version}"),
        Tool::WasmBindgen => format!("wasm-bindgen-cli {version}"),
        Tool::NodeTools => "npm tools in tools/ (binaryen, playwright-core, typescript)".to_owned(),
        Tool::Chromium => "chromium, chromium-driver and a Chinese font".to_owned(),
        Tool::CargoFuzz => format!("cargo-fuzz {version}"),
    }
}

fn log_name(tool: Tool) -> &'static str {
    match tool {
        Tool::RustTargets => "rustup-targets",
        Tool::Trunk => "trunk",
        Tool::WasmBindgen => "wasm-bindgen-cli",
        Tool::NodeTools => "npm-tools",
        Tool::Chromium => "chromium",
        Tool::CargoFuzz => "cargo-fuzz",
    }
}

fn estimate(tool: Tool) -> &'static str {
    match tool {
        Tool::RustTargets => "a minute",
        Tool::Trunk => "7 minutes on 2 cores",
        Tool::WasmBindgen => "4 minutes on 2 cores",
        Tool::NodeTools => "half a minute",
        Tool::Chromium => "2 minutes",
        Tool::CargoFuzz => "a minute and a half on 2 cores",
    }
}

fn find(tool: Tool, wanted: &str) -> Found {
    match tool {
        Tool::RustTargets => {
            let installed = capture({
                let mut cmd = command("rustup");
                cmd.args(["target", "list", "--installed"]);
                cmd
            })
            .unwrap_or_default();
            match RUST_TARGETS
                .iter()
                .find(|target| !installed.lines().any(|l| l.trim() == **target))
            {
                Some(missing) => Found::No(format!("target {missing} is not installed")),
                None => Found::Yes,
            }
        }
        Tool::Trunk => version_is("trunk", &format!("trunk {wanted}")),
        Tool::WasmBindgen => match version_is("wasm-bindgen", &format!("wasm-bindgen {wanted}")) {
            Found::Yes => version_is(
                "wasm-bindgen-test-runner",
                &format!("wasm-bindgen-test-runner {wanted}"),
            ),
            no => no,
        },
        Tool::CargoFuzz => version_is("cargo-fuzz", &format!("cargo-fuzz {wanted}")),
        Tool::NodeTools => node_tools_found(),
        Tool::Chromium => match version_of(&chromium()) {
            None => Found::No(format!("{} does not run", chromium().display())),
            Some(_) => match version_of(&chromedriver()) {
                None => Found::No(format!("{} does not run", chromedriver().display())),
                Some(_) if !has_chinese_font() => Found::No(
                    "no font with Chinese characters: the screenshots in 简体中文 and 繁體中文 would show boxes"
                        .to_owned(),
                ),
                Some(_) => Found::Yes,
            },
        },
    }
}

/// Whether fontconfig knows a font with Chinese characters (the end-to-end screenshots show the
/// playground in Chinese).
fn has_chinese_font() -> bool {
    capture({
        let mut cmd = command("fc-list");
        cmd.args([":lang=zh", "family"]);
        cmd
    })
    .is_some_and(|fonts| !fonts.trim().is_empty())
}

/// Whether `program --version` prints a line starting with `expected`.
fn version_is(program: &str, expected: &str) -> Found {
    match version_of(Path::new(program)) {
        Some(text) if text.lines().any(|line| line.trim().starts_with(expected)) => Found::Yes,
        Some(text) => Found::No(format!(
            "found `{}`, need `{expected}`",
            text.lines().next().unwrap_or_default().trim()
        )),
        None => Found::No(format!("`{program}` is not installed")),
    }
}

fn version_of(program: &Path) -> Option<String> {
    let mut cmd = command(program);
    cmd.arg("--version");
    capture(cmd)
}

/// The npm tools are installed when `npm ci` last ran on the lock file as it is now.
fn node_tools_found() -> Found {
    let lock = tools_dir().join("package-lock.json");
    match (std::fs::read(&lock), std::fs::read(installed_lock_stamp())) {
        (Ok(wanted), Ok(installed)) if wanted == installed => Found::Yes,
        (Err(err), _) => Found::No(format!("cannot read {}: {err}", lock.display())),
        _ => {
            Found::No("tools/node_modules is missing or older than tools/package-lock.json".into())
        }
    }
}

/// A copy of the lock file `npm ci` last installed, kept in `node_modules`.
fn installed_lock_stamp() -> PathBuf {
    tools_dir()
        .join("node_modules")
        .join(".iamplay-installed-lock.json")
}

/// The commands that install a tool, or why it cannot be installed from here.
fn install_plan(tool: Tool, version: &str) -> Result<Vec<std::process::Command>> {
    let help = manual_help(tool, version);
    Ok(match tool {
        Tool::RustTargets => {
            require("rustup", &help)?;
            let mut cmd = command("rustup");
            cmd.args(["target", "add"]).args(RUST_TARGETS);
            vec![cmd]
        }
        Tool::Trunk => {
            let mut cmd = command("cargo");
            cmd.args(["install", "--locked", "trunk", "--version", version]);
            vec![cmd]
        }
        Tool::WasmBindgen => {
            // Without `--locked`: the CLI's own lock file does not resolve from the registry here.
            let mut cmd = command("cargo");
            cmd.args([
                "install",
                "--force",
                "wasm-bindgen-cli",
                "--version",
                version,
            ]);
            vec![cmd]
        }
        Tool::CargoFuzz => {
            let mut cmd = command("cargo");
            cmd.args(["install", "--locked", "cargo-fuzz", "--version", version]);
            vec![cmd]
        }
        Tool::NodeTools => {
            require("node", &help)?;
            require("npm", &help)?;
            let mut install = command("npm");
            install.current_dir(tools_dir()).args([
                "ci",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ]);
            vec![install]
        }
        Tool::Chromium => {
            require("apt-get", &help)?;
            let uid = capture({
                let mut cmd = command("id");
                cmd.arg("-u");
                cmd
            })
            .unwrap_or_default();
            if uid.trim() != "0" {
                return Err(Error::new("installing Chromium needs root (apt-get)").help(help));
            }
            let mut update = command("apt-get");
            update.args(["update", "-q"]);
            let mut install = command("apt-get");
            install.env("DEBIAN_FRONTEND", "noninteractive").args([
                "install",
                "-y",
                "-q",
                "chromium",
                "chromium-driver",
                "fonts-wqy-microhei",
            ]);
            vec![update, install]
        }
    })
}

/// Fails with `help` when `program` is not on `PATH`.
fn require(program: &str, help: &str) -> Result<()> {
    match version_of(Path::new(program)) {
        Some(_) => Ok(()),
        None => Err(Error::new(format!("`{program}` is not installed")).help(help)),
    }
}

/// What to do by hand when a tool cannot be installed.
fn manual_help(tool: Tool, version: &str) -> String {
    match tool {
        Tool::RustTargets => format!(
            "install Rust with rustup (https://rustup.rs), then run `rustup target add {}`",
            RUST_TARGETS.join(" ")
        ),
        Tool::Trunk => format!(
            "run `cargo install --locked trunk --version {version}` and make sure {} is on PATH",
            cargo_bin_dir().display()
        ),
        Tool::WasmBindgen => format!(
            "run `cargo install wasm-bindgen-cli --version {version}` (the version must equal \
             wasm-bindgen's in Cargo.lock)"
        ),
        Tool::CargoFuzz => format!(
            "run `cargo install --locked cargo-fuzz --version {version}` and make sure {} is on PATH",
            cargo_bin_dir().display()
        ),
        Tool::NodeTools => "install Node.js 20 or newer with npm (Debian: `apt-get install nodejs npm`),\n\
             then run `npm ci` in the tools/ folder"
            .to_owned(),
        Tool::Chromium => "as root: `apt-get update && apt-get install -y chromium chromium-driver fonts-wqy-microhei`\n\
             or point CHROMIUM and CHROMEDRIVER at a Chromium and a ChromeDriver of the same version"
            .to_owned(),
    }
}

/// The headless browser: `$CHROMIUM`, or Debian's `/usr/bin/chromium`.
pub(crate) fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Its WebDriver: `$CHROMEDRIVER`, or Debian's `/usr/bin/chromedriver`.
pub(crate) fn chromedriver() -> PathBuf {
    std::env::var_os("CHROMEDRIVER")
        .map_or_else(|| PathBuf::from("/usr/bin/chromedriver"), PathBuf::from)
}

/// The wasm-bindgen version in `Cargo.lock`, which the CLI must equal.
pub(crate) fn wasm_bindgen_version() -> Result<String> {
    let path = project_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(|err| {
        Error::new(format!("cannot read {}: {err}", path.display()))
            .help("run `cargo generate-lockfile` in the project folder")
    })?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| {
        Error::new("Cargo.lock has no `wasm-bindgen` package")
            .help("run `cargo update -p wasm-bindgen`")
    })
}

/// The version of package `name` in a `Cargo.lock` text.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"').map(str::to_owned);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_version_reads_the_named_package_only() {
        let lock = "[[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(lock, "wasm-bindgen-test").as_deref(),
            Some("0.3.80")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn the_project_pins_wasm_bindgen_exactly() {
        let manifest = std::fs::read_to_string(project_root().join("Cargo.toml")).unwrap();
        let locked = wasm_bindgen_version().unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={locked}\"")),
            "Cargo.toml must pin wasm-bindgen with `=` to the locked {locked}"
        );
    }
}
