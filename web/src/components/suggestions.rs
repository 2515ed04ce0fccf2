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
    let mut resources = Vec::new();
    for arn in &inventory.resources {
        resources.push(arn.clone());
        // A bucket's objects too, the usual target of a request.
        if arn.starts_with("arn:aws:s3:::") && !arn.contains('/') {
            resources.push(format!("{arn}/*"));
        }
    }
    resources.extend(inventory.roles.iter().cloned());
    resources.extend(inventory.principals.iter().cloned());
    html! {
        <div hidden=true>
            { list("actions", SUGGESTED.iter().map(|a| (*a).to_owned())) }
            { list("resource-arns", resources) }
            { list("role-arns", inventory.roles) }
            { list("policy-arns", inventory.policies) }
            { list("mfa-serials", inventory.mfa_serials) }
            { list("context-keys", KEYS.iter().map(|k| k.name.to_owned())) }
        </div>
    }
}
