use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Value, json};

use crate::policy::Severity;
use crate::sts::tests::{text, world};
use crate::sts::{Simulator, WorldProblemKind, WorldWarning};

const GITHUB: &str = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

/// A world with one account holding `role` (its trust policy and inline documents given as JSON),
/// a user, and GitHub's OIDC provider.
fn simulator(role: &Value) -> Simulator {
    let mut role = role.clone();
    if let Some(trust) = role.get_mut("trustPolicy") {
        *trust = Value::String(text(trust));
    }
    for policy in role
        .get_mut("inlinePolicies")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if let Some(document) = policy.get_mut("document") {
            *document = Value::String(text(document));
        }
    }
    Simulator::new(&world(&json!({
        "accounts": [{
            "id": "111122223333",
            "users": [{"name": "dana"}],
            "roles": [role],
            "identityProviders": [{"type": "OIDC", "url": "https://token.actions.githubusercontent.com",
                                   "clientIds": ["sts.amazonaws.com"]}]
        }]
    })))
}

fn trust(principal: &Value, action: &str, condition: Option<&Value>) -> Value {
    let mut statement = json!({"Effect": "Allow", "Principal": principal, "Action": action});
    if let (Some(condition), Some(map)) = (condition, statement.as_object_mut()) {
        map.insert("Condition".into(), condition.clone());
    }
    json!({"Version": "2012-10-17", "Statement": [statement]})
}

/// `(code, pointer)` of every warning in the world.
fn warnings(simulator: &Simulator) -> Vec<(&'static str, String)> {
    simulator
        .warnings()
        .map(|w| (w.code(), String::from(w.pointer())))
        .collect()
}

#[test]
fn long_sessions_are_warned_about_for_roles_that_oidc_workloads_assume() {
    // (case, source, trusted principal, action, maxSessionDuration, warned)
    let cases = [
        (
            "a 12-hour role for GitHub Actions",
            "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (DurationSeconds up to the role's maximum); seeds/ lesson 002 (automation: 15 minutes to 1 hour)",
            json!({"Federated": GITHUB}),
            "sts:AssumeRoleWithWebIdentity",
            Some(43200),
            true,
        ),
        (
            "two hours is already more than AWS's default of one",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html (the default maximum of 1 hour)",
            json!({"Federated": GITHUB}),
            "sts:AssumeRoleWithWebIdentity",
            Some(7200),
            true,
        ),
        (
            "the default maximum of one hour",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html",
            json!({"Federated": GITHUB}),
            "sts:AssumeRoleWithWebIdentity",
            None,
            false,
        ),
        (
            "EC2 instance credentials are not limited by the setting",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html (\"This setting does not limit sessions assumed by AWS services\"); https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html (EC2 instance credentials \"are not subject to the specified maximum session duration\")",
            json!({"Service": "ec2.amazonaws.com"}),
            "sts:AssumeRole",
            Some(43200),
            false,
        ),
        (
            "a role trusted by a user (a person or a program: the world does not say)",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html",
            json!({"AWS": "arn:aws:iam::111122223333:user/dana"}),
            "sts:AssumeRole",
            Some(43200),
            false,
        ),
        (
            "a role trusted by a role: role chaining caps the session at one hour",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining",
            json!({"AWS": "arn:aws:iam::111122223333:role/Other"}),
            "sts:AssumeRole",
            Some(43200),
            false,
        ),
        (
            "a SAML provider signs in people, not workloads",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html",
            json!({"Federated": "arn:aws:iam::111122223333:saml-provider/CourseIdP"}),
            "sts:AssumeRoleWithSAML",
            Some(43200),
            false,
        ),
    ];
    for (case, source, principal, action, max, warned) in cases {
        assert!(source.contains("https://") || source.contains("seeds/"));
        let mut role = json!({"name": "Deploy", "trustPolicy": trust(&principal, action, None)});
        if let (Some(max), Some(map)) = (max, role.as_object_mut()) {
            map.insert("maxSessionDuration".into(), json!(max));
        }
        let simulator = simulator(&role);
        let found: Vec<_> = simulator
            .problems()
            .iter()
            .filter(|p| matches!(p.kind, WorldProblemKind::LongSessionForWorkload { .. }))
            .collect();
        assert_eq!(found.len(), usize::from(warned), "{case}: {found:#?}");
        let Some(problem) = found.first() else {
            continue;
        };
        assert_eq!(problem.severity, Severity::Warning, "{case}");
        assert_eq!(
            problem.pointer, "/accounts/0/roles/0/maxSessionDuration",
            "{case}"
        );
        let WorldProblemKind::LongSessionForWorkload {
            max_session_duration,
            provider,
            trust_policy,
        } = &problem.kind
        else {
            continue;
        };
        assert_eq!(Some(*max_session_duration), max, "{case}");
        assert_eq!(provider, GITHUB, "{case}");
        assert_eq!(trust_policy.pointer, "/Statement/0/Principal/Federated");
        assert!(trust_policy.start.line > 1, "{case}: {trust_policy:?}");
        assert!(
            simulator
                .problems()
                .iter()
                .all(|p| p.severity != Severity::Error),
            "{case}: a warning only"
        );
    }
}

#[test]
fn a_role_that_only_mfa_sessions_or_services_reach_needs_no_mfa_in_its_own_policies() {
    let delete_bucket = json!([{"name": "Cleanup", "document": {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "*"}]
    }}]);
    let dana = json!({"AWS": "arn:aws:iam::111122223333:user/dana"});
    let mfa = json!({"Bool": {"aws:MultiFactorAuthPresent": "true"}});
    let cases = [
        (
            "a user without MFA",
            trust(&dana, "sts:AssumeRole", None),
            true,
        ),
        (
            "a user with MFA (MFA protection for cross-account delegation, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html)",
            trust(&dana, "sts:AssumeRole", Some(&mfa)),
            false,
        ),
        (
            "EC2 (service sessions carry no MFA)",
            trust(
                &json!({"Service": "ec2.amazonaws.com"}),
                "sts:AssumeRole",
                None,
            ),
            false,
        ),
        (
            "GitHub Actions (federated sessions carry no MFA)",
            trust(
                &json!({"Federated": GITHUB}),
                "sts:AssumeRoleWithWebIdentity",
                None,
            ),
            false,
        ),
    ];
    for (case, trust_policy, warned) in cases {
        let simulator = simulator(&json!({
            "name": "Cleanup", "trustPolicy": trust_policy, "inlinePolicies": delete_bucket
        }));
        let mfa_warnings: Vec<_> = warnings(&simulator)
            .into_iter()
            .filter(|(code, _)| *code == "SensitiveActionWithoutMfa")
            .collect();
        let expected: &[(&str, &str)] = if warned {
            &[(
                "SensitiveActionWithoutMfa",
                "/accounts/0/roles/0/inlinePolicies/0/document",
            )]
        } else {
            &[]
        };
        let found: Vec<(&str, &str)> = mfa_warnings.iter().map(|(c, p)| (*c, p.as_str())).collect();
        assert_eq!(found, expected, "{case}");
    }
}

#[test]
fn trust_policy_warnings_reach_the_worlds_warnings() {
    // The seeds warn that trusting `arn:aws:iam::ACCOUNT:root` lets in anyone the account
    // allows (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts).
    let root = simulator(&json!({"name": "Partner", "trustPolicy": trust(
        &json!({"AWS": "arn:aws:iam::444455556666:root"}), "sts:AssumeRole", None)}));
    assert_eq!(
        warnings(&root),
        [(
            "WholeAccountTrust",
            String::from("/accounts/0/roles/0/trustPolicy")
        )]
    );
    let anyone = simulator(&json!({"name": "Open", "trustPolicy": trust(
        &json!({"AWS": "*"}), "sts:AssumeRole", None)}));
    assert_eq!(
        warnings(&anyone),
        [(
            "AnyoneCanAssume",
            String::from("/accounts/0/roles/0/trustPolicy")
        )]
    );
    let with_external_id = simulator(&json!({"name": "Partner", "trustPolicy": trust(
        &json!({"AWS": "arn:aws:iam::444455556666:root"}), "sts:AssumeRole",
        Some(&json!({"StringEquals": {"sts:ExternalId": "course-42"}})))}));
    assert_eq!(warnings(&with_external_id), []);
}

#[test]
fn the_warnings_list_skips_errors_and_keeps_the_warnings_of_broken_policies() {
    let mut world = world(&json!({
        "accounts": [{"id": "12345", "users": [{"name": "dana"}]}]
    }));
    if let Some(account) = world.accounts.first_mut() {
        account.roles.push(crate::sts::world::Role {
            name: "Broken".into(),
            // A warning (a whole account) and an error (a Resource in a trust policy).
            trust_policy: r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole",
                "Resource": "*"}}"#
                .into(),
            max_session_duration: Some(43200),
            ..crate::sts::world::Role::default()
        });
    }
    let simulator = Simulator::new(&world);
    assert!(
        simulator
            .problems()
            .iter()
            .any(|p| p.severity == Severity::Error)
    );
    let listed: Vec<WorldWarning<'_>> = simulator.warnings().collect();
    assert_eq!(
        listed.iter().map(WorldWarning::code).collect::<Vec<_>>(),
        ["WholeAccountTrust"],
        "{listed:#?}"
    );
    assert!(matches!(
        listed.first(),
        Some(WorldWarning::Policy { pointer: "/accounts/0/roles/0/trustPolicy", policy_kind, .. })
            if *policy_kind == crate::policy::PolicyKind::RoleTrustPolicy
    ));
}
