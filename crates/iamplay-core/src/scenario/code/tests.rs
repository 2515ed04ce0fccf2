use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::cli::quote;
use super::operation::{kebab_case, snake_case};
use super::*;
use crate::scenario::{Caller, builtin, read};

fn builtin_scenario(id: &str) -> Scenario {
    read(builtin::find(id).unwrap().text).scenario.unwrap()
}

fn code(id: &str, index: usize) -> StepCode {
    step_code(&builtin_scenario(id), index).unwrap()
}

/// A scenario of `steps` (JSON) in a world where `alice` (key `AKIAALICE`) and `bob` (key
/// `AKIABOB`) of 111122223333, `alice` of 444455556666 and the root user of 444455556666 (key
/// `AKIAROOT`) have keys.
fn scenario(steps: &str) -> Scenario {
    let text = format!(
        r#"{{"version": 1, "title": {{"en": "t"}}, "world": {{"accounts": [
            {{"id": "111122223333", "users": [
                {{"name": "alice", "accessKeys": [{{"accessKeyId": "AKIAALICE"}}]}},
                {{"name": "bob", "accessKeys": [{{"accessKeyId": "AKIABOB"}}]}}]}},
            {{"id": "444455556666", "root": {{"accessKeys": [{{"accessKeyId": "AKIAROOT"}}]}},
              "users": [{{"name": "alice"}}]}}]}},
          "steps": {steps}}}"#
    );
    let read = read(&text);
    read.scenario
        .unwrap_or_else(|| panic!("{:#?}", read.problems))
}

#[test]
fn every_call_and_request_of_every_builtin_scenario_has_code() {
    let mut steps = 0;
    for builtin in builtin::ALL {
        let scenario = read(builtin.text).scenario.unwrap();
        for (index, step) in scenario.steps.iter().enumerate() {
            let code = step_code(&scenario, index);
            let at = format!("{} step {index}", builtin.id);
            if step.wait.is_some() {
                assert_eq!(code, None, "{at}");
                continue;
            }
            let code = code.unwrap_or_else(|| panic!("{at}: no code"));
            steps += 1;
            assert!(!code.generic, "{at}: {} is not mapped", code.cli);
            assert!(code.cli.starts_with("aws "), "{at}: {}", code.cli);
            assert!(code.boto3.starts_with("import "), "{at}");
            assert!(
                code.boto3.contains("\nimport boto3\n") || code.boto3.starts_with("import boto3\n")
            );
            assert!(code.boto3.contains("\nresponse = "), "{at}: {}", code.boto3);
            let assume_role = matches!(step.call, Some(Call::AssumeRole(_)));
            assert_eq!(code.profile.is_some(), assume_role, "{at}");
            if let Some(
                Call::AssumeRole(_) | Call::GetSessionToken(_) | Call::GetFederationToken(_),
            ) = &step.call
            {
                assert!(
                    code.boto3.ends_with("= response[\"Credentials\"]\n"),
                    "{at}"
                );
            }
            if let Some(Caller::Step(id)) = &step.caller {
                assert!(
                    code.cli.ends_with(&format!("--profile {id}")),
                    "{at}: {}",
                    code.cli
                );
                let variable = format!("creds_{}", id.replace('-', "_"));
                assert!(
                    code.boto3
                        .contains(&format!("{variable}[\"SessionToken\"]")),
                    "{at}"
                );
                let source = scenario.steps.iter().take(index).any(|s| {
                    s.id.as_deref() == Some(id)
                        && step_code(
                            &scenario,
                            scenario.steps.iter().position(|t| t == s).unwrap(),
                        )
                        .unwrap()
                        .boto3
                        .contains(&format!("\n{variable} = response[\"Credentials\"]"))
                });
                assert!(source, "{at}: no earlier step keeps `{variable}`");
            }
            for line in code.cli.lines().skip(1) {
                assert!(line.starts_with("    "), "{at}: {line}");
            }
            let continued = code.cli.lines().count() - 1;
            assert_eq!(code.cli.matches(" \\\n").count(), continued, "{at}");
        }
    }
    assert!(steps > 60, "only {steps} steps");
}

#[test]
fn the_seed_lessons_assume_role_with_a_session_tag_and_duration() {
    // 001: `aws sts assume-role --role-arn ... --role-session-name my-session --tags
    // Key=userid,Value=123456 --duration-seconds 1800`, with the server user's keys as default.
    let code = code("per-user-folders", 0);
    assert_eq!(
        code.cli,
        "aws sts assume-role \\
    --role-arn arn:aws:iam::246813579024:role/AssumedRole \\
    --role-session-name user-123456 \\
    --tags Key=userid,Value=123456 \\
    --duration-seconds 1800"
    );
    assert_eq!(
        code.boto3,
        r#"import boto3

sts_client = boto3.client("sts")
response = sts_client.assume_role(
    RoleArn="arn:aws:iam::246813579024:role/AssumedRole",
    RoleSessionName="user-123456",
    Tags=[{"Key": "userid", "Value": "123456"}],
    DurationSeconds=1800,
)
creds_student_123456 = response["Credentials"]
"#
    );
    let profile = code.profile.unwrap();
    assert_eq!(
        profile.text,
        "[profile student-123456]
role_arn = arn:aws:iam::246813579024:role/AssumedRole
source_profile = default
role_session_name = user-123456
duration_seconds = 1800
"
    );
    assert_eq!(profile.name, "student-123456");
    assert_eq!(profile.omits, vec![ProfileOmits::Tags]);
    assert_eq!(profile.settings.len(), 4);
    assert_eq!(profile.settings[0].key, "role_arn");
}

#[test]
fn the_course_platforms_relay_in_code() {
    // The app server's keys are the default profile; the intern signs with a profile of its own.
    let assume = code("course-platform", 1);
    assert_eq!(
        assume.cli,
        "aws sts assume-role \\
    --role-arn arn:aws:iam::111122223333:role/CourseAccessRole \\
    --role-session-name video-streaming \\
    --duration-seconds 3600"
    );
    assert_eq!(
        assume.profile.unwrap().text,
        "[profile assume]
role_arn = arn:aws:iam::111122223333:role/CourseAccessRole
source_profile = default
role_session_name = video-streaming
duration_seconds = 3600
"
    );
    let video = code("course-platform", 2);
    assert_eq!(
        video.cli,
        "aws s3api get-object \\
    --bucket wisdom-learn-course-bucket \\
    --key courses/rust/lesson-1.mp4 \\
    lesson-1.mp4 \\
    --profile assume"
    );
    assert_eq!(
        video.boto3,
        r#"import boto3

s3_client = boto3.client(
    "s3",
    aws_access_key_id=creds_assume["AccessKeyId"],
    aws_secret_access_key=creds_assume["SecretAccessKey"],
    aws_session_token=creds_assume["SessionToken"],
)
response = s3_client.get_object(
    Bucket="wisdom-learn-course-bucket",
    Key="courses/rust/lesson-1.mp4",
)
"#
    );
    assert_eq!(video.signer_profile_omits, vec![]);
    assert_eq!(
        code("course-platform", 3).cli,
        "aws sts get-caller-identity --profile assume"
    );
    let intern = code("course-platform", 4);
    assert!(intern.cli.ends_with(" \\\n    --profile InternUser"));
    assert!(intern.boto3.contains(
        "session = boto3.Session(profile_name=\"InternUser\")\nsts_client = session.client(\"sts\")\n"
    ));
    let profile = intern.profile.unwrap();
    assert_eq!(profile.name, "CourseAccessRole");
    assert!(profile.text.contains("\nsource_profile = InternUser\n"));
    assert_eq!(step_code(&builtin_scenario("course-platform"), 6), None);
    assert_eq!(step_code(&builtin_scenario("course-platform"), 99), None);
}

#[test]
fn the_cli_profile_lesson_gets_the_courses_profile() {
    // 004: `[profile myroleprofile]` with `role_arn` and `source_profile = default` only; the
    // session name is the one botocore makes up when the profile sets none.
    let assume = code("cli-profile-chain", 1);
    assert_eq!(
        assume.profile.unwrap().text,
        "[profile cli-assume]
role_arn = arn:aws:iam::123456789012:role/MyS3ReadOnlyRole
source_profile = default
"
    );
    assert_eq!(
        code("cli-profile-chain", 0).cli,
        "aws sts get-caller-identity"
    );
    assert_eq!(
        code("cli-profile-chain", 3).cli,
        "aws s3api list-buckets --profile cli-assume"
    );
    assert_eq!(
        code("cli-profile-chain", 6).boto3,
        "import boto3\n\ns3_client = boto3.client(\"s3\")\nresponse = s3_client.list_buckets()\n"
    );
}

#[test]
fn a_request_through_a_profile_that_omits_the_sessions_tags_says_so() {
    let listing = code("per-user-folders", 1);
    assert_eq!(
        listing.cli,
        "aws s3api list-objects-v2 \\
    --bucket xucy-static \\
    --prefix app/123456/ \\
    --profile student-123456"
    );
    assert_eq!(listing.signer_profile_omits, vec![ProfileOmits::Tags]);
    // A chained role's profile has the first role's profile as its source, which loses the
    // transitive tags.
    let chained = code("role-chaining", 2);
    assert_eq!(
        chained.signer_profile_omits,
        vec![ProfileOmits::Tags, ProfileOmits::TransitiveTagKeys]
    );
    assert!(
        chained
            .profile
            .unwrap()
            .text
            .contains("\nsource_profile = role-a\n")
    );
    let role_a = code("role-chaining", 0);
    assert!(role_a.cli.contains(" \\\n    --tags Key=project,Value=courses Key=team,Value=video \\\n    --transitive-tag-keys project \\\n"));
    assert!(role_a.boto3.contains(
        "    Tags=[\n        {\"Key\": \"project\", \"Value\": \"courses\"},\n        {\"Key\": \"team\", \"Value\": \"video\"},\n    ],\n    TransitiveTagKeys=[\"project\"],\n"
    ));
}

#[test]
fn every_parameter_of_assume_role() {
    let scenario = scenario(
        r#"[{"id": "full", "as": {"principal": "arn:aws:iam::111122223333:user/alice"},
            "call": {"AssumeRole": {
                "RoleArn": "arn:aws:iam::111122223333:role/R",
                "RoleSessionName": "s",
                "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                               {"arn": "arn:aws:iam::111122223333:policy/P"}],
                "Policy": {"Version": "2012-10-17", "Statement": [{"Sid": "It's", "Effect": "Allow",
                    "Action": "s3:ListBucket", "Resource": "*",
                    "Condition": {"Bool": {"aws:SecureTransport": true}}}]},
                "DurationSeconds": 900,
                "Tags": [{"Key": "userid", "Value": "123456"}],
                "TransitiveTagKeys": ["userid"],
                "ExternalId": "ext id",
                "SerialNumber": "arn:aws:iam::111122223333:mfa/alice",
                "TokenCode": "123456",
                "SourceIdentity": "alice@example.com"}}}]"#,
    );
    let code = step_code(&scenario, 0).unwrap();
    assert_eq!(
        code.cli,
        r#"aws sts assume-role \
    --role-arn arn:aws:iam::111122223333:role/R \
    --role-session-name s \
    --tags Key=userid,Value=123456 \
    --transitive-tag-keys userid \
    --duration-seconds 900 \
    --external-id 'ext id' \
    --serial-number arn:aws:iam::111122223333:mfa/alice \
    --token-code 123456 \
    --policy '{"Version":"2012-10-17","Statement":[{"Sid":"It'\''s","Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}}]}' \
    --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess arn=arn:aws:iam::111122223333:policy/P \
    --source-identity alice@example.com"#
    );
    assert_eq!(
        code.boto3,
        r#"import json

import boto3

sts_client = boto3.client("sts")
response = sts_client.assume_role(
    RoleArn="arn:aws:iam::111122223333:role/R",
    RoleSessionName="s",
    Tags=[{"Key": "userid", "Value": "123456"}],
    TransitiveTagKeys=["userid"],
    DurationSeconds=900,
    ExternalId="ext id",
    SerialNumber="arn:aws:iam::111122223333:mfa/alice",
    TokenCode="123456",
    Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "It's",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "*",
                "Condition": {
                    "Bool": {
                        "aws:SecureTransport": True
                    }
                }
            }
        ]
    }),
    PolicyArns=[
        {"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
        {"arn": "arn:aws:iam::111122223333:policy/P"},
    ],
    SourceIdentity="alice@example.com",
)
creds_full = response["Credentials"]
"#
    );
    let profile = code.profile.unwrap();
    assert_eq!(
        profile.text,
        "[profile full]
role_arn = arn:aws:iam::111122223333:role/R
source_profile = default
role_session_name = s
external_id = ext id
mfa_serial = arn:aws:iam::111122223333:mfa/alice
duration_seconds = 900
"
    );
    assert_eq!(
        profile.omits,
        vec![
            ProfileOmits::Tags,
            ProfileOmits::TransitiveTagKeys,
            ProfileOmits::Policy,
            ProfileOmits::PolicyArns,
            ProfileOmits::SourceIdentity,
            ProfileOmits::TokenCode,
        ]
    );
}

#[test]
fn the_other_sts_calls_with_every_parameter() {
    let scenario = scenario(
        r#"[{"id": "mfa", "as": {"accessKeyId": "AKIAALICE"},
             "call": {"GetSessionToken": {"DurationSeconds": 129600,
                 "SerialNumber": "arn:aws:iam::111122223333:mfa/alice", "TokenCode": "000111"}}},
            {"id": "fed", "as": {"accessKeyId": "AKIABOB"},
             "call": {"GetFederationToken": {"Name": "partner", "Policy": "not json, it's text",
                 "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
                 "DurationSeconds": 3600,
                 "Tags": [{"Key": "team name", "Value": "a,b"}]}}},
            {"id": "web", "claims": {"sub": "u1", "aud": "app"},
             "call": {"AssumeRoleWithWebIdentity": {"RoleArn": "arn:aws:iam::111122223333:role/Web",
                 "RoleSessionName": "web", "ProviderId": "www.amazon.com",
                 "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
                 "Policy": {"Version": "2012-10-17", "Statement": []},
                 "DurationSeconds": 900}}},
            {"as": {"step": "web"}, "call": {"GetCallerIdentity": {}}}]"#,
    );
    let mfa = step_code(&scenario, 0).unwrap();
    assert_eq!(
        mfa.cli,
        "aws sts get-session-token \\
    --duration-seconds 129600 \\
    --serial-number arn:aws:iam::111122223333:mfa/alice \\
    --token-code 000111"
    );
    assert!(mfa.boto3.ends_with(
        "response = sts_client.get_session_token(\n    DurationSeconds=129600,\n    SerialNumber=\"arn:aws:iam::111122223333:mfa/alice\",\n    TokenCode=\"000111\",\n)\ncreds_mfa = response[\"Credentials\"]\n"
    ));
    assert_eq!(mfa.profile, None);

    let federation = step_code(&scenario, 1).unwrap();
    assert_eq!(
        federation.cli,
        r#"aws sts get-federation-token \
    --name partner \
    --tags '[{"Key":"team name","Value":"a,b"}]' \
    --duration-seconds 3600 \
    --policy 'not json, it'\''s text' \
    --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess \
    --profile bob"#
    );
    assert!(
        federation
            .boto3
            .contains("session = boto3.Session(profile_name=\"bob\")\n")
    );
    assert!(
        federation
            .boto3
            .contains("    Tags=[{\"Key\": \"team name\", \"Value\": \"a,b\"}],\n")
    );
    assert!(
        federation
            .boto3
            .contains("    Policy=\"not json, it's text\",\n")
    );
    assert!(!federation.boto3.contains("import json"));
    assert_eq!(federation.profile, None);

    let web = step_code(&scenario, 2).unwrap();
    let claims = scenario.steps[2].claims.as_deref().unwrap();
    let token = crate::sts::unsigned_jwt(claims);
    assert!(token.starts_with("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."));
    assert_eq!(
        web.cli,
        format!(
            "aws sts assume-role-with-web-identity \\
    --role-arn arn:aws:iam::111122223333:role/Web \\
    --role-session-name web \\
    --web-identity-token {token} \\
    --provider-id www.amazon.com \\
    --duration-seconds 900 \\
    --policy '{{\"Version\":\"2012-10-17\",\"Statement\":[]}}' \\
    --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess"
        )
    );
    assert!(web.boto3.contains("\nsts_client = boto3.client(\"sts\")\n"));
    assert!(web.boto3.contains("    Policy=json.dumps({\n        \"Version\": \"2012-10-17\",\n        \"Statement\": []\n    }),\n"));
    assert!(
        web.boto3
            .ends_with("creds_web = response[\"Credentials\"]\n")
    );

    let whoami = step_code(&scenario, 3).unwrap();
    assert_eq!(whoami.cli, "aws sts get-caller-identity --profile web");
    assert!(!whoami.boto3.contains("Credentials\"]\n"));
}

#[test]
fn profiles_are_named_after_users_and_accounts() {
    let scenario = scenario(
        r#"[{"as": {"accessKeyId": "AKIABOB"}, "call": {"GetCallerIdentity": {}}},
            {"as": {"accessKeyId": "AKIAALICE"}, "call": {"GetCallerIdentity": {}}},
            {"as": {"principal": "arn:aws:iam::444455556666:user/alice"}, "call": {"GetCallerIdentity": {}}},
            {"as": {"accessKeyId": "AKIAROOT"}, "call": {"GetCallerIdentity": {}}},
            {"as": {"principal": "arn:aws:iam::111122223333:user/bob"}, "call": {"GetCallerIdentity": {}}},
            {"as": {"accessKeyId": "AKIAUNKNOWN"}, "call": {"GetCallerIdentity": {}}},
            {"as": "anonymous", "call": {"GetCallerIdentity": {}}}]"#,
    );
    let clis: Vec<String> = scenario_code(&scenario)
        .into_iter()
        .map(|code| code.unwrap().cli)
        .collect();
    assert_eq!(
        clis,
        [
            "aws sts get-caller-identity",
            "aws sts get-caller-identity --profile alice-111122223333",
            "aws sts get-caller-identity --profile alice-444455556666",
            "aws sts get-caller-identity --profile root-444455556666",
            "aws sts get-caller-identity",
            "aws sts get-caller-identity --profile AKIAUNKNOWN",
            "aws sts get-caller-identity --no-sign-request",
        ]
    );
}

#[test]
fn anonymous_requests_are_unsigned() {
    let scenario = scenario(
        r#"[{"as": "anonymous", "request": {"action": "s3:GetObject",
            "resource": "arn:aws:s3:::public-site/index.html"}}]"#,
    );
    let code = step_code(&scenario, 0).unwrap();
    assert_eq!(
        code.cli,
        "aws s3api get-object \\
    --bucket public-site \\
    --key index.html \\
    index.html \\
    --no-sign-request"
    );
    assert_eq!(
        code.boto3,
        r#"import boto3
from botocore import UNSIGNED
from botocore.config import Config

s3_client = boto3.client("s3", config=Config(signature_version=UNSIGNED))
response = s3_client.get_object(
    Bucket="public-site",
    Key="index.html",
)
"#
    );
}

fn request(action: &str, resource: &str, context: &str) -> StepCode {
    let scenario = scenario(&format!(
        r#"[{{"as": {{"accessKeyId": "AKIAALICE"}}, "request": {{"action": "{action}",
            "resource": "{resource}", "context": {context}}}}}]"#
    ));
    step_code(&scenario, 0).unwrap()
}

#[test]
fn requests_become_the_operations_that_make_them() {
    let cases = [
        (
            "s3:DeleteObject",
            "arn:aws:s3:::b/a b.txt",
            "{}",
            "aws s3api delete-object --bucket b --key 'a b.txt'",
        ),
        (
            "s3:ListBucket",
            "arn:aws:s3:::b",
            r#"{"s3:prefix": "home/", "s3:delimiter": "/", "s3:max-keys": "10"}"#,
            "aws s3api list-objects-v2 --bucket b --prefix home/ --delimiter / --max-keys 10",
        ),
        (
            "s3:GetObjectTagging",
            "arn:aws:s3:::b/k",
            "{}",
            "aws s3api get-object-tagging --bucket b --key k",
        ),
        (
            "s3:CreateBucket",
            "arn:aws:s3:::b",
            "{}",
            "aws s3api create-bucket --bucket b",
        ),
        (
            "dynamodb:Query",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Orders/index/ByDate",
            r#"{"dynamodb:LeadingKeys": "u'1"}"#,
            "aws dynamodb query \\\n    --table-name Orders \\\n    --key-condition-expression 'id = :id' \\\n    --expression-attribute-values '{\":id\":{\"S\":\"u'\\''1\"}}' \\\n    --region us-east-1",
        ),
        (
            "dynamodb:GetItem",
            "arn:aws:dynamodb:eu-west-1:111122223333:table/T",
            "{}",
            "aws dynamodb get-item --table-name T --key '{\"id\":{\"S\":\"1\"}}' --region eu-west-1",
        ),
        (
            "sqs:SendMessage",
            "arn:aws-cn:sqs:cn-north-1:111122223333:jobs",
            "{}",
            "aws sqs send-message \\\n    --queue-url https://sqs.cn-north-1.amazonaws.com.cn/111122223333/jobs \\\n    --message-body hello \\\n    --region cn-north-1",
        ),
        (
            "sns:Publish",
            "arn:aws:sns:us-east-1:111122223333:alerts",
            "{}",
            "aws sns publish \\\n    --topic-arn arn:aws:sns:us-east-1:111122223333:alerts \\\n    --message hello \\\n    --region us-east-1",
        ),
        (
            "kms:Decrypt",
            "arn:aws:kms:us-east-1:111122223333:key/k-1",
            "{}",
            "aws kms decrypt \\\n    --ciphertext-blob fileb://ciphertext.bin \\\n    --key-id arn:aws:kms:us-east-1:111122223333:key/k-1 \\\n    --region us-east-1",
        ),
        (
            "iam:GetRole",
            "arn:aws:iam::111122223333:role/path/Admin",
            "{}",
            "aws iam get-role --role-name Admin",
        ),
        ("iam:ListUsers", "*", "{}", "aws iam list-users"),
        (
            "ec2:StopInstances",
            "arn:aws:ec2:us-west-2:111122223333:instance/i-0abc",
            "{}",
            "aws ec2 stop-instances --instance-ids i-0abc --region us-west-2",
        ),
        (
            "lambda:InvokeFunction",
            "arn:aws:lambda:us-east-1:111122223333:function:f",
            "{}",
            "aws lambda invoke \\\n    --function-name arn:aws:lambda:us-east-1:111122223333:function:f \\\n    response.json \\\n    --region us-east-1",
        ),
        (
            "secretsmanager:GetSecretValue",
            "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbC",
            "{}",
            "aws secretsmanager get-secret-value \\\n    --secret-id arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbC \\\n    --region us-east-1",
        ),
        (
            "ssm:GetParameter",
            "arn:aws:ssm:us-east-1:111122223333:parameter/prod/db",
            "{}",
            "aws ssm get-parameter --name /prod/db --region us-east-1",
        ),
        (
            "sts:GetCallerIdentity",
            "*",
            "{}",
            "aws sts get-caller-identity",
        ),
    ];
    for (action, resource, context, cli) in cases {
        let code = request(action, resource, context);
        assert_eq!(code.cli, cli, "{action}");
        assert!(!code.generic, "{action}");
    }
    let item = request(
        "dynamodb:GetItem",
        "arn:aws:dynamodb:eu-west-1:111122223333:table/T",
        "{}",
    );
    assert_eq!(item.placeholders, ["Key"]);
    assert!(
        item.boto3.contains(
            "dynamodb_client = session.client(\"dynamodb\", region_name=\"eu-west-1\")\n"
        ) || item
            .boto3
            .contains("dynamodb_client = boto3.client(\"dynamodb\", region_name=\"eu-west-1\")\n")
    );
    assert!(
        item.boto3.contains(
            "    Key={\n        \"id\": {\n            \"S\": \"1\"\n        }\n    },\n"
        )
    );
    let query = request(
        "dynamodb:Query",
        "arn:aws:dynamodb:us-east-1:111122223333:table/T",
        "{}",
    );
    assert_eq!(
        query.placeholders,
        ["KeyConditionExpression", "ExpressionAttributeValues"]
    );
    let decrypt = request(
        "kms:Decrypt",
        "arn:aws:kms:us-east-1:111122223333:key/k",
        "{}",
    );
    assert!(
        decrypt
            .boto3
            .contains("    CiphertextBlob=open(\"ciphertext.bin\", \"rb\").read(),\n")
    );
    assert_eq!(decrypt.placeholders, ["CiphertextBlob"]);
    let put = code("per-user-folders", 2);
    assert!(put.cli.contains(" \\\n    --body myfile \\\n"));
    assert!(put.boto3.contains("    Body=open(\"myfile\", \"rb\"),\n"));
    assert_eq!(put.placeholders, ["Body"]);
}

#[test]
fn an_action_iamplay_does_not_map_is_generic() {
    let cors = request("s3:GetBucketCORS", "arn:aws:s3:::b", "{}");
    assert!(cors.generic);
    assert_eq!(cors.cli, "aws s3api get-bucket-cors --bucket b");
    assert!(
        cors.boto3
            .contains("response = s3_client.get_bucket_cors(\n    Bucket=\"b\",\n)\n")
    );
    let metrics = request("cloudwatch:PutMetricData", "*", "{}");
    assert!(metrics.generic);
    assert_eq!(metrics.cli, "aws cloudwatch put-metric-data");
    assert!(
        metrics
            .boto3
            .ends_with("response = cloudwatch_client.put_metric_data()\n")
    );
    let states = request(
        "states:StartExecution",
        "arn:aws:states:us-east-1:111122223333:stateMachine:m",
        "{}",
    );
    assert!(states.generic);
    assert_eq!(
        states.cli,
        "aws stepfunctions start-execution --region us-east-1"
    );
    assert!(!request("s3:GetObject", "arn:aws:s3:::b/k", "{}").generic);
}

#[test]
fn values_are_quoted_for_the_shell_only_when_needed() {
    assert_eq!(
        quote("arn:aws:iam::111122223333:role/R"),
        "arn:aws:iam::111122223333:role/R"
    );
    assert_eq!(quote("a=b,c@d%e+f"), "a=b,c@d%e+f");
    assert_eq!(quote("two words"), "'two words'");
    assert_eq!(quote("it's"), r"'it'\''s'");
    assert_eq!(quote(""), "''");
    assert_eq!(quote("*"), "'*'");
    assert_eq!(quote("$HOME"), "'$HOME'");
    assert_eq!(quote("课程"), "'课程'");
    assert_eq!(quote("a\nb"), "'a\nb'");
}

#[test]
fn python_strings_escape_what_python_needs() {
    assert_eq!(boto3::string(r#"say "hi"\now"#), r#""say \"hi\"\\now""#);
    assert_eq!(boto3::string("a\nb\tc\u{1}"), r#""a\nb\tc\u0001""#);
    assert_eq!(boto3::string("课程 it's"), "\"课程 it's\"");
    assert_eq!(
        boto3::credentials_variable("student-123456"),
        "creds_student_123456"
    );
    assert_eq!(boto3::credentials_variable("学生 1"), "creds_学生_1");
}

#[test]
fn names_become_cli_options_and_python_methods() {
    for (name, kebab, snake) in [
        (
            "AssumeRoleWithWebIdentity",
            "assume-role-with-web-identity",
            "assume_role_with_web_identity",
        ),
        ("ListObjectsV2", "list-objects-v2", "list_objects_v2"),
        ("PolicyArns", "policy-arns", "policy_arns"),
        ("GetBucketCORS", "get-bucket-cors", "get_bucket_cors"),
        (
            "DBInstanceIdentifier",
            "db-instance-identifier",
            "db_instance_identifier",
        ),
        ("", "", ""),
    ] {
        assert_eq!(kebab_case(name), kebab, "{name}");
        assert_eq!(snake_case(name), snake, "{name}");
    }
}

#[test]
fn short_commands_stay_on_one_line() {
    let code = code("mfa-session-token", 0);
    assert_eq!(
        code.cli,
        "aws s3api delete-bucket --bucket legacy-reports-2019"
    );
    assert_eq!(code.cli.chars().count(), 52);
}

#[test]
fn step_code_serializes_in_camel_case() {
    let value = serde_json::to_value(code("per-user-folders", 1)).unwrap();
    assert_eq!(value["signerProfileOmits"], serde_json::json!(["Tags"]));
    assert_eq!(value["generic"], serde_json::json!(false));
    assert_eq!(value["profile"], serde_json::Value::Null);
    let value = serde_json::to_value(code("per-user-folders", 0)).unwrap();
    assert_eq!(value["profile"]["omits"], serde_json::json!(["Tags"]));
    assert_eq!(
        value["profile"]["settings"][0],
        serde_json::json!({"key": "role_arn", "value": "arn:aws:iam::246813579024:role/AssumedRole"})
    );
    assert!(
        value["cli"]
            .as_str()
            .unwrap()
            .starts_with("aws sts assume-role")
    );
}
