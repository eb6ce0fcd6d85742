//! Hosting the built SPA (`frontend/dist`): static assets, and for a client route the HTML page
//! of its bundle (`index.html` or `penilaian.html`, see `kinerja_api::spa`) with a
//! Content-Security-Policy that admits exactly that page's inline loader script.

use std::path::{Path, PathBuf};

use actix_web::HttpResponse;
use actix_web::http::header;
use base64::Engine;
use kinerja_api::spa::Bundle;
use sha2::{Digest, Sha256};

pub struct Spa {
    pub dir: PathBuf,
    utama: Page,
    /// The other bundles' pages; their routes get `index.html` when they were not built.
    penilaian: Option<Page>,
    kepegawaian: Option<Page>,
    layanan: Option<Page>,
    pengukuran: Option<Page>,
    pengembangan: Option<Page>,
    pantau: Option<Page>,
    panduan: Option<Page>,
}

/// One bundle's HTML page and the CSP that admits its inline loader.
struct Page {
    html: String,
    csp: String,
}

impl Page {
    fn load(path: &Path) -> Option<Self> {
        let html = std::fs::read_to_string(path).ok()?;
        let csp = content_security_policy(&html);
        Some(Self { html, csp })
    }
}

impl Spa {
    /// Loads the bundles' pages from `dir`; `None` when the SPA has not been built.
    pub fn load(dir: &Path) -> Option<Self> {
        Some(Self {
            dir: dir.to_path_buf(),
            utama: Page::load(&dir.join(Bundle::Utama.page()))?,
            penilaian: Page::load(&dir.join(Bundle::Penilaian.page())),
            kepegawaian: Page::load(&dir.join(Bundle::Kepegawaian.page())),
            layanan: Page::load(&dir.join(Bundle::Layanan.page())),
            pengukuran: Page::load(&dir.join(Bundle::Pengukuran.page())),
            pengembangan: Page::load(&dir.join(Bundle::Pengembangan.page())),
            pantau: Page::load(&dir.join(Bundle::Pantau.page())),
            panduan: Page::load(&dir.join(Bundle::Panduan.page())),
        })
    }

    /// The page of the bundle that serves the client route `path`.
    pub fn page_response(&self, path: &str) -> HttpResponse {
        let page = match Bundle::of(path) {
            Bundle::Penilaian => self.penilaian.as_ref().unwrap_or(&self.utama),
            Bundle::Kepegawaian => self.kepegawaian.as_ref().unwrap_or(&self.utama),
            Bundle::Layanan => self.layanan.as_ref().unwrap_or(&self.utama),
            Bundle::Pengukuran => self.pengukuran.as_ref().unwrap_or(&self.utama),
            Bundle::Pengembangan => self.pengembangan.as_ref().unwrap_or(&self.utama),
            Bundle::Pantau => self.pantau.as_ref().unwrap_or(&self.utama),
            Bundle::Panduan => self.panduan.as_ref().unwrap_or(&self.utama),
            Bundle::Utama => &self.utama,
        };
        HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .insert_header((header::CONTENT_SECURITY_POLICY, page.csp.clone()))
            .body(page.html.clone())
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
