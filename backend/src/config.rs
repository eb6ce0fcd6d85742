//! Configuration from `KINERJA_*` environment variables, optionally preceded by a file.
//!
//! The file named by `KINERJA_CONFIG_FILE` holds `KEY=VALUE` lines (the same names); real
//! environment variables override it. Every variable is listed in the README with its default;
//! operators and compose files depend on these names, so they stay stable.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A secret whose `Debug` output never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub environment: Environment,
    pub bind: String,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub db_max_connections: u32,
    /// A PostgreSQL streaming replica for heavy reads (dashboards, recaps, exports, the audit
    /// list); none: everything reads the primary (docs/replicas.md).
    pub database_read_url: Option<Secret>,
    /// A direct connection to the primary used only for LISTEN (the account cache), when
    /// `database_url` goes through a pooler in transaction mode.
    pub database_listen_url: Option<Secret>,
    /// `database_url` goes through a pooler in transaction mode (PgBouncer): no session state
    /// may be relied on; without `database_listen_url` the account cache stays off.
    pub database_pooled: bool,
    pub auto_migrate: bool,
    /// `None` until resolved by [`Settings::resolve_jwt_secret`].
    pub jwt_secret: Option<Secret>,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_secs: i64,
    pub client_token_ttl_secs: i64,
    pub cookie_secure: bool,
    pub cors_origins: Vec<String>,
    pub upload_dir: PathBuf,
    /// Where stored files live: the upload folder, the database or S3 (docs/storage.md).
    pub storage: crate::storage::Pilihan,
    pub spa_dir: PathBuf,
    pub log_format: LogFormat,
    pub log_level: String,
    pub max_body_bytes: usize,
    pub max_upload_bytes: usize,
    pub request_timeout_secs: u64,
    pub workers: usize,
    pub login_max_failures_per_user: u64,
    pub login_max_failures_per_ip: u64,
    pub login_window_secs: i64,
    pub trust_proxy_headers: bool,
    /// SMTP server for e-mail copies of notifications; none when unset.
    pub smtp_url: Option<Secret>,
    pub smtp_from: String,
    /// Base address of the SPA, for links in e-mails.
    pub public_url: String,
    pub jobs_interval_secs: u64,
    pub lock_reminder_days: i64,
    /// Refuse to set an evaluation that breaks the distribution pattern (else a warning).
    pub distribusi_blokir: bool,
    /// Rounding of the distribution percentages for small units.
    pub distribusi_pembulatan: kinerja_api::evaluation::Pembulatan,
    /// The rating hasil kerja a unit head gets for each organisation predikat.
    pub rating_kepala_unit: kinerja_api::evaluation::RatingKepalaUnit,
    /// Capaian thresholds of the suggested rating hasil kerja (percent).
    pub saran_di_atas: f64,
    pub saran_sesuai: f64,
    /// Public survey answers one client address may send to one survey per hour (0: no limit).
    pub survei_respons_per_jam: u64,
    /// Public survey answers one survey accepts per minute from everyone (0: no limit).
    pub survei_respons_per_menit: u64,
    /// Where scheduled backups are written (docs/backup.md).
    pub backup_dir: PathBuf,
    /// Hours between scheduled backups; 0 turns them off.
    pub backup_interval_hours: u32,
    pub backup_keep_daily: u32,
    pub backup_keep_weekly: u32,
    /// Admins are warned when no backup succeeded for this many hours.
    pub backup_warn_hours: u32,
    /// A subtree of at least this many units is large: its kept dashboard is served for
    /// `dasbor_umur_detik` (docs/dasbor.md, "Cost").
    pub dasbor_simpan_unit: usize,
    /// Seconds a kept dashboard of a large subtree is served before it is recounted.
    pub dasbor_umur_detik: u64,
    /// On PostgreSQL a list (the employees) is counted exactly up to this many rows; a longer
    /// one shows the planner's estimate (docs/performance.md, "Totals of long lists").
    pub daftar_total_tepat: u64,
    /// Seconds a kept dashboard of a smaller subtree (a kecamatan) is served before one
    /// server recounts it; 0 counts those for every request.
    pub dasbor_umur_kecil_detik: u64,
    /// The cycle's reminders (docs/pengingat.md): days before a deadline the person who must
    /// act is reminded, days after it the PPKin and then the Atasan PPKin are told, days after
    /// a sub-period's realisasi lock its evaluation is due, and the weekday (1 = Monday, 0 =
    /// none) of the pimpinan's weekly digest.
    pub pengingat_hari_sebelum: u32,
    pub eskalasi_ppkin_hari: u32,
    pub eskalasi_atasan_hari: u32,
    pub batas_evaluasi_hari: u32,
    pub ringkasan_hari: u32,
    /// Other people's full records one account may read in an hour before the admins are
    /// alerted (UU PDP, docs/privasi.md); 0 turns the alert off. [U] local choice: 50.
    pub pdp_baca_per_jam: u32,
    /// Years the private fields of people who left are kept, counted from the day they left,
    /// before `kinerja retention` erases them. [U] to be confirmed locally: 5.
    pub retensi_tahun: u32,
}

/// Reads `KINERJA_*` values from a map, keeping the error messages specific.
struct Source<'a>(&'a HashMap<String, String>);

impl Source<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    fn string(&self, key: &str, default: &str) -> String {
        self.get(key).unwrap_or(default).to_owned()
    }

    fn parse<T: std::str::FromStr>(&self, key: &str, default: T) -> anyhow::Result<T>
    where
        T::Err: fmt::Display,
    {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|e| anyhow::anyhow!("{key}: cannot parse {v:?}: {e}")),
        }
    }

    fn boolean(&self, key: &str, default: bool) -> anyhow::Result<bool> {
        match self.get(key).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(default),
            Some("1" | "true" | "yes" | "on") => Ok(true),
            Some("0" | "false" | "no" | "off") => Ok(false),
            Some(other) => bail!("{key}: expected true or false, got {other:?}"),
        }
    }
}

impl Settings {
    /// Loads the file named by `KINERJA_CONFIG_FILE` (if any), then the process environment.
    ///
    /// # Errors
    /// When the file cannot be read or a value cannot be parsed.
    pub fn from_env() -> anyhow::Result<Self> {
        let mut values = HashMap::new();
        if let Ok(path) = std::env::var("KINERJA_CONFIG_FILE") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("Failed to read KINERJA_CONFIG_FILE {path}"))?;
            values.extend(parse_env_file(&text));
        }
        values.extend(std::env::vars().filter(|(k, _)| k.starts_with("KINERJA_")));
        if let Ok(rust_log) = std::env::var("RUST_LOG") {
            values.entry("KINERJA_LOG_LEVEL".into()).or_insert(rust_log);
        }
        Self::from_map(&values)
    }

    /// Builds settings from `KINERJA_*` keys; missing keys take their documented defaults.
    ///
    /// # Errors
    /// When a value cannot be parsed.
    pub fn from_map(values: &HashMap<String, String>) -> anyhow::Result<Self> {
        let src = Source(values);
        let environment = match src.string("KINERJA_ENV", "development").as_str() {
            "development" | "dev" => Environment::Development,
            "production" | "prod" => Environment::Production,
            other => bail!("KINERJA_ENV: expected development or production, got {other:?}"),
        };
        let production = environment == Environment::Production;
        let data_dir = PathBuf::from(src.string("KINERJA_DATA_DIR", "./data"));
        let default_db = format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("kinerja.db").display()
        );
        let log_format = match src
            .string(
                "KINERJA_LOG_FORMAT",
                if production { "json" } else { "pretty" },
            )
            .as_str()
        {
            "pretty" => LogFormat::Pretty,
            "json" => LogFormat::Json,
            other => bail!("KINERJA_LOG_FORMAT: expected pretty or json, got {other:?}"),
        };
        let backup_dir = src
            .get("KINERJA_BACKUP_DIR")
            .map_or_else(|| data_dir.join("backups"), PathBuf::from);
        let settings = Settings {
            environment,
            bind: src.string("KINERJA_BIND", "127.0.0.1:8080"),
            database_url: loopback_without_tls(src.string("KINERJA_DATABASE_URL", &default_db)),
            upload_dir: src
                .get("KINERJA_UPLOAD_DIR")
                .map_or_else(|| data_dir.join("uploads"), PathBuf::from),
            storage: crate::storage::Pilihan::parse(src.get("KINERJA_STORAGE_URL"))?,
            data_dir,
            db_max_connections: src.parse("KINERJA_DB_MAX_CONNECTIONS", 10)?,
            database_read_url: src
                .get("KINERJA_DATABASE_READ_URL")
                .map(|u| Secret::new(loopback_without_tls(u.to_owned()))),
            database_listen_url: src
                .get("KINERJA_DATABASE_LISTEN_URL")
                .map(|u| Secret::new(loopback_without_tls(u.to_owned()))),
            database_pooled: src.boolean("KINERJA_DATABASE_POOLED", false)?,
            auto_migrate: src.boolean("KINERJA_AUTO_MIGRATE", true)?,
            jwt_secret: src.get("KINERJA_JWT_SECRET").map(Secret::new),
            access_token_ttl_secs: src.parse("KINERJA_ACCESS_TOKEN_TTL_SECS", 900)?,
            refresh_token_ttl_secs: src.parse("KINERJA_REFRESH_TOKEN_TTL_SECS", 14 * 24 * 3600)?,
            client_token_ttl_secs: src.parse("KINERJA_CLIENT_TOKEN_TTL_SECS", 900)?,
            cookie_secure: src.boolean("KINERJA_COOKIE_SECURE", production)?,
            cors_origins: src
                .string("KINERJA_CORS_ORIGINS", "")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            spa_dir: PathBuf::from(src.string("KINERJA_SPA_DIR", "frontend/dist")),
            log_format,
            log_level: src.string("KINERJA_LOG_LEVEL", "info,sqlx=warn,sea_orm=warn"),
            max_body_bytes: src.parse("KINERJA_MAX_BODY_BYTES", 1024 * 1024)?,
            max_upload_bytes: src.parse("KINERJA_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)?,
            request_timeout_secs: src.parse("KINERJA_REQUEST_TIMEOUT_SECS", 30)?,
            workers: src.parse("KINERJA_WORKERS", 0)?,
            login_max_failures_per_user: src.parse("KINERJA_LOGIN_MAX_FAILURES_PER_USER", 5)?,
            login_max_failures_per_ip: src.parse("KINERJA_LOGIN_MAX_FAILURES_PER_IP", 20)?,
            login_window_secs: src.parse("KINERJA_LOGIN_WINDOW_SECS", 15 * 60)?,
            trust_proxy_headers: src.boolean("KINERJA_TRUST_PROXY_HEADERS", false)?,
            smtp_url: src.get("KINERJA_SMTP_URL").map(Secret::new),
            smtp_from: src.string("KINERJA_SMTP_FROM", "Kinerja <noreply@kinerja.local>"),
            public_url: src.string("KINERJA_PUBLIC_URL", "http://127.0.0.1:8080"),
            jobs_interval_secs: src.parse("KINERJA_JOBS_INTERVAL_SECS", 60)?,
            lock_reminder_days: src.parse("KINERJA_LOCK_REMINDER_DAYS", 3)?,
            distribusi_blokir: src.boolean("KINERJA_DISTRIBUSI_BLOKIR", false)?,
            distribusi_pembulatan: {
                let text = src.string("KINERJA_DISTRIBUSI_PEMBULATAN", "terdekat");
                kinerja_api::evaluation::Pembulatan::parse(&text).ok_or_else(|| {
                    anyhow::anyhow!(
                        "KINERJA_DISTRIBUSI_PEMBULATAN: expected ketat, terdekat or longgar, got {text:?}"
                    )
                })?
            },
            rating_kepala_unit: kinerja_api::evaluation::RatingKepalaUnit::parse(
                &src.string("KINERJA_RATING_KEPALA_UNIT", ""),
            )
            .map_err(|e| anyhow::anyhow!("KINERJA_RATING_KEPALA_UNIT: {e}"))?,
            saran_di_atas: src.parse("KINERJA_SARAN_DI_ATAS", 110.0)?,
            saran_sesuai: src.parse("KINERJA_SARAN_SESUAI", 90.0)?,
            survei_respons_per_jam: src.parse("KINERJA_SURVEI_RESPONS_PER_JAM", 30)?,
            survei_respons_per_menit: src.parse("KINERJA_SURVEI_RESPONS_PER_MENIT", 600)?,
            backup_dir,
            backup_interval_hours: src.parse("KINERJA_BACKUP_INTERVAL_HOURS", 24)?,
            backup_keep_daily: src.parse("KINERJA_BACKUP_KEEP_DAILY", 7)?,
            backup_keep_weekly: src.parse("KINERJA_BACKUP_KEEP_WEEKLY", 4)?,
            backup_warn_hours: src.parse("KINERJA_BACKUP_WARN_HOURS", 48)?,
            dasbor_simpan_unit: src.parse("KINERJA_DASBOR_SIMPAN_UNIT", 200)?,
            dasbor_umur_detik: src.parse("KINERJA_DASBOR_UMUR_DETIK", 300)?,
            daftar_total_tepat: src
                .parse("KINERJA_DAFTAR_TOTAL_TEPAT", crate::total::EXACT_UP_TO)?,
            dasbor_umur_kecil_detik: src.parse("KINERJA_DASBOR_UMUR_KECIL_DETIK", 30)?,
            pengingat_hari_sebelum: src.parse("KINERJA_PENGINGAT_HARI_SEBELUM", 7)?,
            eskalasi_ppkin_hari: src.parse("KINERJA_ESKALASI_PPKIN_HARI", 3)?,
            eskalasi_atasan_hari: src.parse("KINERJA_ESKALASI_ATASAN_HARI", 7)?,
            batas_evaluasi_hari: src.parse("KINERJA_BATAS_EVALUASI_HARI", 10)?,
            ringkasan_hari: src.parse("KINERJA_RINGKASAN_HARI", 1)?,
            pdp_baca_per_jam: src.parse("KINERJA_PDP_BACA_PER_JAM", 50)?,
            retensi_tahun: src.parse("KINERJA_RETENSI_TAHUN", 5)?,
        };
        if settings.ringkasan_hari > 7 {
            bail!("KINERJA_RINGKASAN_HARI must be 0 (none) or 1 (Monday) to 7 (Sunday)");
        }
        if settings.eskalasi_atasan_hari < settings.eskalasi_ppkin_hari {
            bail!("KINERJA_ESKALASI_ATASAN_HARI must not be below KINERJA_ESKALASI_PPKIN_HARI");
        }
        if settings.access_token_ttl_secs < 1 || settings.refresh_token_ttl_secs < 1 {
            bail!("token lifetimes must be at least one second");
        }
        if settings.retensi_tahun < 1 {
            bail!("KINERJA_RETENSI_TAHUN must be at least 1 year");
        }
        for (name, url) in [
            ("KINERJA_DATABASE_READ_URL", &settings.database_read_url),
            ("KINERJA_DATABASE_LISTEN_URL", &settings.database_listen_url),
        ] {
            if let Some(url) = url
                && !(url.expose().starts_with("postgres://")
                    || url.expose().starts_with("postgresql://"))
            {
                bail!("{name} must be a PostgreSQL URL (postgres://…)");
            }
            if url.is_some() && settings.is_sqlite() {
                bail!("{name} needs KINERJA_DATABASE_URL on PostgreSQL");
            }
        }
        if settings.login_window_secs < 1 {
            bail!("KINERJA_LOGIN_WINDOW_SECS must be at least one second");
        }
        Ok(settings)
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// Resolves the JWT signing secret. Production requires `KINERJA_JWT_SECRET`; development
    /// generates one on first run and keeps it in `<data dir>/jwt-secret`, so tokens survive a
    /// restart.
    ///
    /// # Errors
    /// In production without a secret, when the secret is shorter than 32 bytes, or when the
    /// development secret file cannot be read or written.
    pub fn resolve_jwt_secret(&mut self) -> anyhow::Result<()> {
        if let Some(secret) = &self.jwt_secret {
            if secret.expose().len() < 32 {
                bail!("KINERJA_JWT_SECRET must be at least 32 characters");
            }
            return Ok(());
        }
        if self.environment == Environment::Production {
            bail!("KINERJA_JWT_SECRET is required when KINERJA_ENV=production; refusing to start");
        }
        let path = self.data_dir.join("jwt-secret");
        let secret = read_or_create_secret(&path)?;
        self.jwt_secret = Some(Secret::new(secret));
        Ok(())
    }
}

fn read_or_create_secret(path: &Path) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= 32 {
            return Ok(existing);
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("Failed to create {}", dir.display()))?;
    }
    let secret = crate::auth::tokens::random_token();
    std::fs::write(path, &secret).with_context(|| format!("Failed to write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("Failed to restrict {}", path.display()))?;
    }
    Ok(secret)
}

/// Parses `KEY=VALUE` lines; blank lines and `#` comments are skipped, quotes are stripped.
pub fn parse_env_file(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let (key, value) = line.split_once('=')?;
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some((key.trim().to_owned(), value.to_owned()))
    })
}

/// A PostgreSQL URL on this machine's loopback that does not choose `sslmode` gets
/// `sslmode=allow` (plain first, TLS only if the server insists) instead of the default
/// `prefer`. TLS on loopback protects nothing, and sqlx 0.9.0 leaves Nagle's algorithm on
/// (transact-rs/sqlx#4335): a statement written as two TLS records waited for the server's
/// delayed ACK, up to 40 ms (docs/performance.md, "Connections").
pub fn loopback_without_tls(url: String) -> String {
    let Some(rest) = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
    else {
        return url;
    };
    let (authority, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    if query.is_some_and(|q| q.split('&').any(|kv| kv.starts_with("sslmode="))) {
        return url;
    }
    let authority = authority.split('/').next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    if !matches!(host, "127.0.0.1" | "localhost" | "::1") {
        return url;
    }
    let glue = if query.is_some() { '&' } else { '?' };
    format!("{url}{glue}sslmode=allow")
}

#[cfg(test)]
mod tests {
    #[test]
    fn loopback_urls_skip_tls_unless_they_choose() {
        use super::loopback_without_tls as f;
        let own = |s: &str| f(s.to_owned());
        assert_eq!(
            own("postgres://postgres@127.0.0.1:5432/k"),
            "postgres://postgres@127.0.0.1:5432/k?sslmode=allow"
        );
        assert_eq!(
            own("postgresql://u:p@localhost/k?application_name=x"),
            "postgresql://u:p@localhost/k?application_name=x&sslmode=allow"
        );
        assert_eq!(
            own("postgres://u@[::1]:5433/k"),
            "postgres://u@[::1]:5433/k?sslmode=allow"
        );
        assert_eq!(
            own("postgres://u@127.0.0.1/k?sslmode=require"),
            "postgres://u@127.0.0.1/k?sslmode=require"
        );
        assert_eq!(
            own("postgres://u@db.example.go.id/k"),
            "postgres://u@db.example.go.id/k"
        );
        assert_eq!(
            own("sqlite://./data/kinerja.db?mode=rwc"),
            "sqlite://./data/kinerja.db?mode=rwc"
        );
    }

    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_use_embedded_sqlite_under_data() {
        let s = Settings::from_map(&HashMap::new()).unwrap();
        assert_eq!(s.bind, "127.0.0.1:8080");
        assert_eq!(s.database_url, "sqlite://./data/kinerja.db?mode=rwc");
        assert_eq!(s.environment, Environment::Development);
        assert_eq!(s.access_token_ttl_secs, 900);
        assert!(s.auto_migrate);
        assert!(!s.cookie_secure);
    }

    #[test]
    fn production_refuses_to_start_without_a_jwt_secret() {
        let mut s = Settings::from_map(&map(&[("KINERJA_ENV", "production")])).unwrap();
        let err = s.resolve_jwt_secret().unwrap_err();
        assert!(err.to_string().contains("KINERJA_JWT_SECRET is required"));
        assert!(s.cookie_secure, "production cookies are Secure by default");
    }

    #[test]
    fn development_secret_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().to_str().unwrap();
        let mut first = Settings::from_map(&map(&[("KINERJA_DATA_DIR", data)])).unwrap();
        first.resolve_jwt_secret().unwrap();
        let mut second = Settings::from_map(&map(&[("KINERJA_DATA_DIR", data)])).unwrap();
        second.resolve_jwt_secret().unwrap();
        assert_eq!(first.jwt_secret, second.jwt_secret);
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = Settings::from_map(&map(&[("KINERJA_AUTO_MIGRATE", "maybe")])).unwrap_err();
        assert!(err.to_string().contains("KINERJA_AUTO_MIGRATE"));
        let err = Settings::from_map(&map(&[("KINERJA_ACCESS_TOKEN_TTL_SECS", "x")])).unwrap_err();
        assert!(err.to_string().contains("KINERJA_ACCESS_TOKEN_TTL_SECS"));
    }

    #[test]
    fn env_file_lines_are_parsed() {
        let pairs: Vec<_> =
            parse_env_file("# c\nKINERJA_BIND = 0.0.0.0:80\n\nKINERJA_ENV=\"production\"\n")
                .collect();
        assert_eq!(
            pairs,
            vec![
                ("KINERJA_BIND".to_owned(), "0.0.0.0:80".to_owned()),
                ("KINERJA_ENV".to_owned(), "production".to_owned())
            ]
        );
    }

    #[test]
    fn every_variable_is_documented_in_the_readme() {
        let readme = include_str!("../../README.md");
        let source = include_str!("config.rs");
        let mut names: Vec<&str> = source
            .split('"')
            .filter(|s| {
                s.len() > 8
                    && s.starts_with("KINERJA_")
                    && s.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        assert!(names.len() > 20, "{names:?}");
        for name in names {
            assert!(
                readme.contains(&format!("`{name}`")),
                "README does not document {name}"
            );
        }
    }
}
