//! Properties of the decision over generated policies and requests: adding a `Deny` never
//! turns a deny into an allow; a permissions boundary or session policy never widens; the order
//! of statements does not matter; a matching `Allow` without conditions is always found.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use proptest::prelude::*;

use super::tests::policy;
use super::*;
use crate::policy::PolicyKind;

pub(crate) const ACTIONS: [&str; 5] = [
    "s3:GetObject",
    "s3:ListBucket",
    "s3:PutObject",
    "s3:DeleteObject",
    "sts:AssumeRole",
];
const ACTION_PATTERNS: [&str; 8] = [
    "s3:GetObject",
    "s3:Get*",
    "s3:*",
    "*",
    "s3:?utObject",
    "sts:AssumeRole",
    "s3:List*",
    "iam:*",
];
pub(crate) const RESOURCES: [&str; 4] = [
    "arn:aws:s3:::wisdom-learn-course-bucket",
    "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/123456/video.mp4",
    "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/234567/video.mp4",
    "arn:aws:iam::111122223333:role/CourseAccessRole",
];
const RESOURCE_PATTERNS: [&str; 6] = [
    "*",
    "arn:aws:s3:::wisdom-learn-course-bucket",
    "arn:aws:s3:::wisdom-learn-course-bucket/*",
    "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/*",
    "arn:aws:s3:::*/PREFIX/123456/*",
    "arn:aws:iam::111122223333:role/*",
];
const CONDITIONS: [&str; 5] = [
    r#"{"StringEquals": {"aws:PrincipalTag/userid": "123456"}}"#,
    r#"{"StringNotEquals": {"aws:PrincipalTag/plan": "basic"}}"#,
    r#"{"StringLike": {"s3:prefix": "PREFIX/${aws:PrincipalTag/userid}/*"}}"#,
    r#"{"Bool": {"aws:SecureTransport": "true"}}"#,
    r#"{"StringEqualsIfExists": {"aws:PrincipalTag/plan": "premium"}}"#,
];

/// A statement as JSON text (identity-shaped: no principal).
pub(crate) fn statement() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        any::<bool>(),
        proptest::sample::subsequence(ACTION_PATTERNS.to_vec(), 1..3),
        proptest::sample::subsequence(RESOURCE_PATTERNS.to_vec(), 1..3),
        proptest::option::of(proptest::sample::select(CONDITIONS.to_vec())),
    )
        .prop_map(|(allow, not_action, actions, resources, condition)| {
            let effect = if allow { "Allow" } else { "Deny" };
            let action_key = if not_action && !allow {
                "NotAction"
            } else {
                "Action"
            };
            let quote = |items: Vec<&str>| {
                items
                    .iter()
                    .map(|i| format!("\"{i}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let condition = condition
                .map(|c| format!(", \"Condition\": {c}"))
                .unwrap_or_default();
            format!(
                r#"{{"Effect": "{effect}", "{action_key}": [{}], "Resource": [{}]{condition}}}"#,
                quote(actions),
                quote(resources)
            )
        })
}

pub(crate) fn policy_text(statements: &[String]) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        statements.join(", ")
    )
}

pub(crate) fn statements() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(statement(), 1..5)
}

/// A request by the student session, with generated tags and context.
fn request() -> impl Strategy<Value = Request> {
    (
        proptest::sample::select(ACTIONS.to_vec()),
        proptest::sample::select(RESOURCES.to_vec()),
        proptest::sample::select(["123456", "234567"].to_vec()),
        proptest::option::of(proptest::sample::select(["basic", "premium"].to_vec())),
        proptest::option::of(proptest::sample::select(
            ["PREFIX/123456/a", "PREFIX/234567/b"].to_vec(),
        )),
        any::<bool>(),
    )
        .prop_map(|(action, resource, userid, plan, prefix, secure)| {
            let mut principal = tests::student(userid);
            if let Some(plan) = plan {
                principal.tags.push(Tag {
                    key: "plan".into(),
                    value: plan.into(),
                });
            }
            let mut context = alloc::vec![ContextEntry::single(
                "aws:SecureTransport",
                if secure { "true" } else { "false" }
            )];
            context.extend(prefix.map(|p| ContextEntry::single("s3:prefix", p)));
            Request {
                principal,
                action: action.into(),
                resource: resource.into(),
                resource_account: Some("111122223333".into()),
                context,
            }
        })
}

pub(crate) fn identity(statements: &[String]) -> PolicySet {
    PolicySet {
        identity: alloc::vec![policy(
            "Identity",
            PolicyKind::RoleInlinePolicy,
            &policy_text(statements)
        )],
        ..PolicySet::default()
    }
}

pub(crate) fn decide(request: &Request, set: &PolicySet) -> Decision {
    evaluate(request, set, Options::default()).decision
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_deny_never_turns_a_deny_into_an_allow(
        base in statements(), extra in statement(), request in request()
    ) {
        let before = decide(&request, &identity(&base));
        let mut more = base.clone();
        more.push(extra.replace("\"Allow\"", "\"Deny\""));
        let after = decide(&request, &identity(&more));
        prop_assert!(before == Decision::Allow || after != Decision::Allow, "{before:?} -> {after:?}");
    }

    #[test]
    fn a_boundary_or_session_policy_never_widens(
        base in statements(), limit in statements(), request in request(), as_session in any::<bool>()
    ) {
        let set = identity(&base);
        let before = decide(&request, &set);
        let mut limited = set.clone();
        let limit = policy_text(&limit);
        if as_session {
            limited.session = Some(alloc::vec![policy("Session", PolicyKind::SessionPolicy, &limit)]);
        } else {
            limited.boundary = Some(policy("Boundary", PolicyKind::PermissionsBoundary, &limit));
        }
        let after = decide(&request, &limited);
        prop_assert!(before == Decision::Allow || after != Decision::Allow, "{before:?} -> {after:?}");
    }

    #[test]
    fn the_order_of_statements_does_not_matter(base in statements(), request in request()) {
        let mut reversed = base.clone();
        reversed.reverse();
        prop_assert_eq!(decide(&request, &identity(&base)), decide(&request, &identity(&reversed)));
    }

    #[test]
    fn a_matching_allow_without_conditions_is_found(
        base in statements(), request in request()
    ) {
        let mut with_allow: Vec<String> = base.iter().filter(|s| s.contains("\"Allow\"")).cloned().collect();
        with_allow.push(format!(
            r#"{{"Sid": "Exact", "Effect": "Allow", "Action": "{}", "Resource": "{}"}}"#,
            request.action, request.resource
        ));
        let response = evaluate(&request, &identity(&with_allow), Options::default());
        prop_assert_eq!(response.decision, Decision::Allow);
        prop_assert!(response.determining.iter().any(|s| s.sid.as_deref() == Some("Exact")));
    }
}
