//! Authorization speed: the seed lesson's request and the large shape, with and without the
//! explanation, on compiled policies.

// A benchmark with bad inputs must stop, not measure something else.
#![allow(clippy::expect_used, clippy::panic)]

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use iamplay_bench::large_shape;
use iamplay_core::eval::{
    Caller, CompiledPolicy, ContextEntry, Options, PolicySet, Request, Tag, compile, evaluate,
};
use iamplay_core::policy::{Context, PolicyKind, check, read};

fn compiled(name: &str, kind: PolicyKind, text: &str) -> CompiledPolicy {
    let policy = check(text, &Context::new(kind))
        .policy
        .expect("the benchmark's policies are valid");
    compile(name, &policy)
}

/// The large shape's identity policies exceed IAM's size quotas (50 statements with two
/// conditions each), so they are read for their structure only.
fn compiled_large(name: &str, text: &str) -> CompiledPolicy {
    let policy = read(text).policy.expect("the benchmark's policies read");
    compile(name, &policy)
}

fn caller(arn: &str, tags: &[(&str, &str)]) -> Caller {
    let mut caller = Caller::from_arn(arn).expect("a role session ARN");
    caller.tags = tags
        .iter()
        .map(|(k, v)| Tag {
            key: (*k).into(),
            value: (*v).into(),
        })
        .collect();
    caller
}

const SEED_POLICY: &str = r#"{"Version": "2012-10-17", "Statement": [
    {"Sid": "ListYourObjects", "Effect": "Allow", "Action": "s3:ListBucket",
     "Resource": "arn:aws:s3:::wisdom-learn-course-bucket",
     "Condition": {"StringLike": {"s3:prefix": "PREFIX/${aws:PrincipalTag/userid}/"}}},
    {"Sid": "ReadWriteDeleteYourObjects", "Effect": "Allow",
     "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
     "Resource": "arn:aws:s3:::wisdom-learn-course-bucket/PREFIX/${aws:PrincipalTag/userid}/*"}]}"#;

/// Benchmarks deciding `request` against `set`, then the same with the trace recorded.
fn plain_and_explained(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    request: &Request,
    set: &PolicySet,
) {
    for explain in [false, true] {
        let id = if explain {
            format!("{name}, explained")
        } else {
            name.to_owned()
        };
        group.bench_function(id, |b| {
            b.iter(|| evaluate(std::hint::black_box(request), set, Options { explain }));
        });
    }
}

fn eval(c: &mut Criterion) {
    let mut group = c.benchmark_group("eval");

    let seed = PolicySet {
        identity: vec![compiled(
            "CourseAccessPolicy",
            PolicyKind::RoleInlinePolicy,
            SEED_POLICY,
        )],
        ..PolicySet::default()
    };
    let seed_request = Request {
        principal: caller(
            "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/my-session",
            &[("userid", "123456")],
        ),
        action: "s3:ListBucket".into(),
        resource: "arn:aws:s3:::wisdom-learn-course-bucket".into(),
        resource_account: Some("111122223333".into()),
        context: vec![ContextEntry::single("s3:prefix", "PREFIX/123456/")],
    };
    plain_and_explained(&mut group, "seed request", &seed_request, &seed);

    let shape = large_shape();
    let large = PolicySet {
        identity: shape
            .identity
            .iter()
            .enumerate()
            .map(|(i, text)| compiled_large(&format!("Identity{i}"), text))
            .collect(),
        resource: Some(compiled(
            "BucketPolicy",
            PolicyKind::BucketPolicy,
            &shape.resource,
        )),
        boundary: Some(compiled(
            "Boundary",
            PolicyKind::PermissionsBoundary,
            &shape.boundary,
        )),
        session: Some(vec![compiled(
            "Session",
            PolicyKind::SessionPolicy,
            &shape.session,
        )]),
        ..PolicySet::default()
    };
    let large_request = Request {
        principal: caller(shape.principal, &shape.tags),
        action: shape.action.into(),
        resource: shape.resource_arn.into(),
        resource_account: Some("111122223333".into()),
        context: shape
            .context
            .iter()
            .map(|(k, v)| ContextEntry::single(*k, *v))
            .collect(),
    };
    assert!(
        evaluate(&large_request, &large, Options::default()).decision
            == iamplay_core::eval::Decision::Allow,
        "the large shape's request is allowed by its last statement"
    );
    plain_and_explained(
        &mut group,
        "10x50 statements + resource, boundary, session",
        &large_request,
        &large,
    );
    group.bench_function("compile the 10x50 identity policies", |b| {
        b.iter(|| {
            let compiled: Vec<_> = shape
                .identity
                .iter()
                .map(|text| compiled_large("Identity", text))
                .collect();
            std::hint::black_box(compiled)
        });
    });
    group.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);
