//! Account rules and queries.

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::auth::{CurrentUser, Role};
use kinerja_api::users::{CreateUser, UpdateUser, User, UserQuery};
use kinerja_api::validation::password_differs_from_username;
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::password;
use crate::auth::service::login_key;
use crate::entities::{employees, user_roles, users};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::organisation::service::ilike;
use crate::{optimistic, policy};

/// An account as a request sees it: the user, their roles and the employee record linked to
/// it, read in one statement (a row per role).
#[derive(Clone, Debug)]
pub struct Principal {
    pub user: users::Model,
    pub roles: Vec<Role>,
    /// The linked employee record and its unit.
    pub employee: Option<(Uuid, Option<Uuid>)>,
}

#[derive(sea_orm::FromQueryResult)]
struct PrincipalRow {
    #[sea_orm(nested)]
    user: users::Model,
    role: Option<String>,
    employee_id: Option<Uuid>,
    employee_unit: Option<Uuid>,
}

/// The account `id` with its roles and employee record, in one query; `None` if it is gone.
///
/// # Errors
/// On a database failure.
pub async fn principal(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<Principal>> {
    use sea_orm::{JoinType, RelationTrait};

    let linked: sea_orm::RelationDef = users::Entity::belongs_to(employees::Entity)
        .from(users::Column::Id)
        .to(employees::Column::UserId)
        .into();
    let rows = users::Entity::find_by_id(id)
        .join(JoinType::LeftJoin, users::Relation::UserRoles.def())
        .join(JoinType::LeftJoin, linked)
        .column_as(user_roles::Column::Role, "role")
        .column_as(employees::Column::Id, "employee_id")
        .column_as(employees::Column::UnitId, "employee_unit")
        .into_model::<PrincipalRow>()
        .all(db)
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let user = first.user.clone();
    let employee = first.employee_id.map(|e| (e, first.employee_unit));
    let mut roles: Vec<Role> = rows
        .iter()
        .filter_map(|r| r.role.as_deref().and_then(Role::parse))
        .collect();
    roles.sort();
    roles.dedup();
    Ok(Some(Principal {
        user,
        roles,
        employee,
    }))
}

/// A user and their roles, or `None`.
///
/// # Errors
/// On a database failure.
pub async fn find_with_roles(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<Option<(users::Model, Vec<Role>)>> {
    let Some(user) = users::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let roles = roles_of(db, id).await?;
    Ok(Some((user, roles)))
}

async fn roles_of(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Vec<Role>> {
    let mut roles: Vec<Role> = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(id))
        .all(db)
        .await?
        .iter()
        .filter_map(|r| Role::parse(&r.role))
        .collect();
    roles.sort();
    Ok(roles)
}

/// `employee` is the linked employee record and whether they have subordinates
/// ([`crate::employees::superiors::rates_anyone`]).
pub fn to_current_user(
    user: users::Model,
    roles: Vec<Role>,
    employee: (Option<Uuid>, bool),
) -> CurrentUser {
    CurrentUser {
        id: user.id,
        username: user.username,
        email: user.email,
        full_name: user.full_name,
        permissions: policy::permissions_for(&roles),
        roles,
        password_changed_at: user.password_changed_at,
        harus_ganti_password: user.harus_ganti_password,
        employee_id: employee.0,
        punya_bawahan: employee.1,
    }
}

pub(crate) fn to_dto(user: users::Model, roles: Vec<Role>) -> User {
    User {
        id: user.id,
        username: user.username,
        email: user.email,
        full_name: user.full_name,
        roles,
        active: user.active,
        password_changed_at: user.password_changed_at,
        last_login_at: user.last_login_at,
        created_at: user.created_at,
        updated_at: user.updated_at,
        harus_ganti_password: user.harus_ganti_password,
        lock_version: user.lock_version,
    }
}

fn snapshot(user: &User) -> serde_json::Value {
    json!({
        "username": user.username,
        "email": user.email,
        "full_name": user.full_name,
        "roles": user.roles,
        "active": user.active,
    })
}

fn normalised_roles(mut roles: Vec<Role>) -> Vec<Role> {
    if roles.is_empty() {
        roles.push(Role::Pegawai);
    }
    roles.sort();
    roles.dedup();
    roles
}

/// Creates an account. `actor` is `None` for the CLI (`create-admin`, `seed-demo`), where the
/// operator's shell access is the authority.
///
/// # Errors
/// `Forbidden` when the actor may not grant the roles, `Validation` for a weak password,
/// `Conflict` for a taken username or email.
pub async fn create(
    db: &DatabaseConnection,
    actor: Option<(Uuid, &[Role])>,
    req: CreateUser,
    meta: &RequestMeta,
) -> AppResult<User> {
    let roles = normalised_roles(req.roles);
    if let Some((_, actor_roles)) = actor
        && !policy::can_change_roles(actor_roles, &[], &roles)
    {
        return Err(AppError::Forbidden);
    }
    if password_differs_from_username(&req.password, &login_key(&req.username)).is_err() {
        return Err(AppError::field("password", Pesan::SandiSamaDenganNama));
    }
    let hash = password::hash(req.password.clone()).await?;
    let txn = db.begin().await?;
    let user = insert_with_hash(
        &txn,
        actor.map(|(id, _)| id),
        CreateUser { roles, ..req },
        hash,
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Inserts an account whose password is already hashed, with its roles, inside the caller's
/// transaction, and audits it. `req.password` is ignored.
///
/// # Errors
/// `Conflict` for a taken username or email.
pub async fn insert_with_hash(
    txn: &DatabaseTransaction,
    actor: Option<Uuid>,
    req: CreateUser,
    hash: String,
    meta: &RequestMeta,
) -> AppResult<User> {
    let roles = normalised_roles(req.roles);
    let now = Utc::now();
    let id = Uuid::now_v7();
    let model = users::ActiveModel {
        id: Set(id),
        username: Set(login_key(&req.username)),
        email: Set(req.email.map(|e| e.trim().to_lowercase())),
        full_name: Set(req.full_name.trim().to_owned()),
        password_hash: Set(hash),
        active: Set(true),
        password_changed_at: Set(now),
        last_login_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
        harus_ganti_password: Set(false),
    }
    .insert(txn)
    .await
    .on_unique_violation(|| AppError::conflict(Pesan::NamaAtauEmailTerdaftar))?;
    set_roles(txn, id, &roles).await?;
    let user = to_dto(model, roles);
    let mut entry = AuditEntry::new("user.created", "user")
        .entity(id)
        .after(snapshot(&user));
    if let Some(actor_id) = actor {
        entry = entry.actor(actor_id);
    }
    audit::record(txn, entry, meta).await?;
    Ok(user)
}

pub(crate) async fn set_roles(
    db: &impl ConnectionTrait,
    id: Uuid,
    roles: &[Role],
) -> AppResult<()> {
    user_roles::Entity::delete_many()
        .filter(user_roles::Column::UserId.eq(id))
        .exec(db)
        .await?;
    if !roles.is_empty() {
        user_roles::Entity::insert_many(roles.iter().map(|r| user_roles::ActiveModel {
            user_id: Set(id),
            role: Set(r.as_str().to_owned()),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// One account.
///
/// # Errors
/// `NotFound` when it does not exist.
pub async fn get(db: &DatabaseConnection, id: Uuid) -> AppResult<User> {
    let (user, roles) = find_with_roles(db, id)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    Ok(to_dto(user, roles))
}

/// Changes profile fields, roles or the active flag.
///
/// Only the named fields are written, with the `lock_version` claim (see
/// [`crate::optimistic`]), before the roles: concurrent edits cannot lose each other's changes.
///
/// # Errors
/// `NotFound`, `Forbidden` (privileged target or roles), `Conflict` (email taken or a stale
/// `lock_version`), or `Validation` when an admin tries to deactivate themselves.
pub async fn update(
    db: &DatabaseConnection,
    actor: (Uuid, &[Role]),
    id: Uuid,
    req: UpdateUser,
    meta: &RequestMeta,
) -> AppResult<User> {
    const WHAT: &str = "Pengguna";
    let (actor_id, actor_roles) = actor;
    let txn = db.begin().await?;
    let (model, roles) = find_with_roles(&txn, id)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    if actor_id != id && !policy::can_manage_user(actor_roles, &roles) {
        return Err(AppError::Forbidden);
    }
    if actor_id == id && req.active == Some(false) {
        return Err(AppError::field("active", Pesan::TidakBolehNonaktifkanDiri));
    }
    optimistic::check(model.lock_version, req.lock_version, WHAT)?;
    let new_roles = match req.roles {
        Some(r) => {
            let r = normalised_roles(r);
            if !policy::can_change_roles(actor_roles, &roles, &r) {
                return Err(AppError::Forbidden);
            }
            Some(r)
        }
        None => None,
    };
    let before = to_dto(model, roles.clone());
    let mut active: users::ActiveModel = Default::default();
    if let Some(email) = req.email {
        active.email = Set(Some(email.trim().to_lowercase()));
    }
    if let Some(name) = req.full_name {
        active.full_name = Set(name.trim().to_owned());
    }
    if let Some(flag) = req.active {
        active.active = Set(flag);
    }
    active.updated_at = Set(Utc::now());
    // The claim locks the row, so the role change below cannot interleave with another edit.
    optimistic::claim_unique(
        &txn,
        active,
        (users::Column::Id, id),
        users::Column::LockVersion,
        req.lock_version,
        WHAT,
        || AppError::conflict(Pesan::EmailDipakai),
    )
    .await?;
    if let Some(r) = &new_roles {
        set_roles(&txn, id, r).await?;
    }
    let model = users::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    let after = to_dto(model, new_roles.unwrap_or(roles));
    let action = if before.roles == after.roles {
        "user.updated"
    } else {
        "user.roles_changed"
    };
    audit::record(
        &txn,
        AuditEntry::new(action, "user")
            .actor(actor_id)
            .entity(id)
            .before(snapshot(&before))
            .after(snapshot(&after))
            .reason(req.reason),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// A filtered page of accounts ordered by name.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    query: UserQuery,
    page: PageQuery,
) -> AppResult<Page<User>> {
    let mut select = users::Entity::find();
    if let Some(q) = query
        .q
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty())
    {
        select = select.filter(
            sea_orm::Condition::any()
                .add(users::Column::Username.starts_with(&q))
                .add(ilike(users::Column::FullName, &q))
                .add(ilike(users::Column::Email, &q)),
        );
    }
    if let Some(active) = query.active {
        select = select.filter(users::Column::Active.eq(active));
    }
    if let Some(role) = query.role {
        select = select.filter(
            users::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(user_roles::Column::UserId)
                    .from(user_roles::Entity)
                    .and_where(user_roles::Column::Role.eq(role.as_str()))
                    .to_owned(),
            ),
        );
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_asc(users::Column::FullName)
        .order_by_asc(users::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    // One query for the roles of the whole page, not one per user.
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let role_rows = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.is_in(ids))
        .all(db)
        .await?;
    let items = models
        .into_iter()
        .map(|m| {
            let mut roles: Vec<Role> = role_rows
                .iter()
                .filter(|r| r.user_id == m.id)
                .filter_map(|r| Role::parse(&r.role))
                .collect();
            roles.sort();
            to_dto(m, roles)
        })
        .collect();
    Ok(Page::new(items, page, total))
}
