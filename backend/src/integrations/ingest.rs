//! `POST /api/v1/ingest/indicator-values`: values from other systems become realisasi.
//!
//! A batch is handled in one transaction with a fixed number of queries whatever its size
//! (look-ups by set, then bulk upserts), so a thousand items cost about as much as ten. Each
//! item is answered on its own: a bad item is rejected with a reason, the others are taken.
//! Daily values are kept per IKI and day (a re-sent day replaces the earlier value) and the
//! sub-period's realisasi is re-aggregated from them by the binding's rule.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate, Utc};
use kinerja_api::Pesan;
use kinerja_api::integrations::{
    Agregasi, IngestItem, IngestItemResult, IngestRejection, IngestRequest, IngestResult,
    IngestStatus,
};
use kinerja_api::planning::Ritme;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::client_auth::ApiClientAuth;
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::tokens::sha256_hex;
use crate::entities::{
    employees, idempotency_keys, iki_data_keys, ingest_values, period_unlocks, periods, realisasi,
    skp_iki, skp_rhk, skps,
};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::measurement::service::{bounds, jumlah_periode};
use crate::planning::versi::Versions;

/// Rows per bulk statement: well under the bind-parameter limits of SQLite and PostgreSQL.
const CHUNK: usize = 500;

/// Checks an `Idempotency-Key` header value.
///
/// # Errors
/// `Validation` naming the header.
pub fn check_key(value: Option<&str>) -> AppResult<String> {
    match value.map(str::trim) {
        Some(k) if (1..=100).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(k.to_owned())
        }
        _ => Err(AppError::field(
            "Idempotency-Key",
            Pesan::IdempotencyKeyWajib,
        )),
    }
}

/// Everything the batch needs, loaded with a handful of set queries.
struct Lookup {
    allowed: HashSet<Uuid>,
    by_nip: HashMap<String, employees::Model>,
    by_unit: HashMap<Uuid, Vec<employees::Model>>,
    /// (instansi, year) → period.
    periods: HashMap<(Uuid, i32), periods::Model>,
    /// (employee, period) → the SKP in force.
    /// (employee, period) → its approved SKP versions, to find the one in force for a value's
    /// sub-period.
    skp_of: HashMap<(Uuid, Uuid), Versions>,
    /// (SKP, data key) → bound IKIs with their rule.
    iki_of: HashMap<(Uuid, String), Vec<(Uuid, Agregasi)>>,
    /// (SKP, sub-period) → unlocked until.
    unlocked: HashMap<(Uuid, i32), NaiveDate>,
}

async fn lookup(
    txn: &DatabaseTransaction,
    client: &ApiClientAuth,
    items: &[IngestItem],
) -> AppResult<Lookup> {
    let allowed = crate::organisation::tree::subtree(txn, client.unit_id).await?;
    let nips: HashSet<&str> = items.iter().filter_map(|i| i.nip.as_deref()).collect();
    let unit_ids: HashSet<Uuid> = items.iter().filter_map(|i| i.unit_id).collect();
    let mut people = Vec::new();
    for chunk in nips.iter().copied().collect::<Vec<_>>().chunks(CHUNK) {
        people.extend(
            employees::Entity::find()
                .filter(employees::Column::Nip.is_in(chunk.iter().copied()))
                .all(txn)
                .await?,
        );
    }
    if !unit_ids.is_empty() {
        people.extend(
            employees::Entity::find()
                .filter(employees::Column::UnitId.is_in(unit_ids.iter().copied()))
                .all(txn)
                .await?,
        );
    }
    let mut by_nip = HashMap::new();
    let mut by_unit: HashMap<Uuid, Vec<employees::Model>> = HashMap::new();
    for e in people {
        if let Some(u) = e.unit_id.filter(|u| unit_ids.contains(u)) {
            by_unit.entry(u).or_default().push(e.clone());
        }
        by_nip.insert(e.nip.clone(), e);
    }
    let periods: HashMap<(Uuid, i32), periods::Model> = periods::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|p| ((p.instansi_id, p.tahun), p))
        .collect();
    let employee_ids: Vec<Uuid> = by_nip.values().map(|e| e.id).collect();
    let mut skp_rows = Vec::new();
    for chunk in employee_ids.chunks(CHUNK) {
        skp_rows.extend(
            skps::Entity::find()
                .filter(skps::Column::EmployeeId.is_in(chunk.iter().copied()))
                .filter(skps::Column::DisetujuiAt.is_not_null())
                .order_by_asc(skps::Column::Versi)
                .all(txn)
                .await?,
        );
    }
    let current: HashSet<Uuid> = skp_rows.iter().map(|s| s.id).collect();
    let mut grouped: HashMap<(Uuid, Uuid), Vec<skps::Model>> = HashMap::new();
    for s in skp_rows {
        grouped
            .entry((s.employee_id, s.period_id))
            .or_default()
            .push(s);
    }
    let by_period: HashMap<Uuid, &periods::Model> = periods.values().map(|p| (p.id, p)).collect();
    let skp_of: HashMap<(Uuid, Uuid), Versions> = grouped
        .into_iter()
        .filter_map(|(key, list)| by_period.get(&key.1).map(|p| (key, Versions::of(p, list))))
        .collect();
    let keys: HashSet<&str> = items.iter().map(|i| i.data_key.as_str()).collect();
    // Keys reserved for survey-fed IKIs are never another system's to push.
    let keys: HashSet<&str> = keys
        .into_iter()
        .filter(|k| !kinerja_api::survei_iki::kunci_survei(k))
        .collect();
    let bound = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::DataKey.is_in(keys.iter().copied()))
        .all(txn)
        .await?;
    let mut iki_rows = Vec::new();
    for chunk in bound.chunks(CHUNK) {
        iki_rows.extend(
            skp_iki::Entity::find()
                .filter(skp_iki::Column::Id.is_in(chunk.iter().map(|b| b.iki_id)))
                .all(txn)
                .await?,
        );
    }
    let rhk_ids: HashSet<Uuid> = iki_rows.iter().map(|i| i.rhk_id).collect();
    let mut rhk_skp = HashMap::new();
    for chunk in rhk_ids.into_iter().collect::<Vec<_>>().chunks(CHUNK) {
        for r in skp_rhk::Entity::find()
            .filter(skp_rhk::Column::Id.is_in(chunk.iter().copied()))
            .all(txn)
            .await?
        {
            rhk_skp.insert(r.id, r.skp_id);
        }
    }
    let iki_rhk: HashMap<Uuid, Uuid> = iki_rows.iter().map(|i| (i.id, i.rhk_id)).collect();
    let mut iki_of: HashMap<(Uuid, String), Vec<(Uuid, Agregasi)>> = HashMap::new();
    for b in bound {
        let Some(skp) = iki_rhk.get(&b.iki_id).and_then(|r| rhk_skp.get(r)) else {
            continue;
        };
        if current.contains(skp) {
            iki_of.entry((*skp, b.data_key.clone())).or_default().push((
                b.iki_id,
                Agregasi::parse(&b.agregasi).unwrap_or(Agregasi::Sum),
            ));
        }
    }
    let skp_ids: Vec<Uuid> = current.into_iter().collect();
    let mut unlocked = HashMap::new();
    for chunk in skp_ids.chunks(CHUNK) {
        for u in period_unlocks::Entity::find()
            .filter(period_unlocks::Column::SkpId.is_in(chunk.iter().copied()))
            .all(txn)
            .await?
        {
            let e = unlocked.entry((u.skp_id, u.periode_ke)).or_insert(u.sampai);
            *e = (*e).max(u.sampai);
        }
    }
    Ok(Lookup {
        allowed,
        by_nip,
        by_unit,
        periods,
        skp_of,
        iki_of,
        unlocked,
    })
}

/// Where one item's value goes: the IKIs, the sub-period and the day it is kept under.
type Targets = (Vec<(Uuid, Agregasi)>, i32, NaiveDate);

fn resolve(
    l: &Lookup,
    item: &IngestItem,
    today: NaiveDate,
) -> Result<Vec<Targets>, IngestRejection> {
    let people: Vec<&employees::Model> = match (&item.nip, item.unit_id) {
        (Some(nip), _) => {
            let e = l.by_nip.get(nip).ok_or(IngestRejection::UnknownEmployee)?;
            if !e.unit_id.is_some_and(|u| l.allowed.contains(&u)) {
                return Err(IngestRejection::OutsideUnit);
            }
            vec![e]
        }
        (None, Some(unit)) => {
            if !l.allowed.contains(&unit) {
                return Err(IngestRejection::OutsideUnit);
            }
            l.by_unit
                .get(&unit)
                .map(|v| v.iter().collect())
                .unwrap_or_default()
        }
        (None, None) => return Err(IngestRejection::UnknownEmployee),
    };
    let year = item
        .tanggal
        .map_or(item.tahun.unwrap_or_default(), |d| d.year());
    let mut out = Vec::new();
    let mut reason = IngestRejection::UnknownKey;
    for e in people {
        let Some(period) = l.periods.get(&(e.instansi_id, year)) else {
            reason = IngestRejection::NoPeriod;
            continue;
        };
        let n = jumlah_periode(Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan));
        let (k, day) = match (item.tanggal, item.periode_ke) {
            (Some(d), _) => {
                match (1..=n).find(|k| bounds(period, *k).is_some_and(|(a, b)| a <= d && d <= b)) {
                    Some(k) => (k, d),
                    None => {
                        reason = IngestRejection::NoPeriod;
                        continue;
                    }
                }
            }
            (None, Some(k)) => match bounds(period, k) {
                Some((_, end)) => (k, end),
                None => {
                    reason = IngestRejection::NoPeriod;
                    continue;
                }
            },
            (None, None) => {
                reason = IngestRejection::NoPeriod;
                continue;
            }
        };
        let Some(skp) = l
            .skp_of
            .get(&(e.id, period.id))
            .and_then(|v| v.in_force(k))
            .map(|m| m.id)
        else {
            continue;
        };
        let Some(iki) = l.iki_of.get(&(skp, item.data_key.clone())) else {
            continue;
        };
        let batas = bounds(period, k).map(|(_, end)| {
            end + chrono::Duration::days(i64::from(period.jeda_kunci_realisasi_hari))
        });
        let unlocked = l.unlocked.get(&(skp, k)).is_some_and(|s| *s >= today);
        if batas.is_some_and(|b| today > b) && !unlocked {
            reason = IngestRejection::PeriodLocked;
            continue;
        }
        out.push((iki.clone(), k, day));
    }
    if out.is_empty() { Err(reason) } else { Ok(out) }
}

fn rejected(index: usize, why: IngestRejection) -> IngestItemResult {
    IngestItemResult {
        index,
        status: IngestStatus::Rejected,
        kode: Some(why),
        alasan: Some(why.alasan().to_owned()),
        iki: 0,
    }
}

/// Takes a batch under an idempotency key: the first request with a key is processed and its
/// answer stored; a replay with the same body returns that answer and writes nothing; the same
/// key with another body is refused.
///
/// # Errors
/// `Conflict` for a key reused with another body; database failures.
pub async fn ingest(
    db: &DatabaseConnection,
    client: &ApiClientAuth,
    key: &str,
    req: IngestRequest,
    meta: &RequestMeta,
) -> AppResult<IngestResult> {
    let request_hash = sha256_hex(&serde_json::to_vec(&req).map_err(anyhow::Error::new)?);
    let txn = db.begin().await?;
    if let Some(done) = idempotency_keys::Entity::find_by_id((client.id, key.to_owned()))
        .one(&txn)
        .await?
    {
        if done.request_hash != request_hash {
            return Err(AppError::conflict(Pesan::IdempotencyKeyBeda));
        }
        let mut stored: IngestResult =
            serde_json::from_value(done.response).map_err(anyhow::Error::new)?;
        stored.replay = true;
        return Ok(stored);
    }

    let l = lookup(&txn, client, &req.items).await?;
    let today = crate::clock::today();
    let now = Utc::now();
    let mut results = Vec::with_capacity(req.items.len());
    // (IKI, day) → (sub-period, value); a later item for the same day wins.
    let mut values: BTreeMap<(Uuid, NaiveDate), (i32, f64)> = BTreeMap::new();
    let mut rules: HashMap<Uuid, Agregasi> = HashMap::new();
    for (index, item) in req.items.iter().enumerate() {
        match resolve(&l, item, today) {
            Ok(targets) => {
                let mut count = 0;
                for (iki, k, day) in targets {
                    for (id, rule) in iki {
                        values.insert((id, day), (k, item.nilai));
                        rules.insert(id, rule);
                        count += 1;
                    }
                }
                results.push(IngestItemResult {
                    index,
                    status: IngestStatus::Accepted,
                    kode: None,
                    alasan: None,
                    iki: count,
                });
            }
            Err(why) => results.push(rejected(index, why)),
        }
    }

    let rows: Vec<ingest_values::ActiveModel> = values
        .iter()
        .map(|((iki, day), (k, nilai))| ingest_values::ActiveModel {
            id: Set(Uuid::now_v7()),
            iki_id: Set(*iki),
            periode_ke: Set(*k),
            tanggal: Set(*day),
            nilai: Set(*nilai),
            client_id: Set(client.id),
            received_at: Set(now),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        ingest_values::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([ingest_values::Column::IkiId, ingest_values::Column::Tanggal])
                    .update_columns([
                        ingest_values::Column::PeriodeKe,
                        ingest_values::Column::Nilai,
                        ingest_values::Column::ClientId,
                        ingest_values::Column::ReceivedAt,
                    ])
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
    }

    // Re-aggregate every touched (IKI, sub-period) from all its stored values.
    let touched: HashSet<(Uuid, i32)> = values.iter().map(|((i, _), (k, _))| (*i, *k)).collect();
    let iki_ids: Vec<Uuid> = rules.keys().copied().collect();
    let mut series: HashMap<(Uuid, i32), Vec<f64>> = HashMap::new();
    for chunk in iki_ids.chunks(CHUNK) {
        for v in ingest_values::Entity::find()
            .filter(ingest_values::Column::IkiId.is_in(chunk.iter().copied()))
            .order_by_asc(ingest_values::Column::Tanggal)
            .all(&txn)
            .await?
        {
            if touched.contains(&(v.iki_id, v.periode_ke)) {
                series
                    .entry((v.iki_id, v.periode_ke))
                    .or_default()
                    .push(v.nilai);
            }
        }
    }
    let realisasi_rows: Vec<realisasi::ActiveModel> = series
        .iter()
        .filter_map(|((iki, k), vals)| {
            let rule = rules.get(iki).copied().unwrap_or(Agregasi::Sum);
            rule.apply(vals).map(|nilai| realisasi::ActiveModel {
                id: Set(Uuid::now_v7()),
                iki_id: Set(*iki),
                periode_ke: Set(*k),
                nilai: Set(Some((nilai * 10_000.0).round() / 10_000.0)),
                naratif: Set(None),
                dasar: Set(Some(format!("Data dari {}", client.nama))),
                sumber: Set("api".to_owned()),
                client_id: Set(Some(client.id)),
                updated_by: Set(None),
                updated_at: Set(now),
            })
        })
        .collect();
    for chunk in realisasi_rows.chunks(CHUNK) {
        realisasi::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([realisasi::Column::IkiId, realisasi::Column::PeriodeKe])
                    .update_columns([
                        realisasi::Column::Nilai,
                        realisasi::Column::Dasar,
                        realisasi::Column::Sumber,
                        realisasi::Column::ClientId,
                        realisasi::Column::UpdatedBy,
                        realisasi::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
    }

    let diterima = results
        .iter()
        .filter(|r| r.status == IngestStatus::Accepted)
        .count();
    let result = IngestResult {
        diterima,
        ditolak: results.len() - diterima,
        replay: false,
        items: results,
    };
    audit::record(
        &txn,
        AuditEntry::new("ingest.batch", "api_client")
            .entity(client.id)
            .after(json!({
                "klien": client.nama,
                "idempotency_key": key,
                "diterima": result.diterima,
                "ditolak": result.ditolak,
                "realisasi": realisasi_rows.len(),
            })),
        meta,
    )
    .await?;
    idempotency_keys::ActiveModel {
        client_id: Set(client.id),
        key: Set(key.to_owned()),
        request_hash: Set(request_hash),
        response: Set(serde_json::to_value(&result).map_err(anyhow::Error::new)?),
        created_at: Set(now),
    }
    .insert(&txn)
    .await
    .on_unique_violation(|| AppError::conflict(Pesan::IdempotencyKeyDiproses))?;
    txn.commit().await?;
    Ok(result)
}
