//! The playground's entry point: renders the app into the page body.

fn main() {
    yew::Renderer::<iamplay_web::App>::new().render();
}
