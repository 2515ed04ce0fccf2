//! The bottom line: what the playground does with the user's data (nothing leaves the page).

use yew::{Html, function_component, html};

use crate::hooks::use_app;

/// The page footer.
#[function_component]
pub(crate) fn Footer() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    html! { <footer class="app-footer">{ app.ui().footer }</footer> }
}
