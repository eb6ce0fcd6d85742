//! The dashboard of a unit and the people behind each of its numbers. Who sees what: the HR
//! office (`read_all_employees`) any unit of the instansi, a pimpinan the units they lead and
//! below (`Viewer::subtree`); anyone else never gets here (the handlers ask for
//! `read_unit_dashboards`). A unit outside the rule is 404, as elsewhere.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use kinerja_api::auth::Permission;
use kinerja_api::dasbor::{
    BarisKepatuhan, CapaianUnit, Dasbor, IkmUnit, Langkah, PegawaiDasbor, PegawaiLangkah,
    PegawaiLangkahQuery, PeriodeDasbor, UnitJalur,
};
use kinerja_api::employees::full_name;
use kinerja_api::evaluation::{Hitungan, Predikat};
use kinerja_api::planning::{Ritme, StatusPeriode};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Statement, TransactionTrait, Value,
};
use uuid::Uuid;

use super::sql::{self, Subtree};
use crate::auth::Viewer;
use crate::entities::{dasbor_simpan, employees, periods, skps, units};
use crate::error::{AppError, AppResult};
use crate::evaluation::service::Kebijakan;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::planning::versi::Versions;

/// The unit and period a dashboard reads, with the day its counts are made on.
pub(crate) struct Konteks {
    pub(crate) root: units::Model,
    pub(crate) period: periods::Model,
    pub(crate) today: NaiveDate,
    /// Number of sub-periods.
    pub(crate) n: i32,
    /// The last ended sub-period.
    pub(crate) k: Option<i32>,
    /// The viewer reads the whole instansi.
    pub(crate) all: bool,
}

impl Konteks {
    fn k_or_0(&self) -> i32 {
        self.k.unwrap_or(0)
    }
}

/// The unit asked for (or the viewer's default) if the viewer may read it, and the period.
pub(crate) async fn konteks(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit: Option<Uuid>,
    periode: Option<Uuid>,
) -> AppResult<Konteks> {
    let all = viewer.can(Permission::ReadAllEmployees);
    let unit_id = match unit {
        Some(u) => u,
        None => match viewer.employee_id {
            Some(me) if !all => employees::Entity::find_by_id(me)
                .one(db)
                .await?
                .and_then(|e| e.unit_id)
                .ok_or(AppError::NotFound("Unit"))?,
            _ => {
                let instansi = crate::pengembangan::akses::instansi(db, viewer, None).await?;
                units::Entity::find()
                    .filter(units::Column::InstansiId.eq(instansi))
                    .filter(units::Column::ParentId.is_null())
                    .order_by_asc(units::Column::Nama)
                    .one(db)
                    .await?
                    .ok_or(AppError::NotFound("Unit"))?
                    .id
            }
        },
    };
    if !all && !viewer.subtree.contains(&unit_id) {
        return Err(AppError::NotFound("Unit"));
    }
    let root = units::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    let period = match periode {
        Some(id) => periods::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|p| p.instansi_id == root.instansi_id),
        None => {
            let of_instansi = periods::Entity::find()
                .filter(periods::Column::InstansiId.eq(root.instansi_id))
                .order_by_desc(periods::Column::Tahun);
            match of_instansi
                .clone()
                .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
                .one(db)
                .await?
            {
                Some(p) => Some(p),
                None => of_instansi.one(db).await?,
            }
        }
    }
    .ok_or_else(|| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, root.instansi_id).await?);
    let n = jumlah_periode(ritme(&period));
    let k = (1..=n)
        .rev()
        .find(|k| bounds(&period, *k).is_some_and(|(_, selesai)| selesai < today));
    Ok(Konteks {
        root,
        period,
        today,
        n,
        k,
        all,
    })
}

/// The units below `root` with their direct sub-unit, listed when there are not too many.
async fn below(db: &DatabaseConnection, root: Uuid) -> AppResult<Subtree> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql::sql(backend, sql::BELOW),
            [Value::from(root)],
        ))
        .await?;
    if rows.len() > sql::LISTED_MAX {
        return Ok(Subtree::Walk);
    }
    let mut seen = HashSet::new();
    let mut pairs = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: Uuid = r.try_get_by_index(0)?;
        let top: Uuid = r.try_get_by_index(1)?;
        if seen.insert(id) {
            pairs.push((id, top));
        }
    }
    Ok(Subtree::Listed(pairs))
}

/// One statement over the subtree: the `fixed` values, then the subtree's.
pub(crate) fn statement(
    backend: sea_orm::DbBackend,
    text: &str,
    fixed: Vec<Value>,
    subtree: &Subtree,
) -> Statement {
    let (text, extra) = sql::render(backend, text, fixed.len(), subtree);
    let mut values = fixed;
    values.extend(extra);
    Statement::from_sql_and_values(backend, text, values)
}

pub(crate) fn ritme(p: &periods::Model) -> Ritme {
    Ritme::parse(&p.ritme).unwrap_or(Ritme::Bulanan)
}

fn count(v: Option<i64>) -> u64 {
    u64::try_from(v.unwrap_or(0)).unwrap_or(0)
}

/// Counts the dashboard of the context's unit (without its breadcrumb, which is the
/// viewer's): a fixed number of statements over the subtree. With `simpan` the state of each
/// person is kept too (`dasbor_pegawai`), and the compliance counted from what was kept, so
/// that the people behind a number are read from the same count.
pub(super) async fn hitung(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    c: &Konteks,
    subtree: &Subtree,
    simpan: bool,
) -> AppResult<Dasbor> {
    let backend = db.get_database_backend();
    let root_id = c.root.id;

    // Direct sub-units, and which of them have sub-units of their own.
    let kids = units::Entity::find()
        .filter(units::Column::ParentId.eq(root_id))
        .filter(units::Column::Aktif.eq(true))
        .order_by_asc(units::Column::Nama)
        .all(db)
        .await?;
    let parents: HashSet<Uuid> = if kids.is_empty() {
        HashSet::new()
    } else {
        units::Entity::find()
            .filter(units::Column::ParentId.is_in(kids.iter().map(|u| u.id)))
            .filter(units::Column::Aktif.eq(true))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|u| u.parent_id)
            .collect()
    };

    // Compliance per top.
    let fixed = vec![
        Value::from(root_id),
        Value::from(c.period.id),
        Value::from(c.k_or_0()),
        Value::from(c.today),
    ];
    let mut per_top: HashMap<Uuid, BarisKepatuhan> = HashMap::new();
    if simpan {
        let txn = db.begin().await?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            sql::sql(backend, sql::HAPUS_PEGAWAI),
            [Value::from(root_id), Value::from(c.period.id)],
        ))
        .await?;
        txn.execute_raw(statement(backend, &sql::simpan_pegawai(), fixed, subtree))
            .await?;
        let rows = txn
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                sql::sql(backend, sql::KEPATUHAN_SIMPAN),
                [
                    Value::from(root_id),
                    Value::from(c.period.id),
                    Value::from(c.today),
                ],
            ))
            .await?;
        txn.commit().await?;
        for r in &rows {
            let top: Uuid = r.try_get_by_index(0)?;
            let nomor: i16 = r.try_get_by_index(1)?;
            let n = count(r.try_get_by_index::<Option<i64>>(2)?);
            let line = per_top.entry(top).or_insert_with(|| BarisKepatuhan {
                unit_id: top,
                ..BarisKepatuhan::default()
            });
            if let Some(l) = Langkah::ALL.iter().find(|l| sql::nomor(**l) == nomor) {
                *slot(line, *l) += n;
                // Everyone is in exactly one SKP state.
                if nomor <= 3 {
                    line.jumlah_pegawai += n;
                }
            }
        }
    } else {
        let rows = db
            .query_all_raw(statement(backend, &sql::kepatuhan(), fixed, subtree))
            .await?;
        for r in &rows {
            let top: Uuid = r.try_get_by_index(0)?;
            let n: i64 = r.try_get_by_index(1)?;
            let v =
                |i: usize| -> AppResult<u64> { Ok(count(r.try_get_by_index::<Option<i64>>(i)?)) };
            per_top.insert(
                top,
                BarisKepatuhan {
                    unit_id: top,
                    jumlah_pegawai: count(Some(n)),
                    skp_belum: v(2)?,
                    skp_draft: v(3)?,
                    skp_diajukan: v(4)?,
                    skp_disetujui: v(5)?,
                    realisasi_kosong: v(6)?,
                    bukti_menunggu: v(7)?,
                    evaluasi_belum: v(8)?,
                    keberatan_lewat: v(9)?,
                    perbaikan_lewat: v(10)?,
                    ..BarisKepatuhan::default()
                },
            );
        }
    }
    let mut unit = per_top
        .values()
        .fold(BarisKepatuhan::default(), |mut a, b| {
            a.jumlah_pegawai += b.jumlah_pegawai;
            for l in Langkah::ALL {
                *slot(&mut a, *l) += b.jumlah(*l);
            }
            a
        });
    unit.unit_id = root_id;
    unit.nama = c.root.nama.clone();
    unit.punya_sub_unit = !kids.is_empty();
    let sub_unit: Vec<BarisKepatuhan> = kids
        .iter()
        .map(|u| BarisKepatuhan {
            unit_id: u.id,
            nama: u.nama.clone(),
            punya_sub_unit: parents.contains(&u.id),
            ..per_top.get(&u.id).cloned().unwrap_or_default()
        })
        .collect();

    // Capaian per top and sub-period.
    let rows = db
        .query_all_raw(statement(
            backend,
            &sql::capaian(),
            vec![
                Value::from(root_id),
                Value::from(c.period.id),
                Value::from(c.n),
            ],
            subtree,
        ))
        .await?;
    let n = usize::try_from(c.n).unwrap_or(12);
    let mut sums: HashMap<Uuid, Vec<(f64, i64)>> = HashMap::new();
    let mut total = vec![(0.0, 0i64); n];
    for r in &rows {
        let top: Uuid = r.try_get_by_index(0)?;
        let k: i32 = r.try_get_by_index(1)?;
        let sum: Option<f64> = r.try_get_by_index(2)?;
        let cnt: i64 = r.try_get_by_index(3)?;
        let Some(i) = usize::try_from(k - 1).ok().filter(|i| *i < n) else {
            continue;
        };
        let e = sums.entry(top).or_insert_with(|| vec![(0.0, 0); n]);
        e[i].0 += sum.unwrap_or(0.0);
        e[i].1 += cnt;
        total[i].0 += sum.unwrap_or(0.0);
        total[i].1 += cnt;
    }
    let mean = |v: &[(f64, i64)]| -> Vec<Option<f64>> {
        v.iter()
            .map(|(s, c)| (*c > 0).then(|| (s / *c as f64 * 10.0).round() / 10.0))
            .collect()
    };
    let mut capaian = vec![CapaianUnit {
        unit_id: root_id,
        nama: c.root.nama.clone(),
        per_periode: mean(&total),
    }];
    capaian.extend(kids.iter().map(|u| CapaianUnit {
        unit_id: u.id,
        nama: u.nama.clone(),
        per_periode: sums.get(&u.id).map_or_else(|| vec![None; n], |v| mean(v)),
    }));

    // The predikat spread of the last ended sub-period, and the pattern that governs it.
    let mut sebaran = Hitungan::default();
    let mut pola = None;
    if let Some(k) = c.k {
        let rows = db
            .query_all_raw(statement(
                backend,
                &sql::sebaran(),
                vec![
                    Value::from(root_id),
                    Value::from(c.period.id),
                    Value::from(k),
                ],
                subtree,
            ))
            .await?;
        for r in &rows {
            let p: Option<String> = r.try_get_by_index(0)?;
            let cnt: i64 = r.try_get_by_index(1)?;
            if let Some(p) = p.as_deref().and_then(Predikat::parse) {
                for _ in 0..cnt {
                    sebaran.tambah(p);
                }
            }
        }
        pola =
            crate::evaluation::organisasi::distribusi(db, kebijakan, root_id, c.period.id, k, None)
                .await?;
    }

    let ikm = ikm(db, c, subtree).await?;
    let jp = crate::pengembangan::jp::kepatuhan(
        db,
        viewer,
        Some(root_id),
        Some(c.period.tahun),
        PageQuery {
            page: 1,
            per_page: 1,
        },
    )
    .await?;
    let mut jp_units = vec![jp.unit];
    jp_units.extend(jp.sub_unit);

    Ok(Dasbor {
        periode: PeriodeDasbor {
            id: c.period.id,
            tahun: c.period.tahun,
            ritme: ritme(&c.period),
            jumlah_periode: c.n,
            periode_ke_terakhir: c.k,
            batas_penetapan_skp: c.period.batas_penetapan_skp,
            lewat_batas_skp: c.period.batas_penetapan_skp.is_some_and(|b| c.today > b),
            hari_ini: c.today,
        },
        jalur: Vec::new(),
        unit,
        sub_unit,
        capaian,
        periode_ke_predikat: c.k,
        sebaran_predikat: sebaran,
        pola,
        ikm,
        jp: jp_units,
        dihitung_pada: None,
    })
}

/// The last sub-period of `period` whose last day is before `today`.
pub(crate) fn terakhir_berakhir(period: &periods::Model, today: NaiveDate) -> Option<i32> {
    (1..=jumlah_periode(ritme(period)))
        .rev()
        .find(|k| bounds(period, *k).is_some_and(|(_, selesai)| selesai < today))
}

/// The compliance line of `unit` and everything below it (one statement over the subtree),
/// for the weekly digest of its pimpinan.
///
/// # Errors
/// On a database failure.
pub(crate) async fn kepatuhan_unit(
    db: &DatabaseConnection,
    unit: Uuid,
    period: &periods::Model,
    today: NaiveDate,
) -> AppResult<BarisKepatuhan> {
    let backend = db.get_database_backend();
    let subtree = below(db, unit).await?;
    let k = terakhir_berakhir(period, today).unwrap_or(0);
    let rows = db
        .query_all_raw(statement(
            backend,
            &sql::kepatuhan(),
            vec![
                Value::from(unit),
                Value::from(period.id),
                Value::from(k),
                Value::from(today),
            ],
            &subtree,
        ))
        .await?;
    let mut line = BarisKepatuhan {
        unit_id: unit,
        ..BarisKepatuhan::default()
    };
    for r in &rows {
        let n: i64 = r.try_get_by_index(1)?;
        line.jumlah_pegawai += count(Some(n));
        for (i, l) in Langkah::ALL.iter().enumerate() {
            *slot(&mut line, *l) += count(r.try_get_by_index::<Option<i64>>(i + 2)?);
        }
    }
    Ok(line)
}

/// A slice of the people of `unit` and below for whom `kondisi` holds on sub-period `k` and
/// day `today`: (employee, unit, SKP state 0–3), by id after `after`.
///
/// # Errors
/// On a database failure.
#[expect(
    clippy::too_many_arguments,
    reason = "the parameters of one statement, named"
)]
pub(crate) async fn orang(
    db: &DatabaseConnection,
    unit: Uuid,
    subtree: &Subtree,
    period: Uuid,
    k: i32,
    today: NaiveDate,
    kondisi: &str,
    after: Uuid,
    limit: i64,
) -> AppResult<Vec<(Uuid, Option<Uuid>, i32)>> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            &sql::orang(kondisi),
            vec![
                Value::from(unit),
                Value::from(period),
                Value::from(k),
                Value::from(today),
                Value::from(after),
                Value::from(limit),
            ],
            subtree,
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get_by_index(0)?,
                r.try_get_by_index(1)?,
                r.try_get_by_index::<i32>(2)?,
            ))
        })
        .collect()
}

/// The subtree of `unit` as the dashboard statements take it.
///
/// # Errors
/// On a database failure.
pub(crate) async fn subtree_of(db: &DatabaseConnection, unit: Uuid) -> AppResult<Subtree> {
    below(db, unit).await
}

fn slot(b: &mut BarisKepatuhan, l: Langkah) -> &mut u64 {
    match l {
        Langkah::SkpBelum => &mut b.skp_belum,
        Langkah::SkpDraft => &mut b.skp_draft,
        Langkah::SkpDiajukan => &mut b.skp_diajukan,
        Langkah::SkpDisetujui => &mut b.skp_disetujui,
        Langkah::RealisasiKosong => &mut b.realisasi_kosong,
        Langkah::BuktiMenunggu => &mut b.bukti_menunggu,
        Langkah::EvaluasiBelum => &mut b.evaluasi_belum,
        Langkah::KeberatanLewat => &mut b.keberatan_lewat,
        Langkah::PerbaikanLewat => &mut b.perbaikan_lewat,
    }
}

/// From the viewer's top unit down to the unit shown.
pub(super) async fn jalur(
    db: &DatabaseConnection,
    viewer: &Viewer,
    c: &Konteks,
) -> AppResult<Vec<UnitJalur>> {
    let mut up = crate::organisation::tree::ancestors(db, c.root.id).await?;
    if !c.all {
        up.retain(|u| viewer.subtree.contains(u));
    }
    up.reverse();
    let names = crate::organisation::tree::unit_names(db, up.iter().copied()).await?;
    Ok(up
        .into_iter()
        .map(|u| UnitJalur {
            unit_id: u,
            nama: names.get(&u).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The IKM of the period's surveys in the subtree: one statement for the surveys, one
/// aggregate for their totals.
async fn ikm(db: &DatabaseConnection, c: &Konteks, subtree: &Subtree) -> AppResult<Vec<IkmUnit>> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            &sql::survei(c.all),
            vec![Value::from(c.root.id), Value::from(c.period.id)],
            subtree,
        ))
        .await?;
    let mut list = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: Uuid = r.try_get_by_index(0)?;
        let unit: Uuid = r.try_get_by_index(1)?;
        let unit_nama: String = r.try_get_by_index(2)?;
        let judul: String = r.try_get_by_index(3)?;
        list.push((id, unit, unit_nama, judul));
    }
    let ids: Vec<Uuid> = list.iter().map(|s| s.0).collect();
    let totals = crate::survei::profil::per_survei(db, &ids).await?;
    Ok(list
        .into_iter()
        .map(|(id, unit_id, unit_nama, judul)| {
            let h = totals.get(&id).copied().unwrap_or_default().hasil(None);
            IkmUnit {
                survei_id: id,
                unit_id,
                unit_nama,
                judul,
                ikm: h.ikm.map(kinerja_api::ikm::dua_desimal),
                mutu: h.mutu,
                responden: h.responden,
            }
        })
        .collect())
}

/// A page of the people behind one number of the unit's line, by unit and name, each with the
/// page where the step is done.
///
/// # Errors
/// As [`dasbor`].
pub async fn pegawai(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: PegawaiLangkahQuery,
    page: PageQuery,
) -> AppResult<PegawaiDasbor> {
    let c = konteks(db, viewer, q.unit_id, q.periode_id).await?;
    let backend = db.get_database_backend();
    let per_page = Value::from(i64::try_from(page.per_page).unwrap_or(20));
    let offset = Value::from(i64::try_from(page.offset()).unwrap_or(0));
    // The people of the last kept count, when the dashboard is kept: the list then matches
    // the numbers it was opened from, and an instansi is a page read, not a recount.
    let kept = dihitung(db, &c).await?;
    let (rows, kept_total) = if kept.is_some() {
        let key = [
            Value::from(c.root.id),
            Value::from(c.period.id),
            Value::from(c.today),
            Value::from(sql::nomor(q.langkah)),
        ];
        let mut values = key.to_vec();
        values.extend([per_page, offset]);
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                sql::sql(backend, sql::PEGAWAI_SIMPAN),
                values,
            ))
            .await?;
        let total = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                sql::sql(backend, sql::PEGAWAI_SIMPAN_JUMLAH),
                key,
            ))
            .await?
            .map(|r| r.try_get_by_index::<Option<i64>>(0))
            .transpose()?
            .flatten();
        (rows, Some(count(total)))
    } else {
        let subtree = below(db, c.root.id).await?;
        let rows = db
            .query_all_raw(statement(
                backend,
                &sql::pegawai(q.langkah),
                vec![
                    Value::from(c.root.id),
                    Value::from(c.period.id),
                    Value::from(c.k_or_0()),
                    Value::from(c.today),
                    per_page,
                    offset,
                ],
                &subtree,
            ))
            .await?;
        (rows, None)
    };
    let mut total = 0u64;
    let mut people = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: Uuid = r.try_get_by_index(0)?;
        let nama: String = r.try_get_by_index(1)?;
        let depan: Option<String> = r.try_get_by_index(2)?;
        let belakang: Option<String> = r.try_get_by_index(3)?;
        let nip: String = r.try_get_by_index(4)?;
        let unit_nama: Option<String> = r.try_get_by_index(5)?;
        if kept_total.is_none() {
            total = count(r.try_get_by_index::<Option<i64>>(6)?);
        }
        people.push((
            id,
            full_name(depan.as_deref(), &nama, belakang.as_deref()),
            nip,
            unit_nama,
        ));
    }
    let ids: Vec<Uuid> = people.iter().map(|p| p.0).collect();
    let target = tujuan(db, &c, q.langkah, &ids).await?;
    let items = people
        .into_iter()
        .map(|(id, nama, nip, unit_nama)| {
            let (skp_id, periode_ke) = target.get(&id).copied().unwrap_or((None, None));
            PegawaiLangkah {
                employee_id: id,
                nama,
                nip,
                unit_nama,
                skp_id,
                periode_ke,
                tautan: tautan(q.langkah, id, skp_id, periode_ke),
            }
        })
        .collect();
    Ok(PegawaiDasbor {
        langkah: q.langkah,
        jalur: jalur(db, viewer, &c).await?,
        pegawai: Page::new(items, page, kept_total.unwrap_or(total)),
        dihitung_pada: kept,
    })
}

/// When the people kept for the context's unit, period and day were counted, if they were.
///
/// # Errors
/// On a database failure.
pub(crate) async fn dihitung(
    db: &DatabaseConnection,
    c: &Konteks,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(dasbor_simpan::Entity::find()
        .filter(dasbor_simpan::Column::UnitId.eq(c.root.id))
        .filter(dasbor_simpan::Column::PeriodeId.eq(c.period.id))
        .filter(dasbor_simpan::Column::Hari.eq(c.today))
        .filter(dasbor_simpan::Column::BerlakuSampai.is_not_null())
        .order_by_desc(dasbor_simpan::Column::DihitungPada)
        .one(db)
        .await?
        .map(|row| row.dihitung_pada))
}

/// The SPA page where the step is done (docs/dasbor.md).
fn tautan(l: Langkah, employee: Uuid, skp: Option<Uuid>, k: Option<i32>) -> String {
    let Some(skp) = skp else {
        return format!("/pegawai/{employee}");
    };
    let k = k.unwrap_or(1);
    match l {
        Langkah::SkpBelum | Langkah::SkpDraft | Langkah::SkpDiajukan | Langkah::SkpDisetujui => {
            format!("/skp/{skp}")
        }
        Langkah::RealisasiKosong | Langkah::BuktiMenunggu => {
            format!("/realisasi/{skp}?periode_ke={k}")
        }
        Langkah::EvaluasiBelum | Langkah::KeberatanLewat | Langkah::PerbaikanLewat => {
            format!("/evaluasi/{skp}?periode_ke={k}")
        }
    }
}

/// `{from}`, `{from+1}`, … for an `IN` list.
fn marks(backend: sea_orm::DbBackend, from: usize, n: usize) -> String {
    let mark = if backend == sea_orm::DbBackend::Postgres {
        "$"
    } else {
        "?"
    };
    (from..from + n)
        .map(|i| format!("{mark}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// For the people of one page: the SKP and sub-period their step is on (one or two
/// statements, whatever the step).
async fn tujuan(
    db: &DatabaseConnection,
    c: &Konteks,
    l: Langkah,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, (Option<Uuid>, Option<i32>)>> {
    let mut out = HashMap::new();
    if ids.is_empty() || l == Langkah::SkpBelum {
        return Ok(out);
    }
    let versions = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(c.period.id))
        .filter(skps::Column::EmployeeId.is_in(ids.to_vec()))
        .all(db)
        .await?;
    let mut per: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
    for m in versions {
        per.entry(m.employee_id).or_default().push(m);
    }
    let backend = db.get_database_backend();
    let detail = |text: &str, with_today: bool| {
        let mut values = vec![Value::from(c.period.id)];
        if with_today {
            values.push(Value::from(c.today));
        }
        let from = values.len() + 1;
        values.extend(ids.iter().map(|i| Value::from(*i)));
        Statement::from_sql_and_values(
            backend,
            text.replace(
                "{1}",
                if backend == sea_orm::DbBackend::Postgres {
                    "$1"
                } else {
                    "?1"
                },
            )
            .replace(
                "{2}",
                if backend == sea_orm::DbBackend::Postgres {
                    "$2"
                } else {
                    "?2"
                },
            )
            .replace("{ids}", &marks(backend, from, ids.len())),
            values,
        )
    };
    let statement = match l {
        Langkah::BuktiMenunggu => Some(detail(
            "SELECT k.employee_id, k.id, MIN(re.periode_ke) FROM skps k \
             JOIN skp_rhk r ON r.skp_id = k.id JOIN skp_iki i ON i.rhk_id = r.id \
             JOIN realisasi re ON re.iki_id = i.id JOIN bukti_dukung b ON b.realisasi_id = re.id \
             WHERE b.verifikasi IS NULL AND k.period_id = {1} AND k.employee_id IN ({ids}) \
             GROUP BY k.employee_id, k.id",
            false,
        )),
        Langkah::KeberatanLewat => Some(detail(
            "SELECT k.employee_id, k.id, MIN(x.periode_ke) FROM skps k \
             JOIN evaluations x ON x.skp_id = k.id JOIN keberatan o ON o.evaluation_id = x.id \
             WHERE o.status <> 'diputus' AND x.batas_keberatan < {2} AND k.period_id = {1} \
             AND k.employee_id IN ({ids}) GROUP BY k.employee_id, k.id",
            true,
        )),
        Langkah::PerbaikanLewat => Some(detail(
            "SELECT k.employee_id, k.id, MIN(x.periode_ke) FROM skps k \
             JOIN evaluations x ON x.skp_id = k.id JOIN rencana_perbaikan rp ON rp.evaluation_id = x.id \
             JOIN perbaikan_items a ON a.plan_id = rp.id WHERE a.jenis = 'aksi' \
             AND a.jatuh_tempo < {2} AND k.period_id = {1} AND k.employee_id IN ({ids}) \
             GROUP BY k.employee_id, k.id",
            true,
        )),
        _ => None,
    };
    if let Some(statement) = statement {
        for r in db.query_all_raw(statement).await? {
            let e: Uuid = r.try_get_by_index(0)?;
            let skp: Uuid = r.try_get_by_index(1)?;
            let k: Option<i32> = r.try_get_by_index(2)?;
            // The earliest sub-period when several versions have one.
            let entry = out.entry(e).or_insert((Some(skp), k));
            if k < entry.1 {
                *entry = (Some(skp), k);
            }
        }
        return Ok(out);
    }
    for (e, models) in per {
        let latest = models.iter().max_by_key(|m| m.versi).map(|m| m.id);
        let entry = match l {
            Langkah::RealisasiKosong | Langkah::EvaluasiBelum => {
                let v = Versions::of(&c.period, models);
                (v.in_force(c.k_or_0()).map(|m| m.id).or(latest), c.k)
            }
            _ => (latest, None),
        };
        out.insert(e, entry);
    }
    Ok(out)
}
