//! `cargo xtask bench`: the benchmarks, then one line per result (criterion's mean).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::process::{command, project_root, run};

/// Runs the benchmarks whose names contain `filter` (all without one) and prints a summary.
pub(crate) fn bench(filter: Option<&str>) -> Result<()> {
    println!(
        "bench: building and running the benchmarks (a few minutes: each runs for seconds to settle)"
    );
    let mut cmd = command("cargo");
    cmd.args(["bench", "-p", "iamplay-bench"]);
    if let Some(filter) = filter {
        cmd.args(["--", filter]);
    }
    run(cmd)?;
    let dir = project_root().join("target").join("criterion");
    let mut results: Vec<(String, f64)> = estimates(&dir)
        .into_iter()
        .filter(|(name, _)| filter.is_none_or(|f| name.contains(f)))
        .collect();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    if results.is_empty() {
        return Err(Error::new("no benchmark results found in target/criterion"));
    }
    if filter.is_none_or(|f| "eval".contains(f) || f.contains("peer")) {
        match peer() {
            Ok(result) => results.push(result),
            Err(err) => eprintln!("bench: the peer simulator was not measured: {err}"),
        }
    }
    println!("bench: results (mean time per iteration)");
    for (name, nanos) in results {
        println!("  {name:<70} {}", format_nanos(nanos));
    }
    Ok(())
}

/// Measures another IAM simulator (@cloud-copilot/iam-simulate, a benchmark-only npm
/// dependency in `crates/iamplay-bench/peer`) on the same large shape.
fn peer() -> Result<(String, f64)> {
    let dir = project_root()
        .join("crates")
        .join("iamplay-bench")
        .join("peer");
    if !dir.join("node_modules").exists() {
        println!(
            "bench: installing the peer simulator for comparison (npm ci in crates/iamplay-bench/peer)"
        );
        let mut install = command("npm");
        install
            .current_dir(&dir)
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
        run(install)?;
    }
    let mut shape_cmd = command("cargo");
    shape_cmd.args([
        "run",
        "--quiet",
        "--release",
        "-p",
        "iamplay-bench",
        "--bin",
        "bench-shape",
    ]);
    let shape =
        crate::process::capture(shape_cmd).ok_or_else(|| Error::new("bench-shape failed"))?;
    let shape_file = project_root()
        .join("target")
        .join("bench")
        .join("shape.json");
    if let Some(parent) = shape_file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&shape_file, shape)?;
    println!("bench: measuring the peer simulator on the same shape (a few seconds)");
    let mut node = command("node");
    node.arg(dir.join("bench.mjs")).arg(&shape_file);
    let output =
        crate::process::capture(node).ok_or_else(|| Error::new("the peer benchmark failed"))?;
    let line = output
        .lines()
        .find(|l| l.contains("meanNanos"))
        .ok_or_else(|| Error::new("no result from the peer"))?;
    let field = |name: &str| {
        let start = line.find(&format!("\"{name}\":"))? + name.len() + 3;
        let rest = line.get(start..)?;
        let end = rest.find([',', '}'])?;
        rest.get(..end).map(|v| v.trim_matches('"').to_owned())
    };
    let nanos = field("meanNanos")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| Error::new("unreadable peer result"))?;
    Ok((format!("peer/{}", field("name").unwrap_or_default()), nanos))
}

/// `(group/name, mean in nanoseconds)` for every benchmark criterion has saved under `dir`.
fn estimates(dir: &Path) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    for group in read_dirs(dir) {
        for bench in read_dirs(&group) {
            let file = bench.join("new").join("estimates.json");
            let Ok(json) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Some(mean) = mean_estimate(&json) {
                let name = format!(
                    "{}/{}",
                    group.file_name().unwrap_or_default().to_string_lossy(),
                    bench.file_name().unwrap_or_default().to_string_lossy()
                );
                found.push((name, mean));
            }
        }
    }
    found
}

fn read_dirs(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.is_dir() && path.file_name().is_some_and(|n| n != "report"))
                .collect()
        })
        .unwrap_or_default()
}

/// The mean's point estimate in criterion's `estimates.json`.
fn mean_estimate(json: &str) -> Option<f64> {
    let mean = json.get(json.find("\"mean\"")?..)?;
    let value = mean.get(mean.find("\"point_estimate\":")? + "\"point_estimate\":".len()..)?;
    let end = value.find([',', '}'])?;
    value.get(..end)?.trim().parse().ok()
}

fn format_nanos(nanos: f64) -> String {
    if nanos >= 1_000_000.0 {
        format!("{:.2} ms", nanos / 1_000_000.0)
    } else if nanos >= 1_000.0 {
        format!("{:.2} µs", nanos / 1_000.0)
    } else {
        format!("{nanos:.0} ns")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_mean_from_criterion_estimates() {
        let json = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":10.0,"upper_bound":12.0},"point_estimate":11.25,"standard_error":0.5},"median":{"point_estimate":9.0}}"#;
        assert_eq!(mean_estimate(json), Some(11.25));
        assert_eq!(mean_estimate("{}"), None);
    }

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(format_nanos(850.0), "850 ns");
        assert_eq!(format_nanos(52_300.0), "52.30 µs");
        assert_eq!(format_nanos(35_000_000.0), "35.00 ms");
    }
}
