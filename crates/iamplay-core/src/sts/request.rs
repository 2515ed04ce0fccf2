//! A request to an AWS service made with credentials — long-term keys, a session STS issued, or
//! none — decided by the engine with everything the credentials carry.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::authorize::Authorization;
use super::caller::Credentials;
use super::error::StsError;
use super::simulator::{Simulator, denied};
use crate::eval::ContextEntry;

/// A request to a service.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceRequest {
    /// The action (`s3:GetObject`).
    pub action: String,
    /// The resource's ARN (`arn:aws:s3:::bucket/key`), or `*`.
    pub resource: String,
    /// Keys the request brings (`aws:SourceIp`, `s3:prefix`, ...). Keys the credentials
    /// determine (`aws:PrincipalTag/...`, `aws:MultiFactorAuthPresent`, ...) cannot be given
    /// here: the credentials' values win.
    #[serde(default)]
    pub context: Vec<ContextEntry>,
}

/// What a request got.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestOutcome {
    /// AWS's error, when it was refused.
    pub error: Option<StsError>,
    /// The engine's decision, when the credentials were good.
    pub authorization: Option<Authorization>,
}

impl RequestOutcome {
    /// Whether the request was allowed.
    #[must_use]
    pub fn is_allowed(&self) -> bool {
        self.error.is_none()
    }
}

impl Simulator {
    /// Makes `request` with `credentials` at the simulator's time.
    #[must_use]
    pub fn request(&self, credentials: &Credentials, request: &ServiceRequest) -> RequestOutcome {
        let principal = match self.usable().and_then(|()| self.principal(credentials)) {
            Ok(principal) => principal,
            Err(error) => {
                return RequestOutcome {
                    error: Some(error),
                    authorization: None,
                };
            }
        };
        let authorization = self.authorize(
            &principal,
            &request.action,
            &request.resource,
            Vec::new(),
            &request.context,
        );
        RequestOutcome {
            error: (!authorization.is_allowed()).then(|| denied(&authorization)),
            authorization: Some(authorization),
        }
    }
}
