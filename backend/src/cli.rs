//! The `kinerja` command line: `serve` (default), `migrate`, `create-admin`, `seed-demo`,
//! `seed-scale`, `openapi`, `audit-verify`, `backup`, `restore`, `retention`.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use kinerja_api::auth::Role;
use kinerja_api::users::CreateUser;
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use validator::Validate;

use crate::config::{Environment, Settings};
use crate::entities::users;
use crate::error::AppError;
use crate::extract::RequestMeta;
use crate::startup::Application;
use crate::{audit, database, openapi, telemetry};

#[derive(Parser)]
#[command(
    name = "kinerja",
    version,
    about = "Kinerja — Sistem Manajemen Kinerja PNS/PPPK"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API, Swagger UI and the SPA (the default).
    Serve,
    /// Apply pending migrations (or roll back with --down).
    Migrate {
        /// Roll back this many migrations instead.
        #[arg(long)]
        down: Option<u32>,
        /// Show applied and pending migrations.
        #[arg(long)]
        status: bool,
    },
    /// Create an administrator account (prompts for what is not given).
    CreateAdmin {
        #[arg(long)]
        username: Option<String>,
        /// Prefer the prompt or KINERJA_ADMIN_PASSWORD: flags are visible in `ps`.
        #[arg(long, env = "KINERJA_ADMIN_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long, default_value = "Administrator Kepegawaian")]
        full_name: String,
        /// Grant `superadmin` as well (may grant admin rights to others).
        #[arg(long)]
        superadmin: bool,
    },
    /// Create demo accounts for trying Kinerja out (refused in production without --force).
    SeedDemo {
        #[arg(long)]
        force: bool,
    },
    /// Add a province-sized organisation to the demo for benchmarks (after `seed-demo`;
    /// refused in production without --force). See docs/performance.md.
    SeedScale {
        /// Employees to generate (100000 is a province; 1000 suits SQLite).
        #[arg(long, default_value_t = 100_000)]
        employees: usize,
        /// Varies names and values; the same seed gives the same data.
        #[arg(long, default_value_t = 16)]
        seed: u64,
        #[arg(long)]
        force: bool,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Verify the audit trail's hash chains (every chain, or one instansi's); exits 1 at the
    /// first broken link.
    AuditVerify {
        /// Only this instansi's chain.
        #[arg(long)]
        instansi: Option<uuid::Uuid>,
    },
    /// Write one backup archive of the database and every stored file, while the server runs
    /// (docs/backup.md).
    Backup {
        /// The folder to write it to (default: KINERJA_BACKUP_DIR).
        #[arg(long)]
        to: Option<std::path::PathBuf>,
    },
    /// Erase the private fields of people who left the instansi KINERJA_RETENSI_TAHUN years ago
    /// or more (docs/privasi.md); audited, idempotent.
    Retention {
        /// Only print who would be erased.
        #[arg(long)]
        dry_run: bool,
    },
    /// Restore a backup archive into an empty database and upload folder; checks the archive
    /// first and the result after.
    Restore {
        /// The `.tar.gz` written by `kinerja backup`.
        archive: std::path::PathBuf,
    },
    /// Copy stored files from one store to another (file:, database:, s3://…), skipping
    /// those already there; keys stay the same, so pointing `KINERJA_STORAGE_URL` at the
    /// target afterwards switches stores (docs/storage.md).
    StorageCopy {
        /// The store to read: `file:` (KINERJA_UPLOAD_DIR), `database:` or `s3://bucket/prefix?…`.
        #[arg(long)]
        from: String,
        /// The store to write.
        #[arg(long)]
        to: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("kinerja: configuration error: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(settings.log_format, &settings.log_level);
    let result =
        actix_web::rt::System::new().block_on(run(cli.command.unwrap_or(Command::Serve), settings));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kinerja: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve => {
            let app = Application::build(settings.clone()).await?;
            tracing::info!(bind = %settings.bind, port = app.port(), "Kinerja is listening; Swagger UI at /docs/");
            app.run_until_stopped().await?;
        }
        Command::Migrate { down, status } => {
            let db = database::connect(&settings).await?;
            if status {
                Migrator::status(&db).await?;
            } else if let Some(steps) = down {
                Migrator::down(&db, Some(steps)).await?;
                println!("rolled back {steps} migration(s)");
            } else {
                Migrator::up(&db, None).await?;
                println!("database is up to date");
            }
        }
        Command::CreateAdmin {
            username,
            password,
            email,
            full_name,
            superadmin,
        } => {
            let db = connect_migrated(&settings).await?;
            let username = match username {
                Some(u) => u,
                None => prompt("Nama pengguna admin: ")?,
            };
            let password = match password {
                Some(p) => p,
                None => rpassword::prompt_password("Kata sandi (min. 10 karakter): ")?,
            };
            let mut roles = vec![Role::Admin, Role::Pegawai];
            if superadmin {
                roles.push(Role::Superadmin);
            }
            let user = create_user(
                &db,
                CreateUser {
                    username,
                    email,
                    full_name,
                    password,
                    roles,
                },
            )
            .await?;
            println!("created admin {} ({})", user.username, user.id);
        }
        Command::SeedDemo { force } => {
            if settings.environment == Environment::Production && !force {
                bail!("refusing to create demo accounts in production (use --force)");
            }
            let db = connect_migrated(&settings).await?;
            for account in demo_accounts() {
                let exists = users::Entity::find()
                    .filter(users::Column::Username.eq(account.username.clone()))
                    .one(&db)
                    .await?
                    .is_some();
                if exists {
                    println!("exists   {}", account.username);
                } else {
                    create_user(&db, account.clone()).await?;
                    println!("created  {} ({})", account.username, account.full_name);
                }
            }
            if crate::demo::seed_organisation(&db)
                .await
                .map_err(app_error)?
            {
                println!("created  the Kecamatan Cipocok Jaya demo organisation");
            } else {
                println!("exists   the Kecamatan Cipocok Jaya demo organisation");
            }
            let trainings = crate::demo::seed_katalog(&db).await.map_err(app_error)?;
            if trainings > 0 {
                println!("created  a training catalogue of {trainings} trainings");
            }
            let agreed = crate::demo::seed_planning(&db).await.map_err(app_error)?;
            if agreed > 0 {
                println!("created  the current year's period with {agreed} approved SKP");
            }
            let storage =
                crate::storage::Storage::from_choice(&settings.storage, &settings.upload_dir, &db)?;
            let evaluated = crate::demo::seed_year(
                &db,
                crate::evaluation::service::Kebijakan::from_settings(&settings),
                &storage,
            )
            .await
            .map_err(app_error)?;
            if evaluated > 0 {
                println!(
                    "created  realisasi for the past months and {evaluated} evaluations (an objection decided, improvement plans)"
                );
            }
            let placed = crate::demo::talenta::seed_talenta(&db)
                .await
                .map_err(app_error)?;
            if placed > 0 {
                println!(
                    "created  potentials and two past years' predikat for {placed} employees, two key positions"
                );
            }
            if crate::demo::pengumuman::seed_pengumuman(&db)
                .await
                .map_err(app_error)?
            {
                println!("created  an announcement to everyone from the HR office");
            }
            let linked = crate::demo::link_accounts(&db).await.map_err(app_error)?;
            if linked > 0 {
                println!("linked   {linked} account(s) to their employee records");
            }
            println!("demo password for every account: {DEMO_PASSWORD}");
        }
        Command::SeedScale {
            employees,
            seed,
            force,
        } => {
            if settings.environment == Environment::Production && !force {
                bail!("refusing to generate benchmark data in production (use --force)");
            }
            let db = connect_migrated(&settings).await?;
            let started = std::time::Instant::now();
            let report = crate::demo::skala::seed_scale(
                &db,
                crate::demo::skala::Options { employees, seed },
                DEMO_PASSWORD,
                false,
            )
            .await
            .map_err(app_error)?;
            let rows: u64 = report.tables.iter().map(|(_, n, _)| n).sum();
            println!(
                "created  {rows} rows in {:.1} s; period {} (realisasi to month {})",
                started.elapsed().as_secs_f64(),
                report.period_id,
                report.last_periode_ke
            );
            for akun in [&report.ppkin, &report.pegawai, &report.kepala] {
                println!(
                    "account  {} user {} employee {} skp {} unit {}",
                    akun.username, akun.user_id, akun.employee_id, akun.skp_id, akun.unit_id
                );
            }
            println!(
                "survey   {} kode {} (open, 10000 responses)",
                report.survei.0, report.survei.1
            );
            println!("password for the accounts: {DEMO_PASSWORD}");
        }
        Command::Openapi => print!("{}", openapi::to_pretty_json()?),
        Command::Backup { to } => {
            let db = database::connect(&settings).await?;
            let folder = to.unwrap_or_else(|| settings.backup_dir.clone());
            let sumber = crate::cadangan::buat::Sumber::from_settings(&settings);
            let mulai = chrono::Utc::now();
            let id = uuid::Uuid::now_v7();
            let hasil = crate::cadangan::buat::buat(&db, &sumber, &folder, id, mulai).await;
            // Recorded after the copy, so the copy never holds its own unfinished run. Not on
            // SQLite: a write from a second process can fail a running server's transaction
            // (SQLITE_BUSY_SNAPSHOT), and a backup must never do that.
            if !settings.is_sqlite()
                && let Err(e) = crate::cadangan::jadwal::catat_manual(&db, id, mulai, &hasil).await
            {
                eprintln!("kinerja: the backup could not be recorded for the system page: {e}");
            }
            let hasil = hasil?;
            print!("{}", crate::cadangan::ringkas_cadangan(&hasil));
        }
        Command::Restore { archive } => {
            let sumber = crate::cadangan::buat::Sumber::from_settings(&settings);
            let ringkasan = crate::cadangan::pulih::pulih(&sumber, &archive).await?;
            print!(
                "{}",
                crate::cadangan::ringkas_pulih(&archive, &sumber, &ringkasan)
            );
        }
        Command::StorageCopy { from, to } => {
            let db = connect_migrated(&settings).await?;
            let open = |url: &str| -> anyhow::Result<crate::storage::Storage> {
                let choice = crate::storage::Pilihan::parse(Some(url))?;
                crate::storage::Storage::from_choice(&choice, &settings.upload_dir, &db)
            };
            let (source, target) = (open(&from)?, open(&to)?);
            let (copied, there) = source.copy_to(&target).await?;
            println!("copied {copied} files, {there} were already there");
        }
        Command::Retention { dry_run } => {
            let db = connect_migrated(&settings).await?;
            let tahun = settings.retensi_tahun;
            let now = chrono::Utc::now();
            let calon = if dry_run {
                crate::privasi::retensi::calon(&db, tahun, now).await
            } else {
                let meta = RequestMeta {
                    request_id: Some("cli".into()),
                    ip: None,
                    user_agent: None,
                };
                crate::privasi::retensi::hapus(&db, tahun, now, &meta).await
            }
            .map_err(app_error)?;
            print!(
                "{}",
                crate::privasi::retensi::ringkas(&calon, tahun, dry_run)
            );
        }
        Command::AuditVerify { instansi } => {
            let db = database::connect(&settings).await?;
            let report = audit::verify::verify(&db, instansi)
                .await
                .map_err(app_error)?;
            println!("{}", audit::verify::describe(&report));
            if !report.intact {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn connect_migrated(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let db = database::connect(settings).await?;
    if settings.auto_migrate {
        Migrator::up(&db, None)
            .await
            .context("Failed to run migrations")?;
    }
    Ok(db)
}

async fn create_user(
    db: &DatabaseConnection,
    account: CreateUser,
) -> anyhow::Result<kinerja_api::users::User> {
    if let Err(errors) = account.validate() {
        return Err(app_error(errors.into()));
    }
    let meta = RequestMeta {
        request_id: Some("cli".into()),
        ..RequestMeta::default()
    };
    crate::users::service::create(db, None, account, &meta)
        .await
        .map_err(app_error)
}

/// Renders an `AppError` for a terminal: field messages instead of a debug dump.
fn app_error(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(_) => {
            let lines: Vec<String> = field_messages(&e)
                .iter()
                .map(|(field, messages)| format!("  {field}: {}", messages.join(" ")))
                .collect();
            anyhow::anyhow!("invalid input:\n{}", lines.join("\n"))
        }
        AppError::Unexpected(inner) => inner,
        other => anyhow::anyhow!(
            "{}",
            other.body().detail.unwrap_or_else(|| other.to_string())
        ),
    }
}

/// The Indonesian field messages of a 422.
fn field_messages(e: &AppError) -> std::collections::BTreeMap<String, Vec<String>> {
    e.body().errors.unwrap_or_default()
}

fn prompt(label: &str) -> anyhow::Result<String> {
    eprint!("{label}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_owned())
}

/// Shared password of the demo accounts (development only).
pub const DEMO_PASSWORD: &str = "Demo-Kinerja-2026";

/// Accounts for the Kecamatan Cipocok Jaya demo, one per role; the camat, the sekcam, the
/// kasubag umum and the pelaksana are linked to their employee records by NIP.
fn demo_accounts() -> Vec<CreateUser> {
    let account = |username: &str, full_name: &str, roles: Vec<Role>| CreateUser {
        username: username.to_owned(),
        email: None,
        full_name: full_name.to_owned(),
        password: DEMO_PASSWORD.to_owned(),
        roles,
    };
    vec![
        account(
            "admin.bkpsdm",
            "Admin BKPSDM Kota Serang",
            vec![Role::Admin, Role::Pegawai],
        ),
        account("superadmin", "Operator Kinerja", vec![Role::Superadmin]),
        account(
            "auditor.inspektorat",
            "Auditor Inspektorat Kota Serang",
            vec![Role::Auditor],
        ),
        account(
            crate::demo::CAMAT_NIP,
            "Hendra Gunawan, S.STP., M.Si.",
            vec![Role::Pimpinan, Role::Pegawai],
        ),
        account(
            crate::demo::PELAKSANA_NIP,
            "Rina Marlina",
            vec![Role::Pegawai],
        ),
        account(
            crate::demo::KASUBAG_UMUM_NIP,
            "Dewi Lestari, S.Sos.",
            vec![Role::Pegawai],
        ),
        account(
            crate::demo::SEKCAM_NIP,
            "Ahmad Fauzi, S.STP., M.Si.",
            vec![Role::Pimpinan, Role::Pegawai],
        ),
    ]
}
