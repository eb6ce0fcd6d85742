//! Who read which records, for a period (the breach notice of UU 27/2022 Pasal 46, within
//! 3×24 hours): the access log, paged or as CSV, with the names of the accounts and people.

use std::collections::{HashMap, HashSet};

use kinerja_api::privasi::{AksesData, AksesQuery, JenisAkses};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use uuid::Uuid;

use crate::entities::{akses_data_pribadi, employees, users};
use crate::error::{AppError, AppResult};

/// Rows of one CSV at most: a period of a busy instansi fits; a longer one is split.
pub const CSV_MAKS: u64 = 100_000;

fn filtered(q: &AksesQuery) -> AppResult<Select<akses_data_pribadi::Entity>> {
    if let (Some(dari), Some(sampai)) = (q.dari, q.sampai)
        && sampai < dari
    {
        return Err(AppError::field("sampai", Pesan::AkhirSebelumAwal));
    }
    let mut select = akses_data_pribadi::Entity::find();
    if let Some(dari) = q.dari {
        select = select.filter(akses_data_pribadi::Column::Waktu.gte(dari));
    }
    if let Some(sampai) = q.sampai {
        select = select.filter(akses_data_pribadi::Column::Waktu.lt(sampai));
    }
    if let Some(a) = q.aktor_id {
        select = select.filter(akses_data_pribadi::Column::AktorId.eq(a));
    }
    if let Some(p) = q.pegawai_id {
        select = select.filter(akses_data_pribadi::Column::PegawaiId.eq(p));
    }
    if let Some(j) = q.jenis {
        select = select.filter(akses_data_pribadi::Column::Jenis.eq(j.as_str()));
    }
    Ok(select
        .order_by_desc(akses_data_pribadi::Column::Waktu)
        .order_by_desc(akses_data_pribadi::Column::Id))
}

/// One page of the log, newest first.
///
/// # Errors
/// `Validation` when `sampai` is before `dari`; otherwise a database failure.
pub async fn daftar(db: &impl ConnectionTrait, q: AksesQuery) -> AppResult<Page<AksesData>> {
    let page = PageQuery {
        page: q.page.unwrap_or(1),
        per_page: q
            .per_page
            .unwrap_or(kinerja_api::pagination::DEFAULT_PER_PAGE),
    };
    let select = filtered(&q)?;
    let total = select.clone().count(db).await?;
    let rows = select
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let items = dengan_nama(db, rows).await?;
    Ok(Page::new(items, page, total))
}

/// Every matching entry up to `maks`, newest first.
///
/// # Errors
/// As [`daftar`].
pub async fn semua(
    db: &impl ConnectionTrait,
    q: &AksesQuery,
    maks: u64,
) -> AppResult<Vec<AksesData>> {
    let rows = filtered(q)?.limit(maks).all(db).await?;
    dengan_nama(db, rows).await
}

/// The log as CSV (UTF-8 with a BOM, so spreadsheet programs read the names right).
///
/// # Errors
/// As [`daftar`].
pub async fn csv(db: &impl ConnectionTrait, q: &AksesQuery) -> AppResult<Vec<u8>> {
    let rows = semua(db, q, CSV_MAKS).await?;
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let unexpected = |e: csv::Error| AppError::Unexpected(anyhow::anyhow!("CSV: {e}"));
    out.write_record([
        "waktu_utc",
        "akun",
        "nama_akun",
        "nip_pegawai",
        "nama_pegawai",
        "jenis",
        "dasar",
        "jumlah_data",
        "ip",
        "request_id",
    ])
    .map_err(unexpected)?;
    for r in rows {
        out.write_record([
            r.waktu.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            r.aktor_username.unwrap_or_default(),
            r.aktor_nama.unwrap_or_default(),
            r.pegawai_nip.unwrap_or_default(),
            r.pegawai_nama.unwrap_or_default(),
            r.jenis.as_str().to_owned(),
            r.dasar,
            r.jumlah.to_string(),
            r.ip.unwrap_or_default(),
            r.request_id.unwrap_or_default(),
        ])
        .map_err(unexpected)?;
    }
    out.into_inner()
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("CSV: {e}")))
}

/// The entries with the names of their accounts and people: two queries per 1 000 names.
async fn dengan_nama(
    db: &impl ConnectionTrait,
    rows: Vec<akses_data_pribadi::Model>,
) -> AppResult<Vec<AksesData>> {
    let aktor: HashSet<Uuid> = rows.iter().map(|r| r.aktor_id).collect();
    let pegawai: HashSet<Uuid> = rows.iter().filter_map(|r| r.pegawai_id).collect();
    let mut akun: HashMap<Uuid, (String, String)> = HashMap::new();
    for chunk in aktor.into_iter().collect::<Vec<_>>().chunks(1000) {
        for u in users::Entity::find()
            .filter(users::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            akun.insert(u.id, (u.username, u.full_name));
        }
    }
    let mut orang: HashMap<Uuid, (String, String)> = HashMap::new();
    for chunk in pegawai.into_iter().collect::<Vec<_>>().chunks(1000) {
        for e in employees::Entity::find()
            .filter(employees::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            orang.insert(e.id, (e.nip, e.nama));
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let a = akun.get(&r.aktor_id);
            let p = r.pegawai_id.and_then(|id| orang.get(&id));
            AksesData {
                id: r.id,
                waktu: r.waktu,
                aktor_id: r.aktor_id,
                aktor_username: a.map(|a| a.0.clone()),
                aktor_nama: a.map(|a| a.1.clone()),
                pegawai_id: r.pegawai_id,
                pegawai_nip: p.map(|p| p.0.clone()),
                pegawai_nama: p.map(|p| p.1.clone()),
                jenis: JenisAkses::parse(&r.jenis).unwrap_or(JenisAkses::Detail),
                dasar: r.dasar,
                jumlah: r.jumlah,
                ip: r.ip,
                request_id: r.request_id,
            }
        })
        .collect())
}
