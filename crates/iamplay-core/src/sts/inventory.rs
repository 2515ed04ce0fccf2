//! What a world holds, by the names AWS gives it: principal, role and policy ARNs, access key
//! ids, MFA serial numbers and resource ARNs, for pickers and suggestions. ARNs are built as
//! IAM builds them (`arn:PARTITION:iam::ACCOUNT:user/PATH/NAME`, IAM User Guide, "IAM
//! identifiers": <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html>);
//! a path that is not valid counts as `/`, as the world's build reads it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::world::World;

/// The world's names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inventory {
    /// Every account's root user and every IAM user.
    pub principals: Vec<String>,
    /// Every role.
    pub roles: Vec<String>,
    /// Every customer managed policy, then the AWS managed policies the world defines.
    pub policies: Vec<String>,
    /// Every access key id, root's and users'.
    pub access_keys: Vec<String>,
    /// Every access key id with the ARN of the principal it belongs to.
    pub key_owners: Vec<(String, String)>,
    /// Every MFA device's serial number.
    pub mfa_serials: Vec<String>,
    /// Every resource the world lists.
    pub resources: Vec<String>,
}

impl Inventory {
    /// ARNs a request may name: every resource (an S3 bucket also as `BUCKET/*`, its
    /// objects, the usual target of a request), role and principal.
    #[must_use]
    pub fn request_targets(&self) -> Vec<String> {
        let mut out = Vec::new();
        for arn in &self.resources {
            out.push(arn.clone());
            let bucket =
                arn.split(':').nth(2).is_some_and(|service| service == "s3") && !arn.contains('/');
            if bucket {
                out.push(format!("{arn}/*"));
            }
        }
        out.extend(self.roles.iter().cloned());
        out.extend(self.principals.iter().cloned());
        out
    }
}

fn path(path: Option<&String>) -> &str {
    match path {
        Some(p) if p.starts_with('/') && p.ends_with('/') => p,
        _ => "/",
    }
}

impl World {
    /// The partition the world is in (`aws` unless it says otherwise).
    #[must_use]
    pub fn partition_name(&self) -> &str {
        self.partition.as_deref().unwrap_or("aws")
    }

    /// Every policy text in the world: inline, managed, trust, resource-based, organization
    /// and AWS managed policies.
    #[must_use]
    pub fn policy_texts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for account in &self.accounts {
            for user in &account.users {
                out.extend(user.inline_policies.iter().map(|p| p.document.as_str()));
            }
            for group in &account.groups {
                out.extend(group.inline_policies.iter().map(|p| p.document.as_str()));
            }
            for role in &account.roles {
                out.push(&role.trust_policy);
                out.extend(role.inline_policies.iter().map(|p| p.document.as_str()));
            }
            out.extend(account.policies.iter().map(|p| p.document.as_str()));
            out.extend(account.resources.iter().filter_map(|r| r.policy.as_deref()));
        }
        for organization in &self.organizations {
            out.extend(organization.policies.iter().map(|p| p.document.as_str()));
        }
        out.extend(
            self.aws_managed_policies
                .iter()
                .map(|p| p.document.as_str()),
        );
        out
    }

    /// Everything the world holds, by name.
    #[must_use]
    pub fn inventory(&self) -> Inventory {
        let partition = self.partition_name();
        let iam =
            |account: &str, resource: String| format!("arn:{partition}:iam::{account}:{resource}");
        let mut out = Inventory::default();
        for account in &self.accounts {
            let id = account.id.as_str();
            let root = iam(id, "root".into());
            out.key_owners.extend(
                account
                    .root
                    .access_keys
                    .iter()
                    .map(|k| (k.access_key_id.clone(), root.clone())),
            );
            out.principals.push(root);
            out.access_keys.extend(
                account
                    .root
                    .access_keys
                    .iter()
                    .map(|k| k.access_key_id.clone()),
            );
            out.mfa_serials.extend(
                account
                    .root
                    .mfa_devices
                    .iter()
                    .map(|d| d.serial_number.clone()),
            );
            for user in &account.users {
                let p = path(user.path.as_ref());
                let arn = iam(id, format!("user{p}{}", user.name));
                out.key_owners.extend(
                    user.access_keys
                        .iter()
                        .map(|k| (k.access_key_id.clone(), arn.clone())),
                );
                out.principals.push(arn);
                out.access_keys
                    .extend(user.access_keys.iter().map(|k| k.access_key_id.clone()));
                out.mfa_serials
                    .extend(user.mfa_devices.iter().map(|d| d.serial_number.clone()));
            }
            for role in &account.roles {
                let p = path(role.path.as_ref());
                out.roles.push(iam(id, format!("role{p}{}", role.name)));
            }
            for policy in &account.policies {
                let p = path(policy.path.as_ref());
                out.policies
                    .push(iam(id, format!("policy{p}{}", policy.name)));
            }
            out.resources
                .extend(account.resources.iter().map(|r| r.arn.clone()));
        }
        for policy in &self.aws_managed_policies {
            let p = path(policy.path.as_ref());
            out.policies
                .push(iam("aws", format!("policy{p}{}", policy.name)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{builtin, read};

    #[test]
    fn every_name_of_a_lesson_is_one_its_world_knows() {
        let Some(scenario) = read(builtin::default_scenario().text).scenario else {
            panic!("the default lesson reads");
        };
        let inventory = scenario.world.inventory();
        assert!(
            inventory
                .principals
                .contains(&"arn:aws:iam::111122223333:root".into())
        );
        assert!(
            inventory
                .roles
                .contains(&"arn:aws:iam::111122223333:role/CourseAccessRole".into()),
            "{:?}",
            inventory.roles
        );
        assert!(
            inventory
                .access_keys
                .contains(&"AKIAAPPSERVER0000001".into())
        );
        assert!(
            inventory
                .resources
                .contains(&"arn:aws:s3:::wisdom-learn-course-bucket".into())
        );
        let targets = inventory.request_targets();
        assert!(targets.contains(&"arn:aws:s3:::wisdom-learn-course-bucket/*".into()));
        assert!(targets.contains(&"arn:aws:iam::111122223333:role/CourseAccessRole".into()));
    }
}
