//! `evaluate`: policies of every layer and a request, as text, checked and compiled as the npm
//! package does (`eval::input`), decided, and the decision explained in every language.
//!
//! The input is sections, each opened by a line `%%LAYER [kind:KIND] [managed:NAME]`; text
//! before the first one is an identity-based policy, so any policy file is an input:
//!
//! ```text
//! {"Version": "2012-10-17", "Statement": [...]}
//! %%boundary
//! {...}
//! %%scp managed:FullAWSAccess
//! %%request
//! principal arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student
//! tag userid=123456
//! action s3:ListBucket
//! resource arn:aws:s3:::wisdom-learn-course-bucket
//! account 111122223333
//! context s3:prefix=PREFIX/123456/|PREFIX/
//! ```
//!
//! Layers: `identity`, `boundary`, `session`, `resource`, `trust` (a resource-based policy that
//! is a role's trust policy), `kms` (one that must allow), `scp` and `rcp` (one organization
//! level each).
//!
//! What must hold:
//! - every problem is worded in every language, and a policy's findings point into its text;
//! - deciding with and without the explanation gives the same decision;
//! - a deny names its layer and carries AWS's error, an allow neither; an explicit deny is
//!   decided by `Deny` statements, an allow only by `Allow` statements, an implicit deny by none;
//! - the action's case does not change the decision, and a Deny of everything added to the
//!   identity-based policies makes it an explicit deny;
//! - the explanation is worded in every language (see `iamplay_fuzz`).

#![no_main]

use iamplay_core::eval::input::{
    InputProblemKind, LevelInput, PolicyInput, PolicyInputs, PrincipalInput, RequestInput,
    prepare_policies, prepare_request,
};
use iamplay_core::eval::{CompiledPolicy, ContextValue, Decision, Options, compile, evaluate};
use iamplay_core::explain::{Lang, input_problem_message};
use iamplay_core::policy::{Context, Effect, PolicyKind, check};
use iamplay_fuzz::{check_findings, explain_all, said};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (policies, request, documents) = sections(text);
    let prepared = match prepare_policies(&policies) {
        Ok(prepared) => prepared,
        Err(problems) => {
            for problem in &problems {
                check_problem(&problem.pointer, &problem.kind, &documents);
            }
            return;
        }
    };
    for warning in &prepared.warnings {
        check_problem(&warning.pointer, &warning.kind, &documents);
    }
    let request = prepare_request(&request);
    let set = &prepared.set;
    let quick = evaluate(&request, set, Options { explain: false });
    let full = evaluate(&request, set, Options { explain: true });
    assert_eq!(
        (
            &quick.decision,
            &quick.denial,
            &quick.determining,
            &quick.granted_to,
            &quick.aws_error
        ),
        (
            &full.decision,
            &full.denial,
            &full.determining,
            &full.granted_to,
            &full.aws_error
        ),
        "the explanation changes the decision"
    );
    let allowed = full.decision == Decision::Allow;
    assert_eq!(full.denial.is_none(), allowed, "{full:?}");
    assert_eq!(full.aws_error.is_none(), allowed, "{full:?}");
    let effects = |effect: Effect| full.determining.iter().all(|s| s.effect == effect);
    let sound = match full.decision {
        Decision::ExplicitDeny => !full.determining.is_empty() && effects(Effect::Deny),
        Decision::ImplicitDeny => full.determining.is_empty(),
        // A root user's allow may have no deciding statement (no policy in the way).
        Decision::Allow => effects(Effect::Allow),
    };
    assert!(
        sound,
        "{:?} decided by {:?}",
        full.decision, full.determining
    );
    explain_all(&full, &request, set);
    // A Deny of everything in the identity-based policies is an explicit deny, whoever asks.
    let mut denied = set.clone();
    denied.identity.push(deny_everything());
    assert_eq!(
        evaluate(&request, &denied, Options { explain: false }).decision,
        Decision::ExplicitDeny,
        "a Deny of everything does not deny"
    );
    // Actions are matched without regard to case.
    let mut shouted = request.clone();
    shouted.action = request.action.to_ascii_uppercase();
    assert_eq!(
        evaluate(&shouted, set, Options { explain: false }).decision,
        full.decision,
        "the action's case changes the decision"
    );
});

/// An identity-based policy that denies every action on every resource.
fn deny_everything() -> CompiledPolicy {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}"#;
    let checked = check(text, &Context::new(PolicyKind::RoleInlinePolicy));
    match checked.policy {
        Some(policy) => compile("DenyEverything", &policy),
        None => panic!("{:?}", checked.findings),
    }
}

/// Words a problem, and checks the findings of a policy against its text.
fn check_problem(pointer: &str, kind: &InputProblemKind, documents: &[(String, &str)]) {
    for lang in Lang::ALL {
        said(&input_problem_message(kind, lang), kind);
    }
    if let InputProblemKind::Policy { findings, .. } = kind {
        let text = documents
            .iter()
            .find(|(at, _)| format!("{at}/document") == pointer)
            .map(|(_, text)| *text);
        match text {
            Some(text) => check_findings(text, findings),
            None => panic!("findings at `{pointer}`, where no policy was given"),
        }
    }
}

/// The policies, the request, and each policy text with its JSON pointer in the input.
fn sections(text: &str) -> (PolicyInputs, RequestInput, Vec<(String, &str)>) {
    let mut policies = PolicyInputs::default();
    let mut request = RequestInput {
        principal: PrincipalInput::Arn(
            "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student".into(),
        ),
        action: "s3:GetObject".into(),
        resource: Some("arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/123456/video.mp4".into()),
        ..RequestInput::default()
    };
    request.tags.insert("userid".into(), "123456".into());
    let mut documents = Vec::new();
    let mut parts = text.split("\n%%");
    let first = parts.next().unwrap_or_default();
    let first = first
        .strip_prefix("%%")
        .map_or(("identity", first), |rest| {
            rest.split_once('\n').unwrap_or((rest, ""))
        });
    let sections =
        std::iter::once(first).chain(parts.map(|part| part.split_once('\n').unwrap_or((part, ""))));
    for (header, body) in sections {
        let mut words = header.split_whitespace();
        let layer = words.next().unwrap_or_default();
        if layer == "request" {
            read_request(body, &mut request);
            continue;
        }
        let mut input = PolicyInput::default();
        for word in words {
            if let Some(kind) = word.strip_prefix("kind:") {
                input.kind = Some(kind.into());
            } else if let Some(name) = word.strip_prefix("managed:") {
                input.aws_managed = Some(name.into());
            }
        }
        if input.aws_managed.is_none() {
            input.document = Some(body.into());
        }
        let at = match layer {
            "boundary" => {
                policies.boundary = Some(input);
                "/policies/boundary".to_owned()
            }
            "session" => {
                let session = policies.session.get_or_insert_with(Vec::new);
                session.push(input);
                format!("/policies/session/{}", session.len() - 1)
            }
            "resource" | "trust" | "kms" => {
                policies.resource = Some(input);
                policies.trust = layer == "trust";
                policies.must_allow = layer == "kms";
                "/policies/resource".to_owned()
            }
            "scp" | "rcp" => {
                let levels = if layer == "scp" {
                    &mut policies.scps
                } else {
                    &mut policies.rcps
                };
                levels.push(LevelInput {
                    name: None,
                    policies: vec![input],
                });
                format!("/policies/{layer}s/{}/policies/0", levels.len() - 1)
            }
            _ => {
                policies.identity.push(input);
                format!("/policies/identity/{}", policies.identity.len() - 1)
            }
        };
        documents.retain(|(pointer, _)| *pointer != at);
        documents.push((at, body));
    }
    (policies, request, documents)
}

/// Reads the `%%request` section's `NAME VALUE` lines.
fn read_request(body: &str, request: &mut RequestInput) {
    for line in body.lines() {
        let (name, value) = line.split_once(' ').unwrap_or((line, ""));
        let pair = || value.split_once('=').unwrap_or((value, ""));
        match name {
            "principal" => request.principal = PrincipalInput::Arn(value.into()),
            "tag" => {
                let (key, tag) = pair();
                request.tags.insert(key.into(), tag.into());
            }
            "action" => request.action = value.into(),
            "resource" => request.resource = Some(value.into()),
            "account" => request.resource_account = Some(value.into()),
            "context" => {
                let (key, values) = pair();
                let values: Vec<String> = values.split('|').map(str::to_owned).collect();
                let value = match values.as_slice() {
                    [one] => ContextValue::One(one.clone()),
                    _ => ContextValue::Many(values),
                };
                request.context.insert(key.into(), value);
            }
            _ => {}
        }
    }
}
