//! The signed-in employee's notifications: list with unread count, mark as read.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, post};
use chrono::Utc;
use kinerja_api::PageQuery;
use kinerja_api::planning::{Notification, NotificationPage, NotificationQuery};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::employees::service::Viewer;
use crate::entities::notifications;
use crate::error::{AppError, AppResult};
use crate::extract::ValidatedQuery;
use crate::openapi::problems::{BadRequest, Invalid, NotFound, Unauthorized};
use crate::state::AppState;

pub const TAG: &str = "notifications";

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/notifications")
            .service(list_notifications)
            .service(read_all)
            .service(read_one),
    );
}

/// Accounts without an employee record have no notifications.
async fn recipient(db: &DatabaseConnection, user: AuthUser) -> AppResult<Option<Uuid>> {
    Ok(Viewer::load(db, user.id, user.roles).await?.employee_id)
}

fn dto(n: notifications::Model) -> Notification {
    Notification {
        id: n.id,
        kind: n.kind,
        judul: n.judul,
        pesan: n.pesan,
        tautan: n.tautan,
        dibaca_at: n.dibaca_at,
        created_at: n.created_at,
    }
}

/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    to: Option<Uuid>,
    unread_only: bool,
    page: PageQuery,
) -> AppResult<NotificationPage> {
    let Some(to) = to else {
        return Ok(NotificationPage {
            items: Vec::new(),
            page: page.page,
            per_page: page.per_page,
            total: 0,
            belum_dibaca: 0,
        });
    };
    let mine =
        notifications::Entity::find().filter(notifications::Column::RecipientEmployeeId.eq(to));
    let belum_dibaca = mine
        .clone()
        .filter(notifications::Column::DibacaAt.is_null())
        .count(db)
        .await?;
    let select = if unread_only {
        mine.filter(notifications::Column::DibacaAt.is_null())
    } else {
        mine
    };
    let total = select.clone().count(db).await?;
    let items = select
        .order_by_desc(notifications::Column::CreatedAt)
        .order_by_desc(notifications::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect();
    Ok(NotificationPage {
        items,
        page: page.page,
        per_page: page.per_page,
        total,
        belum_dibaca,
    })
}

/// My notifications
///
/// Newest first, with the number still unread.
#[utoipa::path(tag = TAG, params(PageQuery, NotificationQuery), responses((status = 200, body = NotificationPage), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("")]
async fn list_notifications(
    state: Data<AppState>,
    user: AuthUser,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<NotificationQuery>,
) -> AppResult<Json<NotificationPage>> {
    let to = recipient(&state.db, user).await?;
    Ok(Json(
        list(&state.db, to, q.unread.unwrap_or(false), page).await?,
    ))
}

/// Mark one notification as read
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Notification id")),
    responses((status = 204, description = "Read"), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/read")]
async fn read_one(
    state: Data<AppState>,
    user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let to = recipient(&state.db, user)
        .await?
        .ok_or(AppError::NotFound("Notifikasi"))?;
    let id = id.into_inner();
    // Someone else's notification is answered like a missing one.
    notifications::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|n| n.recipient_employee_id == to)
        .ok_or(AppError::NotFound("Notifikasi"))?;
    notifications::Entity::update_many()
        .col_expr(
            notifications::Column::DibacaAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::DibacaAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all my notifications as read
#[utoipa::path(tag = TAG, responses((status = 204, description = "All read"), Unauthorized), security(("bearer" = [])))]
#[post("/read-all")]
async fn read_all(state: Data<AppState>, user: AuthUser) -> AppResult<HttpResponse> {
    if let Some(to) = recipient(&state.db, user).await? {
        notifications::Entity::update_many()
            .col_expr(
                notifications::Column::DibacaAt,
                Expr::value(Some(Utc::now())),
            )
            .filter(notifications::Column::RecipientEmployeeId.eq(to))
            .filter(notifications::Column::DibacaAt.is_null())
            .exec(&state.db)
            .await?;
    }
    Ok(HttpResponse::NoContent().finish())
}
