//! `cargo xtask test`: every check and test the project has, then one summary line.
//!
//! The phases: checks (formatting, clippy for native and wasm32, the core without `std`),
//! native tests, `wasm-bindgen-test` tests in headless Chromium, and the end-to-end tests that
//! load the release build from a static server in headless Chromium; then a short run of every
//! fuzz target.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::error::{Error, Result};
use crate::process::{command, format_duration, project_root, run_streaming, tools_dir};
use crate::setup::{self, Tool, chromedriver, chromium};
use crate::static_server::StaticServer;
use crate::tally::Tally;
use crate::{fuzz, npm, web};

/// Chromium's flags for a headless run as root on a machine with no network but loopback
/// (the runners add `--headless` themselves).
pub(crate) const CHROMIUM_ARGS: [&str; 9] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-default-apps",
];

/// The crates with `wasm-bindgen-test` tests that run in the browser.
const BROWSER_TEST_CRATES: [&str; 1] = ["iamplay-web"];

/// The sub-path the end-to-end test serves `dist/` under, as a course site might.
pub(crate) const E2E_SUB_PATH: &str = "/course/lesson-1/iamplay/";

/// How long the fuzz phase runs each fuzz target: enough to replay the seeds and the corpus
/// earlier runs grew, and to try some new inputs.
const FUZZ_SMOKE_SECONDS: u64 = 10;

/// One phase's result.
pub(crate) struct Phase {
    name: &'static str,
    tally: Tally,
    failures: Vec<String>,
}

impl Phase {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            tally: Tally::default(),
            failures: Vec::new(),
        }
    }

    /// The names of what failed.
    pub(crate) fn failures(&self) -> &[String] {
        &self.failures
    }

    /// Records a runner's tally; a failing runner is named among the failures.
    fn record(&mut self, what: &str, mut tally: Tally, succeeded: bool) {
        tally.finish(succeeded);
        if tally.failed > 0 {
            self.failures.push(what.to_owned());
        }
        self.tally += tally;
    }
}

/// Runs everything and prints the summary; fails if anything failed.
pub(crate) fn test_all() -> Result<()> {
    let started = Instant::now();
    setup::ensure(&[
        Tool::RustTargets,
        Tool::Trunk,
        Tool::WasmBindgen,
        Tool::NodeTools,
        Tool::Chromium,
    ])?;
    let phases = [
        checks(),
        native_tests(),
        browser_tests(),
        end_to_end(),
        npm_package(),
        fuzz_smoke(),
    ];
    let mut total = Tally::default();
    for phase in &phases {
        total += phase.tally;
        for failure in &phase.failures {
            println!("  ✗ {}: {failure}", phase.name);
        }
    }
    println!(
        "iamplay test: {} passed, {} failed ({}) in {}",
        total.passed,
        total.failed,
        phases
            .iter()
            .map(|phase| format!("{} {}", phase.name, phase.tally))
            .collect::<Vec<_>>()
            .join(" · "),
        format_duration(started.elapsed())
    );
    if total.failed == 0 {
        Ok(())
    } else {
        Err(Error::new(format!("{} failed", total.failed))
            .help("scroll up to the first failure; each phase prints its own output"))
    }
}

/// The commands of the checks phase, with their names: also `cargo xtask lint`.
pub(crate) fn check_commands() -> Vec<(&'static str, Command)> {
    let cargo = |args: &[&str]| {
        let mut cmd = command("cargo");
        cmd.args(args);
        cmd
    };
    vec![
        (
            "formatting (cargo fmt --check)",
            cargo(&["fmt", "--all", "--", "--check"]),
        ),
        (
            "clippy, native",
            cargo(&[
                "clippy",
                "--quiet",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        ),
        (
            "clippy, wasm32",
            cargo(&[
                "clippy",
                "--quiet",
                "--workspace",
                "--all-targets",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]),
        ),
        (
            "iamplay-core builds without std (wasm32v1-none)",
            cargo(&[
                "check",
                "--quiet",
                "-p",
                "iamplay-core",
                "--target",
                "wasm32v1-none",
            ]),
        ),
    ]
}

/// Runs the named checks, each passing or failing as one.
pub(crate) fn run_checks(phase_name: &'static str, checks: Vec<(&'static str, Command)>) -> Phase {
    let mut phase = Phase::new(phase_name);
    for (name, mut cmd) in checks {
        println!("== {phase_name}: {name}");
        let ok = cmd.status().is_ok_and(|status| status.success());
        phase.record(name, Tally::one(ok), ok);
    }
    phase
}

fn checks() -> Phase {
    run_checks("checks", check_commands())
}

fn native_tests() -> Phase {
    println!("== native tests: cargo test --workspace");
    let mut phase = Phase::new("native");
    let mut cmd = command("cargo");
    cmd.args(["test", "--workspace"]);
    let (tally, ok) = run_counting(cmd, Tally::read_libtest_line);
    phase.record("cargo test --workspace", tally, ok);
    phase
}

fn browser_tests() -> Phase {
    println!("== browser tests: wasm-bindgen-test in headless Chromium");
    let mut phase = Phase::new("browser");
    let webdriver_json = match write_webdriver_json() {
        Ok(path) => path,
        Err(err) => {
            eprintln!("{err}");
            phase.record("webdriver.json", Tally::one(false), false);
            return phase;
        }
    };
    let mut cmd = command("cargo");
    cmd.args(["test", "--target", "wasm32-unknown-unknown", "--tests"])
        .args(BROWSER_TEST_CRATES.iter().flat_map(|name| ["-p", name]))
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", chromedriver())
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", webdriver_json)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    let (tally, ok) = run_counting(cmd, Tally::read_libtest_line);
    phase.record("wasm-bindgen-test in Chromium", tally, ok);
    phase
}

/// The capabilities `wasm-bindgen-test-runner` asks ChromeDriver for: which Chromium, and its
/// flags.
fn write_webdriver_json() -> Result<PathBuf> {
    let dir = project_root().join("target").join("xtask");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("webdriver.json");
    let args: Vec<String> = CHROMIUM_ARGS.iter().map(|arg| json_string(arg)).collect();
    let json = format!(
        "{{\"goog:chromeOptions\": {{\"binary\": {}, \"args\": [{}]}}}}\n",
        json_string(&chromium().to_string_lossy()),
        args.join(", ")
    );
    std::fs::write(&path, json)?;
    Ok(path)
}

fn end_to_end() -> Phase {
    println!("== end-to-end tests: the release dist/ in headless Chromium");
    let mut phase = Phase::new("end-to-end");
    if let Err(err) = web::build_release() {
        eprintln!("{err}");
        phase.record(
            "release build (cargo xtask build)",
            Tally::one(false),
            false,
        );
        return phase;
    }
    let server = match StaticServer::start(web::dist_dir(), E2E_SUB_PATH) {
        Ok(server) => server,
        Err(err) => {
            eprintln!("{err}");
            phase.record("static server", Tally::one(false), false);
            return phase;
        }
    };
    let artifacts = project_root().join("target").join("e2e");
    let tap = artifacts.join("report.tap");
    let files = match e2e_test_files(&project_root().join("tests").join("e2e")) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) | Err(_) => {
            eprintln!("error: no tests/e2e/*.test.mjs files");
            phase.record("end-to-end test files", Tally::one(false), false);
            return phase;
        }
    };
    if std::fs::create_dir_all(&artifacts).is_err() {
        phase.record("target/e2e folder", Tally::one(false), false);
        return phase;
    }
    println!("end-to-end: serving dist/ at {}", server.url());
    let (tally, ok) = node_tests(&files, &tap, &server.url(), &artifacts, &[]);
    phase.record("node --test tests/e2e", tally, ok);
    println!("end-to-end: screenshots in {}", artifacts.display());
    drop(server);
    phase
}

/// Runs `node --test` on `files` with the browser tests' environment, counting from its TAP
/// report.
fn node_tests(
    files: &[PathBuf],
    tap: &Path,
    url: &str,
    artifacts: &Path,
    extra: &[(&str, &Path)],
) -> (Tally, bool) {
    let mut cmd = command("node");
    cmd.args([
        "--test",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
    ])
    .arg("--test-reporter=tap")
    .arg(format!("--test-reporter-destination={}", tap.display()))
    .args(files)
    .env("IAMPLAY_URL", url)
    .env("IAMPLAY_ARTIFACTS", artifacts)
    .env("IAMPLAY_TOOLS", tools_dir())
    .env("IAMPLAY_CHROMIUM", chromium())
    .env("IAMPLAY_CHROMIUM_ARGS", CHROMIUM_ARGS.join("\n"));
    for (name, value) in extra {
        cmd.env(name, value);
    }
    if let Some(dir) = files.first().and_then(|f| f.parent()) {
        cmd.current_dir(dir);
    }
    let ok = cmd.status().is_ok_and(|status| status.success());
    let mut tally = Tally::default();
    std::fs::read_to_string(tap)
        .unwrap_or_default()
        .lines()
        .for_each(|line| tally.read_tap_line(line));
    (tally, ok)
}

/// The packed npm package, installed into a fresh folder as a user would, used from Node (ES
/// module and CommonJS), type-checked with TypeScript, and loaded by a page in headless
/// Chromium.
fn npm_package() -> Phase {
    println!("== npm package: packed, installed, used from Node, TypeScript and a browser");
    let mut phase = Phase::new("npm");
    let tarball = match npm::build_package() {
        Ok(tarball) => tarball,
        Err(err) => {
            eprintln!("{err}");
            phase.record("cargo xtask npm", Tally::one(false), false);
            return phase;
        }
    };
    let consumer = project_root().join("target").join("npm").join("consumer");
    if let Err(err) = install_consumer(&consumer, &tarball) {
        eprintln!("{err}");
        phase.record("npm install of the tarball", Tally::one(false), false);
        return phase;
    }
    let artifacts = project_root().join("target").join("npm");
    let node_files = vec![
        consumer.join("node-esm.test.mjs"),
        consumer.join("node-cjs.test.cjs"),
    ];
    let (tally, ok) = node_tests(
        &node_files,
        &artifacts.join("node.tap"),
        "",
        &artifacts,
        &[],
    );
    phase.record("node --test (ESM, CommonJS)", tally, ok);

    let mut tsc = command("tsc");
    tsc.arg("-p").arg(consumer.join("tsconfig.json"));
    println!("npm: tsc --noEmit on tests/npm/types-check.ts");
    let ok = tsc.status().is_ok_and(|status| status.success());
    phase.record("tsc --noEmit (the package's types)", Tally::one(ok), ok);

    match StaticServer::start(consumer.clone(), "/") {
        Ok(server) => {
            let helper = project_root().join("tests").join("e2e").join("browser.mjs");
            let (tally, ok) = node_tests(
                &[consumer.join("browser.test.mjs")],
                &artifacts.join("browser.tap"),
                &server.url(),
                &artifacts,
                &[("IAMPLAY_BROWSER_HELPER", &helper)],
            );
            phase.record("node --test browser.test.mjs", tally, ok);
        }
        Err(err) => {
            eprintln!("{err}");
            phase.record("static server", Tally::one(false), false);
        }
    }
    phase
}

/// Every fuzz target for [`FUZZ_SMOKE_SECONDS`], each passing or failing as one.
fn fuzz_smoke() -> Phase {
    println!("== fuzz: every fuzz target for {FUZZ_SMOKE_SECONDS}s");
    let mut phase = Phase::new("fuzz");
    if let Err(err) = fuzz::build() {
        eprintln!("{err}");
        phase.record("fuzz targets build", Tally::one(false), false);
        return phase;
    }
    for target in fuzz::TARGETS {
        let ok = match fuzz::run(target, FUZZ_SMOKE_SECONDS) {
            Ok((_, ok)) => ok,
            Err(err) => {
                eprintln!("{err}");
                false
            }
        };
        phase.record(
            &format!("fuzz target `{}`", target.name),
            Tally::one(ok),
            ok,
        );
    }
    phase
}

/// A fresh folder with the tarball installed and the package tests copied in.
fn install_consumer(consumer: &Path, tarball: &Path) -> Result<()> {
    if consumer.exists() {
        std::fs::remove_dir_all(consumer)?;
    }
    std::fs::create_dir_all(consumer)?;
    std::fs::write(
        consumer.join("package.json"),
        "{\"name\": \"iamplay-package-test\", \"private\": true}\n",
    )?;
    let mut install = command("npm");
    install
        .current_dir(consumer)
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
        ])
        .arg(tarball);
    crate::process::run(install)?;
    copy_dir(&project_root().join("tests").join("npm"), consumer)?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The end-to-end test files, sorted.
fn e2e_test_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    Ok(files)
}

/// Runs a test runner, printing its output and counting its results from its summary lines.
fn run_counting(cmd: Command, read: fn(&mut Tally, &str)) -> (Tally, bool) {
    let mut tally = Tally::default();
    match run_streaming(cmd, |line| read(&mut tally, line)) {
        Ok(status) => (tally, status.success()),
        Err(err) => {
            eprintln!("{err}");
            (tally, false)
        }
    }
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ch if u32::from(ch) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_what_json_requires() {
        assert_eq!(json_string("/usr/bin/chromium"), "\"/usr/bin/chromium\"");
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }

    #[test]
    fn a_failing_runner_is_named_and_counted() {
        let mut phase = Phase::new("native");
        phase.record(
            "ok runner",
            Tally {
                passed: 3,
                failed: 0,
            },
            true,
        );
        phase.record("broken runner", Tally::default(), false);
        assert_eq!(
            phase.tally,
            Tally {
                passed: 3,
                failed: 1
            }
        );
        assert_eq!(phase.failures, vec!["broken runner".to_owned()]);
    }
}
