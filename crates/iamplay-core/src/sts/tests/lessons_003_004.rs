//! Seed 003 (a Development account reads a Production bucket through `delegate_read_my_bucket`,
//! trusted by the whole Development account) and seed 004 (a CLI profile with `role_arn` and
//! `source_profile`: every command assumes the role with the source profile's keys), with role
//! chaining and a web identity on top.

use alloc::string::String;
use alloc::vec;

use serde_json::json;

use super::{request, simulator, text};
use crate::sts::{
    AssumeRole, AssumeRoleWithWebIdentity, Credentials, Note, SessionTag, unsigned_jwt,
};

const PRODUCTION: &str = "111111111111";
const DEVELOPMENT: &str = "222222222222";

fn world() -> serde_json::Value {
    json!({
        "time": "2026-06-01T12:00:00Z",
        "accounts": [
            {"id": PRODUCTION, "name": "Production",
             "policies": [{"name": "read_my_bucket", "document": text(&json!({
                 "Version": "2012-10-17",
                 "Statement": [
                     {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"},
                     {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
                 ]
             }))}],
             "roles": [
                 {"name": "delegate_read_my_bucket",
                  "trustPolicy": text(&json!({
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow",
                                     "Principal": {"AWS": "arn:aws:iam::222222222222:root"},
                                     "Action": "sts:AssumeRole"}]
                  })),
                  "managedPolicies": ["arn:aws:iam::111111111111:policy/read_my_bucket"]},
                 {"name": "auditor",
                  "maxSessionDuration": 43200,
                  "trustPolicy": text(&json!({
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow",
                                     "Principal": {"AWS": ["arn:aws:iam::111111111111:role/delegate_read_my_bucket",
                                                           "arn:aws:iam::111111111111:role/auditor"]},
                                     "Action": ["sts:AssumeRole", "sts:TagSession"]}]
                  })),
                  "inlinePolicies": [{"name": "ListOnly", "document": text(&json!({
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]
                  }))}]},
                 {"name": "github-deploy",
                  "trustPolicy": text(&json!({
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow",
                                     "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
                                     "Action": "sts:AssumeRoleWithWebIdentity",
                                     "Condition": {
                                         "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                         "StringLike": {"token.actions.githubusercontent.com:sub": "repo:wisdom-learn/courses:*"}
                                     }}]
                  })),
                  "managedPolicies": ["arn:aws:iam::111111111111:policy/read_my_bucket"]}
             ],
             "identityProviders": [{"type": "OIDC", "url": "https://token.actions.githubusercontent.com",
                                    "clientIds": ["sts.amazonaws.com"]}],
             "resources": [{"arn": "arn:aws:s3:::my-bucket"}]},
            {"id": DEVELOPMENT, "name": "Development",
             "users": [
                 {"name": "default-profile-user",
                  "accessKeys": [{"accessKeyId": "AKIADEVELOPMENT00001"}],
                  "inlinePolicies": [{"name": "AssumeDelegate", "document": text(&json!({
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                     "Resource": "arn:aws:iam::111111111111:role/delegate_read_my_bucket"}]
                  }))}]},
                 {"name": "intern", "accessKeys": [{"accessKeyId": "AKIADEVELOPMENT00002"}]}
             ]}
        ]
    })
}

fn delegate(name: &str) -> AssumeRole {
    AssumeRole {
        role_arn: Some("arn:aws:iam::111111111111:role/delegate_read_my_bucket".into()),
        role_session_name: Some(name.into()),
        ..AssumeRole::default()
    }
}

#[test]
fn seed_003_development_reads_production_through_a_delegated_role() {
    let mut sim = simulator(&world());
    let keys = Credentials::AccessKeyId("AKIADEVELOPMENT00001".into());
    let outcome = sim.assume_role(&keys, &delegate("my-s3-session"), &[]);
    let credentials = outcome.response.unwrap().credentials;
    let session = Credentials::AccessKeyId(credentials.access_key_id);
    assert!(
        sim.request(
            &session,
            &request("s3:ListBucket", "arn:aws:s3:::my-bucket", &[])
        )
        .is_allowed()
    );
    assert!(
        sim.request(
            &session,
            &request("s3:GetObject", "arn:aws:s3:::my-bucket/report.csv", &[])
        )
        .is_allowed()
    );
    assert!(
        !sim.request(
            &session,
            &request("s3:PutObject", "arn:aws:s3:::my-bucket/report.csv", &[])
        )
        .is_allowed(),
        "the delegated role only reads"
    );
    // `:root` trusts the account, yet its users still need their own permission.
    let intern = sim.assume_role(
        &Credentials::AccessKeyId("AKIADEVELOPMENT00002".into()),
        &delegate("intern-session"),
        &[],
    );
    assert_eq!(
        intern.error.map(|e| e.message),
        Some("User: arn:aws:iam::222222222222:user/intern is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/delegate_read_my_bucket".into())
    );
}

#[test]
fn seed_004_a_profile_with_role_arn_and_source_profile_acts_as_the_role() {
    let mut sim = simulator(&world());
    // `aws s3 ls --profile myroleprofile`: the CLI assumes the role with the source profile's
    // keys, then lists with the session.
    let source_profile = Credentials::AccessKeyId("AKIADEVELOPMENT00001".into());
    let assumed = sim.assume_role(
        &source_profile,
        &delegate("botocore-session-1780315200"),
        &[],
    );
    let credentials = assumed.response.unwrap().credentials;
    let profile = Credentials::AccessKeyId(credentials.access_key_id);
    let identity = sim.get_caller_identity(&profile).response.unwrap();
    assert_eq!(
        identity.arn,
        "arn:aws:sts::111111111111:assumed-role/delegate_read_my_bucket/botocore-session-1780315200"
    );
    assert!(identity.user_id.starts_with("AROA"));
    assert_eq!(
        sim.get_caller_identity(&source_profile)
            .response
            .unwrap()
            .arn,
        "arn:aws:iam::222222222222:user/default-profile-user"
    );
}

#[test]
fn role_chaining_is_capped_at_an_hour_and_carries_transitive_tags() {
    let mut sim = simulator(&world());
    let keys = Credentials::AccessKeyId("AKIADEVELOPMENT00001".into());
    let first = sim.assume_role(&keys, &delegate("first"), &[]);
    let session = Credentials::AccessKeyId(first.response.unwrap().credentials.access_key_id);
    let auditor = |duration: Option<i64>, tags: &[(&str, &str)], transitive: &[&str]| AssumeRole {
        role_arn: Some("arn:aws:iam::111111111111:role/auditor".into()),
        role_session_name: Some("chained".into()),
        duration_seconds: duration,
        tags: tags
            .iter()
            .map(|(k, v)| SessionTag {
                key: (*k).into(),
                value: (*v).into(),
            })
            .collect(),
        transitive_tag_keys: transitive.iter().map(|k| (*k).into()).collect(),
        ..AssumeRole::default()
    };
    let long = sim.assume_role(&session, &auditor(Some(7200), &[], &[]), &[]);
    assert_eq!(
        long.error.map(|e| e.message),
        Some("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.".into())
    );
    let tagged = sim.assume_role(
        &session,
        &auditor(
            None,
            &[("project", "courses"), ("team", "video")],
            &["project"],
        ),
        &[],
    );
    assert_eq!(tagged.error, None);
    let chained = sim.sessions().last().unwrap();
    assert!(chained.chained);
    assert_eq!(chained.transitive_tag_keys, ["project"]);
    // The chained session's own credentials pass the transitive tag on again.
    let second = Credentials::AccessKeyId(chained.credentials.access_key_id.clone());
    let third = sim.assume_role(&second, &auditor(None, &[("project", "other")], &[]), &[]);
    assert_eq!(
        third.error.map(|e| e.code),
        Some("InvalidParameterValue"),
        "a tag may not override an inherited transitive tag"
    );
    let fourth = sim.assume_role(&second, &auditor(None, &[], &[]), &[]);
    assert_eq!(fourth.error, None);
    assert!(fourth.notes.contains(&Note::TransitiveTagsInherited {
        keys: vec!["project".into()]
    }));
    let last = sim.sessions().last().unwrap();
    assert!(
        last.principal_tags
            .iter()
            .any(|t| t.key == "project" && t.value == "courses")
    );
    assert!(
        !last.principal_tags.iter().any(|t| t.key == "team"),
        "tags that were not transitive stay behind"
    );
}

fn github_token(subject: &str, audience: &str, expires: i64) -> String {
    unsigned_jwt(&alloc::format!(
        r#"{{"iss": "https://token.actions.githubusercontent.com", "aud": "{audience}", "sub": "{subject}", "exp": {expires}}}"#
    ))
}

fn web_identity(token: String) -> AssumeRoleWithWebIdentity {
    AssumeRoleWithWebIdentity {
        role_arn: Some("arn:aws:iam::111111111111:role/github-deploy".into()),
        role_session_name: Some("GitHubActions".into()),
        web_identity_token: Some(token),
        ..AssumeRoleWithWebIdentity::default()
    }
}

#[test]
fn a_web_identity_from_the_trusted_repository_gets_a_session() {
    let mut sim = simulator(&world());
    let noon = 1_780_315_200; // 2026-06-01T12:00:00Z
    let outcome = sim.assume_role_with_web_identity(
        &web_identity(github_token(
            "repo:wisdom-learn/courses:ref:refs/heads/main",
            "sts.amazonaws.com",
            noon + 600,
        )),
        &[],
    );
    assert_eq!(outcome.error, None);
    let response = outcome.response.unwrap();
    assert_eq!(
        response.provider,
        "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    );
    assert_eq!(response.audience, "sts.amazonaws.com");
    assert_eq!(
        response.assumed_role_user.arn,
        "arn:aws:sts::111111111111:assumed-role/github-deploy/GitHubActions"
    );
    let session = Credentials::AccessKeyId(response.credentials.access_key_id);
    assert!(
        sim.request(
            &session,
            &request("s3:ListBucket", "arn:aws:s3:::my-bucket", &[])
        )
        .is_allowed()
    );

    let other_repo = sim.assume_role_with_web_identity(
        &web_identity(github_token(
            "repo:someone/else:ref:refs/heads/main",
            "sts.amazonaws.com",
            noon + 600,
        )),
        &[],
    );
    assert_eq!(
        other_repo.error.map(|e| (e.code, e.message)),
        Some((
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithWebIdentity".into()
        ))
    );
    let wrong_audience = sim.assume_role_with_web_identity(
        &web_identity(github_token(
            "repo:wisdom-learn/courses:ref:refs/heads/main",
            "my-app",
            noon + 600,
        )),
        &[],
    );
    assert_eq!(
        wrong_audience.error.map(|e| (e.code, e.message)),
        Some(("InvalidIdentityToken", "Incorrect token audience".into()))
    );
    let expired = sim.assume_role_with_web_identity(
        &web_identity(github_token(
            "repo:wisdom-learn/courses:ref:refs/heads/main",
            "sts.amazonaws.com",
            noon - 600,
        )),
        &[],
    );
    assert_eq!(
        expired.error.map(|e| (e.code, e.message)),
        Some((
            "ExpiredTokenException",
            alloc::format!(
                "Token expired: current date/time {noon} must be before the expiration date/time {}",
                noon - 600
            )
        ))
    );
}
