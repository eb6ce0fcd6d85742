//! Background work of the server: reminders before a sub-period locks and the cycle's
//! escalating reminders (`pengingat::siklus`), e-mail copies of
//! notifications when SMTP is configured, the IKM of changed surveys landed on the IKIs
//! they feed (`survei::iki_hitung`), and scheduled backups (`cadangan::jadwal`).
//!
//! Notifications are written inside the transactions that cause them; e-mail is sent
//! afterwards from that table (an outbox), so a slow or absent mail server never holds a
//! transaction open or loses a notification.
//!
//! Every server runs these jobs: each unit of work is claimed in the database (a key inserted
//! with the notification, a conditional update, a lease) so that it is done once whatever the
//! number of servers, and a server killed mid-job leaves the rest to the next (docs/replicas.md,
//! "Work done once", the table per job).

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Duration as Days, NaiveDate, Utc};
use kinerja_api::planning::{NotificationParams, Ritme, StatusPeriode};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QuerySelect, Statement,
};
use uuid::Uuid;

use crate::clock::Clock;
use crate::config::Settings;
use crate::entities::{
    employees, notifications, periods, realisasi, skp_iki, skp_rhk, skps, users,
};
use crate::error::AppResult;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::planning::versi::Versions;

/// Reminds the owners of approved SKPs whose current sub-period locks within `days_before`
/// days and still has indicators without realisasi. Sends each reminder once.
///
/// # Errors
/// On a database failure.
pub async fn remind_locks(
    db: &DatabaseConnection,
    at: DateTime<Utc>,
    days_before: i64,
) -> AppResult<usize> {
    let mut sent = 0;
    for period in periods::Entity::find()
        .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
        .all(db)
        .await?
    {
        // Lock dates are days in the period's instansi's zone.
        let today = crate::clock::local_day(
            at,
            crate::clock::instansi_offset(db, period.instansi_id).await?,
        );
        let ritme = Ritme::parse(&period.ritme);
        let n = jumlah_periode(ritme.unwrap_or(Ritme::Bulanan));
        // The sub-periods whose lock date is today or within the window.
        let due: Vec<(i32, NaiveDate)> = (1..=n)
            .filter_map(|k| {
                let (_, end) = bounds(&period, k)?;
                let batas = end + Days::days(i64::from(period.jeda_kunci_realisasi_hari));
                (today <= batas && batas <= today + Days::days(days_before)).then_some((k, batas))
            })
            .collect();
        if due.is_empty() {
            continue;
        }
        // Every approved version: a sub-period reminds about the version in force for it.
        let skp_rows = skps::Entity::find()
            .filter(skps::Column::PeriodId.eq(period.id))
            .filter(skps::Column::DisetujuiAt.is_not_null())
            .all(db)
            .await?;
        let skp_ids: Vec<Uuid> = skp_rows.iter().map(|s| s.id).collect();
        let mut by_employee: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
        for s in skp_rows {
            by_employee.entry(s.employee_id).or_default().push(s);
        }
        let in_force: Vec<Versions> = by_employee
            .into_values()
            .map(|list| Versions::of(&period, list))
            .collect();
        // Every version of the period's SKPs, to recognise this period's earlier reminders.
        let versions: HashSet<Uuid> = skps::Entity::find()
            .filter(skps::Column::PeriodId.eq(period.id))
            .select_only()
            .column(skps::Column::Id)
            .into_tuple::<Uuid>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.is_in(skp_ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.id, r.skp_id))
            .collect();
        let mut iki_of: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for i in skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(rhk.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
        {
            if let Some(skp) = rhk.get(&i.rhk_id) {
                iki_of.entry(*skp).or_default().push(i.id);
            }
        }
        for (k, batas) in due {
            let filled: HashSet<Uuid> = realisasi::Entity::find()
                .filter(realisasi::Column::PeriodeKe.eq(k))
                .filter(
                    realisasi::Column::IkiId
                        .is_in(iki_of.values().flatten().copied().collect::<Vec<_>>()),
                )
                .all(db)
                .await?
                .into_iter()
                .filter(|r| r.nilai.is_some() || r.naratif.is_some())
                .map(|r| r.iki_id)
                .collect();
            let tautan = format!("/realisasi?periode_ke={k}");
            // Employees already reminded of this sub-period, in one query rather than one per
            // SKP. Keyed by employee, not SKP: after a perubahan SKP the new version must not
            // remind them a second time.
            let sent_before: HashSet<Uuid> = notifications::Entity::find()
                .filter(notifications::Column::Kind.eq(crate::notifications::KIND_AKAN_TERKUNCI))
                .filter(notifications::Column::Tautan.starts_with(format!("{tautan}&skp=")))
                .all(db)
                .await?
                .into_iter()
                .filter(|n| {
                    n.tautan
                        .as_deref()
                        .and_then(|t| t.rsplit_once("&skp="))
                        .and_then(|(_, id)| Uuid::parse_str(id).ok())
                        .is_some_and(|id| versions.contains(&id))
                })
                .map(|n| n.recipient_employee_id)
                .collect();
            for skp in in_force.iter().filter_map(|v| v.in_force(k)) {
                let missing = iki_of
                    .get(&skp.id)
                    .map_or(0, |ids| ids.iter().filter(|i| !filled.contains(i)).count());
                if missing == 0 {
                    continue;
                }
                if sent_before.contains(&skp.employee_id) {
                    continue;
                }
                // The key makes it once even when two servers run this at the same moment
                // (both read `sent_before` before either wrote).
                let kunci = format!("terkunci:{}:{k}:{}", period.id, skp.employee_id);
                let params = NotificationParams {
                    pegawai: skp
                        .snapshot
                        .pointer("/pegawai/nama_lengkap")
                        .and_then(|v| v.as_str())
                        .map(str::to_owned),
                    tahun: Some(period.tahun),
                    periode_ke: Some(k),
                    ritme,
                    tanggal: Some(batas),
                    jumlah: i64::try_from(missing).ok(),
                    ..NotificationParams::default()
                };
                if !crate::pengingat::siklus::kirim_sekali(
                    db,
                    kunci,
                    skp.employee_id,
                    crate::notifications::KIND_AKAN_TERKUNCI,
                    params,
                    &format!("{tautan}&skp={}", skp.id),
                    at,
                )
                .await?
                {
                    continue;
                }
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// SMTP delivery of notifications.
pub struct Mailer {
    /// This server's name in the claims it makes (random per process).
    id: Uuid,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Mailer {
    /// `None` when `KINERJA_SMTP_URL` is not set.
    ///
    /// # Errors
    /// A malformed SMTP URL or sender address.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Option<Self>> {
        let Some(url) = &settings.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
            .map_err(|e| anyhow::anyhow!("KINERJA_SMTP_URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = settings
            .smtp_from
            .parse()
            .map_err(|e| anyhow::anyhow!("KINERJA_SMTP_FROM: {e}"))?;
        Ok(Some(Self {
            id: Uuid::now_v7(),
            transport,
            from,
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
        }))
    }
}

/// Notifications older than this when first seen by the mailer are not e-mailed (turning SMTP
/// on must not flood inboxes with old news).
const EMAIL_MAX_AGE_HOURS: i64 = 24;
/// Notifications one claim takes: few enough that sending them all (at most 20 s each, the
/// SMTP timeout) ends well within the lease.
const EMAIL_PER_KLAIM: u64 = 20;
/// Claims per run at most (200 e-mails), as before claims existed.
const EMAIL_KLAIM_PER_PUTARAN: usize = 10;
/// How long a claim holds: a server killed mid-run leaves its claimed e-mails to the next
/// server after this.
pub const EMAIL_LEASE_SECS: i64 = 600;

/// Claims up to [`EMAIL_PER_KLAIM`] pending notifications for this server in one statement:
/// only rows no live claim holds are taken, so of two servers running together each e-mail
/// goes to one (PostgreSQL skips rows another claim is locking; SQLite has one writer).
async fn klaim_email(
    db: &DatabaseConnection,
    oleh: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Vec<notifications::Model>> {
    let backend = db.get_database_backend();
    let (p, skip) = if backend == DbBackend::Postgres {
        (["$1", "$2", "$3", "$4"], " FOR UPDATE SKIP LOCKED")
    } else {
        (["?1", "?2", "?3", "?4"], "")
    };
    // The outer condition repeats the inner one: PostgreSQL rechecks it on a row another
    // statement changed meanwhile.
    let free = format!(
        "email_diproses_at IS NULL AND (email_klaim_sampai IS NULL OR email_klaim_sampai < {})",
        p[2]
    );
    let sql = format!(
        "UPDATE notifications SET email_klaim_oleh = {}, email_klaim_sampai = {} \
         WHERE id IN (SELECT id FROM notifications WHERE {free} \
           ORDER BY created_at LIMIT {}{skip}) AND {free} \
         RETURNING *",
        p[0], p[1], p[3]
    );
    let rows = notifications::Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            backend,
            sql,
            [
                oleh.into(),
                (now + Days::seconds(EMAIL_LEASE_SECS)).into(),
                now.into(),
                i64::try_from(EMAIL_PER_KLAIM).unwrap_or(20).into(),
            ],
        ))
        .all(db)
        .await?;
    Ok(rows)
}

/// E-mails the notifications not yet handled to their recipients' addresses (the employee
/// record's e-mail, else the linked account's). Each is handled once, by the server whose
/// claim took it: sent, or skipped for want of an address; a failed delivery gives the claim
/// back for the next run.
///
/// A server killed between the SMTP server's acceptance and the mark sends that one e-mail
/// again after the lease: SMTP has no way to ask whether a message arrived.
///
/// # Errors
/// On a database failure.
pub async fn send_pending(db: &DatabaseConnection, mailer: &Mailer) -> AppResult<usize> {
    let mut sent = 0;
    for _ in 0..EMAIL_KLAIM_PER_PUTARAN {
        let pending = klaim_email(db, mailer.id, Utc::now()).await?;
        let n = pending.len();
        if n == 0 {
            break;
        }
        sent += send_claimed(db, mailer, pending).await?;
        if (n as u64) < EMAIL_PER_KLAIM {
            break;
        }
    }
    Ok(sent)
}

async fn send_claimed(
    db: &DatabaseConnection,
    mailer: &Mailer,
    pending: Vec<notifications::Model>,
) -> AppResult<usize> {
    let people: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(
            employees::Column::Id.is_in(
                pending
                    .iter()
                    .map(|n| n.recipient_employee_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let accounts: HashMap<Uuid, Option<String>> = users::Entity::find()
        .filter(
            users::Column::Id.is_in(
                people
                    .values()
                    .filter_map(|e| e.user_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let cutoff = Utc::now() - Days::hours(EMAIL_MAX_AGE_HOURS);
    let mut sent = 0;
    for n in pending {
        let person = people.get(&n.recipient_employee_id);
        let address = person.and_then(|p| {
            p.email
                .clone()
                .or_else(|| p.user_id.and_then(|u| accounts.get(&u).cloned().flatten()))
        });
        let to: Option<Mailbox> = match (person, address) {
            (Some(p), Some(a)) if n.created_at >= cutoff => {
                format!("{} <{a}>", p.nama).parse().ok()
            }
            _ => None,
        };
        if let Some(to) = to {
            let link = n
                .tautan
                .as_deref()
                .map(|t| format!("\n\n{}{t}", mailer.public_url))
                .unwrap_or_default();
            let message = Message::builder()
                .from(mailer.from.clone())
                .to(to)
                .subject(format!("[Kinerja] {}", n.judul))
                .body(format!(
                    "{}{link}\n\n— Kinerja, Sistem Manajemen Kinerja ASN",
                    n.pesan
                ));
            let message = match message {
                Ok(m) => m,
                Err(e) => {
                    tracing::warn!(error = %e, notification = %n.id, "e-mail not built");
                    mark_processed(db, n.id).await?;
                    continue;
                }
            };
            match mailer.transport.send(message).await {
                Ok(_) => sent += 1,
                Err(e) if e.is_permanent() => {
                    tracing::warn!(error = %e, notification = %n.id, "e-mail refused");
                }
                Err(e) => {
                    // Transient: give the claim back for the next run.
                    tracing::warn!(error = %e, notification = %n.id, "e-mail delivery failed; will retry");
                    release(db, n.id, mailer.id).await?;
                    continue;
                }
            }
        }
        mark_processed(db, n.id).await?;
    }
    Ok(sent)
}

async fn mark_processed(db: &DatabaseConnection, id: Uuid) -> AppResult<()> {
    notifications::Entity::update_many()
        .col_expr(
            notifications::Column::EmailDiprosesAt,
            Expr::value(Utc::now()),
        )
        .filter(notifications::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

async fn release(db: &DatabaseConnection, id: Uuid, oleh: Uuid) -> AppResult<()> {
    notifications::Entity::update_many()
        .col_expr(
            notifications::Column::EmailKlaimSampai,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::EmailKlaimOleh.eq(oleh))
        .exec(db)
        .await?;
    Ok(())
}

/// Seconds between two runs of the survey IKM job at most.
const SURVEI_IKM_DETIK: u64 = 5;

/// Runs the jobs every `KINERJA_JOBS_INTERVAL_SECS` (0 turns them off) until the process
/// ends. Failures are logged and retried on the next tick.
pub fn spawn(db: DatabaseConnection, settings: &Settings, mailer: Option<Mailer>, clock: Clock) {
    if settings.jobs_interval_secs == 0 {
        return;
    }
    let every = Duration::from_secs(settings.jobs_interval_secs);
    let days_before = settings.lock_reminder_days;
    let siklus = crate::pengingat::siklus::Aturan::from_settings(settings);
    // Backups in a task of their own: a long copy must not hold up reminders and e-mail.
    let cadangan_db = db.clone();
    let cadangan_clock = clock.clone();
    let sumber = crate::cadangan::buat::Sumber::from_settings(settings);
    let jadwal = crate::cadangan::jadwal::Jadwal::from_settings(settings);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let run = crate::cadangan::jadwal::jalankan(
                &cadangan_db,
                &sumber,
                &jadwal,
                cadangan_clock.now(),
            );
            if let Err(e) = run.await {
                tracing::warn!(error = ?e, "backup schedule failed");
            }
        }
    });
    // Survey-fed IKIs follow the responses within seconds, whatever the slower jobs' interval.
    let survei_db = db.clone();
    let survei_clock = clock.clone();
    let survei_every = every.min(Duration::from_secs(SURVEI_IKM_DETIK));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(survei_every);
        loop {
            tick.tick().await;
            let run = crate::survei::iki_hitung::hitung_yang_perlu(&survei_db);
            if let Err(e) = survei_clock.scope(run).await {
                tracing::warn!(error = ?e, "survey IKM run failed");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = remind_locks(&db, clock.now(), days_before).await {
                tracing::warn!(error = ?e, "lock reminders failed");
            }
            if let Err(e) = crate::pengembangan::pengingat::ingatkan_jp(&db, clock.now()).await {
                tracing::warn!(error = ?e, "20 JP reminders failed");
            }
            if let Err(e) = crate::pengingat::siklus::jalankan(&db, clock.now(), &siklus).await {
                tracing::warn!(error = ?e, "cycle reminders failed");
            }
            if let Some(m) = &mailer
                && let Err(e) = send_pending(&db, m).await
            {
                tracing::warn!(error = ?e, "e-mail run failed");
            }
        }
    });
}
