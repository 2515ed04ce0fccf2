use alloc::vec::Vec;

use crate::policy::check::{Context, check};
use crate::policy::finding::Severity;
use crate::policy::kind::PolicyKind;

/// `(code, severity, pointer)` of every finding, and the AWS error.
fn run(
    text: &str,
    kind: PolicyKind,
) -> (
    Vec<(&'static str, Severity, alloc::string::String)>,
    Option<alloc::string::String>,
) {
    let checked = check(text, &Context::new(kind));
    let findings = checked
        .findings
        .iter()
        .map(|f| (f.kind.code(), f.severity, f.location.pointer.clone()))
        .collect();
    (
        findings,
        checked
            .aws_error
            .map(|e| alloc::format!("{}: {}", e.code, e.message)),
    )
}

const SEED_TRUST: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::222233334444:user/app-server"},
        "Action": ["sts:AssumeRole", "sts:TagSession"]
    }]
}"#;

#[test]
fn the_seed_trust_policy_is_valid_as_a_trust_policy_only() {
    assert_eq!(
        run(SEED_TRUST, PolicyKind::RoleTrustPolicy),
        (Vec::new(), None)
    );
    let (findings, aws) = run(SEED_TRUST, PolicyKind::RoleInlinePolicy);
    let codes: Vec<&str> = findings.iter().map(|f| f.0).collect();
    // In text order: the statement (missing Resource) starts before its Principal.
    assert_eq!(codes, ["MissingResource", "ElementNotAllowed"]);
    assert_eq!(
        aws.as_deref(),
        Some("MalformedPolicyDocument: Policy document should not specify a principal.")
    );
}

#[test]
fn aws_returns_the_error_it_checks_first() {
    // Unprefixed action (checked last), a missing resource (earlier) and a duplicate Sid
    // (earlier still): AWS names the Sid.
    let text = r#"{"Version": "2012-10-17", "Statement": [
        {"Sid": "A", "Effect": "Allow", "Action": "GetObject"},
        {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#;
    let (findings, aws) = run(text, PolicyKind::ManagedPolicy);
    let codes: Vec<&str> = findings.iter().map(|f| f.0).collect();
    assert_eq!(
        codes,
        ["MissingResource", "ActionWithoutPrefix", "DuplicateSid"]
    );
    assert_eq!(
        aws.as_deref(),
        Some("MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique.")
    );
}

#[test]
fn a_trust_policy_that_trusts_a_whole_account_is_valid_but_warned_about() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::222233334444:root"}, "Action": "sts:AssumeRole"}}"#;
    let (findings, aws) = run(text, PolicyKind::RoleTrustPolicy);
    assert_eq!(
        findings,
        [(
            "WholeAccountTrust",
            Severity::Warning,
            "/Statement/Principal/AWS".into()
        )]
    );
    assert_eq!(aws, None);
    let with_condition = text.replace(
        "\"Action\": \"sts:AssumeRole\"",
        "\"Action\": \"sts:AssumeRole\", \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"course-42\"}}",
    );
    assert_eq!(
        run(&with_condition, PolicyKind::RoleTrustPolicy),
        (Vec::new(), None)
    );
}

#[test]
fn sizes_are_counted_per_kind() {
    let statement =
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}"#;
    let many = alloc::vec![statement; 40].join(",\n        ");
    let text =
        alloc::format!("{{\"Version\": \"2012-10-17\", \"Statement\": [\n        {many}\n]}}");
    let checked = check(
        &text,
        &Context::new(PolicyKind::UserInlinePolicy).for_entity("app-server"),
    );
    assert!(checked.size.unwrap().size > 2048);
    assert_eq!(
        checked.aws_error.map(|e| e.message),
        Some("Maximum policy size of 2048 bytes exceeded for user app-server".into())
    );
    assert!(check(&text, &Context::new(PolicyKind::RoleInlinePolicy)).is_valid());
}

#[test]
fn characters_outside_latin_1_are_rejected_by_iam_only() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Sid": "课程", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}"#;
    let (findings, aws) = run(text, PolicyKind::RoleInlinePolicy);
    let codes: Vec<&str> = findings.iter().map(|f| f.0).collect();
    assert_eq!(
        codes,
        ["InvalidSid", "InvalidCharacter", "InvalidCharacter"]
    );
    assert!(
        aws.unwrap()
            .starts_with("ValidationError: 1 validation error detected: Value at 'policyDocument'")
    );
    let bucket = text
        .replace("\"Effect\"", "\"Principal\": \"*\", \"Effect\"")
        .replace("\"*\"}}", "\"arn:aws:s3:::b/*\"}}");
    assert_eq!(run(&bucket, PolicyKind::BucketPolicy), (Vec::new(), None));
}

#[test]
fn the_key_catalog_catches_operators_that_do_not_fit_their_key() {
    let policy = |condition: &str| {
        alloc::format!(
            r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {condition}}}}}"#
        )
    };
    let codes = |condition: &str| -> Vec<&'static str> {
        run(&policy(condition), PolicyKind::RoleInlinePolicy)
            .0
            .into_iter()
            .map(|f| f.0)
            .collect()
    };
    assert_eq!(
        codes(r#"{"StringEquals": {"aws:CurrentTime": "2026-01-01"}}"#),
        ["OperatorKeyMismatch"]
    );
    assert_eq!(
        codes(r#"{"ForAllValues:StringEquals": {"aws:username": "app-server"}}"#),
        ["SetOperatorOnSingleValuedKey"]
    );
    assert_eq!(
        codes(r#"{"StringEquals": {"aws:TagKeys": "userid"}}"#),
        ["MultivaluedKeyWithoutSetOperator"]
    );
    for fine in [
        r#"{"DateGreaterThan": {"aws:CurrentTime": "2026-01-01"}}"#,
        r#"{"NumericLessThan": {"aws:EpochTime": "1800000000"}}"#,
        r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}"#,
        r#"{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}"#,
        r#"{"ForAnyValue:StringEquals": {"aws:TagKeys": "userid"}}"#,
        r#"{"Null": {"aws:TokenIssueTime": "true"}}"#,
        r#"{"StringEquals": {"aws:PrincipalTag/userid": "123456"}}"#,
        r#"{"StringEquals": {"ec2:InstanceType": "t3.micro"}}"#,
    ] {
        assert_eq!(codes(fine), Vec::<&str>::new(), "{fine}");
    }
}

#[test]
fn hostile_policies_get_bounded_reports() {
    // 5,000 unprefixed actions on one 60 KB line (near iamplay's limit): every one is a finding,
    // but only the first MAX_FINDINGS are located and reported, and the rest are counted.
    let actions = alloc::vec!["\"GetObject\""; 5_000].join(",");
    let text = alloc::format!(
        r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": [{actions}], "Resource": "*"}}}}"#
    );
    let checked = check(&text, &Context::new(PolicyKind::RoleInlinePolicy));
    assert_eq!(checked.findings.len(), crate::policy::finding::MAX_FINDINGS);
    assert_eq!(
        checked.omitted,
        5_000 - crate::policy::finding::MAX_FINDINGS + 1,
        "plus the size error"
    );
    assert!(!checked.is_valid());
    let last = checked.findings.last().unwrap();
    assert_eq!(last.location.start.line, 1);
    assert!(last.location.start.column > 1000);

    // Ten thousand statements nested in a Condition 10,000 deep are a syntax error, not a crash.
    let deep = alloc::format!(r#"{{"Statement": {}}}"#, "[".repeat(10_000));
    let checked = check(&deep, &Context::new(PolicyKind::ManagedPolicy));
    assert_eq!(checked.findings[0].kind.code(), "Syntax");
}
