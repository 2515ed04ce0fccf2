//! A role, checked as it is added to the [`Directory`](super::Directory): its trust policy, its
//! permissions, and what the two say together about who gets sessions of it, and for how long.

use alloc::format;
use alloc::string::String;

use super::RoleEntry;
use super::build::Builder;
use crate::eval::compile;
use crate::policy::{
    Context, Effect, Located, Policy, PolicyKind, Principal, PrincipalKind,
    admits_people_without_mfa,
};
use crate::source::LineIndex;
use crate::sts::names;
use crate::sts::problem::{Entity, WorldProblemKind};
use crate::sts::world::Role;

/// The longest session AWS gives a role by default, in seconds: "If you do not specify a value,
/// the default maximum of 1 hour is applied"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html>).
const DEFAULT_MAX_SESSION_DURATION: i64 = 3600;

impl Builder {
    pub(super) fn role(&mut self, at: &str, account: &str, role: &Role) {
        self.name(format!("{at}/name"), Entity::Role, &role.name, 64);
        let path = self.path(format!("{at}/path"), role.path.as_ref());
        let arn = self
            .directory
            .iam_arn(account, &format!("role{path}{}", role.name));
        let trust_pointer = format!("{at}/trustPolicy");
        let trust = self.checked(
            &trust_pointer,
            &role.trust_policy,
            Context::new(PolicyKind::RoleTrustPolicy).for_entity(&role.name),
        );
        // Whoever may assume the role without MFA gets its permissions without MFA; where the
        // trust policy requires MFA (or lets in only services and identity providers, whose
        // sessions never carry MFA), the role's own policies need not ask for it again.
        // <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html>
        // (MFA protection for cross-account delegation).
        let mfa_checks = trust.policy.as_ref().is_none_or(admits_people_without_mfa);
        let mut policies = self.inline(
            &format!("{at}/inlinePolicies"),
            PolicyKind::RoleInlinePolicy,
            &role.name,
            &role.inline_policies,
            mfa_checks,
        );
        policies.extend(self.attached(&format!("{at}/managedPolicies"), &role.managed_policies));
        let policies = self.capped(at, policies);
        let boundary = self.boundary(
            format!("{at}/permissionsBoundary"),
            role.permissions_boundary.as_ref(),
        );
        let tags = self.tags(&format!("{at}/tags"), &role.tags);
        let max_session_duration = match role.max_session_duration {
            Some(value) if !(3600..=43200).contains(&value) => {
                self.error(
                    format!("{at}/maxSessionDuration"),
                    WorldProblemKind::InvalidMaxSessionDuration { value },
                );
                DEFAULT_MAX_SESSION_DURATION
            }
            Some(value) => value,
            None => DEFAULT_MAX_SESSION_DURATION,
        };
        if let Some(kind) = trust.policy.as_ref().and_then(|policy| {
            long_session_for_workload(
                policy,
                &role.trust_policy,
                max_session_duration,
                &self.directory.partition,
            )
        }) {
            self.warning(format!("{at}/maxSessionDuration"), kind);
        }
        let trust_policy = trust
            .policy
            .map(|policy| compile(&arn, &policy).from_source(trust_pointer));
        if self.name_taken_in(account, "role", &role.name) {
            self.duplicate(format!("{at}/name"), Entity::Role, &role.name);
            return;
        }
        let id = role
            .id
            .clone()
            .unwrap_or_else(|| names::unique_id("AROA", &arn));
        self.directory.roles.insert(
            arn,
            RoleEntry {
                account: account.into(),
                name: role.name.clone(),
                id,
                trust_policy,
                policies,
                boundary,
                tags,
                max_session_duration,
            },
        );
    }
}

/// The warning for a role whose sessions may outlast what automation needs: its
/// `MaxSessionDuration` is above AWS's default of one hour, and its trust policy lets in an
/// OIDC identity provider, through which workloads (CI jobs, Kubernetes pods) call
/// `AssumeRoleWithWebIdentity` and may ask for any `DurationSeconds` up to that maximum
/// (<https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html>).
/// The course advises 15 minutes to 1 hour for scripts and automation, never 12 hours
/// (`seeds/`, lesson 002: 设置合理的会话持续时间).
///
/// Service principals (`ec2.amazonaws.com`, `lambda.amazonaws.com`) are not counted: "This
/// setting does not limit sessions assumed by AWS services"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html>).
/// Nor are users and roles: a role session that assumes a role is role chaining, limited to one
/// hour whatever the maximum
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining>),
/// and whether a user is a person or a program the world does not say.
fn long_session_for_workload(
    trust: &Policy,
    text: &str,
    max_session_duration: i64,
    partition: &str,
) -> Option<WorldProblemKind> {
    if max_session_duration <= DEFAULT_MAX_SESSION_DURATION {
        return None;
    }
    let provider = trust
        .statements
        .items
        .iter()
        .map(|statement| &statement.value)
        .filter(|statement| statement.effect.value == Effect::Allow)
        .filter_map(|statement| statement.principal.as_ref().filter(|p| !p.negated))
        .filter_map(|principal| match &principal.value {
            Principal::Map(entries) => Some(entries),
            Principal::Everyone => None,
        })
        .flatten()
        .filter(|entry| entry.kind.value == PrincipalKind::Federated)
        .flat_map(|entry| &entry.ids.items)
        .find(|id| is_oidc_provider(&id.value, partition))?;
    let Located { value, loc } = provider;
    Some(WorldProblemKind::LongSessionForWorkload {
        max_session_duration,
        provider: value.clone(),
        trust_policy: LineIndex::new(text).locate(loc.pointer.clone(), loc.span),
    })
}

/// Whether `id` is the ARN of an IAM OIDC identity provider
/// (`arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com`).
fn is_oidc_provider(id: &str, partition: &str) -> bool {
    let prefix: String = format!("arn:{partition}:iam::");
    id.strip_prefix(&prefix)
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(account, resource)| {
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource
                    .strip_prefix("oidc-provider/")
                    .is_some_and(|issuer| !issuer.is_empty())
        })
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
