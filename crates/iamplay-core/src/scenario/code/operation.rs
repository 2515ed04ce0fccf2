//! One AWS API operation with its parameters, as both the AWS CLI and boto3 take it: the
//! operation and parameter names are AWS's (`AssumeRole`, `RoleArn`), from which the CLI's
//! `assume-role --role-arn` and boto3's `assume_role(RoleArn=...)` are made.

use alloc::string::String;
use alloc::vec::Vec;

/// An operation to write out as code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Operation {
    /// The AWS CLI's command for the service (`sts`, `s3api`, `dynamodb`).
    pub(super) command: String,
    /// boto3's client name for the service (`sts`, `s3`, `dynamodb`).
    pub(super) client: String,
    /// The operation, as AWS names it (`AssumeRole`, `ListObjectsV2`).
    pub(super) name: String,
    /// The parameters, in the order they are written.
    pub(super) params: Vec<Param>,
    /// The AWS CLI's positional output file (`get-object ... OUTFILE`).
    pub(super) outfile: Option<String>,
    /// The Region the resource is in, from its ARN.
    pub(super) region: Option<String>,
}

impl Operation {
    /// An operation of the service whose CLI command and boto3 client have the same name.
    pub(super) fn new(service: &str, name: &str) -> Self {
        Self::of(service, service, name)
    }

    /// An operation of a service whose CLI command and boto3 client are named apart (`s3api`
    /// and `s3`).
    pub(super) fn of(command: &str, client: &str, name: &str) -> Self {
        Self {
            command: command.into(),
            client: client.into(),
            name: name.into(),
            params: Vec::new(),
            outfile: None,
            region: None,
        }
    }

    /// Adds a parameter.
    pub(super) fn param(&mut self, name: &'static str, value: Value) {
        self.params.push(Param { name, value });
    }

    /// Adds a string parameter when it has a value.
    pub(super) fn text(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            self.param(name, Value::Text(value.into()));
        }
    }
}

/// A parameter: its AWS name (`RoleArn`) and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Param {
    /// The name, as AWS writes it.
    pub(super) name: &'static str,
    /// The value.
    pub(super) value: Value,
}

/// A parameter's value, by how each tool takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Value {
    /// A string.
    Text(String),
    /// An integer.
    Integer(i64),
    /// A list of strings (`TransitiveTagKeys`, `InstanceIds`).
    List(Vec<String>),
    /// A list of structures whose members are strings (`Tags`: `Key`, `Value`; `PolicyArns`:
    /// `arn`).
    Structures(Vec<Vec<(&'static str, String)>>),
    /// A JSON document passed as a string (`Policy`): the CLI takes its text, boto3 a
    /// `json.dumps` of it.
    Document(String),
    /// A structure written as JSON (`Key` of DynamoDB's `GetItem`): the CLI takes the JSON,
    /// boto3 the same value as a Python literal.
    Json(String),
    /// The bytes of a local file: a streaming body (`PutObject`'s `Body`, a path for the CLI) or
    /// a blob (`fileb://` for the CLI).
    File {
        /// The file's path.
        path: String,
        /// Whether the parameter is a streaming body.
        streaming: bool,
    },
}

/// The words of an AWS name (`ListObjectsV2` → `List`, `Objects`, `V2`), split where a lower
/// case letter or digit meets an upper case one, and before the last capital of a run of
/// capitals that starts a word (`SSEKms` → `SSE`, `Kms`).
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let boundary = ch.is_ascii_uppercase()
            && previous.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            });
        if (boundary || !ch.is_ascii_alphanumeric()) && !current.is_empty() {
            words.push(core::mem::take(&mut current));
        }
        if ch.is_ascii_alphanumeric() {
            current.push(ch.to_ascii_lowercase());
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `ListObjectsV2` → `list-objects-v2`: the AWS CLI's name for an operation or parameter.
pub(super) fn kebab_case(name: &str) -> String {
    words(name).join("-")
}

/// `ListObjectsV2` → `list_objects_v2`: boto3's name for an operation.
pub(super) fn snake_case(name: &str) -> String {
    words(name).join("_")
}
