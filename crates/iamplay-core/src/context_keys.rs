//! Condition context keys whose type and multiplicity AWS documents: the global keys, and the
//! keys of STS, IAM and S3 that the course's scenarios use. Key names match without regard to
//! case; tag keys (`aws:PrincipalTag/...`) match by their prefix.
//!
//! Sources: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>
//! and the Service Authorization Reference pages for AWS STS, IAM and Amazon S3, as collected in
//! `docs/sources/condition-keys.md` (sections 1–4).

/// The type of a key's values, as AWS documents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// Text.
    String,
    /// An ARN.
    Arn,
    /// A number.
    Numeric,
    /// A date and time.
    Date,
    /// `true` or `false`.
    Bool,
    /// An IP address.
    IpAddress,
}

/// What AWS documents about a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// The key as AWS spells it; a trailing `/` means "followed by a tag key".
    pub name: &'static str,
    /// The type of its values.
    pub value_type: KeyType,
    /// Whether a request can carry several values for it.
    pub multivalued: bool,
}

const fn key(name: &'static str, value_type: KeyType, multivalued: bool) -> KeyInfo {
    KeyInfo {
        name,
        value_type,
        multivalued,
    }
}

use KeyType::{Arn, Bool, Date, IpAddress, Numeric, String as Str};

/// The catalog.
pub const KEYS: &[KeyInfo] = &[
    // Global keys: properties of the principal.
    key("aws:PrincipalArn", Arn, false),
    key("aws:PrincipalAccount", Str, false),
    key("aws:PrincipalOrgPaths", Str, true),
    key("aws:PrincipalOrgID", Str, false),
    key("aws:PrincipalTag/", Str, false),
    key("aws:PrincipalIsAWSService", Bool, false),
    key("aws:PrincipalServiceName", Str, false),
    key("aws:PrincipalServiceNamesList", Str, true),
    key("aws:PrincipalType", Str, false),
    key("aws:userid", Str, false),
    key("aws:username", Str, false),
    key("aws:AssumedRoot", Bool, false),
    // Properties of a role session.
    key("aws:TokenIssueTime", Date, false),
    key("aws:MultiFactorAuthAge", Numeric, false),
    key("aws:MultiFactorAuthPresent", Bool, false),
    key("aws:SourceIdentity", Str, false),
    key("aws:Ec2InstanceSourceVpc", Str, false),
    key("aws:Ec2InstanceSourcePrivateIPv4", IpAddress, false),
    key("aws:SignInSessionArn", Arn, false),
    key("aws:ChatbotSourceArn", Arn, false),
    // Properties of the network.
    key("aws:SourceIp", IpAddress, false),
    key("aws:SourceVpc", Str, false),
    key("aws:SourceVpcArn", Arn, false),
    key("aws:SourceVpce", Str, false),
    key("aws:VpceAccount", Str, false),
    key("aws:VpceOrgID", Str, false),
    key("aws:VpceOrgPaths", Str, true),
    key("aws:VpcSourceIp", IpAddress, false),
    // Properties of the resource.
    key("aws:ResourceAccount", Str, false),
    key("aws:ResourceOrgID", Str, false),
    key("aws:ResourceOrgPaths", Str, true),
    key("aws:ResourceTag/", Str, false),
    // Properties of the request.
    key("aws:CalledVia", Str, true),
    key("aws:CalledViaFirst", Str, false),
    key("aws:CalledViaLast", Str, false),
    key("aws:ViaAWSService", Bool, false),
    key("aws:CurrentTime", Date, false),
    key("aws:EpochTime", Date, false),
    key("aws:referer", Str, false),
    key("aws:RequestedRegion", Str, false),
    key("aws:RequestTag/", Str, false),
    key("aws:TagKeys", Str, true),
    key("aws:SecureTransport", Bool, false),
    key("aws:SourceAccount", Str, false),
    key("aws:SourceArn", Arn, false),
    key("aws:SourceOrgID", Str, false),
    key("aws:SourceOrgPaths", Str, true),
    key("aws:UserAgent", Str, false),
    // AWS STS.
    key("sts:ExternalId", Str, false),
    key("sts:RoleSessionName", Str, false),
    key("sts:SourceIdentity", Str, false),
    key("sts:TransitiveTagKeys", Str, true),
    key("sts:DurationSeconds", Numeric, false),
    key("sts:AWSServiceName", Str, false),
    // IAM.
    key("iam:PassedToService", Str, false),
    key("iam:AssociatedResourceArn", Arn, false),
    key("iam:PermissionsBoundary", Arn, false),
    key("iam:PolicyARN", Arn, false),
    key("iam:ResourceTag/", Str, false),
    key("iam:AWSServiceName", Str, false),
    // Amazon S3.
    key("s3:authType", Str, false),
    key("s3:signatureversion", Str, false),
    key("s3:signatureAge", Numeric, false),
    key("s3:TlsVersion", Numeric, false),
    key("s3:ResourceAccount", Str, false),
    key("s3:prefix", Str, false),
    key("s3:delimiter", Str, false),
    key("s3:max-keys", Numeric, false),
    key("s3:x-amz-acl", Str, false),
    key("s3:x-amz-server-side-encryption", Str, false),
    key("s3:x-amz-server-side-encryption-aws-kms-key-id", Arn, false),
    key("s3:x-amz-copy-source", Str, false),
    key("s3:x-amz-storage-class", Str, false),
    key("s3:versionid", Str, false),
    key("s3:object-lock-mode", Str, false),
    key("s3:object-lock-retain-until-date", Date, false),
    key("s3:object-lock-remaining-retention-days", Numeric, false),
    key("s3:object-lock-legal-hold", Str, false),
    key("s3:ExistingObjectTag/", Str, false),
    key("s3:RequestObjectTag/", Str, false),
    key("s3:RequestObjectTagKeys", Str, true),
    key("s3:BucketTag/", Str, false),
    key("s3:DataAccessPointArn", Arn, false),
    key("s3:DataAccessPointAccount", Str, false),
    key("s3:AccessPointNetworkOrigin", Str, false),
];

/// What AWS documents about `name`, if it is in the catalog. Names match without regard to
/// case; `aws:PrincipalTag/team` matches `aws:PrincipalTag/`.
#[must_use]
pub fn lookup(name: &str) -> Option<&'static KeyInfo> {
    KEYS.iter().find(|info| {
        if info.name.ends_with('/') {
            name.len() > info.name.len()
                && name
                    .get(..info.name.len())
                    .is_some_and(|prefix| prefix.eq_ignore_ascii_case(info.name))
        } else {
            name.eq_ignore_ascii_case(info.name)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_without_regard_to_case_and_tags_by_prefix() {
        assert_eq!(
            lookup("AWS:SourceIP").map(|k| k.value_type),
            Some(IpAddress)
        );
        assert_eq!(
            lookup("aws:PrincipalTag/userid").map(|k| k.name),
            Some("aws:PrincipalTag/")
        );
        assert_eq!(
            lookup("aws:principaltag/UserId").map(|k| k.value_type),
            Some(Str)
        );
        assert_eq!(
            lookup("aws:PrincipalTag/"),
            None,
            "a tag key must follow the slash"
        );
        assert!(lookup("aws:TagKeys").is_some_and(|k| k.multivalued));
        assert_eq!(lookup("s3:unknown-key"), None);
    }

    #[test]
    fn the_catalog_has_no_duplicates() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in KEYS.iter().skip(i + 1) {
                assert!(!a.name.eq_ignore_ascii_case(b.name), "{} twice", a.name);
            }
        }
    }
}
