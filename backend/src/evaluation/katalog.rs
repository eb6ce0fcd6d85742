//! Admin-managed references of evaluation: the training catalogue that improvement plans
//! recommend from, and the yearly angka kredit coefficient of each jenjang fungsional.

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::organisation::{JenisJabatan, Jenjang, JenjangInfo};
use kinerja_api::penilaian::{
    CreatePelatihan, JenisPelatihan, Pelatihan, PelatihanQuery, SetKoefisien, UpdatePelatihan,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{katalog_pelatihan, ref_jenjang};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

fn dto(m: katalog_pelatihan::Model) -> Pelatihan {
    Pelatihan {
        id: m.id,
        jenis: JenisPelatihan::parse(&m.jenis).unwrap_or(JenisPelatihan::Teknis),
        nama: m.nama,
        jp: m.jp,
        aktif: m.aktif,
    }
}

/// The catalogue by name; only the active trainings unless `semua`.
///
/// # Errors
/// On a database failure.
pub async fn list(db: &DatabaseConnection, q: PelatihanQuery) -> AppResult<Vec<Pelatihan>> {
    let mut select =
        katalog_pelatihan::Entity::find().order_by_asc(katalog_pelatihan::Column::Nama);
    if !q.semua.unwrap_or(false) {
        select = select.filter(katalog_pelatihan::Column::Aktif.eq(true));
    }
    if let Some(needle) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        select = select.filter(katalog_pelatihan::Column::Nama.contains(needle));
    }
    Ok(select.all(db).await?.into_iter().map(dto).collect())
}

/// A name already in the catalogue (another training's) is a field error, not a 500 from the
/// unique index.
async fn name_free(db: &impl ConnectionTrait, nama: &str, except: Option<Uuid>) -> AppResult<()> {
    let taken = katalog_pelatihan::Entity::find()
        .filter(katalog_pelatihan::Column::Nama.eq(nama))
        .one(db)
        .await?
        .is_some_and(|m| Some(m.id) != except);
    if taken {
        return Err(AppError::field("nama", Pesan::PelatihanSudahAda));
    }
    Ok(())
}

/// # Errors
/// `Validation` for a name already in the catalogue.
pub async fn create(
    db: &DatabaseConnection,
    actor: Uuid,
    req: CreatePelatihan,
    meta: &RequestMeta,
) -> AppResult<Pelatihan> {
    let txn = db.begin().await?;
    let nama = req.nama.trim().to_owned();
    name_free(&txn, &nama, None).await?;
    let m = katalog_pelatihan::ActiveModel {
        id: Set(Uuid::now_v7()),
        nama: Set(nama),
        jenis: Set(req.jenis.as_str().to_owned()),
        jp: Set(req.jp),
        aktif: Set(true),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let entry = AuditEntry::new("pelatihan.created", "pelatihan")
        .actor(actor)
        .entity(m.id)
        .after(json!({"nama": m.nama, "jenis": m.jenis, "jp": m.jp}));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(dto(m))
}

/// # Errors
/// `NotFound`; `Validation` for a name already in the catalogue.
pub async fn update(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: UpdatePelatihan,
    meta: &RequestMeta,
) -> AppResult<Pelatihan> {
    let txn = db.begin().await?;
    let before = katalog_pelatihan::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pelatihan"))?;
    let mut a: katalog_pelatihan::ActiveModel = before.clone().into();
    if let Some(nama) = req.nama.map(|n| n.trim().to_owned()) {
        name_free(&txn, &nama, Some(id)).await?;
        a.nama = Set(nama);
    }
    if let Some(jenis) = req.jenis {
        a.jenis = Set(jenis.as_str().to_owned());
    }
    if let Some(jp) = req.jp {
        a.jp = Set(Some(jp));
    }
    if let Some(aktif) = req.aktif {
        a.aktif = Set(aktif);
    }
    let m = a.update(&txn).await?;
    let entry = AuditEntry::new("pelatihan.updated", "pelatihan")
        .actor(actor)
        .entity(id)
        .before(json!({"nama": before.nama, "jenis": before.jenis, "jp": before.jp, "aktif": before.aktif}))
        .after(json!({"nama": m.nama, "jenis": m.jenis, "jp": m.jp, "aktif": m.aktif}));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(dto(m))
}

/// The yearly angka kredit coefficient of a jenjang as the HR office set it (`None` for
/// jabatan administrasi and JPT, or a jenjang without one).
///
/// # Errors
/// On a database failure.
pub async fn koefisien(db: &impl ConnectionTrait, jenjang: Jenjang) -> AppResult<Option<f64>> {
    Ok(ref_jenjang::Entity::find_by_id(jenjang.as_str())
        .one(db)
        .await?
        .and_then(|j| j.koefisien_angka_kredit))
}

/// Sets the coefficient of a jenjang fungsional (audited); the answer is the jenjang as the
/// reference data lists it.
///
/// # Errors
/// `Validation` for a jenjang that is not fungsional; `NotFound` for one not in the reference.
pub async fn set_koefisien(
    db: &DatabaseConnection,
    actor: Uuid,
    jenjang: Jenjang,
    req: SetKoefisien,
    meta: &RequestMeta,
) -> AppResult<JenjangInfo> {
    if !matches!(
        jenjang.jenis(),
        JenisJabatan::FungsionalKeahlian | JenisJabatan::FungsionalKeterampilan
    ) {
        return Err(AppError::field("kode", Pesan::AngkaKreditHanyaJf));
    }
    let txn = db.begin().await?;
    let before = ref_jenjang::Entity::find_by_id(jenjang.as_str())
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Jenjang"))?;
    let old = before.koefisien_angka_kredit;
    let mut a: ref_jenjang::ActiveModel = before.into();
    a.koefisien_angka_kredit = Set(Some(req.koefisien));
    let m = a.update(&txn).await?;
    let entry = AuditEntry::new("jenjang.koefisien_diubah", "jenjang")
        .actor(actor)
        .before(json!({"kode": jenjang.as_str(), "koefisien": old}))
        .after(json!({"kode": jenjang.as_str(), "koefisien": req.koefisien}));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(JenjangInfo {
        kode: jenjang,
        jenis: jenjang.jenis(),
        nama: m.nama,
        dapat_menilai: m.dapat_menilai,
        koefisien_angka_kredit: m.koefisien_angka_kredit,
    })
}
