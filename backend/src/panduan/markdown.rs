//! Markdown of guides to HTML that is safe to insert into the page (docs/panduan.md).
//!
//! The text is parsed by pulldown-cmark and written back by its HTML writer, which escapes
//! every text and attribute value. On the way, raw HTML (blocks and inline) becomes text, so
//! `<script>` or `<img onerror=…>` shows as written and never as markup; a link or image whose
//! target is not `http`, `https` or relative (no scheme) loses its target: a link keeps its
//! text, an image its description. Nothing else can produce markup.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// Whether a link or image target may be kept: `http(s)` or without a scheme (relative).
/// White space and control characters are ignored the way browsers do (`java\tscript:`).
pub fn target_ok(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            scheme == "http" || scheme == "https"
        }
        _ => true,
    }
}

/// The HTML of `markdown`.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    // Kept or dropped, for each open link and image (they may nest: an image in a link).
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        // A raw HTML block becomes a paragraph of its text.
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = target_ok(&dest_url);
            open.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = target_ok(&dest_url);
            open.push(keep);
            keep.then_some(Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
            open.pop().unwrap_or(false).then_some(Event::End(end))
        }
        Event::InlineMath(s) | Event::DisplayMath(s) => Some(Event::Code(s)),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        for md in [
            "<script>alert(1)</script>",
            "Halo <script>alert(1)</script> dunia",
            "<img src=x onerror=alert(1)>",
            "teks <img src=x onerror=alert(1)> teks",
            "<div onclick=\"alert(1)\">x</div>\n\nparagraf",
            "<svg/onload=alert(1)>",
            "<!-- komentar --><iframe src=\"javascript:alert(1)\"></iframe>",
        ] {
            let html = render(md);
            assert!(!html.contains("<script"), "{md} → {html}");
            assert!(!html.contains("<img"), "{md} → {html}");
            assert!(!html.contains("<div"), "{md} → {html}");
            assert!(!html.contains("<svg"), "{md} → {html}");
            assert!(!html.contains("<iframe"), "{md} → {html}");
            assert!(!html.contains("<!--"), "{md} → {html}");
            assert!(html.contains("&lt;"), "{md} → {html}");
        }
    }

    #[test]
    fn only_http_and_relative_targets() {
        for md in [
            "[klik](javascript:alert(1))",
            "[klik](JaVaScRiPt:alert(1))",
            "[klik](<java\tscript:alert(1)>)",
            "[klik](javascript&#58;alert(1))",
            "[klik](data:text/html;base64,PHNjcmlwdD4=)",
            "[klik](vbscript:x)",
            "<javascript:alert(1)>",
            "![gambar](javascript:alert(1))",
            "![gambar](data:image/svg+xml,<svg onload=alert(1)>)",
            "[klik][r]\n\n[r]: javascript:alert(1)",
        ] {
            let html = render(md);
            // The words may stay as text; never as a target.
            assert!(
                !html.to_lowercase().contains("=\"javascript"),
                "{md} → {html}"
            );
            assert!(!html.contains("href=\"data:"), "{md} → {html}");
            assert!(!html.contains("src=\"data:"), "{md} → {html}");
            assert!(!html.contains("vbscript"), "{md} → {html}");
            assert!(!html.contains("<a"), "{md} → {html}");
            assert!(!html.contains("<img"), "{md} → {html}");
        }
        let html =
            render("[a](https://bkn.go.id/x?y=1) [b](/skp) [c](#langkah) ![d](/gambar/x.png)");
        assert!(
            html.contains(r#"<a href="https://bkn.go.id/x?y=1">a</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/skp">b</a>"#), "{html}");
        assert!(html.contains(r##"<a href="#langkah">c</a>"##), "{html}");
        assert!(
            html.contains(r#"<img src="/gambar/x.png" alt="d" />"#),
            "{html}"
        );
    }

    #[test]
    fn attributes_cannot_be_broken_out_of() {
        let html =
            render(r#"[x](/a "judul\" onmouseover=\"alert(1)") ![y"onerror="alert(1)](/b.png)"#);
        assert!(!html.contains("\" onmouseover"), "{html}");
        assert!(!html.contains("\"onerror"), "{html}");
    }

    #[test]
    fn markdown_still_works() {
        let html =
            render("## Langkah\n\n1. **Buka** *SKP*\n2. `kode`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<h2>Langkah</h2>"), "{html}");
        assert!(html.contains("<ol>"), "{html}");
        assert!(html.contains("<strong>Buka</strong>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }
}
