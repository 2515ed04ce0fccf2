//! The AWS CLI command: `aws SERVICE OPERATION --option value ...`, each option named after
//! the AWS parameter in kebab case (`RoleArn` → `--role-arn`), as the AWS CLI Command Reference
//! prints them (<https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role.html>,
//! <https://docs.aws.amazon.com/cli/latest/reference/sts/get-session-token.html>,
//! <https://docs.aws.amazon.com/cli/latest/reference/sts/get-federation-token.html>,
//! <https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role-with-web-identity.html>,
//! <https://docs.aws.amazon.com/cli/latest/reference/sts/get-caller-identity.html>).
//!
//! Lists of structures use the CLI's shorthand syntax (`--tags Key=userid,Value=123456`,
//! `--policy-arns arn=...`;
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html>) when every value
//! is plain, JSON otherwise. Values are quoted for a POSIX shell only when they need it. A
//! command longer than one line is split with `\` continuations, one option a line, as the AWS
//! documentation prints long commands. The signer is the global option `--profile` or
//! `--no-sign-request` (<https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html>).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::operation::{Operation, Value, kebab_case};
use super::signer::Signer;
use crate::json;

/// The longest command written on one line.
const LINE: usize = 80;

/// `operation`, signed by `signer`, as an AWS CLI command.
pub(super) fn command(operation: &Operation, signer: &Signer) -> String {
    let head = format!(
        "aws {} {}",
        quote(&operation.command),
        kebab_case(&operation.name)
    );
    let mut options: Vec<String> = operation
        .params
        .iter()
        .map(|param| format!("--{} {}", kebab_case(param.name), value(&param.value)))
        .collect();
    if let Some(outfile) = &operation.outfile {
        options.push(quote(outfile));
    }
    if let Some(region) = &operation.region {
        options.push(format!("--region {}", quote(region)));
    }
    match signer {
        Signer::Profile(name) | Signer::Session(name) => {
            options.push(format!("--profile {}", quote(name)));
        }
        Signer::Anonymous => options.push("--no-sign-request".into()),
        Signer::Default | Signer::Unsigned => {}
    }
    let one_line = options
        .iter()
        .fold(head.clone(), |line, option| format!("{line} {option}"));
    if one_line.chars().count() <= LINE {
        return one_line;
    }
    options
        .iter()
        .fold(head, |text, option| format!("{text} \\\n    {option}"))
}

/// A parameter's value as the CLI takes it.
fn value(value: &Value) -> String {
    match value {
        Value::Text(text) => quote(text),
        Value::Integer(n) => format!("{n}"),
        Value::List(items) => items
            .iter()
            .map(|item| quote(item))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Structures(items) => structures(items),
        Value::Document(text) | Value::Json(text) => quote(&compact(text)),
        Value::File { path, streaming } if *streaming => quote(path),
        Value::File { path, .. } => quote(&format!("fileb://{path}")),
    }
}

/// A list of structures: shorthand (`Key=a,Value=b Key=c,Value=d`) when every value is plain,
/// else JSON (`'[{"Key":"a","Value":"b c"}]'`).
fn structures(items: &[Vec<(&'static str, String)>]) -> String {
    let plain = items
        .iter()
        .flatten()
        .all(|(_, value)| !value.is_empty() && value.chars().all(is_shorthand_char));
    if plain {
        return items
            .iter()
            .map(|members| {
                members
                    .iter()
                    .map(|(name, value)| format!("{name}={value}"))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let mut text = String::from("[");
    for (i, members) in items.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push('{');
        for (j, (name, value)) in members.iter().enumerate() {
            if j > 0 {
                text.push(',');
            }
            json::write_string(&mut text, name);
            text.push(':');
            json::write_string(&mut text, value);
        }
        text.push('}');
    }
    text.push(']');
    quote(&text)
}

/// Characters a shorthand value may hold without quoting or escaping.
fn is_shorthand_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | ':' | '/' | '+' | '@' | '-')
}

/// A JSON text without white space between tokens, or the text as typed when it is not JSON.
fn compact(text: &str) -> String {
    json::parse(text, json::DEFAULT_MAX_DEPTH).map_or_else(
        |_| text.into(),
        |document| json::to_compact_string(&document),
    )
}

/// `text` as one word of a POSIX shell: as it is when every character is safe, else in single
/// quotes, each `'` written `'\''`.
pub(super) fn quote(text: &str) -> String {
    let safe = |ch: char| {
        ch.is_ascii_alphanumeric()
            || matches!(
                ch,
                '@' | '%' | '+' | '=' | ':' | ',' | '.' | '/' | '_' | '-'
            )
    };
    if !text.is_empty() && text.chars().all(safe) {
        return text.into();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}
