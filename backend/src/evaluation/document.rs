//! Dokumen Evaluasi Kinerja: the official PDF of a set evaluation, numbered, with a QR code to
//! the public verification page, stored with its SHA-256 so that any later change of the file
//! shows on that page.

use chrono::{Datelike, Utc};
use kinerja_api::Pesan;
use kinerja_api::auth::Permission;
use kinerja_api::evaluation::{Predikat, PredikatOrganisasi, Rating};
use kinerja_api::penilaian::{DokumenEvaluasi, VerifikasiDokumen};
use kinerja_api::planning::Skp;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::auth::tokens::{random_token, sha256_hex};
use crate::clock::tanggal_indonesia;
use crate::entities::{dokumen_evaluasi, evaluations, keberatan, org_predikat, periods};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::planning::pdf::{Cell, MARGIN, PAGE_W, Writer, person_rows};
use crate::planning::skp;
use crate::policy;

fn dto(d: dokumen_evaluasi::Model) -> DokumenEvaluasi {
    DokumenEvaluasi {
        nomor: d.nomor,
        kode: d.kode,
        sha256: d.sha256,
        versi_evaluasi: d.versi_evaluasi,
        created_at: d.created_at,
    }
}

/// "TRIWULAN II", "BULAN MARET", "AKHIR" — the period label of the official form.
fn periode_label(period: &periods::Model, k: i32) -> String {
    const BULAN: [&str; 12] = [
        "JANUARI",
        "FEBRUARI",
        "MARET",
        "APRIL",
        "MEI",
        "JUNI",
        "JULI",
        "AGUSTUS",
        "SEPTEMBER",
        "OKTOBER",
        "NOVEMBER",
        "DESEMBER",
    ];
    const ROMAWI: [&str; 4] = ["I", "II", "III", "IV"];
    match (period.ritme.as_str(), k) {
        (_, 0) => format!("AKHIR {}", period.tahun),
        ("triwulanan", k) => format!(
            "TRIWULAN {} {}",
            ROMAWI.get((k - 1) as usize).unwrap_or(&"?"),
            period.tahun
        ),
        ("semesteran", k) => format!(
            "SEMESTER {} {}",
            ROMAWI.get((k - 1) as usize).unwrap_or(&"?"),
            period.tahun
        ),
        (_, k) => format!(
            "BULAN {} {}",
            BULAN.get((k - 1) as usize).unwrap_or(&"?"),
            period.tahun
        ),
    }
}

pub(crate) struct Isi<'a> {
    nomor: &'a str,
    kode: &'a str,
    verify_url: &'a str,
    skp: &'a Skp,
    periode: String,
    eval: &'a evaluations::Model,
    org: Option<PredikatOrganisasi>,
    keberatan: Option<keberatan::Model>,
    /// Names of the files attached to the objection.
    lampiran: Vec<String>,
    tanggal: String,
}

fn render(i: &Isi<'_>) -> AppResult<Vec<u8>> {
    let mut w = Writer::new("Dokumen Evaluasi Kinerja Pegawai")?;
    let full = PAGE_W - 2.0 * MARGIN;
    w.centered(12.0, true, "DOKUMEN EVALUASI KINERJA PEGAWAI");
    w.centered(10.0, true, &format!("PERIODE: {}", i.periode));
    w.centered(9.0, false, &format!("Nomor: {}", i.nomor));
    w.y += 2.0;
    let label = 55.0;
    let blocks = [
        ("1. PEGAWAI YANG DINILAI", Some(&i.skp.pegawai)),
        ("2. PEJABAT PENILAI KINERJA", i.skp.pejabat_penilai.as_ref()),
        (
            "3. ATASAN PEJABAT PENILAI KINERJA",
            i.skp.atasan_pejabat_penilai.as_ref(),
        ),
    ];
    for (title, person) in blocks {
        w.heading(title);
        for (k, v) in person_rows("", person).into_iter().skip(1) {
            w.row(
                &[
                    Cell {
                        width: label,
                        text: &k,
                        bold: false,
                    },
                    Cell {
                        width: full - label,
                        text: &v,
                        bold: false,
                    },
                ],
                9.0,
            );
        }
    }
    let rating = |r: Option<&str>| r.and_then(Rating::parse).map_or("-", Rating::label);
    let predikat = i
        .eval
        .predikat
        .as_deref()
        .and_then(Predikat::parse)
        .map_or("-", Predikat::label);
    w.heading("4. EVALUASI KINERJA");
    let rows = [
        (
            "Capaian Kinerja Organisasi",
            i.org
                .map_or("Belum ditetapkan", PredikatOrganisasi::label)
                .to_owned(),
        ),
        (
            "Rating Hasil Kerja",
            rating(i.eval.rating_hasil.as_deref()).to_owned(),
        ),
        (
            "Rating Perilaku Kerja",
            rating(i.eval.rating_perilaku.as_deref()).to_owned(),
        ),
        ("Predikat Kinerja Pegawai", predikat.to_owned()),
    ];
    for (k, v) in &rows {
        w.row(
            &[
                Cell {
                    width: label,
                    text: k,
                    bold: false,
                },
                Cell {
                    width: full - label,
                    text: v,
                    bold: true,
                },
            ],
            9.0,
        );
    }
    let dash = |s: Option<&str>| s.filter(|s| !s.is_empty()).unwrap_or("-").to_owned();
    let notes = [
        i.eval.catatan_hasil.as_deref(),
        i.eval.catatan_perilaku.as_deref(),
        i.eval.rekomendasi.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let k = i.keberatan.as_ref();
    let sections = [
        ("5. CATATAN / REKOMENDASI", dash(Some(&notes))),
        (
            "6. KEBERATAN",
            dash(
                k.map(|k| {
                    if i.lampiran.is_empty() {
                        k.alasan.clone()
                    } else {
                        format!("{} (Lampiran: {})", k.alasan, i.lampiran.join(", "))
                    }
                })
                .as_deref(),
            ),
        ),
        (
            "7. PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            dash(k.and_then(|k| k.penjelasan.as_deref())),
        ),
        (
            "8. KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            k.and_then(|k| k.keputusan.as_deref()).map_or_else(
                || "-".to_owned(),
                |d| {
                    format!(
                        "{} — {}",
                        if d == "diubah" { "Diubah" } else { "Tetap" },
                        k.and_then(|k| k.catatan_keputusan.clone())
                            .unwrap_or_default()
                    )
                },
            ),
        ),
    ];
    for (title, text) in &sections {
        w.heading(title);
        w.row(
            &[Cell {
                width: full,
                text,
                bold: false,
            }],
            9.0,
        );
    }
    // Signature blocks: the employee and the PPKin.
    w.ensure(45.0);
    w.y += 6.0;
    let half = full / 2.0;
    let top = w.y;
    let name = |p: Option<&kinerja_api::planning::PersonSnapshot>| {
        p.map_or(("-".to_owned(), "-".to_owned()), |p| {
            (p.nama_lengkap.clone(), format!("NIP {}", p.nip))
        })
    };
    let (pn, pnip) = name(Some(&i.skp.pegawai));
    let (rn, rnip) = name(i.skp.pejabat_penilai.as_ref());
    for (x, who, n, nip) in [
        (MARGIN, "Pegawai yang Dinilai", pn, pnip),
        (MARGIN + half, "Pejabat Penilai Kinerja", rn, rnip),
    ] {
        w.text(x, top + 4.0, 9.0, false, &format!("Serang, {}", i.tanggal));
        w.text(x, top + 9.0, 9.0, false, who);
        w.text(x, top + 30.0, 9.0, true, &n);
        w.text(x, top + 35.0, 9.0, false, &nip);
    }
    w.y = top + 42.0;
    // The QR code and the verification address.
    w.ensure(32.0);
    let qr_top = w.y + 2.0;
    w.qr(MARGIN, qr_top, 26.0, i.verify_url)?;
    w.text(
        MARGIN + 30.0,
        qr_top + 8.0,
        8.0,
        false,
        "Verifikasi keaslian dokumen:",
    );
    w.text(MARGIN + 30.0, qr_top + 13.0, 8.0, true, i.verify_url);
    w.text(
        MARGIN + 30.0,
        qr_top + 18.0,
        8.0,
        false,
        &format!("Kode: {}", i.kode),
    );
    w.finish()
}

/// Generates, stores and registers the document of a set evaluation.
///
/// # Errors
/// `Forbidden` for a viewer who only reads ([`access::Akses::makes_documents`]); `NotFound` when the viewer may not
/// read the SKP; `Conflict` for an evaluation in draft; I/O failures of the upload directory.
pub async fn generate(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    public_url: &str,
    viewer: &Viewer,
    eval_id: Uuid,
    meta: &RequestMeta,
) -> AppResult<DokumenEvaluasi> {
    // Without an employee record nor the HR office's permission no document is theirs to
    // make: refused before anything is looked up.
    if viewer.employee_id.is_none() && !policy::can(&viewer.roles, Permission::ManageOrganisation) {
        return Err(AppError::Forbidden);
    }
    let e = evaluations::Entity::find_by_id(eval_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Evaluasi"))?;
    let m = access::find(db, e.skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("Evaluasi"));
    }
    if !access::Akses::of(db, viewer, &m).await?.makes_documents() {
        return Err(AppError::Forbidden);
    }
    if !e.ditetapkan() {
        return Err(AppError::conflict(Pesan::DokumenSetelahDitetapkan));
    }
    let period = crate::planning::periods::find(db, m.period_id).await?;
    let skp_dto = skp::load(db, m.clone()).await?;
    let org = org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(e.unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period.id))
        .filter(org_predikat::Column::PeriodeKe.eq(e.periode_ke))
        .one(db)
        .await?
        .and_then(|o| PredikatOrganisasi::parse(&o.predikat));
    let objection = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(db)
        .await?;
    let lampiran = match &objection {
        Some(k) => super::lampiran::of(db, k.id)
            .await?
            .into_iter()
            .map(|l| l.nama_berkas)
            .collect(),
        None => Vec::new(),
    };
    let today = crate::clock::period_today(db, &period).await?;
    // Reads before this point use the pool: SQLite has one connection, held by the transaction.
    let txn = db.begin().await?;
    let year = today.year();
    let seq = dokumen_evaluasi::Entity::find().count(&txn).await? + 1;
    let nomor = format!("EK/{year}/{seq:06}");
    let kode = random_token()[..20].to_owned();
    let verify_url = format!("{}/verifikasi/{kode}", public_url.trim_end_matches('/'));
    let bytes = render(&Isi {
        nomor: &nomor,
        kode: &kode,
        verify_url: &verify_url,
        skp: &skp_dto,
        periode: periode_label(&period, e.periode_ke),
        eval: &e,
        org,
        lampiran,
        keberatan: objection,
        tanggal: tanggal_indonesia(today),
    })?;
    let key = format!("dokumen/{year}/{kode}.pdf");
    let row = storage
        .store_registered(txn, &key, &bytes, async |txn| {
            let row = dokumen_evaluasi::ActiveModel {
                id: Set(Uuid::now_v7()),
                evaluation_id: Set(e.id),
                nomor: Set(nomor.clone()),
                kode: Set(kode),
                sha256: Set(sha256_hex(&bytes)),
                path: Set(key.clone()),
                versi_evaluasi: Set(e.versi),
                created_by: Set(viewer.user_id),
                created_at: Set(Utc::now()),
            }
            .insert(txn)
            .await?;
            audit::record(
                txn,
                AuditEntry::new("dokumen_evaluasi.dibuat", "evaluasi")
                    .actor(viewer.user_id)
                    .entity(e.id)
                    .after(json!({"nomor": nomor, "sha256": row.sha256})),
                meta,
            )
            .await?;
            Ok(row)
        })
        .await?;
    Ok(dto(row))
}

/// The documents of an evaluation, newest first.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    eval_id: Uuid,
) -> AppResult<Vec<DokumenEvaluasi>> {
    let e = evaluations::Entity::find_by_id(eval_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Evaluasi"))?;
    let m = access::find(db, e.skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("Evaluasi"));
    }
    Ok(dokumen_evaluasi::Entity::find()
        .filter(dokumen_evaluasi::Column::EvaluationId.eq(eval_id))
        .order_by_desc(dokumen_evaluasi::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect())
}

async fn by_code(db: &DatabaseConnection, kode: &str) -> AppResult<dokumen_evaluasi::Model> {
    dokumen_evaluasi::Entity::find()
        .filter(dokumen_evaluasi::Column::Kode.eq(kode))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Dokumen"))
}

/// The stored PDF for readers of the SKP: (file name, bytes).
///
/// # Errors
/// `NotFound` for an unknown code or a viewer who may not read the SKP.
pub async fn download(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    kode: &str,
) -> AppResult<(String, Vec<u8>)> {
    let d = by_code(db, kode).await?;
    let e = evaluations::Entity::find_by_id(d.evaluation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Dokumen"))?;
    let m = access::find(db, e.skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("Dokumen"));
    }
    let bytes = storage.read(&d.path).await?;
    Ok((format!("{}.pdf", d.nomor.replace('/', "-")), bytes))
}

/// Public verification: the number, name, period and predikat, and whether the stored file
/// still matches its recorded hash (a missing file does not).
///
/// # Errors
/// `NotFound` for an unknown code.
pub async fn verify(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    kode: &str,
) -> AppResult<VerifikasiDokumen> {
    let d = by_code(db, kode).await?;
    let e = evaluations::Entity::find_by_id(d.evaluation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Dokumen"))?;
    let m = access::find(db, e.skp_id).await?;
    let period = crate::planning::periods::find(db, m.period_id).await?;
    let owner = crate::entities::employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Dokumen"))?;
    let cocok = storage
        .read_if_present(&d.path)
        .await?
        .is_some_and(|bytes| sha256_hex(&bytes) == d.sha256);
    let predikat = evaluation_predikat_at(db, &e, d.versi_evaluasi).await?;
    Ok(VerifikasiDokumen {
        nomor: d.nomor,
        nama: owner.nama,
        periode: periode_label(&period, e.periode_ke),
        predikat,
        cocok,
    })
}

/// The predikat as it stood in the version the document shows.
async fn evaluation_predikat_at(
    db: &DatabaseConnection,
    e: &evaluations::Model,
    versi: i32,
) -> AppResult<Option<Predikat>> {
    let kept = crate::entities::evaluation_versions::Entity::find()
        .filter(crate::entities::evaluation_versions::Column::EvaluationId.eq(e.id))
        .filter(crate::entities::evaluation_versions::Column::Versi.eq(versi))
        .one(db)
        .await?;
    Ok(kept
        .and_then(|v| v.data["predikat"].as_str().and_then(Predikat::parse))
        .or_else(|| e.predikat.as_deref().and_then(Predikat::parse)))
}

/// The public page: plain HTML (no script, no inline style), readable on a phone that scanned
/// the QR code.
pub fn page(v: Option<&VerifikasiDokumen>) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let body = match v {
        None => "<h1>Dokumen tidak ditemukan</h1><p>Kode verifikasi tidak dikenal.</p>".to_owned(),
        Some(v) => format!(
            "<h1>Verifikasi Dokumen Evaluasi Kinerja</h1>\
             <p><strong>{status}</strong></p>\
             <dl><dt>Nomor</dt><dd>{nomor}</dd><dt>Nama</dt><dd>{nama}</dd>\
             <dt>Periode</dt><dd>{periode}</dd><dt>Predikat</dt><dd>{predikat}</dd></dl>",
            status = if v.cocok {
                "ASLI — isi dokumen sesuai dengan yang diterbitkan."
            } else {
                "TIDAK COCOK — dokumen tersimpan telah berubah atau hilang."
            },
            nomor = esc(&v.nomor),
            nama = esc(&v.nama),
            periode = esc(&v.periode),
            predikat = v.predikat.map_or("-", Predikat::label),
        ),
    };
    format!(
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Verifikasi Dokumen — Kinerja</title></head><body>{body}</body></html>"
    )
}
