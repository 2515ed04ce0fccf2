use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::*;
use crate::policy::{Context, PolicyKind, check};

/// Compiles a policy that must be valid as `kind`.
pub(crate) fn policy(name: &str, kind: PolicyKind, text: &str) -> CompiledPolicy {
    let checked = check(text, &Context::new(kind));
    let valid = checked
        .policy
        .unwrap_or_else(|| panic!("{name}: {:?}", checked.findings));
    compile(name, &valid)
}

/// The seed lesson's role policy (001): each user lists and reads only its own folder.
const COURSE_ACCESS: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ListYourObjects",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": ["arn:aws:s3:::wisdom-learn-course-bucket"],
            "Condition": {"StringLike": {"s3:prefix": ["PREFIX/${aws:PrincipalTag/userid}/"]}}
        },
        {
            "Sid": "ReadWriteDeleteYourObjects",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            "Resource": [
                "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/",
                "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/*"
            ]
        }
    ]
}"#;

pub(crate) fn student(userid: &str) -> Caller {
    Caller {
        principal_type: PrincipalType::AssumedRole,
        arn: "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/my-session".into(),
        account: "111122223333".into(),
        user_id: "AROAEXAMPLEROLEID12345:my-session".into(),
        role_arn: Some("arn:aws:iam::111122223333:role/CourseAccessRole".into()),
        source_user_arn: None,
        federated_provider: None,
        tags: vec![Tag {
            key: "userid".into(),
            value: userid.into(),
        }],
    }
}

fn request(caller: Caller, action: &str, resource: &str, context: Vec<ContextEntry>) -> Request {
    Request {
        principal: caller,
        action: action.into(),
        resource: resource.into(),
        resource_account: Some("111122223333".into()),
        context,
    }
}

fn seed_set() -> PolicySet {
    PolicySet {
        identity: vec![policy(
            "CourseAccessPolicy",
            PolicyKind::RoleInlinePolicy,
            COURSE_ACCESS,
        )],
        ..PolicySet::default()
    }
}

fn list(userid: &str, prefix: &str) -> Request {
    request(
        student(userid),
        "s3:ListBucket",
        "arn:aws:s3:::wisdom-learn-course-bucket",
        vec![ContextEntry::single("s3:prefix", prefix)],
    )
}

const EXPLAIN: Options = Options { explain: true };

#[test]
fn the_student_lists_their_own_folder_and_not_another() {
    let set = seed_set();
    let allowed = evaluate(&list("123456", "PREFIX/123456/"), &set, EXPLAIN);
    assert_eq!(allowed.decision, Decision::Allow);
    assert_eq!(allowed.determining.len(), 1);
    assert_eq!(
        allowed.determining[0].sid.as_deref(),
        Some("ListYourObjects")
    );

    let denied = evaluate(&list("123456", "PREFIX/234567/"), &set, EXPLAIN);
    assert_eq!(denied.decision, Decision::ImplicitDeny);
    assert_eq!(
        denied.denial.map(|d| d.layer),
        Some(Layer::IdentityBasedPolicy)
    );
    assert_eq!(
        denied.aws_error.clone().unwrap().message,
        "User: arn:aws:sts::111122223333:assumed-role/CourseAccessRole/my-session is not authorized to perform: s3:ListBucket on resource: \"arn:aws:s3:::wisdom-learn-course-bucket\" because no identity-based policy allows the s3:ListBucket action"
    );
    // The explanation says which condition failed and what the variable became.
    let layers = details(&denied, &list("123456", "PREFIX/234567/"), &set);
    let statement = &layers[0].policies[0].statements[0];
    assert!(!statement.applies && statement.action.matched);
    let condition = &statement.conditions.as_ref().unwrap()[0];
    assert_eq!(
        condition.request_values.as_deref(),
        Some(&["PREFIX/234567/".into()][..])
    );
    assert_eq!(
        condition.policy_values[0].substituted.as_deref(),
        Some("PREFIX/123456/")
    );
    assert_eq!(
        condition.policy_values[0].variables[0].variable,
        "${aws:PrincipalTag/userid}"
    );
    assert_eq!(
        condition.policy_values[0].variables[0].value.as_deref(),
        Some("123456")
    );
    assert!(!condition.result);
}

#[test]
fn objects_follow_the_tag_in_the_resource_arn() {
    let set = seed_set();
    let get = |userid: &str, key: &str| {
        let resource = alloc::format!("arn:aws:s3:::wisdom-learn-course-bucket/{key}");
        evaluate(
            &request(student(userid), "s3:GetObject", &resource, vec![]),
            &set,
            EXPLAIN,
        )
    };
    assert_eq!(
        get("123456", "PREFIX/123456/lesson-1.mp4").decision,
        Decision::Allow
    );
    assert_eq!(
        get("123456", "PREFIX/234567/lesson-1.mp4").decision,
        Decision::ImplicitDeny
    );
    assert_eq!(
        get("234567", "PREFIX/234567/lesson-1.mp4").decision,
        Decision::Allow
    );
    // Without the tag the variable has no value, so the resource matches nothing.
    let mut untagged = student("x");
    untagged.tags.clear();
    let untagged_get = request(
        untagged,
        "s3:GetObject",
        "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX//x",
        vec![],
    );
    let response = evaluate(&untagged_get, &set, EXPLAIN);
    assert_eq!(response.decision, Decision::ImplicitDeny);
    let layers = details(&response, &untagged_get, &set);
    let resource = layers[0].policies[0].statements[1]
        .resource
        .clone()
        .unwrap();
    assert!(!resource.matched);
    assert_eq!(resource.matching, None);
}

#[test]
fn without_an_explanation_the_decision_is_the_same_and_nothing_is_traced() {
    let set = seed_set();
    for (userid, prefix) in [
        ("123456", "PREFIX/123456/"),
        ("123456", "PREFIX/234567/"),
        ("1", "PREFIX/1/"),
    ] {
        let fast = evaluate(&list(userid, prefix), &set, Options::default());
        let full = evaluate(&list(userid, prefix), &set, EXPLAIN);
        assert_eq!(fast.decision, full.decision);
        assert_eq!(fast.determining, full.determining);
        assert!(fast.layers.is_empty());
    }
}

#[test]
fn an_explicit_deny_anywhere_wins_and_is_named() {
    let mut set = seed_set();
    set.boundary = Some(policy(
        "Boundary",
        PolicyKind::PermissionsBoundary,
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
            {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}"#,
    ));
    let delete = request(
        student("123456"),
        "s3:DeleteObject",
        "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/123456/x",
        vec![],
    );
    let response = evaluate(&delete, &set, EXPLAIN);
    assert_eq!(response.decision, Decision::ExplicitDeny);
    assert_eq!(
        response.denial,
        Some(Denial {
            layer: Layer::PermissionsBoundary,
            explicit: true,
            trust_policy: false
        })
    );
    assert_eq!(
        response
            .determining
            .iter()
            .map(|s| s.sid.clone())
            .collect::<Vec<Option<String>>>(),
        [Some("NoDeletes".into())]
    );
    assert!(
        response
            .aws_error
            .unwrap()
            .message
            .ends_with("with an explicit deny in a permissions boundary")
    );
}
