//! Seed 002, the STS techniques: a session policy narrowing a powerful role, MFA through
//! `GetSessionToken`, `GetFederationToken` for a third party, and a trust policy naming the
//! account (`:root`) against one naming a user.

use alloc::vec;

use serde_json::json;

use super::{long_term, request, simulator, text};
use crate::sts::{AssumeRole, Credentials, Failure, GetFederationToken, GetSessionToken, Note};

const ACCOUNT: &str = "123456789012";
const ADMIN: &str = "arn:aws:iam::123456789012:user/admin";
const PARTNER_APP: &str = "arn:aws:iam::123456789012:user/token-app";
const DEVELOPER: &str = "arn:aws:iam::123456789012:user/developer";
const OTHER: &str = "arn:aws:iam::123456789012:user/other";

fn allow(actions: &serde_json::Value, resources: &serde_json::Value) -> serde_json::Value {
    json!({"name": "Allow", "document": text(&json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}]
    }))})
}

fn world() -> serde_json::Value {
    json!({
        "time": "2026-05-01T08:00:00Z",
        "accounts": [{
            "id": ACCOUNT,
            "root": {"mfaDevices": [{"serialNumber": "arn:aws:iam::123456789012:mfa/root-account-mfa-device", "code": "654321"}]},
            "users": [
                {"name": "admin",
                 "mfaDevices": [{"serialNumber": "arn:aws:iam::123456789012:mfa/admin", "code": "123456"}],
                 "inlinePolicies": [{"name": "AdminWithMfaForDeletes", "document": text(&json!({
                     "Version": "2012-10-17",
                     "Statement": [
                         {"Effect": "Allow", "Action": "*", "Resource": "*"},
                         {"Sid": "NoDeleteWithoutMfa", "Effect": "Deny", "Action": "s3:DeleteBucket",
                          "Resource": "*",
                          "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}
                     ]
                 }))}]},
                {"name": "token-app",
                 "inlinePolicies": [allow(
                     &json!(["sts:GetFederationToken", "s3:ListBucket", "s3:GetObject"]),
                     &json!("*"))]},
                {"name": "developer",
                 "inlinePolicies": [allow(&json!("sts:AssumeRole"), &json!("*"))]},
                {"name": "other"}
            ],
            "roles": [
                {"name": "S3ReadOnlyForLogs",
                 "trustPolicy": text(&json!({
                     "Version": "2012-10-17",
                     "Statement": [{"Effect": "Allow",
                                    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                                    "Action": "sts:AssumeRole"}]
                 })),
                 "inlinePolicies": [allow(&json!("s3:*"), &json!("*"))]},
                {"name": "DeveloperOnly",
                 "trustPolicy": text(&json!({
                     "Version": "2012-10-17",
                     "Statement": [{"Effect": "Allow",
                                    "Principal": {"AWS": "arn:aws:iam::123456789012:user/other"},
                                    "Action": "sts:AssumeRole"}]
                 })),
                 "inlinePolicies": [allow(&json!("s3:ListBucket"), &json!("*"))]}
            ],
            "resources": [{"arn": "arn:aws:s3:::prod-bucket"}]
        }]
    })
}

#[test]
fn a_session_policy_narrows_a_powerful_role() {
    let mut sim = simulator(&world());
    let outcome = sim.assume_role(
        &long_term(DEVELOPER),
        &AssumeRole {
            role_arn: Some("arn:aws:iam::123456789012:role/S3ReadOnlyForLogs".into()),
            role_session_name: Some("Dev-Debug-Session".into()),
            policy: Some(text(&json!({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                               "Resource": "arn:aws:s3:::prod-bucket/logs/*"}]
            }))),
            ..AssumeRole::default()
        },
        &[],
    );
    assert_eq!(outcome.error, None);
    assert!(
        outcome
            .notes
            .iter()
            .any(|n| matches!(n, Note::PackedPolicySizeEstimated { .. }))
    );
    let response = outcome.response.unwrap();
    assert!(
        response
            .packed_policy_size
            .is_some_and(|p| p > 0 && p < 100)
    );
    let session = Credentials::AccessKeyId(response.credentials.access_key_id);
    let logs = sim.request(
        &session,
        &request("s3:GetObject", "arn:aws:s3:::prod-bucket/logs/app.log", &[]),
    );
    assert!(logs.is_allowed());
    let data = sim.request(
        &session,
        &request(
            "s3:GetObject",
            "arn:aws:s3:::prod-bucket/data/users.csv",
            &[],
        ),
    );
    assert_eq!(
        data.error.unwrap().message,
        "User: arn:aws:sts::123456789012:assumed-role/S3ReadOnlyForLogs/Dev-Debug-Session is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::prod-bucket/data/users.csv\" because no session policy allows the s3:GetObject action"
    );
    let write = sim.request(
        &session,
        &request("s3:PutObject", "arn:aws:s3:::prod-bucket/logs/app.log", &[]),
    );
    assert!(
        !write.is_allowed(),
        "the role may write; the session may not"
    );
}

#[test]
fn mfa_through_get_session_token_unlocks_what_requires_it() {
    let mut sim = simulator(&world());
    let delete = request("s3:DeleteBucket", "arn:aws:s3:::prod-bucket", &[]);
    let with_keys = sim.request(&long_term(ADMIN), &delete).error.unwrap();
    assert!(
        with_keys
            .message
            .ends_with("with an explicit deny in an identity-based policy"),
        "long-term keys carry no aws:MultiFactorAuthPresent, so BoolIfExists denies"
    );
    let wrong = sim.get_session_token(
        &long_term(ADMIN),
        &GetSessionToken {
            serial_number: Some("arn:aws:iam::123456789012:mfa/admin".into()),
            token_code: Some("000000".into()),
            ..GetSessionToken::default()
        },
    );
    assert_eq!(
        wrong.error.map(|e| (e.code, e.message)),
        Some((
            "AccessDenied",
            "MultiFactorAuthentication failed with invalid MFA one time pass code.".into()
        ))
    );
    let outcome = sim.get_session_token(
        &long_term(ADMIN),
        &GetSessionToken {
            serial_number: Some("arn:aws:iam::123456789012:mfa/admin".into()),
            token_code: Some("123456".into()),
            duration_seconds: Some(3600),
        },
    );
    let response = outcome.response.unwrap();
    assert_eq!(response.credentials.expiration, "2026-05-01T09:00:00Z");
    let session = Credentials::AccessKeyId(response.credentials.access_key_id);
    sim.advance(600);
    let allowed = sim.request(&session, &delete);
    assert!(allowed.is_allowed(), "{:?}", allowed.error);
    let context = &allowed.authorization.unwrap().request.context;
    let value = |key: &str| {
        context
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.values.clone())
    };
    assert_eq!(
        value("aws:MultiFactorAuthPresent"),
        Some(vec!["true".into()])
    );
    assert_eq!(value("aws:MultiFactorAuthAge"), Some(vec!["600".into()]));
    let again = sim.get_session_token(&session, &GetSessionToken::default());
    assert_eq!(
        again.error.map(|e| e.message),
        Some("Cannot call GetSessionToken with session credentials".into())
    );
}

#[test]
fn a_root_session_token_lasts_an_hour_at_most() {
    let mut sim = simulator(&world());
    let outcome = sim.get_session_token(
        &long_term("arn:aws:iam::123456789012:root"),
        &GetSessionToken {
            duration_seconds: Some(7200),
            ..GetSessionToken::default()
        },
    );
    assert_eq!(
        outcome.response.unwrap().credentials.expiration,
        "2026-05-01T09:00:00Z"
    );
    assert_eq!(
        outcome.notes,
        [Note::RootSessionCappedToOneHour { requested: 7200 }]
    );
    let root_assume = sim.assume_role(
        &long_term("arn:aws:iam::123456789012:root"),
        &AssumeRole {
            role_arn: Some("arn:aws:iam::123456789012:role/S3ReadOnlyForLogs".into()),
            role_session_name: Some("root-session".into()),
            ..AssumeRole::default()
        },
        &[],
    );
    assert_eq!(
        root_assume.error.map(|e| e.message),
        Some("Roles may not be assumed by root accounts.".into())
    );
}

#[test]
fn a_federation_token_gives_a_third_party_only_what_its_session_policy_allows() {
    let mut sim = simulator(&world());
    let outcome = sim.get_federation_token(
        &long_term(PARTNER_APP),
        &GetFederationToken {
            name: Some("partner-dev".into()),
            policy: Some(text(&json!({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                               "Resource": "arn:aws:s3:::prod-bucket/shared/*"}]
            }))),
            duration_seconds: Some(3600),
            ..GetFederationToken::default()
        },
        &[],
    );
    assert_eq!(outcome.error, None);
    let response = outcome.response.unwrap();
    assert_eq!(
        response.federated_user.arn,
        "arn:aws:sts::123456789012:federated-user/partner-dev"
    );
    assert_eq!(
        response.federated_user.federated_user_id,
        "123456789012:partner-dev"
    );
    let session = Credentials::AccessKeyId(response.credentials.access_key_id);
    let shared = sim.request(
        &session,
        &request(
            "s3:GetObject",
            "arn:aws:s3:::prod-bucket/shared/report.pdf",
            &[],
        ),
    );
    assert!(shared.is_allowed());
    let private = sim.request(
        &session,
        &request(
            "s3:GetObject",
            "arn:aws:s3:::prod-bucket/private/salaries.csv",
            &[],
        ),
    );
    assert!(!private.is_allowed());
    let list = sim.request(
        &session,
        &request("s3:ListBucket", "arn:aws:s3:::prod-bucket", &[]),
    );
    assert!(
        !list.is_allowed(),
        "the user may list, but the session policy does not say so"
    );
    // Without a session policy the federated user may do nothing.
    let bare = sim.get_federation_token(
        &long_term(PARTNER_APP),
        &GetFederationToken {
            name: Some("partner-ops".into()),
            ..GetFederationToken::default()
        },
        &[],
    );
    assert!(
        bare.notes
            .contains(&Note::FederatedUserWithoutSessionPolicy)
    );
    let bare_response = bare.response.unwrap();
    assert_eq!(bare_response.packed_policy_size, 0);
    let bare_session = Credentials::AccessKeyId(bare_response.credentials.access_key_id);
    assert!(
        !sim.request(
            &bare_session,
            &request(
                "s3:GetObject",
                "arn:aws:s3:::prod-bucket/shared/report.pdf",
                &[]
            )
        )
        .is_allowed()
    );
    // A federated user cannot call STS again.
    let nested = sim.get_federation_token(
        &session,
        &GetFederationToken {
            name: Some("nested".into()),
            ..GetFederationToken::default()
        },
        &[],
    );
    assert!(nested.error.is_some());
}

#[test]
fn a_user_without_the_permission_cannot_get_a_federation_token() {
    let mut sim = simulator(&world());
    let outcome = sim.get_federation_token(
        &long_term(DEVELOPER),
        &GetFederationToken {
            name: Some("someone".into()),
            ..GetFederationToken::default()
        },
        &[],
    );
    assert_eq!(
        outcome.error.map(|e| e.message),
        Some("User: arn:aws:iam::123456789012:user/developer is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::123456789012:federated-user/someone".into())
    );
}

#[test]
fn trusting_the_account_needs_the_callers_own_permission_trusting_the_user_does_not() {
    let mut sim = simulator(&world());
    let assume = |role: &str| AssumeRole {
        role_arn: Some(alloc::format!("arn:aws:iam::123456789012:role/{role}")),
        role_session_name: Some("s".repeat(2)),
        ..AssumeRole::default()
    };
    // `:root`: anyone in the account whose own policy allows sts:AssumeRole.
    assert!(
        sim.assume_role(&long_term(DEVELOPER), &assume("S3ReadOnlyForLogs"), &[])
            .is_ok()
    );
    let other = sim.assume_role(&long_term(OTHER), &assume("S3ReadOnlyForLogs"), &[]);
    let error = other.error.unwrap();
    assert_eq!(
        error.reason,
        Failure::NotAuthorized {
            action: "sts:AssumeRole".into(),
            resource: "arn:aws:iam::123456789012:role/S3ReadOnlyForLogs".into(),
            layer: Some(crate::eval::Layer::IdentityBasedPolicy),
            explicit: false,
        }
    );
    // Named in the trust policy: no permission of its own needed in the same account.
    assert!(
        sim.assume_role(&long_term(OTHER), &assume("DeveloperOnly"), &[])
            .is_ok()
    );
    let not_named = sim.assume_role(&long_term(DEVELOPER), &assume("DeveloperOnly"), &[]);
    assert_eq!(
        not_named.error.map(|e| e.reason),
        Some(Failure::NotAuthorized {
            action: "sts:AssumeRole".into(),
            resource: "arn:aws:iam::123456789012:role/DeveloperOnly".into(),
            layer: Some(crate::eval::Layer::ResourceBasedPolicy),
            explicit: false,
        })
    );
}
