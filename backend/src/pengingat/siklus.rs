//! The cycle's reminders and their escalation (docs/pengingat.md, the rules and their
//! sources). For each open period, on the instansi's local day:
//!
//! | step | before its deadline | overdue by `ppkin` days | overdue by `atasan` days |
//! |---|---|---|---|
//! | SKP penetapan (`batas_penetapan_skp`) | the employee (not submitted) or the PPKin (submitted) | the PPKin | the Atasan PPKin |
//! | realisasi of a sub-period (its lock date) | the existing lock reminder (`jobs::remind_locks`) | the PPKin | the Atasan PPKin |
//! | evaluation of a sub-period (lock date + `evaluasi` days) | the PPKin | the Atasan PPKin | — |
//! | objection still undecided after its window | the Atasan PPKin | — | — |
//!
//! and each week, on `ringkasan_hari`, every pimpinan with something overdue below them gets
//! a digest. Reminders to a PPKin or Atasan PPKin are one per person, step, sub-period and
//! stage, with the number of people concerned.
//!
//! **Once.** Each reminder is a row of `pengingat_siklus` under a key (step, period,
//! sub-period, stage, recipient) inserted in the notification's transaction: a second run, a
//! restart or a second server finds the key and sends nothing. Each rule also claims its day
//! (`hari:…`), so its candidate query — which reads the whole instansi — runs once a day, not
//! on every tick; a rule that fails gives its day back for the next tick, and one whose server
//! was killed mid-way (no `selesai:` mark after 15 minutes) is taken over by the next server.
//!
//! **Silences.** People placed in a unit the HR office silenced for the day
//! ([`super::jeda::Senyap`]) are left out; a reminder held back is sent when the rule runs
//! again on a later day and the step is still behind.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kinerja_api::planning::{NotificationParams, Ritme, StatusPeriode};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use super::jeda::Senyap;
use crate::config::Settings;
use crate::dasbor::service as dasbor;
use crate::employees::superiors::Resolver;
use crate::entities::{
    employees, evaluations, keberatan, pengingat_siklus as kirim, periods, skps, units, user_roles,
};
use crate::error::AppResult;
use crate::measurement::service::{bounds, jumlah_periode};

pub const SKP_BATAS: &str = "pengingat.skp_batas";
pub const SKP_MENUNGGU: &str = "pengingat.skp_menunggu";
pub const SKP_TERLAMBAT: &str = "pengingat.skp_terlambat";
pub const REALISASI_TERLAMBAT: &str = "pengingat.realisasi_terlambat";
pub const EVALUASI_BATAS: &str = "pengingat.evaluasi_batas";
pub const EVALUASI_TERLAMBAT: &str = "pengingat.evaluasi_terlambat";
pub const KEBERATAN_MENUNGGU: &str = "pengingat.keberatan_menunggu";
pub const RINGKASAN: &str = "pengingat.ringkasan_mingguan";

/// `hasil` of an escalation: who is told.
pub const KE_PPKIN: &str = "ppkin";
pub const KE_ATASAN: &str = "atasan_ppkin";

/// A rule's day claimed this long ago and not finished is taken to have died with its server.
const HARI_LEASE_MENIT: i64 = 15;

/// People read per statement: memory stays small whatever the instansi.
const IRISAN: i64 = 500;

/// The days of the rules (configuration; docs/pengingat.md marks them as local choices).
#[derive(Debug, Clone, Copy)]
pub struct Aturan {
    /// Days before a deadline the person who must act is reminded.
    pub sebelum: i64,
    /// Days after a deadline the PPKin is told.
    pub ppkin: i64,
    /// Days after a deadline the Atasan PPKin is told.
    pub atasan: i64,
    /// Days after a sub-period's realisasi lock by which its evaluation is due.
    pub evaluasi: i64,
    /// ISO weekday (1 = Monday … 7 = Sunday) of the weekly digest; 0: none.
    pub ringkasan_hari: u32,
}

impl Aturan {
    #[must_use]
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            sebelum: i64::from(s.pengingat_hari_sebelum),
            ppkin: i64::from(s.eskalasi_ppkin_hari),
            atasan: i64::from(s.eskalasi_atasan_hari),
            evaluasi: i64::from(s.batas_evaluasi_hari),
            ringkasan_hari: s.ringkasan_hari,
        }
    }
}

/// Runs every rule due at `at`; returns how many notifications went out.
///
/// # Errors
/// On a database failure.
pub async fn jalankan(db: &DatabaseConnection, at: DateTime<Utc>, a: &Aturan) -> AppResult<usize> {
    let mut sent = 0;
    for period in periods::Entity::find()
        .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .all(db)
        .await?
    {
        let hari = crate::clock::local_day(
            at,
            crate::clock::instansi_offset(db, period.instansi_id).await?,
        );
        let senyap = Senyap::pada(db, period.instansi_id, hari).await?;
        if senyap.semua {
            continue;
        }
        let akar: Vec<Uuid> = units::Entity::find()
            .filter(units::Column::InstansiId.eq(period.instansi_id))
            .filter(units::Column::ParentId.is_null())
            .select_only()
            .column(units::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let r = Putaran {
            db,
            period,
            hari,
            senyap,
            akar,
        };
        for aturan in r.aturan_hari_ini(a) {
            if !klaim_hari(db, &aturan.kunci(&r), at).await? {
                continue;
            }
            match r.jalankan(&aturan, a, at).await {
                Ok(n) => {
                    sent += n;
                    selesai_hari(db, &aturan.kunci(&r), at).await?;
                }
                Err(e) => {
                    lepas_hari(db, &aturan.kunci(&r)).await?;
                    return Err(e);
                }
            }
        }
    }
    Ok(sent)
}

/// One rule due on the day.
enum Langkah {
    /// SKP not yet approved, before the deadline.
    SkpSebelum(NaiveDate),
    /// SKP not approved, `tahap` 1 (PPKin) or 2 (Atasan PPKin) after the deadline.
    SkpLewat(NaiveDate, u8),
    /// Realisasi missing for sub-period `k` (locked on the date), stage 1 or 2.
    RealisasiLewat(i32, NaiveDate, u8),
    /// Evaluations of sub-period `k` not set, due on the date: before it (0) or after (1).
    Evaluasi(i32, NaiveDate, u8),
    /// Objections undecided after their window.
    Keberatan,
    /// The weekly digest of pimpinan.
    Ringkasan,
}

impl Langkah {
    fn kunci(&self, r: &Putaran<'_>) -> String {
        let p = r.period.id;
        let hari = r.hari;
        match self {
            Self::SkpSebelum(_) => format!("hari:skp0:{p}:{hari}"),
            Self::SkpLewat(_, t) => format!("hari:skp{t}:{p}:{hari}"),
            Self::RealisasiLewat(k, _, t) => format!("hari:realisasi{t}:{k}:{p}:{hari}"),
            Self::Evaluasi(k, _, t) => format!("hari:evaluasi{t}:{k}:{p}:{hari}"),
            Self::Keberatan => format!("hari:keberatan:{p}:{hari}"),
            Self::Ringkasan => format!("hari:ringkasan:{p}:{hari}"),
        }
    }
}

struct Putaran<'a> {
    db: &'a DatabaseConnection,
    period: periods::Model,
    hari: NaiveDate,
    senyap: Senyap,
    akar: Vec<Uuid>,
}

/// Who a grouped reminder goes to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ke {
    Ppkin,
    Atasan,
}

impl<'a> Putaran<'a> {
    fn ritme(&self) -> Ritme {
        Ritme::parse(&self.period.ritme).unwrap_or(Ritme::Bulanan)
    }

    /// The lock date of each sub-period.
    fn kunci_periode(&self) -> Vec<(i32, NaiveDate)> {
        let jeda = i64::from(self.period.jeda_kunci_realisasi_hari);
        (1..=jumlah_periode(self.ritme()))
            .filter_map(|k| bounds(&self.period, k).map(|(_, end)| (k, end + Duration::days(jeda))))
            .collect()
    }

    /// The latest sub-period whose `date + offset` is on or before today.
    fn terakhir(&self, dates: &[(i32, NaiveDate)], offset: i64) -> Option<(i32, NaiveDate)> {
        dates
            .iter()
            .rev()
            .find(|(_, d)| *d + Duration::days(offset) <= self.hari)
            .copied()
    }

    fn aturan_hari_ini(&self, a: &Aturan) -> Vec<Langkah> {
        let t = self.hari;
        let mut out = Vec::new();
        if let Some(b) = self.period.batas_penetapan_skp {
            if b - Duration::days(a.sebelum) <= t && t <= b {
                out.push(Langkah::SkpSebelum(b));
            }
            if t >= b + Duration::days(a.ppkin) {
                out.push(Langkah::SkpLewat(b, 1));
            }
            if t >= b + Duration::days(a.atasan) {
                out.push(Langkah::SkpLewat(b, 2));
            }
        }
        let locks = self.kunci_periode();
        for (tahap, offset) in [(1, a.ppkin), (2, a.atasan)] {
            if let Some((k, d)) = self.terakhir(&locks, offset) {
                out.push(Langkah::RealisasiLewat(k, d, tahap));
            }
        }
        let due: Vec<(i32, NaiveDate)> = locks
            .iter()
            .map(|(k, d)| (*k, *d + Duration::days(a.evaluasi)))
            .collect();
        if let Some((k, d)) = due
            .iter()
            .find(|(_, d)| *d - Duration::days(a.sebelum) <= t && t <= *d)
        {
            out.push(Langkah::Evaluasi(*k, *d, 0));
        }
        if let Some((k, d)) = self.terakhir(&due, a.ppkin) {
            out.push(Langkah::Evaluasi(k, d, 1));
        }
        out.push(Langkah::Keberatan);
        if a.ringkasan_hari != 0 && t.weekday().number_from_monday() == a.ringkasan_hari {
            out.push(Langkah::Ringkasan);
        }
        out
    }

    async fn jalankan(&self, l: &Langkah, a: &Aturan, at: DateTime<Utc>) -> AppResult<usize> {
        let tahun = self.period.tahun;
        let base = NotificationParams {
            tahun: Some(tahun),
            ..NotificationParams::default()
        };
        let p = self.period.id;
        match *l {
            Langkah::SkpSebelum(b) => {
                // Not submitted: the employee acts; submitted: the PPKin.
                let mut sent = 0;
                let mut per_ppkin: HashMap<Uuid, i64> = HashMap::new();
                let mut c = self.kursor("per.st < 3", 0);
                while let Some(slice) = c.next().await? {
                    for id in slice.iter().filter(|s| s.2 < 2).map(|s| s.0) {
                        let params = NotificationParams {
                            tanggal: Some(b),
                            ..base.clone()
                        };
                        let key = format!("skp:{p}:0:{id}");
                        if kirim_sekali(self.db, key, id, SKP_BATAS, params, "/skp", at).await? {
                            sent += 1;
                        }
                    }
                    let waiting: Vec<Uuid> =
                        slice.iter().filter(|s| s.2 == 2).map(|s| s.0).collect();
                    self.hitung_ke(&waiting, Ke::Ppkin, &mut per_ppkin).await?;
                }
                let params = NotificationParams {
                    tanggal: Some(b),
                    ..base.clone()
                };
                sent += self
                    .kirim_kelompok(
                        per_ppkin,
                        &format!("skp:{p}:0p"),
                        SKP_MENUNGGU,
                        params,
                        "/skp/bawahan",
                        at,
                    )
                    .await?;
                Ok(sent)
            }
            Langkah::SkpLewat(b, tahap) => {
                let ke = if tahap == 1 { Ke::Ppkin } else { Ke::Atasan };
                let counts = self.kelompok("per.st < 3", 0, ke).await?;
                let params = NotificationParams {
                    tanggal: Some(b),
                    hasil: Some(hasil(ke)),
                    ..base
                };
                self.kirim_kelompok(
                    counts,
                    &format!("skp:{p}:{tahap}"),
                    SKP_TERLAMBAT,
                    params,
                    "/skp/bawahan",
                    at,
                )
                .await
            }
            Langkah::RealisasiLewat(k, d, tahap) => {
                let ke = if tahap == 1 { Ke::Ppkin } else { Ke::Atasan };
                let counts = self.kelompok("per.rk = 1", k, ke).await?;
                let params = NotificationParams {
                    periode_ke: Some(k),
                    ritme: Some(self.ritme()),
                    tanggal: Some(d),
                    hasil: Some(hasil(ke)),
                    ..base
                };
                self.kirim_kelompok(
                    counts,
                    &format!("realisasi:{p}:{k}:{tahap}"),
                    REALISASI_TERLAMBAT,
                    params,
                    "/realisasi/bawahan",
                    at,
                )
                .await
            }
            Langkah::Evaluasi(k, d, tahap) => {
                let (ke, kind) = if tahap == 0 {
                    (Ke::Ppkin, EVALUASI_BATAS)
                } else {
                    (Ke::Atasan, EVALUASI_TERLAMBAT)
                };
                let counts = self.kelompok("per.ev = 1", k, ke).await?;
                let params = NotificationParams {
                    periode_ke: Some(k),
                    ritme: Some(self.ritme()),
                    tanggal: Some(d),
                    hasil: Some(hasil(ke)),
                    ..base
                };
                self.kirim_kelompok(
                    counts,
                    &format!("evaluasi:{p}:{k}:{tahap}"),
                    kind,
                    params,
                    "/evaluasi/bawahan",
                    at,
                )
                .await
            }
            Langkah::Keberatan => self.keberatan(at).await,
            Langkah::Ringkasan => self.ringkasan(a, at).await,
        }
    }

    /// The people (employee, unit, SKP state) for whom `kondisi` holds on sub-period `k`,
    /// slice by slice.
    fn kursor(&self, kondisi: &'static str, k: i32) -> Kursor<'_, 'a> {
        Kursor {
            r: self,
            kondisi,
            k,
            root: 0,
            subtree: None,
            after: Uuid::nil(),
        }
    }

    /// The number of people behind, per PPKin or Atasan PPKin.
    async fn kelompok(
        &self,
        kondisi: &'static str,
        k: i32,
        ke: Ke,
    ) -> AppResult<HashMap<Uuid, i64>> {
        let mut counts = HashMap::new();
        let mut c = self.kursor(kondisi, k);
        while let Some(slice) = c.next().await? {
            let ids: Vec<Uuid> = slice.iter().map(|s| s.0).collect();
            self.hitung_ke(&ids, ke, &mut counts).await?;
        }
        Ok(counts)
    }

    /// Adds each of `ids` to the count of their PPKin or Atasan PPKin on the day (one walk up
    /// for the slice).
    async fn hitung_ke(
        &self,
        ids: &[Uuid],
        ke: Ke,
        counts: &mut HashMap<Uuid, i64>,
    ) -> AppResult<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let resolver = Resolver::around(self.db, self.hari, ids.iter().copied()).await?;
        for id in ids {
            let Some(s) = resolver.superiors(*id) else {
                continue;
            };
            let to = match ke {
                Ke::Ppkin => s.ppkin.map(|p| p.employee.id),
                Ke::Atasan => s.atasan_ppkin.map(|p| p.employee.id),
            };
            if let Some(to) = to {
                *counts.entry(to).or_default() += 1;
            }
        }
        Ok(())
    }

    async fn kirim_kelompok(
        &self,
        counts: HashMap<Uuid, i64>,
        prefix: &str,
        kind: &str,
        params: NotificationParams,
        tautan: &str,
        at: DateTime<Utc>,
    ) -> AppResult<usize> {
        let mut sent = 0;
        for (to, n) in counts {
            let params = NotificationParams {
                jumlah: Some(n),
                ..params.clone()
            };
            if kirim_sekali(
                self.db,
                format!("{prefix}:{to}"),
                to,
                kind,
                params,
                tautan,
                at,
            )
            .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Objections of the period still undecided after their window: their Atasan PPKin (the
    /// one named on the SKP, who decides) is reminded once per objection.
    async fn keberatan(&self, at: DateTime<Utc>) -> AppResult<usize> {
        let open = keberatan::Entity::find()
            .filter(keberatan::Column::Status.ne("diputus"))
            .all(self.db)
            .await?;
        if open.is_empty() {
            return Ok(0);
        }
        let evals: HashMap<Uuid, evaluations::Model> = evaluations::Entity::find()
            .filter(evaluations::Column::Id.is_in(open.iter().map(|o| o.evaluation_id)))
            .filter(evaluations::Column::BatasKeberatan.lt(self.hari))
            .all(self.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let skp: HashMap<Uuid, skps::Model> = skps::Entity::find()
            .filter(skps::Column::Id.is_in(evals.values().map(|e| e.skp_id)))
            .filter(skps::Column::PeriodId.eq(self.period.id))
            .all(self.db)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let people: HashMap<Uuid, employees::Model> = employees::Entity::find()
            .filter(employees::Column::Id.is_in(skp.values().map(|s| s.employee_id)))
            .all(self.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let mut sent = 0;
        for o in open {
            let Some(e) = evals.get(&o.evaluation_id) else {
                continue;
            };
            let Some(s) = skp.get(&e.skp_id) else {
                continue;
            };
            let (Some(to), Some(who)) = (s.atasan_ppkin_employee_id, people.get(&s.employee_id))
            else {
                continue;
            };
            if self.senyap.diam(who.unit_id) {
                continue;
            }
            let params = NotificationParams {
                pegawai: Some(kinerja_api::employees::full_name(
                    who.gelar_depan.as_deref(),
                    &who.nama,
                    who.gelar_belakang.as_deref(),
                )),
                tahun: Some(self.period.tahun),
                periode_ke: Some(e.periode_ke),
                ritme: Some(self.ritme()),
                tanggal: e.batas_keberatan,
                ..NotificationParams::default()
            };
            let tautan = format!("/evaluasi/{}?periode_ke={}", s.id, e.periode_ke);
            if kirim_sekali(
                self.db,
                format!("keberatan:{}:0:{to}", o.id),
                to,
                KEBERATAN_MENUNGGU,
                params,
                &tautan,
                at,
            )
            .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// The weekly digest: each active pimpinan placed in a unit, with something overdue in
    /// their unit and below, gets the count (in-app and e-mail), once per ISO week.
    async fn ringkasan(&self, _a: &Aturan, at: DateTime<Utc>) -> AppResult<usize> {
        let leaders: Vec<(Uuid, Option<Uuid>)> = employees::Entity::find()
            .filter(employees::Column::InstansiId.eq(self.period.instansi_id))
            .filter(employees::Column::Status.eq("aktif"))
            .filter(employees::Column::UnitId.is_not_null())
            .filter(
                employees::Column::UserId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(user_roles::Column::UserId)
                        .from(user_roles::Entity)
                        .and_where(user_roles::Column::Role.eq("pimpinan"))
                        .to_owned(),
                ),
            )
            .select_only()
            .column(employees::Column::Id)
            .column(employees::Column::UnitId)
            .into_tuple()
            .all(self.db)
            .await?;
        let week = self.hari.iso_week();
        let mut sent = 0;
        for (id, unit) in leaders {
            let Some(unit) = unit.filter(|u| !self.senyap.diam(Some(*u))) else {
                continue;
            };
            let line = dasbor::kepatuhan_unit(self.db, unit, &self.period, self.hari).await?;
            let lewat_skp = self
                .period
                .batas_penetapan_skp
                .is_some_and(|b| self.hari > b);
            let skp = if lewat_skp {
                line.skp_belum + line.skp_draft + line.skp_diajukan
            } else {
                0
            };
            let parts = [
                ("SKP belum ditetapkan", skp),
                ("realisasi kosong", line.realisasi_kosong),
                ("bukti menunggu", line.bukti_menunggu),
                ("evaluasi belum", line.evaluasi_belum),
                ("keberatan lewat jendela", line.keberatan_lewat),
                ("rencana perbaikan lewat", line.perbaikan_lewat),
            ];
            let total: u64 = parts.iter().map(|p| p.1).sum();
            if total == 0 {
                continue;
            }
            let teks = parts
                .iter()
                .filter(|p| p.1 > 0)
                .map(|(n, c)| format!("{n}: {c}"))
                .collect::<Vec<_>>()
                .join("; ");
            let params = NotificationParams {
                tahun: Some(self.period.tahun),
                jumlah: i64::try_from(total).ok(),
                teks: Some(teks),
                ..NotificationParams::default()
            };
            let key = format!(
                "ringkasan:{}:{}-W{:02}:{id}",
                self.period.id,
                week.year(),
                week.week()
            );
            if kirim_sekali(self.db, key, id, RINGKASAN, params, "/dasbor", at).await? {
                sent += 1;
            }
        }
        Ok(sent)
    }
}

/// A cursor over the people behind in one step, by key, one root unit after the other.
struct Kursor<'r, 'a> {
    r: &'r Putaran<'a>,
    kondisi: &'static str,
    k: i32,
    root: usize,
    subtree: Option<crate::dasbor::sql::Subtree>,
    after: Uuid,
}

impl Kursor<'_, '_> {
    /// The next slice with anyone not silenced; none at the end.
    async fn next(&mut self) -> AppResult<Option<Vec<(Uuid, Option<Uuid>, i32)>>> {
        loop {
            let Some(root) = self.r.akar.get(self.root).copied() else {
                return Ok(None);
            };
            let subtree = match self.subtree.take() {
                Some(s) => s,
                None => {
                    self.after = Uuid::nil();
                    dasbor::subtree_of(self.r.db, root).await?
                }
            };
            let slice = dasbor::orang(
                self.r.db,
                root,
                &subtree,
                self.r.period.id,
                self.k,
                self.r.hari,
                self.kondisi,
                self.after,
                IRISAN,
            )
            .await?;
            match slice.last() {
                Some(last) if i64::try_from(slice.len()).unwrap_or(0) == IRISAN => {
                    self.after = last.0;
                    self.subtree = Some(subtree);
                }
                _ => self.root += 1,
            }
            let kept: Vec<_> = slice
                .into_iter()
                .filter(|s| !self.r.senyap.diam(s.1))
                .collect();
            if !kept.is_empty() {
                return Ok(Some(kept));
            }
        }
    }
}

fn hasil(ke: Ke) -> String {
    match ke {
        Ke::Ppkin => KE_PPKIN,
        Ke::Atasan => KE_ATASAN,
    }
    .to_owned()
}

async fn klaim(
    db: &impl ConnectionTrait,
    kunci: String,
    to: Option<Uuid>,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let done = kirim::Entity::insert(kirim::ActiveModel {
        kunci: Set(kunci),
        penerima_employee_id: Set(to),
        dikirim_at: Set(at),
    })
    .on_conflict(
        OnConflict::column(kirim::Column::Kunci)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(done == 1)
}

/// Takes the day of a rule: true when nobody had it, or when its holder neither finished nor
/// renewed it within [`HARI_LEASE_MENIT`] (a server killed mid-rule leaves the rest of the day's
/// work to the next server, not to the next day). Taking it twice sends nothing twice: each
/// reminder has its own key.
async fn klaim_hari(db: &DatabaseConnection, kunci: &str, at: DateTime<Utc>) -> AppResult<bool> {
    if klaim(db, kunci.to_owned(), None, at).await? {
        return Ok(true);
    }
    if kirim::Entity::find_by_id(format!("selesai:{kunci}"))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    // One conditional update: of two servers taking over together, one changes the row and
    // the other's condition no longer holds.
    let taken = kirim::Entity::update_many()
        .col_expr(
            kirim::Column::DikirimAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(kirim::Column::Kunci.eq(kunci))
        .filter(kirim::Column::DikirimAt.lt(at - Duration::minutes(HARI_LEASE_MENIT)))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Marks a rule's day done, so nobody takes it over.
async fn selesai_hari(db: &DatabaseConnection, kunci: &str, at: DateTime<Utc>) -> AppResult<()> {
    klaim(db, format!("selesai:{kunci}"), None, at).await?;
    Ok(())
}

async fn lepas_hari(db: &DatabaseConnection, kunci: &str) -> AppResult<()> {
    kirim::Entity::delete_by_id(kunci.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Sends the notification unless its key was sent before: the key and the notification are
/// written in one transaction, so it goes out exactly once.
pub(crate) async fn kirim_sekali(
    db: &DatabaseConnection,
    kunci: String,
    to: Uuid,
    kind: &str,
    params: NotificationParams,
    tautan: &str,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let txn = db.begin().await?;
    if !klaim(&txn, kunci, Some(to), at).await? {
        txn.rollback().await?;
        return Ok(false);
    }
    crate::notifications::send(&txn, to, kind, params, tautan.to_owned()).await?;
    txn.commit().await?;
    Ok(true)
}
