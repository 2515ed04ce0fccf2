//! When iamplay panics, the page says so and offers a way on, instead of freezing: a banner,
//! drawn with the DOM alone (the app itself may be stuck), with Reload and Start over. The work
//! is in local storage already: it is saved on every edit, before it is evaluated.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::ui;
use crate::storage;

/// Installs the panic hook (through Yew: its renderer replaces any hook set otherwise).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("iamplay: {info}").into());
        show_banner();
    }));
}

/// An alert drawn with the DOM alone: `title` in bold, then `help`, as text.
pub(crate) fn alert(
    document: &web_sys::Document,
    title: &str,
    help: &str,
) -> Option<web_sys::Element> {
    let alert = document.create_element("div").ok()?;
    let _ = alert.set_attribute("role", "alert");
    for (tag, text) in [("strong", title), ("p", help)] {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        let _ = alert.append_child(&element);
    }
    Some(alert)
}

/// Shows the banner (once).
pub(crate) fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let ui = ui(storage::load_lang());
    let Some(banner) = alert(&document, ui.crashed, ui.crashed_help) else {
        return;
    };
    banner.set_id("crash-banner");
    let button = |label: &str, forget: bool| {
        let element = document.create_element("button").ok()?;
        element.set_text_content(Some(label));
        let _ = element.set_attribute("type", "button");
        let reload = Closure::<dyn Fn()>::new(move || {
            if forget {
                storage::forget_work();
            }
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let element: web_sys::HtmlElement = element.dyn_into().ok()?;
        element.set_onclick(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        Some(element)
    };
    for (label, forget) in [(ui.reload, false), (ui.start_over, true)] {
        if let Some(element) = button(label, forget) {
            let _ = banner.append_child(&element);
        }
    }
    let _ = body.prepend_with_node_1(&banner);
}
