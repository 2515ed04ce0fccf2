//! A message that is not part of the scenario (a file that could not be imported), until
//! dismissed.

use yew::{Callback, Html, function_component, html};

use crate::components::explanation::rich;
use crate::hooks::use_app;
use crate::state::Action;

/// The notice, if there is one.
#[function_component]
pub(crate) fn NoticeBanner() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let Some(notice) = app.state.notice.clone() else {
        return Html::default();
    };
    let on_dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Notice(None)))
    };
    html! {
        <div class="notice" role="alert">
            <strong>{ notice.title }</strong>
            <ul>{ for notice.lines.iter().map(|l| html! { <li>{ rich(l) }</li> }) }</ul>
            <button type="button" onclick={on_dismiss}>{ app.ui().dismiss }</button>
        </div>
    }
}
