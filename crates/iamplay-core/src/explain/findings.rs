//! Findings in words: what is wrong (or risky), and what to do about it.

use alloc::string::{String, ToString};

use super::{Lang, tr};
use crate::json::{Expected, SyntaxErrorKind};
use crate::policy::finding::{Element, Finding, FindingKind, Shape};
use crate::policy::kind::SizeRule;
use crate::policy::model::{Effect, PrincipalKind, Version};
use crate::policy::operator::{OperatorFamily, SetOperator};

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

fn element(element: Element, lang: Lang) -> String {
    match element {
        Element::Policy => tr!(lang, "the policy", "策略", "政策"),
        Element::ConditionOperator => tr!(
            lang,
            "a condition operator's block",
            "条件运算符的块",
            "條件運算子的區塊"
        ),
        Element::ConditionValues => tr!(lang, "condition values", "条件值", "條件值"),
        Element::PrincipalIds => tr!(lang, "principal ids", "主体 ID", "委託人 ID"),
        named => alloc::format!("`{}`", named.name()),
    }
}

fn shape(shape: Shape, lang: Lang) -> String {
    match shape {
        Shape::String => tr!(lang, "a string", "字符串", "字串"),
        Shape::Object => tr!(lang, "an object", "对象", "物件"),
        Shape::ObjectOrArrayOfObjects => tr!(
            lang,
            "an object or an array of objects",
            "对象或对象数组",
            "物件或物件陣列"
        ),
        Shape::StringOrArrayOfStrings => tr!(
            lang,
            "a string or an array of strings",
            "字符串或字符串数组",
            "字串或字串陣列"
        ),
        Shape::StarOrObject => tr!(
            lang,
            "`\"*\"` or an object",
            "`\"*\"` 或对象",
            "`\"*\"` 或物件"
        ),
        Shape::ScalarOrArrayOfScalars => tr!(
            lang,
            "a string, number or boolean, or an array of them",
            "字符串、数字、布尔值或它们的数组",
            "字串、數字、布林值或其陣列"
        ),
    }
}

fn json_type(name: &str, lang: Lang) -> String {
    match (name, lang) {
        (_, Lang::En) => name.into(),
        ("string", Lang::ZhCn) => "字符串".into(),
        ("string", Lang::ZhTw) => "字串".into(),
        ("number", Lang::ZhCn) => "数字".into(),
        ("number", Lang::ZhTw) => "數字".into(),
        ("boolean", Lang::ZhCn) => "布尔值".into(),
        ("boolean", Lang::ZhTw) => "布林值".into(),
        ("array", Lang::ZhCn) => "数组".into(),
        ("array", Lang::ZhTw) => "陣列".into(),
        ("object", Lang::ZhCn) => "对象".into(),
        ("object", Lang::ZhTw) => "物件".into(),
        (other, _) => other.into(),
    }
}

fn family(family: OperatorFamily, lang: Lang) -> String {
    match family {
        OperatorFamily::String => tr!(lang, "string", "字符串", "字串"),
        OperatorFamily::Numeric => tr!(lang, "numeric", "数字", "數字"),
        OperatorFamily::Date => tr!(lang, "date", "日期", "日期"),
        OperatorFamily::Bool => tr!(lang, "boolean", "布尔", "布林"),
        OperatorFamily::Binary => tr!(lang, "binary", "二进制", "二進位"),
        OperatorFamily::IpAddress => tr!(lang, "IP address", "IP 地址", "IP 位址"),
        OperatorFamily::Arn => tr!(lang, "ARN", "ARN", "ARN"),
        OperatorFamily::Null => tr!(lang, "null check", "空值检查", "空值檢查"),
    }
}

fn expected(expected: Expected, lang: Lang) -> String {
    match expected {
        Expected::Value => tr!(lang, "a value", "一个值", "一個值"),
        Expected::KeyOrEnd => tr!(
            lang,
            "a key in quotes or `}}`",
            "带引号的键或 `}}`",
            "加引號的索引鍵或 `}}`"
        ),
        Expected::Key => tr!(lang, "a key in quotes", "带引号的键", "加引號的索引鍵"),
        Expected::Colon => tr!(lang, "`:`", "`:`", "`:`"),
        Expected::CommaOrEndOfArray => tr!(lang, "`,` or `]`", "`,` 或 `]`", "`,` 或 `]`"),
        Expected::CommaOrEndOfObject => tr!(lang, "`,` or `}}`", "`,` 或 `}}`", "`,` 或 `}}`"),
        Expected::EndOfString => tr!(lang, "the closing `\"`", "结束的 `\"`", "結尾的 `\"`"),
        Expected::HexDigits => tr!(
            lang,
            "four hexadecimal digits",
            "四个十六进制数字",
            "四個十六進位數字"
        ),
    }
}

fn syntax(error: &SyntaxErrorKind, lang: Lang) -> String {
    match error {
        SyntaxErrorKind::Empty => tr!(lang, "the policy is empty", "策略为空", "政策是空的"),
        SyntaxErrorKind::InvalidUtf8 => tr!(
            lang,
            "the text is not valid UTF-8",
            "文本不是有效的 UTF-8",
            "文字不是有效的 UTF-8"
        ),
        SyntaxErrorKind::UnexpectedEnd { expected: e } => {
            let e = expected(*e, lang);
            tr!(
                lang,
                "the text ends where {e} was expected",
                "文本在应为{e}的位置结束",
                "文字在應為{e}的位置結束"
            )
        }
        SyntaxErrorKind::UnexpectedCharacter { found, expected: e } => {
            let e = expected(*e, lang);
            tr!(
                lang,
                "unexpected `{found}`: expected {e}",
                "意外的 `{found}`：应为{e}",
                "非預期的 `{found}`：應為{e}"
            )
        }
        SyntaxErrorKind::InvalidEscape => tr!(
            lang,
            "invalid escape in a string",
            "字符串中有无效的转义",
            "字串中有無效的跳脫字元"
        ),
        SyntaxErrorKind::LoneSurrogate => tr!(
            lang,
            "a `\\u` escape is half of a surrogate pair",
            "`\\u` 转义只是代理对的一半",
            "`\\u` 跳脫只是代理對的一半"
        ),
        SyntaxErrorKind::ControlCharacter => tr!(
            lang,
            "a line break or control character inside a string",
            "字符串中有换行或控制字符",
            "字串中有換行或控制字元"
        ),
        SyntaxErrorKind::InvalidNumber => tr!(lang, "invalid number", "无效的数字", "無效的數字"),
        SyntaxErrorKind::TooDeep { limit } => tr!(
            lang,
            "nested more than {limit} levels deep",
            "嵌套超过 {limit} 层",
            "巢狀超過 {limit} 層"
        ),
        SyntaxErrorKind::TrailingContent => tr!(
            lang,
            "more text after the policy's closing `}}`",
            "策略结束的 `}}` 之后还有内容",
            "政策結尾的 `}}` 之後還有內容"
        ),
    }
}

fn version(version: Option<Version>, lang: Lang) -> String {
    match version {
        Some(v) => alloc::format!("`{}`", v.as_str()),
        None => tr!(lang, "none", "无", "無"),
    }
}

fn size_rule(rule: SizeRule, lang: Lang) -> String {
    match rule {
        SizeRule::CharactersWithoutWhiteSpace => tr!(
            lang,
            "characters, not counting white space",
            "个字符（不计空白）",
            "個字元（不計空白）"
        ),
        SizeRule::AllCharacters => tr!(
            lang,
            "characters, white space included",
            "个字符（包括空白）",
            "個字元（包括空白）"
        ),
        SizeRule::Bytes => tr!(lang, "bytes", "字节", "位元組"),
    }
}

fn principal_kind(kind: PrincipalKind) -> &'static str {
    kind.as_str()
}

fn set_operator(set: SetOperator) -> &'static str {
    set.prefix()
}

fn effect(effect: Effect) -> &'static str {
    effect.as_str()
}

#[allow(clippy::too_many_lines)]
fn message(kind: &FindingKind, lang: Lang) -> String {
    use FindingKind as K;
    match kind {
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
    }
}

#[allow(clippy::too_many_lines)]
fn help(kind: &FindingKind, lang: Lang) -> Option<String> {
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
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
