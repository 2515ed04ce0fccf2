//! Lists of actions: the ones to suggest while typing a request, and the sensitive ones the
//! linter wants protected by MFA. Names as the Service Authorization Reference lists them
//! (<https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>:
//! Amazon S3, AWS STS, IAM, Amazon EC2, Amazon DynamoDB, AWS KMS, AWS Organizations). A
//! suggestion only: any action can be requested.

/// The suggested actions, by service.
pub const SUGGESTED: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "s3:ListAllMyBuckets",
    "s3:GetBucketPolicy",
    "s3:PutBucketPolicy",
    "s3:GetObjectTagging",
    "s3:PutObjectTagging",
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetSessionToken",
    "sts:GetFederationToken",
    "sts:GetCallerIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "iam:GetUser",
    "iam:ListUsers",
    "iam:CreateUser",
    "iam:DeleteUser",
    "iam:PassRole",
    "iam:CreateAccessKey",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:ChangePassword",
    "ec2:DescribeInstances",
    "ec2:RunInstances",
    "ec2:StartInstances",
    "ec2:StopInstances",
    "ec2:TerminateInstances",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:DeleteItem",
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:DescribeKey",
];

/// Sensitive actions: an `Allow` of one of them should require MFA. AWS advises requiring MFA
/// "before you allow them to perform particularly sensitive actions", with
/// `ec2:TerminateInstances` as its example of a destructive one
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html>),
/// and "To require MFA when API operations are called, add MFA conditions to your policies"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>, Require
/// multi-factor authentication (MFA)). The list is iamplay's choice, kept short:
/// - IAM actions that create users or their credentials (access level Write) or change who may
///   do what (access level Permissions management), as the Service Authorization Reference
///   classifies them
///   (<https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html>),
///   and the deletion of users and roles;
/// - `s3:DeleteBucket` (with `iam:DeleteRole`, the dangerous actions of the course's MFA
///   lesson, `scenarios/mfa-session-token.json`) and `s3:PutBucketPolicy`, which decides who may
///   use a bucket (access level Permissions management,
///   <https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html>);
/// - `kms:ScheduleKeyDeletion`: "Deleting a KMS key is destructive and potentially dangerous"
///   (<https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html>);
/// - `organizations:LeaveOrganization`: an account that leaves escapes the organization's SCPs,
///   which is why they can deny it
///   (<https://docs.aws.amazon.com/organizations/latest/APIReference/API_LeaveOrganization.html>).
///
/// In the order a finding names them: the first one a statement allows is the example.
pub const SENSITIVE: &[&str] = &[
    "iam:CreateAccessKey",
    "iam:CreateUser",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePolicy",
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy",
    "iam:DeleteUser",
    "iam:DeleteRole",
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "ec2:TerminateInstances",
    "kms:ScheduleKeyDeletion",
    "organizations:LeaveOrganization",
];

#[cfg(test)]
mod tests {
    use super::{SENSITIVE, SUGGESTED};

    #[test]
    fn every_suggestion_is_service_colon_action_and_listed_once() {
        for (i, action) in SUGGESTED.iter().enumerate() {
            let (service, name) = action.split_once(':').unwrap_or_default();
            assert!(
                !service.is_empty() && name.starts_with(|c: char| c.is_ascii_uppercase()),
                "{action}"
            );
            assert!(
                !SUGGESTED.iter().skip(i + 1).any(|a| a == action),
                "{action} twice"
            );
        }
    }

    #[test]
    fn sensitive_actions_are_service_colon_action_and_listed_once() {
        for (i, action) in SENSITIVE.iter().enumerate() {
            let (service, name) = action.split_once(':').unwrap_or_default();
            assert!(
                !service.is_empty() && name.starts_with(|c: char| c.is_ascii_uppercase()),
                "{action}"
            );
            assert!(
                !SENSITIVE
                    .iter()
                    .skip(i + 1)
                    .any(|a| a.eq_ignore_ascii_case(action)),
                "{action} twice"
            );
        }
    }
}
