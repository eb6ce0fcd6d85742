//! Hosting the built SPA (`frontend/dist`): static assets, and `index.html` for client routes
//! with a Content-Security-Policy that admits exactly trunk's inline loader script.

use std::path::{Path, PathBuf};

use actix_web::HttpResponse;
use actix_web::http::header;
use base64::Engine;
use sha2::{Digest, Sha256};

pub struct Spa {
    pub dir: PathBuf,
    index_html: String,
    csp: String,
}

impl Spa {
    /// Loads `index.html` from `dir`; `None` when the SPA has not been built.
    pub fn load(dir: &Path) -> Option<Self> {
        let index_html = std::fs::read_to_string(dir.join("index.html")).ok()?;
        let csp = content_security_policy(&index_html);
        Some(Self {
            dir: dir.to_path_buf(),
            index_html,
            csp,
        })
    }

    pub fn index_response(&self) -> HttpResponse {
        HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .insert_header((header::CONTENT_SECURITY_POLICY, self.csp.clone()))
            .body(self.index_html.clone())
    }
}

/// Inline `<script>` bodies (those without `src`), in document order.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = &after[tag_end + 1..];
        let Some(close) = body_start.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            scripts.push(&body_start[..close]);
        }
        rest = &body_start[close..];
    }
    scripts
}

pub fn content_security_policy(index_html: &str) -> String {
    let hashes: String = inline_scripts(index_html)
        .into_iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_admits_only_the_inline_loader() {
        let html =
            r#"<html><script src="/a.js"></script><script type="module">init()</script></html>"#;
        assert_eq!(inline_scripts(html), vec!["init()"]);
        let csp = content_security_policy(html);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
