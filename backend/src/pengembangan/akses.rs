//! Who the viewer is to one employee's development data, decided once per request by
//! [`crate::policy::akses_pengembangan`].

use kinerja_api::employees::full_name;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::clock;
use crate::employees::superiors::Resolver;
use crate::entities::employees;
use crate::error::{AppError, AppResult};
use crate::policy::{AksesPengembangan, HubunganPengembangan, akses_pengembangan};

/// An employee whose development data the viewer may read, with what else they may do.
pub struct Pegawai {
    pub model: employees::Model,
    pub akses: AksesPengembangan,
    /// The instansi's local day.
    pub today: chrono::NaiveDate,
}

impl Pegawai {
    pub fn nama(&self) -> String {
        nama(&self.model)
    }
}

/// Name with academic titles.
pub fn nama(e: &employees::Model) -> String {
    full_name(
        e.gelar_depan.as_deref(),
        &e.nama,
        e.gelar_belakang.as_deref(),
    )
}

/// Whether `rater` is the PPKin of `employee` on `date` (a walk up from the one employee).
///
/// # Errors
/// On a database failure.
pub async fn is_ppkin(
    db: &impl ConnectionTrait,
    date: chrono::NaiveDate,
    employee: Uuid,
    rater: Option<Uuid>,
) -> AppResult<bool> {
    let Some(rater) = rater.filter(|r| *r != employee) else {
        return Ok(false);
    };
    let resolver = Resolver::ppkin_only(db, date, [employee]).await?;
    Ok(resolver
        .ppkin(employee)
        .is_ok_and(|p| p.employee.id == rater))
}

/// The employee `id` as the viewer may see their development data: `NotFound` (not 403) for
/// anyone outside the rule, so that nobody learns who exists.
///
/// # Errors
/// `NotFound`; on a database failure.
pub async fn pegawai(db: &impl ConnectionTrait, viewer: &Viewer, id: Uuid) -> AppResult<Pegawai> {
    let model = employees::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let today = clock::today_in(clock::instansi_offset(db, model.instansi_id).await?);
    let sendiri = viewer.employee_id == Some(id);
    let h = HubunganPengembangan {
        sendiri,
        ppkin: !sendiri && is_ppkin(db, today, id, viewer.employee_id).await?,
        dalam_subtree: model.unit_id.is_some_and(|u| viewer.subtree.contains(&u)),
    };
    let akses = akses_pengembangan(&viewer.roles, h).ok_or(AppError::NotFound("Pegawai"))?;
    Ok(Pegawai {
        model,
        akses,
        today,
    })
}

/// The viewer's own employee record, for the pages about "mine".
///
/// # Errors
/// `NotFound` for an account without an employee record.
pub async fn saya(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<Pegawai> {
    let id = viewer.employee_id.ok_or(AppError::NotFound("Pegawai"))?;
    pegawai(db, viewer, id).await
}

/// The instansi a viewer works for: their employee record's, else the one named, else the
/// only one there is (an HR office account without an employee record in a single-instansi
/// installation).
///
/// # Errors
/// `Validation` on `instansi_id` when none can be told; `NotFound` for an unknown one.
pub async fn instansi(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    named: Option<Uuid>,
) -> AppResult<Uuid> {
    use crate::entities::instansi;
    use sea_orm::{PaginatorTrait, QuerySelect};
    if let Some(id) = named {
        instansi::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound("Instansi"))?;
        return Ok(id);
    }
    if let Some(e) = viewer.employee_id {
        let e = employees::Entity::find_by_id(e)
            .one(db)
            .await?
            .ok_or(AppError::NotFound("Pegawai"))?;
        return Ok(e.instansi_id);
    }
    if instansi::Entity::find().count(db).await? == 1 {
        let only: Option<Uuid> = instansi::Entity::find()
            .select_only()
            .column(instansi::Column::Id)
            .into_tuple()
            .one(db)
            .await?;
        if let Some(id) = only {
            return Ok(id);
        }
    }
    Err(AppError::field(
        "instansi_id",
        kinerja_api::Pesan::WajibDiisi,
    ))
}
