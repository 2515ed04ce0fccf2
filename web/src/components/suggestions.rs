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
    let world = &app.state.scenario.world;
    let mut resources = Vec::new();
    let mut roles = Vec::new();
    let mut policies = Vec::new();
    let mut serials = Vec::new();
    for account in &world.accounts {
        for resource in &account.resources {
            resources.push(resource.arn.clone());
            if resource.arn.starts_with("arn:aws:s3:::") && !resource.arn.contains('/') {
                resources.push(format!("{}/*", resource.arn));
            }
        }
        for role in &account.roles {
            let path = role.path.clone().unwrap_or_else(|| "/".into());
            let arn = format!("arn:aws:iam::{}:role{path}{}", account.id, role.name);
            resources.push(arn.clone());
            roles.push(arn);
        }
        for user in &account.users {
            let path = user.path.clone().unwrap_or_else(|| "/".into());
            resources.push(format!(
                "arn:aws:iam::{}:user{path}{}",
                account.id, user.name
            ));
            serials.extend(user.mfa_devices.iter().map(|d| d.serial_number.clone()));
        }
        for policy in &account.policies {
            let path = policy.path.clone().unwrap_or_else(|| "/".into());
            policies.push(format!(
                "arn:aws:iam::{}:policy{path}{}",
                account.id, policy.name
            ));
        }
        serials.extend(
            account
                .root
                .mfa_devices
                .iter()
                .map(|d| d.serial_number.clone()),
        );
    }
    policies.extend(
        world
            .aws_managed_policies
            .iter()
            .map(|p| format!("arn:aws:iam::aws:policy/{}", p.name)),
    );
    html! {
        <div hidden=true>
            { list("actions", SUGGESTED.iter().map(|a| (*a).to_owned())) }
            { list("resource-arns", resources) }
            { list("role-arns", roles) }
            { list("policy-arns", policies) }
            { list("mfa-serials", serials) }
            { list("context-keys", KEYS.iter().map(|k| k.name.to_owned())) }
        </div>
    }
}
