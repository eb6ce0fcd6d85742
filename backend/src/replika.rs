//! Reads from a PostgreSQL streaming replica (`KINERJA_DATABASE_READ_URL`; docs/replicas.md,
//! "Reads from a replica").
//!
//! Handlers of heavy read-only queries (dashboards, recaps, exports, the audit list) take
//! [`Baca`] instead of `state.db`. It is the replica when one is configured, reachable, and has
//! replayed everything this client just wrote; else the primary. "Just wrote" is carried by the
//! client: after a successful write the answer sets the cookie `kinerja_lsn` (and the header
//! `x-kinerja-lsn`, which clients without cookies send back) to the primary's WAL insert
//! position, for [`LEKAT_DETIK`] seconds; a read with it goes to the replica only when
//! `pg_last_wal_replay_lsn()` there is at or past it. So nobody saves something and then sees
//! it gone; other people's writes reach the replica's readers within the replication lag.
//! Every routed answer says where it was read (`x-kinerja-dibaca: replika|primer`).

use std::sync::atomic::{AtomicI64, Ordering};

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

use crate::error::AppError;
use crate::state::AppState;

pub const COOKIE: &str = "kinerja_lsn";
pub const HEADER: &str = "x-kinerja-lsn";
/// Where a routed read was served from: `replika` or `primer`.
pub const HEADER_DIBACA: &str = "x-kinerja-dibaca";
/// How long after a write this client's reads wait for the replica to have it: well above a
/// healthy replica's lag (milliseconds), and a read after it that still finds the replica
/// behind sees the data as it was a moment earlier, never a write of its own being undone
/// within the time anyone looks.
pub const LEKAT_DETIK: i64 = 120;

/// After a failed check the replica is left alone this long: a replica that is down (or a
/// network that drops packets) costs one timeout per interval, not one per request.
const ISTIRAHAT_DETIK: i64 = 10;

/// The read replica's pool and when it may be tried again after a failure.
pub struct Replika {
    pub db: DatabaseConnection,
    gagal_sampai: AtomicI64,
}

impl Replika {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            gagal_sampai: AtomicI64::new(0),
        }
    }
}

/// Where a read was served from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sumber {
    Replika,
    Primer,
}

/// The connection for a heavy read: the replica when it may serve this client, else the
/// primary.
pub struct Baca(pub DatabaseConnection);

/// A WAL position as PostgreSQL writes it (`16/B374D848`); anything else is ignored.
fn lsn_valid(s: &str) -> bool {
    s.split_once('/').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_hexdigit()))
    })
}

fn lsn_of(req: &HttpRequest) -> Option<String> {
    let header = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    header
        .or_else(|| req.cookie(COOKIE).map(|c| c.value().to_owned()))
        .filter(|s| lsn_valid(s))
}

impl FromRequest for Baca {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<Data<AppState>>().cloned();
        let lsn = lsn_of(req);
        let req = req.clone();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("no app state")))?;
            let (db, sumber) = pilih(&state, lsn.as_deref()).await;
            if state.replika.is_some() {
                req.extensions_mut().insert(sumber);
            }
            Ok(Baca(db))
        })
    }
}

/// The replica if configured, reachable and at or past `lsn`; else the primary.
pub async fn pilih(state: &AppState, lsn: Option<&str>) -> (DatabaseConnection, Sumber) {
    let Some(replika) = &state.replika else {
        return (state.db.clone(), Sumber::Primer);
    };
    let now = chrono::Utc::now().timestamp();
    if replika.gagal_sampai.load(Ordering::Relaxed) > now {
        return (state.db.clone(), Sumber::Primer);
    }
    match siap(&replika.db, lsn).await {
        Ok(true) => (replika.db.clone(), Sumber::Replika),
        Ok(false) => (state.db.clone(), Sumber::Primer),
        Err(e) => {
            replika
                .gagal_sampai
                .store(now + ISTIRAHAT_DETIK, Ordering::Relaxed);
            tracing::warn!(error = %e, "read replica unreachable; reading from the primary");
            (state.db.clone(), Sumber::Primer)
        }
    }
}

/// One statement on the replica: whether it has replayed `lsn` (a server that is not in
/// recovery has no replay position and never is), or only that it answers.
async fn siap(replika: &DatabaseConnection, lsn: Option<&str>) -> Result<bool, DbErr> {
    let backend = DbBackend::Postgres;
    let stmt = match lsn {
        Some(l) => Statement::from_sql_and_values(
            backend,
            "SELECT COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS ok",
            [l.into()],
        ),
        None => Statement::from_string(backend, "SELECT true AS ok"),
    };
    let row = replika.query_one_raw(stmt).await?;
    Ok(row
        .and_then(|r| r.try_get::<bool>("", "ok").ok())
        .unwrap_or(false))
}

async fn lsn_primer(db: &DatabaseConnection) -> Result<Option<String>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_current_wal_insert_lsn()::text AS lsn",
        ))
        .await?;
    Ok(row.and_then(|r| r.try_get::<String>("", "lsn").ok()))
}

/// Middleware (only at work with a replica configured): after a successful write, hands the
/// client the primary's WAL position; on a routed read, says where it was served from.
pub async fn ikuti_tulisan(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let tulis = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let state = req.app_data::<Data<AppState>>().cloned();
    let mut res = next.call(req).await?;
    let Some(state) = state.filter(|s| s.replika.is_some()) else {
        return Ok(res);
    };
    if tulis && res.status().is_success() {
        match lsn_primer(&state.db).await {
            Ok(Some(lsn)) => {
                let cookie = Cookie::build(COOKIE, lsn.clone())
                    .path("/")
                    .http_only(true)
                    .same_site(SameSite::Strict)
                    .secure(state.settings.cookie_secure)
                    .max_age(CookieDuration::seconds(LEKAT_DETIK))
                    .finish();
                if let Err(e) = res.response_mut().add_cookie(&cookie) {
                    tracing::warn!(error = %e, "could not set the WAL position cookie");
                }
                if let Ok(v) = HeaderValue::from_str(&lsn) {
                    res.headers_mut().insert(HeaderName::from_static(HEADER), v);
                }
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not read the primary's WAL position"),
        }
    }
    let sumber = res.request().extensions().get::<Sumber>().copied();
    if let Some(s) = sumber {
        res.headers_mut().insert(
            HeaderName::from_static(HEADER_DIBACA),
            HeaderValue::from_static(match s {
                Sumber::Replika => "replika",
                Sumber::Primer => "primer",
            }),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_wal_positions_are_taken() {
        assert!(lsn_valid("16/B374D848"));
        assert!(lsn_valid("0/0"));
        assert!(!lsn_valid("16B374D848"));
        assert!(!lsn_valid("16/B374D848'; --"));
        assert!(!lsn_valid("/1"));
        assert!(!lsn_valid("123456789/1"));
    }
}
