//! The warning shown for as long as the scenario holds what looks like a real AWS access key
//! and its secret (the core finds them; share links leave them out).

use yew::{Html, function_component, html};

use crate::hooks::use_app;

/// The warning, with where the keys are, while there are any.
#[function_component]
pub(crate) fn CredentialsWarning() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let places = &app.evaluation.credentials;
    if places.is_empty() {
        return Html::default();
    }
    let ui = app.ui();
    html! {
        <div class="notice credentials" role="alert">
            <strong>{ ui.credentials_found }</strong>
            <p>{ ui.credentials_help }</p>
            <ul>{ for places.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
        </div>
    }
}
