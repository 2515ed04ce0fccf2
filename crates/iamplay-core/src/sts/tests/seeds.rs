//! The seed lessons (`seeds/` of the course material), each flow end to end.

use alloc::vec;
use alloc::vec::Vec;

use serde_json::json;

use super::{long_term, request, simulator, text};
use crate::sts::{AssumeRole, Credentials, SessionTag};

const BUCKET: &str = "arn:aws:s3:::wisdom-learn-course-bucket";

/// Seed 001: a server user assumes a role with the session tag `userid=123456`; the role's
/// policy gives each user their own prefix through `${aws:PrincipalTag/userid}`.
fn seed_001() -> serde_json::Value {
    json!({
        "time": "2020-04-10T07:04:12Z",
        "accounts": [{
            "id": "111122223333",
            "users": [{
                "name": "ServerUser",
                "inlinePolicies": [{"name": "AssumeAnyRole", "document": text(&json!({
                    "Version": "2012-10-17",
                    "Statement": [{"Sid": "VisualEditor0", "Effect": "Allow",
                                   "Action": "sts:AssumeRole", "Resource": "*"}]
                }))}]
            }],
            "roles": [{
                "name": "AssumedRole",
                "trustPolicy": text(&json!({
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow",
                                   "Principal": {"AWS": "arn:aws:iam::111122223333:user/ServerUser"},
                                   "Action": ["sts:AssumeRole", "sts:TagSession"]}]
                })),
                "inlinePolicies": [{"name": "PerUserPrefix", "document": text(&json!({
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Sid": "ListYourObjects", "Effect": "Allow", "Action": "s3:ListBucket",
                         "Resource": ["arn:aws:s3:::wisdom-learn-course-bucket"],
                         "Condition": {"StringLike": {"s3:prefix": ["PREFIX/${aws:PrincipalTag/userid}/"]}}},
                        {"Sid": "ReadWriteDeleteYourObjects", "Effect": "Allow",
                         "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                         "Resource": [
                             "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/",
                             "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/*"
                         ]}
                    ]
                }))}]
            }],
            "resources": [{"arn": BUCKET}]
        }]
    })
}

#[test]
fn seed_001_session_tags_give_each_user_their_own_prefix() {
    let mut sim = simulator(&seed_001());
    let outcome = sim.assume_role(
        &long_term("arn:aws:iam::111122223333:user/ServerUser"),
        &AssumeRole {
            role_arn: Some("arn:aws:iam::111122223333:role/AssumedRole".into()),
            role_session_name: Some("my-session".into()),
            tags: vec![SessionTag {
                key: "userid".into(),
                value: "123456".into(),
            }],
            duration_seconds: Some(1800),
            ..AssumeRole::default()
        },
        &[],
    );
    assert_eq!(outcome.error, None);
    let actions: Vec<&str> = outcome
        .authorizations
        .iter()
        .map(|a| a.request.action.as_str())
        .collect();
    assert_eq!(actions, ["sts:AssumeRole", "sts:TagSession"]);
    let response = outcome.response.unwrap();
    assert_eq!(
        response.assumed_role_user.arn,
        "arn:aws:sts::111122223333:assumed-role/AssumedRole/my-session"
    );
    assert!(
        response
            .assumed_role_user
            .assumed_role_id
            .starts_with("AROA")
    );
    assert!(
        response
            .assumed_role_user
            .assumed_role_id
            .ends_with(":my-session")
    );
    assert_eq!(response.credentials.expiration, "2020-04-10T07:34:12Z");
    assert_eq!(
        response.packed_policy_size,
        Some(3),
        "as AWS answered in the seed"
    );
    let session = Credentials::AccessKeyId(response.credentials.access_key_id);

    let own = sim.request(
        &session,
        &request("s3:ListBucket", BUCKET, &[("s3:prefix", "PREFIX/123456/")]),
    );
    assert!(own.is_allowed(), "{:?}", own.error);
    let upload = sim.request(
        &session,
        &request(
            "s3:PutObject",
            &alloc::format!("{BUCKET}/PREFIX/123456/myfile"),
            &[],
        ),
    );
    assert!(upload.is_allowed(), "{:?}", upload.error);

    let other = sim.request(
        &session,
        &request("s3:ListBucket", BUCKET, &[("s3:prefix", "PREFIX/234567/")]),
    );
    let error = other.error.unwrap();
    assert_eq!(error.code, "AccessDenied");
    assert_eq!(
        error.message,
        "User: arn:aws:sts::111122223333:assumed-role/AssumedRole/my-session is not authorized to perform: s3:ListBucket on resource: \"arn:aws:s3:::wisdom-learn-course-bucket\" because no identity-based policy allows the s3:ListBucket action"
    );
}

#[test]
fn seed_001_tags_need_sts_tag_session_in_the_trust_policy() {
    let mut world = seed_001();
    world["accounts"][0]["roles"][0]["trustPolicy"] = json!(text(&json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow",
                       "Principal": {"AWS": "arn:aws:iam::111122223333:user/ServerUser"},
                       "Action": "sts:AssumeRole"}]
    })));
    let mut sim = simulator(&world);
    let outcome = sim.assume_role(
        &long_term("arn:aws:iam::111122223333:user/ServerUser"),
        &AssumeRole {
            role_arn: Some("arn:aws:iam::111122223333:role/AssumedRole".into()),
            role_session_name: Some("my-session".into()),
            tags: vec![SessionTag {
                key: "userid".into(),
                value: "123456".into(),
            }],
            ..AssumeRole::default()
        },
        &[],
    );
    let error = outcome.error.unwrap();
    assert_eq!(
        (error.code, error.message.as_str()),
        (
            "AccessDenied",
            "User: arn:aws:iam::111122223333:user/ServerUser is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111122223333:role/AssumedRole"
        )
    );
    assert!(sim.sessions().is_empty());
}
