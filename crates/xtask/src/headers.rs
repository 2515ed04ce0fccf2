//! The response headers `dist/` needs from its host, for what a `<meta>` policy cannot say:
//! who may frame a page (`frame-ancestors`), `nosniff`, no referrer, and the widget's files
//! readable from course sites on other origins. They ship as `dist/_headers`, the format Netlify
//! and Cloudflare Pages read (other hosts: send the same), and the project's static server sends
//! them from that file, so that the tests see what a host would send.
//!
//! The rules never overlap on a header: hosts differ in what they do with a header two matching
//! rules both set (Cloudflare joins the values, so two policies would both apply).

use std::path::Path;

use crate::csp::POLICY;
use crate::error::Result;

/// The file's name in `dist/`.
pub(crate) const FILE: &str = "_headers";

/// The pages that nothing may frame, by the path patterns a host matches them with.
const UNFRAMED: [&str; 3] = ["/", "/index.html", "/demo/*"];

/// The widget's folder: `embed.html` is made to be framed by course sites, and its files are
/// loaded by their pages (module scripts and `fetch` from another origin need CORS).
const EMBED: &str = "/embed/*";

/// The text of `dist/_headers`.
pub(crate) fn text() -> String {
    let mut out = String::from(
        "# Response headers for iamplay's dist/ (Netlify and Cloudflare Pages read this file;\n\
         # on other static hosts, send the same). Each header is set by one rule per path.\n\
         /*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n",
    );
    for path in UNFRAMED {
        out.push_str(&format!(
            "{path}\n  Content-Security-Policy: {POLICY}; frame-ancestors 'none'\n  X-Frame-Options: DENY\n"
        ));
    }
    // No `frame-ancestors` at all: any page may frame the widget, also one in a sandboxed frame
    // of a course site (an opaque origin, which not even `*` matches).
    out.push_str(&format!(
        "{EMBED}\n  Content-Security-Policy: {POLICY}\n  Access-Control-Allow-Origin: *\n"
    ));
    out
}

/// Writes `dist/_headers`.
pub(crate) fn write(dist: &Path) -> Result<()> {
    std::fs::write(dist.join(FILE), text())?;
    Ok(())
}

/// One rule of a `_headers` file: a path pattern and the headers for the paths it matches
/// (a name starting with `! ` removes what an earlier rule set).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    pattern: String,
    headers: Vec<(String, String)>,
}

/// Reads a `_headers` file: a path on a line of its own, then its headers indented, `#` for
/// comments.
pub(crate) fn parse(text: &str) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            rules.push(Rule {
                pattern: trimmed.to_owned(),
                headers: Vec::new(),
            });
        } else if let Some(rule) = rules.last_mut() {
            if let Some(name) = trimmed.strip_prefix('!') {
                rule.headers
                    .push((format!("!{}", name.trim()), String::new()));
            } else if let Some((name, value)) = trimmed.split_once(':') {
                rule.headers
                    .push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
    }
    rules
}

/// The headers for `path` (the request's path from the served folder, starting with `/`):
/// every matching rule's, in order; a header two rules set has both values joined by a comma,
/// as Cloudflare Pages does.
pub(crate) fn for_path(rules: &[Rule], path: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for rule in rules.iter().filter(|rule| matches(&rule.pattern, path)) {
        for (name, value) in &rule.headers {
            if let Some(detached) = name.strip_prefix('!') {
                out.retain(|(have, _)| !have.eq_ignore_ascii_case(detached));
            } else if let Some((_, have)) = out
                .iter_mut()
                .find(|(have, _)| have.eq_ignore_ascii_case(name))
            {
                have.push_str(", ");
                have.push_str(value);
            } else {
                out.push((name.clone(), value.clone()));
            }
        }
    }
    out
}

/// Whether `pattern` matches `path`: `*` stands for any run of characters (also none).
fn matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            path.len() >= head.len() + tail.len()
                && path.starts_with(head)
                && path.get(head.len()..).is_some_and(|rest| {
                    // The rest of the pattern may hold more stars: try every split.
                    (0..=rest.len())
                        .filter(|&at| rest.is_char_boundary(at))
                        .any(|at| rest.get(at..).is_some_and(|end| matches(tail, end)))
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Serves the release `dist/` as `cargo xtask test` does, until stopped, to run one
    /// end-to-end file by hand: `cargo test -p xtask serve_dist -- --ignored --nocapture`
    /// prints the address to give as `IAMPLAY_URL`.
    #[test]
    #[ignore = "serves dist/ until stopped"]
    fn serve_dist() {
        let dist = crate::web::dist_dir();
        assert!(
            dist.join(FILE).exists(),
            "build dist/ first: cargo xtask build"
        );
        match crate::static_server::StaticServer::start(dist, crate::test::E2E_SUB_PATH) {
            Ok(server) => {
                println!("serving dist/ at {}", server.url());
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                }
            }
            Err(err) => panic!("{err}"),
        }
    }

    fn header(headers: &[(String, String)], name: &str) -> Option<String> {
        headers
            .iter()
            .find(|(have, _)| have.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.clone())
    }

    #[test]
    fn only_the_widget_frame_may_be_framed_and_every_page_has_one_policy() {
        let rules = parse(&text());
        for path in ["/", "/index.html", "/demo/", "/demo/index.html"] {
            let headers = for_path(&rules, path);
            let policy = header(&headers, "Content-Security-Policy").unwrap_or_default();
            assert!(policy.starts_with(POLICY), "{path}: {policy}");
            assert!(policy.ends_with("; frame-ancestors 'none'"), "{path}");
            assert_eq!(header(&headers, "X-Frame-Options").as_deref(), Some("DENY"));
            assert_eq!(header(&headers, "Access-Control-Allow-Origin"), None);
        }
        for path in [
            "/embed/embed.html",
            "/embed/embed",
            "/embed/iamplay-embed.js",
        ] {
            let headers = for_path(&rules, path);
            let policy = header(&headers, "Content-Security-Policy").unwrap_or_default();
            assert_eq!(policy, POLICY, "{path}: no frame-ancestors, and one policy");
            assert_eq!(header(&headers, "X-Frame-Options"), None, "{path}");
            assert_eq!(
                header(&headers, "Access-Control-Allow-Origin").as_deref(),
                Some("*")
            );
        }
        for path in ["/", "/start.js", "/embed/embed.html", "/demo/demo.css"] {
            let headers = for_path(&rules, path);
            assert_eq!(
                header(&headers, "X-Content-Type-Options").as_deref(),
                Some("nosniff")
            );
            assert_eq!(
                header(&headers, "Referrer-Policy").as_deref(),
                Some("no-referrer")
            );
        }
        assert_eq!(
            header(&for_path(&rules, "/start.js"), "X-Frame-Options"),
            None
        );
    }

    #[test]
    fn rules_match_by_pattern_join_repeated_headers_and_detach() {
        let rules =
            parse("# comment\n/*\n  A: 1\n  B: x\n/a/*.js\n  A: 2\n  ! B\n/exact\n\tC: y: z\n");
        assert_eq!(rules.len(), 3);
        let of = |path: &str| for_path(&rules, path);
        assert_eq!(of("/a/b/c.js"), vec![("A".to_owned(), "1, 2".to_owned())]);
        assert_eq!(of("/a/c.css").len(), 2);
        assert_eq!(header(&of("/exact"), "C").as_deref(), Some("y: z"));
        assert_eq!(header(&of("/exact/"), "C"), None);
        assert!(matches("/*", "/"));
        assert!(matches("/demo/*", "/demo/"));
        assert!(!matches("/demo/*", "/demo"));
        assert!(matches("/*/x", "/a/b/x"));
        assert!(!matches("/*/x", "/a/b/y"));
    }
}
