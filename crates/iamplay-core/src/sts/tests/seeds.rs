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

/// Seed 000: the application server in account B (222233334444) holds a user's long-term keys
/// and assumes `CourseAccessRole` in account A (111122223333), whose bucket holds the videos.
fn seed_000() -> serde_json::Value {
    json!({
        "time": "2026-03-01T09:00:00Z",
        "accounts": [
            {
                "id": "111122223333",
                "name": "A (production)",
                "roles": [{
                    "name": "CourseAccessRole",
                    "maxSessionDuration": 43200,
                    "trustPolicy": text(&json!({
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow",
                                       "Principal": {"AWS": "arn:aws:iam::222233334444:user/AppServerUser"},
                                       "Action": "sts:AssumeRole"}]
                    })),
                    "inlinePolicies": [{"name": "ReadCourseVideos", "document": text(&json!({
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                       "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/*"}]
                    }))}]
                }],
                "resources": [{"arn": BUCKET}]
            },
            {
                "id": "222233334444",
                "name": "B (distribution)",
                "users": [{
                    "name": "AppServerUser",
                    "accessKeys": [{"accessKeyId": "AKIAIOSFODNN7EXAMPLE"}],
                    "inlinePolicies": [{"name": "AssumeCourseAccessRole", "document": text(&json!({
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                       "Resource": "arn:aws:iam::111122223333:role/CourseAccessRole"}]
                    }))}]
                }]
            }
        ]
    })
}

fn assume_course_role(duration: Option<i64>) -> AssumeRole {
    AssumeRole {
        role_arn: Some("arn:aws:iam::111122223333:role/CourseAccessRole".into()),
        role_session_name: Some("video-42".into()),
        duration_seconds: duration,
        ..AssumeRole::default()
    }
}

#[test]
fn seed_000_the_relay_from_long_term_keys_to_a_video_in_another_account() {
    let mut sim = simulator(&seed_000());
    let keys = Credentials::AccessKeyId("AKIAIOSFODNN7EXAMPLE".into());
    let video = request(
        "s3:GetObject",
        &alloc::format!("{BUCKET}/courses/rust/lesson-1.mp4"),
        &[],
    );
    // Step 2 without the relay: the user's own keys do not reach account A's bucket.
    let direct = sim.request(&keys, &video).error.unwrap();
    assert_eq!(
        (direct.code, direct.message.as_str()),
        ("AccessDenied", "Access Denied"),
        "S3 gives no details across accounts outside an organization"
    );
    assert_eq!(
        direct.reason,
        crate::sts::Failure::NotAuthorized {
            action: "s3:GetObject".into(),
            resource: alloc::format!("{BUCKET}/courses/rust/lesson-1.mp4"),
            layer: Some(crate::eval::Layer::ResourceBasedPolicy),
            explicit: false,
        }
    );
    // Steps 3–4: AssumeRole; both the user's policy and the trust policy are checked.
    let outcome = sim.assume_role(&keys, &assume_course_role(None), &[]);
    assert_eq!(outcome.error, None);
    let response = outcome.response.unwrap();
    assert_eq!(response.credentials.expiration, "2026-03-01T10:00:00Z");
    assert_eq!(response.packed_policy_size, None);
    let temporary = Credentials::AccessKeyId(response.credentials.access_key_id.clone());
    // Steps 5–6: the video, with the temporary credentials.
    assert!(sim.request(&temporary, &video).is_allowed());
    let caller = sim.get_caller_identity(&temporary).response.unwrap();
    assert_eq!(
        caller.arn,
        "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/video-42"
    );
    assert_eq!(caller.account, "111122223333");
    // The ticket expires: an hour later the same credentials are refused.
    sim.advance(3600);
    let expired = sim.request(&temporary, &video).error.unwrap();
    assert_eq!(
        (expired.code, expired.status, expired.message.as_str()),
        (
            "ExpiredToken",
            403,
            "The security token included in the request is expired"
        )
    );
}

#[test]
fn seed_000_twelve_hours_at_most_and_never_more_than_the_role_allows() {
    let mut sim = simulator(&seed_000());
    let keys = Credentials::AccessKeyId("AKIAIOSFODNN7EXAMPLE".into());
    let twelve = sim.assume_role(&keys, &assume_course_role(Some(43_200)), &[]);
    assert_eq!(twelve.error, None);
    let over = sim
        .assume_role(&keys, &assume_course_role(Some(43_201)), &[])
        .error
        .unwrap();
    assert_eq!(
        over.message,
        "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"
    );
    let mut world = seed_000();
    world["accounts"][0]["roles"][0]
        .as_object_mut()
        .unwrap()
        .remove("maxSessionDuration");
    let mut sim = simulator(&world);
    let over_role = sim
        .assume_role(&keys, &assume_course_role(Some(7200)), &[])
        .error
        .unwrap();
    assert_eq!(
        (over_role.code, over_role.message.as_str()),
        (
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
        )
    );
}

#[test]
fn seed_000_a_user_without_permission_to_assume_is_refused() {
    let mut world = seed_000();
    world["accounts"][1]["users"][0]["inlinePolicies"] = json!([]);
    let mut sim = simulator(&world);
    let outcome = sim.assume_role(
        &Credentials::AccessKeyId("AKIAIOSFODNN7EXAMPLE".into()),
        &assume_course_role(None),
        &[],
    );
    let error = outcome.error.unwrap();
    assert_eq!(
        error.message,
        "User: arn:aws:iam::222233334444:user/AppServerUser is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/CourseAccessRole"
    );
    let decision = &outcome.authorizations[0].response;
    assert_eq!(
        decision.denial.map(|d| d.layer),
        Some(crate::eval::Layer::IdentityBasedPolicy),
        "cross-account: the trust policy allows, the user's own policy does not"
    );
}
