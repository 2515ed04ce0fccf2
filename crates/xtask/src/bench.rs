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
    let node = if filter.is_none_or(|f| "eval".contains(f) || "node".contains(f)) {
        match compare() {
            Ok(lines) => lines,
            Err(err) => {
                eprintln!("bench: the npm package was not measured against the peer: {err}");
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    let web = if filter
        .is_none_or(|f| "playground".contains(f) || "web".contains(f) || "embed".contains(f))
    {
        match playground() {
            Ok(lines) => lines,
            Err(err) => {
                eprintln!("bench: the playground was not measured: {err}");
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    if results.is_empty() && node.is_empty() && web.is_empty() {
        return Err(Error::new("no benchmark results found in target/criterion"));
    }
    println!("bench: results (mean time per iteration)");
    for (name, nanos) in results {
        println!("  {name:<70} {}", format_nanos(nanos));
    }
    if !node.is_empty() {
        println!(
            "bench: the npm package and @cloud-copilot/iam-simulate side by side in one Node process"
        );
        for line in node {
            println!("  {line}");
        }
    }
    if !web.is_empty() {
        println!(
            "bench: the playground's release build (dist/) and the widget (dist/embed/), in headless Chromium"
        );
        for line in web {
            println!("  {line}");
        }
    }
    Ok(())
}

/// The playground's goals: `dist/` this small gzipped, and a built-in scenario evaluated in
/// the page within this many milliseconds.
const DIST_GZIP_GOAL: u64 = 600 * 1024;
const PLAYGROUND_EVAL_GOAL_MILLIS: f64 = 5.0;

/// The widget's goals: what a page loads for it (script, engine, wasm) this small gzipped
/// (400 KB), and the demo page's first widget interactive within this many milliseconds.
const EMBED_GZIP_GOAL: u64 = 400 * 1000;
const EMBED_FIRST_WIDGET_GOAL_MILLIS: f64 = 1000.0;

/// Builds the release playground and measures its size and, in headless Chromium, how long
/// each built-in scenario takes to evaluate; one printable line per result.
fn playground() -> Result<Vec<String>> {
    use crate::setup::Tool;
    crate::setup::ensure(&[
        Tool::RustTargets,
        Tool::Trunk,
        Tool::WasmBindgen,
        Tool::NodeTools,
        Tool::Chromium,
    ])?;
    crate::web::build_release()?;
    let server =
        crate::static_server::StaticServer::start(crate::web::dist_dir(), "/bench/playground/")?;
    println!("bench: measuring the playground in headless Chromium (half a minute)");
    let output = measure_in_browser("playground.mjs", &server.url())?;
    let mut lines: Vec<String> = output
        .lines()
        .filter_map(describe_playground_line)
        .collect();
    println!("bench: measuring the widget on the demo page in headless Chromium");
    let output = measure_in_browser("embed.mjs", &server.url())?;
    drop(server);
    lines.extend(output.lines().filter_map(describe_embed_line));
    Ok(lines)
}

/// Runs `crates/iamplay-bench/web/SCRIPT` on `dist/` served at `url`; its output.
fn measure_in_browser(script: &str, url: &str) -> Result<String> {
    let mut node = command("node");
    node.arg(
        project_root()
            .join("crates")
            .join("iamplay-bench")
            .join("web")
            .join(script),
    )
    .arg(crate::web::dist_dir())
    .arg(url)
    .arg(crate::process::tools_dir())
    .arg(crate::setup::chromium())
    .arg(crate::test::CHROMIUM_ARGS.join("\n"));
    crate::process::capture(node).ok_or_else(|| Error::new(format!("{script} failed")))
}

/// One result line of `embed.mjs` in words, with its goal.
fn describe_embed_line(line: &str) -> Option<String> {
    let met = |ok: bool| if ok { "met" } else { "not met" };
    if let Some(bytes) = json_field(line, "bytes").and_then(|b| b.parse::<u64>().ok()) {
        let gzip: u64 = json_field(line, "gzipBytes")?.parse().ok()?;
        return Some(format!(
            "{:<70} {} KB, {} KB gzipped (goal ≤ {} KB gzipped, {})",
            "dist/embed/ (iamplay-embed.js, engine js and wasm)",
            bytes / 1000,
            gzip / 1000,
            EMBED_GZIP_GOAL / 1000,
            met(gzip <= EMBED_GZIP_GOAL)
        ));
    }
    let name = json_field(line, "name")?;
    let median: f64 = json_field(line, "medianMillis")?.parse().ok()?;
    let max: f64 = json_field(line, "maxMillis")?.parse().ok()?;
    Some(format!(
        "{name:<70} median {median:.0} ms, slowest {max:.0} ms (goal ≤ {EMBED_FIRST_WIDGET_GOAL_MILLIS:.0} ms, {})",
        met(max <= EMBED_FIRST_WIDGET_GOAL_MILLIS)
    ))
}

/// One result line of `playground.mjs` in words, with its goal.
fn describe_playground_line(line: &str) -> Option<String> {
    let name = json_field(line, "name")?;
    let met = |ok: bool| if ok { "met" } else { "not met" };
    if let Some(bytes) = json_field(line, "bytes").and_then(|b| b.parse::<u64>().ok()) {
        let gzip: u64 = json_field(line, "gzipBytes")?.parse().ok()?;
        return Some(format!(
            "{:<70} {} KiB, {} KiB gzipped (goal ≤ {} KiB gzipped, {})",
            "dist/ (html, js, wasm, css)",
            bytes / 1024,
            gzip / 1024,
            DIST_GZIP_GOAL / 1024,
            met(gzip <= DIST_GZIP_GOAL)
        ));
    }
    let median: f64 = json_field(line, "medianMillis")?.parse().ok()?;
    let max: f64 = json_field(line, "maxMillis")?.parse().ok()?;
    // The goal is for the evaluation a learner waits for at every edit: the median of five;
    // the slowest is usually the first, while the browser is still compiling the wasm.
    Some(format!(
        "{name:<70} median {median:.2} ms, slowest {max:.2} ms (goal < {PLAYGROUND_EVAL_GOAL_MILLIS} ms, {})",
        met(median < PLAYGROUND_EVAL_GOAL_MILLIS)
    ))
}

/// The goals of the npm package against the peer: one-shot `evaluate` and
/// `compile(...).evaluate` this many times faster, and the wasm this small gzipped.
const ONE_SHOT_GOAL: f64 = 20.0;
const COMPILED_GOAL: f64 = 500.0;
const GZIP_GOAL: u64 = 200 * 1024;

/// Builds the npm package and measures it side by side with another IAM simulator
/// (@cloud-copilot/iam-simulate, a benchmark-only npm dependency in
/// `crates/iamplay-bench/peer`) on the same inputs; one printable line per result.
fn compare() -> Result<Vec<String>> {
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
    crate::setup::ensure(&[
        crate::setup::Tool::RustTargets,
        crate::setup::Tool::WasmBindgen,
        crate::setup::Tool::NodeTools,
    ])?;
    crate::npm::build_package()?;
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
    println!("bench: measuring the npm package and the peer in Node (half a minute)");
    let mut node = command("node");
    node.arg(dir.join("compare.mjs"))
        .arg(&shape_file)
        .arg(crate::npm::pkg_dir().join("node").join("iamplay.mjs"));
    let output =
        crate::process::capture(node).ok_or_else(|| Error::new("the Node comparison failed"))?;
    Ok(output.lines().filter_map(describe_line).collect())
}

/// One result line of `compare.mjs` in words, with its goal.
fn describe_line(line: &str) -> Option<String> {
    let name = json_field(line, "name")?;
    if let Some(bytes) = json_field(line, "bytes").and_then(|b| b.parse::<u64>().ok()) {
        let gzip: u64 = json_field(line, "gzipBytes")?.parse().ok()?;
        return Some(format!(
            "{:<70} {} KiB, {} KiB gzipped (goal ≤ {} KiB gzipped{})",
            "wasm size",
            bytes / 1024,
            gzip / 1024,
            GZIP_GOAL / 1024,
            if gzip <= GZIP_GOAL {
                ", met"
            } else {
                ", not met"
            }
        ));
    }
    let nanos: f64 = json_field(line, "meanNanos")?.parse().ok()?;
    let mut text = format!("{name:<70} {}", format_nanos(nanos));
    if let Some(ratio) = json_field(line, "ratio").and_then(|r| r.parse::<f64>().ok()) {
        let goal = if name.contains("one shot") {
            ONE_SHOT_GOAL
        } else {
            COMPILED_GOAL
        };
        let verdict = if !name.contains("10x50") {
            String::new()
        } else if ratio >= goal {
            format!(" (goal ≥ {goal}×, met)")
        } else {
            format!(" (goal ≥ {goal}×, not met)")
        };
        text.push_str(&format!(", {ratio:.1}× the peer{verdict}"));
    }
    Some(text)
}

/// A field of a one-line JSON object, as text.
fn json_field(line: &str, name: &str) -> Option<String> {
    let start = line.find(&format!("\"{name}\":"))? + name.len() + 3;
    let rest = line.get(start..)?;
    let end = rest.find([',', '}'])?;
    rest.get(..end).map(|v| v.trim_matches('"').to_owned())
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
    fn comparison_lines_say_the_ratio_and_the_goal() {
        let line = r#"{"name":"node/10x50: iamplay evaluate (one shot)","meanNanos":1500000,"ratio":24.5}"#;
        let text = describe_line(line).unwrap_or_default();
        assert!(
            text.ends_with("1.50 ms, 24.5× the peer (goal ≥ 20×, met)"),
            "{text}"
        );
        let size = r#"{"name":"size/wasm","bytes":1048576,"gzipBytes":307200}"#;
        assert!(
            describe_line(size)
                .unwrap_or_default()
                .ends_with("1024 KiB, 300 KiB gzipped (goal ≤ 200 KiB gzipped, not met)")
        );
    }

    #[test]
    fn widget_lines_say_the_goal() {
        let size =
            describe_embed_line(r#"{"name":"embed size","bytes":910401,"gzipBytes":374572}"#)
                .unwrap_or_default();
        assert!(
            size.ends_with("910 KB, 374 KB gzipped (goal ≤ 400 KB gzipped, met)"),
            "{size}"
        );
        let time = describe_embed_line(
            r#"{"name":"embed first widget interactive (demo page)","medianMillis":1200.5,"maxMillis":1300}"#,
        )
        .unwrap_or_default();
        assert!(
            time.ends_with("median 1200 ms, slowest 1300 ms (goal ≤ 1000 ms, not met)"),
            "{time}"
        );
    }

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(format_nanos(850.0), "850 ns");
        assert_eq!(format_nanos(52_300.0), "52.30 µs");
        assert_eq!(format_nanos(35_000_000.0), "35.00 ms");
    }
}
