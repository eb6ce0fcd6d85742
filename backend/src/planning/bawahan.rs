//! `GET /api/v1/skp/bawahan`: the viewer's subordinates for a period with their SKP status,
//! unchecked evidence, missing realisasi of the last ended sub-period and its evaluation — the
//! status columns of the PPKin's lists. A fixed number of queries whatever the number of
//! subordinates: one superior resolution, then one query per table with `is_in`.

use std::collections::{HashMap, HashSet};

use kinerja_api::Pesan;
use kinerja_api::penilaian::StatusEvaluasi;
use kinerja_api::planning::{Bawahan, DaftarBawahan, SkpSingkat};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{bukti_dukung, evaluations, periods, realisasi, skps};
use crate::error::{AppError, AppResult};
use crate::measurement::service::{bounds, jumlah_periode};

/// The last sub-period of `period` that ended before `today` (`None` before the first ends).
fn last_ended(period: &periods::Model, today: chrono::NaiveDate) -> Option<i32> {
    let ritme = kinerja_api::planning::Ritme::parse(&period.ritme)
        .unwrap_or(kinerja_api::planning::Ritme::Bulanan);
    (1..=jumlah_periode(ritme))
        .rev()
        .find(|&k| bounds(period, k).is_some_and(|(_, end)| end < today))
}

/// # Errors
/// `Validation` for an unknown period; on a database failure.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    periode_id: Uuid,
) -> AppResult<DaftarBawahan> {
    let period = periods::Entity::find_by_id(periode_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    let today = crate::clock::period_today(db, &period).await?;
    let k = last_ended(&period, today);
    let Some(me) = viewer.employee_id else {
        return Ok(DaftarBawahan {
            periode_ke: k,
            items: Vec::new(),
        });
    };
    let resolver = Resolver::below(db, today.clamp(period.mulai, period.selesai), me).await?;
    // (employee, rated by me directly) for everyone I rate or whose rater I rate.
    let mut people: Vec<(kinerja_api::organisation::EmployeeRef, bool)> = resolver
        .employee_ids()
        .filter(|&id| id != me)
        .filter_map(|id| resolver.superiors(id))
        .filter_map(|s| {
            let direct = s.ppkin.as_ref().is_some_and(|p| p.employee.id == me);
            let above = s.atasan_ppkin.as_ref().is_some_and(|a| a.employee.id == me);
            (direct || above).then_some((s.employee, direct))
        })
        .collect();
    people.sort_by(|a, b| a.0.nama_lengkap.cmp(&b.0.nama_lengkap));
    let ids: Vec<Uuid> = people.iter().map(|(e, _)| e.id).collect();

    // Latest version, and the approved version in force for the last ended sub-period (the
    // latest approved before any sub-period has ended), per employee.
    let mut latest: HashMap<Uuid, skps::Model> = HashMap::new();
    let mut all: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
    for m in skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::EmployeeId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        if latest.get(&m.employee_id).is_none_or(|o| o.versi < m.versi) {
            latest.insert(m.employee_id, m.clone());
        }
        all.entry(m.employee_id).or_default().push(m);
    }
    let in_force: HashMap<Uuid, Uuid> = all
        .into_iter()
        .filter_map(|(e, list)| {
            super::versi::Versions::of(&period, list)
                .in_force(k.unwrap_or(0))
                .map(|m| (e, m.id))
        })
        .collect();
    let skp_ids: Vec<Uuid> = in_force.values().copied().collect();
    let iki_skp = super::versi::iki_of_skps(db, skp_ids.clone()).await?;
    let rows = realisasi::Entity::find()
        .filter(realisasi::Column::IkiId.is_in(iki_skp.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?;
    // Indicators filled for the last ended sub-period, and which SKP each realisasi is of.
    let filled: HashSet<Uuid> = rows
        .iter()
        .filter(|r| Some(r.periode_ke) == k && (r.nilai.is_some() || r.naratif.is_some()))
        .map(|r| r.iki_id)
        .collect();
    let realisasi_skp: HashMap<Uuid, Uuid> = rows
        .iter()
        .filter_map(|r| iki_skp.get(&r.iki_id).map(|s| (r.id, *s)))
        .collect();
    let mut unchecked: HashMap<Uuid, u64> = HashMap::new();
    for b in bukti_dukung::Entity::find()
        .filter(
            bukti_dukung::Column::RealisasiId
                .is_in(realisasi_skp.keys().copied().collect::<Vec<_>>()),
        )
        .filter(bukti_dukung::Column::Verifikasi.is_null())
        .all(db)
        .await?
    {
        if let Some(skp) = realisasi_skp.get(&b.realisasi_id) {
            *unchecked.entry(*skp).or_default() += 1;
        }
    }
    let mut empty: HashMap<Uuid, u64> = HashMap::new();
    for (iki, skp) in &iki_skp {
        if !filled.contains(iki) {
            *empty.entry(*skp).or_default() += 1;
        }
    }
    let evaluasi: HashMap<Uuid, StatusEvaluasi> = match k {
        Some(k) => evaluations::Entity::find()
            .filter(evaluations::Column::SkpId.is_in(skp_ids))
            .filter(evaluations::Column::PeriodeKe.eq(k))
            .all(db)
            .await?
            .into_iter()
            .map(|e| {
                let status = if e.ditetapkan() {
                    StatusEvaluasi::Ditetapkan
                } else {
                    StatusEvaluasi::Draft
                };
                (e.skp_id, status)
            })
            .collect(),
        None => HashMap::new(),
    };
    let items = people
        .into_iter()
        .map(|(pegawai, langsung)| {
            let berlaku = in_force.get(&pegawai.id).copied();
            Bawahan {
                skp: latest.get(&pegawai.id).map(|m| SkpSingkat {
                    id: m.id,
                    versi: m.versi,
                    status: super::access::status(m),
                    diajukan_at: m.diajukan_at,
                }),
                skp_berlaku_id: berlaku,
                bukti_belum_diperiksa: berlaku
                    .and_then(|s| unchecked.get(&s).copied())
                    .unwrap_or(0),
                realisasi_kosong: berlaku
                    .filter(|_| k.is_some())
                    .map(|s| empty.get(&s).copied().unwrap_or(0)),
                evaluasi: berlaku.and_then(|s| evaluasi.get(&s).copied()),
                pegawai,
                langsung,
            }
        })
        .collect();
    Ok(DaftarBawahan {
        periode_ke: k,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_last_ended_sub_period_is_the_one_before_today() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let period = periods::Model {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            tahun: 2026,
            ritme: "bulanan".to_owned(),
            mulai: d(1, 1),
            selesai: d(12, 31),
            batas_penetapan_skp: None,
            jeda_kunci_realisasi_hari: 5,
            batas_evaluasi_tahunan: None,
            jendela_keberatan_hari: 14,
            status: "dibuka".to_owned(),
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            lock_version: 1,
        };
        assert_eq!(last_ended(&period, d(1, 15)), None);
        assert_eq!(last_ended(&period, d(12, 6)), Some(11));
    }
}
