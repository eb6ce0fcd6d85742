//! The yearly development plan: `/api/v1/pengembangan/rencana`.

use kinerja_api::Page;
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, HasilKonsolidasi, ItemRencana, KonsolidasiRencana, PegawaiBelum20Jp,
    RencanaDetail, RencanaPengembangan, RevisiRencana, TetapkanRencana, UbahItemRencana,
};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

const BASE: &str = "/pengembangan/rencana";

/// The versions of the instansi's plan of `tahun`, newest first.
///
/// # Errors
/// `forbidden` for those who are neither HR office nor pimpinan.
pub async fn versi(tahun: i32) -> Result<Vec<RencanaPengembangan>, ApiError> {
    client::authed(Call::get(BASE).query(&[("tahun", Some(tahun.to_string()))])).await
}

/// # Errors
/// `forbidden` but for the HR office; `conflict` when another officer writes at once.
pub async fn konsolidasi(tahun: i32) -> Result<HasilKonsolidasi, ApiError> {
    let req = KonsolidasiRencana {
        instansi_id: None,
        tahun,
    };
    client::authed(Call::post_json(&format!("{BASE}/konsolidasi"), &req)?).await
}

/// A version with a page of its units.
///
/// # Errors
/// `not_found`, `forbidden`.
pub async fn detail(id: Uuid, page: u64) -> Result<RencanaDetail, ApiError> {
    client::authed(Call::get(&format!("{BASE}/{id}")).query(&[
        ("page", Some(page.to_string())),
        ("per_page", Some("50".to_owned())),
    ]))
    .await
}

fn unit_params(unit: Option<Uuid>, page: u64) -> [(&'static str, Option<String>); 3] {
    [
        ("unit_id", unit.map(|u| u.to_string())),
        ("page", Some(page.to_string())),
        ("per_page", Some("50".to_owned())),
    ]
}

/// # Errors
/// `not_found` for a unit the viewer does not read.
pub async fn items(id: Uuid, unit: Option<Uuid>, page: u64) -> Result<Page<ItemRencana>, ApiError> {
    client::authed(Call::get(&format!("{BASE}/{id}/item")).query(&unit_params(unit, page))).await
}

/// Who still lacks a plan to reach 20 JP.
///
/// # Errors
/// `not_found` for a unit the viewer does not read.
pub async fn belum_20_jp(
    id: Uuid,
    unit: Option<Uuid>,
    page: u64,
) -> Result<Page<PegawaiBelum20Jp>, ApiError> {
    client::authed(Call::get(&format!("{BASE}/{id}/belum-20-jp")).query(&unit_params(unit, page)))
        .await
}

/// # Errors
/// `validation_failed`, `conflict` (stale or set), `forbidden`.
pub async fn tambah_item(id: Uuid, req: &BuatItemRencana) -> Result<ItemRencana, ApiError> {
    client::authed(Call::post_json(&format!("{BASE}/{id}/item"), req)?).await
}

/// # Errors
/// `validation_failed`, `conflict` (stale or set), `forbidden`.
pub async fn ubah_item(
    id: Uuid,
    item: Uuid,
    req: &UbahItemRencana,
) -> Result<ItemRencana, ApiError> {
    client::authed(Call::patch_json(&format!("{BASE}/{id}/item/{item}"), req)?).await
}

/// # Errors
/// `conflict` (stale or set), `forbidden`.
pub async fn hapus_item(id: Uuid, item: Uuid, lock_version: i32) -> Result<(), ApiError> {
    client::authed(
        Call::delete(&format!("{BASE}/{id}/item/{item}"))
            .query(&[("lock_version", Some(lock_version.to_string()))]),
    )
    .await
}

/// # Errors
/// `forbidden` but for the head of the instansi; `conflict`.
pub async fn tetapkan(id: Uuid, req: &TetapkanRencana) -> Result<RencanaPengembangan, ApiError> {
    client::authed(Call::post_json(&format!("{BASE}/{id}/tetapkan"), req)?).await
}

/// # Errors
/// `forbidden` but for the HR office; `conflict`.
pub async fn revisi(id: Uuid, lock_version: i32) -> Result<RencanaPengembangan, ApiError> {
    client::authed(Call::post_json(
        &format!("{BASE}/{id}/revisi"),
        &RevisiRencana { lock_version },
    )?)
    .await
}

/// Saves the version as XLSX in the browser.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn unduh_xlsx(id: Uuid, name: &str) -> Result<(), ApiError> {
    client::download(Call::get(&format!("{BASE}/{id}/rencana.xlsx")), name).await
}
