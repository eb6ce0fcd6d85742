//! Verifying the audit chains: each event's hash recomputed in order, chain by chain, and the
//! first broken link reported (docs/replicas.md, "Audit chains").

use kinerja_api::audit::{AuditVerification, BrokenLink};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::service::{GENESIS_HASH, RANTAI_LAMA, compute_hash};
use crate::entities::{audit_events, audit_rantai};
use crate::error::AppResult;

/// Verifies one instansi's chain (`Some`), or every chain (`None`): the legacy chain, the
/// `sistem` chain and each instansi's, reporting the first broken link.
///
/// # Errors
/// On a database failure.
pub async fn verify(
    db: &DatabaseConnection,
    instansi: Option<Uuid>,
) -> AppResult<AuditVerification> {
    let keys: Vec<Option<String>> = match instansi {
        Some(i) => vec![Some(i.to_string())],
        None => {
            let mut keys: Vec<String> = audit_rantai::Entity::find()
                .select_only()
                .column(audit_rantai::Column::Rantai)
                .into_tuple::<String>()
                .all(db)
                .await?;
            // A chain whose head row was removed is still walked (and reported).
            keys.extend(
                audit_events::Entity::find()
                    .select_only()
                    .column(audit_events::Column::Rantai)
                    .filter(audit_events::Column::Rantai.is_not_null())
                    .distinct()
                    .into_tuple::<Option<String>>()
                    .all(db)
                    .await?
                    .into_iter()
                    .flatten(),
            );
            keys.sort();
            keys.dedup();
            std::iter::once(None)
                .chain(keys.into_iter().filter(|k| k != RANTAI_LAMA).map(Some))
                .collect()
        }
    };
    let mut checked = 0_u64;
    let chains = u64::try_from(keys.len()).unwrap_or(u64::MAX);
    for key in keys {
        if let Some(broken) = verify_chain(db, key.as_deref(), &mut checked).await? {
            return Ok(AuditVerification {
                intact: false,
                checked,
                chains,
                first_broken: Some(broken),
            });
        }
    }
    Ok(AuditVerification {
        intact: true,
        checked,
        chains,
        first_broken: None,
    })
}

/// Walks one chain (`None`: the legacy chain, by the global `seq`) and compares its end with
/// the recorded head. Adds the intact events to `checked`.
async fn verify_chain(
    db: &DatabaseConnection,
    key: Option<&str>,
    checked: &mut u64,
) -> AppResult<Option<BrokenLink>> {
    const BATCH: u64 = 500;
    let head_key = key.unwrap_or(RANTAI_LAMA);
    let name = head_key.to_owned();
    let instansi_id = key.and_then(|k| Uuid::parse_str(k).ok());
    let broken = |seq: i64, rantai_seq: Option<i64>, id: Uuid, reason: &str| BrokenLink {
        seq,
        id,
        reason: reason.to_owned(),
        rantai: name.clone(),
        rantai_seq,
        instansi_id,
    };
    let place = |e: &audit_events::Model| {
        if key.is_some() {
            e.rantai_seq.unwrap_or_default()
        } else {
            e.seq
        }
    };
    let mut expected_prev = GENESIS_HASH.to_owned();
    let mut expected = 1_i64;
    let mut last: Option<audit_events::Model> = None;
    let mut attempts = 0;
    let head = loop {
        loop {
            let select = match key {
                Some(k) => audit_events::Entity::find()
                    .filter(audit_events::Column::Rantai.eq(k))
                    .filter(audit_events::Column::RantaiSeq.gte(expected))
                    .order_by_asc(audit_events::Column::RantaiSeq),
                None => audit_events::Entity::find()
                    .filter(audit_events::Column::Rantai.is_null())
                    .filter(audit_events::Column::Seq.gte(expected))
                    .order_by_asc(audit_events::Column::Seq),
            };
            let batch = select.limit(BATCH).all(db).await?;
            if batch.is_empty() {
                break;
            }
            for event in batch {
                let at = place(&event);
                if at != expected {
                    return Ok(Some(broken(
                        event.seq,
                        event.rantai_seq,
                        event.id,
                        "sequence gap: an event is missing before this one",
                    )));
                }
                if event.prev_hash != expected_prev {
                    return Ok(Some(broken(
                        event.seq,
                        event.rantai_seq,
                        event.id,
                        "prev_hash does not match the previous event's hash",
                    )));
                }
                if compute_hash(&event) != event.hash {
                    return Ok(Some(broken(
                        event.seq,
                        event.rantai_seq,
                        event.id,
                        "hash mismatch: the event's content was changed",
                    )));
                }
                *checked += 1;
                expected += 1;
                expected_prev.clone_from(&event.hash);
                last = Some(event);
            }
        }
        // The end must be the recorded head: events removed from the end, or added after it
        // without moving it, show here. A writer that appended after the walk moved the head
        // further: then the walk goes on from where it stopped.
        let head = audit_rantai::Entity::find_by_id(head_key.to_owned())
            .one(db)
            .await?;
        let walked = last.as_ref().map_or(0, place);
        attempts += 1;
        if attempts >= 3 || head.as_ref().is_none_or(|h| h.seq <= walked) {
            break head;
        }
    };
    let end = last.as_ref().map(|e| (place(e), e.hash.clone()));
    let (seq, rantai_seq, id) = last
        .as_ref()
        .map_or((0, None, Uuid::nil()), |e| (e.seq, e.rantai_seq, e.id));
    match (head, end) {
        (None, None) => Ok(None),
        (None, Some(_)) => Ok(Some(broken(
            seq,
            rantai_seq,
            id,
            "the chain has no recorded head: its head row was removed",
        ))),
        (Some(h), end) => {
            let (n, hash) = end.unwrap_or((0, GENESIS_HASH.to_owned()));
            if h.seq == n && h.hash == hash {
                Ok(None)
            } else if h.seq > n {
                Ok(Some(broken(
                    seq,
                    rantai_seq,
                    id,
                    &format!(
                        "the chain ends at {n} but its recorded head is {}: events were removed from its end",
                        h.seq
                    ),
                )))
            } else {
                Ok(Some(broken(
                    seq,
                    rantai_seq,
                    id,
                    "the chain's end does not match its recorded head",
                )))
            }
        }
    }
}

/// A one-line report for the CLI.
pub fn describe(v: &AuditVerification) -> String {
    match &v.first_broken {
        None => format!(
            "audit chain intact: {} events verified ({} chains)",
            v.checked, v.chains
        ),
        Some(b) => format!(
            "audit chain {} BROKEN at seq {} (id {}): {}; {} events before it verified",
            b.rantai, b.seq, b.id, b.reason, v.checked
        ),
    }
}
