//! Uploaded files (evidence, objection attachments, generated documents): types recognised by
//! content, the names kept for download and the download response. Where the bytes live is
//! [`crate::storage`]; keys are generated, so no client path ever reaches a store.

use actix_web::HttpResponse;
use actix_web::http::header;
use kinerja_api::Pesan;

/// The 415 message for a file of another type.
pub const UNSUPPORTED: Pesan = Pesan::JenisBerkasTidakDidukung;

/// Accepted file types, recognised by their first bytes: (MIME type, extension).
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let zip_with = |marker: &[u8]| {
        bytes.starts_with(b"PK\x03\x04") && bytes.windows(marker.len()).any(|w| w == marker)
    };
    if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(("image/jpeg", "jpg"))
    } else if zip_with(b"xl/") {
        Some((
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ))
    } else if zip_with(b"word/") {
        Some((
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ))
    } else {
        None
    }
}

/// The display name kept for a download: the last path segment, without control characters,
/// ending in `ext` (the recognised type's extension); `fallback.ext` when nothing is left.
pub fn display_name(name: Option<&str>, fallback: &str, ext: &str) -> String {
    let base = name.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if clean.trim().is_empty() {
        format!("{fallback}.{ext}")
    } else {
        with_extension(&clean, ext)
    }
}

/// `name` ending in `.ext`: a client's own extension (`evil.html` for a PDF) would make the
/// saved file open as something else than what was checked, so it is replaced, or `.ext`
/// appended when the name has none.
fn with_extension(name: &str, ext: &str) -> String {
    let (stem, current) = match name.rsplit_once('.') {
        Some((stem, tail))
            if !stem.trim().is_empty()
                && (1..=5).contains(&tail.len())
                && tail.chars().all(|c| c.is_ascii_alphanumeric())
                && tail.chars().any(|c| c.is_ascii_alphabetic()) =>
        {
            (stem, Some(tail))
        }
        _ => (name, None),
    };
    let same = current.is_some_and(|c| {
        c.eq_ignore_ascii_case(ext) || (ext == "jpg" && c.eq_ignore_ascii_case("jpeg"))
    });
    if same {
        name.to_owned()
    } else {
        format!("{stem}.{ext}")
    }
}

/// The extension of an accepted MIME type.
fn extension_of(mime: &str) -> Option<&'static str> {
    [
        ("application/pdf", "pdf"),
        ("image/png", "png"),
        ("image/jpeg", "jpg"),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
    ]
    .into_iter()
    .find_map(|(m, e)| (m == mime).then_some(e))
}

/// `Content-Disposition` for a download: an ASCII `filename` for old clients and the exact
/// UTF-8 name as `filename*` (RFC 6266), since names such as "Laporan Triwulan Ⅱ.pdf" occur.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() && !matches!(c, '"' | '\\' | ';') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A stored file as a download: never rendered inline, never sniffed, never cached.
/// The name ends in the type's extension here too, for files stored before names were fixed
/// at upload.
pub fn attachment(name: &str, mime: &str, bytes: Vec<u8>) -> HttpResponse {
    let name = extension_of(mime).map_or_else(|| name.to_owned(), |ext| with_extension(name, ext));
    HttpResponse::Ok()
        .content_type(mime)
        .insert_header((header::CONTENT_DISPOSITION, disposition(&name)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content_not_by_name() {
        assert_eq!(sniff(b"%PDF-1.7 ...").map(|s| s.1), Some("pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....").map(|s| s.1), Some("png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0....").map(|s| s.1), Some("jpg"));
        assert_eq!(
            sniff(b"PK\x03\x04....xl/workbook.xml").map(|s| s.1),
            Some("xlsx")
        );
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml").map(|s| s.1),
            Some("docx")
        );
        assert_eq!(
            sniff(b"<!doctype html><script>alert(1)</script>"),
            None,
            "an HTML page renamed .pdf"
        );
        assert_eq!(sniff(b"PK\x03\x04 a zip of something else"), None);
    }

    #[test]
    fn download_names_survive_in_ascii_and_in_utf8() {
        assert_eq!(
            disposition("laporan-kegiatan.pdf"),
            "attachment; filename=\"laporan-kegiatan.pdf\"; filename*=UTF-8''laporan-kegiatan.pdf"
        );
        assert_eq!(
            disposition("Surat Camat é.pdf"),
            "attachment; filename=\"Surat Camat _.pdf\"; filename*=UTF-8''Surat%20Camat%20%C3%A9.pdf"
        );
    }

    #[test]
    fn client_names_never_become_paths() {
        assert_eq!(
            display_name(Some("../../etc/passwd"), "bukti", "pdf"),
            "passwd.pdf"
        );
        assert_eq!(
            display_name(Some("C:\\Users\\x\\laporan \"final\".pdf"), "bukti", "pdf"),
            "laporan final.pdf"
        );
        assert_eq!(display_name(None, "lampiran", "png"), "lampiran.png");
    }

    #[test]
    fn download_names_end_in_the_recognised_type() {
        assert_eq!(display_name(Some("evil.html"), "bukti", "pdf"), "evil.pdf");
        assert_eq!(display_name(Some("laporan"), "bukti", "pdf"), "laporan.pdf");
        assert_eq!(display_name(Some("Foto.JPEG"), "bukti", "jpg"), "Foto.JPEG");
        assert_eq!(display_name(Some("a.PDF"), "bukti", "pdf"), "a.PDF");
        assert_eq!(
            display_name(Some("rapat 12.03.2026"), "bukti", "pdf"),
            "rapat 12.03.2026.pdf"
        );
        assert_eq!(
            display_name(Some(".htaccess"), "bukti", "png"),
            ".htaccess.png"
        );
        assert_eq!(
            extension_of("application/pdf").map(|e| with_extension("x.html", e)),
            Some("x.pdf".to_owned())
        );
    }
}
