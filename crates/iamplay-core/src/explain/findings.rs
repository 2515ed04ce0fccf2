//! Findings in words: what is wrong (or risky), and what to do about it.

mod help;
mod words;

use alloc::string::String;

use super::{Lang, tr};
use crate::policy::finding::{Finding, FindingKind};
use help::help;
use words::{
    effect, element, family, json_type, principal_kind, set_operator, shape, size_rule, syntax,
    version,
};

/// What a finding says, in `lang`.
#[must_use]
pub fn finding_message(finding: &Finding, lang: Lang) -> String {
    message(&finding.kind, lang)
}

/// What to do about a finding, in `lang`, where there is something useful to say.
#[must_use]
pub fn finding_help(finding: &Finding, lang: Lang) -> Option<String> {
    help(&finding.kind, lang)
}

#[allow(clippy::too_many_lines)]
fn message(kind: &FindingKind, lang: Lang) -> String {
    use FindingKind as K;
    match kind {
        K::TextTooLong { size, limit } => tr!(
            lang,
            "the text is {size} bytes; iamplay reads policies of up to {limit} bytes",
            "文本有 {size} 字节；iamplay 最多读取 {limit} 字节的策略",
            "文字有 {size} 位元組；iamplay 最多讀取 {limit} 位元組的政策"
        ),
        K::TooManyStatements { count, limit } => tr!(
            lang,
            "{count} statements; iamplay reads up to {limit} in one policy",
            "有 {count} 条语句；iamplay 在一个策略中最多读取 {limit} 条",
            "有 {count} 條陳述式；iamplay 在一個政策中最多讀取 {limit} 條"
        ),
        K::Syntax { error } => {
            let detail = syntax(error, lang);
            tr!(
                lang,
                "not valid JSON: {detail}",
                "不是有效的 JSON：{detail}",
                "不是有效的 JSON：{detail}"
            )
        }
        K::InvalidCharacter { found } => {
            let code = u32::from(*found);
            tr!(
                lang,
                "character `{found}` (U+{code:04X}) is not allowed in IAM policies",
                "IAM 策略中不允许字符 `{found}`（U+{code:04X}）",
                "IAM 政策中不允許字元 `{found}`（U+{code:04X}）"
            )
        }
        K::NotAnObject { found } => {
            let found = json_type(found, lang);
            tr!(
                lang,
                "a policy must be a JSON object, not a {found}",
                "策略必须是 JSON 对象，而不是{found}",
                "政策必須是 JSON 物件，而不是{found}"
            )
        }
        K::DuplicateKey { key } => tr!(
            lang,
            "`{key}` appears twice in the same object",
            "`{key}` 在同一个对象中出现了两次",
            "`{key}` 在同一個物件中出現了兩次"
        ),
        K::UnknownElement { name, parent, .. } => {
            let parent = element(*parent, lang);
            tr!(
                lang,
                "`{name}` is not an element of {parent}",
                "`{name}` 不是{parent}的元素",
                "`{name}` 不是{parent}的元素"
            )
        }
        K::WrongType {
            element: e,
            expected,
            found,
        } => {
            let (e, expected, found) = (
                element(*e, lang),
                shape(*expected, lang),
                json_type(found, lang),
            );
            tr!(
                lang,
                "{e} must be {expected}, not a {found}",
                "{e} 必须是{expected}，而不是{found}",
                "{e} 必須是{expected}，而不是{found}"
            )
        }
        K::EmptyList { element: e } => {
            let e = element(*e, lang);
            tr!(lang, "{e} is an empty list", "{e} 是空列表", "{e} 是空清單")
        }
        K::InvalidVersion { found } => tr!(
            lang,
            "`{found}` is not a policy language version",
            "`{found}` 不是策略语言版本",
            "`{found}` 不是政策語言版本"
        ),
        K::MissingStatement => tr!(
            lang,
            "the policy has no `Statement`",
            "策略没有 `Statement`",
            "政策沒有 `Statement`"
        ),
        K::MissingEffect => tr!(
            lang,
            "the statement has no `Effect`",
            "语句没有 `Effect`",
            "陳述式沒有 `Effect`"
        ),
        K::InvalidEffect { found, .. } => tr!(
            lang,
            "`{found}` is not an effect: it must be `Allow` or `Deny`",
            "`{found}` 不是有效的效果：必须是 `Allow` 或 `Deny`",
            "`{found}` 不是有效的效果：必須是 `Allow` 或 `Deny`"
        ),
        K::MissingAction => tr!(
            lang,
            "the statement has no `Action` or `NotAction`",
            "语句没有 `Action` 或 `NotAction`",
            "陳述式沒有 `Action` 或 `NotAction`"
        ),
        K::ConflictingElements { first, second } => {
            let (first, second) = (first.name(), second.name());
            tr!(
                lang,
                "a statement cannot have both `{first}` and `{second}`",
                "一条语句不能同时有 `{first}` 和 `{second}`",
                "一個陳述式不能同時有 `{first}` 和 `{second}`"
            )
        }
        K::ActionWithoutPrefix { action } => tr!(
            lang,
            "action `{action}` has no service prefix",
            "操作 `{action}` 没有服务前缀",
            "動作 `{action}` 沒有服務字首"
        ),
        K::TooManyColons { value } => tr!(
            lang,
            "`{value}` has more than one colon",
            "`{value}` 有不止一个冒号",
            "`{value}` 有不只一個冒號"
        ),
        K::InvalidPrincipal { found } => tr!(
            lang,
            "`{found}` is not a principal: write `\"*\"` or a map such as `{{\"AWS\": ...}}`",
            "`{found}` 不是有效的主体：应写 `\"*\"` 或 `{{\"AWS\": ...}}` 这样的映射",
            "`{found}` 不是有效的委託人：應寫 `\"*\"` 或 `{{\"AWS\": ...}}` 這樣的對應"
        ),
        K::UnknownPrincipalType { found, .. } => tr!(
            lang,
            "`{found}` is not a principal type",
            "`{found}` 不是主体类型",
            "`{found}` 不是委託人類型"
        ),
        K::UnknownConditionOperator {
            found,
            has_keys: true,
            ..
        } => tr!(
            lang,
            "unknown condition operator `{found}`",
            "未知的条件运算符 `{found}`",
            "未知的條件運算子 `{found}`"
        ),
        K::UnknownConditionOperator {
            found,
            has_keys: false,
            ..
        } => tr!(
            lang,
            "unknown condition operator `{found}`: AWS accepts it only because it has no keys, and it has no effect",
            "未知的条件运算符 `{found}`：AWS 只因为它没有键才接受它，它不起任何作用",
            "未知的條件運算子 `{found}`：AWS 只因為它沒有索引鍵才接受它，它不起任何作用"
        ),
        K::ConditionKeyWithoutPrefix { key } | K::ConditionKeyFormat { key } => tr!(
            lang,
            "condition key `{key}` has no service prefix such as `aws:` or `s3:`",
            "条件键 `{key}` 没有 `aws:` 或 `s3:` 这样的服务前缀",
            "條件索引鍵 `{key}` 沒有 `aws:` 或 `s3:` 這樣的服務字首"
        ),
        K::InvalidConditionValue { found } => {
            let found = json_type(found, lang);
            tr!(
                lang,
                "a condition value must be a string, number or boolean, not a {found}",
                "条件值必须是字符串、数字或布尔值，而不是{found}",
                "條件值必須是字串、數字或布林值，而不是{found}"
            )
        }
        K::VersionRequired { found } => {
            let found = version(*found, lang);
            tr!(
                lang,
                "this kind of policy needs `\"Version\": \"2012-10-17\"` (found: {found})",
                "这类策略需要 `\"Version\": \"2012-10-17\"`（当前：{found}）",
                "這類政策需要 `\"Version\": \"2012-10-17\"`（目前：{found}）"
            )
        }
        K::InvalidDate { value } => tr!(
            lang,
            "`{value}` is not a date: use ISO 8601 such as `2026-01-31T12:00:00Z`, or epoch seconds",
            "`{value}` 不是日期：请使用 ISO 8601（如 `2026-01-31T12:00:00Z`）或 Unix 时间戳（秒）",
            "`{value}` 不是日期：請使用 ISO 8601（如 `2026-01-31T12:00:00Z`）或 Unix 時間戳記（秒）"
        ),
        K::InvalidSid { sid } => tr!(
            lang,
            "`Sid` `{sid}` may contain only letters A–Z, a–z and digits 0–9",
            "`Sid` `{sid}` 只能包含字母 A–Z、a–z 和数字 0–9",
            "`Sid` `{sid}` 只能包含字母 A–Z、a–z 與數字 0–9"
        ),
        K::DuplicateSid { sid } => tr!(
            lang,
            "two statements have the `Sid` `{sid}`",
            "两条语句的 `Sid` 都是 `{sid}`",
            "兩個陳述式的 `Sid` 都是 `{sid}`"
        ),
        K::InvalidVendor { vendor } => tr!(
            lang,
            "`{vendor}` is not a valid service prefix",
            "`{vendor}` 不是有效的服务前缀",
            "`{vendor}` 不是有效的服務字首"
        ),
        K::MissingResource => tr!(
            lang,
            "the statement has no `Resource` or `NotResource`",
            "语句没有 `Resource` 或 `NotResource`",
            "陳述式沒有 `Resource` 或 `NotResource`"
        ),
        K::ResourceNotArn { resource } => tr!(
            lang,
            "resource `{resource}` is neither an ARN nor `*`",
            "资源 `{resource}` 既不是 ARN 也不是 `*`",
            "資源 `{resource}` 既不是 ARN 也不是 `*`"
        ),
        K::InvalidPartition { partition, .. } => tr!(
            lang,
            "`{partition}` is not this account's partition",
            "`{partition}` 不是此账户所在的分区",
            "`{partition}` 不是此帳戶所在的分割區"
        ),
        K::ResourceServiceMissing { resource } => tr!(
            lang,
            "resource `{resource}` does not name a service",
            "资源 `{resource}` 没有指明服务",
            "資源 `{resource}` 沒有指明服務"
        ),
        K::MalformedArn { resource } => tr!(
            lang,
            "IAM cannot read the ARN `{resource}`: a field is empty or missing",
            "IAM 无法解析 ARN `{resource}`：某个字段为空或缺失",
            "IAM 無法解析 ARN `{resource}`：某個欄位為空或缺少"
        ),
        K::ResourceRegionNotAllowed { resource, service } => tr!(
            lang,
            "`{service}` resources have no Region, but `{resource}` names one",
            "`{service}` 资源没有区域，但 `{resource}` 指定了区域",
            "`{service}` 資源沒有區域，但 `{resource}` 指定了區域"
        ),
        K::InvalidIamResource { resource } => tr!(
            lang,
            "`{resource}` is not an IAM resource type such as `user/`, `role/` or `policy/`",
            "`{resource}` 不是 `user/`、`role/`、`policy/` 之类的 IAM 资源类型",
            "`{resource}` 不是 `user/`、`role/`、`policy/` 之類的 IAM 資源類型"
        ),
        K::ElementNotAllowed { element: e } => {
            let e = element(*e, lang);
            tr!(
                lang,
                "{e} is not allowed in this kind of policy",
                "这类策略中不允许{e}",
                "這類政策中不允許{e}"
            )
        }
        K::MissingPrincipal => tr!(
            lang,
            "the statement has no `Principal`, which this kind of policy needs",
            "语句没有 `Principal`，而这类策略需要它",
            "陳述式沒有 `Principal`，而這類政策需要它"
        ),
        K::AllowWithNotPrincipal => tr!(
            lang,
            "`NotPrincipal` cannot be used with `\"Effect\": \"Allow\"`",
            "`NotPrincipal` 不能与 `\"Effect\": \"Allow\"` 一起使用",
            "`NotPrincipal` 不能與 `\"Effect\": \"Allow\"` 一起使用"
        ),
        K::EffectNotAllowed { effect: e } => {
            let e = effect(*e);
            tr!(
                lang,
                "`{e}` is not allowed in this kind of policy",
                "这类策略中不允许 `{e}`",
                "這類政策中不允許 `{e}`"
            )
        }
        K::InvalidPrincipalId { kind, id } => {
            let kind = principal_kind(*kind);
            tr!(
                lang,
                "`{id}` is not a valid `{kind}` principal",
                "`{id}` 不是有效的 `{kind}` 主体",
                "`{id}` 不是有效的 `{kind}` 委託人"
            )
        }
        K::PrincipalTypeNotAllowed { kind } => {
            let kind = principal_kind(*kind);
            tr!(
                lang,
                "`{kind}` principals are allowed only in S3 bucket policies",
                "`{kind}` 主体只能用于 S3 存储桶策略",
                "`{kind}` 委託人只能用於 S3 儲存貯體政策"
            )
        }
        K::RcpPrincipalNotEveryone => tr!(
            lang,
            "a resource control policy's `Principal` must be `\"*\"`",
            "资源控制策略的 `Principal` 必须是 `\"*\"`",
            "資源控制政策的 `Principal` 必須是 `\"*\"`"
        ),
        K::TrustPolicyAction { action } => tr!(
            lang,
            "`{action}` is not an STS action for assuming a role",
            "`{action}` 不是代入角色的 STS 操作",
            "`{action}` 不是擔任角色的 STS 動作"
        ),
        K::ResourceOutsideBucket {
            resource,
            bucket: Some(bucket),
        } => tr!(
            lang,
            "`{resource}` is not bucket `{bucket}` or an object in it",
            "`{resource}` 不是存储桶 `{bucket}` 或其中的对象",
            "`{resource}` 不是儲存貯體 `{bucket}` 或其中的物件"
        ),
        K::ResourceOutsideBucket {
            resource,
            bucket: None,
        } => tr!(
            lang,
            "`{resource}` is not this bucket or an object in it",
            "`{resource}` 不是此存储桶或其中的对象",
            "`{resource}` 不是此儲存貯體或其中的物件"
        ),
        K::PolicyTooLarge { size, limit, rule } => {
            let rule = size_rule(*rule, lang);
            tr!(
                lang,
                "the policy is {size} {rule}; this kind of policy allows {limit}",
                "策略大小为 {size} {rule}；这类策略最多 {limit}",
                "政策大小為 {size} {rule}；這類政策最多 {limit}"
            )
        }
        K::MissingVersion => tr!(
            lang,
            "no `Version`: the policy is read as `2008-10-17`, where policy variables are plain text",
            "没有 `Version`：策略按 `2008-10-17` 解析，策略变量会被当作普通文本",
            "沒有 `Version`：政策按 `2008-10-17` 解析，政策變數會被當作一般文字"
        ),
        K::VariableInOldVersion { variable } => tr!(
            lang,
            "`{variable}` is plain text here: policy variables need `\"Version\": \"2012-10-17\"`",
            "`{variable}` 在这里是普通文本：策略变量需要 `\"Version\": \"2012-10-17\"`",
            "`{variable}` 在這裡是一般文字：政策變數需要 `\"Version\": \"2012-10-17\"`"
        ),
        K::VariableNotSubstituted {
            variable,
            element: e,
        } => {
            let e = element(*e, lang);
            tr!(
                lang,
                "`{variable}` is not replaced in {e}: AWS substitutes variables only in resources and condition values",
                "{e} 中的 `{variable}` 不会被替换：AWS 只在资源和条件值中替换变量",
                "{e} 中的 `{variable}` 不會被取代：AWS 只在資源和條件值中取代變數"
            )
        }
        K::WholeAccountTrust { account } => tr!(
            lang,
            "any principal in account `{account}` whose own policy allows it can assume this role",
            "账户 `{account}` 中任何自身策略允许的主体都可以代入此角色",
            "帳戶 `{account}` 中任何自身政策允許的委託人都可以擔任此角色"
        ),
        K::AnyoneCanAssume => tr!(
            lang,
            "any AWS principal in any account can assume this role",
            "任何账户中的任何 AWS 主体都可以代入此角色",
            "任何帳戶中的任何 AWS 委託人都可以擔任此角色"
        ),
        K::AllActionsOnAllResources => tr!(
            lang,
            "this statement allows every action on every resource",
            "此语句允许对所有资源执行所有操作",
            "此陳述式允許對所有資源執行所有動作"
        ),
        K::DenyWithNotPrincipal => tr!(
            lang,
            "`Deny` with `NotPrincipal` denies everyone not listed, including sessions of listed roles unless named exactly",
            "`Deny` 搭配 `NotPrincipal` 会拒绝所有未列出的主体，包括未被精确列出的角色会话",
            "`Deny` 搭配 `NotPrincipal` 會拒絕所有未列出的委託人，包括未被精確列出的角色工作階段"
        ),
        K::BareStarPrincipal => tr!(
            lang,
            "IAM has rejected `\"Principal\": \"*\"` in trust policies",
            "IAM 曾拒绝信任策略中的 `\"Principal\": \"*\"`",
            "IAM 曾拒絕信任政策中的 `\"Principal\": \"*\"`"
        ),
        K::IdInIdentityPolicy => tr!(
            lang,
            "the policy grammar leaves `Id` out of identity-based policies (IAM accepts it)",
            "策略语法规定基于身份的策略不含 `Id`（IAM 会接受）",
            "政策語法規定身分型政策不含 `Id`（IAM 會接受）"
        ),
        K::EmptyConditionValues { key } => tr!(
            lang,
            "`{key}` has no values, so this condition does not test it",
            "`{key}` 没有值，此条件不会检查它",
            "`{key}` 沒有值，此條件不會檢查它"
        ),
        K::EmptyPrincipal => tr!(
            lang,
            "no principals are listed, so this statement applies to nobody",
            "没有列出任何主体，此语句不适用于任何人",
            "沒有列出任何委託人，此陳述式不適用於任何人"
        ),
        K::DuplicateConditionKey { key } => tr!(
            lang,
            "condition key `{key}` appears again in different case; key names ignore case",
            "条件键 `{key}` 以不同大小写重复出现；键名不区分大小写",
            "條件索引鍵 `{key}` 以不同大小寫重複出現；索引鍵名稱不區分大小寫"
        ),
        K::ValueTypeMismatch { value, family: f } => {
            let f = family(*f, lang);
            tr!(
                lang,
                "`{value}` is not a {f} value, so it never matches",
                "`{value}` 不是{f}值，永远不会匹配",
                "`{value}` 不是{f}值，永遠不會相符"
            )
        }
        K::OperatorKeyMismatch {
            key,
            key_type,
            operator,
        } => {
            let key_type = family(*key_type, lang);
            tr!(
                lang,
                "`{key}` holds {key_type} values, but `{operator}` compares them differently",
                "`{key}` 的值是{key_type}类型，但 `{operator}` 以其他方式比较",
                "`{key}` 的值是{key_type}類型，但 `{operator}` 以其他方式比較"
            )
        }
        K::SetOperatorOnSingleValuedKey { key, set } => {
            let set = set_operator(*set);
            tr!(
                lang,
                "`{set}` is for keys with several values; `{key}` has one",
                "`{set}` 用于多值键；`{key}` 只有一个值",
                "`{set}` 用於多值索引鍵；`{key}` 只有一個值"
            )
        }
        K::MultivaluedKeyWithoutSetOperator { key } => tr!(
            lang,
            "`{key}` can have several values: use `ForAllValues:` or `ForAnyValue:` to say how they must match",
            "`{key}` 可能有多个值：请用 `ForAllValues:` 或 `ForAnyValue:` 说明如何匹配",
            "`{key}` 可能有多個值：請用 `ForAllValues:` 或 `ForAnyValue:` 說明如何比對"
        ),
        K::NullWithSetOperator => tr!(
            lang,
            "`Null` with `ForAllValues:` or `ForAnyValue:` is always true or always false",
            "`Null` 搭配 `ForAllValues:` 或 `ForAnyValue:` 总是为真或总是为假",
            "`Null` 搭配 `ForAllValues:` 或 `ForAnyValue:` 永遠為真或永遠為假"
        ),
        K::WildcardInService { action } => tr!(
            lang,
            "`{action}` has a wildcard in its service prefix and may match other services",
            "`{action}` 的服务前缀中有通配符，可能匹配到其他服务",
            "`{action}` 的服務字首中有萬用字元，可能符合其他服務"
        ),
        K::WildcardAction {
            action,
            service: Some(service),
        } => tr!(
            lang,
            "`{action}` allows every action of `{service}`, including actions the service adds later",
            "`{action}` 允许 `{service}` 的所有操作，包括该服务以后新增的操作",
            "`{action}` 允許 `{service}` 的所有動作，包括該服務日後新增的動作"
        ),
        K::WildcardAction {
            action,
            service: None,
        } => tr!(
            lang,
            "`{action}` allows every action of every AWS service",
            "`{action}` 允许所有 AWS 服务的所有操作",
            "`{action}` 允許所有 AWS 服務的所有動作"
        ),
        K::AllowWithNotAction => tr!(
            lang,
            "`Allow` with `NotAction` allows every action it does not list that applies to its resources (with `\"Resource\": \"*\"`, in every service)",
            "`Allow` 搭配 `NotAction` 会允许所有未列出、且适用于其资源的操作（`\"Resource\": \"*\"` 时涵盖所有服务）",
            "`Allow` 搭配 `NotAction` 會允許所有未列出、且適用於其資源的動作（`\"Resource\": \"*\"` 時涵蓋所有服務）"
        ),
        K::SensitiveActionWithoutMfa {
            pattern,
            action,
            more,
        } => {
            let by = match pattern {
                Some(pattern) => alloc::format!("`{pattern}`"),
                None => tr!(
                    lang,
                    "this `NotAction` statement",
                    "此 `NotAction` 语句",
                    "此 `NotAction` 陳述式"
                ),
            };
            let more = match more {
                0 => String::new(),
                n => tr!(
                    lang,
                    " (and {n} more)",
                    "（及另外 {n} 个）",
                    "（及另外 {n} 個）"
                ),
            };
            tr!(
                lang,
                "{by} allows the sensitive action `{action}`{more} without requiring MFA",
                "{by} 允许敏感操作 `{action}`{more}，却不要求 MFA",
                "{by} 允許敏感動作 `{action}`{more}，卻不要求 MFA"
            )
        }
    }
}

#[cfg(test)]
mod tests;
