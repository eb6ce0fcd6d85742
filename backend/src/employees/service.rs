//! Employee rules and queries.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, Utc};
use kinerja_api::Pesan;
use kinerja_api::auth::Role;
use kinerja_api::employees::{
    Assignment, CreateAssignment, CreateEmployee, CreateSuperiorOverride, Employee, EmployeeQuery,
    EmployeeSort, JenisPegawai, JenisPenugasan, StatusPegawai, SuperiorOverride, UpdateEmployee,
    Visibility, full_name,
};
use kinerja_api::nip::{self, Gender, NipKind};
use kinerja_api::organisation::Jenjang;
use kinerja_api::users::CreateUser;
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
    sea_query::Order,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{
    assignments, employees, instansi, positions, ref_golongan, superior_overrides, units,
};
use crate::error::{AppError, AppResult, DbResultExt, FieldMessages, push_field};
use crate::extract::RequestMeta;
use crate::organisation::service::{clean, employee_ref, ilike};
use crate::{optimistic, policy};

pub fn nip_kind(jenis: JenisPegawai) -> NipKind {
    match jenis {
        JenisPegawai::Pppk => NipKind::NiPppk,
        JenisPegawai::Pns | JenisPegawai::Cpns => NipKind::Nip,
    }
}

fn gender_code(g: Gender) -> &'static str {
    match g {
        Gender::L => "L",
        Gender::P => "P",
    }
}

fn parse_gender(s: &str) -> Gender {
    if s == "P" { Gender::P } else { Gender::L }
}

/// An employee with the names shown beside it (position, unit, pangkat), read in the same
/// statement by joins.
#[derive(sea_orm::FromQueryResult)]
struct Named {
    #[sea_orm(nested)]
    employee: employees::Model,
    jabatan_nama: Option<String>,
    jabatan_jenjang: Option<String>,
    unit_nama: Option<String>,
    pangkat: Option<String>,
}

/// `select` with the names of each employee's position, unit and pangkat.
fn named(
    select: sea_orm::Select<employees::Entity>,
) -> sea_orm::Selector<sea_orm::SelectModel<Named>> {
    use sea_orm::{JoinType, RelationDef};
    let position: RelationDef = employees::Entity::belongs_to(positions::Entity)
        .from(employees::Column::JabatanId)
        .to(positions::Column::Id)
        .into();
    let unit: RelationDef = employees::Entity::belongs_to(units::Entity)
        .from(employees::Column::UnitId)
        .to(units::Column::Id)
        .into();
    let golongan: RelationDef = employees::Entity::belongs_to(ref_golongan::Entity)
        .from(employees::Column::Golongan)
        .to(ref_golongan::Column::Kode)
        .into();
    select
        .join(JoinType::LeftJoin, position)
        .join(JoinType::LeftJoin, unit)
        .join(JoinType::LeftJoin, golongan)
        .column_as(positions::Column::Nama, "jabatan_nama")
        .column_as(positions::Column::Jenjang, "jabatan_jenjang")
        .column_as(units::Column::Nama, "unit_nama")
        .column_as(ref_golongan::Column::Pangkat, "pangkat")
        .into_model::<Named>()
}

impl Named {
    fn dto(self, visibility: Visibility) -> Employee {
        let e = self.employee;
        let jenjang = self.jabatan_jenjang.as_deref().and_then(Jenjang::parse);
        let jenis_pegawai = JenisPegawai::parse(&e.jenis_pegawai);
        let full = visibility == Visibility::Full;
        Employee {
            id: e.id,
            visibility,
            nip_formatted: nip::format(&e.nip),
            nip_label: if jenis_pegawai == Some(JenisPegawai::Pppk) {
                "NI PPPK"
            } else {
                "NIP"
            }
            .to_owned(),
            nama_lengkap: full_name(
                e.gelar_depan.as_deref(),
                &e.nama,
                e.gelar_belakang.as_deref(),
            ),
            jabatan_id: e.jabatan_id,
            jabatan: self.jabatan_nama,
            jenjang,
            jenis_jabatan: jenjang.map(Jenjang::jenis),
            unit_id: e.unit_id,
            unit: self.unit_nama,
            instansi_id: only(full, Some(e.instansi_id)),
            pangkat: only(full, self.pangkat),
            nama: only(full, Some(e.nama)),
            gelar_depan: only(full, e.gelar_depan),
            gelar_belakang: only(full, e.gelar_belakang),
            nip_lama: only(full, e.nip_lama),
            tempat_lahir: only(full, e.tempat_lahir),
            tanggal_lahir: only(full, Some(e.tanggal_lahir)),
            jenis_kelamin: only(full, Some(parse_gender(&e.jenis_kelamin))),
            jenis_pegawai: only(full, jenis_pegawai),
            golongan: only(full, e.golongan),
            tmt_golongan: only(full, e.tmt_golongan),
            tmt_jabatan: only(full, e.tmt_jabatan),
            status: only(full, StatusPegawai::parse(&e.status)),
            email: only(full, e.email),
            telepon: only(full, e.telepon),
            user_id: only(full, e.user_id),
            lock_version: e.lock_version,
            nip: e.nip,
        }
    }
}

/// `value` when the full record is shown, `None` in the directory view.
fn only<T>(full: bool, value: Option<T>) -> Option<T> {
    if full { value } else { None }
}

async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<employees::Model> {
    employees::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))
}

async fn to_dto(
    db: &impl ConnectionTrait,
    e: employees::Model,
    visibility: Visibility,
) -> AppResult<Employee> {
    let row = named(employees::Entity::find_by_id(e.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    Ok(row.dto(visibility))
}

/// One employee, in the view the viewer is entitled to.
///
/// # Errors
/// `NotFound`.
pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: Uuid) -> AppResult<Employee> {
    let row = named(employees::Entity::find_by_id(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let visibility = if viewer.sees_full(&row.employee) {
        Visibility::Full
    } else {
        Visibility::Directory
    };
    Ok(row.dto(visibility))
}

/// A filtered, sorted page of employees; each row in the view the viewer is entitled to.
/// Filters on private fields are only honoured for viewers who may read every record, so the
/// directory cannot be used to infer them.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    query: EmployeeQuery,
    page: PageQuery,
    exact_up_to: u64,
) -> AppResult<Page<Employee>> {
    let mut select = employees::Entity::find();
    // A name search sorts its matches, not the whole table in name order: `nama || ''` is the
    // same order but no index serves it, so the planner starts from the trigram index (at
    // 100 000 employees a common fragment took 130 ms through the name index, 5 ms this way).
    let searching = query.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    let by_name = if searching {
        sea_orm::sea_query::Expr::cust("\"employees\".\"nama\" || ''")
    } else {
        sea_orm::sea_query::Expr::col(employees::Column::Nama.as_column_ref())
    };
    if let Some(q) = clean(query.q) {
        let digits = nip::normalise(&q);
        let mut any = Condition::any().add(ilike(employees::Column::Nama, &q));
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            any = any.add(employees::Column::Nip.starts_with(&digits));
        }
        select = select.filter(any);
    }
    if let Some(root) = query.within {
        let units = crate::organisation::tree::subtree(db, root).await?;
        select = select.filter(employees::Column::UnitId.is_in(units));
    }
    if let Some(id) = query.instansi_id {
        select = select.filter(employees::Column::InstansiId.eq(id));
    }
    let jenjang_codes: Option<Vec<&str>> = match (query.jenjang, query.jenis_jabatan) {
        (Some(j), _) => Some(vec![j.as_str()]),
        (None, Some(jenis)) => Some(
            Jenjang::ALL
                .iter()
                .filter(|j| j.jenis() == jenis)
                .map(|j| j.as_str())
                .collect(),
        ),
        (None, None) => None,
    };
    if let Some(codes) = jenjang_codes {
        let ids = sea_orm::sea_query::Query::select()
            .column(positions::Column::Id)
            .from(positions::Entity)
            .and_where(positions::Column::Jenjang.is_in(codes))
            .to_owned();
        select = select.filter(employees::Column::JabatanId.in_subquery(ids));
    }
    let reads_all = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    );
    if reads_all {
        if let Some(g) = query.golongan {
            select = select.filter(employees::Column::Golongan.eq(g));
        }
        if let Some(s) = query.status {
            select = select.filter(employees::Column::Status.eq(s.as_str()));
        }
        if let Some(j) = query.jenis_pegawai {
            select = select.filter(employees::Column::JenisPegawai.eq(j.as_str()));
        }
    }
    // A name search past its last match is counted through the trigram index: `nama || ''`
    // keeps the planner from filtering the whole name index instead (28 ms against 4 ms at
    // 100 000 employees).
    let counted = if searching {
        select.clone().filter(sea_orm::sea_query::Expr::cust(
            "\"employees\".\"nama\" || '' IS NOT NULL",
        ))
    } else {
        select.clone()
    };
    let total = if searching {
        None
    } else {
        Some(crate::total::of(db, counted.clone(), exact_up_to).await?)
    };
    select = match query.sort.unwrap_or(EmployeeSort::Nama) {
        EmployeeSort::Nama => select.order_by(by_name.clone(), Order::Asc),
        EmployeeSort::NamaDesc => select.order_by(by_name.clone(), Order::Desc),
        EmployeeSort::Nip => select.order_by_asc(employees::Column::Nip),
        // Golongan codes sort correctly as text within a level (I/a < I/b), and the levels
        // I < II < III < IV also sort as text.
        EmployeeSort::Golongan if reads_all => select
            .order_by_asc(employees::Column::Golongan)
            .order_by_asc(employees::Column::Nama),
        EmployeeSort::GolonganDesc if reads_all => select
            .order_by_desc(employees::Column::Golongan)
            .order_by_asc(employees::Column::Nama),
        EmployeeSort::Golongan | EmployeeSort::GolonganDesc => {
            select.order_by(by_name.clone(), Order::Asc)
        }
    };
    // The page's ids first, from the employees table alone (the planner then uses the search
    // index and sorts only the matches), then those rows with their names.
    let ids = select
        .select_only()
        .column(employees::Column::Id)
        .order_by_asc(employees::Column::Id)
        .offset(page.offset())
        .limit(page.per_page);
    let (ids, total): (Vec<Uuid>, _) = match total {
        Some(total) => (ids.into_tuple().all(db).await?, total),
        None => {
            // A search counts its matches in the page's own statement (a window over the
            // matches it reads and sorts anyway): the matches are read once, not twice.
            let rows: Vec<(Uuid, i64)> = ids
                .column_as(sea_orm::sea_query::Expr::cust("COUNT(*) OVER ()"), "n")
                .into_tuple()
                .all(db)
                .await?;
            let total = match rows.first() {
                Some((_, n)) => (u64::try_from(*n).unwrap_or(0), false),
                None if page.offset() == 0 => (0, false),
                None => crate::total::of(db, counted, exact_up_to).await?,
            };
            (rows.into_iter().map(|(id, _)| id).collect(), total)
        }
    };
    let mut rows =
        named(employees::Entity::find().filter(employees::Column::Id.is_in(ids.clone())))
            .all(db)
            .await?;
    let rank: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.sort_by_key(|r| rank.get(&r.employee.id).copied().unwrap_or(usize::MAX));
    let items = rows
        .into_iter()
        .map(|row| {
            let v = if viewer.sees_full(&row.employee) {
                Visibility::Full
            } else {
                Visibility::Directory
            };
            row.dto(v)
        })
        .collect::<Vec<_>>();
    let total = crate::total::settle(total, page.offset(), items.len(), page.per_page);
    Ok(Page::with_total(items, page, total))
}

/// Checks NIP against birth date and gender, and its uniqueness; returns it normalised.
async fn checked_nip(
    db: &impl ConnectionTrait,
    raw: &str,
    jenis: JenisPegawai,
    birth: NaiveDate,
    gender: Gender,
    except: Option<Uuid>,
) -> AppResult<String> {
    let today = crate::clock::today();
    let nip = nip::validate(raw, nip_kind(jenis), Some(birth), Some(gender), today).map_err(
        |errors| {
            let mut fields = FieldMessages::new();
            for e in errors {
                push_field(&mut fields, "nip", e.pesan);
            }
            AppError::Invalid(fields)
        },
    )?;
    let mut taken = employees::Entity::find().filter(employees::Column::Nip.eq(nip.clone()));
    if let Some(id) = except {
        taken = taken.filter(employees::Column::Id.ne(id));
    }
    if taken.one(db).await?.is_some() {
        return Err(AppError::field("nip", Pesan::NipTerdaftar));
    }
    Ok(nip)
}

async fn check_golongan(db: &impl ConnectionTrait, golongan: Option<&str>) -> AppResult<()> {
    if let Some(g) = golongan
        && ref_golongan::Entity::find_by_id(g.to_owned())
            .one(db)
            .await?
            .is_none()
    {
        return Err(AppError::field("golongan", Pesan::GolonganTidakDikenal));
    }
    Ok(())
}

/// Creates an employee, optionally with a definitive position and a user account.
///
/// # Errors
/// `Validation` for a NIP that disagrees with birth date or gender or is taken, an unknown
/// golongan, instansi or position; `Conflict` when the account username is taken.
pub async fn create(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    req: CreateEmployee,
    meta: &RequestMeta,
) -> AppResult<Employee> {
    let password_hash = match &req.password {
        Some(p) => {
            if kinerja_api::validation::password_differs_from_username(p, &nip::normalise(&req.nip))
                .is_err()
            {
                return Err(AppError::field("password", Pesan::SandiSamaDenganNama));
            }
            Some(crate::auth::password::hash(p.clone()).await?)
        }
        None => None,
    };
    let txn = db.begin().await?;
    let employee = insert(&txn, actor, req, password_hash, meta).await?;
    let dto = to_dto(&txn, employee, Visibility::Full).await?;
    txn.commit().await?;
    Ok(dto)
}

/// The insert itself, inside the caller's transaction (also used by the import and the seed).
///
/// # Errors
/// As [`create`].
pub async fn insert(
    txn: &DatabaseTransaction,
    actor: Option<Uuid>,
    req: CreateEmployee,
    password_hash: Option<String>,
    meta: &RequestMeta,
) -> AppResult<employees::Model> {
    if instansi::Entity::find_by_id(req.instansi_id)
        .one(txn)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    let nip = checked_nip(
        txn,
        &req.nip,
        req.jenis_pegawai,
        req.tanggal_lahir,
        req.jenis_kelamin,
        None,
    )
    .await?;
    check_golongan(txn, req.golongan.as_deref()).await?;
    let position = match req.jabatan_id {
        Some(id) => Some(
            positions::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or_else(|| AppError::field("jabatan_id", Pesan::JabatanTidakDitemukan))?,
        ),
        None => None,
    };
    let now = Utc::now();
    let today = crate::clock::today_in(crate::clock::instansi_offset(txn, req.instansi_id).await?);
    let tmt_jabatan = position.as_ref().map(|_| req.tmt_jabatan.unwrap_or(today));
    let user_id = match password_hash {
        Some(hash) => Some(
            crate::users::service::insert_with_hash(
                txn,
                actor,
                CreateUser {
                    username: nip.clone(),
                    email: clean(req.email.clone()),
                    full_name: full_name(
                        req.gelar_depan.as_deref(),
                        &req.nama,
                        req.gelar_belakang.as_deref(),
                    ),
                    password: String::new(),
                    roles: vec![Role::Pegawai],
                },
                hash,
                meta,
            )
            .await?
            .id,
        ),
        None => None,
    };
    let id = Uuid::now_v7();
    let model = employees::ActiveModel {
        id: Set(id),
        instansi_id: Set(req.instansi_id),
        nip: Set(nip),
        nip_lama: Set(clean(req.nip_lama)),
        nama: Set(req.nama.trim().to_owned()),
        gelar_depan: Set(clean(req.gelar_depan)),
        gelar_belakang: Set(clean(req.gelar_belakang)),
        tempat_lahir: Set(clean(req.tempat_lahir)),
        tanggal_lahir: Set(req.tanggal_lahir),
        jenis_kelamin: Set(gender_code(req.jenis_kelamin).to_owned()),
        jenis_pegawai: Set(req.jenis_pegawai.as_str().to_owned()),
        golongan: Set(req.golongan),
        tmt_golongan: Set(req.tmt_golongan),
        jabatan_id: Set(position.as_ref().map(|p| p.id)),
        unit_id: Set(position.as_ref().map(|p| p.unit_id)),
        tmt_jabatan: Set(tmt_jabatan),
        status: Set(req
            .status
            .unwrap_or(StatusPegawai::Aktif)
            .as_str()
            .to_owned()),
        email: Set(clean(req.email).map(|e| e.to_lowercase())),
        telepon: Set(clean(req.telepon)),
        user_id: Set(user_id),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(txn)
    .await
    .on_unique_violation(|| AppError::field("nip", Pesan::NipTerdaftar))?;
    if let (Some(p), Some(mulai)) = (&position, tmt_jabatan) {
        assignments::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(id),
            jabatan_id: Set(p.id),
            unit_id: Set(p.unit_id),
            jenis: Set(JenisPenugasan::Definitif.as_str().to_owned()),
            mulai: Set(mulai),
            selesai: Set(None),
            keterangan: Set(None),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    if crate::privasi::retensi::keluar(&model.status) {
        crate::privasi::retensi::catat_status(txn, &model).await?;
    }
    let mut entry = AuditEntry::new("employee.created", "employee")
        .instansi(model.instansi_id)
        .entity(id)
        .after(snapshot(&model));
    if let Some(a) = actor {
        entry = entry.actor(a);
    }
    audit::record(txn, entry, meta).await?;
    Ok(model)
}

fn snapshot(e: &employees::Model) -> serde_json::Value {
    json!({
        "nip": e.nip, "nama": e.nama, "gelar_depan": e.gelar_depan, "gelar_belakang": e.gelar_belakang,
        "tanggal_lahir": e.tanggal_lahir, "jenis_kelamin": e.jenis_kelamin, "jenis_pegawai": e.jenis_pegawai,
        "golongan": e.golongan, "tmt_golongan": e.tmt_golongan, "jabatan_id": e.jabatan_id, "unit_id": e.unit_id,
        "status": e.status, "email": e.email, "telepon": e.telepon,
    })
}

/// Changes an employee's record; the NIP is re-checked against the (new) birth date and gender.
///
/// Only the fields the request names are written, in one statement that also claims the
/// `lock_version` (see [`crate::optimistic`]): two concurrent edits cannot lose each other's
/// changes.
///
/// # Errors
/// `NotFound`; `Conflict` for a stale `lock_version`; `Validation` as for creation.
pub async fn update(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: UpdateEmployee,
    meta: &RequestMeta,
) -> AppResult<Employee> {
    const WHAT: &str = "Pegawai";
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    optimistic::check(model.lock_version, req.lock_version, WHAT)?;
    let mut active: employees::ActiveModel = Default::default();
    // The NIP encodes birth date, gender and kind: re-check it when any of them changes.
    if req.nip.is_some()
        || req.tanggal_lahir.is_some()
        || req.jenis_kelamin.is_some()
        || req.jenis_pegawai.is_some()
    {
        let birth = req.tanggal_lahir.unwrap_or(model.tanggal_lahir);
        let gender = req
            .jenis_kelamin
            .unwrap_or_else(|| parse_gender(&model.jenis_kelamin));
        let jenis = req
            .jenis_pegawai
            .or_else(|| JenisPegawai::parse(&model.jenis_pegawai))
            .unwrap_or(JenisPegawai::Pns);
        let nip_input = req.nip.clone().unwrap_or_else(|| model.nip.clone());
        let nip = checked_nip(&txn, &nip_input, jenis, birth, gender, Some(id)).await?;
        if req.nip.is_some() {
            active.nip = Set(nip);
        }
        if let Some(b) = req.tanggal_lahir {
            active.tanggal_lahir = Set(b);
        }
        if let Some(g) = req.jenis_kelamin {
            active.jenis_kelamin = Set(gender_code(g).to_owned());
        }
        if let Some(j) = req.jenis_pegawai {
            active.jenis_pegawai = Set(j.as_str().to_owned());
        }
    }
    check_golongan(&txn, req.golongan.as_deref()).await?;
    let before = snapshot(&model);
    if let Some(v) = req.nama {
        active.nama = Set(v.trim().to_owned());
    }
    if req.nip_lama.is_some() {
        active.nip_lama = Set(clean(req.nip_lama));
    }
    if req.gelar_depan.is_some() {
        active.gelar_depan = Set(clean(req.gelar_depan));
    }
    if req.gelar_belakang.is_some() {
        active.gelar_belakang = Set(clean(req.gelar_belakang));
    }
    if req.tempat_lahir.is_some() {
        active.tempat_lahir = Set(clean(req.tempat_lahir));
    }
    if let Some(g) = req.golongan {
        active.golongan = Set(Some(g));
    }
    if let Some(t) = req.tmt_golongan {
        active.tmt_golongan = Set(Some(t));
    }
    if let Some(s) = req.status {
        active.status = Set(s.as_str().to_owned());
    }
    if req.email.is_some() {
        active.email = Set(clean(req.email).map(|e| e.to_lowercase()));
    }
    if req.telepon.is_some() {
        active.telepon = Set(clean(req.telepon));
    }
    active.updated_at = Set(Utc::now());
    optimistic::claim_unique(
        &txn,
        active,
        (employees::Column::Id, id),
        employees::Column::LockVersion,
        req.lock_version,
        WHAT,
        || AppError::field("nip", Pesan::NipTerdaftar),
    )
    .await?;
    let updated = find(&txn, id).await?;
    if updated.status != model.status {
        crate::privasi::retensi::catat_status(&txn, &updated).await?;
    }
    audit::record(
        &txn,
        AuditEntry::new("employee.updated", "employee")
            .instansi(updated.instansi_id)
            .actor(actor)
            .entity(id)
            .before(before)
            .after(snapshot(&updated))
            .reason(req.reason),
        meta,
    )
    .await?;
    let dto = to_dto(&txn, updated, Visibility::Full).await?;
    txn.commit().await?;
    Ok(dto)
}

/// The assignment history, newest first.
///
/// # Errors
/// `NotFound`.
pub async fn assignments(db: &DatabaseConnection, id: Uuid) -> AppResult<Vec<Assignment>> {
    find(db, id).await?;
    let list = assignments::Entity::find()
        .filter(assignments::Column::EmployeeId.eq(id))
        .order_by_desc(assignments::Column::Mulai)
        .all(db)
        .await?;
    assignment_dtos(db, list).await
}

async fn assignment_dtos(
    db: &impl ConnectionTrait,
    list: Vec<assignments::Model>,
) -> AppResult<Vec<Assignment>> {
    let position_ids: HashSet<Uuid> = list.iter().map(|a| a.jabatan_id).collect();
    let unit_ids: HashSet<Uuid> = list.iter().map(|a| a.unit_id).collect();
    let names: HashMap<Uuid, String> = positions::Entity::find()
        .filter(positions::Column::Id.is_in(position_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.nama))
        .collect();
    let unit_names: HashMap<Uuid, String> =
        crate::organisation::tree::unit_names(db, unit_ids).await?;
    Ok(list
        .into_iter()
        .map(|a| Assignment {
            id: a.id,
            jabatan: names.get(&a.jabatan_id).cloned().unwrap_or_default(),
            unit: unit_names.get(&a.unit_id).cloned().unwrap_or_default(),
            jabatan_id: a.jabatan_id,
            unit_id: a.unit_id,
            jenis: JenisPenugasan::parse(&a.jenis).unwrap_or(JenisPenugasan::Definitif),
            mulai: a.mulai,
            selesai: a.selesai,
            keterangan: a.keterangan,
        })
        .collect())
}

/// Records a mutasi/promotion (definitif) or an acting assignment (Plt/Plh).
///
/// # Errors
/// `NotFound`; `Validation` for an unknown position, a missing or early end date for acting
/// assignments, a start before the current assignment's start, or a position held by someone
/// else definitively on that date.
pub async fn create_assignment(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: CreateAssignment,
    meta: &RequestMeta,
) -> AppResult<Assignment> {
    create_assignment_as(db, Some(actor), id, req, meta).await
}

/// [`create_assignment`] with an optional actor (the CLI seed acts without one).
///
/// # Errors
/// As [`create_assignment`].
pub async fn create_assignment_as(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    req: CreateAssignment,
    meta: &RequestMeta,
) -> AppResult<Assignment> {
    let txn = db.begin().await?;
    let employee = find(&txn, id).await?;
    let instansi = employee.instansi_id;
    let entry = |action: &str| {
        let e = AuditEntry::new(action, "employee")
            .instansi(instansi)
            .entity(id);
        match actor {
            Some(a) => e.actor(a),
            None => e,
        }
    };
    let position = positions::Entity::find_by_id(req.jabatan_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("jabatan_id", Pesan::JabatanTidakDitemukan))?;
    if let Some(end) = req.selesai
        && end < req.mulai
    {
        return Err(AppError::field("selesai", Pesan::SelesaiSebelumMulai));
    }
    if req.jenis != JenisPenugasan::Definitif && req.selesai.is_none() {
        return Err(AppError::field("selesai", Pesan::PltWajibSelesai));
    }
    if req.jenis == JenisPenugasan::Definitif {
        let other_holder = employees::Entity::find()
            .filter(employees::Column::JabatanId.eq(position.id))
            .filter(employees::Column::Id.ne(id))
            .one(&txn)
            .await?;
        if let Some(other) = other_holder {
            return Err(AppError::field(
                "jabatan_id",
                Pesan::JabatanMasihDiduduki { nama: other.nama },
            ));
        }
        let open = assignments::Entity::find()
            .filter(assignments::Column::EmployeeId.eq(id))
            .filter(assignments::Column::Jenis.eq(JenisPenugasan::Definitif.as_str()))
            .filter(assignments::Column::Selesai.is_null())
            .all(&txn)
            .await?;
        for a in open {
            if req.mulai <= a.mulai {
                return Err(AppError::field("mulai", Pesan::MulaiSebelumJabatanKini));
            }
            let mut closing: assignments::ActiveModel = a.into();
            closing.selesai = Set(Some(req.mulai - Duration::days(1)));
            closing.update(&txn).await?;
        }
        let before = snapshot(&employee);
        let mut active: employees::ActiveModel = employee.into();
        active.jabatan_id = Set(Some(position.id));
        active.unit_id = Set(Some(position.unit_id));
        active.tmt_jabatan = Set(Some(req.mulai));
        active.updated_at = Set(Utc::now());
        let updated = active.update(&txn).await?;
        audit::record(
            &txn,
            entry("employee.assigned")
                .before(before)
                .after(snapshot(&updated))
                .reason(req.keterangan.clone()),
            meta,
        )
        .await?;
    }
    let model = assignments::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(id),
        jabatan_id: Set(position.id),
        unit_id: Set(position.unit_id),
        jenis: Set(req.jenis.as_str().to_owned()),
        mulai: Set(req.mulai),
        selesai: Set(req.selesai),
        keterangan: Set(clean(req.keterangan)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    if req.jenis != JenisPenugasan::Definitif {
        audit::record(
            &txn,
            entry("employee.acting_assigned").after(json!({"jabatan_id": model.jabatan_id, "jenis": model.jenis, "mulai": model.mulai, "selesai": model.selesai})),
            meta,
        )
        .await?;
    }
    let dto = assignment_dtos(&txn, vec![model]).await?.remove(0);
    txn.commit().await?;
    Ok(dto)
}

/// Sets an explicit PPKin for a date range.
///
/// # Errors
/// `NotFound`; `Validation` when the PPKin is unknown or the employee themself, or the dates
/// are reversed.
pub async fn create_override(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: CreateSuperiorOverride,
    meta: &RequestMeta,
) -> AppResult<SuperiorOverride> {
    let txn = db.begin().await?;
    let instansi = find(&txn, id).await?.instansi_id;
    if req.ppkin_employee_id == id {
        return Err(AppError::field(
            "ppkin_employee_id",
            Pesan::PenilaiDiriSendiri,
        ));
    }
    let ppkin = employees::Entity::find_by_id(req.ppkin_employee_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("ppkin_employee_id", Pesan::PenilaiTidakDitemukan))?;
    if let Some(end) = req.selesai
        && end < req.mulai
    {
        return Err(AppError::field("selesai", Pesan::SelesaiSebelumMulai));
    }
    let model = superior_overrides::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(id),
        ppkin_employee_id: Set(ppkin.id),
        mulai: Set(req.mulai),
        selesai: Set(req.selesai),
        alasan: Set(req.alasan.trim().to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("employee.superior_overridden", "employee")
            .instansi(instansi)
            .actor(actor)
            .entity(id)
            .after(json!({"ppkin_employee_id": ppkin.id, "mulai": model.mulai, "selesai": model.selesai}))
            .reason(Some(model.alasan.clone())),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(SuperiorOverride {
        id: model.id,
        ppkin: employee_ref(&ppkin, None),
        mulai: model.mulai,
        selesai: model.selesai,
        alasan: model.alasan,
    })
}
