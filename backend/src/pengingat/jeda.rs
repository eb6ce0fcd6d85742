//! Silences of the cycle's reminders (docs/pengingat.md): the HR office silences a unit and
//! everything below it, or the whole instansi, on some local days; the reminder job skips the
//! people of a silenced unit on those days. A silence is set or removed, never edited, so it
//! carries no version. Both are audited.

use std::collections::HashSet;

use chrono::NaiveDate;
use kinerja_api::pengingat::{JedaBaru, JedaPengingat, JedaQuery};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{pengingat_jeda as jeda, units, users};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

/// The longest silence, in days (a Lebaran leave with its margins fits several times).
pub const MAKS_HARI: i64 = 92;

/// What is silenced on one local day of an instansi.
#[derive(Debug, Default)]
pub struct Senyap {
    /// The whole instansi.
    pub semua: bool,
    /// The silenced units (each with everything below it).
    pub unit: HashSet<Uuid>,
}

impl Senyap {
    /// The silences of `instansi` covering `hari`: one query, and one recursive query per
    /// silenced unit (a handful).
    ///
    /// # Errors
    /// On a database failure.
    pub async fn pada(
        db: &impl ConnectionTrait,
        instansi: Uuid,
        hari: NaiveDate,
    ) -> AppResult<Self> {
        let rows = jeda::Entity::find()
            .filter(jeda::Column::InstansiId.eq(instansi))
            .filter(jeda::Column::Mulai.lte(hari))
            .filter(jeda::Column::Selesai.gte(hari))
            .all(db)
            .await?;
        let mut s = Self::default();
        for r in rows {
            match r.unit_id {
                None => s.semua = true,
                Some(u) => s
                    .unit
                    .extend(crate::organisation::tree::subtree(db, u).await?),
            }
        }
        Ok(s)
    }

    /// Whether a person placed in `unit` is silenced.
    #[must_use]
    pub fn diam(&self, unit: Option<Uuid>) -> bool {
        self.semua || unit.is_some_and(|u| self.unit.contains(&u))
    }
}

async fn instansi(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<Uuid> {
    crate::pengembangan::akses::instansi(db, viewer, None).await
}

async fn dtos(
    db: &DatabaseConnection,
    rows: Vec<jeda::Model>,
    today: NaiveDate,
) -> AppResult<Vec<JedaPengingat>> {
    let names =
        crate::organisation::tree::unit_names(db, rows.iter().filter_map(|r| r.unit_id)).await?;
    let authors: std::collections::HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(rows.iter().map(|r| r.dibuat_oleh)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| JedaPengingat {
            id: r.id,
            unit_id: r.unit_id,
            unit_nama: r.unit_id.and_then(|u| names.get(&u).cloned()),
            mulai: r.mulai,
            selesai: r.selesai,
            alasan: r.alasan,
            dibuat_oleh: authors.get(&r.dibuat_oleh).cloned().unwrap_or_default(),
            dibuat_pada: r.created_at,
            berlaku: r.mulai <= today && today <= r.selesai,
        })
        .collect())
}

/// The silences of the viewer's instansi, the latest first; by default only those not over.
///
/// # Errors
/// On a database failure.
pub async fn daftar(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: JedaQuery,
    page: PageQuery,
) -> AppResult<Page<JedaPengingat>> {
    let instansi = instansi(db, viewer).await?;
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, instansi).await?);
    let mut find = jeda::Entity::find().filter(jeda::Column::InstansiId.eq(instansi));
    if !q.semua.unwrap_or(false) {
        find = find.filter(jeda::Column::Selesai.gte(today));
    }
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_desc(jeda::Column::Mulai)
        .order_by_desc(jeda::Column::CreatedAt)
        .paginate(db, page.per_page)
        .fetch_page(page.page.saturating_sub(1))
        .await?;
    Ok(Page::new(dtos(db, rows, today).await?, page, total))
}

/// Sets a silence (audited).
///
/// # Errors
/// 422 on `selesai` before `mulai` or more than [`MAKS_HARI`] days after it, and on a unit
/// not of the instansi.
pub async fn buat(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: JedaBaru,
    meta: &RequestMeta,
) -> AppResult<JedaPengingat> {
    let instansi = instansi(db, viewer).await?;
    if req.selesai < req.mulai {
        return Err(AppError::field("selesai", Pesan::SelesaiSebelumMulai));
    }
    if (req.selesai - req.mulai).num_days() >= MAKS_HARI {
        return Err(AppError::field("selesai", Pesan::JedaMaks92Hari));
    }
    if let Some(u) = req.unit_id {
        units::Entity::find_by_id(u)
            .one(db)
            .await?
            .filter(|x| x.instansi_id == instansi)
            .ok_or_else(|| {
                AppError::field(
                    "unit_id",
                    Pesan::TidakDitemukan {
                        benda: "Unit".to_owned(),
                    },
                )
            })?;
    }
    let now = crate::clock::now();
    let txn = db.begin().await?;
    let m = jeda::ActiveModel {
        id: Set(Uuid::new_v4()),
        instansi_id: Set(instansi),
        unit_id: Set(req.unit_id),
        mulai: Set(req.mulai),
        selesai: Set(req.selesai),
        alasan: Set(req.alasan.trim().to_owned()),
        dibuat_oleh: Set(viewer.user_id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("pengingat_jeda.created", "pengingat_jeda")
            .instansi(m.instansi_id)
            .actor(viewer.user_id)
            .entity(m.id)
            .after(audit_json(&m)),
        meta,
    )
    .await?;
    txn.commit().await?;
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, instansi).await?);
    dtos(db, vec![m], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound("Jeda pengingat"))
}

/// Removes a silence of the viewer's instansi (audited); the reminders it held back follow on
/// the next run.
///
/// # Errors
/// 404 for a silence of another instansi or none.
pub async fn hapus(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    meta: &RequestMeta,
) -> AppResult<()> {
    let instansi = instansi(db, viewer).await?;
    let m = jeda::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|m| m.instansi_id == instansi)
        .ok_or(AppError::NotFound("Jeda pengingat"))?;
    let txn = db.begin().await?;
    audit::record(
        &txn,
        AuditEntry::new("pengingat_jeda.deleted", "pengingat_jeda")
            .instansi(m.instansi_id)
            .actor(viewer.user_id)
            .entity(m.id)
            .before(audit_json(&m)),
        meta,
    )
    .await?;
    jeda::Entity::delete_by_id(m.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

fn audit_json(m: &jeda::Model) -> serde_json::Value {
    serde_json::json!({
        "unit_id": m.unit_id,
        "mulai": m.mulai,
        "selesai": m.selesai,
        "alasan": m.alasan,
    })
}
