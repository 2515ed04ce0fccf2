//! The iamplay widget for JavaScript: `mount(element, options)` puts a live playground for one
//! scenario into an element of a course page and returns a handle to change or remove it.
//!
//! This crate only translates between JavaScript and the widget of `iamplay-web`; the widget
//! shows what `iamplay-core` decides. `iamplay-embed.js` (beside the built module) finds the
//! page's `data-iamplay` elements and calls `mount` for each.

use iamplay_core::explain::Lang;
use iamplay_web::embed::{self, Decided, Mounted, Options, Source};
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsError, JsValue};
use yew::Callback;

/// A widget on the page.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Mounted>,
}

/// Mounts a widget into `element`. `options`: `scenario` (a built-in lesson's id),
/// `scenarioJson` (a scenario document, as text or object) or `share` (a share link); `lang`
/// (`en`, `zh-CN`, `zh-TW`; else the page's); `view` (`decision` or `full`); `step` (from 1);
/// `readonly`; `height` (pixels or a CSS length); `theme` (`light`, `dark`, `auto`);
/// `playground` (the playground's address, for the "open in the full playground" link);
/// `onDecision` (a function called with `{step, decision, expected}` whenever the shown
/// step's decision is made).
///
/// # Errors
/// When the element cannot hold a shadow root (a `<p>`, say: use a `<div>`).
#[wasm_bindgen]
pub fn mount(element: &web_sys::Element, options: JsValue) -> Result<Widget, JsError> {
    let on_decision = Reflect::get(&options, &"onDecision".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let callback = Callback::from(move |decided: Decided| {
        if let Some(f) = &on_decision {
            let _ = f.call1(&JsValue::NULL, &decided_object(&decided));
        }
    });
    let mounted = embed::mount(element, Options::from_js(&options), callback)
        .map_err(|e| JsError::new(&format!("iamplay: cannot mount a widget here: {}", e.0)))?;
    Ok(Widget {
        mounted: Some(mounted),
    })
}

fn decided_object(decided: &Decided) -> JsValue {
    let object = Object::new();
    let text = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    for (key, value) in [
        ("step", JsValue::from(decided.step)),
        ("decision", text(&decided.actual)),
        ("expected", text(&decided.expected)),
    ] {
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    object.into()
}

#[wasm_bindgen]
impl Widget {
    /// Opens another scenario: a built-in lesson's id, a share link (`#...`), a scenario
    /// document (text or object), or an object with `scenario`, `scenarioJson` or `share`.
    ///
    /// # Errors
    /// When `source` names no scenario in any of these ways, or the widget was destroyed.
    #[wasm_bindgen(js_name = setScenario)]
    pub fn set_scenario(&mut self, source: JsValue) -> Result<(), JsError> {
        let source = Source::from_js(&source).ok_or_else(|| {
            JsError::new(
                "iamplay: setScenario takes a lesson's id, a share link, a scenario document, or {scenario | scenarioJson | share}",
            )
        })?;
        self.live()?.set_scenario(source);
        Ok(())
    }

    /// Speaks another language (`en`, `zh-CN`, `zh-TW`), keeping the reader's edits.
    ///
    /// # Errors
    /// When `lang` is none of these, or the widget was destroyed.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        let lang = Lang::from_tag(lang).ok_or_else(|| {
            JsError::new(&format!(
                "iamplay: unknown language `{lang}`; use `en`, `zh-CN` or `zh-TW`"
            ))
        })?;
        self.live()?.set_lang(lang);
        Ok(())
    }

    /// Removes the widget; the element is left empty. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(mounted) = self.mounted.take() {
            mounted.destroy();
        }
    }

    fn live(&mut self) -> Result<&mut Mounted, JsError> {
        self.mounted
            .as_mut()
            .ok_or_else(|| JsError::new("iamplay: this widget was destroyed"))
    }
}

/// The built-in lesson a share link carries the edits of (`per-user-folders` for
/// `1b.per-user-folders.…`), if it is such a link: `iamplay-embed.js` fetches that lesson and
/// passes its text as `shareBase`.
#[wasm_bindgen(js_name = shareBase)]
#[must_use]
pub fn share_base(link: &str) -> Option<String> {
    iamplay_core::scenario::share::based_on(link.trim_start_matches('#')).map(str::to_owned)
}

/// The version of iamplay inside (`MAJOR.MINOR.PATCH`).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    iamplay_core::VERSION.into()
}
