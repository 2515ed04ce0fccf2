//! The scenario corpus: documents that iamplay's reader and the published JSON Schema
//! (`scenarios/scenario.schema.json`) must agree on. A case:
//!
//! ```json
//! {
//!   "name": "what the case shows",
//!   "document": {...} | "text": "not JSON {",
//!   "schemaValid": true,
//!   "problems": [{"code": "shape", "pointer": "/steps/0/call", "line": 3, "column": 5}]
//! }
//! ```
//!
//! `problems` lists the reader's errors (code, and pointer, line and column when given), in
//! order; none means the reader finds no error. `schemaValid` says whether the schema accepts
//! the document (for `text` that is not JSON, leave it out). The built-in scenarios are checked
//! too: each must be valid for both, named by its file, and meet every expectation when run.

use std::path::Path;
use std::sync::OnceLock;

use iamplay_core::policy::Severity;
use iamplay_core::scenario::{builtin, read, run};
use libtest_mimic::Failed;
use serde_json::Value;

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/scenario.schema.json");
        let text = std::fs::read_to_string(path).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    })
}

fn schema_errors(document: &Value) -> Vec<String> {
    schema()
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Runs one scenario case.
pub(crate) fn run_case(case: &Value) -> Result<(), Failed> {
    let text = match (&case["document"], &case["text"]) {
        (Value::Null, Value::String(text)) => text.clone(),
        (document, Value::Null) => serde_json::to_string_pretty(document).unwrap(),
        _ => return Err("a case has a `document` or a `text`".into()),
    };
    let mut problems = Vec::new();
    if let Some(expected) = case["schemaValid"].as_bool() {
        let document: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let errors = schema_errors(&document);
        if errors.is_empty() != expected {
            problems.push(format!(
                "schema: expected valid = {expected}, got {errors:?}"
            ));
        }
    }
    let read = read(&text);
    let actual: Vec<Value> = read
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| serde_json::to_value(p).unwrap())
        .collect();
    let expected = case["problems"].as_array().cloned().unwrap_or_default();
    if actual.len() != expected.len() {
        problems.push(format!(
            "reader: expected {} errors, got {}: {actual:#?}",
            expected.len(),
            actual.len()
        ));
    }
    for (want, got) in expected.iter().zip(&actual) {
        let fields = [
            ("code", &got["kind"]["code"]),
            ("pointer", &got["location"]["pointer"]),
            ("line", &got["location"]["start"]["line"]),
            ("column", &got["location"]["start"]["column"]),
        ];
        for (field, value) in fields {
            if !want[field].is_null() && want[field] != *value {
                problems.push(format!(
                    "reader: {field} expected {}, got {value} in {got}",
                    want[field]
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// Checks a built-in scenario file against the schema and the reader.
pub(crate) fn check_builtin(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let document: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let errors = schema_errors(&document);
    if !errors.is_empty() {
        return Err(format!("the schema rejects it: {errors:#?}").into());
    }
    let read = read(&text);
    if !read.is_valid() {
        return Err(format!("the reader rejects it: {:#?}", read.problems).into());
    }
    let Some(scenario) = read.scenario else {
        return Err("no scenario".into());
    };
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    if scenario.id.as_deref() != Some(stem.as_ref()) {
        return Err(format!("its id is {:?}, its file {stem}", scenario.id).into());
    }
    let result = run(&scenario);
    let failed: Vec<String> = result
        .steps
        .iter()
        .filter(|step| step.met == Some(false))
        .map(|step| {
            format!(
                "step {} {:?}: expected {:?}, got {:?}: {}",
                step.index,
                step.id,
                step.expected,
                step.actual,
                step.error()
                    .map(|e| format!("{} {}", e.code, e.message))
                    .unwrap_or_default()
            )
        })
        .collect();
    if !failed.is_empty() {
        return Err(failed.join("\n").into());
    }
    // Last, so that a new scenario is checked in full before it is listed.
    if builtin::find(&stem).is_none_or(|b| b.text != text) {
        return Err(format!(
            "the scenario is fine; the last thing left is to list `{stem}` in src/scenario/builtin.rs"
        )
        .into());
    }
    Ok(())
}
