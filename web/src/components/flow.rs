//! The relay drawn: the core's participants as columns with lifelines, each step's hops as
//! numbered arrows, green when allowed and red when denied, the failed hop and the chosen step
//! marked. Clicking (or Enter on) an arrow shows that step's decision.

use iamplay_core::scenario::{Flow, HopKind, Participant, flow};
use yew::{Callback, Html, KeyboardEvent, MouseEvent, function_component, html, use_memo};

use crate::components::outcome::verdict_of;
use crate::evaluation::Shared;
use crate::hooks::use_app;
use crate::i18n::Teach;
use crate::state::Action;

const COLUMN: i32 = 160;
const MARGIN: i32 = 16;
const HEAD: i32 = 56;
const ROW: i32 = 44;

/// The last part of an ARN (`AppServerUser`, `wisdom-learn-course-bucket`).
fn short(arn: &str) -> String {
    let tail = arn.rsplit(['/', ':']).next().unwrap_or(arn);
    let tail = if tail.is_empty() { arn } else { tail };
    let mut out: String = tail.chars().take(20).collect();
    if tail.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// A participant's two lines (what it is, its name) and its full name for the tooltip.
fn heading(participant: &Participant, words: &Teach) -> (String, String, String) {
    match participant {
        Participant::Principal { arn } => (words.flow_user.into(), short(arn), arn.clone()),
        Participant::Sts => (
            "AWS".into(),
            "STS".into(),
            "AWS Security Token Service".into(),
        ),
        Participant::Session {
            operation,
            role_arn,
            session_name,
            ..
        } => {
            let name = role_arn
                .as_deref()
                .map(short)
                .or_else(|| session_name.clone())
                .unwrap_or_else(|| (*operation).to_owned());
            let full = [role_arn.as_deref(), session_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" / ");
            (
                words.flow_session.into(),
                name,
                format!("{operation}: {full}"),
            )
        }
        Participant::Resource { arn } => (words.flow_resource.into(), short(arn), arn.clone()),
        Participant::Anonymous => (words.flow_anonymous.into(), "—".into(), String::new()),
    }
}

fn x_of(column: usize) -> i32 {
    let column = i32::try_from(column).unwrap_or(i32::MAX / COLUMN - 1);
    MARGIN + column * COLUMN + COLUMN / 2
}

/// The relay diagram.
#[function_component]
pub(crate) fn FlowDiagram() -> Html {
    let app = use_app();
    let relay = {
        let key = app.as_ref().map(|a| {
            (
                Shared(a.evaluation.clone()),
                Shared(a.state.scenario.clone()),
            )
        });
        use_memo(key, |key| {
            key.as_ref().map_or_else(Flow::default, |(run, scenario)| {
                flow(&scenario.0, &run.0.run)
            })
        })
    };
    let Some(app) = app else {
        return Html::default();
    };
    if relay.hops.is_empty() {
        return Html::default();
    }
    let (ui, words) = (app.ui(), app.teach());
    let selected = app.state.selected;
    let columns = relay.participants.len().max(1);
    let mut rows: Vec<(usize, Html)> = Vec::new();
    for (i, hop) in relay.hops.iter().enumerate() {
        let shown = verdict_of(hop.outcome.as_deref());
        let (x1, x2) = (x_of(hop.from), x_of(hop.to));
        let label = match &hop.kind {
            HopKind::Call { operation } => (*operation).to_owned(),
            HopKind::Credentials => words.flow_credentials.to_owned(),
            HopKind::Request { action, .. } => action.clone(),
        };
        let number = hop.step + 1;
        // The call's arrow is numbered; the credentials coming back share its number.
        let first_of_step = i == 0 || relay.hops.get(i - 1).is_none_or(|h| h.step != hop.step);
        let text = if first_of_step {
            format!("{number} {label}")
        } else {
            label.clone()
        };
        let title = match &hop.kind {
            HopKind::Request { resource, .. } => {
                format!("{number}. {label} → {resource}: {}", shown.name(ui))
            }
            _ => format!("{number}. {label}: {}", shown.name(ui)),
        };
        let dashed = matches!(hop.kind, HopKind::Credentials);
        let mut class = vec!["hop", shown.class()];
        if dashed {
            class.push("credentials");
        }
        if selected == Some(hop.step) {
            class.push("selected");
        }
        let step = hop.step;
        let select = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Select(step)))
        };
        let key = {
            let app = app.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    app.dispatch(Action::Select(step));
                }
            })
        };
        let direction = if x2 >= x1 { 1 } else { -1 };
        let tip = x2 - direction * 4;
        let (left, right) = (x1.min(x2), x1.max(x2));
        let arrow = if x1 == x2 {
            // A hop to itself: a small loop to the right.
            format!("M{x1},-8 h40 v16 h-36")
        } else {
            format!("M{x1},0 L{tip},0")
        };
        let head = if x1 == x2 {
            format!("M{},8 l8,-5 v10 z", x1 + 4)
        } else {
            format!("M{x2},0 l{},-5 v10 z", -direction * 9)
        };
        rows.push((
            hop.step,
            html! {
                <g class={class.join(" ")} role="button" tabindex="0" aria-label={title.clone()}
                    data-step={step.to_string()} onclick={select} onkeydown={key}>
                    <title>{ title }</title>
                    <rect class="hit" x={(left - 6).to_string()} y="-20" width={(right - left + 12 + if x1 == x2 { 40 } else { 0 }).to_string()} height="30" rx="4" />
                    <path class="line" d={arrow} />
                    <path class="head" d={head} />
                    <text x={((left + right) / 2).to_string()} y="-7" text-anchor="middle">{ text }</text>
                    if !matches!(shown, crate::components::outcome::Verdict::Allowed) {
                        <text class="mark" x={(x2 + direction * 10).to_string()} y="5"
                            text-anchor={if direction > 0 { "start" } else { "end" }}>{ "✕" }</text>
                    }
                </g>
            },
        ));
    }
    for (step, seconds) in &relay.waits {
        let text = words.flow_wait.replace("{seconds}", &seconds.to_string());
        let width = x_of(columns - 1) + COLUMN / 2 - MARGIN;
        rows.push((
            *step,
            html! {
                <g class="wait">
                    <line x1={MARGIN.to_string()} x2={width.to_string()} y1="0" y2="0" />
                    <text x={(MARGIN + 4).to_string()} y="-6">{ text }</text>
                </g>
            },
        ));
    }
    rows.sort_by_key(|(step, _)| *step);
    let count = i32::try_from(rows.len()).unwrap_or(i32::MAX / ROW - 2);
    let width = MARGIN * 2 + i32::try_from(columns).unwrap_or(1) * COLUMN;
    let height = HEAD + 24 + count * ROW;
    let heads = relay.participants.iter().enumerate().map(|(i, p)| {
        let (kind, name, full) = heading(p, words);
        let x = x_of(i);
        html! {
            <g class={format!("participant {}", participant_class(p))}>
                <title>{ full }</title>
                <rect x={(x - COLUMN / 2 + 8).to_string()} y="4" width={(COLUMN - 16).to_string()} height="44" rx="6" />
                <text class="kind" x={x.to_string()} y="21" text-anchor="middle">{ kind }</text>
                <text class="name" x={x.to_string()} y="39" text-anchor="middle">{ name }</text>
                <line class="lifeline" x1={x.to_string()} x2={x.to_string()} y1="48" y2={height.to_string()} />
            </g>
        }
    });
    let body = rows.into_iter().enumerate().map(|(row, (_, content))| {
        let y = HEAD + 30 + i32::try_from(row).unwrap_or(0) * ROW;
        html! { <g transform={format!("translate(0,{y})")}>{ content }</g> }
    });
    html! {
        <section class="flow" aria-labelledby="flow-heading">
            <h2 id="flow-heading">{ words.flow }</h2>
            <p class="hint">{ words.flow_hint }</p>
            <div class="flow-scroll">
                <svg class="flow-diagram" role="group" aria-labelledby="flow-heading"
                    viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
                    { for heads }
                    { for body }
                </svg>
            </div>
        </section>
    }
}

fn participant_class(participant: &Participant) -> &'static str {
    match participant {
        Participant::Principal { .. } => "principal",
        Participant::Sts => "sts",
        Participant::Session { .. } => "session",
        Participant::Resource { .. } => "resource",
        Participant::Anonymous => "anonymous",
    }
}
