//! STS outcomes in words: why a call or request failed and what to do, and the notes on a call.
//! AWS's own message stays as AWS wrote it (in [`StsError::message`](crate::sts::StsError)); these
//! sentences explain it to a learner.

use alloc::string::String;

use super::{Lang, layer_name, tr};
use crate::sts::{CallerKind, Constraint, Failure, MfaProblem, Note, TagProblem, TokenProblem};

/// What kind of caller, in words.
#[must_use]
pub fn caller_kind_name(kind: CallerKind, lang: Lang) -> String {
    match kind {
        CallerKind::Root => tr!(lang, "the root user", "根用户", "根使用者"),
        CallerKind::User => tr!(
            lang,
            "an IAM user with long-term access keys",
            "使用长期访问密钥的 IAM 用户",
            "使用長期存取金鑰的 IAM 使用者"
        ),
        CallerKind::UserSession => tr!(
            lang,
            "a GetSessionToken session",
            "GetSessionToken 会话",
            "GetSessionToken 工作階段"
        ),
        CallerKind::RoleSession => tr!(lang, "a role session", "角色会话", "角色工作階段"),
        CallerKind::FederatedUser => tr!(
            lang,
            "a federated user session",
            "联合用户会话",
            "聯合身分使用者工作階段"
        ),
        CallerKind::WebIdentity => tr!(
            lang,
            "the holder of a web identity token",
            "Web 身份令牌的持有者",
            "Web 身分字符的持有者"
        ),
    }
}

fn constraint_text(constraint: &Constraint, lang: Lang) -> String {
    match constraint {
        Constraint::Required => tr!(lang, "is required", "是必填参数", "為必要參數"),
        Constraint::MinLength { min } => tr!(
            lang,
            "must have at least {min} characters",
            "至少需要 {min} 个字符",
            "至少需要 {min} 個字元"
        ),
        Constraint::MaxLength { max } => tr!(
            lang,
            "may have at most {max} characters (or items)",
            "最多 {max} 个字符（或条目）",
            "最多 {max} 個字元（或項目）"
        ),
        Constraint::MinValue { min } => tr!(
            lang,
            "must be at least {min}",
            "不能小于 {min}",
            "不能小於 {min}"
        ),
        Constraint::MaxValue { max } => tr!(
            lang,
            "may be at most {max}",
            "不能大于 {max}",
            "不能大於 {max}"
        ),
        Constraint::Pattern { pattern } => tr!(
            lang,
            "may only use the characters of `{pattern}`",
            "只能使用 `{pattern}` 中的字符",
            "只能使用 `{pattern}` 中的字元"
        ),
    }
}

/// Why it failed, in `lang`.
#[must_use]
pub fn failure_message(failure: &Failure, lang: Lang) -> String {
    match failure {
        Failure::WorldHasErrors { count } => tr!(
            lang,
            "the world has {count} errors; nothing runs until they are fixed",
            "这个环境有 {count} 个错误，修正之前无法运行",
            "這個環境有 {count} 個錯誤，修正之前無法執行"
        ),
        Failure::UnknownAccessKey { access_key_id } => tr!(
            lang,
            "no user, root user or session has the access key `{access_key_id}`",
            "没有任何用户、根用户或会话拥有访问密钥 `{access_key_id}`",
            "沒有任何使用者、根使用者或工作階段擁有存取金鑰 `{access_key_id}`"
        ),
        Failure::UnknownPrincipal { arn } => tr!(
            lang,
            "`{arn}` is not a user or root user of this world",
            "`{arn}` 不是这个环境中的用户或根用户",
            "`{arn}` 不是這個環境中的使用者或根使用者"
        ),
        Failure::InactiveAccessKey { access_key_id } => tr!(
            lang,
            "the access key `{access_key_id}` is deactivated",
            "访问密钥 `{access_key_id}` 已停用",
            "存取金鑰 `{access_key_id}` 已停用"
        ),
        Failure::ExpiredCredentials { expired_at, now } => tr!(
            lang,
            "the temporary credentials expired at {expired_at}; it is now {now}",
            "临时凭证已于 {expired_at} 过期，现在是 {now}",
            "臨時憑證已於 {expired_at} 過期，現在是 {now}"
        ),
        Failure::MissingAuthentication => tr!(
            lang,
            "the call was not signed with any credentials",
            "调用没有使用任何凭证签名",
            "呼叫沒有使用任何憑證簽署"
        ),
        Failure::InvalidParameters { violations } => {
            let parts: alloc::vec::Vec<String> = violations
                .iter()
                .map(|v| alloc::format!("`{}` {}", v.member, constraint_text(&v.constraint, lang)))
                .collect();
            let joined = parts.join(tr!(lang, "; ", "；", "；").as_str());
            tr!(
                lang,
                "a parameter breaks its rules: {joined}",
                "参数不符合规则：{joined}",
                "參數不符合規則：{joined}"
            )
        }
        Failure::InvalidArn { arn } => tr!(
            lang,
            "`{arn}` is not an ARN (`arn:partition:service:region:account:resource`)",
            "`{arn}` 不是 ARN（`arn:分区:服务:区域:账户:资源`）",
            "`{arn}` 不是 ARN（`arn:分割區:服務:區域:帳戶:資源`）"
        ),
        Failure::SessionPoliciesTooLarge { arns, plaintext } => tr!(
            lang,
            "session policies are limited to 10 ARNs and 2,048 characters; this call passes {arns} ARNs and {plaintext} characters",
            "会话策略最多 10 个 ARN、2,048 个字符；这次调用传入了 {arns} 个 ARN、{plaintext} 个字符",
            "工作階段政策最多 10 個 ARN、2,048 個字元；這次呼叫傳入了 {arns} 個 ARN、{plaintext} 個字元"
        ),
        Failure::CallerCannotCall { call, caller } => {
            let who = caller_kind_name(*caller, lang);
            tr!(
                lang,
                "{who} cannot call {call}",
                "{who}不能调用 {call}",
                "{who}不能呼叫 {call}"
            )
        }
        Failure::NotAuthorized {
            action,
            layer,
            explicit,
            ..
        } => match (layer, explicit) {
            (Some(layer), true) => {
                let layer = layer_name(*layer, lang);
                tr!(
                    lang,
                    "a {layer} explicitly denies `{action}`",
                    "{layer}显式拒绝了 `{action}`",
                    "{layer}明確拒絕了 `{action}`"
                )
            }
            (Some(layer), false) => {
                let layer = layer_name(*layer, lang);
                tr!(
                    lang,
                    "no {layer} allows `{action}`",
                    "没有任何{layer}允许 `{action}`",
                    "沒有任何{layer}允許 `{action}`"
                )
            }
            (None, _) => tr!(
                lang,
                "`{action}` is not allowed",
                "不允许 `{action}`",
                "不允許 `{action}`"
            ),
        },
        Failure::DurationOverRoleMaximum { requested, maximum } => tr!(
            lang,
            "{requested} seconds is longer than the role's maximum session duration ({maximum} seconds)",
            "{requested} 秒超过了角色的最长会话持续时间（{maximum} 秒）",
            "{requested} 秒超過了角色的最長工作階段持續時間（{maximum} 秒）"
        ),
        Failure::ChainedDurationOverOneHour { requested } => tr!(
            lang,
            "a role assumed with temporary credentials (role chaining) lasts one hour at most, not {requested} seconds",
            "使用临时凭证代入的角色（角色链）最多持续一小时，不能是 {requested} 秒",
            "使用臨時憑證擔任的角色（角色鏈結）最多持續一小時，不能是 {requested} 秒"
        ),
        Failure::RootDurationOverOneHour { requested } => tr!(
            lang,
            "a root user's session lasts one hour at most, not {requested} seconds",
            "根用户的会话最多持续一小时，不能是 {requested} 秒",
            "根使用者的工作階段最多持續一小時，不能是 {requested} 秒"
        ),
        Failure::MfaFailed {
            serial_number,
            problem,
        } => match problem {
            MfaProblem::Incomplete => tr!(
                lang,
                "MFA needs both `SerialNumber` and `TokenCode`",
                "MFA 需要同时提供 `SerialNumber` 和 `TokenCode`",
                "MFA 需要同時提供 `SerialNumber` 和 `TokenCode`"
            ),
            MfaProblem::UnknownDevice => tr!(
                lang,
                "the caller has no MFA device `{serial_number}`",
                "调用者没有 MFA 设备 `{serial_number}`",
                "呼叫者沒有 MFA 裝置 `{serial_number}`"
            ),
            MfaProblem::WrongCode => tr!(
                lang,
                "the code is not the one MFA device `{serial_number}` shows",
                "验证码与 MFA 设备 `{serial_number}` 显示的不一致",
                "驗證碼與 MFA 裝置 `{serial_number}` 顯示的不一致"
            ),
        },
        Failure::MalformedSessionPolicy { source } => tr!(
            lang,
            "the session policy `{source}` is not a valid policy",
            "会话策略 `{source}` 不是有效的策略",
            "工作階段政策 `{source}` 不是有效的政策"
        ),
        Failure::UnknownSessionPolicyArn { arn } => tr!(
            lang,
            "there is no managed policy `{arn}`",
            "不存在托管策略 `{arn}`",
            "不存在受管政策 `{arn}`"
        ),
        Failure::PackedPolicyTooLarge { percent, tags } => {
            if *tags {
                tr!(
                    lang,
                    "the session tags take about {percent}% of the space in the session token (iamplay's estimate)",
                    "会话标签大约占用会话令牌空间的 {percent}%（iamplay 的估算）",
                    "工作階段標籤大約佔用工作階段字符空間的 {percent}%（iamplay 的估算）"
                )
            } else {
                tr!(
                    lang,
                    "the session policies take about {percent}% of the space in the session token (iamplay's estimate)",
                    "会话策略大约占用会话令牌空间的 {percent}%（iamplay 的估算）",
                    "工作階段政策大約佔用工作階段字符空間的 {percent}%（iamplay 的估算）"
                )
            }
        }
        Failure::InvalidSessionTags { problem, key } => match problem {
            TagProblem::DuplicateKey => tr!(
                lang,
                "two session tags have the key `{key}` (keys ignore case)",
                "有两个会话标签的键都是 `{key}`（键不区分大小写）",
                "有兩個工作階段標籤的索引鍵都是 `{key}`（索引鍵不區分大小寫）"
            ),
            TagProblem::TransitiveKeyNotInTags => tr!(
                lang,
                "the transitive key `{key}` is not among the session tags",
                "可传递键 `{key}` 不在会话标签中",
                "可轉移索引鍵 `{key}` 不在工作階段標籤中"
            ),
            TagProblem::OverridesInheritedTransitiveTag => tr!(
                lang,
                "`{key}` is a transitive tag inherited from the calling session and cannot be set again",
                "`{key}` 是从调用会话继承的可传递标签，不能重新设置",
                "`{key}` 是從呼叫工作階段繼承的可轉移標籤，不能重新設定"
            ),
        },
        Failure::SourceIdentityChange { current, requested } => tr!(
            lang,
            "the source identity is `{current}` for the whole role chain; it cannot become `{requested}`",
            "源身份在整个角色链中都是 `{current}`，不能改为 `{requested}`",
            "來源身分在整個角色鏈結中都是 `{current}`，不能改為 `{requested}`"
        ),
        Failure::InvalidWebIdentityToken { problem } => token_problem(*problem, lang),
    }
}

fn token_problem(problem: TokenProblem, lang: Lang) -> String {
    match problem {
        TokenProblem::Unreadable => tr!(
            lang,
            "the token is not a JWT whose payload is a JSON object",
            "令牌不是载荷为 JSON 对象的 JWT",
            "字符不是酬載為 JSON 物件的 JWT"
        ),
        TokenProblem::NoProviderForIssuer => tr!(
            lang,
            "the role's account has no OIDC identity provider for the token's issuer (`iss`)",
            "角色所在账户没有与令牌签发者（`iss`）对应的 OIDC 身份提供商",
            "角色所在帳戶沒有與字符簽發者（`iss`）對應的 OIDC 身分提供者"
        ),
        TokenProblem::AudienceNotAccepted => tr!(
            lang,
            "the token's audience (`aud`) is not one of the provider's client IDs",
            "令牌的受众（`aud`）不在身份提供商的客户端 ID 列表中",
            "字符的受眾（`aud`）不在身分提供者的用戶端 ID 清單中"
        ),
        TokenProblem::Expired => tr!(
            lang,
            "the token expired (`exp`), five minutes of clock skew allowed",
            "令牌已过期（`exp`，允许五分钟时钟偏差）",
            "字符已過期（`exp`，允許五分鐘時鐘偏差）"
        ),
        TokenProblem::NotTrusted => tr!(
            lang,
            "the role's trust policy does not allow this token's provider, audience or subject",
            "角色的信任策略不允许此令牌的提供商、受众或主体",
            "角色的信任政策不允許此字符的提供者、受眾或主體"
        ),
    }
}

/// What to do about it, in `lang`, where there is something useful to say.
#[must_use]
pub fn failure_help(failure: &Failure, lang: Lang) -> Option<String> {
    Some(match failure {
        Failure::ExpiredCredentials { .. } => tr!(
            lang,
            "call STS again for new credentials (temporary credentials cannot be renewed)",
            "再次调用 STS 获取新凭证（临时凭证无法续期）",
            "再次呼叫 STS 取得新憑證（臨時憑證無法續期）"
        ),
        Failure::NotAuthorized { action, .. } if action.starts_with("sts:AssumeRole") => tr!(
            lang,
            "both sides must agree: the role's trust policy must allow the caller, and across accounts the caller's own policy must allow `{action}` on the role",
            "双方都必须同意：角色的信任策略必须允许调用者；跨账户时，调用者自己的策略也必须允许对该角色执行 `{action}`",
            "雙方都必須同意：角色的信任政策必須允許呼叫者；跨帳戶時，呼叫者自己的政策也必須允許對該角色執行 `{action}`"
        ),
        Failure::NotAuthorized { action, .. } if action == "sts:TagSession" => tr!(
            lang,
            "passing session tags needs `sts:TagSession` in the trust policy (and, across accounts, in the caller's policy)",
            "传递会话标签需要信任策略允许 `sts:TagSession`（跨账户时调用者的策略也要允许）",
            "傳遞工作階段標籤需要信任政策允許 `sts:TagSession`（跨帳戶時呼叫者的政策也要允許）"
        ),
        Failure::ChainedDurationOverOneHour { .. } => tr!(
            lang,
            "ask for 3600 seconds or less, or assume the role with long-term credentials",
            "请求 3600 秒或更短，或使用长期凭证代入角色",
            "請求 3600 秒或更短，或使用長期憑證擔任角色"
        ),
        Failure::DurationOverRoleMaximum { .. } => tr!(
            lang,
            "ask for less, or raise the role's `MaxSessionDuration` (up to 43200 seconds)",
            "请求更短的时间，或提高角色的 `MaxSessionDuration`（最多 43200 秒）",
            "請求更短的時間，或提高角色的 `MaxSessionDuration`（最多 43200 秒）"
        ),
        Failure::CallerCannotCall { call, .. } if *call == "AssumeRole" => tr!(
            lang,
            "use an IAM user's or a role's credentials, not the root user's",
            "请使用 IAM 用户或角色的凭证，而不是根用户的",
            "請使用 IAM 使用者或角色的憑證，而不是根使用者的"
        ),
        Failure::MfaFailed { .. } => tr!(
            lang,
            "pass the ARN of the caller's own MFA device and the code it shows now",
            "请传入调用者自己的 MFA 设备 ARN 以及它当前显示的验证码",
            "請傳入呼叫者自己的 MFA 裝置 ARN 以及它目前顯示的驗證碼"
        ),
        Failure::PackedPolicyTooLarge { .. } => tr!(
            lang,
            "pass fewer or shorter tags, or a shorter session policy",
            "减少或缩短会话标签，或使用更短的会话策略",
            "減少或縮短工作階段標籤，或使用更短的工作階段政策"
        ),
        _ => return None,
    })
}

/// A note on a call, in `lang`.
#[must_use]
pub fn note_message(note: &Note, lang: Lang) -> String {
    match note {
        Note::PackedPolicySizeEstimated { percent } => tr!(
            lang,
            "PackedPolicySize {percent} is iamplay's estimate: AWS does not publish how it packs policies and tags",
            "PackedPolicySize {percent} 是 iamplay 的估算值：AWS 没有公开策略和标签的打包方式",
            "PackedPolicySize {percent} 是 iamplay 的估算值：AWS 沒有公開政策和標籤的封裝方式"
        ),
        Note::RootSessionCappedToOneHour { requested } => tr!(
            lang,
            "a root user's session lasts one hour at most: AWS quietly shortened the {requested} seconds asked for",
            "根用户的会话最多一小时：AWS 悄悄地缩短了请求的 {requested} 秒",
            "根使用者的工作階段最多一小時：AWS 悄悄地縮短了請求的 {requested} 秒"
        ),
        Note::MfaCarriedFromCaller { authenticated_at } => tr!(
            lang,
            "the new session carries the caller's MFA authentication of {authenticated_at}",
            "新会话沿用调用者在 {authenticated_at} 的 MFA 验证",
            "新工作階段沿用呼叫者在 {authenticated_at} 的 MFA 驗證"
        ),
        Note::SourceIdentityInherited { source_identity } => tr!(
            lang,
            "the source identity `{source_identity}` passes on from the calling session",
            "源身份 `{source_identity}` 从调用会话继承而来",
            "來源身分 `{source_identity}` 從呼叫工作階段繼承而來"
        ),
        Note::TransitiveTagsInherited { keys } => {
            let keys = keys.join(", ");
            tr!(
                lang,
                "transitive tags inherited from the calling session: {keys}",
                "从调用会话继承的可传递标签：{keys}",
                "從呼叫工作階段繼承的可轉移標籤：{keys}"
            )
        }
        Note::FederatedUserWithoutSessionPolicy => tr!(
            lang,
            "without a session policy the federated user may do nothing, except what resource-based policies grant its ARN",
            "没有会话策略时，联合用户什么都不能做，除非基于资源的策略直接授权给它的 ARN",
            "沒有工作階段政策時，聯合身分使用者什麼都不能做，除非資源型政策直接授權給它的 ARN"
        ),
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;

    use super::*;
    use crate::eval::Layer;
    use crate::sts::Violation;

    fn every_failure() -> Vec<Failure> {
        vec![
            Failure::WorldHasErrors { count: 2 },
            Failure::UnknownAccessKey {
                access_key_id: "AKIAX".into(),
            },
            Failure::UnknownPrincipal {
                arn: "arn:x".into(),
            },
            Failure::InactiveAccessKey {
                access_key_id: "AKIAX".into(),
            },
            Failure::ExpiredCredentials {
                expired_at: "2026-01-01T01:00:00Z".into(),
                now: "2026-01-01T02:00:00Z".into(),
            },
            Failure::MissingAuthentication,
            Failure::InvalidParameters {
                violations: vec![Violation {
                    member: "roleSessionName".into(),
                    value: "a b".into(),
                    sensitive: false,
                    constraint: Constraint::Pattern {
                        pattern: r"[\w+=,.@-]*",
                    },
                }],
            },
            Failure::InvalidArn { arn: "x".into() },
            Failure::SessionPoliciesTooLarge {
                arns: 11,
                plaintext: 100,
            },
            Failure::CallerCannotCall {
                call: "AssumeRole",
                caller: CallerKind::Root,
            },
            Failure::NotAuthorized {
                action: "sts:AssumeRole".into(),
                resource: "arn:aws:iam::111122223333:role/R".into(),
                layer: Some(Layer::ResourceBasedPolicy),
                explicit: false,
            },
            Failure::DurationOverRoleMaximum {
                requested: 7200,
                maximum: 3600,
            },
            Failure::ChainedDurationOverOneHour { requested: 7200 },
            Failure::RootDurationOverOneHour { requested: 7200 },
            Failure::MfaFailed {
                serial_number: "arn:aws:iam::111122223333:mfa/u".into(),
                problem: MfaProblem::WrongCode,
            },
            Failure::MalformedSessionPolicy {
                source: "Policy".into(),
            },
            Failure::UnknownSessionPolicyArn {
                arn: "arn:p".into(),
            },
            Failure::PackedPolicyTooLarge {
                percent: 120,
                tags: true,
            },
            Failure::InvalidSessionTags {
                problem: TagProblem::DuplicateKey,
                key: "a".into(),
            },
            Failure::SourceIdentityChange {
                current: "a".into(),
                requested: "b".into(),
            },
            Failure::InvalidWebIdentityToken {
                problem: TokenProblem::AudienceNotAccepted,
            },
        ]
    }

    #[test]
    fn every_failure_and_note_is_worded_in_every_language() {
        for failure in every_failure() {
            let english = failure_message(&failure, Lang::En);
            assert!(!english.is_empty());
            for lang in [Lang::ZhCn, Lang::ZhTw] {
                let chinese = failure_message(&failure, lang);
                assert!(!chinese.is_empty() && chinese != english, "{failure:?}");
            }
        }
        let notes = [
            Note::PackedPolicySizeEstimated { percent: 3 },
            Note::RootSessionCappedToOneHour { requested: 7200 },
            Note::FederatedUserWithoutSessionPolicy,
        ];
        for note in notes {
            assert_ne!(
                note_message(&note, Lang::En),
                note_message(&note, Lang::ZhCn)
            );
            assert_ne!(
                note_message(&note, Lang::ZhCn),
                note_message(&note, Lang::ZhTw)
            );
        }
    }

    #[test]
    fn a_trust_policy_denial_reads_well() {
        let failure = &every_failure()[10];
        assert_eq!(
            failure_message(failure, Lang::En),
            "no resource-based policy allows `sts:AssumeRole`"
        );
        assert_eq!(
            failure_message(failure, Lang::ZhCn),
            "没有任何基于资源的策略允许 `sts:AssumeRole`"
        );
        assert!(failure_help(failure, Lang::ZhTw).is_some_and(|h| h.contains("信任政策")));
    }
}
