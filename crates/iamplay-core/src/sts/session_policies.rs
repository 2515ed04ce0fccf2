//! Session policies passed to a call (`Policy` and `PolicyArns`): checked as STS checks them,
//! and compiled to limit the new session
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session>).

use alloc::string::String;
use alloc::vec::Vec;

use super::call::{CallOutcome, Note};
use super::directory::Directory;
use super::error::{Failure, StsError};
use super::packed;
use super::params::{PolicyDescriptor, SessionTag};
use super::validate::validation_error;
use crate::eval::{CompiledPolicy, compile};
use crate::policy::{Context, PolicyKind, check};

/// The name the inline session policy goes by in explanations.
pub(crate) const INLINE_NAME: &str = "Policy";

/// Session policies, read.
#[derive(Clone, Debug, Default)]
pub(crate) struct SessionPolicies {
    /// The policies, compiled, inline first.
    pub(crate) policies: Vec<CompiledPolicy>,
    /// Their names.
    pub(crate) names: Vec<String>,
    /// The characters of the inline and managed policies' text that count against the
    /// 2,048-character plaintext allowance.
    pub(crate) plaintext_length: usize,
    /// Whether any were passed.
    pub(crate) passed: bool,
}

/// The session policies and tags of a call: read and checked (the inline policy's findings go
/// to `outcome`), held to the documented limits, and their packed size estimated when any were
/// passed (with a note saying it is an estimate).
pub(crate) fn for_call<T>(
    directory: &Directory,
    policy: Option<&str>,
    descriptors: &[PolicyDescriptor],
    tags: &[SessionTag],
    outcome: &mut CallOutcome<T>,
) -> Result<(SessionPolicies, Option<u32>), StsError> {
    let arns: Vec<&str> = descriptors.iter().map(|p| p.arn.as_str()).collect();
    let policies = read(directory, policy, &arns, &mut outcome.policy_findings)?;
    check_limits(arns.len(), policies.plaintext_length)?;
    if !policies.passed && tags.is_empty() {
        return Ok((policies, None));
    }
    let size = packed::estimate(policy, &arns, tags);
    packed::check(size)?;
    outcome.notes.push(Note::PackedPolicySizeEstimated {
        percent: size.total(),
    });
    Ok((policies, Some(size.total())))
}

/// The documented limits the API model does not carry: 10 managed session policies and 2,048
/// characters of policy text (texts docs-derived: `docs/sources/sts.md` §3.8, §3.12).
fn check_limits(arns: usize, plaintext: usize) -> Result<(), StsError> {
    let reason = Failure::SessionPoliciesTooLarge { arns, plaintext };
    if arns > 10 {
        return Err(validation_error(
            alloc::format!(
                "1 validation error detected: Value '{arns}' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10"
            ),
            reason,
        ));
    }
    if plaintext > 2048 {
        return Err(validation_error(
            "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048".into(),
            reason,
        ));
    }
    Ok(())
}

/// Reads `policy` and `arns` in `directory`'s partition; the inline policy's findings go to
/// `findings`.
fn read(
    directory: &Directory,
    policy: Option<&str>,
    arns: &[&str],
    findings: &mut Vec<crate::policy::Finding>,
) -> Result<SessionPolicies, StsError> {
    let mut read = SessionPolicies {
        passed: policy.is_some() || !arns.is_empty(),
        ..SessionPolicies::default()
    };
    if let Some(text) = policy {
        let checked = check(
            text,
            &Context::new(PolicyKind::SessionPolicy).in_partition(&directory.partition),
        );
        read.plaintext_length += text.chars().count();
        findings.clone_from(&checked.findings);
        match &checked.policy {
            Some(policy) => {
                read.policies.push(compile(INLINE_NAME, policy));
                read.names.push(INLINE_NAME.into());
            }
            None => {
                let aws = checked.aws_error.clone();
                return Err(StsError {
                    code: "MalformedPolicyDocument",
                    status: 400,
                    message: aws.map(|e| e.message).unwrap_or_default(),
                    reason: Failure::MalformedSessionPolicy {
                        source: INLINE_NAME.into(),
                    },
                });
            }
        }
    }
    for arn in arns {
        let Some(policy) = directory.managed_policy(arn) else {
            return Err(StsError {
                code: "InvalidParameterValue",
                status: 400,
                message: alloc::format!("Policy {arn} does not exist or is not attachable."),
                reason: Failure::UnknownSessionPolicyArn { arn: (*arn).into() },
            });
        };
        read.plaintext_length += policy.1;
        let mut compiled = policy.0.clone();
        compiled.name = (*arn).into();
        read.policies.push(compiled);
        read.names.push((*arn).into());
    }
    Ok(read)
}
