//! Recording and verifying audit events.
//!
//! Each event stores `hash = SHA-256(prev_hash ‖ canonical JSON of the event)`, so changing,
//! inserting or deleting any row breaks every later link. Events are written in the same
//! transaction as the change they describe; the signature takes a transaction to make that
//! impossible to forget.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveTime, SubsecRound, Utc};
use kinerja_api::Pesan;
use kinerja_api::audit::{AuditEvent, AuditQuery, AuditVerification, BrokenLink};
use kinerja_api::{Page, PageQuery};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbBackend, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::tokens::sha256_hex;
use crate::entities::{
    api_clients, audit_events, employees, evaluations, instansi, katalog_pelatihan, periods,
    positions, skps, units, users,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::organisation::service::ilike;

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
    record_many(txn, vec![entry], meta).await
}

/// Appends events in order with one read of the chain's end and batched inserts: for changes
/// made to many records at once (accounts for a whole unit).
///
/// # Errors
/// On a database failure (the caller's change then rolls back with it).
pub async fn record_many(
    txn: &DatabaseTransaction,
    entries: Vec<AuditEntry>,
    meta: &RequestMeta,
) -> AppResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    if txn.get_database_backend() == DbBackend::Postgres {
        // Held until commit: concurrent writers queue here instead of forking the chain.
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})"))
            .await?;
    }
    let last = audit_events::Entity::find()
        .order_by_desc(audit_events::Column::Seq)
        .one(txn)
        .await?;
    let (mut seq, mut prev_hash) =
        last.map_or((1, GENESIS_HASH.to_owned()), |l| (l.seq + 1, l.hash));
    // Microseconds: what both databases store exactly, so the hash survives a round trip.
    let occurred_at = Utc::now().trunc_subsecs(6);
    let mut models = Vec::with_capacity(entries.len());
    for entry in entries {
        let mut model = audit_events::Model {
            id: Uuid::now_v7(),
            seq,
            occurred_at,
            actor_id: entry.actor_id,
            action: entry.action,
            entity_type: entry.entity_type,
            entity_id: entry.entity_id,
            before: entry.before,
            after: entry.after,
            request_id: meta.request_id.clone(),
            reason: entry.reason,
            ip: meta.ip.clone(),
            prev_hash: prev_hash.clone(),
            hash: String::new(),
        };
        model.hash = compute_hash(&model);
        prev_hash.clone_from(&model.hash);
        seq += 1;
        models.push(model);
    }
    // Every column is new: mark them all Set so the insert writes them. Chunks stay well under
    // SQLite's limit of bound parameters.
    let mut rows = models.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<audit_events::ActiveModel> = rows
            .by_ref()
            .take(200)
            .map(|m| m.into_active_model().reset_all())
            .collect();
        audit_events::Entity::insert_many(chunk).exec(txn).await?;
    }
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

/// A filtered page of events, newest first, with the actor's name and the record's display
/// name resolved in batch (one query per entity type on the page, not per row).
///
/// # Errors
/// `Validation` when `tanggal_sampai` is before `tanggal_dari`; otherwise a database failure.
pub async fn list(
    db: &DatabaseConnection,
    query: AuditQuery,
    page: PageQuery,
) -> AppResult<Page<AuditEvent>> {
    if let (Some(dari), Some(sampai)) = (query.tanggal_dari, query.tanggal_sampai)
        && sampai < dari
    {
        return Err(AppError::field("tanggal_sampai", Pesan::AkhirSebelumAwal));
    }
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
    if let Some(q) = query
        .aktor
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty())
    {
        let actors = Query::select()
            .column(users::Column::Id)
            .from(users::Entity)
            .cond_where(
                Condition::any()
                    .add(users::Column::Username.starts_with(&q))
                    .add(ilike(users::Column::FullName, &q)),
            )
            .to_owned();
        select = select.filter(audit_events::Column::ActorId.in_subquery(actors));
    }
    if let Some(from) = query.from {
        select = select.filter(audit_events::Column::OccurredAt.gte(from));
    }
    if let Some(to) = query.to {
        select = select.filter(audit_events::Column::OccurredAt.lt(to));
    }
    if let Some(dari) = query.tanggal_dari {
        select = select.filter(audit_events::Column::OccurredAt.gte(local_midnight(dari)));
    }
    if let Some(next) = query.tanggal_sampai.and_then(|d| d.succ_opt()) {
        select = select.filter(audit_events::Column::OccurredAt.lt(local_midnight(next)));
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_desc(audit_events::Column::Seq)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let names = Names::load(db, &models).await?;
    let items = models.into_iter().map(|e| names.dto(e)).collect();
    Ok(Page::new(items, page, total))
}

/// Events as the API shows them, with the names of their actors and records (Data Saya).
///
/// # Errors
/// On a database failure.
pub(crate) async fn dtos(
    db: &DatabaseConnection,
    models: Vec<audit_events::Model>,
) -> AppResult<Vec<AuditEvent>> {
    let names = Names::load(db, &models).await?;
    Ok(models.into_iter().map(|e| names.dto(e)).collect())
}

/// The start of a local (WIB) day as an instant.
fn local_midnight(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN).and_utc();
    midnight - chrono::Duration::seconds(i64::from(crate::clock::WIB_OFFSET_SECS))
}

/// Names of the actors and records of one page of events.
struct Names {
    actors: HashMap<Uuid, String>,
    /// (entity type, id) → display name.
    entities: HashMap<(&'static str, Uuid), String>,
}

impl Names {
    async fn load(db: &DatabaseConnection, events: &[audit_events::Model]) -> AppResult<Self> {
        let ids_of = |kind: &str| -> Vec<Uuid> {
            let set: HashSet<Uuid> = events
                .iter()
                .filter(|e| e.entity_type == kind)
                .filter_map(|e| e.entity_id.as_deref())
                .filter_map(|id| Uuid::parse_str(id).ok())
                .collect();
            set.into_iter().collect()
        };
        let mut user_ids: HashSet<Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
        user_ids.extend(ids_of("user"));
        let users: HashMap<Uuid, String> = if user_ids.is_empty() {
            HashMap::new()
        } else {
            users::Entity::find()
                .filter(users::Column::Id.is_in(user_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u.full_name))
                .collect()
        };
        let mut entities: HashMap<(&'static str, Uuid), String> = HashMap::new();
        for id in ids_of("user") {
            if let Some(name) = users.get(&id) {
                entities.insert(("user", id), name.clone());
            }
        }
        let employee_ids = ids_of("employee");
        if !employee_ids.is_empty() {
            for e in employees::Entity::find()
                .filter(employees::Column::Id.is_in(employee_ids))
                .all(db)
                .await?
            {
                entities.insert(("employee", e.id), person_name(&e));
            }
        }
        macro_rules! named {
            ($kind:literal, $entity:ident) => {
                let ids = ids_of($kind);
                if !ids.is_empty() {
                    for m in $entity::Entity::find()
                        .filter($entity::Column::Id.is_in(ids))
                        .all(db)
                        .await?
                    {
                        entities.insert(($kind, m.id), m.nama);
                    }
                }
            };
        }
        named!("unit", units);
        named!("position", positions);
        named!("instansi", instansi);
        named!("api_client", api_clients);
        named!("pelatihan", katalog_pelatihan);
        // An evaluation and an SKP are both named by the SKP: "SKP 2026 Rina Marlina".
        let evaluation_ids = ids_of("evaluasi");
        let evaluations: HashMap<Uuid, Uuid> = if evaluation_ids.is_empty() {
            HashMap::new()
        } else {
            evaluations::Entity::find()
                .filter(evaluations::Column::Id.is_in(evaluation_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|e| (e.id, e.skp_id))
                .collect()
        };
        let mut skp_ids = ids_of("skp");
        skp_ids.extend(evaluations.values().copied());
        let period_ids = ids_of("period");
        if !skp_ids.is_empty() || !period_ids.is_empty() {
            let skps = if skp_ids.is_empty() {
                Vec::new()
            } else {
                skps::Entity::find()
                    .filter(skps::Column::Id.is_in(skp_ids))
                    .all(db)
                    .await?
            };
            let mut all_periods: HashSet<Uuid> = skps.iter().map(|s| s.period_id).collect();
            all_periods.extend(period_ids);
            let years: HashMap<Uuid, i32> = periods::Entity::find()
                .filter(periods::Column::Id.is_in(all_periods))
                .all(db)
                .await?
                .into_iter()
                .map(|p| (p.id, p.tahun))
                .collect();
            for (id, tahun) in &years {
                entities.insert(("period", *id), tahun.to_string());
            }
            let owners: HashMap<Uuid, String> = if skps.is_empty() {
                HashMap::new()
            } else {
                employees::Entity::find()
                    .filter(employees::Column::Id.is_in(skps.iter().map(|s| s.employee_id)))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|e| (e.id, person_name(&e)))
                    .collect()
            };
            for skp in &skps {
                if let (Some(tahun), Some(owner)) =
                    (years.get(&skp.period_id), owners.get(&skp.employee_id))
                {
                    entities.insert(("skp", skp.id), format!("SKP {tahun} {owner}"));
                }
            }
            for (evaluation, skp) in &evaluations {
                if let Some(name) = entities.get(&("skp", *skp)).cloned() {
                    entities.insert(("evaluasi", *evaluation), name);
                }
            }
        }
        Ok(Self {
            actors: users,
            entities,
        })
    }

    fn dto(&self, e: audit_events::Model) -> AuditEvent {
        let entity_nama = e
            .entity_id
            .as_deref()
            .and_then(|id| Uuid::parse_str(id).ok())
            .and_then(|id| {
                KNOWN_TYPES
                    .iter()
                    .find(|k| **k == e.entity_type)
                    .and_then(|k| self.entities.get(&(*k, id)))
            })
            .cloned();
        AuditEvent {
            id: e.id,
            seq: e.seq,
            occurred_at: e.occurred_at,
            actor_nama: e.actor_id.and_then(|id| self.actors.get(&id).cloned()),
            actor_id: e.actor_id,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            entity_nama,
            before: e.before,
            after: e.after,
            request_id: e.request_id,
            reason: e.reason,
            ip: e.ip,
            hash: e.hash,
            prev_hash: e.prev_hash,
        }
    }
}

/// The entity types whose records are named.
const KNOWN_TYPES: [&str; 10] = [
    "user",
    "employee",
    "unit",
    "position",
    "instansi",
    "api_client",
    "pelatihan",
    "skp",
    "evaluasi",
    "period",
];

fn person_name(e: &employees::Model) -> String {
    kinerja_api::employees::full_name(
        e.gelar_depan.as_deref(),
        &e.nama,
        e.gelar_belakang.as_deref(),
    )
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
