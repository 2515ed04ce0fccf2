//! Problems with an evaluation's input, in words (a policy's own findings are worded by
//! [`finding_message`](super::finding_message)).

use alloc::string::String;

use super::{Lang, tr};
use crate::eval::input::InputProblemKind;

/// What an input problem is, in `lang`.
#[must_use]
pub fn input_problem_message(kind: &InputProblemKind, lang: Lang) -> String {
    match kind {
        InputProblemKind::Policy {
            policy_kind,
            findings,
            ..
        } => {
            let count = findings.len();
            tr!(
                lang,
                "this policy is not a valid {policy_kind}: {count} findings",
                "此策略不是有效的 {policy_kind}：{count} 个问题",
                "此政策不是有效的 {policy_kind}：{count} 個問題"
            )
        }
        InputProblemKind::NoDocument => tr!(
            lang,
            "give a policy its `document`, or the name of an AWS managed policy in `awsManaged`",
            "请为策略提供 `document`，或在 `awsManaged` 中写 AWS 托管策略的名称",
            "請為政策提供 `document`，或在 `awsManaged` 中寫 AWS 受管政策的名稱"
        ),
        InputProblemKind::UnknownAwsManagedPolicy { name } => tr!(
            lang,
            "iamplay does not know the AWS managed policy `{name}`; give its document instead",
            "iamplay 不认识 AWS 托管策略 `{name}`；请直接提供它的文档",
            "iamplay 不認識 AWS 受管政策 `{name}`；請直接提供它的文件"
        ),
        InputProblemKind::UnknownPolicyKind { name } => tr!(
            lang,
            "`{name}` is not a kind of policy iamplay checks",
            "`{name}` 不是 iamplay 能检查的策略类型",
            "`{name}` 不是 iamplay 能檢查的政策類型"
        ),
    }
}
