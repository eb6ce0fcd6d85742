//! The access log of personal data (UU 27/2022 "PDP", issue #20; docs/privasi.md): a read of
//! another person's full record — the employee detail with its private fields, an export with
//! private columns — is recorded with who, when and the role that allowed it. The person
//! themself reading their own record is not logged, nor is the directory view (name, NIP,
//! position, unit), which everyone sees. The table is append-only (database triggers).

use chrono::Utc;
use kinerja_api::auth::Permission;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::akses_data_pribadi;
use crate::error::AppResult;
use crate::extract::RequestMeta;

pub const DETAIL: &str = "detail";
pub const EKSPOR: &str = "ekspor";

/// The role that let `viewer` see a record that is not their own: every record (HR office,
/// auditor), else the unit subtree they lead.
pub fn dasar(viewer: &Viewer) -> &'static str {
    if viewer.can(Permission::ReadAllEmployees) {
        "semua_pegawai"
    } else {
        "pimpinan_unit"
    }
}

/// Records one read of `jumlah` full records (`pegawai` when it is one person's).
///
/// # Errors
/// On a database failure (the read then fails too: an unlogged read must not happen).
pub async fn catat(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    pegawai: Option<Uuid>,
    jenis: &str,
    jumlah: usize,
    meta: &RequestMeta,
) -> AppResult<()> {
    akses_data_pribadi::ActiveModel {
        id: Set(Uuid::now_v7()),
        waktu: Set(Utc::now()),
        aktor_id: Set(viewer.user_id),
        pegawai_id: Set(pegawai),
        jenis: Set(jenis.to_owned()),
        dasar: Set(dasar(viewer).to_owned()),
        jumlah: Set(i32::try_from(jumlah).unwrap_or(i32::MAX)),
        request_id: Set(meta.request_id.clone()),
        ip: Set(meta.ip.clone()),
    }
    .insert(db)
    .await?;
    Ok(())
}
