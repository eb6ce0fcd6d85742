//! Backups that restore (issue #20, docs/backup.md): `kinerja backup` and `kinerja restore`
//! (`buat`, `pulih`), the archive format (`arsip`), the server's schedule with retention and
//! the admins' warning (`jadwal`), and the system page's summary (`handlers`).

pub mod arsip;
pub mod buat;
mod handlers;
pub mod jadwal;
pub mod pulih;

pub use handlers::routes;

pub const TAG: &str = "system";

use std::fmt::Write as _;
use std::path::Path;

/// "12.3 MB": sizes for people.
pub fn ukuran(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn head(h: &arsip::AuditHead) -> String {
    match (&h.seq, &h.hash) {
        (Some(seq), Some(hash)) => format!(
            "{} events, head #{seq} {}…",
            h.events,
            &hash[..16.min(hash.len())]
        ),
        _ => "empty".to_owned(),
    }
}

/// What `kinerja backup` prints.
pub fn ringkas_cadangan(h: &buat::Hasil) -> String {
    let m = &h.manifest;
    let files: u64 = m.entries.iter().skip(1).map(|e| e.size).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "backup written: {} ({})",
        h.path.display(),
        ukuran(h.size)
    );
    let _ = writeln!(
        out,
        "  database:    {}, schema {}, {} tables, {} rows",
        m.database,
        m.schema_version,
        m.tables.len(),
        m.tables.values().sum::<i64>()
    );
    let _ = writeln!(out, "  audit chain: {}", head(&m.audit_head));
    let _ = writeln!(
        out,
        "  files:       {} ({})",
        m.entries.len() - 1,
        ukuran(files)
    );
    for missing in &m.missing_files {
        let _ = writeln!(
            out,
            "  warning: a row refers to {missing}, which is not in the upload folder"
        );
    }
    out
}

/// What `kinerja restore` prints.
pub fn ringkas_pulih(archive: &Path, sumber: &buat::Sumber, r: &pulih::Ringkasan) -> String {
    let m = &r.manifest;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "restored {} (made {} by Kinerja {})",
        archive.display(),
        m.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        m.app_version
    );
    let _ = writeln!(
        out,
        "  database:    {}, schema {}, {} tables, {} rows, every count as in the backup",
        m.database,
        m.schema_version,
        m.tables.len(),
        r.rows
    );
    let _ = writeln!(
        out,
        "  audit chain: intact, {} (checked {})",
        head(&m.audit_head),
        r.audit_checked
    );
    match &sumber.penyimpanan {
        crate::storage::Pilihan::Folder => {
            let _ = writeln!(
                out,
                "  files:       {} ({}) into {}, every SHA-256 matches",
                r.files,
                ukuran(r.file_bytes),
                sumber.upload_dir.display()
            );
        }
        crate::storage::Pilihan::Database => {
            let _ = writeln!(
                out,
                "  files:       in the database, every one the data refers to is there"
            );
        }
        s3 @ crate::storage::Pilihan::S3(_) => {
            let _ = writeln!(
                out,
                "  files:       in {} (not in the archive: the bucket's own versioning or replication backs them up)",
                s3.label()
            );
        }
    }
    out
}
