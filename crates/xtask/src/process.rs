//! Running the programs the tasks are made of: with the project's tools on `PATH`, streamed,
//! logged with a heartbeat, or captured.

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The top folder of the project (where the workspace `Cargo.toml` is).
pub(crate) fn project_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .ancestors()
        .nth(2)
        .map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

/// Where `cargo install` puts programs: `$CARGO_HOME/bin`, by default `~/.cargo/bin`.
pub(crate) fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// The project's npm tools folder (git-ignored `node_modules` inside).
pub(crate) fn tools_dir() -> PathBuf {
    project_root().join("tools")
}

/// `PATH` with the project's npm tools and cargo's programs in front, so that every task finds
/// the versions `cargo xtask` installed.
fn search_path() -> OsString {
    let mut dirs = vec![
        tools_dir().join("node_modules").join(".bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command for `program`, run in the project root with the project's tools on `PATH`.
pub(crate) fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(project_root()).env("PATH", search_path());
    cmd
}

/// How a command reads in a message: `cargo install trunk`.
pub(crate) fn describe(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Runs `cmd` and returns what it printed (stdout then stderr) if it succeeded; `None` if it
/// could not start or failed. For version probes.
pub(crate) fn capture(mut cmd: Command) -> Option<String> {
    let output = cmd.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

/// Runs `cmd` with the terminal's output and fails if it fails.
pub(crate) fn run(mut cmd: Command) -> Result<()> {
    let status = cmd.status().map_err(|err| cannot_start(&cmd, &err))?;
    check(&cmd, status)
}

/// Runs `cmd`, printing its standard output line by line and handing each line to `on_line`;
/// standard error goes to the terminal. Returns the exit status.
pub(crate) fn run_streaming(mut cmd: Command, mut on_line: impl FnMut(&str)) -> Result<ExitStatus> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| cannot_start(&cmd, &err))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            on_line(&line);
        }
    }
    Ok(child.wait()?)
}

/// Runs a slow `cmd` with its output in the log file `log`, printing a heartbeat line every
/// `every` (elapsed time and the log's last line) so that a long install shows progress.
/// On failure the error carries the log's last lines and its path.
pub(crate) fn run_logged(mut cmd: Command, log: &Path, label: &str, every: Duration) -> Result<()> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let out = File::create(log)?;
    let err = out.try_clone()?;
    let started = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|err| cannot_start(&cmd, &err))?;
    let mut next_beat = every;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        thread::sleep(Duration::from_millis(200));
        let elapsed = started.elapsed();
        if elapsed >= next_beat {
            next_beat += every;
            let last = last_lines(log, 1).unwrap_or_default();
            println!(
                "setup:   … {label}: {} so far{}",
                format_duration(elapsed),
                if last.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", last.trim())
                }
            );
        }
    };
    if status.success() {
        return Ok(());
    }
    let tail = last_lines(log, 15).unwrap_or_default();
    Err(Error::new(format!(
        "`{}` failed ({status}); the end of its log ({}):\n{tail}",
        describe(&cmd),
        log.display()
    )))
}

/// The last `count` lines of a text file, without reading all of a large one.
fn last_lines(path: &Path, count: usize) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(8 * 1024)))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let start = lines.len().saturating_sub(count);
    Ok(lines.get(start..).unwrap_or_default().join("\n"))
}

/// Fails with the command and its status unless `status` is a success.
pub(crate) fn check(cmd: &Command, status: ExitStatus) -> Result<()> {
    if status.success() {
        Ok(())
    } else {
        Err(Error::new(format!("`{}` failed ({status})", describe(cmd))))
    }
}

fn cannot_start(cmd: &Command, err: &std::io::Error) -> Error {
    Error::new(format!(
        "could not start `{}`: {err}",
        cmd.get_program().to_string_lossy()
    ))
}

/// A duration as people read it: `850ms`, `42s`, `6m 58s`.
pub(crate) fn format_duration(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs == 0 {
        format!("{}ms", duration.as_millis())
    } else if secs < 60 {
        format!("{secs}s")
    } else {
        format!("{}m {:02}s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_person_wrote_them() {
        assert_eq!(format_duration(Duration::from_millis(850)), "850ms");
        assert_eq!(format_duration(Duration::from_secs(42)), "42s");
        assert_eq!(format_duration(Duration::from_secs(418)), "6m 58s");
        assert_eq!(format_duration(Duration::from_secs(3605)), "60m 05s");
    }

    #[test]
    fn last_lines_skips_blank_lines_and_keeps_order() {
        let dir = std::env::temp_dir().join(format!("iamplay-xtask-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("log.txt");
        std::fs::write(&log, "one\ntwo\n\nthree\n\n").unwrap();
        assert_eq!(last_lines(&log, 2).unwrap(), "two\nthree");
        assert_eq!(last_lines(&log, 10).unwrap(), "one\ntwo\nthree");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_project_root_holds_the_workspace() {
        let manifest = std::fs::read_to_string(project_root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }
}
