//! An evaluation given as data, as the npm package and other callers write it: the policies by
//! layer (as text, or as JSON objects) and the request. Every policy is checked for its kind
//! the way AWS would when it is saved; the problems are located by JSON pointer.
//!
//! ```json
//! {
//!   "policies": {
//!     "identity": [{"name": "CourseAccessPolicy", "document": {...}}],
//!     "boundary": {"document": "..."}, "session": [{"document": {...}}],
//!     "resource": {"kind": "BucketPolicy", "document": {...}}, "trust": false,
//!     "scps": [{"name": "Root", "policies": [{"awsManaged": "FullAWSAccess"}]}]
//!   },
//!   "request": {
//!     "principal": "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student",
//!     "tags": {"userid": "123456"}, "action": "s3:ListBucket",
//!     "resource": "arn:aws:s3:::wisdom-learn-course-bucket",
//!     "context": {"s3:prefix": "PREFIX/123456/"}
//!   }
//! }
//! ```

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::compile::{CompiledPolicy, compile};
use super::decide::{OrgLevel, PolicySet};
use super::request::{Caller, ContextEntry, ContextValue, PrincipalType, Request, Tag};
use crate::aws_managed;
use crate::policy::{AwsError, Context, Finding, PolicyKind, check};

/// An evaluation: policies and a request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvaluationInput {
    /// The policies.
    pub policies: PolicyInputs,
    /// The request.
    pub request: RequestInput,
}

/// The policies of an evaluation, by layer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyInputs {
    /// Identity-based policies (`RoleInlinePolicy` unless a kind is given).
    #[serde(default)]
    pub identity: Vec<PolicyInput>,
    /// The permissions boundary.
    #[serde(default)]
    pub boundary: Option<PolicyInput>,
    /// Session policies; absent when none apply, `[]` for a session that may do nothing.
    #[serde(default)]
    pub session: Option<Vec<PolicyInput>>,
    /// The resource-based policy (`BucketPolicy` for S3 resources, `RoleTrustPolicy` with
    /// `trust`, else `ResourcePolicy`, unless a kind is given).
    #[serde(default)]
    pub resource: Option<PolicyInput>,
    /// Whether the resource-based policy is a role's trust policy.
    #[serde(default)]
    pub trust: bool,
    /// Whether the resource-based policy must allow even within its account (KMS).
    #[serde(default)]
    pub must_allow: bool,
    /// The SCPs, level by level from the organization root.
    #[serde(default)]
    pub scps: Vec<LevelInput>,
    /// The RCPs, level by level.
    #[serde(default)]
    pub rcps: Vec<LevelInput>,
}

/// One policy: its text (or object), or an AWS managed policy iamplay knows by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyInput {
    /// What explanations call it.
    #[serde(default)]
    pub name: Option<String>,
    /// What it is checked as (`UserInlinePolicy`, `ManagedPolicy`, `BucketPolicy`, ...).
    #[serde(default)]
    pub kind: Option<String>,
    /// The document.
    #[serde(default)]
    pub document: Option<String>,
    /// Or an AWS managed policy by name (`FullAWSAccess`, `RCPFullAWSAccess`).
    #[serde(default)]
    pub aws_managed: Option<String>,
}

/// One organization level and its policies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LevelInput {
    /// The level's name (`Root`, an OU, an account).
    #[serde(default)]
    pub name: Option<String>,
    /// Its policies.
    #[serde(default)]
    pub policies: Vec<PolicyInput>,
}

/// The request of an evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestInput {
    /// The principal: an ARN (`arn:aws:iam::111122223333:user/Bob`, an assumed-role session,
    /// `anonymous`, a service name), or the full caller.
    pub principal: PrincipalInput,
    /// The principal's tags.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// The action.
    pub action: String,
    /// The resource's ARN (`*` when absent).
    #[serde(default)]
    pub resource: Option<String>,
    /// The account owning the resource (the principal's when absent).
    #[serde(default)]
    pub resource_account: Option<String>,
    /// The request's context keys.
    #[serde(default)]
    pub context: BTreeMap<String, ContextValue>,
}

/// A principal: its ARN, or every field of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PrincipalInput {
    /// The ARN (what can be read from it is).
    Arn(String),
    /// Every field.
    Caller(Caller),
}

/// Reads an ARN or a caller object (by hand: serde's untagged enums buffer their input).
impl<'de> Deserialize<'de> for PrincipalInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = PrincipalInput;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an ARN or a caller object")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<PrincipalInput, E> {
                Ok(PrincipalInput::Arn(value.into()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PrincipalInput, A::Error> {
                Caller::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(PrincipalInput::Caller)
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl Default for PrincipalInput {
    fn default() -> Self {
        Self::Arn("anonymous".into())
    }
}

/// A problem with an evaluation's input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputProblem {
    /// Where: a JSON pointer into the input (`/policies/identity/0/document`).
    pub pointer: String,
    /// What.
    pub kind: InputProblemKind,
}

/// The kinds of input problems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum InputProblemKind {
    /// A policy AWS would not accept; the findings point into its text.
    #[serde(rename_all = "camelCase")]
    Policy {
        /// What it was checked as.
        policy_kind: String,
        /// The findings (errors and warnings).
        findings: Vec<Finding>,
        /// AWS's error when the policy is saved.
        aws_error: Option<AwsError>,
    },
    /// A policy with neither a document nor an AWS managed name, or with both.
    NoDocument,
    /// An AWS managed policy iamplay does not know.
    UnknownAwsManagedPolicy {
        /// The name.
        name: String,
    },
    /// A policy kind that does not exist.
    UnknownPolicyKind {
        /// The name.
        name: String,
    },
}

/// Policies ready to decide requests, and what is worth a look in them.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    /// The policies, compiled.
    pub set: PolicySet,
    /// Warnings: findings of policies AWS would accept, and policies over their kind's size
    /// quota (AWS would not save them; they are evaluated all the same).
    pub warnings: Vec<InputProblem>,
}

/// The policies, checked and compiled.
///
/// # Errors
/// Every policy problem, located.
pub fn prepare_policies(inputs: &PolicyInputs) -> Result<Prepared, Vec<InputProblem>> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut one = |policy: &PolicyInput, at: String, kind: PolicyKind| match prepare_policy(
        policy, &at, kind,
    ) {
        Ok((compiled, warning)) => {
            warnings.extend(warning);
            Some(compiled)
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let identity: Vec<CompiledPolicy> = inputs
        .identity
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            one(
                p,
                format!("/policies/identity/{i}"),
                PolicyKind::RoleInlinePolicy,
            )
        })
        .collect();
    let boundary = inputs.boundary.as_ref().and_then(|p| {
        one(
            p,
            "/policies/boundary".into(),
            PolicyKind::PermissionsBoundary,
        )
    });
    let session = inputs.session.as_ref().map(|list| {
        list.iter()
            .enumerate()
            .filter_map(|(i, p)| {
                one(
                    p,
                    format!("/policies/session/{i}"),
                    PolicyKind::SessionPolicy,
                )
            })
            .collect::<Vec<_>>()
    });
    let resource_kind = if inputs.trust {
        PolicyKind::RoleTrustPolicy
    } else {
        PolicyKind::BucketPolicy
    };
    let resource = inputs
        .resource
        .as_ref()
        .and_then(|p| one(p, "/policies/resource".into(), resource_kind));
    let mut levels = |levels: &[LevelInput], name: &str, kind: PolicyKind| -> Vec<OrgLevel> {
        levels
            .iter()
            .enumerate()
            .map(|(l, level)| OrgLevel {
                name: level.name.clone().unwrap_or_else(|| format!("{l}")),
                policies: level
                    .policies
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| one(p, format!("/policies/{name}/{l}/policies/{i}"), kind))
                    .collect(),
            })
            .collect()
    };
    let scps = levels(&inputs.scps, "scps", PolicyKind::ServiceControlPolicy);
    let rcps = levels(&inputs.rcps, "rcps", PolicyKind::ResourceControlPolicy);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Prepared {
        set: PolicySet {
            identity,
            boundary,
            session,
            resource,
            resource_is_trust_policy: inputs.trust,
            resource_must_allow: inputs.must_allow,
            identity_must_allow: false,
            scps,
            rcps,
        },
        warnings,
    })
}

/// A policy compiled, with a warning about it if it deserves one.
fn prepare_policy(
    input: &PolicyInput,
    at: &str,
    default_kind: PolicyKind,
) -> Result<(CompiledPolicy, Option<InputProblem>), InputProblem> {
    let problem = |kind| InputProblem {
        pointer: at.into(),
        kind,
    };
    let kind = match &input.kind {
        Some(name) => PolicyKind::from_name(name)
            .ok_or_else(|| problem(InputProblemKind::UnknownPolicyKind { name: name.clone() }))?,
        None => default_kind,
    };
    match (&input.document, &input.aws_managed) {
        (None, Some(name)) => aws_managed::compiled(name)
            .map(|compiled| (compiled, None))
            .ok_or_else(|| {
                problem(InputProblemKind::UnknownAwsManagedPolicy { name: name.clone() })
            }),
        (Some(text), None) => {
            let checked = check(text, &Context::new(kind));
            let name = input.name.clone().unwrap_or_else(|| at.into());
            let report = |findings| InputProblem {
                pointer: format!("{at}/document"),
                kind: InputProblemKind::Policy {
                    policy_kind: kind.name().into(),
                    findings,
                    aws_error: checked.aws_error.clone(),
                },
            };
            match (&checked.policy, &checked.oversized) {
                (Some(policy), _) => {
                    let warning =
                        (!checked.findings.is_empty()).then(|| report(checked.findings.clone()));
                    Ok((compile(name, policy), warning))
                }
                (None, Some(policy)) => Ok((
                    compile(name, policy),
                    Some(report(checked.findings.clone())),
                )),
                (None, None) => Err(report(checked.findings.clone())),
            }
        }
        _ => Err(problem(InputProblemKind::NoDocument)),
    }
}

/// The request.
#[must_use]
pub fn prepare_request(input: &RequestInput) -> Request {
    let mut principal = match &input.principal {
        PrincipalInput::Caller(caller) => caller.clone(),
        PrincipalInput::Arn(arn) => Caller::from_arn(arn).unwrap_or_else(|| Caller {
            principal_type: PrincipalType::Anonymous,
            arn: arn.clone(),
            account: String::new(),
            user_id: String::new(),
            role_arn: None,
            source_user_arn: None,
            federated_provider: None,
            tags: Vec::new(),
        }),
    };
    if !input.tags.is_empty() {
        principal.tags = input
            .tags
            .iter()
            .map(|(key, value)| Tag {
                key: key.clone(),
                value: value.clone(),
            })
            .collect();
    }
    Request {
        resource_account: input
            .resource_account
            .clone()
            .or_else(|| Some(principal.account.clone()).filter(|a| !a.is_empty())),
        principal,
        action: input.action.clone(),
        resource: input.resource.clone().unwrap_or_else(|| "*".into()),
        context: input
            .context
            .iter()
            .map(|(key, value)| ContextEntry {
                key: key.clone(),
                values: value.values(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Decision, Options, evaluate};
    use crate::json::{self, from_json};

    fn input(text: &str) -> EvaluationInput {
        let json = json::parse(text, json::DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{e:?}"));
        from_json(&json).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_seed_lesson_as_data() {
        let input = input(
            r#"{"policies": {"identity": [{"name": "CourseAccessPolicy", "document": {
                  "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::wisdom-learn-course-bucket",
                  "Condition": {"StringLike": {"s3:prefix": "PREFIX/${aws:PrincipalTag/userid}/"}}}]}}]},
                "request": {"principal": "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/s",
                  "tags": {"userid": "123456"}, "action": "s3:ListBucket",
                  "resource": "arn:aws:s3:::wisdom-learn-course-bucket",
                  "context": {"s3:prefix": "PREFIX/123456/"}}}"#,
        );
        let set = prepare_policies(&input.policies).unwrap_or_default().set;
        let request = prepare_request(&input.request);
        assert_eq!(request.resource_account.as_deref(), Some("111122223333"));
        assert_eq!(
            evaluate(&request, &set, Options::default()).decision,
            Decision::Allow
        );
    }

    #[test]
    fn broken_policies_are_reported_where_they_are() {
        let input = input(
            r#"{"policies": {"identity": [{"document": "{"}, {"awsManaged": "NoSuchPolicy"},
                  {"kind": "Nonsense", "document": "{}"}, {}]},
                "request": {"principal": "anonymous", "action": "s3:GetObject"}}"#,
        );
        let problems = prepare_policies(&input.policies).err().unwrap_or_default();
        let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/policies/identity/0/document",
                "/policies/identity/1",
                "/policies/identity/2",
                "/policies/identity/3"
            ]
        );
        assert!(matches!(problems[0].kind, InputProblemKind::Policy { .. }));
    }
}
