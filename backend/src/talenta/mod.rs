//! Career and talent management (issue #18, "Career"; PermenPANRB 3/2020; docs/pengembangan.md,
//! "Karier dan manajemen talenta"): the career page ([`karier`]), the potential the HR office
//! records ([`potensi`]), the instansi's setting and nine boxes with the grid ([`kotak`]), and
//! the key positions with their succession candidates ([`suksesi`]).
//!
//! Who sees what is decided in [`crate::policy`]: the career page by `akses_pengembangan` (it is
//! development data), talent data by `lingkup_talenta`, `can_read_potensi`, `can_manage_talenta`.

pub mod karier;
pub mod kotak;
pub mod penempatan;
pub mod potensi;
pub mod suksesi;

use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, QuerySelect,
    TransactionTrait,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Viewer;
use crate::clock;
use crate::entities::{employees, instansi, kotak_talenta, pengaturan_talenta};
use crate::error::{AppError, AppResult};

pub(crate) const TAG: &str = "pengembangan";

/// The operations of this module, under `/pengembangan` by their full paths rather than in a
/// scope: the development module owns the `/pengembangan` scope, and actix does not fall
/// through from one scope to another, so these are mounted before it (routes.rs).
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(karier::karier)
        .service(potensi::catat)
        .service(potensi::riwayat)
        .service(potensi::saya)
        .service(kotak::lihat_pengaturan)
        .service(kotak::ubah_pengaturan)
        .service(kotak::lihat_kotak)
        .service(kotak::ubah_kotak)
        .service(kotak::grid)
        .service(kotak::isi_kotak)
        .service(suksesi::daftar)
        .service(suksesi::tandai)
        .service(suksesi::lihat)
        .service(suksesi::ubah)
        .service(suksesi::hapus)
        .service(suksesi::tambah_kandidat)
        .service(suksesi::hapus_kandidat);
}

/// The instansi a request is about: the one named (it must exist), else the viewer's own
/// employee record's, else the only one there is.
///
/// # Errors
/// `NotFound` for an unknown instansi; `Validation` when none can be chosen.
pub(crate) async fn instansi_dari(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    named: Option<Uuid>,
) -> AppResult<Uuid> {
    if let Some(id) = named {
        return instansi::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|i| i.id)
            .ok_or(AppError::NotFound("Instansi"));
    }
    if let Some(e) = viewer.employee_id {
        let own = employees::Entity::find_by_id(e)
            .select_only()
            .column(employees::Column::InstansiId)
            .into_tuple::<Uuid>()
            .one(db)
            .await?;
        if let Some(i) = own {
            return Ok(i);
        }
    }
    let some: Vec<Uuid> = instansi::Entity::find()
        .select_only()
        .column(instansi::Column::Id)
        .limit(2)
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    match some.as_slice() {
        [only] => Ok(*only),
        _ => Err(AppError::field(
            "instansi_id",
            kinerja_api::Pesan::PilihInstansi,
        )),
    }
}

/// The instansi's settings row, made on first use together with the seeded nine boxes (one
/// transaction; whoever loses the race to make them finds them made).
///
/// # Errors
/// On a database failure.
pub(crate) async fn pastikan(
    db: &DatabaseConnection,
    instansi_id: Uuid,
) -> AppResult<pengaturan_talenta::Model> {
    if let Some(p) = pengaturan_talenta::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
    {
        return Ok(p);
    }
    let txn = db.begin().await?;
    let now = clock::now();
    let made = pengaturan_talenta::Entity::insert(pengaturan_talenta::ActiveModel {
        instansi_id: Set(instansi_id),
        tampilkan_ke_pegawai: Set(false),
        updated_at: Set(now),
        lock_version: Set(1),
        kotak_lock_version: Set(1),
    })
    .on_conflict(
        OnConflict::column(pengaturan_talenta::Column::InstansiId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if made == 1 {
        let rows = kinerja_api::talenta::KOTAK_BAKU
            .iter()
            .map(|k| kotak_talenta::ActiveModel {
                id: Set(Uuid::now_v7()),
                instansi_id: Set(instansi_id),
                nomor: Set(k.0),
                kinerja: Set(k.1.as_str().to_owned()),
                potensi: Set(k.2.as_str().to_owned()),
                label: Set(k.3.to_owned()),
                rekomendasi: Set(k.4.to_owned()),
                dikonfirmasi: Set(false),
                updated_at: Set(now),
            });
        kotak_talenta::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    pengaturan_talenta::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pengaturan talenta"))
}

/// The two years whose annual predikat make the performance axis: `tahun` and the year
/// before, `tahun` being last year (the instansi's local day) when not given.
///
/// # Errors
/// On a database failure.
pub(crate) async fn tahun_kinerja(
    db: &impl ConnectionTrait,
    instansi_id: Uuid,
    tahun: Option<i32>,
) -> AppResult<[i32; 2]> {
    use chrono::Datelike;
    let t = match tahun {
        Some(t) => t,
        None => clock::today_in(clock::instansi_offset(db, instansi_id).await?).year() - 1,
    };
    Ok([t - 1, t])
}
