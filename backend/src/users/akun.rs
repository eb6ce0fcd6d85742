//! Accounts for employees, made by the HR office: one employee, or every employee of a unit
//! who has none yet (username = NIP, role `pegawai`, linked to the employee record), and
//! password resets. Each gets a random one-time password, returned once and stored only as its
//! Argon2 hash; the holder must choose their own at first sign-in (`harus_ganti_password`).

use std::collections::{HashMap, HashSet};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{SubsecRound, Utc};
use futures_util::{StreamExt, TryStreamExt, stream};
use kinerja_api::Pesan;
use kinerja_api::auth::Role;
use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::users::{
    AkunDilewati, AkunPegawai, AlasanDilewati, BuatAkunUnit, HasilAkunUnit, PasswordDireset,
};
use sea_orm::sea_query::{CaseStatement, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::service::{find_with_roles, to_dto};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::password;
use crate::auth::service::login_key;
use crate::entities::{employees, refresh_tokens, units, user_roles, users};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::organisation::tree::UnitIndex;
use crate::policy;

/// Most accounts made by one request. Measured on the 2-core development machine (shared, with
/// Argon2 optimised as in release): 76 accounts in 4.0 s, about 52 ms each with two hashes at a
/// time, so 200 take about 10 s, a third of the default request timeout. A larger unit is done
/// by repeating the request: made accounts are skipped.
pub const MAX_PER_REQUEST: usize = 200;

/// Letters and digits that cannot be mistaken for one another when read off paper.
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Three groups of four (about 69 bits), e.g. `7hQm-4kPz-W2nc`.
fn one_time_password() -> String {
    let mut bytes = [0u8; 12];
    let mut out = String::with_capacity(14);
    for (i, slot) in bytes.iter_mut().enumerate() {
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - 256 % ALPHABET.len() as u32;
        *slot = loop {
            let v = OsRng.next_u32() & 0xff;
            if v < limit {
                break ALPHABET[v as usize % ALPHABET.len()];
            }
        };
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(*slot));
    }
    out
}

/// Hashes the passwords on the blocking pool, as many at a time as there are cores (each hash
/// takes 19 MiB, so not all at once).
async fn hash_all(passwords: &[String]) -> AppResult<Vec<String>> {
    let parallel = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    stream::iter(passwords.iter().cloned().map(password::hash))
        .buffered(parallel)
        .try_collect()
        .await
}

fn actor_may_make_accounts(actor_roles: &[Role]) -> AppResult<()> {
    if policy::can_change_roles(actor_roles, &[], &[Role::Pegawai]) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn still_employed(status: &str) -> bool {
    matches!(
        StatusPegawai::parse(status),
        Some(StatusPegawai::Aktif | StatusPegawai::Cuti | StatusPegawai::TugasBelajar)
    )
}

fn display_name(e: &employees::Model) -> String {
    full_name(
        e.gelar_depan.as_deref(),
        &e.nama,
        e.gelar_belakang.as_deref(),
    )
}

/// Inserts the accounts, their roles and the links from the employee records in a few batched
/// statements, and audits each account.
async fn insert_accounts(
    txn: &DatabaseTransaction,
    actor: Uuid,
    employees: &[&employees::Model],
    hashes: Vec<String>,
    unit_names: &HashMap<Uuid, String>,
    passwords: Vec<String>,
    meta: &RequestMeta,
) -> AppResult<Vec<AkunPegawai>> {
    let now = Utc::now().trunc_subsecs(0);
    let models: Vec<users::Model> = employees
        .iter()
        .zip(hashes)
        .map(|(e, hash)| users::Model {
            id: Uuid::now_v7(),
            username: login_key(&e.nip),
            email: None,
            full_name: display_name(e),
            password_hash: hash,
            active: true,
            password_changed_at: now,
            last_login_at: None,
            created_at: now,
            updated_at: now,
            lock_version: 1,
            harus_ganti_password: true,
        })
        .collect();
    for chunk in models.chunks(200) {
        users::Entity::insert_many(
            chunk
                .iter()
                .cloned()
                .map(|m| m.into_active_model().reset_all()),
        )
        .exec(txn)
        .await
        .on_unique_violation(|| AppError::conflict(Pesan::NipSudahAkunLain))?;
        user_roles::Entity::insert_many(chunk.iter().map(|u| user_roles::ActiveModel {
            user_id: Set(u.id),
            role: Set(Role::Pegawai.as_str().to_owned()),
        }))
        .exec(txn)
        .await?;
    }
    // One UPDATE … SET user_id = CASE id WHEN … per chunk, not one statement per employee.
    for pairs in employees
        .iter()
        .zip(&models)
        .collect::<Vec<_>>()
        .chunks(200)
    {
        let mut case = CaseStatement::new();
        for (e, u) in pairs {
            case = case.case(employees::Column::Id.eq(e.id), Expr::val(u.id));
        }
        let ids: Vec<Uuid> = pairs.iter().map(|(e, _)| e.id).collect();
        employees::Entity::update_many()
            .col_expr(employees::Column::UserId, case.into())
            .col_expr(employees::Column::UpdatedAt, Expr::val(now))
            .filter(employees::Column::Id.is_in(ids))
            .filter(employees::Column::UserId.is_null())
            .exec(txn)
            .await?;
    }
    let entries = employees
        .iter()
        .zip(&models)
        .map(|(e, u)| {
            AuditEntry::new("user.created_for_employee", "user")
                .instansi(e.instansi_id)
                .actor(actor)
                .entity(u.id)
                .after(json!({
                    "username": u.username,
                    "full_name": u.full_name,
                    "roles": [Role::Pegawai],
                    "active": true,
                    "employee_id": e.id,
                    "harus_ganti_password": true,
                }))
        })
        .collect();
    audit::record_many(txn, entries, meta).await?;
    Ok(employees
        .iter()
        .zip(models)
        .zip(passwords)
        .map(|((e, u), password_sekali)| AkunPegawai {
            user: to_dto(u, vec![Role::Pegawai]),
            employee_id: e.id,
            nip: e.nip.clone(),
            nama: display_name(e),
            unit: e.unit_id.and_then(|id| unit_names.get(&id).cloned()),
            password_sekali,
        })
        .collect())
}

async fn username_taken(
    db: &DatabaseConnection,
    usernames: Vec<String>,
) -> AppResult<HashSet<String>> {
    Ok(users::Entity::find()
        .filter(users::Column::Username.is_in(usernames))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.username)
        .collect())
}

/// An account for one employee.
///
/// # Errors
/// `Forbidden` for an actor who may not make accounts, `NotFound` for an unknown employee,
/// `Conflict` when the employee has an account, is no longer employed, or the NIP is taken.
pub async fn create_for_employee(
    db: &DatabaseConnection,
    actor: (Uuid, &[Role]),
    employee_id: Uuid,
    meta: &RequestMeta,
) -> AppResult<AkunPegawai> {
    actor_may_make_accounts(actor.1)?;
    let employee = employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    if employee.user_id.is_some() {
        return Err(AppError::conflict(Pesan::PegawaiSudahBerakun));
    }
    if !still_employed(&employee.status) {
        return Err(AppError::conflict(Pesan::PegawaiTidakAktif));
    }
    if !username_taken(db, vec![login_key(&employee.nip)])
        .await?
        .is_empty()
    {
        return Err(AppError::conflict(Pesan::NipPegawaiDipakaiAkun));
    }
    let mut unit_names = HashMap::new();
    if let Some(unit_id) = employee.unit_id
        && let Some(unit) = units::Entity::find_by_id(unit_id).one(db).await?
    {
        unit_names.insert(unit.id, unit.nama);
    }
    let passwords = vec![one_time_password()];
    let hashes = hash_all(&passwords).await?;
    let txn = db.begin().await?;
    let mut made = insert_accounts(
        &txn,
        actor.0,
        &[&employee],
        hashes,
        &unit_names,
        passwords,
        meta,
    )
    .await?;
    txn.commit().await?;
    made.pop()
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("no account was made")))
}

/// Accounts for every employee of a unit (and optionally its sub-units) who has none; those
/// who have one, are no longer employed or whose NIP is taken are skipped and reported. At
/// most [`MAX_PER_REQUEST`] are made at once; the rest are reported as `melebihi_batas`.
///
/// # Errors
/// `Forbidden`, `NotFound` for an unknown unit, `Conflict` when a concurrent request took a NIP.
pub async fn create_for_unit(
    db: &DatabaseConnection,
    actor: (Uuid, &[Role]),
    req: BuatAkunUnit,
    meta: &RequestMeta,
) -> AppResult<HasilAkunUnit> {
    actor_may_make_accounts(actor.1)?;
    let unit = units::Entity::find_by_id(req.unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    let unit_names: HashMap<Uuid, String> = if req.termasuk_sub_unit {
        let index = UnitIndex::load(db, Some(unit.instansi_id)).await?;
        index
            .subtree(unit.id)
            .into_iter()
            .filter_map(|id| index.name(id).map(|n| (id, n.to_owned())))
            .collect()
    } else {
        HashMap::from([(unit.id, unit.nama.clone())])
    };
    let mut people = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(unit_names.keys().copied()))
        .order_by_asc(employees::Column::Nama)
        .order_by_asc(employees::Column::Nip)
        .all(db)
        .await?;
    // By unit name, then name: the printed list is handed out unit by unit.
    people.sort_by(|a, b| {
        let unit = |e: &employees::Model| e.unit_id.and_then(|id| unit_names.get(&id));
        unit(a).cmp(&unit(b))
    });
    let taken = username_taken(db, people.iter().map(|e| login_key(&e.nip)).collect()).await?;
    let mut dilewati = Vec::new();
    let mut eligible = Vec::new();
    for e in &people {
        let alasan = if e.user_id.is_some() {
            Some(AlasanDilewati::SudahPunyaAkun)
        } else if !still_employed(&e.status) {
            Some(AlasanDilewati::TidakAktif)
        } else if taken.contains(&login_key(&e.nip)) {
            Some(AlasanDilewati::NamaPenggunaTerpakai)
        } else if eligible.len() >= MAX_PER_REQUEST {
            Some(AlasanDilewati::MelebihiBatas)
        } else {
            None
        };
        match alasan {
            None => eligible.push(e),
            Some(alasan) => dilewati.push(AkunDilewati {
                employee_id: e.id,
                nip: e.nip.clone(),
                nama: display_name(e),
                unit: e.unit_id.and_then(|id| unit_names.get(&id).cloned()),
                alasan,
            }),
        }
    }
    if eligible.is_empty() {
        return Ok(HasilAkunUnit {
            dibuat: Vec::new(),
            dilewati,
        });
    }
    let passwords: Vec<String> = eligible.iter().map(|_| one_time_password()).collect();
    let started = std::time::Instant::now();
    let hashes = hash_all(&passwords).await?;
    tracing::info!(
        accounts = eligible.len(),
        hashing_ms = started.elapsed().as_millis(),
        "hashed one-time passwords"
    );
    let txn = db.begin().await?;
    let dibuat = insert_accounts(
        &txn,
        actor.0,
        &eligible,
        hashes,
        &unit_names,
        passwords,
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(HasilAkunUnit { dibuat, dilewati })
}

/// Gives an account a new one-time password: every session ends, and the holder must choose a
/// password at the next sign-in.
///
/// # Errors
/// `NotFound`, `Forbidden` (one's own account: use the password change; or an account the actor
/// may not manage, such as a superadmin's for an admin).
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: (Uuid, &[Role]),
    id: Uuid,
    meta: &RequestMeta,
) -> AppResult<PasswordDireset> {
    let (user, roles) = find_with_roles(db, id)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    if actor.0 == id || !policy::can_manage_user(actor.1, &roles) {
        return Err(AppError::Forbidden);
    }
    let password_sekali = one_time_password();
    let hash = hash_all(std::slice::from_ref(&password_sekali))
        .await?
        .pop()
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("no hash")))?;
    // Every token issued up to now is refused (tokens carry their issue time in microseconds,
    // as the databases store it); the holder signs in later, with the password handed over.
    let now = Utc::now().trunc_subsecs(6);
    let txn = db.begin().await?;
    let mut active: users::ActiveModel = user.into();
    active.password_hash = Set(hash);
    active.password_changed_at = Set(now);
    active.harus_ganti_password = Set(true);
    active.updated_at = Set(now);
    let user = active.update(&txn).await?;
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::val(now))
        .filter(refresh_tokens::Column::UserId.eq(id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        AuditEntry::new("user.password_reset", "user")
            .actor(actor.0)
            .entity(id)
            .after(json!({"harus_ganti_password": true})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(PasswordDireset {
        user: to_dto(user, roles),
        password_sekali,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_passwords_are_grouped_and_unambiguous() {
        let p = one_time_password();
        assert_eq!(p.len(), 14, "{p}");
        assert_eq!(p.matches('-').count(), 2);
        assert!(
            p.chars()
                .filter(|c| *c != '-')
                .all(|c| ALPHABET.contains(&(c as u8)))
        );
        assert_ne!(p, one_time_password());
    }
}
