//! Recaps and exports: `/api/v1/rekap`.

use kinerja_api::PageQuery;
use kinerja_api::rekap::{FormatEkspor, RekapAngkaKredit, RekapEvaluasi, RekapSkp, ValidasiSiasn};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// The filters of every recap, as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    pub unit: Option<Uuid>,
    /// Rekap evaluasi only; none: the server's default (the last ended sub-period).
    pub periode_ke: Option<i32>,
}

fn call(path: &str, f: Filter, page: Option<PageQuery>) -> Call {
    let mut q = vec![
        ("unit_id", f.unit.map(|u| u.to_string())),
        ("periode_ke", f.periode_ke.map(|k| k.to_string())),
    ];
    if let Some(p) = page {
        q.push(("page", Some(p.page.to_string())));
        q.push(("per_page", Some(p.per_page.to_string())));
    }
    Call::get(path).query(&q)
}

/// # Errors
/// `not_found` for a unit outside the viewer's subtree; `forbidden` without the role.
pub async fn skp(f: Filter, page: PageQuery) -> Result<RekapSkp, ApiError> {
    client::authed(call(
        "/rekap/skp",
        Filter {
            periode_ke: None,
            ..f
        },
        Some(page),
    ))
    .await
}

/// # Errors
/// As [`skp`]; `validation` for a sub-period outside the rhythm.
pub async fn evaluasi(f: Filter, page: PageQuery) -> Result<RekapEvaluasi, ApiError> {
    client::authed(call("/rekap/evaluasi", f, Some(page))).await
}

/// # Errors
/// As [`skp`].
pub async fn angka_kredit(f: Filter, page: PageQuery) -> Result<RekapAngkaKredit, ApiError> {
    client::authed(call(
        "/rekap/angka-kredit",
        Filter {
            periode_ke: None,
            ..f
        },
        Some(page),
    ))
    .await
}

/// # Errors
/// As [`skp`]; `forbidden` for anyone but the HR office.
pub async fn validasi(f: Filter, page: PageQuery) -> Result<ValidasiSiasn, ApiError> {
    client::authed(call(
        "/rekap/siasn/validasi",
        Filter {
            periode_ke: None,
            ..f
        },
        Some(page),
    ))
    .await
}

/// Downloads a recap's XLSX (`skp`, `evaluasi`, `angka-kredit`).
///
/// # Errors
/// As the preview; `validation` on `unit_id` for a unit too large for one workbook.
pub async fn unduh_xlsx(jenis: &str, f: Filter, on_progress: impl Fn(u64)) -> Result<(), ApiError> {
    let f = if jenis == "evaluasi" {
        f
    } else {
        Filter {
            periode_ke: None,
            ..f
        }
    };
    client::download_progress(
        call(&format!("/rekap/{jenis}.xlsx"), f, None),
        &format!("rekap-{jenis}.xlsx"),
        on_progress,
    )
    .await
}

/// Downloads the national export, streamed.
///
/// # Errors
/// As [`validasi`].
pub async fn unduh_siasn(
    f: Filter,
    format: FormatEkspor,
    on_progress: impl Fn(u64),
) -> Result<(), ApiError> {
    let c = Call::get("/rekap/siasn").query(&[
        ("format", Some(format.as_str().to_owned())),
        ("unit_id", f.unit.map(|u| u.to_string())),
    ]);
    client::download_progress(
        c,
        &format!("siasn-kinerja.{}", format.as_str()),
        on_progress,
    )
    .await
}
