//! In-app guides (panduan; issue #19, docs/panduan.md): short how-to pages per role, written
//! in Bahasa Indonesia and English as Markdown, which the server renders to safe HTML (raw HTML
//! escaped, only http(s) and relative link targets). Every signed-in user reads them; the HR
//! office writes them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::organisation::string_enum;
use crate::pesan::Pesan;
use crate::validation::not_blank;

string_enum! {
    /// Whom a guide is for.
    PeranPanduan {
        /// Every employee.
        Pegawai => "pegawai",
        /// The Pejabat Penilai Kinerja (the direct superior who approves and rates).
        Ppkin => "ppkin",
        /// The HR office.
        Admin => "admin",
    }
}

/// Most screens one guide names.
pub const LAYAR_MAKS: usize = 6;

/// The screens the built-in guides explain (`layar`); the "?" next to their titles links here.
pub const LAYAR_DIKENAL: [&str; 6] = [
    "skp",
    "realisasi",
    "evaluasi",
    "organisasi",
    "impor-pegawai",
    "distribusi",
];

/// A guide in a list: its title in both languages and the screens it explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RingkasanPanduan {
    pub slug: String,
    pub peran: PeranPanduan,
    /// Screens it explains (e.g. `skp`, `realisasi`).
    pub layar: Vec<String>,
    pub judul_id: String,
    pub judul_en: String,
    /// Shipped with Kinerja (the HR office may change it, not delete it).
    pub bawaan: bool,
    pub diubah_pada: DateTime<Utc>,
}

/// One guide: its Markdown source and the server's sanitised HTML of it, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Panduan {
    pub slug: String,
    pub peran: PeranPanduan,
    pub layar: Vec<String>,
    pub judul_id: String,
    pub judul_en: String,
    /// Markdown as written.
    pub isi_id: String,
    pub isi_en: String,
    /// The Markdown rendered by the server: raw HTML is shown as text, links and images only
    /// to `http(s)` or relative targets. Safe to insert as HTML.
    pub html_id: String,
    pub html_en: String,
    pub urutan: i32,
    pub bawaan: bool,
    /// The viewer may edit it (the HR office).
    pub boleh_ubah: bool,
    pub diubah_pada: DateTime<Utc>,
    pub lock_version: i32,
}

/// `GET /api/v1/panduan`: search and filters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PanduanQuery {
    /// Words searched in the titles and texts of both languages (case-insensitive).
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Only the guides for this role.
    pub peran: Option<PeranPanduan>,
    /// Only the guides explaining this screen.
    #[validate(custom(function = "layar_sah"))]
    #[cfg_attr(feature = "openapi", param(pattern = "^[a-z][a-z0-9-]{1,29}$"))]
    pub layar: Option<String>,
}

/// `POST /api/v1/panduan` and `PUT /api/v1/panduan/{slug}` (the whole guide again, with the
/// `lock_version` it was read at on `PUT`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TulisPanduan {
    /// Required on `PUT`, absent on `POST`.
    pub lock_version: Option<i32>,
    /// On `POST` only (a `PUT` keeps the slug of its path): lowercase letters, digits and `-`.
    #[validate(custom(function = "slug_sah"))]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")
    )]
    pub slug: Option<String>,
    pub peran: PeranPanduan,
    /// The screens it explains; at most 6.
    #[validate(
        length(max = 6, code = "layar_maks_6"),
        custom(function = "layar_semua_sah")
    )]
    #[cfg_attr(feature = "openapi", schema(max_items = 6))]
    pub layar: Vec<String>,
    #[validate(
        length(min = 3, max = 200, code = "judul_panduan_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub judul_id: String,
    #[validate(
        length(min = 3, max = 200, code = "judul_panduan_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub judul_en: String,
    /// Markdown; raw HTML in it is shown as text.
    #[validate(
        length(min = 1, max = 20000, code = "isi_panduan_1_20000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 20000, pattern = "\\S")
    )]
    pub isi_id: String,
    #[validate(
        length(min = 1, max = 20000, code = "isi_panduan_1_20000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 20000, pattern = "\\S")
    )]
    pub isi_en: String,
    /// Order in the list (smaller first).
    #[validate(range(min = 0, max = 1000, code = "urutan_0_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000))]
    pub urutan: i32,
}

/// `DELETE /api/v1/panduan/{slug}?lock_version=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HapusPanduan {
    pub lock_version: i32,
}

fn error(p: Pesan) -> ValidationError {
    crate::validation::error(p)
}

/// A slug: 3–60 of `a-z`, `0-9` and `-`, starting and ending with a letter or digit.
pub fn slug_ok(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=60).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b.first().is_some_and(|c| *c != b'-')
        && b.last().is_some_and(|c| *c != b'-')
}

/// A screen name: 2–30 of `a-z`, `0-9` and `-`, starting with a letter.
pub fn layar_ok(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=30).contains(&b.len())
        && b.first().is_some_and(u8::is_ascii_lowercase)
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

fn slug_sah(s: &str) -> Result<(), ValidationError> {
    if slug_ok(s) {
        Ok(())
    } else {
        Err(error(Pesan::SlugPanduan))
    }
}

fn layar_sah(s: &str) -> Result<(), ValidationError> {
    if layar_ok(s) {
        Ok(())
    } else {
        Err(error(Pesan::LayarPanduan))
    }
}

fn layar_semua_sah(v: &[String]) -> Result<(), ValidationError> {
    v.iter().try_for_each(|s| layar_sah(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_screens() {
        assert!(slug_ok("isi-skp"));
        assert!(!slug_ok("-isi"));
        assert!(!slug_ok("Isi"));
        assert!(!slug_ok("ab"));
        assert!(!slug_ok("a/b"));
        for l in LAYAR_DIKENAL {
            assert!(layar_ok(l), "{l}");
        }
        assert!(!layar_ok("1skp"));
        assert!(!layar_ok("skp,x"));
    }
}
