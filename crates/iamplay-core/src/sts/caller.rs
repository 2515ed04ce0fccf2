//! Who signs a call or a request: the credentials given, resolved to a principal with the
//! policies that govern it and the context keys it brings
//! (`docs/sources/condition-keys.md` §1.1–§1.2).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::directory::{Directory, KeyOwner};
use super::error::{CallerKind, Failure, StsError};
use super::session::{Session, SessionKind};
use super::world::AccessKeyStatus;
use crate::eval::{Caller, CompiledPolicy, ContextEntry, OrgLevel, PrincipalType};
use crate::value::date::Instant;

/// The credentials a call or request is signed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Credentials {
    /// An access key id: a user's or root user's long-term key (`AKIA...`), or the key of
    /// temporary credentials STS issued (`ASIA...`).
    AccessKeyId(String),
    /// The long-term credentials of the user or root user with this ARN
    /// (`arn:aws:iam::111122223333:user/ServerUser`, `arn:aws:iam::111122223333:root`), for
    /// worlds that do not list access keys.
    LongTerm(String),
    /// No credentials: an anonymous request.
    Anonymous,
}

/// A principal, resolved: the engine's view of it and what limits it.
#[derive(Clone, Debug)]
pub(crate) struct Principal<'a> {
    /// Who it is to the engine.
    pub(crate) caller: Caller,
    /// What kind of caller it is.
    pub(crate) kind: CallerKind,
    /// Its identity-based policies.
    pub(crate) identity: Vec<CompiledPolicy>,
    /// Its permissions boundary.
    pub(crate) boundary: Option<CompiledPolicy>,
    /// Its session policies, when they must allow.
    pub(crate) session_policies: Option<Vec<CompiledPolicy>>,
    /// The SCPs that apply to it, level by level.
    pub(crate) scps: Vec<OrgLevel>,
    /// The context keys it brings to every request.
    pub(crate) context: Vec<ContextEntry>,
    /// Its session, for temporary credentials.
    pub(crate) session: Option<&'a Session>,
    /// The MFA devices of the user or root user behind it (for `GetSessionToken` and
    /// `AssumeRole` with `SerialNumber`).
    pub(crate) mfa_serials: Vec<(String, String)>,
}

impl Principal<'static> {
    /// A principal with no policies, context or session yet.
    pub(crate) fn bare(caller: Caller, kind: CallerKind) -> Self {
        Self {
            caller,
            kind,
            identity: Vec::new(),
            boundary: None,
            session_policies: None,
            scps: Vec::new(),
            context: Vec::new(),
            session: None,
            mfa_serials: Vec::new(),
        }
    }
}

/// A caller known by its type, ARN, account and `aws:userid` (no tags or related ARNs yet).
pub(crate) fn caller(
    principal_type: PrincipalType,
    arn: String,
    account: String,
    user_id: String,
) -> Caller {
    Caller {
        principal_type,
        arn,
        account,
        user_id,
        role_arn: None,
        source_user_arn: None,
        federated_provider: None,
        tags: Vec::new(),
    }
}

fn invalid_token(reason: Failure) -> StsError {
    StsError {
        code: "InvalidClientTokenId",
        status: 403,
        message: "The security token included in the request is invalid.".into(),
        reason,
    }
}

/// Resolves `credentials` at `now`.
pub(crate) fn resolve<'a>(
    directory: &'a Directory,
    sessions: &'a [Session],
    credentials: &Credentials,
    now: Instant,
) -> Result<Principal<'a>, StsError> {
    let owner = match credentials {
        Credentials::Anonymous => {
            return Ok(anonymous());
        }
        Credentials::AccessKeyId(id) => {
            if let Some(session) = sessions.iter().find(|s| s.credentials.access_key_id == *id) {
                if session.is_expired(now) {
                    return Err(StsError {
                        code: "ExpiredToken",
                        status: 403,
                        message: "The security token included in the request is expired".into(),
                        reason: Failure::ExpiredCredentials {
                            expired_at: format!("{}", session.expires_at),
                            now: format!("{now}"),
                        },
                    });
                }
                return Ok(from_session(directory, session, now));
            }
            let Some(key) = directory.access_keys.get(id) else {
                return Err(invalid_token(Failure::UnknownAccessKey {
                    access_key_id: id.clone(),
                }));
            };
            if key.status == AccessKeyStatus::Inactive {
                return Err(invalid_token(Failure::InactiveAccessKey {
                    access_key_id: id.clone(),
                }));
            }
            key.owner.clone()
        }
        Credentials::LongTerm(arn) => {
            if directory.users.contains_key(arn) {
                KeyOwner::User(arn.clone())
            } else if let Some(account) = root_account(arn)
                && directory.accounts.contains_key(account)
            {
                KeyOwner::Root(account.into())
            } else {
                return Err(invalid_token(Failure::UnknownPrincipal {
                    arn: arn.clone(),
                }));
            }
        }
    };
    Ok(long_term(directory, &owner))
}

/// The account of `arn:PARTITION:iam::ACCOUNT:root`.
fn root_account(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(':')?;
    rest.strip_prefix("iam::")?.strip_suffix(":root")
}

fn anonymous() -> Principal<'static> {
    let caller = caller(
        PrincipalType::Anonymous,
        String::new(),
        String::new(),
        "anonymous".into(),
    );
    Principal::bare(caller, CallerKind::User)
}

/// A user or root user with long-term credentials: no `aws:MultiFactorAuthPresent`, no
/// `aws:TokenIssueTime`.
fn long_term<'a>(directory: &'a Directory, owner: &KeyOwner) -> Principal<'a> {
    let mut principal = match owner {
        KeyOwner::User(arn) => match directory.users.get(arn) {
            Some(user) => {
                let mut caller = caller(
                    PrincipalType::User,
                    arn.clone(),
                    user.account.clone(),
                    user.id.clone(),
                );
                caller.tags.clone_from(&user.tags);
                let mut principal = Principal::bare(caller, CallerKind::User);
                principal.identity.clone_from(&user.policies);
                principal.boundary.clone_from(&user.boundary);
                principal.mfa_serials = serials(&user.mfa_devices);
                principal
            }
            None => anonymous(),
        },
        KeyOwner::Root(account) => {
            let arn = directory.iam_arn(account, "root");
            let caller = caller(
                PrincipalType::Account,
                arn,
                account.clone(),
                account.clone(),
            );
            let mut principal = Principal::bare(caller, CallerKind::Root);
            principal.mfa_serials = directory
                .accounts
                .get(account)
                .map(|a| serials(&a.root_mfa_devices))
                .unwrap_or_default();
            principal
        }
    };
    finish(directory, &mut principal);
    principal
}

fn serials(devices: &[super::world::MfaDevice]) -> Vec<(String, String)> {
    devices
        .iter()
        .map(|d| (d.serial_number.clone(), d.code.clone()))
        .collect()
}

/// The principal of temporary credentials.
fn from_session<'a>(directory: &'a Directory, session: &'a Session, now: Instant) -> Principal<'a> {
    let (principal_type, kind, identity, boundary, role_arn, source_user_arn, serials_of) =
        match session.kind {
            SessionKind::AssumeRole | SessionKind::AssumeRoleWithWebIdentity => {
                let role = directory.roles.get(&session.source_arn);
                (
                    PrincipalType::AssumedRole,
                    CallerKind::RoleSession,
                    role.map(|r| r.policies.clone()).unwrap_or_default(),
                    role.and_then(|r| r.boundary.clone()),
                    Some(session.source_arn.clone()),
                    None,
                    Vec::new(),
                )
            }
            SessionKind::GetFederationToken => {
                let user = directory.users.get(&session.source_arn);
                // A root user's federated session is limited only by its session policies
                // (unconfirmed: `docs/sources/sts.md` §5).
                let identity = match user {
                    Some(user) => user.policies.clone(),
                    None => crate::aws_managed::compiled("FullAWSAccess")
                        .map(|mut p| {
                            p.name = session.source_arn.clone();
                            alloc::vec![p]
                        })
                        .unwrap_or_default(),
                };
                (
                    PrincipalType::FederatedUser,
                    CallerKind::FederatedUser,
                    identity,
                    user.and_then(|u| u.boundary.clone()),
                    None,
                    Some(session.source_arn.clone()),
                    Vec::new(),
                )
            }
            SessionKind::GetSessionToken => match directory.users.get(&session.source_arn) {
                Some(user) => (
                    PrincipalType::User,
                    CallerKind::UserSession,
                    user.policies.clone(),
                    user.boundary.clone(),
                    None,
                    None,
                    serials(&user.mfa_devices),
                ),
                None => (
                    PrincipalType::Account,
                    CallerKind::UserSession,
                    Vec::new(),
                    None,
                    None,
                    None,
                    directory
                        .accounts
                        .get(&session.account)
                        .map(|a| serials(&a.root_mfa_devices))
                        .unwrap_or_default(),
                ),
            },
        };
    let mut principal = Principal {
        caller: Caller {
            principal_type,
            arn: session.arn.clone(),
            account: session.account.clone(),
            user_id: session.user_id.clone(),
            role_arn,
            source_user_arn,
            federated_provider: session
                .web_identity
                .as_ref()
                .map(|w| w.provider_arn.clone()),
            tags: session.principal_tags.clone(),
        },
        kind,
        identity,
        boundary,
        session_policies: session.session_policies.clone(),
        scps: Vec::new(),
        context: session_context(session, now),
        session: Some(session),
        mfa_serials: serials_of,
    };
    finish(directory, &mut principal);
    principal
}

/// The keys a session carries: `aws:TokenIssueTime`, the MFA keys (not for federated
/// identities), `aws:SourceIdentity`, and a web identity's provider and claims.
fn session_context(session: &Session, now: Instant) -> Vec<ContextEntry> {
    let mut context = alloc::vec![ContextEntry::single(
        "aws:TokenIssueTime",
        format!("{}", session.issued_at)
    )];
    // No MFA keys for federated identities (`docs/sources/sts.md` §6).
    if session.web_identity.is_none() && session.kind != SessionKind::GetFederationToken {
        context.push(ContextEntry::single(
            "aws:MultiFactorAuthPresent",
            if session.mfa_authenticated_at.is_some() {
                "true"
            } else {
                "false"
            },
        ));
        if let Some(at) = session.mfa_authenticated_at {
            context.push(ContextEntry::single(
                "aws:MultiFactorAuthAge",
                format!("{}", now.seconds_since(at).max(0)),
            ));
        }
    }
    if let Some(source_identity) = &session.source_identity {
        context.push(ContextEntry::single(
            "aws:SourceIdentity",
            source_identity.clone(),
        ));
    }
    if let Some(web) = &session.web_identity {
        context.push(ContextEntry::single(
            "aws:FederatedProvider",
            web.provider_arn.clone(),
        ));
        for (key, values) in &web.claims {
            context.push(ContextEntry {
                key: key.clone(),
                values: values.clone(),
            });
        }
    }
    context
}

/// Adds what every signed principal has: its organization's SCPs and keys, and
/// `aws:PrincipalIsAWSService`.
fn finish(directory: &Directory, principal: &mut Principal<'_>) {
    if principal.caller.principal_type == PrincipalType::Anonymous {
        return;
    }
    principal
        .context
        .push(ContextEntry::single("aws:PrincipalIsAWSService", "false"));
    let placement = directory
        .accounts
        .get(&principal.caller.account)
        .and_then(|a| a.organization.as_ref());
    if let Some(placement) = placement {
        principal.context.push(ContextEntry::single(
            "aws:PrincipalOrgID",
            placement.organization_id.clone(),
        ));
        principal.context.push(ContextEntry::single(
            "aws:PrincipalOrgPaths",
            placement.path.clone(),
        ));
        // SCPs do not limit the management account's principals.
        if !placement.management {
            principal.scps = placement.scps.clone();
        }
    }
}
