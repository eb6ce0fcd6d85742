//! Making a backup while the server runs: a consistent copy of the database (SQLite's
//! `VACUUM INTO`, or `pg_dump` inside an exported snapshot), then the upload folder, then the
//! manifest, streamed into `<folder>/kinerja-cadangan-<time>-<id>.tar.gz`.
//!
//! The database is copied first: a stored file is written before the row that refers to it
//! commits (`storage::Storage::store_registered`), so every file the copy refers to already
//! exists when the folder is walked. A file removed in between (an attachment deleted
//! meanwhile) is listed in the manifest's `missing_files`.
//!
//! Only the folder store's files go into the archive: with `KINERJA_STORAGE_URL=database:`
//! they are rows of the database copy, and an S3 bucket is backed up by its own versioning
//! or replication (docs/storage.md), so the archive holds the database alone.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use sea_orm::{
    AccessMode, ConnectionTrait, Database, DatabaseConnection, DbBackend, IsolationLevel,
    Statement, TransactionTrait,
};
use uuid::Uuid;

use super::arsip::{self, AuditHead, Entry, Manifest, TarWriter};

/// Where the data lives.
#[derive(Debug, Clone)]
pub struct Sumber {
    pub database_url: String,
    pub upload_dir: PathBuf,
    /// The file store; only the folder's files are archived.
    pub penyimpanan: crate::storage::Pilihan,
}

impl Sumber {
    pub fn from_settings(settings: &crate::config::Settings) -> Self {
        // pg_dump sets session parameters (float digits, search_path) before its transaction:
        // through a pooler in transaction mode they could land on another server connection,
        // so behind one it dumps over the direct connection when there is one.
        let database_url = match (&settings.database_listen_url, settings.database_pooled) {
            (Some(direct), true) => direct.expose().to_owned(),
            _ => settings.database_url.clone(),
        };
        Self {
            database_url,
            upload_dir: settings.upload_dir.clone(),
            penyimpanan: settings.storage.clone(),
        }
    }
}

/// A finished archive.
#[derive(Debug, Clone)]
pub struct Hasil {
    pub path: PathBuf,
    pub size: u64,
    pub manifest: Manifest,
}

pub const DB_SQLITE: &str = "database/kinerja.db";
pub const DB_POSTGRES: &str = "database/kinerja.pgdump";
pub const FILES: &str = "files/";

/// Facts read from the copied database, so the manifest describes the copy, not the live data.
pub struct Fakta {
    pub schema_version: String,
    pub audit_head: AuditHead,
    pub tables: BTreeMap<String, i64>,
    /// Upload keys the rows refer to.
    pub referenced: Vec<String>,
}

/// Reads the facts of a database (the snapshot's connection or transaction).
///
/// # Errors
/// On a database failure, or a database without migrations.
pub async fn fakta(db: &impl ConnectionTrait) -> anyhow::Result<Fakta> {
    let backend = db.get_database_backend();
    let stmt = |sql: &str| Statement::from_string(backend, sql.to_owned());
    let schema_version: String = db
        .query_one_raw(stmt(
            "SELECT version FROM seaql_migrations ORDER BY version DESC LIMIT 1",
        ))
        .await?
        .context("the database has no migrations applied")?
        .try_get("", "version")?;
    let events: i64 = db
        .query_one_raw(stmt("SELECT COUNT(*) AS n FROM audit_events"))
        .await?
        .context("no count")?
        .try_get("", "n")?;
    let head = db
        .query_one_raw(stmt(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
        ))
        .await?;
    let audit_head = AuditHead {
        events,
        seq: head.as_ref().map(|r| r.try_get("", "seq")).transpose()?,
        hash: head.as_ref().map(|r| r.try_get("", "hash")).transpose()?,
    };
    let list = match backend {
        DbBackend::Postgres => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        }
        _ => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        }
    };
    let mut tables = BTreeMap::new();
    for row in db.query_all_raw(stmt(list)).await? {
        let name: String = row.try_get("", "name")?;
        let n: i64 = db
            .query_one_raw(stmt(&format!(
                "SELECT COUNT(*) AS n FROM \"{}\"",
                name.replace('"', "\"\"")
            )))
            .await?
            .context("no count")?
            .try_get("", "n")?;
        tables.insert(name, n);
    }
    let referenced = db
        .query_all_raw(stmt(
            "SELECT storage_key AS k FROM keberatan_lampiran \
             UNION ALL SELECT storage_key FROM bukti_dukung WHERE storage_key IS NOT NULL \
             UNION ALL SELECT path FROM dokumen_evaluasi \
             UNION ALL SELECT sertifikat_key FROM catatan_pengembangan WHERE sertifikat_key IS NOT NULL",
        ))
        .await?
        .into_iter()
        .map(|r| r.try_get::<String>("", "k"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Fakta {
        schema_version,
        audit_head,
        tables,
        referenced,
    })
}

/// The database URL without its password, and the password, for running `pg_dump` and
/// `pg_restore` without showing the password in the process list.
pub fn pg_connection(url: &str) -> (String, Option<String>) {
    if let (Some(scheme), Some(at)) = (url.find("://"), url.rfind('@'))
        && at > scheme
    {
        let userinfo = &url[scheme + 3..at];
        if let Some((user, password)) = userinfo.split_once(':') {
            let clean = format!("{}{user}{}", &url[..scheme + 3], &url[at..]);
            return (clean, Some(percent_decode(password)));
        }
    }
    (url.to_owned(), None)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Copies the database into `work` and reads the copy's facts.
async fn salin_database(
    db: &DatabaseConnection,
    sumber: &Sumber,
    work: &Path,
) -> anyhow::Result<(PathBuf, &'static str, Fakta)> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let target = work.join("kinerja.pgdump");
            // pg_dump joins this transaction's snapshot, so the facts and the dump are the same
            // moment; the transaction stays open until pg_dump is done.
            let txn = db
                .begin_with_config(
                    Some(IsolationLevel::RepeatableRead),
                    Some(AccessMode::ReadOnly),
                )
                .await?;
            let snapshot: String = txn
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT pg_export_snapshot() AS s",
                ))
                .await?
                .context("no snapshot")?
                .try_get("", "s")?;
            let fakta = fakta(&txn).await?;
            let (url, password) = pg_connection(&sumber.database_url);
            let mut command = tokio::process::Command::new("pg_dump");
            command
                .arg("--format=custom")
                .arg("--no-owner")
                .arg("--no-privileges")
                .arg(format!("--snapshot={snapshot}"))
                .arg("--file")
                .arg(&target)
                .arg("--dbname")
                .arg(url_for_libpq(&url));
            if let Some(p) = password {
                command.env("PGPASSWORD", p);
            }
            let output = command
                .output()
                .await
                .context("could not run pg_dump (is the PostgreSQL client installed?)")?;
            txn.commit().await?;
            if !output.status.success() {
                bail!(
                    "pg_dump failed: {}",
                    String::from_utf8_lossy(&output.stderr).trim()
                );
            }
            Ok((target, DB_POSTGRES, fakta))
        }
        _ => {
            let target = work.join("kinerja.db");
            // A connection of its own: the server's single SQLite connection keeps serving
            // writes while this one reads (WAL).
            let mut options = sea_orm::ConnectOptions::new(sumber.database_url.clone());
            options.max_connections(1).sqlx_logging(false);
            let source = Database::connect(options).await?;
            // Wait, as the server does, rather than fail while another connection checkpoints.
            source
                .execute_unprepared("PRAGMA busy_timeout = 5000")
                .await?;
            let path = target
                .to_str()
                .context("the backup folder's path is not UTF-8")?;
            source
                .execute_unprepared(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
                .await
                .context("VACUUM INTO failed")?;
            source.close().await?;
            let copy = Database::connect(format!("sqlite://{path}?mode=ro")).await?;
            let fakta = fakta(&copy).await?;
            copy.close().await?;
            Ok((target, DB_SQLITE, fakta))
        }
    }
}

/// Drops sqlx-only query parameters that libpq would refuse.
pub fn url_for_libpq(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !matches!(key, "statement-cache-capacity" | "application_name_prefix")
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// The archive's file name for a backup made at `at`.
pub fn nama_arsip(at: DateTime<Utc>, id: Uuid) -> String {
    let simple = id.simple().to_string();
    format!(
        "kinerja-cadangan-{}-{}.tar.gz",
        at.format("%Y%m%dT%H%M%SZ"),
        &simple[simple.len() - 8..]
    )
}

/// Makes one backup into `folder`.
///
/// # Errors
/// When the database cannot be copied or the archive cannot be written; nothing is left in
/// `folder` then but what was there.
pub async fn buat(
    db: &DatabaseConnection,
    sumber: &Sumber,
    folder: &Path,
    id: Uuid,
    at: DateTime<Utc>,
) -> anyhow::Result<Hasil> {
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create the backup folder {}", folder.display()))?;
    let work = folder.join(format!(".kinerja-cadangan-{}.tmp", id.simple()));
    std::fs::create_dir_all(&work)?;
    let result = buat_di(db, sumber, folder, &work, id, at).await;
    if let Err(e) = std::fs::remove_dir_all(&work) {
        tracing::warn!(error = %e, "could not remove the backup's work folder");
    }
    result
}

async fn buat_di(
    db: &DatabaseConnection,
    sumber: &Sumber,
    folder: &Path,
    work: &Path,
    id: Uuid,
    at: DateTime<Utc>,
) -> anyhow::Result<Hasil> {
    let (dump, dump_name, fakta) = salin_database(db, sumber, work).await?;
    let backend = match db.get_database_backend() {
        DbBackend::Postgres => "postgres",
        _ => "sqlite",
    };
    let final_path = folder.join(nama_arsip(at, id));
    let part = final_path.with_extension("gz.part");
    let upload_dir = sumber.upload_dir.clone();
    let in_folder = sumber.penyimpanan == crate::storage::Pilihan::Folder;
    let folder = folder.to_path_buf();
    let part_for_task = part.clone();
    let mut fakta = fakta;
    let manifest = tokio::task::spawn_blocking(move || -> anyhow::Result<Manifest> {
        if !in_folder {
            // The files are in the database copy or the bucket: none to walk, none missing.
            fakta.referenced.clear();
        }
        let files = if in_folder {
            crate::storage::daftar_berkas(&upload_dir, &folder)?
        } else {
            Vec::new()
        };
        let present: std::collections::HashSet<&str> =
            files.iter().map(|(k, _)| k.as_str()).collect();
        let mut missing_files: Vec<String> = fakta
            .referenced
            .iter()
            .filter(|k| !present.contains(k.as_str()))
            .cloned()
            .collect();
        missing_files.sort();
        missing_files.dedup();
        let out = std::fs::File::create(&part_for_task)
            .with_context(|| format!("cannot write {}", part_for_task.display()))?;
        let gz = flate2::write::GzEncoder::new(BufWriter::new(out), flate2::Compression::fast());
        let mtime = u64::try_from(at.timestamp()).unwrap_or(0);
        let mut tar = TarWriter::new(gz, mtime);
        let mut entries: Vec<Entry> = Vec::with_capacity(files.len() + 1);
        let mut f = std::fs::File::open(&dump)?;
        let size = f.metadata()?.len();
        entries.push(tar.append(dump_name, size, &mut f)?);
        for (key, path) in &files {
            let mut f = match std::fs::File::open(path) {
                Ok(f) => f,
                // Removed since the walk: the manifest lists it if a row refers to it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    if fakta.referenced.contains(key) {
                        missing_files.push(key.clone());
                    }
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            let size = f.metadata()?.len();
            entries.push(tar.append(&format!("{FILES}{key}"), size, &mut f)?);
        }
        let manifest = Manifest {
            format: arsip::FORMAT.to_owned(),
            format_version: arsip::FORMAT_VERSION,
            created_at: at,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            database: backend.to_owned(),
            schema_version: fakta.schema_version,
            audit_head: fakta.audit_head,
            tables: fakta.tables,
            entries,
            missing_files,
        };
        let json = serde_json::to_vec_pretty(&manifest)?;
        tar.append(arsip::MANIFEST, json.len() as u64, &mut &json[..])?;
        let gz = tar.finish()?;
        let mut buffered = gz.finish()?;
        buffered.flush()?;
        let file = buffered.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(manifest)
    })
    .await
    .context("the backup task stopped")?;
    let manifest = match manifest {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    // Renamed only when complete: a `.part` is never taken for a backup.
    std::fs::rename(&part, &final_path)?;
    let size = std::fs::metadata(&final_path)?.len();
    Ok(Hasil {
        path: final_path,
        size,
        manifest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url_for_the_environment() {
        assert_eq!(
            pg_connection("postgres://kinerja:s%40cret@db:5432/kinerja"),
            (
                "postgres://kinerja@db:5432/kinerja".to_owned(),
                Some("s@cret".to_owned())
            )
        );
        assert_eq!(
            pg_connection("postgres://postgres@127.0.0.1/x"),
            ("postgres://postgres@127.0.0.1/x".to_owned(), None)
        );
    }

    #[test]
    fn archive_names_sort_by_time() {
        let id = Uuid::now_v7();
        let a = nama_arsip(
            chrono::DateTime::parse_from_rfc3339("2026-12-06T01:02:03Z")
                .unwrap()
                .to_utc(),
            id,
        );
        assert!(a.starts_with("kinerja-cadangan-20261206T010203Z-"));
        assert!(a.ends_with(".tar.gz"));
    }
}
