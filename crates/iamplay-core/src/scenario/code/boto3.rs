//! The boto3 (Python) code: a client, the call with AWS's parameter names
//! (`sts_client.assume_role(RoleArn=...)`;
//! <https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sts/client/assume_role.html>),
//! and, for a call that returns credentials, `creds_ID = response["Credentials"]` for later
//! steps to sign with (`aws_access_key_id=creds_ID["AccessKeyId"], ...`;
//! <https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html>). A named
//! profile is a `boto3.Session(profile_name=...)`; no credentials, an `UNSIGNED` client
//! (`signature_version`:
//! <https://botocore.amazonaws.com/v1/documentation/api/latest/reference/config.html>).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::operation::{Operation, Value, snake_case};
use super::signer::Signer;
use crate::json::{self, Json};

/// `operation`, signed by `signer`, as Python; `credentials` names the variable that keeps the
/// credentials the call returns.
pub(super) fn code(operation: &Operation, signer: &Signer, credentials: Option<&str>) -> String {
    let client = format!("{}_client", identifier(&operation.client));
    let mut lines: Vec<String> = Vec::new();
    let documents = operation.params.iter().any(|p| match &p.value {
        Value::Document(text) => parse(text).is_some(),
        _ => false,
    });
    if documents {
        lines.push("import json".into());
        lines.push(String::new());
    }
    lines.push("import boto3".into());
    if *signer == Signer::Anonymous {
        lines.push("from botocore import UNSIGNED".into());
        lines.push("from botocore.config import Config".into());
    }
    lines.push(String::new());
    let service = string(&operation.client);
    let region = operation
        .region
        .as_deref()
        .map(|region| format!("region_name={}", string(region)));
    match signer {
        Signer::Default | Signer::Unsigned => {
            let args = [Some(service), region].into_iter().flatten();
            lines.push(format!("{client} = boto3.client({})", join(args)));
        }
        Signer::Profile(name) => {
            lines.push(format!(
                "session = boto3.Session(profile_name={})",
                string(name)
            ));
            let args = [Some(service), region].into_iter().flatten();
            lines.push(format!("{client} = session.client({})", join(args)));
        }
        Signer::Anonymous => {
            let config = Some("config=Config(signature_version=UNSIGNED)".into());
            let args = [Some(service), region, config].into_iter().flatten();
            lines.push(format!("{client} = boto3.client({})", join(args)));
        }
        Signer::Session(step) => {
            let creds = credentials_variable(step);
            lines.push(format!("{client} = boto3.client("));
            lines.push(format!("    {service},"));
            for (arg, key) in [
                ("aws_access_key_id", "AccessKeyId"),
                ("aws_secret_access_key", "SecretAccessKey"),
                ("aws_session_token", "SessionToken"),
            ] {
                lines.push(format!("    {arg}={creds}[\"{key}\"],"));
            }
            if let Some(region) = region {
                lines.push(format!("    {region},"));
            }
            lines.push(")".into());
        }
    }
    let method = snake_case(&operation.name);
    if operation.params.is_empty() {
        lines.push(format!("response = {client}.{method}()"));
    } else {
        lines.push(format!("response = {client}.{method}("));
        for param in &operation.params {
            lines.push(format!("    {}={},", param.name, value(&param.value)));
        }
        lines.push(")".into());
    }
    if let Some(variable) = credentials {
        lines.push(format!("{variable} = response[\"Credentials\"]"));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The variable that keeps the credentials step `id` returned: `creds_ID`, every character
/// that cannot be in a Python name written `_`.
pub(super) fn credentials_variable(id: &str) -> String {
    format!("creds_{}", identifier(id))
}

/// `text` as a Python name: letters, digits and `_` kept, anything else `_`.
fn identifier(text: &str) -> String {
    text.chars()
        .map(|ch| if ch.is_alphanumeric() { ch } else { '_' })
        .collect()
}

fn join(args: impl Iterator<Item = String>) -> String {
    args.collect::<Vec<_>>().join(", ")
}

/// A parameter's value as Python, for an argument one level in.
fn value(value: &Value) -> String {
    match value {
        Value::Text(text) => string(text),
        Value::Integer(n) => format!("{n}"),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|item| string(item)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Structures(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|members| {
                    let members: Vec<String> = members
                        .iter()
                        .map(|(name, value)| format!("{}: {}", string(name), string(value)))
                        .collect();
                    format!("{{{}}}", members.join(", "))
                })
                .collect();
            match items.as_slice() {
                [one] => format!("[{one}]"),
                _ => format!("[\n        {},\n    ]", items.join(",\n        ")),
            }
        }
        Value::Document(text) => match parse(text) {
            Some(document) => format!("json.dumps({})", literal(&document, 1)),
            None => string(text),
        },
        Value::Json(text) => parse(text).map_or_else(|| string(text), |json| literal(&json, 1)),
        Value::File { path, streaming } if *streaming => format!("open({}, \"rb\")", string(path)),
        Value::File { path, .. } => format!("open({}, \"rb\").read()", string(path)),
    }
}

fn parse(text: &str) -> Option<Json> {
    json::parse(text, json::DEFAULT_MAX_DEPTH).ok()
}

/// A JSON value as a Python literal (`true` → `True`, `null` → `None`), objects and arrays one
/// member a line, indented four spaces a `level`.
fn literal(json: &Json, level: usize) -> String {
    let indent = |level: usize| "    ".repeat(level);
    match &json.value {
        json::Value::Null => "None".into(),
        json::Value::Bool(true) => "True".into(),
        json::Value::Bool(false) => "False".into(),
        json::Value::Number(text) => text.clone(),
        json::Value::String(text) => string(text),
        json::Value::Array(items) if items.is_empty() => "[]".into(),
        json::Value::Object(members) if members.is_empty() => "{}".into(),
        json::Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|item| format!("{}{}", indent(level + 1), literal(item, level + 1)))
                .collect();
            format!("[\n{}\n{}]", items.join(",\n"), indent(level))
        }
        json::Value::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|member| {
                    format!(
                        "{}{}: {}",
                        indent(level + 1),
                        string(&member.key),
                        literal(&member.value, level + 1)
                    )
                })
                .collect();
            format!("{{\n{}\n{}}}", members.join(",\n"), indent(level))
        }
    }
}

/// A Python string literal in double quotes: a JSON string literal is one (Python reads the
/// same `\"`, `\\`, `\n`, `\t`, `\b`, `\f` and `\uXXXX` escapes).
pub(super) fn string(text: &str) -> String {
    let mut out = String::new();
    json::write_string(&mut out, text);
    out
}
