//! Results as JavaScript values: tagged (`{ok: true, value}` / `{ok: false, errors}`), with
//! every message in the caller's language and in all three (`messages`), so that `explain` can
//! switch languages without running anything again.

use iamplay_core::explain::Lang;
use iamplay_core::source::Location;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JavaScript value (objects, not `Map`s).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A text in each language.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Texts {
    en: String,
    #[serde(rename = "zh-CN")]
    zh_cn: String,
    #[serde(rename = "zh-TW")]
    zh_tw: String,
}

impl Texts {
    /// The text `words` gives in each language.
    pub(crate) fn new(words: impl Fn(Lang) -> String) -> Self {
        Self {
            en: words(Lang::En),
            zh_cn: words(Lang::ZhCn),
            zh_tw: words(Lang::ZhTw),
        }
    }

    /// The text in `lang`.
    pub(crate) fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::ZhCn => &self.zh_cn,
            Lang::ZhTw => &self.zh_tw,
        }
    }
}

/// Where an item is in a text: a JSON pointer and line/column (from 1, in characters).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Place {
    pointer: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

impl From<&Location> for Place {
    fn from(location: &Location) -> Self {
        Self {
            pointer: location.pointer.clone(),
            line: location.start.line,
            column: location.start.column,
            end_line: location.end.line,
            end_column: location.end.column,
        }
    }
}

/// AWS's own error, as AWS words it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct AwsText {
    pub(crate) code: String,
    pub(crate) message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<u16>,
}

/// One error, warning or note.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Item {
    /// What it is (`unknownField`, `AccessDenied`, `InvalidOperator`, ...).
    pub(crate) code: String,
    /// `error` or `warning`.
    pub(crate) severity: &'static str,
    /// The message in the chosen language.
    pub(crate) message: String,
    /// The message in every language.
    pub(crate) messages: Texts,
    /// What to do, in the chosen language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help: Option<String>,
    /// What to do, in every language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) helps: Option<Texts>,
    /// Where, in the input: a JSON pointer (`/policies/identity/0/document`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) path: Option<String>,
    /// Where, in the text it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) location: Option<Place>,
    /// AWS's own error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) aws: Option<AwsText>,
    /// The values behind it.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub(crate) data: JsValue,
}

impl Item {
    /// An item with `code` and messages from `words`, in `lang`.
    pub(crate) fn new(
        code: impl Into<String>,
        error: bool,
        lang: Lang,
        words: impl Fn(Lang) -> String,
    ) -> Self {
        let messages = Texts::new(words);
        Self {
            code: code.into(),
            severity: if error { "error" } else { "warning" },
            message: messages.get(lang).into(),
            messages,
            help: None,
            helps: None,
            path: None,
            location: None,
            aws: None,
            data: JsValue::UNDEFINED,
        }
    }

    /// A note: something worth knowing about an outcome that is neither an error nor a
    /// warning.
    pub(crate) fn note(
        code: impl Into<String>,
        lang: Lang,
        words: impl Fn(Lang) -> String,
    ) -> Self {
        let mut item = Self::new(code, false, lang, words);
        item.severity = "note";
        item
    }

    /// With help from `words` (when it has some).
    pub(crate) fn with_help(mut self, lang: Lang, words: impl Fn(Lang) -> Option<String>) -> Self {
        if words(Lang::En).is_some() {
            let helps = Texts::new(|l| words(l).unwrap_or_default());
            self.help = Some(helps.get(lang).into());
            self.helps = Some(helps);
        }
        self
    }

    /// With the values behind it.
    pub(crate) fn with_data<T: Serialize + ?Sized>(mut self, data: &T) -> Self {
        self.data = to_js(data);
        self
    }
}

#[derive(Serialize)]
struct Success<'a, T: Serialize> {
    ok: bool,
    value: &'a T,
}

#[derive(Serialize)]
struct Failure<'a> {
    ok: bool,
    errors: &'a [Item],
}

/// `{ok: true, value}`.
pub(crate) fn success<T: Serialize>(value: &T) -> JsValue {
    to_js(&Success { ok: true, value })
}

/// `{ok: false, errors}`.
pub(crate) fn failure(errors: &[Item]) -> JsValue {
    to_js(&Failure { ok: false, errors })
}

/// `{ok: false, errors, ...extra}`: a failure with what else the caller should see (the
/// engine's decisions in a refused call).
pub(crate) fn failure_with<T: Serialize>(errors: &[Item], extra: &T) -> JsValue {
    let result = to_js(extra);
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&result, &JsValue::from_str(key), &value);
    };
    set("ok", JsValue::FALSE);
    set("errors", to_js(errors));
    result
}
