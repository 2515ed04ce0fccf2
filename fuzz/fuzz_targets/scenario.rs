//! `scenario`: any text as a scenario document — read, run, and everything the playground shows
//! of a run: each step's decisions and errors explained, the sequence diagram, the code of each
//! step, and for one step (picked by the input's length) the what-if suggestions and the
//! effective permissions.
//!
//! What must hold:
//! - the scenario written as the playground stores it reads back the same;
//! - every problem points into the text and is worded in every language; the findings of a
//!   world's policy point into that policy's text;
//! - a run has one result per step, and everything in it is worded (see `iamplay_fuzz`);
//! - the diagram's arrows join its participants; each cell of a permission matrix is one
//!   pair of its resources and actions, and requests that pair;
//! - a what-if suggestion, made, gives the outcome it promised.

#![no_main]

use iamplay_core::explain::{
    Lang, change_message, scenario_problem_message, skip_message, world_warning_message,
};
use iamplay_core::json::{self, DEFAULT_MAX_DEPTH, Json, Value};
use iamplay_core::scenario::whatif::{self, Suggestion};
use iamplay_core::scenario::{
    self, Call, MAX_ACTIONS, MAX_RESOURCES, Scenario, ScenarioProblemKind, ScenarioRun, StepOutcome,
};
use iamplay_core::sts::WorldProblemKind;
use iamplay_fuzz::{check_call, check_findings, explain_authorization, explain_error, said};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = scenario::read(text);
    for problem in &read.problems {
        let span = problem.location.span;
        assert!(
            span.start <= span.end && text.get(span.start as usize..span.end as usize).is_some(),
            "a problem outside the text: {problem:?}"
        );
        for lang in Lang::ALL {
            said(&scenario_problem_message(problem, lang), problem);
        }
        if let ScenarioProblemKind::World {
            problem: WorldProblemKind::Policy { findings, .. },
        } = &problem.kind
        {
            let document = json::parse(text, DEFAULT_MAX_DEPTH).ok();
            let policy = document
                .as_ref()
                .and_then(|json| json.get_pointer(&problem.location.pointer));
            // A document written as a JSON object stands for its pretty-printed text.
            match policy {
                Some(Json {
                    value: Value::String(policy),
                    ..
                }) => check_findings(policy, findings),
                Some(object) => check_findings(&json::to_pretty_string(object), findings),
                None => panic!("policy findings at {problem:?}, where there is no policy"),
            }
        }
    }
    let Some(scenario) = read.scenario else {
        return;
    };
    // The playground keeps the scenario in local storage as serde writes it, and reads it back.
    let stored = serde_json::to_string(&scenario).unwrap_or_default();
    assert_eq!(
        scenario::read(&stored).scenario.as_ref(),
        Some(&scenario),
        "the stored scenario reads differently: {stored}"
    );
    let ran = scenario::run(&scenario);
    assert_eq!(ran.steps.len(), scenario.steps.len());
    check_run(&scenario, &ran);
    check_flow(&scenario, &ran);
    for (index, code) in scenario::scenario_code(&scenario).iter().enumerate() {
        if let Some(code) = code {
            said(&code.cli, &index);
            said(&code.boto3, &index);
        }
    }
    if !scenario.steps.is_empty() {
        let index = data.len() % scenario.steps.len();
        check_suggestions(&scenario, &ran, index);
        check_permissions(&scenario, index);
    }
});

fn check_run(scenario: &Scenario, ran: &ScenarioRun) {
    for warning in ran.warnings() {
        for lang in Lang::ALL {
            said(&world_warning_message(&warning, lang), &warning);
        }
    }
    for ((index, step), written) in ran.steps.iter().enumerate().zip(&scenario.steps) {
        assert_eq!(step.index, index);
        let policy = match &written.call {
            Some(Call::AssumeRole(params)) => params.policy.as_deref(),
            Some(Call::GetFederationToken(params)) => params.policy.as_deref(),
            Some(Call::AssumeRoleWithWebIdentity(params)) => params.policy.as_deref(),
            _ => None,
        };
        match &step.outcome {
            StepOutcome::AssumeRole(o) => check_call(o, policy),
            StepOutcome::GetSessionToken(o) => check_call(o, policy),
            StepOutcome::GetFederationToken(o) => check_call(o, policy),
            StepOutcome::AssumeRoleWithWebIdentity(o) => check_call(o, policy),
            StepOutcome::GetCallerIdentity(o) => check_call(o, policy),
            StepOutcome::Request(o) => {
                o.authorization.iter().for_each(explain_authorization);
                o.error.iter().for_each(explain_error);
            }
            StepOutcome::Wait { .. } => {}
            StepOutcome::Skipped { reason } => {
                for lang in Lang::ALL {
                    said(&skip_message(reason, lang), reason);
                }
            }
        }
    }
}

fn check_flow(scenario: &Scenario, ran: &ScenarioRun) {
    let flow = scenario::flow(scenario, ran);
    for hop in &flow.hops {
        assert!(
            hop.from < flow.participants.len()
                && hop.to < flow.participants.len()
                && hop.step < scenario.steps.len(),
            "an arrow to nowhere: {hop:?} in {flow:?}"
        );
    }
}

fn check_suggestions(scenario: &Scenario, ran: &ScenarioRun, index: usize) {
    let suggestions = whatif::suggest(scenario, ran, index);
    assert!(suggestions.len() <= whatif::MAX_SUGGESTIONS);
    for suggestion in &suggestions {
        for lang in Lang::ALL {
            said(&change_message(&suggestion.change, lang), suggestion);
        }
    }
    if let Some(Suggestion { change, promised }) = suggestions.first() {
        let changed = whatif::apply(scenario, change);
        let actual = changed
            .as_ref()
            .and_then(|changed| scenario::run(changed).steps.get(index)?.actual.clone());
        assert_eq!(
            actual.as_ref(),
            Some(promised),
            "{change:?} breaks its promise"
        );
    }
}

fn check_permissions(scenario: &Scenario, index: usize) {
    let Some(matrix) = scenario::effective_permissions(scenario, index) else {
        return;
    };
    assert!(matrix.resources.len() <= MAX_RESOURCES && matrix.actions.len() <= MAX_ACTIONS);
    let mut pairs = std::collections::BTreeSet::new();
    for cell in &matrix.cells {
        assert!(
            pairs.insert((cell.resource, cell.action)),
            "a pair twice: {matrix:?}"
        );
        assert_eq!(
            (
                matrix.resources.get(cell.resource),
                matrix.actions.get(cell.action)
            ),
            (Some(&cell.request.resource), Some(&cell.request.action)),
            "a cell that is not its pair: {matrix:?}"
        );
    }
}
