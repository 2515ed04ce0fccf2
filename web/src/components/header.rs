//! The top bar: the name, what it is, and the engine's version.

use yew::{Html, function_component, html};

/// The page header.
#[function_component]
pub(crate) fn Header() -> Html {
    html! {
        <header class="app-header">
            <h1>{ "iamplay" }</h1>
            <p class="tagline">{ "AWS STS + IAM policy playground" }</p>
            <span class="version" title="iamplay engine version">
                { format!("v{}", iamplay_core::VERSION) }
            </span>
        </header>
    }
}
