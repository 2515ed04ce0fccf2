//! The list of steps, each with its outcome, and the buttons that add steps.

use iamplay_core::scenario::{Call, Step, StepRequest};
use iamplay_core::sts::AssumeRole;
use yew::{Callback, Html, function_component, html};

use crate::components::outcome::{Verdict, verdict};
use crate::hooks::use_app;
use crate::i18n::Ui;
use crate::state::Action;

/// What a step is called in the list: its title, else what it does.
pub(crate) fn step_label(step: &Step, lang: iamplay_core::explain::Lang, ui: &Ui) -> String {
    if let Some(title) = step.title.as_ref().and_then(|t| t.get(lang)) {
        return title.to_owned();
    }
    if let Some(call) = &step.call {
        return format!("{} {}", ui.sts_call, call.name());
    }
    if let Some(request) = &step.request {
        return format!("{} {}", request.action, request.resource);
    }
    if let Some(seconds) = step.wait {
        return format!("{} {seconds}", ui.wait_seconds);
    }
    ui.step.to_owned()
}

/// The steps.
#[function_component]
pub(crate) fn StepList() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (ui, lang) = (app.ui(), app.lang());
    let steps = &app.state.scenario.steps;
    let items = steps.iter().enumerate().map(|(i, step)| {
        let result = app.evaluation.run.steps.get(i);
        let shown = result.map(verdict);
        let class = shown.map(Verdict::class);
        let selected = app.state.selected == Some(i);
        let on_click = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Select(i)))
        };
        let met = result.and_then(|r| r.met);
        html! {
            <li class={if selected { "selected" } else { "" }}>
                <button type="button" onclick={on_click} aria-current={selected.then_some("step")}>
                    <span class="number">{ i + 1 }</span>
                    <span class="label">{ step_label(step, lang, ui) }</span>
                    if let Some(shown) = shown {
                        <span class={classes_of("badge", class)}>{ shown.name(ui) }</span>
                    }
                    if met == Some(false) {
                        <span class="unexpected" title={ui.not_met}>{ "!" }</span>
                    }
                </button>
            </li>
        }
    });
    let add = |step: fn() -> Step| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::AddStep(Box::new(step()))))
    };
    html! {
        <nav class="steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{ ui.steps }</h2>
            if steps.is_empty() {
                <p class="empty">{ ui.no_steps }</p>
            }
            <ol>{ for items }</ol>
            <div class="add-steps">
                <button type="button" class="add" onclick={add(|| Step {
                    call: Some(Call::AssumeRole(AssumeRole::default())),
                    ..Step::default()
                })}>{ ui.add_call }</button>
                <button type="button" class="add" onclick={add(|| Step {
                    request: Some(StepRequest { action: "s3:GetObject".into(), resource: "*".into(), ..StepRequest::default() }),
                    ..Step::default()
                })}>{ ui.add_request }</button>
                <button type="button" class="add" onclick={add(|| Step { wait: Some(3600), ..Step::default() })}>{ ui.add_wait }</button>
            </div>
        </nav>
    }
}

fn classes_of(base: &'static str, extra: Option<&'static str>) -> String {
    match extra {
        Some(extra) => format!("{base} {extra}"),
        None => base.to_owned(),
    }
}
