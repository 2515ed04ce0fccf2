//! "Copy link": the whole scenario as a link, put on the clipboard and shown, selected, for
//! browsers that refuse the clipboard.

use iamplay_core::explain::share_error_message;
use web_sys::HtmlInputElement;
use yew::{Callback, Html, function_component, html, use_effect_with, use_node_ref, use_state_eq};

use crate::hooks::use_app;
use crate::share::{copy_to_clipboard, link_url};
use crate::state::{Action, Notice};

/// The share button and, once pressed, the link.
#[function_component]
pub(crate) fn ShareButton() -> Html {
    let app = use_app();
    let shown = use_state_eq(|| None::<(String, bool)>);
    let input = use_node_ref();
    {
        // A new edit makes the shown link stale: hide it.
        let shown = shown.clone();
        let scenario = app
            .as_ref()
            .map(|a| crate::evaluation::Shared(a.state.scenario.clone()));
        use_effect_with(scenario, move |_| shown.set(None));
    }
    {
        let input = input.clone();
        use_effect_with(shown.clone(), move |_| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.select();
            }
        });
    }
    let Some(app) = app else {
        return Html::default();
    };
    let ui = app.ui();
    let on_copy = {
        let (app, shown) = (app.clone(), shown.clone());
        Callback::from(move |_| match link_url(&app.state.scenario) {
            Ok(url) => {
                let copied = copy_to_clipboard(&url);
                shown.set(Some((url, copied)));
            }
            Err(error) => app.dispatch(Action::Notice(Some(Notice {
                title: app.ui().share_failed.to_owned(),
                lines: vec![share_error_message(&error, app.lang())],
            }))),
        })
    };
    html! {
        <>
            <button type="button" onclick={on_copy}>{ ui.copy_link }</button>
            if let Some((url, copied)) = (*shown).clone() {
                <span class="share-link">
                    <input ref={input} id="share-link" aria-label={ui.link_label} readonly=true value={url} />
                    if copied { <span role="status">{ ui.link_copied }</span> }
                    if !app.evaluation.credentials.is_empty() {
                        <span class="left-out" role="status">{ ui.link_left_out }</span>
                    }
                </span>
            }
        </>
    }
}
