//! Component tests in a real browser: the app renders the default lesson's decision, and a
//! policy typed wrong is shown wrong at its line, with the text kept as typed.

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement};

use super::App;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the app into a fresh element, with nothing remembered from an earlier visit.
async fn render() -> (yew::AppHandle<App>, Element) {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
        storage.set_item("iamplay.lang", "en").unwrap();
    }
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    (app, root)
}

/// Lets the app render and the debounced evaluation run.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(400)).await;
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_default_lesson_opens_with_its_decision() {
    let (app, root) = render().await;
    assert_eq!(text(&root, "header h1"), "iamplay");
    assert!(text(&root, "header .version").contains(iamplay_core::VERSION));
    assert_eq!(text(&root, ".decision .verdict .word"), "Implicitly denied");
    assert!(text(&root, ".steps").contains("AssumeRole"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_policy_is_marked_at_its_line_and_kept_as_typed() {
    let (app, root) = render().await;
    // The first role's trust policy.
    let textarea: HtmlTextAreaElement = root
        .query_selector(".world textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let typed = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}";
    textarea.set_value(typed);
    let event = web_sys::InputEvent::new("input").unwrap();
    textarea.dispatch_event(&event).unwrap();
    settle().await;

    let finding = text(&root, ".world .findings li.error");
    assert!(finding.contains("line 4"), "{finding}");
    assert_eq!(text(&root, ".world .gutter span.error"), "4");
    assert_eq!(textarea.value(), typed);
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn a_panic_shows_a_banner_with_a_way_on() {
    crate::panic::show_banner();
    crate::panic::show_banner();
    let document = web_sys::window().unwrap().document().unwrap();
    let banners = document.query_selector_all("#crash-banner").unwrap();
    assert_eq!(banners.length(), 1, "one banner, however many panics");
    let banner = document.get_element_by_id("crash-banner").unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(banner.query_selector_all("button").unwrap().length(), 2);
    banner.remove();
}

#[wasm_bindgen_test]
async fn a_panic_in_a_widget_leaves_a_message_with_a_reload_button_and_tells_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let crashes = std::rc::Rc::new(std::cell::Cell::new(0));
    let heard = {
        let crashes = crashes.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || crashes.set(crashes.get() + 1))
    };
    host.add_event_listener_with_callback("iamplay-crash", heard.as_ref().unchecked_ref())
        .unwrap();
    let options = crate::embed::Options {
        lang: Some(iamplay_core::explain::Lang::ZhTw),
        ..crate::embed::Options::default()
    };
    let widget = crate::embed::mount(&host, options, yew::Callback::noop()).unwrap();
    settle().await;
    let shadow = host.shadow_root().unwrap();
    assert!(shadow.query_selector(".outcome").unwrap().is_some());

    crate::embed::crash::show_crashed();
    let message = shadow.query_selector(".problem.crashed").unwrap().unwrap();
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert!(message.text_content().unwrap().contains("停止運作"));
    let button = shadow
        .query_selector("button[data-iamplay-reload]")
        .unwrap();
    assert_eq!(
        button.unwrap().text_content().as_deref(),
        Some("重新載入小工具")
    );
    assert!(
        shadow.query_selector(".outcome").unwrap().is_none(),
        "only the message is left"
    );
    assert_eq!(crashes.get(), 1, "the page hears of it once");
    widget.destroy();
    host.remove();
}
