//! HTTP routes of the recaps under `/api/v1/rekap`: thin handlers over [`super::service`],
//! the XLSX files ([`super::xlsx`]) and the streamed national export.

use actix_web::http::header;
use actix_web::web::{Bytes, Data, Json};
use actix_web::{HttpResponse, get};
use kinerja_api::PageQuery;
use kinerja_api::rekap::{
    BarisSiasn, EksporQuery, FormatEkspor, KOLOM_SIASN, RekapAngkaKredit, RekapEvaluasi,
    RekapQuery, RekapSkp, VERSI_SIASN, ValidasiSiasn,
};
use sea_orm::DatabaseConnection;
use utoipa_actix_web::service_config::ServiceConfig;

use super::service::{self, Lingkup, MAKS_XLSX};
use super::{TAG, xlsx};
use crate::auth::{ViewerWith, perm};
use crate::error::{AppError, AppResult};
use crate::extract::ValidatedQuery;
use crate::problems::{BadRequest, Forbidden, Invalid, NotFound, Unauthorized};
use crate::replika::Baca;
use crate::state::AppState;
use crate::telemetry::spawn_blocking_with_tracing;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/rekap")
            .service(skp)
            .service(skp_xlsx)
            .service(evaluasi)
            .service(evaluasi_xlsx)
            .service(angka_kredit)
            .service(angka_kredit_xlsx)
            .service(validasi)
            .service(siasn),
    );
}

/// Rekap SKP (preview)
///
/// A page of the active employees of the unit and below, by unit and name, each with the
/// latest SKP version of the period (status, local days of submission and approval) and its
/// PPKin: the rows of `skp.xlsx`. For the HR office (any unit) and pimpinan (their unit and
/// below; another unit is 404); others 403.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery, PageQuery),
    responses((status = 200, body = RekapSkp), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/skp")]
pub async fn skp(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<RekapSkp>> {
    Ok(Json(service::skp(&bacaan, &viewer, q, page).await?))
}

/// Rekap SKP (XLSX)
///
/// The same rows as the preview, all of them (at most 20 000; a larger unit is 422 on
/// `unit_id`), under the instansi, unit, period and print date. Same access as the preview.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Invalid, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/skp.xlsx")]
pub async fn skp_xlsx(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    Baca(bacaan): Baca,
) -> AppResult<HttpResponse> {
    let l = service::lingkup(&bacaan, &viewer, q.unit_id, q.periode_id).await?;
    let (rows, total) = service::skp_baris(&bacaan, &l, MAKS_XLSX + 1, 0).await?;
    service::batas_xlsx(total)?;
    let k = l.kepala("rekap-skp", None, "xlsx");
    let name = k.nama_berkas.clone();
    let bytes = spawn_blocking_with_tracing(move || xlsx::skp(&k, &rows)).await??;
    Ok(crate::http::xlsx_download(bytes, &name))
}

/// Rekap evaluasi (preview)
///
/// A page of the active employees of the unit and below with the set evaluation of the
/// sub-period (`periode_ke`; 0 the annual one; the last ended sub-period when left out): the
/// two ratings and the predikat. With the predikat per unit (its own staff, then each direct
/// sub-unit with everything below it) and the distribution check of the organisation predikat
/// that governs the unit, as on the evaluation pages. Same access as the rekap SKP.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery, PageQuery),
    responses((status = 200, body = RekapEvaluasi), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/evaluasi")]
pub async fn evaluasi(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<RekapEvaluasi>> {
    Ok(Json(
        service::evaluasi(&bacaan, state.kebijakan, &viewer, q, page).await?,
    ))
}

/// Rekap evaluasi (XLSX)
///
/// Sheet `Rekap Evaluasi` (the preview's rows, all of them, at most 20 000) and sheet
/// `Distribusi` (predikat per unit and the distribution check). Same access as the preview.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Invalid, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/evaluasi.xlsx")]
pub async fn evaluasi_xlsx(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    Baca(bacaan): Baca,
) -> AppResult<HttpResponse> {
    let l = service::lingkup(&bacaan, &viewer, q.unit_id, q.periode_id).await?;
    let k = service::periode_ke(&l, q.periode_ke)?;
    let (rows, total) = service::evaluasi_baris(&bacaan, &l, k, MAKS_XLSX + 1, 0).await?;
    service::batas_xlsx(total)?;
    let (per_unit, pola) = service::sebaran(&bacaan, state.kebijakan, &l, k).await?;
    let kepala = l.kepala("rekap-evaluasi", Some(k), "xlsx");
    let name = kepala.nama_berkas.clone();
    let bytes = spawn_blocking_with_tracing(move || {
        xlsx::evaluasi(&kepala, &rows, &per_unit, pola.as_ref())
    })
    .await??;
    Ok(crate::http::xlsx_download(bytes, &name))
}

/// Rekap angka kredit (preview)
///
/// A page of the employees of the unit and below in a jabatan fungsional (a jenjang with a
/// yearly coefficient): the annual predikat, or the set sub-periods, and the angka kredit of
/// the year by PerBKN 3/2023 (percent of the predikat × the coefficient × months / 12). Same
/// access as the rekap SKP.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery, PageQuery),
    responses((status = 200, body = RekapAngkaKredit), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/angka-kredit")]
pub async fn angka_kredit(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<RekapAngkaKredit>> {
    Ok(Json(
        service::angka_kredit(&bacaan, &viewer, q, page).await?,
    ))
}

/// Rekap angka kredit (XLSX)
///
/// The preview's rows, all of them (at most 20 000). Same access as the preview.
#[utoipa::path(
    tag = TAG,
    params(RekapQuery),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Invalid, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/angka-kredit.xlsx")]
pub async fn angka_kredit_xlsx(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    Baca(bacaan): Baca,
) -> AppResult<HttpResponse> {
    let l = service::lingkup(&bacaan, &viewer, q.unit_id, q.periode_id).await?;
    let (rows, total) = service::angka_kredit_baris(&bacaan, &l, MAKS_XLSX + 1, 0).await?;
    service::batas_xlsx(total)?;
    let k = l.kepala("rekap-angka-kredit", None, "xlsx");
    let name = k.nama_berkas.clone();
    let bytes = spawn_blocking_with_tracing(move || xlsx::angka_kredit(&k, &rows)).await??;
    Ok(crate::http::xlsx_download(bytes, &name))
}

/// Validation of the national export
///
/// How many active employees of the unit and below the export holds, and a page of those it
/// cannot hold yet, each with every reason: no approved SKP, the annual evaluation not set or
/// incomplete, neither its assessor nor the SKP's PPKin known, an objection still undecided.
/// For the HR office only (pimpinan and pegawai 403).
#[utoipa::path(
    tag = TAG,
    params(RekapQuery, PageQuery),
    responses((status = 200, body = ValidasiSiasn), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/siasn/validasi")]
pub async fn validasi(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<RekapQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<ValidasiSiasn>> {
    Ok(Json(service::validasi(&bacaan, &viewer, q, page).await?))
}

/// Employees read per statement of the streamed export. Debug builds (the tests) read pages of
/// 7, so that every test export crosses page boundaries of the keyset.
const HALAMAN: u64 = if cfg!(debug_assertions) { 7 } else { 500 };

/// Where the streamed export stands.
struct Aliran {
    db: DatabaseConnection,
    l: Lingkup,
    format: FormatEkspor,
    /// The last NIP written (keyset).
    setelah: String,
    awal: bool,
    selesai: bool,
    /// No JSON row written yet (no comma before the next).
    kosong: bool,
}

fn csv_baris(rows: &[BarisSiasn], head: bool) -> AppResult<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Unexpected(anyhow::Error::new(e).context("CSV export"));
    if head {
        w.write_record(KOLOM_SIASN).map_err(fail)?;
    }
    for r in rows {
        w.serialize(r).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("CSV export: {e}")))
}

impl Aliran {
    /// The next chunk: the head first, then one keyset page, then the end of the document.
    async fn berikut(&mut self) -> AppResult<Bytes> {
        let mut buf = Vec::new();
        let head = std::mem::take(&mut self.awal);
        if head && self.format == FormatEkspor::Json {
            let k = self.l.kepala("siasn-kinerja", None, "json");
            let meta = serde_json::json!({
                "versi": VERSI_SIASN,
                "instansi": k.instansi,
                "unit": k.unit,
                "tahun": k.tahun,
                "periode_mulai": self.l.c.period.mulai,
                "periode_selesai": self.l.c.period.selesai,
                "dibuat": k.dicetak,
                "kolom": KOLOM_SIASN,
            });
            let text = meta.to_string();
            // The object without its closing brace, then the rows' array.
            buf.extend_from_slice(text.trim_end_matches('}').as_bytes());
            buf.extend_from_slice(b",\"baris\":[");
        }
        let (rows, last) =
            service::siasn_halaman(&self.db, &self.l, &self.setelah, HALAMAN).await?;
        match self.format {
            FormatEkspor::Csv => buf.extend(csv_baris(&rows, head)?),
            FormatEkspor::Json => {
                for r in &rows {
                    if !std::mem::take(&mut self.kosong) {
                        buf.push(b',');
                    }
                    buf.push(b'\n');
                    serde_json::to_writer(&mut buf, r).map_err(|e| {
                        AppError::Unexpected(anyhow::Error::new(e).context("JSON export"))
                    })?;
                }
            }
        }
        match last {
            Some(nip) => self.setelah = nip,
            None => {
                self.selesai = true;
                if self.format == FormatEkspor::Json {
                    buf.extend_from_slice(b"\n]}\n");
                }
            }
        }
        Ok(Bytes::from(buf))
    }
}

/// National export (SIASN / e-Kinerja)
///
/// One row per active employee of the unit and below who passes the validation: NIP, name,
/// the period, the two ratings and the predikat of the annual evaluation, and the NIP of the
/// PPKin who set it, in layout `kinerja-siasn-1` (docs/rekap.md; the `versi` column and
/// field). CSV (header row, comma separated, UTF-8) or JSON (an object with the layout's
/// metadata and `baris`). Streamed in pages by NIP, never held whole; the file name carries
/// the unit and year. For the HR office only.
#[utoipa::path(
    tag = TAG,
    params(EksporQuery),
    responses(
        (status = 200, description = "The export", content(
            (String = "text/csv"),
            (String = "application/json")
        )),
        BadRequest, Invalid, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/siasn")]
pub async fn siasn(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<EksporQuery>,
    Baca(bacaan): Baca,
) -> AppResult<HttpResponse> {
    service::boleh_ekspor(&viewer)?;
    let l = service::lingkup(&bacaan, &viewer, q.unit_id, q.periode_id).await?;
    let (ext, mime) = match q.format {
        FormatEkspor::Csv => ("csv", "text/csv; charset=utf-8"),
        FormatEkspor::Json => ("json", "application/json"),
    };
    let name = l.kepala("siasn-kinerja", None, ext).nama_berkas;
    let aliran = Aliran {
        db: bacaan.clone(),
        l,
        format: q.format,
        setelah: String::new(),
        awal: true,
        selesai: false,
        kosong: true,
    };
    let stream = futures_util::stream::unfold(aliran, |mut a| async move {
        if a.selesai {
            return None;
        }
        let chunk = a.berikut().await;
        if chunk.is_err() {
            a.selesai = true;
        }
        Some((chunk, a))
    });
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(stream))
}
