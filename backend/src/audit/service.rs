//! Recording and verifying audit events.
//!
//! Each event stores `hash = SHA-256(prev_hash ‖ canonical JSON of the event)`, so changing,
//! inserting or deleting any row breaks every later link. Events are written in the same
//! transaction as the change they describe; the signature takes a transaction to make that
//! impossible to forget.

use chrono::{SubsecRound, Utc};
use kinerja_api::audit::{AuditEvent, AuditQuery, AuditVerification, BrokenLink};
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    DbBackend, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::tokens::sha256_hex;
use crate::entities::audit_events;
use crate::error::AppResult;
use crate::extract::RequestMeta;

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Arbitrary key for the PostgreSQL advisory lock that serialises writers of the chain.
const CHAIN_LOCK_KEY: i64 = 0x004b_494e_4552_4a41;

/// What happened; built with the chained setters.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub reason: Option<String>,
}

impl AuditEntry {
    pub fn new(action: &str, entity_type: &str) -> Self {
        Self {
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            entity_id: None,
            actor_id: None,
            before: None,
            after: None,
            reason: None,
        }
    }
    pub fn actor(mut self, actor: Uuid) -> Self {
        self.actor_id = Some(actor);
        self
    }
    pub fn entity(mut self, id: impl ToString) -> Self {
        self.entity_id = Some(id.to_string());
        self
    }
    pub fn before(mut self, value: Value) -> Self {
        self.before = Some(value);
        self
    }
    pub fn after(mut self, value: Value) -> Self {
        self.after = Some(value);
        self
    }
    pub fn reason(mut self, reason: Option<String>) -> Self {
        self.reason = reason.filter(|r| !r.trim().is_empty());
        self
    }
}

/// Appends an event to the chain inside the caller's transaction.
///
/// # Errors
/// On a database failure (the caller's change then rolls back with it).
pub async fn record(
    txn: &DatabaseTransaction,
    entry: AuditEntry,
    meta: &RequestMeta,
) -> AppResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        // Held until commit: concurrent writers queue here instead of forking the chain.
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})"))
            .await?;
    }
    let last = audit_events::Entity::find()
        .order_by_desc(audit_events::Column::Seq)
        .one(txn)
        .await?;
    let (seq, prev_hash) = last.map_or((1, GENESIS_HASH.to_owned()), |l| (l.seq + 1, l.hash));
    let mut model = audit_events::Model {
        id: Uuid::now_v7(),
        seq,
        // Microseconds: what both databases store exactly, so the hash survives a round trip.
        occurred_at: Utc::now().trunc_subsecs(6),
        actor_id: entry.actor_id,
        action: entry.action,
        entity_type: entry.entity_type,
        entity_id: entry.entity_id,
        before: entry.before,
        after: entry.after,
        request_id: meta.request_id.clone(),
        reason: entry.reason,
        ip: meta.ip.clone(),
        prev_hash,
        hash: String::new(),
    };
    model.hash = compute_hash(&model);
    // Every column is new: mark them all Set so the insert writes them.
    model.into_active_model().reset_all().insert(txn).await?;
    Ok(())
}

/// The hash of an event given its `prev_hash` (the stored `hash` is not an input).
pub fn compute_hash(e: &audit_events::Model) -> String {
    let content = json!([
        e.seq,
        e.id,
        e.occurred_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        e.actor_id,
        e.action,
        e.entity_type,
        e.entity_id,
        e.before,
        e.after,
        e.request_id,
        e.reason,
        e.ip,
    ]);
    let mut input = e.prev_hash.clone();
    input.push('|');
    canonical_json(&content, &mut input);
    sha256_hex(input.as_bytes())
}

/// JSON with object keys sorted, whatever order the database (jsonb) returns them in.
fn canonical_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical_json(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_json(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Walks the whole chain in order and reports the first broken link.
///
/// # Errors
/// On a database failure.
pub async fn verify(db: &DatabaseConnection) -> AppResult<AuditVerification> {
    const BATCH: u64 = 500;
    let mut expected_prev = GENESIS_HASH.to_owned();
    let mut expected_seq = 1_i64;
    let mut checked = 0_u64;
    loop {
        let batch = audit_events::Entity::find()
            .filter(audit_events::Column::Seq.gte(expected_seq))
            .order_by_asc(audit_events::Column::Seq)
            .limit(BATCH)
            .all(db)
            .await?;
        if batch.is_empty() {
            return Ok(AuditVerification {
                intact: true,
                checked,
                first_broken: None,
            });
        }
        for event in batch {
            let broken = |reason: &str| AuditVerification {
                intact: false,
                checked,
                first_broken: Some(BrokenLink {
                    seq: event.seq,
                    id: event.id,
                    reason: reason.to_owned(),
                }),
            };
            if event.seq != expected_seq {
                return Ok(broken("sequence gap: an event is missing before this one"));
            }
            if event.prev_hash != expected_prev {
                return Ok(broken("prev_hash does not match the previous event's hash"));
            }
            if compute_hash(&event) != event.hash {
                return Ok(broken("hash mismatch: the event's content was changed"));
            }
            checked += 1;
            expected_seq += 1;
            expected_prev = event.hash;
        }
    }
}

/// A filtered page of events, newest first.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    query: AuditQuery,
    page: PageQuery,
) -> AppResult<Page<AuditEvent>> {
    let mut select = audit_events::Entity::find();
    if let Some(action) = query.action {
        select = select.filter(audit_events::Column::Action.eq(action));
    }
    if let Some(entity_type) = query.entity_type {
        select = select.filter(audit_events::Column::EntityType.eq(entity_type));
    }
    if let Some(entity_id) = query.entity_id {
        select = select.filter(audit_events::Column::EntityId.eq(entity_id));
    }
    if let Some(actor_id) = query.actor_id {
        select = select.filter(audit_events::Column::ActorId.eq(actor_id));
    }
    if let Some(from) = query.from {
        select = select.filter(audit_events::Column::OccurredAt.gte(from));
    }
    if let Some(to) = query.to {
        select = select.filter(audit_events::Column::OccurredAt.lt(to));
    }
    let total = select.clone().count(db).await?;
    let items = select
        .order_by_desc(audit_events::Column::Seq)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?
        .into_iter()
        .map(to_dto)
        .collect();
    Ok(Page::new(items, page, total))
}

fn to_dto(e: audit_events::Model) -> AuditEvent {
    AuditEvent {
        id: e.id,
        seq: e.seq,
        occurred_at: e.occurred_at,
        actor_id: e.actor_id,
        action: e.action,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        before: e.before,
        after: e.after,
        request_id: e.request_id,
        reason: e.reason,
        ip: e.ip,
        hash: e.hash,
        prev_hash: e.prev_hash,
    }
}

/// A one-line report for the CLI.
pub fn describe(v: &AuditVerification) -> String {
    match &v.first_broken {
        None => format!("audit chain intact: {} events verified", v.checked),
        Some(b) => format!(
            "audit chain BROKEN at seq {} (id {}): {}; {} events before it verified",
            b.seq, b.id, b.reason, v.checked
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_recursively() {
        let mut a = String::new();
        canonical_json(
            &json!({"b": 1, "a": {"d": [1, {"z": 0, "y": 1}], "c": null}}),
            &mut a,
        );
        assert_eq!(a, r#"{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}"#);
    }
}
