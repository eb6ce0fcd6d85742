//! The demo's announcement (issue #19): the HR office reminds everyone of the year-end steps,
//! showing from two days ago for two weeks (the instansi's local days).

use chrono::Duration;
use kinerja_api::pengumuman::SasaranPengumuman;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::clock;
use crate::entities::{instansi, pengumuman, users};
use crate::error::AppResult;

pub const JUDUL: &str = "Penilaian kinerja akhir tahun";
const ISI: &str = "Realisasi bulan November dan Desember diisi paling lambat 5 Januari. \
Pejabat penilai menetapkan evaluasi tahunan sebelum 31 Januari; keberatan dapat diajukan \
paling lambat 14 hari setelah hasil ditetapkan.\nPanduan pengisian tersedia di menu bantuan; \
pertanyaan disampaikan ke BKPSDM.";

/// Publishes the announcement once; `false` when there is one already (or no HR account).
///
/// # Errors
/// On a database failure.
pub async fn seed_pengumuman(db: &DatabaseConnection) -> AppResult<bool> {
    let Some(admin) = users::Entity::find()
        .filter(users::Column::Username.eq("admin.bkpsdm"))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    let Some(inst) = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(super::INSTANSI))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    if pengumuman::Entity::find()
        .filter(pengumuman::Column::InstansiId.eq(inst.id))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let today = clock::today_in(clock::instansi_offset(db, inst.id).await?);
    let now = clock::now();
    pengumuman::ActiveModel {
        id: Set(Uuid::new_v4()),
        instansi_id: Set(inst.id),
        judul: Set(JUDUL.to_owned()),
        isi: Set(ISI.to_owned()),
        sasaran: Set(SasaranPengumuman::Semua.as_str().to_owned()),
        unit_id: Set(None),
        peran: Set(None),
        mulai: Set(today - Duration::days(2)),
        selesai: Set(today + Duration::days(12)),
        dibuat_oleh: Set(admin.id),
        ditarik: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(db)
    .await?;
    Ok(true)
}
