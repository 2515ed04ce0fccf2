//! "What would make this allowed" (or "what would deny this"): the core's suggestions for the
//! chosen step, each already tried, with the decision it gives, a button to make the change and
//! a link to the statement it edits.

use iamplay_core::explain::change_message;
use iamplay_core::scenario::whatif::{Aim, Suggestion, apply, suggest};
use yew::{Callback, Html, Properties, function_component, html, use_memo};

use crate::components::explanation::rich;
use crate::components::outcome::verdict_of;
use crate::evaluation::Shared;
use crate::hooks::use_app;
use crate::state::{Action, Edit, Focus};

/// The panel's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct WhatIfProps {
    /// The step.
    pub step: usize,
}

/// The suggestions for one step.
#[function_component]
pub(crate) fn WhatIf(props: &WhatIfProps) -> Html {
    let app = use_app();
    let step = props.step;
    let suggestions = {
        let key = app.as_ref().map(|a| {
            (
                Shared(a.evaluation.clone()),
                Shared(a.state.scenario.clone()),
                step,
            )
        });
        use_memo(key, |key| -> Vec<Suggestion> {
            key.as_ref().map_or_else(Vec::new, |(run, scenario, step)| {
                suggest(&scenario.0, &run.0.run, *step)
            })
        })
    };
    let Some(app) = app else {
        return Html::default();
    };
    let Some(aim) = app
        .evaluation
        .run
        .steps
        .get(step)
        .and_then(|r| r.actual.as_deref())
        .and_then(Aim::for_outcome)
    else {
        return Html::default();
    };
    let (ui, words, lang) = (app.ui(), app.teach(), app.lang());
    let heading = match aim {
        Aim::Allow => words.whatif_allow,
        Aim::Deny => words.whatif_deny,
    };
    let items = suggestions.iter().map(|suggestion| {
        let change = suggestion.change.clone();
        let make = {
            let app = app.clone();
            let change = change.clone();
            Callback::from(move |_| {
                let change = change.clone();
                app.dispatch(Action::Edit(Edit::new(move |scenario| {
                    if let Some(changed) = apply(scenario, &change) {
                        *scenario = changed;
                    }
                })));
            })
        };
        let show = change.policy().map(|(policy, statement)| {
            let app = app.clone();
            let focus = Focus {
                document: policy.to_owned(),
                statement: statement.to_owned(),
            };
            Callback::from(move |_| app.dispatch(Action::Focus(Some(focus.clone()))))
        });
        let then = verdict_of(Some(&suggestion.promised));
        html! {
            <li class="suggestion">
                <span class="change">{ rich(&change_message(&change, lang)) }</span>
                <span class={format!("promised {}", then.class())}>{ format!("→ {}", then.name(ui)) }</span>
                <span class="actions">
                    <button type="button" class="apply" onclick={make}>{ words.apply }</button>
                    if let Some(show) = show {
                        <button type="button" class="link" onclick={show}>{ ui.show_in_editor }</button>
                    }
                </span>
            </li>
        }
    });
    html! {
        <div class="whatif" aria-labelledby="whatif-heading">
            <h3 id="whatif-heading">{ heading }</h3>
            if suggestions.is_empty() {
                <p class="empty">{ words.whatif_none }</p>
            } else {
                <p class="hint">{ words.whatif_intro }</p>
                <ul class="suggestions">{ for items }</ul>
            }
        </div>
    }
}
