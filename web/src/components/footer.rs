//! The bottom line: what the playground does with the user's data (nothing leaves the page).

use yew::{Html, function_component, html};

/// The page footer.
#[function_component]
pub(crate) fn Footer() -> Html {
    html! {
        <footer class="app-footer">
            { "Runs entirely in your browser: no AWS account, no server, no real credentials. \
               Every result is simulated." }
        </footer>
    }
}
