//! The to-do list of the home page, in a fixed number of queries (grouped `IN` queries; the
//! count does not grow with the number of subordinates, only with the number of open periods,
//! usually one).
//!
//! - Everyone with an employee record, per open period of their instansi: the SKP to draft,
//!   submit or revise (or waiting for approval); the realisasi of each open sub-period while
//!   indicators are empty, by the SKP in force (the latest approved version); objection windows
//!   of set evaluations; unread feedback.
//! - As today's PPKin: SKPs to approve, evidence to check, the people not rated for the last
//!   sub-period (and the year once it is over), objections to explain. As Atasan PPKin:
//!   objections to decide.
//! - The HR office: instansi whose period of the year is not open.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::auth::Permission;
use kinerja_api::beranda::{Beranda, JenisTugas, PeriodeTugas, Tugas};
use kinerja_api::employees::full_name;
use kinerja_api::planning::{Ritme, StatusPeriode, StatusSkp};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::employees::service::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{
    bukti_dukung, employees, evaluations, instansi, keberatan, notifications, period_unlocks,
    periods, realisasi, skp_iki, skp_rhk, skps,
};
use crate::error::AppResult;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::planning::skp::reference_date;
use crate::policy;

/// Where the HR office opens a period: there is no SPA page for periods yet, so the API's own.
const PERIODS_DOCS: &str = "/docs/#/planning";

/// The user's to-do list for today (the instansi's local day).
///
/// # Errors
/// On a database failure.
pub async fn beranda(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<Beranda> {
    let today = crate::clock::today();
    let mut tugas = Vec::new();
    if policy::can(&viewer.roles, Permission::ManageOrganisation) {
        hr_office(db, today, &mut tugas).await?;
    }
    if let Some(me) = viewer.employee_id {
        employee(db, me, today, &mut tugas).await?;
    }
    tugas.sort_by_key(|t| {
        let ke = t.periode.map(|p| p.ke);
        (t.batas.is_none(), t.batas, t.jenis, t.pegawai.clone(), ke)
    });
    Ok(Beranda {
        hari_ini: today,
        tugas,
    })
}

fn item(jenis: JenisTugas, tautan: String) -> Tugas {
    Tugas {
        jenis,
        batas: None,
        jumlah: 1,
        pegawai: None,
        instansi: None,
        tahun: None,
        periode: None,
        perubahan: false,
        skp_id: None,
        tautan,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Each active instansi without an open period for this year.
async fn hr_office(
    db: &DatabaseConnection,
    today: NaiveDate,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let open: HashSet<Uuid> = periods::Entity::find()
        .filter(periods::Column::Tahun.eq(today.year()))
        .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.instansi_id)
        .collect();
    for i in instansi::Entity::find()
        .filter(instansi::Column::Aktif.eq(true))
        .order_by_asc(instansi::Column::Nama)
        .all(db)
        .await?
    {
        if !open.contains(&i.id) {
            out.push(Tugas {
                instansi: Some(i.nama),
                tahun: Some(today.year()),
                ..item(JenisTugas::BukaPeriode, PERIODS_DOCS.to_owned())
            });
        }
    }
    Ok(())
}

/// How the user stands to an SKP owner in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Peran {
    Pemilik,
    Ppkin,
    Atasan,
}

/// The versions of one employee's SKP in one period.
struct Versions<'a> {
    period: &'a periods::Model,
    peran: Peran,
    /// The latest approved version: the one in force.
    in_force: Option<&'a skps::Model>,
}

fn status(m: &skps::Model) -> StatusSkp {
    StatusSkp::parse(&m.status).unwrap_or(StatusSkp::Draft)
}

fn ritme(p: &periods::Model) -> Ritme {
    Ritme::parse(&p.ritme).unwrap_or(Ritme::Bulanan)
}

fn sub_period(p: &periods::Model, ke: i32) -> PeriodeTugas {
    PeriodeTugas {
        tahun: p.tahun,
        ritme: ritme(p),
        ke,
    }
}

/// The sub-period containing `today`, clamped to the period (the first before it, the last
/// after it).
fn current_sub_period(p: &periods::Model, today: NaiveDate) -> i32 {
    let n = jumlah_periode(ritme(p));
    (1..=n)
        .find(|k| bounds(p, *k).is_some_and(|(_, selesai)| today <= selesai))
        .unwrap_or(n)
}

/// The sub-periods to rate: the one before today's, and the year (0) once the period is over.
fn to_rate(p: &periods::Model, today: NaiveDate) -> Vec<i32> {
    if today > p.selesai {
        vec![jumlah_periode(ritme(p)), 0]
    } else {
        let last = current_sub_period(p, today) - 1;
        if last >= 1 { vec![last] } else { Vec::new() }
    }
}

async fn employee(
    db: &DatabaseConnection,
    me: Uuid,
    today: NaiveDate,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let Some(own) = employees::Entity::find_by_id(me).one(db).await? else {
        return Ok(());
    };
    let open: Vec<periods::Model> = periods::Entity::find()
        .filter(periods::Column::InstansiId.eq(own.instansi_id))
        .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .order_by_asc(periods::Column::Tahun)
        .all(db)
        .await?;
    if open.is_empty() {
        return Ok(());
    }
    // Who the user rates in each period, at that period's reference date.
    let mut peran: HashMap<(Uuid, Uuid), Peran> = HashMap::new();
    let mut names: HashMap<Uuid, String> = HashMap::new();
    for p in &open {
        let resolver = Resolver::load(db, own.instansi_id, reference_date(p)).await?;
        let (as_ppkin, as_atasan) = resolver.rated_by(me);
        for (ids, role) in [(as_ppkin, Peran::Ppkin), (as_atasan, Peran::Atasan)] {
            for id in ids {
                if let Some(e) = resolver.employee(id) {
                    names.entry(id).or_insert_with(|| {
                        full_name(
                            e.gelar_depan.as_deref(),
                            &e.nama,
                            e.gelar_belakang.as_deref(),
                        )
                    });
                }
                peran.insert((p.id, id), role);
            }
        }
        peran.insert((p.id, me), Peran::Pemilik);
    }
    let people: HashSet<Uuid> = peran.keys().map(|(_, e)| *e).collect();
    let all_skps = skps::Entity::find()
        .filter(skps::Column::PeriodId.is_in(open.iter().map(|p| p.id).collect::<Vec<_>>()))
        .filter(skps::Column::EmployeeId.is_in(people))
        .all(db)
        .await?;
    let mut grouped: HashMap<(Uuid, Uuid), Vec<&skps::Model>> = HashMap::new();
    for m in &all_skps {
        grouped
            .entry((m.period_id, m.employee_id))
            .or_default()
            .push(m);
    }
    let skp_period: HashMap<Uuid, (&periods::Model, Uuid)> = all_skps
        .iter()
        .filter_map(|m| {
            open.iter()
                .find(|p| p.id == m.period_id)
                .map(|p| (m.id, (p, m.employee_id)))
        })
        .collect();
    let name = |id: Uuid| names.get(&id).cloned();

    // The SKP itself: own to draft/submit/revise; subordinates' to approve.
    let mut versions: Vec<(Uuid, Versions)> = Vec::new();
    for p in &open {
        if !grouped.contains_key(&(p.id, me)) {
            out.push(Tugas {
                tahun: Some(p.tahun),
                batas: p.batas_penetapan_skp,
                ..item(JenisTugas::SusunSkp, "/skp".to_owned())
            });
        }
    }
    for ((period_id, employee_id), list) in &grouped {
        let (Some(p), Some(role)) = (
            open.iter().find(|p| p.id == *period_id),
            peran.get(&(*period_id, *employee_id)).copied(),
        ) else {
            continue;
        };
        let Some(latest) = list.iter().copied().max_by_key(|m| m.versi) else {
            continue;
        };
        let in_force = list
            .iter()
            .copied()
            .filter(|m| status(m) == StatusSkp::Disetujui)
            .max_by_key(|m| m.versi);
        let perubahan = latest.versi > 1;
        let on_skp = |jenis| Tugas {
            tahun: Some(p.tahun),
            perubahan,
            skp_id: Some(latest.id),
            ..item(jenis, format!("/skp/{}", latest.id))
        };
        match (role, status(latest)) {
            (Peran::Pemilik, s @ (StatusSkp::Draft | StatusSkp::Dikembalikan)) => {
                let jenis = if s == StatusSkp::Draft {
                    JenisTugas::AjukanSkp
                } else {
                    JenisTugas::PerbaikiSkp
                };
                out.push(Tugas {
                    // The agreement deadline is the first version's; a perubahan has none.
                    batas: p.batas_penetapan_skp.filter(|_| !perubahan),
                    // Edited and submitted in SKP Saya.
                    tautan: "/skp".to_owned(),
                    ..on_skp(jenis)
                });
            }
            (Peran::Pemilik, StatusSkp::Diajukan) => out.push(on_skp(JenisTugas::SkpMenunggu)),
            (Peran::Ppkin, StatusSkp::Diajukan) => out.push(Tugas {
                pegawai: name(*employee_id),
                ..on_skp(JenisTugas::SetujuiSkp)
            }),
            _ => {}
        }
        versions.push((
            *employee_id,
            Versions {
                period: p,
                peran: role,
                in_force,
            },
        ));
    }

    // Indicators of the SKPs in force, mine and my subordinates' (as PPKin).
    let in_force: Vec<(Uuid, &Versions)> = versions
        .iter()
        .filter(|(_, v)| v.in_force.is_some() && matches!(v.peran, Peran::Pemilik | Peran::Ppkin))
        .map(|(e, v)| (*e, v))
        .collect();
    let in_force_ids: Vec<Uuid> = in_force
        .iter()
        .filter_map(|(_, v)| v.in_force.map(|m| m.id))
        .collect();
    let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(in_force_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.skp_id))
        .collect();
    let iki_skp: HashMap<Uuid, Uuid> = skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.is_in(rhk.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|i| rhk.get(&i.rhk_id).map(|s| (i.id, *s)))
        .collect();
    let values = realisasi::Entity::find()
        .filter(realisasi::Column::IkiId.is_in(iki_skp.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?;

    // My realisasi: every sub-period that has started and is still open (by its lock date or
    // an admin's unlock) while some indicator is empty.
    let mine: Vec<&skps::Model> = in_force
        .iter()
        .filter(|(_, v)| v.peran == Peran::Pemilik)
        .filter_map(|(_, v)| v.in_force)
        .collect();
    let unlocked: HashMap<(Uuid, i32), NaiveDate> = if mine.is_empty() {
        HashMap::new()
    } else {
        let mut map = HashMap::new();
        for u in period_unlocks::Entity::find()
            .filter(
                period_unlocks::Column::SkpId.is_in(mine.iter().map(|m| m.id).collect::<Vec<_>>()),
            )
            .filter(period_unlocks::Column::Sampai.gte(today))
            .all(db)
            .await?
        {
            let until = map.entry((u.skp_id, u.periode_ke)).or_insert(u.sampai);
            *until = (*until).max(u.sampai);
        }
        map
    };
    let filled: HashSet<(Uuid, i32)> = values
        .iter()
        .filter(|v| v.nilai.is_some() || v.naratif.as_deref().is_some_and(|t| !t.trim().is_empty()))
        .map(|v| (v.iki_id, v.periode_ke))
        .collect();
    for m in &mine {
        let Some((p, _)) = skp_period.get(&m.id) else {
            continue;
        };
        let indicators: Vec<Uuid> = iki_skp
            .iter()
            .filter(|(_, s)| **s == m.id)
            .map(|(i, _)| *i)
            .collect();
        for k in 1..=jumlah_periode(ritme(p)) {
            let Some((mulai, selesai)) = bounds(p, k) else {
                continue;
            };
            if mulai > today {
                break;
            }
            let lock = selesai + Duration::days(i64::from(p.jeda_kunci_realisasi_hari));
            let until = unlocked.get(&(m.id, k)).copied();
            if today > lock && until.is_none() {
                continue;
            }
            let empty = indicators
                .iter()
                .filter(|i| !filled.contains(&(**i, k)))
                .count();
            if empty > 0 {
                out.push(Tugas {
                    batas: Some(until.map_or(lock, |u| u.max(lock))),
                    jumlah: count(empty),
                    periode: Some(sub_period(p, k)),
                    perubahan: m.versi > 1,
                    skp_id: Some(m.id),
                    ..item(
                        JenisTugas::IsiRealisasi,
                        format!("/realisasi/{}?periode_ke={k}", m.id),
                    )
                });
            }
        }
    }

    // Evidence to check, per subordinate and sub-period.
    let subordinate_skps: HashMap<Uuid, Uuid> = in_force
        .iter()
        .filter(|(_, v)| v.peran == Peran::Ppkin)
        .filter_map(|(e, v)| v.in_force.map(|m| (m.id, *e)))
        .collect();
    let checked_realisasi: HashMap<Uuid, (Uuid, i32)> = values
        .iter()
        .filter_map(|v| {
            iki_skp
                .get(&v.iki_id)
                .filter(|s| subordinate_skps.contains_key(s))
                .map(|s| (v.id, (*s, v.periode_ke)))
        })
        .collect();
    if !checked_realisasi.is_empty() {
        let mut pending: HashMap<(Uuid, i32), usize> = HashMap::new();
        for b in bukti_dukung::Entity::find()
            .filter(
                bukti_dukung::Column::RealisasiId
                    .is_in(checked_realisasi.keys().copied().collect::<Vec<_>>()),
            )
            .filter(bukti_dukung::Column::Verifikasi.is_null())
            .all(db)
            .await?
        {
            if let Some(key) = checked_realisasi.get(&b.realisasi_id) {
                *pending.entry(*key).or_default() += 1;
            }
        }
        for ((skp_id, k), n) in pending {
            let (Some((p, owner)), Some(_)) =
                (skp_period.get(&skp_id), subordinate_skps.get(&skp_id))
            else {
                continue;
            };
            out.push(Tugas {
                jumlah: count(n),
                pegawai: name(*owner),
                periode: Some(sub_period(p, k)),
                skp_id: Some(skp_id),
                ..item(
                    JenisTugas::PeriksaBukti,
                    format!("/realisasi/{skp_id}?periode_ke={k}"),
                )
            });
        }
    }

    // Set evaluations of my SKPs (objection windows) and of the people I rate (who is rated,
    // objections to explain or decide): every version, as an evaluation stays on its version.
    let followed: Vec<Uuid> = all_skps.iter().map(|m| m.id).collect();
    let set = evaluations::Entity::find()
        .filter(evaluations::Column::SkpId.is_in(followed))
        .filter(evaluations::Column::Status.eq("ditetapkan"))
        .all(db)
        .await?;
    let objections: HashMap<Uuid, keberatan::Model> = if set.is_empty() {
        HashMap::new()
    } else {
        keberatan::Entity::find()
            .filter(
                keberatan::Column::EvaluationId.is_in(set.iter().map(|e| e.id).collect::<Vec<_>>()),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|k| (k.evaluation_id, k))
            .collect()
    };
    for e in &set {
        let Some((p, owner)) = skp_period.get(&e.skp_id) else {
            continue;
        };
        let role = peran.get(&(p.id, *owner)).copied();
        let on_eval = |jenis| Tugas {
            periode: Some(sub_period(p, e.periode_ke)),
            skp_id: Some(e.skp_id),
            ..item(
                jenis,
                format!("/evaluasi/{}?periode_ke={}", e.skp_id, e.periode_ke),
            )
        };
        match (role, objections.get(&e.id).map(|k| k.status.as_str())) {
            (Some(Peran::Pemilik), None) => {
                if let Some(batas) = e.batas_keberatan.filter(|b| *b >= today) {
                    out.push(Tugas {
                        batas: Some(batas),
                        ..on_eval(JenisTugas::BatasKeberatan)
                    });
                }
            }
            (Some(Peran::Ppkin), Some("diajukan")) => out.push(Tugas {
                pegawai: name(*owner),
                ..on_eval(JenisTugas::JelaskanKeberatan)
            }),
            (Some(Peran::Atasan), Some("dijelaskan")) => out.push(Tugas {
                pegawai: name(*owner),
                ..on_eval(JenisTugas::PutuskanKeberatan)
            }),
            _ => {}
        }
    }

    // The people not yet rated for the last sub-period (and the year once it is over), on the
    // SKP in force as the work list shows them.
    let rated: HashSet<(Uuid, i32)> = set.iter().map(|e| (e.skp_id, e.periode_ke)).collect();
    for p in &open {
        for k in to_rate(p, today) {
            let waiting: Vec<(Uuid, Uuid)> = in_force
                .iter()
                .filter(|(_, v)| v.peran == Peran::Ppkin && v.period.id == p.id)
                .filter_map(|(e, v)| v.in_force.map(|m| (*e, m.id)))
                .filter(|(_, skp_id)| !rated.contains(&(*skp_id, k)))
                .collect();
            let batas = if k == 0 {
                p.batas_evaluasi_tahunan
            } else {
                None
            };
            match waiting.as_slice() {
                [] => {}
                [(owner, skp_id)] => out.push(Tugas {
                    batas,
                    pegawai: name(*owner),
                    periode: Some(sub_period(p, k)),
                    skp_id: Some(*skp_id),
                    ..item(
                        JenisTugas::NilaiBawahan,
                        format!("/evaluasi/{skp_id}?periode_ke={k}"),
                    )
                }),
                many => out.push(Tugas {
                    batas,
                    jumlah: count(many.len()),
                    periode: Some(sub_period(p, k)),
                    ..item(
                        JenisTugas::NilaiBawahan,
                        format!("/evaluasi/bawahan?periode_ke={k}"),
                    )
                }),
            }
        }
    }

    // Unread feedback and replies (their notifications are the read state).
    let mut unread: HashMap<&'static str, usize> = HashMap::new();
    for n in notifications::Entity::find()
        .filter(notifications::Column::RecipientEmployeeId.eq(me))
        .filter(notifications::Column::DibacaAt.is_null())
        .filter(notifications::Column::Kind.is_in(["umpan_balik.baru", "umpan_balik.dibalas"]))
        .all(db)
        .await?
    {
        let kind = if n.kind == "umpan_balik.baru" {
            "baru"
        } else {
            "dibalas"
        };
        *unread.entry(kind).or_default() += 1;
    }
    for (kind, jenis) in [
        ("baru", JenisTugas::UmpanBalikBaru),
        ("dibalas", JenisTugas::BalasanUmpanBalik),
    ] {
        if let Some(n) = unread.get(kind) {
            out.push(Tugas {
                jumlah: count(*n),
                ..item(jenis, "/notifikasi".to_owned())
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn period(ritme: &str, tahun: i32) -> periods::Model {
        periods::Model {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            tahun,
            mulai: NaiveDate::from_ymd_opt(tahun, 1, 1).unwrap(),
            selesai: NaiveDate::from_ymd_opt(tahun, 12, 31).unwrap(),
            ritme: ritme.into(),
            batas_penetapan_skp: None,
            jeda_kunci_realisasi_hari: 5,
            batas_evaluasi_tahunan: None,
            jendela_keberatan_hari: 14,
            status: "dibuka".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_sub_period_to_rate_is_the_one_before_today() {
        let p = period("bulanan", 2026);
        assert_eq!(current_sub_period(&p, d(2026, 12, 6)), 12);
        assert_eq!(to_rate(&p, d(2026, 12, 6)), vec![11]);
        assert_eq!(to_rate(&p, d(2026, 1, 20)), Vec::<i32>::new());
        // After the year: its last month and the year itself.
        assert_eq!(to_rate(&p, d(2027, 1, 3)), vec![12, 0]);
        let q = period("triwulanan", 2026);
        assert_eq!(to_rate(&q, d(2026, 8, 1)), vec![2]);
    }
}
