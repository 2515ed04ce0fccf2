//! A decision explained as a tree: policy type → policy → statement → element and condition,
//! with the values compared and variables shown substituted. The statements that decided are
//! marked and open; each can be shown in its editor.

use iamplay_core::eval::Verdict;
use iamplay_core::explain::{Explanation, StatementExplanation};
use iamplay_core::policy::Effect;
use yew::{Callback, Html, Properties, function_component, html};

use crate::hooks::use_app;
use crate::state::{Action, Focus};

/// Text with the core's backticks shown as code.
pub(crate) fn rich(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code>{ part.to_owned() }</code> }
        } else {
            html! { { part.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}

/// The tree's properties.
#[derive(Properties, PartialEq)]
pub(crate) struct ExplanationTreeProps {
    /// The explanation.
    pub explanation: Explanation,
    /// Whether the page has the policy editors to show a statement in (the widget has not).
    #[prop_or(true)]
    pub editors: bool,
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Allow => "allow",
        Verdict::ExplicitDeny => "explicit-deny",
        Verdict::NoAllow => "implicit-deny",
    }
}

/// The explanation tree.
#[function_component]
pub(crate) fn ExplanationTree(props: &ExplanationTreeProps) -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let ui = app.ui();
    let statement = |s: &StatementExplanation, layer_verdict: Verdict| {
        // Open what decided, and, where nothing allowed, the allows that did not apply: they
        // say why not.
        let open =
            s.determining || (layer_verdict == Verdict::NoAllow && s.effect == Effect::Allow);
        let show = s.source.clone().filter(|_| props.editors).map(|document| {
            let (app, statement) = (app.clone(), s.pointer.clone());
            Callback::from(move |_| {
                app.dispatch(Action::Focus(Some(Focus {
                    document: document.clone(),
                    statement: statement.clone(),
                })));
            })
        });
        let mut class = vec![
            "statement",
            if s.applies { "applies" } else { "not-applies" },
        ];
        if s.determining {
            class.push("determining");
        }
        html! {
            <li class={class.join(" ")}>
                <details open={open}>
                    <summary>
                        { rich(&s.title) }
                        if s.determining { <span class="decides">{ ui.determining }</span> }
                    </summary>
                    <ul class="details">
                        { for s.details.iter().map(|d| html! { <li>{ rich(d) }</li> }) }
                    </ul>
                    if let Some(show) = show {
                        <button type="button" class="link" onclick={show}>{ ui.show_in_editor }</button>
                    }
                </details>
            </li>
        }
    };
    let layers = props.explanation.layers.iter().map(|layer| {
        html! {
            <li class={format!("layer {}", verdict_class(layer.verdict))}>
                <details open=true>
                    <summary>{ rich(&layer.title) }</summary>
                    <ul class="statements">
                        { for layer.statements.iter().map(|s| statement(s, layer.verdict)) }
                    </ul>
                </details>
            </li>
        }
    });
    html! {
        <div class="explanation">
            <p class="headline">{ rich(&props.explanation.headline) }</p>
            <ul class="tree">{ for layers }</ul>
        </div>
    }
}
