//! End-to-end tests of the seed lessons' flows: credentials, STS calls, sessions and the
//! requests made with them.

mod lesson_002;
mod lessons_003_004;
mod seeds;

use alloc::string::String;
use alloc::vec::Vec;

use super::{Credentials, ServiceRequest, Simulator, World};
use crate::eval::ContextEntry;

/// A world from JSON.
pub(crate) fn world(json: &serde_json::Value) -> World {
    serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("the test world: {e}"))
}

/// A simulator on `json`, which must have no errors (warnings are fine).
pub(crate) fn simulator(json: &serde_json::Value) -> Simulator {
    let simulator = Simulator::new(&world(json));
    let errors: Vec<_> = simulator
        .problems()
        .iter()
        .filter(|p| p.severity == crate::policy::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "the test world has errors: {errors:#?}");
    simulator
}

/// A policy document as text.
pub(crate) fn text(json: &serde_json::Value) -> String {
    serde_json::to_string_pretty(json).unwrap_or_default()
}

/// Long-term credentials of `arn`.
pub(crate) fn long_term(arn: &str) -> Credentials {
    Credentials::LongTerm(arn.into())
}

/// A request for `action` on `resource` with `context` pairs.
pub(crate) fn request(action: &str, resource: &str, context: &[(&str, &str)]) -> ServiceRequest {
    ServiceRequest {
        action: action.into(),
        resource: resource.into(),
        context: context
            .iter()
            .map(|(k, v)| ContextEntry::single(*k, *v))
            .collect::<Vec<_>>(),
    }
}
