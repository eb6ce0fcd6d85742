//! Who may read or act on an SKP: the one place with these rules (docs/regulation.md, "Who sees
//! and acts on an SKP"). The owner; the PPKin and Atasan PPKin recorded on it; its PPKin and
//! Atasan PPKin today (a new holder of the post, a Plt, an override); whoever reads all
//! employees (the HR office, the auditor); pimpinan whose unit subtree holds the owner.
//! Planning, measurement, evaluation, documents and integrations ask here.

use chrono::NaiveDate;
use kinerja_api::auth::Permission;
use kinerja_api::penilaian::PeranEvaluasi;
use kinerja_api::planning::StatusSkp;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::periods;
use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{employees, skps};
use crate::error::{AppError, AppResult};

/// The date at which superiors are resolved for a period: today in the instansi's zone, kept
/// inside the period.
pub(crate) async fn reference_date(
    db: &impl ConnectionTrait,
    period: &crate::entities::periods::Model,
) -> AppResult<NaiveDate> {
    Ok(crate::clock::period_today(db, period)
        .await?
        .clamp(period.mulai, period.selesai))
}

pub(crate) async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<skps::Model> {
    skps::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("SKP"))
}

pub(crate) fn status(m: &skps::Model) -> StatusSkp {
    StatusSkp::parse(&m.status).unwrap_or(StatusSkp::Draft)
}

/// Whether the viewer may read this SKP: the owner, the PPKin and Atasan PPKin recorded on it,
/// whoever reads all employees, and pimpinan whose unit subtree contains the owner.
pub(crate) async fn can_read(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    let me = viewer.employee_id;
    if me == Some(m.employee_id)
        || me.is_some() && (me == m.ppkin_employee_id || me == m.atasan_ppkin_employee_id)
    {
        return Ok(true);
    }
    if viewer.can(Permission::ReadAllEmployees) {
        return Ok(true);
    }
    let owner = employees::Entity::find_by_id(m.employee_id).one(db).await?;
    Ok(owner.is_some_and(|o| viewer.sees_full(&o)))
}

/// The viewer's standing towards one SKP, resolved once (today's raters included), for the
/// operations that depend on it: following measurement and evaluation, acting as PPKin or
/// Atasan PPKin, and the role the evaluation page reports.
pub struct Akses {
    me: Option<Uuid>,
    owner: Uuid,
    reads: bool,
    /// The viewer is the PPKin or Atasan PPKin recorded on the SKP.
    recorded_rater: bool,
    /// The viewer is the HR office (manages the organisation).
    hr: bool,
    /// The owner's PPKin and Atasan PPKin today.
    pub raters: (Option<Uuid>, Option<Uuid>),
}

impl Akses {
    /// # Errors
    /// On a database failure.
    pub async fn of(
        db: &impl ConnectionTrait,
        viewer: &Viewer,
        m: &skps::Model,
    ) -> AppResult<Self> {
        let reads = can_read(db, viewer, m).await?;
        // An account without an employee record rates no one: no superior resolution needed.
        let raters = if viewer.employee_id.is_some() {
            current_raters(db, m).await?
        } else {
            (None, None)
        };
        Ok(Self {
            me: viewer.employee_id,
            owner: m.employee_id,
            reads,
            recorded_rater: recorded_rater(viewer, m),
            hr: viewer.can(Permission::ManageOrganisation),
            raters,
        })
    }

    /// The standing of a viewer known to be one of `m`'s raters today (a work list resolves
    /// the raters of many SKPs at once).
    pub fn known(viewer: &Viewer, m: &skps::Model, raters: (Option<Uuid>, Option<Uuid>)) -> Self {
        Self {
            me: viewer.employee_id,
            owner: m.employee_id,
            reads: false,
            recorded_rater: recorded_rater(viewer, m),
            hr: viewer.can(Permission::ManageOrganisation),
            raters,
        }
    }

    pub fn is_owner(&self) -> bool {
        self.me == Some(self.owner)
    }

    pub fn is_ppkin(&self) -> bool {
        self.me.is_some() && self.me == self.raters.0
    }

    pub fn is_atasan(&self) -> bool {
        self.me.is_some() && self.me == self.raters.1
    }

    /// Readers and today's raters (who may differ from those recorded on the SKP: a new holder
    /// of the post, a Plt, an override) follow its measurement and evaluation.
    pub fn follows(&self) -> bool {
        self.reads || self.is_ppkin() || self.is_atasan()
    }

    /// The refusal for an operation the viewer may not do: 403 to those who follow the SKP,
    /// 404 to everyone else, so that its existence does not leak.
    pub fn deny(&self) -> AppError {
        if self.follows() {
            AppError::Forbidden
        } else {
            AppError::NotFound("SKP")
        }
    }

    /// # Errors
    /// `NotFound` when the viewer does not follow the SKP.
    pub fn require_follows(&self) -> AppResult<()> {
        if self.follows() {
            Ok(())
        } else {
            Err(AppError::NotFound("SKP"))
        }
    }

    /// The PPKin today (their employee id).
    ///
    /// # Errors
    /// As [`Akses::deny`] for anyone else.
    pub fn require_ppkin(&self) -> AppResult<Uuid> {
        self.me
            .filter(|_| self.is_ppkin())
            .ok_or_else(|| self.deny())
    }

    /// The Atasan PPKin today (their employee id).
    ///
    /// # Errors
    /// As [`Akses::deny`] for anyone else.
    pub fn require_atasan(&self) -> AppResult<Uuid> {
        self.me
            .filter(|_| self.is_atasan())
            .ok_or_else(|| self.deny())
    }

    /// The owner or the PPKin today (their employee id): who reports on an improvement plan.
    ///
    /// # Errors
    /// As [`Akses::deny`] for anyone else.
    pub fn require_owner_or_ppkin(&self) -> AppResult<Uuid> {
        self.me
            .filter(|_| self.is_owner() || self.is_ppkin())
            .ok_or_else(|| self.deny())
    }

    /// Who makes the numbered, stored documents of its evaluations: the owner, its raters
    /// (recorded on it or today) and the HR office. Other readers (auditor, pimpinan) only read.
    pub fn makes_documents(&self) -> bool {
        self.hr || self.is_owner() || self.recorded_rater || self.is_ppkin() || self.is_atasan()
    }

    /// The viewer's role as the evaluation page reports it.
    pub fn peran(&self) -> PeranEvaluasi {
        if self.is_owner() {
            PeranEvaluasi::Pemilik
        } else if self.is_ppkin() {
            PeranEvaluasi::PejabatPenilai
        } else if self.is_atasan() {
            PeranEvaluasi::AtasanPejabatPenilai
        } else {
            PeranEvaluasi::Pembaca
        }
    }
}

fn recorded_rater(viewer: &Viewer, m: &skps::Model) -> bool {
    viewer.employee_id.is_some()
        && (viewer.employee_id == m.ppkin_employee_id
            || viewer.employee_id == m.atasan_ppkin_employee_id)
}

/// Whether the viewer follows the SKP's measurement and evaluation (see [`Akses::follows`]).
///
/// # Errors
/// On a database failure.
pub(crate) async fn can_follow(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    if can_read(db, viewer, m).await? {
        return Ok(true);
    }
    Ok(Akses::of(db, viewer, m).await?.follows())
}

/// Only the owner acts on an SKP: other readers get 403, everyone else 404 (so the SKP's
/// existence does not leak).
pub(crate) async fn require_owner(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<()> {
    if viewer.employee_id == Some(m.employee_id) {
        Ok(())
    } else if can_read(db, viewer, m).await? {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound("SKP"))
    }
}

/// The owner's PPKin and Atasan PPKin today (definitive, acting or by override).
///
/// # Errors
/// On a database failure.
pub(crate) async fn current_raters(
    db: &impl ConnectionTrait,
    m: &skps::Model,
) -> AppResult<(Option<Uuid>, Option<Uuid>)> {
    let period = periods::find(db, m.period_id).await?;
    let resolver =
        Resolver::around(db, reference_date(db, &period).await?, [m.employee_id]).await?;
    Ok(resolver.superiors(m.employee_id).map_or((None, None), |s| {
        (
            s.ppkin.map(|p| p.employee.id),
            s.atasan_ppkin.map(|p| p.employee.id),
        )
    }))
}

/// Whether the viewer is the SKP owner's PPKin today (definitive, acting or by override).
pub(crate) async fn is_current_ppkin(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    Ok(viewer.employee_id.is_some() && current_raters(db, m).await?.0 == viewer.employee_id)
}
