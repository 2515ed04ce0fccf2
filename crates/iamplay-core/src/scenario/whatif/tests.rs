use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use proptest::prelude::*;

use super::*;
use crate::scenario::builtin::{ALL, find};
use crate::scenario::{ContextValue, Scenario, read};

fn lesson(id: &str) -> Scenario {
    read(find(id).unwrap().text).scenario.unwrap()
}

fn actual(scenario: &Scenario, index: usize) -> String {
    run(scenario).steps[index].actual.clone().unwrap()
}

/// Every suggestion, made, gives the step the outcome it promised, and turns the decision
/// around.
fn keeps_its_promises(scenario: &Scenario, label: &str) -> usize {
    let ran = run(scenario);
    let mut count = 0;
    for (index, step) in ran.steps.iter().enumerate() {
        let before = step.actual.clone().unwrap_or_default();
        for suggestion in suggest(scenario, &ran, index) {
            let changed = apply(scenario, &suggestion.change).unwrap();
            let after = actual(&changed, index);
            assert_eq!(
                after, suggestion.promised,
                "{label} step {index}: {suggestion:?}"
            );
            assert_ne!(
                after == "Allow",
                before == "Allow",
                "{label} step {index}: {suggestion:?} does not turn {before} around"
            );
            count += 1;
        }
    }
    count
}

#[test]
fn every_suggestion_for_every_builtin_step_keeps_its_promise() {
    let mut total = 0;
    for builtin in ALL {
        let scenario = read(builtin.text).scenario.unwrap();
        total += keeps_its_promises(&scenario, builtin.id);
    }
    // The lessons have denied and allowed steps with fixes to find.
    assert!(total >= 20, "only {total} suggestions over the lessons");
}

/// The seed lesson: the session tagged `userid=123456` lists `app/234567/` and is denied;
/// the fix the course teaches is the tag `userid=234567` (or the prefix of its own folder).
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>
#[test]
fn the_seed_lessons_denied_listing_suggests_the_other_userid_tag() {
    let scenario = lesson("per-user-folders");
    let ran = run(&scenario);
    assert_eq!(ran.steps[3].actual.as_deref(), Some("ImplicitDeny"));
    let suggestions = suggest(&scenario, &ran, 3);
    assert!(
        suggestions.contains(&Suggestion {
            change: Change::SessionTag {
                step: 0,
                key: "userid".into(),
                value: "234567".into(),
            },
            promised: "Allow".into(),
        }),
        "{suggestions:#?}"
    );
    assert!(
        suggestions.iter().any(|s| s.change
            == Change::ContextValue {
                step: 3,
                key: "s3:prefix".into(),
                value: "app/123456/".into(),
            }),
        "{suggestions:#?}"
    );
    // The session tag comes first: it is the smallest change.
    assert!(matches!(suggestions[0].change, Change::SessionTag { .. }));
}

/// A trust policy without `sts:TagSession` refuses a tagged AssumeRole; adding the action to
/// its statement allows it.
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required>
#[test]
fn a_tagged_assume_role_without_tag_session_suggests_adding_it_to_the_trust_policy() {
    let scenario = lesson("per-user-folders");
    let ran = run(&scenario);
    let index = 8;
    assert_eq!(ran.steps[index].actual.as_deref(), Some("ImplicitDeny"));
    let suggestions = suggest(&scenario, &ran, index);
    let add = suggestions
        .iter()
        .find(
            |s| matches!(&s.change, Change::AddAction { action, .. } if action == "sts:TagSession"),
        )
        .unwrap_or_else(|| panic!("{suggestions:#?}"));
    assert_eq!(
        add.change.policy(),
        Some(("/accounts/0/roles/1/trustPolicy", "/Statement/0"))
    );
    let changed = apply(&scenario, &add.change).unwrap();
    let trust = &changed.world.accounts[0].roles[1].trust_policy;
    assert!(trust.contains("\"sts:AssumeRole\",\n") && trust.contains("\"sts:TagSession\""));
}

#[test]
fn an_allowed_step_gets_what_would_deny_it() {
    let scenario = lesson("per-user-folders");
    let ran = run(&scenario);
    let suggestions = suggest(&scenario, &ran, 1);
    assert!(
        suggestions.iter().any(|s| matches!(
            &s.change,
            Change::RemoveStatement {
                effect: Effect::Allow,
                ..
            }
        )),
        "{suggestions:#?}"
    );
    assert!(
        suggestions.iter().any(|s| s.change
            == Change::SessionTag {
                step: 0,
                key: "userid".into(),
                value: "234567".into(),
            }),
        "{suggestions:#?}"
    );
    assert!(suggestions.iter().all(|s| s.promised != "Allow"));
}

#[test]
fn a_policy_keeps_at_least_one_statement_and_actions_become_a_list() {
    let scenario = lesson("course-platform");
    let only = Change::RemoveStatement {
        policy: "/accounts/0/roles/0/inlinePolicies/0/document".into(),
        statement: "/Statement/0".into(),
        effect: Effect::Allow,
    };
    assert_eq!(apply(&scenario, &only), None);
    let add = Change::AddAction {
        policy: "/accounts/0/roles/0/inlinePolicies/0/document".into(),
        statement: "/Statement/0".into(),
        action: "s3:ListBucket".into(),
    };
    let changed = apply(&scenario, &add).unwrap();
    let text = &changed.world.accounts[0].roles[0].inline_policies[0].document;
    assert!(
        text.contains("\"Action\": [\n                \"s3:GetObject\",\n                \"s3:ListBucket\"\n            ],"),
        "{text}"
    );
    let nowhere = Change::AddAction {
        policy: "/accounts/9/roles/0/trustPolicy".into(),
        statement: "/Statement/0".into(),
        action: "sts:TagSession".into(),
    };
    assert_eq!(apply(&scenario, &nowhere), None);
}

#[test]
fn steps_that_are_not_decisions_get_no_suggestions() {
    let scenario = lesson("course-platform");
    let ran = run(&scenario);
    for (index, step) in ran.steps.iter().enumerate() {
        if step.actual.as_deref().and_then(Aim::for_outcome).is_none() {
            assert!(suggest(&scenario, &ran, index).is_empty(), "step {index}");
        }
    }
    assert!(suggest(&scenario, &ran, 99).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever user id the session is tagged with and whichever folder it lists, every
    /// suggestion keeps its promise, and a denied listing of another folder is fixed by
    /// tagging the session with that folder's id.
    #[test]
    fn suggestions_keep_their_promises_for_any_tag_and_folder(
        tagged in "[0-9]{1,8}",
        listed in "[0-9]{1,8}",
    ) {
        let mut scenario = lesson("per-user-folders");
        if let Some(crate::scenario::Call::AssumeRole(params)) = &mut scenario.steps[0].call {
            params.tags[0].value = tagged.clone();
        }
        let request = scenario.steps[3].request.as_mut().unwrap();
        request.context.insert(
            "s3:prefix".to_string(),
            ContextValue::One(format!("app/{listed}/")),
        );
        keeps_its_promises(&scenario, "per-user-folders");
        let ran = run(&scenario);
        let suggestions = suggest(&scenario, &ran, 3);
        if tagged == listed {
            prop_assert_eq!(ran.steps[3].actual.as_deref(), Some("Allow"));
        } else {
            prop_assert_eq!(ran.steps[3].actual.as_deref(), Some("ImplicitDeny"));
            let tag = Change::SessionTag { step: 0, key: "userid".into(), value: listed };
            prop_assert!(suggestions.iter().any(|s| s.change == tag), "{:#?}", suggestions);
        }
        let _: Vec<_> = suggestions;
    }
}

/// STS sets `sts:ExternalId` from the `ExternalId` parameter: a call that puts it among its
/// context keys is still refused by a trust policy that asks for it, the key is reported as
/// ignored, and no suggestion proposes it.
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html>
#[test]
fn a_call_cannot_give_its_external_id_as_a_context_key() {
    let mut scenario = lesson("confused-deputy");
    let ran = run(&scenario);
    assert_eq!(ran.steps[3].actual.as_deref(), Some("ImplicitDeny"));
    scenario.steps[3].context.insert(
        "sts:ExternalId".to_string(),
        ContextValue::One("customer-a-7f3e".into()),
    );
    let ran = run(&scenario);
    assert_eq!(ran.steps[3].actual.as_deref(), Some("ImplicitDeny"));
    let ignored = &ran.steps[3]
        .authorizations()
        .last()
        .unwrap()
        .ignored_context;
    assert_eq!(ignored, &["sts:ExternalId".to_string()]);
    assert!(suggest(&scenario, &ran, 3).iter().all(
        |s| !matches!(&s.change, Change::ContextValue { key, .. } if key.starts_with("sts:"))
    ));
}
