//! The policy validation corpus.
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

use std::fmt::Write as _;

use iamplay_core::policy::{Context, PolicyKind, Severity, check};
use libtest_mimic::Failed;
use serde_json::Value;

/// Runs one policy validation case.
pub(crate) fn run_case(case: &Value) -> Result<(), Failed> {
    let source = case["source"].as_str().unwrap_or_default();
    if !(source.contains("https://") || source.contains("docs/sources/")) {
        return Err("every case must cite its source (a URL or docs/sources/...)".into());
    }
    let kind_name = case["kind"].as_str().ok_or("missing `kind`")?;
    let kind =
        PolicyKind::from_name(kind_name).ok_or_else(|| format!("unknown kind `{kind_name}`"))?;
    let text = match (&case["text"], &case["policy"]) {
        (Value::String(text), Value::Null) => text.clone(),
        (Value::Null, policy @ Value::Object(_)) => serde_json::to_string_pretty(policy).unwrap(),
        _ => {
            return Err("give exactly one of `text` (a string) and `policy` (an object)".into());
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
