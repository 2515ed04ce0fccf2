//! The findings panel: every warning the core's checker has about the whole world (broad trust,
//! wildcard actions, dangerous actions without MFA, long sessions for machines, ...), each
//! with what to do and a link to its statement in its editor.

use iamplay_core::explain::{world_warning_help, world_warning_message};
use iamplay_core::scenario::Scenario;
use iamplay_core::sts::WorldWarning;
use yew::{Callback, Html, function_component, html};

use crate::components::explanation::rich;
use crate::hooks::use_app;
use crate::state::{Action, Focus};

/// One warning: what it says, what to do, where it is.
struct Item {
    message: String,
    help: Option<String>,
    place: String,
    focus: Option<Focus>,
}

/// The statement a finding is in (`/Statement/2` of `/Statement/2/Action/0`), or the policy.
fn statement_of(pointer: &str) -> String {
    let mut parts = pointer.split('/').skip(1);
    match (parts.next(), parts.next()) {
        (Some("Statement"), Some(index)) if index.parse::<usize>().is_ok() => {
            format!("/Statement/{index}")
        }
        (Some("Statement"), _) => "/Statement".into(),
        _ => String::new(),
    }
}

/// Where a world pointer is, by the names in the scenario: `AssumedRole · trustPolicy`.
fn place(scenario: &Scenario, pointer: &str) -> String {
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    let index = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    let account = index(1).and_then(|a| scenario.world.accounts.get(a));
    let owner = match (parts.first(), parts.get(2), account) {
        (Some(&"accounts"), Some(&"roles"), Some(acc)) => index(3)
            .and_then(|r| acc.roles.get(r))
            .map(|r| r.name.clone()),
        (Some(&"accounts"), Some(&"users"), Some(acc)) => index(3)
            .and_then(|u| acc.users.get(u))
            .map(|u| u.name.clone()),
        (Some(&"accounts"), Some(&"groups"), Some(acc)) => index(3)
            .and_then(|g| acc.groups.get(g))
            .map(|g| g.name.clone()),
        (Some(&"accounts"), Some(&"policies"), Some(acc)) => index(3)
            .and_then(|p| acc.policies.get(p))
            .map(|p| p.name.clone()),
        (Some(&"accounts"), Some(&"resources"), Some(acc)) => index(3)
            .and_then(|r| acc.resources.get(r))
            .map(|r| r.arn.clone()),
        _ => None,
    };
    let rest = parts.get(4..).map(|p| p.join("/")).unwrap_or_default();
    match owner {
        Some(owner) if rest.is_empty() => owner,
        Some(owner) => format!("{owner} · {rest}"),
        None => pointer.to_owned(),
    }
}

/// The findings panel.
#[function_component]
pub(crate) fn FindingsPanel() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, words, lang) = (app.ui(), app.teach(), app.lang());
    let scenario = &app.state.scenario;
    let items = app.evaluation.run.warnings().map(|warning| Item {
        message: world_warning_message(&warning, lang),
        help: world_warning_help(&warning, lang),
        place: place(scenario, warning.pointer()),
        focus: match warning {
            WorldWarning::Policy {
                pointer, finding, ..
            } => Some(Focus {
                document: pointer.to_owned(),
                statement: statement_of(&finding.location.pointer),
            }),
            WorldWarning::World(_) => None,
        },
    });
    let list = items.into_iter().map(|item| {
        let show = item.focus.map(|focus| {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Focus(Some(focus.clone()))))
        });
        html! {
            <li class="finding warning">
                <span class="where">{ item.place }</span>
                <span class="message">{ rich(&item.message) }</span>
                if let Some(help) = item.help { <p class="help">{ rich(&help) }</p> }
                if let Some(show) = show {
                    <button type="button" class="link" onclick={show}>{ ui.show_in_editor }</button>
                }
            </li>
        }
    });
    let list: Vec<Html> = list.collect();
    html! {
        <section class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{ words.findings }{ format!(" ({})", list.len()) }</h2>
            if list.is_empty() {
                <p class="empty">{ words.findings_none }</p>
            } else {
                <p class="hint">{ words.findings_hint }</p>
                <ul>{ for list }</ul>
            }
        </section>
    }
}
