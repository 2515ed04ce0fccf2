//! The playground's entry point: a panic shows a banner, then the app renders into the body.

fn main() {
    iamplay_web::panic::install();
    yew::Renderer::<iamplay_web::App>::new().render();
}
