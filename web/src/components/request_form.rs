//! The request form: the action, the resource and the context keys — those AWS sets from the
//! credentials and the world, shown with their values, and those the request brings, editable.

use std::collections::BTreeMap;

use iamplay_core::scenario::{ContextValue, StepRequest};
use yew::{Callback, Html, Properties, function_component, html};

use crate::components::fields::{TagRow, TagsEditor, TextField};
use crate::hooks::{AppContext, use_app};
use crate::state::{Action, Edit};

/// The form's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct RequestFormProps {
    /// The step's index.
    pub step: usize,
    /// Without the keys AWS sets (the widget's compact view).
    #[prop_or_default]
    pub compact: bool,
}

fn edit_request(app: &AppContext, step: usize, change: impl Fn(&mut StepRequest) + 'static) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(request) = s.steps.get_mut(step).and_then(|st| st.request.as_mut()) {
            change(request);
        }
    })));
}

/// A context value as one line of text: several values separated by commas.
fn value_text(value: &ContextValue) -> String {
    match value {
        ContextValue::One(one) => one.clone(),
        ContextValue::Many(many) => many.join(", "),
    }
}

fn text_value(text: &str) -> ContextValue {
    if text.contains(',') {
        ContextValue::Many(text.split(',').map(|v| v.trim().to_owned()).collect())
    } else {
        ContextValue::One(text.to_owned())
    }
}

/// The request form.
#[function_component]
pub(crate) fn RequestForm(props: &RequestFormProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let step = props.step;
    let Some(request) = app
        .state
        .scenario
        .steps
        .get(step)
        .and_then(|s| s.request.clone())
    else {
        return Html::default();
    };
    let ui = app.ui();
    let authorization = app
        .evaluation
        .run
        .steps
        .get(step)
        .and_then(|r| r.authorizations().first());
    let derived: Vec<(String, String)> = authorization
        .map(|a| {
            a.request
                .context
                .iter()
                .filter(|entry| !request.context.contains_key(&entry.key))
                .map(|entry| (entry.key.clone(), entry.values.join(", ")))
                .collect()
        })
        .unwrap_or_default();
    let ignored: Vec<String> = authorization
        .map(|a| a.ignored_context.clone())
        .unwrap_or_default();
    let on_action = {
        let app = app.clone();
        Callback::from(move |v: String| edit_request(&app, step, move |r| r.action = v.clone()))
    };
    let on_resource = {
        let app = app.clone();
        Callback::from(move |v: String| edit_request(&app, step, move |r| r.resource = v.clone()))
    };
    let rows: Vec<TagRow> = request
        .context
        .iter()
        .map(|(key, value)| TagRow {
            key: key.clone(),
            value: value_text(value),
            transitive: false,
        })
        .collect();
    let on_context = {
        let app = app.clone();
        Callback::from(move |rows: Vec<TagRow>| {
            // Keys are a map: a row being typed whose key repeats another waits with a
            // trailing space rather than losing a value.
            let mut context = BTreeMap::new();
            for row in rows {
                let mut key = row.key;
                while context.contains_key(&key) {
                    key.push(' ');
                }
                context.insert(key, text_value(&row.value));
            }
            edit_request(&app, step, move |r| r.context = context.clone());
        })
    };
    let ignored_note =
        (!ignored.is_empty()).then(|| format!("{}: {}", ui.ignored_key, ignored.join(", ")));
    html! {
        <fieldset class="request-form">
            <legend>{ ui.request }</legend>
            <TextField id={format!("s{step}-action")} label={ui.action} value={request.action.clone()}
                list="actions" on_change={on_action} />
            <TextField id={format!("s{step}-resource")} label={ui.resource} value={request.resource.clone()}
                list="resource-arns" on_change={on_resource} />
            <fieldset class="context">
                <legend>{ ui.context_keys }</legend>
                if !derived.is_empty() && !props.compact {
                    <table class="derived">
                        <caption>{ ui.derived_keys }</caption>
                        <tbody>
                            { for derived.iter().map(|(key, value)| html! {
                                <tr><th scope="row"><code>{ key.clone() }</code></th><td><code>{ value.clone() }</code></td></tr>
                            }) }
                        </tbody>
                    </table>
                }
                <TagsEditor id={format!("s{step}-context")} label={ui.extra_keys} rows={rows}
                    add_label={ui.add_key} key_list="context-keys" error={ignored_note} on_change={on_context} />
            </fieldset>
        </fieldset>
    }
}
