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
