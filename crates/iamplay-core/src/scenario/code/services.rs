//! The requests of DynamoDB, SQS, SNS, KMS, IAM, EC2, Lambda, Secrets Manager and Systems
//! Manager Parameter Store as their API operations, the parameters from the resource's ARN
//! (the services' API references, through the AWS CLI's:
//! <https://docs.aws.amazon.com/cli/latest/reference/dynamodb/index.html>,
//! <https://docs.aws.amazon.com/cli/latest/reference/sqs/index.html>, ...). Each returns
//! whether it knows the action.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use super::actions::{Arn, Mapped, context};
use super::operation::{Operation, Value};
use crate::scenario::StepRequest;

/// DynamoDB: the table from `table/NAME`; a key is an example string attribute `id`, its value
/// from `dynamodb:LeadingKeys` when the request has it.
pub(super) fn dynamodb(
    mapped: &mut Mapped,
    name: &str,
    arn: Option<&Arn<'_>>,
    request: &StepRequest,
) -> bool {
    let table = arn
        .and_then(|arn| arn.resource.strip_prefix("table/"))
        .map(|rest| rest.split('/').next().unwrap_or(rest));
    let partition_key = context(request, "dynamodb:LeadingKeys").unwrap_or("1");
    let key = Value::Json(format!(
        "{{\"id\": {{\"S\": {}}}}}",
        json_string(partition_key)
    ));
    let op = &mut mapped.operation;
    match name {
        "GetItem" | "DeleteItem" => {
            op.text("TableName", table);
            op.param("Key", key);
            mapped.placeholders.push("Key");
        }
        "PutItem" => {
            op.text("TableName", table);
            op.param("Item", key);
            mapped.placeholders.push("Item");
        }
        "Query" => {
            op.text("TableName", table);
            op.text("KeyConditionExpression", Some("id = :id"));
            let values = format!("{{\":id\": {{\"S\": {}}}}}", json_string(partition_key));
            op.param("ExpressionAttributeValues", Value::Json(values));
            let examples = ["KeyConditionExpression", "ExpressionAttributeValues"];
            mapped.placeholders.extend(examples);
        }
        "Scan" | "DescribeTable" => op.text("TableName", table),
        "ListTables" => {}
        _ => return false,
    }
    true
}

fn json_string(text: &str) -> String {
    let mut out = String::new();
    crate::json::write_string(&mut out, text);
    out
}

/// SQS: the queue's URL from its ARN (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`).
pub(super) fn sqs(mapped: &mut Mapped, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let url = arn.map(|arn| {
        let domain = if arn.partition == "aws-cn" {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        };
        format!(
            "https://sqs.{}.{domain}/{}/{}",
            arn.region, arn.account, arn.resource
        )
    });
    let op = &mut mapped.operation;
    match name {
        "SendMessage" => {
            op.text("QueueUrl", url.as_deref());
            op.text("MessageBody", Some("hello"));
            mapped.placeholders.push("MessageBody");
        }
        "ReceiveMessage" | "GetQueueAttributes" | "PurgeQueue" | "DeleteQueue" => {
            op.text("QueueUrl", url.as_deref());
        }
        "ListQueues" => {}
        _ => return false,
    }
    true
}

/// SNS: the topic by its ARN.
pub(super) fn sns(mapped: &mut Mapped, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let topic = arn.map(|arn| arn.text);
    let op = &mut mapped.operation;
    match name {
        "Publish" => {
            op.text("TopicArn", topic);
            op.text("Message", Some("hello"));
            mapped.placeholders.push("Message");
        }
        "GetTopicAttributes" | "DeleteTopic" | "ListSubscriptionsByTopic" => {
            op.text("TopicArn", topic);
        }
        "ListTopics" => {}
        _ => return false,
    }
    true
}

/// KMS: the key by its ARN; the data comes from example files.
pub(super) fn kms(mapped: &mut Mapped, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let key = arn.map(|arn| arn.text);
    let op = &mut mapped.operation;
    let blob = |path: &str| Value::File {
        path: path.into(),
        streaming: false,
    };
    match name {
        "DescribeKey" => op.text("KeyId", key),
        "Encrypt" => {
            op.text("KeyId", key);
            op.param("Plaintext", blob("plaintext.txt"));
            mapped.placeholders.push("Plaintext");
        }
        "Decrypt" => {
            op.param("CiphertextBlob", blob("ciphertext.bin"));
            op.text("KeyId", key);
            mapped.placeholders.push("CiphertextBlob");
        }
        "GenerateDataKey" => {
            op.text("KeyId", key);
            op.text("KeySpec", Some("AES_256"));
            mapped.placeholders.push("KeySpec");
        }
        "ListKeys" => {}
        _ => return false,
    }
    true
}

/// The name at the end of an IAM ARN's `KIND/PATH/NAME`.
fn iam_name<'a>(arn: Option<&Arn<'a>>, kind: &str) -> Option<&'a str> {
    let rest = arn?.resource.strip_prefix(kind)?.strip_prefix('/')?;
    rest.rsplit('/').next()
}

/// IAM: the user's or role's name from its ARN, a policy by its ARN.
pub(super) fn iam(op: &mut Operation, name: &str, arn: Option<&Arn<'_>>) -> bool {
    match name {
        "GetUser"
        | "CreateUser"
        | "DeleteUser"
        | "ListAttachedUserPolicies"
        | "ListUserPolicies"
        | "ListAccessKeys"
        | "ListGroupsForUser" => {
            op.text("UserName", iam_name(arn, "user"));
        }
        "GetRole" | "DeleteRole" | "ListAttachedRolePolicies" | "ListRolePolicies" => {
            op.text("RoleName", iam_name(arn, "role"));
        }
        "GetPolicy" | "DeletePolicy" | "ListPolicyVersions" => {
            let policy = arn.filter(|arn| arn.resource.starts_with("policy/"));
            op.text("PolicyArn", policy.map(|arn| arn.text));
        }
        "ListUsers" | "ListRoles" | "ListPolicies" | "ListGroups" => {}
        _ => return false,
    }
    true
}

/// EC2: the instance's id from `instance/ID`.
pub(super) fn ec2(op: &mut Operation, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let instance = arn.and_then(|arn| arn.resource.strip_prefix("instance/"));
    match name {
        "DescribeInstances" | "StartInstances" | "StopInstances" | "RebootInstances"
        | "TerminateInstances" => {
            if let Some(instance) = instance {
                op.param("InstanceIds", Value::List(vec![instance.into()]));
            }
        }
        "DescribeVpcs" | "DescribeSecurityGroups" | "DescribeRegions" => {}
        _ => return false,
    }
    true
}

/// Lambda: the function by its ARN; `lambda:InvokeFunction` is `Invoke`.
pub(super) fn lambda(op: &mut Operation, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let function = arn.map(|arn| arn.text);
    match name {
        "InvokeFunction" => {
            *op = Operation::new("lambda", "Invoke");
            op.text("FunctionName", function);
            op.outfile = Some("response.json".into());
        }
        "GetFunction" | "GetFunctionConfiguration" | "DeleteFunction" => {
            op.text("FunctionName", function);
        }
        "ListFunctions" => {}
        _ => return false,
    }
    true
}

/// Secrets Manager: the secret by its ARN.
pub(super) fn secrets_manager(op: &mut Operation, name: &str, arn: Option<&Arn<'_>>) -> bool {
    match name {
        "GetSecretValue" | "DescribeSecret" | "DeleteSecret" => {
            op.text("SecretId", arn.map(|arn| arn.text));
        }
        "ListSecrets" => {}
        _ => return false,
    }
    true
}

/// Parameter Store: a parameter's name from its ARN (`parameter/prod/db` is `/prod/db`,
/// `parameter/db` is `db`).
pub(super) fn ssm(op: &mut Operation, name: &str, arn: Option<&Arn<'_>>) -> bool {
    let parameter = arn
        .and_then(|arn| arn.resource.strip_prefix("parameter/"))
        .map(|rest| {
            if rest.contains('/') {
                format!("/{rest}")
            } else {
                rest.into()
            }
        });
    match name {
        "GetParameter" | "DeleteParameter" => op.text("Name", parameter.as_deref()),
        _ => return false,
    }
    true
}
