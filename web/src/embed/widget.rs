//! The widget: the playground's own state, forms and explanations for one scenario, laid out
//! for a few hundred pixels of a course page.

use std::rc::Rc;

use iamplay_core::explain::{Lang, failure_help, failure_message, skip_message};
use iamplay_core::scenario::{Caller, Scenario, StepOutcome};
use yew::{
    Callback, ContextProvider, Html, Properties, function_component, html, use_effect_with,
    use_memo, use_reducer,
};

use crate::components::call_form::{CallFields, session_policy_text};
use crate::components::explanation::{ExplanationTree, rich};
use crate::components::outcome::{Verdict, verdict};
use crate::components::request_form::RequestForm;
use crate::components::steps::step_label;
use crate::embed::options::{Theme, View};
use crate::evaluation::{Evaluation, Shared};
use crate::hooks::{AppContext, use_app};
use crate::i18n::ui;
use crate::share::link_at;
use crate::state::{Action, Origin, State};

/// A step's outcome, for the page's `onDecision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// The step, counted from 1.
    pub step: usize,
    /// The outcome in the core's words (`Allow`, `ImplicitDeny`, an error code), if it ran.
    pub actual: Option<String>,
    /// The outcome the scenario expects, if it says.
    pub expected: Option<String>,
}

/// The widget's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct WidgetProps {
    /// The scenario, opened, or why it could not be.
    pub opened: Rc<Result<(Origin, Scenario), Vec<String>>>,
    pub lang: Lang,
    pub view: View,
    /// The step shown first (from 0).
    pub step: Option<usize>,
    pub readonly: bool,
    pub theme: Theme,
    /// The playground's address for the share link.
    pub playground: Option<String>,
    pub on_decision: Callback<Decided>,
}

/// The widget: its scenario, or the reason it has none.
#[function_component]
pub(crate) fn Widget(props: &WidgetProps) -> Html {
    let class = format!("iamplay theme-{}", props.theme.name());
    match props.opened.as_ref() {
        Ok((origin, scenario)) => html! {
            <Live origin={origin.clone()} scenario={Rc::new(scenario.clone())} lang={props.lang}
                view={props.view} step={props.step} readonly={props.readonly} class={class}
                playground={props.playground.clone()} on_decision={props.on_decision.clone()} />
        },
        Err(lines) => html! {
            <div class={class} lang={props.lang.tag()}>
                <div class="problem" role="alert">
                    <strong>{ ui(props.lang).widget_failed }</strong>
                    <ul>{ for lines.iter().map(|l| html! { <li>{ rich(l) }</li> }) }</ul>
                </div>
            </div>
        },
    }
}

/// The live widget's properties.
#[derive(Properties, PartialEq)]
struct LiveProps {
    origin: Origin,
    scenario: Rc<Scenario>,
    lang: Lang,
    view: View,
    step: Option<usize>,
    readonly: bool,
    class: String,
    playground: Option<String>,
    on_decision: Callback<Decided>,
}

/// A scenario in play.
#[function_component]
fn Live(props: &LiveProps) -> Html {
    let state = {
        let (origin, scenario, lang, step) = (
            props.origin.clone(),
            props.scenario.clone(),
            props.lang,
            props.step,
        );
        use_reducer(move || {
            let opened = State::opened(lang, origin, (*scenario).clone());
            match step {
                Some(step) => yew::Reducible::reduce(Rc::new(opened), Action::Select(step))
                    .as_ref()
                    .clone(),
                None => opened,
            }
        })
    };
    {
        let state = state.clone();
        use_effect_with(props.lang, move |lang| {
            if state.lang != *lang {
                state.dispatch(Action::SetLang(*lang));
            }
        });
    }
    let evaluation = use_memo(Shared(state.scenario.clone()), |s| Evaluation::of(&s.0));
    {
        let (on_decision, steps) = (props.on_decision.clone(), state.scenario.clone());
        use_effect_with(
            (Shared(evaluation.clone()), state.selected),
            move |(evaluation, selected)| {
                if let Some(step) = *selected {
                    on_decision.emit(Decided {
                        step: step + 1,
                        actual: evaluation
                            .0
                            .run
                            .steps
                            .get(step)
                            .and_then(|r| r.actual.clone()),
                        expected: steps.steps.get(step).and_then(|s| s.expect.clone()),
                    });
                }
            },
        );
    }
    let link = use_memo(
        (Shared(state.scenario.clone()), props.playground.clone()),
        |(scenario, playground)| {
            playground
                .as_deref()
                .and_then(|base| link_at(base, &scenario.0).ok())
        },
    );
    let (ui, lang, full) = (ui(state.lang), state.lang, props.view == View::Full);
    let title = state.scenario.title.get(lang).map(str::to_owned);
    let selected = state.selected;
    let context = AppContext {
        state,
        evaluation,
        pending: false,
        saved: true,
    };
    html! {
        <ContextProvider<AppContext> context={context}>
            <div class={format!("{} view-{}", props.class, if full { "full" } else { "decision" })}
                lang={lang.tag()}>
                if let Some(title) = title { <p class="title">{ title }</p> }
                if full { <StepChips /> }
                if let Some(step) = selected {
                    <div class="body">
                        <fieldset class="inputs" disabled={props.readonly}>
                            <StepInputs step={step} full={full} />
                        </fieldset>
                        <Outcome step={step} full={full} />
                    </div>
                } else {
                    <p class="empty">{ ui.no_steps }</p>
                }
                if let Some(link) = link.as_ref() {
                    <p class="open"><a href={link.clone()} target="_blank" rel="noopener noreferrer">
                        { ui.open_in_playground }{ " ↗" }</a></p>
                }
            </div>
        </ContextProvider<AppContext>>
    }
}

/// Every step as a numbered chip with its outcome (the full view).
#[function_component]
fn StepChips() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let chips = app.state.scenario.steps.iter().enumerate().map(|(i, step)| {
        let shown = app.evaluation.run.steps.get(i).map(verdict);
        let selected = app.state.selected == Some(i);
        let label = step_label(step, lang, ui);
        let title = match shown {
            Some(shown) => format!("{label} — {}", shown.name(ui)),
            None => label,
        };
        let on_click = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Select(i)))
        };
        html! {
            <li><button type="button" class={shown.map_or("", Verdict::class)} title={title.clone()}
                aria-label={title} aria-current={selected.then_some("step")} onclick={on_click}>
                { i + 1 }</button></li>
        }
    });
    html! { <ol class="chips">{ for chips }</ol> }
}

/// The step inputs' properties.
#[derive(Properties, PartialEq)]
struct StepProps {
    step: usize,
    full: bool,
}

/// The step's own form, after the STS call that made the credentials it is signed with.
#[function_component]
fn StepInputs(props: &StepProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (steps, lang) = (&app.state.scenario.steps, app.lang());
    let Some(step) = steps.get(props.step) else {
        return Html::default();
    };
    let signer = match &step.caller {
        Some(Caller::Step(id)) => steps
            .iter()
            .position(|s| s.id.as_deref() == Some(id.as_str()) && s.call.is_some())
            .filter(|i| *i < props.step),
        _ => None,
    };
    let compact = !props.full;
    html! { <>
        <p class="step-title">{ format!("{} {} · {}", app.ui().step, props.step + 1, step_label(step, lang, app.ui())) }</p>
        if let Some(signer) = signer { <Call step={signer} compact=true /> }
        if step.call.is_some() { <Call step={props.step} compact={compact} /> }
        if step.request.is_some() { <RequestForm step={props.step} compact={compact} /> }
    </> }
}

/// A step's STS call: its parameters, its session policy shown as text (the widget has no
/// policy editor; "open in the full playground" has).
#[function_component]
fn Call(props: &StepCallProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let Some(call) = app
        .state
        .scenario
        .steps
        .get(props.step)
        .and_then(|s| s.call.as_ref())
    else {
        return Html::default();
    };
    let policy = session_policy_text(call).map(|text| {
        html! {
            <div class="field">
                <span class="label">{ app.ui().session_policy }</span>
                <pre class="json">{ text.to_owned() }</pre>
            </div>
        }
    });
    html! {
        <fieldset class="call-form">
            <legend>{ app.ui().sts_call }{ " " }<code>{ call.name() }</code></legend>
            <CallFields step={props.step} compact={props.compact} session_policy={policy.unwrap_or_default()} />
        </fieldset>
    }
}

/// A call's properties.
#[derive(Properties, PartialEq)]
struct StepCallProps {
    step: usize,
    compact: bool,
}

/// The outcome: the verdict, and the decision in a paragraph (the tree in the full view).
#[function_component]
fn Outcome(props: &StepProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let Some(result) = app.evaluation.run.steps.get(props.step) else {
        return Html::default();
    };
    let shown = verdict(result);
    let denied = matches!(shown, Verdict::ExplicitDeny | Verdict::ImplicitDeny);
    let mut paragraphs: Vec<String> = Vec::new();
    if let StepOutcome::Skipped { reason } = &result.outcome {
        paragraphs.push(skip_message(reason, lang));
    }
    match result.error() {
        Some(error) if !denied => {
            paragraphs.push(failure_message(&error.reason, lang));
            paragraphs.extend(failure_help(&error.reason, lang));
        }
        _ => {}
    }
    let authorizations = result.deciding_authorizations();
    // The full view explains each check as a tree (whose first line is the same headline).
    if paragraphs.is_empty() && !props.full {
        paragraphs.extend(
            authorizations
                .iter()
                .map(|a| a.explain(lang).paragraph(lang)),
        );
    }
    html! {
        <section class={format!("outcome {}", shown.class())} aria-label={ui.decision}>
            <p class="verdict" role="status" aria-live="polite">{ shown.name(ui) }</p>
            if !paragraphs.is_empty() {
                <p class="paragraph">{ for paragraphs.iter().map(|p| html! { <>{ rich(p) }{ " " }</> }) }</p>
            }
            if props.full {
                { for authorizations.iter().map(|a| html! {
                    <ExplanationTree explanation={a.explain(lang)} editors=false />
                }) }
            }
        </section>
    }
}
