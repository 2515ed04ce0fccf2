use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::json::{Expected, SyntaxErrorKind};
use crate::policy::operator::{BaseOperator, SetOperator};
use crate::source::Position;

/// The codes and pointers of the findings reading `text` gives.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    let read = read(text);
    assert!(
        read.policy.is_none(),
        "a policy with errors must not be returned"
    );
    read.findings
        .into_iter()
        .map(|f| (f.kind.code(), f.location.pointer))
        .collect()
}

fn policy(text: &str) -> Policy {
    let read = read(text);
    assert_eq!(read.findings, [], "{text}");
    read.policy.unwrap()
}

const SEED_ROLE_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ListOwnFolder",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::wisdom-learn-course-bucket",
      "Condition": {
        "StringLike": {"s3:prefix": ["PREFIX/${aws:PrincipalTag/userid}/*"]},
        "ForAnyValue:StringEquals": {"aws:TagKeys": ["userid", "course"]},
        "Bool": {"aws:SecureTransport": true},
        "NumericLessThanEquals": {"s3:max-keys": 10}
      }
    },
    {
      "Effect": "Deny",
      "NotAction": ["s3:Get*", "s3:List*"],
      "NotResource": "arn:aws:s3:::wisdom-learn-course-bucket/*"
    }
  ]
}"#;

#[test]
fn a_policy_reads_into_typed_values() {
    let policy = policy(SEED_ROLE_POLICY);
    assert_eq!(
        policy.version.as_ref().map(|v| v.value),
        Some(Version::V2012_10_17)
    );
    assert!(policy.statements.list);
    let [first, second] = &policy.statements.items[..] else {
        panic!()
    };
    let first = &first.value;
    assert_eq!(first.sid.as_ref().unwrap().value, "ListOwnFolder");
    assert_eq!(first.effect.value, Effect::Allow);
    assert!(!first.action.negated);
    assert!(!first.action.actions.list);
    assert_eq!(first.action.actions.items[0].value, "s3:ListBucket");
    let condition = first.condition.as_ref().unwrap();
    let ops: Vec<Operator> = condition
        .operators
        .iter()
        .map(|o| o.operator.value)
        .collect();
    assert_eq!(ops[1].set, Some(SetOperator::ForAnyValue));
    assert_eq!(ops[2].base, BaseOperator::Bool);
    let bool_value = &condition.operators[2].keys[0].values.items[0].value;
    assert_eq!(bool_value, &ConditionValue::Bool(true));
    assert_eq!(bool_value.as_text(), "true");
    assert_eq!(
        condition.operators[3].keys[0].values.items[0].value,
        ConditionValue::Number("10".into())
    );
    let second = &second.value;
    assert_eq!(second.effect.value, Effect::Deny);
    assert!(second.action.negated && second.action.actions.list);
    assert!(second.resource.as_ref().unwrap().negated);
}

#[test]
fn every_element_knows_its_pointer_and_span() {
    let policy = policy(SEED_ROLE_POLICY);
    let first = &policy.statements.items[0].value;
    let prefix = &first.condition.as_ref().unwrap().operators[0].keys[0];
    assert_eq!(
        prefix.key.loc.pointer,
        "/Statement/0/Condition/StringLike/s3:prefix"
    );
    let value = &prefix.values.items[0];
    assert_eq!(
        value.loc.pointer,
        "/Statement/0/Condition/StringLike/s3:prefix/0"
    );
    let span = value.loc.span;
    let text = &SEED_ROLE_POLICY[span.start as usize..span.end as usize];
    assert_eq!(text, "\"PREFIX/${aws:PrincipalTag/userid}/*\"");
    let action = &policy.statements.items[1].value.action.actions.items[1];
    assert_eq!(action.loc.pointer, "/Statement/1/NotAction/1");
}

#[test]
fn a_single_statement_object_is_kept_as_written() {
    let policy = policy(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#);
    assert!(!policy.statements.list);
    assert_eq!(policy.version, None);
    assert_eq!(policy.effective_version(), Version::V2008_10_17);
    assert_eq!(policy.statements.items[0].loc.pointer, "/Statement");
}

#[test]
fn syntax_errors_are_located_by_line_and_column() {
    let read = read("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}");
    let [finding] = &read.findings[..] else {
        panic!("{:?}", read.findings)
    };
    assert_eq!(
        finding.kind,
        FindingKind::Syntax {
            error: SyntaxErrorKind::UnexpectedCharacter {
                found: '}',
                expected: Expected::Key
            }
        }
    );
    assert_eq!(
        finding.location.start,
        Position {
            line: 3,
            column: 24
        }
    );
    assert!(read.policy.is_none());
}

#[test]
fn structural_errors_are_all_reported_at_once() {
    let text = r#"{
      "Version": "2012-10-18",
      "Statement": [
        {"Effect": "allow", "Action": [], "Resource": 5, "Efect": "Deny"},
        {"Effect": "Deny", "Action": "s3:*", "NotAction": "iam:*", "Condition": {"StringEqualz": {"aws:x": null}}},
        "not a statement"
      ],
      "Statement2": 1
    }"#;
    assert_eq!(
        findings(text),
        [
            ("InvalidVersion", "/Version".into()),
            ("InvalidEffect", "/Statement/0/Effect".into()),
            ("EmptyList", "/Statement/0/Action".into()),
            ("WrongType", "/Statement/0/Resource".into()),
            ("UnknownElement", "/Statement/0/Efect".into()),
            ("ConflictingElements", "/Statement/1/NotAction".into()),
            (
                "UnknownConditionOperator",
                "/Statement/1/Condition/StringEqualz".into()
            ),
            (
                "InvalidConditionValue",
                "/Statement/1/Condition/StringEqualz/aws:x".into()
            ),
            ("WrongType", "/Statement/2".into()),
            ("UnknownElement", "/Statement2".into()),
        ]
    );
}

#[test]
fn unknown_names_come_with_the_nearest_known_one() {
    let first = |text: &str| read(text).findings.remove(0).kind;
    assert_eq!(
        first(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principle": {"AWS": "*"}}}"#),
        FindingKind::UnknownElement {
            name: "Principle".into(),
            parent: Element::Statement,
            suggestion: Some("Principal")
        }
    );
    assert_eq!(
        first(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": {"aws": "*"}}}"#),
        FindingKind::UnknownPrincipalType {
            found: "aws".into(),
            suggestion: Some("AWS")
        }
    );
    assert_eq!(
        first(r#"{"Statement": {"Effect": "allow", "Action": "*"}}"#),
        FindingKind::InvalidEffect {
            found: "allow".into(),
            suggestion: Some("Allow")
        }
    );
}

#[test]
fn what_aws_accepts_in_conditions_only_gets_warnings() {
    let read = read(
        r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
            "Condition": {"StringEqualz": {}, "DateGreaterThan": {"aws:CurrentTime": []}}}}"#,
    );
    let codes: Vec<(&str, Severity)> = read
        .findings
        .iter()
        .map(|f| (f.kind.code(), f.severity))
        .collect();
    assert_eq!(codes, [("UnknownConditionOperator", Severity::Warning)]);
    let condition = read.policy.unwrap().statements.items[0]
        .value
        .condition
        .clone()
        .unwrap();
    assert_eq!(
        condition.operators.len(),
        1,
        "the empty unknown operator has no effect and is left out"
    );
    assert!(condition.operators[0].keys[0].values.items.is_empty());
}

#[test]
fn duplicate_keys_are_errors_wherever_they_are() {
    let text = r#"{"Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "*",
        "Condition": {"StringEquals": {"aws:x": "a", "aws:x": "b"}}}}"#;
    assert_eq!(
        findings(text),
        [
            ("DuplicateKey", "/Statement/Effect".into()),
            (
                "DuplicateKey",
                "/Statement/Condition/StringEquals/aws:x".into()
            ),
        ]
    );
}

#[test]
fn missing_required_elements_point_at_their_parent() {
    assert_eq!(
        findings(r#"{"Version": "2012-10-17"}"#),
        [("MissingStatement", String::new())]
    );
    assert_eq!(
        findings(r#"{"Statement": [{"Resource": "*"}]}"#),
        [
            ("MissingEffect", "/Statement/0".into()),
            ("MissingAction", "/Statement/0".into())
        ]
    );
    assert_eq!(
        findings(r#"{"Statement": []}"#),
        [("EmptyList", "/Statement".into())]
    );
    assert_eq!(findings("[]"), [("NotAnObject", String::new())]);
}

#[test]
fn principals_are_star_or_a_map_of_types() {
    let policy = policy(
        r#"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "ec2.amazonaws.com"}}}"#,
    );
    let principal = policy.statements.items[0].value.principal.as_ref().unwrap();
    let Principal::Map(entries) = &principal.value else {
        panic!()
    };
    assert_eq!(entries[0].kind.value, PrincipalKind::Aws);
    assert_eq!(entries[0].ids.items.len(), 2);
    assert_eq!(entries[1].kind.value, PrincipalKind::Service);
    assert_eq!(
        findings(
            r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": "arn:aws:iam::111122223333:root"}}"#
        ),
        [("InvalidPrincipal", "/Statement/Principal".into())]
    );
    // AWS accepts an empty principal (Access Analyzer only suggests filling it in).
    let empty =
        read(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": {"AWS": []}}}"#);
    assert_eq!(empty.findings[0].kind, FindingKind::EmptyPrincipal);
    assert_eq!(empty.findings[0].severity, Severity::Warning);
    assert!(empty.policy.is_some());
    let everyone = policy_principal(
        r#"{"Statement": {"Effect": "Deny", "Action": "*", "NotPrincipal": "*"}}"#,
    );
    assert!(everyone.negated && everyone.value == Principal::Everyone);
}

fn policy_principal(text: &str) -> PrincipalBlock {
    policy(text).statements.items[0]
        .value
        .principal
        .clone()
        .unwrap()
}
