//! An STS call as an operation: every parameter the step gives, with AWS's names, in the order
//! the AWS CLI Command Reference's examples write them (the role and session first, the long
//! session policy last).

use alloc::string::String;
use alloc::vec;

use super::operation::{Operation, Value};
use crate::scenario::{Call, Step};
use crate::sts::{PolicyDescriptor, SessionTag, unsigned_jwt};

/// `call` (of `step`, whose claims stand for a missing web identity token) as an operation.
pub(super) fn operation(step: &Step, call: &Call) -> Operation {
    let mut op = Operation::new("sts", call.name());
    match call {
        Call::AssumeRole(p) => {
            op.text("RoleArn", p.role_arn.as_deref());
            op.text("RoleSessionName", p.role_session_name.as_deref());
            tags(&mut op, &p.tags);
            list(&mut op, "TransitiveTagKeys", &p.transitive_tag_keys);
            integer(&mut op, "DurationSeconds", p.duration_seconds);
            op.text("ExternalId", p.external_id.as_deref());
            op.text("SerialNumber", p.serial_number.as_deref());
            op.text("TokenCode", p.token_code.as_deref());
            policies(&mut op, p.policy.as_deref(), &p.policy_arns);
            op.text("SourceIdentity", p.source_identity.as_deref());
        }
        Call::GetSessionToken(p) => {
            integer(&mut op, "DurationSeconds", p.duration_seconds);
            op.text("SerialNumber", p.serial_number.as_deref());
            op.text("TokenCode", p.token_code.as_deref());
        }
        Call::GetFederationToken(p) => {
            op.text("Name", p.name.as_deref());
            tags(&mut op, &p.tags);
            integer(&mut op, "DurationSeconds", p.duration_seconds);
            policies(&mut op, p.policy.as_deref(), &p.policy_arns);
        }
        Call::AssumeRoleWithWebIdentity(p) => {
            op.text("RoleArn", p.role_arn.as_deref());
            op.text("RoleSessionName", p.role_session_name.as_deref());
            let token = p
                .web_identity_token
                .clone()
                .or_else(|| step.claims.as_deref().map(unsigned_jwt));
            op.text("WebIdentityToken", token.as_deref());
            op.text("ProviderId", p.provider_id.as_deref());
            integer(&mut op, "DurationSeconds", p.duration_seconds);
            policies(&mut op, p.policy.as_deref(), &p.policy_arns);
        }
        Call::GetCallerIdentity(_) => {}
    }
    op
}

fn integer(op: &mut Operation, name: &'static str, value: Option<i64>) {
    if let Some(value) = value {
        op.param(name, Value::Integer(value));
    }
}

fn list(op: &mut Operation, name: &'static str, items: &[String]) {
    if !items.is_empty() {
        op.param(name, Value::List(items.to_vec()));
    }
}

fn tags(op: &mut Operation, tags: &[SessionTag]) {
    if !tags.is_empty() {
        let items = tags
            .iter()
            .map(|tag| vec![("Key", tag.key.clone()), ("Value", tag.value.clone())])
            .collect();
        op.param("Tags", Value::Structures(items));
    }
}

/// The inline session policy, then the managed ones.
fn policies(op: &mut Operation, policy: Option<&str>, arns: &[PolicyDescriptor]) {
    if let Some(policy) = policy {
        op.param("Policy", Value::Document(policy.into()));
    }
    if !arns.is_empty() {
        let items = arns
            .iter()
            .map(|descriptor| vec![("arn", descriptor.arn.clone())])
            .collect();
        op.param("PolicyArns", Value::Structures(items));
    }
}
