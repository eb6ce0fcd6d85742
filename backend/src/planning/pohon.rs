//! The pohon kinerja below an SKP and the Matriks Peran Hasil: RHK handed down to direct
//! subordinates; the superior RHK an SKP may intervene.

use kinerja_api::Pesan;
use std::collections::{HashMap, HashSet};

use chrono::Utc;
use kinerja_api::planning::{
    DistributeRhk, DistributionResult, JenisRhk, JenisSkp, PersonSnapshot, Pohon, PohonRhk, Rhk,
    StatusSkp,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::access::find;
use super::access::{can_read, reference_date, require_owner, status};
use super::periods;
use super::riwayat::copy_rhk;
use super::skp::{create_for, load};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{employees, skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::sql::Sql;

/// RHK ids of the PPKin's approved SKP for the period (what may be intervened).
pub(crate) async fn superior_rhk_ids(
    db: &impl ConnectionTrait,
    m: &skps::Model,
) -> AppResult<Option<HashSet<Uuid>>> {
    let Some(ppkin) = m.ppkin_employee_id else {
        return Ok(None);
    };
    let Some(approved) = approved_skp(db, m.period_id, ppkin).await? else {
        return Ok(None);
    };
    Ok(Some(
        skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.eq(approved.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect(),
    ))
}

async fn approved_skp(
    db: &impl ConnectionTrait,
    period: Uuid,
    employee: Uuid,
) -> AppResult<Option<skps::Model>> {
    Ok(skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period))
        .filter(skps::Column::EmployeeId.eq(employee))
        .filter(skps::Column::Status.eq(StatusSkp::Disetujui.as_str()))
        .order_by_desc(skps::Column::Versi)
        .one(db)
        .await?)
}

/// The RHK the owner may intervene: those of the PPKin's approved SKP for the period.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn superior_rhk(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<Vec<Rhk>> {
    let m = find(db, id).await?;
    if !can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    let Some(ppkin) = m.ppkin_employee_id else {
        return Ok(Vec::new());
    };
    match approved_skp(db, m.period_id, ppkin).await? {
        Some(approved) => Ok(load(db, approved).await?.rhk),
        None => Ok(Vec::new()),
    }
}

/// The SKPs of a period that are in force or in progress (not closed versions).
fn live(select: sea_orm::Select<skps::Entity>) -> sea_orm::Select<skps::Entity> {
    select.filter(skps::Column::Status.ne(StatusSkp::Ditutup.as_str()))
}

/// An SKP's owner as the tree shows them, read from the SKP's snapshot once (an OPD's tree
/// has hundreds of RHK of the same few hundred SKPs).
struct Pemilik {
    skp_id: Uuid,
    status: StatusSkp,
    ja_jf: bool,
    pegawai: PersonSnapshot,
}

impl Pemilik {
    fn of(m: &skps::Model) -> AppResult<Self> {
        #[derive(Deserialize)]
        struct Pegawai {
            pegawai: PersonSnapshot,
        }
        let snap = Pegawai::deserialize(&m.snapshot).map_err(|e| AppError::Unexpected(e.into()))?;
        Ok(Self {
            skp_id: m.id,
            status: status(m),
            ja_jf: JenisSkp::parse(&m.jenis) == Some(JenisSkp::JaJf),
            pegawai: snap.pegawai,
        })
    }

    fn rhk(&self, r: &skp_rhk::Model) -> PohonRhk {
        let jenis = JenisRhk::parse(&r.jenis).unwrap_or(JenisRhk::Utama);
        PohonRhk {
            id: r.id,
            skp_id: self.skp_id,
            deskripsi: r.deskripsi.clone(),
            jenis,
            pegawai: self.pegawai.clone(),
            status_skp: self.status,
            yatim: self.ja_jf && jenis == JenisRhk::Utama && r.intervensi_rhk_id.is_none(),
            turunan: Vec::new(),
            turunan_lain: 0,
        }
    }
}

/// How many RHK of live SKPs intervene each of `parents`, for those that have any.
async fn counted_below(
    db: &impl ConnectionTrait,
    parents: &[Uuid],
) -> AppResult<HashMap<Uuid, u32>> {
    let mut sql = Sql::new(db);
    let ids = sql.is_in("r.intervensi_rhk_id", parents.iter().copied());
    let closed = sql.bind(StatusSkp::Ditutup.as_str());
    let text = format!(
        "SELECT r.intervensi_rhk_id, COUNT(*) FROM skp_rhk r JOIN skps s ON s.id = r.skp_id \
         WHERE {ids} AND s.status <> {closed} GROUP BY r.intervensi_rhk_id"
    );
    db.query_all_raw(sql.stmt(text))
        .await?
        .iter()
        .map(|row| {
            let n: i64 = row.try_get_by_index(1)?;
            Ok((
                row.try_get_by_index(0)?,
                u32::try_from(n).unwrap_or(u32::MAX),
            ))
        })
        .collect()
}

/// The pohon kinerja below an SKP: each RHK with the subordinates' RHK that intervene it, level
/// by level (two queries per level) down to `depth` levels, the RHK of the last level with the
/// number left below them, and the direct subordinates' orphan RHK utama.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn tree(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    depth: u8,
) -> AppResult<Pohon> {
    let root = find(db, id).await?;
    if !can_read(db, viewer, &root).await? {
        return Err(AppError::NotFound("SKP"));
    }
    let root_rhk = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(root.id))
        .order_by_asc(skp_rhk::Column::Urutan)
        .all(db)
        .await?;
    // Every RHK found, and the children of each.
    let mut nodes: HashMap<Uuid, PohonRhk> = HashMap::new();
    let mut children: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    let root_owner = Pemilik::of(&root)?;
    for r in &root_rhk {
        nodes.insert(r.id, root_owner.rhk(r));
    }
    let mut frontier: Vec<Uuid> = root_rhk.iter().map(|r| r.id).collect();
    for _ in 0..depth {
        if frontier.is_empty() {
            break;
        }
        let rows = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::IntervensiRhkId.is_in(frontier.clone()))
            .order_by_asc(skp_rhk::Column::Urutan)
            .all(db)
            .await?;
        let owner_ids: HashSet<Uuid> = rows.iter().map(|r| r.skp_id).collect();
        let owners: HashMap<Uuid, Pemilik> = live(skps::Entity::find())
            .filter(skps::Column::Id.is_in(owner_ids))
            .all(db)
            .await?
            .iter()
            .map(|s| Ok((s.id, Pemilik::of(s)?)))
            .collect::<AppResult<_>>()?;
        frontier = Vec::new();
        for r in rows {
            let (Some(owner), Some(parent)) = (owners.get(&r.skp_id), r.intervensi_rhk_id) else {
                continue;
            };
            if nodes.contains_key(&r.id) {
                continue;
            }
            nodes.insert(r.id, owner.rhk(&r));
            children.entry(parent).or_default().push(r.id);
            frontier.push(r.id);
        }
    }
    if !frontier.is_empty() {
        for (parent, n) in counted_below(db, &frontier).await? {
            if let Some(node) = nodes.get_mut(&parent) {
                node.turunan_lain = n;
            }
        }
    }
    fn assemble(
        id: Uuid,
        nodes: &mut HashMap<Uuid, PohonRhk>,
        children: &HashMap<Uuid, Vec<Uuid>>,
    ) -> Option<PohonRhk> {
        let mut node = nodes.remove(&id)?;
        node.turunan = children
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|c| assemble(*c, nodes, children))
            .collect();
        Some(node)
    }
    let root_ids: HashSet<Uuid> = root_rhk.iter().map(|r| r.id).collect();
    let rhk = root_rhk
        .iter()
        .filter_map(|r| assemble(r.id, &mut nodes, &children))
        .collect();
    // Direct subordinates' RHK utama that hang on nothing of this SKP.
    let subordinates = live(skps::Entity::find())
        .filter(skps::Column::PeriodId.eq(root.period_id))
        .filter(skps::Column::PpkinEmployeeId.eq(root.employee_id))
        .all(db)
        .await?;
    let by_id: HashMap<Uuid, Pemilik> = subordinates
        .iter()
        .map(|s| Ok((s.id, Pemilik::of(s)?)))
        .collect::<AppResult<_>>()?;
    let mut yatim = Vec::new();
    for r in skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(by_id.keys().copied().collect::<Vec<_>>()))
        .filter(skp_rhk::Column::Jenis.eq(JenisRhk::Utama.as_str()))
        .order_by_asc(skp_rhk::Column::Urutan)
        .all(db)
        .await?
    {
        if r.intervensi_rhk_id.is_none_or(|p| !root_ids.contains(&p))
            && let Some(owner) = by_id.get(&r.skp_id)
        {
            let mut node = owner.rhk(&r);
            node.yatim = true;
            yatim.push(node);
        }
    }
    Ok(Pohon {
        skp_id: root.id,
        pegawai: root_owner.pegawai,
        rhk,
        yatim,
    })
}

/// Matriks Peran Hasil: the owner of an approved SKP hands one of its RHK down to direct
/// subordinates. Each gets a new RHK utama intervening it (with the suggested IKI) in their
/// draft, which is started for them when they have none; submitted or approved SKP are left
/// alone and reported.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` unless the SKP is approved; `Validation`
/// for an RHK that is not this SKP's.
pub async fn distribute(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: DistributeRhk,
    meta: &RequestMeta,
) -> AppResult<Vec<DistributionResult>> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    require_owner(&txn, viewer, &m).await?;
    if status(&m) != StatusSkp::Disetujui {
        return Err(AppError::conflict(Pesan::BagikanDariSkpDisetujui));
    }
    let source = skp_rhk::Entity::find_by_id(req.rhk_id)
        .one(&txn)
        .await?
        .filter(|r| r.skp_id == m.id)
        .ok_or_else(|| AppError::field("rhk_id", Pesan::RhkTidakPadaSkp))?;
    let period = periods::find(&txn, m.period_id).await?;
    let resolver = Resolver::around(
        &txn,
        reference_date(&txn, &period).await?,
        req.bawahan.iter().copied(),
    )
    .await?;
    let deskripsi = req
        .deskripsi
        .clone()
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| source.deskripsi.clone());
    let rhk = Rhk {
        id: None,
        jenis: JenisRhk::Utama,
        deskripsi,
        penugasan_dari: None,
        intervensi_rhk_id: Some(source.id),
        iki: req.iki.clone(),
    };
    let mut results = Vec::new();
    let mut seen = HashSet::new();
    for employee_id in req.bawahan {
        if !seen.insert(employee_id) {
            continue;
        }
        let skip = |skp_id: Option<Uuid>, why: &str| DistributionResult {
            employee_id,
            skp_id,
            ditambahkan: false,
            keterangan: why.to_owned(),
        };
        let is_subordinate = resolver
            .ppkin(employee_id)
            .is_ok_and(|p| p.employee.id == m.employee_id);
        let Some(employee) = employees::Entity::find_by_id(employee_id)
            .one(&txn)
            .await?
            .filter(|_| is_subordinate)
        else {
            results.push(skip(None, "Bukan bawahan langsung yang Anda nilai."));
            continue;
        };
        let latest = skps::Entity::find()
            .filter(skps::Column::PeriodId.eq(m.period_id))
            .filter(skps::Column::EmployeeId.eq(employee_id))
            .order_by_desc(skps::Column::Versi)
            .one(&txn)
            .await?;
        let target = match latest {
            None => create_for(&txn, &employee, &period, None, viewer.user_id, meta).await?,
            Some(s) if matches!(status(&s), StatusSkp::Draft | StatusSkp::Dikembalikan) => s,
            Some(s) => {
                results.push(skip(
                    Some(s.id),
                    "SKP bawahan sudah diajukan atau disetujui; RHK tidak ditambahkan.",
                ));
                continue;
            }
        };
        copy_rhk(&txn, std::slice::from_ref(&rhk), target.id, true, false).await?;
        skps::Entity::update_many()
            .col_expr(
                skps::Column::LockVersion,
                Expr::value(target.lock_version + 1),
            )
            .col_expr(skps::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(skps::Column::Id.eq(target.id))
            .exec(&txn)
            .await?;
        crate::notifications::send(
            &txn,
            employee_id,
            "skp.rhk_dibagikan",
            kinerja_api::planning::NotificationParams {
                teks: Some(rhk.deskripsi.clone()),
                ..crate::notifications::about(&txn, &target, None).await?
            },
            format!("/skp/{}", target.id),
        )
        .await?;
        results.push(DistributionResult {
            employee_id,
            skp_id: Some(target.id),
            ditambahkan: true,
            keterangan: "RHK ditambahkan ke draf SKP.".to_owned(),
        });
    }
    audit::record(
        &txn,
        AuditEntry::new("skp.distributed", "skp")
            .actor(viewer.user_id)
            .entity(id)
            .after(json!({"rhk_id": source.id, "hasil": results})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(results)
}
