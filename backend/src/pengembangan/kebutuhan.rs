//! Development needs (analisis kebutuhan pengembangan kompetensi): proposed by the employee or
//! their PPKin, or made by the system from a Di Bawah Ekspektasi rating or an improvement
//! plan's training; the PPKin agrees or rejects each with a note the employee reads.

use std::collections::{HashMap, HashSet};

use kinerja_api::evaluation::Rating;
use kinerja_api::pengembangan::{
    BentukPengembangan, BuatKebutuhan, FilterKebutuhan, JenisKesenjangan, Kebutuhan, Prioritas,
    PutuskanKebutuhan, StatusCatatan, StatusKebutuhan, SumberKebutuhan, jp_dari_menit,
};
use kinerja_api::planning::NotificationParams;
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::akses::{self, nama};
use super::kompetensi;
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::employees::superiors::Resolver;
use crate::entities::{
    catatan_pengembangan as catatan, employees, evaluations, kebutuhan_pengembangan as kb,
    kompetensi as kompetensi_rows, periods, skps,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;

const WHAT: &str = "Kebutuhan pengembangan";

/// The SPA page of the development of an employee, where the notifications lead.
pub(crate) const TAUTAN: &str = "/pengembangan";

/// DTOs of `items`: names, competencies, fulfilled JP and evaluation links in one query each.
/// `putus` holds the employees whose needs the viewer decides (as their PPKin).
pub(crate) async fn dtos(
    db: &impl ConnectionTrait,
    items: Vec<kb::Model>,
    putus: &HashSet<Uuid>,
) -> AppResult<Vec<Kebutuhan>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let people: HashSet<Uuid> = items
        .iter()
        .flat_map(|m| [Some(m.employee_id), m.diputuskan_oleh])
        .flatten()
        .collect();
    let names: HashMap<Uuid, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, nama(&e)))
        .collect();
    let komp_ids: HashSet<Uuid> = items.iter().filter_map(|m| m.kompetensi_id).collect();
    let komp: HashMap<Uuid, kinerja_api::pengembangan::Kompetensi> = if komp_ids.is_empty() {
        HashMap::new()
    } else {
        kompetensi_rows::Entity::find()
            .filter(kompetensi_rows::Column::Id.is_in(komp_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|k| (k.id, kompetensi::dto(k)))
            .collect()
    };
    let ids: Vec<Uuid> = items.iter().map(|m| m.id).collect();
    let terpenuhi: HashMap<Uuid, i64> = catatan::Entity::find()
        .select_only()
        .column(catatan::Column::KebutuhanId)
        .column_as(catatan::Column::Menit.sum(), "menit")
        .filter(catatan::Column::KebutuhanId.is_in(ids))
        .filter(catatan::Column::Status.eq(StatusCatatan::Diverifikasi.as_str()))
        .group_by(catatan::Column::KebutuhanId)
        .into_tuple::<(Option<Uuid>, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(k, m)| Some((k?, m.unwrap_or(0))))
        .collect();
    let eval_ids: HashSet<Uuid> = items.iter().filter_map(|m| m.evaluation_id).collect();
    let evals: HashMap<Uuid, (Uuid, i32)> = if eval_ids.is_empty() {
        HashMap::new()
    } else {
        evaluations::Entity::find()
            .select_only()
            .columns([
                evaluations::Column::Id,
                evaluations::Column::SkpId,
                evaluations::Column::PeriodeKe,
            ])
            .filter(evaluations::Column::Id.is_in(eval_ids))
            .into_tuple::<(Uuid, Uuid, i32)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(id, skp, k)| (id, (skp, k)))
            .collect()
    };
    Ok(items
        .into_iter()
        .map(|m| {
            let status = StatusKebutuhan::parse(&m.status).unwrap_or(StatusKebutuhan::Diusulkan);
            let bentuk = BentukPengembangan::parse(&m.bentuk).unwrap_or(BentukPengembangan::Diklat);
            let eval = m.evaluation_id.and_then(|e| evals.get(&e)).copied();
            Kebutuhan {
                id: m.id,
                employee_id: m.employee_id,
                pegawai_nama: names.get(&m.employee_id).cloned().unwrap_or_default(),
                tahun: m.tahun,
                kompetensi: m.kompetensi_id.and_then(|k| komp.get(&k).cloned()),
                kesenjangan: JenisKesenjangan::parse(&m.kesenjangan)
                    .unwrap_or(JenisKesenjangan::Kompetensi),
                sumber: SumberKebutuhan::parse(&m.sumber).unwrap_or(SumberKebutuhan::UsulanPegawai),
                evaluation_id: m.evaluation_id,
                // The evaluation page's address (the evaluation module's `tautan`).
                tautan_evaluasi: eval.map(|(skp, k)| format!("/evaluasi/{skp}?periode_ke={k}")),
                evaluasi_periode_ke: eval.map(|(_, k)| k),
                bentuk,
                jalur: bentuk.jalur(),
                prioritas: Prioritas::parse(&m.prioritas).unwrap_or(Prioritas::Sedang),
                perkiraan_jp: m.perkiraan_jp,
                perkiraan_biaya: m.perkiraan_biaya,
                uraian: m.uraian,
                boleh_diputuskan: status == StatusKebutuhan::Diusulkan
                    && putus.contains(&m.employee_id),
                status,
                catatan_keputusan: m.catatan_keputusan,
                diputuskan_oleh_nama: m.diputuskan_oleh.and_then(|p| names.get(&p).cloned()),
                diputuskan_at: m.diputuskan_at,
                jp_terpenuhi: jp_dari_menit(terpenuhi.get(&m.id).copied().unwrap_or(0)),
                created_at: m.created_at,
                lock_version: m.lock_version,
            }
        })
        .collect())
}

/// The people `rater` rates as PPKin today (their span, not the instansi).
///
/// # Errors
/// On a database failure.
pub(crate) async fn tim(
    db: &impl ConnectionTrait,
    today: chrono::NaiveDate,
    rater: Uuid,
) -> AppResult<Vec<Uuid>> {
    let resolver = Resolver::below(db, today, rater).await?;
    Ok(resolver.rated_by(rater).0)
}

/// Needs of one employee, of the viewer's team (`tim`), or the viewer's own; newest first.
///
/// # Errors
/// `NotFound` for an employee the viewer may not see.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    f: FilterKebutuhan,
    page: PageQuery,
) -> AppResult<Page<Kebutuhan>> {
    let (ids, putus): (Vec<Uuid>, HashSet<Uuid>) = if f.tim {
        let me = akses::saya(db, viewer).await?;
        let ids = tim(db, me.today, me.model.id).await?;
        let putus = ids.iter().copied().collect();
        (ids, putus)
    } else {
        let p = match f.employee_id {
            Some(id) => akses::pegawai(db, viewer, id).await?,
            None => akses::saya(db, viewer).await?,
        };
        let putus = if p.akses.putus {
            HashSet::from([p.model.id])
        } else {
            HashSet::new()
        };
        (vec![p.model.id], putus)
    };
    let mut q = kb::Entity::find().filter(kb::Column::EmployeeId.is_in(ids));
    if let Some(t) = f.tahun {
        q = q.filter(kb::Column::Tahun.eq(t));
    }
    if let Some(s) = f.status {
        q = q.filter(kb::Column::Status.eq(s.as_str()));
    }
    let paginator = q
        .order_by_desc(kb::Column::CreatedAt)
        .order_by_desc(kb::Column::Id)
        .paginate(db, page.per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.page.saturating_sub(1)).await?;
    Ok(Page::new(dtos(db, items, &putus).await?, page, total))
}

async fn one(db: &impl ConnectionTrait, id: Uuid) -> AppResult<kb::Model> {
    kb::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

async fn single(db: &impl ConnectionTrait, m: kb::Model, putus: bool) -> AppResult<Kebutuhan> {
    let set = if putus {
        HashSet::from([m.employee_id])
    } else {
        HashSet::new()
    };
    dtos(db, vec![m], &set)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))
}

fn params(pegawai: String, tahun: i32) -> NotificationParams {
    NotificationParams {
        pegawai: Some(pegawai),
        tahun: Some(tahun),
        ..Default::default()
    }
}

/// A need proposed by the employee (for themself) or their PPKin. The PPKin is told of the
/// employee's proposal. Audited.
///
/// # Errors
/// `NotFound` for an employee the viewer may not see, `Forbidden` for one they may only read;
/// `Validation` for a competency not on the instansi's active list.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: BuatKebutuhan,
    meta: &RequestMeta,
) -> AppResult<Kebutuhan> {
    let txn = db.begin().await?;
    let p = match req.employee_id {
        Some(id) => akses::pegawai(&txn, viewer, id).await?,
        None => akses::saya(&txn, viewer).await?,
    };
    if !p.akses.usul {
        return Err(AppError::Forbidden);
    }
    kompetensi::aktif(
        &txn,
        p.model.instansi_id,
        req.kompetensi_id,
        "kompetensi_id",
    )
    .await?;
    let sendiri = viewer.employee_id == Some(p.model.id);
    let now = clock::now();
    let m = kb::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(p.model.id),
        instansi_id: Set(p.model.instansi_id),
        tahun: Set(req.tahun),
        kompetensi_id: Set(Some(req.kompetensi_id)),
        kesenjangan: Set(req.kesenjangan.as_str().to_owned()),
        sumber: Set(if sendiri {
            SumberKebutuhan::UsulanPegawai
        } else {
            SumberKebutuhan::UsulanPpkin
        }
        .as_str()
        .to_owned()),
        evaluation_id: Set(None),
        bentuk: Set(req.bentuk.as_str().to_owned()),
        prioritas: Set(req.prioritas.as_str().to_owned()),
        perkiraan_jp: Set(req.perkiraan_jp),
        perkiraan_biaya: Set(req.perkiraan_biaya),
        uraian: Set(req.uraian.trim().to_owned()),
        status: Set(StatusKebutuhan::Diusulkan.as_str().to_owned()),
        catatan_keputusan: Set(None),
        diputuskan_oleh: Set(None),
        diputuskan_at: Set(None),
        diusulkan_oleh: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    if sendiri {
        let resolver = Resolver::ppkin_only(&txn, p.today, [p.model.id]).await?;
        if let Ok(ppkin) = resolver.ppkin(p.model.id) {
            crate::notifications::send(
                &txn,
                ppkin.employee.id,
                "pengembangan.kebutuhan_diusulkan",
                params(p.nama(), req.tahun),
                format!("{TAUTAN}/tim"),
            )
            .await?;
        }
    }
    let out = single(&txn, m, p.akses.putus).await?;
    audit::record(
        &txn,
        AuditEntry::new("kebutuhan_pengembangan.created", "kebutuhan_pengembangan")
            .actor(viewer.user_id)
            .entity(out.id)
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// The PPKin agrees (naming the competency where the need has none) or rejects (with a
/// reason) a proposed need; the employee is told. Audited.
///
/// # Errors
/// `NotFound`/`Forbidden` for anyone but the PPKin; `Conflict` for a decided need or a stale
/// `lock_version`; `Validation` for a rejection without a reason or an agreement without a
/// competency.
pub async fn putuskan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: PutuskanKebutuhan,
    meta: &RequestMeta,
) -> AppResult<Kebutuhan> {
    let txn = db.begin().await?;
    let before = one(&txn, id).await?;
    let p = akses::pegawai(&txn, viewer, before.employee_id).await?;
    if !p.akses.putus {
        return Err(AppError::Forbidden);
    }
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    if before.status != StatusKebutuhan::Diusulkan.as_str() {
        return Err(AppError::conflict(Pesan::KebutuhanSudahDiputuskan));
    }
    let catatan = req
        .catatan
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let mut a = kb::ActiveModel {
        updated_at: Set(clock::now()),
        diputuskan_at: Set(Some(clock::now())),
        diputuskan_oleh: Set(viewer.employee_id),
        catatan_keputusan: Set(catatan.clone()),
        ..Default::default()
    };
    if req.setuju {
        let komp = match req.kompetensi_id {
            Some(k) => Some(
                kompetensi::aktif(&txn, before.instansi_id, k, "kompetensi_id")
                    .await?
                    .id,
            ),
            None => before.kompetensi_id,
        };
        let Some(komp) = komp else {
            return Err(AppError::field("kompetensi_id", Pesan::PilihKompetensiDulu));
        };
        a.kompetensi_id = Set(Some(komp));
        if let Some(b) = req.bentuk {
            a.bentuk = Set(b.as_str().to_owned());
        }
        if let Some(jp) = req.perkiraan_jp {
            a.perkiraan_jp = Set(Some(jp));
        }
        a.status = Set(StatusKebutuhan::Disetujui.as_str().to_owned());
    } else {
        if catatan.as_ref().is_none_or(|c| c.chars().count() < 3) {
            return Err(AppError::field("catatan", Pesan::AlasanPenolakanWajib));
        }
        a.status = Set(StatusKebutuhan::Ditolak.as_str().to_owned());
    }
    optimistic::claim(
        &txn,
        a,
        (kb::Column::Id, id),
        kb::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = one(&txn, id).await?;
    crate::notifications::send(
        &txn,
        after.employee_id,
        "pengembangan.kebutuhan_diputuskan",
        NotificationParams {
            hasil: Some(after.status.clone()),
            teks: catatan,
            ..params(p.nama(), after.tahun)
        },
        TAUTAN.to_owned(),
    )
    .await?;
    let out = single(&txn, after, true).await?;
    let before_dto = single(&txn, before, true).await?;
    audit::record(
        &txn,
        AuditEntry::new("kebutuhan_pengembangan.decided", "kebutuhan_pengembangan")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!(before_dto))
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Whoever proposed a need deletes it while it is still proposed. Audited.
///
/// # Errors
/// `NotFound` for a need the viewer may not see; `Conflict` when decided, proposed by someone
/// else, or for a stale `lock_version`.
pub async fn delete(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let before = one(&txn, id).await?;
    akses::pegawai(&txn, viewer, before.employee_id).await?;
    optimistic::check(before.lock_version, lock_version, WHAT)?;
    if before.status != StatusKebutuhan::Diusulkan.as_str()
        || before.diusulkan_oleh != viewer.user_id
    {
        return Err(AppError::conflict(Pesan::HapusKebutuhanDiusulkan));
    }
    let rows = kb::Entity::delete_many()
        .filter(kb::Column::Id.eq(id))
        .filter(kb::Column::LockVersion.eq(lock_version))
        .filter(kb::Column::Status.eq(StatusKebutuhan::Diusulkan.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    if rows == 0 {
        return Err(optimistic::conflict(WHAT));
    }
    audit::record(
        &txn,
        AuditEntry::new("kebutuhan_pengembangan.deleted", "kebutuhan_pengembangan")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!({"employee_id": before.employee_id, "tahun": before.tahun, "uraian": before.uraian})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What a need made from an evaluation needs to know of it.
struct Asal {
    employee_id: Uuid,
    instansi_id: Uuid,
    tahun: i32,
}

async fn asal(db: &impl ConnectionTrait, e: &evaluations::Model) -> AppResult<Option<Asal>> {
    let Some(skp) = skps::Entity::find_by_id(e.skp_id).one(db).await? else {
        return Ok(None);
    };
    let Some(period) = periods::Entity::find_by_id(skp.period_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(Asal {
        employee_id: skp.employee_id,
        instansi_id: period.instansi_id,
        tahun: period.tahun,
    }))
}

/// A need of `a` from evaluation `e`, once per (evaluation, source, wording).
async fn sekali(
    db: &impl ConnectionTrait,
    (a, e): (&Asal, &evaluations::Model),
    (sumber, status, ppkin): (SumberKebutuhan, StatusKebutuhan, Option<Uuid>),
    (kesenjangan, bentuk): (JenisKesenjangan, BentukPengembangan),
    uraian: String,
) -> AppResult<bool> {
    let exists = kb::Entity::find()
        .filter(kb::Column::EvaluationId.eq(e.id))
        .filter(kb::Column::Sumber.eq(sumber.as_str()))
        .filter(kb::Column::Uraian.eq(uraian.as_str()))
        .count(db)
        .await?
        > 0;
    if exists {
        return Ok(false);
    }
    let now = clock::now();
    let decided = status != StatusKebutuhan::Diusulkan;
    kb::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(a.employee_id),
        instansi_id: Set(a.instansi_id),
        tahun: Set(a.tahun),
        kompetensi_id: Set(None),
        kesenjangan: Set(kesenjangan.as_str().to_owned()),
        sumber: Set(sumber.as_str().to_owned()),
        evaluation_id: Set(Some(e.id)),
        bentuk: Set(bentuk.as_str().to_owned()),
        prioritas: Set(Prioritas::Tinggi.as_str().to_owned()),
        perkiraan_jp: Set(None),
        perkiraan_biaya: Set(None),
        uraian: Set(uraian),
        status: Set(status.as_str().to_owned()),
        catatan_keputusan: Set(None),
        diputuskan_oleh: Set(ppkin.filter(|_| decided)),
        diputuskan_at: Set(decided.then_some(now)),
        diusulkan_oleh: Set(Uuid::nil()),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The needs a set evaluation calls for (analisis kesenjangan kinerja, PP 11/2017): a
/// performance gap for a Di Bawah Ekspektasi result, a competency gap for Di Bawah Ekspektasi
/// behaviour. Proposed, for the PPKin to complete and agree; made once, however often the
/// evaluation is set again. A rating an objection or a correction lifts withdraws its need
/// while it is still proposed (a decided one stays, with its decision). Returns how many were
/// made.
///
/// # Errors
/// On a database failure.
pub async fn dari_evaluasi(db: &impl ConnectionTrait, e: &evaluations::Model) -> AppResult<u32> {
    let bawah = |r: Option<&str>| r.and_then(Rating::parse) == Some(Rating::DiBawah);
    let hasil = bawah(e.rating_hasil.as_deref());
    let perilaku = bawah(e.rating_perilaku.as_deref());
    let lifted: Vec<&str> = [
        (!hasil).then_some(SumberKebutuhan::RatingRendah.as_str()),
        (!perilaku).then_some(SumberKebutuhan::PerilakuRendah.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !lifted.is_empty() {
        kb::Entity::delete_many()
            .filter(kb::Column::EvaluationId.eq(e.id))
            .filter(kb::Column::Sumber.is_in(lifted))
            .filter(kb::Column::Status.eq(StatusKebutuhan::Diusulkan.as_str()))
            .exec(db)
            .await?;
    }
    if !hasil && !perilaku {
        return Ok(0);
    }
    let Some(a) = asal(db, e).await? else {
        return Ok(0);
    };
    let mut made = 0;
    // The wording is the key of "once" and what API clients read; the SPA words these needs
    // from their source and period instead.
    let periode = if e.periode_ke == 0 {
        format!("tahun {}", a.tahun)
    } else {
        format!("periode ke-{} tahun {}", e.periode_ke, a.tahun)
    };
    if hasil {
        made += u32::from(
            sekali(
                db,
                (&a, e),
                (
                    SumberKebutuhan::RatingRendah,
                    StatusKebutuhan::Diusulkan,
                    None,
                ),
                (JenisKesenjangan::Kinerja, BentukPengembangan::Coaching),
                format!("Rating hasil kerja Di Bawah Ekspektasi ({periode})."),
            )
            .await?,
        );
    }
    if perilaku {
        made += u32::from(
            sekali(
                db,
                (&a, e),
                (
                    SumberKebutuhan::PerilakuRendah,
                    StatusKebutuhan::Diusulkan,
                    None,
                ),
                (JenisKesenjangan::Kompetensi, BentukPengembangan::Mentoring),
                format!("Rating perilaku kerja Di Bawah Ekspektasi ({periode})."),
            )
            .await?,
        );
    }
    Ok(made)
}

/// The trainings the PPKin recommends in an improvement plan become agreed needs of the
/// employee (the PPKin wrote them), once each, so that the HR office plans them.
///
/// # Errors
/// On a database failure.
pub async fn dari_rencana_perbaikan(
    db: &impl ConnectionTrait,
    e: &evaluations::Model,
    ppkin: Uuid,
    pelatihan: &[String],
) -> AppResult<u32> {
    let Some(a) = asal(db, e).await? else {
        return Ok(0);
    };
    let mut made = 0;
    for p in pelatihan.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        made += u32::from(
            sekali(
                db,
                (&a, e),
                (
                    SumberKebutuhan::RencanaPerbaikan,
                    StatusKebutuhan::Disetujui,
                    Some(ppkin),
                ),
                (JenisKesenjangan::Keduanya, BentukPengembangan::Diklat),
                p.to_owned(),
            )
            .await?,
        );
    }
    Ok(made)
}

/// Counts a need's records for [`crate::pengembangan::catatan`]: the need must be the same
/// employee's and agreed.
///
/// # Errors
/// `Validation` on `kebutuhan_id` otherwise.
pub(crate) async fn untuk_catatan(
    db: &impl ConnectionTrait,
    employee_id: Uuid,
    id: Uuid,
) -> AppResult<kb::Model> {
    kb::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|k| k.employee_id == employee_id && k.status == StatusKebutuhan::Disetujui.as_str())
        .ok_or_else(|| AppError::field("kebutuhan_id", Pesan::KebutuhanPegawaiLain))
}

/// Pending proposals per employee of `ids` (for the team view), in one query.
///
/// # Errors
/// On a database failure.
pub(crate) async fn diusulkan_per_pegawai(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(kb::Entity::find()
        .select_only()
        .column(kb::Column::EmployeeId)
        .column_as(kb::Column::Id.count(), "n")
        .filter(kb::Column::EmployeeId.is_in(ids.to_vec()))
        .filter(kb::Column::Status.eq(StatusKebutuhan::Diusulkan.as_str()))
        .group_by(kb::Column::EmployeeId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(e, n)| (e, u64::try_from(n).unwrap_or(0)))
        .collect())
}
