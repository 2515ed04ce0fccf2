//! The conformance corpus: JSON cases under `tests/corpus/`, each encoding one fact of AWS's
//! behaviour with the page (or recorded AWS response) it comes from. Every case is one test.
//!
//! `tests/corpus/policy/*.json` — policy validation. A file is
//! `{"topic": "...", "cases": [case, ...]}`; a case is:
//!
//! ```json
//! {
//!   "name": "what the case shows",
//!   "source": "https://docs.aws.amazon.com/... (and/or docs/sources/policy-language.md §3.5)",
//!   "kind": "ManagedPolicy",
//!   "context": {"partition": "aws", "entity": "app-server", "bucket": "my-bucket"},
//!   "policy": { ... } | "text": "raw policy text",
//!   "aws": "MalformedPolicyDocument: Syntax errors in policy." | null,
//!   "findings": [{"code": "DuplicateKey", "severity": "error", "pointer": "/Statement/Effect",
//!                 "line": 3, "column": 5}]
//! }
//! ```
//!
//! `policy` is written out as pretty JSON with two-space indentation, keys in the order given;
//! use `text` for what JSON values cannot say (syntax errors, duplicate keys) or when lines and
//! columns matter. `findings` must list every finding, warnings included, in the order the
//! checker reports them (by position in the text); `line` and `column` are optional. `aws` is
//! the one error AWS returns (`CODE: message`), or null when AWS accepts the policy.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod native {
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};

    use iamplay_core::policy::{Context, PolicyKind, Severity, check};
    use libtest_mimic::{Arguments, Failed, Trial};
    use serde_json::Value;

    pub(super) fn main() {
        let args = Arguments::from_args();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
        let mut trials = Vec::new();
        for file in json_files(&root.join("policy")) {
            trials.extend(policy_trials(&file));
        }
        libtest_mimic::run(&args, trials).exit();
    }

    fn json_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        files
    }

    /// One trial per case of a policy corpus file (or one failing trial if the file is broken).
    fn policy_trials(file: &Path) -> Vec<Trial> {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value = match serde_json::from_str(&text) {
            Ok(doc) => doc,
            Err(err) => {
                let message = format!("{}: not JSON: {err}", file.display());
                return vec![Trial::test(format!("policy/{stem}"), move || {
                    Err(message.into())
                })];
            }
        };
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        if cases.is_empty() {
            let message = format!("{}: no cases", file.display());
            return vec![Trial::test(format!("policy/{stem}"), move || {
                Err(message.into())
            })];
        }
        cases
            .into_iter()
            .enumerate()
            .map(|(i, case)| {
                let name = case["name"]
                    .as_str()
                    .map_or_else(|| format!("case {i}"), String::from);
                Trial::test(format!("policy/{stem}/{name}"), move || {
                    run_policy_case(&case)
                })
            })
            .collect()
    }

    fn run_policy_case(case: &Value) -> Result<(), Failed> {
        let source = case["source"].as_str().unwrap_or_default();
        if !(source.contains("https://") || source.contains("docs/sources/")) {
            return Err("every case must cite its source (a URL or docs/sources/...)".into());
        }
        let kind_name = case["kind"].as_str().ok_or("missing `kind`")?;
        let kind = PolicyKind::from_name(kind_name)
            .ok_or_else(|| format!("unknown kind `{kind_name}`"))?;
        let text = match (&case["text"], &case["policy"]) {
            (Value::String(text), Value::Null) => text.clone(),
            (Value::Null, policy @ Value::Object(_)) => {
                serde_json::to_string_pretty(policy).unwrap()
            }
            _ => {
                return Err(
                    "give exactly one of `text` (a string) and `policy` (an object)".into(),
                );
            }
        };
        let context_json = &case["context"];
        let mut context = Context::new(kind);
        if let Some(partition) = context_json["partition"].as_str() {
            context = context.in_partition(partition);
        }
        if let Some(entity) = context_json["entity"].as_str() {
            context = context.for_entity(entity);
        }
        if let Some(bucket) = context_json["bucket"].as_str() {
            context = context.for_bucket(bucket);
        }
        let checked = check(&text, &context);

        let mut problems = String::new();
        let expected_aws = case["aws"].as_str();
        let actual_aws = checked
            .aws_error
            .as_ref()
            .map(|e| format!("{}: {}", e.code, e.message));
        if expected_aws != actual_aws.as_deref() {
            writeln!(
                problems,
                "aws error: expected {expected_aws:?}, got {actual_aws:?}"
            )
            .unwrap();
        }
        let expected = case["findings"]
            .as_array()
            .ok_or("missing `findings` (use [] for none)")?;
        let actual: Vec<String> = checked
            .findings
            .iter()
            .map(|f| {
                let severity = if f.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                format!(
                    "{} {severity} {} {}:{}",
                    f.kind.code(),
                    f.location.pointer,
                    f.location.start.line,
                    f.location.start.column
                )
            })
            .collect();
        let matches = expected.len() == actual.len()
            && expected.iter().zip(&checked.findings).all(|(want, got)| {
                let severity = if got.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                want["code"].as_str() == Some(got.kind.code())
                    && want["severity"].as_str() == Some(severity)
                    && want["pointer"].as_str() == Some(got.location.pointer.as_str())
                    && want["line"]
                        .as_u64()
                        .is_none_or(|line| line == u64::from(got.location.start.line))
                    && want["column"]
                        .as_u64()
                        .is_none_or(|col| col == u64::from(got.location.start.column))
            });
        if !matches {
            writeln!(problems, "findings: expected {expected:?}").unwrap();
            writeln!(
                problems,
                "          got (code severity pointer line:column) {actual:#?}"
            )
            .unwrap();
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("{problems}policy text:\n{text}").into())
        }
    }
}
