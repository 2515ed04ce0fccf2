//! `cargo xtask fuzz [SECONDS]`: the fuzz targets of `fuzz/` (libFuzzer, through cargo-fuzz),
//! built once, then each run for a while from its seed corpus (`tests/fuzz/TARGET/`) and the
//! corpus earlier runs grew (`target/fuzz/corpus/TARGET/`), with one summary line each.
//!
//! The targets build with the nightly toolchain, as cargo-fuzz expects, in `target/fuzz/` so that
//! later runs reuse the build. Nightly is needed only for sanitizers, which these targets do not
//! use (their code has no `unsafe`): where rustup has no nightly, they build with the default
//! toolchain, and the task says how to add nightly. A crash fails the run, naming the target and
//! the input libFuzzer kept.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::process::{capture, command, describe, format_duration, project_root};
use crate::setup::{self, Tool};

/// How long `cargo xtask fuzz` runs each target when not told.
pub(crate) const DEFAULT_SECONDS: u64 = 60;

/// How long one input may take before libFuzzer calls it a hang.
const INPUT_TIMEOUT_SECONDS: u64 = 10;

/// A fuzz target: its name (a binary of `fuzz/`), the longest input it is given, and seed
/// folders besides `tests/fuzz/NAME/`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    /// The binary, and the name of its seed folder and dictionary.
    pub(crate) name: &'static str,
    /// libFuzzer's `-max_len`: long enough for the seeds, short enough to stay fast.
    max_len: usize,
    /// More seed folders, from the project root.
    more_seeds: &'static [&'static str],
}

/// Every target, in the order they run.
pub(crate) const TARGETS: [Target; 5] = [
    Target {
        name: "policy",
        max_len: 4096,
        more_seeds: &[],
    },
    Target {
        name: "evaluate",
        max_len: 8192,
        more_seeds: &[],
    },
    Target {
        name: "sts",
        max_len: 4096,
        more_seeds: &[],
    },
    // The built-in lessons are its seeds; the longest is about 20 KB.
    Target {
        name: "scenario",
        max_len: 24 * 1024,
        more_seeds: &["scenarios"],
    },
    Target {
        name: "share",
        max_len: 4096,
        more_seeds: &[],
    },
];

/// What one run of a target did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FuzzRun {
    /// Inputs run.
    pub(crate) execs: u64,
    /// Inputs run per second.
    pub(crate) execs_per_second: u64,
    /// Code edges covered (libFuzzer's `cov`).
    pub(crate) coverage: u64,
    /// Features seen (libFuzzer's `ft`: edges with hit counts, comparisons).
    pub(crate) features: u64,
    /// Inputs added to the corpus.
    pub(crate) new_inputs: u64,
    /// The input that crashed, hung or ran out of memory, as libFuzzer kept it.
    pub(crate) crash: Option<PathBuf>,
}

/// `cargo xtask fuzz [SECONDS]`.
pub(crate) fn fuzz(seconds: u64) -> Result<()> {
    build()?;
    let mut crashes = Vec::new();
    for target in TARGETS {
        let (run, ok) = run(target, seconds)?;
        if let (false, Some(crash)) = (ok, &run.crash) {
            crashes.push(format!("`{}`: {}", target.name, crash.display()));
        } else if !ok {
            crashes.push(format!(
                "`{}`: see {}",
                target.name,
                log_path(target).display()
            ));
        }
    }
    if crashes.is_empty() {
        println!(
            "fuzz: no crashes; the corpora grow in {}",
            work_dir().join("corpus").display()
        );
        Ok(())
    } else {
        Err(
            Error::new(format!("fuzzing found crashes:\n{}", crashes.join("\n"))).help(
                "rerun one input with `target/fuzz/x86_64-unknown-linux-gnu/release/TARGET FILE`,\n\
             shrink it with `-minimize_crash=1 -runs=10000`, fix the core and add the input as \
             a regression test",
            ),
        )
    }
}

/// Where the build, the grown corpora, the crashes and the logs go.
fn work_dir() -> PathBuf {
    project_root().join("target").join("fuzz")
}

fn log_path(target: Target) -> PathBuf {
    work_dir().join("logs").join(format!("{}.log", target.name))
}

/// Installs cargo-fuzz if needed and builds every target, with nightly where rustup has it.
pub(crate) fn build() -> Result<()> {
    setup::ensure(&[Tool::CargoFuzz])?;
    let mut cmd = command("cargo");
    if has_nightly() {
        cmd.arg("+nightly");
    } else {
        println!(
            "fuzz: rustup has no nightly toolchain: building with the default one, which works \
             without sanitizers;\n      to build as cargo-fuzz documents, add nightly: \
             `rustup toolchain install nightly --profile minimal`"
        );
    }
    cmd.args(["fuzz", "build", "--sanitizer", "none", "--target-dir"])
        .arg(work_dir());
    println!("fuzz: building the targets (`{}`)", describe(&cmd));
    let started = Instant::now();
    crate::process::run(cmd)?;
    println!("fuzz: built in {}", format_duration(started.elapsed()));
    Ok(())
}

/// Whether rustup has the nightly toolchain.
fn has_nightly() -> bool {
    capture({
        let mut cmd = command("cargo");
        cmd.args(["+nightly", "--version"]);
        cmd
    })
    .is_some()
}

/// Runs `target` for `seconds` and prints its line; `false` when it crashed or failed.
pub(crate) fn run(target: Target, seconds: u64) -> Result<(FuzzRun, bool)> {
    let root = project_root();
    let corpus = work_dir().join("corpus").join(target.name);
    let artifacts = work_dir().join("artifacts").join(target.name);
    let log = log_path(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir)?;
    }
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let binary = work_dir()
        .join("x86_64-unknown-linux-gnu")
        .join("release")
        .join(target.name);
    let mut cmd = Command::new(&binary);
    cmd.current_dir(&root)
        .arg(&corpus)
        .arg(root.join("tests").join("fuzz").join(target.name))
        .args(target.more_seeds.iter().map(|dir| root.join(dir)))
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={}", target.max_len))
        .arg(format!("-timeout={INPUT_TIMEOUT_SECONDS}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1");
    let dict = root
        .join("tests")
        .join("fuzz")
        .join(format!("{}.dict", target.name));
    if dict.exists() {
        cmd.arg(format!("-dict={}", dict.display()));
    }
    let out = File::create(&log)?;
    cmd.stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    println!("fuzz: {} for {seconds}s …", target.name);
    let started = Instant::now();
    let status = cmd.status().map_err(|err| {
        Error::new(format!("could not start `{}`: {err}", binary.display()))
            .help("build the targets first: `cargo xtask fuzz`")
    })?;
    let elapsed = started.elapsed();
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let run = read_log(&text);
    let ok = status.success() && run.crash.is_none();
    println!("{}", summary(target.name, &run, elapsed, ok));
    if !ok {
        println!("{}", failure_excerpt(&text));
        println!("  log: {}", log.display());
    }
    Ok((run, ok))
}

/// The summary line of a run.
fn summary(name: &str, run: &FuzzRun, elapsed: Duration, ok: bool) -> String {
    format!(
        "  {} {name:<9} {} execs ({}/s), coverage {} edges / {} features, {} new inputs, {}{}",
        if ok { "✓" } else { "✗" },
        run.execs,
        run.execs_per_second,
        run.coverage,
        run.features,
        run.new_inputs,
        format_duration(elapsed),
        match &run.crash {
            Some(crash) => format!(", crash: {}", crash.display()),
            None => String::new(),
        }
    )
}

/// The lines of a log that say what went wrong: the panic and its message, libFuzzer's verdict
/// and where it kept the input.
fn failure_excerpt(text: &str) -> String {
    let panic = text
        .lines()
        .skip_while(|line| !line.contains("panicked at"))
        .take_while(|line| !line.starts_with("stack backtrace"))
        .take(6);
    let verdict = text.lines().filter(|line| {
        line.starts_with("==") || line.starts_with("SUMMARY:") || line.contains("Test unit written")
    });
    panic
        .chain(verdict)
        .map(|line| format!("    {}", line.chars().take(400).collect::<String>()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a libFuzzer log says: the final stats (`-print_final_stats=1`), the coverage of the
/// last status line, and the crash file.
pub(crate) fn read_log(text: &str) -> FuzzRun {
    let mut run = FuzzRun::default();
    for line in text.lines() {
        let stat = |name: &str| {
            line.strip_prefix(name)
                .and_then(|rest| rest.trim().parse::<u64>().ok())
        };
        if let Some(n) = stat("stat::number_of_executed_units:") {
            run.execs = n;
        } else if let Some(n) = stat("stat::average_exec_per_sec:") {
            run.execs_per_second = n;
        } else if let Some(n) = stat("stat::new_units_added:") {
            run.new_inputs = n;
        } else if line.starts_with('#') && line.contains(" cov: ") {
            let field = |name: &str| {
                let mut words = line.split_whitespace();
                words.find(|w| *w == name)?;
                words.next()?.parse::<u64>().ok()
            };
            run.coverage = field("cov:").unwrap_or(run.coverage);
            run.features = field("ft:").unwrap_or(run.features);
        } else if let Some((_, file)) = line.split_once("Test unit written to ") {
            run.crash = Some(PathBuf::from(file.trim()));
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_stats_coverage_and_crash_file() {
        let log = "\
INFO: Seed: 3001573835
#13\tINITED cov: 7041 ft: 17222 corp: 12/181Kb exec/s: 0 rss: 31Mb
#111953\tDONE   cov: 9289 ft: 36434 corp: 1087/15180Kb lim: 20476 exec/s: 1835 rss: 60Mb
stat::number_of_executed_units: 111953
stat::average_exec_per_sec:     1835
stat::new_units_added:          1501
stat::slowest_unit_time_sec:    0
";
        assert_eq!(
            read_log(log),
            FuzzRun {
                execs: 111_953,
                execs_per_second: 1835,
                coverage: 9289,
                features: 36434,
                new_inputs: 1501,
                crash: None,
            }
        );
        let crashed = "#15\tNEW    cov: 700 ft: 900 corp: 3/1Kb\n\
            artifact_prefix='art/'; Test unit written to art/crash-eb3ed499\n\
            Base64: Ilzho5MA\n";
        let run = read_log(crashed);
        assert_eq!(run.crash, Some(PathBuf::from("art/crash-eb3ed499")));
        assert_eq!((run.coverage, run.features), (700, 900));
    }

    #[test]
    fn every_target_has_a_binary_and_seeds() {
        let root = project_root();
        let manifest = std::fs::read_to_string(root.join("fuzz").join("Cargo.toml")).unwrap();
        for target in TARGETS {
            assert!(
                manifest.contains(&format!("name = \"{}\"", target.name)),
                "fuzz/Cargo.toml has no binary `{}`",
                target.name
            );
            let seeds = root.join("tests").join("fuzz").join(target.name);
            assert!(seeds.is_dir(), "no seed folder {}", seeds.display());
        }
    }
}
