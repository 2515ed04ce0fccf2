//! Looking up context keys in a request: the keys given with it, and the keys that describe its
//! principal, derived on demand
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>).
//! Key names match without regard to case.

use alloc::string::String;

use super::request::{PrincipalType, Request};

/// The values of a key in a request, borrowed from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Values<'r> {
    /// The key is not in the request.
    Missing,
    /// One value.
    One(&'r str),
    /// A list of values (possibly empty, for an empty multivalued key).
    Many(&'r [String]),
}

impl<'r> Values<'r> {
    /// The values (none when missing).
    pub(crate) fn iter(self) -> impl Iterator<Item = &'r str> {
        let (one, many): (Option<&'r str>, &'r [String]) = match self {
            Self::Missing => (None, &[]),
            Self::One(value) => (Some(value), &[]),
            Self::Many(values) => (None, values),
        };
        one.into_iter().chain(many.iter().map(String::as_str))
    }

    /// Whether the request has the key.
    pub(crate) fn is_missing(self) -> bool {
        self == Self::Missing
    }

    /// Whether the request has no value for the key (missing, or an empty list).
    pub(crate) fn is_empty(self) -> bool {
        match self {
            Self::Missing => true,
            Self::One(_) => false,
            Self::Many(values) => values.is_empty(),
        }
    }

    /// The value of a single-valued key (what a policy variable takes).
    pub(crate) fn single(self) -> Option<&'r str> {
        match self {
            Self::One(value) => Some(value),
            Self::Many([value]) => Some(value.as_str()),
            Self::Missing | Self::Many(_) => None,
        }
    }
}

/// The values of `key` in `request`: given keys first, then keys derived from the principal.
pub(crate) fn lookup<'r>(request: &'r Request, key: &str) -> Values<'r> {
    if let Some(entry) = request
        .context
        .iter()
        .find(|entry| entry.key.eq_ignore_ascii_case(key))
    {
        return Values::Many(&entry.values);
    }
    derived(request, key)
}

fn derived<'r>(request: &'r Request, key: &str) -> Values<'r> {
    let principal = &request.principal;
    let anonymous = principal.principal_type == PrincipalType::Anonymous;
    let one = |value: Option<&'r str>| value.map_or(Values::Missing, Values::One);
    if let Some(tag_key) = strip_prefix_ignore_case(key, "aws:PrincipalTag/") {
        return one(principal.tag(tag_key));
    }
    let is = |name: &str| key.eq_ignore_ascii_case(name);
    if principal.principal_type == PrincipalType::WebIdentityUser && !is("aws:ResourceAccount") {
        return Values::Missing;
    }
    if is("aws:PrincipalArn") {
        one(principal.principal_arn())
    } else if is("aws:PrincipalAccount") {
        if anonymous {
            Values::One("anonymous")
        } else {
            one(Some(principal.account.as_str()).filter(|a| !a.is_empty()))
        }
    } else if is("aws:PrincipalType") {
        Values::One(principal.principal_type.as_str())
    } else if is("aws:userid") {
        Values::One(&principal.user_id)
    } else if is("aws:username") {
        one(principal.username())
    } else if is("aws:ResourceAccount") {
        one(request.resource_account.as_deref())
    } else {
        Values::Missing
    }
}

/// `text` without `prefix`, compared without regard to ASCII case.
pub(crate) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::eval::request::{Caller, ContextEntry, Tag};

    fn session() -> Request {
        Request {
            principal: Caller {
                principal_type: PrincipalType::AssumedRole,
                arn: "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student-42".into(),
                account: "111122223333".into(),
                user_id: "AROAEXAMPLEROLEID:student-42".into(),
                role_arn: Some("arn:aws:iam::111122223333:role/CourseAccessRole".into()),
                source_user_arn: None,
                federated_provider: None,
                tags: vec![Tag {
                    key: "userid".into(),
                    value: "123456".into(),
                }],
            },
            action: "s3:ListBucket".into(),
            resource: "arn:aws:s3:::wisdom-learn-course-bucket".into(),
            resource_account: Some("111122223333".into()),
            context: vec![ContextEntry::single("s3:prefix", "PREFIX/123456/")],
        }
    }

    fn one(request: &Request, key: &str) -> Option<String> {
        lookup(request, key).iter().next().map(String::from)
    }

    #[test]
    fn principal_keys_are_derived_and_names_ignore_case() {
        let request = session();
        assert_eq!(
            one(&request, "aws:PrincipalTag/UserId").as_deref(),
            Some("123456")
        );
        assert_eq!(
            one(&request, "AWS:PrincipalArn").as_deref(),
            Some("arn:aws:iam::111122223333:role/CourseAccessRole"),
            "a role session's aws:PrincipalArn is the role"
        );
        assert_eq!(
            one(&request, "aws:PrincipalType").as_deref(),
            Some("AssumedRole")
        );
        assert_eq!(
            one(&request, "aws:userid").as_deref(),
            Some("AROAEXAMPLEROLEID:student-42")
        );
        assert_eq!(
            one(&request, "aws:username"),
            None,
            "only IAM users have a user name"
        );
        assert_eq!(
            one(&request, "S3:Prefix").as_deref(),
            Some("PREFIX/123456/")
        );
        assert_eq!(one(&request, "aws:PrincipalTag/team"), None);
        assert_eq!(one(&request, "aws:SourceIp"), None);
    }

    #[test]
    fn users_have_user_names() {
        let mut request = session();
        request.principal.principal_type = PrincipalType::User;
        request.principal.arn = "arn:aws:iam::444455556666:user/division/app-server".into();
        assert_eq!(one(&request, "aws:username").as_deref(), Some("app-server"));
        assert_eq!(
            one(&request, "aws:PrincipalArn").as_deref(),
            Some("arn:aws:iam::444455556666:user/division/app-server")
        );
    }
}
