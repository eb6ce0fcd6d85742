//! The HR office's list of competencies (teknis, manajerial, sosial kultural), each with the
//! BerAKHLAK core value it serves where it does. Needs name one of them.

use kinerja_api::Pesan;
use kinerja_api::pengembangan::{BuatKompetensi, KelompokKompetensi, Kompetensi, UbahKompetensi};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{kompetensi, ref_berakhlak};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;

const WHAT: &str = "Kompetensi";

pub fn dto(m: kompetensi::Model) -> Kompetensi {
    Kompetensi {
        id: m.id,
        nama: m.nama,
        kelompok: KelompokKompetensi::parse(&m.kelompok).unwrap_or(KelompokKompetensi::Teknis),
        nilai_berakhlak: m.nilai_berakhlak,
        deskripsi: m.deskripsi,
        aktif: m.aktif,
        lock_version: m.lock_version,
    }
}

/// The instansi's competencies by group and name; the inactive ones too when `semua`.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    instansi_id: Uuid,
    semua: bool,
) -> AppResult<Vec<Kompetensi>> {
    let mut q = kompetensi::Entity::find()
        .filter(kompetensi::Column::InstansiId.eq(instansi_id))
        .order_by_asc(kompetensi::Column::Kelompok)
        .order_by_asc(kompetensi::Column::Nama);
    if !semua {
        q = q.filter(kompetensi::Column::Aktif.eq(true));
    }
    Ok(q.all(db).await?.into_iter().map(dto).collect())
}

/// An active competency of the instansi, for a need.
///
/// # Errors
/// `Validation` on `field` otherwise.
pub async fn aktif(
    db: &impl ConnectionTrait,
    instansi_id: Uuid,
    id: Uuid,
    field: &str,
) -> AppResult<kompetensi::Model> {
    kompetensi::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|k| k.instansi_id == instansi_id && k.aktif)
        .ok_or_else(|| AppError::field(field, Pesan::KompetensiTidakAktif))
}

fn bersih(t: Option<String>) -> Option<String> {
    t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

async fn cek_nilai(db: &impl ConnectionTrait, kode: Option<&str>) -> AppResult<()> {
    if let Some(kode) = kode
        && ref_berakhlak::Entity::find_by_id(kode.to_owned())
            .one(db)
            .await?
            .is_none()
    {
        return Err(AppError::field(
            "nilai_berakhlak",
            Pesan::NilaiBerakhlakTidakDikenal,
        ));
    }
    Ok(())
}

async fn cek_nama(
    db: &impl ConnectionTrait,
    instansi_id: Uuid,
    nama: &str,
    kecuali: Option<Uuid>,
) -> AppResult<()> {
    let taken = kompetensi::Entity::find()
        .filter(kompetensi::Column::InstansiId.eq(instansi_id))
        .filter(kompetensi::Column::Nama.eq(nama))
        .one(db)
        .await?
        .is_some_and(|k| Some(k.id) != kecuali);
    if taken {
        return Err(AppError::field("nama", Pesan::KompetensiSudahAda));
    }
    Ok(())
}

/// A new competency of the HR office's instansi. Audited.
///
/// # Errors
/// `Validation` for a name already on the list or an unknown BerAKHLAK value.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Uuid,
    req: BuatKompetensi,
    meta: &RequestMeta,
) -> AppResult<Kompetensi> {
    let txn = db.begin().await?;
    let nama = req.nama.trim().to_owned();
    let nilai = bersih(req.nilai_berakhlak);
    cek_nama(&txn, instansi_id, &nama, None).await?;
    cek_nilai(&txn, nilai.as_deref()).await?;
    let now = clock::now();
    let m = kompetensi::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(instansi_id),
        nama: Set(nama),
        kelompok: Set(req.kelompok.as_str().to_owned()),
        nilai_berakhlak: Set(nilai),
        deskripsi: Set(bersih(req.deskripsi)),
        aktif: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let out = dto(m);
    audit::record(
        &txn,
        AuditEntry::new("kompetensi.created", "kompetensi")
            .actor(viewer.user_id)
            .entity(out.id)
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Changes a competency (a retired one is made inactive, never deleted: needs name it).
///
/// # Errors
/// `NotFound` outside the instansi; `Conflict` for a stale `lock_version`; `Validation` as
/// for [`create`].
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Uuid,
    id: Uuid,
    req: UbahKompetensi,
    meta: &RequestMeta,
) -> AppResult<Kompetensi> {
    let txn = db.begin().await?;
    let before = kompetensi::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|k| k.instansi_id == instansi_id)
        .ok_or(AppError::NotFound(WHAT))?;
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    let mut a = kompetensi::ActiveModel {
        updated_at: Set(clock::now()),
        ..Default::default()
    };
    if let Some(nama) = req.nama.map(|n| n.trim().to_owned()) {
        cek_nama(&txn, instansi_id, &nama, Some(id)).await?;
        a.nama = Set(nama);
    }
    if let Some(k) = req.kelompok {
        a.kelompok = Set(k.as_str().to_owned());
    }
    if let Some(n) = req.nilai_berakhlak {
        let n = bersih(Some(n));
        cek_nilai(&txn, n.as_deref()).await?;
        a.nilai_berakhlak = Set(n);
    }
    if let Some(d) = req.deskripsi {
        a.deskripsi = Set(bersih(Some(d)));
    }
    if let Some(aktif) = req.aktif {
        a.aktif = Set(aktif);
    }
    optimistic::claim(
        &txn,
        a,
        (kompetensi::Column::Id, id),
        kompetensi::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = kompetensi::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound(WHAT))?;
    let out = dto(after);
    audit::record(
        &txn,
        AuditEntry::new("kompetensi.updated", "kompetensi")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!(dto(before)))
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}
