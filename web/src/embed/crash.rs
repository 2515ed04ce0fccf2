//! When a widget panics, it says so and offers to start again, and nothing else on the page is
//! touched. A panic stops the engine it happened in for good (the release build aborts, and the
//! renderer's state is left mid-change), so every widget has an engine of its own
//! (`iamplay-embed.js` instantiates the WebAssembly once per widget). This hook replaces what the
//! engine's widgets showed with a message drawn with the DOM alone, whose "Reload widget" button
//! `iamplay-embed.js` answers by mounting the widget again on a fresh engine; it then sends the
//! host element an `iamplay-crash` event, so that the script (and the page) know.

use std::cell::{Cell, RefCell};

use iamplay_core::explain::Lang;
use web_sys::{Document, Element, Event, EventInit};

use crate::embed::options::Theme;
use crate::i18n::ui;

/// The attribute that marks the reload button (the script finds it by this).
const RELOAD_ATTRIBUTE: &str = "data-iamplay-reload";

/// A widget of this engine, as the hook needs it.
struct Registered {
    id: u32,
    host: Element,
    lang: Lang,
    theme: Theme,
}

thread_local! {
    /// The widgets mounted in this engine.
    static WIDGETS: RefCell<Vec<Registered>> = const { RefCell::new(Vec::new()) };
    /// The last id given.
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
    /// Whether the hook is installed.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the hook (once) and registers a widget; returns its id.
pub(crate) fn register(host: &Element, lang: Lang, theme: Theme) -> u32 {
    if !INSTALLED.replace(true) {
        // Through Yew: its renderer replaces any hook set otherwise.
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("iamplay widget: {info}").into());
            show_crashed();
        }));
    }
    let id = LAST_ID.get().wrapping_add(1);
    LAST_ID.set(id);
    WIDGETS.with(|widgets| {
        if let Ok(mut widgets) = widgets.try_borrow_mut() {
            widgets.push(Registered {
                id,
                host: host.clone(),
                lang,
                theme,
            });
        }
    });
    id
}

/// The widget `id` speaks `lang` now.
pub(crate) fn set_lang(id: u32, lang: Lang) {
    WIDGETS.with(|widgets| {
        if let Ok(mut widgets) = widgets.try_borrow_mut()
            && let Some(widget) = widgets.iter_mut().find(|w| w.id == id)
        {
            widget.lang = lang;
        }
    });
}

/// The widget `id` is gone.
pub(crate) fn unregister(id: u32) {
    WIDGETS.with(|widgets| {
        if let Ok(mut widgets) = widgets.try_borrow_mut() {
            widgets.retain(|w| w.id != id);
        }
    });
}

/// Shows every widget of this engine as stopped (the hook's work; also callable in tests).
pub(crate) fn show_crashed() {
    WIDGETS.with(|widgets| {
        // Borrowed when the panic came from inside this module: nothing can be shown then.
        if let Ok(widgets) = widgets.try_borrow() {
            for widget in widgets.iter() {
                show(widget);
            }
        }
    });
}

fn show(widget: &Registered) {
    let (Some(shadow), Some(document)) = (widget.host.shadow_root(), widget.host.owner_document())
    else {
        return;
    };
    let Some(message) = message(&document, widget) else {
        return;
    };
    while let Some(child) = shadow.first_child() {
        if shadow.remove_child(&child).is_err() {
            break;
        }
    }
    let _ = shadow.append_child(&message);
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = Event::new_with_event_init_dict("iamplay-crash", &init) {
        let _ = widget.host.dispatch_event(&event);
    }
}

/// The message: what happened, that the page is fine, and the button to start again.
fn message(document: &Document, widget: &Registered) -> Option<Element> {
    let ui = ui(widget.lang);
    let root = document.create_element("div").ok()?;
    let _ = root.set_attribute("class", &format!("iamplay theme-{}", widget.theme.name()));
    let _ = root.set_attribute("lang", widget.lang.tag());
    let problem = crate::panic::alert(document, ui.widget_crashed, ui.widget_crashed_help)?;
    let _ = problem.set_attribute("class", "problem crashed");
    let button = document.create_element("button").ok()?;
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute(RELOAD_ATTRIBUTE, "");
    button.set_text_content(Some(ui.reload_widget));
    let _ = problem.append_child(&button);
    let _ = root.append_child(&problem);
    Some(root)
}
