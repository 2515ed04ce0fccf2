//! Suggested changes in words: what to change so a step's decision turns around.

use alloc::string::String;

use super::{Lang, tr};
use crate::policy::Effect;
use crate::scenario::whatif::Change;

/// What a suggested change does, in `lang` (steps are numbered from 1, as the playground
/// shows them).
#[must_use]
pub fn change_message(change: &Change, lang: Lang) -> String {
    match change {
        Change::SessionTag { step, key, value } => {
            let step = step + 1;
            tr!(
                lang,
                "tag the session of step {step} with `{key}` = `{value}` (policies read it as `aws:PrincipalTag/{key}`)",
                "让第 {step} 步的会话带上标签 `{key}` = `{value}`（策略中读作 `aws:PrincipalTag/{key}`）",
                "讓第 {step} 步的工作階段帶上標籤 `{key}` = `{value}`（政策中讀作 `aws:PrincipalTag/{key}`）"
            )
        }
        Change::ContextValue { step, key, value } => {
            let step = step + 1;
            tr!(
                lang,
                "give step {step}'s request the context key `{key}` = `{value}`",
                "让第 {step} 步的请求带上上下文键 `{key}` = `{value}`",
                "讓第 {step} 步的請求帶上內容索引鍵 `{key}` = `{value}`"
            )
        }
        Change::AddAction { action, .. } => tr!(
            lang,
            "add `{action}` to the statement's `Action`",
            "在该语句的 `Action` 中加入 `{action}`",
            "在該陳述式的 `Action` 中加入 `{action}`"
        ),
        Change::AddResource { resource, .. } => tr!(
            lang,
            "add `{resource}` to the statement's `Resource`",
            "在该语句的 `Resource` 中加入 `{resource}`",
            "在該陳述式的 `Resource` 中加入 `{resource}`"
        ),
        Change::AddPrincipal { principal, .. } => tr!(
            lang,
            "add `{principal}` to the statement's `Principal`",
            "在该语句的 `Principal` 中加入 `{principal}`",
            "在該陳述式的 `Principal` 中加入 `{principal}`"
        ),
        Change::RemoveStatement {
            effect: Effect::Deny,
            ..
        } => tr!(
            lang,
            "remove the `Deny` statement that denies it",
            "删除拒绝它的 `Deny` 语句",
            "刪除拒絕它的 `Deny` 陳述式"
        ),
        Change::RemoveStatement {
            effect: Effect::Allow,
            ..
        } => tr!(
            lang,
            "remove the `Allow` statement that allows it",
            "删除允许它的 `Allow` 语句",
            "刪除允許它的 `Allow` 陳述式"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_tag_is_said_with_the_step_numbered_from_one() {
        let change = Change::SessionTag {
            step: 0,
            key: "userid".into(),
            value: "234567".into(),
        };
        assert_eq!(
            change_message(&change, Lang::En),
            "tag the session of step 1 with `userid` = `234567` (policies read it as `aws:PrincipalTag/userid`)"
        );
        assert!(change_message(&change, Lang::ZhCn).contains("第 1 步的会话"));
        assert!(change_message(&change, Lang::ZhTw).contains("第 1 步的工作階段"));
    }
}
