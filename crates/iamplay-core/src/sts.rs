//! The AWS world and its Security Token Service: accounts, users, roles, policies and
//! resources; the STS calls with AWS's parameter checks, error codes and messages; the sessions
//! they issue with simulated credentials; and requests made with those credentials, decided by
//! the engine with the context each session carries.
//!
//! A [`Simulator`] is made from a [`World`]; its methods are the calls
//! ([`Simulator::assume_role`], ...) and [`Simulator::request`]. Facts and their sources:
//! `docs/sources/sts.md`.

mod assume_role;
pub(crate) mod authorize;
mod call;
mod caller;
mod caller_identity;
mod credentials;
mod directory;
mod error;
mod federation_token;
mod inventory;
pub(crate) mod names;
mod packed;
mod params;
mod problem;
mod request;
mod session;
mod session_policies;
mod session_token;
mod simulator;
mod tags;
mod token;
mod validate;
mod web_identity;
pub mod world;

pub use authorize::Authorization;
pub use call::{AssumeRoleResponse, AssumedRoleUser, CallOutcome, Note};
pub use caller::Credentials;
pub use caller_identity::GetCallerIdentityResponse;
pub use credentials::{ACCESS_KEY_PREFIX, TemporaryCredentials};
pub use error::{
    CallerKind, Constraint, Failure, MfaProblem, StsError, TagProblem, TokenProblem, Violation,
};
pub use federation_token::{FederatedUser, GetFederationTokenResponse};
pub use inventory::Inventory;
pub use params::{
    AssumeRole, AssumeRoleWithWebIdentity, GetFederationToken, GetSessionToken, PolicyDescriptor,
    SessionTag,
};
pub use problem::{Entity, WorldProblem, WorldProblemKind, WorldWarning, warnings};
pub use request::{RequestOutcome, ServiceRequest};
pub use session::{Session, SessionKind, WebIdentity};
pub use session_token::GetSessionTokenResponse;
pub use simulator::Simulator;
pub use token::unsigned_jwt;
pub use web_identity::AssumeRoleWithWebIdentityResponse;
pub use world::World;

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod properties;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
mod tests;
