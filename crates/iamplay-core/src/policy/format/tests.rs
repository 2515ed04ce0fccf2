use super::*;
use crate::policy::read::read;

#[test]
fn format_orders_elements_as_aws_documents_them() {
    let messy = r#"{"Statement":[{"Condition":{"StringEquals":{"aws:PrincipalTag/userid":"123456"}},
        "Resource":"arn:aws:s3:::bucket/*","Action":["s3:GetObject"],"Effect":"Allow","Sid":"Read",
        "Principal":{"Service":"ec2.amazonaws.com","AWS":"111122223333"}}],"Version":"2012-10-17"}"#;
    let expected = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Read",
            "Effect": "Allow",
            "Principal": {
                "AWS": "111122223333",
                "Service": "ec2.amazonaws.com"
            },
            "Action": [
                "s3:GetObject"
            ],
            "Resource": "arn:aws:s3:::bucket/*",
            "Condition": {
                "StringEquals": {
                    "aws:PrincipalTag/userid": "123456"
                }
            }
        }
    ]
}
"#;
    assert_eq!(format(messy).unwrap(), expected);
}

#[test]
fn format_keeps_everything_the_author_wrote() {
    let text = r#"{"Statement": {"Efect": "Allow", "Effect": "Deny", "Effect": "Allow", "Action": "*",
        "Condition": {"NumericLessThan": {"s3:max-keys": 10.50}, "Bool": {"aws:SecureTransport": false}},
        "Sid": "quote\"and\\slash\u0001"}, "Extra": null}"#;
    let formatted = format(text).unwrap();
    for needle in [
        "\"Efect\": \"Allow\"",
        "\"Effect\": \"Deny\"",
        "\"Effect\": \"Allow\"",
        "10.50",
        "false",
        "\"Extra\": null",
        r#""quote\"and\\slash\u0001""#,
    ] {
        assert!(
            formatted.contains(needle),
            "{needle} missing from\n{formatted}"
        );
    }
    // The known elements come first, duplicates in their order, unknown ones last.
    let sid = formatted.find("\"Sid\"").unwrap();
    let deny = formatted.find("\"Deny\"").unwrap();
    let efect = formatted.find("\"Efect\"").unwrap();
    assert!(sid < deny && deny < efect);
    assert_eq!(
        format(&formatted).unwrap(),
        formatted,
        "formatting twice changes nothing"
    );
}

#[test]
fn format_refuses_text_that_is_not_json() {
    assert!(format("{\"Statement\": [}").is_err());
}

#[test]
fn write_gives_the_same_text_as_format() {
    let text = r#"{"Version": "2012-10-17", "Id": "p1", "Statement": [
        {"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root"]},
         "NotAction": "s3:*", "NotResource": ["arn:aws:s3:::a", "arn:aws:s3:::b"],
         "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b?"]}, "Null": {"aws:x": true}}},
        {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#;
    let policy = read(text).policy.unwrap();
    assert_eq!(write(&policy), format(text).unwrap());
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use alloc::collections::{BTreeMap, BTreeSet};
    use alloc::string::String;
    use alloc::vec::Vec;

    use proptest::prelude::*;

    use super::*;
    use crate::policy::model::{
        ActionBlock, ConditionBlock, ConditionKeyValues, ConditionOperatorBlock, ConditionValue,
        Effect, Loc, Located, OneOrMany, Policy, Principal, PrincipalBlock, PrincipalEntry,
        PrincipalKind, ResourceBlock, Statement, Version,
    };
    use crate::policy::operator::{BaseOperator, Operator, SetOperator};

    fn at<T>(value: T) -> Located<T> {
        Located {
            value,
            loc: Loc::default(),
        }
    }

    /// Text with the characters that need care in JSON: quotes, backslashes, control
    /// characters, non-ASCII.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-Z0-9:*?/$_{}.\" \\\\\u{1}\u{e9}\u{667a}-]{0,12}")
            .unwrap()
    }

    fn one_or_many<T: Clone + core::fmt::Debug>(
        item: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = OneOrMany<T>> {
        (proptest::collection::vec(item, 1..4), any::<bool>()).prop_map(|(items, list)| {
            let list = list || items.len() > 1;
            OneOrMany {
                items: items.into_iter().map(at).collect(),
                list,
            }
        })
    }

    fn operator() -> impl Strategy<Value = Operator> {
        let set = prop_oneof![
            Just(None),
            Just(Some(SetOperator::ForAllValues)),
            Just(Some(SetOperator::ForAnyValue))
        ];
        (
            set,
            proptest::sample::select(BaseOperator::ALL),
            any::<bool>(),
        )
            .prop_map(|(set, base, if_exists)| Operator {
                set,
                base,
                if_exists: if_exists && base != BaseOperator::Null,
            })
    }

    fn condition_value() -> impl Strategy<Value = ConditionValue> {
        prop_oneof![
            text().prop_map(ConditionValue::String),
            any::<i64>().prop_map(|n| ConditionValue::Number(alloc::format!("{n}"))),
            any::<bool>().prop_map(ConditionValue::Bool),
        ]
    }

    fn condition() -> impl Strategy<Value = ConditionBlock> {
        let keys = proptest::collection::btree_map(text(), one_or_many(condition_value()), 1..3);
        proptest::collection::vec((operator(), keys), 0..3).prop_map(|blocks| {
            // Operators must be distinct keys of the Condition object.
            let mut seen = BTreeSet::new();
            let operators = blocks
                .into_iter()
                .filter(|(operator, _)| seen.insert(alloc::format!("{operator}")))
                .map(
                    |(operator, keys): (Operator, BTreeMap<String, OneOrMany<ConditionValue>>)| {
                        ConditionOperatorBlock {
                            operator: at(operator),
                            keys: keys
                                .into_iter()
                                .map(|(key, values)| ConditionKeyValues {
                                    key: at(key),
                                    values,
                                })
                                .collect(),
                        }
                    },
                )
                .collect();
            ConditionBlock {
                operators,
                loc: Loc::default(),
            }
        })
    }

    fn principal() -> impl Strategy<Value = PrincipalBlock> {
        let map = proptest::collection::btree_map(
            proptest::sample::select(PrincipalKind::ALL.to_vec()),
            one_or_many(text()),
            1..3,
        )
        .prop_map(|entries| {
            Principal::Map(
                entries
                    .into_iter()
                    .map(|(kind, ids)| PrincipalEntry {
                        kind: at(kind),
                        ids,
                    })
                    .collect(),
            )
        });
        (prop_oneof![Just(Principal::Everyone), map], any::<bool>()).prop_map(|(value, negated)| {
            PrincipalBlock {
                negated,
                value,
                loc: Loc::default(),
            }
        })
    }

    fn statement() -> impl Strategy<Value = Statement> {
        (
            proptest::option::of(text()),
            any::<bool>(),
            proptest::option::of(principal()),
            (any::<bool>(), one_or_many(text())),
            proptest::option::of((any::<bool>(), one_or_many(text()))),
            proptest::option::of(condition()),
        )
            .prop_map(
                |(sid, allow, principal, (negated, actions), resource, condition)| Statement {
                    sid: sid.map(at),
                    effect: at(if allow { Effect::Allow } else { Effect::Deny }),
                    principal,
                    action: ActionBlock {
                        negated,
                        actions,
                        loc: Loc::default(),
                    },
                    resource: resource.map(|(negated, resources)| ResourceBlock {
                        negated,
                        resources,
                        loc: Loc::default(),
                    }),
                    condition,
                    loc: Loc::default(),
                },
            )
    }

    fn policy() -> impl Strategy<Value = Policy> {
        let version = prop_oneof![
            Just(None),
            Just(Some(Version::V2012_10_17)),
            Just(Some(Version::V2008_10_17))
        ];
        (
            version,
            proptest::option::of(text()),
            one_or_many(statement()),
        )
            .prop_map(|(version, id, statements)| Policy {
                version: version.map(at),
                id: id.map(at),
                statements,
                loc: Loc::default(),
            })
    }

    proptest! {
        #[test]
        fn reading_what_write_wrote_gives_the_policy_back(policy in policy()) {
            let text = write(&policy);
            let read = read(&text);
            prop_assert_eq!(read.findings, Vec::new(), "{}", text);
            prop_assert_eq!(read.policy, Some(policy));
        }

        #[test]
        fn write_is_already_formatted(policy in policy()) {
            let text = write(&policy);
            prop_assert_eq!(format(&text).unwrap(), text);
        }
    }
}
