//! The shapes of principal ids, per principal type
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>):
//! `*` only whole, accounts as 12 digits or root ARNs, IAM users and roles, role sessions,
//! federated users, service names, identity providers, and S3 canonical users. Groups are never
//! principals.

use crate::policy::model::PrincipalKind;

/// The web identity providers a trust policy names directly.
const WEB_IDENTITY_PROVIDERS: [&str; 4] = [
    "cognito-identity.amazonaws.com",
    "www.amazon.com",
    "graph.facebook.com",
    "accounts.google.com",
];

/// Whether `id` is a valid principal of `kind` in `partition`.
#[must_use]
pub(crate) fn is_valid(kind: PrincipalKind, id: &str, partition: &str) -> bool {
    match kind {
        PrincipalKind::Aws => {
            id == "*" || is_account_id(id) || is_unique_id(id) || is_aws_arn(id, partition)
        }
        PrincipalKind::Service => is_service_name(id),
        PrincipalKind::Federated => {
            WEB_IDENTITY_PROVIDERS.contains(&id) || is_provider_arn(id, partition)
        }
        PrincipalKind::CanonicalUser => id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
    }
}

/// A 12-digit account id.
#[must_use]
pub(crate) fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// An IAM unique id such as `AIDA...` (user) or `AROA...` (role): IAM stores ARNs of trusted
/// users and roles this way, and shows them when the user or role is deleted.
fn is_unique_id(text: &str) -> bool {
    (text.starts_with("AIDA") || text.starts_with("AROA"))
        && (16..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The fields of `arn:<partition>:<service>:<region>:<account>:<resource>`, if it has them.
fn arn_fields<'a>(text: &'a str, partition: &str, service: &str) -> Option<(&'a str, &'a str)> {
    let rest = text
        .strip_prefix("arn:")?
        .strip_prefix(partition)?
        .strip_prefix(':')?;
    let rest = rest.strip_prefix(service)?.strip_prefix("::")?;
    let (account, resource) = rest.split_once(':')?;
    Some((account, resource))
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && !text.contains(['*', '?'])
}

fn is_aws_arn(id: &str, partition: &str) -> bool {
    if let Some((account, resource)) = arn_fields(id, partition, "iam") {
        return is_account_id(account)
            && (resource == "root"
                || resource
                    .strip_prefix("user/")
                    .or_else(|| resource.strip_prefix("role/"))
                    .is_some_and(|name| is_name(name) && !name.ends_with('/')));
    }
    if let Some((account, resource)) = arn_fields(id, partition, "sts") {
        let session = resource
            .strip_prefix("assumed-role/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(role, session)| is_name(role) && is_name(session));
        let federated = resource
            .strip_prefix("federated-user/")
            .is_some_and(is_name);
        return is_account_id(account) && (session || federated);
    }
    false
}

fn is_service_name(id: &str) -> bool {
    id.contains('.')
        && !id.starts_with('.')
        && !id.ends_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

fn is_provider_arn(id: &str, partition: &str) -> bool {
    arn_fields(id, partition, "iam").is_some_and(|(account, resource)| {
        is_account_id(account)
            && (resource.strip_prefix("saml-provider/").is_some_and(is_name)
                || resource.strip_prefix("oidc-provider/").is_some_and(is_name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aws(id: &str) -> bool {
        is_valid(PrincipalKind::Aws, id, "aws")
    }

    #[test]
    fn aws_principals_take_the_documented_forms() {
        for id in [
            "*",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/app-server",
            "arn:aws:iam::111122223333:role/division/CourseAccessRole",
            "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student-42",
            "arn:aws:sts::111122223333:federated-user/bob",
            "AROAEXAMPLEID123456789",
        ] {
            assert!(aws(id), "{id}");
        }
        for id in [
            "arn:aws:iam::111122223333:group/admins",
            "arn:aws:iam::111122223333:role/*",
            "arn:aws:iam::*:root",
            "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/*",
            "11112222333",
            "arn:aws-cn:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/",
            "bob",
        ] {
            assert!(!aws(id), "{id}");
        }
        assert!(is_valid(
            PrincipalKind::Aws,
            "arn:aws-cn:iam::111122223333:root",
            "aws-cn"
        ));
    }

    #[test]
    fn services_providers_and_canonical_users_have_their_shapes() {
        assert!(is_valid(PrincipalKind::Service, "ec2.amazonaws.com", "aws"));
        assert!(is_valid(
            PrincipalKind::Service,
            "states.us-east-1.amazonaws.com",
            "aws"
        ));
        assert!(!is_valid(PrincipalKind::Service, "*.amazonaws.com", "aws"));
        assert!(!is_valid(PrincipalKind::Service, "ec2", "aws"));
        assert!(is_valid(
            PrincipalKind::Federated,
            "accounts.google.com",
            "aws"
        ));
        assert!(is_valid(
            PrincipalKind::Federated,
            "arn:aws:iam::111122223333:saml-provider/Corp",
            "aws"
        ));
        assert!(is_valid(
            PrincipalKind::Federated,
            "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC",
            "aws"
        ));
        assert!(!is_valid(PrincipalKind::Federated, "example.com", "aws"));
        let canonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        assert!(is_valid(PrincipalKind::CanonicalUser, canonical, "aws"));
        assert!(!is_valid(PrincipalKind::CanonicalUser, "79a59df9", "aws"));
    }
}
