//! `/api/v1/reference`, `/instansi`, `/units` and `/positions` (read side; any signed-in user).

use kinerja_api::organisation::{Instansi, Position, PositionQuery, ReferenceData, UnitNode};
use kinerja_api::{Page, PageQuery};

use super::client::{self, ApiError, Call};

/// Golongan/pangkat, jenjang jabatan and the BerAKHLAK values.
///
/// # Errors
/// A network/decoding failure.
pub async fn reference() -> Result<ReferenceData, ApiError> {
    client::authed(Call::get("/reference")).await
}

/// Every instansi.
///
/// # Errors
/// A network/decoding failure.
pub async fn instansi() -> Result<Vec<Instansi>, ApiError> {
    client::authed(Call::get("/instansi")).await
}

/// The active units of every instansi as trees, with their employee counts.
///
/// # Errors
/// A network/decoding failure.
pub async fn unit_tree() -> Result<Vec<UnitNode>, ApiError> {
    client::authed(Call::get("/units/tree")).await
}

/// One page of positions.
///
/// # Errors
/// `validation_failed` for a bad filter, or a network/decoding failure.
pub async fn positions(query: &PositionQuery, page: PageQuery) -> Result<Page<Position>, ApiError> {
    client::authed(Call::get("/positions").query(&[
        ("within", query.within.map(|id| id.to_string())),
        ("jenis", query.jenis.map(|j| j.as_str().to_owned())),
        ("jenjang", query.jenjang.map(|j| j.as_str().to_owned())),
        ("vacant", query.vacant.map(|v| v.to_string())),
        ("q", query.q.clone()),
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}
