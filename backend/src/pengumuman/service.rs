//! The rules of announcements: who writes to whom, who sees one on which day, who has read it.
//! Reading the banner is one query whatever the instansi's size (the reader's units are walked
//! up from their own, not down from the root); counts are per announcement, one page at a time.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use kinerja_api::auth::Role;
use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::pengumuman::{
    PembacaPengumuman, Pengumuman, PengumumanQuery, SasaranPengumuman, TulisPengumuman, UnitSasaran,
};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::database::Sql;
use crate::entities::{employees, pengumuman, pengumuman_dibaca as dibaca, units, users};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;
use crate::policy::{self, AksesPengumuman};

const WHAT: &str = "Pengumuman";
/// Most announcements the banner carries at once.
const BANNER_MAX: u64 = 20;
/// Longest time an announcement shows.
const HARI_MAKS: i64 = 366;

/// The reader's place: instansi, unit (if any) and today in the instansi's zone.
struct Pembaca {
    instansi: Uuid,
    unit: Option<Uuid>,
    today: NaiveDate,
}

async fn pembaca(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<Pembaca> {
    let (instansi, unit) = match viewer.employee_id {
        Some(e) => {
            let e = employees::Entity::find_by_id(e)
                .one(db)
                .await?
                .ok_or(AppError::NotFound("Pegawai"))?;
            (e.instansi_id, e.unit_id)
        }
        None => (
            crate::pengembangan::akses::instansi(db, viewer, None).await?,
            None,
        ),
    };
    let today = clock::today_in(clock::instansi_offset(db, instansi).await?);
    Ok(Pembaca {
        instansi,
        unit,
        today,
    })
}

/// The viewer's right to write announcements, or 403.
fn penulis(viewer: &Viewer) -> AppResult<AksesPengumuman> {
    policy::akses_pengumuman(&viewer.roles, !viewer.subtree.is_empty()).ok_or(AppError::Forbidden)
}

fn boleh_ubah(viewer: &Viewer, m: &pengumuman::Model) -> bool {
    match policy::akses_pengumuman(&viewer.roles, !viewer.subtree.is_empty()) {
        Some(a) => a.semua_sasaran || m.dibuat_oleh == viewer.user_id,
        None => false,
    }
}

async fn unit_nama(db: &impl ConnectionTrait, ids: Vec<Uuid>) -> AppResult<HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(units::Entity::find()
        .filter(units::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect())
}

async fn penulis_nama(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> AppResult<HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut out: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.full_name))
        .collect();
    for e in employees::Entity::find()
        .filter(employees::Column::UserId.is_in(ids))
        .all(db)
        .await?
    {
        if let Some(u) = e.user_id {
            out.insert(
                u,
                full_name(
                    e.gelar_depan.as_deref(),
                    &e.nama,
                    e.gelar_belakang.as_deref(),
                ),
            );
        }
    }
    Ok(out)
}

/// DTOs of `rows` for `viewer`; `hitung`: with audience and read counts (for managers).
async fn dtos(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    rows: Vec<pengumuman::Model>,
    hitung: bool,
) -> AppResult<Vec<Pengumuman>> {
    let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
    let units = unit_nama(db, rows.iter().filter_map(|p| p.unit_id).collect()).await?;
    let authors = penulis_nama(db, rows.iter().map(|p| p.dibuat_oleh).collect()).await?;
    let mine: Vec<Uuid> = if ids.is_empty() {
        Vec::new()
    } else {
        dibaca::Entity::find()
            .select_only()
            .column(dibaca::Column::PengumumanId)
            .filter(dibaca::Column::UserId.eq(viewer.user_id))
            .filter(dibaca::Column::PengumumanId.is_in(ids.clone()))
            .into_tuple()
            .all(db)
            .await?
    };
    let mut counts: HashMap<Uuid, (u64, u64)> = HashMap::new();
    if hitung && !ids.is_empty() {
        let read: Vec<(Uuid, i64)> = dibaca::Entity::find()
            .select_only()
            .column(dibaca::Column::PengumumanId)
            .column_as(dibaca::Column::UserId.count(), "n")
            .filter(dibaca::Column::PengumumanId.is_in(ids))
            .group_by(dibaca::Column::PengumumanId)
            .into_tuple()
            .all(db)
            .await?;
        let read: HashMap<Uuid, u64> = read
            .into_iter()
            .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
            .collect();
        // One count per announcement of the page (at most a page of them).
        for p in &rows {
            let target = sasaran(db, p).await?;
            counts.insert(p.id, (target, read.get(&p.id).copied().unwrap_or(0)));
        }
    }
    Ok(rows
        .into_iter()
        .map(|p| {
            let c = counts.get(&p.id).copied();
            Pengumuman {
                id: p.id,
                unit_nama: p.unit_id.and_then(|u| units.get(&u).cloned()),
                penulis_nama: authors.get(&p.dibuat_oleh).cloned().unwrap_or_default(),
                dibaca: mine.contains(&p.id),
                jumlah_sasaran: c.map(|c| c.0),
                jumlah_dibaca: c.map(|c| c.1),
                boleh_ubah: boleh_ubah(viewer, &p),
                sasaran: SasaranPengumuman::parse(&p.sasaran).unwrap_or(SasaranPengumuman::Semua),
                peran: p.peran.as_deref().and_then(Role::parse),
                judul: p.judul,
                isi: p.isi,
                unit_id: p.unit_id,
                mulai: p.mulai,
                selesai: p.selesai,
                dibuat_pada: p.created_at,
                lock_version: p.lock_version,
            }
        })
        .collect())
}

/// Active accounts an announcement is for: those of active employees of the instansi, of the
/// unit's subtree, or holding the role.
async fn sasaran(db: &impl ConnectionTrait, p: &pengumuman::Model) -> AppResult<u64> {
    let mut sql = Sql::default();
    let inst = sql.bind(p.instansi_id);
    let aktif = sql.bind(StatusPegawai::Aktif.as_str());
    let base = format!(
        "FROM employees e JOIN users us ON us.id = e.user_id \
         WHERE e.instansi_id = {inst} AND e.status = {aktif} AND us.active = {t}",
        t = sql.bind(true)
    );
    let text = match (
        SasaranPengumuman::parse(&p.sasaran),
        p.unit_id,
        p.peran.as_deref(),
    ) {
        (Some(SasaranPengumuman::Unit), Some(u), _) => {
            let u = sql.bind(u);
            format!(
                "WITH RECURSIVE w(id, d) AS (SELECT id, 0 FROM units WHERE id = {u} \
                 UNION SELECT x.id, w.d + 1 FROM units x JOIN w ON x.parent_id = w.id \
                 WHERE w.d < 64) SELECT COUNT(*) {base} AND e.unit_id IN (SELECT id FROM w)"
            )
        }
        (Some(SasaranPengumuman::Peran), _, Some(r)) => {
            let r = sql.bind(r);
            format!(
                "SELECT COUNT(*) {base} AND EXISTS (SELECT 1 FROM user_roles ur \
                 WHERE ur.user_id = us.id AND ur.role = {r})"
            )
        }
        _ => format!("SELECT COUNT(*) {base}"),
    };
    sql.push(&text);
    Ok(match db.query_one_raw(sql.statement(db)).await? {
        Some(r) => u64::try_from(r.try_get_by_index::<i64>(0)?).unwrap_or(0),
        None => 0,
    })
}

/// The announcements showing today to the viewer, unread first (the banner).
///
/// # Errors
/// On a database failure.
pub async fn aktif(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<Vec<Pengumuman>> {
    let p = pembaca(db, viewer).await?;
    let mut sql = Sql::default();
    let me = sql.bind(viewer.user_id);
    let inst = sql.bind(p.instansi);
    let today = sql.bind(p.today);
    let semua = sql.bind(SasaranPengumuman::Semua.as_str());
    let mut syarat = vec![format!("p.sasaran = {semua}")];
    let mut cte = String::new();
    if let Some(u) = p.unit {
        let u = sql.bind(u);
        // The reader's unit and those above it, walked up: a handful of rows.
        cte = format!(
            "WITH RECURSIVE naik(id, parent_id, d) AS (SELECT id, parent_id, 0 FROM units \
             WHERE id = {u} UNION SELECT x.id, x.parent_id, naik.d + 1 FROM units x \
             JOIN naik ON x.id = naik.parent_id WHERE naik.d < 64) "
        );
        let unit = sql.bind(SasaranPengumuman::Unit.as_str());
        syarat.push(format!(
            "(p.sasaran = {unit} AND p.unit_id IN (SELECT id FROM naik))"
        ));
    }
    if !viewer.roles.is_empty() {
        let peran = sql.bind(SasaranPengumuman::Peran.as_str());
        let roles: Vec<String> = viewer.roles.iter().map(|r| sql.bind(r.as_str())).collect();
        syarat.push(format!(
            "(p.sasaran = {peran} AND p.peran IN ({}))",
            roles.join(", ")
        ));
    }
    let f = sql.bind(false);
    sql.push(&format!(
        "{cte}SELECT p.id FROM pengumuman p LEFT JOIN pengumuman_dibaca d \
         ON d.pengumuman_id = p.id AND d.user_id = {me} \
         WHERE p.instansi_id = {inst} AND p.ditarik = {f} AND p.mulai <= {today} \
         AND p.selesai >= {today} AND ({}) \
         ORDER BY CASE WHEN d.user_id IS NULL THEN 0 ELSE 1 END, p.mulai DESC, p.id \
         LIMIT {BANNER_MAX}",
        syarat.join(" OR ")
    ));
    let mut ids = Vec::new();
    for r in db.query_all_raw(sql.statement(db)).await? {
        ids.push(r.try_get_by_index::<Uuid>(0)?);
    }
    let mut rows = pengumuman::Entity::find()
        .filter(pengumuman::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.id));
    dtos(db, viewer, rows, false).await
}

/// One announcement the viewer reads today (as a reader), or may manage.
async fn terlihat(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<pengumuman::Model> {
    let m = pengumuman::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|m| !m.ditarik)
        .ok_or(AppError::NotFound(WHAT))?;
    let p = pembaca(db, viewer).await?;
    if m.instansi_id != p.instansi {
        return Err(AppError::NotFound(WHAT));
    }
    if boleh_ubah(viewer, &m) {
        return Ok(m);
    }
    let showing = m.mulai <= p.today && p.today <= m.selesai;
    let for_me = match SasaranPengumuman::parse(&m.sasaran) {
        Some(SasaranPengumuman::Semua) => true,
        Some(SasaranPengumuman::Peran) => m
            .peran
            .as_deref()
            .and_then(Role::parse)
            .is_some_and(|r| viewer.roles.contains(&r)),
        Some(SasaranPengumuman::Unit) => match (p.unit, m.unit_id) {
            (Some(mine), Some(target)) => crate::organisation::tree::ancestors(db, mine)
                .await?
                .contains(&target),
            _ => false,
        },
        None => false,
    };
    if showing && for_me {
        Ok(m)
    } else {
        Err(AppError::NotFound(WHAT))
    }
}

/// Marks an announcement read by the viewer; once is enough, again changes nothing.
///
/// # Errors
/// `NotFound` for one not showing to the viewer.
pub async fn baca(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<()> {
    terlihat(db, viewer, id).await?;
    let row = dibaca::ActiveModel {
        pengumuman_id: Set(id),
        user_id: Set(viewer.user_id),
        dibaca_pada: Set(clock::now()),
    };
    // Two tabs marking it at once: the second insert is a no-op.
    dibaca::Entity::insert(row)
        .on_conflict_do_nothing_on([dibaca::Column::PengumumanId, dibaca::Column::UserId])
        .exec(db)
        .await?;
    Ok(())
}

/// The announcements the viewer manages: all of the instansi for the HR office, their own for
/// a pimpinan; newest first, with audience and read counts.
///
/// # Errors
/// `Forbidden` for a viewer who writes none.
pub async fn kelola(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: PengumumanQuery,
    page: PageQuery,
) -> AppResult<Page<Pengumuman>> {
    let akses = penulis(viewer)?;
    let p = pembaca(db, viewer).await?;
    let mut find = pengumuman::Entity::find()
        .filter(pengumuman::Column::InstansiId.eq(p.instansi))
        .filter(pengumuman::Column::Ditarik.eq(false));
    if !akses.semua_sasaran {
        find = find.filter(pengumuman::Column::DibuatOleh.eq(viewer.user_id));
    }
    if q.aktif == Some(true) {
        find = find
            .filter(pengumuman::Column::Mulai.lte(p.today))
            .filter(pengumuman::Column::Selesai.gte(p.today));
    }
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_desc(pengumuman::Column::Mulai)
        .order_by_desc(pengumuman::Column::CreatedAt)
        .order_by_asc(pengumuman::Column::Id)
        .offset(page.page.saturating_sub(1).saturating_mul(page.per_page))
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok(Page::new(dtos(db, viewer, rows, true).await?, page, total))
}

/// The checked columns of a body: target and days.
struct Isi {
    sasaran: SasaranPengumuman,
    unit_id: Option<Uuid>,
    peran: Option<String>,
}

async fn periksa(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    akses: AksesPengumuman,
    instansi: Uuid,
    req: &TulisPengumuman,
) -> AppResult<Isi> {
    if req.selesai < req.mulai {
        return Err(AppError::field("selesai", Pesan::SelesaiSebelumMulai));
    }
    if req.selesai - req.mulai > Duration::days(HARI_MAKS) {
        return Err(AppError::field("selesai", Pesan::PengumumanMaks366Hari));
    }
    if !akses.semua_sasaran && req.sasaran != SasaranPengumuman::Unit {
        return Err(AppError::field("sasaran", Pesan::SasaranPimpinanUnit));
    }
    Ok(match req.sasaran {
        SasaranPengumuman::Semua => Isi {
            sasaran: req.sasaran,
            unit_id: None,
            peran: None,
        },
        SasaranPengumuman::Peran => Isi {
            sasaran: req.sasaran,
            unit_id: None,
            peran: Some(
                req.peran
                    .ok_or_else(|| AppError::field("peran", Pesan::WajibDiisi))?
                    .as_str()
                    .to_owned(),
            ),
        },
        SasaranPengumuman::Unit => {
            let u = req
                .unit_id
                .ok_or_else(|| AppError::field("unit_id", Pesan::WajibDiisi))?;
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
            if !akses.semua_sasaran && !viewer.subtree.contains(&u) {
                return Err(AppError::field("unit_id", Pesan::UnitBukanWewenang));
            }
            Isi {
                sasaran: req.sasaran,
                unit_id: Some(u),
                peran: None,
            }
        }
    })
}

fn audit_json(m: &pengumuman::Model) -> serde_json::Value {
    json!({
        "judul": m.judul, "isi": m.isi, "sasaran": m.sasaran, "unit_id": m.unit_id,
        "peran": m.peran, "mulai": m.mulai, "selesai": m.selesai,
    })
}

/// Publishes an announcement (audited).
///
/// # Errors
/// `Forbidden` for a viewer who writes none; `Invalid` per field.
pub async fn buat(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: TulisPengumuman,
    meta: &RequestMeta,
) -> AppResult<Pengumuman> {
    let akses = penulis(viewer)?;
    let p = pembaca(db, viewer).await?;
    let isi = periksa(db, viewer, akses, p.instansi, &req).await?;
    let now = clock::now();
    let txn = db.begin().await?;
    let m = pengumuman::ActiveModel {
        id: Set(Uuid::new_v4()),
        instansi_id: Set(p.instansi),
        judul: Set(req.judul.trim().to_owned()),
        isi: Set(req.isi.trim().to_owned()),
        sasaran: Set(isi.sasaran.as_str().to_owned()),
        unit_id: Set(isi.unit_id),
        peran: Set(isi.peran),
        mulai: Set(req.mulai),
        selesai: Set(req.selesai),
        dibuat_oleh: Set(viewer.user_id),
        ditarik: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("pengumuman.created", "pengumuman")
            .instansi(m.instansi_id)
            .actor(viewer.user_id)
            .entity(m.id)
            .after(audit_json(&m)),
        meta,
    )
    .await?;
    txn.commit().await?;
    let mut out = dtos(db, viewer, vec![m], true).await?;
    out.pop().ok_or(AppError::NotFound(WHAT))
}

async fn milik(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<pengumuman::Model> {
    penulis(viewer)?;
    let m = terlihat(db, viewer, id).await?;
    if boleh_ubah(viewer, &m) {
        Ok(m)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Changes an announcement (its author or the HR office; audited).
///
/// # Errors
/// `Conflict` on a stale `lock_version`; as [`buat`].
pub async fn ubah(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: TulisPengumuman,
    meta: &RequestMeta,
) -> AppResult<Pengumuman> {
    let sent = req
        .lock_version
        .ok_or_else(|| AppError::field("lock_version", Pesan::WajibDiisi))?;
    let akses = penulis(viewer)?;
    let before = milik(db, viewer, id).await?;
    optimistic::check(before.lock_version, sent, WHAT)?;
    let isi = periksa(db, viewer, akses, before.instansi_id, &req).await?;
    let txn = db.begin().await?;
    let changes = pengumuman::ActiveModel {
        judul: Set(req.judul.trim().to_owned()),
        isi: Set(req.isi.trim().to_owned()),
        sasaran: Set(isi.sasaran.as_str().to_owned()),
        unit_id: Set(isi.unit_id),
        peran: Set(isi.peran),
        mulai: Set(req.mulai),
        selesai: Set(req.selesai),
        updated_at: Set(clock::now()),
        ..Default::default()
    };
    optimistic::claim(
        &txn,
        changes,
        (pengumuman::Column::Id, id),
        pengumuman::Column::LockVersion,
        sent,
        WHAT,
    )
    .await?;
    let after = pengumuman::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound(WHAT))?;
    audit::record(
        &txn,
        AuditEntry::new("pengumuman.updated", "pengumuman")
            .instansi(before.instansi_id)
            .actor(viewer.user_id)
            .entity(id)
            .before(audit_json(&before))
            .after(audit_json(&after)),
        meta,
    )
    .await?;
    txn.commit().await?;
    let mut out = dtos(db, viewer, vec![after], true).await?;
    out.pop().ok_or(AppError::NotFound(WHAT))
}

/// Withdraws an announcement: it shows to nobody, the record stays for the audit trail.
///
/// # Errors
/// `Conflict` on a stale `lock_version`; `Forbidden`/`NotFound` as for [`ubah`].
pub async fn tarik(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    sent: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let before = milik(db, viewer, id).await?;
    optimistic::check(before.lock_version, sent, WHAT)?;
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        pengumuman::ActiveModel {
            ditarik: Set(true),
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (pengumuman::Column::Id, id),
        pengumuman::Column::LockVersion,
        sent,
        WHAT,
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("pengumuman.withdrawn", "pengumuman")
            .actor(viewer.user_id)
            .entity(id)
            .before(audit_json(&before)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Who has read an announcement, latest first (its author and the HR office).
///
/// # Errors
/// `Forbidden`/`NotFound` as for [`ubah`].
pub async fn pembaca_list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    page: PageQuery,
) -> AppResult<Page<PembacaPengumuman>> {
    milik(db, viewer, id).await?;
    let find = dibaca::Entity::find().filter(dibaca::Column::PengumumanId.eq(id));
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_desc(dibaca::Column::DibacaPada)
        .order_by_asc(dibaca::Column::UserId)
        .offset(page.page.saturating_sub(1).saturating_mul(page.per_page))
        .limit(page.per_page)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
    let accounts: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    let people: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(employees::Column::UserId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| e.user_id.map(|u| (u, e)))
        .collect();
    let names = unit_nama(db, people.values().filter_map(|e| e.unit_id).collect()).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let e = people.get(&r.user_id);
            PembacaPengumuman {
                user_id: r.user_id,
                nama: e.map_or_else(
                    || accounts.get(&r.user_id).cloned().unwrap_or_default(),
                    |e| {
                        full_name(
                            e.gelar_depan.as_deref(),
                            &e.nama,
                            e.gelar_belakang.as_deref(),
                        )
                    },
                ),
                nip: e.map(|e| e.nip.clone()),
                unit_nama: e
                    .and_then(|e| e.unit_id)
                    .and_then(|u| names.get(&u).cloned()),
                dibaca_pada: r.dibaca_pada,
            }
        })
        .collect();
    Ok(Page::new(items, page, total))
}

/// The active units the viewer may address, in tree order: the instansi's for the HR office,
/// the ones they lead for a pimpinan.
///
/// # Errors
/// `Forbidden` for a viewer who writes none.
pub async fn unit_sasaran(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<Vec<UnitSasaran>> {
    let akses = penulis(viewer)?;
    let mut find = units::Entity::find().filter(units::Column::Aktif.eq(true));
    if akses.semua_sasaran {
        find = find.filter(units::Column::InstansiId.eq(pembaca(db, viewer).await?.instansi));
    } else {
        find = find.filter(units::Column::Id.is_in(viewer.subtree.iter().copied()));
    }
    let all = find.order_by_asc(units::Column::Nama).all(db).await?;
    let ids: std::collections::HashSet<Uuid> = all.iter().map(|u| u.id).collect();
    let mut children: HashMap<Option<Uuid>, Vec<&units::Model>> = HashMap::new();
    for u in &all {
        // A unit whose parent is not listed starts a tree of its own.
        let parent = u.parent_id.filter(|p| ids.contains(p));
        children.entry(parent).or_default().push(u);
    }
    let mut out = Vec::with_capacity(all.len());
    let mut stack: Vec<(&units::Model, u32)> = children
        .get(&None)
        .map(|r| r.iter().rev().map(|u| (*u, 0)).collect())
        .unwrap_or_default();
    while let Some((u, depth)) = stack.pop() {
        out.push(UnitSasaran {
            id: u.id,
            nama: u.nama.clone(),
            tingkat: depth,
        });
        if let Some(kids) = children.get(&Some(u.id)) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    Ok(out)
}
