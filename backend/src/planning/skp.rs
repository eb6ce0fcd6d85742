//! The SKP: drafting by the employee, submission, approval or return by the Pejabat Penilai
//! Kinerja (PPKin), with the rules of PermenPANRB 6/2022 (docs/regulation.md, "SKP planning"):
//! - at least one RHK utama; for JA/JF every RHK utama intervenes an RHK of the PPKin's
//!   approved SKP of the same period, and a JA/JF cannot submit before that SKP is approved;
//! - kuantitatif IKI have a numeric target with a unit, kualitatif IKI a narrative target;
//!   the SKP JPT gives each IKI a perspective; the lampiran lists are filled;
//! - only the owner edits and submits a draft; only the current PPKin (or an acting official)
//!   approves or returns; every write carries the optimistic `lock_version`.

use kinerja_api::Pesan;
use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use kinerja_api::employees::full_name;
use kinerja_api::nip;
use kinerja_api::organisation::{Jenjang, UnitKind};
use kinerja_api::planning::{
    Arah, Aspek, CreateSkp, Iki, JenisRhk, JenisSkp, JenisTarget, Lampiran, Pendekatan, Perilaku,
    PersonSnapshot, Perspektif, ReasonedAction, Rhk, Skp, StatusPeriode, StatusSkp, SubmitSkp,
    UpdateSkp,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::access::find;
use super::access::{can_read, reference_date, require_owner, status};
use super::hints::{clean_lines, hints, submission_errors};
use super::periods;
use super::pohon::superior_rhk_ids;
use super::riwayat::copy_rhk;
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{
    employees, iki_data_keys, notifications, positions, ref_golongan, skp_iki, skp_perilaku,
    skp_rhk, skps, units,
};
use crate::error::{AppError, AppResult, FieldMessages, push_field};
use crate::extract::RequestMeta;

/// Pegawai, PPKin and Atasan PPKin as stored with the SKP.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    pub(crate) pegawai: PersonSnapshot,
    pub(crate) ppkin: Option<PersonSnapshot>,
    pub(crate) atasan_ppkin: Option<PersonSnapshot>,
}

pub(crate) async fn person(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<Option<PersonSnapshot>> {
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
    let resolver = Resolver::around(db, date, [employee.id]).await?;
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

pub(crate) fn own_employee(viewer: &Viewer) -> AppResult<Uuid> {
    viewer
        .employee_id
        .ok_or_else(|| AppError::field("akun", Pesan::AkunBelumTerhubung))
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
    let perilaku = crate::organisation::berakhlak::values(db)
        .await?
        .iter()
        .map(|n| Perilaku {
            panduan: n.panduan.iter().map(|p| p.teks.clone()).collect(),
            ekspektasi_khusus: ekspektasi.get(&n.kode).cloned().flatten(),
            nilai_kode: n.kode.clone(),
            nama: n.nama.clone(),
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
        .map_err(|_| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    let source = match req.salin_dari {
        None => None,
        Some(from) => {
            let src = skps::Entity::find_by_id(from).one(&txn).await?;
            match src {
                Some(s) if s.employee_id == me && s.period_id != period.id => {
                    Some(load(&txn, s).await?)
                }
                _ => {
                    return Err(AppError::field("salin_dari", Pesan::SalinHanyaSkpSendiri));
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
                .map_err(|_| AppError::field("templat_id", Pesan::TemplatSkpTidakDitemukan))?;
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
pub(crate) async fn create_for(
    txn: &DatabaseTransaction,
    employee: &employees::Model,
    period: &crate::entities::periods::Model,
    pendekatan: Option<Pendekatan>,
    actor: Uuid,
    meta: &RequestMeta,
) -> AppResult<skps::Model> {
    if StatusPeriode::parse(&period.status) != Some(StatusPeriode::Dibuka) {
        return Err(AppError::field("periode_id", Pesan::PeriodeBelumDibuka));
    }
    if employee.instansi_id != period.instansi_id {
        return Err(AppError::field("periode_id", Pesan::PeriodeInstansiLain));
    }
    let exists = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::EmployeeId.eq(employee.id))
        .one(txn)
        .await?;
    if exists.is_some() {
        return Err(AppError::conflict(Pesan::SkpTahunSudahAda {
            tahun: period.tahun.to_string(),
        }));
    }
    let (snap, ppkin, atasan) = snapshot(txn, employee, reference_date(txn, period).await?).await?;
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
    let values = crate::organisation::berakhlak::values(txn).await?;
    skp_perilaku::Entity::insert_many(values.iter().map(|v| skp_perilaku::ActiveModel {
        skp_id: Set(model.id),
        nilai_kode: Set(v.kode.clone()),
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
pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: Uuid) -> AppResult<Skp> {
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

pub(crate) fn check_lock(m: &skps::Model, sent: i32) -> AppResult<()> {
    if m.lock_version == sent {
        Ok(())
    } else {
        Err(AppError::conflict(Pesan::SkpVersiBerbeda {
            versi: m.lock_version.to_string(),
            dikirim: sent.to_string(),
        }))
    }
}

/// Bumps `lock_version` only if it still has the expected value: two concurrent writers
/// cannot both win.
pub(crate) async fn bump(
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
        return Err(AppError::conflict(Pesan::SkpBaruDiubah));
    }
    Ok(())
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
        return Err(AppError::conflict(Pesan::SkpTidakDapatDiubah));
    }
    // Claim the version before touching the children: a concurrent writer with the same
    // version waits on the row and then finds it changed (409), instead of colliding with
    // the rewritten RHK and IKI.
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
    let allowed = superior_rhk_ids(&txn, &m).await?.unwrap_or_default();
    let period = periods::find(&txn, m.period_id).await?;
    let mut errors = FieldMessages::new();
    for (i, r) in req.rhk.iter().enumerate() {
        if let Some(target) = r.intervensi_rhk_id
            && !allowed.contains(&target)
        {
            push_field(
                &mut errors,
                format!("rhk[{i}].intervensi_rhk_id"),
                Pesan::IntervensiHarusRhkPenilai,
            );
        }
        for (j, iki) in r.iki.iter().enumerate() {
            if iki
                .tenggat
                .is_some_and(|d| d < period.mulai || d > period.selesai)
            {
                push_field(
                    &mut errors,
                    format!("rhk[{i}].iki[{j}].tenggat"),
                    Pesan::TenggatDiLuarPeriode,
                );
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
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
        return Err(AppError::conflict(Pesan::HanyaDraftDiajukan));
    }
    // Superiors may have changed since the draft was started (mutasi): resolve again.
    let period = periods::find(&txn, m.period_id).await?;
    let employee = employees::Entity::find_by_id(m.employee_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let (snap, ppkin, atasan) =
        snapshot(&txn, &employee, reference_date(&txn, &period).await?).await?;
    let Some(ppkin) = ppkin else {
        return Err(AppError::field(
            "pejabat_penilai",
            Pesan::PenilaiBelumDitentukan,
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
        return Err(AppError::field("status", Pesan::SkpAtasanBelumDitetapkan));
    }
    let errors = submission_errors(&skp, allowed.as_ref());
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
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
        return Err(AppError::conflict(Pesan::HanyaDisetujuiDibukaKembali));
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
