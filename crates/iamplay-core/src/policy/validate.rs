//! Validating a policy that reads: the rules of its kind, the formats of its strings, and the
//! warnings a good linter gives. Every rule cites its source in `kind.rs`, `validate/arn.rs`,
//! `validate/principal.rs`, `validate/condition.rs`, `validate/risk.rs` or below; the evidence
//! is in `docs/sources/policy-language.md`.

mod arn;
mod condition;
mod principal;
mod risk;

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::check::Context;
use super::finding::{Collector, Element, FindingKind, Severity};
use super::kind::{PolicyKind, PrincipalRule, Validator};
use super::model::{
    Effect, Loc, Policy, Principal, PrincipalBlock, PrincipalKind, Statement, Version,
};
use super::variable;

use risk::Sensitive;
pub(crate) use risk::admits_people_without_mfa;

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
        let sensitive = Sensitive::of(policy);
        for statement in &policy.statements.items {
            self.statement(&statement.value, version, &sensitive);
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

    fn statement(&mut self, statement: &Statement, version: Version, sensitive: &Sensitive) {
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
        self.risks(statement, sensitive);
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
}

fn is_everyone(principal: &PrincipalBlock) -> bool {
    match &principal.value {
        Principal::Everyone => true,
        Principal::Map(entries) => entries.iter().all(|e| {
            e.kind.value == PrincipalKind::Aws && e.ids.items.iter().all(|id| id.value == "*")
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

#[cfg(test)]
mod tests;
