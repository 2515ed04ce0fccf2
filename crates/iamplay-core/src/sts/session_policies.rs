//! Session policies passed to a call (`Policy` and `PolicyArns`): checked as STS checks them,
//! and compiled to limit the new session
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session>).

use alloc::string::String;
use alloc::vec::Vec;

use super::directory::Directory;
use super::error::{Failure, StsError};
use crate::eval::{CompiledPolicy, compile};
use crate::policy::{Checked, Context, PolicyKind, check};

/// The name the inline session policy goes by in explanations.
pub(crate) const INLINE_NAME: &str = "Policy";

/// Session policies, read.
#[derive(Clone, Debug, Default)]
pub(crate) struct SessionPolicies {
    /// The policies, compiled, inline first.
    pub(crate) policies: Vec<CompiledPolicy>,
    /// Their names.
    pub(crate) names: Vec<String>,
    /// The inline policy's check (its findings point into the text the caller passed).
    pub(crate) inline_check: Option<Checked>,
    /// The characters of the inline and managed policies' text that count against the
    /// 2,048-character plaintext allowance.
    pub(crate) plaintext_length: usize,
    /// Whether any were passed.
    pub(crate) passed: bool,
}

/// Reads `policy` and `arns` in `directory`'s partition.
pub(crate) fn read(
    directory: &Directory,
    policy: Option<&str>,
    arns: &[&str],
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
        match &checked.policy {
            Some(policy) => {
                read.policies.push(compile(INLINE_NAME, policy));
                read.names.push(INLINE_NAME.into());
                read.inline_check = Some(checked);
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
