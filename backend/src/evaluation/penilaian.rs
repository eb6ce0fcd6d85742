//! The PPKin's ratings: saving a draft, setting them (the predikat follows from the kuadran),
//! the admin's audited correction; every state kept in `evaluation_versions`.

use chrono::{Duration, Utc};
use kinerja_api::Pesan;
use kinerja_api::evaluation::{
    self as rules, Predikat, PredikatOrganisasi, Rating, RatingKepalaUnit,
};
use kinerja_api::penilaian::{EvaluasiView, KoreksiEvaluasi, SimpanEvaluasi, StatusEvaluasi};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::AuditEntry;
use crate::auth::Viewer;
use crate::entities::{
    employees, evaluation_versions, evaluations, org_predikat, positions, rencana_perbaikan, skps,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

use super::halaman::rating;
use super::halaman::{find_eval, finish, plan_of, skp_for};
use super::organisasi::distribusi;
use super::service::Kebijakan;
use super::service::check_periode;
use crate::planning::{access, versi};

/// The organisation result that sets a unit head's rating hasil kerja, if the owner heads a
/// unit with a predikat for the period.
async fn head_rating(
    db: &impl ConnectionTrait,
    kepala_unit: RatingKepalaUnit,
    owner: &employees::Model,
    period_id: Uuid,
    k: i32,
) -> AppResult<Option<Rating>> {
    let Some(position) = owner.jabatan_id else {
        return Ok(None);
    };
    let Some(p) = positions::Entity::find_by_id(position).one(db).await? else {
        return Ok(None);
    };
    if !p.kepala_unit {
        return Ok(None);
    }
    Ok(org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(p.unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period_id))
        .filter(org_predikat::Column::PeriodeKe.eq(k))
        .one(db)
        .await?
        .and_then(|o| PredikatOrganisasi::parse(&o.predikat))
        .map(|org| kepala_unit.rating(org)))
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Saves the PPKin's draft ratings and notes.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the PPKin; `Conflict` when the SKP is not approved or
/// the evaluation is already set.
pub async fn save(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    skp_id: Uuid,
    k: i32,
    req: SimpanEvaluasi,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let m = skp_for(&txn, skp_id, k).await?;
    let skp_id = m.id;
    let me = access::Akses::of(&txn, viewer, &m).await?.require_ppkin()?;
    let period = crate::planning::periods::find(&txn, m.period_id).await?;
    check_periode(&period, k)?;
    if !versi::approved(&m) {
        return Err(AppError::conflict(Pesan::EvaluasiHanyaSkpDisetujui));
    }
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let from_org = head_rating(&txn, kebijakan.kepala_unit, &owner, m.period_id, k).await?;
    let hasil = from_org.or(req.rating_hasil);
    let predikat = match (hasil, req.rating_perilaku) {
        (Some(h), Some(p)) => Some(rules::predikat(h, p)),
        _ => None,
    };
    let now = Utc::now();
    match find_eval(&txn, skp_id, k).await? {
        Some(e) if e.ditetapkan() => {
            return Err(AppError::conflict(Pesan::EvaluasiFinal));
        }
        Some(e) => {
            let mut a: evaluations::ActiveModel = e.into();
            a.rating_hasil = Set(hasil.map(|r| r.as_str().to_owned()));
            a.rating_perilaku = Set(req.rating_perilaku.map(|r| r.as_str().to_owned()));
            a.predikat = Set(predikat.map(|p| p.as_str().to_owned()));
            a.catatan_hasil = Set(clean(req.catatan_hasil));
            a.catatan_perilaku = Set(clean(req.catatan_perilaku));
            a.rekomendasi = Set(clean(req.rekomendasi));
            a.hasil_dari_organisasi = Set(from_org.is_some());
            a.penilai_employee_id = Set(Some(me));
            a.updated_at = Set(now);
            a.update(&txn).await?;
        }
        None => {
            evaluations::ActiveModel {
                id: Set(Uuid::now_v7()),
                skp_id: Set(skp_id),
                periode_ke: Set(k),
                rating_hasil: Set(hasil.map(|r| r.as_str().to_owned())),
                rating_perilaku: Set(req.rating_perilaku.map(|r| r.as_str().to_owned())),
                predikat: Set(predikat.map(|p| p.as_str().to_owned())),
                catatan_hasil: Set(clean(req.catatan_hasil)),
                catatan_perilaku: Set(clean(req.catatan_perilaku)),
                rekomendasi: Set(clean(req.rekomendasi)),
                hasil_dari_organisasi: Set(from_org.is_some()),
                status: Set(StatusEvaluasi::Draft.as_str().to_owned()),
                versi: Set(0),
                unit_id: Set(owner.unit_id.unwrap_or(Uuid::nil())),
                penilai_employee_id: Set(Some(me)),
                ditetapkan_at: Set(None),
                batas_keberatan: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
    }
    let entry = AuditEntry::new("evaluasi.saved", "skp")
        .actor(viewer.user_id)
        .entity(skp_id)
        .after(json!({"periode_ke": k, "rating_hasil": hasil.map(|r| r.as_str()), "rating_perilaku": req.rating_perilaku.map(|r| r.as_str())}));
    finish(txn, entry, meta, db, kebijakan, viewer, (skp_id, k)).await
}

pub(crate) async fn keep_version(
    db: &impl ConnectionTrait,
    e: &evaluations::Model,
    sumber: &str,
    alasan: Option<String>,
    actor: Uuid,
) -> AppResult<()> {
    evaluation_versions::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(e.id),
        versi: Set(e.versi),
        sumber: Set(sumber.to_owned()),
        data: Set(json!({
            "rating_hasil": e.rating_hasil,
            "rating_perilaku": e.rating_perilaku,
            "predikat": e.predikat,
            "catatan_hasil": e.catatan_hasil,
            "catatan_perilaku": e.catatan_perilaku,
            "rekomendasi": e.rekomendasi,
        })),
        alasan: Set(alasan),
        actor_user_id: Set(actor),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Opens the improvement plan of a low result (once).
/// Whether the (final) result calls for an improvement plan: a predikat that needs improvement,
/// or either rating below expectation.
fn is_low(e: &evaluations::Model) -> bool {
    e.predikat
        .as_deref()
        .and_then(Predikat::parse)
        .is_some_and(Predikat::perlu_perbaikan)
        || rating(e.rating_hasil.as_deref()) == Some(Rating::DiBawah)
        || rating(e.rating_perilaku.as_deref()) == Some(Rating::DiBawah)
}

pub(crate) async fn open_plan_if_low(
    db: &impl ConnectionTrait,
    e: &evaluations::Model,
) -> AppResult<bool> {
    // A Di Bawah Ekspektasi rating is a performance or competency gap: a development need
    // (withdrawn while still proposed when an objection or a correction lifts the rating).
    crate::pengembangan::kebutuhan::dari_evaluasi(db, e).await?;
    if !is_low(e) || plan_of(db, e.id).await?.is_some() {
        return Ok(false);
    }
    let now = Utc::now();
    rencana_perbaikan::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(e.id),
        saran: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The SPA's evaluation page of an SKP and period: where the evaluation notifications lead.
pub(crate) fn tautan(skp_id: Uuid, k: i32) -> String {
    format!("/evaluasi/{skp_id}?periode_ke={k}")
}

/// Sets (menetapkan) the evaluation: both ratings are required, the distribution pattern is
/// checked (a warning, or a refusal when the instansi chose so), the objection window opens,
/// the employee is notified and a low result opens an improvement plan.
///
/// # Errors
/// As [`save`]; `Validation` for a missing rating; `Conflict` for a blocking distribution.
pub async fn tetapkan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    skp_id: Uuid,
    k: i32,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let m = skp_for(&txn, skp_id, k).await?;
    let skp_id = m.id;
    access::Akses::of(&txn, viewer, &m).await?.require_ppkin()?;
    let period = crate::planning::periods::find(&txn, m.period_id).await?;
    check_periode(&period, k)?;
    let Some(e) = find_eval(&txn, skp_id, k).await? else {
        return Err(AppError::field("rating_hasil", Pesan::SimpanRatingDulu));
    };
    if e.ditetapkan() {
        return Err(AppError::conflict(Pesan::EvaluasiSudahDitetapkan));
    }
    let mut missing = crate::error::FieldMessages::new();
    if e.rating_hasil.is_none() {
        missing.insert("rating_hasil".into(), vec![Pesan::RatingHasilWajib.into()]);
    }
    if e.rating_perilaku.is_none() {
        missing.insert(
            "rating_perilaku".into(),
            vec![Pesan::RatingPerilakuWajib.into()],
        );
    }
    if !missing.is_empty() {
        return Err(AppError::Invalid(missing));
    }
    let predikat = e.predikat.as_deref().and_then(Predikat::parse);
    if let (Some(p), true) = (predikat, kebijakan.blokir)
        && let Some(d) =
            distribusi(&txn, kebijakan, e.unit_id, m.period_id, k, Some((e.id, p))).await?
        && !d.pelanggaran.is_empty()
    {
        return Err(AppError::conflict(Pesan::MelanggarDistribusi {
            unit: d.unit_nama.clone(),
            pelanggaran: d.pelanggaran.join("; "),
        }));
    }
    let now = Utc::now();
    // The window counts from the instansi's local day of penetapan, not the UTC date.
    let today = crate::clock::period_today(&txn, &period).await?;
    let mut a: evaluations::ActiveModel = e.into();
    a.status = Set(StatusEvaluasi::Ditetapkan.as_str().to_owned());
    a.versi = Set(1);
    a.ditetapkan_at = Set(Some(now));
    a.batas_keberatan = Set(Some(
        today + Duration::days(i64::from(period.jendela_keberatan_hari)),
    ));
    a.updated_at = Set(now);
    let e = a.update(&txn).await?;
    keep_version(&txn, &e, "penetapan", None, viewer.user_id).await?;
    let plan = open_plan_if_low(&txn, &e).await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "evaluasi_ditetapkan",
        kinerja_api::planning::NotificationParams {
            hasil: predikat.map(|p| p.as_str().to_owned()),
            tanggal: e.batas_keberatan,
            rencana_perbaikan: Some(plan),
            ..crate::notifications::about(&txn, &m, Some(k)).await?
        },
        tautan(skp_id, k),
    )
    .await?;
    let entry = AuditEntry::new("evaluasi.ditetapkan", "skp")
        .actor(viewer.user_id)
        .entity(skp_id)
        .after(json!({"periode_ke": k, "predikat": e.predikat, "rating_hasil": e.rating_hasil, "rating_perilaku": e.rating_perilaku}));
    finish(txn, entry, meta, db, kebijakan, viewer, (skp_id, k)).await
}

pub(crate) async fn eval_with_skp(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<(evaluations::Model, skps::Model)> {
    let e = evaluations::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Evaluasi"))?;
    let m = access::find(db, e.skp_id).await?;
    Ok((e, m))
}

pub(crate) async fn rewrite(
    db: &impl ConnectionTrait,
    e: evaluations::Model,
    hasil: Rating,
    perilaku: Rating,
) -> AppResult<evaluations::Model> {
    let mut a: evaluations::ActiveModel = e.clone().into();
    a.rating_hasil = Set(Some(hasil.as_str().to_owned()));
    a.rating_perilaku = Set(Some(perilaku.as_str().to_owned()));
    a.predikat = Set(Some(rules::predikat(hasil, perilaku).as_str().to_owned()));
    a.versi = Set(e.versi + 1);
    a.updated_at = Set(Utc::now());
    Ok(a.update(db).await?)
}

/// The admin corrects a set evaluation, with a reason (audited and versioned).
///
/// # Errors
/// `NotFound`; `Conflict` when the evaluation is not set yet.
pub async fn koreksi(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: KoreksiEvaluasi,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    if !e.ditetapkan() {
        return Err(AppError::conflict(Pesan::KoreksiHanyaDitetapkan));
    }
    let before = json!({"predikat": e.predikat, "rating_hasil": e.rating_hasil, "rating_perilaku": e.rating_perilaku});
    let k = e.periode_ke;
    let e = rewrite(&txn, e, req.rating_hasil, req.rating_perilaku).await?;
    keep_version(
        &txn,
        &e,
        "koreksi",
        Some(req.alasan.trim().to_owned()),
        viewer.user_id,
    )
    .await?;
    open_plan_if_low(&txn, &e).await?;
    let entry = AuditEntry::new("evaluasi.dikoreksi", "evaluasi")
        .actor(viewer.user_id)
        .entity(id)
        .before(before)
        .after(json!({"predikat": e.predikat, "rating_hasil": e.rating_hasil, "rating_perilaku": e.rating_perilaku}))
        .reason(Some(req.alasan));
    finish(txn, entry, meta, db, kebijakan, viewer, (m.id, k)).await
}
