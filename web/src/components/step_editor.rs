//! The chosen step: what it is for, who signs it, its call, request or wait, and its
//! expectation.

use yew::{Callback, Html, Properties, function_component, html};

use crate::components::call_form::CallForm;
use crate::components::caller_picker::CallerPicker;
use crate::components::fields::TextField;
use crate::components::policy_editor::PolicyEditor;
use crate::components::request_form::RequestForm;
use crate::components::steps::step_label;
use crate::hooks::{AppContext, use_app};
use crate::state::{Action, Edit};

/// The step editor's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct StepEditorProps {
    /// The step's index.
    pub step: usize,
}

fn edit_step(
    app: &AppContext,
    step: usize,
    change: impl Fn(&mut iamplay_core::scenario::Step) + 'static,
) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(st) = s.steps.get_mut(step) {
            change(st);
        }
    })));
}

/// The step editor.
#[function_component]
pub(crate) fn StepEditor(props: &StepEditorProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let step = props.step;
    let Some(current) = app.state.scenario.steps.get(step).cloned() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let result = app.evaluation.run.steps.get(step);
    let on_wait = {
        let app = app.clone();
        Callback::from(move |v: String| {
            let seconds = v.trim().parse::<i64>().ok();
            edit_step(&app, step, move |st| st.wait = seconds.or(Some(0)));
        })
    };
    let on_claims = {
        let app = app.clone();
        Callback::from(move |v: String| {
            edit_step(&app, step, move |st| st.claims = Some(v.clone()))
        })
    };
    let on_remove = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::new(move |s| {
                if step < s.steps.len() {
                    s.steps.remove(step);
                }
            })));
        })
    };
    let web_identity = current
        .call
        .as_ref()
        .is_some_and(|c| c.name() == "AssumeRoleWithWebIdentity");
    let signed = current.wait.is_none() && !web_identity;
    html! {
        <section class="step-editor" aria-labelledby="step-heading">
            <h2 id="step-heading">
                <span class="number">{ format!("{} {}", ui.step, step + 1) }</span>{ " " }
                { step_label(&current, lang, ui) }
            </h2>
            if let Some(note) = current.explanation.as_ref().and_then(|e| e.get(lang)) {
                <aside class="lesson-note"><strong>{ ui.lesson_note }</strong>{ " " }{ note.to_owned() }</aside>
            }
            if signed {
                <CallerPicker step={step} />
            }
            if current.call.is_some() {
                <CallForm step={step} />
            }
            if web_identity {
                <PolicyEditor id={format!("s{step}-claims")} label={ui.claims}
                    text={current.claims.clone().unwrap_or_default()} on_change={on_claims} />
            }
            if current.request.is_some() {
                <RequestForm step={step} />
            }
            if let Some(seconds) = current.wait {
                <TextField id={format!("s{step}-wait")} label={ui.wait_seconds} input_type="number"
                    value={seconds.to_string()} on_change={on_wait} />
            }
            if let (Some(expected), Some(result)) = (&current.expect, result) {
                <p class={if result.met == Some(false) { "expectation unmet" } else { "expectation" }}>
                    { ui.expected }{ ": " }<code>{ expected.clone() }</code>
                    { " · " }
                    { if result.met == Some(false) { ui.not_met } else { ui.met } }
                    if let Some(actual) = &result.actual {
                        { " (" }<code>{ actual.clone() }</code>{ ")" }
                    }
                </p>
            }
            <button type="button" class="remove" onclick={on_remove}>{ ui.remove_step }</button>
        </section>
    }
}
