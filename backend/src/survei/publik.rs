//! The public side of a survey: the form's data and a citizen's answers, without an account.
//! This is Kinerja's first unauthenticated write, so every limit is kept in the database (not
//! in a server's memory), which holds across several servers:
//!
//! - strict validation: every unsur answered 1–4, a service of the survey, profile values from
//!   fixed lists, a suggestion of at most 1000 characters, a small body (413 above);
//! - a honeypot field (`situs_web`): when filled, the answer looks like success and nothing is
//!   stored, so a bot learns nothing;
//! - a per-browser token: its SHA-256 is stored, and a second response to the same survey
//!   within 24 hours is 409;
//! - a per-address limit (`KINERJA_SURVEI_RESPONS_PER_JAM` per survey per hour), counted over
//!   the stored rows by a hash of the address with a server secret; 429 with `Retry-After`
//!   (a counter tablet in kiosk mode, which shares one address with everyone, is exempt);
//! - a per-survey limit (`KINERJA_SURVEI_RESPONS_PER_MENIT` from all addresses together).

use chrono::TimeDelta;
use kinerja_api::Pesan;
use kinerja_api::ikm::{Respons, Unsur};
use kinerja_api::pesan::Bahasa;
use kinerja_api::survei::{
    FormulirSurvei, KirimRespons, PertanyaanFormulir, ResponsDiterima, StatusSurvei, SumberRespons,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use super::kertas::Kertas;
use super::service::{layanan_of, pertanyaan_of};
use crate::auth::tokens::sha256_hex;
use crate::clock;
use crate::entities::{survei, survei_respons, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::state::AppState;

/// The largest body `POST /api/v1/publik/survei/{kode}/respons` reads (413 above).
pub const BATAS_BODY: usize = 8 * 1024;
/// A browser token refuses a second response to the same survey for this long.
const JEDA_TOKEN_JAM: i64 = 24;

/// The survey behind a public code, if it is open: a draft or a closed survey is a 409 with a
/// message for the citizen, an unknown code a 404.
async fn terbuka(db: &impl ConnectionTrait, kode: &str) -> AppResult<survei::Model> {
    let s = survei::Entity::find()
        .filter(survei::Column::Kode.eq(kode))
        .one(db)
        .await?
        .ok_or(AppError::NotFound(super::service::WHAT))?;
    match StatusSurvei::parse(&s.status) {
        Some(StatusSurvei::Dibuka) => Ok(s),
        Some(StatusSurvei::Ditutup) => Err(AppError::conflict(Pesan::SurveiSudahDitutup)),
        _ => Err(AppError::conflict(Pesan::SurveiBelumDibuka)),
    }
}

/// The public form: the unit, the services and the nine questions with their answers.
///
/// # Errors
/// `NotFound` for an unknown code; `Conflict` for a draft or closed survey.
pub async fn formulir(db: &DatabaseConnection, kode: &str) -> AppResult<FormulirSurvei> {
    let s = terbuka(db, kode).await?;
    let unit_nama = units::Entity::find_by_id(s.unit_id)
        .one(db)
        .await?
        .map(|u| u.nama)
        .unwrap_or_default();
    let wording = pertanyaan_of(&s);
    let pertanyaan = Unsur::ALL
        .iter()
        .map(|&u| PertanyaanFormulir {
            unsur: u,
            kode: u.kode().to_owned(),
            nama: u.nama().to_owned(),
            pertanyaan: wording
                .get(&u)
                .cloned()
                .unwrap_or_else(|| u.pertanyaan_bawaan().to_owned()),
            pilihan: u.label_jawaban().iter().map(|l| (*l).to_owned()).collect(),
        })
        .collect();
    Ok(FormulirSurvei {
        layanan: layanan_of(&s),
        kode: s.kode,
        judul: s.judul,
        unit_nama,
        pertanyaan,
    })
}

fn terima_kasih() -> ResponsDiterima {
    ResponsDiterima {
        pesan: Pesan::TerimaKasihSurvei.text(Bahasa::Id),
    }
}

/// The client address hashed with a key derived from the server's JWT secret: equal
/// addresses count together, and the stored value does not reveal the address.
fn ip_hash(state: &AppState, ip: &str) -> String {
    let secret = state
        .settings
        .jwt_secret
        .as_ref()
        .map_or("", |s| s.expose());
    let key = sha256_hex(format!("kinerja-survei-ip\0{secret}").as_bytes());
    sha256_hex(format!("{key}\0{ip}").as_bytes())
}

/// The kiosk key of a survey: derived from the server secret and the survey, so only staff
/// who manage the survey can hand it out (it is shown in the SPA), and it cannot be guessed
/// from the public code. A response carrying it is exempt from the per-address limit (the
/// whole counter shares one address) but not from the per-survey one.
pub fn kunci_kios(state: &AppState, s: &survei::Model) -> String {
    let secret = state
        .settings
        .jwt_secret
        .as_ref()
        .map_or("", |s| s.expose());
    let mut key = sha256_hex(format!("kinerja-survei-kios\0{secret}\0{}", s.id).as_bytes());
    key.truncate(32);
    key
}

/// Stores a citizen's response (see the module's rules).
///
/// # Errors
/// `NotFound`; `Conflict` for a survey that is not open or a token already used within a day;
/// `Validation` for an unknown service; `TooManyRequests` over the per-address limit.
pub async fn kirim(
    state: &AppState,
    kode: &str,
    req: KirimRespons,
    meta: &RequestMeta,
) -> AppResult<ResponsDiterima> {
    let db = &state.db;
    let s = terbuka(db, kode).await?;
    if req
        .situs_web
        .as_deref()
        .is_some_and(|v| !v.trim().is_empty())
    {
        tracing::info!(survei = %s.id, "honeypot filled; response not stored");
        return Ok(terima_kasih());
    }
    let layanan = req.layanan.trim();
    if !layanan_of(&s).iter().any(|l| l == layanan) {
        return Err(AppError::field("layanan", Pesan::LayananTidakDikenal));
    }
    let jawaban = req.jawaban();
    let respons = Respons::baru(jawaban.map(Some))
        .ok()
        .filter(Respons::lengkap)
        .ok_or_else(|| AppError::field("u1", Pesan::JawabanSurvei14))?;
    let now = clock::now();
    let token_hash = sha256_hex(req.token.as_bytes());
    let ip = meta.ip.as_deref().map(|ip| ip_hash(state, ip));

    let txn = db.begin().await?;
    let used = survei_respons::Entity::find()
        .filter(survei_respons::Column::SurveiId.eq(s.id))
        .filter(survei_respons::Column::TokenHash.eq(&token_hash))
        .filter(survei_respons::Column::CreatedAt.gt(now - TimeDelta::hours(JEDA_TOKEN_JAM)))
        .count(&txn)
        .await?;
    if used > 0 {
        return Err(AppError::conflict(Pesan::SudahMengisiSurvei));
    }
    // The counter tablet shares one address with every citizen it serves.
    let dari_kios = req
        .kios
        .as_deref()
        .is_some_and(|k| k == kunci_kios(state, &s));
    let per_survei = state.settings.survei_respons_per_menit;
    if per_survei > 0 {
        let window = now - TimeDelta::minutes(1);
        let recent = survei_respons::Entity::find()
            .filter(survei_respons::Column::SurveiId.eq(s.id))
            .filter(survei_respons::Column::CreatedAt.gt(window))
            .count(&txn)
            .await?;
        if recent >= per_survei {
            return Err(AppError::TooManyRequests {
                retry_after_secs: 60,
                message: Some(Pesan::SurveiSibuk { menit: "1".into() }),
            });
        }
    }
    let limit = state.settings.survei_respons_per_jam;
    if let Some(ip) = &ip
        && limit > 0
        && !dari_kios
    {
        let window = now - TimeDelta::hours(1);
        let recent = survei_respons::Entity::find()
            .filter(survei_respons::Column::SurveiId.eq(s.id))
            .filter(survei_respons::Column::IpHash.eq(ip))
            .filter(survei_respons::Column::CreatedAt.gt(window));
        let n = recent.clone().count(&txn).await?;
        if n >= limit {
            // The limit frees up when the response that put the count over it ages out.
            let freeing = recent
                .order_by_asc(survei_respons::Column::CreatedAt)
                .offset(n - limit)
                .one(&txn)
                .await?
                .map_or(now, |r| r.created_at);
            let wait = (freeing + TimeDelta::hours(1) - now).num_seconds().max(1);
            return Err(AppError::TooManyRequests {
                retry_after_secs: wait.unsigned_abs(),
                message: Some(Pesan::TerlaluBanyakRespons {
                    menit: wait.unsigned_abs().div_ceil(60).to_string(),
                }),
            });
        }
    }
    let mut row = Kertas {
        layanan: layanan.to_owned(),
        respons,
        jenis_kelamin: req.jenis_kelamin,
        usia: req.usia,
        pendidikan: req.pendidikan,
        pekerjaan: req.pekerjaan,
        saran: req.saran,
    }
    .model(s.id, now, SumberRespons::Daring);
    row.token_hash = Set(Some(token_hash));
    row.ip_hash = Set(ip);
    let m = row.insert(&txn).await?;
    super::simpan::catat_perubahan(&txn, s.id, m.id, 1).await?;
    txn.commit().await?;
    super::iki::tandai(db, s.id).await;
    Ok(terima_kasih())
}
