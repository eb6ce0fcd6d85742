//! Realisasi against the approved SKP, per evaluation sub-period (month, quarter or semester).
//!
//! A sub-period stays editable until its last day plus the period's `jeda_kunci_realisasi_hari`;
//! then it is locked, unless the admin unlocked it for that SKP until a date (audited). Capaian
//! is derived from the raw value, the sub-period's target (the rencana aksi target, else the
//! yearly target split by its nature, see [`super::tahun`]) and the indicator's direction; it is
//! information for the superior, not a rating. Each sub-period is read from the SKP version in
//! force for it, whichever version the client names.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use kinerja_api::Pesan;
use kinerja_api::measurement::{
    CAPAIAN_TAMPIL_MAKS, PeriodeKeQuery, RealisasiRow, RealisasiSheet, RealisasiValue, RencanaAksi,
    RhkCapaian, SaveRealisasi, SaveRencanaAksi, UnlockPeriode,
};
use kinerja_api::planning::{Arah, Ritme};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{period_unlocks, periods, realisasi, rencana_aksi, skp_iki, skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::planning::versi::Versions;

use super::tahun::Tahun;

/// Number of sub-periods of a rhythm.
pub fn jumlah_periode(ritme: Ritme) -> i32 {
    match ritme {
        Ritme::Bulanan => 12,
        Ritme::Triwulanan => 4,
        Ritme::Semesteran => 2,
    }
}

/// First and last day of sub-period `k` of the year, clamped to the period's dates.
pub fn bounds(period: &periods::Model, k: i32) -> Option<(NaiveDate, NaiveDate)> {
    let ritme = Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan);
    let n = jumlah_periode(ritme);
    if !(1..=n).contains(&k) {
        return None;
    }
    let months = 12 / n;
    let year = period.mulai.year();
    let first_month = (k - 1) * months + 1;
    let start = NaiveDate::from_ymd_opt(year, first_month as u32, 1)?;
    let next = if first_month + months > 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, (first_month + months) as u32, 1)?
    };
    Some((
        start.max(period.mulai),
        (next - Duration::days(1)).min(period.selesai),
    ))
}

struct Context {
    skp: skps::Model,
    period: periods::Model,
    /// The year's versions, read to find `skp`; the sheet reuses them.
    versions: Versions,
    mulai: NaiveDate,
    selesai: NaiveDate,
    batas: NaiveDate,
    dibuka_sampai: Option<NaiveDate>,
    terkunci: bool,
}

/// Sub-period `k` of the year of `skp_id`'s employee, on the SKP version in force for it.
async fn context(db: &impl ConnectionTrait, skp_id: Uuid, k: i32) -> AppResult<Context> {
    let (skp, period, versions) =
        crate::planning::versi::resolve_with_versions(db, access::find(db, skp_id).await?, k)
            .await?;
    let (mulai, selesai) = bounds(&period, k)
        .ok_or_else(|| AppError::field("periode_ke", Pesan::PeriodeDiLuarRitme))?;
    let batas = selesai + Duration::days(i64::from(period.jeda_kunci_realisasi_hari));
    let today = crate::clock::period_today(db, &period).await?;
    let dibuka_sampai = period_unlocks::Entity::find()
        .filter(period_unlocks::Column::SkpId.eq(skp.id))
        .filter(period_unlocks::Column::PeriodeKe.eq(k))
        .order_by_desc(period_unlocks::Column::Sampai)
        .one(db)
        .await?
        .map(|u| u.sampai)
        .filter(|s| *s >= today);
    let terkunci = today > batas && dibuka_sampai.is_none();
    Ok(Context {
        skp,
        period,
        versions,
        mulai,
        selesai,
        batas,
        dibuka_sampai,
        terkunci,
    })
}

/// The sheet of one sub-period, from the SKP version in force for it (whichever version of the
/// employee's SKP `skp_id` names).
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP; `Validation` for a sub-period outside the
/// rhythm.
pub async fn sheet(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    skp_id: Uuid,
    q: PeriodeKeQuery,
) -> AppResult<RealisasiSheet> {
    let k = q.periode_ke;
    let ctx = context(db, skp_id, k).await?;
    if !access::can_follow(db, viewer, &ctx.skp).await? {
        return Err(AppError::NotFound("SKP"));
    }
    lembar(db, ctx, k).await
}

/// The sheet of sub-period `k` from its context: a write answers with the context it checked
/// (a realisasi or a rencana aksi changes neither the SKP nor its period nor the lock).
async fn lembar(db: &impl ConnectionTrait, ctx: Context, k: i32) -> AppResult<RealisasiSheet> {
    let tahun = Tahun::load_in(db, ctx.period.clone(), &ctx.skp, ctx.versions).await?;
    let realisasi_ids: Vec<Uuid> = tahun
        .rhk_of(ctx.skp.id)
        .flat_map(|r| tahun.iki_of(r.id))
        .filter_map(|i| tahun.realisasi(i.id, k).map(|v| v.id))
        .collect();
    let mut bukti: HashMap<Uuid, Vec<kinerja_api::measurement::BuktiDukung>> = HashMap::new();
    for b in crate::entities::bukti_dukung::Entity::find()
        .filter(crate::entities::bukti_dukung::Column::RealisasiId.is_in(realisasi_ids))
        .order_by_asc(crate::entities::bukti_dukung::Column::CreatedAt)
        .all(db)
        .await?
    {
        bukti
            .entry(b.realisasi_id)
            .or_default()
            .push(super::evidence::dto(b));
    }
    let mean = |v: &[f64]| (!v.is_empty()).then(|| round2(v.iter().sum::<f64>() / v.len() as f64));
    let mut rows = Vec::new();
    let mut per_rhk: Vec<RhkCapaian> = Vec::new();
    let mut ytd = Vec::new();
    for r in tahun.rhk_of(ctx.skp.id) {
        let mut known = Vec::new();
        for i in tahun.iki_of(r.id) {
            let arah = Arah::parse(&i.arah).unwrap_or(Arah::Naik);
            let plan = tahun.rencana(i.id, k);
            let value = tahun.realisasi(i.id, k);
            let c = tahun.capaian(i, k);
            known.extend(c.map(|c| c.min(CAPAIAN_TAMPIL_MAKS)));
            let sampai = tahun.sampai(i, k);
            ytd.extend(sampai.capaian.map(|c| c.min(CAPAIAN_TAMPIL_MAKS)));
            rows.push(RealisasiRow {
                iki_id: i.id,
                rhk_id: r.id,
                rhk: r.deskripsi.clone(),
                jenis_rhk: kinerja_api::planning::JenisRhk::parse(&r.jenis)
                    .unwrap_or(kinerja_api::planning::JenisRhk::Utama),
                aspek: i
                    .aspek
                    .as_deref()
                    .and_then(kinerja_api::planning::Aspek::parse),
                indikator: i.indikator.clone(),
                target_nilai: i.target_nilai,
                target_satuan: i.target_satuan.clone(),
                target_naratif: i.target_naratif.clone(),
                arah,
                rencana_aksi: plan.map(|p| RencanaAksi {
                    uraian: p.uraian.clone(),
                    target_nilai: p.target_nilai,
                }),
                realisasi: value.map(|v| RealisasiValue {
                    nilai: v.nilai,
                    naratif: v.naratif.clone(),
                    dasar: v.dasar.clone(),
                    sumber: v.sumber.clone(),
                    updated_at: v.updated_at,
                }),
                target_periode: tahun.target(i, k),
                capaian: c,
                capaian_tampil: c.map(|c| c.min(CAPAIAN_TAMPIL_MAKS)),
                sampai_periode_ini: sampai,
                bukti: value
                    .and_then(|v| bukti.get(&v.id))
                    .cloned()
                    .unwrap_or_default(),
            });
        }
        per_rhk.push(RhkCapaian {
            rhk_id: r.id,
            rhk: r.deskripsi.clone(),
            capaian: mean(&known),
        });
    }
    let known: Vec<f64> = per_rhk.iter().filter_map(|r| r.capaian).collect();
    Ok(RealisasiSheet {
        skp_id: ctx.skp.id,
        versi: ctx.skp.versi,
        periode_ke: k,
        jumlah_periode: tahun.n,
        mulai: ctx.mulai,
        selesai: ctx.selesai,
        batas_kunci: ctx.batas,
        terkunci: ctx.terkunci,
        dibuka_sampai: ctx.dibuka_sampai,
        rows,
        rhk: per_rhk,
        capaian_skp: mean(&known),
        capaian_sampai_periode_ini: mean(&ytd),
    })
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Checks that the viewer owns an approved SKP whose sub-period is open, and that the IKI is
/// one of its indicators.
///
/// # Errors
/// As [`save_realisasi`].
pub async fn check_writable(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
) -> AppResult<()> {
    writable(db, viewer, skp_id, iki_id, k).await.map(|_| ())
}

async fn writable(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
) -> AppResult<Context> {
    let ctx = context(db, skp_id, k).await?;
    access::require_owner(db, viewer, &ctx.skp).await?;
    if !crate::planning::versi::approved(&ctx.skp) {
        return Err(AppError::conflict(Pesan::RealisasiHanyaSkpDisetujui));
    }
    if ctx.terkunci {
        return Err(AppError::conflict(Pesan::PeriodeTerkunci {
            // ISO: the catalogue writes the date out in the reader's language.
            sejak: (ctx.batas + Duration::days(1)).to_string(),
        }));
    }
    // One statement: the IKI is one of this version's.
    let rhk_of_skp = sea_orm::sea_query::Query::select()
        .column(skp_rhk::Column::Id)
        .from(skp_rhk::Entity)
        .and_where(skp_rhk::Column::SkpId.eq(ctx.skp.id))
        .to_owned();
    let found = skp_iki::Entity::find_by_id(iki_id)
        .filter(skp_iki::Column::RhkId.in_subquery(rhk_of_skp))
        .count(db)
        .await?;
    if found == 0 {
        return Err(AppError::NotFound("Indikator"));
    }
    Ok(ctx)
}

/// Saves the employee's realisasi of one IKI in one sub-period.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` when the SKP is not approved or the
/// sub-period is locked; `NotFound` for an IKI of another SKP.
pub async fn save_realisasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
    req: SaveRealisasi,
    meta: &RequestMeta,
) -> AppResult<RealisasiSheet> {
    let txn = db.begin().await?;
    let ctx = writable(&txn, viewer, skp_id, iki_id, k).await?;
    crate::survei::iki::tolak_isian_pegawai(&txn, iki_id).await?;
    let clean = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let existing = realisasi::Entity::find()
        .filter(realisasi::Column::IkiId.eq(iki_id))
        .filter(realisasi::Column::PeriodeKe.eq(k))
        .one(&txn)
        .await?;
    let before = existing
        .as_ref()
        .map(|e| json!({"nilai": e.nilai, "naratif": e.naratif, "sumber": e.sumber}));
    let now = Utc::now();
    match existing {
        Some(e) => {
            let mut active: realisasi::ActiveModel = e.into();
            active.nilai = Set(req.nilai);
            active.naratif = Set(clean(req.naratif.clone()));
            active.dasar = Set(clean(req.dasar.clone()));
            active.sumber = Set("pegawai".to_owned());
            active.client_id = Set(None);
            active.updated_by = Set(Some(viewer.user_id));
            active.updated_at = Set(now);
            active.update(&txn).await?;
        }
        None => {
            realisasi::ActiveModel {
                id: Set(Uuid::now_v7()),
                iki_id: Set(iki_id),
                periode_ke: Set(k),
                nilai: Set(req.nilai),
                naratif: Set(clean(req.naratif.clone())),
                dasar: Set(clean(req.dasar.clone())),
                sumber: Set("pegawai".to_owned()),
                client_id: Set(None),
                updated_by: Set(Some(viewer.user_id)),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
    }
    // The chain of the SKP's instansi, which the context read: no lookup of the actor's.
    let mut entry = AuditEntry::new("realisasi.saved", "iki")
        .instansi(ctx.period.instansi_id)
        .actor(viewer.user_id)
        .entity(iki_id)
        .after(json!({"periode_ke": k, "nilai": req.nilai, "naratif": req.naratif}));
    if let Some(b) = before {
        entry = entry.before(b);
    }
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    lembar(db, ctx, k).await
}

/// Saves the rencana aksi of one IKI in one sub-period.
///
/// # Errors
/// As [`save_realisasi`].
pub async fn save_rencana_aksi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
    req: SaveRencanaAksi,
    meta: &RequestMeta,
) -> AppResult<RealisasiSheet> {
    let txn = db.begin().await?;
    let ctx = writable(&txn, viewer, skp_id, iki_id, k).await?;
    let existing = rencana_aksi::Entity::find()
        .filter(rencana_aksi::Column::IkiId.eq(iki_id))
        .filter(rencana_aksi::Column::PeriodeKe.eq(k))
        .one(&txn)
        .await?;
    let now = Utc::now();
    match existing {
        Some(e) => {
            let mut active: rencana_aksi::ActiveModel = e.into();
            active.uraian = Set(req.uraian.trim().to_owned());
            active.target_nilai = Set(req.target_nilai);
            active.updated_at = Set(now);
            active.update(&txn).await?;
        }
        None => {
            rencana_aksi::ActiveModel {
                id: Set(Uuid::now_v7()),
                iki_id: Set(iki_id),
                periode_ke: Set(k),
                uraian: Set(req.uraian.trim().to_owned()),
                target_nilai: Set(req.target_nilai),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
    }
    audit::record(
        &txn,
        AuditEntry::new("rencana_aksi.saved", "iki")
            .instansi(ctx.period.instansi_id)
            .actor(viewer.user_id)
            .entity(iki_id)
            .after(
                json!({"periode_ke": k, "uraian": req.uraian, "target_nilai": req.target_nilai}),
            ),
        meta,
    )
    .await?;
    txn.commit().await?;
    lembar(db, ctx, k).await
}

/// The admin keeps one SKP's locked sub-period editable until a date.
///
/// # Errors
/// `Validation` for a date in the past or a sub-period outside the rhythm.
pub async fn unlock(
    db: &DatabaseConnection,
    actor: Uuid,
    skp_id: Uuid,
    req: UnlockPeriode,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let ctx = context(&txn, skp_id, req.periode_ke).await?;
    let skp_id = ctx.skp.id;
    if req.sampai < crate::clock::period_today(&txn, &ctx.period).await? {
        return Err(AppError::field("sampai", Pesan::TanggalLampau));
    }
    period_unlocks::ActiveModel {
        id: Set(Uuid::now_v7()),
        skp_id: Set(skp_id),
        periode_ke: Set(req.periode_ke),
        sampai: Set(req.sampai),
        alasan: Set(req.alasan.trim().to_owned()),
        created_by: Set(actor),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("realisasi.unlocked", "skp")
            .actor(actor)
            .entity(skp_id)
            .after(json!({"periode_ke": req.periode_ke, "sampai": req.sampai}))
            .reason(Some(req.alasan)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(ritme: &str) -> periods::Model {
        periods::Model {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            tahun: 2026,
            mulai: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            selesai: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            ritme: ritme.into(),
            batas_penetapan_skp: None,
            jeda_kunci_realisasi_hari: 5,
            batas_evaluasi_tahunan: None,
            jendela_keberatan_hari: 14,
            status: "dibuka".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            lock_version: 1,
        }
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn sub_periods_follow_the_rhythm() {
        assert_eq!(bounds(&period("bulanan"), 2), Some((d(2, 1), d(2, 28))));
        assert_eq!(bounds(&period("bulanan"), 12), Some((d(12, 1), d(12, 31))));
        assert_eq!(bounds(&period("triwulanan"), 3), Some((d(7, 1), d(9, 30))));
        assert_eq!(bounds(&period("semesteran"), 2), Some((d(7, 1), d(12, 31))));
        assert_eq!(bounds(&period("triwulanan"), 5), None);
        assert_eq!(bounds(&period("bulanan"), 0), None);
    }
}
