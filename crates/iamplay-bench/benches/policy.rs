//! Policy language speed: reading, checking and formatting a 10 KB policy.

use criterion::{Criterion, criterion_group, criterion_main};
use iamplay_bench::course_policy;
use iamplay_core::policy::{Context, PolicyKind, check, format, read};

fn policy(c: &mut Criterion) {
    let text = course_policy(10 * 1024);
    let context = Context::new(PolicyKind::RoleInlinePolicy);
    let mut group = c.benchmark_group("policy");
    group.bench_function("read 10 KB", |b| {
        b.iter(|| read(std::hint::black_box(&text)))
    });
    group.bench_function("check 10 KB", |b| {
        b.iter(|| check(std::hint::black_box(&text), &context));
    });
    group.bench_function("format 10 KB", |b| {
        b.iter(|| format::format(std::hint::black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, policy);
criterion_main!(benches);
