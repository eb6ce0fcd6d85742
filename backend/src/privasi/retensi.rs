//! Retention of the personal data of people who left (docs/privasi.md): the day someone left
//! the instansi is kept in `pegawai_keluar`; `KINERJA_RETENSI_TAHUN` years after it,
//! `kinerja retention` erases their private fields while the performance record stays tied to
//! their NIP and name.
//!
//! Erased: birthplace, old NIP, contact e-mail and phone of the employee record and the e-mail
//! of their account. Kept: the NIP and name (the performance record is tied to them), the
//! birth date and gender (the 18-digit NIP encodes both, so erasing them erases nothing while
//! the NIP stays — and both columns are required), golongan and positions (the employment
//! record the SKPs and evaluations were made in).

use chrono::{DateTime, Months, NaiveDate, Utc};
use kinerja_api::employees::StatusPegawai;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{employees, pegawai_keluar, users};
use crate::error::AppResult;
use crate::extract::RequestMeta;

/// The statuses of someone who left the instansi. Leave, study leave and a temporary
/// discharge are not: the person is still the instansi's.
pub const KELUAR: [StatusPegawai; 3] = [
    StatusPegawai::MutasiKeluar,
    StatusPegawai::Pensiun,
    StatusPegawai::Meninggal,
];

pub const AKSI: &str = "employee.data_pribadi_dihapus";

pub fn keluar(status: &str) -> bool {
    KELUAR.iter().any(|s| s.as_str() == status)
}

/// Keeps `pegawai_keluar` in step with a new status of `e`: the first day they left is
/// recorded (a later change between leaving statuses keeps it); coming back removes it unless
/// their data was already erased.
///
/// # Errors
/// On a database failure.
pub async fn catat_status(db: &impl ConnectionTrait, e: &employees::Model) -> AppResult<()> {
    if keluar(&e.status) {
        let offset = crate::clock::instansi_offset(db, e.instansi_id).await?;
        let hari = crate::clock::local_day(Utc::now(), offset);
        pegawai_keluar::Entity::insert(pegawai_keluar::ActiveModel {
            employee_id: Set(e.id),
            tanggal_keluar: Set(hari),
            data_pribadi_dihapus_at: Set(None),
        })
        .on_conflict(
            OnConflict::column(pegawai_keluar::Column::EmployeeId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    } else {
        pegawai_keluar::Entity::delete_many()
            .filter(pegawai_keluar::Column::EmployeeId.eq(e.id))
            .filter(pegawai_keluar::Column::DataPribadiDihapusAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(())
}

/// One person whose private fields are due for erasure.
#[derive(Debug, Clone)]
pub struct Calon {
    pub employee_id: Uuid,
    pub instansi_id: Uuid,
    pub user_id: Option<Uuid>,
    pub nip: String,
    pub nama: String,
    pub status: String,
    pub tanggal_keluar: NaiveDate,
    /// The private fields that still hold a value.
    pub kolom: Vec<&'static str>,
}

fn terisi(e: &employees::Model, akun_email: bool) -> Vec<&'static str> {
    let mut kolom = Vec::new();
    for (nama, ada) in [
        ("tempat_lahir", e.tempat_lahir.is_some()),
        ("nip_lama", e.nip_lama.is_some()),
        ("email", e.email.is_some()),
        ("telepon", e.telepon.is_some()),
        ("email_akun", akun_email),
    ] {
        if ada {
            kolom.push(nama);
        }
    }
    kolom
}

/// Who left at least `tahun` years ago (the instansi's local day) and still has their private
/// fields, oldest departure first.
///
/// # Errors
/// On a database failure.
pub async fn calon(
    db: &impl ConnectionTrait,
    tahun: u32,
    now: DateTime<Utc>,
) -> AppResult<Vec<Calon>> {
    // A day of slack for the zones east of UTC; each person is checked on their own day below.
    let batas_kasar = (now.date_naive() + chrono::Days::new(1))
        .checked_sub_months(Months::new(tahun.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN);
    let baris = pegawai_keluar::Entity::find()
        .filter(pegawai_keluar::Column::DataPribadiDihapusAt.is_null())
        .filter(pegawai_keluar::Column::TanggalKeluar.lte(batas_kasar))
        .all(db)
        .await?;
    let mut hasil = Vec::new();
    let mut offsets = std::collections::HashMap::new();
    for chunk in baris.chunks(500) {
        let ids: Vec<Uuid> = chunk.iter().map(|k| k.employee_id).collect();
        let orang: std::collections::HashMap<Uuid, employees::Model> = employees::Entity::find()
            .filter(employees::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let akun_ids: Vec<Uuid> = orang.values().filter_map(|e| e.user_id).collect();
        let akun_email: std::collections::HashSet<Uuid> = users::Entity::find()
            .filter(users::Column::Id.is_in(akun_ids))
            .filter(users::Column::Email.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        for k in chunk {
            let Some(e) = orang.get(&k.employee_id) else {
                continue;
            };
            if !keluar(&e.status) {
                continue;
            }
            let offset = match offsets.get(&e.instansi_id) {
                Some(o) => *o,
                None => {
                    let o = crate::clock::instansi_offset(db, e.instansi_id).await?;
                    offsets.insert(e.instansi_id, o);
                    o
                }
            };
            let hari_ini = crate::clock::local_day(now, offset);
            let batas = hari_ini
                .checked_sub_months(Months::new(tahun.saturating_mul(12)))
                .unwrap_or(NaiveDate::MIN);
            if k.tanggal_keluar > batas {
                continue;
            }
            hasil.push(Calon {
                employee_id: e.id,
                instansi_id: e.instansi_id,
                user_id: e.user_id,
                nip: e.nip.clone(),
                nama: e.nama.clone(),
                status: e.status.clone(),
                tanggal_keluar: k.tanggal_keluar,
                kolom: terisi(e, e.user_id.is_some_and(|u| akun_email.contains(&u))),
            });
        }
    }
    hasil.sort_by(|a, b| (a.tanggal_keluar, &a.nip).cmp(&(b.tanggal_keluar, &b.nip)));
    Ok(hasil)
}

/// Erases the private fields of every [`calon`], 500 people to a transaction, with one audit
/// event per person (`employee.data_pribadi_dihapus`, naming the erased fields, never their
/// values). Running it again finds no one: idempotent.
///
/// # Errors
/// On a database failure (that batch rolls back; the next run continues).
pub async fn hapus(
    db: &DatabaseConnection,
    tahun: u32,
    now: DateTime<Utc>,
    meta: &RequestMeta,
) -> AppResult<Vec<Calon>> {
    let semua = calon(db, tahun, now).await?;
    let mut done = Vec::with_capacity(semua.len());
    for chunk in semua.chunks(500) {
        let txn = db.begin().await?;
        // The claim: only the rows still unerased are taken, so of two runs at the same moment
        // (two servers, or a cron on each) each person is erased and audited by one.
        let claimed: std::collections::HashSet<Uuid> = pegawai_keluar::Entity::update_many()
            .col_expr(
                pegawai_keluar::Column::DataPribadiDihapusAt,
                Expr::value(now),
            )
            .filter(
                pegawai_keluar::Column::EmployeeId
                    .is_in(chunk.iter().map(|c| c.employee_id).collect::<Vec<_>>()),
            )
            .filter(pegawai_keluar::Column::DataPribadiDihapusAt.is_null())
            .exec_with_returning(&txn)
            .await?
            .into_iter()
            .map(|k| k.employee_id)
            .collect();
        let chunk: Vec<Calon> = chunk
            .iter()
            .filter(|c| claimed.contains(&c.employee_id))
            .cloned()
            .collect();
        let ids: Vec<Uuid> = chunk.iter().map(|c| c.employee_id).collect();
        let akun: Vec<Uuid> = chunk.iter().filter_map(|c| c.user_id).collect();
        employees::Entity::update_many()
            .col_expr(employees::Column::TempatLahir, Expr::value(None::<String>))
            .col_expr(employees::Column::NipLama, Expr::value(None::<String>))
            .col_expr(employees::Column::Email, Expr::value(None::<String>))
            .col_expr(employees::Column::Telepon, Expr::value(None::<String>))
            .col_expr(employees::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                employees::Column::LockVersion,
                Expr::col(employees::Column::LockVersion).add(1),
            )
            .filter(employees::Column::Id.is_in(ids.clone()))
            .exec(&txn)
            .await?;
        users::Entity::update_many()
            .col_expr(users::Column::Email, Expr::value(None::<String>))
            .col_expr(users::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                users::Column::LockVersion,
                Expr::col(users::Column::LockVersion).add(1),
            )
            .filter(users::Column::Id.is_in(akun))
            .exec(&txn)
            .await?;
        let entries = chunk
            .iter()
            .map(|c| {
                AuditEntry::new(AKSI, "employee")
                    .instansi(c.instansi_id)
                    .entity(c.employee_id)
                    .before(json!({ "kolom": c.kolom }))
                    .after(json!({
                        "tanggal_keluar": c.tanggal_keluar,
                        "status": c.status,
                        "retensi_tahun": tahun,
                    }))
                    .reason(Some(format!(
                        "Retensi data pribadi (UU 27/2022): {tahun} tahun sejak keluar"
                    )))
            })
            .collect();
        audit::record_many(&txn, entries, meta).await?;
        txn.commit().await?;
        done.extend(chunk);
    }
    Ok(done)
}

/// What `kinerja retention` prints: the count and one line per person.
pub fn ringkas(calon: &[Calon], tahun: u32, dry_run: bool) -> String {
    let mut out = if dry_run {
        format!(
            "retention (dry run, {tahun} years): would erase the private fields of {} people\n",
            calon.len()
        )
    } else {
        format!(
            "retention ({tahun} years): erased the private fields of {} people\n",
            calon.len()
        )
    };
    for c in calon {
        let kolom = if c.kolom.is_empty() {
            "-".to_owned()
        } else {
            c.kolom.join(",")
        };
        out.push_str(&format!(
            "{}\t{}\t{}\tleft {}\t{}\n",
            c.nip, c.nama, c.status, c.tanggal_keluar, kolom
        ));
    }
    out
}
