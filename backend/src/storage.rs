//! Where stored files live (docs/storage.md): `KINERJA_STORAGE_URL` chooses the local upload
//! folder (the default), the database itself, or an S3-compatible bucket. Every store keeps a
//! file under the same generated key (`2026/<uuid>.pdf`, `keberatan/2026/…`), so switching
//! stores is a copy (`kinerja storage-copy`).
//!
//! The one rule every store keeps: a row never refers to a file that is not there. The
//! database store writes the bytes in the transaction of the row, so a rollback takes the file
//! along; the folder and S3 store the file before the row commits and remove it when the
//! commit fails (a failed removal leaves an orphan file, never a row without its file).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use futures_util::TryStreamExt;
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QuerySelect, Set,
};

use crate::entities::berkas_tersimpan;
use crate::error::{AppError, AppResult};

/// The store `KINERJA_STORAGE_URL` names, checked when the settings are read.
#[derive(Clone, PartialEq, Eq)]
pub enum Pilihan {
    /// `file:` or unset: `KINERJA_UPLOAD_DIR`.
    Folder,
    /// `database:`: the `berkas_tersimpan` table of the main database.
    Database,
    /// `s3://bucket/prefix?key=value…`; its `Debug` shows no query, which may hold credentials.
    S3(String),
}

impl std::fmt::Debug for Pilihan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pilihan({})", self.label())
    }
}

impl Pilihan {
    /// Reads a `KINERJA_STORAGE_URL` value.
    ///
    /// # Errors
    /// An unknown scheme or an S3 URL without a bucket.
    pub fn parse(url: Option<&str>) -> anyhow::Result<Self> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(Self::Folder);
        };
        if url == "file:" || url == "file://" {
            Ok(Self::Folder)
        } else if url == "database:" || url == "db:" {
            Ok(Self::Database)
        } else if url.starts_with("s3://") {
            s3_parts(url)?;
            Ok(Self::S3(url.to_owned()))
        } else {
            bail!(
                "KINERJA_STORAGE_URL: expected file:, database: or s3://bucket/prefix, got {:?}",
                url.split('?').next().unwrap_or_default()
            )
        }
    }

    /// The name the backup summary and logs show (without credentials).
    pub fn label(&self) -> String {
        match self {
            Self::Folder => "file:".to_owned(),
            Self::Database => "database:".to_owned(),
            Self::S3(url) => s3_parts(url).map_or_else(
                |_| "s3://".to_owned(),
                |(bucket, prefix, _)| format!("s3://{bucket}/{prefix}"),
            ),
        }
    }
}

/// An S3 URL's parts: bucket, prefix without slashes, query pairs.
type S3Parts = (String, String, Vec<(String, String)>);

/// `s3://bucket/prefix?query` → its parts.
fn s3_parts(url: &str) -> anyhow::Result<S3Parts> {
    let rest = url.strip_prefix("s3://").context("not an s3:// URL")?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (bucket, prefix) = path.split_once('/').unwrap_or((path, ""));
    if bucket.is_empty() {
        bail!("KINERJA_STORAGE_URL: s3:// needs a bucket (s3://bucket/prefix)");
    }
    let pairs = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    Ok((
        bucket.to_owned(),
        prefix.trim_matches('/').to_owned(),
        pairs,
    ))
}

/// The file store of this process, cheap to clone.
#[derive(Clone)]
pub enum Storage {
    Folder(PathBuf),
    Database(DatabaseConnection),
    S3 {
        store: Arc<dyn ObjectStore>,
        /// Prepended to every key, without slashes at either end ("" for none).
        prefix: String,
    },
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Folder(dir) => write!(f, "Storage::Folder({})", dir.display()),
            Self::Database(_) => f.write_str("Storage::Database"),
            Self::S3 { store, prefix } => write!(f, "Storage::S3({store}, {prefix:?})"),
        }
    }
}

fn unexpected(e: impl Into<anyhow::Error>, what: &'static str) -> AppError {
    AppError::Unexpected(e.into().context(what))
}

impl Storage {
    /// The store of `choice`; `upload_dir` is the folder store's folder.
    ///
    /// # Errors
    /// An S3 URL the S3 client does not accept (an unknown option, say).
    pub fn from_choice(
        choice: &Pilihan,
        upload_dir: &Path,
        db: &DatabaseConnection,
    ) -> anyhow::Result<Self> {
        Ok(match choice {
            Pilihan::Folder => Self::Folder(upload_dir.to_path_buf()),
            Pilihan::Database => Self::Database(db.clone()),
            Pilihan::S3(url) => {
                let (bucket, prefix, pairs) = s3_parts(url)?;
                // AWS_* variables first (credentials, region, endpoint), then the URL's query.
                let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
                for (k, v) in pairs {
                    let key: AmazonS3ConfigKey = k
                        .to_ascii_lowercase()
                        .parse()
                        .with_context(|| format!("KINERJA_STORAGE_URL: unknown S3 option {k:?}"))?;
                    builder = builder.with_config(key, v);
                }
                let store = builder
                    .build()
                    .context("KINERJA_STORAGE_URL: the S3 store cannot be set up")?;
                Self::S3 {
                    store: Arc::new(store),
                    prefix,
                }
            }
        })
    }

    fn object_path(prefix: &str, key: &str) -> object_store::path::Path {
        if prefix.is_empty() {
            object_store::path::Path::from(key)
        } else {
            object_store::path::Path::from(format!("{prefix}/{key}"))
        }
    }

    /// Writes `bytes` at `key` as a row of `db` (a transaction, or the connection itself).
    async fn put_row(db: &impl ConnectionTrait, key: &str, bytes: &[u8]) -> AppResult<()> {
        // Without RETURNING: the bytes need not come back.
        berkas_tersimpan::Entity::insert(berkas_tersimpan::ActiveModel {
            kunci: Set(key.to_owned()),
            isi: Set(bytes.to_vec()),
            ukuran: Set(bytes.len() as i64),
            created_at: Set(chrono::Utc::now()),
        })
        .on_conflict(
            OnConflict::column(berkas_tersimpan::Column::Kunci)
                .update_columns([
                    berkas_tersimpan::Column::Isi,
                    berkas_tersimpan::Column::Ukuran,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        Ok(())
    }

    /// Writes `bytes` at `key` outside any transaction.
    async fn put(&self, key: &str, bytes: &[u8]) -> AppResult<()> {
        match self {
            Self::Folder(dir) => {
                let path = dir.join(key);
                if let Some(parent) = path.parent() {
                    tokio::fs::create_dir_all(parent)
                        .await
                        .map_err(|e| unexpected(e, "Failed to create the upload folder"))?;
                }
                tokio::fs::write(&path, bytes)
                    .await
                    .map_err(|e| unexpected(e, "Failed to store an uploaded file"))
            }
            Self::Database(db) => Self::put_row(db, key, bytes).await,
            Self::S3 { store, prefix } => {
                store
                    .put(
                        &Self::object_path(prefix, key),
                        PutPayload::from(bytes.to_vec()),
                    )
                    .await
                    .map_err(|e| unexpected(e, "Failed to store an uploaded file in S3"))?;
                Ok(())
            }
        }
    }

    /// Stores `bytes` at `key` (a generated relative path), runs `register` (the database
    /// work that refers to the file: insert, audit entry) in `txn`, and commits. When any of
    /// it fails nothing refers to the file, so it goes: with the rollback (database) or
    /// removed (folder, S3).
    ///
    /// # Errors
    /// Storage failures, as `Unexpected`; `register`'s own error; the commit's.
    pub async fn store_registered<T>(
        &self,
        txn: DatabaseTransaction,
        key: &str,
        bytes: &[u8],
        register: impl AsyncFnOnce(&DatabaseTransaction) -> AppResult<T>,
    ) -> AppResult<T> {
        if let Self::Database(_) = self {
            Self::put_row(&txn, key, bytes).await?;
            let out = register(&txn).await?;
            txn.commit().await?;
            return Ok(out);
        }
        self.put(key, bytes).await?;
        let result = async {
            let out = register(&txn).await?;
            txn.commit().await?;
            Ok(out)
        }
        .await;
        if result.is_err() {
            self.discard(key).await;
        }
        result
    }

    /// Within the transaction that removes the last row referring to `key`: the database
    /// store removes the bytes there (so they stay if that transaction rolls back); the
    /// others wait for [`Storage::discard`] after the commit.
    ///
    /// # Errors
    /// A database failure.
    pub async fn forget(&self, txn: &impl ConnectionTrait, key: &str) -> AppResult<()> {
        if let Self::Database(_) = self {
            berkas_tersimpan::Entity::delete_by_id(key.to_owned())
                .exec(txn)
                .await?;
        }
        Ok(())
    }

    /// Removes a file whose row is gone, after the commit (the folder and S3; the database
    /// store did it in the transaction, [`Storage::forget`]). A failure is logged: it leaves
    /// an orphan file, never a row without its file.
    pub async fn discard(&self, key: &str) {
        let err: Option<String> = match self {
            Self::Folder(dir) => tokio::fs::remove_file(dir.join(key))
                .await
                .err()
                .map(|e| e.to_string()),
            Self::Database(_) => None,
            Self::S3 { store, prefix } => store
                .delete(&Self::object_path(prefix, key))
                .await
                .err()
                .map(|e| e.to_string()),
        };
        if let Some(error) = err {
            tracing::warn!(error, key, "could not remove a stored file");
        }
    }

    /// Commits `txn`, which removed the rows referring to `keys`, and the files with it.
    ///
    /// # Errors
    /// A database failure (then every file stays).
    pub async fn commit_removing(&self, txn: DatabaseTransaction, keys: &[&str]) -> AppResult<()> {
        for key in keys {
            self.forget(&txn, key).await?;
        }
        txn.commit().await?;
        for key in keys {
            self.discard(key).await;
        }
        Ok(())
    }

    /// A stored file, or `None` when it is not there.
    ///
    /// # Errors
    /// Storage failures other than a missing file, as `Unexpected`.
    pub async fn read_if_present(&self, key: &str) -> AppResult<Option<Vec<u8>>> {
        match self {
            Self::Folder(dir) => match tokio::fs::read(dir.join(key)).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(unexpected(e, "Failed to read a stored file")),
            },
            Self::Database(db) => Ok(berkas_tersimpan::Entity::find_by_id(key.to_owned())
                .select_only()
                .column(berkas_tersimpan::Column::Isi)
                .into_tuple::<Vec<u8>>()
                .one(db)
                .await?),
            Self::S3 { store, prefix } => match store.get(&Self::object_path(prefix, key)).await {
                Ok(got) => Ok(Some(
                    got.bytes()
                        .await
                        .map_err(|e| unexpected(e, "Failed to read a stored file from S3"))?
                        .to_vec(),
                )),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(unexpected(e, "Failed to read a stored file from S3")),
            },
        }
    }

    /// Reads a stored file.
    ///
    /// # Errors
    /// Storage failures, and a stored file that vanished (a fault), as `Unexpected`.
    pub async fn read(&self, key: &str) -> AppResult<Vec<u8>> {
        self.read_if_present(key).await?.ok_or_else(|| {
            AppError::Unexpected(anyhow::anyhow!("the stored file {key} is missing"))
        })
    }

    /// Every key in the store, sorted (for `kinerja storage-copy` and checks).
    ///
    /// # Errors
    /// Storage failures.
    pub async fn keys(&self) -> anyhow::Result<Vec<String>> {
        let mut keys = match self {
            Self::Folder(dir) => {
                let dir = dir.clone();
                tokio::task::spawn_blocking(move || daftar_berkas(&dir, Path::new("")))
                    .await??
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect()
            }
            Self::Database(db) => {
                berkas_tersimpan::Entity::find()
                    .select_only()
                    .column(berkas_tersimpan::Column::Kunci)
                    .into_tuple::<String>()
                    .all(db)
                    .await?
            }
            Self::S3 { store, prefix } => {
                let base =
                    (!prefix.is_empty()).then(|| object_store::path::Path::from(prefix.as_str()));
                let strip = if prefix.is_empty() {
                    String::new()
                } else {
                    format!("{prefix}/")
                };
                store
                    .list(base.as_ref())
                    .map_ok(|meta| {
                        let full = meta.location.to_string();
                        full.strip_prefix(&strip).unwrap_or(&full).to_owned()
                    })
                    .try_collect()
                    .await?
            }
        };
        keys.sort();
        Ok(keys)
    }

    /// Copies every file of `self` that `to` lacks; returns (copied, already there).
    ///
    /// # Errors
    /// The first file that cannot be read or written.
    pub async fn copy_to(&self, to: &Storage) -> anyhow::Result<(usize, usize)> {
        let have: std::collections::HashSet<String> = to.keys().await?.into_iter().collect();
        let (mut copied, mut skipped) = (0, 0);
        for key in self.keys().await? {
            if have.contains(&key) {
                skipped += 1;
                continue;
            }
            let bytes = self
                .read(&key)
                .await
                .map_err(|e| anyhow::anyhow!("{key}: {e:?}"))?;
            to.put(&key, &bytes)
                .await
                .map_err(|e| anyhow::anyhow!("{key}: {e:?}"))?;
            copied += 1;
        }
        Ok((copied, skipped))
    }
}

/// Every regular file under `root` (relative keys with `/`), skipping `skip` (a backup folder
/// placed inside the upload folder).
pub fn daftar_berkas(root: &Path, skip: &Path) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    if !root.exists() {
        return Ok(out);
    }
    let skip = std::fs::canonicalize(skip).ok();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if skip
            .as_ref()
            .is_some_and(|s| std::fs::canonicalize(&dir).ok().as_ref() == Some(s))
        {
            continue;
        }
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
        {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                let rel = path
                    .strip_prefix(root)?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_storage_url_names_one_of_three_stores() {
        assert_eq!(Pilihan::parse(None).unwrap(), Pilihan::Folder);
        assert_eq!(Pilihan::parse(Some("  ")).unwrap(), Pilihan::Folder);
        assert_eq!(Pilihan::parse(Some("file:")).unwrap(), Pilihan::Folder);
        assert_eq!(
            Pilihan::parse(Some("database:")).unwrap(),
            Pilihan::Database
        );
        let s3 = Pilihan::parse(Some(
            "s3://kinerja/berkas/?endpoint=http://127.0.0.1:9000&secret_access_key=rahasia",
        ))
        .unwrap();
        assert_eq!(s3.label(), "s3://kinerja/berkas");
        assert!(
            !format!("{s3:?}").contains("rahasia"),
            "credentials stay out of logs"
        );
        assert!(Pilihan::parse(Some("s3:///berkas")).is_err(), "no bucket");
        let err = Pilihan::parse(Some("ftp://x?password=rahasia")).unwrap_err();
        assert!(!err.to_string().contains("rahasia"));
    }
}
