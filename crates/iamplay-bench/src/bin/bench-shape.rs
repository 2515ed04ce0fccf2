//! Prints the benchmarks' large request shape as JSON, so that other simulators are measured
//! on exactly the same policies and request.

use iamplay_bench::large_shape;

fn main() {
    let shape = large_shape();
    let quote = |text: &str| format!("{text:?}");
    let pairs = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("{}: {}", quote(k), quote(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        r#"{{"identity": [{}], "resource": {}, "boundary": {}, "session": {}, "principal": {}, "tags": {{{}}}, "action": {}, "resourceArn": {}, "context": {{{}}}}}"#,
        shape.identity.join(", "),
        shape.resource,
        shape.boundary,
        shape.session,
        quote(shape.principal),
        pairs(&shape.tags),
        quote(shape.action),
        quote(shape.resource_arn),
        pairs(&shape.context),
    );
}
