//! The STS response as the AWS CLI prints it (marked simulated), the shell lines that use its
//! credentials, or the error line the CLI prints.

use iamplay_core::scenario::StepOutcome;
use iamplay_core::sts::StsError;
use serde::Serialize;
use yew::{Html, Properties, function_component, html};

use crate::hooks::use_app;

/// JSON with four-space indentation, as `aws sts ... --output json` prints it.
fn cli_json(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

fn response_json(outcome: &StepOutcome) -> Option<String> {
    match outcome {
        StepOutcome::AssumeRole(o) => o.response.as_ref().map(cli_json),
        StepOutcome::GetSessionToken(o) => o.response.as_ref().map(cli_json),
        StepOutcome::GetFederationToken(o) => o.response.as_ref().map(cli_json),
        StepOutcome::AssumeRoleWithWebIdentity(o) => o.response.as_ref().map(cli_json),
        StepOutcome::GetCallerIdentity(o) => o.response.as_ref().map(cli_json),
        StepOutcome::Request(_) | StepOutcome::Wait { .. } | StepOutcome::Skipped { .. } => None,
    }
}

/// The line the AWS CLI prints for an error.
pub(crate) fn cli_error(error: &StsError, operation: &str) -> String {
    format!(
        "An error occurred ({}) when calling the {operation} operation: {}",
        error.code, error.message
    )
}

/// The response's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct StsResponseProps {
    /// The step's index.
    pub step: usize,
}

/// The STS response panel.
#[function_component]
pub(crate) fn StsResponse(props: &StsResponseProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let Some(result) = app.evaluation.run.steps.get(props.step) else {
        return Html::default();
    };
    let Some(json) = response_json(&result.outcome) else {
        return Html::default();
    };
    let credentials = result.outcome.credentials();
    html! {
        <section class="sts-response" aria-label={ui.simulated_response}>
            <h3>{ ui.simulated_response }</h3>
            <p class="simulated">{ ui.simulated_note }</p>
            <pre class="json"><code>{ json }</code></pre>
            if let Some(c) = credentials {
                <h4>{ ui.shell_exports }</h4>
                <pre class="shell"><code>{ format!(
                    "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_SESSION_TOKEN={}",
                    c.access_key_id, c.secret_access_key, c.session_token
                ) }</code></pre>
            }
        </section>
    }
}
