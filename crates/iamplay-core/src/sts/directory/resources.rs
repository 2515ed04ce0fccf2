//! Identity providers and resources of an account, checked as they are added to the
//! [`Directory`](super::Directory).

use alloc::format;
use alloc::vec::Vec;

use super::build::Builder;
use super::{ProviderEntry, ProviderKind, ResourceEntry};
use crate::policy::{Context, PolicyKind};
use crate::sts::problem::{Entity, WorldProblemKind};
use crate::sts::world::{IdentityProvider, ProviderType, Resource};

impl Builder {
    pub(super) fn provider(&mut self, at: &str, account: &str, provider: &IdentityProvider) {
        let (resource, kind) = match (provider.provider_type, &provider.url, &provider.name) {
            (ProviderType::Oidc, Some(url), _) => {
                let issuer = url
                    .strip_prefix("https://")
                    .unwrap_or(url)
                    .trim_end_matches('/');
                (
                    format!("oidc-provider/{issuer}"),
                    ProviderKind::Oidc {
                        client_ids: provider.client_ids.clone(),
                    },
                )
            }
            (ProviderType::Saml, _, Some(name)) => {
                self.name(format!("{at}/name"), Entity::IdentityProvider, name, 128);
                (format!("saml-provider/{name}"), ProviderKind::Saml)
            }
            (provider_type, _, _) => {
                self.error(at, WorldProblemKind::IncompleteProvider { provider_type });
                return;
            }
        };
        let arn = self.directory.iam_arn(account, &resource);
        if self.directory.providers.contains_key(&arn) {
            self.duplicate(at.into(), Entity::IdentityProvider, &arn);
            return;
        }
        self.directory.providers.insert(
            arn,
            ProviderEntry {
                account: account.into(),
                kind,
            },
        );
    }

    pub(super) fn resource(&mut self, at: &str, account: &str, resource: &Resource) {
        let fields: Vec<&str> = resource.arn.splitn(6, ':').collect();
        let (service, arn_account, name) = match fields.as_slice() {
            ["arn", partition, service, _region, arn_account, name]
                if *partition == self.directory.partition && !name.is_empty() =>
            {
                (*service, *arn_account, *name)
            }
            _ => ("", "", ""),
        };
        // S3 bucket ARNs carry no account: the bucket belongs to the account holding it.
        let valid = match service {
            "" => false,
            "s3" => arn_account.is_empty() && !name.contains('/'),
            _ => arn_account == account,
        };
        if !valid {
            self.error(
                format!("{at}/arn"),
                WorldProblemKind::InvalidResourceArn {
                    arn: resource.arn.clone(),
                },
            );
            return;
        }
        let policy = resource.policy.as_ref().and_then(|text| {
            let context = if service == "s3" {
                Context::new(PolicyKind::BucketPolicy).for_bucket(name)
            } else {
                Context::new(PolicyKind::ResourcePolicy)
            };
            self.policy(format!("{at}/policy"), &resource.arn, text, context)
        });
        let tags = self.tags(&format!("{at}/tags"), &resource.tags);
        if self.directory.resources.contains_key(&resource.arn) {
            self.duplicate(format!("{at}/arn"), Entity::Resource, &resource.arn);
            return;
        }
        self.directory.resources.insert(
            resource.arn.clone(),
            ResourceEntry {
                account: account.into(),
                policy,
                policy_must_allow: service == "kms",
                tags,
            },
        );
    }
}
