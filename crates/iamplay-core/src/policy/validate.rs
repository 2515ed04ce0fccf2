//! Validating a policy that reads: the rules of its kind, the formats of its strings, and the
//! warnings a good linter gives. Every rule cites its source in `kind.rs`, `validate/arn.rs`,
//! `validate/principal.rs` or below; the evidence is in `docs/sources/policy-language.md`.

mod arn;
mod principal;

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::value::date;

use super::check::Context;
use super::finding::{Collector, Element, FindingKind, Severity};
use super::kind::{PolicyKind, PrincipalRule, Validator};
use super::model::{
    ConditionBlock, Effect, Loc, Policy, Principal, PrincipalBlock, PrincipalKind, Statement,
    Version,
};
use super::operator::{BaseOperator, Operator, OperatorFamily};
use super::variable;
use crate::context_keys::{self, KeyType};

use principal::is_account_id;

/// The actions a trust policy may name: STS's role-assuming actions and the ones that go with
/// them. IAM answers anything else with "AssumeRole policy may only specify STS AssumeRole
/// actions." (recorded against AWS, `docs/sources/policy-language.md` 1.4).
const TRUST_POLICY_ACTIONS: [&str; 6] = [
    "sts:assumerole",
    "sts:assumerolewithsaml",
    "sts:assumerolewithwebidentity",
    "sts:tagsession",
    "sts:setsourceidentity",
    "sts:setcontext",
];

/// Checks `policy` as a policy of `context.kind`, adding the findings to `out`.
pub(crate) fn validate(policy: &Policy, context: &Context<'_>, out: &mut Collector<'_>) {
    Validation { context, out }.policy(policy);
}

struct Validation<'c, 'o, 't> {
    context: &'c Context<'c>,
    out: &'o mut Collector<'t>,
}

impl Validation<'_, '_, '_> {
    fn kind(&self) -> PolicyKind {
        self.context.kind
    }

    fn add(&mut self, kind: FindingKind, severity: Severity, loc: &Loc) {
        self.out.add(kind, severity, &loc.pointer, loc.span);
    }

    fn error(&mut self, kind: FindingKind, loc: &Loc) {
        self.add(kind, Severity::Error, loc);
    }

    fn warn(&mut self, kind: FindingKind, loc: &Loc) {
        self.add(kind, Severity::Warning, loc);
    }

    fn policy(&mut self, policy: &Policy) {
        let kind = self.kind();
        let version = policy.version.as_ref().map(|v| v.value);
        if kind.requires_current_version() && version != Some(Version::V2012_10_17) {
            let loc = policy.version.as_ref().map_or(&policy.loc, |v| &v.loc);
            self.error(FindingKind::VersionRequired { found: version }, loc);
        } else if version.is_none() {
            self.warn(FindingKind::MissingVersion, &policy.loc);
        }
        if let Some(id) = policy.id.as_ref().filter(|_| kind.is_identity_based()) {
            self.warn(FindingKind::IdInIdentityPolicy, &id.loc);
        }
        self.sids(policy);
        let version = policy.effective_version();
        for statement in &policy.statements.items {
            self.statement(&statement.value, version);
        }
    }

    /// `Sid`s: IAM's character set, and unique where the kind requires it.
    fn sids(&mut self, policy: &Policy) {
        let restricted =
            self.kind().follows_iam_rules() || self.kind().validator() == Validator::Organizations;
        let mut seen = BTreeMap::new();
        for statement in &policy.statements.items {
            let Some(sid) = &statement.value.sid else {
                continue;
            };
            if restricted && !sid.value.bytes().all(|b| b.is_ascii_alphanumeric()) {
                self.error(
                    FindingKind::InvalidSid {
                        sid: sid.value.clone(),
                    },
                    &sid.loc,
                );
            }
            // Empty Sids are exempt from uniqueness (recorded against AWS).
            if !sid.value.is_empty() && seen.insert(sid.value.as_str(), ()).is_some() {
                let kind = FindingKind::DuplicateSid {
                    sid: sid.value.clone(),
                };
                if restricted {
                    self.error(kind, &sid.loc);
                } else {
                    self.warn(kind, &sid.loc);
                }
            }
        }
    }

    fn statement(&mut self, statement: &Statement, version: Version) {
        let kind = self.kind();
        let effect = statement.effect.value;
        self.principal_rules(statement);
        if kind == PolicyKind::ResourceControlPolicy {
            if effect == Effect::Allow {
                self.error(
                    FindingKind::EffectNotAllowed { effect },
                    &statement.effect.loc,
                );
            }
            if statement.action.negated {
                self.error(
                    FindingKind::ElementNotAllowed {
                        element: Element::NotAction,
                    },
                    &statement.action.loc,
                );
            }
        }
        match (&statement.resource, kind.requires_resource()) {
            (None, true) => self.error(FindingKind::MissingResource, &statement.loc),
            (Some(resource), false) => {
                let element = if resource.negated {
                    Element::NotResource
                } else {
                    Element::Resource
                };
                self.error(FindingKind::ElementNotAllowed { element }, &resource.loc);
            }
            _ => {}
        }
        self.actions(statement);
        self.resources(statement);
        if let Some(condition) = &statement.condition {
            self.condition(condition);
        }
        self.variables(statement, version);
        self.broad_statements(statement);
    }

    fn principal_rules(&mut self, statement: &Statement) {
        let kind = self.kind();
        let Some(principal) = &statement.principal else {
            if kind.principal_rule() == PrincipalRule::Required {
                self.error(FindingKind::MissingPrincipal, &statement.loc);
            }
            return;
        };
        let element = if principal.negated {
            Element::NotPrincipal
        } else {
            Element::Principal
        };
        if kind.principal_rule() == PrincipalRule::Forbidden {
            self.error(FindingKind::ElementNotAllowed { element }, &principal.loc);
            return;
        }
        if principal.negated {
            if !kind.allows_not_principal() {
                self.error(FindingKind::ElementNotAllowed { element }, &principal.loc);
            } else if statement.effect.value == Effect::Allow {
                self.error(FindingKind::AllowWithNotPrincipal, &principal.loc);
            } else {
                self.warn(FindingKind::DenyWithNotPrincipal, &principal.loc);
            }
        }
        if kind == PolicyKind::ResourceControlPolicy
            && !principal.negated
            && !is_everyone(principal)
        {
            self.error(FindingKind::RcpPrincipalNotEveryone, &principal.loc);
        }
        if kind == PolicyKind::RoleTrustPolicy && principal.value == Principal::Everyone {
            self.warn(FindingKind::BareStarPrincipal, &principal.loc);
        }
        self.principal_ids(principal);
    }

    fn principal_ids(&mut self, principal: &PrincipalBlock) {
        let Principal::Map(entries) = &principal.value else {
            return;
        };
        for entry in entries {
            let kind = entry.kind.value;
            if kind == PrincipalKind::CanonicalUser && self.kind() != PolicyKind::BucketPolicy {
                self.error(
                    FindingKind::PrincipalTypeNotAllowed { kind },
                    &entry.kind.loc,
                );
                continue;
            }
            for id in &entry.ids.items {
                if !principal::is_valid(kind, &id.value, self.context.partition) {
                    self.error(
                        FindingKind::InvalidPrincipalId {
                            kind,
                            id: id.value.clone(),
                        },
                        &id.loc,
                    );
                }
            }
        }
    }

    fn actions(&mut self, statement: &Statement) {
        let trust = self.kind() == PolicyKind::RoleTrustPolicy && !statement.action.negated;
        for action in &statement.action.actions.items {
            let text = action.value.as_str();
            if text == "*" {
                if trust {
                    self.error(
                        FindingKind::TrustPolicyAction {
                            action: text.into(),
                        },
                        &action.loc,
                    );
                }
                continue;
            }
            let mut parts = text.split(':');
            let vendor = parts.next().unwrap_or_default();
            let (name, extra) = (parts.next(), parts.next());
            if name.is_none() || vendor.is_empty() {
                self.error(
                    FindingKind::ActionWithoutPrefix {
                        action: text.into(),
                    },
                    &action.loc,
                );
            } else if extra.is_some() {
                self.error(
                    FindingKind::TooManyColons { value: text.into() },
                    &action.loc,
                );
            } else if !vendor
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.*?".contains(&b))
            {
                self.error(
                    FindingKind::InvalidVendor {
                        vendor: vendor.into(),
                    },
                    &action.loc,
                );
            } else if vendor.contains(['*', '?']) {
                self.warn(
                    FindingKind::WildcardInService {
                        action: text.into(),
                    },
                    &action.loc,
                );
            }
            if trust && !is_trust_action(text) {
                self.error(
                    FindingKind::TrustPolicyAction {
                        action: text.into(),
                    },
                    &action.loc,
                );
            }
        }
    }

    fn resources(&mut self, statement: &Statement) {
        let Some(block) = &statement.resource else {
            return;
        };
        for resource in &block.resources.items {
            let text = resource.value.as_str();
            let found = match self.kind().validator() {
                Validator::S3 => self.bucket_resource(text),
                Validator::IamPermissions | Validator::IamTrust | Validator::Sts => {
                    arn::check_resource(text, self.context.partition)
                }
                Validator::Organizations | Validator::Other => (text != "*" && !text.contains(':'))
                    .then(|| FindingKind::ResourceNotArn {
                        resource: text.into(),
                    }),
            };
            if let Some(kind) = found {
                self.error(kind, &resource.loc);
            }
        }
    }

    /// A bucket policy's resources must be the bucket or objects in it.
    fn bucket_resource(&self, resource: &str) -> Option<FindingKind> {
        let outside = || FindingKind::ResourceOutsideBucket {
            resource: resource.into(),
            bucket: self.context.bucket.map(String::from),
        };
        let prefix = alloc::format!("arn:{}:s3:::", self.context.partition);
        let Some(path) = resource.strip_prefix(&prefix) else {
            return Some(outside());
        };
        match self.context.bucket {
            Some(bucket) => {
                let inside = path == bucket
                    || path
                        .strip_prefix(bucket)
                        .is_some_and(|rest| rest.starts_with('/'));
                (!inside).then(outside)
            }
            None => path.is_empty().then(outside),
        }
    }

    fn condition(&mut self, condition: &ConditionBlock) {
        for block in &condition.operators {
            let operator = block.operator.value;
            if operator.base == BaseOperator::Null && operator.set.is_some() {
                self.warn(FindingKind::NullWithSetOperator, &block.operator.loc);
            }
            let mut seen: BTreeMap<String, &str> = BTreeMap::new();
            for key in &block.keys {
                let name = key.key.value.as_str();
                if !name
                    .split_once(':')
                    .is_some_and(|(prefix, rest)| !prefix.is_empty() && !rest.is_empty())
                {
                    self.warn(
                        FindingKind::ConditionKeyFormat { key: name.into() },
                        &key.key.loc,
                    );
                }
                if let Some(previous) = seen.insert(name.to_ascii_lowercase(), name)
                    && previous != name
                {
                    self.warn(
                        FindingKind::DuplicateConditionKey { key: name.into() },
                        &key.key.loc,
                    );
                }
                self.key_fits_operator(name, operator, &key.key.loc);
                if key.values.items.is_empty() {
                    self.warn(
                        FindingKind::EmptyConditionValues { key: name.into() },
                        &key.key.loc,
                    );
                }
                for value in &key.values.items {
                    let text = value.value.as_text();
                    let family = operator.base.family();
                    if family == OperatorFamily::Date {
                        if date::parse(text).is_none() {
                            self.error(FindingKind::InvalidDate { value: text.into() }, &value.loc);
                        }
                    } else if !value_fits(family, text) {
                        self.warn(
                            FindingKind::ValueTypeMismatch {
                                value: text.into(),
                                family,
                            },
                            &value.loc,
                        );
                    }
                }
            }
        }
    }

    /// What the catalog of condition keys says about using `operator` with `name`.
    fn key_fits_operator(&mut self, name: &str, operator: Operator, loc: &Loc) {
        let Some(info) = context_keys::lookup(name) else {
            return;
        };
        if operator.base == BaseOperator::Null {
            return;
        }
        match (info.multivalued, operator.set) {
            (false, Some(set)) => {
                self.warn(
                    FindingKind::SetOperatorOnSingleValuedKey {
                        key: name.into(),
                        set,
                    },
                    loc,
                );
            }
            (true, None) => {
                self.warn(
                    FindingKind::MultivaluedKeyWithoutSetOperator { key: name.into() },
                    loc,
                );
            }
            _ => {}
        }
        let family = operator.base.family();
        let key_family = match info.value_type {
            KeyType::String => OperatorFamily::String,
            KeyType::Arn => OperatorFamily::Arn,
            KeyType::Numeric => OperatorFamily::Numeric,
            KeyType::Date => OperatorFamily::Date,
            KeyType::Bool => OperatorFamily::Bool,
            KeyType::IpAddress => OperatorFamily::IpAddress,
        };
        // String and ARN operators both compare ARNs and text; `aws:EpochTime` also takes
        // numbers (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime>).
        let fits = family == key_family
            || matches!(
                (key_family, family),
                (
                    OperatorFamily::String | OperatorFamily::Arn,
                    OperatorFamily::String | OperatorFamily::Arn
                )
            )
            || (info.name == "aws:EpochTime" && family == OperatorFamily::Numeric);
        if !fits {
            let kind = FindingKind::OperatorKeyMismatch {
                key: name.into(),
                key_type: key_family,
                operator,
            };
            self.warn(kind, loc);
        }
    }

    /// Policy variables: plain text before 2012-10-17, and substituted only in resources and
    /// condition values.
    fn variables(&mut self, statement: &Statement, version: Version) {
        let mut substituted: Vec<(&str, &Loc)> = Vec::new();
        if let Some(resource) = &statement.resource {
            substituted.extend(
                resource
                    .resources
                    .items
                    .iter()
                    .map(|r| (r.value.as_str(), &r.loc)),
            );
        }
        if let Some(condition) = &statement.condition {
            for key in condition.operators.iter().flat_map(|block| &block.keys) {
                substituted.extend(key.values.items.iter().map(|v| (v.value.as_text(), &v.loc)));
            }
        }
        if version == Version::V2008_10_17 {
            for (text, loc) in substituted {
                for variable in variable::variables(text) {
                    self.warn(
                        FindingKind::VariableInOldVersion {
                            variable: variable.into(),
                        },
                        loc,
                    );
                }
            }
        }
        let element = if statement.action.negated {
            Element::NotAction
        } else {
            Element::Action
        };
        for action in &statement.action.actions.items {
            for variable in variable::variables(&action.value) {
                let kind = FindingKind::VariableNotSubstituted {
                    variable: variable.into(),
                    element,
                };
                self.warn(kind, &action.loc);
            }
        }
    }

    /// Statements that grant far more than their author probably meant.
    fn broad_statements(&mut self, statement: &Statement) {
        if statement.effect.value != Effect::Allow || statement.condition.is_some() {
            return;
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
        if all_actions && all_resources {
            self.warn(FindingKind::AllActionsOnAllResources, &statement.loc);
        }
        if self.kind() != PolicyKind::RoleTrustPolicy {
            return;
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
            return;
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
    }
}

fn is_everyone(principal: &PrincipalBlock) -> bool {
    match &principal.value {
        Principal::Everyone => true,
        Principal::Map(entries) => entries.iter().all(|e| {
            e.kind.value == PrincipalKind::Aws && e.ids.items.iter().all(|id| id.value == "*")
        }),
    }
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

/// Whether a trust policy action names (or matches) one of STS's role-assuming actions.
fn is_trust_action(action: &str) -> bool {
    let lower = action.to_ascii_lowercase();
    TRUST_POLICY_ACTIONS
        .iter()
        .any(|allowed| crate::pattern::matches(&lower, allowed))
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

/// Whether `text` is a value the operator family can read (dates are checked separately,
/// as errors).
fn value_fits(family: OperatorFamily, text: &str) -> bool {
    // A policy variable is read when the request is evaluated.
    if text.contains("${") {
        return true;
    }
    match family {
        OperatorFamily::Numeric => crate::value::number::parse(text).is_some(),
        OperatorFamily::Bool | OperatorFamily::Null => {
            text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
        }
        OperatorFamily::IpAddress => crate::value::ip::parse_cidr(text).is_some(),
        OperatorFamily::Binary => crate::value::base64::decode(text).is_some(),
        OperatorFamily::String | OperatorFamily::Date | OperatorFamily::Arn => true,
    }
}

#[cfg(test)]
mod tests;
