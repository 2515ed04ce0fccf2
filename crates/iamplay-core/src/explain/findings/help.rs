//! What to do about a finding, where there is something useful to say.

use alloc::string::{String, ToString};

use super::super::{Lang, tr};
use crate::policy::finding::{Element, FindingKind};

#[allow(clippy::too_many_lines)]
pub(super) fn help(kind: &FindingKind, lang: Lang) -> Option<String> {
    use FindingKind as K;
    let did_you_mean = |name: String| {
        tr!(
            lang,
            "did you mean `{name}`?",
            "您是不是想写 `{name}`？",
            "您是不是想寫 `{name}`？"
        )
    };
    Some(match kind {
        K::UnknownElement {
            suggestion: Some(name),
            ..
        }
        | K::UnknownPrincipalType {
            suggestion: Some(name),
            ..
        }
        | K::InvalidEffect {
            suggestion: Some(name),
            ..
        } => did_you_mean((*name).into()),
        K::UnknownConditionOperator {
            suggestion: Some(operator),
            ..
        } => did_you_mean(operator.to_string()),
        K::InvalidVersion { .. }
        | K::VersionRequired { .. }
        | K::MissingVersion
        | K::VariableInOldVersion { .. } => tr!(
            lang,
            "start the policy with `\"Version\": \"2012-10-17\"`",
            "在策略开头写上 `\"Version\": \"2012-10-17\"`",
            "在政策開頭寫上 `\"Version\": \"2012-10-17\"`"
        ),
        K::ActionWithoutPrefix { action } => tr!(
            lang,
            "write the service first, as in `s3:{action}`",
            "先写服务名，例如 `s3:{action}`",
            "先寫服務名稱，例如 `s3:{action}`"
        ),
        K::DuplicateKey { .. } => tr!(
            lang,
            "merge the values into one list, as in `\"Resource\": [\"a\", \"b\"]`",
            "把值合并到一个列表中，例如 `\"Resource\": [\"a\", \"b\"]`",
            "把值合併到一個清單中，例如 `\"Resource\": [\"a\", \"b\"]`"
        ),
        K::ConflictingElements { first, .. } => {
            let first = first.name();
            tr!(
                lang,
                "keep only one of them, for example `{first}`",
                "只保留其中一个，例如 `{first}`",
                "只保留其中一個，例如 `{first}`"
            )
        }
        K::InvalidSid { .. } => tr!(
            lang,
            "remove spaces, dashes and underscores, as in `AllowReadCourseVideos`",
            "去掉空格、连字符和下划线，例如 `AllowReadCourseVideos`",
            "去掉空格、連字號和底線，例如 `AllowReadCourseVideos`"
        ),
        K::ElementNotAllowed {
            element: Element::Principal | Element::NotPrincipal,
        } => tr!(
            lang,
            "an identity-based policy applies to whoever it is attached to; to say who may use a resource, put the statement in the resource's policy",
            "基于身份的策略作用于它所附加的身份；要指定谁可以使用资源，请把语句写在资源的策略中",
            "身分型政策作用於它所附加的身分；要指定誰可以使用資源，請把陳述式寫在資源的政策中"
        ),
        K::ElementNotAllowed {
            element: Element::Resource | Element::NotResource,
        } => tr!(
            lang,
            "a trust policy's resource is the role itself: remove the element",
            "信任策略的资源就是角色本身：请删除此元素",
            "信任政策的資源就是角色本身：請刪除此元素"
        ),
        K::MissingPrincipal => tr!(
            lang,
            "say who the statement is for, as in `\"Principal\": {{\"AWS\": \"arn:aws:iam::111122223333:role/CourseAccessRole\"}}`",
            "写明语句针对谁，例如 `\"Principal\": {{\"AWS\": \"arn:aws:iam::111122223333:role/CourseAccessRole\"}}`",
            "寫明陳述式針對誰，例如 `\"Principal\": {{\"AWS\": \"arn:aws:iam::111122223333:role/CourseAccessRole\"}}`"
        ),
        K::TrustPolicyAction { .. } => tr!(
            lang,
            "use `sts:AssumeRole` (with `sts:TagSession` to pass session tags)",
            "使用 `sts:AssumeRole`（传递会话标签时加上 `sts:TagSession`）",
            "使用 `sts:AssumeRole`（傳遞工作階段標籤時加上 `sts:TagSession`）"
        ),
        K::AnyoneCanAssume => tr!(
            lang,
            "name the trusted account, user or role, or add conditions such as `aws:PrincipalOrgID`",
            "请写明受信任的账户、用户或角色，或加上 `aws:PrincipalOrgID` 之类的条件",
            "請寫明受信任的帳戶、使用者或角色，或加上 `aws:PrincipalOrgID` 之類的條件"
        ),
        K::WholeAccountTrust { .. } => tr!(
            lang,
            "name the user or role that should assume it, or add a condition such as `sts:ExternalId`",
            "请写明应当代入此角色的用户或角色，或加上 `sts:ExternalId` 之类的条件",
            "請寫明應當擔任此角色的使用者或角色，或加上 `sts:ExternalId` 之類的條件"
        ),
        K::AllActionsOnAllResources => tr!(
            lang,
            "grant only the actions and resources needed, as in `s3:GetObject` on `arn:aws:s3:::bucket/*`",
            "只授予需要的操作和资源，例如对 `arn:aws:s3:::bucket/*` 的 `s3:GetObject`",
            "只授予需要的動作和資源，例如對 `arn:aws:s3:::bucket/*` 的 `s3:GetObject`"
        ),
        K::DenyWithNotPrincipal => tr!(
            lang,
            "prefer `Principal: \"*\"` with a condition on `aws:PrincipalArn` (`ArnNotEquals`)",
            "建议改用 `Principal: \"*\"` 搭配 `aws:PrincipalArn` 条件（`ArnNotEquals`）",
            "建議改用 `Principal: \"*\"` 搭配 `aws:PrincipalArn` 條件（`ArnNotEquals`）"
        ),
        K::BareStarPrincipal => tr!(
            lang,
            "write `{{\"AWS\": \"*\"}}`",
            "写成 `{{\"AWS\": \"*\"}}`",
            "寫成 `{{\"AWS\": \"*\"}}`"
        ),
        K::InvalidCharacter { .. } => tr!(
            lang,
            "IAM policies may use only Latin-1 characters: write other text (such as Chinese) in tags or descriptions instead",
            "IAM 策略只能使用 Latin-1 字符：中文等其他文字请写在标签或描述中",
            "IAM 政策只能使用 Latin-1 字元：中文等其他文字請寫在標籤或描述中"
        ),
        K::TextTooLong { .. } | K::TooManyStatements { .. } => tr!(
            lang,
            "no policy AWS accepts is this large: split it into several policies",
            "AWS 不接受这么大的策略：请拆分成多个策略",
            "AWS 不接受這麼大的政策：請拆分成多個政策"
        ),
        K::PolicyTooLarge { .. } => tr!(
            lang,
            "split it into several policies, or use wildcards such as `s3:Get*`",
            "拆分成多个策略，或使用 `s3:Get*` 之类的通配符",
            "拆分成多個政策，或使用 `s3:Get*` 之類的萬用字元"
        ),
        K::ResourceOutsideBucket { .. } => tr!(
            lang,
            "name the bucket (`arn:aws:s3:::bucket`) or its objects (`arn:aws:s3:::bucket/*`)",
            "写存储桶（`arn:aws:s3:::bucket`）或其中的对象（`arn:aws:s3:::bucket/*`）",
            "寫儲存貯體（`arn:aws:s3:::bucket`）或其中的物件（`arn:aws:s3:::bucket/*`）"
        ),
        K::SetOperatorOnSingleValuedKey { .. } => tr!(
            lang,
            "remove the `ForAllValues:`/`ForAnyValue:` prefix",
            "去掉 `ForAllValues:`/`ForAnyValue:` 前缀",
            "去掉 `ForAllValues:`/`ForAnyValue:` 字首"
        ),
        K::WildcardAction { .. } => tr!(
            lang,
            "list only the actions the task needs, as in `s3:GetObject` and `s3:ListBucket`",
            "只列出任务需要的操作，例如 `s3:GetObject` 和 `s3:ListBucket`",
            "只列出工作需要的動作，例如 `s3:GetObject` 和 `s3:ListBucket`"
        ),
        K::AllowWithNotAction => tr!(
            lang,
            "list the allowed actions in `Action`; for exceptions, add a `Deny` statement",
            "在 `Action` 中列出允许的操作；需要排除的操作请另写 `Deny` 语句",
            "在 `Action` 中列出允許的動作；需要排除的動作請另寫 `Deny` 陳述式"
        ),
        K::SensitiveActionWithoutMfa { .. } => tr!(
            lang,
            "add `\"Condition\": {{\"Bool\": {{\"aws:MultiFactorAuthPresent\": \"true\"}}}}` (`BoolIfExists` would also let long-term access keys in), deny it with `BoolIfExists` `false`, or, for a role, require MFA in its trust policy",
            "加上 `\"Condition\": {{\"Bool\": {{\"aws:MultiFactorAuthPresent\": \"true\"}}}}`（`BoolIfExists` 也会放行长期访问密钥），或用 `BoolIfExists` `false` 的 `Deny` 拒绝它；若是角色，也可以在信任策略中要求 MFA",
            "加上 `\"Condition\": {{\"Bool\": {{\"aws:MultiFactorAuthPresent\": \"true\"}}}}`（`BoolIfExists` 也會放行長期存取金鑰），或用 `BoolIfExists` `false` 的 `Deny` 拒絕它；若是角色，也可以在信任政策中要求 MFA"
        ),
        _ => return None,
    })
}
