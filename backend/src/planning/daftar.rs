//! Lists of SKPs: what the viewer may see, and the PPKin's inbox.

use std::collections::{HashMap, HashSet};

use kinerja_api::planning::{JenisSkp, SkpQuery, SkpSummary, StatusSkp};
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::access::status;
use super::skp::{Snapshot, own_employee};
use crate::auth::Viewer;
use crate::entities::{skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::policy;

fn summary(m: &skps::Model, tahun: i32, jumlah_rhk: u64) -> AppResult<SkpSummary> {
    let snap: Snapshot =
        serde_json::from_value(m.snapshot.clone()).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(SkpSummary {
        id: m.id,
        tahun,
        versi: m.versi,
        status: status(m),
        jenis: JenisSkp::parse(&m.jenis).unwrap_or(JenisSkp::JaJf),
        pegawai: snap.pegawai,
        jumlah_rhk,
        diajukan_at: m.diajukan_at,
    })
}

/// SKPs the viewer may see: all for admin/auditor; otherwise their own and those they rate.
/// `inbox` narrows to SKPs waiting for the viewer's decision.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    query: SkpQuery,
    inbox: bool,
    page: PageQuery,
) -> AppResult<Page<SkpSummary>> {
    let mut select = skps::Entity::find();
    let reads_all = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    );
    if inbox {
        let me = own_employee(viewer)?;
        select = select
            .filter(skps::Column::PpkinEmployeeId.eq(me))
            .filter(skps::Column::Status.eq(StatusSkp::Diajukan.as_str()));
    } else if !reads_all {
        let me = own_employee(viewer)?;
        select = select.filter(
            sea_orm::Condition::any()
                .add(skps::Column::EmployeeId.eq(me))
                .add(skps::Column::PpkinEmployeeId.eq(me))
                .add(skps::Column::AtasanPpkinEmployeeId.eq(me)),
        );
    }
    if let Some(p) = query.periode_id {
        select = select.filter(skps::Column::PeriodId.eq(p));
    }
    if let Some(s) = query.status {
        select = select.filter(skps::Column::Status.eq(s.as_str()));
    }
    if let Some(e) = query.employee_id {
        select = select.filter(skps::Column::EmployeeId.eq(e));
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_desc(skps::Column::UpdatedAt)
        .order_by_asc(skps::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let period_ids: HashSet<Uuid> = models.iter().map(|m| m.period_id).collect();
    let years: HashMap<Uuid, i32> = crate::entities::periods::Entity::find()
        .filter(crate::entities::periods::Column::Id.is_in(period_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.tahun))
        .collect();
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut counts: HashMap<Uuid, u64> = HashMap::new();
    for r in skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(ids))
        .all(db)
        .await?
    {
        *counts.entry(r.skp_id).or_default() += 1;
    }
    let items = models
        .iter()
        .map(|m| {
            summary(
                m,
                years.get(&m.period_id).copied().unwrap_or_default(),
                counts.get(&m.id).copied().unwrap_or(0),
            )
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Page::new(items, page, total))
}
