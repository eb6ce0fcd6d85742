//! The 20 JP a year (PP 11/2017, Perlan 5/2018) of one employee, of a PPKin's team and of a
//! unit with everything below it. Sums are made in minutes (900 = 20 JP) and only verified
//! records count; a record counts for the year it ended in.

use std::collections::HashMap;

use chrono::Datelike;
use kinerja_api::auth::Permission;
use kinerja_api::pengembangan::{
    AnggotaTimJp, JP_WAJIB, KepatuhanJp, KepatuhanUnit, MENIT_PER_JP, MENIT_WAJIB, RingkasanJp,
    StatusCatatan, StatusKebutuhan, jp_dari_menit,
};
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use super::akses::{self, nama};
use super::kebutuhan;
use crate::auth::Viewer;
use crate::entities::{
    catatan_pengembangan as catatan, employees, kebutuhan_pengembangan as kb, positions, units,
};
use crate::error::{AppError, AppResult};

fn persen(menit: i64) -> f64 {
    let p = menit as f64 * 100.0 / MENIT_WAJIB as f64;
    (p.min(100.0) * 10.0).round() / 10.0
}

/// One employee's JP of `tahun` (the current year of their instansi when left out).
///
/// # Errors
/// `NotFound` for an employee the viewer may not see.
pub async fn ringkasan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    employee: Option<Uuid>,
    tahun: Option<i32>,
) -> AppResult<RingkasanJp> {
    let p = match employee {
        Some(id) => akses::pegawai(db, viewer, id).await?,
        None => akses::saya(db, viewer).await?,
    };
    let tahun = tahun.unwrap_or(p.today.year());
    // One employee's records of a year: a handful, summed here.
    let records: Vec<(String, chrono::NaiveDate, i32, Option<Uuid>)> = catatan::Entity::find()
        .select_only()
        .columns([
            catatan::Column::Status,
            catatan::Column::TanggalSelesai,
            catatan::Column::Menit,
            catatan::Column::KebutuhanId,
        ])
        .filter(catatan::Column::EmployeeId.eq(p.model.id))
        .filter(catatan::Column::Tahun.eq(tahun))
        .into_tuple()
        .all(db)
        .await?;
    let mut verified = 0i64;
    let mut waiting = 0i64;
    let mut per_bulan = [0i64; 12];
    let mut per_need: HashMap<Uuid, i64> = HashMap::new();
    for (status, selesai, menit, need) in &records {
        let menit = i64::from(*menit);
        if status == StatusCatatan::Diverifikasi.as_str() {
            verified += menit;
            per_bulan[selesai.month0() as usize] += menit;
            if let Some(n) = need {
                *per_need.entry(*n).or_default() += menit;
            }
        } else if status == StatusCatatan::Menunggu.as_str() {
            waiting += menit;
        }
    }
    let needs: Vec<(Uuid, Option<i32>)> = kb::Entity::find()
        .select_only()
        .columns([kb::Column::Id, kb::Column::PerkiraanJp])
        .filter(kb::Column::EmployeeId.eq(p.model.id))
        .filter(kb::Column::Tahun.eq(tahun))
        .filter(kb::Column::Status.eq(StatusKebutuhan::Disetujui.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    // What the agreed needs still plan: their estimate less what records already fulfil.
    let planned: i64 = needs
        .iter()
        .map(|(id, jp)| {
            let want = i64::from(jp.unwrap_or(0)) * i64::from(MENIT_PER_JP);
            (want - per_need.get(id).copied().unwrap_or(0)).max(0)
        })
        .sum();
    Ok(RingkasanJp {
        employee_id: p.model.id,
        pegawai_nama: p.nama(),
        tahun,
        jp_wajib: JP_WAJIB,
        jp_terverifikasi: jp_dari_menit(verified),
        jp_menunggu: jp_dari_menit(waiting),
        jp_direncanakan: jp_dari_menit(planned),
        persen: persen(verified),
        memenuhi: verified >= MENIT_WAJIB,
        per_bulan: per_bulan.iter().map(|m| jp_dari_menit(*m)).collect(),
    })
}

/// Verified and waiting minutes of `tahun` per employee of `ids`, in one query.
async fn menit_per_pegawai(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    tahun: i32,
) -> AppResult<HashMap<Uuid, (i64, i64)>> {
    let mut out: HashMap<Uuid, (i64, i64)> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(Uuid, String, Option<i64>)> = catatan::Entity::find()
        .select_only()
        .column(catatan::Column::EmployeeId)
        .column(catatan::Column::Status)
        .column_as(catatan::Column::Menit.sum(), "menit")
        .filter(catatan::Column::EmployeeId.is_in(ids.to_vec()))
        .filter(catatan::Column::Tahun.eq(tahun))
        .group_by(catatan::Column::EmployeeId)
        .group_by(catatan::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    for (e, status, menit) in rows {
        let entry = out.entry(e).or_default();
        if status == StatusCatatan::Diverifikasi.as_str() {
            entry.0 += menit.unwrap_or(0);
        } else if status == StatusCatatan::Menunggu.as_str() {
            entry.1 += menit.unwrap_or(0);
        }
    }
    Ok(out)
}

/// The people the viewer rates as PPKin, with their JP of the year and the needs waiting for
/// the viewer, fewest JP first. The cost follows the team, not the instansi.
///
/// # Errors
/// `NotFound` for an account without an employee record.
pub async fn tim(
    db: &DatabaseConnection,
    viewer: &Viewer,
    tahun: Option<i32>,
) -> AppResult<Vec<AnggotaTimJp>> {
    let me = akses::saya(db, viewer).await?;
    let tahun = tahun.unwrap_or(me.today.year());
    let ids = kebutuhan::tim(db, me.today, me.model.id).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let people = employees::Entity::find()
        .filter(employees::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    let jabatan: HashMap<Uuid, String> = positions::Entity::find()
        .filter(positions::Column::Id.is_in(people.iter().filter_map(|e| e.jabatan_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.nama))
        .collect();
    let menit = menit_per_pegawai(db, &ids, tahun).await?;
    let usulan = kebutuhan::diusulkan_per_pegawai(db, &ids).await?;
    let mut out: Vec<AnggotaTimJp> = people
        .into_iter()
        .map(|e| {
            let (v, w) = menit.get(&e.id).copied().unwrap_or_default();
            AnggotaTimJp {
                employee_id: e.id,
                nama: nama(&e),
                jabatan: e.jabatan_id.and_then(|j| jabatan.get(&j).cloned()),
                jp_terverifikasi: jp_dari_menit(v),
                jp_menunggu: jp_dari_menit(w),
                memenuhi: v >= MENIT_WAJIB,
                kebutuhan_diusulkan: usulan.get(&e.id).copied().unwrap_or(0),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.jp_terverifikasi
            .total_cmp(&b.jp_terverifikasi)
            .then_with(|| a.nama.cmp(&b.nama))
    });
    Ok(out)
}

/// The 20 JP compliance of a unit and everything below it for a year: totals, one line per
/// direct sub-unit and a page of the people below 20 JP. The counting is kept between changes
/// (`super::kepatuhan`); the HR office reads any unit, a pimpinan their own subtree.
///
/// # Errors
/// `NotFound` for a unit the viewer may not read; `Validation` when no unit can be told.
pub async fn kepatuhan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit: Option<Uuid>,
    tahun: Option<i32>,
    page: PageQuery,
) -> AppResult<KepatuhanJp> {
    let all =
        viewer.can(Permission::ManageOrganisation) || viewer.can(Permission::ReadAllEmployees);
    let unit_id = match unit {
        Some(u) => u,
        None => match viewer.employee_id {
            Some(me) if !all => employees::Entity::find_by_id(me)
                .one(db)
                .await?
                .and_then(|e| e.unit_id)
                .ok_or(AppError::NotFound("Unit"))?,
            _ => {
                let instansi = akses::instansi(db, viewer, None).await?;
                units::Entity::find()
                    .filter(units::Column::InstansiId.eq(instansi))
                    .filter(units::Column::ParentId.is_null())
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
    let tahun = match tahun {
        Some(t) => t,
        None => crate::clock::today_in(crate::clock::instansi_offset(db, root.instansi_id).await?)
            .year(),
    };
    let r = super::kepatuhan::ringkasan(db, root.instansi_id, unit_id, tahun).await?;
    let kids = units::Entity::find()
        .filter(units::Column::ParentId.eq(unit_id))
        .filter(units::Column::Aktif.eq(true))
        .all(db)
        .await?;
    let line = |id: Uuid, nama: String| {
        let (n, ok) = r.per_sub_unit.get(&id).copied().unwrap_or_default();
        KepatuhanUnit {
            unit_id: id,
            nama,
            jumlah_pegawai: n,
            memenuhi: ok,
            persen: if n == 0 {
                0.0
            } else {
                (ok as f64 * 1000.0 / n as f64).round() / 10.0
            },
        }
    };
    let mut sub_unit: Vec<KepatuhanUnit> = kids.into_iter().map(|u| line(u.id, u.nama)).collect();
    sub_unit.sort_by(|a, b| {
        a.persen
            .total_cmp(&b.persen)
            .then_with(|| a.nama.cmp(&b.nama))
    });
    let (n, ok) = (r.jumlah, r.memenuhi);
    let unit_line = KepatuhanUnit {
        unit_id,
        nama: root.nama,
        jumlah_pegawai: n,
        memenuhi: ok,
        persen: if n == 0 {
            0.0
        } else {
            (ok as f64 * 1000.0 / n as f64).round() / 10.0
        },
    };
    let kurang = super::kepatuhan::kurang(db, &r, page).await?;
    Ok(KepatuhanJp {
        tahun,
        unit: unit_line,
        sub_unit,
        kurang: Page::new(kurang, page, n - ok),
    })
}
