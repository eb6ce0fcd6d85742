//! The SKP: drafting by the employee, submission, approval or return by the Pejabat Penilai
//! Kinerja (PPKin), with the rules of PermenPANRB 6/2022 (DOMAIN.md 5.1, 10):
//! - at least one RHK utama; for JA/JF every RHK utama intervenes an RHK of the PPKin's
//!   approved SKP of the same period, and a JA/JF cannot submit before that SKP is approved;
//! - kuantitatif IKI have a numeric target with a unit, kualitatif IKI a narrative target;
//!   the SKP JPT gives each IKI a perspective; the lampiran lists are filled;
//! - only the owner edits and submits a draft; only the current PPKin (or an acting official)
//!   approves or returns; every write carries the optimistic `lock_version`.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use kinerja_api::employees::full_name;
use kinerja_api::nip;
use kinerja_api::organisation::{Jenjang, UnitKind};
use kinerja_api::planning::{
    ApproveSkp, Arah, Aspek, CreateSkp, DistributeRhk, DistributionResult, Hint, Iki, JenisRhk,
    JenisSkp, JenisTarget, Lampiran, Pendekatan, Perilaku, PersonSnapshot, Perspektif, Pohon,
    PohonRhk, ReasonedAction, ReturnSkp, Rhk, Skp, SkpChange, SkpQuery, SkpSummary, SkpVersion,
    StatusPeriode, StatusSkp, SubmitSkp, UpdateSkp,
};
use kinerja_api::{Page, PageQuery};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::periods;
use crate::audit::service::{self as audit, AuditEntry};
use crate::employees::service::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{
    employees, iki_data_keys, notifications, positions, ref_berakhlak, ref_golongan,
    ref_panduan_perilaku, skp_iki, skp_perilaku, skp_rhk, skps, units,
};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::extract::RequestMeta;
use crate::policy;

/// Pegawai, PPKin and Atasan PPKin as stored with the SKP.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Snapshot {
    pegawai: PersonSnapshot,
    ppkin: Option<PersonSnapshot>,
    atasan_ppkin: Option<PersonSnapshot>,
}

const ACTIVITY_VERBS: [&str; 7] = [
    "melaksanakan",
    "mengikuti",
    "melakukan",
    "membantu",
    "menghadiri",
    "mengerjakan",
    "menyusun",
];

/// The date at which superiors are resolved for a period: today, kept inside the period.
pub(crate) fn reference_date(period: &crate::entities::periods::Model) -> NaiveDate {
    Utc::now().date_naive().clamp(period.mulai, period.selesai)
}

async fn person(db: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<PersonSnapshot>> {
    let Some(e) = employees::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let position = match e.jabatan_id {
        Some(p) => positions::Entity::find_by_id(p).one(db).await?,
        None => None,
    };
    let unit = match e.unit_id {
        Some(u) => units::Entity::find_by_id(u).one(db).await?,
        None => None,
    };
    let pangkat = match &e.golongan {
        Some(g) => ref_golongan::Entity::find_by_id(g.clone())
            .one(db)
            .await?
            .map(|r| format!("{}, {g}", r.pangkat)),
        None => None,
    };
    Ok(Some(PersonSnapshot {
        employee_id: e.id,
        nama_lengkap: full_name(
            e.gelar_depan.as_deref(),
            &e.nama,
            e.gelar_belakang.as_deref(),
        ),
        nip: nip::format(&e.nip),
        pangkat_golongan: pangkat,
        jabatan: position.map(|p| p.nama),
        unit: unit.map(|u| u.nama),
    }))
}

/// Resolves PPKin and Atasan PPKin for the employee and takes snapshots of all three.
async fn snapshot(
    db: &impl ConnectionTrait,
    employee: &employees::Model,
    date: NaiveDate,
) -> AppResult<(Snapshot, Option<Uuid>, Option<Uuid>)> {
    let resolver = Resolver::load(db, employee.instansi_id, date).await?;
    let superiors = resolver.superiors(employee.id);
    let ppkin_id = superiors
        .as_ref()
        .and_then(|s| s.ppkin.as_ref())
        .map(|p| p.employee.id);
    let atasan_id = superiors
        .as_ref()
        .and_then(|s| s.atasan_ppkin.as_ref())
        .map(|p| p.employee.id);
    let pegawai = person(db, employee.id)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let ppkin = match ppkin_id {
        Some(id) => person(db, id).await?,
        None => None,
    };
    let atasan_ppkin = match atasan_id {
        Some(id) => person(db, id).await?,
        None => None,
    };
    Ok((
        Snapshot {
            pegawai,
            ppkin,
            atasan_ppkin,
        },
        ppkin_id,
        atasan_id,
    ))
}

/// SKP JPT/pimpinan unit kerja for JPT and heads of independent work units (kecamatan, dinas,
/// badan, puskesmas, sekolah); SKP JA/JF for everyone else, including heads of sub-units.
async fn jenis_for(db: &impl ConnectionTrait, employee: &employees::Model) -> AppResult<JenisSkp> {
    let Some(pid) = employee.jabatan_id else {
        return Ok(JenisSkp::JaJf);
    };
    let Some(position) = positions::Entity::find_by_id(pid).one(db).await? else {
        return Ok(JenisSkp::JaJf);
    };
    if matches!(
        Jenjang::parse(&position.jenjang),
        Some(Jenjang::JptUtama | Jenjang::JptMadya | Jenjang::JptPratama)
    ) {
        return Ok(JenisSkp::JptPimpinan);
    }
    let unit = units::Entity::find_by_id(position.unit_id).one(db).await?;
    let mandiri = unit.is_some_and(|u| {
        matches!(
            UnitKind::parse(&u.kind),
            Some(
                UnitKind::Kecamatan
                    | UnitKind::Dinas
                    | UnitKind::Badan
                    | UnitKind::SekretariatDaerah
                    | UnitKind::Puskesmas
                    | UnitKind::Sekolah
            )
        )
    });
    Ok(if position.kepala_unit && mandiri {
        JenisSkp::JptPimpinan
    } else {
        JenisSkp::JaJf
    })
}

fn own_employee(viewer: &Viewer) -> AppResult<Uuid> {
    viewer.employee_id.ok_or_else(|| {
        AppError::field(
            "akun",
            "Akun Anda belum terhubung dengan data pegawai. Hubungi admin kepegawaian.",
        )
    })
}

pub(crate) async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<skps::Model> {
    skps::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("SKP"))
}

pub(crate) fn status(m: &skps::Model) -> StatusSkp {
    StatusSkp::parse(&m.status).unwrap_or(StatusSkp::Draft)
}

/// Whether the viewer may read this SKP: the owner, the PPKin and Atasan PPKin recorded on it,
/// whoever reads all employees, and pimpinan whose unit subtree contains the owner.
pub(crate) async fn can_read(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    let me = viewer.employee_id;
    if me == Some(m.employee_id)
        || me.is_some() && (me == m.ppkin_employee_id || me == m.atasan_ppkin_employee_id)
    {
        return Ok(true);
    }
    if policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    ) {
        return Ok(true);
    }
    let owner = employees::Entity::find_by_id(m.employee_id).one(db).await?;
    Ok(owner.is_some_and(|o| viewer.sees_full(&o)))
}

/// Whether the viewer follows the SKP's measurement and evaluation: its readers, and its
/// current PPKin and Atasan PPKin (who may differ from those recorded on it: a new holder, a
/// Plt, an override).
///
/// # Errors
/// On a database failure.
pub(crate) async fn can_follow(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    if can_read(db, viewer, m).await? {
        return Ok(true);
    }
    let (ppkin, atasan) = current_raters(db, m).await?;
    Ok(viewer
        .employee_id
        .is_some_and(|me| ppkin == Some(me) || atasan == Some(me)))
}

/// The full SKP with children and hints.
pub(crate) async fn load(db: &impl ConnectionTrait, m: skps::Model) -> AppResult<Skp> {
    let period = periods::find(db, m.period_id).await?;
    let rhk_rows = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(m.id))
        .order_by_asc(skp_rhk::Column::Urutan)
        .all(db)
        .await?;
    let rhk_ids: Vec<Uuid> = rhk_rows.iter().map(|r| r.id).collect();
    let iki_rows = skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.is_in(rhk_ids))
        .order_by_asc(skp_iki::Column::Urutan)
        .all(db)
        .await?;
    let rhk = rhk_rows
        .into_iter()
        .map(|r| Rhk {
            iki: iki_rows
                .iter()
                .filter(|i| i.rhk_id == r.id)
                .map(|i| Iki {
                    id: Some(i.id),
                    aspek: i.aspek.as_deref().and_then(Aspek::parse),
                    indikator: i.indikator.clone(),
                    target_nilai: i.target_nilai,
                    target_satuan: i.target_satuan.clone(),
                    target_naratif: i.target_naratif.clone(),
                    arah: Arah::parse(&i.arah),
                    perspektif: i.perspektif.as_deref().and_then(Perspektif::parse),
                    jenis_target: i.jenis_target.as_deref().and_then(JenisTarget::parse),
                    tenggat: i.tenggat,
                })
                .collect(),
            id: Some(r.id),
            jenis: JenisRhk::parse(&r.jenis).unwrap_or(JenisRhk::Utama),
            deskripsi: r.deskripsi,
            penugasan_dari: r.penugasan_dari,
            intervensi_rhk_id: r.intervensi_rhk_id,
        })
        .collect::<Vec<_>>();
    let ekspektasi: HashMap<String, Option<String>> = skp_perilaku::Entity::find()
        .filter(skp_perilaku::Column::SkpId.eq(m.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.nilai_kode, p.ekspektasi_khusus))
        .collect();
    let panduan = ref_panduan_perilaku::Entity::find()
        .order_by_asc(ref_panduan_perilaku::Column::Kode)
        .all(db)
        .await?;
    let perilaku = ref_berakhlak::Entity::find()
        .order_by_asc(ref_berakhlak::Column::Urutan)
        .all(db)
        .await?
        .into_iter()
        .map(|n| Perilaku {
            panduan: panduan
                .iter()
                .filter(|p| p.nilai_kode == n.kode)
                .map(|p| p.teks.clone())
                .collect(),
            ekspektasi_khusus: ekspektasi.get(&n.kode).cloned().flatten(),
            nilai_kode: n.kode,
            nama: n.nama,
        })
        .collect();
    let snap: Snapshot =
        serde_json::from_value(m.snapshot.clone()).map_err(|e| AppError::Unexpected(e.into()))?;
    let lampiran: Lampiran = serde_json::from_value(m.lampiran.clone()).unwrap_or_default();
    let pendekatan = Pendekatan::parse(&m.pendekatan).unwrap_or(Pendekatan::Kuantitatif);
    let jenis = JenisSkp::parse(&m.jenis).unwrap_or(JenisSkp::JaJf);
    let hints = hints(&rhk, pendekatan, jenis);
    let berlaku_dari_ke = super::versi::berlaku_dari(&m, &period);
    Ok(Skp {
        id: m.id,
        periode_id: m.period_id,
        tahun: period.tahun,
        employee_id: m.employee_id,
        versi: m.versi,
        lock_version: m.lock_version,
        status: status(&m),
        pendekatan,
        jenis,
        pegawai: snap.pegawai,
        pejabat_penilai: snap.ppkin,
        atasan_pejabat_penilai: snap.atasan_ppkin,
        rhk,
        perilaku,
        lampiran,
        catatan_pengembalian: m.catatan_pengembalian,
        alasan_perubahan: m.alasan_perubahan,
        diajukan_at: m.diajukan_at,
        disetujui_at: m.disetujui_at,
        berlaku_dari_ke,
        hints,
    })
}

/// Indicator quality hints: warnings shown while drafting, never errors.
pub fn hints(rhk: &[Rhk], pendekatan: Pendekatan, jenis: JenisSkp) -> Vec<Hint> {
    let mut out = Vec::new();
    for (i, r) in rhk.iter().enumerate() {
        let first = r
            .deskripsi
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if ACTIVITY_VERBS.contains(&first.as_str()) {
            out.push(Hint {
                path: format!("rhk[{i}].deskripsi"),
                message: format!(
                    "RHK sebaiknya dirumuskan sebagai hasil, bukan kegiatan (diawali \"{first}\")."
                ),
            });
        }
        if r.iki.is_empty() {
            out.push(Hint {
                path: format!("rhk[{i}].iki"),
                message: "RHK belum memiliki indikator kinerja.".to_owned(),
            });
        }
        for (j, iki) in r.iki.iter().enumerate() {
            let path = format!("rhk[{i}].iki[{j}]");
            if pendekatan == Pendekatan::Kuantitatif
                && (iki.target_nilai.is_none()
                    || iki
                        .target_satuan
                        .as_deref()
                        .is_none_or(|s| s.trim().is_empty()))
            {
                out.push(Hint {
                    path: path.clone(),
                    message: "Indikator belum memiliki target terukur (nilai dan satuan)."
                        .to_owned(),
                });
            }
            if pendekatan == Pendekatan::Kuantitatif && iki.aspek.is_none() {
                out.push(Hint {
                    path: path.clone(),
                    message: "Pilih aspek indikator (kuantitas, kualitas, waktu, atau biaya)."
                        .to_owned(),
                });
            }
            if jenis == JenisSkp::JptPimpinan && iki.perspektif.is_none() {
                out.push(Hint {
                    path,
                    message: "SKP JPT/pimpinan unit: pilih perspektif indikator.".to_owned(),
                });
            }
        }
    }
    out
}

/// Starts the viewer's SKP for a period, with the seven BerAKHLAK values and snapshots;
/// optionally copied from their SKP of another period.
///
/// # Errors
/// `Validation` when the account has no employee record, the period is not open or the source
/// is not one's own SKP of another period; `Conflict` when an SKP exists already.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: CreateSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let me = own_employee(viewer)?;
    let txn = db.begin().await?;
    let period = periods::find(&txn, req.periode_id)
        .await
        .map_err(|_| AppError::field("periode_id", "Periode tidak ditemukan."))?;
    let source = match req.salin_dari {
        None => None,
        Some(from) => {
            let src = skps::Entity::find_by_id(from).one(&txn).await?;
            match src {
                Some(s) if s.employee_id == me && s.period_id != period.id => {
                    Some(load(&txn, s).await?)
                }
                _ => {
                    return Err(AppError::field(
                        "salin_dari",
                        "Salin hanya dari SKP Anda sendiri pada periode lain.",
                    ));
                }
            }
        }
    };
    let employee = employees::Entity::find_by_id(me)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let model = create_for(
        &txn,
        &employee,
        &period,
        req.pendekatan.or(source.as_ref().map(|s| s.pendekatan)),
        viewer.user_id,
        meta,
    )
    .await?;
    let start: Option<(Vec<Rhk>, Lampiran)> = match (source, req.templat_id) {
        (Some(src), _) => Some((src.rhk, src.lampiran)),
        (None, Some(t)) => {
            let template = super::templates::get(&txn, t)
                .await
                .map_err(|_| AppError::field("templat_id", "Templat SKP tidak ditemukan."))?;
            Some((template.rhk, template.lampiran))
        }
        (None, None) => None,
    };
    if let Some((rhk, lampiran)) = start {
        copy_rhk(&txn, &rhk, model.id, false, false).await?;
        skps::Entity::update_many()
            .col_expr(skps::Column::Lampiran, Expr::value(json!(lampiran)))
            .filter(skps::Column::Id.eq(model.id))
            .exec(&txn)
            .await?;
    }
    let dto = load(&txn, find(&txn, model.id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Inserts a new draft SKP (version 1) for an employee: the rules of [`create`] except who asks.
async fn create_for(
    txn: &DatabaseTransaction,
    employee: &employees::Model,
    period: &crate::entities::periods::Model,
    pendekatan: Option<Pendekatan>,
    actor: Uuid,
    meta: &RequestMeta,
) -> AppResult<skps::Model> {
    if StatusPeriode::parse(&period.status) != Some(StatusPeriode::Dibuka) {
        return Err(AppError::field(
            "periode_id",
            "Periode belum dibuka atau sudah ditutup.",
        ));
    }
    if employee.instansi_id != period.instansi_id {
        return Err(AppError::field(
            "periode_id",
            "Periode ini milik instansi lain.",
        ));
    }
    let exists = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::EmployeeId.eq(employee.id))
        .one(txn)
        .await?;
    if exists.is_some() {
        return Err(AppError::Conflict(format!(
            "SKP tahun {} sudah ada.",
            period.tahun
        )));
    }
    let (snap, ppkin, atasan) = snapshot(txn, employee, reference_date(period)).await?;
    let now = Utc::now();
    let model = skps::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period.id),
        employee_id: Set(employee.id),
        versi: Set(1),
        lock_version: Set(1),
        status: Set(StatusSkp::Draft.as_str().to_owned()),
        pendekatan: Set(pendekatan
            .unwrap_or(Pendekatan::Kuantitatif)
            .as_str()
            .to_owned()),
        jenis: Set(jenis_for(txn, employee).await?.as_str().to_owned()),
        ppkin_employee_id: Set(ppkin),
        atasan_ppkin_employee_id: Set(atasan),
        snapshot: Set(json!(snap)),
        lampiran: Set(json!(Lampiran::default())),
        catatan_pengembalian: Set(None),
        diajukan_at: Set(None),
        disetujui_at: Set(None),
        disetujui_oleh: Set(None),
        previous_id: Set(None),
        berlaku_dari_ke: Set(None),
        alasan_perubahan: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    let values = ref_berakhlak::Entity::find().all(txn).await?;
    skp_perilaku::Entity::insert_many(values.into_iter().map(|v| skp_perilaku::ActiveModel {
        skp_id: Set(model.id),
        nilai_kode: Set(v.kode),
        ekspektasi_khusus: Set(None),
    }))
    .exec(txn)
    .await?;
    audit::record(
        txn,
        AuditEntry::new("skp.created", "skp")
            .actor(actor)
            .entity(model.id),
        meta,
    )
    .await?;
    Ok(model)
}

/// # Errors
/// `NotFound` also when the viewer may not read it (no existence leak).
pub async fn get(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<Skp> {
    let m = find(db, id).await?;
    if !can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    load(db, m).await
}

/// The viewer's latest SKP version for a period, if any.
///
/// # Errors
/// `Validation` when the account has no employee record.
pub async fn mine(
    db: &DatabaseConnection,
    viewer: &Viewer,
    periode_id: Uuid,
) -> AppResult<Option<Skp>> {
    let me = own_employee(viewer)?;
    let latest = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(periode_id))
        .filter(skps::Column::EmployeeId.eq(me))
        .order_by_desc(skps::Column::Versi)
        .one(db)
        .await?;
    match latest {
        Some(m) => Ok(Some(load(db, m).await?)),
        None => Ok(None),
    }
}

/// Only the owner acts on an SKP: other readers get 403, everyone else 404 (so the SKP's
/// existence does not leak).
pub(crate) async fn require_owner(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<()> {
    if viewer.employee_id == Some(m.employee_id) {
        Ok(())
    } else if can_read(db, viewer, m).await? {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound("SKP"))
    }
}

fn check_lock(m: &skps::Model, sent: i32) -> AppResult<()> {
    if m.lock_version == sent {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "SKP telah diubah di tempat lain (versi {} ; Anda mengirim versi {sent}). Muat ulang lalu ulangi perubahan Anda.",
            m.lock_version
        )))
    }
}

/// Bumps `lock_version` only if it still has the expected value: two concurrent writers
/// cannot both win.
async fn bump(
    txn: &DatabaseTransaction,
    m: &skps::Model,
    changes: Vec<(skps::Column, sea_orm::Value)>,
) -> AppResult<()> {
    let mut update = skps::Entity::update_many()
        .col_expr(skps::Column::LockVersion, Expr::value(m.lock_version + 1))
        .col_expr(skps::Column::UpdatedAt, Expr::value(Utc::now()));
    for (col, value) in changes {
        update = update.col_expr(col, Expr::value(value));
    }
    let result = update
        .filter(skps::Column::Id.eq(m.id))
        .filter(skps::Column::LockVersion.eq(m.lock_version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::Conflict(
            "SKP baru saja diubah di tempat lain. Muat ulang lalu ulangi.".to_owned(),
        ));
    }
    Ok(())
}

/// RHK ids of the PPKin's approved SKP for the period (what may be intervened).
async fn superior_rhk_ids(
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

/// Replaces the editable content of a draft (or returned) SKP. RHK and IKI sent with their id
/// keep it; the others are new; those left out are removed.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` for a stale `lock_version` or a status
/// that is not editable; `Validation` for an intervened RHK that is not the PPKin's.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: UpdateSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    require_owner(&txn, viewer, &m).await?;
    check_lock(&m, req.lock_version)?;
    if !matches!(status(&m), StatusSkp::Draft | StatusSkp::Dikembalikan) {
        return Err(AppError::Conflict(
            "SKP yang sudah diajukan atau disetujui tidak dapat diubah.".to_owned(),
        ));
    }
    let allowed = superior_rhk_ids(&txn, &m).await?.unwrap_or_default();
    let period = periods::find(&txn, m.period_id).await?;
    let mut errors = FieldErrors::new();
    for (i, r) in req.rhk.iter().enumerate() {
        if let Some(target) = r.intervensi_rhk_id
            && !allowed.contains(&target)
        {
            errors
                .entry(format!("rhk[{i}].intervensi_rhk_id"))
                .or_default()
                .push("RHK yang diintervensi harus RHK dari SKP pejabat penilai yang sudah disetujui.".to_owned());
        }
        for (j, iki) in r.iki.iter().enumerate() {
            if iki
                .tenggat
                .is_some_and(|d| d < period.mulai || d > period.selesai)
            {
                errors
                    .entry(format!("rhk[{i}].iki[{j}].tenggat"))
                    .or_default()
                    .push("Tanggal tenggat harus di dalam periode kinerja.".to_owned());
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    // Keep ids the client sent back when they belong to this SKP (with the RHK/IKI of the
    // previous version they continue); everything else is new.
    let existing_rhk: HashMap<Uuid, Option<Uuid>> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.asal_rhk_id))
        .collect();
    let existing_iki: HashMap<Uuid, Option<Uuid>> = if existing_rhk.is_empty() {
        HashMap::new()
    } else {
        skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(existing_rhk.keys().copied()))
            .all(&txn)
            .await?
            .into_iter()
            .map(|i| (i.id, i.asal_iki_id))
            .collect()
    };
    // Data-key bindings hang on IKI ids and would go with the rows (cascade): keep those of
    // the IKI that stay.
    let bindings = if existing_iki.is_empty() {
        Vec::new()
    } else {
        iki_data_keys::Entity::find()
            .filter(iki_data_keys::Column::IkiId.is_in(existing_iki.keys().copied()))
            .all(&txn)
            .await?
    };
    // Children are rewritten: the SKP is a small document (at most 30 RHK × 20 IKI).
    skp_rhk::Entity::delete_many()
        .filter(skp_rhk::Column::SkpId.eq(id))
        .exec(&txn)
        .await?;
    let mut rhk_rows = Vec::new();
    let mut iki_rows = Vec::new();
    let mut kept = HashSet::new();
    for (i, r) in req.rhk.iter().enumerate() {
        let rhk_id =
            r.id.filter(|x| existing_rhk.contains_key(x))
                .unwrap_or_else(Uuid::now_v7);
        rhk_rows.push(skp_rhk::ActiveModel {
            id: Set(rhk_id),
            skp_id: Set(id),
            jenis: Set(r.jenis.as_str().to_owned()),
            deskripsi: Set(r.deskripsi.trim().to_owned()),
            urutan: Set(i as i32),
            penugasan_dari: Set(r
                .penugasan_dari
                .as_ref()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())),
            intervensi_rhk_id: Set(r.intervensi_rhk_id),
            asal_rhk_id: Set(existing_rhk.get(&rhk_id).copied().flatten()),
        });
        for (j, iki) in r.iki.iter().enumerate() {
            let iki_id = iki
                .id
                .filter(|x| existing_iki.contains_key(x))
                .unwrap_or_else(Uuid::now_v7);
            kept.insert(iki_id);
            iki_rows.push(skp_iki::ActiveModel {
                id: Set(iki_id),
                rhk_id: Set(rhk_id),
                urutan: Set(j as i32),
                aspek: Set(iki.aspek.map(|a| a.as_str().to_owned())),
                indikator: Set(iki.indikator.trim().to_owned()),
                target_nilai: Set(iki.target_nilai),
                target_satuan: Set(iki
                    .target_satuan
                    .as_ref()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())),
                target_naratif: Set(iki
                    .target_naratif
                    .as_ref()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())),
                arah: Set(iki.arah.unwrap_or(Arah::Naik).as_str().to_owned()),
                perspektif: Set(iki.perspektif.map(|p| p.as_str().to_owned())),
                asal_iki_id: Set(existing_iki.get(&iki_id).copied().flatten()),
                jenis_target: Set(iki.jenis_target.map(|j| j.as_str().to_owned())),
                tenggat: Set(iki.tenggat),
            });
        }
    }
    if !rhk_rows.is_empty() {
        skp_rhk::Entity::insert_many(rhk_rows).exec(&txn).await?;
    }
    if !iki_rows.is_empty() {
        skp_iki::Entity::insert_many(iki_rows).exec(&txn).await?;
    }
    let bindings: Vec<iki_data_keys::ActiveModel> = bindings
        .into_iter()
        .filter(|b| kept.contains(&b.iki_id))
        .map(|b| iki_data_keys::ActiveModel {
            iki_id: Set(b.iki_id),
            data_key: Set(b.data_key),
            agregasi: Set(b.agregasi),
            updated_at: Set(b.updated_at),
        })
        .collect();
    if !bindings.is_empty() {
        iki_data_keys::Entity::insert_many(bindings)
            .exec(&txn)
            .await?;
    }
    let lampiran = Lampiran {
        dukungan_sumber_daya: clean_lines(req.lampiran.dukungan_sumber_daya),
        skema_pertanggungjawaban: clean_lines(req.lampiran.skema_pertanggungjawaban),
        konsekuensi: clean_lines(req.lampiran.konsekuensi),
    };
    bump(
        &txn,
        &m,
        vec![
            (skps::Column::Pendekatan, req.pendekatan.as_str().into()),
            (skps::Column::Lampiran, json!(lampiran).into()),
        ],
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.updated", "skp")
            .actor(viewer.user_id)
            .entity(id),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

fn clean_lines(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks what submission requires; returns the field errors.
fn submission_errors(skp: &Skp, allowed: Option<&HashSet<Uuid>>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let mut push =
        |field: String, message: &str| errors.entry(field).or_default().push(message.to_owned());
    if !skp.rhk.iter().any(|r| r.jenis == JenisRhk::Utama) {
        push(
            "rhk".into(),
            "SKP harus memiliki paling sedikit satu RHK utama.",
        );
    }
    for (i, r) in skp.rhk.iter().enumerate() {
        if skp.jenis == JenisSkp::JaJf && r.jenis == JenisRhk::Utama {
            let ok = r
                .intervensi_rhk_id
                .is_some_and(|t| allowed.is_some_and(|a| a.contains(&t)));
            if !ok {
                push(
                    format!("rhk[{i}].intervensi_rhk_id"),
                    "RHK utama wajib mengintervensi RHK pejabat penilai kinerja.",
                );
            }
        }
        if r.iki.is_empty() {
            push(
                format!("rhk[{i}].iki"),
                "Setiap RHK wajib memiliki paling sedikit satu indikator.",
            );
        }
        for (j, iki) in r.iki.iter().enumerate() {
            let path = format!("rhk[{i}].iki[{j}]");
            match skp.pendekatan {
                Pendekatan::Kuantitatif => {
                    if iki.aspek.is_none() {
                        push(format!("{path}.aspek"), "Pilih aspek indikator.");
                    }
                    if iki.target_nilai.is_none() || iki.target_satuan.is_none() {
                        push(
                            format!("{path}.target_nilai"),
                            "Pendekatan kuantitatif: isi target berupa angka dan satuannya.",
                        );
                    }
                }
                Pendekatan::Kualitatif => {
                    if iki.target_naratif.is_none() {
                        push(
                            format!("{path}.target_naratif"),
                            "Pendekatan kualitatif: isi target secara naratif.",
                        );
                    }
                }
            }
            if iki.jenis_target == Some(JenisTarget::Tenggat) && iki.tenggat.is_none() {
                push(
                    format!("{path}.tenggat"),
                    "Target bertenggat: isi tanggal tenggatnya.",
                );
            }
            if skp.jenis == JenisSkp::JptPimpinan && iki.perspektif.is_none() {
                push(
                    format!("{path}.perspektif"),
                    "SKP JPT/pimpinan unit: pilih perspektif indikator.",
                );
            }
        }
    }
    for (field, list) in [
        (
            "lampiran.dukungan_sumber_daya",
            &skp.lampiran.dukungan_sumber_daya,
        ),
        (
            "lampiran.skema_pertanggungjawaban",
            &skp.lampiran.skema_pertanggungjawaban,
        ),
        ("lampiran.konsekuensi", &skp.lampiran.konsekuensi),
    ] {
        if list.is_empty() {
            push(
                field.to_owned(),
                "Wajib diisi (boleh \"-\" bila tidak ada).",
            );
        }
    }
    errors
}

/// Submits a draft to the PPKin.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` for a stale version or wrong status;
/// `Validation` when content is missing or — for JA/JF — the PPKin's SKP is not approved yet
/// (the PPKin is then notified).
pub async fn submit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: SubmitSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    require_owner(&txn, viewer, &m).await?;
    check_lock(&m, req.lock_version)?;
    if !matches!(status(&m), StatusSkp::Draft | StatusSkp::Dikembalikan) {
        return Err(AppError::Conflict(
            "Hanya SKP draft atau yang dikembalikan yang dapat diajukan.".to_owned(),
        ));
    }
    // Superiors may have changed since the draft was started (mutasi): resolve again.
    let period = periods::find(&txn, m.period_id).await?;
    let employee = employees::Entity::find_by_id(m.employee_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let (snap, ppkin, atasan) = snapshot(&txn, &employee, reference_date(&period)).await?;
    let Some(ppkin) = ppkin else {
        return Err(AppError::field(
            "pejabat_penilai",
            "Pejabat penilai kinerja Anda belum dapat ditentukan. Hubungi admin kepegawaian.",
        ));
    };
    let mut current = m.clone();
    current.ppkin_employee_id = Some(ppkin);
    let skp = load(&txn, current.clone()).await?;
    let allowed = superior_rhk_ids(&txn, &current).await?;
    if skp.jenis == JenisSkp::JaJf && allowed.is_none() {
        txn.rollback().await?;
        // Tell the superior once (until read) that a subordinate is waiting.
        let link = format!("/skp/{id}");
        let pending = notifications::Entity::find()
            .filter(notifications::Column::RecipientEmployeeId.eq(ppkin))
            .filter(notifications::Column::Kind.eq("skp.atasan_belum_ditetapkan"))
            .filter(notifications::Column::Tautan.eq(link.clone()))
            .filter(notifications::Column::DibacaAt.is_null())
            .count(db)
            .await?;
        if pending == 0 {
            crate::notifications::send(
                db,
                ppkin,
                "skp.atasan_belum_ditetapkan",
                crate::notifications::about(db, &m, None).await?,
                link,
            )
            .await?;
        }
        return Err(AppError::field(
            "status",
            "SKP atasan belum ditetapkan: SKP pejabat penilai kinerja Anda untuk periode ini belum disetujui. Pejabat penilai sudah diberi tahu.",
        ));
    }
    let errors = submission_errors(&skp, allowed.as_ref());
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    bump(
        &txn,
        &m,
        vec![
            (skps::Column::Status, StatusSkp::Diajukan.as_str().into()),
            (skps::Column::DiajukanAt, Some(Utc::now()).into()),
            (skps::Column::PpkinEmployeeId, Some(ppkin).into()),
            (skps::Column::AtasanPpkinEmployeeId, atasan.into()),
            (skps::Column::Snapshot, json!(snap).into()),
        ],
    )
    .await?;
    crate::notifications::send(
        &txn,
        ppkin,
        "skp.diajukan",
        crate::notifications::about(&txn, &m, None).await?,
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.submitted", "skp")
            .actor(viewer.user_id)
            .entity(id),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// The owner's PPKin and Atasan PPKin today (definitive, acting or by override).
///
/// # Errors
/// On a database failure.
pub(crate) async fn current_raters(
    db: &impl ConnectionTrait,
    m: &skps::Model,
) -> AppResult<(Option<Uuid>, Option<Uuid>)> {
    let period = periods::find(db, m.period_id).await?;
    let employee = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let resolver = Resolver::load(db, employee.instansi_id, reference_date(&period)).await?;
    Ok(resolver.superiors(m.employee_id).map_or((None, None), |s| {
        (
            s.ppkin.map(|p| p.employee.id),
            s.atasan_ppkin.map(|p| p.employee.id),
        )
    }))
}

/// Whether the viewer is the SKP owner's PPKin today (definitive, acting or by override).
async fn is_current_ppkin(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
) -> AppResult<bool> {
    let Some(me) = viewer.employee_id else {
        return Ok(false);
    };
    let period = periods::find(db, m.period_id).await?;
    let employee = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let resolver = Resolver::load(db, employee.instansi_id, reference_date(&period)).await?;
    Ok(resolver
        .ppkin(m.employee_id)
        .is_ok_and(|p| p.employee.id == me))
}

async fn decide_guard(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    m: &skps::Model,
    lock: i32,
) -> AppResult<()> {
    if !is_current_ppkin(txn, viewer, m).await? {
        return Err(if can_read(txn, viewer, m).await? {
            AppError::Forbidden
        } else {
            AppError::NotFound("SKP")
        });
    }
    check_lock(m, lock)?;
    if status(m) != StatusSkp::Diajukan {
        return Err(AppError::Conflict(
            "Hanya SKP yang sedang diajukan yang dapat disetujui atau dikembalikan.".to_owned(),
        ));
    }
    Ok(())
}

/// Approves (menetapkan) a submitted SKP, with the PPKin's ekspektasi khusus.
///
/// # Errors
/// `Forbidden` for anyone but the current PPKin; `Conflict` for a stale version or wrong
/// status; `Validation` for an unknown BerAKHLAK value.
pub async fn approve(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ApproveSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    decide_guard(&txn, viewer, &m, req.lock_version).await?;
    let known: HashSet<String> = ref_berakhlak::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|n| n.kode)
        .collect();
    for (i, e) in req.ekspektasi_khusus.iter().enumerate() {
        if !known.contains(&e.nilai_kode) {
            return Err(AppError::field(
                &format!("ekspektasi_khusus[{i}].nilai_kode"),
                "Nilai BerAKHLAK tidak dikenal.",
            ));
        }
    }
    for e in &req.ekspektasi_khusus {
        let teks = Some(e.teks.trim().to_owned()).filter(|t| !t.is_empty());
        skp_perilaku::Entity::update_many()
            .col_expr(skp_perilaku::Column::EkspektasiKhusus, Expr::value(teks))
            .filter(skp_perilaku::Column::SkpId.eq(id))
            .filter(skp_perilaku::Column::NilaiKode.eq(e.nilai_kode.clone()))
            .exec(&txn)
            .await?;
    }
    let period = periods::find(&txn, m.period_id).await?;
    let now = Utc::now();
    // The first version governs the whole year; a perubahan from the sub-period of the local
    // day it is approved (docs/regulation.md, "Perubahan SKP").
    let berlaku_dari_ke = if m.previous_id.is_some() {
        super::versi::periode_ke_of(
            &period,
            crate::clock::local_day(now, crate::clock::WIB_OFFSET_SECS),
        )
    } else {
        1
    };
    bump(
        &txn,
        &m,
        vec![
            (skps::Column::Status, StatusSkp::Disetujui.as_str().into()),
            (skps::Column::DisetujuiAt, Some(now).into()),
            (skps::Column::DisetujuiOleh, viewer.employee_id.into()),
            (skps::Column::BerlakuDariKe, Some(berlaku_dari_ke).into()),
            (
                skps::Column::CatatanPengembalian,
                Option::<String>::None.into(),
            ),
        ],
    )
    .await?;
    if let Some(previous) = m.previous_id {
        // The new version is now in force; the one it revised is kept, closed, and keeps the
        // sub-periods before this one.
        skps::Entity::update_many()
            .col_expr(
                skps::Column::Status,
                Expr::value(StatusSkp::Ditutup.as_str()),
            )
            .filter(skps::Column::Id.eq(previous))
            .exec(&txn)
            .await?;
        super::versi::carry_over(&txn, previous, id, berlaku_dari_ke).await?;
    }
    crate::notifications::send(
        &txn,
        m.employee_id,
        "skp.disetujui",
        crate::notifications::about(&txn, &m, None).await?,
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.approved", "skp")
            .actor(viewer.user_id)
            .entity(id)
            .after(json!({"ekspektasi_khusus": req.ekspektasi_khusus, "berlaku_dari_ke": berlaku_dari_ke})),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Returns a submitted SKP to its owner with a note.
///
/// # Errors
/// As [`approve`].
pub async fn return_to_owner(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ReturnSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    decide_guard(&txn, viewer, &m, req.lock_version).await?;
    let catatan = req.catatan.trim().to_owned();
    bump(
        &txn,
        &m,
        vec![
            (
                skps::Column::Status,
                StatusSkp::Dikembalikan.as_str().into(),
            ),
            (
                skps::Column::CatatanPengembalian,
                Some(catatan.clone()).into(),
            ),
        ],
    )
    .await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "skp.dikembalikan",
        kinerja_api::planning::NotificationParams {
            teks: Some(catatan.clone()),
            ..crate::notifications::about(&txn, &m, None).await?
        },
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.returned", "skp")
            .actor(viewer.user_id)
            .entity(id)
            .reason(Some(catatan)),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

fn summary(m: &skps::Model, tahun: i32, jumlah_rhk: u64) -> AppResult<SkpSummary> {
    let snap: Snapshot =
        serde_json::from_value(m.snapshot.clone()).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(SkpSummary {
        id: m.id,
        tahun,
        versi: m.versi,
        status: status(m),
        jenis: JenisSkp::parse(&m.jenis).unwrap_or(JenisSkp::JaJf),
        pegawai: snap.pegawai,
        jumlah_rhk,
        diajukan_at: m.diajukan_at,
    })
}

/// SKPs the viewer may see: all for admin/auditor; otherwise their own and those they rate.
/// `inbox` narrows to SKPs waiting for the viewer's decision.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    query: SkpQuery,
    inbox: bool,
    page: PageQuery,
) -> AppResult<Page<SkpSummary>> {
    let mut select = skps::Entity::find();
    let reads_all = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    );
    if inbox {
        let me = own_employee(viewer)?;
        select = select
            .filter(skps::Column::PpkinEmployeeId.eq(me))
            .filter(skps::Column::Status.eq(StatusSkp::Diajukan.as_str()));
    } else if !reads_all {
        let me = own_employee(viewer)?;
        select = select.filter(
            sea_orm::Condition::any()
                .add(skps::Column::EmployeeId.eq(me))
                .add(skps::Column::PpkinEmployeeId.eq(me))
                .add(skps::Column::AtasanPpkinEmployeeId.eq(me)),
        );
    }
    if let Some(p) = query.periode_id {
        select = select.filter(skps::Column::PeriodId.eq(p));
    }
    if let Some(s) = query.status {
        select = select.filter(skps::Column::Status.eq(s.as_str()));
    }
    if let Some(e) = query.employee_id {
        select = select.filter(skps::Column::EmployeeId.eq(e));
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_desc(skps::Column::UpdatedAt)
        .order_by_asc(skps::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let period_ids: HashSet<Uuid> = models.iter().map(|m| m.period_id).collect();
    let years: HashMap<Uuid, i32> = crate::entities::periods::Entity::find()
        .filter(crate::entities::periods::Column::Id.is_in(period_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.tahun))
        .collect();
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut counts: HashMap<Uuid, u64> = HashMap::new();
    for r in skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(ids))
        .all(db)
        .await?
    {
        *counts.entry(r.skp_id).or_default() += 1;
    }
    let items = models
        .iter()
        .map(|m| {
            summary(
                m,
                years.get(&m.period_id).copied().unwrap_or_default(),
                counts.get(&m.id).copied().unwrap_or(0),
            )
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Page::new(items, page, total))
}

/// All versions of the SKP `id` belongs to, oldest first.
///
/// # Errors
/// `NotFound` when the viewer may not read it.
pub async fn versions(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<Vec<SkpVersion>> {
    let m = find(db, id).await?;
    if !can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    Ok(skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(m.period_id))
        .filter(skps::Column::EmployeeId.eq(m.employee_id))
        .order_by_asc(skps::Column::Versi)
        .all(db)
        .await?
        .into_iter()
        .map(|v| SkpVersion {
            id: v.id,
            versi: v.versi,
            status: status(&v),
            disetujui_at: v.disetujui_at,
            created_at: v.created_at,
        })
        .collect())
}

/// The editable content of an SKP as JSON without ids, for comparing versions.
fn content(skp: &Skp) -> serde_json::Value {
    let rhk: Vec<serde_json::Value> = skp
        .rhk
        .iter()
        .map(|r| {
            json!({
                "jenis": r.jenis, "deskripsi": r.deskripsi, "penugasan_dari": r.penugasan_dari,
                "iki": r.iki.iter().map(|i| json!({
                    "aspek": i.aspek, "indikator": i.indikator, "target_nilai": i.target_nilai,
                    "target_satuan": i.target_satuan, "target_naratif": i.target_naratif, "arah": i.arah,
                    "perspektif": i.perspektif,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let ekspektasi: serde_json::Map<String, serde_json::Value> = skp
        .perilaku
        .iter()
        .map(|p| (p.nilai_kode.clone(), json!(p.ekspektasi_khusus)))
        .collect();
    json!({"pendekatan": skp.pendekatan, "rhk": rhk, "lampiran": skp.lampiran, "ekspektasi_khusus": ekspektasi})
}

/// Differences between two JSON values, as paths with before and after.
pub fn diff_values(
    path: &str,
    a: Option<&serde_json::Value>,
    b: Option<&serde_json::Value>,
    out: &mut Vec<SkpChange>,
) {
    use serde_json::Value;
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                diff_values(&p, x.get(k), y.get(k), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            for i in 0..x.len().max(y.len()) {
                diff_values(&format!("{path}[{i}]"), x.get(i), y.get(i), out);
            }
        }
        (a, b) if a != b => out.push(SkpChange {
            path: path.to_owned(),
            sebelum: a.cloned(),
            sesudah: b.cloned(),
        }),
        _ => {}
    }
}

/// What changed from version `id` to version `with` (same employee and period).
///
/// # Errors
/// `NotFound` when either is not readable; `Validation` when they are not versions of one SKP.
pub async fn diff(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    with: Uuid,
) -> AppResult<Vec<SkpChange>> {
    let a = get(db, viewer, id).await?;
    let b = get(db, viewer, with).await?;
    if a.employee_id != b.employee_id || a.periode_id != b.periode_id {
        return Err(AppError::field(
            "with",
            "Hanya versi dari SKP yang sama yang dapat dibandingkan.",
        ));
    }
    let mut out = Vec::new();
    diff_values("", Some(&content(&a)), Some(&content(&b)), &mut out);
    Ok(out)
}

/// Appends copies of `rhk` (with their IKI) to the SKP `to`, after its existing RHK.
/// Copies RHK and IKI into the SKP `to`; `continues` records each copy's original as the one it
/// continues (a perubahan SKP), so that entries can follow it once the new version is approved.
async fn copy_rhk(
    txn: &DatabaseTransaction,
    rhk: &[Rhk],
    to: Uuid,
    keep_intervensi: bool,
    continues: bool,
) -> AppResult<Vec<(Uuid, Uuid)>> {
    let mut copied = Vec::new();
    let start = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(to))
        .count(txn)
        .await? as i32;
    for (i, r) in rhk.iter().enumerate() {
        let rhk_id = Uuid::now_v7();
        skp_rhk::ActiveModel {
            id: Set(rhk_id),
            skp_id: Set(to),
            jenis: Set(r.jenis.as_str().to_owned()),
            deskripsi: Set(r.deskripsi.clone()),
            urutan: Set(start + i as i32),
            penugasan_dari: Set(r.penugasan_dari.clone()),
            intervensi_rhk_id: Set(if keep_intervensi {
                r.intervensi_rhk_id
            } else {
                None
            }),
            asal_rhk_id: Set(r.id.filter(|_| continues)),
        }
        .insert(txn)
        .await?;
        let iki: Vec<skp_iki::ActiveModel> = r
            .iki
            .iter()
            .enumerate()
            .map(|(j, iki)| {
                let id = Uuid::now_v7();
                if let Some(old) = iki.id {
                    copied.push((old, id));
                }
                skp_iki::ActiveModel {
                    id: Set(id),
                    rhk_id: Set(rhk_id),
                    urutan: Set(j as i32),
                    aspek: Set(iki.aspek.map(|a| a.as_str().to_owned())),
                    indikator: Set(iki.indikator.clone()),
                    target_nilai: Set(iki.target_nilai),
                    target_satuan: Set(iki.target_satuan.clone()),
                    target_naratif: Set(iki.target_naratif.clone()),
                    arah: Set(iki.arah.unwrap_or(Arah::Naik).as_str().to_owned()),
                    perspektif: Set(iki.perspektif.map(|p| p.as_str().to_owned())),
                    asal_iki_id: Set(iki.id.filter(|_| continues)),
                    jenis_target: Set(iki.jenis_target.map(|j| j.as_str().to_owned())),
                    tenggat: Set(iki.tenggat),
                }
            })
            .collect();
        if !iki.is_empty() {
            skp_iki::Entity::insert_many(iki).exec(txn).await?;
        }
    }
    Ok(copied)
}

/// Copies an SKP's RHK (keeping what they intervene), IKI and perilaku into a new version.
/// The IKI's data-key bindings come along, so pushed values keep arriving once the new version
/// is approved.
async fn copy_children(txn: &DatabaseTransaction, from: &Skp, to: Uuid) -> AppResult<()> {
    let copied = copy_rhk(txn, &from.rhk, to, true, true).await?;
    let new_id: HashMap<Uuid, Uuid> = copied.into_iter().collect();
    let bindings = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::IkiId.is_in(new_id.keys().copied()))
        .all(txn)
        .await?;
    if !bindings.is_empty() {
        let now = Utc::now();
        iki_data_keys::Entity::insert_many(bindings.into_iter().filter_map(|b| {
            new_id
                .get(&b.iki_id)
                .map(|&iki| iki_data_keys::ActiveModel {
                    iki_id: Set(iki),
                    data_key: Set(b.data_key),
                    agregasi: Set(b.agregasi),
                    updated_at: Set(now),
                })
        }))
        .exec(txn)
        .await?;
    }
    skp_perilaku::Entity::insert_many(from.perilaku.iter().map(|p| skp_perilaku::ActiveModel {
        skp_id: Set(to),
        nilai_kode: Set(p.nilai_kode.clone()),
        ekspektasi_khusus: Set(p.ekspektasi_khusus.clone()),
    }))
    .exec(txn)
    .await?;
    Ok(())
}

/// Perubahan SKP: after approval the owner starts a new version in draft; the approved one stays
/// in force (and readable) until the new one is approved.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` unless this is the latest, approved version.
pub async fn revise(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ReasonedAction,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    require_owner(&txn, viewer, &m).await?;
    check_lock(&m, req.lock_version)?;
    let latest = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(m.period_id))
        .filter(skps::Column::EmployeeId.eq(m.employee_id))
        .order_by_desc(skps::Column::Versi)
        .one(&txn)
        .await?
        .map(|l| l.id);
    if status(&m) != StatusSkp::Disetujui || latest != Some(m.id) {
        return Err(AppError::Conflict(
            "Perubahan hanya dapat dibuat dari versi terakhir yang sudah disetujui.".to_owned(),
        ));
    }
    let current = load(&txn, m.clone()).await?;
    let now = Utc::now();
    let new_id = Uuid::now_v7();
    skps::ActiveModel {
        id: Set(new_id),
        period_id: Set(m.period_id),
        employee_id: Set(m.employee_id),
        versi: Set(m.versi + 1),
        lock_version: Set(1),
        status: Set(StatusSkp::Draft.as_str().to_owned()),
        pendekatan: Set(m.pendekatan.clone()),
        jenis: Set(m.jenis.clone()),
        ppkin_employee_id: Set(m.ppkin_employee_id),
        atasan_ppkin_employee_id: Set(m.atasan_ppkin_employee_id),
        snapshot: Set(m.snapshot.clone()),
        lampiran: Set(m.lampiran.clone()),
        catatan_pengembalian: Set(None),
        diajukan_at: Set(None),
        disetujui_at: Set(None),
        disetujui_oleh: Set(None),
        previous_id: Set(Some(m.id)),
        berlaku_dari_ke: Set(None),
        alasan_perubahan: Set(Some(req.alasan.trim().to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    copy_children(&txn, &current, new_id).await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.revised", "skp")
            .actor(viewer.user_id)
            .entity(new_id)
            .after(json!({"previous_id": m.id, "versi": m.versi + 1}))
            .reason(Some(req.alasan)),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, new_id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// The admin reopens an approved SKP (back to draft) with a reason.
///
/// # Errors
/// `Conflict` unless approved; `NotFound`.
pub async fn reopen(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: ReasonedAction,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    check_lock(&m, req.lock_version)?;
    if status(&m) != StatusSkp::Disetujui {
        return Err(AppError::Conflict(
            "Hanya SKP yang sudah disetujui yang dapat dibuka kembali.".to_owned(),
        ));
    }
    bump(
        &txn,
        &m,
        vec![
            (skps::Column::Status, StatusSkp::Draft.as_str().into()),
            (
                skps::Column::DisetujuiAt,
                Option::<chrono::DateTime<Utc>>::None.into(),
            ),
            (skps::Column::DisetujuiOleh, Option::<Uuid>::None.into()),
        ],
    )
    .await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "skp.dibuka_kembali",
        kinerja_api::planning::NotificationParams {
            teks: Some(req.alasan.clone()),
            ..crate::notifications::about(&txn, &m, None).await?
        },
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.reopened", "skp")
            .actor(actor)
            .entity(id)
            .before(json!({"status": "disetujui"}))
            .after(json!({"status": "draft"}))
            .reason(Some(req.alasan)),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Everything the PDF shows, for a reader of the SKP.
///
/// # Errors
/// `NotFound` when the viewer may not read it.
pub async fn document(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<super::pdf::SkpDocument> {
    let skp = get(db, viewer, id).await?;
    let period = periods::find(db, skp.periode_id).await?;
    let instansi = crate::entities::instansi::Entity::find_by_id(period.instansi_id)
        .one(db)
        .await?
        .map_or_else(String::new, |i| i.nama);
    let ids: Vec<Uuid> = skp.rhk.iter().filter_map(|r| r.intervensi_rhk_id).collect();
    let intervensi = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.deskripsi))
        .collect();
    let tanggal = skp
        .disetujui_at
        .map_or_else(|| Utc::now().date_naive(), |d| d.date_naive());
    Ok(super::pdf::SkpDocument {
        skp,
        instansi,
        mulai: period.mulai,
        selesai: period.selesai,
        intervensi,
        tempat: "Serang".to_owned(),
        tanggal,
    })
}

/// The SKPs of a period that are in force or in progress (not closed versions).
fn live(select: sea_orm::Select<skps::Entity>) -> sea_orm::Select<skps::Entity> {
    select.filter(skps::Column::Status.ne(StatusSkp::Ditutup.as_str()))
}

fn pohon_rhk(r: &skp_rhk::Model, owner: &skps::Model) -> AppResult<PohonRhk> {
    let snap: Snapshot = serde_json::from_value(owner.snapshot.clone())
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let jenis = JenisRhk::parse(&r.jenis).unwrap_or(JenisRhk::Utama);
    let ja_jf = JenisSkp::parse(&owner.jenis) == Some(JenisSkp::JaJf);
    Ok(PohonRhk {
        id: r.id,
        skp_id: owner.id,
        deskripsi: r.deskripsi.clone(),
        jenis,
        pegawai: snap.pegawai,
        status_skp: status(owner),
        yatim: ja_jf && jenis == JenisRhk::Utama && r.intervensi_rhk_id.is_none(),
        turunan: Vec::new(),
    })
}

/// The pohon kinerja below an SKP: each RHK with the subordinates' RHK that intervene it, level
/// by level (two queries per level), and the direct subordinates' orphan RHK utama.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn tree(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<Pohon> {
    const MAX_DEPTH: usize = 8;
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
    for r in &root_rhk {
        nodes.insert(r.id, pohon_rhk(r, &root)?);
    }
    let mut frontier: Vec<Uuid> = root_rhk.iter().map(|r| r.id).collect();
    for _ in 0..MAX_DEPTH {
        if frontier.is_empty() {
            break;
        }
        let rows = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::IntervensiRhkId.is_in(frontier.clone()))
            .order_by_asc(skp_rhk::Column::Urutan)
            .all(db)
            .await?;
        let owner_ids: HashSet<Uuid> = rows.iter().map(|r| r.skp_id).collect();
        let owners: HashMap<Uuid, skps::Model> = live(skps::Entity::find())
            .filter(skps::Column::Id.is_in(owner_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        frontier = Vec::new();
        for r in rows {
            let (Some(owner), Some(parent)) = (owners.get(&r.skp_id), r.intervensi_rhk_id) else {
                continue;
            };
            if nodes.contains_key(&r.id) {
                continue;
            }
            nodes.insert(r.id, pohon_rhk(&r, owner)?);
            children.entry(parent).or_default().push(r.id);
            frontier.push(r.id);
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
    let by_id: HashMap<Uuid, &skps::Model> = subordinates.iter().map(|s| (s.id, s)).collect();
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
            let mut node = pohon_rhk(&r, owner)?;
            node.yatim = true;
            yatim.push(node);
        }
    }
    let snap: Snapshot = serde_json::from_value(root.snapshot.clone())
        .map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(Pohon {
        skp_id: root.id,
        pegawai: snap.pegawai,
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
        return Err(AppError::Conflict(
            "RHK hanya dapat dibagikan dari SKP yang sudah disetujui.".to_owned(),
        ));
    }
    let source = skp_rhk::Entity::find_by_id(req.rhk_id)
        .one(&txn)
        .await?
        .filter(|r| r.skp_id == m.id)
        .ok_or_else(|| AppError::field("rhk_id", "RHK tidak ditemukan pada SKP ini."))?;
    let period = periods::find(&txn, m.period_id).await?;
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let resolver = Resolver::load(&txn, owner.instansi_id, reference_date(&period)).await?;
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
