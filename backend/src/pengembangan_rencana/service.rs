//! The rules and queries of the yearly development plan: who may read, draft and set it, the
//! consolidation of the agreed needs, the versions, and the per-unit totals and 20 JP gap as
//! SQL aggregates (a fixed number of queries per request, one page at a time).

use kinerja_api::Pesan;
use kinerja_api::auth::{Permission, Role};
use kinerja_api::pengembangan_rencana::StatusRencana;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::rencana_pengembangan as rencana;
use crate::entities::units;
use crate::entities::{employees, instansi};
use crate::error::{AppError, AppResult};
use crate::policy::{self, AksesRencanaPengembangan};

pub use super::baca::{DataXlsx, belum_20_jp, data_xlsx, detail, items, list};
pub use super::tulis::{hapus_item, konsolidasi, revisi, tambah_item, tetapkan, ubah_item};

/// The noun of a plan in messages ([`kinerja_api::pesan::BENDA`]).
pub(crate) const WHAT: &str = "Rencana pengembangan";
pub(super) const WHAT_ITEM: &str = "Item rencana pengembangan";
/// Rows per multi-row insert and per `IN` list.
pub(super) const CHUNK: usize = 500;

/// The viewer's access to one instansi's plans.
#[derive(Debug, Clone)]
pub struct Akses {
    pub instansi: instansi::Model,
    pub hak: AksesRencanaPengembangan,
    /// The units the viewer reads; `None`: all of the instansi.
    pub unit: Option<Vec<Uuid>>,
}

impl Akses {
    pub(super) fn melihat_unit(&self, unit: Uuid) -> bool {
        self.unit.as_ref().is_none_or(|u| u.contains(&unit))
    }
}

/// Only the HR office and pimpinan come near plans; everyone else gets 403 at once.
pub(super) fn pintu(viewer: &Viewer) -> AppResult<()> {
    if viewer.can(Permission::ManageOrganisation) || viewer.roles.contains(&Role::Pimpinan) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The viewer's access to the plans of `instansi_id` ([`policy::akses_rencana_pengembangan`]):
/// 404 for a pimpinan with no unit in it.
///
/// # Errors
/// `NotFound`, `Forbidden`, a database failure.
pub async fn akses_instansi(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    instansi_id: Uuid,
) -> AppResult<Akses> {
    pintu(viewer)?;
    let inst = instansi::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Instansi"))?;
    let roots: Vec<Uuid> = units::Entity::find()
        .select_only()
        .column(units::Column::Id)
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::ParentId.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let heads = roots.iter().any(|r| viewer.subtree.contains(r));
    let mut lead: Vec<Uuid> = Vec::new();
    if !heads && !viewer.subtree.is_empty() {
        let ids: Vec<Uuid> = viewer.subtree.iter().copied().collect();
        for chunk in ids.chunks(CHUNK) {
            let found: Vec<Uuid> = units::Entity::find()
                .select_only()
                .column(units::Column::Id)
                .filter(units::Column::InstansiId.eq(inst.id))
                .filter(units::Column::Id.is_in(chunk.to_vec()))
                .into_tuple()
                .all(db)
                .await?;
            lead.extend(found);
        }
    }
    let hak = policy::akses_rencana_pengembangan(&viewer.roles, heads, heads || !lead.is_empty())
        .ok_or(AppError::NotFound(WHAT))?;
    Ok(Akses {
        instansi: inst,
        hak,
        unit: if hak.semua_unit { None } else { Some(lead) },
    })
}

/// The instansi a request without `instansi_id` means: the viewer's own, or the only one.
pub(super) async fn instansi_default(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    given: Option<Uuid>,
) -> AppResult<Uuid> {
    if let Some(id) = given {
        return Ok(id);
    }
    if let Some(e) = viewer.employee_id
        && let Some(e) = employees::Entity::find_by_id(e).one(db).await?
    {
        return Ok(e.instansi_id);
    }
    let ids: Vec<Uuid> = instansi::Entity::find()
        .select_only()
        .column(instansi::Column::Id)
        .limit(2)
        .into_tuple()
        .all(db)
        .await?;
    match ids.as_slice() {
        [one] => Ok(*one),
        _ => Err(AppError::field("instansi_id", Pesan::PilihInstansi)),
    }
}

pub(super) async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<rencana::Model> {
    rencana::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

/// The plan if the viewer may read it, with their access.
pub(super) async fn lihat(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(rencana::Model, Akses)> {
    pintu(viewer)?;
    let r = find(db, id).await?;
    let a = akses_instansi(db, viewer, r.instansi_id).await?;
    Ok((r, a))
}

/// The plan if the viewer drafts it: 403 for those who only read.
pub(super) async fn kelola(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(rencana::Model, Akses)> {
    let (r, a) = lihat(db, viewer, id).await?;
    if !a.hak.kelola {
        return Err(AppError::Forbidden);
    }
    Ok((r, a))
}

pub(super) fn status_of(r: &rencana::Model) -> StatusRencana {
    StatusRencana::parse(&r.status).unwrap_or(StatusRencana::Draft)
}
