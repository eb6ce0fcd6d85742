//! Recording audit events and listing them ([`super::verify`] checks the chains).
//!
//! Each event stores `hash = SHA-256(prev_hash ‖ canonical JSON of the event)`, so changing,
//! inserting or deleting any row breaks every later link. Events are written in the same
//! transaction as the change they describe; the signature takes a transaction to make that
//! impossible to forget.
//!
//! **One chain per instansi** (docs/replicas.md, "Audit chains"): an event belongs to the
//! chain of the instansi it is about (set with [`AuditEntry::instansi`]; else the instansi of
//! the acting account's employee record; else the `sistem` chain). A writer locks only its
//! chain's head row in `audit_rantai`, so writes in different instansi never wait on each
//! other. Events written before migration 47 form the legacy chain, verified as before.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveTime, SubsecRound, Utc};
use kinerja_api::Pesan;
use kinerja_api::audit::{AuditEvent, AuditQuery};
use kinerja_api::{Page, PageQuery};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbBackend, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Statement,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::tokens::sha256_hex;
use crate::entities::{
    api_clients, audit_events, audit_rantai, employees, evaluations, instansi, katalog_pelatihan,
    periods, positions, skps, units, users,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::organisation::service::ilike;

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// The chain of events that belong to no instansi (superadmin, system, unknown logins).
pub const RANTAI_SISTEM: &str = "sistem";
/// The head of the chain written before chains per instansi (migration 47).
pub const RANTAI_LAMA: &str = "lama";

/// Which chain an event goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rantai {
    /// The instansi of the acting account's employee record, else `sistem`.
    DariAktor,
    Instansi(Uuid),
    Sistem,
}

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
    pub rantai: Rantai,
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
            rantai: Rantai::DariAktor,
        }
    }
    /// The instansi the event is about: its chain.
    pub fn instansi(mut self, instansi: Uuid) -> Self {
        self.rantai = Rantai::Instansi(instansi);
        self
    }
    /// The instansi when there is one, else the `sistem` chain.
    pub fn instansi_opt(mut self, instansi: Option<Uuid>) -> Self {
        self.rantai = instansi.map_or(Rantai::Sistem, Rantai::Instansi);
        self
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
    let backend = txn.get_database_backend();
    // The chain of each entry; the acting accounts' instansi in one query.
    let actors: Vec<Uuid> = entries
        .iter()
        .filter(|e| e.rantai == Rantai::DariAktor)
        .filter_map(|e| e.actor_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let instansi_of: HashMap<Uuid, Uuid> = if actors.is_empty() {
        HashMap::new()
    } else {
        employees::Entity::find()
            .select_only()
            .column(employees::Column::UserId)
            .column(employees::Column::InstansiId)
            .filter(employees::Column::UserId.is_in(actors))
            .into_tuple::<(Option<Uuid>, Uuid)>()
            .all(txn)
            .await?
            .into_iter()
            .filter_map(|(u, i)| u.map(|u| (u, i)))
            .collect()
    };
    // Sorted, so that two transactions writing to the same chains lock them in one order.
    let mut chains: BTreeMap<String, Vec<AuditEntry>> = BTreeMap::new();
    for entry in entries {
        let key = match entry.rantai {
            Rantai::Instansi(i) => i.to_string(),
            Rantai::Sistem => RANTAI_SISTEM.to_owned(),
            Rantai::DariAktor => entry
                .actor_id
                .and_then(|a| instansi_of.get(&a))
                .map_or_else(|| RANTAI_SISTEM.to_owned(), ToString::to_string),
        };
        chains.entry(key).or_default().push(entry);
    }
    let total: usize = chains.values().map(Vec::len).sum();
    let postgres = backend == DbBackend::Postgres;
    // SQLite draws the global numbers apart; PostgreSQL with the first chain's head.
    let mut global = if postgres {
        Vec::new().into_iter()
    } else {
        next_global_seqs(txn, backend, total).await?.into_iter()
    };
    // Microseconds: what both databases store exactly, so the hash survives a round trip.
    let occurred_at = Utc::now().trunc_subsecs(6);
    let mut models = Vec::with_capacity(total);
    let mut heads = Vec::with_capacity(chains.len());
    let mut draw = postgres;
    for (key, list) in chains {
        // Locks the chain's head row until commit (created at its first event): writers of
        // this chain queue here, writers of other chains do not.
        let (head_seq, head_hash, drawn) = lock_head(txn, backend, &key, draw, total).await?;
        if let Some(drawn) = drawn {
            global = drawn.into_iter();
            draw = false;
        }
        let mut seq = head_seq;
        let mut prev_hash = head_hash;
        for entry in list {
            seq += 1;
            let mut model = audit_events::Model {
                id: Uuid::now_v7(),
                seq: global.next().unwrap_or_default(),
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
                rantai: Some(key.clone()),
                rantai_seq: Some(seq),
            };
            model.hash = compute_hash(&model);
            prev_hash.clone_from(&model.hash);
            models.push(model);
        }
        heads.push((key, seq, prev_hash));
    }
    if postgres && models.len() <= INSERT_CHUNK {
        // The heads move in the statement that inserts the events: the chains stay locked one
        // round trip less (docs/performance.md, "A write and its audit chain").
        let mut insert = audit_events::Entity::insert_many(
            models
                .into_iter()
                .map(|m| m.into_active_model().reset_all()),
        )
        .build(backend);
        let mut values = insert.values.take().map(|v| v.0).unwrap_or_default();
        let mut ctes = Vec::with_capacity(heads.len());
        for (i, (key, seq, hash)) in heads.into_iter().enumerate() {
            let n = values.len();
            ctes.push(format!(
                "h{i} AS (UPDATE audit_rantai SET seq = ${}, hash = ${} WHERE rantai = ${})",
                n + 1,
                n + 2,
                n + 3
            ));
            values.extend([seq.into(), hash.into(), key.into()]);
        }
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!("WITH {} {}", ctes.join(", "), insert.sql),
            values,
        ))
        .await?;
        return Ok(());
    }
    for (key, seq, hash) in heads {
        audit_rantai::Entity::update_many()
            .col_expr(audit_rantai::Column::Seq, Expr::value(seq))
            .col_expr(audit_rantai::Column::Hash, Expr::value(hash))
            .filter(audit_rantai::Column::Rantai.eq(key))
            .exec(txn)
            .await?;
    }
    // Every column is new: mark them all Set so the insert writes them. Chunks stay well under
    // SQLite's limit of bound parameters.
    let mut rows = models.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<audit_events::ActiveModel> = rows
            .by_ref()
            .take(INSERT_CHUNK)
            .map(|m| m.into_active_model().reset_all())
            .collect();
        audit_events::Entity::insert_many(chunk).exec(txn).await?;
    }
    Ok(())
}

/// Events per insert: 16 columns each stay well under SQLite's limit of bound parameters.
const INSERT_CHUNK: usize = 200;

/// Locks the chain's head and returns its sequence number and hash; on PostgreSQL, when
/// `draw` is set, also draws `n` global numbers in the same statement (sorted).
async fn lock_head(
    txn: &DatabaseTransaction,
    backend: DbBackend,
    key: &str,
    draw: bool,
    n: usize,
) -> AppResult<(i64, String, Option<Vec<i64>>)> {
    let missing = || AppError::Unexpected(anyhow::anyhow!("audit chain head not returned"));
    if backend == DbBackend::Postgres && draw {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        let rows = txn
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                HEAD_AND_SEQS_PG,
                [key.into(), GENESIS_HASH.into(), n.into()],
            ))
            .await?;
        let first = rows.first().ok_or_else(missing)?;
        let mut drawn = rows
            .iter()
            .map(|r| r.try_get::<i64>("", "s"))
            .collect::<Result<Vec<_>, _>>()?;
        drawn.sort_unstable();
        return Ok((
            first.try_get("", "seq")?,
            first.try_get("", "hash")?,
            Some(drawn),
        ));
    }
    let head = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            if backend == DbBackend::Postgres {
                HEAD_PG
            } else {
                HEAD_SQLITE
            },
            [key.into(), GENESIS_HASH.into()],
        ))
        .await?
        .ok_or_else(missing)?;
    Ok((head.try_get("", "seq")?, head.try_get("", "hash")?, None))
}

/// [`HEAD_PG`] and the event numbers of the global listing in one statement.
const HEAD_AND_SEQS_PG: &str = "WITH head AS (INSERT INTO audit_rantai (rantai, seq, hash) \
    VALUES ($1, 0, $2) ON CONFLICT (rantai) DO UPDATE SET seq = audit_rantai.seq \
    RETURNING seq, hash) \
    SELECT head.seq, head.hash, n.s FROM head, \
    (SELECT nextval('audit_events_seq_global') AS s FROM generate_series(1, $3::bigint)) n";

/// Creates the chain's head at its first event, else locks it (the no-op update takes the row
/// lock), and returns it: one statement.
const HEAD_PG: &str = "INSERT INTO audit_rantai (rantai, seq, hash) VALUES ($1, 0, $2) \
    ON CONFLICT (rantai) DO UPDATE SET seq = audit_rantai.seq RETURNING seq, hash";
const HEAD_SQLITE: &str = "INSERT INTO audit_rantai (rantai, seq, hash) VALUES (?1, 0, ?2) \
    ON CONFLICT (rantai) DO UPDATE SET seq = audit_rantai.seq RETURNING seq, hash";

/// `n` numbers for the global `seq` (the listing's order) on SQLite, whose one writer is this
/// transaction: after the largest. (PostgreSQL draws them from a sequence in [`lock_head`].)
async fn next_global_seqs(
    txn: &DatabaseTransaction,
    backend: DbBackend,
    n: usize,
) -> AppResult<Vec<i64>> {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    let row = txn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COALESCE(MAX(seq), 0) AS s FROM audit_events",
        ))
        .await?;
    let max: i64 = row.map_or(Ok(0), |r| r.try_get("", "s"))?;
    Ok((1..=n).map(|i| max + i).collect())
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
    // An event of a chain per instansi also seals its chain and place in it; a legacy event's
    // hash is as it was written.
    let content = match (&e.rantai, e.rantai_seq, content) {
        (Some(rantai), Some(rantai_seq), Value::Array(mut items)) => {
            items.push(json!(rantai));
            items.push(json!(rantai_seq));
            Value::Array(items)
        }
        (_, _, content) => content,
    };
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
            rantai: e.rantai,
            rantai_seq: e.rantai_seq,
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
