//! The STS call form: the operation and every parameter AWS takes for it, with AWS's
//! validation errors beside the parameter they concern.

use iamplay_core::explain::failure_message;
use iamplay_core::scenario::{Call, NoParameters};
use iamplay_core::sts::{
    AssumeRole, AssumeRoleWithWebIdentity, Failure, GetFederationToken, GetSessionToken,
    PolicyDescriptor, SessionTag,
};
use web_sys::HtmlSelectElement;
use yew::{AttrValue, Callback, Event, Html, Properties, TargetCast, function_component, html};

use crate::components::fields::{StringList, TagRow, TagsEditor, TextField};
use crate::components::policy_editor::PolicyEditor;
use crate::hooks::{AppContext, use_app};
use crate::state::{Action, Edit};

/// The operations, as AWS names them.
const OPERATIONS: [&str; 5] = [
    "AssumeRole",
    "GetSessionToken",
    "GetFederationToken",
    "AssumeRoleWithWebIdentity",
    "GetCallerIdentity",
];

/// A call with its parameters empty, for an operation chosen in the form.
fn empty_call(operation: &str) -> Call {
    match operation {
        "GetSessionToken" => Call::GetSessionToken(GetSessionToken::default()),
        "GetFederationToken" => Call::GetFederationToken(GetFederationToken::default()),
        "AssumeRoleWithWebIdentity" => {
            Call::AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentity::default())
        }
        "GetCallerIdentity" => Call::GetCallerIdentity(NoParameters {}),
        _ => Call::AssumeRole(AssumeRole::default()),
    }
}

/// The call form's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct CallFormProps {
    /// The step's index.
    pub step: usize,
}

fn edit_call(app: &AppContext, step: usize, change: impl Fn(&mut Call) + 'static) {
    app.dispatch(Action::Edit(Edit::new(move |s| {
        if let Some(call) = s.steps.get_mut(step).and_then(|st| st.call.as_mut()) {
            change(call);
        }
    })));
}

/// The parameter error of the step's call for the member `name`, in the user's language.
fn parameter_error(app: &AppContext, step: usize, name: &str) -> Option<AttrValue> {
    let result = app.evaluation.run.steps.get(step)?;
    let Failure::InvalidParameters { violations } = &result.error()?.reason else {
        return None;
    };
    let mine: Vec<_> = violations
        .iter()
        .filter(|v| {
            v.member
                .split('.')
                .next()
                .is_some_and(|m| m.eq_ignore_ascii_case(name))
        })
        .cloned()
        .collect();
    (!mine.is_empty()).then(|| {
        failure_message(&Failure::InvalidParameters { violations: mine }, app.lang()).into()
    })
}

/// A text parameter: `get` reads it from the call, `set` writes it.
#[allow(clippy::too_many_arguments)]
fn text(
    app: &AppContext,
    step: usize,
    call: &Call,
    compact: bool,
    name: &'static str,
    get: fn(&Call) -> Option<String>,
    set: fn(&mut Call, Option<String>),
    list: Option<&'static str>,
) -> Html {
    if compact && get(call).is_none() {
        return Html::default();
    }
    let on_change = {
        let app = app.clone();
        Callback::from(move |value: String| {
            let value = Some(value).filter(|v| !v.is_empty());
            edit_call(&app, step, move |call| set(call, value.clone()));
        })
    };
    html! {
        <TextField id={format!("s{step}-{name}")} label={name} value={get(call).unwrap_or_default()}
            list={list.map(AttrValue::Static)} error={parameter_error(app, step, name)} on_change={on_change} />
    }
}

fn duration(app: &AppContext, step: usize, call: &Call, compact: bool) -> Html {
    let get = |call: &Call| match call {
        Call::AssumeRole(p) => p.duration_seconds,
        Call::GetSessionToken(p) => p.duration_seconds,
        Call::GetFederationToken(p) => p.duration_seconds,
        Call::AssumeRoleWithWebIdentity(p) => p.duration_seconds,
        Call::GetCallerIdentity(_) => None,
    };
    if compact && get(call).is_none() {
        return Html::default();
    }
    let on_change = {
        let app = app.clone();
        Callback::from(move |value: String| {
            let seconds = value.trim().parse::<i64>().ok();
            edit_call(&app, step, move |call| match call {
                Call::AssumeRole(p) => p.duration_seconds = seconds,
                Call::GetSessionToken(p) => p.duration_seconds = seconds,
                Call::GetFederationToken(p) => p.duration_seconds = seconds,
                Call::AssumeRoleWithWebIdentity(p) => p.duration_seconds = seconds,
                Call::GetCallerIdentity(_) => {}
            });
        })
    };
    html! {
        <TextField id={format!("s{step}-DurationSeconds")} label="DurationSeconds" input_type="number"
            value={get(call).map(|d| d.to_string()).unwrap_or_default()} placeholder="3600"
            error={parameter_error(app, step, "DurationSeconds")} on_change={on_change} />
    }
}

/// The session policy a call passes, if it passes one.
pub(crate) fn session_policy_text(call: &Call) -> Option<&str> {
    match call {
        Call::AssumeRole(p) => p.policy.as_deref(),
        Call::GetFederationToken(p) => p.policy.as_deref(),
        Call::AssumeRoleWithWebIdentity(p) => p.policy.as_deref(),
        Call::GetSessionToken(_) | Call::GetCallerIdentity(_) => None,
    }
}

/// The session policy's editor, or the button that adds one.
fn session_policy(app: &AppContext, step: usize, call: &Call) -> Html {
    if matches!(call, Call::GetSessionToken(_) | Call::GetCallerIdentity(_)) {
        return Html::default();
    }
    let text = session_policy_text(call).map(str::to_owned);
    let findings = app
        .evaluation
        .run
        .steps
        .get(step)
        .map(|r| r.outcome.policy_findings().to_vec())
        .unwrap_or_default();
    let set = {
        let app = app.clone();
        Callback::from(move |value: Option<String>| {
            edit_call(&app, step, move |call| match call {
                Call::AssumeRole(p) => p.policy = value.clone(),
                Call::GetFederationToken(p) => p.policy = value.clone(),
                Call::AssumeRoleWithWebIdentity(p) => p.policy = value.clone(),
                Call::GetSessionToken(_) | Call::GetCallerIdentity(_) => {}
            });
        })
    };
    let ui = app.ui();
    match text {
        Some(text) => {
            let on_change = set.reform(Some);
            let on_remove = set.reform(|_| None);
            html! {
                <div class="session-policy">
                    <PolicyEditor id={format!("s{step}-Policy")} label={ui.session_policy} text={text}
                        findings={findings} on_change={on_change} />
                    <button type="button" class="remove" onclick={on_remove}>{ ui.remove }{ " " }{ ui.session_policy }</button>
                </div>
            }
        }
        None => {
            let on_add = set.reform(|_| {
                Some("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Action\": \"s3:GetObject\",\n            \"Resource\": \"*\"\n        }\n    ]\n}".to_owned())
            });
            html! { <button type="button" class="add" onclick={on_add}>{ ui.add_policy }{ ": " }{ ui.session_policy }</button> }
        }
    }
}

fn policy_arns(app: &AppContext, step: usize, call: &Call, compact: bool) -> Html {
    let arns: Vec<String> = match call {
        Call::AssumeRole(p) => &p.policy_arns,
        Call::GetFederationToken(p) => &p.policy_arns,
        Call::AssumeRoleWithWebIdentity(p) => &p.policy_arns,
        Call::GetSessionToken(_) | Call::GetCallerIdentity(_) => return Html::default(),
    }
    .iter()
    .map(|d| d.arn.clone())
    .collect();
    if compact && arns.is_empty() {
        return Html::default();
    }
    let on_change = {
        let app = app.clone();
        Callback::from(move |arns: Vec<String>| {
            let descriptors: Vec<PolicyDescriptor> = arns
                .into_iter()
                .map(|arn| PolicyDescriptor { arn })
                .collect();
            edit_call(&app, step, move |call| match call {
                Call::AssumeRole(p) => p.policy_arns = descriptors.clone(),
                Call::GetFederationToken(p) => p.policy_arns = descriptors.clone(),
                Call::AssumeRoleWithWebIdentity(p) => p.policy_arns = descriptors.clone(),
                Call::GetSessionToken(_) | Call::GetCallerIdentity(_) => {}
            });
        })
    };
    html! {
        <StringList id={format!("s{step}-PolicyArns")} label="PolicyArns" items={arns}
            on_change={on_change} list="policy-arns" add_label={app.ui().add_arn} />
    }
}

fn tags(app: &AppContext, step: usize, call: &Call, compact: bool) -> Html {
    let (tags, transitive): (&[SessionTag], &[String]) = match call {
        Call::AssumeRole(p) => (&p.tags, &p.transitive_tag_keys),
        Call::GetFederationToken(p) => (&p.tags, &[]),
        _ => return Html::default(),
    };
    if compact && tags.is_empty() {
        return Html::default();
    }
    let with_transitive = matches!(call, Call::AssumeRole(_));
    let rows: Vec<TagRow> = tags
        .iter()
        .map(|t| TagRow {
            key: t.key.clone(),
            value: t.value.clone(),
            transitive: transitive.iter().any(|k| k == &t.key),
        })
        .collect();
    let on_change = {
        let app = app.clone();
        Callback::from(move |rows: Vec<TagRow>| {
            let tags: Vec<SessionTag> = rows
                .iter()
                .map(|r| SessionTag {
                    key: r.key.clone(),
                    value: r.value.clone(),
                })
                .collect();
            let keys: Vec<String> = rows
                .iter()
                .filter(|r| r.transitive)
                .map(|r| r.key.clone())
                .collect();
            edit_call(&app, step, move |call| match call {
                Call::AssumeRole(p) => {
                    p.tags = tags.clone();
                    p.transitive_tag_keys = keys.clone();
                }
                Call::GetFederationToken(p) => p.tags = tags.clone(),
                _ => {}
            });
        })
    };
    let error = parameter_error(app, step, "Tags")
        .or_else(|| parameter_error(app, step, "TransitiveTagKeys"));
    html! {
        <TagsEditor id={format!("s{step}-Tags")} label="Tags" rows={rows} transitive={with_transitive}
            error={error} on_change={on_change} />
    }
}

/// The call of step `step`, if it makes one.
fn step_call(app: &AppContext, step: usize) -> Option<Call> {
    app.state
        .scenario
        .steps
        .get(step)
        .and_then(|s| s.call.clone())
}

/// The call fields' properties.
#[derive(Properties, PartialEq)]
pub(crate) struct CallFieldsProps {
    /// The step's index.
    pub step: usize,
    /// Only the parameters the step gives, and its tags.
    #[prop_or_default]
    pub compact: bool,
    /// What stands where the session policy goes (its editor in the playground).
    #[prop_or_default]
    pub session_policy: Html,
}

/// The parameters of the step's call, each a field with AWS's error beside it.
#[function_component]
pub(crate) fn CallFields(props: &CallFieldsProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (step, compact) = (props.step, props.compact);
    let Some(call) = step_call(&app, step) else {
        return Html::default();
    };
    let a = &app;
    let fields: Html = match &call {
        Call::AssumeRole(_) => html! { <>
            { text(a, step, &call, compact, "RoleArn", |c| match c { Call::AssumeRole(p) => p.role_arn.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.role_arn = v }, Some("role-arns")) }
            { text(a, step, &call, compact, "RoleSessionName", |c| match c { Call::AssumeRole(p) => p.role_session_name.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.role_session_name = v }, None) }
            { duration(a, step, &call, compact) }
            { tags(a, step, &call, compact) }
            { props.session_policy.clone() }
            { policy_arns(a, step, &call, compact) }
            { text(a, step, &call, compact, "ExternalId", |c| match c { Call::AssumeRole(p) => p.external_id.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.external_id = v }, None) }
            { text(a, step, &call, compact, "SerialNumber", |c| match c { Call::AssumeRole(p) => p.serial_number.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.serial_number = v }, Some("mfa-serials")) }
            { text(a, step, &call, compact, "TokenCode", |c| match c { Call::AssumeRole(p) => p.token_code.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.token_code = v }, None) }
            { text(a, step, &call, compact, "SourceIdentity", |c| match c { Call::AssumeRole(p) => p.source_identity.clone(), _ => None },
                |c, v| if let Call::AssumeRole(p) = c { p.source_identity = v }, None) }
        </> },
        Call::GetSessionToken(_) => html! { <>
            { duration(a, step, &call, compact) }
            { text(a, step, &call, compact, "SerialNumber", |c| match c { Call::GetSessionToken(p) => p.serial_number.clone(), _ => None },
                |c, v| if let Call::GetSessionToken(p) = c { p.serial_number = v }, Some("mfa-serials")) }
            { text(a, step, &call, compact, "TokenCode", |c| match c { Call::GetSessionToken(p) => p.token_code.clone(), _ => None },
                |c, v| if let Call::GetSessionToken(p) = c { p.token_code = v }, None) }
        </> },
        Call::GetFederationToken(_) => html! { <>
            { text(a, step, &call, compact, "Name", |c| match c { Call::GetFederationToken(p) => p.name.clone(), _ => None },
                |c, v| if let Call::GetFederationToken(p) = c { p.name = v }, None) }
            { duration(a, step, &call, compact) }
            { tags(a, step, &call, compact) }
            { props.session_policy.clone() }
            { policy_arns(a, step, &call, compact) }
        </> },
        Call::AssumeRoleWithWebIdentity(_) => html! { <>
            { text(a, step, &call, compact, "RoleArn", |c| match c { Call::AssumeRoleWithWebIdentity(p) => p.role_arn.clone(), _ => None },
                |c, v| if let Call::AssumeRoleWithWebIdentity(p) = c { p.role_arn = v }, Some("role-arns")) }
            { text(a, step, &call, compact, "RoleSessionName", |c| match c { Call::AssumeRoleWithWebIdentity(p) => p.role_session_name.clone(), _ => None },
                |c, v| if let Call::AssumeRoleWithWebIdentity(p) = c { p.role_session_name = v }, None) }
            { text(a, step, &call, compact, "WebIdentityToken", |c| match c { Call::AssumeRoleWithWebIdentity(p) => p.web_identity_token.clone(), _ => None },
                |c, v| if let Call::AssumeRoleWithWebIdentity(p) = c { p.web_identity_token = v }, None) }
            { text(a, step, &call, compact, "ProviderId", |c| match c { Call::AssumeRoleWithWebIdentity(p) => p.provider_id.clone(), _ => None },
                |c, v| if let Call::AssumeRoleWithWebIdentity(p) = c { p.provider_id = v }, None) }
            { duration(a, step, &call, compact) }
            { props.session_policy.clone() }
            { policy_arns(a, step, &call, compact) }
        </> },
        Call::GetCallerIdentity(_) => Html::default(),
    };
    fields
}

/// The STS call form.
#[function_component]
pub(crate) fn CallForm(props: &CallFormProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let step = props.step;
    let Some(call) = step_call(&app, step) else {
        return Html::default();
    };
    let ui = app.ui();
    let on_operation = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let operation = e.target_unchecked_into::<HtmlSelectElement>().value();
            edit_call(&app, step, move |call| {
                if call.name() != operation {
                    *call = empty_call(&operation);
                }
            });
        })
    };
    html! {
        <fieldset class="call-form">
            <legend>{ ui.sts_call }</legend>
            <div class="field">
                <label for={format!("s{step}-operation")}>{ ui.operation }</label>
                <select id={format!("s{step}-operation")} onchange={on_operation}>
                    { for OPERATIONS.iter().map(|op| html! { <option value={*op} selected={call.name() == *op}>{ *op }</option> }) }
                </select>
            </div>
            <CallFields step={step} session_policy={session_policy(&app, step, &call)} />
        </fieldset>
    }
}
