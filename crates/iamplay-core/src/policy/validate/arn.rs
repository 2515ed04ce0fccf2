//! The checks IAM makes on `Resource` strings, as recorded against AWS (see
//! `docs/sources/policy-language.md`, sections 3.1 and 3.5): `*`, or ARN-shaped text whose
//! partition is the account's, with a service, and for IAM and S3 without a Region.

use alloc::string::String;
use alloc::vec::Vec;

use crate::policy::finding::FindingKind;

/// The resource types an IAM ARN may name, in the order of IAM's error message.
const IAM_RESOURCE_TYPES: [&str; 13] = [
    "user/",
    "federated-user/",
    "role/",
    "group/",
    "instance-profile/",
    "mfa/",
    "server-certificate/",
    "policy/",
    "sms-mfa/",
    "saml-provider/",
    "oidc-provider/",
    "report/",
    "access-report/",
];

/// What IAM finds wrong with a resource string, if anything, for an account in `partition`.
pub(crate) fn check_resource(resource: &str, partition: &str) -> Option<FindingKind> {
    if resource == "*" {
        return None;
    }
    if !resource.contains(':') {
        return Some(FindingKind::ResourceNotArn {
            resource: resource.into(),
        });
    }
    let fields: Vec<&str> = resource.split(':').collect();
    let field = |i: usize| fields.get(i).copied();
    // IAM reads the second field as the partition whatever the first one says.
    let written = field(1).unwrap_or_default();
    if written != partition && written != "*" {
        return Some(FindingKind::InvalidPartition {
            partition: written.into(),
            arn: quoted_arn(&fields),
        });
    }
    let Some(service) = field(2) else {
        return Some(FindingKind::ResourceServiceMissing {
            resource: resource.into(),
        });
    };
    if service.is_empty() || (fields.len() < 6 && resource.contains("::")) {
        return Some(FindingKind::MalformedArn {
            resource: resource.into(),
        });
    }
    let region = field(3).unwrap_or_default();
    let rest = fields
        .get(5..)
        .map(|rest| rest.join(":"))
        .unwrap_or_default();
    match service {
        "iam" if !region.is_empty() => Some(FindingKind::ResourceRegionNotAllowed {
            resource: resource.into(),
            service: "iam".into(),
        }),
        "iam" if fields.len() >= 6 && !is_iam_resource(&rest) => {
            Some(FindingKind::InvalidIamResource {
                resource: resource.into(),
            })
        }
        "s3" if !region.is_empty() && region != "*" && !rest.starts_with("accesspoint/") => {
            Some(FindingKind::ResourceRegionNotAllowed {
                resource: resource.into(),
                service: "s3".into(),
            })
        }
        _ => None,
    }
}

fn is_iam_resource(rest: &str) -> bool {
    rest == "*" || rest == "root" || IAM_RESOURCE_TYPES.iter().any(|t| rest.starts_with(t))
}

/// The ARN as IAM quotes it in a partition error: `arn:` and the fields after the first, the
/// missing ones of the first five as `*`.
fn quoted_arn(fields: &[&str]) -> String {
    let mut parts: Vec<&str> = fields.iter().skip(1).copied().collect();
    while parts.len() < 5 {
        parts.push("*");
    }
    let mut out = String::from("arn:");
    out.push_str(&parts.join(":"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(resource: &str) -> Option<&'static str> {
        check_resource(resource, "aws").map(|kind| kind.code())
    }

    #[test]
    fn resources_iam_accepted_when_recorded_pass() {
        for resource in [
            "*",
            "arn:aws:s3:::example_bucket",
            "arn:aws:s3:::bucket/${aws:username}/*",
            "arn:aws:iam:::user/example_bucket",
            "arn:aws:s33:::example_bucket",
            "arn:aws:invalid-service:us-east-1::example_bucket",
            "arn:aws:fdsasf",
            "arn:aws:rds:region:*:*",
            "arn:aws:ec2:region:account-id:instance/*",
            "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap",
            "arn:aws:iam::123456789012:root",
            "arn:aws:iam::123456789012:role/path/CourseAccessRole",
        ] {
            assert_eq!(code(resource), None, "{resource}");
        }
    }

    #[test]
    fn resources_iam_rejected_get_its_reasons() {
        assert_eq!(code("invalid resource"), Some("ResourceNotArn"));
        assert_eq!(code(""), Some("ResourceNotArn"));
        assert_eq!(code("arn:aws"), Some("ResourceServiceMissing"));
        assert_eq!(code("arn:aws::fdsasf"), Some("MalformedArn"));
        assert_eq!(code("arn:aws:s3::example_bucket"), Some("MalformedArn"));
        assert_eq!(code("arn:aws::::example_bucket"), Some("MalformedArn"));
        assert_eq!(
            code("arn:aws:iam:::example_bucket"),
            Some("InvalidIamResource")
        );
        assert_eq!(
            code("arn:aws:iam:us-east-1::example_bucket"),
            Some("ResourceRegionNotAllowed")
        );
        assert_eq!(
            code("arn:aws:s3:us-east-1::example_bucket"),
            Some("ResourceRegionNotAllowed")
        );
    }

    #[test]
    fn partition_errors_quote_the_arn_as_iam_does() {
        let quoted = |resource: &str| match check_resource(resource, "aws") {
            Some(FindingKind::InvalidPartition { partition, arn }) => (partition, arn),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            quoted("a:bsdfdsafsad"),
            ("bsdfdsafsad".into(), "arn:bsdfdsafsad:*:*:*:*".into())
        );
        assert_eq!(
            quoted("a:b:cadfsdf"),
            ("b".into(), "arn:b:cadfsdf:*:*:*".into())
        );
        assert_eq!(
            quoted("a:b:c:d:e:f:g:h"),
            ("b".into(), "arn:b:c:d:e:f:g:h".into())
        );
        assert_eq!(
            quoted("aws:s3:::example_bucket"),
            ("s3".into(), "arn:s3:::example_bucket:*".into())
        );
        assert_eq!(
            quoted("arn:aws-cn:s3:::b"),
            ("aws-cn".into(), "arn:aws-cn:s3:::b".into())
        );
        assert_eq!(check_resource("arn:aws-cn:s3:::b", "aws-cn"), None);
    }
}
