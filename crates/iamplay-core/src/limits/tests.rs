//! Each limit, just under and just over, through the public entry points that enforce it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::explain::{Lang, finding_message, scenario_problem_message, skip_message};
use crate::policy::{Context, FindingKind, PolicyKind, check};
use crate::scenario::{self, ScenarioProblemKind, SkipReason, StepOutcome, share};
use crate::sts::{Simulator, WorldProblemKind};

const STATEMENT: &str = r#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#;

fn policy_with(statements: usize) -> String {
    let list: Vec<&str> = (0..statements).map(|_| STATEMENT).collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        list.join(",")
    )
}

fn codes(text: &str) -> Vec<&'static str> {
    check(text, &Context::new(PolicyKind::ManagedPolicy))
        .findings
        .iter()
        .map(|f| f.kind.code())
        .collect()
}

#[test]
fn a_policy_over_the_text_limit_is_refused_with_the_sizes() {
    let base = policy_with(1);
    let padded = format!("{base}{}", " ".repeat(MAX_POLICY_BYTES - base.len()));
    assert!(!codes(&padded).contains(&"TextTooLong"));
    let over = format!("{padded} ");
    let checked = check(&over, &Context::new(PolicyKind::ManagedPolicy));
    assert!(checked.policy.is_none());
    let [finding] = checked.findings.as_slice() else {
        panic!("one finding: {:?}", checked.findings);
    };
    assert_eq!(
        finding.kind,
        FindingKind::TextTooLong {
            size: MAX_POLICY_BYTES + 1,
            limit: MAX_POLICY_BYTES
        }
    );
    let words = finding_message(finding, Lang::En);
    assert!(
        words.contains("65537") && words.contains("65536"),
        "{words}"
    );
}

#[test]
fn fifty_megabytes_of_anything_is_refused_at_once() {
    let paste = "\u{4e2d}".repeat(50 * 1024 * 1024 / 3);
    let checked = check(&paste, &Context::new(PolicyKind::SessionPolicy));
    assert_eq!(checked.findings.len(), 1);
    assert_eq!(
        checked.findings.first().map(|f| f.kind.code()),
        Some("TextTooLong")
    );
}

#[test]
fn statements_are_read_up_to_the_limit() {
    assert!(!codes(&policy_with(MAX_STATEMENTS)).contains(&"TooManyStatements"));
    let checked = check(
        &policy_with(MAX_STATEMENTS + 1),
        &Context::new(PolicyKind::ManagedPolicy),
    );
    assert!(checked.policy.is_none());
    assert!(checked.findings.iter().any(|f| f.kind
        == FindingKind::TooManyStatements {
            count: MAX_STATEMENTS + 1,
            limit: MAX_STATEMENTS
        }
        && f.location.pointer == "/Statement"));
}

#[test]
fn nesting_a_hundred_thousand_deep_is_a_syntax_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let shallower = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
    let policy = format!(r#"{{"Version":"2012-10-17","Statement":{shallower}}}"#);
    assert_eq!(codes(&policy), ["Syntax"]);
    let read = scenario::read(&format!(r#"{{"version":1,"x":{deep}}}"#));
    assert!(read.scenario.is_none());
    assert!(matches!(
        read.problems.first().map(|p| &p.kind),
        Some(ScenarioProblemKind::Syntax { .. })
    ));
}

fn role_with(inline: usize) -> crate::sts::World {
    let document = crate::json::to_compact_string(&crate::json::Json {
        value: crate::json::Value::String(policy_with(1)),
        span: crate::source::Span::new(0, 0),
    });
    let policies: Vec<String> = (0..inline)
        .map(|i| format!(r#"{{"name": "p{i}", "document": {document}}}"#))
        .collect();
    let trust = r#"{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}"#;
    let text = format!(
        r#"{{"accounts": [{{"id": "111122223333", "roles": [{{"name": "Busy", "trustPolicy": "{trust}", "inlinePolicies": [{}]}}]}}]}}"#,
        policies.join(",")
    );
    let json = crate::json::parse(&text, MAX_JSON_DEPTH).unwrap_or_else(|e| panic!("{e:?}"));
    crate::json::from_json(&json).unwrap_or_else(|e| panic!("{e:?}"))
}

fn too_many_policies(world: &crate::sts::World) -> Vec<(String, WorldProblemKind)> {
    Simulator::new(world)
        .problems()
        .iter()
        .filter(|p| matches!(p.kind, WorldProblemKind::TooManyPolicies { .. }))
        .map(|p| (p.pointer.clone(), p.kind.clone()))
        .collect()
}

#[test]
fn a_principal_has_at_most_the_limit_of_policies() {
    assert!(too_many_policies(&role_with(MAX_POLICIES_PER_PRINCIPAL)).is_empty());
    assert_eq!(
        too_many_policies(&role_with(MAX_POLICIES_PER_PRINCIPAL + 1)),
        [(
            "/accounts/0/roles/0".into(),
            WorldProblemKind::TooManyPolicies {
                count: MAX_POLICIES_PER_PRINCIPAL + 1,
                limit: MAX_POLICIES_PER_PRINCIPAL
            }
        )]
    );
}

fn scenario_with(steps: usize) -> String {
    let step = r#"{"as":{"principal":"arn:aws:iam::111122223333:user/a"},"request":{"action":"s3:GetObject","resource":"arn:aws:s3:::b/k"}}"#;
    let list: Vec<&str> = (0..steps).map(|_| step).collect();
    format!(
        r#"{{"version":1,"title":{{"en":"t"}},"world":{{"accounts":[{{"id":"111122223333","users":[{{"name":"a"}}]}}]}},"steps":[{}]}}"#,
        list.join(",")
    )
}

#[test]
fn a_scenario_runs_at_most_the_limit_of_steps() {
    let fits = scenario::read(&scenario_with(MAX_STEPS));
    assert!(fits.is_valid(), "{:?}", fits.problems);
    let read = scenario::read(&scenario_with(MAX_STEPS + 1));
    let problem = read
        .problems
        .iter()
        .find(|p| matches!(p.kind, ScenarioProblemKind::TooManySteps { .. }));
    let Some(problem) = problem else {
        panic!("no TooManySteps in {:?}", read.problems);
    };
    assert_eq!(problem.location.pointer, "/steps");
    assert!(scenario_problem_message(problem, Lang::ZhCn).contains("200"));
    // A scenario edited past the limit still runs its first steps and says why not the rest.
    let Some(scenario) = read.scenario else {
        panic!("the shape is right");
    };
    let run = scenario::run(&scenario);
    assert_eq!(run.steps.len(), MAX_STEPS + 1);
    let last = run.steps.last().map(|s| &s.outcome);
    let Some(StepOutcome::Skipped { reason }) = last else {
        panic!("the last step is skipped: {last:?}");
    };
    assert_eq!(*reason, SkipReason::BeyondLimit { limit: MAX_STEPS });
    assert!(skip_message(reason, Lang::ZhTw).contains("200"));
    assert!(!matches!(
        run.steps.get(MAX_STEPS - 1).map(|s| &s.outcome),
        Some(StepOutcome::Skipped { .. })
    ));
}

#[test]
fn a_scenario_text_over_the_limit_is_refused() {
    let text = format!("{}{}", scenario_with(1), " ".repeat(MAX_SCENARIO_BYTES));
    let read = scenario::read(&text);
    assert!(matches!(
        read.problems.as_slice(),
        [problem] if problem.kind == ScenarioProblemKind::TooLarge { size: text.len(), limit: MAX_SCENARIO_BYTES }
    ));
}

#[test]
fn a_share_link_over_the_length_limit_is_refused_before_decoding() {
    let link = format!("1.{}", "A".repeat(MAX_LINK_CHARS));
    assert!(matches!(
        share::decode(&link),
        Err(share::ShareError::TooLong {
            limit: MAX_LINK_CHARS,
            ..
        })
    ));
}

#[test]
fn wildcards_made_to_backtrack_match_in_one_pass() {
    // `*a*a*a…*b` against a long run of `a`s: a backtracking matcher tries every way to place
    // each star (exponentially many); this one places each piece once.
    let pattern = format!("{}*b", "*a".repeat(5_000));
    let text = "a".repeat(200_000);
    assert!(!crate::pattern::matches(&pattern, &text));
    assert!(crate::pattern::matches(&pattern, &format!("{text}b")));
    let question = format!("a{}b", "*?".repeat(5_000));
    assert!(!crate::pattern::matches(&question, &text));
}
