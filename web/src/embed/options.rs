//! A widget's options, as a course page gives them (`data-*` attributes or `mount`'s object):
//! where its scenario comes from, its language, view and step, whether it may be edited.

use iamplay_core::explain::Lang;
use iamplay_core::scenario::{Scenario, builtin};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::document;
use crate::i18n::ui;
use crate::share::{Address, open_link, requested};
use crate::state::{Notice, Origin};

/// Where a widget's scenario comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A built-in lesson, by id (`per-user-folders`).
    Builtin(String),
    /// A scenario document (JSON text).
    Json(String),
    /// A share link (what follows `#` in the playground's address), with the text of the
    /// lesson it carries the edits of, when it is such a link (the widget has no lessons
    /// built in: `iamplay-embed.js` fetches them).
    Share {
        /// The link.
        link: String,
        /// The lesson's text.
        base: Option<String>,
    },
}

impl Default for Source {
    fn default() -> Self {
        Self::Builtin(builtin::default_scenario().id.into())
    }
}

impl Source {
    /// The source an options object names: `scenario`, `scenarioJson` (text or an object)
    /// or `share`; a bare string is a lesson's id, a share link (`#...`) or JSON text.
    #[must_use]
    pub fn from_js(value: &JsValue) -> Option<Self> {
        if let Some(text) = value.as_string() {
            return Some(Self::from_text(&text));
        }
        if !value.is_object() {
            return None;
        }
        if let Some(id) = string(value, "scenario") {
            return Some(Self::Builtin(id));
        }
        if let Some(link) = string(value, "share") {
            return Some(Self::Share {
                link: link.trim_start_matches('#').to_owned(),
                base: string(value, "shareBase"),
            });
        }
        let json = get(value, "scenarioJson");
        if let Some(text) = json.as_string() {
            return Some(Self::Json(text));
        }
        if json.is_object() {
            return js_sys::JSON::stringify(&json)
                .ok()
                .and_then(|t| t.as_string())
                .map(Self::Json);
        }
        // A scenario document itself.
        if get(value, "steps").is_object() || get(value, "world").is_object() {
            return js_sys::JSON::stringify(value)
                .ok()
                .and_then(|t| t.as_string())
                .map(Self::Json);
        }
        None
    }

    fn from_text(text: &str) -> Self {
        let text = text.trim();
        if text.starts_with('{') {
            Self::Json(text.to_owned())
        } else if let Some(link) = text.strip_prefix('#') {
            Self::Share {
                link: link.to_owned(),
                base: None,
            }
        } else {
            Self::Builtin(text.to_owned())
        }
    }

    /// The scenario, read, with where it came from; or what is wrong, in `lang`.
    pub(crate) fn open(&self, lang: Lang) -> Result<(Origin, Scenario), Vec<String>> {
        let notice = |notice: Notice| -> Vec<String> {
            std::iter::once(notice.title).chain(notice.lines).collect()
        };
        match self {
            Self::Json(text) => document::read(text, lang)
                .map(|scenario| (Origin::Imported(String::new()), scenario)),
            Self::Share { link, base } => open_link(link, base.as_deref(), lang).map_err(notice),
            Self::Builtin(id) => {
                let address = Address {
                    scenario: Some(id.clone()),
                    ..Address::default()
                };
                match requested(&address, lang) {
                    Some(opened) => opened.map_err(notice),
                    None => Err(vec![ui(lang).widget_failed.to_owned()]),
                }
            }
        }
    }
}

/// What a widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One step: its STS call's key fields and its request, the decision in a paragraph.
    #[default]
    Decision,
    /// Every step to choose from, each with its whole form and explanation tree.
    Full,
}

/// Light, dark, or as the reader's system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// As the system prefers.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Its name, as the style sheet knows it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// Everything a widget is told.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Its scenario.
    pub source: Source,
    /// Its language (else the page's).
    pub lang: Option<Lang>,
    /// Its view.
    pub view: View,
    /// The step shown first, counted from 1 (else the first call or request).
    pub step: Option<usize>,
    /// Whether the reader may not edit it.
    pub readonly: bool,
    /// Its height (`420` is pixels; any CSS length), else as tall as its content.
    pub height: Option<String>,
    /// Light or dark.
    pub theme: Theme,
    /// The playground's address, for "open in the full playground" (none: no link).
    pub playground: Option<String>,
    /// Option values that were not understood, as `name=value`, to warn about.
    pub ignored: Vec<String>,
}

/// `value` as an absolute `http:` or `https:` address (relative ones from the page's), else
/// `None`: a `javascript:` or `data:` address never becomes the widget's link.
fn web_address(value: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(value.trim(), &base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn string(object: &JsValue, name: &str) -> Option<String> {
    let value = get(object, name);
    if let Some(number) = value.as_f64() {
        return Some(number.to_string());
    }
    value.as_string().filter(|s| !s.trim().is_empty())
}

impl Options {
    /// Reads an options object (`data-*` attributes arrive as strings, `mount`'s as values).
    #[must_use]
    pub fn from_js(object: &JsValue) -> Self {
        let mut options = Self {
            source: Source::from_js(object).unwrap_or_default(),
            ..Self::default()
        };
        let mut ignored = |name: &str, value: &str| {
            options.ignored.push(format!("{name}={value}"));
        };
        if let Some(tag) = string(object, "lang") {
            match Lang::from_tag(&tag) {
                Some(lang) => options.lang = Some(lang),
                None => ignored("lang", &tag),
            }
        }
        if let Some(view) = string(object, "view") {
            match view.trim() {
                "decision" => options.view = View::Decision,
                "full" => options.view = View::Full,
                other => ignored("view", other),
            }
        }
        if let Some(step) = string(object, "step") {
            match step.trim().parse::<usize>() {
                Ok(n) if n >= 1 => options.step = Some(n),
                _ => ignored("step", &step),
            }
        }
        let readonly = get(object, "readonly");
        options.readonly = match readonly.as_string() {
            Some(text) => !matches!(text.trim(), "false" | "no" | "0"),
            None => readonly.is_truthy(),
        };
        if let Some(height) = string(object, "height") {
            let height = height.trim();
            options.height = Some(if height.bytes().all(|b| b.is_ascii_digit()) {
                format!("{height}px")
            } else {
                height.to_owned()
            });
        }
        if let Some(theme) = string(object, "theme") {
            match theme.trim() {
                "light" => options.theme = Theme::Light,
                "dark" => options.theme = Theme::Dark,
                "auto" => options.theme = Theme::Auto,
                other => ignored("theme", other),
            }
        }
        if let Some(playground) = string(object, "playground") {
            match web_address(&playground) {
                Some(address) => options.playground = Some(address),
                None => ignored("playground", &playground),
            }
        }
        options
    }

    /// The language: the one asked for, else the nearest `lang` attribute around `element`,
    /// else English.
    #[must_use]
    pub fn lang_for(&self, element: &web_sys::Element) -> Lang {
        self.lang
            .or_else(|| {
                let around = element.closest("[lang]").ok().flatten()?;
                Lang::from_tag(&around.get_attribute("lang")?)
            })
            .unwrap_or(Lang::En)
    }
}
