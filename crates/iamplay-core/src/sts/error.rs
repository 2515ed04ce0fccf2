//! How an STS call or a request fails: the error AWS returns (code, HTTP status and AWS's own
//! message), and the reason as data for the explanation.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::eval::Layer;

/// An error, as AWS returns it, with the reason behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StsError {
    /// AWS's error code (`AccessDenied`, `ValidationError`, `ExpiredToken`, ...).
    pub code: &'static str,
    /// The HTTP status AWS answers with.
    pub status: u16,
    /// AWS's message.
    pub message: String,
    /// Why, as data.
    pub reason: Failure,
}

/// Why a call or request failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "failure", rename_all = "camelCase")]
pub enum Failure {
    /// The world has errors; nothing runs until they are fixed.
    WorldHasErrors {
        /// How many errors.
        count: usize,
    },
    /// The access key id is not one the world knows.
    #[serde(rename_all = "camelCase")]
    UnknownAccessKey {
        /// The id given.
        access_key_id: String,
    },
    /// The principal named for its long-term credentials is not in the world.
    UnknownPrincipal {
        /// The ARN given.
        arn: String,
    },
    /// The access key is deactivated.
    #[serde(rename_all = "camelCase")]
    InactiveAccessKey {
        /// The id.
        access_key_id: String,
    },
    /// The temporary credentials expired.
    #[serde(rename_all = "camelCase")]
    ExpiredCredentials {
        /// When they expired.
        expired_at: String,
        /// The time of the call.
        now: String,
    },
    /// The call was not signed.
    MissingAuthentication,
    /// Parameters break their constraints.
    InvalidParameters {
        /// Each constraint broken, in AWS's order.
        violations: Vec<Violation>,
    },
    /// A parameter that passed its constraints is not an ARN.
    InvalidArn {
        /// The value given.
        arn: String,
    },
    /// More than 10 managed session policies, or more than 2,048 characters of session policy.
    #[serde(rename_all = "camelCase")]
    SessionPoliciesTooLarge {
        /// How many ARNs were passed.
        arns: usize,
        /// How many characters of policy text.
        plaintext: usize,
    },
    /// This kind of caller may not make this call.
    #[serde(rename_all = "camelCase")]
    CallerCannotCall {
        /// The call.
        call: &'static str,
        /// What the caller is.
        caller: CallerKind,
    },
    /// A policy decided against the call: see the authorization with this action.
    #[serde(rename_all = "camelCase")]
    NotAuthorized {
        /// The action refused (`sts:AssumeRole`, `sts:TagSession`, ...).
        action: String,
        /// The resource.
        resource: String,
        /// The layer that refused, if a policy did.
        layer: Option<Layer>,
        /// Whether it was an explicit deny.
        explicit: bool,
    },
    /// `DurationSeconds` is longer than the role allows.
    #[serde(rename_all = "camelCase")]
    DurationOverRoleMaximum {
        /// The value asked for.
        requested: i64,
        /// The role's `MaxSessionDuration`.
        maximum: i64,
    },
    /// A role chain asked for more than one hour.
    ChainedDurationOverOneHour {
        /// The value asked for.
        requested: i64,
    },
    /// A root user asked for more than one hour.
    RootDurationOverOneHour {
        /// The value asked for.
        requested: i64,
    },
    /// The MFA device or code was not accepted.
    #[serde(rename_all = "camelCase")]
    MfaFailed {
        /// The serial number given.
        serial_number: String,
        /// What was wrong.
        problem: MfaProblem,
    },
    /// A session policy AWS would not accept (its findings are with the call's checks).
    MalformedSessionPolicy {
        /// Which: `Policy`, or the ARN from `PolicyArns`.
        source: String,
    },
    /// A managed session policy ARN names no policy.
    UnknownSessionPolicyArn {
        /// The ARN.
        arn: String,
    },
    /// Session policies and tags are too large once packed.
    #[serde(rename_all = "camelCase")]
    PackedPolicyTooLarge {
        /// The estimated packed size, in percent of the allowance.
        percent: u32,
        /// Whether the tags (rather than the policies) are over.
        tags: bool,
    },
    /// A session tag breaks a rule (see the violation).
    InvalidSessionTags {
        /// What is wrong.
        problem: TagProblem,
        /// The tag key involved.
        key: String,
    },
    /// The source identity cannot be set or changed.
    #[serde(rename_all = "camelCase")]
    SourceIdentityChange {
        /// The source identity the caller's session carries.
        current: String,
        /// The one asked for.
        requested: String,
    },
    /// The web identity token was not accepted.
    InvalidWebIdentityToken {
        /// What was wrong.
        problem: TokenProblem,
    },
}

/// What kind of caller made a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CallerKind {
    /// An account's root user.
    Root,
    /// An IAM user with long-term credentials.
    User,
    /// An IAM user's `GetSessionToken` session.
    UserSession,
    /// A role session.
    RoleSession,
    /// A federated user session.
    FederatedUser,
    /// Someone holding a web identity token.
    WebIdentity,
}

/// One broken parameter constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Violation {
    /// The member as AWS names it in the message (`roleSessionName`, `tags.1.member.key`).
    pub member: String,
    /// The value given.
    pub value: String,
    /// Whether AWS leaves the value out of its message (a sensitive member: the web identity
    /// token).
    pub sensitive: bool,
    /// The constraint.
    pub constraint: Constraint,
}

/// A parameter constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "constraint", rename_all = "camelCase")]
pub enum Constraint {
    /// The member is required.
    Required,
    /// At least this long.
    MinLength {
        /// The minimum.
        min: usize,
    },
    /// At most this long.
    MaxLength {
        /// The maximum.
        max: usize,
    },
    /// At least this value.
    MinValue {
        /// The minimum.
        min: i64,
    },
    /// At most this value.
    MaxValue {
        /// The maximum.
        max: i64,
    },
    /// Matches this pattern.
    Pattern {
        /// The pattern, as AWS writes it.
        pattern: &'static str,
    },
}

/// What was wrong with MFA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum MfaProblem {
    /// `SerialNumber` without `TokenCode`, or the reverse.
    Incomplete,
    /// The caller has no MFA device with that serial number.
    UnknownDevice,
    /// The code is not the one the device shows.
    WrongCode,
}

/// What was wrong with a session tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TagProblem {
    /// Two tags with keys that differ only in case.
    DuplicateKey,
    /// A transitive tag key that is not among the tags.
    TransitiveKeyNotInTags,
    /// A tag with the key of a transitive tag inherited from the calling session.
    OverridesInheritedTransitiveTag,
}

/// What was wrong with a web identity token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TokenProblem {
    /// It is not a JWT with a JSON payload.
    Unreadable,
    /// No OIDC provider in the role's account has the token's issuer.
    NoProviderForIssuer,
    /// The token's audience is not among the provider's client ids.
    AudienceNotAccepted,
    /// The token has expired.
    Expired,
    /// The role's trust policy does not name this provider (or denies it).
    NotTrusted,
}
