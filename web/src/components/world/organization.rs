//! The organizations' policies (SCPs and RCPs): where they are attached is kept as loaded; their
//! documents are edited here.

use yew::{Callback, Html, function_component, html};

use super::document_findings;
use super::entities::holds_focus;
use crate::components::policy_editor::PolicyEditor;
use crate::hooks::use_app;
use crate::state::{Action, Edit};

/// Every organization policy of the world.
#[function_component]
pub(crate) fn OrganizationPolicies() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let organizations = &app.state.scenario.world.organizations;
    if organizations.iter().all(|o| o.policies.is_empty()) {
        return Html::default();
    }
    let editors = organizations.iter().enumerate().flat_map(|(o, organization)| {
        let app = app.clone();
        organization.policies.iter().enumerate().map(move |(p, policy)| {
            let pointer = format!("/organizations/{o}/policies/{p}/document");
            let (findings, aws_error) = document_findings(&app.evaluation, &pointer);
            let on_change = {
                let app = app.clone();
                Callback::from(move |text: String| {
                    app.dispatch(Action::Edit(Edit::new(move |s| {
                        if let Some(policy) = s.world.organizations.get_mut(o).and_then(|org| org.policies.get_mut(p)) {
                            policy.document = text.clone();
                        }
                    })));
                })
            };
            let kind = match policy.policy_type {
                iamplay_core::sts::world::OrganizationPolicyType::ServiceControlPolicy => "SCP",
                iamplay_core::sts::world::OrganizationPolicyType::ResourceControlPolicy => "RCP",
            };
            html! {
                <PolicyEditor id={format!("o{o}-p{p}")} label={format!("{kind} `{}` ({})", policy.name, organization.id)}
                    text={policy.document.clone()} findings={findings} aws_error={aws_error}
                    source={pointer} on_change={on_change} />
            }
        })
    });
    html! {
        <details class="organizations" open={holds_focus(&app, "/organizations")}>
            <summary><h3>{ ui.organization_policies }</h3></summary>
            { for editors }
        </details>
    }
}
