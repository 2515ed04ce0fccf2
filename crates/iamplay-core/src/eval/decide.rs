//! AWS's policy evaluation logic: explicit deny anywhere; every RCP and SCP level must allow;
//! then the resource-based policy, the identity-based policies, the permissions boundary and the
//! session policies, with the documented rules for who a resource-based policy names
//! (`docs/sources/evaluation-logic.md` §1–§3, from
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>
//! and <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html>).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::compile::CompiledPolicy;
use super::request::{PrincipalType, Request};
use super::statement::Prepared;
use super::trace::{
    Decision, Denial, GrantedTo, Layer, LayerTrace, PolicyTrace, Response, StatementRef, Verdict,
};
use crate::policy::finding::AwsError;
use crate::policy::model::Effect;

/// The policies that apply to one request, by layer.
#[derive(Clone, Debug, Default)]
pub struct PolicySet {
    /// The principal's identity-based policies (a user's own and its groups', or a role's).
    pub identity: Vec<CompiledPolicy>,
    /// The principal's permissions boundary, if it has one.
    pub boundary: Option<CompiledPolicy>,
    /// The session's policies: `None` when none apply (not a session, or a role session
    /// created without one); `Some` when they must allow (a federated user session created
    /// without any has `Some(vec![])`: it may do nothing).
    pub session: Option<Vec<CompiledPolicy>>,
    /// The resource's resource-based policy, if it has one.
    pub resource: Option<CompiledPolicy>,
    /// Whether the resource-based policy is a role's trust policy, which must allow the caller
    /// even within its own account.
    pub resource_is_trust_policy: bool,
    /// Whether the resource-based policy must allow the caller even within its own account, as
    /// KMS key policies must ("Unless the key policy explicitly allows it, you cannot use IAM
    /// policies to allow access to a KMS key",
    /// <https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html>). Trust policies
    /// always must.
    pub resource_must_allow: bool,
    /// Whether the principal's own policies must allow even where the resource-based policy
    /// names the principal in its own account, as `sts:SetSourceIdentity` must in a role chain
    /// ("permissions for `sts:SetSourceIdentity` are required in both the permissions policy of
    /// the principal who is assuming the role and in the role trust policy of the target role",
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html>).
    pub identity_must_allow: bool,
    /// The SCPs of the principal's account, level by level from the organization root down to
    /// the account; empty when none apply (no organization, the management account, a
    /// service-linked role).
    pub scps: Vec<OrgLevel>,
    /// The RCPs of the resource's account, level by level; empty when none apply.
    pub rcps: Vec<OrgLevel>,
}

/// One level of an organization (the root, an OU, the account) and its policies.
#[derive(Clone, Debug, Default)]
pub struct OrgLevel {
    /// The level's name (`Root`, `ou-courses`, `111122223333`).
    pub name: String,
    /// Its policies.
    pub policies: Vec<CompiledPolicy>,
}

/// One layer (or one organization level), evaluated.
struct Evaluated {
    layer: Layer,
    level: Option<usize>,
    allows: Vec<(StatementRef, Option<GrantedTo>)>,
    denies: Vec<StatementRef>,
    trace: Vec<PolicyTrace>,
}

impl Evaluated {
    fn verdict(&self) -> Verdict {
        if !self.denies.is_empty() {
            Verdict::ExplicitDeny
        } else if self.allows.is_empty() {
            Verdict::NoAllow
        } else {
            Verdict::Allow
        }
    }

    fn allows(&self) -> bool {
        !self.allows.is_empty()
    }

    fn allow_refs(&self) -> impl Iterator<Item = StatementRef> + '_ {
        self.allows.iter().map(|(r, _)| r.clone())
    }
}

fn evaluate_layer(
    prepared: &Prepared<'_>,
    layer: Layer,
    level: Option<usize>,
    policies: &[CompiledPolicy],
) -> Evaluated {
    let with_principal = matches!(
        layer,
        Layer::ResourceBasedPolicy | Layer::ResourceControlPolicy
    );
    let mut evaluated = Evaluated {
        layer,
        level,
        allows: Vec::new(),
        denies: Vec::new(),
        trace: Vec::new(),
    };
    for policy in policies {
        let mut statements = Vec::new();
        for statement in &policy.statements {
            let outcome = prepared.statement(statement, with_principal);
            statements.extend(outcome.trace);
            if !outcome.applies {
                continue;
            }
            let reference = StatementRef {
                layer,
                level: evaluated.level,
                policy: policy.name.clone(),
                index: statement.index,
                sid: statement.sid.clone(),
                effect: statement.effect,
            };
            match statement.effect {
                Effect::Allow => evaluated.allows.push((reference, outcome.granted_to)),
                Effect::Deny => evaluated.denies.push(reference),
            }
        }
        if prepared.explain {
            evaluated.trace.push(PolicyTrace { statements });
        }
    }
    evaluated
}

/// Decides `request` against `set`, with every statement's trace when `explain`.
pub(crate) fn decide(request: &Request, set: &PolicySet, explain: bool) -> Response {
    let prepared = Prepared::new(request, explain, set.boundary.is_some());
    let levels = |layer: Layer, levels: &[OrgLevel]| -> Vec<Evaluated> {
        levels
            .iter()
            .enumerate()
            .map(|(i, level)| evaluate_layer(&prepared, layer, Some(i), &level.policies))
            .collect()
    };
    let rcps = levels(Layer::ResourceControlPolicy, &set.rcps);
    let scps = levels(Layer::ServiceControlPolicy, &set.scps);
    let single = |layer: Layer, policy: Option<&CompiledPolicy>| {
        policy.map(|p| evaluate_layer(&prepared, layer, None, core::slice::from_ref(p)))
    };
    let resource = single(Layer::ResourceBasedPolicy, set.resource.as_ref());
    let identity = evaluate_layer(&prepared, Layer::IdentityBasedPolicy, None, &set.identity);
    let boundary = single(Layer::PermissionsBoundary, set.boundary.as_ref());
    let session = set
        .session
        .as_ref()
        .map(|policies| evaluate_layer(&prepared, Layer::SessionPolicy, None, policies));

    let all: Vec<&Evaluated> = rcps
        .iter()
        .chain(&scps)
        .chain(&resource)
        .chain(core::iter::once(&identity))
        .chain(&boundary)
        .chain(&session)
        .collect();
    let caller = &request.principal;
    let cross_account = matches!(
        caller.principal_type,
        PrincipalType::Anonymous | PrincipalType::Service | PrincipalType::WebIdentityUser
    ) || request
        .resource_account
        .as_deref()
        .is_some_and(|owner| owner != caller.account);
    let trust = set.resource_is_trust_policy;

    let (decision, denial, determining, granted_to) = 'decided: {
        // 1. An explicit deny anywhere.
        let denies: Vec<StatementRef> = all.iter().flat_map(|e| e.denies.iter().cloned()).collect();
        if let Some(first) = all.iter().find(|e| !e.denies.is_empty()) {
            let denial = Denial {
                layer: first.layer,
                explicit: true,
                trust_policy: trust && first.layer == Layer::ResourceBasedPolicy,
            };
            break 'decided (Decision::ExplicitDeny, Some(denial), denies, None);
        }
        let implicit = |layer: Layer| {
            Some(Denial {
                layer,
                explicit: false,
                trust_policy: trust && layer == Layer::ResourceBasedPolicy,
            })
        };
        // 2–3. Every RCP level, then every SCP level, must allow.
        for level in rcps.iter().chain(&scps) {
            if !level.allows() {
                break 'decided (
                    Decision::ImplicitDeny,
                    implicit(level.layer),
                    Vec::new(),
                    None,
                );
            }
        }
        let mut determining: Vec<StatementRef> = rcps
            .iter()
            .chain(&scps)
            .flat_map(Evaluated::allow_refs)
            .collect();
        // 4. What the resource-based policy grants, and to whom.
        let grant = resource
            .as_ref()
            .and_then(|r| r.allows.iter().filter_map(|(_, g)| *g).min());
        let root = caller.principal_type == PrincipalType::Account;
        let limits_ok = |determining: &mut Vec<StatementRef>| -> Result<(), Layer> {
            for limit in boundary.iter().chain(&session) {
                if !limit.allows() {
                    return Err(limit.layer);
                }
                determining.extend(limit.allow_refs());
            }
            Ok(())
        };
        if (trust || set.resource_must_allow || cross_account) && grant.is_none() {
            break 'decided (
                Decision::ImplicitDeny,
                implicit(Layer::ResourceBasedPolicy),
                Vec::new(),
                None,
            );
        }
        if let Some(resource) = &resource {
            determining.extend(resource.allow_refs());
        }
        if !cross_account && !set.identity_must_allow {
            match grant {
                Some(GrantedTo::Principal) => {
                    break 'decided (Decision::Allow, None, determining, grant);
                }
                Some(GrantedTo::RoleOrUser) => match limits_ok(&mut determining) {
                    Ok(()) => break 'decided (Decision::Allow, None, determining, grant),
                    Err(layer) => {
                        break 'decided (
                            Decision::ImplicitDeny,
                            implicit(layer),
                            Vec::new(),
                            grant,
                        );
                    }
                },
                Some(GrantedTo::Account) | None => {}
            }
        } else if matches!(
            caller.principal_type,
            PrincipalType::Anonymous | PrincipalType::Service | PrincipalType::WebIdentityUser
        ) {
            break 'decided (Decision::Allow, None, determining, grant);
        }
        // 5–7. The principal's own side: identity-based policies (the root user needs none),
        // then the boundary and the session policies.
        if !root && !identity.allows() {
            break 'decided (
                Decision::ImplicitDeny,
                implicit(Layer::IdentityBasedPolicy),
                Vec::new(),
                grant,
            );
        }
        determining.extend(identity.allow_refs());
        match limits_ok(&mut determining) {
            Ok(()) => (Decision::Allow, None, determining, grant),
            Err(layer) => (Decision::ImplicitDeny, implicit(layer), Vec::new(), grant),
        }
    };

    let aws_error = denial.map(|denial| access_denied(request, denial));
    let layers = if explain {
        all.iter()
            .map(|e| LayerTrace {
                layer: e.layer,
                level: e.level,
                verdict: e.verdict(),
                policies: e.trace.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Response {
        decision,
        denial,
        determining,
        granted_to,
        cross_account,
        aws_error,
        layers,
    }
}

/// AWS's AccessDenied message (`docs/sources/evaluation-logic.md` §10.1): "User: <caller> is
/// not authorized to perform: <action> on resource: <resource> because no <type> allows the
/// <action> action" or "... with an explicit deny in a <type>". S3 quotes the resource; STS
/// gives no reason.
fn access_denied(request: &Request, denial: Denial) -> AwsError {
    let caller = match request.principal.principal_type {
        PrincipalType::Anonymous => "anonymous",
        _ => request.principal.arn.as_str(),
    };
    let action = request.action.as_str();
    let service = action
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut message = format!("User: {caller} is not authorized to perform: {action}");
    if request.resource != "*" {
        if service == "s3" {
            message.push_str(&format!(" on resource: \"{}\"", request.resource));
        } else {
            message.push_str(&format!(" on resource: {}", request.resource));
        }
    }
    if service != "sts" {
        let (article, kind) = match (denial.layer, denial.trust_policy) {
            (Layer::ResourceBasedPolicy, true) => ("the", "role trust policy"),
            (Layer::ResourceBasedPolicy, false) => ("a", "resource-based policy"),
            (Layer::IdentityBasedPolicy, _) => ("an", "identity-based policy"),
            (Layer::PermissionsBoundary, _) => ("a", "permissions boundary"),
            (Layer::SessionPolicy, _) => ("a", "session policy"),
            (Layer::ServiceControlPolicy, _) => ("a", "service control policy"),
            (Layer::ResourceControlPolicy, _) => ("a", "resource control policy"),
        };
        if denial.explicit {
            message.push_str(&format!(" with an explicit deny in {article} {kind}"));
        } else {
            message.push_str(&format!(" because no {kind} allows the {action} action"));
        }
        if service != "s3" {
            message.push('.');
        }
    }
    AwsError {
        code: "AccessDenied",
        message,
    }
}
