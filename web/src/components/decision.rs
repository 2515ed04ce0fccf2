//! The decision panel: the outcome big and clear, the explanation tree of each authorization,
//! the error AWS answered with, and the STS response.

use iamplay_core::explain::{failure_help, failure_message, note_message, skip_message};
use iamplay_core::scenario::StepOutcome;
use yew::{Html, function_component, html};

use crate::components::code_view::CodeView;
use crate::components::explanation::{ExplanationTree, rich};
use crate::components::outcome::{Verdict, verdict};
use crate::components::permissions::Permissions;
use crate::components::response::{StsResponse, cli_error};
use crate::components::whatif::WhatIf;
use crate::hooks::use_app;
use crate::i18n::evaluated_in;

/// The decision panel for the chosen step.
#[function_component]
pub(crate) fn DecisionPanel() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let Some(step) = app.state.selected else {
        return html! { <section class="decision"><p class="empty">{ ui.select_step }</p></section> };
    };
    let Some(result) = app.evaluation.run.steps.get(step) else {
        return html! { <section class="decision"><p class="empty">{ ui.evaluating }</p></section> };
    };
    let shown = verdict(result);
    let operation = app
        .state
        .scenario
        .steps
        .get(step)
        .and_then(|s| match (&s.call, &s.request) {
            (Some(call), _) => Some(call.name().to_owned()),
            (None, Some(request)) => request.action.split(':').nth(1).map(str::to_owned),
            (None, None) => None,
        });
    let authorizations = result.authorizations();
    let several = authorizations.len() > 1;
    // A denial is explained by its authorization's tree; other failures (validation, expired
    // credentials) by the error itself.
    let denied_by_policy = matches!(shown, Verdict::ExplicitDeny | Verdict::ImplicitDeny);
    html! {
        <section class={format!("decision {}", shown.class())} aria-labelledby="decision-heading">
            <h2 id="decision-heading" class="visually-hidden">{ ui.decision }</h2>
            <div class="verdict" role="status" aria-live="polite">
                <span class="word">{ shown.name(ui) }</span>
                if app.pending { <span class="pending">{ ui.evaluating }</span> }
            </div>
            if let StepOutcome::Skipped { reason } = &result.outcome {
                <p class="headline">{ rich(&skip_message(reason, lang)) }</p>
            }
            if let Some(error) = result.error() {
                if !denied_by_policy {
                    <div class="error">
                        <p class="headline">{ rich(&failure_message(&error.reason, lang)) }</p>
                        if let Some(help) = failure_help(&error.reason, lang) {
                            <p class="help">{ rich(&help) }</p>
                        }
                    </div>
                }
            }
            if several {
                <h3>{ ui.checks }</h3>
            }
            { for authorizations.iter().map(|a| html! {
                <div class="authorization">
                    if several {
                        <p class="checked"><code>{ a.request.action.clone() }</code>{ " → " }<code>{ a.request.resource.clone() }</code></p>
                    }
                    <ExplanationTree explanation={a.explain(lang)} />
                </div>
            }) }
            <WhatIf step={step} />
            if let Some(error) = result.error() {
                <h3>{ ui.cli_error }</h3>
                <pre class="shell"><code>{ cli_error(error, operation.as_deref().unwrap_or("request")) }</code></pre>
            }
            if !result.outcome.notes().is_empty() {
                <div class="notes">
                    <h3>{ ui.notes }</h3>
                    <ul>{ for result.outcome.notes().iter().map(|n| html! { <li>{ rich(&note_message(n, lang)) }</li> }) }</ul>
                </div>
            }
            <StsResponse step={step} />
            <CodeView step={step} />
            <Permissions step={step} />
            <p class="timing" data-eval-ms={format!("{:.3}", app.evaluation.millis)}
                data-scenario={app.evaluation.scenario_id.clone().unwrap_or_default()}>
                { evaluated_in(lang, app.evaluation.millis) }
            </p>
        </section>
    }
}
