//! The `<datalist>`s the fields suggest from: actions, the world's resource, role and policy
//! ARNs, MFA serial numbers, and the global context keys.

use iamplay_core::actions::SUGGESTED;
use iamplay_core::context_keys::KEYS;
use yew::{Html, function_component, html};

use crate::hooks::use_app;

fn list(id: &'static str, values: impl IntoIterator<Item = String>) -> Html {
    html! {
        <datalist id={id}>
            { for values.into_iter().map(|v| html! { <option value={v} /> }) }
        </datalist>
    }
}

/// Every datalist, once per page.
#[function_component]
pub(crate) fn Suggestions() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let inventory = app.state.scenario.world.inventory();
    html! {
        <div hidden=true>
            { list("actions", SUGGESTED.iter().map(|a| (*a).to_owned())) }
            { list("resource-arns", inventory.request_targets()) }
            { list("role-arns", inventory.roles) }
            { list("policy-arns", inventory.policies) }
            { list("mfa-serials", inventory.mfa_serials) }
            { list("context-keys", KEYS.iter().map(|k| k.name.to_owned())) }
        </div>
    }
}
