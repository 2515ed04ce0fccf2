//! The iamplay playground: a Yew single-page app over `iamplay-core`.
//!
//! The app only translates: the user's input goes to the core, the core's results come back
//! as data, and the app shows them. It holds no IAM semantics of its own.

mod components;

use yew::{Html, function_component, html};

use components::footer::Footer;
use components::header::Header;

/// The whole playground.
#[function_component]
pub fn App() -> Html {
    html! {
        <div class="app">
            <Header />
            <main class="app-main">
                <section class="intro">
                    <h2>{ "AWS STS and IAM, played in your browser" }</h2>
                    <p>
                        { "Build a small AWS world of accounts, users, roles, buckets and policies; \
                           call STS AssumeRole with session tags and a session policy; use the \
                           temporary credentials for a request; and see the decision AWS would \
                           give, down to the condition and the substituted value." }
                    </p>
                </section>
            </main>
            <Footer />
        </div>
    }
}

#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use std::time::Duration;

    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::App;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_app_renders_its_header_with_the_engine_version() {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();

        let app = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::platform::time::sleep(Duration::ZERO).await;

        let title = root.query_selector("header h1").unwrap().unwrap();
        assert_eq!(title.text_content().unwrap(), "iamplay");
        let text = root.text_content().unwrap();
        assert!(text.contains(iamplay_core::VERSION), "{text}");

        app.destroy();
        root.remove();
    }
}
