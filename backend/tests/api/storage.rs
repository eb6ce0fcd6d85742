//! The three file stores of `KINERJA_STORAGE_URL` (docs/storage.md) through the real upload
//! and download of evidence: the folder (default), the database, and S3 against a real
//! S3-compatible server (moto's, started per test like the SMTP test's aiosmtpd). In each, a
//! row never exists without its file, and a commit that fails leaves no file behind.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Datelike;
use kinerja::storage::{Pilihan, Storage};
use kinerja_api::measurement::BuktiDukung;
use reqwest::multipart::{Form, Part};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::helpers::{Db, TestApp};

/// The store a test runs against.
enum Store {
    Folder,
    Database,
    S3(S3Server),
}

/// The Python with moto's S3 server: `KINERJA_TEST_S3_PYTHON`, else the venv `.ci/run` makes.
fn s3_python() -> Option<String> {
    let python = std::env::var("KINERJA_TEST_S3_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/.cache/kinerja/s3-venv/bin/python",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let ok = Command::new(&python)
        .args(["-c", "import moto.server"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        Some(python)
    } else if std::env::var("KINERJA_TEST_REQUIRE_S3").is_ok() {
        panic!("KINERJA_TEST_REQUIRE_S3 is set but {python} cannot import moto.server");
    } else {
        eprintln!("skipped: no Python with moto[server] (set KINERJA_TEST_S3_PYTHON)");
        None
    }
}

/// moto's S3 server on a free port, with the bucket `kinerja`; stopped when dropped.
struct S3Server {
    child: Child,
    port: u16,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl S3Server {
    async fn start() -> Option<Self> {
        let python = s3_python()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = Self {
            child: Command::new(python)
                .args(["-m", "moto.server", "-H", "127.0.0.1", "-p"])
                .arg(port.to_string())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
            port,
        };
        // The bucket, once the server answers (it takes a few seconds to start).
        let client = reqwest::Client::new();
        for _ in 0..150 {
            if let Ok(resp) = client.put(server.endpoint() + "/kinerja").send().await
                && resp.status().is_success()
            {
                return Some(server);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("moto's S3 server did not start on port {}", server.port);
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The URL the docs give, with the credentials in the query (the test process cannot set
    /// `AWS_*` variables for the server it runs in).
    fn url(&self) -> String {
        format!(
            "s3://kinerja/berkas?endpoint={}&region=us-east-1&allow_http=true\
             &access_key_id=uji&secret_access_key=rahasia-uji",
            self.endpoint()
        )
    }
}

impl Store {
    async fn new(kind: &str) -> Option<Self> {
        Some(match kind {
            "file" => Self::Folder,
            "database" => Self::Database,
            _ => Self::S3(S3Server::start().await?),
        })
    }

    fn url(&self) -> Option<String> {
        match self {
            Self::Folder => None,
            Self::Database => Some("database:".to_owned()),
            Self::S3(server) => Some(server.url()),
        }
    }

    /// The server's store, opened the way the server opens it.
    fn open(&self, app: &TestApp) -> Storage {
        let choice = Pilihan::parse(self.url().as_deref()).unwrap();
        Storage::from_choice(&choice, &uploads(app), &app.db).unwrap()
    }
}

fn uploads(app: &TestApp) -> std::path::PathBuf {
    app._database.dir.path().join("uploads")
}

fn files_under(dir: &Path) -> usize {
    kinerja::storage::daftar_berkas(dir, Path::new(""))
        .unwrap()
        .len()
}

/// The storage keys the evidence rows refer to.
async fn referenced(app: &TestApp) -> Vec<String> {
    let mut keys: Vec<String> = kinerja::entities::bukti_dukung::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|b| b.storage_key)
        .collect();
    keys.sort();
    keys
}

/// Makes the commit of the next evidence row fail after its file was stored: on PostgreSQL a
/// deferred constraint trigger fails the COMMIT itself; SQLite has no deferred triggers, so
/// there the insert fails, after the store too.
async fn break_evidence_commits(app: &TestApp) {
    match app.db.get_database_backend() {
        DbBackend::Postgres => {
            app.db
                .execute_unprepared(
                    "CREATE FUNCTION uji_gagal() RETURNS trigger LANGUAGE plpgsql AS \
                     $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$;
                     CREATE CONSTRAINT TRIGGER uji_gagal AFTER INSERT ON bukti_dukung \
                     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uji_gagal();",
                )
                .await
                .unwrap();
        }
        _ => {
            app.db
                .execute_unprepared(
                    "CREATE TRIGGER uji_gagal BEFORE INSERT ON bukti_dukung \
                     BEGIN SELECT RAISE(ABORT, 'commit refused by the test'); END;",
                )
                .await
                .unwrap();
        }
    }
}

async fn evidence_round_trips(db: Db, kind: &str) {
    let Some(store) = Store::new(kind).await else {
        return;
    };
    let url = store.url();
    let c = crate::planning::chain_with(db, |env| {
        if let Some(url) = url {
            env.insert("KINERJA_STORAGE_URL".into(), url);
        }
    })
    .await;
    let storage = store.open(&c.app);
    assert!(storage.keys().await.unwrap().is_empty());
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let month = kinerja::clock::today().month();
    let iki = skp.rhk[0].iki[0].id.unwrap();
    let resp = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki}?periode_ke={month}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 10.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let upload = |bytes: Vec<u8>, name: &str| {
        let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
        c.app
            .client
            .post(c.app.url(&format!(
                "/api/v1/skp/{}/realisasi/{iki}/bukti?periode_ke={month}",
                skp.id
            )))
            .bearer_auth(c.rina.clone())
            .multipart(form)
            .send()
    };
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();

    // Uploaded: the row and its file, in the chosen store only.
    let resp = upload(pdf.clone(), "laporan.pdf").await.unwrap();
    assert_eq!(resp.status(), 201);
    let bukti: BuktiDukung = resp.json().await.unwrap();
    let keys = referenced(&c.app).await;
    assert_eq!(keys.len(), 1);
    assert_eq!(
        storage.keys().await.unwrap(),
        keys,
        "the row's file is there"
    );
    assert!(keys[0].starts_with(&format!("{}/", kinerja::clock::today().year())));
    assert_eq!(storage.read(&keys[0]).await.unwrap(), pdf);
    let in_folder = files_under(&uploads(&c.app));
    assert_eq!(in_folder, usize::from(kind == "file"));
    let in_table = kinerja::entities::berkas_tersimpan::Entity::find()
        .count(&c.app.db)
        .await
        .unwrap();
    assert_eq!(in_table, u64::from(kind == "database"));

    // Downloaded byte for byte, by the owner and the PPKin.
    for token in [&c.rina, &c.kasubag] {
        let resp = c
            .app
            .get(&format!("/api/v1/bukti/{}", bukti.id), Some(token))
            .await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf);
    }
    // A shared store serves the file through another server with a disk of its own, as a
    // second replica behind a proxy would; a folder is one machine's.
    let elsewhere = tempfile::tempdir().unwrap();
    let url = store.url();
    let replica = c
        .app
        .replica_with(elsewhere.path(), |env| {
            if let Some(url) = url {
                env.insert("KINERJA_STORAGE_URL".into(), url);
            }
        })
        .await;
    let resp = c
        .app
        .client
        .get(format!("{replica}/api/v1/bukti/{}", bukti.id))
        .bearer_auth(&c.kasubag)
        .send()
        .await
        .unwrap();
    if kind == "file" {
        assert_eq!(resp.status(), 500, "the other machine's folder lacks it");
    } else {
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf);
    }
    assert_eq!(files_under(elsewhere.path()), 0);

    // A commit that fails leaves neither the row nor the file.
    break_evidence_commits(&c.app).await;
    let png = b"\x89PNG\r\n\x1a\n gagal".to_vec();
    let resp = upload(png, "gagal.png").await.unwrap();
    assert_eq!(resp.status(), 500, "{}", resp.text().await.unwrap());
    assert_eq!(referenced(&c.app).await, keys, "no row");
    assert_eq!(storage.keys().await.unwrap(), keys, "no file left behind");
    assert_eq!(files_under(&uploads(&c.app)), in_folder);

    // Removed by its owner: the file goes with the row.
    let resp = c
        .app
        .client
        .delete(c.app.url(&format!("/api/v1/bukti/{}", bukti.id)))
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert!(referenced(&c.app).await.is_empty());
    assert!(storage.keys().await.unwrap().is_empty());
}

async fn evidence_round_trips_through_the_folder_store(db: Db) {
    evidence_round_trips(db, "file").await;
}
db_test!(evidence_round_trips_through_the_folder_store);

async fn evidence_round_trips_through_the_database_store(db: Db) {
    evidence_round_trips(db, "database").await;
}
db_test!(evidence_round_trips_through_the_database_store);

async fn evidence_round_trips_through_the_s3_store(db: Db) {
    evidence_round_trips(db, "s3").await;
}
db_test!(evidence_round_trips_through_the_s3_store);

/// `kinerja storage-copy`'s copy: every file to the other store under the same key, and a
/// second copy copies nothing.
async fn files_copy_between_stores_under_the_same_keys(db: Db) {
    let Some(s3) = S3Server::start().await else {
        return;
    };
    let (_database, conn) = crate::helpers::fresh_database(db).await;
    let folder = _database.dir.path().join("uploads");
    let from = Storage::Folder(folder.clone());
    for (key, bytes) in [
        ("2026/a.pdf", b"%PDF-a".to_vec()),
        ("keberatan/2026/b.png", b"\x89PNG b".to_vec()),
    ] {
        let path = folder.join(key);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let open = |url: &str| {
        Storage::from_choice(&Pilihan::parse(Some(url)).unwrap(), &folder, &conn).unwrap()
    };
    let (bucket, table) = (open(&s3.url()), open("database:"));
    assert_eq!(from.copy_to(&bucket).await.unwrap(), (2, 0));
    assert_eq!(bucket.copy_to(&table).await.unwrap(), (2, 0));
    assert_eq!(from.copy_to(&bucket).await.unwrap(), (0, 2));
    let keys = from.keys().await.unwrap();
    assert_eq!(bucket.keys().await.unwrap(), keys);
    assert_eq!(table.keys().await.unwrap(), keys);
    assert_eq!(
        table.read("keberatan/2026/b.png").await.unwrap(),
        b"\x89PNG b"
    );
}
db_test!(files_copy_between_stores_under_the_same_keys);

fn kinerja_cli(database_url: &str, data_dir: &Path, storage_url: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env("KINERJA_DATABASE_URL", database_url)
        .env("KINERJA_DATA_DIR", data_dir)
        .env("KINERJA_STORAGE_URL", storage_url)
        .env("KINERJA_LOG_LEVEL", "warn")
        .env_remove("KINERJA_UPLOAD_DIR")
        .env_remove("KINERJA_BACKUP_DIR")
        .output()
        .expect("run kinerja");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "kinerja {args:?}: {}{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// With the database store the files are rows of the database copy: the archive holds no
/// files and the restore checks that every referenced key came back. With S3 the archive
/// cannot hold the bucket: the backup succeeds and says where the files are. And
/// `kinerja storage-copy` moves the files from one store to the other.
async fn backups_keep_database_files_and_leave_the_bucket_to_s3(db: Db) {
    let Some(s3) = S3Server::start().await else {
        return;
    };
    let (app, _) = crate::organisation::demo_app_with(db, |env| {
        env.insert("KINERJA_STORAGE_URL".into(), "database:".into());
    })
    .await;
    let data = app._database.dir.path().to_path_buf();
    kinerja::demo::seed_katalog(&app.db).await.unwrap();
    kinerja::demo::seed_planning(&app.db).await.unwrap();
    let in_db = Storage::Database(app.db.clone());
    kinerja::demo::seed_year(
        &app.db,
        kinerja::evaluation::service::Kebijakan::from_settings(
            &kinerja::config::Settings::from_map(&std::collections::HashMap::new()).unwrap(),
        ),
        &in_db,
    )
    .await
    .unwrap();
    let keys = in_db.keys().await.unwrap();
    assert!(keys.len() >= 2, "the demo year stores files: {keys:?}");
    let referenced = kinerja::cadangan::buat::fakta(&app.db)
        .await
        .unwrap()
        .referenced;
    assert!(referenced.iter().all(|k| keys.contains(k)));
    assert_eq!(files_under(&data.join("uploads")), 0);

    let folder = tempfile::tempdir().unwrap();
    let to = folder.path().to_str().unwrap();
    let out = kinerja_cli(
        &app._database.url,
        &data,
        "database:",
        &["backup", "--to", to],
    );
    assert!(out.contains("files:       0"), "{out}");
    assert!(!out.contains("warning"), "{out}");
    let archive = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .unwrap();
    let target = crate::helpers::TestDatabase::create(db).await;
    let out = kinerja_cli(
        &target.url,
        target.dir.path(),
        "database:",
        &["restore", archive.to_str().unwrap()],
    );
    assert!(out.contains("in the database"), "{out}");
    let restored = sea_orm::Database::connect(&target.url).await.unwrap();
    let back = Storage::Database(restored.clone());
    assert_eq!(back.keys().await.unwrap(), keys);
    assert_eq!(
        back.read(&keys[0]).await.unwrap(),
        in_db.read(&keys[0]).await.unwrap()
    );
    restored.close().await.unwrap();

    // Moved to the bucket by the command, then backed up with the S3 store: no failure.
    let out = kinerja_cli(
        &app._database.url,
        &data,
        "database:",
        &["storage-copy", "--from", "database:", "--to", &s3.url()],
    );
    assert!(
        out.contains(&format!("copied {} files", keys.len())),
        "{out}"
    );
    let bucket = Storage::from_choice(
        &Pilihan::parse(Some(&s3.url())).unwrap(),
        &data.join("uploads"),
        &app.db,
    )
    .unwrap();
    assert_eq!(bucket.keys().await.unwrap(), keys);
    let folder = tempfile::tempdir().unwrap();
    let to = folder.path().to_str().unwrap();
    let out = kinerja_cli(
        &app._database.url,
        &data,
        &s3.url(),
        &["backup", "--to", to],
    );
    assert!(out.contains("files:       0"), "{out}");
    assert!(!out.contains("warning"), "{out}");
    assert!(
        !out.contains("rahasia-uji"),
        "no credentials in the output: {out}"
    );
}
db_test!(backups_keep_database_files_and_leave_the_bucket_to_s3);

/// A replaced certificate leaves the store with the commit that replaces it, and a removed
/// record takes its certificate along: in the database store within the same transaction.
async fn certificates_replaced_or_removed_leave_the_store(db: Db, kind: &str) {
    use crate::pengembangan::{catat, kegiatan, ok, sertifikat};
    use kinerja_api::pengembangan::CatatanPengembangan;
    let Some(store) = Store::new(kind).await else {
        return;
    };
    let url = store.url();
    let c = crate::planning::chain_with(db, |env| {
        if let Some(url) = url {
            env.insert("KINERJA_STORAGE_URL".into(), url);
        }
    })
    .await;
    let storage = store.open(&c.app);
    let today = kinerja::clock::today();
    let r: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Bimtek Arsip", today, json!({"jp": 8})),
        )
        .await,
        201,
    )
    .await;
    let key_of = async |id| {
        kinerja::entities::catatan_pengembangan::Entity::find_by_id(id)
            .one(&c.app.db)
            .await
            .unwrap()
            .unwrap()
            .sertifikat_key
            .unwrap()
    };
    let r = sertifikat(&c, &c.rina, &r).await;
    let first = key_of(r.id).await;
    assert_eq!(storage.keys().await.unwrap(), vec![first.clone()]);
    let r = sertifikat(&c, &c.rina, &r).await;
    let second = key_of(r.id).await;
    assert_ne!(first, second);
    assert_eq!(
        storage.keys().await.unwrap(),
        vec![second],
        "the old one went"
    );
    let resp = c
        .app
        .client
        .delete(c.app.url(&format!(
            "/api/v1/pengembangan/catatan/{}?lock_version={}",
            r.id, r.lock_version
        )))
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert!(storage.keys().await.unwrap().is_empty());
}

async fn certificates_leave_the_database_store_with_their_record(db: Db) {
    certificates_replaced_or_removed_leave_the_store(db, "database").await;
}
db_test!(certificates_leave_the_database_store_with_their_record);

async fn certificates_leave_the_s3_store_with_their_record(db: Db) {
    certificates_replaced_or_removed_leave_the_store(db, "s3").await;
}
db_test!(certificates_leave_the_s3_store_with_their_record);
