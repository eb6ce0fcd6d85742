//! Restoring an archive into an empty database and upload folder.
//!
//! First the whole archive is read and every entry hashed against the manifest, without
//! touching anything: a damaged, truncated or altered archive is refused there. Then the target
//! is checked to be empty, the database and files are written, and the result is verified: the
//! audit chain walked and its head compared, each table's row count compared, each file
//! hashed again from disk.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};

use super::arsip::{self, Entry, Manifest, TarReader};
use super::buat::{DB_POSTGRES, DB_SQLITE, FILES, Sumber, fakta, pg_connection, url_for_libpq};

/// The largest manifest read into memory (a million files make about 150 MB).
const MANIFEST_MAX: u64 = 512 * 1024 * 1024;

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Ringkasan {
    pub manifest: Manifest,
    pub files: usize,
    pub file_bytes: u64,
    pub rows: i64,
    pub audit_checked: u64,
}

/// Why an archive was refused before anything was touched.
fn refused(reason: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("the archive is damaged or incomplete, nothing was restored: {reason}")
}

fn open(archive: &Path) -> anyhow::Result<TarReader<flate2::read::GzDecoder<BufReader<File>>>> {
    let file = File::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
    Ok(TarReader::new(flate2::read::GzDecoder::new(
        BufReader::new(file),
    )))
}

/// Reads the whole archive, hashing every entry, and returns its manifest when every entry
/// matches it. Touches nothing.
///
/// # Errors
/// A damaged, truncated or altered archive, or one from another program.
pub fn periksa(archive: &Path) -> anyhow::Result<Manifest> {
    let mut reader = open(archive)?;
    let mut seen: Vec<Entry> = Vec::new();
    let mut manifest: Option<Manifest> = None;
    loop {
        let Some((path, size)) = reader.next_entry().map_err(refused)? else {
            break;
        };
        if manifest.is_some() {
            return Err(refused("an entry after the manifest"));
        }
        if path == arsip::MANIFEST {
            if size > MANIFEST_MAX {
                return Err(refused("the manifest is implausibly large"));
            }
            let mut json = Vec::new();
            reader.read_to_end(&mut json).map_err(refused)?;
            manifest = Some(
                serde_json::from_slice(&json)
                    .map_err(|e| refused(format!("the manifest does not parse ({e})")))?,
            );
            continue;
        }
        if !arsip::safe_relative(&path) {
            return Err(refused(format!("an unsafe path {path:?}")));
        }
        let (n, sha256) = arsip::copy_entry(&mut reader, &mut io::sink()).map_err(refused)?;
        seen.push(Entry {
            path,
            size: n,
            sha256,
        });
    }
    let manifest = manifest.ok_or_else(|| refused("no manifest (the archive was cut short)"))?;
    if manifest.format != arsip::FORMAT || manifest.format_version != arsip::FORMAT_VERSION {
        return Err(refused(format!(
            "not a Kinerja backup of format {} (found {} {})",
            arsip::FORMAT_VERSION,
            manifest.format,
            manifest.format_version
        )));
    }
    for (i, expected) in manifest.entries.iter().enumerate() {
        match seen.get(i) {
            None => return Err(refused(format!("{} is missing", expected.path))),
            Some(actual) if actual.path != expected.path => {
                return Err(refused(format!(
                    "{} found where {} was expected",
                    actual.path, expected.path
                )));
            }
            Some(actual) if actual.size != expected.size || actual.sha256 != expected.sha256 => {
                return Err(refused(format!(
                    "{} does not match its SHA-256 in the manifest",
                    expected.path
                )));
            }
            Some(_) => {}
        }
    }
    if let Some(extra) = seen.get(manifest.entries.len()) {
        return Err(refused(format!("{} is not in the manifest", extra.path)));
    }
    let db_entry = match manifest.database.as_str() {
        "sqlite" => DB_SQLITE,
        "postgres" => DB_POSTGRES,
        other => return Err(refused(format!("an unknown database {other:?}"))),
    };
    if manifest.entries.first().map(|e| e.path.as_str()) != Some(db_entry) {
        return Err(refused("the database copy is missing"));
    }
    if let Some(e) = manifest.entries[1..]
        .iter()
        .find(|e| !e.path.starts_with(FILES))
    {
        return Err(refused(format!("an unexpected entry {}", e.path)));
    }
    // The gzip trailer (CRC and length) is checked at the end of the stream.
    io::copy(&mut reader.into_inner(), &mut io::sink()).map_err(refused)?;
    let known = Migrator::migrations()
        .iter()
        .any(|m| m.name() == manifest.schema_version);
    if !known {
        bail!(
            "the backup's schema {} is newer than this Kinerja {}: restore it with the version that made it ({})",
            manifest.schema_version,
            env!("CARGO_PKG_VERSION"),
            manifest.app_version
        );
    }
    Ok(manifest)
}

fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn folder_is_empty(dir: &Path) -> anyhow::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", dir.display())),
    }
}

async fn table_count(db: &DatabaseConnection) -> anyhow::Result<i64> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()"
        }
        _ => "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'",
    };
    Ok(db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await?
        .context("no count")?
        .try_get("", "n")?)
}

/// Refuses a target that holds data: a database with tables, or a non-empty upload folder.
async fn periksa_kosong(sumber: &Sumber, manifest: &Manifest) -> anyhow::Result<()> {
    let target = if sumber.database_url.starts_with("sqlite:") {
        "sqlite"
    } else {
        "postgres"
    };
    if target != manifest.database {
        bail!(
            "this backup holds a {} database; KINERJA_DATABASE_URL names a {target} one",
            manifest.database
        );
    }
    let in_folder = sumber.penyimpanan == crate::storage::Pilihan::Folder;
    if !in_folder && manifest.entries.len() > 1 {
        bail!(
            "this backup holds files of the upload folder, but KINERJA_STORAGE_URL names {}: \
             restore with the folder store, then copy the files with `kinerja storage-copy`",
            sumber.penyimpanan.label()
        );
    }
    if in_folder && !folder_is_empty(&sumber.upload_dir)? {
        bail!(
            "the upload folder {} is not empty: restore only into an empty data folder",
            sumber.upload_dir.display()
        );
    }
    if let Some(file) = sqlite_file(&sumber.database_url) {
        let holds_data = match std::fs::metadata(&file) {
            Ok(m) if m.len() > 0 => {
                let db = Database::connect(&sumber.database_url).await?;
                let n = table_count(&db).await?;
                db.close().await?;
                n > 0
            }
            _ => false,
        };
        if holds_data {
            bail!(
                "the database {} is not empty: restore only into an empty data folder",
                file.display()
            );
        }
    } else if target == "postgres" {
        let db = Database::connect(&sumber.database_url).await?;
        let n = table_count(&db).await?;
        db.close().await?;
        if n > 0 {
            bail!("the database is not empty ({n} tables): restore only into an empty database");
        }
    }
    Ok(())
}

/// Writes the archive's entries: the database copy to `db_out`, files under `upload_dir`.
/// Each is hashed again as written, in case the archive changed since it was checked.
fn tulis(
    archive: &Path,
    manifest: &Manifest,
    db_out: &Path,
    upload_dir: &Path,
) -> anyhow::Result<()> {
    let mut reader = open(archive)?;
    for expected in &manifest.entries {
        let (path, _) = reader
            .next_entry()?
            .context("the archive changed since it was checked")?;
        let target = if path == expected.path && path.starts_with("database/") {
            db_out.to_path_buf()
        } else if let Some(key) = path.strip_prefix(FILES).filter(|_| path == expected.path) {
            upload_dir.join(key)
        } else {
            bail!("the archive changed since it was checked");
        };
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut out =
            File::create(&target).with_context(|| format!("cannot write {}", target.display()))?;
        let (_, sha256) = arsip::copy_entry(&mut reader, &mut out)?;
        out.sync_all()?;
        if sha256 != expected.sha256 {
            bail!("{} changed since the archive was checked", expected.path);
        }
    }
    Ok(())
}

/// Restores `archive` into the database and upload folder of `sumber`, both empty.
///
/// # Errors
/// A refused archive or target (nothing touched), a failed write (what was written is
/// removed), or a failed verification after the restore (said so).
pub async fn pulih(sumber: &Sumber, archive: &Path) -> anyhow::Result<Ringkasan> {
    let path = archive.to_path_buf();
    let manifest = tokio::task::spawn_blocking(move || periksa(&path)).await??;
    periksa_kosong(sumber, &manifest).await?;
    let work = tempdir_near(&sumber.upload_dir)?;
    let written = restore_into(sumber, archive, &manifest, &work).await;
    let _ = std::fs::remove_dir_all(&work);
    if let Err(e) = written {
        // The target was empty: put it back that way.
        if sumber.penyimpanan == crate::storage::Pilihan::Folder {
            let _ = std::fs::remove_dir_all(&sumber.upload_dir);
        }
        if let Some(file) = sqlite_file(&sumber.database_url) {
            let _ = std::fs::remove_file(file);
        }
        return Err(e.context("the restore failed and was undone"));
    }
    verifikasi(sumber, manifest).await
}

fn tempdir_near(upload_dir: &Path) -> anyhow::Result<PathBuf> {
    let base = upload_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = base.join(format!(
        ".kinerja-pulih-{}.tmp",
        uuid::Uuid::now_v7().simple()
    ));
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create a work folder in {}", base.display()))?;
    Ok(dir)
}

async fn restore_into(
    sumber: &Sumber,
    archive: &Path,
    manifest: &Manifest,
    work: &Path,
) -> anyhow::Result<()> {
    let db_out = match sqlite_file(&sumber.database_url) {
        Some(file) => {
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // The WAL files of an empty database would be applied to the restored one.
            for suffix in ["-wal", "-shm"] {
                let mut side = file.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(side);
            }
            file
        }
        None => work.join("kinerja.pgdump"),
    };
    let (a, m, d, u) = (
        archive.to_path_buf(),
        manifest.clone(),
        db_out.clone(),
        sumber.upload_dir.clone(),
    );
    tokio::task::spawn_blocking(move || tulis(&a, &m, &d, &u)).await??;
    if manifest.database == "postgres" {
        let (url, password) = pg_connection(&sumber.database_url);
        let mut command = tokio::process::Command::new("pg_restore");
        command
            .arg("--no-owner")
            .arg("--no-privileges")
            .arg("--exit-on-error")
            .arg("--single-transaction")
            .arg("--dbname")
            .arg(url_for_libpq(&url))
            .arg(&db_out);
        if let Some(p) = password {
            command.env("PGPASSWORD", p);
        }
        let output = command
            .output()
            .await
            .context("could not run pg_restore (is the PostgreSQL client installed?)")?;
        if !output.status.success() {
            bail!(
                "pg_restore failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
    }
    Ok(())
}

/// Checks the restored data against the manifest.
async fn verifikasi(sumber: &Sumber, manifest: Manifest) -> anyhow::Result<Ringkasan> {
    let failed = |what: String| {
        anyhow::anyhow!("restored, but the result does not match the backup: {what}")
    };
    let db = Database::connect(&sumber.database_url).await?;
    let audit = crate::audit::verify::verify(&db, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let restored = fakta(&db).await?;
    // With the database store the files came back as rows: each key must have one.
    let in_database: Option<std::collections::HashSet<String>> =
        if sumber.penyimpanan == crate::storage::Pilihan::Database {
            Some(
                crate::storage::Storage::Database(db.clone())
                    .keys()
                    .await?
                    .into_iter()
                    .collect(),
            )
        } else {
            None
        };
    db.close().await?;
    if !audit.intact {
        return Err(failed(format!(
            "the audit chain is broken ({})",
            crate::audit::verify::describe(&audit)
        )));
    }
    if restored.audit_head != manifest.audit_head {
        return Err(failed(format!(
            "the audit chain ends at {:?}, the backup's at {:?}",
            restored.audit_head.seq, manifest.audit_head.seq
        )));
    }
    let differs: BTreeMap<&String, (i64, Option<&i64>)> = manifest
        .tables
        .iter()
        .filter_map(|(t, n)| {
            let now = restored.tables.get(t);
            (now != Some(n)).then_some((t, (*n, now)))
        })
        .collect();
    if !differs.is_empty() {
        return Err(failed(format!("row counts differ: {differs:?}")));
    }
    let mut files = 0;
    let mut file_bytes = 0;
    for e in manifest.entries.iter().skip(1) {
        let key = e.path.strip_prefix(FILES).unwrap_or(&e.path);
        let (size, sha256) = arsip::sha256_file(&sumber.upload_dir.join(key))
            .with_context(|| format!("{key} was not restored"))?;
        if sha256 != e.sha256 {
            return Err(failed(format!("{key} does not match its SHA-256")));
        }
        files += 1;
        file_bytes += size;
    }
    let missing: Vec<&String> = restored
        .referenced
        .iter()
        .filter(|k| match (&sumber.penyimpanan, &in_database) {
            (crate::storage::Pilihan::Folder, _) => {
                !manifest.missing_files.contains(k) && !sumber.upload_dir.join(k.as_str()).is_file()
            }
            (_, Some(rows)) => !rows.contains(k.as_str()),
            // A bucket is the operator's to back up; the archive cannot vouch for it.
            _ => false,
        })
        .collect();
    if !missing.is_empty() {
        return Err(failed(format!(
            "files the data refers to are absent: {missing:?}"
        )));
    }
    Ok(Ringkasan {
        rows: manifest.tables.values().sum(),
        files,
        file_bytes,
        audit_checked: audit.checked,
        manifest,
    })
}
