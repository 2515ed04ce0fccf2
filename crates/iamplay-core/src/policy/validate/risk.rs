//! Warnings about statements that grant more than their author probably meant: every action on
//! every resource, whole services (`s3:*`), `NotAction` with `Allow`, sensitive actions without
//! MFA, and trust policies that let a whole account or anyone assume the role.
//!
//! Sources:
//! - least privilege: "grant only the permissions required to perform a task"
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>, Apply
//!   least-privilege permissions); a wildcard after the service prefix matches every action of
//!   the service (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html>);
//! - `NotAction` with `Allow` "matches all services and actions that are not explicitly listed
//!   ... and could result in granting users more permissions than you intended"
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html>);
//! - MFA: "You can apply additional security by requiring users to authenticate with
//!   multi-factor authentication (MFA) before you allow them to perform particularly sensitive
//!   actions" (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html>).
//!   Which conditions require MFA follows the table of `aws:MultiFactorAuthPresent` in
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent>
//!   (`docs/sources/condition-keys.md` 1.2.1): `Allow` with `Bool` `true` lets in only
//!   MFA-authenticated temporary credentials, but `BoolIfExists` `true` also lets in long-term
//!   access keys; `Deny` with `BoolIfExists` `false` denies both non-MFA sessions and long-term
//!   keys, but `Bool` `false` does not deny long-term keys.
//!
//! The checks look at actions only: a statement's resources do not narrow the warning, except
//! that a `Deny` protects a sensitive action only when its `Resource` is `*`.

use alloc::string::String;
use alloc::vec::Vec;

use super::Validation;
use super::principal::is_account_id;
use crate::actions::SENSITIVE;
use crate::pattern::Glob;
use crate::policy::finding::FindingKind;
use crate::policy::kind::PolicyKind;
use crate::policy::model::{
    ActionBlock, ConditionBlock, ConditionKeyValues, Effect, Policy, Principal, PrincipalBlock,
    PrincipalKind, Statement,
};
use crate::policy::operator::{BaseOperator, Operator, OperatorFamily};

/// `aws:MultiFactorAuthPresent`.
const MFA_PRESENT: &str = "aws:MultiFactorAuthPresent";
/// `aws:MultiFactorAuthAge`.
const MFA_AGE: &str = "aws:MultiFactorAuthAge";

/// The sensitive actions, lower-cased for IAM's case-insensitive matching, each with whether a
/// `Deny` statement of the policy already denies it to requests without MFA (or altogether).
pub(super) struct Sensitive {
    actions: Vec<(String, bool)>,
}

impl Sensitive {
    /// The sensitive actions as `policy`'s `Deny` statements leave them.
    pub(super) fn of(policy: &Policy) -> Self {
        let denies: Vec<&Statement> = policy
            .statements
            .items
            .iter()
            .map(|s| &s.value)
            .filter(|s| s.effect.value == Effect::Deny && denies_without_mfa(s))
            .collect();
        let actions = SENSITIVE
            .iter()
            .map(|action| {
                let lower = action.to_ascii_lowercase();
                let protected = denies.iter().any(|s| covers(&s.action, &lower));
                (lower, protected)
            })
            .collect();
        Self { actions }
    }
}

impl Validation<'_, '_, '_> {
    /// Every warning about what `statement` grants.
    pub(super) fn risks(&mut self, statement: &Statement, sensitive: &Sensitive) {
        let everything = self.broad_statements(statement);
        if statement.effect.value != Effect::Allow || !grants(self.kind()) {
            return;
        }
        if statement.action.negated {
            self.warn(FindingKind::AllowWithNotAction, &statement.action.loc);
        } else if !everything {
            self.wildcard_actions(statement);
        }
        if self.context.mfa_checks
            && self.kind().is_identity_based()
            && !requires_mfa(statement.condition.as_ref())
        {
            self.sensitive_actions(statement, sensitive);
        }
    }

    /// Statements that grant far more than their author probably meant: every action on every
    /// resource; in a trust policy, every principal or a whole account. Returns whether the
    /// statement was reported as allowing every action on every resource.
    fn broad_statements(&mut self, statement: &Statement) -> bool {
        if statement.effect.value != Effect::Allow || statement.condition.is_some() {
            return false;
        }
        let all_actions = !statement.action.negated
            && statement
                .action
                .actions
                .items
                .iter()
                .any(|a| a.value == "*");
        let all_resources = statement
            .resource
            .as_ref()
            .is_some_and(|r| !r.negated && r.resources.items.iter().any(|r| r.value == "*"));
        let everything = all_actions && all_resources;
        if everything {
            self.warn(FindingKind::AllActionsOnAllResources, &statement.loc);
        }
        if self.kind() != PolicyKind::RoleTrustPolicy {
            return everything;
        }
        if let Some(principal) = statement
            .principal
            .as_ref()
            .filter(|p| !p.negated && names_everyone(p))
        {
            self.warn(FindingKind::AnyoneCanAssume, &principal.loc);
        }
        let Some(PrincipalBlock {
            negated: false,
            value: Principal::Map(entries),
            ..
        }) = &statement.principal
        else {
            return everything;
        };
        for entry in entries
            .iter()
            .filter(|e| e.kind.value == PrincipalKind::Aws)
        {
            for id in &entry.ids.items {
                if let Some(account) = whole_account(&id.value, self.context.partition) {
                    self.warn(
                        FindingKind::WholeAccountTrust {
                            account: account.into(),
                        },
                        &id.loc,
                    );
                }
            }
        }
        everything
    }

    /// `*` and `service:*` in an `Allow`'s `Action`. A wildcard in the service prefix is
    /// [`FindingKind::WildcardInService`]'s, and a partial one (`s3:Get*`) is not reported:
    /// where it reaches a sensitive action, the MFA check says so.
    fn wildcard_actions(&mut self, statement: &Statement) {
        for action in &statement.action.actions.items {
            let text = action.value.as_str();
            let service = match text.split_once(':') {
                None if is_stars(text) => None,
                Some((service, name))
                    if is_stars(name) && !service.is_empty() && !service.contains(['*', '?']) =>
                {
                    Some(String::from(service))
                }
                _ => continue,
            };
            let kind = FindingKind::WildcardAction {
                action: text.into(),
                service,
            };
            self.warn(kind, &action.loc);
        }
    }

    /// Sensitive actions the statement allows and no `Deny` of the policy protects with MFA:
    /// one warning per `Action` entry that reaches one not reported yet, or one for `NotAction`.
    fn sensitive_actions(&mut self, statement: &Statement, sensitive: &Sensitive) {
        let open: Vec<usize> = (0..sensitive.actions.len())
            .filter(|&i| {
                sensitive
                    .actions
                    .get(i)
                    .is_some_and(|(_, protected)| !protected)
            })
            .collect();
        if statement.action.negated {
            let allowed: Vec<usize> = open
                .into_iter()
                .filter(|&i| {
                    sensitive
                        .actions
                        .get(i)
                        .is_some_and(|(lower, _)| covers(&statement.action, lower))
                })
                .collect();
            if let Some(kind) = finding(None, &allowed) {
                self.warn(kind, &statement.action.loc);
            }
            return;
        }
        let mut reported: Vec<usize> = Vec::new();
        for action in &statement.action.actions.items {
            let glob = Glob::parse(&action.value.to_ascii_lowercase());
            let allowed: Vec<usize> = open
                .iter()
                .copied()
                .filter(|i| !reported.contains(i))
                .filter(|&i| {
                    sensitive
                        .actions
                        .get(i)
                        .is_some_and(|(lower, _)| glob.matches(lower))
                })
                .collect();
            if let Some(kind) = finding(Some(&action.value), &allowed) {
                self.warn(kind, &action.loc);
                reported.extend(allowed);
            }
        }
    }
}

/// The finding for the sensitive actions `allowed` (indexes into [`SENSITIVE`]), if any.
fn finding(pattern: Option<&str>, allowed: &[usize]) -> Option<FindingKind> {
    let (first, rest) = allowed.split_first()?;
    Some(FindingKind::SensitiveActionWithoutMfa {
        pattern: pattern.map(String::from),
        action: SENSITIVE.get(*first)?,
        more: rest.len(),
    })
}

/// Whether policies of `kind` grant permissions to act on resources: identity-based permission
/// policies and resource-based policies. Permissions boundaries, session policies, SCPs and
/// RCPs only limit what others grant
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html>); a trust policy
/// grants only STS's own actions.
fn grants(kind: PolicyKind) -> bool {
    matches!(
        kind,
        PolicyKind::UserInlinePolicy
            | PolicyKind::GroupInlinePolicy
            | PolicyKind::RoleInlinePolicy
            | PolicyKind::ManagedPolicy
            | PolicyKind::BucketPolicy
            | PolicyKind::ResourcePolicy
    )
}

/// Whether `text` is one or more `*`.
fn is_stars(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b == b'*')
}

/// Whether an `Action` (or `NotAction`) element applies to the lower-cased `action`, with IAM's
/// wildcards.
fn covers(block: &ActionBlock, action: &str) -> bool {
    let named = block
        .actions
        .items
        .iter()
        .any(|a| crate::pattern::matches(&a.value.to_ascii_lowercase(), action));
    named != block.negated
}

/// Whether a `Deny` statement denies its actions on every resource to every request without MFA:
/// without a condition, or with only conditions that hold when MFA is missing.
fn denies_without_mfa(statement: &Statement) -> bool {
    let everywhere = statement
        .resource
        .as_ref()
        .is_some_and(|r| !r.negated && r.resources.items.iter().any(|r| r.value == "*"));
    everywhere
        && statement.condition.as_ref().is_none_or(|condition| {
            let mut tests = keys(condition).peekable();
            tests.peek().is_some() && tests.all(|(operator, key)| mfa_missing(operator, key))
        })
}

/// Whether a statement's condition holds only for requests authenticated with MFA.
fn requires_mfa(condition: Option<&ConditionBlock>) -> bool {
    condition.is_some_and(|c| keys(c).any(|(operator, key)| mfa_required(operator, key)))
}

/// Whether a role trust policy lets an AWS principal (a user, a role, an account, anyone)
/// assume the role without MFA. Services and identity providers are not counted: their
/// sessions carry no MFA, so a condition on it would lock them out
/// (`aws:MultiFactorAuthPresent` is "not present for federated identities").
pub(crate) fn admits_people_without_mfa(trust: &Policy) -> bool {
    trust.statements.items.iter().any(|statement| {
        let statement = &statement.value;
        let people = statement.principal.as_ref().is_some_and(|p| {
            !p.negated
                && match &p.value {
                    Principal::Everyone => true,
                    Principal::Map(entries) => entries
                        .iter()
                        .any(|e| e.kind.value == PrincipalKind::Aws && !e.ids.items.is_empty()),
                }
        });
        statement.effect.value == Effect::Allow
            && people
            && !requires_mfa(statement.condition.as_ref())
    })
}

/// Every condition key test, with its operator.
fn keys(condition: &ConditionBlock) -> impl Iterator<Item = (Operator, &ConditionKeyValues)> {
    condition.operators.iter().flat_map(|block| {
        block
            .keys
            .iter()
            .map(move |key| (block.operator.value, key))
    })
}

/// Whether a key test of an `Allow` holds only with MFA: `Bool` `aws:MultiFactorAuthPresent`
/// `true`, a `Numeric` test of `aws:MultiFactorAuthAge` (present only after MFA), or `Null`
/// `aws:MultiFactorAuthAge` `false`. `...IfExists` also holds without the key, so for long-term
/// access keys.
fn mfa_required(operator: Operator, key: &ConditionKeyValues) -> bool {
    if operator.set.is_some() || operator.if_exists {
        return false;
    }
    let name = key.key.value.as_str();
    match operator.base {
        BaseOperator::Bool => name.eq_ignore_ascii_case(MFA_PRESENT) && all_values(key, "true"),
        BaseOperator::Null => name.eq_ignore_ascii_case(MFA_AGE) && all_values(key, "false"),
        base => {
            base.family() == OperatorFamily::Numeric
                && !base.is_negated()
                && name.eq_ignore_ascii_case(MFA_AGE)
                && !key.values.items.is_empty()
        }
    }
}

/// Whether a key test of a `Deny` holds for every request without MFA: `BoolIfExists`
/// `aws:MultiFactorAuthPresent` `false`, or `Null` `aws:MultiFactorAuthAge` `true`.
fn mfa_missing(operator: Operator, key: &ConditionKeyValues) -> bool {
    let name = key.key.value.as_str();
    operator.set.is_none()
        && match operator.base {
            BaseOperator::Bool => {
                operator.if_exists
                    && name.eq_ignore_ascii_case(MFA_PRESENT)
                    && all_values(key, "false")
            }
            BaseOperator::Null => name.eq_ignore_ascii_case(MFA_AGE) && all_values(key, "true"),
            _ => false,
        }
}

/// Whether the key has values and all of them are `value` (ignoring case).
fn all_values(key: &ConditionKeyValues, value: &str) -> bool {
    !key.values.items.is_empty()
        && key
            .values
            .items
            .iter()
            .all(|v| v.value.as_text().eq_ignore_ascii_case(value))
}

/// Whether a principal block lets in every AWS principal (`"*"` or `{"AWS": "*"}`).
fn names_everyone(principal: &PrincipalBlock) -> bool {
    match &principal.value {
        Principal::Everyone => true,
        Principal::Map(entries) => entries.iter().any(|e| {
            e.kind.value == PrincipalKind::Aws && e.ids.items.iter().any(|id| id.value == "*")
        }),
    }
}

/// The account an AWS principal id names as a whole (`123456789012` or its root ARN).
fn whole_account<'a>(id: &'a str, partition: &str) -> Option<&'a str> {
    if is_account_id(id) {
        return Some(id);
    }
    let account = id
        .strip_prefix("arn:")?
        .strip_prefix(partition)?
        .strip_prefix(":iam::")?
        .strip_suffix(":root")?;
    is_account_id(account).then_some(account)
}
