//! Authorizing one action of a principal on a resource of the world: the request context the
//! principal, the resource and the call produce, every policy that applies, and the engine's
//! decision, kept whole so that it can be explained.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::caller::Principal;
use super::directory::Directory;
use super::error::CallerKind;
use crate::eval::{
    self, ContextEntry, LayerDetail, Options, PolicySet, Request, Response, Tag, details,
};
use crate::explain::{Explanation, Lang, explain_decision};
use crate::value::date::Instant;

/// One decision of the engine inside a call or a request, with everything that went into it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    /// The request as the engine saw it: principal, action, resource, context.
    pub request: Request,
    /// The decision and its trace.
    pub response: Response,
    /// Whether the resource is in the world (an unknown resource has no policy and is taken to
    /// be in the account its ARN names, or the caller's).
    pub resource_known: bool,
    /// Keys the request was given that the credentials or the world decide
    /// (`aws:PrincipalTag/...`, `aws:MultiFactorAuthPresent`, ...): left out, as AWS sets them
    /// itself.
    pub ignored_context: Vec<String>,
    /// The policies, for the details.
    #[serde(skip)]
    pub(crate) set: PolicySet,
}

impl Authorization {
    /// Every layer, policy, statement, match and condition with the values compared.
    #[must_use]
    pub fn details(&self) -> Vec<LayerDetail> {
        details(&self.response, &self.request, &self.set)
    }

    /// The decision in words.
    #[must_use]
    pub fn explain(&self, lang: Lang) -> Explanation {
        explain_decision(&self.response, &self.request, &self.set, lang)
    }

    /// Whether the engine allowed it.
    #[must_use]
    pub fn is_allowed(&self) -> bool {
        self.response.decision == eval::Decision::Allow
    }
}

/// What an authorization is about, beyond the principal.
pub(crate) struct Target<'c> {
    /// The action (`sts:AssumeRole`, `s3:GetObject`).
    pub(crate) action: &'c str,
    /// The resource's ARN, or `*`.
    pub(crate) resource: &'c str,
    /// Keys the call itself adds (`sts:ExternalId`, `aws:RequestTag/...`, `s3:prefix`).
    pub(crate) call_context: Vec<ContextEntry>,
    /// Keys the request was given (`aws:SourceIp`, ...), after the principal's and the call's.
    pub(crate) request_context: &'c [ContextEntry],
}

/// Decides `target` for `principal` in `directory` at `now`.
pub(crate) fn authorize(
    directory: &Directory,
    principal: &Principal<'_>,
    target: Target<'_>,
    now: Instant,
    explain: bool,
) -> Authorization {
    let mut set = PolicySet {
        identity: principal.identity.clone(),
        boundary: principal.boundary.clone(),
        session: principal.session_policies.clone(),
        scps: principal.scps.clone(),
        // In a role chain, `sts:SetSourceIdentity` needs the calling role's own permission even
        // where the trust policy names it.
        identity_must_allow: target.action.eq_ignore_ascii_case("sts:SetSourceIdentity")
            && principal.kind == CallerKind::RoleSession,
        ..PolicySet::default()
    };
    let mut context = principal.context.clone();
    context.push(ContextEntry::single("aws:CurrentTime", format!("{now}")));
    context.push(ContextEntry::single(
        "aws:EpochTime",
        format!("{}", now.seconds),
    ));
    let mut resource_tags: &[Tag] = &[];
    let mut resource_account = arn_account(target.resource).map(String::from);
    let mut resource_organization = None;
    let mut resource_known = false;
    if let Some(role) = directory.roles.get(target.resource) {
        resource_known = true;
        set.resource = role.trust_policy.clone();
        set.resource_is_trust_policy = true;
        resource_tags = &role.tags;
        resource_account = Some(role.account.clone());
        // The role's tags, under both names the STS actions document.
        for tag in &role.tags {
            context.push(ContextEntry::single(
                format!("iam:ResourceTag/{}", tag.key),
                tag.value.clone(),
            ));
        }
    } else if is_role_arn(target.resource) || target.action.starts_with("sts:AssumeRole") {
        // A role the world does not have, or an ARN that is no role at all (a user's, say):
        // no trust policy allows anything on it.
        set.resource_is_trust_policy = true;
    } else if let Some((_, resource)) = directory.resource(target.resource) {
        resource_known = true;
        set.resource = resource.policy.clone();
        set.resource_must_allow = resource.policy_must_allow;
        resource_tags = &resource.tags;
        resource_account = Some(resource.account.clone());
    }
    for tag in resource_tags {
        context.push(ContextEntry::single(
            format!("aws:ResourceTag/{}", tag.key),
            tag.value.clone(),
        ));
    }
    let resource_account = resource_account.filter(|a| !a.is_empty()).or_else(|| {
        (target.resource == "*" || !resource_known).then(|| principal.caller.account.clone())
    });
    if let Some(placement) = resource_account
        .as_ref()
        .and_then(|a| directory.accounts.get(a))
        .and_then(|a| a.organization.as_ref())
    {
        resource_organization = Some(placement.organization_id.clone());
        context.push(ContextEntry::single(
            "aws:ResourceOrgID",
            placement.organization_id.clone(),
        ));
        context.push(ContextEntry::single(
            "aws:ResourceOrgPaths",
            placement.path.clone(),
        ));
        // RCPs do not limit access to the management account's resources.
        if !placement.management && target.resource != "*" {
            set.rcps = placement.rcps.clone();
        }
    }
    context.extend(target.call_context);
    let sts_call = target
        .action
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("sts:"));
    let (given, ignored): (Vec<&ContextEntry>, Vec<&ContextEntry>) =
        target.request_context.iter().partition(|entry| {
            let set_by_sts = sts_call && set_by_call_parameters(&entry.key);
            !(decided_by_aws(&entry.key) || set_by_sts)
        });
    context.extend(given.into_iter().cloned());
    for (key, default) in [
        ("aws:SecureTransport", "true"),
        ("aws:ViaAWSService", "false"),
    ] {
        if !context.iter().any(|e| e.key.eq_ignore_ascii_case(key)) {
            context.push(ContextEntry::single(key, default));
        }
    }
    let request = Request {
        principal: principal.caller.clone(),
        action: target.action.into(),
        resource: target.resource.into(),
        resource_account,
        context,
    };
    let mut response = eval::evaluate(&request, &set, Options { explain });
    let principal_organization = principal
        .context
        .iter()
        .find(|e| e.key == "aws:PrincipalOrgID")
        .and_then(|e| e.values.first());
    let same_organization = principal_organization.is_some()
        && principal_organization == resource_organization.as_ref();
    if let Some(error) = &mut response.aws_error
        && response.cross_account
        && !same_organization
        && target.action.to_ascii_lowercase().starts_with("s3:")
    {
        // "Cross-account requests outside of the same organization return a generic Access
        // Denied message" (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html>).
        error.message = "Access Denied".into();
    }
    Authorization {
        request,
        response,
        resource_known,
        ignored_context: ignored.into_iter().map(|e| e.key.clone()).collect(),
        set,
    }
}

/// Whether AWS itself decides a key (from the credentials, the principal, the resource or the
/// clock), so that a request cannot give it.
pub(crate) fn decided_by_aws(key: &str) -> bool {
    const DECIDED: [&str; 18] = [
        "aws:PrincipalArn",
        "aws:PrincipalAccount",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalType",
        "aws:PrincipalIsAWSService",
        "aws:userid",
        "aws:username",
        "aws:MultiFactorAuthPresent",
        "aws:MultiFactorAuthAge",
        "aws:TokenIssueTime",
        "aws:SourceIdentity",
        "aws:FederatedProvider",
        "aws:CurrentTime",
        "aws:EpochTime",
        "aws:ResourceAccount",
        "aws:ResourceOrgID",
        "aws:ResourceOrgPaths",
    ];
    const PREFIXES: [&str; 3] = ["aws:PrincipalTag/", "aws:ResourceTag/", "iam:ResourceTag/"];
    DECIDED.iter().any(|k| k.eq_ignore_ascii_case(key))
        || PREFIXES.iter().any(|p| {
            key.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        })
}

/// Whether STS sets `key` from an STS call's parameters (`ExternalId`, `Tags`,
/// `RoleSessionName`, ...), so that a call cannot give it as a context key
/// (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html>).
pub(crate) fn set_by_call_parameters(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower.starts_with("sts:") || lower.starts_with("aws:requesttag/") || lower == "aws:tagkeys"
}

/// Whether `arn` names an IAM role (`arn:PARTITION:iam::ACCOUNT:role/...`).
fn is_role_arn(arn: &str) -> bool {
    let mut fields = arn.splitn(6, ':');
    fields.nth(2) == Some("iam") && fields.nth(2).is_some_and(|r| r.starts_with("role/"))
}

/// The account an ARN names (`arn:aws:kms:us-east-1:111122223333:key/...`), if it names one.
fn arn_account(arn: &str) -> Option<&str> {
    let mut fields = arn.strip_prefix("arn:")?.splitn(5, ':');
    let account = fields.nth(3)?;
    (!account.is_empty() && account != "aws").then_some(account)
}
