//! The same step as code: the AWS CLI command, boto3 code and, for `AssumeRole`, the
//! `~/.aws/config` profile, as the core writes them; each copyable, with what a profile cannot
//! carry and where iamplay had to guess.

use iamplay_core::explain::{
    generic_code_message, placeholder_message, profile_omits_message, signer_profile_omits_message,
};
use iamplay_core::scenario::{StepCode, step_code};
use yew::{
    Callback, Html, Properties, function_component, html, use_effect_with, use_memo, use_state_eq,
};

use crate::components::explanation::rich;
use crate::evaluation::Shared;
use crate::hooks::use_app;
use crate::share::copy_to_clipboard;

/// The view's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct CodeViewProps {
    /// The step.
    pub step: usize,
}

/// Which form is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Cli,
    Boto3,
    Profile,
}

/// The code of one step.
#[function_component]
pub(crate) fn CodeView(props: &CodeViewProps) -> Html {
    let app = use_app();
    let form = use_state_eq(|| Form::Cli);
    let copied = use_state_eq(|| None::<Form>);
    let step = props.step;
    let code = {
        let key = app
            .as_ref()
            .map(|a| (Shared(a.state.scenario.clone()), step));
        use_memo(key, |key| -> Option<StepCode> {
            key.as_ref()
                .and_then(|(scenario, step)| step_code(&scenario.0, *step))
        })
    };
    {
        // Another step or another edit: "Copied" no longer holds.
        let copied = copied.clone();
        use_effect_with(Shared(code.clone()), move |_| copied.set(None));
    }
    let Some(app) = app else {
        return Html::default();
    };
    let (words, lang) = (app.teach(), app.lang());
    let Some(code) = code.as_ref() else {
        return Html::default();
    };
    let shown = if *form == Form::Profile && code.profile.is_none() {
        Form::Cli
    } else {
        *form
    };
    let text = match shown {
        Form::Cli => code.cli.clone(),
        Form::Boto3 => code.boto3.clone(),
        Form::Profile => code
            .profile
            .as_ref()
            .map(|p| p.text.clone())
            .unwrap_or_default(),
    };
    let tab = |which: Form, label: &'static str| {
        let form = form.clone();
        html! {
            <button type="button" role="tab" aria-selected={(shown == which).to_string()}
                onclick={Callback::from(move |_| form.set(which))}>{ label }</button>
        }
    };
    let copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_| {
            if copy_to_clipboard(&text) {
                copied.set(Some(shown));
            }
        })
    };
    let mut notes: Vec<String> = Vec::new();
    if code.generic && shown != Form::Profile {
        notes.push(generic_code_message(lang));
    }
    if shown != Form::Profile {
        notes.extend(
            code.placeholders
                .iter()
                .map(|p| placeholder_message(p, lang)),
        );
        notes.extend(
            code.signer_profile_omits
                .iter()
                .map(|o| signer_profile_omits_message(*o, lang)),
        );
    }
    let omits = code
        .profile
        .as_ref()
        .filter(|_| shown == Form::Profile)
        .map(|p| p.omits.clone())
        .unwrap_or_default();
    html! {
        <div class="code-view">
            <h3>{ words.code }</h3>
            <div class="code-tabs" role="tablist">
                { tab(Form::Cli, "AWS CLI") }
                { tab(Form::Boto3, "boto3 (Python)") }
                if code.profile.is_some() { { tab(Form::Profile, "~/.aws/config") } }
            </div>
            <pre role="tabpanel" class={format!("code {}", form_class(shown))}>
                <button type="button" class="copy" onclick={copy}>
                    { if *copied == Some(shown) { words.copied } else { words.copy } }
                </button>
                <code>{ text }</code>
            </pre>
            if !omits.is_empty() {
                <p class="hint">{ words.profile_omits }</p>
                <ul class="hint">{ for omits.iter().map(|o| html! { <li>{ rich(&profile_omits_message(*o, lang)) }</li> }) }</ul>
            }
            { for notes.iter().map(|n| html! { <p class="hint">{ rich(n) }</p> }) }
        </div>
    }
}

fn form_class(form: Form) -> &'static str {
    match form {
        Form::Cli => "cli",
        Form::Boto3 => "boto3",
        Form::Profile => "profile",
    }
}
