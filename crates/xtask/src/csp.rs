//! Locks the release page down: Trunk's inline start-up script moves to a file of its own, and
//! a Content-Security-Policy allows nothing but the page's own files — no inline script, no
//! other origin, no plug-ins, no forms. (Framing can only be refused by an HTTP header: a
//! `<meta>` policy cannot say `frame-ancestors`; `dist/_headers` asks the host for it, see
//! `headers.rs`.) The playground itself then forbids any connection once it has started (it
//! adds `connect-src 'none'`).

use std::path::Path;

use crate::error::{Error, Result};

/// The policy of the release page.
pub(crate) const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// The start-up script's file name in `dist/`.
const START_SCRIPT: &str = "start.js";

/// Rewrites `dist/index.html`: the inline module script becomes `start.js`, and the policy is
/// declared first thing in the head.
pub(crate) fn secure(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)?;
    let open = "<script type=\"module\">";
    let start = html.find(open).ok_or_else(|| {
        Error::new("dist/index.html has no inline start-up script to move")
            .help("Trunk's output changed: update crates/xtask/src/csp.rs")
    })?;
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or_else(|| Error::new("dist/index.html: the start-up script does not end"))?;
    std::fs::write(dist.join(START_SCRIPT), html[body_start..end].trim())?;
    let mut out = String::with_capacity(html.len() + POLICY.len() + 100);
    out.push_str(&html[..start]);
    out.push_str(&format!(
        "<script type=\"module\" src=\"./{START_SCRIPT}\"></script>"
    ));
    out.push_str(&html[end + "</script>".len()..]);
    std::fs::write(&index, declare(&out, "index.html")?)?;
    Ok(())
}

/// `html` (the page `name`) with the policy declared first thing in its head.
pub(crate) fn declare(html: &str, name: &str) -> Result<String> {
    let charset = "<meta charset=\"utf-8\" />";
    let at = html
        .find(charset)
        .map(|i| i + charset.len())
        .ok_or_else(|| Error::new(format!("{name} has no `<meta charset=\"utf-8\" />`")))?;
    let mut out = html.to_owned();
    out.insert_str(
        at,
        &format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\" />"),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_script_moves_out_and_the_policy_goes_in() {
        let dir = std::env::temp_dir().join(format!("iamplay-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let page = "<html><head><meta charset=\"utf-8\" />\n<script type=\"module\">\nimport init from './a.js';\nawait init();\n</script><link rel=\"stylesheet\" href=\"./a.css\"/></head><body></body></html>";
        std::fs::write(dir.join("index.html"), page).unwrap_or_default();
        assert!(secure(&dir).is_ok());
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
        let script = std::fs::read_to_string(dir.join(START_SCRIPT)).unwrap_or_default();
        assert_eq!(script, "import init from './a.js';\nawait init();");
        assert!(html.contains("<script type=\"module\" src=\"./start.js\"></script><link"));
        assert!(html.contains(POLICY));
        assert!(!html.contains("await init"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
