//! The errors AWS returns for findings, in AWS's words, and the order in which AWS checks, so
//! that iamplay can say which single error AWS would return for a policy with several problems.
//!
//! Texts and order for IAM come from responses recorded against AWS (February 2026) and from
//! errors users reported; each is cited in `docs/sources/policy-language.md` (sections 3.1–3.5).
//! IAM checks, in order: syntax and structure, `Version`, "legacy parsing" (Effect case, dates,
//! ARN shape), `Sid`s, actions present, resource formats, resources present, action formats.

use alloc::format;
use alloc::string::String;

use super::check::Context;
use super::finding::{AwsError, Element, FindingKind};
use super::kind::{PolicyKind, Validator};
use super::model::PrincipalKind;

/// When AWS checks a finding: smaller stages are checked first.
pub(crate) type Stage = u8;

const SYNTAX_ERRORS: &str = "Syntax errors in policy.";
const LEGACY_PARSING: &str = "The policy failed legacy parsing";
const ORGANIZATIONS: &str =
    "The provided policy document does not meet the requirements of the specified policy type.";
const IAM_CHARACTERS: &str =
    "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";

fn error(code: &'static str, message: impl Into<String>) -> AwsError {
    AwsError {
        code,
        message: message.into(),
    }
}

/// The error AWS returns for `kind` in a policy of `context.kind`, and when it checks it; `None`
/// when AWS accepts it or its words are not known.
pub(crate) fn aws_error(
    kind: &FindingKind,
    context: &Context<'_>,
    text: &str,
) -> Option<(Stage, AwsError)> {
    match context.kind.validator() {
        Validator::Sts => sts(kind, context, text),
        Validator::IamPermissions => iam(kind, context, false),
        Validator::IamTrust => iam(kind, context, true),
        Validator::S3 => s3(kind).map(|message| (1, error("MalformedPolicy", message))),
        Validator::Organizations => organizations(kind),
        Validator::Other => None,
    }
}

/// The parameter IAM names in a validation error.
fn parameter(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::RoleTrustPolicy => "assumeRolePolicyDocument",
        _ => "policyDocument",
    }
}

#[allow(clippy::too_many_lines)]
fn iam(kind: &FindingKind, context: &Context<'_>, trust: bool) -> Option<(Stage, AwsError)> {
    use FindingKind as K;
    let malformed =
        |stage: Stage, message: String| Some((stage, error("MalformedPolicyDocument", message)));
    match kind {
        K::InvalidCharacter { .. } => Some((
            0,
            error(
                "ValidationError",
                format!("1 validation error detected: Value at '{}' failed to satisfy constraint: {IAM_CHARACTERS}", parameter(context.kind)),
            ),
        )),
        K::Syntax { .. } if trust => malformed(1, "This policy contains invalid Json".into()),
        K::UnknownConditionOperator { found, has_keys: true, .. } if trust => {
            malformed(1, format!("Invalid Condition type : {found}"))
        }
        K::Syntax { .. }
        | K::NotAnObject { .. }
        | K::DuplicateKey { .. }
        | K::UnknownElement { .. }
        | K::WrongType { .. }
        | K::InvalidVersion { .. }
        | K::MissingStatement
        | K::MissingEffect
        | K::InvalidEffect { suggestion: None, .. }
        | K::ConflictingElements { .. }
        | K::InvalidPrincipal { .. }
        | K::UnknownPrincipalType { .. }
        | K::UnknownConditionOperator { has_keys: true, .. }
        | K::InvalidConditionValue { .. } => malformed(1, SYNTAX_ERRORS.into()),
        K::EmptyList { element: Element::Statement } => malformed(1, SYNTAX_ERRORS.into()),
        K::ElementNotAllowed { element: Element::Principal | Element::NotPrincipal }
            if context.kind.is_identity_based() =>
        {
            malformed(1, "Policy document should not specify a principal.".into())
        }
        K::ElementNotAllowed { element: element @ (Element::Resource | Element::NotResource) } => {
            malformed(1, format!("Has prohibited field {}", element.name()))
        }
        K::MissingPrincipal => malformed(
            1,
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!".into(),
        ),
        K::InvalidPrincipalId { kind, id } => {
            malformed(1, format!("Invalid principal in policy: \"{}\":\"{id}\"", principal_key(*kind)))
        }
        K::VersionRequired { .. } => malformed(2, "Policy document must be version 2012-10-17 or greater.".into()),
        K::InvalidEffect { suggestion: Some(_), .. } | K::InvalidDate { .. } | K::MalformedArn { .. } => {
            malformed(3, LEGACY_PARSING.into())
        }
        K::DuplicateSid { .. } => malformed(4, "Statement IDs (SID) in a single policy must be unique.".into()),
        K::InvalidSid { .. } => malformed(
            4,
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*".into(),
        ),
        K::MissingAction | K::EmptyList { element: Element::Action | Element::NotAction } => {
            malformed(5, "Policy statement must contain actions.".into())
        }
        K::ResourceNotArn { resource } => malformed(6, format!("Resource {resource} must be in ARN format or \"*\".")),
        K::InvalidPartition { partition, arn } => {
            malformed(6, format!("Partition \"{partition}\" is not valid for resource \"{arn}\"."))
        }
        K::ResourceServiceMissing { .. } => {
            malformed(6, "Resource vendor must be fully qualified and cannot contain regexes.".into())
        }
        K::ResourceRegionNotAllowed { resource, service } if service == "iam" => {
            malformed(6, format!("IAM resource {resource} cannot contain region information."))
        }
        K::ResourceRegionNotAllowed { resource, .. } => {
            malformed(6, format!("Resource {resource} can not contain region information."))
        }
        K::InvalidIamResource { .. } => malformed(
            6,
            "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.".into(),
        ),
        K::MissingResource | K::EmptyList { element: Element::Resource | Element::NotResource } => {
            malformed(7, "Policy statement must contain resources.".into())
        }
        K::ActionWithoutPrefix { .. } => {
            malformed(8, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.".into())
        }
        K::TooManyColons { .. } => malformed(8, "Actions/Condition can contain only one colon.".into()),
        K::InvalidVendor { vendor } => malformed(8, format!("Vendor {vendor} is not valid")),
        K::TrustPolicyAction { .. } => malformed(8, "AssumeRole policy may only specify STS AssumeRole actions.".into()),
        K::PolicyTooLarge { limit, .. } => size_error(context, *limit).map(|e| (9, e)),
        _ => None,
    }
}

fn principal_key(kind: PrincipalKind) -> &'static str {
    kind.as_str()
}

/// The size error of each IAM and STS API.
fn size_error(context: &Context<'_>, limit: u32) -> Option<AwsError> {
    let name = context.entity_name.unwrap_or("");
    Some(match context.kind {
        PolicyKind::ManagedPolicy | PolicyKind::PermissionsBoundary => error(
            "LimitExceeded",
            format!("Cannot exceed quota for PolicySize: {limit}"),
        ),
        PolicyKind::UserInlinePolicy => error(
            "LimitExceeded",
            format!("Maximum policy size of {limit} bytes exceeded for user {name}"),
        ),
        PolicyKind::GroupInlinePolicy => error(
            "LimitExceeded",
            format!("Maximum policy size of {limit} bytes exceeded for group {name}"),
        ),
        PolicyKind::RoleInlinePolicy => error(
            "LimitExceeded",
            format!("Maximum policy size of {limit} bytes exceeded for role {name}"),
        ),
        PolicyKind::RoleTrustPolicy => error(
            "LimitExceeded",
            format!("Cannot exceed quota for ACLSizePerRole: {limit}"),
        ),
        _ => return None,
    })
}

/// AWS STS validates session policies with IAM's rules, but words its parameter errors with
/// the value in quotes (`Value '...' at 'policy' failed to satisfy constraint`, as AWS's SDK
/// tests against STS expect), and answers text that is not JSON with its parser's raw message,
/// which cannot be reproduced (`docs/sources/policy-language.md` §3.4).
fn sts(kind: &FindingKind, context: &Context<'_>, text: &str) -> Option<(Stage, AwsError)> {
    let constraint = |rule: String| {
        error(
            "ValidationError",
            format!(
                "1 validation error detected: Value '{text}' at 'policy' failed to satisfy constraint: {rule}"
            ),
        )
    };
    match kind {
        FindingKind::InvalidCharacter { .. } => Some((0, constraint(IAM_CHARACTERS.into()))),
        FindingKind::PolicyTooLarge { limit, .. } => Some((
            0,
            constraint(format!(
                "Member must have length less than or equal to {limit}"
            )),
        )),
        // STS answered this until about 2025; today it answers a raw parser message that names
        // a Java object's hash code (`docs/sources/policy-language.md` §3.4).
        FindingKind::Syntax { .. } => Some((
            0,
            error(
                "MalformedPolicyDocument",
                "The policy is not in the valid JSON format.",
            ),
        )),
        _ => iam(kind, context, false),
    }
}

/// Amazon S3's `MalformedPolicy` messages, where one was observed.
fn s3(kind: &FindingKind) -> Option<String> {
    use FindingKind as K;
    Some(match kind {
        K::MissingPrincipal => "Missing required field Principal".into(),
        K::InvalidPrincipalId { .. } | K::InvalidPrincipal { .. } => {
            "Invalid principal in policy".into()
        }
        K::ResourceOutsideBucket { .. } | K::ResourceNotArn { .. } => {
            "Policy has invalid resource".into()
        }
        K::InvalidVersion { .. } => "The policy must contain a valid version string".into(),
        K::MissingResource | K::MissingAction => "Statement is missing required element".into(),
        K::InvalidEffect { found, .. } => format!("Invalid effect: {found}"),
        _ => return None,
    })
}

/// AWS Organizations has one message for every rule an SCP or RCP breaks, and one for size.
fn organizations(kind: &FindingKind) -> Option<(Stage, AwsError)> {
    match kind {
        FindingKind::PolicyTooLarge { .. } => Some((
            9,
            error(
                "ConstraintViolationException",
                "You have exceeded the maximum policy size.",
            ),
        )),
        _ => Some((1, error("MalformedPolicyDocumentException", ORGANIZATIONS))),
    }
}
