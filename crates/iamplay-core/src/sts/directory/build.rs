//! Building the [`Directory`] from a [`World`]: checking every name, id and policy as IAM would
//! when they were created, and reporting each problem where it is.

use alloc::collections::BTreeMap;
use alloc::collections::btree_map::Entry;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{AccountEntry, Directory, KeyEntry, KeyOwner, ManagedEntry, UserEntry};
use crate::eval::{CompiledPolicy, Tag, compile};
use crate::limits::MAX_POLICIES_PER_PRINCIPAL;
use crate::policy::{Checked, Context, PolicyKind, Severity, check};
use crate::sts::names::{self, is_name, is_path};
use crate::sts::problem::{Entity, WorldProblem, WorldProblemKind};
use crate::sts::world::{Account, Group, InlinePolicy, ManagedPolicy, User, World};
use crate::value::date;

/// The partitions AWS has.
const PARTITIONS: [&str; 8] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// Builds the directory of `world`, with every problem found (errors and warnings).
pub(crate) fn build(world: &World) -> (Directory, Vec<WorldProblem>) {
    let mut builder = Builder {
        directory: Directory::default(),
        problems: Vec::new(),
    };
    builder.directory.partition = match &world.partition {
        Some(p) if PARTITIONS.contains(&p.as_str()) => p.clone(),
        Some(p) => {
            builder.error(
                "/partition",
                WorldProblemKind::InvalidPartition { value: p.clone() },
            );
            "aws".into()
        }
        None => "aws".into(),
    };
    let time = world
        .time
        .as_deref()
        .unwrap_or(crate::sts::world::DEFAULT_TIME);
    builder.directory.time = date::parse(time).unwrap_or_else(|| {
        builder.error(
            "/time",
            WorldProblemKind::InvalidTime { value: time.into() },
        );
        date::Instant::default()
    });
    for (i, policy) in world.aws_managed_policies.iter().enumerate() {
        builder.managed_policy("aws", &format!("/awsManagedPolicies/{i}"), policy);
    }
    for (a, account) in world.accounts.iter().enumerate() {
        let at = format!("/accounts/{a}");
        if !(account.id.len() == 12 && account.id.bytes().all(|b| b.is_ascii_digit())) {
            builder.error(
                format!("{at}/id"),
                WorldProblemKind::InvalidAccountId {
                    value: account.id.clone(),
                },
            );
        }
        for (i, policy) in account.policies.iter().enumerate() {
            builder.managed_policy(&account.id, &format!("{at}/policies/{i}"), policy);
        }
    }
    for (a, account) in world.accounts.iter().enumerate() {
        builder.account(&format!("/accounts/{a}"), account);
    }
    super::organization::place(world, &mut builder.directory, &mut builder.problems);
    (builder.directory, builder.problems)
}

pub(super) struct Builder {
    pub(super) directory: Directory,
    problems: Vec<WorldProblem>,
}

impl Builder {
    pub(super) fn error(&mut self, pointer: impl Into<String>, kind: WorldProblemKind) {
        self.problems.push(WorldProblem::error(pointer, kind));
    }

    pub(super) fn duplicate(&mut self, pointer: String, entity: Entity, name: &str) {
        self.error(
            pointer,
            WorldProblemKind::Duplicate {
                entity,
                name: name.into(),
            },
        );
    }

    /// Checks `text` as a policy of `kind`; compiled under `name` when AWS would accept it.
    pub(super) fn policy(
        &mut self,
        pointer: String,
        name: &str,
        text: &str,
        context: Context<'_>,
    ) -> Option<CompiledPolicy> {
        self.checked(&pointer, text, context)
            .policy
            .map(|policy| compile(name, &policy).from_source(pointer))
    }

    /// Checks `text` as a policy of `kind`, reporting its findings at `pointer`.
    pub(super) fn checked(&mut self, pointer: &str, text: &str, context: Context<'_>) -> Checked {
        let context = context.in_partition(&self.directory.partition);
        let checked = check(text, &context);
        if !checked.findings.is_empty() {
            let severity = if checked.is_valid() {
                Severity::Warning
            } else {
                Severity::Error
            };
            self.problems.push(WorldProblem {
                pointer: pointer.into(),
                severity,
                kind: WorldProblemKind::Policy {
                    policy_kind: context.kind,
                    findings: checked.findings.clone(),
                    aws_error: checked.aws_error.clone(),
                },
            });
        }
        checked
    }

    /// Adds a warning at `pointer`.
    pub(super) fn warning(&mut self, pointer: impl Into<String>, kind: WorldProblemKind) {
        self.problems.push(WorldProblem::warning(pointer, kind));
    }

    pub(super) fn name(&mut self, pointer: String, entity: Entity, value: &str, max_length: usize) {
        if !is_name(value, max_length) {
            self.error(
                pointer,
                WorldProblemKind::InvalidName {
                    entity,
                    value: value.into(),
                    pattern: names::NAME_PATTERN,
                    max_length,
                },
            );
        }
    }

    /// The path, checked; `/` when absent.
    pub(super) fn path(&mut self, pointer: String, path: Option<&String>) -> String {
        match path {
            Some(path) if !is_path(path) => {
                self.error(
                    pointer,
                    WorldProblemKind::InvalidPath {
                        value: path.clone(),
                    },
                );
                "/".into()
            }
            Some(path) => path.clone(),
            None => "/".into(),
        }
    }

    fn managed_policy(&mut self, account: &str, at: &str, policy: &ManagedPolicy) {
        self.name(format!("{at}/name"), Entity::Policy, &policy.name, 128);
        let path = self.path(format!("{at}/path"), policy.path.as_ref());
        let arn = self
            .directory
            .iam_arn(account, &format!("policy{path}{}", policy.name));
        let compiled = self.policy(
            format!("{at}/document"),
            &policy.name,
            &policy.document,
            Context::new(PolicyKind::ManagedPolicy).for_entity(&policy.name),
        );
        match self.directory.managed_policies.entry(arn) {
            Entry::Occupied(_) => {
                self.duplicate(format!("{at}/name"), Entity::Policy, &policy.name);
            }
            Entry::Vacant(slot) => {
                slot.insert(ManagedEntry {
                    policy: compiled,
                    length: policy.document.chars().count(),
                });
            }
        }
    }

    /// `policies`, the policies of the principal at `at`: more than
    /// [`MAX_POLICIES_PER_PRINCIPAL`] is an error there, and only that many are kept.
    pub(super) fn capped(
        &mut self,
        at: &str,
        mut policies: Vec<CompiledPolicy>,
    ) -> Vec<CompiledPolicy> {
        if policies.len() > MAX_POLICIES_PER_PRINCIPAL {
            self.error(
                at,
                WorldProblemKind::TooManyPolicies {
                    count: policies.len(),
                    limit: MAX_POLICIES_PER_PRINCIPAL,
                },
            );
            policies.truncate(MAX_POLICIES_PER_PRINCIPAL);
        }
        policies
    }

    /// The managed policies `arns` (unknown ones reported at `at/i`).
    pub(super) fn attached(&mut self, at: &str, arns: &[String]) -> Vec<CompiledPolicy> {
        let mut policies = Vec::new();
        for (i, arn) in arns.iter().enumerate() {
            match self.directory.managed_policies.get(arn) {
                Some(entry) => policies.extend(entry.policy.clone()),
                None => self.error(
                    format!("{at}/{i}"),
                    WorldProblemKind::UnknownPolicy { arn: arn.clone() },
                ),
            }
        }
        policies
    }

    /// The inline policies at `at`, checked as `kind` (with the MFA checks when `mfa_checks`).
    pub(super) fn inline(
        &mut self,
        at: &str,
        kind: PolicyKind,
        owner: &str,
        policies: &[InlinePolicy],
        mfa_checks: bool,
    ) -> Vec<CompiledPolicy> {
        let mut compiled = Vec::new();
        for (i, policy) in policies.iter().enumerate() {
            self.name(
                format!("{at}/{i}/name"),
                Entity::InlinePolicy,
                &policy.name,
                128,
            );
            if policies
                .iter()
                .take(i)
                .any(|p| p.name.eq_ignore_ascii_case(&policy.name))
            {
                self.duplicate(format!("{at}/{i}/name"), Entity::InlinePolicy, &policy.name);
            }
            let context = Context::new(kind).for_entity(owner);
            compiled.extend(self.policy(
                format!("{at}/{i}/document"),
                &policy.name,
                &policy.document,
                if mfa_checks {
                    context
                } else {
                    context.without_mfa_checks()
                },
            ));
        }
        compiled
    }

    pub(super) fn boundary(
        &mut self,
        pointer: String,
        arn: Option<&String>,
    ) -> Option<CompiledPolicy> {
        let arn = arn?;
        match self.directory.managed_policies.get(arn) {
            Some(entry) => entry.policy.clone(),
            None => {
                self.error(
                    pointer,
                    WorldProblemKind::UnknownPolicy { arn: arn.clone() },
                );
                None
            }
        }
    }

    pub(super) fn tags(&mut self, at: &str, tags: &[Tag]) -> Vec<Tag> {
        for (i, tag) in tags.iter().enumerate() {
            if tags
                .iter()
                .take(i)
                .any(|t| t.key.eq_ignore_ascii_case(&tag.key))
            {
                self.error(
                    format!("{at}/{i}/key"),
                    WorldProblemKind::DuplicateTagKey {
                        key: tag.key.clone(),
                    },
                );
            }
        }
        tags.to_vec()
    }

    fn account(&mut self, at: &str, account: &Account) {
        if self.directory.accounts.contains_key(&account.id) {
            self.duplicate(format!("{at}/id"), Entity::Account, &account.id);
            return;
        }
        self.directory.accounts.insert(
            account.id.clone(),
            AccountEntry {
                root_mfa_devices: account.root.mfa_devices.clone(),
                organization: None,
            },
        );
        for (k, key) in account.root.access_keys.iter().enumerate() {
            self.access_key(
                format!("{at}/root/accessKeys/{k}/accessKeyId"),
                &key.access_key_id,
                KeyEntry {
                    owner: KeyOwner::Root(account.id.clone()),
                    status: key.status,
                },
            );
        }
        let mut groups: BTreeMap<String, Vec<CompiledPolicy>> = BTreeMap::new();
        for (g, group) in account.groups.iter().enumerate() {
            let policies = self.group(&format!("{at}/groups/{g}"), group);
            if groups.contains_key(&group.name.to_ascii_lowercase()) {
                self.duplicate(format!("{at}/groups/{g}/name"), Entity::Group, &group.name);
            }
            groups.insert(group.name.to_ascii_lowercase(), policies);
        }
        for (u, user) in account.users.iter().enumerate() {
            self.user(&format!("{at}/users/{u}"), &account.id, user, &groups);
        }
        for (r, role) in account.roles.iter().enumerate() {
            self.role(&format!("{at}/roles/{r}"), &account.id, role);
        }
        for (p, provider) in account.identity_providers.iter().enumerate() {
            self.provider(
                &format!("{at}/identityProviders/{p}"),
                &account.id,
                provider,
            );
        }
        for (r, resource) in account.resources.iter().enumerate() {
            self.resource(&format!("{at}/resources/{r}"), &account.id, resource);
        }
    }

    fn access_key(&mut self, pointer: String, id: &str, entry: KeyEntry) {
        if self.directory.access_keys.contains_key(id) {
            self.duplicate(pointer, Entity::AccessKey, id);
        } else {
            self.directory.access_keys.insert(id.into(), entry);
        }
    }

    fn group(&mut self, at: &str, group: &Group) -> Vec<CompiledPolicy> {
        self.name(format!("{at}/name"), Entity::Group, &group.name, 128);
        self.path(format!("{at}/path"), group.path.as_ref());
        let mut policies = self.inline(
            &format!("{at}/inlinePolicies"),
            PolicyKind::GroupInlinePolicy,
            &group.name,
            &group.inline_policies,
            true,
        );
        policies.extend(self.attached(&format!("{at}/managedPolicies"), &group.managed_policies));
        self.capped(at, policies)
    }

    fn user(
        &mut self,
        at: &str,
        account: &str,
        user: &User,
        groups: &BTreeMap<String, Vec<CompiledPolicy>>,
    ) {
        self.name(format!("{at}/name"), Entity::User, &user.name, 64);
        let path = self.path(format!("{at}/path"), user.path.as_ref());
        let arn = self
            .directory
            .iam_arn(account, &format!("user{path}{}", user.name));
        let mut policies = self.inline(
            &format!("{at}/inlinePolicies"),
            PolicyKind::UserInlinePolicy,
            &user.name,
            &user.inline_policies,
            true,
        );
        policies.extend(self.attached(&format!("{at}/managedPolicies"), &user.managed_policies));
        for (g, name) in user.groups.iter().enumerate() {
            match groups.get(&name.to_ascii_lowercase()) {
                Some(group_policies) => policies.extend(group_policies.iter().cloned()),
                None => self.error(
                    format!("{at}/groups/{g}"),
                    WorldProblemKind::UnknownGroup { name: name.clone() },
                ),
            }
        }
        let policies = self.capped(at, policies);
        let boundary = self.boundary(
            format!("{at}/permissionsBoundary"),
            user.permissions_boundary.as_ref(),
        );
        let tags = self.tags(&format!("{at}/tags"), &user.tags);
        for (k, key) in user.access_keys.iter().enumerate() {
            self.access_key(
                format!("{at}/accessKeys/{k}/accessKeyId"),
                &key.access_key_id,
                KeyEntry {
                    owner: KeyOwner::User(arn.clone()),
                    status: key.status,
                },
            );
        }
        if self.name_taken_in(account, "user", &user.name) {
            self.duplicate(format!("{at}/name"), Entity::User, &user.name);
            return;
        }
        let id = user
            .id
            .clone()
            .unwrap_or_else(|| names::unique_id("AIDA", &arn));
        self.directory.users.insert(
            arn,
            UserEntry {
                account: account.into(),
                id,
                policies,
                boundary,
                tags,
                mfa_devices: user.mfa_devices.clone(),
            },
        );
    }

    /// Whether the account already has a user (or role) of this name: IAM names are unique
    /// without regard to case, whatever the path.
    pub(super) fn name_taken_in(&self, account: &str, kind: &str, name: &str) -> bool {
        let prefix = self.directory.iam_arn(account, kind);
        let taken = |arn: &String| {
            arn.starts_with(&prefix)
                && arn
                    .rsplit('/')
                    .next()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        };
        match kind {
            "user" => self.directory.users.keys().any(taken),
            _ => self.directory.roles.keys().any(taken),
        }
    }
}
