//! The world editor: the world's errors (its warnings are in the findings panel), then each account and the organizations' policies.

mod account;
mod entities;
mod organization;

use iamplay_core::explain::world_problem_message;
use iamplay_core::policy::{AwsError, Finding, Severity};
use iamplay_core::sts::WorldProblemKind;
use iamplay_core::sts::world::Account;
use yew::{Callback, Html, function_component, html};

use crate::evaluation::Evaluation;
use crate::hooks::use_app;
use crate::state::{Action, Edit};

use account::AccountEditor;
use organization::OrganizationPolicies;

/// The findings and AWS's error for the world document at `pointer`.
pub(crate) fn document_findings(
    evaluation: &Evaluation,
    pointer: &str,
) -> (Vec<Finding>, Option<AwsError>) {
    evaluation
        .run
        .problems
        .iter()
        .find_map(|problem| match &problem.kind {
            WorldProblemKind::Policy {
                findings,
                aws_error,
                ..
            } if problem.pointer == pointer => Some((findings.clone(), aws_error.clone())),
            _ => None,
        })
        .unwrap_or_default()
}

/// The world editor.
#[function_component]
pub(crate) fn WorldEditor() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let problems: Vec<Html> = app
        .evaluation
        .run
        .problems
        .iter()
        // Warnings are listed in the findings panel.
        .filter(|p| {
            p.severity == Severity::Error && !matches!(p.kind, WorldProblemKind::Policy { .. })
        })
        .map(|p| {
            html! { <li class="error"><code>{ p.pointer.clone() }</code>{ " " }{ world_problem_message(p, lang) }</li> }
        })
        .collect();
    let accounts = app.state.scenario.world.accounts.len();
    let on_add_account = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::new(|s| {
                let id = format!(
                    "{:012}",
                    111_122_223_333_u64 + 111_111_111_111 * s.world.accounts.len() as u64
                );
                s.world.accounts.push(Account {
                    id,
                    ..Account::default()
                });
            })));
        })
    };
    html! {
        <section class="world" aria-labelledby="world-heading">
            <h2 id="world-heading">{ ui.world }</h2>
            if !problems.is_empty() {
                <div class="problems" role="status">
                    <h3>{ ui.world_problems }</h3>
                    <ul>{ problems }</ul>
                </div>
            }
            { for (0..accounts).map(|a| html! { <AccountEditor key={a} account={a} /> }) }
            <button type="button" class="add" onclick={on_add_account}>{ ui.add_account }</button>
            <OrganizationPolicies />
        </section>
    }
}
