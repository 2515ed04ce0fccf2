use alloc::vec;

use super::*;
use crate::eval::tests::{policy, student};
use crate::eval::{ContextEntry, Options, PolicySet, Request, evaluate};
use crate::policy::PolicyKind;

/// The seed lesson (001): the role policy with `${aws:PrincipalTag/userid}`, and a student
/// session tagged `userid=123456` listing a prefix.
pub(super) fn seed(prefix: &str) -> (Response, Request, PolicySet) {
    let set = PolicySet {
        identity: vec![policy(
            "CourseAccessPolicy",
            PolicyKind::RoleInlinePolicy,
            r#"{"Version": "2012-10-17", "Statement": [
                {"Sid": "ListYourObjects", "Effect": "Allow", "Action": "s3:ListBucket",
                 "Resource": "arn:aws:s3:::wisdom-learn-course-bucket",
                 "Condition": {"StringLike": {"s3:prefix": "PREFIX/${aws:PrincipalTag/userid}/"}}},
                {"Sid": "ReadWriteDeleteYourObjects", "Effect": "Allow",
                 "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                 "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/*"}]}"#,
        )],
        ..PolicySet::default()
    };
    let request = Request {
        principal: student("123456"),
        action: "s3:ListBucket".into(),
        resource: "arn:aws:s3:::wisdom-learn-course-bucket".into(),
        resource_account: Some("111122223333".into()),
        context: vec![ContextEntry::single("s3:prefix", prefix)],
    };
    (
        evaluate(&request, &set, Options { explain: true }),
        request,
        set,
    )
}

#[test]
fn every_language_shows_the_substituted_tag_and_the_failed_comparison() {
    let (response, request, set) = seed("PREFIX/234567/");
    for lang in [Lang::En, Lang::ZhCn, Lang::ZhTw] {
        let text = explain_decision(&response, &request, &set, lang).to_text();
        assert!(
            text.contains("`${aws:PrincipalTag/userid}` = `123456`"),
            "{text}"
        );
        assert!(text.contains("`PREFIX/234567/`"), "{text}");
        assert!(text.contains("✗"), "{text}");
        assert!(!text.contains("Allowed"), "{text}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod snapshots {
    use super::*;

    fn text(prefix: &str, lang: Lang) -> String {
        let (response, request, set) = seed(prefix);
        explain_decision(&response, &request, &set, lang).to_text()
    }

    #[test]
    fn the_seed_lessons_allowed_request_explained() {
        insta::assert_snapshot!("seed_allowed_en", text("PREFIX/123456/", Lang::En));
        insta::assert_snapshot!("seed_allowed_zh_cn", text("PREFIX/123456/", Lang::ZhCn));
        insta::assert_snapshot!("seed_allowed_zh_tw", text("PREFIX/123456/", Lang::ZhTw));
    }

    #[test]
    fn the_seed_lessons_denied_request_explained() {
        insta::assert_snapshot!("seed_denied_en", text("PREFIX/234567/", Lang::En));
        insta::assert_snapshot!("seed_denied_zh_cn", text("PREFIX/234567/", Lang::ZhCn));
        insta::assert_snapshot!("seed_denied_zh_tw", text("PREFIX/234567/", Lang::ZhTw));
    }

    /// The trace and its details as the bindings hand them on: the field names are part of
    /// iamplay's interface and change only on purpose.
    #[test]
    fn the_seed_lessons_denied_request_as_data() {
        let (response, request, set) = seed("PREFIX/234567/");
        let data = serde_json::json!({
            "response": response,
            "details": details(&response, &request, &set),
        });
        insta::assert_snapshot!(
            "seed_denied_data",
            serde_json::to_string_pretty(&data).unwrap_or_default()
        );
    }
}

#[test]
fn the_deciding_statement_is_marked_with_its_place_and_effect() {
    let (response, request, set) = seed("PREFIX/123456/");
    let explained = explain_decision(&response, &request, &set, Lang::En);
    let statements: Vec<&StatementExplanation> = explained
        .layers
        .iter()
        .flat_map(|layer| &layer.statements)
        .collect();
    let deciding: Vec<&str> = statements
        .iter()
        .filter(|s| s.determining)
        .map(|s| s.pointer.as_str())
        .collect();
    assert_eq!(deciding, ["/Statement/0"]);
    assert!(statements.iter().all(|s| s.policy == "CourseAccessPolicy"));
    assert!(statements.iter().all(|s| s.effect == Effect::Allow));
    let layer = explained.layers.first().map(|l| (l.layer, l.verdict));
    assert_eq!(layer, Some((Layer::IdentityBasedPolicy, Verdict::Allow)));

    let (response, request, set) = seed("PREFIX/234567/");
    let explained = explain_decision(&response, &request, &set, Lang::En);
    assert!(
        explained
            .layers
            .iter()
            .flat_map(|layer| &layer.statements)
            .all(|s| !s.determining),
        "an implicit deny has no deciding statement"
    );
}
