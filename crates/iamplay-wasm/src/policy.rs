//! `validatePolicy` and `formatPolicy`.

use iamplay_core::explain::{Lang, finding_help, finding_message};
use iamplay_core::policy::{
    Context, Finding, FindingKind, PolicyKind, Severity, SizeRule, check, format,
};
use iamplay_core::source::LineIndex;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::input::{read_options, string, type_error};
use crate::output::{AwsText, Item, Place, failure, failure_with, success};

/// A finding as an item.
pub(crate) fn finding_item(finding: &Finding, lang: Lang) -> Item {
    let mut item = Item::new(
        finding.kind.code(),
        finding.severity == Severity::Error,
        lang,
        |l| finding_message(finding, l),
    )
    .with_help(lang, |l| finding_help(finding, l));
    item.location = Some(Place::from(&finding.location));
    item.aws = finding.aws.as_ref().map(|aws| AwsText {
        code: aws.code.into(),
        message: aws.message.clone(),
        status: None,
    });
    item.with_data(&finding.kind)
}

/// A policy's size as AWS counts it.
#[derive(Serialize)]
struct Size {
    size: u32,
    limit: u32,
    /// `charactersWithoutWhiteSpace`, `allCharacters` or `bytes`.
    counted: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Valid {
    kind: &'static str,
    size: Option<Size>,
    warnings: Vec<Item>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invalid {
    warnings: Vec<Item>,
    aws: Option<AwsText>,
}

/// The kind named `kind`, or a `TypeError` listing the kinds.
pub(crate) fn policy_kind(kind: &str) -> Result<PolicyKind, JsValue> {
    PolicyKind::from_name(kind).ok_or_else(|| {
        let names: Vec<&str> = PolicyKind::ALL.iter().map(|k| k.name()).collect();
        type_error(&format!(
            "kind: expected one of {}, got '{kind}'",
            names.join(", ")
        ))
    })
}

/// Checks a policy document the way AWS does when it is saved: `{ok: true, value: {kind,
/// size, warnings}}`, or `{ok: false, errors, warnings, aws}` with AWS's own error.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "ValidatePolicyResult")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PolicyKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = string(&text, "text")?;
    let kind = policy_kind(&string(&kind, "kind")?)?;
    let options = read_options(options.as_ref())?;
    let checked = check(&text, &Context::new(kind));
    let (errors, warnings): (Vec<Item>, Vec<Item>) = checked
        .findings
        .iter()
        .map(|f| finding_item(f, options.lang))
        .partition(|item| item.severity == "error");
    if !checked.is_valid() {
        return Ok(failure_with(
            &errors,
            &Invalid {
                warnings,
                aws: checked.aws_error.map(|aws| AwsText {
                    code: aws.code.into(),
                    message: aws.message,
                    status: None,
                }),
            },
        ));
    }
    Ok(success(&Valid {
        kind: kind.name(),
        size: checked.size.map(|size| Size {
            size: size.size,
            limit: size.limit,
            counted: match size.rule {
                SizeRule::CharactersWithoutWhiteSpace => "charactersWithoutWhiteSpace",
                SizeRule::AllCharacters => "allCharacters",
                SizeRule::Bytes => "bytes",
            },
        }),
        warnings,
    }))
}

/// Formats a policy document in iamplay's canonical layout (AWS's element order, four-space
/// indentation), keeping everything written: `{ok: true, value: text}` or the syntax error.
#[wasm_bindgen(js_name = formatPolicy, unchecked_return_type = "Result<string>")]
pub fn format_policy(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = string(&text, "text")?;
    let options = read_options(options.as_ref())?;
    match format::format(&text) {
        Ok(formatted) => Ok(success(&formatted)),
        Err(error) => {
            let lines = LineIndex::new(&text);
            let finding = Finding {
                kind: FindingKind::Syntax {
                    error: error.kind.clone(),
                },
                severity: Severity::Error,
                location: lines.locate(String::new(), error.span),
                aws: None,
            };
            Ok(failure(&[finding_item(&finding, options.lang)]))
        }
    }
}
