//! Bulk import of employees from XLSX or CSV, and the export and template that share its layout.
//!
//! Every row is checked in memory against the organisation (units and positions by name, NIPs
//! already registered, golongan, occupied positions) with the same rules as the single-record
//! API. A dry run only reports; a commit inserts all rows in one transaction with batched
//! inserts, or nothing when any row has an error. One audit event records the import.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::employees::{
    CreateEmployee, Employee, EmployeeQuery, ImportMode, ImportReport, ImportRowError,
    JenisPegawai, JenisPenugasan, StatusPegawai,
};
use kinerja_api::nip::{self, Gender};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;
use validator::Validate;

use super::service::{self, nip_kind};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::auth::tokens::sha256_hex;
use crate::entities::{assignments, employees, instansi, positions, ref_golongan, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::spreadsheet::{self, Layout, Row, parse_date};
use kinerja_api::PageQuery;

/// The employee layout of the template, the export and the import.
pub const COLUMNS: Layout = &[
    ("nip", "NIP"),
    ("nip_lama", "NIP Lama"),
    ("nama", "Nama"),
    ("gelar_depan", "Gelar Depan"),
    ("gelar_belakang", "Gelar Belakang"),
    ("tempat_lahir", "Tempat Lahir"),
    ("tanggal_lahir", "Tanggal Lahir"),
    ("jenis_kelamin", "Jenis Kelamin"),
    ("jenis_pegawai", "Jenis Pegawai"),
    ("golongan", "Golongan"),
    ("tmt_golongan", "TMT Golongan"),
    ("unit", "Unit"),
    ("jabatan", "Jabatan"),
    ("tmt_jabatan", "TMT Jabatan"),
    ("status", "Status"),
    ("email", "Email"),
    ("telepon", "Telepon"),
];

fn header(key: &str) -> &'static str {
    spreadsheet::header(COLUMNS, key)
}

/// Rows inserted per statement: well under the bind-parameter limits of SQLite and PostgreSQL.
const BATCH: usize = 1000;
/// Largest number of rows accepted in one file.
pub const MAX_ROWS: usize = 20_000;

/// What the rows are checked against.
struct Context {
    known_nips: HashSet<String>,
    golongan: HashSet<String>,
    /// Lower-case unit name → unit ids (more than one means the name is ambiguous).
    units: HashMap<String, Vec<Uuid>>,
    /// (unit, lower-case position name) → positions.
    positions: HashMap<(Uuid, String), Vec<positions::Model>>,
    occupied: HashSet<Uuid>,
}

impl Context {
    async fn load(db: &DatabaseConnection, instansi_id: Uuid) -> AppResult<Self> {
        let known_nips = employees::Entity::find()
            .select_only()
            .column(employees::Column::Nip)
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let occupied = employees::Entity::find()
            .select_only()
            .column(employees::Column::JabatanId)
            .filter(employees::Column::JabatanId.is_not_null())
            .into_tuple::<Option<Uuid>>()
            .all(db)
            .await?
            .into_iter()
            .flatten()
            .collect();
        let golongan = ref_golongan::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|g| g.kode)
            .collect();
        let unit_list = units::Entity::find()
            .filter(units::Column::InstansiId.eq(instansi_id))
            .all(db)
            .await?;
        let unit_ids: Vec<Uuid> = unit_list.iter().map(|u| u.id).collect();
        let mut units: HashMap<String, Vec<Uuid>> = HashMap::new();
        for u in unit_list {
            units
                .entry(u.nama.trim().to_lowercase())
                .or_default()
                .push(u.id);
        }
        let mut positions: HashMap<(Uuid, String), Vec<positions::Model>> = HashMap::new();
        for p in positions::Entity::find()
            .filter(positions::Column::UnitId.is_in(unit_ids))
            .all(db)
            .await?
        {
            positions
                .entry((p.unit_id, p.nama.trim().to_lowercase()))
                .or_default()
                .push(p);
        }
        Ok(Self {
            known_nips,
            golongan,
            units,
            positions,
            occupied,
        })
    }
}

fn parse_gender(s: &str) -> Option<Gender> {
    match s.trim().to_lowercase().as_str() {
        "l" | "laki-laki" | "laki laki" | "pria" | "1" => Some(Gender::L),
        "p" | "perempuan" | "wanita" | "2" => Some(Gender::P),
        _ => None,
    }
}

fn parse_status(s: &str) -> Option<StatusPegawai> {
    let key = s.trim().to_lowercase().replace(' ', "_");
    StatusPegawai::parse(&key)
}

/// A row that passed every check, ready to insert.
struct Valid {
    req: CreateEmployee,
    position: Option<positions::Model>,
}

struct RowCheck<'a> {
    row: &'a Row,
    errors: Vec<ImportRowError>,
}

impl RowCheck<'_> {
    fn error(&mut self, key: &str, message: impl Into<String>) {
        self.errors.push(ImportRowError {
            row: self.row.number,
            column: header(key).to_owned(),
            message: message.into(),
        });
    }

    fn required(&mut self, key: &str) -> Option<String> {
        let value = self.row.get(key).map(str::to_owned);
        if value.is_none() {
            self.error(key, "Wajib diisi.");
        }
        value
    }

    fn date(&mut self, key: &str, required: bool) -> Option<chrono::NaiveDate> {
        match self.row.get(key) {
            None if required => {
                self.error(key, "Wajib diisi.");
                None
            }
            None => None,
            Some(s) => {
                let d = parse_date(s);
                if d.is_none() {
                    self.error(key, format!("Tanggal '{s}' tidak dikenali; gunakan format TTTT-BB-HH, misalnya 1986-09-26."));
                }
                d
            }
        }
    }
}

fn check_row(
    row: &Row,
    instansi_id: Uuid,
    ctx: &Context,
    seen_nips: &mut HashSet<String>,
    taken: &mut HashSet<Uuid>,
) -> Result<Valid, Vec<ImportRowError>> {
    let mut c = RowCheck {
        row,
        errors: Vec::new(),
    };
    let raw_nip = c.required("nip");
    let nama = c.required("nama");
    let birth = c.date("tanggal_lahir", true);
    let gender = match c.row.get("jenis_kelamin") {
        None => {
            c.error("jenis_kelamin", "Wajib diisi (L atau P).");
            None
        }
        Some(s) => {
            let g = parse_gender(s);
            if g.is_none() {
                c.error(
                    "jenis_kelamin",
                    format!("'{s}' tidak dikenal; isi L (laki-laki) atau P (perempuan)."),
                );
            }
            g
        }
    };
    let jenis = match c.row.get("jenis_pegawai") {
        None => Some(JenisPegawai::Pns),
        Some(s) => {
            let j = JenisPegawai::parse(&s.to_lowercase());
            if j.is_none() {
                c.error(
                    "jenis_pegawai",
                    format!("'{s}' tidak dikenal; isi PNS, CPNS, atau PPPK."),
                );
            }
            j
        }
    };
    let golongan = c.row.get("golongan").map(str::to_owned);
    if let Some(g) = &golongan
        && !ctx.golongan.contains(g)
    {
        c.error(
            "golongan",
            format!("Golongan '{g}' tidak dikenal (contoh: III/a)."),
        );
    }
    let tmt_golongan = c.date("tmt_golongan", false);
    let tmt_jabatan = c.date("tmt_jabatan", false);
    let status = match c.row.get("status") {
        None => Some(StatusPegawai::Aktif),
        Some(s) => {
            let st = parse_status(s);
            if st.is_none() {
                c.error(
                    "status",
                    format!("Status '{s}' tidak dikenal (contoh: aktif, cuti, tugas belajar)."),
                );
            }
            st
        }
    };
    let position = match (c.row.get("unit"), c.row.get("jabatan")) {
        (None, None) => None,
        (None, Some(_)) => {
            c.error("unit", "Isi unit tempat jabatan berada.");
            None
        }
        (Some(u), None) => {
            c.error("jabatan", format!("Isi nama jabatan di unit '{u}'."));
            None
        }
        (Some(u), Some(j)) => match ctx.units.get(&u.to_lowercase()).map(Vec::as_slice) {
            None | Some([]) => {
                c.error(
                    "unit",
                    format!("Unit '{u}' tidak ditemukan di instansi ini."),
                );
                None
            }
            Some([unit]) => {
                let candidates = ctx
                    .positions
                    .get(&(*unit, j.to_lowercase()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                match candidates
                    .iter()
                    .find(|p| !ctx.occupied.contains(&p.id) && !taken.contains(&p.id))
                {
                    Some(p) => Some(p.clone()),
                    None if candidates.is_empty() => {
                        c.error(
                            "jabatan",
                            format!("Jabatan '{j}' tidak ditemukan di unit '{u}'."),
                        );
                        None
                    }
                    None => {
                        c.error(
                            "jabatan",
                            format!("Jabatan '{j}' di unit '{u}' sudah diduduki pegawai lain."),
                        );
                        None
                    }
                }
            }
            Some(_) => {
                c.error(
                    "unit",
                    format!("Nama unit '{u}' tidak unik; ubah nama unit agar dapat dibedakan."),
                );
                None
            }
        },
    };
    let (Some(raw_nip), Some(nama), Some(birth), Some(gender), Some(jenis), Some(status)) =
        (raw_nip, nama, birth, gender, jenis, status)
    else {
        return Err(c.errors);
    };
    let today = crate::clock::today();
    let nip = match nip::validate(&raw_nip, nip_kind(jenis), Some(birth), Some(gender), today) {
        Ok(n) => Some(n),
        Err(errors) => {
            for e in errors {
                c.error("nip", e.message);
            }
            None
        }
    };
    if let Some(n) = &nip {
        if ctx.known_nips.contains(n) {
            c.error("nip", "NIP sudah terdaftar untuk pegawai lain.");
        } else if !seen_nips.insert(n.clone()) {
            c.error("nip", "NIP muncul lebih dari sekali dalam berkas.");
        }
    }
    let req = CreateEmployee {
        instansi_id,
        nip: nip.unwrap_or(raw_nip),
        nip_lama: c.row.get("nip_lama").map(str::to_owned),
        nama,
        gelar_depan: c.row.get("gelar_depan").map(str::to_owned),
        gelar_belakang: c.row.get("gelar_belakang").map(str::to_owned),
        tempat_lahir: c.row.get("tempat_lahir").map(str::to_owned),
        tanggal_lahir: birth,
        jenis_kelamin: gender,
        jenis_pegawai: jenis,
        golongan,
        tmt_golongan,
        jabatan_id: position.as_ref().map(|p| p.id),
        tmt_jabatan,
        status: Some(status),
        email: c.row.get("email").map(str::to_owned),
        telepon: c.row.get("telepon").map(str::to_owned),
        password: None,
    };
    // The same field rules as the single-record API (lengths, email).
    if let Err(errors) = req.validate()
        && let AppError::Invalid(fields) = AppError::from(errors)
    {
        for (field, messages) in fields {
            for m in messages {
                c.error(&field, m.indonesian());
            }
        }
    }
    if c.errors.is_empty() {
        if let Some(p) = &position {
            taken.insert(p.id);
        }
        Ok(Valid { req, position })
    } else {
        Err(c.errors)
    }
}

/// Checks a file and, in commit mode, imports it.
///
/// # Errors
/// `Validation` for an unknown instansi, an unreadable file or too many rows;
/// `UnsupportedMediaType` for a file that is neither XLSX nor CSV.
pub async fn import(
    db: &DatabaseConnection,
    actor: Uuid,
    instansi_id: Uuid,
    mode: ImportMode,
    bytes: &[u8],
    meta: &RequestMeta,
) -> AppResult<ImportReport> {
    if instansi::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    let rows = spreadsheet::read(bytes, COLUMNS, "nip")?;
    if rows.len() > MAX_ROWS {
        return Err(AppError::field(
            "file",
            Pesan::BarisTerlaluBanyak {
                jumlah: rows.len().to_string(),
                maks: MAX_ROWS.to_string(),
            },
        ));
    }
    let ctx = Context::load(db, instansi_id).await?;
    let mut seen = HashSet::new();
    let mut taken = HashSet::new();
    let mut valid = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for row in &rows {
        match check_row(row, instansi_id, &ctx, &mut seen, &mut taken) {
            Ok(v) => valid.push(v),
            Err(e) => errors.extend(e),
        }
    }
    let mut report = ImportReport {
        mode,
        total_rows: rows.len() as u64,
        valid_rows: valid.len() as u64,
        created: 0,
        committed: false,
        errors,
    };
    if mode == ImportMode::DryRun || !report.errors.is_empty() || valid.is_empty() {
        return Ok(report);
    }
    let now = Utc::now();
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, instansi_id).await?);
    let txn = db.begin().await?;
    let mut employee_rows = Vec::with_capacity(valid.len());
    let mut assignment_rows = Vec::new();
    for v in valid {
        let id = Uuid::now_v7();
        let tmt = v
            .position
            .as_ref()
            .map(|_| v.req.tmt_jabatan.unwrap_or(today));
        if let (Some(p), Some(mulai)) = (&v.position, tmt) {
            assignment_rows.push(assignments::ActiveModel {
                id: Set(Uuid::now_v7()),
                employee_id: Set(id),
                jabatan_id: Set(p.id),
                unit_id: Set(p.unit_id),
                jenis: Set(JenisPenugasan::Definitif.as_str().to_owned()),
                mulai: Set(mulai),
                selesai: Set(None),
                keterangan: Set(Some("Impor data pegawai".to_owned())),
                created_at: Set(now),
            });
        }
        let r = v.req;
        employee_rows.push(employees::ActiveModel {
            id: Set(id),
            instansi_id: Set(instansi_id),
            nip: Set(r.nip),
            nip_lama: Set(r.nip_lama),
            nama: Set(r.nama.trim().to_owned()),
            gelar_depan: Set(r.gelar_depan),
            gelar_belakang: Set(r.gelar_belakang),
            tempat_lahir: Set(r.tempat_lahir),
            tanggal_lahir: Set(r.tanggal_lahir),
            jenis_kelamin: Set(match r.jenis_kelamin {
                Gender::L => "L",
                Gender::P => "P",
            }
            .to_owned()),
            jenis_pegawai: Set(r.jenis_pegawai.as_str().to_owned()),
            golongan: Set(r.golongan),
            tmt_golongan: Set(r.tmt_golongan),
            jabatan_id: Set(v.position.as_ref().map(|p| p.id)),
            unit_id: Set(v.position.as_ref().map(|p| p.unit_id)),
            tmt_jabatan: Set(tmt),
            status: Set(r.status.unwrap_or(StatusPegawai::Aktif).as_str().to_owned()),
            email: Set(r.email.map(|e| e.to_lowercase())),
            telepon: Set(r.telepon),
            user_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        });
    }
    let created = employee_rows.len() as u64;
    let mut employee_rows = employee_rows.into_iter().peekable();
    while employee_rows.peek().is_some() {
        let chunk: Vec<_> = employee_rows.by_ref().take(BATCH).collect();
        employees::Entity::insert_many(chunk).exec(&txn).await?;
    }
    let mut assignment_rows = assignment_rows.into_iter().peekable();
    while assignment_rows.peek().is_some() {
        let chunk: Vec<_> = assignment_rows.by_ref().take(BATCH).collect();
        assignments::Entity::insert_many(chunk).exec(&txn).await?;
    }
    audit::record(
        &txn,
        AuditEntry::new("employee.imported", "instansi")
            .instansi(instansi_id)
            .actor(actor)
            .entity(instansi_id)
            .after(json!({"created": created, "file_sha256": sha256_hex(bytes)})),
        meta,
    )
    .await?;
    txn.commit().await?;
    report.created = created;
    report.committed = true;
    Ok(report)
}

/// The import template: the columns, one example row, and instructions.
///
/// # Errors
/// Only if the workbook cannot be produced.
pub fn template() -> AppResult<Vec<u8>> {
    let example = [
        "19860926 201505 1 001",
        "",
        "Budi Santoso",
        "",
        "S.Sos.",
        "Serang",
        "1986-09-26",
        "L",
        "PNS",
        "III/b",
        "2019-04-01",
        "Seksi Pemerintahan",
        "Pengadministrasi Pemerintahan",
        "2023-01-02",
        "aktif",
        "",
        "",
    ]
    .map(str::to_owned)
    .to_vec();
    spreadsheet::write(
        "Pegawai",
        COLUMNS,
        &[example],
        &[
            "Petunjuk impor data pegawai Kinerja",
            "1. Isi satu pegawai per baris mulai baris 2; hapus baris contoh. Baris pertama (judul kolom) jangan diubah.",
            "2. NIP: 18 digit (boleh dengan spasi), harus sesuai tanggal lahir dan jenis kelamin. Untuk PPPK isi NI PPPK.",
            "3. Tanggal: format TTTT-BB-HH, misalnya 1986-09-26 (juga diterima HH-BB-TTTT).",
            "4. Jenis Kelamin: L atau P. Jenis Pegawai: PNS, CPNS, atau PPPK. Golongan: misalnya III/a.",
            "5. Unit dan Jabatan: nama persis seperti di Kinerja; jabatan harus kosong (belum diduduki).",
            "6. Status: aktif, cuti, tugas belajar, diberhentikan sementara, mutasi keluar, pensiun, meninggal.",
            "7. Unggah dulu sebagai uji coba (dry run) untuk melihat kesalahan per baris, lalu impor.",
        ],
    )
}

/// The filtered employee list as XLSX, in the import layout, and how many rows of other people
/// carry private columns (for the access log). Rows the viewer may only see in the directory
/// view have their private columns empty.
///
/// # Errors
/// On a database failure.
pub async fn export(
    db: &DatabaseConnection,
    viewer: &Viewer,
    query: EmployeeQuery,
) -> AppResult<(Vec<u8>, usize)> {
    let mut rows = Vec::new();
    let mut private = 0;
    let mut page = PageQuery {
        page: 1,
        per_page: 100,
    };
    loop {
        let batch =
            service::list(db, viewer, query.clone(), page, crate::total::EXACT_UP_TO).await?;
        let done = batch.items.len() < 100 || rows.len() >= MAX_ROWS;
        private += batch
            .items
            .iter()
            .filter(|e| {
                e.visibility == kinerja_api::employees::Visibility::Full
                    && viewer.employee_id != Some(e.id)
            })
            .count();
        rows.extend(batch.items.into_iter().map(export_row));
        if done {
            break;
        }
        page.page += 1;
    }
    Ok((spreadsheet::write("Pegawai", COLUMNS, &rows, &[])?, private))
}

fn export_row(e: Employee) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let text = |s: Option<String>| s.unwrap_or_default();
    COLUMNS
        .iter()
        .map(|(key, _)| match *key {
            "nip" => e.nip_formatted.clone(),
            "nip_lama" => text(e.nip_lama.clone()),
            "nama" => text(e.nama.clone()).if_empty(&e.nama_lengkap),
            "gelar_depan" => text(e.gelar_depan.clone()),
            "gelar_belakang" => text(e.gelar_belakang.clone()),
            "tempat_lahir" => text(e.tempat_lahir.clone()),
            "tanggal_lahir" => date(e.tanggal_lahir),
            "jenis_kelamin" => e
                .jenis_kelamin
                .map(|g| if g == Gender::L { "L" } else { "P" }.to_owned())
                .unwrap_or_default(),
            "jenis_pegawai" => e
                .jenis_pegawai
                .map(|j| j.as_str().to_uppercase())
                .unwrap_or_default(),
            "golongan" => text(e.golongan.clone()),
            "tmt_golongan" => date(e.tmt_golongan),
            "unit" => text(e.unit.clone()),
            "jabatan" => text(e.jabatan.clone()),
            "tmt_jabatan" => date(e.tmt_jabatan),
            "status" => e
                .status
                .map(|s| s.as_str().replace('_', " "))
                .unwrap_or_default(),
            "email" => text(e.email.clone()),
            "telepon" => text(e.telepon.clone()),
            _ => String::new(),
        })
        .collect()
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() {
            other.to_owned()
        } else {
            self
        }
    }
}
