//! Who is an employee's Pejabat Penilai Kinerja (PPKin) and Atasan PPKin on a given date.
//!
//! Rules (docs/regulation.md, "Who sees and acts on an SKP"): an explicit override set by the
//! admin wins. Otherwise walk up the position hierarchy from the employee's definitive position
//! on that date: the first superior position of at least Pengawas rank that someone holds is
//! the PPKin — its definitive holder ("derived"), or, when it has none, an acting official
//! (Plt/Plh, "acting"). A vacant position is skipped. The Atasan PPKin is the PPKin's own PPKin
//! by the same rules.
//!
//! A [`Resolver`] is a snapshot of one instansi at one date, loaded with four queries, so the
//! whole organisation can be resolved for the unresolved-superiors report without N+1 queries.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use kinerja_api::employees::{JenisPenugasan, StatusPegawai, Superior, SuperiorReason, Superiors};
use kinerja_api::organisation::EmployeeRef;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::{assignments, employees, positions, ref_jenjang, superior_overrides};
use crate::error::AppResult;
use crate::organisation::service::employee_ref;

pub struct Resolver {
    date: NaiveDate,
    employees: HashMap<Uuid, employees::Model>,
    positions: HashMap<Uuid, positions::Model>,
    can_rate: HashSet<String>,
    /// Employee → definitive position on the date.
    definitive_of: HashMap<Uuid, Uuid>,
    /// Position → definitive holder on the date.
    holder: HashMap<Uuid, Uuid>,
    /// Position → acting holder (Plt/Plh) on the date.
    acting: HashMap<Uuid, Uuid>,
    overrides: HashMap<Uuid, Uuid>,
}

fn active_on(mulai: NaiveDate, selesai: Option<NaiveDate>, date: NaiveDate) -> bool {
    mulai <= date && selesai.is_none_or(|s| s >= date)
}

impl Resolver {
    /// Snapshot of `instansi` on `date`.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load(
        db: &impl ConnectionTrait,
        instansi: Uuid,
        date: NaiveDate,
    ) -> AppResult<Self> {
        let employees: HashMap<Uuid, employees::Model> = employees::Entity::find()
            .filter(employees::Column::InstansiId.eq(instansi))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let ids: Vec<Uuid> = employees.keys().copied().collect();
        let live = Condition::all()
            .add(assignments::Column::Mulai.lte(date))
            .add(
                Condition::any()
                    .add(assignments::Column::Selesai.is_null())
                    .add(assignments::Column::Selesai.gte(date)),
            );
        let current = assignments::Entity::find()
            .filter(live)
            .filter(assignments::Column::EmployeeId.is_in(ids.clone()))
            .all(db)
            .await?;
        let position_ids: HashSet<Uuid> = current.iter().map(|a| a.jabatan_id).collect();
        let mut positions: HashMap<Uuid, positions::Model> = HashMap::new();
        // Positions of the instansi's units plus any referenced position (the chain may cross
        // into another unit); loaded level by level up the hierarchy.
        let mut frontier: Vec<Uuid> = position_ids.into_iter().collect();
        while !frontier.is_empty() {
            let batch = positions::Entity::find()
                .filter(positions::Column::Id.is_in(frontier.clone()))
                .all(db)
                .await?;
            frontier = batch
                .iter()
                .filter_map(|p| p.atasan_id)
                .filter(|id| !positions.contains_key(id))
                .collect();
            for p in batch {
                positions.insert(p.id, p);
            }
            frontier.retain(|id| !positions.contains_key(id));
        }
        let can_rate = ref_jenjang::Entity::find()
            .filter(ref_jenjang::Column::DapatMenilai.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|j| j.kode)
            .collect();
        let overrides = superior_overrides::Entity::find()
            .filter(superior_overrides::Column::EmployeeId.is_in(ids))
            .filter(superior_overrides::Column::Mulai.lte(date))
            .all(db)
            .await?
            .into_iter()
            .filter(|o| active_on(o.mulai, o.selesai, date))
            .map(|o| (o.employee_id, o.ppkin_employee_id))
            .collect();
        let mut resolver = Self {
            date,
            employees,
            positions,
            can_rate,
            definitive_of: HashMap::new(),
            holder: HashMap::new(),
            acting: HashMap::new(),
            overrides,
        };
        for a in current {
            match JenisPenugasan::parse(&a.jenis) {
                Some(JenisPenugasan::Definitif) => {
                    resolver.definitive_of.insert(a.employee_id, a.jabatan_id);
                    resolver.holder.insert(a.jabatan_id, a.employee_id);
                }
                _ => {
                    resolver.acting.insert(a.jabatan_id, a.employee_id);
                }
            }
        }
        Ok(resolver)
    }

    fn reference(&self, employee: Uuid) -> Option<EmployeeRef> {
        let e = self.employees.get(&employee)?;
        let jabatan = self
            .definitive_of
            .get(&employee)
            .and_then(|p| self.positions.get(p))
            .map(|p| p.nama.clone());
        Some(employee_ref(e, jabatan))
    }

    /// The PPKin of `employee`, or why there is none.
    pub fn ppkin(&self, employee: Uuid) -> Result<Superior, String> {
        if let Some(ppkin) = self.overrides.get(&employee) {
            return self
                .reference(*ppkin)
                .map(|r| Superior {
                    employee: r,
                    reason: SuperiorReason::Override,
                    via_jabatan: None,
                })
                .ok_or_else(|| {
                    "Pejabat penilai yang ditetapkan admin tidak ditemukan.".to_owned()
                });
        }
        let Some(position) = self
            .definitive_of
            .get(&employee)
            .and_then(|p| self.positions.get(p))
        else {
            return Err("Tidak memiliki jabatan definitif pada tanggal tersebut.".to_owned());
        };
        let mut seen = HashSet::new();
        let mut next = position.atasan_id;
        while let Some(id) = next {
            if !seen.insert(id) {
                return Err("Struktur jabatan atasan membentuk lingkaran.".to_owned());
            }
            let Some(superior) = self.positions.get(&id) else {
                break;
            };
            if self.can_rate.contains(&superior.jenjang) {
                let found = match (self.holder.get(&id), self.acting.get(&id)) {
                    (Some(h), _) if *h != employee => Some((*h, SuperiorReason::Derived)),
                    (_, Some(a)) if *a != employee => Some((*a, SuperiorReason::Acting)),
                    _ => None,
                };
                if let Some((holder, reason)) = found
                    && let Some(r) = self.reference(holder)
                {
                    return Ok(Superior {
                        employee: r,
                        reason,
                        via_jabatan: Some(superior.nama.clone()),
                    });
                }
            }
            next = superior.atasan_id;
        }
        Err(if position.atasan_id.is_none() {
            "Jabatan tidak memiliki jabatan atasan (puncak struktur); tetapkan pejabat penilai secara manual.".to_owned()
        } else {
            "Tidak ada pejabat minimal Pengawas yang menduduki jabatan atasan.".to_owned()
        })
    }

    /// The employees of the snapshot (the instansi), for lists that pick by superior.
    pub fn employee_ids(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.employees.keys().copied()
    }

    /// PPKin and Atasan PPKin of `employee`.
    pub fn superiors(&self, employee: Uuid) -> Option<Superiors> {
        let reference = self.reference(employee)?;
        let (ppkin, atasan, unresolved) = match self.ppkin(employee) {
            Ok(ppkin) => {
                let atasan = self.ppkin(ppkin.employee.id).ok();
                (Some(ppkin), atasan, None)
            }
            Err(why) => (None, None, Some(why)),
        };
        Some(Superiors {
            date: self.date,
            employee: reference,
            ppkin,
            atasan_ppkin: atasan,
            unresolved,
        })
    }

    /// An employee of the instansi, as loaded.
    pub fn employee(&self, id: Uuid) -> Option<&employees::Model> {
        self.employees.get(&id)
    }

    /// The employees `rater` rates on the resolver's date as PPKin, and those whose Atasan
    /// PPKin `rater` is; each PPKin resolved once.
    pub fn rated_by(&self, rater: Uuid) -> (Vec<Uuid>, Vec<Uuid>) {
        let mut ppkin_of: HashMap<Uuid, Option<Uuid>> = HashMap::new();
        let mut resolve = |id: Uuid| {
            *ppkin_of
                .entry(id)
                .or_insert_with(|| self.ppkin(id).ok().map(|p| p.employee.id))
        };
        let (mut as_ppkin, mut as_atasan) = (Vec::new(), Vec::new());
        for &id in self.employees.keys().filter(|id| **id != rater) {
            match resolve(id) {
                Some(p) if p == rater => as_ppkin.push(id),
                Some(p) if resolve(p) == Some(rater) => as_atasan.push(id),
                _ => {}
            }
        }
        (as_ppkin, as_atasan)
    }

    /// Employees in service whose PPKin cannot be resolved, with the reason.
    pub fn unresolved(&self) -> Vec<(&employees::Model, String)> {
        let mut out: Vec<_> = self
            .employees
            .values()
            .filter(|e| {
                matches!(
                    StatusPegawai::parse(&e.status),
                    Some(StatusPegawai::Aktif | StatusPegawai::Cuti | StatusPegawai::TugasBelajar)
                )
            })
            .filter_map(|e| self.ppkin(e.id).err().map(|why| (e, why)))
            .collect();
        out.sort_by(|a, b| a.0.nama.cmp(&b.0.nama));
        out
    }
}

/// The employee linked to `user_id` and whether they rate or oversee anyone on `date`, in two
/// small queries (never the instansi): the PPKin or Atasan PPKin of an SKP of an open period,
/// the rater named by an override, or the holder (definitive or acting) of a position that
/// other active positions report to. It only decides which menus the SPA shows; each page
/// checks the real rights again.
///
/// # Errors
/// On a database failure.
pub async fn subordinates_flag(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    date: NaiveDate,
) -> AppResult<(Option<Uuid>, bool)> {
    use sea_orm::sea_query::Query;
    use sea_orm::{PaginatorTrait, QuerySelect};

    use crate::entities::{periods, skps};
    use kinerja_api::planning::StatusPeriode;

    let Some(employee_id) = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .filter(employees::Column::UserId.eq(user_id))
        .into_tuple::<Uuid>()
        .one(db)
        .await?
    else {
        return Ok((None, false));
    };
    let open_periods = Query::select()
        .column(periods::Column::Id)
        .from(periods::Entity)
        .and_where(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .to_owned();
    let skp_raters = |column: skps::Column| {
        Query::select()
            .column(column)
            .from(skps::Entity)
            .and_where(skps::Column::PeriodId.in_subquery(open_periods.clone()))
            .and_where(column.is_not_null())
            .to_owned()
    };
    let override_raters = Query::select()
        .column(superior_overrides::Column::PpkinEmployeeId)
        .from(superior_overrides::Entity)
        .and_where(superior_overrides::Column::Mulai.lte(date))
        .cond_where(
            Condition::any()
                .add(superior_overrides::Column::Selesai.is_null())
                .add(superior_overrides::Column::Selesai.gte(date)),
        )
        .to_owned();
    let superior_positions = Query::select()
        .column(positions::Column::AtasanId)
        .from(positions::Entity)
        .and_where(positions::Column::Aktif.eq(true))
        .and_where(positions::Column::AtasanId.is_not_null())
        .to_owned();
    let holders = Query::select()
        .column(assignments::Column::EmployeeId)
        .from(assignments::Entity)
        .and_where(assignments::Column::Mulai.lte(date))
        .cond_where(
            Condition::any()
                .add(assignments::Column::Selesai.is_null())
                .add(assignments::Column::Selesai.gte(date)),
        )
        .and_where(assignments::Column::JabatanId.in_subquery(superior_positions))
        .to_owned();
    let rates = employees::Entity::find()
        .filter(employees::Column::Id.eq(employee_id))
        .filter(
            Condition::any()
                .add(employees::Column::Id.in_subquery(skp_raters(skps::Column::PpkinEmployeeId)))
                .add(
                    employees::Column::Id
                        .in_subquery(skp_raters(skps::Column::AtasanPpkinEmployeeId)),
                )
                .add(employees::Column::Id.in_subquery(override_raters))
                .add(employees::Column::Id.in_subquery(holders)),
        )
        .count(db)
        .await?;
    Ok((Some(employee_id), rates > 0))
}
