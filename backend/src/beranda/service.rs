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

use kinerja_api::penilaian::{StatusEvaluasi, StatusKeberatan};
use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::auth::Permission;
use kinerja_api::beranda::{Beranda, JenisTugas, PeriodeTugas, Tugas};
use kinerja_api::employees::full_name;
use kinerja_api::planning::{Ritme, StatusPeriode, StatusSkp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{
    bukti_dukung, employees, evaluations, instansi, keberatan, notifications, period_unlocks,
    periods, realisasi, skps,
};
use crate::error::AppResult;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::policy;

/// Where the HR office opens a period: there is no SPA page for periods yet, so the API's own.
pub(super) const PERIODS_DOCS: &str = "/docs/#/planning";

/// The user's to-do list for today (the instansi's local day).
///
/// # Errors
/// On a database failure.
pub async fn beranda(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<Beranda> {
    // The day in the zone of the user's own instansi (WIB for accounts without an employee).
    let offset = match viewer.employee_id {
        Some(me) => match employees::Entity::find_by_id(me).one(db).await? {
            Some(e) => crate::clock::instansi_offset(db, e.instansi_id).await?,
            None => crate::clock::WIB_OFFSET_SECS,
        },
        None => crate::clock::WIB_OFFSET_SECS,
    };
    let today = crate::clock::today_in(offset);
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
    db: &impl ConnectionTrait,
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

/// What an employee's list is made from, loaded once: the open periods of their instansi, how
/// they stand to each employee in each (themselves, and those they rate as PPKin or Atasan
/// PPKin), the others' names, and every SKP version of them all.
struct Context {
    me: Uuid,
    open: Vec<periods::Model>,
    peran: HashMap<(Uuid, Uuid), Peran>,
    names: HashMap<Uuid, String>,
    skps: Vec<skps::Model>,
}

impl Context {
    /// `None` without an employee record or an open period.
    async fn load(db: &impl ConnectionTrait, me: Uuid) -> AppResult<Option<Self>> {
        let Some(own) = employees::Entity::find_by_id(me).one(db).await? else {
            return Ok(None);
        };
        let open: Vec<periods::Model> = periods::Entity::find()
            .filter(periods::Column::InstansiId.eq(own.instansi_id))
            .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
            .order_by_asc(periods::Column::Tahun)
            .all(db)
            .await?;
        if open.is_empty() {
            return Ok(None);
        }
        // Who the user rates in each period, at that period's reference date.
        let mut peran: HashMap<(Uuid, Uuid), Peran> = HashMap::new();
        let mut names: HashMap<Uuid, String> = HashMap::new();
        let offset = crate::clock::instansi_offset(db, own.instansi_id).await?;
        for p in &open {
            let reference = crate::clock::today_in(offset).clamp(p.mulai, p.selesai);
            let resolver = Resolver::below(db, reference, me).await?;
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
        let skps = skps::Entity::find()
            .filter(skps::Column::PeriodId.is_in(open.iter().map(|p| p.id).collect::<Vec<_>>()))
            .filter(skps::Column::EmployeeId.is_in(people))
            .all(db)
            .await?;
        Ok(Some(Self {
            me,
            open,
            peran,
            names,
            skps,
        }))
    }

    fn name(&self, employee: Uuid) -> Option<String> {
        self.names.get(&employee).cloned()
    }

    fn period(&self, id: Uuid) -> Option<&periods::Model> {
        self.open.iter().find(|p| p.id == id)
    }

    /// The period of an SKP version, its owner and how the user stands to them.
    fn of_skp(&self, skp_id: Uuid) -> Option<(&periods::Model, Uuid, Peran)> {
        let m = self.skps.iter().find(|m| m.id == skp_id)?;
        let p = self.period(m.period_id)?;
        let role = self.peran.get(&(p.id, m.employee_id)).copied()?;
        Some((p, m.employee_id, role))
    }
}

/// The SKP in force (the latest approved version) of the user or of someone they rate as PPKin.
struct InForce<'a> {
    period: &'a periods::Model,
    owner: Uuid,
    peran: Peran,
    skp: &'a skps::Model,
}

async fn employee(
    db: &impl ConnectionTrait,
    me: Uuid,
    today: NaiveDate,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let Some(ctx) = Context::load(db, me).await? else {
        return Ok(());
    };
    let in_force = skp_items(&ctx, out);
    let iki_skp =
        crate::planning::versi::iki_of_skps(db, in_force.iter().map(|f| f.skp.id)).await?;
    realisasi_items(db, &in_force, &iki_skp, today, out).await?;
    evidence_items(db, &ctx, &in_force, &iki_skp, out).await?;
    evaluation_items(db, &ctx, &in_force, today, out).await?;
    feedback_items(db, me, out).await
}

/// The SKP itself: the user's to draft, submit or revise (or waiting); their subordinates' to
/// approve. Returns the SKPs in force of the user and of those they rate as PPKin.
fn skp_items<'a>(ctx: &'a Context, out: &mut Vec<Tugas>) -> Vec<InForce<'a>> {
    let mut grouped: HashMap<(Uuid, Uuid), Vec<&skps::Model>> = HashMap::new();
    for m in &ctx.skps {
        grouped
            .entry((m.period_id, m.employee_id))
            .or_default()
            .push(m);
    }
    for p in &ctx.open {
        if !grouped.contains_key(&(p.id, ctx.me)) {
            out.push(Tugas {
                tahun: Some(p.tahun),
                batas: p.batas_penetapan_skp,
                ..item(JenisTugas::SusunSkp, "/skp".to_owned())
            });
        }
    }
    let mut in_force = Vec::new();
    for ((period_id, owner), list) in grouped {
        let (Some(p), Some(role)) = (
            ctx.period(period_id),
            ctx.peran.get(&(period_id, owner)).copied(),
        ) else {
            continue;
        };
        let Some(latest) = list.iter().copied().max_by_key(|m| m.versi) else {
            continue;
        };
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
                pegawai: ctx.name(owner),
                ..on_skp(JenisTugas::SetujuiSkp)
            }),
            _ => {}
        }
        let approved = list
            .iter()
            .copied()
            .filter(|m| status(m) == StatusSkp::Disetujui)
            .max_by_key(|m| m.versi);
        if let Some(skp) = approved
            && matches!(role, Peran::Pemilik | Peran::Ppkin)
        {
            in_force.push(InForce {
                period: p,
                owner,
                peran: role,
                skp,
            });
        }
    }
    in_force
}

/// The user's realisasi: every sub-period that has started and is still open (by its lock date
/// or an admin's unlock) while some indicator is empty. Only the open sub-periods' values of
/// the user's own indicators are read, and only whether they are filled.
async fn realisasi_items(
    db: &impl ConnectionTrait,
    in_force: &[InForce<'_>],
    iki_skp: &HashMap<Uuid, Uuid>,
    today: NaiveDate,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let mine: Vec<&InForce> = in_force
        .iter()
        .filter(|f| f.peran == Peran::Pemilik)
        .collect();
    if mine.is_empty() {
        return Ok(());
    }
    let mut unlocked: HashMap<(Uuid, i32), NaiveDate> = HashMap::new();
    for u in period_unlocks::Entity::find()
        .filter(
            period_unlocks::Column::SkpId.is_in(mine.iter().map(|f| f.skp.id).collect::<Vec<_>>()),
        )
        .filter(period_unlocks::Column::Sampai.gte(today))
        .all(db)
        .await?
    {
        let until = unlocked.entry((u.skp_id, u.periode_ke)).or_insert(u.sampai);
        *until = (*until).max(u.sampai);
    }
    // (SKP in force, sub-period, the day entry closes) of each sub-period open today.
    let mut open: Vec<(&InForce, i32, NaiveDate)> = Vec::new();
    for f in &mine {
        let p = f.period;
        for k in 1..=jumlah_periode(ritme(p)) {
            let Some((mulai, selesai)) = bounds(p, k) else {
                continue;
            };
            if mulai > today {
                break;
            }
            let lock = selesai + Duration::days(i64::from(p.jeda_kunci_realisasi_hari));
            match unlocked.get(&(f.skp.id, k)).copied() {
                Some(until) => open.push((f, k, until.max(lock))),
                None if today <= lock => open.push((f, k, lock)),
                None => {}
            }
        }
    }
    let indicators = |skp_id: Uuid| -> Vec<Uuid> {
        iki_skp
            .iter()
            .filter(|(_, s)| **s == skp_id)
            .map(|(i, _)| *i)
            .collect()
    };
    let own: Vec<Uuid> = mine.iter().flat_map(|f| indicators(f.skp.id)).collect();
    if open.is_empty() || own.is_empty() {
        return Ok(());
    }
    let ks: HashSet<i32> = open.iter().map(|(_, k, _)| *k).collect();
    let filled: HashSet<(Uuid, i32)> = realisasi::Entity::find()
        .select_only()
        .columns([realisasi::Column::IkiId, realisasi::Column::PeriodeKe])
        .filter(realisasi::Column::IkiId.is_in(own))
        .filter(realisasi::Column::PeriodeKe.is_in(ks))
        .filter(Expr::cust(
            "(\"realisasi\".\"nilai\" IS NOT NULL \
             OR TRIM(COALESCE(\"realisasi\".\"naratif\", '')) <> '')",
        ))
        .into_tuple::<(Uuid, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for (f, k, batas) in open {
        let m = f.skp;
        let empty = indicators(m.id)
            .iter()
            .filter(|i| !filled.contains(&(**i, k)))
            .count();
        if empty > 0 {
            out.push(Tugas {
                batas: Some(batas),
                jumlah: count(empty),
                periode: Some(sub_period(f.period, k)),
                perubahan: m.versi > 1,
                skp_id: Some(m.id),
                ..item(
                    JenisTugas::IsiRealisasi,
                    format!("/realisasi/{}?periode_ke={k}", m.id),
                )
            });
        }
    }
    Ok(())
}

/// Evidence the user is to check as PPKin, per subordinate and sub-period: the unchecked
/// evidence counted by the database, grouped by indicator and sub-period, so a year of
/// subordinates' realisasi is not read for it.
async fn evidence_items(
    db: &impl ConnectionTrait,
    ctx: &Context,
    in_force: &[InForce<'_>],
    iki_skp: &HashMap<Uuid, Uuid>,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let subordinates: HashMap<Uuid, &InForce> = in_force
        .iter()
        .filter(|f| f.peran == Peran::Ppkin)
        .map(|f| (f.skp.id, f))
        .collect();
    let theirs: Vec<Uuid> = iki_skp
        .iter()
        .filter(|(_, s)| subordinates.contains_key(s))
        .map(|(i, _)| *i)
        .collect();
    if theirs.is_empty() {
        return Ok(());
    }
    let mut pending: HashMap<(Uuid, i32), usize> = HashMap::new();
    for (iki_id, k, n) in bukti_dukung::Entity::find()
        .select_only()
        .column(realisasi::Column::IkiId)
        .column(realisasi::Column::PeriodeKe)
        .column_as(bukti_dukung::Column::Id.count(), "n")
        .join(
            JoinType::InnerJoin,
            bukti_dukung::Entity::belongs_to(realisasi::Entity)
                .from(bukti_dukung::Column::RealisasiId)
                .to(realisasi::Column::Id)
                .into(),
        )
        .filter(realisasi::Column::IkiId.is_in(theirs))
        .filter(bukti_dukung::Column::Verifikasi.is_null())
        .group_by(realisasi::Column::IkiId)
        .group_by(realisasi::Column::PeriodeKe)
        .into_tuple::<(Uuid, i32, i64)>()
        .all(db)
        .await?
    {
        if let Some(skp_id) = iki_skp.get(&iki_id) {
            *pending.entry((*skp_id, k)).or_default() += usize::try_from(n).unwrap_or(0);
        }
    }
    for ((skp_id, k), n) in pending {
        let Some(f) = subordinates.get(&skp_id) else {
            continue;
        };
        out.push(Tugas {
            jumlah: count(n),
            pegawai: ctx.name(f.owner),
            periode: Some(sub_period(f.period, k)),
            skp_id: Some(skp_id),
            ..item(
                JenisTugas::PeriksaBukti,
                format!("/realisasi/{skp_id}?periode_ke={k}"),
            )
        });
    }
    Ok(())
}

/// From the set evaluations of every SKP version (an evaluation stays on its version): the
/// user's objection windows, the objections they explain (PPKin) or decide (Atasan PPKin),
/// and the people they have not rated for the last sub-period (and the year once it is over),
/// on the SKP in force as the work list shows them.
async fn evaluation_items(
    db: &impl ConnectionTrait,
    ctx: &Context,
    in_force: &[InForce<'_>],
    today: NaiveDate,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let set = evaluations::Entity::find()
        .filter(evaluations::Column::SkpId.is_in(ctx.skps.iter().map(|m| m.id).collect::<Vec<_>>()))
        .filter(evaluations::Column::Status.eq(StatusEvaluasi::Ditetapkan.as_str()))
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
        let Some((p, owner, role)) = ctx.of_skp(e.skp_id) else {
            continue;
        };
        let on_eval = |jenis| Tugas {
            periode: Some(sub_period(p, e.periode_ke)),
            skp_id: Some(e.skp_id),
            ..item(
                jenis,
                format!("/evaluasi/{}?periode_ke={}", e.skp_id, e.periode_ke),
            )
        };
        match (role, objections.get(&e.id).map(keberatan::Model::status)) {
            (Peran::Pemilik, None) => {
                if let Some(batas) = e.batas_keberatan.filter(|b| *b >= today) {
                    out.push(Tugas {
                        batas: Some(batas),
                        ..on_eval(JenisTugas::BatasKeberatan)
                    });
                }
            }
            (Peran::Ppkin, Some(StatusKeberatan::Diajukan)) => out.push(Tugas {
                pegawai: ctx.name(owner),
                ..on_eval(JenisTugas::JelaskanKeberatan)
            }),
            (Peran::Atasan, Some(StatusKeberatan::Dijelaskan)) => out.push(Tugas {
                pegawai: ctx.name(owner),
                ..on_eval(JenisTugas::PutuskanKeberatan)
            }),
            _ => {}
        }
    }
    let rated: HashSet<(Uuid, i32)> = set.iter().map(|e| (e.skp_id, e.periode_ke)).collect();
    for p in &ctx.open {
        for k in to_rate(p, today) {
            let waiting: Vec<&InForce> = in_force
                .iter()
                .filter(|f| f.peran == Peran::Ppkin && f.period.id == p.id)
                .filter(|f| !rated.contains(&(f.skp.id, k)))
                .collect();
            let batas = if k == 0 {
                p.batas_evaluasi_tahunan
            } else {
                None
            };
            match waiting.as_slice() {
                [] => {}
                [f] => out.push(Tugas {
                    batas,
                    pegawai: ctx.name(f.owner),
                    periode: Some(sub_period(p, k)),
                    skp_id: Some(f.skp.id),
                    ..item(
                        JenisTugas::NilaiBawahan,
                        format!("/evaluasi/{}?periode_ke={k}", f.skp.id),
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
    Ok(())
}

/// Unread feedback and replies: their notifications are the read state.
async fn feedback_items(
    db: &impl ConnectionTrait,
    me: Uuid,
    out: &mut Vec<Tugas>,
) -> AppResult<()> {
    let (mut baru, mut dibalas) = (0, 0);
    for n in notifications::Entity::find()
        .filter(notifications::Column::RecipientEmployeeId.eq(me))
        .filter(notifications::Column::DibacaAt.is_null())
        .filter(notifications::Column::Kind.is_in(["umpan_balik.baru", "umpan_balik.dibalas"]))
        .all(db)
        .await?
    {
        if n.kind == "umpan_balik.baru" {
            baru += 1;
        } else {
            dibalas += 1;
        }
    }
    for (n, jenis) in [
        (baru, JenisTugas::UmpanBalikBaru),
        (dibalas, JenisTugas::BalasanUmpanBalik),
    ] {
        if n > 0 {
            out.push(Tugas {
                jumlah: count(n),
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
            lock_version: 1,
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
