//! `cargo xtask`: the iamplay project's tasks. Each task installs what it is missing first.
//!
//! Run `cargo xtask help` for the list.

mod bench;
mod csp;
mod embed;
mod error;
mod fuzz;
mod headers;
mod npm;
mod process;
mod setup;
#[cfg(test)]
mod sinks;
mod static_server;
mod tally;
mod test;
mod web;

use std::process::ExitCode;

use error::{Error, Result};

const HELP: &str = "\
cargo xtask <command> [options]

Each command first installs what it is missing (Rust targets, Trunk, wasm-bindgen-cli, npm tools
in tools/, Chromium, cargo-fuzz) and says so; what is installed is skipped.

  serve [--port N] [--release]   build the playground and serve it on http://127.0.0.1:8080
                                 (or port N), rebuilding when a file changes
  test                           every check and test: formatting, clippy (native and wasm32),
                                 the no_std core, native tests, browser tests in headless
                                 Chromium, end-to-end tests of the release build, and every
                                 fuzz target for 10 s
  build                          the release playground in dist/, ready to copy to any static
                                 host (relative URLs: it also works under a sub-path)
  npm                            the npm package (the engine as WebAssembly, with TypeScript
                                 types) in pkg/, packed into target/npm/
  bench [FILTER]                 the benchmarks (speed goals live here), with a summary of
                                 the mean time of each; FILTER picks benchmarks by name
  fuzz [SECONDS]                 every fuzz target (fuzz/, libFuzzer with cargo-fuzz, built
                                 with nightly) for SECONDS each (60 when not given), from the
                                 seeds in tests/fuzz/ and the corpus grown in target/fuzz/;
                                 fails naming the target and the input that crashed
  lint                           formatting and clippy only (native and wasm32)
  setup                          install every tool the project needs, build nothing
  help                           this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    let (command, options) = match args.split_first() {
        Some((command, options)) => (command.as_str(), options),
        None => ("help", &[][..]),
    };
    match command {
        "serve" => {
            let options = ServeOptions::parse(options)?;
            web::serve(options.port, options.release)
        }
        "test" => no_options("test", options).and_then(|()| test::test_all()),
        "build" => no_options("build", options).and_then(|()| web::build()),
        "lint" => no_options("lint", options).and_then(|()| lint()),
        "npm" => no_options("npm", options).and_then(|()| npm::npm().map(|_| ())),
        "bench" => {
            match options {
                [] => bench::bench(None),
                [filter] => bench::bench(Some(filter)),
                _ => Err(Error::new("`bench` takes at most one filter")
                    .help("`cargo xtask bench [FILTER]`")),
            }
        }
        "fuzz" => match options {
            [] => fuzz::fuzz(fuzz::DEFAULT_SECONDS),
            [seconds] => match seconds.parse::<u64>() {
                Ok(seconds) if seconds > 0 => fuzz::fuzz(seconds),
                _ => Err(Error::new(format!(
                    "`fuzz` takes a number of seconds per target, not `{seconds}`"
                ))
                .help("for example `cargo xtask fuzz 300`")),
            },
            _ => Err(Error::new("`fuzz` takes at most one number of seconds")
                .help("`cargo xtask fuzz [SECONDS]`")),
        },
        "setup" => no_options("setup", options).and_then(|()| {
            setup::ensure(&[
                setup::Tool::RustTargets,
                setup::Tool::Trunk,
                setup::Tool::WasmBindgen,
                setup::Tool::NodeTools,
                setup::Tool::Chromium,
                setup::Tool::CargoFuzz,
            ])
        }),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(Error::new(format!("unknown command `{other}`"))
            .help("run `cargo xtask help` for the commands")),
    }
}

/// `cargo xtask lint`: the checks phase of `cargo xtask test` on its own.
fn lint() -> Result<()> {
    setup::ensure(&[setup::Tool::RustTargets])?;
    let checks = test::run_checks("lint", test::check_commands());
    if checks.failures().is_empty() {
        println!("lint: all clean");
        Ok(())
    } else {
        Err(Error::new(format!(
            "lint failed: {}",
            checks.failures().join(", ")
        )))
    }
}

fn no_options(command: &str, options: &[String]) -> Result<()> {
    match options.first() {
        None => Ok(()),
        Some(option) => Err(
            Error::new(format!("`{command}` takes no option `{option}`"))
                .help("run `cargo xtask help` for the commands and their options"),
        ),
    }
}

/// The options of `cargo xtask serve`.
#[derive(Debug, PartialEq, Eq)]
struct ServeOptions {
    port: u16,
    release: bool,
}

impl ServeOptions {
    fn parse(options: &[String]) -> Result<Self> {
        let mut parsed = Self {
            port: web::DEFAULT_PORT,
            release: false,
        };
        let mut iter = options.iter();
        while let Some(option) = iter.next() {
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (option.as_str(), None),
            };
            match name {
                "--port" | "-p" => {
                    let value = inline.or_else(|| iter.next().cloned()).unwrap_or_default();
                    parsed.port = match value.parse::<u16>() {
                        Ok(port) if port > 0 => port,
                        _ => {
                            return Err(Error::new(format!(
                                "`--port` needs a port number from 1 to 65535, not `{value}`"
                            ))
                            .help("for example `cargo xtask serve --port 9000`"));
                        }
                    };
                }
                "--release" => parsed.release = true,
                _ => {
                    return Err(Error::new(format!("`serve` takes no option `{option}`"))
                        .help("`cargo xtask serve [--port N] [--release]`"));
                }
            }
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(args: &[&str]) -> Result<ServeOptions> {
        let args: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
        ServeOptions::parse(&args)
    }

    #[test]
    fn serve_defaults_to_port_8080_debug() {
        assert_eq!(
            serve(&[]).unwrap(),
            ServeOptions {
                port: 8080,
                release: false
            }
        );
    }

    #[test]
    fn serve_takes_a_port_either_way_and_release() {
        assert_eq!(serve(&["--port", "9000"]).unwrap().port, 9000);
        assert_eq!(
            serve(&["--port=9001", "--release"]).unwrap(),
            ServeOptions {
                port: 9001,
                release: true
            }
        );
    }

    #[test]
    fn serve_rejects_bad_ports_and_unknown_options() {
        let err = serve(&["--port", "http"]).unwrap_err().to_string();
        assert!(err.contains("not `http`"), "{err}");
        assert!(serve(&["--port"]).is_err());
        assert!(serve(&["--port", "0"]).is_err());
        assert!(serve(&["--port", "70000"]).is_err());
        let err = serve(&["--verbose"]).unwrap_err().to_string();
        assert!(err.contains("`--verbose`"), "{err}");
    }

    #[test]
    fn unknown_commands_point_at_help() {
        let err = run(&["tset".to_owned()]).unwrap_err().to_string();
        assert!(
            err.contains("unknown command `tset`") && err.contains("cargo xtask help"),
            "{err}"
        );
    }
}
