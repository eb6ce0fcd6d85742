//! One employee's year of measurement, across SKP versions: each sub-period's target and
//! realisasi per indicator, and the figures from the start of the year.
//!
//! A sub-period's capaian compares its realisasi with that sub-period's target: the rencana
//! aksi target where the employee set one, else the yearly target split by its nature (a count
//! spread over the sub-periods, a level held, a deadline in the sub-period of its date). An
//! indicator is followed back through the versions it continues (perubahan SKP), so that the
//! year to date adds up what was recorded under each. See docs/regulation.md, "Capaian per
//! periode".

use std::collections::HashMap;

use kinerja_api::measurement::{
    CAPAIAN_TAMPIL_MAKS, DasarTarget, Kumulatif, TargetPeriode, capaian, kumulatif, target_periode,
};
use kinerja_api::planning::{Arah, JenisRhk, JenisTarget};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::{periods, realisasi, rencana_aksi, skp_iki, skp_rhk, skps};
use crate::error::AppResult;
use crate::planning::versi::{Versions, periode_ke_of};

fn jumlah(period: &periods::Model) -> i32 {
    super::service::jumlah_periode(
        kinerja_api::planning::Ritme::parse(&period.ritme)
            .unwrap_or(kinerja_api::planning::Ritme::Bulanan),
    )
}

/// Everything measured in one employee's year (a fixed number of queries).
pub struct Tahun {
    pub period: periods::Model,
    /// Number of sub-periods (12, 4 or 2).
    pub n: i32,
    pub versions: Versions,
    rhk: Vec<skp_rhk::Model>,
    iki: HashMap<Uuid, skp_iki::Model>,
    /// The SKP version each IKI belongs to.
    iki_skp: HashMap<Uuid, Uuid>,
    realisasi: HashMap<(Uuid, i32), realisasi::Model>,
    rencana: HashMap<(Uuid, i32), rencana_aksi::Model>,
    /// The one sub-period read, when not the whole year ([`Tahun::load_many`]).
    hanya: Option<i32>,
}

impl Tahun {
    /// Loads the year of `skp`'s employee: every approved version, and `skp` itself.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load(
        db: &impl ConnectionTrait,
        period: periods::Model,
        skp: &skps::Model,
    ) -> AppResult<Self> {
        let years = Self::load_many(db, &period, std::slice::from_ref(skp), None).await?;
        Ok(Self::one(years, period, skp))
    }

    /// As [`Tahun::load`], from the year's versions the caller already read
    /// ([`crate::planning::versi::resolve_with_versions`]): one query less.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load_in(
        db: &impl ConnectionTrait,
        period: periods::Model,
        skp: &skps::Model,
        versions: Versions,
    ) -> AppResult<Self> {
        let years = Self::load_many_in(
            db,
            &period,
            HashMap::from([(skp.employee_id, versions)]),
            std::slice::from_ref(skp),
            None,
        )
        .await?;
        Ok(Self::one(years, period, skp))
    }

    fn one(mut years: HashMap<Uuid, Self>, period: periods::Model, skp: &skps::Model) -> Self {
        years.remove(&skp.employee_id).unwrap_or_else(|| Self {
            n: jumlah(&period),
            period,
            versions: Versions::of_none(),
            rhk: Vec::new(),
            iki: HashMap::new(),
            iki_skp: HashMap::new(),
            realisasi: HashMap::new(),
            rencana: HashMap::new(),
            hanya: None,
        })
    }

    /// The years of the employees of `skps` (one SKP each, of `period`), by employee, in five
    /// queries however many they are: a work list reads its people's years at once. With
    /// `hanya` = `Some(k)` only sub-period `k`'s realisasi and rencana aksi are read (a
    /// month's evaluation compares nothing else: a twelfth of the rows); such a year answers
    /// only for `k`.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load_many(
        db: &impl ConnectionTrait,
        period: &periods::Model,
        skps: &[skps::Model],
        hanya: Option<i32>,
    ) -> AppResult<HashMap<Uuid, Self>> {
        let mut by_employee: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
        for m in skps::Entity::find()
            .filter(skps::Column::PeriodId.eq(period.id))
            .filter(skps::Column::EmployeeId.is_in(skps.iter().map(|m| m.employee_id)))
            .order_by_asc(skps::Column::Versi)
            .all(db)
            .await?
        {
            by_employee.entry(m.employee_id).or_default().push(m);
        }
        let versions_of = skps
            .iter()
            .map(|skp| {
                let models = by_employee
                    .get(&skp.employee_id)
                    .cloned()
                    .unwrap_or_default();
                (skp.employee_id, Versions::of(period, models))
            })
            .collect();
        Self::load_many_in(db, period, versions_of, skps, hanya).await
    }

    /// As [`Tahun::load_many`], from each employee's approved versions of the year that the
    /// caller read ([`Versions::of`]): four queries.
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load_many_in(
        db: &impl ConnectionTrait,
        period: &periods::Model,
        versions_of: HashMap<Uuid, Versions>,
        skps: &[skps::Model],
        hanya: Option<i32>,
    ) -> AppResult<HashMap<Uuid, Self>> {
        // Each employee's approved versions, and the SKP asked about even when not approved.
        let mut ids_of: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for skp in skps {
            let mut ids: Vec<Uuid> = versions_of
                .get(&skp.employee_id)
                .map(|v| v.all().iter().map(|(m, _)| m.id).collect())
                .unwrap_or_default();
            if !ids.contains(&skp.id) {
                ids.push(skp.id);
            }
            ids_of.insert(skp.employee_id, ids);
        }
        let employee_of: HashMap<Uuid, Uuid> = ids_of
            .iter()
            .flat_map(|(e, ids)| ids.iter().map(move |id| (*id, *e)))
            .collect();
        let rhk = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.is_in(employee_of.keys().copied()))
            .order_by_asc(skp_rhk::Column::Urutan)
            .all(db)
            .await?;
        let rhk_skp: HashMap<Uuid, Uuid> = rhk.iter().map(|r| (r.id, r.skp_id)).collect();
        let iki_rows = skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(rhk_skp.keys().copied()))
            .order_by_asc(skp_iki::Column::Urutan)
            .all(db)
            .await?;
        let ids: Vec<Uuid> = iki_rows.iter().map(|i| i.id).collect();
        let mut realisasi =
            realisasi::Entity::find().filter(realisasi::Column::IkiId.is_in(ids.clone()));
        let mut rencana =
            rencana_aksi::Entity::find().filter(rencana_aksi::Column::IkiId.is_in(ids));
        if let Some(k) = hanya {
            realisasi = realisasi.filter(realisasi::Column::PeriodeKe.eq(k));
            rencana = rencana.filter(rencana_aksi::Column::PeriodeKe.eq(k));
        }
        let realisasi = realisasi.all(db).await?;
        let rencana = rencana.all(db).await?;
        let n = jumlah(period);
        let mut years: HashMap<Uuid, Self> = versions_of
            .into_iter()
            .map(|(e, versions)| {
                let year = Self {
                    period: period.clone(),
                    n,
                    versions,
                    rhk: Vec::new(),
                    iki: HashMap::new(),
                    iki_skp: HashMap::new(),
                    realisasi: HashMap::new(),
                    rencana: HashMap::new(),
                    hanya,
                };
                (e, year)
            })
            .collect();
        let year_of_skp = |skp: &Uuid| employee_of.get(skp).copied();
        for r in rhk {
            if let Some(y) = year_of_skp(&r.skp_id).and_then(|e| years.get_mut(&e)) {
                y.rhk.push(r);
            }
        }
        let mut iki_employee: HashMap<Uuid, Uuid> = HashMap::new();
        for i in iki_rows {
            let Some(skp) = rhk_skp.get(&i.rhk_id).copied() else {
                continue;
            };
            if let Some(e) = year_of_skp(&skp)
                && let Some(y) = years.get_mut(&e)
            {
                iki_employee.insert(i.id, e);
                y.iki_skp.insert(i.id, skp);
                y.iki.insert(i.id, i);
            }
        }
        for r in realisasi {
            if let Some(y) = iki_employee.get(&r.iki_id).and_then(|e| years.get_mut(e)) {
                y.realisasi.insert((r.iki_id, r.periode_ke), r);
            }
        }
        for r in rencana {
            if let Some(y) = iki_employee.get(&r.iki_id).and_then(|e| years.get_mut(e)) {
                y.rencana.insert((r.iki_id, r.periode_ke), r);
            }
        }
        Ok(years)
    }

    /// The RHK of one version, in order.
    pub fn rhk_of(&self, skp_id: Uuid) -> impl Iterator<Item = &skp_rhk::Model> {
        self.rhk.iter().filter(move |r| r.skp_id == skp_id)
    }

    /// The IKI of one RHK, in order.
    pub fn iki_of(&self, rhk_id: Uuid) -> Vec<&skp_iki::Model> {
        let mut v: Vec<&skp_iki::Model> =
            self.iki.values().filter(|i| i.rhk_id == rhk_id).collect();
        v.sort_by_key(|i| i.urutan);
        v
    }

    pub fn realisasi(&self, iki_id: Uuid, k: i32) -> Option<&realisasi::Model> {
        debug_assert!(
            self.hanya.is_none_or(|h| h == k),
            "sub-period {k} was not read"
        );
        self.realisasi.get(&(iki_id, k))
    }

    pub fn rencana(&self, iki_id: Uuid, k: i32) -> Option<&rencana_aksi::Model> {
        debug_assert!(
            self.hanya.is_none_or(|h| h == k),
            "sub-period {k} was not read"
        );
        self.rencana.get(&(iki_id, k))
    }

    /// The nature of an IKI's target: the owner's choice, else inferred from its unit.
    #[must_use]
    pub fn jenis(iki: &skp_iki::Model) -> JenisTarget {
        iki.jenis_target
            .as_deref()
            .and_then(JenisTarget::parse)
            .unwrap_or_else(|| JenisTarget::dari_satuan(iki.target_satuan.as_deref()))
    }

    /// What sub-period `k`'s realisasi of this IKI is compared with.
    #[must_use]
    pub fn target(&self, iki: &skp_iki::Model, k: i32) -> TargetPeriode {
        let jenis = Self::jenis(iki);
        let tenggat_ke = iki.tenggat.map(|d| periode_ke_of(&self.period, d));
        match self.rencana(iki.id, k).and_then(|p| p.target_nilai) {
            Some(t) => TargetPeriode {
                nilai: Some(t),
                dasar: DasarTarget::RencanaAksi,
                jenis,
                tenggat_ke,
            },
            None => TargetPeriode {
                nilai: target_periode(iki.target_nilai, jenis, k, self.n, tenggat_ke),
                dasar: DasarTarget::TargetTahunan,
                jenis,
                tenggat_ke,
            },
        }
    }

    /// Capaian of one IKI in sub-period `k`.
    #[must_use]
    pub fn capaian(&self, iki: &skp_iki::Model, k: i32) -> Option<f64> {
        capaian(
            self.target(iki, k).nilai,
            self.realisasi(iki.id, k).and_then(|r| r.nilai),
            Arah::parse(&iki.arah).unwrap_or(Arah::Naik),
        )
    }

    /// The indicator that `iki` continues in the version governing sub-period `k` (itself when
    /// that is its own version), following the versions back.
    fn at<'a>(&'a self, iki: &'a skp_iki::Model, k: i32) -> Option<&'a skp_iki::Model> {
        let governing = self.versions.in_force(k)?.id;
        let mut cur = Some(iki);
        while let Some(i) = cur {
            if self.iki_skp.get(&i.id) == Some(&governing) {
                return Some(i);
            }
            cur = i.asal_iki_id.and_then(|a| self.iki.get(&a));
        }
        None
    }

    /// This IKI's figures from the first sub-period through `through`, each sub-period read
    /// from the version that governed it.
    #[must_use]
    pub fn sampai(&self, iki: &skp_iki::Model, through: i32) -> Kumulatif {
        let rows: Vec<(Option<f64>, Option<f64>)> = (1..=through)
            .map(|k| {
                self.at(iki, k).map_or((None, None), |i| {
                    (
                        self.target(i, k).nilai,
                        self.realisasi(i.id, k).and_then(|r| r.nilai),
                    )
                })
            })
            .collect();
        kumulatif(
            Self::jenis(iki),
            Arah::parse(&iki.arah).unwrap_or(Arah::Naik),
            &rows,
        )
    }

    /// The capaian of each indicator of the version governing `k` that has one, with whether
    /// its RHK is utama: of sub-period `k`, or of the whole year for `k` = 0. Capped at the
    /// display maximum, as the suggestion reads it.
    #[must_use]
    pub fn capaian_indikator(&self, k: i32) -> Vec<(f64, bool)> {
        let Some(skp) = self.versions.in_force(k) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in self.rhk_of(skp.id) {
            let utama = JenisRhk::parse(&r.jenis) == Some(JenisRhk::Utama);
            for i in self.iki_of(r.id) {
                let c = if k == 0 {
                    self.sampai(i, self.n).capaian
                } else {
                    self.capaian(i, k)
                };
                if let Some(c) = c {
                    out.push((c.min(CAPAIAN_TAMPIL_MAKS), utama));
                }
            }
        }
        out
    }
}
