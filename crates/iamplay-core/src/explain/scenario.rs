//! Scenario problems, share-link errors and skipped steps, in words.

use alloc::string::String;

use super::{Lang, tr, world_problem_kind_message};
use crate::json::DeErrorKind;
use crate::scenario::share::ShareError;
use crate::scenario::{ScenarioProblem, ScenarioProblemKind, SkipReason};

/// What does not fit in a document's shape, in `lang`.
#[must_use]
pub fn shape_message(error: &DeErrorKind, lang: Lang) -> String {
    match error {
        DeErrorKind::InvalidType { found, expected } => tr!(
            lang,
            "expected {expected}, found a {found}",
            "应为 {expected}，实际是 {found}",
            "應為 {expected}，實際是 {found}"
        ),
        DeErrorKind::InvalidValue { found, expected } => tr!(
            lang,
            "{found} is not {expected}",
            "{found} 不是 {expected}",
            "{found} 不是 {expected}"
        ),
        DeErrorKind::InvalidLength { length, expected } => tr!(
            lang,
            "{length} items, expected {expected}",
            "有 {length} 项，应为 {expected}",
            "有 {length} 項，應為 {expected}"
        ),
        DeErrorKind::UnknownVariant { found, expected } => {
            let expected = expected.join("`, `");
            tr!(
                lang,
                "`{found}` is not one of `{expected}`",
                "`{found}` 不在 `{expected}` 之中",
                "`{found}` 不在 `{expected}` 之中"
            )
        }
        DeErrorKind::UnknownField { found, expected } => {
            let expected = expected.join("`, `");
            tr!(
                lang,
                "unknown field `{found}`; the fields here are `{expected}`",
                "未知字段 `{found}`；此处可用的字段是 `{expected}`",
                "未知欄位 `{found}`；此處可用的欄位是 `{expected}`"
            )
        }
        DeErrorKind::MissingField { field } => tr!(
            lang,
            "the field `{field}` is required",
            "缺少必填字段 `{field}`",
            "缺少必要欄位 `{field}`"
        ),
        DeErrorKind::DuplicateField { field } => tr!(
            lang,
            "the field `{field}` is given twice",
            "字段 `{field}` 出现了两次",
            "欄位 `{field}` 出現了兩次"
        ),
        DeErrorKind::Other { message } => tr!(
            lang,
            "does not fit: {message}",
            "格式不符：{message}",
            "格式不符：{message}"
        ),
    }
}

/// What a scenario problem is, in `lang` (its place is in its location).
#[must_use]
pub fn scenario_problem_message(problem: &ScenarioProblem, lang: Lang) -> String {
    match &problem.kind {
        ScenarioProblemKind::TooLarge { size, limit } => tr!(
            lang,
            "the scenario is {size} bytes; the limit is {limit}",
            "场景有 {size} 字节，上限是 {limit}",
            "情境有 {size} 位元組，上限是 {limit}"
        ),
        ScenarioProblemKind::Syntax { .. } => tr!(
            lang,
            "the scenario is not valid JSON here",
            "场景在此处不是有效的 JSON",
            "情境在此處不是有效的 JSON"
        ),
        ScenarioProblemKind::UnsupportedVersion { found, supported } => tr!(
            lang,
            "this is a version {found} scenario; this iamplay reads version {supported}",
            "这是第 {found} 版的场景；当前 iamplay 读取第 {supported} 版",
            "這是第 {found} 版的情境；目前 iamplay 讀取第 {supported} 版"
        ),
        ScenarioProblemKind::Shape { error } => shape_message(error, lang),
        ScenarioProblemKind::EmptyText => tr!(
            lang,
            "give the text in at least one language (`en`, `zh-CN`, `zh-TW`)",
            "请至少用一种语言填写文本（`en`、`zh-CN`、`zh-TW`）",
            "請至少用一種語言填寫文字（`en`、`zh-CN`、`zh-TW`）"
        ),
        ScenarioProblemKind::StepKind { found } => tr!(
            lang,
            "a step is exactly one of `call`, `request` and `wait`; this one has {found}",
            "每一步必须且只能是 `call`、`request`、`wait` 之一；这一步有 {found} 个",
            "每一步必須且只能是 `call`、`request`、`wait` 之一；這一步有 {found} 個"
        ),
        ScenarioProblemKind::MissingCaller => tr!(
            lang,
            "say whose credentials sign this step with `as`",
            "请用 `as` 指明这一步使用谁的凭证签名",
            "請用 `as` 指明這一步使用誰的憑證簽署"
        ),
        ScenarioProblemKind::DuplicateStepId { id } => tr!(
            lang,
            "another step already has the id `{id}`",
            "已有其他步骤使用 id `{id}`",
            "已有其他步驟使用 id `{id}`"
        ),
        ScenarioProblemKind::UnknownStep { id } => tr!(
            lang,
            "no earlier step with a call has the id `{id}`",
            "前面没有 id 为 `{id}` 的调用步骤",
            "前面沒有 id 為 `{id}` 的呼叫步驟"
        ),
        ScenarioProblemKind::MisplacedClaims => tr!(
            lang,
            "`claims` belongs to an `AssumeRoleWithWebIdentity` step and must be a JSON object",
            "`claims` 只能用于 `AssumeRoleWithWebIdentity` 步骤，且必须是 JSON 对象",
            "`claims` 只能用於 `AssumeRoleWithWebIdentity` 步驟，且必須是 JSON 物件"
        ),
        ScenarioProblemKind::MisplacedContext => tr!(
            lang,
            "this step takes no `context`: a request's keys go in `request.context`, and only AssumeRole, GetFederationToken and AssumeRoleWithWebIdentity take call keys",
            "这一步不接受 `context`：请求的键应写在 `request.context` 中，只有 AssumeRole、GetFederationToken 和 AssumeRoleWithWebIdentity 接受调用上下文",
            "這一步不接受 `context`：請求的索引鍵應寫在 `request.context` 中，只有 AssumeRole、GetFederationToken 和 AssumeRoleWithWebIdentity 接受呼叫內容"
        ),
        ScenarioProblemKind::UnknownExpectation { found } => tr!(
            lang,
            "`{found}` is not an outcome: use `Allow`, `ExplicitDeny`, `ImplicitDeny` or an error code",
            "`{found}` 不是结果：请使用 `Allow`、`ExplicitDeny`、`ImplicitDeny` 或错误代码",
            "`{found}` 不是結果：請使用 `Allow`、`ExplicitDeny`、`ImplicitDeny` 或錯誤代碼"
        ),
        ScenarioProblemKind::TooManySteps { count, limit } => tr!(
            lang,
            "{count} steps; iamplay runs up to {limit} in one scenario",
            "有 {count} 个步骤；iamplay 在一个场景中最多运行 {limit} 个",
            "有 {count} 個步驟；iamplay 在一個情境中最多執行 {limit} 個"
        ),
        ScenarioProblemKind::NegativeWait { seconds } => tr!(
            lang,
            "the clock only moves forward; {seconds} seconds is negative",
            "时钟只能向前走；{seconds} 秒是负数",
            "時鐘只能向前走；{seconds} 秒是負數"
        ),
        ScenarioProblemKind::World { problem } => world_problem_kind_message(problem, lang),
    }
}

/// Why a share link could not be read, in `lang`.
#[must_use]
pub fn share_error_message(error: &ShareError, lang: Lang) -> String {
    match error {
        ShareError::Empty => tr!(lang, "the link is empty", "链接为空", "連結為空"),
        ShareError::UnknownVersion { found } => tr!(
            lang,
            "the link is of a kind this iamplay does not read (`{found}`)",
            "当前 iamplay 无法读取这种链接（`{found}`）",
            "目前 iamplay 無法讀取這種連結（`{found}`）"
        ),
        ShareError::TooLong { length, limit } => tr!(
            lang,
            "the link has {length} characters; the limit is {limit}",
            "链接有 {length} 个字符，上限是 {limit}",
            "連結有 {length} 個字元，上限是 {limit}"
        ),
        ShareError::NotBase64 { position } => tr!(
            lang,
            "the link has a character that does not belong at position {position}: was it copied whole?",
            "链接第 {position} 个位置有不该出现的字符：是否复制完整？",
            "連結第 {position} 個位置有不該出現的字元：是否複製完整？"
        ),
        ShareError::Corrupt => tr!(
            lang,
            "the link is damaged (cut short or changed)",
            "链接已损坏（被截断或被改动）",
            "連結已損毀（被截斷或被改動）"
        ),
        ShareError::TooLarge { limit } => tr!(
            lang,
            "the link holds more than {limit} bytes",
            "链接中的内容超过 {limit} 字节",
            "連結中的內容超過 {limit} 位元組"
        ),
        ShareError::NotText => tr!(
            lang,
            "the link does not hold text",
            "链接中不是文本",
            "連結中不是文字"
        ),
        ShareError::NotJson { .. } => tr!(
            lang,
            "the link does not hold a JSON document",
            "链接中不是 JSON 文档",
            "連結中不是 JSON 文件"
        ),
        ShareError::UnknownBase { id } => tr!(
            lang,
            "the link changes the built-in scenario `{id}`, which this iamplay does not have",
            "链接基于内置场景 `{id}`，但当前 iamplay 没有这个场景",
            "連結基於內建情境 `{id}`，但目前 iamplay 沒有這個情境"
        ),
        ShareError::BaseChanged { id } => tr!(
            lang,
            "the built-in scenario `{id}` has changed since the link was made",
            "制作链接之后，内置场景 `{id}` 已经改变",
            "製作連結之後，內建情境 `{id}` 已經改變"
        ),
        ShareError::EditsDoNotApply => tr!(
            lang,
            "the link's changes do not fit the built-in scenario",
            "链接中的修改与内置场景不符",
            "連結中的修改與內建情境不符"
        ),
    }
}

/// Why a step did not run, in `lang`.
#[must_use]
pub fn skip_message(reason: &SkipReason, lang: Lang) -> String {
    match reason {
        SkipReason::NoCredentialsFromStep { step } => tr!(
            lang,
            "step `{step}` got no credentials to use (it failed, or it is no STS call)",
            "步骤 `{step}` 没有得到可用的凭证（它失败了，或者不是 STS 调用）",
            "步驟 `{step}` 沒有得到可用的憑證（它失敗了，或者不是 STS 呼叫）"
        ),
        SkipReason::Malformed => tr!(
            lang,
            "the step is not exactly one of a call, a request and a wait",
            "这一步不是调用、请求、等待三者之一",
            "這一步不是呼叫、請求、等待三者之一"
        ),
        SkipReason::BeyondLimit { limit } => tr!(
            lang,
            "iamplay runs the first {limit} steps of a scenario only",
            "iamplay 只运行场景的前 {limit} 个步骤",
            "iamplay 只執行情境的前 {limit} 個步驟"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::read;

    #[test]
    fn a_misspelled_field_is_explained_with_the_right_names() {
        let read = read(r#"{"version": 1, "title": {"en": "x"}, "world": {}, "stpes": []}"#);
        let problem = &read.problems[0];
        assert_eq!(
            scenario_problem_message(problem, Lang::En),
            "unknown field `stpes`; the fields here are `$schema`, `version`, `id`, `title`, `description`, `world`, `steps`"
        );
        assert!(scenario_problem_message(problem, Lang::ZhCn).starts_with("未知字段 `stpes`"));
        assert!(scenario_problem_message(problem, Lang::ZhTw).starts_with("未知欄位 `stpes`"));
    }

    #[test]
    fn share_errors_are_worded() {
        for error in [
            ShareError::Empty,
            ShareError::Corrupt,
            ShareError::EditsDoNotApply,
        ] {
            assert_ne!(
                share_error_message(&error, Lang::En),
                share_error_message(&error, Lang::ZhCn)
            );
        }
    }
}
