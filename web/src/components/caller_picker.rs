//! Whose credentials sign a step: an earlier step's temporary credentials, a world access key,
//! a principal's long-term credentials, or none.

use iamplay_core::scenario::Caller;
use web_sys::HtmlSelectElement;
use yew::{Callback, Event, Html, Properties, TargetCast, function_component, html};

use crate::hooks::use_app;
use crate::state::{Action, Edit};

/// The picker's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct CallerPickerProps {
    /// The step's index.
    pub step: usize,
}

fn encode(caller: Option<&Caller>) -> String {
    match caller {
        Some(Caller::Step(id)) => format!("step:{id}"),
        Some(Caller::AccessKeyId(key)) => format!("key:{key}"),
        Some(Caller::Principal(arn)) => format!("principal:{arn}"),
        Some(Caller::Anonymous) => "anonymous".into(),
        None => String::new(),
    }
}

/// The id a step gets when a later step takes its credentials and it has none.
fn step_id(index: usize) -> String {
    format!("step{}", index + 1)
}

/// The caller picker.
#[function_component]
pub(crate) fn CallerPicker(props: &CallerPickerProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let step = props.step;
    let scenario = &app.state.scenario;
    let Some(current) = scenario.steps.get(step) else {
        return Html::default();
    };
    let current = encode(current.caller.as_ref());
    let lang = app.lang();

    let mut sessions = Vec::new();
    for (i, earlier) in scenario.steps.iter().enumerate().take(step) {
        if !earlier
            .call
            .as_ref()
            .is_some_and(|call| call.returns_credentials())
        {
            continue;
        }
        let id = earlier.id.clone().unwrap_or_else(|| step_id(i));
        let label = format!(
            "{} {} · {}",
            ui.step,
            i + 1,
            crate::components::steps::step_label(earlier, lang, ui)
        );
        sessions.push((format!("step:{id}"), label, i));
    }
    let inventory = scenario.world.inventory();
    let (keys, principals) = (inventory.access_keys, inventory.principals);
    let known = sessions.iter().any(|(v, _, _)| *v == current)
        || keys.iter().any(|k| format!("key:{k}") == current)
        || principals
            .iter()
            .any(|p| format!("principal:{p}") == current)
        || current == "anonymous"
        || current.is_empty();

    let on_change = {
        let app = app.clone();
        let sessions: Vec<(String, usize)> =
            sessions.iter().map(|(v, _, i)| (v.clone(), *i)).collect();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let from = sessions.iter().find(|(v, _)| *v == value).map(|(_, i)| *i);
            app.dispatch(Action::Edit(Edit::new(move |s| {
                if let Some(i) = from
                    && let Some(earlier) = s.steps.get_mut(i)
                {
                    earlier.id.get_or_insert_with(|| step_id(i));
                }
                let caller = if let Some(id) = value.strip_prefix("step:") {
                    Some(Caller::Step(id.into()))
                } else if let Some(key) = value.strip_prefix("key:") {
                    Some(Caller::AccessKeyId(key.into()))
                } else if let Some(arn) = value.strip_prefix("principal:") {
                    Some(Caller::Principal(arn.into()))
                } else if value == "anonymous" {
                    Some(Caller::Anonymous)
                } else {
                    None
                };
                if let Some(step) = s.steps.get_mut(step) {
                    step.caller = caller;
                }
            })));
        })
    };
    html! {
        <div class="field">
            <label for={format!("s{step}-caller")}>{ ui.caller }</label>
            <select id={format!("s{step}-caller")} onchange={on_change}>
                if current.is_empty() { <option value="" selected=true>{ "—" }</option> }
                if !known { <option value={current.clone()} selected=true>{ current.clone() }</option> }
                if !sessions.is_empty() {
                    <optgroup label={ui.caller_step}>
                        { for sessions.iter().map(|(v, label, _)| html! { <option value={v.clone()} selected={*v == current}>{ label.clone() }</option> }) }
                    </optgroup>
                }
                if !keys.is_empty() {
                    <optgroup label={ui.caller_key}>
                        { for keys.iter().map(|k| { let v = format!("key:{k}"); html! { <option value={v.clone()} selected={v == current}>{ k.clone() }</option> } }) }
                    </optgroup>
                }
                <optgroup label={ui.caller_principal}>
                    { for principals.iter().map(|p| { let v = format!("principal:{p}"); html! { <option value={v.clone()} selected={v == current}>{ p.clone() }</option> } }) }
                </optgroup>
                <option value="anonymous" selected={current == "anonymous"}>{ ui.caller_anonymous }</option>
            </select>
        </div>
    }
}
