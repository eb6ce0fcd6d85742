//! The demo's yearly development plan (issue #18): this year's plan of the demo instansi built
//! from the agreed needs (the needs demo runs before this one) and a few of the kecamatan's
//! staff planned by hand (twelve of them when there are no agreed needs). Version 1 is set; version 2 is a draft with one more item,
//! so the versions can be compared.

use std::collections::HashSet;

use chrono::Datelike;
use kinerja_api::auth::Role;
use kinerja_api::employees::StatusPegawai;
use kinerja_api::pengembangan::{BentukPengembangan, KelompokKompetensi, StatusKebutuhan};
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, KonsolidasiRencana, RencanaUnitQuery, RevisiRencana, TetapkanRencana,
    UbahItemRencana,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::INSTANSI;
use crate::auth::Viewer;
use crate::entities::rencana_pengembangan as rencana;
use crate::entities::{employees, instansi, kebutuhan_pengembangan, kompetensi, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::pengembangan_rencana::service;

/// Competencies made only when the instansi has none yet.
const KOMPETENSI: [(&str, KelompokKompetensi); 4] = [
    (
        "Pelayanan administrasi kependudukan",
        KelompokKompetensi::Teknis,
    ),
    ("Pengelolaan arsip digital", KelompokKompetensi::Teknis),
    (
        "Kepemimpinan pelayanan publik",
        KelompokKompetensi::Manajerial,
    ),
    (
        "Komunikasi dengan warga",
        KelompokKompetensi::SosialKultural,
    ),
];

const PENYELENGGARA: [&str; 3] = [
    "BPSDM Provinsi Banten",
    "BKPSDM Kota Serang",
    "LAN RI (e-learning)",
];

/// People planned by hand when there are no agreed needs, and besides the needs otherwise.
const TANPA_KEBUTUHAN: usize = 12;
const DENGAN_KEBUTUHAN: usize = 6;

async fn kompetensi_aktif(db: &DatabaseConnection, inst: Uuid) -> AppResult<Vec<Uuid>> {
    let ids: Vec<Uuid> = kompetensi::Entity::find()
        .select_only()
        .column(kompetensi::Column::Id)
        .filter(kompetensi::Column::InstansiId.eq(inst))
        .filter(kompetensi::Column::Aktif.eq(true))
        .order_by_asc(kompetensi::Column::Nama)
        .into_tuple()
        .all(db)
        .await?;
    if !ids.is_empty() {
        return Ok(ids);
    }
    let now = crate::clock::now();
    let mut out = Vec::new();
    for (nama, kelompok) in KOMPETENSI {
        let m = kompetensi::ActiveModel {
            id: Set(Uuid::now_v7()),
            instansi_id: Set(inst),
            nama: Set(nama.to_owned()),
            kelompok: Set(kelompok.as_str().to_owned()),
            nilai_berakhlak: Set(None),
            deskripsi: Set(None),
            aktif: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        }
        .insert(db)
        .await?;
        out.push(m.id);
    }
    Ok(out)
}

/// Creates this year's plan of the demo instansi; 0 when it exists or there is no demo.
/// Returns the number of items of the set version.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_rencana_pengembangan(db: &DatabaseConnection) -> AppResult<usize> {
    let Some(inst) = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let offset = crate::clock::instansi_offset(db, inst.id).await?;
    let tahun = crate::clock::today_in(offset).year();
    let exists = rencana::Entity::find()
        .filter(rencana::Column::InstansiId.eq(inst.id))
        .filter(rencana::Column::Tahun.eq(tahun))
        .count(db)
        .await?
        > 0;
    if exists {
        return Ok(0);
    }
    let hr = Viewer {
        user_id: Uuid::nil(),
        roles: vec![Role::Superadmin],
        employee_id: None,
        subtree: HashSet::new(),
    };
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        ..RequestMeta::default()
    };
    let komp = kompetensi_aktif(db, inst.id).await?;
    let agreed = kebutuhan_pengembangan::Entity::find()
        .filter(kebutuhan_pengembangan::Column::InstansiId.eq(inst.id))
        .filter(kebutuhan_pengembangan::Column::Tahun.eq(tahun))
        .filter(kebutuhan_pengembangan::Column::Status.eq(StatusKebutuhan::Disetujui.as_str()))
        .filter(kebutuhan_pengembangan::Column::KompetensiId.is_not_null())
        .count(db)
        .await?;

    let hasil = service::konsolidasi(
        db,
        &hr,
        KonsolidasiRencana {
            instansi_id: Some(inst.id),
            tahun,
        },
        &meta,
    )
    .await?;
    let plan_id = hasil.rencana.id;
    let mut lock = hasil.rencana.lock_version;

    // The needs' items get a provider and a month, as the HR office would fill them in.
    let from_needs = service::items(
        db,
        &hr,
        plan_id,
        RencanaUnitQuery {
            unit_id: None,
            page: 1,
            per_page: 100,
        },
    )
    .await?
    .items;
    for (i, it) in from_needs.iter().enumerate() {
        let item = service::ubah_item(
            db,
            &hr,
            plan_id,
            it.id,
            UbahItemRencana {
                lock_version: lock,
                bentuk: None,
                penyelenggara: Some(PENYELENGGARA[i % PENYELENGGARA.len()].to_owned()),
                bulan_rencana: Some((i % 10) as i32 + 2),
                jp: (it.jp == 0).then_some(16),
                anggaran: None,
            },
            &meta,
        )
        .await?;
        lock = item.rencana_lock_version;
    }

    // Staff of the kecamatan planned by hand: the whole plan when there are no agreed needs,
    // a few more people otherwise, so that every unit has totals and some still lack 20 JP.
    let Some(kec) = units::Entity::find()
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::Nama.eq("Kecamatan Cipocok Jaya"))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let subtree: Vec<Uuid> = crate::organisation::tree::subtree(db, kec.id)
        .await?
        .into_iter()
        .collect();
    let planned: HashSet<Uuid> = from_needs.iter().map(|i| i.employee_id).collect();
    let jumlah = if agreed == 0 {
        TANPA_KEBUTUHAN
    } else {
        DENGAN_KEBUTUHAN
    };
    let staff: Vec<employees::Model> = employees::Entity::find()
        .filter(employees::Column::InstansiId.eq(inst.id))
        .filter(employees::Column::Status.eq(StatusPegawai::Aktif.as_str()))
        .filter(employees::Column::UnitId.is_in(subtree))
        .order_by_asc(employees::Column::Nip)
        .limit(100)
        .all(db)
        .await?
        .into_iter()
        .filter(|e| !planned.contains(&e.id))
        .take(jumlah)
        .collect();
    let bentuk = [
        BentukPengembangan::Diklat,
        BentukPengembangan::ELearning,
        BentukPengembangan::Bimtek,
        BentukPengembangan::Coaching,
    ];
    for (i, e) in staff.iter().enumerate() {
        let item = service::tambah_item(
            db,
            &hr,
            plan_id,
            BuatItemRencana {
                lock_version: lock,
                employee_id: e.id,
                kompetensi_id: komp[i % komp.len()],
                bentuk: bentuk[i % bentuk.len()],
                penyelenggara: Some(PENYELENGGARA[i % PENYELENGGARA.len()].to_owned()),
                bulan_rencana: Some((i % 10) as i32 + 2),
                // Some reach 20 JP with the plan alone, some do not.
                jp: [24, 8, 20, 12][i % 4],
                anggaran: [3_500_000, 0, 2_750_000, 1_200_000][i % 4],
            },
            &meta,
        )
        .await?;
        lock = item.rencana_lock_version;
    }

    let set = service::tetapkan(
        db,
        &hr,
        plan_id,
        TetapkanRencana {
            lock_version: lock,
            catatan: Some("Ditetapkan untuk data demo.".into()),
        },
        &meta,
    )
    .await;
    // A plan without items (no staff) stays a draft.
    let set = match set {
        Ok(set) => set,
        Err(AppError::Conflicting(_)) => return Ok(0),
        Err(e) => return Err(e),
    };
    // Version 2: a draft copy with one more person, to compare the versions.
    let v2 = service::revisi(
        db,
        &hr,
        plan_id,
        RevisiRencana {
            lock_version: set.lock_version,
        },
        &meta,
    )
    .await?;
    let planned: HashSet<Uuid> = service::items(
        db,
        &hr,
        v2.id,
        RencanaUnitQuery {
            unit_id: None,
            page: 1,
            per_page: 100,
        },
    )
    .await?
    .items
    .into_iter()
    .map(|i| i.employee_id)
    .collect();
    let extra = employees::Entity::find()
        .filter(employees::Column::InstansiId.eq(inst.id))
        .filter(employees::Column::Status.eq(StatusPegawai::Aktif.as_str()))
        .filter(employees::Column::UnitId.is_not_null())
        .order_by_desc(employees::Column::Nip)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .find(|e| !planned.contains(&e.id));
    if let Some(e) = extra {
        service::tambah_item(
            db,
            &hr,
            v2.id,
            BuatItemRencana {
                lock_version: v2.lock_version,
                employee_id: e.id,
                kompetensi_id: komp[0],
                bentuk: BentukPengembangan::Kursus,
                penyelenggara: Some(PENYELENGGARA[1].to_owned()),
                bulan_rencana: Some(9),
                jp: 20,
                anggaran: 2_000_000,
            },
            &meta,
        )
        .await?;
    }
    Ok(usize::try_from(set.jumlah_item).unwrap_or(usize::MAX))
}
