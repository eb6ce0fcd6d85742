//! The access log of personal data (UU 27/2022 "PDP", issue #20; docs/privasi.md): a read of
//! another person's full record — the employee detail with its private fields, an export with
//! private columns — is recorded with who, when and the role that allowed it. The person
//! themself reading their own record is not logged, nor is the directory view (name, NIP,
//! position, unit), which everyone sees. The table is append-only (database triggers).

use chrono::Utc;
use kinerja_api::auth::Permission;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::akses_data_pribadi;
use crate::error::AppResult;
use crate::extract::RequestMeta;

pub const DETAIL: &str = "detail";
pub const EKSPOR: &str = "ekspor";
/// The person downloaded their own Data Saya (`crate::privasi`).
pub const DATA_SAYA: &str = "data_saya";
/// The `dasar` of a person's read of their own data.
pub const PEMILIK_DATA: &str = "pemilik_data";

/// The role that let `viewer` see a record that is not their own: every record (HR office,
/// auditor), else the unit subtree they lead.
pub fn dasar(viewer: &Viewer) -> &'static str {
    if viewer.can(Permission::ReadAllEmployees) {
        "semua_pegawai"
    } else {
        "pimpinan_unit"
    }
}

/// Records one read of `jumlah` full records (`pegawai` when it is one person's), then checks
/// the reader's last hour against `batas_per_jam` (`KINERJA_PDP_BACA_PER_JAM`: the alert of
/// `crate::privasi::peringatan`).
///
/// # Errors
/// On a database failure (the read then fails too: an unlogged read must not happen).
pub async fn catat(
    db: &DatabaseConnection,
    viewer: &Viewer,
    pegawai: Option<Uuid>,
    jenis: &str,
    jumlah: usize,
    meta: &RequestMeta,
    batas_per_jam: u32,
) -> AppResult<()> {
    let now = Utc::now();
    tulis(
        db,
        viewer.user_id,
        pegawai,
        jenis,
        dasar(viewer),
        jumlah,
        meta,
        now,
    )
    .await?;
    crate::privasi::peringatan::periksa(db, viewer.user_id, batas_per_jam, now).await
}

/// Records that `viewer` downloaded their own Data Saya.
///
/// # Errors
/// On a database failure.
pub async fn catat_data_saya(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    pegawai: Uuid,
    meta: &RequestMeta,
) -> AppResult<()> {
    tulis(
        db,
        viewer.user_id,
        Some(pegawai),
        DATA_SAYA,
        PEMILIK_DATA,
        1,
        meta,
        Utc::now(),
    )
    .await
}

#[expect(clippy::too_many_arguments)]
async fn tulis(
    db: &impl ConnectionTrait,
    aktor: Uuid,
    pegawai: Option<Uuid>,
    jenis: &str,
    dasar: &str,
    jumlah: usize,
    meta: &RequestMeta,
    waktu: chrono::DateTime<Utc>,
) -> AppResult<()> {
    akses_data_pribadi::ActiveModel {
        id: Set(Uuid::now_v7()),
        waktu: Set(waktu),
        aktor_id: Set(aktor),
        pegawai_id: Set(pegawai),
        jenis: Set(jenis.to_owned()),
        dasar: Set(dasar.to_owned()),
        jumlah: Set(i32::try_from(jumlah).unwrap_or(i32::MAX)),
        request_id: Set(meta.request_id.clone()),
        ip: Set(meta.ip.clone()),
    }
    .insert(db)
    .await?;
    Ok(())
}
