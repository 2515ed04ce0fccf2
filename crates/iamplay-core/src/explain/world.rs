//! Problems in a world, in words. A policy's own findings are worded by
//! [`finding_message`](super::finding_message); this says where the policy is.

use alloc::string::String;

use super::{Lang, finding_help, finding_message, tr};
use crate::policy::PolicyKind;
use crate::sts::world::OrganizationPolicyType;
use crate::sts::{Entity, WorldProblem, WorldProblemKind, WorldWarning};

/// The name of a kind of thing in a world.
#[must_use]
pub fn entity_name(entity: Entity, lang: Lang) -> String {
    match entity {
        Entity::Account => tr!(lang, "account", "账户", "帳戶"),
        Entity::User => tr!(lang, "user", "用户", "使用者"),
        Entity::Group => tr!(lang, "group", "用户组", "群組"),
        Entity::Role => tr!(lang, "role", "角色", "角色"),
        Entity::Policy => tr!(lang, "managed policy", "托管策略", "受管政策"),
        Entity::InlinePolicy => tr!(lang, "inline policy", "内联策略", "內嵌政策"),
        Entity::IdentityProvider => tr!(lang, "identity provider", "身份提供商", "身分提供者"),
        Entity::Resource => tr!(lang, "resource", "资源", "資源"),
        Entity::Organization => tr!(lang, "organization", "组织", "組織"),
        Entity::OrganizationPolicy => tr!(lang, "organization policy", "组织策略", "組織政策"),
        Entity::AccessKey => tr!(lang, "access key", "访问密钥", "存取金鑰"),
        Entity::MfaDevice => tr!(lang, "MFA device", "MFA 设备", "MFA 裝置"),
    }
}

fn policy_kind_name(kind: PolicyKind, lang: Lang) -> String {
    match kind {
        PolicyKind::UserInlinePolicy
        | PolicyKind::GroupInlinePolicy
        | PolicyKind::RoleInlinePolicy
        | PolicyKind::ManagedPolicy => tr!(lang, "permissions policy", "权限策略", "許可政策"),
        PolicyKind::PermissionsBoundary => {
            tr!(lang, "permissions boundary", "权限边界", "許可界限")
        }
        PolicyKind::SessionPolicy => tr!(lang, "session policy", "会话策略", "工作階段政策"),
        PolicyKind::RoleTrustPolicy => tr!(lang, "trust policy", "信任策略", "信任政策"),
        PolicyKind::BucketPolicy => tr!(lang, "bucket policy", "存储桶策略", "儲存貯體政策"),
        PolicyKind::ResourcePolicy => {
            tr!(
                lang,
                "resource-based policy",
                "基于资源的策略",
                "資源型政策"
            )
        }
        PolicyKind::ServiceControlPolicy => tr!(lang, "SCP", "SCP", "SCP"),
        PolicyKind::ResourceControlPolicy => tr!(lang, "RCP", "RCP", "RCP"),
    }
}

fn policy_type_name(policy_type: OrganizationPolicyType, lang: Lang) -> String {
    match policy_type {
        OrganizationPolicyType::ServiceControlPolicy => tr!(lang, "SCP", "SCP", "SCP"),
        OrganizationPolicyType::ResourceControlPolicy => tr!(lang, "RCP", "RCP", "RCP"),
    }
}

/// What a world problem is, in `lang` (its place is [`WorldProblem::pointer`]).
#[must_use]
pub fn world_problem_message(problem: &WorldProblem, lang: Lang) -> String {
    world_problem_kind_message(&problem.kind, lang)
}

/// What to do about a world problem, in `lang`, where there is something useful to say (a
/// policy's findings have their own: [`finding_help`]).
#[must_use]
pub fn world_problem_help(problem: &WorldProblem, lang: Lang) -> Option<String> {
    match &problem.kind {
        WorldProblemKind::LongSessionForWorkload { .. } => Some(tr!(
            lang,
            "set `maxSessionDuration` back to 3600, the default and the least IAM allows: automation jobs should ask for 15 minutes to 1 hour, so that leaked credentials expire soon",
            "把 `maxSessionDuration` 改回 3600（默认值，也是 IAM 允许的最小值）：自动化任务应请求 15 分钟到 1 小时的会话，泄露的凭证才会很快过期",
            "把 `maxSessionDuration` 改回 3600（預設值，也是 IAM 允許的最小值）：自動化工作應請求 15 分鐘到 1 小時的工作階段，外洩的憑證才會很快到期"
        )),
        _ => None,
    }
}

/// What a warning in a world says, in `lang` (its place is [`WorldWarning::pointer`]).
#[must_use]
pub fn world_warning_message(warning: &WorldWarning<'_>, lang: Lang) -> String {
    match warning {
        WorldWarning::World(problem) => world_problem_message(problem, lang),
        WorldWarning::Policy { finding, .. } => finding_message(finding, lang),
    }
}

/// What to do about a warning in a world, in `lang`, where there is something useful to say.
#[must_use]
pub fn world_warning_help(warning: &WorldWarning<'_>, lang: Lang) -> Option<String> {
    match warning {
        WorldWarning::World(problem) => world_problem_help(problem, lang),
        WorldWarning::Policy { finding, .. } => finding_help(finding, lang),
    }
}

/// What a kind of world problem is, in `lang`.
#[must_use]
pub fn world_problem_kind_message(kind: &WorldProblemKind, lang: Lang) -> String {
    match kind {
        WorldProblemKind::Policy {
            policy_kind,
            findings,
            ..
        } => {
            let kind = policy_kind_name(*policy_kind, lang);
            let count = findings.len();
            tr!(
                lang,
                "this {kind} has {count} findings",
                "这个{kind}有 {count} 个问题",
                "這個{kind}有 {count} 個問題"
            )
        }
        WorldProblemKind::InvalidTime { value } => tr!(
            lang,
            "`{value}` is not an ISO 8601 date and time (`2026-03-01T09:00:00Z`)",
            "`{value}` 不是 ISO 8601 日期时间（`2026-03-01T09:00:00Z`）",
            "`{value}` 不是 ISO 8601 日期時間（`2026-03-01T09:00:00Z`）"
        ),
        WorldProblemKind::InvalidPartition { value } => tr!(
            lang,
            "`{value}` is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov`)",
            "`{value}` 不是 AWS 分区（`aws`、`aws-cn`、`aws-us-gov`）",
            "`{value}` 不是 AWS 分割區（`aws`、`aws-cn`、`aws-us-gov`）"
        ),
        WorldProblemKind::InvalidAccountId { value } => tr!(
            lang,
            "`{value}` is not an account id: it must be 12 digits",
            "`{value}` 不是账户 ID：必须是 12 位数字",
            "`{value}` 不是帳戶 ID：必須是 12 位數字"
        ),
        WorldProblemKind::Duplicate { entity, name } => {
            let entity = entity_name(*entity, lang);
            tr!(
                lang,
                "there is already a {entity} `{name}` (names ignore case)",
                "已经存在名为 `{name}` 的{entity}（名称不区分大小写）",
                "已經存在名為 `{name}` 的{entity}（名稱不區分大小寫）"
            )
        }
        WorldProblemKind::InvalidName {
            entity,
            value,
            pattern,
            max_length,
        } => {
            let entity = entity_name(*entity, lang);
            tr!(
                lang,
                "`{value}` is not a valid {entity} name: 1 to {max_length} characters of `{pattern}`",
                "`{value}` 不是有效的{entity}名称：需要 1 到 {max_length} 个 `{pattern}` 中的字符",
                "`{value}` 不是有效的{entity}名稱：需要 1 到 {max_length} 個 `{pattern}` 中的字元"
            )
        }
        WorldProblemKind::InvalidPath { value } => tr!(
            lang,
            "`{value}` is not an IAM path: `/` or `/text/`",
            "`{value}` 不是 IAM 路径：应为 `/` 或 `/文本/`",
            "`{value}` 不是 IAM 路徑：應為 `/` 或 `/文字/`"
        ),
        WorldProblemKind::IncompleteProvider { provider_type } => match provider_type {
            crate::sts::world::ProviderType::Oidc => tr!(
                lang,
                "an OIDC provider needs its issuer `url`",
                "OIDC 身份提供商需要签发者 `url`",
                "OIDC 身分提供者需要簽發者 `url`"
            ),
            crate::sts::world::ProviderType::Saml => tr!(
                lang,
                "a SAML provider needs its `name`",
                "SAML 身份提供商需要 `name`",
                "SAML 身分提供者需要 `name`"
            ),
        },
        WorldProblemKind::UnknownGroup { name } => tr!(
            lang,
            "the account has no group `{name}`",
            "账户中没有用户组 `{name}`",
            "帳戶中沒有群組 `{name}`"
        ),
        WorldProblemKind::UnknownPolicy { arn } => tr!(
            lang,
            "there is no managed policy `{arn}` in this world",
            "这个环境中没有托管策略 `{arn}`",
            "這個環境中沒有受管政策 `{arn}`"
        ),
        WorldProblemKind::InvalidMaxSessionDuration { value } => tr!(
            lang,
            "a role's maximum session duration is 3600 to 43200 seconds, not {value}",
            "角色的最长会话持续时间应为 3600 到 43200 秒，不能是 {value}",
            "角色的最長工作階段持續時間應為 3600 到 43200 秒，不能是 {value}"
        ),
        WorldProblemKind::TooManyPolicies { count, limit } => tr!(
            lang,
            "{count} policies; iamplay evaluates up to {limit} for one user, group or role (the first {limit})",
            "有 {count} 个策略；iamplay 对一个用户、用户组或角色最多评估 {limit} 个（前 {limit} 个）",
            "有 {count} 個政策；iamplay 對一個使用者、群組或角色最多評估 {limit} 個（前 {limit} 個）"
        ),
        WorldProblemKind::DuplicateTagKey { key } => tr!(
            lang,
            "another tag already has the key `{key}` (tag keys ignore case)",
            "已有其他标签使用键 `{key}`（标签键不区分大小写）",
            "已有其他標籤使用索引鍵 `{key}`（標籤索引鍵不區分大小寫）"
        ),
        WorldProblemKind::InvalidResourceArn { arn } => tr!(
            lang,
            "`{arn}` is not an ARN of this account (S3 bucket ARNs carry no account: `arn:aws:s3:::bucket`)",
            "`{arn}` 不是这个账户的 ARN（S3 存储桶 ARN 不含账户：`arn:aws:s3:::bucket`）",
            "`{arn}` 不是這個帳戶的 ARN（S3 儲存貯體 ARN 不含帳戶：`arn:aws:s3:::bucket`）"
        ),
        WorldProblemKind::UnknownAccount { id } => tr!(
            lang,
            "the world has no account `{id}`",
            "这个环境中没有账户 `{id}`",
            "這個環境中沒有帳戶 `{id}`"
        ),
        WorldProblemKind::AccountPlacedTwice { id } => tr!(
            lang,
            "account `{id}` is already placed in an organization",
            "账户 `{id}` 已经在某个组织中",
            "帳戶 `{id}` 已經在某個組織中"
        ),
        WorldProblemKind::ManagementAccountNotInOrganization { id } => tr!(
            lang,
            "the management account `{id}` must be in the organization's tree",
            "管理账户 `{id}` 必须在组织结构中",
            "管理帳戶 `{id}` 必須在組織結構中"
        ),
        WorldProblemKind::UnknownOrganizationPolicy { name, expected } => {
            let kind = policy_type_name(*expected, lang);
            tr!(
                lang,
                "the organization has no {kind} `{name}`",
                "组织中没有名为 `{name}` 的 {kind}",
                "組織中沒有名為 `{name}` 的 {kind}"
            )
        }
        WorldProblemKind::LongSessionForWorkload {
            max_session_duration,
            provider,
            ..
        } => tr!(
            lang,
            "workloads that sign in through `{provider}` can get sessions of up to {max_session_duration} seconds from this role; AWS's default is 3600",
            "通过 `{provider}` 登录的工作负载可以从此角色获得最长 {max_session_duration} 秒的会话；AWS 的默认值为 3600",
            "透過 `{provider}` 登入的工作負載可以從此角色取得最長 {max_session_duration} 秒的工作階段；AWS 的預設值為 3600"
        ),
        WorldProblemKind::NoPolicyAttached { policy_type } => {
            let kind = policy_type_name(*policy_type, lang);
            tr!(
                lang,
                "at least one {kind} stays attached while the policy type is enabled (leave the list out for AWS's default)",
                "启用该策略类型时至少要附加一个 {kind}（省略此列表即使用 AWS 的默认策略）",
                "啟用該政策類型時至少要附加一個 {kind}（省略此清單即使用 AWS 的預設政策）"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sts::Simulator;
    use crate::sts::world::{Account, Role, World};

    #[test]
    fn a_broken_world_is_explained_where_it_is_broken() {
        let world = World {
            accounts: alloc::vec![Account {
                id: "12345".into(),
                roles: alloc::vec![Role {
                    name: "Course Role".into(),
                    trust_policy: "{".into(),
                    max_session_duration: Some(60),
                    ..Role::default()
                }],
                ..Account::default()
            }],
            ..World::default()
        };
        let simulator = Simulator::new(&world);
        let lines: alloc::vec::Vec<(String, String)> = simulator
            .problems()
            .iter()
            .map(|p| (p.pointer.clone(), world_problem_message(p, Lang::En)))
            .collect();
        assert!(lines.contains(&(
            "/accounts/0/id".into(),
            "`12345` is not an account id: it must be 12 digits".into()
        )));
        assert!(
            lines
                .iter()
                .any(|(at, text)| at == "/accounts/0/roles/0/name"
                    && text.starts_with("`Course Role` is not a valid role name"))
        );
        assert!(
            lines
                .iter()
                .any(|(at, text)| at == "/accounts/0/roles/0/trustPolicy"
                    && text.starts_with("this trust policy has"))
        );
        assert!(
            lines
                .iter()
                .any(|(at, _)| at == "/accounts/0/roles/0/maxSessionDuration")
        );
        for problem in simulator.problems() {
            assert_ne!(
                world_problem_message(problem, Lang::ZhCn),
                world_problem_message(problem, Lang::ZhTw)
            );
        }
    }

    #[test]
    fn the_long_session_warning_and_every_world_warning_read_in_every_language() {
        let problem = WorldProblem {
            pointer: "/accounts/0/roles/0/maxSessionDuration".into(),
            severity: crate::policy::Severity::Warning,
            kind: WorldProblemKind::LongSessionForWorkload {
                max_session_duration: 43200,
                provider:
                    "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
                        .into(),
                trust_policy: crate::source::Location::default(),
            },
        };
        assert_eq!(
            world_problem_message(&problem, Lang::En),
            "workloads that sign in through `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com` can get sessions of up to 43200 seconds from this role; AWS's default is 3600"
        );
        for lang in Lang::ALL {
            let words = [
                world_problem_message(&problem, lang),
                world_problem_help(&problem, lang).unwrap_or_default(),
            ];
            for text in &words {
                assert!(!text.trim().is_empty());
                if lang != Lang::En {
                    assert!(text.chars().any(|c| u32::from(c) > 0x2E80), "{text}");
                }
            }
            let warning = WorldWarning::World(&problem);
            assert_eq!(world_warning_message(&warning, lang), words[0]);
            assert_eq!(world_warning_help(&warning, lang).as_ref(), Some(&words[1]));
        }
        assert!(world_problem_message(&problem, Lang::ZhTw).contains("工作階段"));

        // A policy's warning is worded by the finding catalog.
        let checked = crate::policy::check(
            r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}}"#,
            &crate::policy::Context::new(PolicyKind::UserInlinePolicy),
        );
        for finding in &checked.findings {
            let warning = WorldWarning::Policy {
                pointer: "/accounts/0/users/0/inlinePolicies/0/document",
                policy_kind: PolicyKind::UserInlinePolicy,
                finding,
            };
            for lang in Lang::ALL {
                assert_eq!(
                    world_warning_message(&warning, lang),
                    finding_message(finding, lang)
                );
                assert_eq!(
                    world_warning_help(&warning, lang),
                    finding_help(finding, lang)
                );
            }
        }
        assert_eq!(checked.findings.len(), 2, "{:?}", checked.findings);
    }
}
