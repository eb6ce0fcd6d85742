//! Recomputing a survey's IKM and landing it as realisasi on the IKIs bound to its unit
//! (docs/ikm.md, "Feeding the SKP").
//!
//! The survey's span (a quarter, a half-year or the year) covers the realisasi sub-periods of
//! the period's rhythm whose last day falls in it; a sub-period that a narrower survey of the
//! same unit also covers takes that one's IKM (the quarter, not the year). Only sub-periods
//! that have begun and are not locked are written, each on the SKP version in force for it.
//! The value is the IKM at full precision, with source `survei` and the survey named.
//!
//! The job claims a marked survey with a conditional update, so that of several servers only
//! one recomputes it; a claim that never finished (a server stopped mid-way) is taken again
//! after [`KLAIM_BASI_DETIK`]. A fixed number of queries per survey, whatever the number of
//! bound IKIs; the responses are read as nine small integers each.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, TimeDelta};
use kinerja_api::ikm::{self, HasilIkm, ParameterIkm, Respons, dua_desimal};
use kinerja_api::planning::Ritme;
use kinerja_api::survei::{JenisPeriodeSurvei, StatusSurvei};
use kinerja_api::survei_iki::{SUMBER_SURVEI, kunci_data, unit_dari_kunci};
use sea_orm::sea_query::{Condition, Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::clock;
use crate::entities::{
    iki_data_keys, iki_survei_tertunda, period_unlocks, periods, realisasi, skp_iki, skp_rhk, skps,
    survei, survei_hitung, survei_respons,
};
use crate::error::AppResult;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::planning::versi::{Versions, approved};

/// A claim older than this is taken to have died with its server.
pub const KLAIM_BASI_DETIK: i64 = 120;
/// Surveys recomputed per job run at most; the rest wait for the next run.
const PER_PUTARAN: u64 = 100;
/// Rows per bulk statement.
const CHUNK: usize = 500;

/// Whether a locked sub-period may be written: only the demo, building a year already lived,
/// writes past the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kunci {
    Hormati,
    Abaikan,
}

/// First and last day of the survey's span within the period.
fn rentang(s: &survei::Model, period: &periods::Model) -> Option<(NaiveDate, NaiveDate)> {
    let (bulan_awal, jumlah) = match JenisPeriodeSurvei::parse(&s.jenis_periode)? {
        JenisPeriodeSurvei::Triwulan => ((s.periode_ke - 1) * 3 + 1, 3),
        JenisPeriodeSurvei::Semester => ((s.periode_ke - 1) * 6 + 1, 6),
        JenisPeriodeSurvei::Tahun => (1, 12),
    };
    let year = period.mulai.year();
    let awal = NaiveDate::from_ymd_opt(year, u32::try_from(bulan_awal).ok()?, 1)?;
    let akhir = if bulan_awal + jumlah > 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, u32::try_from(bulan_awal + jumlah).ok()?, 1)?
    } - Duration::days(1);
    Some((awal.max(period.mulai), akhir.min(period.selesai)))
}

fn lebar(s: &survei::Model) -> u8 {
    match JenisPeriodeSurvei::parse(&s.jenis_periode) {
        Some(JenisPeriodeSurvei::Triwulan) => 1,
        Some(JenisPeriodeSurvei::Semester) => 2,
        _ => 3,
    }
}

/// The realisasi sub-periods `s` feeds: their last day in its span, begun by `today`, and not
/// covered by a narrower survey among `lain` (the other surveys of the unit and period).
fn sasaran(
    s: &survei::Model,
    lain: &[survei::Model],
    period: &periods::Model,
    today: NaiveDate,
) -> Vec<i32> {
    let Some((awal, akhir)) = rentang(s, period) else {
        return Vec::new();
    };
    let n = jumlah_periode(Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan));
    (1..=n)
        .filter(|k| {
            bounds(period, *k).is_some_and(|(mulai, selesai)| {
                awal <= selesai
                    && selesai <= akhir
                    && mulai <= today
                    && !lain.iter().any(|o| {
                        lebar(o) < lebar(s)
                            && rentang(o, period).is_some_and(|(a, b)| a <= selesai && selesai <= b)
                    })
            })
        })
        .collect()
}

/// The result of a survey's valid responses.
///
/// # Errors
/// On a database failure.
pub async fn hasil_survei(db: &impl ConnectionTrait, s: &survei::Model) -> AppResult<HasilIkm> {
    type Baris = (
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
        Option<i16>,
    );
    use survei_respons::Column as C;
    let rows: Vec<Baris> = survei_respons::Entity::find()
        .select_only()
        .columns([
            C::U1,
            C::U2,
            C::U3,
            C::U4,
            C::U5,
            C::U6,
            C::U7,
            C::U8,
            C::U9,
        ])
        .filter(C::SurveiId.eq(s.id))
        .filter(C::DibatalkanAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let u8_of = |v: Option<i16>| v.and_then(|v| u8::try_from(v).ok());
    let respons: Vec<Respons> = rows
        .into_iter()
        .filter_map(|r| {
            // Stored answers were validated on the way in; one that is not is left out.
            Respons::baru([r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8].map(u8_of)).ok()
        })
        .collect();
    let populasi = s.populasi.and_then(|p| u32::try_from(p).ok());
    Ok(ikm::hitung_respons(
        &respons,
        populasi,
        &ParameterIkm::default(),
    ))
}

/// What the realisasi rests on, in the employee's sheet: the survey, its code, the IKM as
/// published and the sample.
fn dasar(s: &survei::Model, h: &HasilIkm) -> String {
    let ikm = h.ikm.map_or_else(
        || "belum ada respons yang sah".to_owned(),
        |v| format!("IKM {}", format!("{:.2}", dua_desimal(v)).replace('.', ",")),
    );
    let sampel = if h.sampel_cukup == Some(false) {
        "; sampel belum mencukupi"
    } else {
        ""
    };
    format!(
        "Survei Kepuasan Masyarakat \"{}\" (kode {}): {ikm}, {} responden{sampel}",
        s.judul, s.kode, h.responden
    )
}

/// Recomputes survey `survei_id` and lands its IKM on every IKI bound to its unit, in one
/// transaction. Returns the number of realisasi written.
///
/// # Errors
/// On a database failure.
pub async fn hitung(db: &DatabaseConnection, survei_id: Uuid, kunci: Kunci) -> AppResult<usize> {
    let txn = db.begin().await?;
    let written = hitung_dalam(&txn, survei_id, kunci).await?;
    survei_hitung::Entity::update_many()
        .col_expr(survei_hitung::Column::DihitungAt, Expr::value(clock::now()))
        .filter(survei_hitung::Column::SurveiId.eq(survei_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(written)
}

async fn hitung_dalam(
    txn: &impl ConnectionTrait,
    survei_id: Uuid,
    kunci: Kunci,
) -> AppResult<usize> {
    let Some(s) = survei::Entity::find_by_id(survei_id).one(txn).await? else {
        return Ok(0);
    };
    // The bound IKIs first: a survey nobody's SKP takes is not worth reading.
    let iki_ids: Vec<Uuid> = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::DataKey.eq(kunci_data(s.unit_id)))
        .all(txn)
        .await?
        .into_iter()
        .map(|k| k.iki_id)
        .collect();
    if iki_ids.is_empty() {
        return Ok(0);
    }
    let period = crate::planning::periods::find(txn, s.period_id).await?;
    let today = clock::period_today(txn, &period).await?;
    let lain = survei::Entity::find()
        .filter(survei::Column::UnitId.eq(s.unit_id))
        .filter(survei::Column::PeriodId.eq(s.period_id))
        .filter(survei::Column::Id.ne(s.id))
        .filter(survei::Column::Status.ne(StatusSurvei::Draft.as_str()))
        .all(txn)
        .await?;
    let targets = sasaran(&s, &lain, &period, today);
    if targets.is_empty() {
        return Ok(0);
    }

    let mut iki = Vec::new();
    for chunk in iki_ids.chunks(CHUNK) {
        iki.extend(
            skp_iki::Entity::find()
                .filter(skp_iki::Column::Id.is_in(chunk.iter().copied()))
                .all(txn)
                .await?,
        );
    }
    let mut rhk_skp: HashMap<Uuid, Uuid> = HashMap::new();
    let rhk_ids: Vec<Uuid> = iki
        .iter()
        .map(|i| i.rhk_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    for chunk in rhk_ids.chunks(CHUNK) {
        for r in skp_rhk::Entity::find()
            .filter(skp_rhk::Column::Id.is_in(chunk.iter().copied()))
            .all(txn)
            .await?
        {
            rhk_skp.insert(r.id, r.skp_id);
        }
    }
    let skp_ids: Vec<Uuid> = rhk_skp
        .values()
        .copied()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut bound_skps: HashMap<Uuid, skps::Model> = HashMap::new();
    for chunk in skp_ids.chunks(CHUNK) {
        for m in skps::Entity::find()
            .filter(skps::Column::Id.is_in(chunk.iter().copied()))
            .filter(skps::Column::PeriodId.eq(period.id))
            .all(txn)
            .await?
        {
            bound_skps.insert(m.id, m);
        }
    }
    // Every version of those employees' SKPs: a sub-period is written on the one in force.
    let people: Vec<Uuid> = bound_skps
        .values()
        .map(|m| m.employee_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut by_employee: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
    for chunk in people.chunks(CHUNK) {
        for m in skps::Entity::find()
            .filter(skps::Column::EmployeeId.is_in(chunk.iter().copied()))
            .filter(skps::Column::PeriodId.eq(period.id))
            .filter(skps::Column::DisetujuiAt.is_not_null())
            .all(txn)
            .await?
        {
            by_employee.entry(m.employee_id).or_default().push(m);
        }
    }
    let versions: HashMap<Uuid, Versions> = by_employee
        .into_iter()
        .map(|(e, list)| (e, Versions::of(&period, list)))
        .collect();
    let mut unlocked: HashMap<(Uuid, i32), NaiveDate> = HashMap::new();
    if kunci == Kunci::Hormati {
        for chunk in skp_ids.chunks(CHUNK) {
            for u in period_unlocks::Entity::find()
                .filter(period_unlocks::Column::SkpId.is_in(chunk.iter().copied()))
                .filter(period_unlocks::Column::PeriodeKe.is_in(targets.clone()))
                .all(txn)
                .await?
            {
                let e = unlocked.entry((u.skp_id, u.periode_ke)).or_insert(u.sampai);
                *e = (*e).max(u.sampai);
            }
        }
    }
    let open = |skp: Uuid, k: i32| {
        kunci == Kunci::Abaikan
            || bounds(&period, k).is_some_and(|(_, selesai)| {
                today <= selesai + Duration::days(i64::from(period.jeda_kunci_realisasi_hari))
            })
            || unlocked.get(&(skp, k)).is_some_and(|s| *s >= today)
    };

    let hasil = hasil_survei(txn, &s).await?;
    let dasar = dasar(&s, &hasil);
    let now = clock::now();
    let mut rows = Vec::new();
    for i in &iki {
        let Some(m) = rhk_skp.get(&i.rhk_id).and_then(|id| bound_skps.get(id)) else {
            continue;
        };
        let Some(v) = versions.get(&m.employee_id) else {
            continue;
        };
        for &k in &targets {
            if v.in_force(k).map(|x| x.id) != Some(m.id) || !open(m.id, k) {
                continue;
            }
            rows.push(realisasi::ActiveModel {
                id: Set(Uuid::now_v7()),
                iki_id: Set(i.id),
                periode_ke: Set(k),
                nilai: Set(hasil.ikm),
                naratif: Set(None),
                dasar: Set(Some(dasar.clone())),
                sumber: Set(SUMBER_SURVEI.to_owned()),
                client_id: Set(None),
                updated_by: Set(None),
                updated_at: Set(now),
            });
        }
    }
    for chunk in rows.chunks(CHUNK) {
        realisasi::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([realisasi::Column::IkiId, realisasi::Column::PeriodeKe])
                    .update_columns([
                        realisasi::Column::Nilai,
                        realisasi::Column::Dasar,
                        realisasi::Column::Sumber,
                        realisasi::Column::ClientId,
                        realisasi::Column::UpdatedBy,
                        realisasi::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec(txn)
            .await?;
    }
    Ok(rows.len())
}

/// Marked surveys, and claims that never finished.
fn perlu() -> Condition {
    use sea_orm::sea_query::ExprTrait;
    let basi = clock::now() - TimeDelta::seconds(KLAIM_BASI_DETIK);
    Condition::any()
        .add(survei_hitung::Column::PerluDihitung.eq(true))
        .add(
            Condition::all()
                .add(survei_hitung::Column::DimulaiAt.lt(basi))
                .add(
                    Condition::any()
                        .add(survei_hitung::Column::DihitungAt.is_null())
                        .add(
                            Expr::col(survei_hitung::Column::DihitungAt)
                                .lt(Expr::col(survei_hitung::Column::DimulaiAt)),
                        ),
                ),
        )
}

/// IKIs bound before their SKP was approved: once it is, their unit's surveys of the SKP's
/// period are marked. Rows of IKIs that are gone or no longer bound to a survey are dropped.
async fn proses_tertunda(db: &DatabaseConnection) -> AppResult<()> {
    let pending = iki_survei_tertunda::Entity::find()
        .limit(CHUNK as u64)
        .all(db)
        .await?;
    if pending.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = pending.iter().map(|p| p.iki_id).collect();
    let units: HashMap<Uuid, Uuid> = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::IkiId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|k| unit_dari_kunci(&k.data_key).map(|u| (k.iki_id, u)))
        .collect();
    let iki: HashMap<Uuid, Uuid> = skp_iki::Entity::find()
        .filter(skp_iki::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.rhk_id))
        .collect();
    let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::Id.is_in(iki.values().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.skp_id))
        .collect();
    let skp_rows: HashMap<Uuid, skps::Model> = skps::Entity::find()
        .filter(skps::Column::Id.is_in(rhk.values().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut done = Vec::new();
    let mut to_mark: HashSet<(Uuid, Uuid)> = HashSet::new();
    for id in ids {
        let skp = iki
            .get(&id)
            .and_then(|r| rhk.get(r))
            .and_then(|s| skp_rows.get(s));
        match (units.get(&id), skp) {
            (Some(unit), Some(m)) if approved(m) => {
                // Deleting the row is the claim: of two servers, one marks the surveys.
                let claimed = iki_survei_tertunda::Entity::delete_by_id(id)
                    .exec(db)
                    .await?
                    .rows_affected
                    == 1;
                if claimed {
                    to_mark.insert((*unit, m.period_id));
                }
            }
            (Some(_), Some(_)) => {}
            _ => done.push(id),
        }
    }
    for (unit, period) in to_mark {
        for s in survei::Entity::find()
            .filter(survei::Column::UnitId.eq(unit))
            .filter(survei::Column::PeriodId.eq(period))
            .all(db)
            .await?
        {
            super::iki::tandai(db, s.id).await;
        }
    }
    if !done.is_empty() {
        iki_survei_tertunda::Entity::delete_many()
            .filter(iki_survei_tertunda::Column::IkiId.is_in(done))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The job: lands newly approved bindings, then recomputes every marked survey it can claim.
/// Returns the number of surveys recomputed by this run.
///
/// # Errors
/// On a database failure outside one survey's recomputation (which is logged and retried).
pub async fn hitung_yang_perlu(db: &DatabaseConnection) -> AppResult<usize> {
    proses_tertunda(db).await?;
    let ids: Vec<Uuid> = survei_hitung::Entity::find()
        .select_only()
        .column(survei_hitung::Column::SurveiId)
        .filter(perlu())
        .limit(PER_PUTARAN)
        .into_tuple()
        .all(db)
        .await?;
    let mut done = 0;
    for id in ids {
        // The claim clears the mark before the responses are read: a response marked after
        // this is counted by the next run.
        let claim = survei_hitung::Entity::update_many()
            .col_expr(survei_hitung::Column::PerluDihitung, Expr::value(false))
            .col_expr(survei_hitung::Column::DimulaiAt, Expr::value(clock::now()))
            .filter(survei_hitung::Column::SurveiId.eq(id))
            .filter(perlu())
            .exec(db)
            .await?;
        if claim.rows_affected != 1 {
            continue;
        }
        match hitung(db, id, Kunci::Hormati).await {
            Ok(_) => done += 1,
            Err(e) => {
                tracing::warn!(error = ?e, survei = %id, "recomputing a survey's IKM failed");
                super::iki::tandai(db, id).await;
            }
        }
    }
    Ok(done)
}
