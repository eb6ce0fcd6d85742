//! Rules of evaluation. The predikat is always derived from the two ratings (never typed); a
//! set evaluation changes only through an objection decided by the Atasan PPKin or an audited
//! admin correction, and every state is kept in `evaluation_versions`.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, Utc};
use kinerja_api::evaluation::{
    self as rules, AmbangSaran, Hitungan, Pembulatan, Predikat, PredikatOrganisasi, Rating,
    RatingKepalaUnit,
};
use kinerja_api::penilaian::{
    AjukanKeberatan, AngkaKredit, CheckinPerbaikan, DistribusiQuery, DistribusiUnit, Evaluasi,
    EvaluasiView, ItemPerbaikan, JelaskanKeberatan, Keberatan, KeputusanKeberatan, KoreksiEvaluasi,
    PeranEvaluasi, PredikatOrganisasiUnit, PutuskanKeberatan, RencanaPerbaikan, RincianAngkaKredit,
    SaranRating, SimpanEvaluasi, SimpanRencanaPerbaikan, StatusEvaluasi, StatusKeberatan,
    TetapkanPredikatOrganisasi, VersiEvaluasi,
};
use kinerja_api::planning::Ritme;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::config::Settings;
use crate::employees::service::Viewer;
use crate::entities::{
    employees, evaluation_versions, evaluations, feedback, keberatan, org_predikat,
    perbaikan_items, periods, positions, rencana_perbaikan, skps, units,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::measurement::service::jumlah_periode;
use crate::measurement::tahun::Tahun;
use crate::organisation::tree::UnitIndex;
use crate::planning::{skp, versi};
use crate::policy;

/// The instansi's choices for evaluation (from the settings).
#[derive(Debug, Clone, Copy)]
pub struct Kebijakan {
    pub blokir: bool,
    pub pembulatan: Pembulatan,
    pub ambang: AmbangSaran,
    pub kepala_unit: RatingKepalaUnit,
}

impl Kebijakan {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            blokir: s.distribusi_blokir,
            pembulatan: s.distribusi_pembulatan,
            ambang: AmbangSaran {
                di_atas: s.saran_di_atas,
                sesuai: s.saran_sesuai,
            },
            kepala_unit: s.rating_kepala_unit,
        }
    }
}

fn rating(v: Option<&str>) -> Option<Rating> {
    v.and_then(Rating::parse)
}

fn dto(m: &evaluations::Model) -> Evaluasi {
    Evaluasi {
        id: m.id,
        skp_id: m.skp_id,
        periode_ke: m.periode_ke,
        rating_hasil: rating(m.rating_hasil.as_deref()),
        rating_perilaku: rating(m.rating_perilaku.as_deref()),
        predikat: m.predikat.as_deref().and_then(Predikat::parse),
        catatan_hasil: m.catatan_hasil.clone(),
        catatan_perilaku: m.catatan_perilaku.clone(),
        rekomendasi: m.rekomendasi.clone(),
        hasil_dari_organisasi: m.hasil_dari_organisasi,
        status: if m.status == "ditetapkan" {
            StatusEvaluasi::Ditetapkan
        } else {
            StatusEvaluasi::Draft
        },
        versi: m.versi,
        ditetapkan_at: m.ditetapkan_at,
        batas_keberatan: m.batas_keberatan,
    }
}

fn check_periode(period: &periods::Model, k: i32) -> AppResult<()> {
    let n = jumlah_periode(Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan));
    if (0..=n).contains(&k) {
        Ok(())
    } else {
        Err(AppError::field(
            "periode_ke",
            format!("Periode 0 (tahunan) atau 1–{n} menurut ritme periode ini."),
        ))
    }
}

async fn find_eval(
    db: &impl ConnectionTrait,
    skp_id: Uuid,
    k: i32,
) -> AppResult<Option<evaluations::Model>> {
    Ok(evaluations::Entity::find()
        .filter(evaluations::Column::SkpId.eq(skp_id))
        .filter(evaluations::Column::PeriodeKe.eq(k))
        .one(db)
        .await?)
}

/// The organisation unit whose predikat governs an employee's unit: the nearest unit up the
/// tree (itself included) with a predikat for the period and sub-period.
async fn governing_unit(
    db: &impl ConnectionTrait,
    unit: Uuid,
    period_id: Uuid,
    k: i32,
) -> AppResult<Option<org_predikat::Model>> {
    let set: HashMap<Uuid, org_predikat::Model> = org_predikat::Entity::find()
        .filter(org_predikat::Column::PeriodId.eq(period_id))
        .filter(org_predikat::Column::PeriodeKe.eq(k))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.unit_id, o))
        .collect();
    if set.is_empty() {
        return Ok(None);
    }
    let tree = UnitIndex::load(db, None).await?;
    let mut current = Some(unit);
    let mut seen = HashSet::new();
    while let Some(u) = current {
        if !seen.insert(u) {
            break;
        }
        if let Some(o) = set.get(&u) {
            return Ok(Some(o.clone()));
        }
        current = tree.units.get(&u).and_then(|m| m.parent_id);
    }
    Ok(None)
}

/// The distribution of the unit that governs `unit`, counting the set predikat of every
/// evaluation in its subtree, plus `extra` (an evaluation about to be set).
async fn distribusi(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    unit: Uuid,
    period_id: Uuid,
    k: i32,
    extra: Option<(Uuid, Predikat)>,
) -> AppResult<Option<DistribusiUnit>> {
    let Some(org) = governing_unit(db, unit, period_id, k).await? else {
        return Ok(None);
    };
    distribusi_of(db, kebijakan, &org, extra).await.map(Some)
}

async fn distribusi_of(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    org: &org_predikat::Model,
    extra: Option<(Uuid, Predikat)>,
) -> AppResult<DistribusiUnit> {
    let tree = UnitIndex::load(db, None).await?;
    let subtree: Vec<Uuid> = tree.subtree(org.unit_id).into_iter().collect();
    let in_period: HashSet<Uuid> = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(org.period_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let evals: Vec<evaluations::Model> = evaluations::Entity::find()
        .filter(evaluations::Column::UnitId.is_in(subtree))
        .filter(evaluations::Column::PeriodeKe.eq(org.periode_ke))
        .all(db)
        .await?
        .into_iter()
        .filter(|e| in_period.contains(&e.skp_id))
        .collect();
    let mut hitungan = Hitungan::default();
    let mut counted = HashSet::new();
    for e in &evals {
        let set = if Some(e.id) == extra.map(|x| x.0) {
            extra.map(|x| x.1)
        } else if e.status == "ditetapkan" {
            e.predikat.as_deref().and_then(Predikat::parse)
        } else {
            None
        };
        if let Some(p) = set {
            hitungan.tambah(p);
            counted.insert(e.id);
        }
    }
    let predikat = PredikatOrganisasi::parse(&org.predikat).unwrap_or(PredikatOrganisasi::Baik);
    let n = evals.len().max(counted.len()) as u32;
    Ok(DistribusiUnit {
        unit_id: org.unit_id,
        unit_nama: tree.name(org.unit_id).unwrap_or_default().to_owned(),
        predikat_organisasi: Some(predikat),
        dasar: Some(org.dasar.clone()),
        pembulatan: kebijakan.pembulatan,
        pembulatan_keterangan: kebijakan.pembulatan.keterangan().to_owned(),
        jumlah_pegawai: n,
        hitungan,
        aturan: rules::pola_distribusi(predikat, n, kebijakan.pembulatan),
        kuota: rules::kuota(predikat, n, kebijakan.pembulatan, &hitungan),
        pelanggaran: rules::periksa_distribusi(predikat, kebijakan.pembulatan, &hitungan),
        blokir: kebijakan.blokir,
    })
}

/// The suggestion from capaian (per IKI, averaged over the year for the annual evaluation)
/// and from the tags of the feedback given in the period.
async fn saran(
    db: &DatabaseConnection,
    m: &skps::Model,
    period: &periods::Model,
    k: i32,
    ambang: AmbangSaran,
) -> AppResult<SaranRating> {
    // The sub-period's capaian per indicator, or the year's (realisasi of the whole year
    // against the yearly target), read across the versions of the year in one load.
    let tahun = Tahun::load(db, period.clone(), m).await?;
    let capaian = tahun.capaian_indikator(k);
    let rata = (!capaian.is_empty()).then(|| {
        let avg = capaian.iter().map(|c| c.0).sum::<f64>() / capaian.len() as f64;
        (avg * 100.0).round() / 100.0
    });
    let versions: Vec<Uuid> = tahun.versions.all().iter().map(|(v, _)| v.id).collect();
    let mut q = feedback::Entity::find()
        .filter(feedback::Column::SkpId.is_in(versions))
        .filter(feedback::Column::ParentId.is_null());
    if k != 0 {
        q = q.filter(feedback::Column::PeriodeKe.eq(k));
    }
    let tags: Vec<Option<String>> = q.all(db).await?.into_iter().map(|f| f.tag).collect();
    let positif = tags
        .iter()
        .filter(|t| t.as_deref() == Some("positif"))
        .count() as u32;
    let negatif = tags
        .iter()
        .filter(|t| t.as_deref() == Some("negatif"))
        .count() as u32;
    let rating_hasil = rules::saran_rating_hasil(&capaian, ambang);
    Ok(SaranRating {
        rating_hasil,
        rating_perilaku: rules::saran_rating_perilaku(positif, negatif),
        capaian_rata_rata: rata,
        umpan_balik_positif: positif,
        umpan_balik_negatif: negatif,
        keterangan: format!(
            "Saran sistem dari {} indikator berrealisasi (di atas ekspektasi bila capaian ≥ {} %, di bawah bila < {} %) dan {positif} umpan balik positif / {negatif} negatif. Rating tetap keputusan Pejabat Penilai Kinerja.",
            capaian.len(),
            ambang.di_atas,
            ambang.sesuai
        ),
    })
}

async fn keberatan_of(db: &impl ConnectionTrait, eval: Uuid) -> AppResult<Option<Keberatan>> {
    let Some(k) = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(Keberatan {
        id: k.id,
        lampiran: super::lampiran::of(db, k.id).await?,
        alasan: k.alasan,
        status: match k.status.as_str() {
            "dijelaskan" => StatusKeberatan::Dijelaskan,
            "diputus" => StatusKeberatan::Diputus,
            _ => StatusKeberatan::Diajukan,
        },
        penjelasan: k.penjelasan,
        keputusan: match k.keputusan.as_deref() {
            Some("tetap") => Some(KeputusanKeberatan::Tetap),
            Some("diubah") => Some(KeputusanKeberatan::Diubah),
            _ => None,
        },
        catatan_keputusan: k.catatan_keputusan,
        diajukan_at: k.diajukan_at,
        dijelaskan_at: k.dijelaskan_at,
        diputus_at: k.diputus_at,
    }))
}

async fn plan_of(db: &impl ConnectionTrait, eval: Uuid) -> AppResult<Option<RencanaPerbaikan>> {
    let Some(p) = rencana_perbaikan::Entity::find()
        .filter(rencana_perbaikan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let items = perbaikan_items::Entity::find()
        .filter(perbaikan_items::Column::PlanId.eq(p.id))
        .order_by_asc(perbaikan_items::Column::CreatedAt)
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = employees::Entity::find()
        .filter(
            employees::Column::Id.is_in(
                items
                    .iter()
                    .map(|i| i.author_employee_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.nama))
        .collect();
    Ok(Some(RencanaPerbaikan {
        id: p.id,
        saran: p.saran,
        created_at: p.created_at,
        items: items
            .into_iter()
            .map(|i| ItemPerbaikan {
                id: i.id,
                penulis: names
                    .get(&i.author_employee_id)
                    .cloned()
                    .unwrap_or_default(),
                jenis: i.jenis,
                uraian: i.uraian,
                jatuh_tempo: i.jatuh_tempo,
                created_at: i.created_at,
            })
            .collect(),
    }))
}

async fn history(db: &impl ConnectionTrait, eval: Uuid) -> AppResult<Vec<VersiEvaluasi>> {
    Ok(evaluation_versions::Entity::find()
        .filter(evaluation_versions::Column::EvaluationId.eq(eval))
        .order_by_asc(evaluation_versions::Column::Versi)
        .all(db)
        .await?
        .into_iter()
        .map(|v| VersiEvaluasi {
            versi: v.versi,
            sumber: v.sumber,
            rating_hasil: rating(v.data["rating_hasil"].as_str()),
            rating_perilaku: rating(v.data["rating_perilaku"].as_str()),
            predikat: v.data["predikat"].as_str().and_then(Predikat::parse),
            alasan: v.alasan,
            created_at: v.created_at,
        })
        .collect())
}

/// The SKP version in force for sub-period `k` (the year for 0) of `skp_id`'s employee: an
/// evaluation belongs to the sub-period, whichever version the client names.
async fn skp_for(db: &impl ConnectionTrait, skp_id: Uuid, k: i32) -> AppResult<skps::Model> {
    versi::resolve(db, skp::find(db, skp_id).await?, k).await
}

/// The evaluation page of one SKP and period, for its readers and its current raters.
///
/// # Errors
/// `NotFound` when the viewer does not follow the SKP; `Validation` for a period outside the
/// rhythm.
pub async fn view(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    skp_id: Uuid,
    k: i32,
) -> AppResult<EvaluasiView> {
    let m = skp_for(db, skp_id, k).await?;
    // The rule of `skp::can_follow`, with the raters kept for the viewer's role.
    let raters = skp::current_raters(db, &m).await?;
    let rates = viewer
        .employee_id
        .is_some_and(|me| raters.0 == Some(me) || raters.1 == Some(me));
    if !rates && !skp::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    page(db, kebijakan, viewer, m, k, raters, &mut HashMap::new()).await
}

/// The evaluation page of an SKP the viewer follows, given its current (PPKin, Atasan PPKin);
/// `units` keeps the distribution of each unit already built (a work list shares them).
async fn page(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    m: skps::Model,
    k: i32,
    raters: (Option<Uuid>, Option<Uuid>),
    units: &mut HashMap<Uuid, Option<DistribusiUnit>>,
) -> AppResult<EvaluasiView> {
    let skp_id = m.id;
    let period = crate::planning::periods::find(db, m.period_id).await?;
    check_periode(&period, k)?;
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let eval = find_eval(db, skp_id, k).await?;
    let unit = eval.as_ref().map(|e| e.unit_id).or(owner.unit_id);
    let distribusi = match unit {
        Some(u) => match units.get(&u) {
            Some(known) => known.clone(),
            None => {
                let d = distribusi(db, kebijakan, u, m.period_id, k, None).await?;
                units.insert(u, d.clone());
                d
            }
        },
        None => None,
    };
    let (keberatan, rencana_perbaikan, riwayat) = match &eval {
        Some(e) => (
            keberatan_of(db, e.id).await?,
            plan_of(db, e.id).await?,
            history(db, e.id).await?,
        ),
        None => (None, None, Vec::new()),
    };
    let evaluasi = eval.as_ref().map(dto);
    let peran = match (viewer.employee_id, raters) {
        (Some(me), _) if me == m.employee_id => PeranEvaluasi::Pemilik,
        (Some(me), (Some(p), _)) if me == p => PeranEvaluasi::PejabatPenilai,
        (Some(me), (_, Some(a))) if me == a => PeranEvaluasi::AtasanPejabatPenilai,
        _ => PeranEvaluasi::Pembaca,
    };
    let prioritas = evaluasi.as_ref().is_some_and(|e| {
        e.status == StatusEvaluasi::Ditetapkan && e.predikat == Some(Predikat::SangatBaik)
    });
    Ok(EvaluasiView {
        skp_id,
        periode_ke: k,
        pegawai: owner.nama.clone(),
        nip: owner.nip.clone(),
        saran: saran(db, &m, &period, k, kebijakan.ambang).await?,
        evaluasi,
        distribusi,
        keberatan,
        rencana_perbaikan,
        riwayat,
        prioritas_pengembangan: prioritas,
        peran,
    })
}

/// The evaluation pages of a period for the viewer's work list: every employee the viewer
/// rates today as PPKin, and those whose objection the viewer decides as Atasan PPKin; by name.
/// One query for the approved SKP and one superior resolution pick the employees and give
/// their raters; each page is then built as [`view`] builds it.
///
/// # Errors
/// `Validation` for an unknown period or a sub-period outside its rhythm.
pub async fn daftar_penilaian(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    q: &DistribusiQuery,
) -> AppResult<Vec<EvaluasiView>> {
    let period = periods::Entity::find_by_id(q.periode_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("periode_id", "Periode tidak ditemukan."))?;
    check_periode(&period, q.periode_ke)?;
    let Some(me) = viewer.employee_id else {
        return Ok(Vec::new());
    };
    // Per employee, the version in force for the sub-period (an earlier one after a perubahan
    // approved later in the year).
    let mut by_employee: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
    for m in skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::DisetujuiAt.is_not_null())
        .all(db)
        .await?
    {
        by_employee.entry(m.employee_id).or_default().push(m);
    }
    let in_force: Vec<skps::Model> = by_employee
        .into_values()
        .filter_map(|list| {
            versi::Versions::of(&period, list)
                .in_force(q.periode_ke)
                .cloned()
        })
        .collect();
    let resolver = crate::employees::superiors::Resolver::load(
        db,
        period.instansi_id,
        skp::reference_date(&period),
    )
    .await?;
    let mut pages = Vec::new();
    let mut units = HashMap::new();
    for m in in_force {
        let Some(s) = resolver.superiors(m.employee_id) else {
            continue;
        };
        let raters = (
            s.ppkin.map(|p| p.employee.id),
            s.atasan_ppkin.map(|a| a.employee.id),
        );
        let rates = raters.0 == Some(me);
        if !(rates || raters.1 == Some(me)) || m.employee_id == me {
            continue;
        }
        let found = page(db, kebijakan, viewer, m, q.periode_ke, raters, &mut units).await?;
        if rates || found.keberatan.is_some() {
            pages.push(found);
        }
    }
    pages.sort_by(|a, b| a.pegawai.cmp(&b.pegawai));
    Ok(pages)
}

/// Who follows the SKP but may not do this gets 403; everyone else 404 (no existence leak).
async fn deny(db: &impl ConnectionTrait, viewer: &Viewer, m: &skps::Model) -> AppResult<AppError> {
    Ok(if skp::can_follow(db, viewer, m).await? {
        AppError::Forbidden
    } else {
        AppError::NotFound("SKP")
    })
}

/// Records the audit entry, commits, and answers with the evaluation page.
async fn finish(
    txn: sea_orm::DatabaseTransaction,
    entry: AuditEntry,
    meta: &RequestMeta,
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    (skp_id, k): (Uuid, i32),
) -> AppResult<EvaluasiView> {
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    view(db, kebijakan, viewer, skp_id, k).await
}

/// The PPKin today, else 403 (readers) or 404 (everyone else).
async fn require_ppkin(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<Uuid> {
    let (ppkin, _) = skp::current_raters(db, m).await?;
    match (viewer.employee_id, ppkin) {
        (Some(me), Some(p)) if me == p => Ok(me),
        _ => Err(deny(db, viewer, m).await?),
    }
}

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
    let me = require_ppkin(&txn, viewer, &m).await?;
    let period = crate::planning::periods::find(&txn, m.period_id).await?;
    check_periode(&period, k)?;
    if !versi::approved(&m) {
        return Err(AppError::Conflict(
            "Evaluasi hanya untuk SKP yang sudah disetujui.".to_owned(),
        ));
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
        Some(e) if e.status == "ditetapkan" => {
            return Err(AppError::Conflict(
                "Evaluasi sudah ditetapkan dan tidak dapat diubah, kecuali melalui keberatan atau koreksi admin."
                    .to_owned(),
            ));
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
                status: Set("draft".to_owned()),
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

async fn keep_version(
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

async fn open_plan_if_low(db: &impl ConnectionTrait, e: &evaluations::Model) -> AppResult<bool> {
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
fn halaman(skp_id: Uuid, k: i32) -> String {
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
    require_ppkin(&txn, viewer, &m).await?;
    let period = crate::planning::periods::find(&txn, m.period_id).await?;
    check_periode(&period, k)?;
    let Some(e) = find_eval(&txn, skp_id, k).await? else {
        return Err(AppError::field(
            "rating_hasil",
            "Isi dan simpan rating terlebih dahulu.",
        ));
    };
    if e.status == "ditetapkan" {
        return Err(AppError::Conflict(
            "Evaluasi ini sudah ditetapkan.".to_owned(),
        ));
    }
    let mut missing = crate::error::FieldErrors::new();
    if e.rating_hasil.is_none() {
        missing.insert(
            "rating_hasil".into(),
            vec!["Rating hasil kerja wajib diisi.".into()],
        );
    }
    if e.rating_perilaku.is_none() {
        missing.insert(
            "rating_perilaku".into(),
            vec!["Rating perilaku kerja wajib diisi.".into()],
        );
    }
    if !missing.is_empty() {
        return Err(AppError::Validation(missing));
    }
    let predikat = e.predikat.as_deref().and_then(Predikat::parse);
    if let (Some(p), true) = (predikat, kebijakan.blokir)
        && let Some(d) =
            distribusi(&txn, kebijakan, e.unit_id, m.period_id, k, Some((e.id, p))).await?
        && !d.pelanggaran.is_empty()
    {
        return Err(AppError::Conflict(format!(
            "Penetapan ini melanggar pola distribusi predikat unit {}: {}",
            d.unit_nama,
            d.pelanggaran.join("; ")
        )));
    }
    let now = Utc::now();
    let mut a: evaluations::ActiveModel = e.into();
    a.status = Set("ditetapkan".to_owned());
    a.versi = Set(1);
    a.ditetapkan_at = Set(Some(now));
    a.batas_keberatan = Set(Some(
        now.date_naive() + Duration::days(i64::from(period.jendela_keberatan_hari)),
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
        halaman(skp_id, k),
    )
    .await?;
    let entry = AuditEntry::new("evaluasi.ditetapkan", "skp")
        .actor(viewer.user_id)
        .entity(skp_id)
        .after(json!({"periode_ke": k, "predikat": e.predikat, "rating_hasil": e.rating_hasil, "rating_perilaku": e.rating_perilaku}));
    finish(txn, entry, meta, db, kebijakan, viewer, (skp_id, k)).await
}

async fn eval_with_skp(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<(evaluations::Model, skps::Model)> {
    let e = evaluations::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Evaluasi"))?;
    let m = skp::find(db, e.skp_id).await?;
    Ok((e, m))
}

async fn rewrite(
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
    if e.status != "ditetapkan" {
        return Err(AppError::Conflict(
            "Hanya evaluasi yang sudah ditetapkan yang dikoreksi; draf diubah oleh pejabat penilai."
                .to_owned(),
        ));
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

/// The employee objects to a set evaluation within the window.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the owner; `Validation` outside the window;
/// `Conflict` when not set or already objected.
pub async fn ajukan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: AjukanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    skp::require_owner(&txn, viewer, &m).await?;
    if e.status != "ditetapkan" {
        return Err(AppError::Conflict(
            "Keberatan hanya atas evaluasi yang sudah ditetapkan.".to_owned(),
        ));
    }
    let today = Utc::now().date_naive();
    if let Some(batas) = e.batas_keberatan
        && today > batas
    {
        return Err(AppError::field(
            "alasan",
            format!(
                "Batas pengajuan keberatan telah lewat pada {}.",
                crate::planning::pdf::tanggal_indonesia(batas)
            ),
        ));
    }
    if keberatan_of(&txn, e.id).await?.is_some() {
        return Err(AppError::Conflict(
            "Keberatan atas evaluasi ini sudah diajukan.".to_owned(),
        ));
    }
    keberatan::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(e.id),
        alasan: Set(req.alasan.trim().to_owned()),
        status: Set("diajukan".to_owned()),
        penjelasan: Set(None),
        keputusan: Set(None),
        catatan_keputusan: Set(None),
        diajukan_at: Set(Utc::now()),
        dijelaskan_at: Set(None),
        diputus_at: Set(None),
        diputus_oleh: Set(None),
    }
    .insert(&txn)
    .await?;
    if let (Some(ppkin), _) = skp::current_raters(&txn, &m).await? {
        crate::notifications::send(
            &txn,
            ppkin,
            "keberatan_diajukan",
            crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
            halaman(m.id, e.periode_ke),
        )
        .await?;
    }
    let entry = AuditEntry::new("keberatan.diajukan", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}

/// The PPKin explains the evaluation to the Atasan PPKin.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the PPKin; `Conflict` without an open objection.
pub async fn jelaskan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: JelaskanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    require_ppkin(&txn, viewer, &m).await?;
    let k = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(&txn)
        .await?
        .filter(|k| k.status == "diajukan")
        .ok_or_else(|| {
            AppError::Conflict("Tidak ada keberatan yang menunggu penjelasan.".to_owned())
        })?;
    let mut a: keberatan::ActiveModel = k.into();
    a.penjelasan = Set(Some(req.penjelasan.trim().to_owned()));
    a.status = Set("dijelaskan".to_owned());
    a.dijelaskan_at = Set(Some(Utc::now()));
    a.update(&txn).await?;
    if let (_, Some(atasan)) = skp::current_raters(&txn, &m).await? {
        crate::notifications::send(
            &txn,
            atasan,
            "keberatan_menunggu_keputusan",
            crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
            halaman(m.id, e.periode_ke),
        )
        .await?;
    }
    let entry = AuditEntry::new("keberatan.dijelaskan", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}

/// The Atasan PPKin decides: `tetap` keeps the result, `diubah` sets new ratings (kept as a
/// new version; the original stays in the history). The decision is final.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the Atasan PPKin; `Conflict` before the PPKin's
/// explanation or after a decision; `Validation` for `diubah` without both ratings.
pub async fn putuskan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: PutuskanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    let (_, atasan) = skp::current_raters(&txn, &m).await?;
    if viewer.employee_id.is_none() || viewer.employee_id != atasan {
        return Err(deny(&txn, viewer, &m).await?);
    }
    let k = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::Conflict("Tidak ada keberatan atas evaluasi ini.".to_owned()))?;
    match k.status.as_str() {
        "diputus" => {
            return Err(AppError::Conflict(
                "Keberatan ini sudah diputus; keputusan bersifat final.".to_owned(),
            ));
        }
        "diajukan" => {
            return Err(AppError::Conflict(
                "Menunggu penjelasan pejabat penilai kinerja.".to_owned(),
            ));
        }
        _ => {}
    }
    let period_k = e.periode_ke;
    if req.keputusan == KeputusanKeberatan::Diubah {
        let mut missing = crate::error::FieldErrors::new();
        if req.rating_hasil.is_none() {
            missing.insert(
                "rating_hasil".into(),
                vec!["Isi rating hasil kerja yang baru.".into()],
            );
        }
        if req.rating_perilaku.is_none() {
            missing.insert(
                "rating_perilaku".into(),
                vec!["Isi rating perilaku kerja yang baru.".into()],
            );
        }
        if !missing.is_empty() {
            return Err(AppError::Validation(missing));
        }
        if let (Some(h), Some(p)) = (req.rating_hasil, req.rating_perilaku) {
            let e = rewrite(&txn, e.clone(), h, p).await?;
            keep_version(
                &txn,
                &e,
                "keberatan",
                Some(req.catatan.trim().to_owned()),
                viewer.user_id,
            )
            .await?;
            open_plan_if_low(&txn, &e).await?;
        }
    }
    let mut a: keberatan::ActiveModel = k.into();
    a.status = Set("diputus".to_owned());
    a.keputusan = Set(Some(
        match req.keputusan {
            KeputusanKeberatan::Tetap => "tetap",
            KeputusanKeberatan::Diubah => "diubah",
        }
        .to_owned(),
    ));
    a.catatan_keputusan = Set(Some(req.catatan.trim().to_owned()));
    a.diputus_at = Set(Some(Utc::now()));
    a.diputus_oleh = Set(viewer.employee_id);
    a.update(&txn).await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "keberatan_diputus",
        kinerja_api::planning::NotificationParams {
            hasil: Some(
                match req.keputusan {
                    KeputusanKeberatan::Tetap => "tetap",
                    KeputusanKeberatan::Diubah => "diubah",
                }
                .to_owned(),
            ),
            ..crate::notifications::about(&txn, &m, Some(period_k)).await?
        },
        halaman(m.id, period_k),
    )
    .await?;
    let entry = AuditEntry::new("keberatan.diputus", "evaluasi")
        .actor(viewer.user_id)
        .entity(id)
        .after(json!({"keputusan": req.keputusan, "rating_hasil": req.rating_hasil, "rating_perilaku": req.rating_perilaku}));
    finish(txn, entry, meta, db, kebijakan, viewer, (m.id, period_k)).await
}

async fn plan_for(db: &impl ConnectionTrait, eval: Uuid) -> AppResult<rencana_perbaikan::Model> {
    rencana_perbaikan::Entity::find()
        .filter(rencana_perbaikan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Rencana perbaikan"))
}

/// The PPKin writes the advice, the actions with due dates and the recommended trainings
/// (replacing earlier ones; check-ins stay).
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the PPKin; `NotFound` without a plan.
pub async fn simpan_rencana(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: SimpanRencanaPerbaikan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    let me = require_ppkin(&txn, viewer, &m).await?;
    let plan = plan_for(&txn, e.id).await?;
    perbaikan_items::Entity::delete_many()
        .filter(perbaikan_items::Column::PlanId.eq(plan.id))
        .filter(perbaikan_items::Column::Jenis.ne("checkin"))
        .exec(&txn)
        .await?;
    let now = Utc::now();
    let rows = req
        .aksi
        .iter()
        .map(|a| ("aksi", a.uraian.trim().to_owned(), a.jatuh_tempo))
        .chain(
            req.pelatihan
                .iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .map(|p| ("pelatihan", p, None)),
        );
    for (jenis, uraian, due) in rows {
        perbaikan_items::ActiveModel {
            id: Set(Uuid::now_v7()),
            plan_id: Set(plan.id),
            jenis: Set(jenis.to_owned()),
            uraian: Set(uraian),
            jatuh_tempo: Set(due),
            author_employee_id: Set(me),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let mut a: rencana_perbaikan::ActiveModel = plan.into();
    a.saran = Set(Some(req.saran.trim().to_owned()));
    a.updated_at = Set(now);
    a.update(&txn).await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "rencana_perbaikan",
        crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
        halaman(m.id, e.periode_ke),
    )
    .await?;
    let entry = AuditEntry::new("rencana_perbaikan.saved", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}

/// A check-in on the plan by the employee or the PPKin.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone else; `NotFound` without a plan.
pub async fn checkin(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: CheckinPerbaikan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    let me = viewer.employee_id;
    let (ppkin, _) = skp::current_raters(&txn, &m).await?;
    let Some(author) = me.filter(|me| *me == m.employee_id || Some(*me) == ppkin) else {
        return Err(deny(&txn, viewer, &m).await?);
    };
    let plan = plan_for(&txn, e.id).await?;
    perbaikan_items::ActiveModel {
        id: Set(Uuid::now_v7()),
        plan_id: Set(plan.id),
        jenis: Set("checkin".to_owned()),
        uraian: Set(req.catatan.trim().to_owned()),
        jatuh_tempo: Set(None),
        author_employee_id: Set(author),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let entry = AuditEntry::new("rencana_perbaikan.checkin", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}

/// Whether the viewer may set a unit's organisation predikat: the HR admin, or the pimpinan
/// leading the unit above it.
fn may_set_org(viewer: &Viewer, unit: &units::Model) -> bool {
    policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ManageOrganisation,
    ) || unit
        .parent_id
        .is_some_and(|p| viewer.subtree.contains(&p) && !viewer.subtree.is_empty())
        && viewer.roles.contains(&kinerja_api::auth::Role::Pimpinan)
}

/// Sets the organisation predikat of a unit for a period (periodic or annual).
///
/// # Errors
/// `NotFound` for an unknown unit or period; `Forbidden` for anyone but the pimpinan above or
/// the admin; `Validation` for a sub-period outside the rhythm.
pub async fn tetapkan_organisasi(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    unit_id: Uuid,
    req: TetapkanPredikatOrganisasi,
    meta: &RequestMeta,
) -> AppResult<DistribusiUnit> {
    let txn = db.begin().await?;
    let unit = units::Entity::find_by_id(unit_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    if !may_set_org(viewer, &unit) {
        return Err(AppError::Forbidden);
    }
    let period = periods::Entity::find_by_id(req.periode_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("periode_id", "Periode tidak ditemukan."))?;
    check_periode(&period, req.periode_ke)?;
    let existing = org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period.id))
        .filter(org_predikat::Column::PeriodeKe.eq(req.periode_ke))
        .one(&txn)
        .await?;
    let before = existing
        .as_ref()
        .map(|o| json!({"predikat": o.predikat, "dasar": o.dasar}));
    let now = Utc::now();
    let saved = match existing {
        Some(o) => {
            let mut a: org_predikat::ActiveModel = o.into();
            a.predikat = Set(req.predikat.as_str().to_owned());
            a.dasar = Set(req.dasar.trim().to_owned());
            a.ditetapkan_oleh = Set(viewer.user_id);
            a.updated_at = Set(now);
            a.update(&txn).await?
        }
        None => {
            org_predikat::ActiveModel {
                id: Set(Uuid::now_v7()),
                unit_id: Set(unit_id),
                period_id: Set(period.id),
                periode_ke: Set(req.periode_ke),
                predikat: Set(req.predikat.as_str().to_owned()),
                dasar: Set(req.dasar.trim().to_owned()),
                ditetapkan_oleh: Set(viewer.user_id),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let mut entry = AuditEntry::new("predikat_organisasi.ditetapkan", "unit")
        .actor(viewer.user_id)
        .entity(unit_id)
        .after(json!({"periode_id": period.id, "periode_ke": req.periode_ke, "predikat": req.predikat.as_str()}));
    if let Some(b) = before {
        entry = entry.before(b);
    }
    audit::record(&txn, entry, meta).await?;
    let d = distribusi_of(&txn, kebijakan, &saved, None).await?;
    txn.commit().await?;
    Ok(d)
}

/// The organisation predikat of a period for every unit the viewer sees (all units of the
/// period's instansi for readers of all employees, else the pimpinan's subtree), in tree order.
///
/// # Errors
/// `Forbidden` for a viewer who is neither pimpinan nor a reader of all employees (a pimpinan
/// not placed in a unit gets an empty list); `Validation` for an unknown period or a
/// sub-period outside its rhythm.
pub async fn daftar_organisasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: &DistribusiQuery,
) -> AppResult<Vec<PredikatOrganisasiUnit>> {
    let all = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    );
    if !all
        && !policy::can(
            &viewer.roles,
            kinerja_api::auth::Permission::ReadUnitDashboards,
        )
    {
        return Err(AppError::Forbidden);
    }
    let period = periods::Entity::find_by_id(q.periode_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("periode_id", "Periode tidak ditemukan."))?;
    check_periode(&period, q.periode_ke)?;
    let index = UnitIndex::load(db, Some(period.instansi_id)).await?;
    // Listed: active units the viewer sees.
    let listed = |id: &Uuid| {
        (all || viewer.subtree.contains(id)) && index.units.get(id).is_some_and(|u| u.aktif)
    };
    let set: HashMap<Uuid, org_predikat::Model> = org_predikat::Entity::find()
        .filter(org_predikat::Column::PeriodId.eq(period.id))
        .filter(org_predikat::Column::PeriodeKe.eq(q.periode_ke))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.unit_id, o))
        .collect();
    // Tops: listed units whose parent is not listed (also below an inactive unit); then depth
    // first, by name.
    let by_name = |ids: &mut Vec<Uuid>| ids.sort_by(|a, b| index.name(*a).cmp(&index.name(*b)));
    let mut tops: Vec<Uuid> = index
        .units
        .values()
        .filter(|u| listed(&u.id) && !u.parent_id.is_some_and(|p| listed(&p)))
        .map(|u| u.id)
        .collect();
    by_name(&mut tops);
    let mut stack: Vec<(Uuid, u32)> = tops.into_iter().rev().map(|id| (id, 0)).collect();
    let mut out = Vec::new();
    while let Some((id, tingkat)) = stack.pop() {
        let Some(unit) = index.units.get(&id) else {
            continue;
        };
        let org = set.get(&id);
        out.push(PredikatOrganisasiUnit {
            unit_id: id,
            unit_nama: unit.nama.clone(),
            tingkat,
            predikat: org.and_then(|o| PredikatOrganisasi::parse(&o.predikat)),
            dasar: org.map(|o| o.dasar.clone()),
            dapat_menetapkan: may_set_org(viewer, unit),
        });
        let mut children: Vec<Uuid> = index
            .children_of(id)
            .iter()
            .copied()
            .filter(|c| listed(c))
            .collect();
        by_name(&mut children);
        stack.extend(children.into_iter().rev().map(|c| (c, tingkat + 1)));
    }
    Ok(out)
}

/// The "Format Penetapan Predikat Kinerja" of a unit: its organisation predikat, the pattern,
/// the quota and the actual spread. Readable by the admin, auditors and the pimpinan of the
/// unit or above.
///
/// # Errors
/// `NotFound` without a predikat for the unit and period, or for a unit the viewer may not see.
pub async fn penetapan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    unit_id: Uuid,
    period_id: Uuid,
    k: i32,
) -> AppResult<DistribusiUnit> {
    let unit = units::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    let sees = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    ) || viewer.subtree.contains(&unit.id)
        || may_set_org(viewer, &unit);
    if !sees {
        return Err(AppError::NotFound("Unit"));
    }
    let org = org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period_id))
        .filter(org_predikat::Column::PeriodeKe.eq(k))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Predikat kinerja organisasi"))?;
    distribusi_of(db, kebijakan, &org, None).await
}

/// Angka kredit from the set evaluations of a JF employee's SKP: percent of the predikat ×
/// the yearly coefficient of the jenjang, pro-rated by months (DOMAIN.md 7.4).
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn angka_kredit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
) -> AppResult<AngkaKredit> {
    let m = skp::find(db, skp_id).await?;
    if !skp::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    let period = crate::planning::periods::find(db, m.period_id).await?;
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let jenjang = match owner.jabatan_id {
        Some(j) => positions::Entity::find_by_id(j)
            .one(db)
            .await?
            .and_then(|p| kinerja_api::organisation::Jenjang::parse(&p.jenjang)),
        None => None,
    };
    let koefisien = match jenjang {
        Some(j) => super::katalog::koefisien(db, j).await?,
        None => None,
    };
    let n = jumlah_periode(Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan));
    let months_per = (12 / n.max(1)) as u32;
    let mut rincian = Vec::new();
    if let Some(koef) = koefisien {
        // Each sub-period's evaluation lies on the version in force for it.
        let versions = versi::Versions::load(db, &period, m.employee_id).await?;
        let ids: Vec<Uuid> = versions.all().iter().map(|(v, _)| v.id).collect();
        for e in evaluations::Entity::find()
            .filter(evaluations::Column::SkpId.is_in(ids))
            .filter(evaluations::Column::Status.eq("ditetapkan"))
            .order_by_asc(evaluations::Column::PeriodeKe)
            .all(db)
            .await?
        {
            let Some(p) = e.predikat.as_deref().and_then(Predikat::parse) else {
                continue;
            };
            let bulan = if e.periode_ke == 0 { 12 } else { months_per };
            rincian.push(RincianAngkaKredit {
                periode_ke: e.periode_ke,
                bulan,
                predikat: p,
                persen: rules::persen_angka_kredit(p),
                angka_kredit: rules::angka_kredit(p, koef, bulan),
            });
        }
    }
    Ok(AngkaKredit {
        skp_id,
        jenjang: jenjang.map(|j| j.as_str().to_owned()),
        koefisien_tahunan: koefisien,
        rincian,
    })
}
