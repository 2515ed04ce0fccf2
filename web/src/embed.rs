//! The embeddable widget: a small live playground for a course page, mounted into any element
//! inside a shadow root of its own, so that neither the page's styles nor the widget's cross
//! over. It is the playground's own state, forms and explanations in a compact layout; the
//! `iamplay-embed` crate makes it callable from JavaScript.

pub(crate) mod crash;
mod options;
mod widget;

use std::rc::Rc;

use iamplay_core::explain::Lang;
use iamplay_core::scenario::Scenario;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback, Renderer};

use crate::state::Origin;

pub use options::{Options, Source, Theme, View};
pub use widget::Decided;
use widget::{Widget, WidgetProps};

/// The widget's style sheets: what it shares with the playground, then its own layout.
const STYLE: [&str; 2] = [
    include_str!("../styles/base.css"),
    include_str!("../styles/embed.css"),
];

thread_local! {
    /// One constructed style sheet for every widget on the page (constructed sheets are not
    /// inline styles, so a page's Content-Security-Policy need not allow those).
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(&STYLE.concat()).is_ok());
}

/// A widget on the page.
pub struct Mounted {
    shadow: ShadowRoot,
    root: Element,
    options: Options,
    lang: Lang,
    /// The scenario as opened (a new language keeps it; only a refusal is worded again).
    opened: Rc<Result<(Origin, Scenario), Vec<String>>>,
    on_decision: Callback<Decided>,
    app: Option<AppHandle<Widget>>,
    /// Its id among the widgets a panic would stop.
    id: u32,
}

/// Why a widget could not be mounted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountError(pub String);

/// Mounts a widget into `host` (its content is replaced by the widget's shadow root; an
/// element that already has an open shadow root, such as one a widget was mounted into
/// before, is reused). `on_decision` hears every decision the widget shows.
pub fn mount(
    host: &Element,
    options: Options,
    on_decision: Callback<Decided>,
) -> Result<Mounted, MountError> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|e| MountError(describe(&e)))?,
    };
    clear(&shadow);
    let document = host
        .owner_document()
        .ok_or_else(|| MountError("the element is not in a document".into()))?;
    if !SHEET.with(|sheet| match sheet {
        Some(sheet) => {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
            true
        }
        None => false,
    }) {
        // Browsers without constructed style sheets get a `<style>` element.
        let style = document
            .create_element("style")
            .map_err(|e| MountError(describe(&e)))?;
        style.set_text_content(Some(&STYLE.concat()));
        shadow
            .append_child(&style)
            .map_err(|e| MountError(describe(&e)))?;
    }
    let root = document
        .create_element("div")
        .map_err(|e| MountError(describe(&e)))?;
    shadow
        .append_child(&root)
        .map_err(|e| MountError(describe(&e)))?;
    if let (Some(height), Some(element)) = (&options.height, root.dyn_ref::<HtmlElement>()) {
        // Through the CSS object model: a `style` attribute would need `'unsafe-inline'`.
        let _ = element.style().set_property("--iamplay-height", height);
    }
    if !options.ignored.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "iamplay: ignored option values: {}",
                options.ignored.join(", ")
            )
            .into(),
        );
    }
    let lang = options.lang_for(host);
    let id = crash::register(host, lang, options.theme);
    let mut mounted = Mounted {
        shadow,
        root,
        opened: Rc::new(options.source.open(lang)),
        options,
        lang,
        on_decision,
        app: None,
        id,
    };
    mounted.render();
    Ok(mounted)
}

fn clear(shadow: &ShadowRoot) {
    while let Some(child) = shadow.first_child() {
        if shadow.remove_child(&child).is_err() {
            break;
        }
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

impl Mounted {
    fn props(&self) -> WidgetProps {
        WidgetProps {
            opened: self.opened.clone(),
            lang: self.lang,
            view: self.options.view,
            step: self.options.step.map(|s| s.saturating_sub(1)),
            readonly: self.options.readonly,
            theme: self.options.theme,
            playground: self.options.playground.clone(),
            on_decision: self.on_decision.clone(),
        }
    }

    /// Renders the widget afresh (a new scenario starts with nothing edited).
    fn render(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.app = Some(Renderer::with_root_and_props(self.root.clone(), self.props()).render());
    }

    /// Opens another scenario in the widget.
    pub fn set_scenario(&mut self, source: Source) {
        self.opened = Rc::new(source.open(self.lang));
        self.options.source = source;
        self.render();
    }

    /// Speaks another language, keeping the reader's edits.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        crash::set_lang(self.id, lang);
        if self.opened.is_err() {
            self.opened = Rc::new(self.options.source.open(lang));
        }
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Removes the widget, leaving the element empty.
    pub fn destroy(mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        clear(&self.shadow);
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        crash::unregister(self.id);
    }
}
