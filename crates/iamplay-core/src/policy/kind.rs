//! The kinds of policy, and the rules AWS applies to each: which elements they take, how large
//! they may be and how that is counted, which `Version` they need, which `Sid`s they allow, and
//! which service validates them (and so words the errors).
//!
//! Sources are cited per rule; the full list with quotes is `docs/sources/policy-language.md`.

/// A kind of policy, by where it is attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum PolicyKind {
    /// An inline policy of an IAM user (`PutUserPolicy`).
    UserInlinePolicy,
    /// An inline policy of an IAM group (`PutGroupPolicy`).
    GroupInlinePolicy,
    /// An inline policy of an IAM role (`PutRolePolicy`).
    RoleInlinePolicy,
    /// A customer managed policy (`CreatePolicy`).
    ManagedPolicy,
    /// A managed policy used as a permissions boundary.
    PermissionsBoundary,
    /// A session policy passed to `AssumeRole` and friends (`Policy` parameter).
    SessionPolicy,
    /// A role's trust policy (`CreateRole` / `UpdateAssumeRolePolicy`).
    RoleTrustPolicy,
    /// An Amazon S3 bucket policy (`PutBucketPolicy`).
    BucketPolicy,
    /// A resource-based policy of another service.
    ResourcePolicy,
    /// An AWS Organizations service control policy (SCP).
    ServiceControlPolicy,
    /// An AWS Organizations resource control policy (RCP).
    ResourceControlPolicy,
}

/// The service that validates a kind of policy, which decides the words of its errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Validator {
    /// IAM's permission-policy APIs (`CreatePolicy`, `Put*Policy`).
    IamPermissions,
    /// IAM's trust-policy APIs (`CreateRole`, `UpdateAssumeRolePolicy`).
    IamTrust,
    /// AWS STS (session policies).
    Sts,
    /// Amazon S3 (`PutBucketPolicy`).
    S3,
    /// AWS Organizations (`CreatePolicy` for SCPs and RCPs).
    Organizations,
    /// Another service: no error texts are modelled.
    Other,
}

/// How a kind's size quota counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SizeRule {
    /// Characters, not counting white space between JSON tokens (IAM).
    CharactersWithoutWhiteSpace,
    /// Every character, white space included (Organizations, STS).
    AllCharacters,
    /// Bytes of UTF-8 text (S3's 20 KB).
    Bytes,
}

/// Whether a kind's statements take a `Principal`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalRule {
    /// `Principal` and `NotPrincipal` are not allowed (identity-based policies, SCPs).
    Forbidden,
    /// Every statement needs `Principal` (or `NotPrincipal` where allowed).
    Required,
}

impl PolicyKind {
    /// Every kind.
    pub const ALL: [Self; 11] = [
        Self::UserInlinePolicy,
        Self::GroupInlinePolicy,
        Self::RoleInlinePolicy,
        Self::ManagedPolicy,
        Self::PermissionsBoundary,
        Self::SessionPolicy,
        Self::RoleTrustPolicy,
        Self::BucketPolicy,
        Self::ResourcePolicy,
        Self::ServiceControlPolicy,
        Self::ResourceControlPolicy,
    ];

    /// The kind's name, as in scenario files and the npm API: `RoleTrustPolicy`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::UserInlinePolicy => "UserInlinePolicy",
            Self::GroupInlinePolicy => "GroupInlinePolicy",
            Self::RoleInlinePolicy => "RoleInlinePolicy",
            Self::ManagedPolicy => "ManagedPolicy",
            Self::PermissionsBoundary => "PermissionsBoundary",
            Self::SessionPolicy => "SessionPolicy",
            Self::RoleTrustPolicy => "RoleTrustPolicy",
            Self::BucketPolicy => "BucketPolicy",
            Self::ResourcePolicy => "ResourcePolicy",
            Self::ServiceControlPolicy => "ServiceControlPolicy",
            Self::ResourceControlPolicy => "ResourceControlPolicy",
        }
    }

    /// The kind with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether it is an identity-based policy (attached to, or limiting, an identity).
    #[must_use]
    pub fn is_identity_based(self) -> bool {
        matches!(
            self,
            Self::UserInlinePolicy
                | Self::GroupInlinePolicy
                | Self::RoleInlinePolicy
                | Self::ManagedPolicy
                | Self::PermissionsBoundary
                | Self::SessionPolicy
        )
    }

    /// The service that validates it.
    #[must_use]
    pub fn validator(self) -> Validator {
        match self {
            Self::UserInlinePolicy
            | Self::GroupInlinePolicy
            | Self::RoleInlinePolicy
            | Self::ManagedPolicy
            | Self::PermissionsBoundary => Validator::IamPermissions,
            Self::RoleTrustPolicy => Validator::IamTrust,
            Self::SessionPolicy => Validator::Sts,
            Self::BucketPolicy => Validator::S3,
            Self::ServiceControlPolicy | Self::ResourceControlPolicy => Validator::Organizations,
            Self::ResourcePolicy => Validator::Other,
        }
    }

    /// Whether its policies follow IAM's own rules for `Sid`s (`[0-9A-Za-z]*`, unique) and
    /// characters (tab, line feed, carriage return, U+0020–U+00FF).
    ///
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>,
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    #[must_use]
    pub fn follows_iam_rules(self) -> bool {
        matches!(
            self.validator(),
            Validator::IamPermissions | Validator::IamTrust | Validator::Sts
        )
    }

    /// Whether its statements take a principal.
    ///
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>:
    /// "The `principal_block` element is required in resource-based policies ... and in trust
    /// policies for IAM roles. It must not be included in identity-based policies."
    #[must_use]
    pub fn principal_rule(self) -> PrincipalRule {
        if self.is_identity_based() || self == Self::ServiceControlPolicy {
            PrincipalRule::Forbidden
        } else {
            PrincipalRule::Required
        }
    }

    /// Whether `NotPrincipal` is allowed: only in resource-based policies of services that
    /// support it, never in identity-based policies, trust policies, SCPs or RCPs.
    ///
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>
    #[must_use]
    pub fn allows_not_principal(self) -> bool {
        matches!(self, Self::BucketPolicy | Self::ResourcePolicy)
    }

    /// Whether statements must have `Resource` or `NotResource` (all kinds but trust policies,
    /// which must not have them).
    #[must_use]
    pub fn requires_resource(self) -> bool {
        self != Self::RoleTrustPolicy
    }

    /// Whether the kind requires `"Version": "2012-10-17"`: managed policies (so permissions
    /// boundaries), SCPs and RCPs.
    #[must_use]
    pub fn requires_current_version(self) -> bool {
        matches!(
            self,
            Self::ManagedPolicy
                | Self::PermissionsBoundary
                | Self::ServiceControlPolicy
                | Self::ResourceControlPolicy
        )
    }

    /// The size quota, if AWS has one for a single policy of this kind, and how it counts.
    ///
    /// IAM: user inline 2,048, group 5,120, role 10,240 (aggregates per entity), managed 6,144,
    /// trust policy 2,048 (default quota), white space not counted
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>); session
    /// policies 2,048 characters of plaintext
    /// (<https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html>); SCPs and
    /// RCPs 5,120, all characters count
    /// (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html>);
    /// S3 bucket policies 20 KB
    /// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html>), which
    /// S3 was observed to measure without white space
    /// (<https://github.com/MIT-LCP/physionet-build/issues/2094>,
    /// <https://github.com/FogSecurity/aws-size/pull/38>).
    #[must_use]
    pub fn size_limit(self) -> Option<(u32, SizeRule)> {
        use SizeRule::{AllCharacters, CharactersWithoutWhiteSpace as NoSpace};
        match self {
            Self::UserInlinePolicy => Some((2048, NoSpace)),
            Self::GroupInlinePolicy => Some((5120, NoSpace)),
            Self::RoleInlinePolicy => Some((10_240, NoSpace)),
            Self::ManagedPolicy | Self::PermissionsBoundary => Some((6144, NoSpace)),
            Self::RoleTrustPolicy => Some((2048, NoSpace)),
            Self::SessionPolicy => Some((2048, AllCharacters)),
            Self::ServiceControlPolicy | Self::ResourceControlPolicy => Some((5120, AllCharacters)),
            Self::BucketPolicy => Some((20 * 1024, NoSpace)),
            Self::ResourcePolicy => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for kind in PolicyKind::ALL {
            assert_eq!(PolicyKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(PolicyKind::from_name("TrustPolicy"), None);
    }

    #[test]
    fn only_identity_policies_and_scps_forbid_principals() {
        let forbidden: alloc::vec::Vec<PolicyKind> = PolicyKind::ALL
            .into_iter()
            .filter(|kind| kind.principal_rule() == PrincipalRule::Forbidden)
            .collect();
        assert_eq!(
            forbidden,
            [
                PolicyKind::UserInlinePolicy,
                PolicyKind::GroupInlinePolicy,
                PolicyKind::RoleInlinePolicy,
                PolicyKind::ManagedPolicy,
                PolicyKind::PermissionsBoundary,
                PolicyKind::SessionPolicy,
                PolicyKind::ServiceControlPolicy,
            ]
        );
    }
}
