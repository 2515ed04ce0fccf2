//! Arguments from JavaScript: documents come as objects or as their JSON text and are read by
//! iamplay's own reader, so that every problem is located by JSON pointer (and by line and
//! column when text was given). A wrong kind of argument throws a `TypeError` that says what
//! was expected; a wrong document is a result with errors.

use iamplay_core::explain::{Lang, shape_message};
use iamplay_core::json::{self, DeError, from_json};
use iamplay_core::source::LineIndex;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::output::{Item, Place};

/// A thrown `TypeError`.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

fn type_name(value: &JsValue) -> String {
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "value".into())
}

/// The JSON text of a document argument (an object, or its text).
pub(crate) fn document_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_object() {
        return js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| type_error(&format!("{what}: the object cannot be written as JSON")));
    }
    Err(type_error(&format!(
        "{what}: expected an object or its JSON text, got {}",
        type_name(value)
    )))
}

/// A string argument.
pub(crate) fn string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        type_error(&format!(
            "{what}: expected a string, got {}",
            type_name(value)
        ))
    })
}

/// The options every call takes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Options {
    /// The language of messages.
    pub(crate) lang: Lang,
    /// Whether to explain decisions in full.
    pub(crate) explain: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOptions {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    explain: Option<bool>,
    /// A call's context keys (read by the call).
    #[serde(default)]
    #[allow(dead_code)]
    context: Option<serde::de::IgnoredAny>,
}

/// The `options` argument: `{lang?: 'en' | 'zh-CN' | 'zh-TW', explain?: boolean}`.
pub(crate) fn read_options(value: Option<&JsValue>) -> Result<Options, JsValue> {
    let Some(value) = value else {
        return Ok(Options::default());
    };
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let raw: RawOptions = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        type_error(&format!(
            "options: expected {{lang?: 'en' | 'zh-CN' | 'zh-TW', explain?: boolean, context?: object}} ({e})"
        ))
    })?;
    let lang = match raw.lang.as_deref() {
        None => Lang::En,
        Some(tag) => Lang::from_tag(tag).ok_or_else(|| {
            type_error(&format!(
                "options.lang: expected 'en', 'zh-CN' or 'zh-TW', got '{tag}'"
            ))
        })?,
    };
    Ok(Options {
        lang,
        explain: raw.explain.unwrap_or(false),
    })
}

/// A typed document from `value`: `Err` throws (a wrong kind of argument), `Ok(Err(_))` is
/// the document's problems.
pub(crate) fn document<T: DeserializeOwned>(
    value: &JsValue,
    what: &str,
    lang: Lang,
) -> Result<Result<T, Vec<Item>>, JsValue> {
    let text = document_text(value, what)?;
    Ok(parse(&text, lang))
}

/// A typed document from JSON `text`, or its problems.
pub(crate) fn parse<T: DeserializeOwned>(text: &str, lang: Lang) -> Result<T, Vec<Item>> {
    let lines = LineIndex::new(text);
    let document = json::parse(text, json::DEFAULT_MAX_DEPTH).map_err(|error| {
        let location = lines.locate(String::new(), error.span);
        let kind = error.kind.clone();
        let mut item = Item::new("syntax", true, lang, |l| {
            iamplay_core::explain::finding_message(
                &iamplay_core::policy::Finding {
                    kind: iamplay_core::policy::FindingKind::Syntax {
                        error: kind.clone(),
                    },
                    severity: iamplay_core::policy::Severity::Error,
                    location: location.clone(),
                    aws: None,
                },
                l,
            )
        })
        .with_data(&error.kind);
        item.location = Some(Place::from(&location));
        alloc_vec(item)
    })?;
    // Owned: the typed value does not borrow from the document.
    let value: Result<T, DeError> = from_json(&document);
    value.map_err(|error| {
        let location = lines.locate(error.pointer.clone(), error.span);
        let mut item = Item::new(shape_code(&error), true, lang, |l| {
            shape_message(&error.kind, l)
        })
        .with_data(&error.kind);
        item.path = Some(error.pointer.clone());
        item.location = Some(Place::from(&location));
        alloc_vec(item)
    })
}

fn alloc_vec(item: Item) -> Vec<Item> {
    vec![item]
}

fn shape_code(error: &DeError) -> &'static str {
    use iamplay_core::json::DeErrorKind as K;
    match error.kind {
        K::InvalidType { .. } => "invalidType",
        K::InvalidValue { .. } => "invalidValue",
        K::InvalidLength { .. } => "invalidLength",
        K::UnknownVariant { .. } => "unknownVariant",
        K::UnknownField { .. } => "unknownField",
        K::MissingField { .. } => "missingField",
        K::DuplicateField { .. } => "duplicateField",
        K::Other { .. } => "invalidShape",
    }
}
