//! Who is an employee's Pejabat Penilai Kinerja (PPKin) and Atasan PPKin on a given date.
//!
//! Rules (docs/regulation.md, "Who sees and acts on an SKP"): an explicit override set by the
//! admin wins. Otherwise walk up the position hierarchy from the employee's definitive position
//! on that date: the first superior position of at least Pengawas rank that someone holds is
//! the PPKin — its definitive holder ("derived"), or, when it has none, an acting official
//! (Plt/Plh, "acting"). A vacant position is skipped. The Atasan PPKin is the PPKin's own PPKin
//! by the same rules.
//!
//! A [`Resolver`] is a partial snapshot at one date: it holds only what answering for a few
//! people needs — their overrides and assignments, the chain of positions above them and the
//! holders of those positions — so its cost follows the height of the organisation, never its
//! size (docs/performance.md). [`Resolver::around`] walks up from given employees,
//! [`Resolver::below`] down from a rater to the people they rate.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use kinerja_api::employees::{JenisPenugasan, StatusPegawai, Superior, SuperiorReason, Superiors};
use kinerja_api::organisation::EmployeeRef;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::entities::{assignments, employees, positions, ref_jenjang, superior_overrides};
use crate::error::AppResult;
use crate::organisation::service::employee_ref;
use crate::sql::Sql;

/// Positions below a rater visited when looking for the people they rate: the rater's own
/// span, then one more rating layer (the people the rater oversees as Atasan PPKin).
const LAYERS_BELOW: u8 = 1;

#[derive(Default)]
pub struct Resolver {
    date: NaiveDate,
    employees: HashMap<Uuid, employees::Model>,
    /// Every loaded position has its holders on the date loaded too.
    positions: HashMap<Uuid, Jabatan>,
    can_rate: HashSet<String>,
    /// Employee → definitive position on the date.
    definitive_of: HashMap<Uuid, Uuid>,
    /// Position → definitive holder on the date.
    holder: HashMap<Uuid, Uuid>,
    /// Position → acting holder (Plt/Plh) on the date.
    acting: HashMap<Uuid, Uuid>,
    overrides: HashMap<Uuid, Uuid>,
    /// Employees whose own standing (override, assignments, positions above) is loaded: the
    /// only ones [`Resolver::ppkin`] answers for.
    expanded: HashSet<Uuid>,
}

/// What the walk needs of a position.
struct Jabatan {
    nama: String,
    atasan_id: Option<Uuid>,
    jenjang: String,
}

fn live_overrides(date: NaiveDate) -> Condition {
    Condition::all()
        .add(superior_overrides::Column::Mulai.lte(date))
        .add(
            Condition::any()
                .add(superior_overrides::Column::Selesai.is_null())
                .add(superior_overrides::Column::Selesai.gte(date)),
        )
}

fn live_assignments(date: NaiveDate) -> Condition {
    Condition::all()
        .add(assignments::Column::Mulai.lte(date))
        .add(
            Condition::any()
                .add(assignments::Column::Selesai.is_null())
                .add(assignments::Column::Selesai.gte(date)),
        )
}

/// `{alias}` (assignments or overrides) is in force on the bound date `d`.
fn live(alias: &str, d: &str) -> String {
    format!("{alias}.mulai <= {d} AND ({alias}.selesai IS NULL OR {alias}.selesai >= {d})")
}

/// One row of [`Resolver::expand`]'s statement: a position above the people (`'p'`) with one
/// of its holders on the date (or none), or an override of one of the people (`'o'`).
#[derive(FromQueryResult)]
struct Kedudukan {
    baris: String,
    id: Uuid,
    nama: Option<String>,
    atasan_id: Option<Uuid>,
    jenjang: Option<String>,
    pegawai_id: Option<Uuid>,
    jenis: Option<String>,
}

impl Resolver {
    async fn empty(db: &impl ConnectionTrait, date: NaiveDate) -> AppResult<Self> {
        // Which ranks may rate is reference data set by migrations (the HR office edits only
        // the angka kredit coefficients): read once per process.
        static CAN_RATE: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
        let can_rate = match CAN_RATE.get() {
            Some(known) => known.clone(),
            None => {
                let read: HashSet<String> = ref_jenjang::Entity::find()
                    .select_only()
                    .column(ref_jenjang::Column::Kode)
                    .filter(ref_jenjang::Column::DapatMenilai.eq(true))
                    .into_tuple::<String>()
                    .all(db)
                    .await?
                    .into_iter()
                    .collect();
                CAN_RATE.get_or_init(|| read).clone()
            }
        };
        Ok(Self {
            date,
            can_rate,
            ..Self::default()
        })
    }

    /// Enough to answer [`Resolver::superiors`] for each of `employees` on `date`: their
    /// standing, then their PPKin's (for the Atasan PPKin) — about ten queries whatever the
    /// size of the instansi.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn around(
        db: &impl ConnectionTrait,
        date: NaiveDate,
        employees: impl IntoIterator<Item = Uuid>,
    ) -> AppResult<Self> {
        let mut resolver = Self::empty(db, date).await?;
        let seeds: Vec<Uuid> = employees.into_iter().collect();
        resolver.expand(db, &seeds).await?;
        let raters: Vec<Uuid> = seeds
            .iter()
            .filter_map(|&id| resolver.ppkin(id).ok().map(|p| p.employee.id))
            .collect();
        resolver.expand(db, &raters).await?;
        Ok(resolver)
    }

    /// Enough to answer [`Resolver::ppkin`] (not the Atasan PPKin) for each of `employees`.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn ppkin_only(
        db: &impl ConnectionTrait,
        date: NaiveDate,
        employees: impl IntoIterator<Item = Uuid>,
    ) -> AppResult<Self> {
        let mut resolver = Self::empty(db, date).await?;
        let seeds: Vec<Uuid> = employees.into_iter().collect();
        resolver.expand(db, &seeds).await?;
        Ok(resolver)
    }

    /// The people `rater` may rate on `date` as PPKin or oversee as Atasan PPKin, resolved:
    /// walks down from the positions `rater` holds (two rating layers deep) and follows the
    /// overrides naming them, then checks each candidate by the rules; use
    /// [`Resolver::rated_by`] on the result. The cost follows the rater's span, not the
    /// instansi.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn below(db: &impl ConnectionTrait, date: NaiveDate, rater: Uuid) -> AppResult<Self> {
        let mut resolver = Self::empty(db, date).await?;
        let mut sql = Sql::new(db);
        let d = sql.bind(date);
        let me = sql.bind(rater);
        let rates = sql.is_in("p.jenjang", resolver.can_rate.iter().cloned());
        let layers = sql.bind(i32::from(LAYERS_BELOW));
        let (held, named, named_below) = (live("h", &d), live("o", &d), live("o2", &d));
        let own = live("a", &d);
        // `down`: the positions below the rater's with their rating layer — a position that
        // can rate and is held starts the next layer; the walk goes on below a position while
        // its layer is at most LAYERS_BELOW (`UNION` stops on a cycle). Candidates: the holders
        // of those positions, the people whose override names the rater, and those whose
        // override names one of them.
        let text = format!(
            "WITH RECURSIVE down(id, layer, root) AS ( \
               SELECT a.jabatan_id, 0, 1 FROM assignments a WHERE a.employee_id = {me} AND {own} \
               UNION SELECT p.id, d.layer + CASE WHEN {rates} AND EXISTS ( \
                   SELECT 1 FROM assignments h WHERE h.jabatan_id = p.id AND {held}) \
                 THEN 1 ELSE 0 END, 0 \
               FROM positions p JOIN down d ON p.atasan_id = d.id WHERE d.layer <= {layers}), \
             cand(employee_id) AS ( \
               SELECT h.employee_id FROM assignments h JOIN down d ON h.jabatan_id = d.id \
               WHERE d.root = 0 AND {held} \
               UNION SELECT o.employee_id FROM superior_overrides o \
               WHERE o.ppkin_employee_id = {me} AND {named}) \
             SELECT employee_id FROM cand \
             UNION SELECT o2.employee_id FROM superior_overrides o2 \
             WHERE o2.ppkin_employee_id IN (SELECT employee_id FROM cand) AND {named_below}"
        );
        let seeds: Vec<Uuid> = db
            .query_all_raw(sql.stmt(text))
            .await?
            .iter()
            .map(|row| row.try_get_by_index::<Uuid>(0))
            .collect::<Result<HashSet<Uuid>, _>>()?
            .into_iter()
            .filter(|id| *id != rater)
            .collect();
        resolver.expand(db, &seeds).await?;
        let raters: Vec<Uuid> = seeds
            .iter()
            .filter_map(|&id| resolver.ppkin(id).ok().map(|p| p.employee.id))
            .collect();
        resolver.expand(db, &raters).await?;
        Ok(resolver)
    }

    /// Loads the standing of `ids` not loaded yet, in two statements: their overrides and the
    /// positions above their positions on the date (a recursive CTE) with those positions'
    /// holders; then the people named.
    async fn expand(&mut self, db: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<()> {
        let ids: Vec<Uuid> = ids
            .iter()
            .copied()
            .filter(|id| !self.expanded.contains(id))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        let mut sql = Sql::new(db);
        let d = sql.bind(self.date);
        let seeds = sql.is_in("a.employee_id", ids.iter().copied());
        let overridden = sql.is_in("o.employee_id", ids.iter().copied());
        let (own, held, named) = (live("a", &d), live("h", &d), live("o", &d));
        let text = format!(
            "WITH RECURSIVE up(id) AS ( \
               SELECT a.jabatan_id FROM assignments a WHERE {seeds} AND {own} \
               UNION SELECT p.atasan_id FROM positions p JOIN up ON p.id = up.id \
               WHERE p.atasan_id IS NOT NULL) \
             SELECT 'p' AS baris, p.id AS id, p.nama AS nama, p.atasan_id AS atasan_id, \
               p.jenjang AS jenjang, h.employee_id AS pegawai_id, h.jenis AS jenis \
             FROM positions p LEFT JOIN assignments h ON h.jabatan_id = p.id AND {held} \
             WHERE p.id IN (SELECT id FROM up) \
             UNION ALL SELECT 'o', o.employee_id, NULL, NULL, NULL, o.ppkin_employee_id, NULL \
             FROM superior_overrides o WHERE {overridden} AND {named}"
        );
        for row in Kedudukan::find_by_statement(sql.stmt(text)).all(db).await? {
            if row.baris == "o" {
                if let Some(ppkin) = row.pegawai_id {
                    self.overrides.insert(row.id, ppkin);
                }
                continue;
            }
            if let (Some(holder), Some(jenis)) = (row.pegawai_id, row.jenis.as_deref()) {
                self.record(holder, row.id, jenis);
            }
            self.positions.entry(row.id).or_insert(Jabatan {
                nama: row.nama.unwrap_or_default(),
                atasan_id: row.atasan_id,
                jenjang: row.jenjang.unwrap_or_default(),
            });
        }
        let mut people: HashSet<Uuid> = ids.iter().copied().collect();
        people.extend(self.holder.values().copied());
        people.extend(self.acting.values().copied());
        people.extend(self.overrides.values().copied());
        people.retain(|id| !self.employees.contains_key(id));
        if !people.is_empty() {
            for e in employees::Entity::find()
                .filter(employees::Column::Id.is_in(people))
                .all(db)
                .await?
            {
                self.employees.insert(e.id, e);
            }
        }
        self.expanded.extend(ids);
        Ok(())
    }

    fn record(&mut self, employee: Uuid, position: Uuid, jenis: &str) {
        match JenisPenugasan::parse(jenis) {
            Some(JenisPenugasan::Definitif) => {
                self.definitive_of.insert(employee, position);
                self.holder.insert(position, employee);
            }
            _ => {
                self.acting.insert(position, employee);
            }
        }
    }

    /// Snapshot of a whole instansi on `date`, for the demo seeder that plans everyone.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load(
        db: &impl ConnectionTrait,
        instansi: Uuid,
        date: NaiveDate,
    ) -> AppResult<Self> {
        let ids: Vec<Uuid> = employees::Entity::find()
            .select_only()
            .column(employees::Column::Id)
            .filter(employees::Column::InstansiId.eq(instansi))
            .into_tuple::<Uuid>()
            .all(db)
            .await?;
        Self::around(db, date, ids).await
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
        if !self.expanded.contains(&employee) {
            return Err("Pegawai tidak termuat dalam penelusuran atasan.".to_owned());
        }
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

    /// The employees the snapshot answers for.
    pub fn employee_ids(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.expanded.iter().copied()
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
        for &id in self.expanded.iter().filter(|id| **id != rater) {
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
            .expanded
            .iter()
            .filter_map(|id| self.employees.get(id))
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

/// Whether `employee` rates or oversees anyone on `date`, in one query of indexed lookups
/// (never the instansi): the PPKin or Atasan PPKin of an SKP of an open period, the rater named
/// by an override, or the holder (definitive or acting) of a position that other active
/// positions report to. It only decides which menus the SPA shows; each page checks the real
/// rights again.
///
/// # Errors
/// On a database failure.
pub async fn rates_anyone(
    db: &impl ConnectionTrait,
    employee: Uuid,
    date: NaiveDate,
) -> AppResult<bool> {
    use sea_orm::PaginatorTrait;
    use sea_orm::sea_query::{Expr, ExprTrait, Query};

    use crate::entities::{periods, skps};
    use kinerja_api::planning::StatusPeriode;

    let open_periods = Query::select()
        .column(periods::Column::Id)
        .from(periods::Entity)
        .and_where(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .to_owned();
    let rates_on_skp = |column: skps::Column| {
        Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(skps::Entity)
                .and_where(column.eq(employee))
                .and_where(skps::Column::PeriodId.in_subquery(open_periods.clone()))
                .to_owned(),
        )
    };
    let named = Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(superior_overrides::Entity)
            .and_where(superior_overrides::Column::PpkinEmployeeId.eq(employee))
            .cond_where(live_overrides(date))
            .to_owned(),
    );
    let holds_a_superior_post = Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(assignments::Entity)
            .inner_join(
                positions::Entity,
                Expr::col((positions::Entity, positions::Column::AtasanId))
                    .equals((assignments::Entity, assignments::Column::JabatanId)),
            )
            .and_where(
                Expr::col((assignments::Entity, assignments::Column::EmployeeId)).eq(employee),
            )
            .and_where(Expr::col((positions::Entity, positions::Column::Aktif)).eq(true))
            .cond_where(live_assignments(date))
            .to_owned(),
    );
    let found = employees::Entity::find()
        .filter(employees::Column::Id.eq(employee))
        .filter(
            Condition::any()
                .add(rates_on_skp(skps::Column::PpkinEmployeeId))
                .add(rates_on_skp(skps::Column::AtasanPpkinEmployeeId))
                .add(named)
                .add(holds_a_superior_post),
        )
        .count(db)
        .await?;
    Ok(found > 0)
}
