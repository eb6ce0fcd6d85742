//! Bulk import of units and positions (XLSX or CSV), with the same dry-run / all-or-nothing
//! commit as the employee import. Rows refer to each other by name: a unit's parent and a
//! position's superior must exist already or stand in an earlier row of the same file.

use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::employees::{ImportMode, ImportReport, ImportRowError};
use kinerja_api::organisation::{Jenjang, KelompokPelaksana, UnitKind};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::tokens::sha256_hex;
use crate::entities::{instansi, positions, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::spreadsheet::{self, Layout, Row, parse_date};

pub const UNIT_COLUMNS: Layout = &[
    ("unit", "Nama Unit"),
    ("jenis", "Jenis"),
    ("induk", "Unit Induk"),
    ("kode", "Kode"),
    ("alamat", "Alamat"),
    ("berlaku_mulai", "Berlaku Mulai"),
];

pub const POSITION_COLUMNS: Layout = &[
    ("unit", "Unit"),
    ("jabatan", "Nama Jabatan"),
    ("jenjang", "Jenjang"),
    ("kelompok", "Kelompok"),
    ("atasan", "Jabatan Atasan"),
    ("unit_atasan", "Unit Jabatan Atasan"),
    ("kepala_unit", "Kepala Unit"),
];

const BATCH: usize = 1000;

/// `Kecamatan`, `sekretariat daerah`, `sekretariat_daerah` → the enum.
fn code(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

fn parse_flag(text: Option<&str>) -> Option<bool> {
    match text.map(|t| t.trim().to_lowercase()).as_deref() {
        None | Some("" | "tidak" | "no" | "false" | "0" | "t") => Some(false),
        Some("ya" | "yes" | "true" | "1" | "y") => Some(true),
        Some(_) => None,
    }
}

struct Report {
    layout: Layout,
    errors: Vec<ImportRowError>,
}

impl Report {
    fn error(&mut self, row: &Row, key: &str, message: impl Into<String>) {
        self.errors.push(ImportRowError {
            row: row.number,
            column: spreadsheet::header(self.layout, key).to_owned(),
            message: message.into(),
        });
    }

    fn finish(self, mode: ImportMode, total: usize, valid: usize) -> ImportReport {
        ImportReport {
            mode,
            total_rows: total as u64,
            valid_rows: valid as u64,
            created: 0,
            committed: false,
            errors: self.errors,
        }
    }
}

async fn check_instansi(db: &DatabaseConnection, id: Uuid) -> AppResult<()> {
    if instansi::Entity::find_by_id(id).one(db).await?.is_none() {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    Ok(())
}

/// Imports units.
///
/// # Errors
/// `Validation` for an unknown instansi or an unreadable file; `UnsupportedMediaType`.
pub async fn import_units(
    db: &DatabaseConnection,
    actor: Uuid,
    instansi_id: Uuid,
    mode: ImportMode,
    bytes: &[u8],
    meta: &RequestMeta,
) -> AppResult<ImportReport> {
    check_instansi(db, instansi_id).await?;
    let rows = spreadsheet::read(bytes, UNIT_COLUMNS, "unit")?;
    let mut by_name: HashMap<String, Vec<Uuid>> = HashMap::new();
    for u in units::Entity::find()
        .filter(units::Column::InstansiId.eq(instansi_id))
        .all(db)
        .await?
    {
        by_name
            .entry(u.nama.trim().to_lowercase())
            .or_default()
            .push(u.id);
    }
    let mut report = Report {
        layout: UNIT_COLUMNS,
        errors: Vec::new(),
    };
    let now = Utc::now();
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, instansi_id).await?);
    let mut new_units = Vec::new();
    for row in &rows {
        let before = report.errors.len();
        let Some(nama) = row.get("unit") else {
            report.error(row, "unit", "Wajib diisi.");
            continue;
        };
        if by_name.contains_key(&nama.to_lowercase()) {
            report.error(
                row,
                "unit",
                format!("Unit '{nama}' sudah ada di instansi ini."),
            );
        }
        let kind = match row.get("jenis") {
            None => {
                report.error(
                    row,
                    "jenis",
                    "Wajib diisi (misalnya kecamatan, kelurahan, seksi).",
                );
                None
            }
            Some(j) => {
                let k = UnitKind::parse(&code(j));
                if k.is_none() {
                    let options: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
                    report.error(
                        row,
                        "jenis",
                        format!(
                            "Jenis '{j}' tidak dikenal; pilihan: {}.",
                            options.join(", ")
                        ),
                    );
                }
                k
            }
        };
        let parent = match row.get("induk") {
            None => None,
            Some(p) => match by_name.get(&p.to_lowercase()).map(Vec::as_slice) {
                Some([id]) => Some(*id),
                Some([_, _, ..]) => {
                    report.error(row, "induk", format!("Nama unit induk '{p}' tidak unik."));
                    None
                }
                _ => {
                    report.error(row, "induk", format!("Unit induk '{p}' tidak ditemukan (harus sudah ada atau di baris sebelumnya)."));
                    None
                }
            },
        };
        let berlaku = match row.get("berlaku_mulai") {
            None => Some(today),
            Some(d) => {
                let parsed = parse_date(d);
                if parsed.is_none() {
                    report.error(
                        row,
                        "berlaku_mulai",
                        format!("Tanggal '{d}' tidak dikenali; gunakan TTTT-BB-HH."),
                    );
                }
                parsed
            }
        };
        for (key, max) in [("unit", 200), ("kode", 50), ("alamat", 500)] {
            if row.get(key).is_some_and(|v| v.chars().count() > max) {
                report.error(row, key, format!("Maksimal {max} karakter."));
            }
        }
        if report.errors.len() > before {
            continue;
        }
        let (Some(kind), Some(berlaku)) = (kind, berlaku) else {
            continue;
        };
        let id = Uuid::now_v7();
        by_name.entry(nama.to_lowercase()).or_default().push(id);
        new_units.push(units::ActiveModel {
            id: Set(id),
            instansi_id: Set(instansi_id),
            parent_id: Set(parent),
            kind: Set(kind.as_str().to_owned()),
            nama: Set(nama.to_owned()),
            kode: Set(row.get("kode").map(str::to_owned)),
            alamat: Set(row.get("alamat").map(str::to_owned)),
            aktif: Set(true),
            berlaku_mulai: Set(berlaku),
            berlaku_sampai: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        });
    }
    let valid = new_units.len();
    let mut out = report.finish(mode, rows.len(), valid);
    if mode == ImportMode::Commit && out.errors.is_empty() && valid > 0 {
        let txn = db.begin().await?;
        for chunk in new_units.chunks(BATCH) {
            units::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await?;
        }
        audit::record(
            &txn,
            AuditEntry::new("unit.imported", "instansi")
                .instansi(instansi_id)
                .actor(actor)
                .entity(instansi_id)
                .after(json!({"created": valid, "file_sha256": sha256_hex(bytes)})),
            meta,
        )
        .await?;
        txn.commit().await?;
        out.created = valid as u64;
        out.committed = true;
    }
    Ok(out)
}

/// Imports positions.
///
/// # Errors
/// `Validation` for an unknown instansi or an unreadable file; `UnsupportedMediaType`.
pub async fn import_positions(
    db: &DatabaseConnection,
    actor: Uuid,
    instansi_id: Uuid,
    mode: ImportMode,
    bytes: &[u8],
    meta: &RequestMeta,
) -> AppResult<ImportReport> {
    check_instansi(db, instansi_id).await?;
    let rows = spreadsheet::read(bytes, POSITION_COLUMNS, "jabatan")?;
    let unit_list = units::Entity::find()
        .filter(units::Column::InstansiId.eq(instansi_id))
        .all(db)
        .await?;
    let mut unit_by_name: HashMap<String, Vec<Uuid>> = HashMap::new();
    for u in &unit_list {
        unit_by_name
            .entry(u.nama.trim().to_lowercase())
            .or_default()
            .push(u.id);
    }
    let unit_ids: Vec<Uuid> = unit_list.iter().map(|u| u.id).collect();
    let mut position_by_name: HashMap<(Uuid, String), Vec<Uuid>> = HashMap::new();
    for p in positions::Entity::find()
        .filter(positions::Column::UnitId.is_in(unit_ids))
        .all(db)
        .await?
    {
        position_by_name
            .entry((p.unit_id, p.nama.trim().to_lowercase()))
            .or_default()
            .push(p.id);
    }
    let mut report = Report {
        layout: POSITION_COLUMNS,
        errors: Vec::new(),
    };
    let now = Utc::now();
    let mut new_positions = Vec::new();
    let find_unit = |name: &str| unit_by_name.get(&name.to_lowercase()).map(Vec::as_slice);
    for row in &rows {
        let before = report.errors.len();
        let unit = match row.get("unit") {
            None => {
                report.error(row, "unit", "Wajib diisi.");
                None
            }
            Some(u) => match find_unit(u) {
                Some([id]) => Some(*id),
                Some([_, _, ..]) => {
                    report.error(row, "unit", format!("Nama unit '{u}' tidak unik."));
                    None
                }
                _ => {
                    report.error(
                        row,
                        "unit",
                        format!("Unit '{u}' tidak ditemukan di instansi ini."),
                    );
                    None
                }
            },
        };
        let nama = row.get("jabatan");
        if nama.is_none() {
            report.error(row, "jabatan", "Wajib diisi.");
        }
        if nama.is_some_and(|n| n.chars().count() > 200) {
            report.error(row, "jabatan", "Maksimal 200 karakter.");
        }
        let jenjang = match row.get("jenjang") {
            None => {
                report.error(
                    row,
                    "jenjang",
                    "Wajib diisi (misalnya pengawas, pelaksana, ahli pertama).",
                );
                None
            }
            Some(j) => {
                let parsed = Jenjang::parse(&code(j));
                if parsed.is_none() {
                    let options: Vec<&str> = Jenjang::ALL.iter().map(|k| k.as_str()).collect();
                    report.error(
                        row,
                        "jenjang",
                        format!(
                            "Jenjang '{j}' tidak dikenal; pilihan: {}.",
                            options.join(", ")
                        ),
                    );
                }
                parsed
            }
        };
        let kelompok = match row.get("kelompok") {
            None => None,
            Some(k) => {
                let parsed = KelompokPelaksana::parse(&code(k));
                if parsed.is_none() {
                    report.error(
                        row,
                        "kelompok",
                        format!(
                            "Kelompok '{k}' tidak dikenal; pilihan: klerek, operator, teknisi."
                        ),
                    );
                } else if jenjang.is_some_and(|j| j != Jenjang::Pelaksana) {
                    report.error(row, "kelompok", "Kelompok hanya untuk jabatan pelaksana.");
                }
                parsed
            }
        };
        let kepala = parse_flag(row.get("kepala_unit"));
        if kepala.is_none() {
            report.error(row, "kepala_unit", "Isi 'ya' atau 'tidak'.");
        }
        let atasan = match row.get("atasan") {
            None => None,
            Some(a) => {
                let atasan_unit = match row.get("unit_atasan") {
                    None => unit,
                    Some(u) => match find_unit(u) {
                        Some([id]) => Some(*id),
                        _ => {
                            report.error(
                                row,
                                "unit_atasan",
                                format!("Unit '{u}' tidak ditemukan atau tidak unik."),
                            );
                            None
                        }
                    },
                };
                match atasan_unit
                    .and_then(|u| position_by_name.get(&(u, a.to_lowercase())))
                    .map(Vec::as_slice)
                {
                    Some([id]) => Some(*id),
                    Some([_, _, ..]) => {
                        report.error(
                            row,
                            "atasan",
                            format!("Ada lebih dari satu jabatan '{a}' di unit itu."),
                        );
                        None
                    }
                    _ if atasan_unit.is_some() => {
                        report.error(row, "atasan", format!("Jabatan atasan '{a}' tidak ditemukan (harus sudah ada atau di baris sebelumnya)."));
                        None
                    }
                    _ => None,
                }
            }
        };
        if report.errors.len() > before {
            continue;
        }
        let (Some(unit), Some(nama), Some(jenjang), Some(kepala)) = (unit, nama, jenjang, kepala)
        else {
            continue;
        };
        let id = Uuid::now_v7();
        position_by_name
            .entry((unit, nama.to_lowercase()))
            .or_default()
            .push(id);
        new_positions.push(positions::ActiveModel {
            id: Set(id),
            unit_id: Set(unit),
            nama: Set(nama.to_owned()),
            jenjang: Set(jenjang.as_str().to_owned()),
            kelompok: Set(kelompok.map(|k| k.as_str().to_owned())),
            atasan_id: Set(atasan),
            kepala_unit: Set(kepala),
            aktif: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        });
    }
    let valid = new_positions.len();
    let mut out = report.finish(mode, rows.len(), valid);
    if mode == ImportMode::Commit && out.errors.is_empty() && valid > 0 {
        let txn = db.begin().await?;
        for chunk in new_positions.chunks(BATCH) {
            positions::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await?;
        }
        audit::record(
            &txn,
            AuditEntry::new("position.imported", "instansi")
                .instansi(instansi_id)
                .actor(actor)
                .entity(instansi_id)
                .after(json!({"created": valid, "file_sha256": sha256_hex(bytes)})),
            meta,
        )
        .await?;
        txn.commit().await?;
        out.created = valid as u64;
        out.committed = true;
    }
    Ok(out)
}

/// Template for units.
///
/// # Errors
/// Only if the workbook cannot be produced.
pub fn unit_template() -> AppResult<Vec<u8>> {
    let example = [
        "Seksi Pelayanan Terpadu",
        "seksi",
        "Kecamatan Cipocok Jaya",
        "",
        "",
        "2026-01-01",
    ]
    .map(str::to_owned)
    .to_vec();
    spreadsheet::write(
        "Unit",
        UNIT_COLUMNS,
        &[example],
        &[
            "Petunjuk impor unit organisasi Kinerja",
            "1. Satu unit per baris mulai baris 2; hapus baris contoh. Judul kolom jangan diubah.",
            "2. Jenis: pemda, sekretariat_daerah, dinas, badan, kecamatan, sekretariat, bidang, subbagian, seksi, kelurahan, puskesmas, sekolah, lainnya.",
            "3. Unit Induk: nama unit yang sudah ada, atau unit di baris sebelumnya. Kosongkan untuk unit puncak.",
            "4. Nama unit harus unik dalam instansi (jabatan dan pegawai merujuk unit lewat namanya).",
        ],
    )
}

/// Template for positions.
///
/// # Errors
/// Only if the workbook cannot be produced.
pub fn position_template() -> AppResult<Vec<u8>> {
    let example = [
        "Seksi Pelayanan Terpadu",
        "Kepala Seksi Pelayanan Terpadu",
        "pengawas",
        "",
        "Camat Cipocok Jaya",
        "Kecamatan Cipocok Jaya",
        "ya",
    ]
    .map(str::to_owned)
    .to_vec();
    spreadsheet::write(
        "Jabatan",
        POSITION_COLUMNS,
        &[example],
        &[
            "Petunjuk impor jabatan Kinerja",
            "1. Satu jabatan per baris mulai baris 2; hapus baris contoh. Judul kolom jangan diubah.",
            "2. Jenjang: jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana, ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil, pemula.",
            "3. Kelompok (hanya pelaksana): klerek, operator, teknisi.",
            "4. Jabatan Atasan menentukan Pejabat Penilai Kinerja; isi Unit Jabatan Atasan bila berada di unit lain.",
            "5. Kepala Unit: ya atau tidak.",
        ],
    )
}
