//! AWS managed policies that the engine needs to know by name: the organization policies AWS
//! attaches when a policy type is enabled.
//!
//! `FullAWSAccess` ("allows all services and actions", attached to every root, OU and account
//! when SCPs are enabled) and `RCPFullAWSAccess` ("allows all principals and actions access to
//! pass through RCP evaluation")
//! (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html>,
//! <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html>).
//! Their exact JSON is not published in the pages read; these are the documented effects.

use crate::eval::{CompiledPolicy, compile};
use crate::policy::{Context, PolicyKind, check};

/// The text of `FullAWSAccess`.
pub const FULL_AWS_ACCESS: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;

/// The text of `RCPFullAWSAccess`.
pub const RCP_FULL_AWS_ACCESS: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#;

/// The AWS managed policy `name`, compiled, if it is one of these.
#[must_use]
pub fn compiled(name: &str) -> Option<CompiledPolicy> {
    let (text, kind) = match name {
        "FullAWSAccess" => (FULL_AWS_ACCESS, PolicyKind::ServiceControlPolicy),
        // Only this AWS managed RCP may allow; it is read as a generic resource policy.
        "RCPFullAWSAccess" => (RCP_FULL_AWS_ACCESS, PolicyKind::ResourcePolicy),
        _ => return None,
    };
    check(text, &Context::new(kind))
        .policy
        .map(|policy| compile(name, &policy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_managed_organization_policies_compile() {
        assert!(compiled("FullAWSAccess").is_some());
        assert!(compiled("RCPFullAWSAccess").is_some());
        assert!(compiled("AdministratorAccess").is_none());
    }
}
