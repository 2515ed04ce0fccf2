//! Placing accounts in their organizations: the SCPs and RCPs of every level from the root
//! down to the account, and the organization path
//! (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html>).
//! A root, unit or account without attachments has AWS's default (`FullAWSAccess`,
//! `RCPFullAWSAccess`), which AWS attaches when the policy type is enabled.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Directory, Placement};
use crate::aws_managed;
use crate::eval::{CompiledPolicy, OrgLevel, compile};
use crate::policy::{Context, PolicyKind, Severity, check};
use crate::sts::names;
use crate::sts::problem::{Entity, WorldProblem, WorldProblemKind};
use crate::sts::world::{Organization, OrganizationPolicyType, OrganizationalUnit, World};

/// Places every account of every organization of `world` in `directory`.
pub(super) fn place(world: &World, directory: &mut Directory, problems: &mut Vec<WorldProblem>) {
    for (o, organization) in world.organizations.iter().enumerate() {
        let at = format!("/organizations/{o}");
        let mut placer = Placer {
            organization,
            policies: BTreeMap::new(),
            directory,
            problems,
            placed: Vec::new(),
        };
        placer.policies(&at, &directory_partition(placer.directory));
        let root_id = organization.root.id.clone().unwrap_or_else(|| {
            format!("r-{}", names::id_chars(&[&organization.id], 4)).to_ascii_lowercase()
        });
        let path = format!("{}/{root_id}/", organization.id);
        placer.unit(
            &format!("{at}/root"),
            &organization.root,
            &root_id,
            &path,
            &[],
            &[],
        );
        if !placer.placed.contains(&organization.management_account) {
            problems.push(WorldProblem::error(
                format!("{at}/managementAccount"),
                WorldProblemKind::ManagementAccountNotInOrganization {
                    id: organization.management_account.clone(),
                },
            ));
        }
    }
}

fn directory_partition(directory: &Directory) -> String {
    directory.partition.clone()
}

struct Placer<'a> {
    organization: &'a Organization,
    /// The organization's policies by name, with their type (`None`: the text has errors).
    policies: BTreeMap<String, (OrganizationPolicyType, Option<CompiledPolicy>)>,
    directory: &'a mut Directory,
    problems: &'a mut Vec<WorldProblem>,
    /// The accounts placed so far.
    placed: Vec<String>,
}

impl Placer<'_> {
    fn policies(&mut self, at: &str, partition: &str) {
        for (i, policy) in self.organization.policies.iter().enumerate() {
            let kind = match policy.policy_type {
                OrganizationPolicyType::ServiceControlPolicy => PolicyKind::ServiceControlPolicy,
                OrganizationPolicyType::ResourceControlPolicy => PolicyKind::ResourceControlPolicy,
            };
            let checked = check(
                &policy.document,
                &Context::new(kind).in_partition(partition),
            );
            if !checked.findings.is_empty() {
                self.problems.push(WorldProblem {
                    pointer: format!("{at}/policies/{i}/document"),
                    severity: if checked.is_valid() {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    kind: WorldProblemKind::Policy {
                        policy_kind: kind,
                        findings: checked.findings.clone(),
                        aws_error: checked.aws_error.clone(),
                    },
                });
            }
            if self.policies.contains_key(&policy.name) {
                self.problems.push(WorldProblem::error(
                    format!("{at}/policies/{i}/name"),
                    WorldProblemKind::Duplicate {
                        entity: Entity::OrganizationPolicy,
                        name: policy.name.clone(),
                    },
                ));
                continue;
            }
            let compiled = checked.policy.map(|p| compile(policy.name.as_str(), &p));
            self.policies
                .insert(policy.name.clone(), (policy.policy_type, compiled));
        }
    }

    /// The policies attached at one level: `names`, or AWS's default when absent.
    fn attached(
        &mut self,
        pointer: String,
        names: Option<&Vec<String>>,
        policy_type: OrganizationPolicyType,
    ) -> Vec<CompiledPolicy> {
        let default = match policy_type {
            OrganizationPolicyType::ServiceControlPolicy => "FullAWSAccess",
            OrganizationPolicyType::ResourceControlPolicy => "RCPFullAWSAccess",
        };
        let Some(names) = names else {
            return aws_managed::compiled(default).into_iter().collect();
        };
        if names.is_empty() {
            self.problems.push(WorldProblem::error(
                pointer,
                WorldProblemKind::NoPolicyAttached { policy_type },
            ));
            return Vec::new();
        }
        let mut policies = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match self.policies.get(name) {
                Some((found, compiled)) if *found == policy_type => {
                    policies.extend(compiled.clone());
                }
                None if name == default => policies.extend(aws_managed::compiled(default)),
                _ => self.problems.push(WorldProblem::error(
                    format!("{pointer}/{i}"),
                    WorldProblemKind::UnknownOrganizationPolicy {
                        name: name.clone(),
                        expected: policy_type,
                    },
                )),
            }
        }
        policies
    }

    fn level(
        &mut self,
        at: &str,
        name: String,
        scps: Option<&Vec<String>>,
        rcps: Option<&Vec<String>>,
    ) -> (OrgLevel, OrgLevel) {
        let scp_policies = self.attached(
            format!("{at}/scps"),
            scps,
            OrganizationPolicyType::ServiceControlPolicy,
        );
        let rcp_policies = self.attached(
            format!("{at}/rcps"),
            rcps,
            OrganizationPolicyType::ResourceControlPolicy,
        );
        (
            OrgLevel {
                name: name.clone(),
                policies: scp_policies,
            },
            OrgLevel {
                name,
                policies: rcp_policies,
            },
        )
    }

    fn unit(
        &mut self,
        at: &str,
        unit: &OrganizationalUnit,
        id: &str,
        path: &str,
        scps_above: &[OrgLevel],
        rcps_above: &[OrgLevel],
    ) {
        let name = unit.name.clone().unwrap_or_else(|| id.into());
        let (scp_level, rcp_level) = self.level(at, name, unit.scps.as_ref(), unit.rcps.as_ref());
        let mut scps = scps_above.to_vec();
        scps.push(scp_level);
        let mut rcps = rcps_above.to_vec();
        rcps.push(rcp_level);
        for (a, account) in unit.accounts.iter().enumerate() {
            let account_at = format!("{at}/accounts/{a}");
            let (scp_level, rcp_level) = self.level(
                &account_at,
                account.id.clone(),
                account.scps.as_ref(),
                account.rcps.as_ref(),
            );
            let Some(entry) = self.directory.accounts.get_mut(&account.id) else {
                self.problems.push(WorldProblem::error(
                    format!("{account_at}/id"),
                    WorldProblemKind::UnknownAccount {
                        id: account.id.clone(),
                    },
                ));
                continue;
            };
            if entry.organization.is_some() {
                self.problems.push(WorldProblem::error(
                    format!("{account_at}/id"),
                    WorldProblemKind::AccountPlacedTwice {
                        id: account.id.clone(),
                    },
                ));
                continue;
            }
            let mut account_scps = scps.clone();
            account_scps.push(scp_level);
            let mut account_rcps = rcps.clone();
            account_rcps.push(rcp_level);
            entry.organization = Some(Placement {
                organization_id: self.organization.id.clone(),
                path: path.into(),
                management: account.id == self.organization.management_account,
                scps: account_scps,
                rcps: account_rcps,
            });
            self.placed.push(account.id.clone());
        }
        for (u, child) in unit.units.iter().enumerate() {
            let child_id = child.id.clone().unwrap_or_else(|| {
                format!(
                    "ou-{}-{}",
                    id.trim_start_matches("r-"),
                    names::id_chars(&[&self.organization.id, path, &format!("{u}")], 8)
                )
                .to_ascii_lowercase()
            });
            let child_path = format!("{path}{child_id}/");
            self.unit(
                &format!("{at}/units/{u}"),
                child,
                &child_id,
                &child_path,
                &scps,
                &rcps,
            );
        }
    }
}
