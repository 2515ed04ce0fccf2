use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::policy::{Context, PolicyKind, check};

fn messages(text: &str, kind: PolicyKind, lang: Lang) -> Vec<(String, Option<String>)> {
    check(text, &Context::new(kind))
        .findings
        .iter()
        .map(|f| (finding_message(f, lang), finding_help(f, lang)))
        .collect()
}

#[test]
fn a_typo_in_an_operator_is_explained_in_every_language() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
        "Condition": {"StringEqualz": {"aws:PrincipalTag/userid": "123456"}}}}"#;
    let en = messages(text, PolicyKind::RoleInlinePolicy, Lang::En);
    assert_eq!(
        en,
        [(
            "unknown condition operator `StringEqualz`".into(),
            Some("did you mean `StringEquals`?".into())
        )]
    );
    let zh_cn = messages(text, PolicyKind::RoleInlinePolicy, Lang::ZhCn);
    assert_eq!(zh_cn[0].0, "未知的条件运算符 `StringEqualz`");
    assert_eq!(zh_cn[0].1.as_deref(), Some("您是不是想写 `StringEquals`？"));
    let zh_tw = messages(text, PolicyKind::RoleInlinePolicy, Lang::ZhTw);
    assert_eq!(zh_tw[0].0, "未知的條件運算子 `StringEqualz`");
}

#[test]
fn the_seed_warning_about_root_trust_reads_well() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}}"#;
    let zh = messages(text, PolicyKind::RoleTrustPolicy, Lang::ZhCn);
    assert_eq!(
        zh[0].0,
        "账户 `444455556666` 中任何自身策略允许的主体都可以代入此角色"
    );
}

#[test]
fn every_message_is_non_empty_in_every_language() {
    let samples = [
        "not json",
        "[]",
        r#"{"Version": "2013-01-01", "Statement": []}"#,
        r#"{"Statement": {"Effect": "allow", "Action": ["a:b:c", "GetObject"], "Resource": ["x", "arn:aws:iam:us-east-1::role/r"]}}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "a b", "Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::1:group/g"}, "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "soon"}, "NumericLessThan": {"x": "ten"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "*", "iam:Put*"], "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}"#,
    ];
    for text in samples {
        for kind in PolicyKind::ALL {
            for lang in Lang::ALL {
                for (message, help) in messages(text, kind, lang) {
                    assert!(!message.trim().is_empty(), "{text} as {kind:?}");
                    assert!(help.is_none_or(|h| !h.trim().is_empty()));
                    if lang != Lang::En {
                        assert!(
                            message.chars().any(|c| u32::from(c) > 0x2E80),
                            "untranslated: {message}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_risk_warnings_have_words_and_help_in_every_language() {
    let kinds = [
        FindingKind::WildcardAction {
            action: "s3:*".into(),
            service: Some("s3".into()),
        },
        FindingKind::WildcardAction {
            action: "*".into(),
            service: None,
        },
        FindingKind::AllowWithNotAction,
        FindingKind::SensitiveActionWithoutMfa {
            pattern: Some("iam:*".into()),
            action: "iam:CreateAccessKey",
            more: 14,
        },
        FindingKind::SensitiveActionWithoutMfa {
            pattern: None,
            action: "s3:DeleteBucket",
            more: 0,
        },
    ];
    for kind in &kinds {
        for lang in Lang::ALL {
            let text = message(kind, lang);
            let advice = help(kind, lang).unwrap_or_default();
            assert!(
                !text.trim().is_empty() && !advice.trim().is_empty(),
                "{kind:?}"
            );
            if lang != Lang::En {
                for words in [&text, &advice] {
                    assert!(
                        words.chars().any(|c| u32::from(c) > 0x2E80),
                        "untranslated: {words}"
                    );
                }
            }
        }
    }
    let mfa = kinds.get(3).map(|k| message(k, Lang::En));
    assert_eq!(
        mfa.as_deref(),
        Some(
            "`iam:*` allows the sensitive action `iam:CreateAccessKey` (and 14 more) without requiring MFA"
        )
    );
    let zh_tw = kinds.get(4).map(|k| message(k, Lang::ZhTw));
    assert_eq!(
        zh_tw.as_deref(),
        Some("此 `NotAction` 陳述式 允許敏感動作 `s3:DeleteBucket`，卻不要求 MFA")
    );
}
