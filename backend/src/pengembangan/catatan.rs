//! Development records: what an employee attended (from the catalogue or free text), its kind,
//! provider, dates and JP, with a certificate (PDF, JPEG or PNG, recognised by content). The
//! employee records it, the HR office verifies or rejects it with a note; only verified JP
//! count. A record counts for the year it ended in.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use kinerja_api::pengembangan::{
    BentukPengembangan, BuatCatatan, CatatanPengembangan, FilterCatatan, PeranKegiatan, Sertifikat,
    StatusCatatan, VerifikasiCatatan, jp_dari_menit, menit_dari_jam, menit_dari_jp,
};
use kinerja_api::planning::NotificationParams;
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::akses::{self, nama};
use super::kebutuhan::{self, TAUTAN};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{catatan_pengembangan as catatan, employees, katalog_pelatihan};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;
use crate::uploads;

const WHAT: &str = "Catatan pengembangan";

/// DTOs of `items` with their employees' names (one query); `verifikasi` is whether the
/// viewer verifies records of others (the HR office).
async fn dtos(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    items: Vec<catatan::Model>,
    verifikasi: bool,
) -> AppResult<Vec<CatatanPengembangan>> {
    let ids: HashSet<Uuid> = items.iter().map(|m| m.employee_id).collect();
    let names: HashMap<Uuid, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        employees::Entity::find()
            .filter(employees::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, nama(&e)))
            .collect()
    };
    Ok(items
        .into_iter()
        .map(|m| {
            let status = StatusCatatan::parse(&m.status).unwrap_or(StatusCatatan::Menunggu);
            let bentuk = BentukPengembangan::parse(&m.bentuk).unwrap_or(BentukPengembangan::Diklat);
            CatatanPengembangan {
                id: m.id,
                employee_id: m.employee_id,
                pegawai_nama: names.get(&m.employee_id).cloned().unwrap_or_default(),
                tahun: m.tahun,
                nama: m.nama,
                katalog_id: m.katalog_id,
                bentuk,
                jalur: bentuk.jalur(),
                penyelenggara: m.penyelenggara,
                tanggal_mulai: m.tanggal_mulai,
                tanggal_selesai: m.tanggal_selesai,
                menit: m.menit,
                jp: jp_dari_menit(i64::from(m.menit)),
                peran: PeranKegiatan::parse(&m.peran).unwrap_or(PeranKegiatan::Peserta),
                kebutuhan_id: m.kebutuhan_id,
                boleh_diverifikasi: verifikasi
                    && status == StatusCatatan::Menunggu
                    && viewer.employee_id != Some(m.employee_id),
                status,
                catatan_verifikasi: m.catatan_verifikasi,
                diverifikasi_at: m.diverifikasi_at,
                sertifikat: match (m.sertifikat_nama, m.sertifikat_mime, m.sertifikat_ukuran) {
                    (Some(nama), Some(mime), Some(ukuran)) => {
                        Some(Sertifikat { nama, mime, ukuran })
                    }
                    _ => None,
                },
                created_at: m.created_at,
                lock_version: m.lock_version,
            }
        })
        .collect())
}

async fn single(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: catatan::Model,
) -> AppResult<CatatanPengembangan> {
    let hr = crate::policy::akses_pengembangan(&viewer.roles, Default::default())
        .is_some_and(|a| a.verifikasi);
    dtos(db, viewer, vec![m], hr)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))
}

/// Records of one employee, the viewer's own, or — for the HR office asking by `status`
/// without an employee — the instansi's queue (oldest first, the order they are verified in).
///
/// # Errors
/// `NotFound` for an employee the viewer may not see.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    f: FilterCatatan,
    page: PageQuery,
) -> AppResult<Page<CatatanPengembangan>> {
    let hr = crate::policy::akses_pengembangan(&viewer.roles, Default::default())
        .is_some_and(|a| a.verifikasi);
    let mut q = catatan::Entity::find();
    let antrian = f.employee_id.is_none() && f.status.is_some() && hr;
    if antrian {
        let instansi = akses::instansi(db, viewer, None).await?;
        q = q
            .filter(catatan::Column::InstansiId.eq(instansi))
            .order_by_asc(catatan::Column::CreatedAt)
            .order_by_asc(catatan::Column::Id);
    } else {
        let p = match f.employee_id {
            Some(id) => akses::pegawai(db, viewer, id).await?,
            None => akses::saya(db, viewer).await?,
        };
        q = q
            .filter(catatan::Column::EmployeeId.eq(p.model.id))
            .order_by_desc(catatan::Column::TanggalSelesai)
            .order_by_desc(catatan::Column::Id);
    }
    if let Some(t) = f.tahun {
        q = q.filter(catatan::Column::Tahun.eq(t));
    }
    if let Some(s) = f.status {
        q = q.filter(catatan::Column::Status.eq(s.as_str()));
    }
    let paginator = sea_orm::PaginatorTrait::paginate(q, db, page.per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.page.saturating_sub(1)).await?;
    Ok(Page::new(dtos(db, viewer, items, hr).await?, page, total))
}

/// The minutes a request gives: exactly one of JP and hours.
fn menit(req: &BuatCatatan) -> AppResult<i32> {
    let m = match (req.jp, req.jam) {
        (Some(jp), None) => menit_dari_jp(jp),
        (None, Some(jam)) => menit_dari_jam(jam),
        _ => return Err(AppError::field("jp", Pesan::IsiJpAtauJam)),
    };
    i32::try_from(m)
        .ok()
        .filter(|m| *m > 0)
        .ok_or_else(|| AppError::field("jp", Pesan::Jp11000))
}

/// A record of an activity that has ended, waiting for the HR office. The employee records
/// their own; the HR office records for anyone. Audited.
///
/// # Errors
/// `NotFound`/`Forbidden` for an employee the viewer may not record for; `Validation` per
/// field (JP or hours, name or catalogue, dates, the need it fulfils).
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: BuatCatatan,
    meta: &RequestMeta,
) -> AppResult<CatatanPengembangan> {
    let txn = db.begin().await?;
    let p = match req.employee_id {
        Some(id) => akses::pegawai(&txn, viewer, id).await?,
        None => akses::saya(&txn, viewer).await?,
    };
    if !p.akses.catat {
        return Err(AppError::Forbidden);
    }
    let menit = menit(&req)?;
    let katalog = match req.katalog_id {
        Some(id) => Some(
            katalog_pelatihan::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or_else(|| {
                    AppError::field(
                        "katalog_id",
                        Pesan::TidakDitemukan {
                            benda: "Pelatihan".into(),
                        },
                    )
                })?,
        ),
        None => None,
    };
    let nama_kegiatan = req
        .nama
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or_else(|| katalog.as_ref().map(|k| k.nama.clone()))
        .ok_or_else(|| AppError::field("nama", Pesan::NamaAtauKatalog))?;
    if req.tanggal_selesai < req.tanggal_mulai {
        return Err(AppError::field(
            "tanggal_selesai",
            Pesan::SelesaiSebelumMulai,
        ));
    }
    if req.tanggal_selesai > p.today {
        return Err(AppError::field(
            "tanggal_selesai",
            Pesan::KegiatanBelumSelesai {
                hari_ini: p.today.to_string(),
            },
        ));
    }
    if let Some(k) = req.kebutuhan_id {
        kebutuhan::untuk_catatan(&txn, p.model.id, k).await?;
    }
    let now = clock::now();
    let m = catatan::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(p.model.id),
        instansi_id: Set(p.model.instansi_id),
        tahun: Set(req.tanggal_selesai.year()),
        nama: Set(nama_kegiatan),
        katalog_id: Set(katalog.map(|k| k.id)),
        bentuk: Set(req.bentuk.as_str().to_owned()),
        penyelenggara: Set(req.penyelenggara.trim().to_owned()),
        tanggal_mulai: Set(req.tanggal_mulai),
        tanggal_selesai: Set(req.tanggal_selesai),
        menit: Set(menit),
        peran: Set(req.peran.as_str().to_owned()),
        kebutuhan_id: Set(req.kebutuhan_id),
        status: Set(StatusCatatan::Menunggu.as_str().to_owned()),
        catatan_verifikasi: Set(None),
        diverifikasi_oleh: Set(None),
        diverifikasi_at: Set(None),
        sertifikat_key: Set(None),
        sertifikat_nama: Set(None),
        sertifikat_mime: Set(None),
        sertifikat_ukuran: Set(None),
        dicatat_oleh: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let out = single(&txn, viewer, m).await?;
    audit::record(
        &txn,
        AuditEntry::new("catatan_pengembangan.created", "catatan_pengembangan")
            .actor(viewer.user_id)
            .entity(out.id)
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Writes `changes` to record `id` and bumps its version, only while it still waits at
/// version `sent`.
async fn ganti_bila_menunggu(
    db: &impl ConnectionTrait,
    changes: catatan::ActiveModel,
    id: Uuid,
    sent: i32,
) -> AppResult<()> {
    let rows = catatan::Entity::update_many()
        .set(changes)
        .col_expr(
            catatan::Column::LockVersion,
            sea_orm::sea_query::ExprTrait::add(
                sea_orm::sea_query::Expr::col(catatan::Column::LockVersion),
                1,
            ),
        )
        .filter(catatan::Column::Id.eq(id))
        .filter(catatan::Column::LockVersion.eq(sent))
        .filter(catatan::Column::Status.eq(StatusCatatan::Menunggu.as_str()))
        .exec(db)
        .await?
        .rows_affected;
    if rows == 0 {
        return Err(optimistic::conflict(WHAT));
    }
    Ok(())
}

async fn one(db: &impl ConnectionTrait, id: Uuid) -> AppResult<catatan::Model> {
    catatan::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

/// Attaches (or replaces) the certificate of a record that still waits for verification.
/// The new file is stored before the row changes and removed if that fails; the old one goes
/// after the commit. Audited.
///
/// # Errors
/// `UnsupportedMediaType` for anything but PDF, JPEG or PNG; `Conflict` once verified or
/// rejected; `NotFound`/`Forbidden` as for [`create`].
pub async fn unggah_sertifikat(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    id: Uuid,
    (name, bytes): (Option<String>, Vec<u8>),
    meta: &RequestMeta,
) -> AppResult<CatatanPengembangan> {
    let txn = db.begin().await?;
    let before = one(&txn, id).await?;
    let p = akses::pegawai(&txn, viewer, before.employee_id).await?;
    if !p.akses.catat {
        return Err(AppError::Forbidden);
    }
    if before.status != StatusCatatan::Menunggu.as_str() {
        return Err(AppError::conflict(Pesan::SertifikatHanyaMenunggu));
    }
    let (mime, ext) = uploads::sniff(&bytes)
        .filter(|(mime, _)| matches!(*mime, "application/pdf" | "image/png" | "image/jpeg"))
        .ok_or(AppError::UnsupportedMediaType(Pesan::JenisSertifikat))?;
    let key = format!("sertifikat/{}/{}.{ext}", before.tahun, Uuid::now_v7());
    let old = before.sertifikat_key.clone();
    let out = storage
        .store_registered(txn, &key, &bytes, async |txn| {
            let a = catatan::ActiveModel {
                sertifikat_key: Set(Some(key.clone())),
                sertifikat_nama: Set(Some(uploads::display_name(
                    name.as_deref(),
                    "sertifikat",
                    ext,
                ))),
                sertifikat_mime: Set(Some(mime.to_owned())),
                sertifikat_ukuran: Set(Some(bytes.len() as i64)),
                updated_at: Set(clock::now()),
                ..Default::default()
            };
            // Only while still waiting at the version read: a verification in between wins.
            ganti_bila_menunggu(txn, a, id, before.lock_version).await?;
            let m = one(txn, id).await?;
            audit::record(
                txn,
                AuditEntry::new("catatan_pengembangan.sertifikat", "catatan_pengembangan")
                    .actor(viewer.user_id)
                    .entity(id)
                    .after(json!({
                        "sha256": crate::auth::tokens::sha256_hex(&bytes),
                        "ukuran": bytes.len(),
                        "mime": mime,
                    })),
                meta,
            )
            .await?;
            let out = single(txn, viewer, m).await?;
            // The replaced certificate goes with this transaction (database store) or after it.
            if let Some(old) = &old {
                storage.forget(txn, old).await?;
            }
            Ok(out)
        })
        .await?;
    if let Some(old) = old {
        storage.discard(&old).await;
    }
    Ok(out)
}

/// A record's certificate for whoever may read the record: (name, MIME type, bytes).
///
/// # Errors
/// `NotFound` for a record the viewer may not see or without a certificate.
pub async fn unduh_sertifikat(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(String, String, Vec<u8>)> {
    let m = one(db, id).await?;
    akses::pegawai(db, viewer, m.employee_id).await?;
    let (Some(key), Some(nama), Some(mime)) =
        (m.sertifikat_key, m.sertifikat_nama, m.sertifikat_mime)
    else {
        return Err(AppError::NotFound("Sertifikat"));
    };
    Ok((nama, mime, storage.read(&key).await?))
}

/// The HR office verifies or rejects (with a note) a waiting record of someone else; the
/// employee is told. Audited.
///
/// # Errors
/// `Forbidden` for anyone but the HR office (and for one's own record); `Conflict` once
/// decided, for a stale `lock_version` or to verify one without a certificate; `Validation`
/// for a rejection without a note.
pub async fn verifikasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: VerifikasiCatatan,
    meta: &RequestMeta,
) -> AppResult<CatatanPengembangan> {
    let txn = db.begin().await?;
    let before = one(&txn, id).await?;
    let p = akses::pegawai(&txn, viewer, before.employee_id).await?;
    if !p.akses.verifikasi {
        return Err(AppError::Forbidden);
    }
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    if before.status != StatusCatatan::Menunggu.as_str() {
        return Err(AppError::conflict(Pesan::CatatanSudahDiverifikasi));
    }
    let note = req
        .catatan
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    if !req.terima && note.as_ref().is_none_or(|c| c.chars().count() < 3) {
        return Err(AppError::field("catatan", Pesan::AlasanPenolakanWajib));
    }
    // Only a record with its evidence counts (docs/pengembangan.md, "Records").
    if req.terima && before.sertifikat_key.is_none() {
        return Err(AppError::conflict(Pesan::SertifikatWajib));
    }
    let status = if req.terima {
        StatusCatatan::Diverifikasi
    } else {
        StatusCatatan::Ditolak
    };
    let now = clock::now();
    let a = catatan::ActiveModel {
        status: Set(status.as_str().to_owned()),
        catatan_verifikasi: Set(note.clone()),
        diverifikasi_oleh: Set(Some(viewer.user_id)),
        diverifikasi_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    // Of two officers deciding at once, one wins and the other gets a 409.
    ganti_bila_menunggu(&txn, a, id, req.lock_version).await?;
    let after = one(&txn, id).await?;
    crate::notifications::send(
        &txn,
        after.employee_id,
        "pengembangan.catatan_diverifikasi",
        NotificationParams {
            pegawai: Some(p.nama()),
            tahun: Some(after.tahun),
            hasil: Some(status.as_str().to_owned()),
            teks: Some(match &note {
                Some(n) => format!("{} — {n}", after.nama),
                None => after.nama.clone(),
            }),
            ..Default::default()
        },
        TAUTAN.to_owned(),
    )
    .await?;
    let out = single(&txn, viewer, after).await?;
    audit::record(
        &txn,
        AuditEntry::new("catatan_pengembangan.verified", "catatan_pengembangan")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!({"status": before.status, "lock_version": before.lock_version}))
            .after(json!({"status": out.status, "catatan": out.catatan_verifikasi, "menit": out.menit})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Whoever may record for the employee deletes a record still waiting (its file goes after
/// the commit). Audited.
///
/// # Errors
/// `Conflict` once decided or for a stale `lock_version`.
pub async fn delete(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    id: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let before = one(&txn, id).await?;
    let p = akses::pegawai(&txn, viewer, before.employee_id).await?;
    if !p.akses.catat {
        return Err(AppError::Forbidden);
    }
    optimistic::check(before.lock_version, lock_version, WHAT)?;
    if before.status != StatusCatatan::Menunggu.as_str() {
        return Err(AppError::conflict(Pesan::CatatanSudahDiverifikasi));
    }
    let rows = catatan::Entity::delete_many()
        .filter(catatan::Column::Id.eq(id))
        .filter(catatan::Column::LockVersion.eq(lock_version))
        .filter(catatan::Column::Status.eq(StatusCatatan::Menunggu.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    if rows == 0 {
        return Err(optimistic::conflict(WHAT));
    }
    audit::record(
        &txn,
        AuditEntry::new("catatan_pengembangan.deleted", "catatan_pengembangan")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!({"employee_id": before.employee_id, "nama": before.nama, "menit": before.menit})),
        meta,
    )
    .await?;
    let keys: Vec<&str> = before.sertifikat_key.as_deref().into_iter().collect();
    storage.commit_removing(txn, &keys).await
}

/// Records (verified or waiting) of `employees` that ended on or after `sejak`, latest first,
/// at most [`TERAKHIR_MAKS`] per employee, in one query: the evaluation page's "development
/// since the previous evaluation".
///
/// # Errors
/// On a database failure.
pub async fn sejak(
    db: &impl ConnectionTrait,
    employees: &[Uuid],
    sejak: NaiveDate,
) -> AppResult<HashMap<Uuid, Vec<kinerja_api::pengembangan::PengembanganTerakhir>>> {
    let mut out: HashMap<Uuid, Vec<_>> = HashMap::new();
    if employees.is_empty() {
        return Ok(out);
    }
    let rows = catatan::Entity::find()
        .filter(catatan::Column::EmployeeId.is_in(employees.to_vec()))
        .filter(catatan::Column::TanggalSelesai.gte(sejak))
        .filter(catatan::Column::Status.ne(StatusCatatan::Ditolak.as_str()))
        .order_by_desc(catatan::Column::TanggalSelesai)
        .order_by_desc(catatan::Column::Id)
        .all(db)
        .await?;
    for m in rows {
        let list = out.entry(m.employee_id).or_default();
        if list.len() < TERAKHIR_MAKS {
            list.push(kinerja_api::pengembangan::PengembanganTerakhir {
                id: m.id,
                nama: m.nama,
                bentuk: BentukPengembangan::parse(&m.bentuk).unwrap_or(BentukPengembangan::Diklat),
                tanggal_selesai: m.tanggal_selesai,
                jp: jp_dari_menit(i64::from(m.menit)),
                status: StatusCatatan::parse(&m.status).unwrap_or(StatusCatatan::Menunggu),
            });
        }
    }
    Ok(out)
}

/// Records listed per employee on the evaluation page.
pub const TERAKHIR_MAKS: usize = 20;

/// The names (lower case) of the trainings `employee` completed and had verified on or after
/// `sejak`: an improvement plan's training is done when one of them bears its name.
///
/// # Errors
/// On a database failure.
pub async fn pelatihan_selesai(
    db: &impl ConnectionTrait,
    employee: Uuid,
    sejak: NaiveDate,
) -> AppResult<HashSet<String>> {
    let names: Vec<String> = catatan::Entity::find()
        .select_only()
        .column(catatan::Column::Nama)
        .filter(catatan::Column::EmployeeId.eq(employee))
        .filter(catatan::Column::Status.eq(StatusCatatan::Diverifikasi.as_str()))
        .filter(catatan::Column::TanggalSelesai.gte(sejak))
        .into_tuple()
        .all(db)
        .await?;
    Ok(names.into_iter().map(|n| n.trim().to_lowercase()).collect())
}
