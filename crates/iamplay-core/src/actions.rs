//! Actions to suggest while typing a request: the common ones of the services the course's
//! lessons use. Names as the Service Authorization Reference lists them
//! (<https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>:
//! Amazon S3, AWS STS, IAM, Amazon EC2, Amazon DynamoDB, AWS KMS). A suggestion only: any
//! action can be requested.

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

#[cfg(test)]
mod tests {
    use super::SUGGESTED;

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
}
