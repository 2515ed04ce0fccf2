//! A request to a service as the API operation that makes it, with the parameters its ARN and
//! context keys give: `s3:GetObject` on `arn:aws:s3:::B/K` is `GetObject` with `Bucket` and
//! `Key`; `s3:ListBucket` is `ListObjectsV2`, its `Prefix` from `s3:prefix`. The operations
//! and their parameters are the services' API references (Amazon S3:
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations.html>; actions to operations:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html>;
//! the AWS CLI's commands: <https://docs.aws.amazon.com/cli/latest/reference/>). An action not
//! mapped here becomes the operation of its own name, marked generic.

use alloc::string::String;
use alloc::vec::Vec;

use super::operation::{Operation, Value};
use super::services;
use crate::scenario::{ContextValue, StepRequest};

/// A request as an operation.
pub(super) struct Mapped {
    /// The operation.
    pub(super) operation: Operation,
    /// Whether the operation is only guessed from the action's name.
    pub(super) generic: bool,
    /// The parameters whose values are examples: the request does not say them.
    pub(super) placeholders: Vec<&'static str>,
}

/// The fields of an ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
pub(super) struct Arn<'a> {
    pub(super) partition: &'a str,
    pub(super) region: &'a str,
    pub(super) account: &'a str,
    pub(super) resource: &'a str,
    /// The whole ARN.
    pub(super) text: &'a str,
}

fn arn(text: &str) -> Option<Arn<'_>> {
    let mut fields = text.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(_), Some(region), Some(account), Some(resource)) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) else {
        return None;
    };
    Some(Arn {
        partition,
        region,
        account,
        resource,
        text,
    })
}

/// `request` as the operation that makes it.
pub(super) fn operation(request: &StepRequest) -> Mapped {
    let (service, name) = request
        .action
        .split_once(':')
        .unwrap_or((&request.action, &request.action));
    let service = service.to_ascii_lowercase();
    let resource = arn(&request.resource);
    let mut mapped = Mapped {
        operation: Operation::new(&service, name),
        generic: false,
        placeholders: Vec::new(),
    };
    let known = match service.as_str() {
        "s3" => s3(&mut mapped, name, resource.as_ref(), request),
        "dynamodb" => services::dynamodb(&mut mapped, name, resource.as_ref(), request),
        "sqs" => services::sqs(&mut mapped, name, resource.as_ref()),
        "sns" => services::sns(&mut mapped, name, resource.as_ref()),
        "kms" => services::kms(&mut mapped, name, resource.as_ref()),
        "iam" => services::iam(&mut mapped.operation, name, resource.as_ref()),
        "ec2" => services::ec2(&mut mapped.operation, name, resource.as_ref()),
        "lambda" => services::lambda(&mut mapped.operation, name, resource.as_ref()),
        "secretsmanager" => {
            services::secrets_manager(&mut mapped.operation, name, resource.as_ref())
        }
        "ssm" => services::ssm(&mut mapped.operation, name, resource.as_ref()),
        "sts" => name == "GetCallerIdentity",
        _ => false,
    };
    if !known {
        mapped = generic(&service, name, resource.as_ref());
    }
    mapped.operation.region = resource
        .as_ref()
        .map(|arn| arn.region)
        .filter(|region| !region.is_empty())
        .map(String::from);
    mapped
}

/// The operation named like the action, of the AWS CLI command named like the service (with
/// the few services whose command has another name), and for Amazon S3 the bucket and key.
fn generic(service: &str, name: &str, resource: Option<&Arn<'_>>) -> Mapped {
    let (command, client) = match service {
        "s3" => ("s3api", "s3"),
        "states" => ("stepfunctions", "stepfunctions"),
        "elasticloadbalancing" => ("elbv2", "elbv2"),
        other => (other, other),
    };
    let mut operation = Operation::of(command, client, name);
    if service == "s3" {
        let (bucket, key) = bucket_and_key(resource);
        operation.text("Bucket", bucket);
        operation.text("Key", key);
    }
    Mapped {
        operation,
        generic: true,
        placeholders: Vec::new(),
    }
}

/// An S3 ARN's bucket and object key.
fn bucket_and_key<'a>(resource: Option<&Arn<'a>>) -> (Option<&'a str>, Option<&'a str>) {
    let Some(resource) = resource.map(|arn| arn.resource) else {
        return (None, None);
    };
    match resource.split_once('/') {
        Some((bucket, key)) => (Some(bucket), Some(key)),
        None => (Some(resource), None),
    }
}

/// The first value of the request's context key `key` (keys ignore case).
pub(super) fn context<'a>(request: &'a StepRequest, key: &str) -> Option<&'a str> {
    let (_, value) = request
        .context
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))?;
    match value {
        ContextValue::One(value) => Some(value),
        ContextValue::Many(values) => values.first().map(String::as_str),
    }
}

fn s3(mapped: &mut Mapped, name: &str, arn: Option<&Arn<'_>>, request: &StepRequest) -> bool {
    let (bucket, key) = bucket_and_key(arn);
    let file = key
        .and_then(|key| key.rsplit('/').next())
        .filter(|file| !file.is_empty())
        .unwrap_or("object");
    let op_name = match name {
        "ListBucket" => "ListObjectsV2",
        "ListBucketVersions" => "ListObjectVersions",
        "ListAllMyBuckets" => "ListBuckets",
        other => other,
    };
    let op = &mut mapped.operation;
    *op = Operation::of("s3api", "s3", op_name);
    match name {
        "GetObject" => {
            op.text("Bucket", bucket);
            op.text("Key", key);
            op.outfile = Some(file.into());
        }
        "PutObject" => {
            op.text("Bucket", bucket);
            op.text("Key", key);
            let path = file.into();
            op.param(
                "Body",
                Value::File {
                    path,
                    streaming: true,
                },
            );
            mapped.placeholders.push("Body");
        }
        "DeleteObject" | "GetObjectTagging" | "GetObjectAcl" => {
            op.text("Bucket", bucket);
            op.text("Key", key);
        }
        "ListBucket" | "ListBucketVersions" => {
            op.text("Bucket", bucket);
            op.text("Prefix", context(request, "s3:prefix"));
            op.text("Delimiter", context(request, "s3:delimiter"));
            if let Some(max) = context(request, "s3:max-keys").and_then(|m| m.parse().ok()) {
                op.param("MaxKeys", Value::Integer(max));
            }
        }
        "ListAllMyBuckets" => {}
        "CreateBucket"
        | "DeleteBucket"
        | "GetBucketPolicy"
        | "DeleteBucketPolicy"
        | "GetBucketLocation"
        | "GetBucketTagging"
        | "GetBucketAcl"
        | "GetBucketVersioning" => op.text("Bucket", bucket),
        _ => return false,
    }
    true
}
