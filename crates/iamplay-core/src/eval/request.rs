//! A request as the authorization engine sees it: who asks, for which action on which
//! resource, and the request context.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

/// The kind of principal that makes a request, as `aws:PrincipalType` names it
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltype>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrincipalType {
    /// The account's root user.
    Account,
    /// An IAM user.
    User,
    /// A federated user session (`GetFederationToken`).
    FederatedUser,
    /// A role session (`AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`).
    AssumedRole,
    /// An AWS service principal (`ec2.amazonaws.com`).
    Service,
    /// An unsigned request.
    Anonymous,
    /// A caller known only by an identity provider's token, calling
    /// `AssumeRoleWithWebIdentity` (CloudTrail's `WebIdentityUser`); AWS documents no
    /// `aws:PrincipalType`, `aws:PrincipalAccount` or `aws:userid` for it, so it has none.
    WebIdentityUser,
}

impl PrincipalType {
    /// The value of `aws:PrincipalType`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "Account",
            Self::User => "User",
            Self::FederatedUser => "FederatedUser",
            Self::AssumedRole => "AssumedRole",
            Self::Service => "Service",
            Self::Anonymous => "Anonymous",
            Self::WebIdentityUser => "WebIdentityUser",
        }
    }
}

/// The principal of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Caller {
    /// What kind of principal it is.
    pub principal_type: PrincipalType,
    /// Its ARN: the user, the role session (`arn:aws:sts::...:assumed-role/Role/session`), the
    /// federated user, the account root; a service's name; empty for anonymous callers.
    pub arn: String,
    /// Its account id (empty for services and anonymous callers).
    pub account: String,
    /// `aws:userid`: `AIDA...` for users, `AROA...:session` for role sessions, the account id
    /// for the root user, `anonymous` for anonymous callers.
    pub user_id: String,
    /// For a role session, the role's ARN (what `aws:PrincipalArn` holds, and what a
    /// resource-based policy naming the role matches).
    #[serde(default)]
    pub role_arn: Option<String>,
    /// For a federated user session, the IAM user that called `GetFederationToken` (a
    /// resource-based policy naming that user matches the session, limited by its session
    /// policy).
    #[serde(default)]
    pub source_user_arn: Option<String>,
    /// For a caller authenticated by an identity provider (`AssumeRoleWithWebIdentity`,
    /// `AssumeRoleWithSAML`), the provider a trust policy's `Federated` principal names.
    #[serde(default)]
    pub federated_provider: Option<String>,
    /// The principal's tags (`aws:PrincipalTag/...`): a user's or role's tags, with a
    /// session's tags in place of a role tag of the same key.
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// A tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// The key (matched without regard to case).
    pub key: String,
    /// The value (case-sensitive).
    pub value: String,
}

impl Caller {
    /// The caller an ARN names, with what can be read from it: `arn:aws:iam::ACCOUNT:user/...`
    /// (a user), `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (a role session of
    /// `arn:aws:iam::ACCOUNT:role/ROLE`), `arn:aws:sts::ACCOUNT:federated-user/NAME`,
    /// `arn:aws:iam::ACCOUNT:root`, a service name (`ec2.amazonaws.com`) or `anonymous`. The
    /// unique id is made up from the ARN; tags are empty.
    #[must_use]
    pub fn from_arn(arn: &str) -> Option<Self> {
        let caller = |principal_type, account: &str, user_id: String| Self {
            principal_type,
            arn: arn.into(),
            account: account.into(),
            user_id,
            role_arn: None,
            source_user_arn: None,
            federated_provider: None,
            tags: Vec::new(),
        };
        if arn == "anonymous" {
            return Some(caller(PrincipalType::Anonymous, "", "anonymous".into()));
        }
        let Some(rest) = arn.strip_prefix("arn:") else {
            return arn
                .ends_with(".amazonaws.com")
                .then(|| caller(PrincipalType::Service, "", arn.into()));
        };
        let mut fields = rest.splitn(5, ':');
        let (partition, service, _region, account, resource) = (
            fields.next()?,
            fields.next()?,
            fields.next()?,
            fields.next()?,
            fields.next()?,
        );
        match (service, resource.split_once('/')) {
            ("iam", None) if resource == "root" => {
                Some(caller(PrincipalType::Account, account, account.into()))
            }
            ("iam", Some(("user", _))) => Some(caller(
                PrincipalType::User,
                account,
                alloc::format!("AIDA{account}"),
            )),
            ("sts", Some(("assumed-role", rest))) => {
                let (role, session) = rest.rsplit_once('/')?;
                let mut session_caller = caller(
                    PrincipalType::AssumedRole,
                    account,
                    alloc::format!("AROA{account}:{session}"),
                );
                session_caller.role_arn =
                    Some(alloc::format!("arn:{partition}:iam::{account}:role/{role}"));
                Some(session_caller)
            }
            ("sts", Some(("federated-user", name))) => Some(caller(
                PrincipalType::FederatedUser,
                account,
                alloc::format!("{account}:{name}"),
            )),
            _ => None,
        }
    }

    /// `aws:username`: the user name of an IAM user (the last part of its ARN), and nothing for
    /// other principals.
    #[must_use]
    pub fn username(&self) -> Option<&str> {
        (self.principal_type == PrincipalType::User)
            .then(|| self.arn.rsplit('/').next())
            .flatten()
    }

    /// `aws:PrincipalArn`: the ARN that identifies the principal to policies: the role for a
    /// role session, otherwise the principal's own ARN.
    #[must_use]
    pub fn principal_arn(&self) -> Option<&str> {
        match self.principal_type {
            PrincipalType::Anonymous | PrincipalType::Service | PrincipalType::WebIdentityUser => {
                None
            }
            PrincipalType::AssumedRole => self.role_arn.as_deref().or(Some(self.arn.as_str())),
            _ => Some(&self.arn),
        }
    }

    /// The value of a principal tag, matched without regard to the key's case.
    #[must_use]
    pub fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|tag| tag.key.eq_ignore_ascii_case(key))
            .map(|tag| tag.value.as_str())
    }
}

/// A request to authorize.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// Who makes it.
    pub principal: Caller,
    /// The action, `service:Action` (matched without regard to case).
    pub action: String,
    /// The resource's ARN, or `*` for actions on no particular resource.
    pub resource: String,
    /// The account that owns the resource, if it is known (decides same- vs cross-account).
    #[serde(default)]
    pub resource_account: Option<String>,
    /// The other context keys of the request (`aws:SourceIp`, `s3:prefix`, ...); the keys that
    /// describe the principal are derived from it.
    #[serde(default)]
    pub context: Vec<ContextEntry>,
}

/// One context key and its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextEntry {
    /// The key (matched without regard to case).
    pub key: String,
    /// Its values: one for a single-valued key, any number for a multivalued one.
    pub values: Vec<String>,
}

impl ContextEntry {
    /// A single-valued entry.
    #[must_use]
    pub fn single(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            values: alloc::vec![value.into()],
        }
    }
}

/// A context key's value: one, or a list (for multivalued keys).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ContextValue {
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

/// Reads a string or a list of strings (by hand: serde's untagged enums buffer their input).
impl<'de> Deserialize<'de> for ContextValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ContextValue;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<ContextValue, E> {
                Ok(ContextValue::One(value.into()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ContextValue, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = seq.next_element::<String>()? {
                    values.push(value);
                }
                Ok(ContextValue::Many(values))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl ContextValue {
    /// The values.
    #[must_use]
    pub fn values(&self) -> Vec<String> {
        match self {
            Self::One(value) => alloc::vec![value.clone()],
            Self::Many(values) => values.clone(),
        }
    }
}
