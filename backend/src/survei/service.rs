//! Surveys as staff manage them: who may, the lifecycle draft → dibuka → ditutup, the
//! result by the rules of `kinerja_api::ikm`, and voiding a response.

use std::collections::{BTreeMap, HashMap, HashSet};

use kinerja_api::auth::Permission;
use kinerja_api::ikm::Unsur;
use kinerja_api::survei::{
    AksiSurvei, BatalkanRespons, BuatSurvei, HasilSurvei, JenisKelamin, JenisPeriodeSurvei,
    KelompokUsia, Pekerjaan, Pendidikan, ResponsQuery, ResponsSurvei, StatusSurvei, SumberRespons,
    Survei, SurveiQuery, UbahSurvei,
};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{assignments, employees, periods, positions, survei, survei_respons, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;
use crate::policy::{self, AksesSurvei as Akses};

/// The noun of this record in messages ([`kinerja_api::pesan::BENDA`]).
pub(crate) const WHAT: &str = "Survei";

/// Units the viewer heads: the unit of a `kepala_unit` position held definitively, or by an
/// acting assignment (Plt/Plh) running today.
///
/// # Errors
/// On a database failure.
pub async fn units_headed(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<HashSet<Uuid>> {
    let Some(employee_id) = viewer.employee_id else {
        return Ok(HashSet::new());
    };
    let mut jabatan: Vec<Uuid> = employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .and_then(|e| e.jabatan_id)
        .into_iter()
        .collect();
    let today = clock::today();
    jabatan.extend(
        assignments::Entity::find()
            .filter(assignments::Column::EmployeeId.eq(employee_id))
            .filter(assignments::Column::Mulai.lte(today))
            .filter(
                Condition::any()
                    .add(assignments::Column::Selesai.is_null())
                    .add(assignments::Column::Selesai.gte(today)),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.jabatan_id),
    );
    if jabatan.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(positions::Entity::find()
        .filter(positions::Column::Id.is_in(jabatan))
        .filter(positions::Column::KepalaUnit.eq(true))
        .filter(positions::Column::Aktif.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.unit_id)
        .collect())
}

fn is_hr(viewer: &Viewer) -> bool {
    viewer.can(Permission::ManageOrganisation)
}

/// The viewer's access to `s` ([`policy::akses_survei`]), `None` when they may not even see it.
pub(crate) async fn akses(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    s: &survei::Model,
) -> AppResult<Option<Akses>> {
    let heads = !is_hr(viewer) && units_headed(db, viewer).await?.contains(&s.unit_id);
    Ok(policy::akses_survei(&viewer.roles, heads, s.dipublikasikan))
}

/// # Errors
/// `NotFound`.
pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<survei::Model> {
    survei::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

/// The survey if the viewer may see it (404 otherwise), with their access.
pub(crate) async fn lihat(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(survei::Model, Akses)> {
    let s = find(db, id).await?;
    match akses(db, viewer, &s).await? {
        Some(a) => Ok((s, a)),
        None => Err(AppError::NotFound(WHAT)),
    }
}

/// The survey if the viewer manages it: 404 when they cannot see it, 403 when they only read.
pub(crate) async fn kelola(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<survei::Model> {
    match lihat(db, viewer, id).await? {
        (s, Akses::Kelola) => Ok(s),
        (_, Akses::Baca) => Err(AppError::Forbidden),
    }
}

pub(crate) fn layanan_of(m: &survei::Model) -> Vec<String> {
    serde_json::from_value(m.layanan.clone()).unwrap_or_default()
}

pub(crate) fn pertanyaan_of(m: &survei::Model) -> BTreeMap<Unsur, String> {
    serde_json::from_value(m.pertanyaan.clone()).unwrap_or_default()
}

pub(crate) fn status_of(m: &survei::Model) -> StatusSurvei {
    StatusSurvei::parse(&m.status).unwrap_or(StatusSurvei::Draft)
}

fn dto(m: survei::Model, unit_nama: String, tahun: i32, jumlah_respons: u64) -> Survei {
    Survei {
        id: m.id,
        instansi_id: m.instansi_id,
        unit_id: m.unit_id,
        unit_nama,
        judul: m.judul.clone(),
        kode: m.kode.clone(),
        jenis_periode: JenisPeriodeSurvei::parse(&m.jenis_periode)
            .unwrap_or(JenisPeriodeSurvei::Tahun),
        period_id: m.period_id,
        tahun,
        periode_ke: m.periode_ke,
        populasi: m.populasi,
        layanan: layanan_of(&m),
        pertanyaan: pertanyaan_of(&m),
        status: status_of(&m),
        dipublikasikan: m.dipublikasikan,
        jumlah_respons,
        created_at: m.created_at,
        updated_at: m.updated_at,
        lock_version: m.lock_version,
    }
}

/// Unit names, period years and counted responses of `models`, then their DTOs.
async fn dtos(db: &impl ConnectionTrait, models: Vec<survei::Model>) -> AppResult<Vec<Survei>> {
    if models.is_empty() {
        return Ok(Vec::new());
    }
    let unit_ids: HashSet<Uuid> = models.iter().map(|m| m.unit_id).collect();
    let period_ids: HashSet<Uuid> = models.iter().map(|m| m.period_id).collect();
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let names: HashMap<Uuid, String> = crate::organisation::tree::unit_names(db, unit_ids).await?;
    let years: HashMap<Uuid, i32> = periods::Entity::find()
        .filter(periods::Column::Id.is_in(period_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.tahun))
        .collect();
    let counts: HashMap<Uuid, i64> = survei_respons::Entity::find()
        .select_only()
        .column(survei_respons::Column::SurveiId)
        .column_as(survei_respons::Column::Id.count(), "n")
        .filter(survei_respons::Column::SurveiId.is_in(ids))
        .filter(survei_respons::Column::DibatalkanAt.is_null())
        .group_by(survei_respons::Column::SurveiId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(models
        .into_iter()
        .map(|m| {
            let nama = names.get(&m.unit_id).cloned().unwrap_or_default();
            let tahun = years.get(&m.period_id).copied().unwrap_or_default();
            let n = counts.get(&m.id).copied().unwrap_or(0).unsigned_abs();
            dto(m, nama, tahun, n)
        })
        .collect())
}

async fn one_dto(db: &impl ConnectionTrait, m: survei::Model) -> AppResult<Survei> {
    dtos(db, vec![m])
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))
}

/// Surveys the viewer manages (the HR office: all; a unit head: their units'), and the
/// published ones of everyone else, newest first.
///
/// # Errors
/// On a database failure.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: SurveiQuery,
    page: PageQuery,
) -> AppResult<Page<Survei>> {
    let mut select = survei::Entity::find();
    if !is_hr(viewer) {
        let headed = units_headed(db, viewer).await?;
        let mut visible = Condition::any().add(survei::Column::Dipublikasikan.eq(true));
        if !headed.is_empty() {
            visible = visible.add(survei::Column::UnitId.is_in(headed));
        }
        select = select.filter(visible);
    }
    if let Some(unit) = q.unit_id {
        select = select.filter(survei::Column::UnitId.eq(unit));
    }
    if let Some(period) = q.period_id {
        select = select.filter(survei::Column::PeriodId.eq(period));
    }
    if let Some(status) = q.status {
        select = select.filter(survei::Column::Status.eq(status.as_str()));
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_desc(survei::Column::CreatedAt)
        .order_by_desc(survei::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok(Page::new(dtos(db, models).await?, page, total))
}

/// # Errors
/// `NotFound` for a survey the viewer may not see.
pub async fn get(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<Survei> {
    let (s, _) = lihat(db, viewer, id).await?;
    one_dto(db, s).await
}

/// Characters of the public code: lower case and digits without the look-alikes 0/o, 1/l/i.
const KODE_ALFABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
const KODE_PANJANG: usize = 10;

/// A random public code, about 49 bits.
fn kode_baru() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; KODE_PANJANG];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| char::from(KODE_ALFABET[usize::from(*b) % KODE_ALFABET.len()]))
        .collect()
}

fn bersih_layanan(layanan: Vec<String>) -> Vec<String> {
    layanan.into_iter().map(|l| l.trim().to_owned()).collect()
}

fn bersih_pertanyaan(p: BTreeMap<Unsur, String>) -> BTreeMap<Unsur, String> {
    p.into_iter()
        .map(|(u, t)| (u, t.trim().to_owned()))
        .collect()
}

/// A new survey, as a draft, for a unit the viewer manages.
///
/// # Errors
/// `Validation` for an unknown unit or period, a period of another instansi or a sub-period
/// that does not fit the span; `Forbidden` for a unit the viewer does not manage.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: BuatSurvei,
    meta: &RequestMeta,
) -> AppResult<Survei> {
    if !req.jenis_periode.periode_ke_sah(req.periode_ke) {
        return Err(AppError::field("periode_ke", Pesan::PeriodeKeSurvei));
    }
    let unit = units::Entity::find_by_id(req.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("unit_id", Pesan::UnitTidakDitemukan))?;
    if !is_hr(viewer) && !units_headed(db, viewer).await?.contains(&unit.id) {
        return Err(AppError::Forbidden);
    }
    let period = periods::Entity::find_by_id(req.period_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("period_id", Pesan::PeriodeTidakDitemukan))?;
    if period.instansi_id != unit.instansi_id {
        return Err(AppError::field(
            "period_id",
            Pesan::PeriodeBukanInstansiUnit,
        ));
    }
    let txn = db.begin().await?;
    let now = clock::now();
    let layanan = bersih_layanan(req.layanan);
    let pertanyaan = bersih_pertanyaan(req.pertanyaan);
    // A code already taken (about one draw in 10^14) is drawn again before the insert: a
    // failed INSERT would end a PostgreSQL transaction. The unique index still guards a race.
    let mut kode = kode_baru();
    while survei::Entity::find()
        .filter(survei::Column::Kode.eq(&kode))
        .count(&txn)
        .await?
        > 0
    {
        kode = kode_baru();
    }
    let m = survei::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(unit.instansi_id),
        unit_id: Set(unit.id),
        judul: Set(req.judul.trim().to_owned()),
        kode: Set(kode),
        jenis_periode: Set(req.jenis_periode.as_str().to_owned()),
        period_id: Set(period.id),
        periode_ke: Set(req.periode_ke),
        populasi: Set(req.populasi),
        layanan: Set(json!(layanan)),
        pertanyaan: Set(json!(pertanyaan)),
        status: Set(StatusSurvei::Draft.as_str().to_owned()),
        dipublikasikan: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let out = dto(m, unit.nama, period.tahun, 0);
    let entry = AuditEntry::new("survei.created", "survei")
        .actor(viewer.user_id)
        .entity(out.id)
        .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

/// Edits a survey (see [`UbahSurvei`] for what may change in which status).
///
/// # Errors
/// `Conflict` for a stale `lock_version` or a change the status does not allow.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: UbahSurvei,
    meta: &RequestMeta,
) -> AppResult<Survei> {
    let txn = db.begin().await?;
    let before = kelola(&txn, viewer, id).await?;
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    let status = status_of(&before);
    let mut a = survei::ActiveModel {
        updated_at: Set(clock::now()),
        ..Default::default()
    };
    if let Some(judul) = &req.judul {
        a.judul = Set(judul.trim().to_owned());
    }
    if let Some(p) = req.populasi {
        a.populasi = Set(Some(p));
    }
    if let Some(d) = req.dipublikasikan {
        a.dipublikasikan = Set(d);
    }
    if let Some(p) = req.pertanyaan {
        let p = bersih_pertanyaan(p);
        if p != pertanyaan_of(&before) {
            if status != StatusSurvei::Draft {
                return Err(AppError::conflict(Pesan::PertanyaanHanyaDraft));
            }
            a.pertanyaan = Set(json!(p));
        }
    }
    if let Some(l) = req.layanan {
        let l = bersih_layanan(l);
        let lama = layanan_of(&before);
        if l != lama {
            match status {
                StatusSurvei::Draft => {}
                StatusSurvei::Dibuka => {
                    // Citizens may hold the form open with a service that would vanish.
                    if let Some(gone) = lama.iter().find(|x| !l.contains(x)) {
                        return Err(AppError::conflict(Pesan::LayananTidakDapatDihapus {
                            layanan: gone.clone(),
                        }));
                    }
                }
                StatusSurvei::Ditutup => {
                    return Err(AppError::conflict(Pesan::LayananSurveiDitutup));
                }
            }
            a.layanan = Set(json!(l));
        }
    }
    optimistic::claim(
        &txn,
        a,
        (survei::Column::Id, id),
        survei::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = one_dto(&txn, find(&txn, id).await?).await?;
    let entry = AuditEntry::new("survei.updated", "survei")
        .actor(viewer.user_id)
        .entity(id)
        .before(json!({
            "judul": before.judul, "populasi": before.populasi, "layanan": before.layanan,
            "pertanyaan": before.pertanyaan, "dipublikasikan": before.dipublikasikan,
        }))
        .after(json!({
            "judul": after.judul, "populasi": after.populasi, "layanan": after.layanan,
            "pertanyaan": after.pertanyaan, "dipublikasikan": after.dipublikasikan,
        }));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(after)
}

/// Opens (draft → dibuka) or closes (dibuka → ditutup) a survey.
///
/// # Errors
/// `Conflict` for a stale `lock_version` or another transition.
pub async fn transition(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    to: StatusSurvei,
    action: AksiSurvei,
    meta: &RequestMeta,
) -> AppResult<Survei> {
    let txn = db.begin().await?;
    let before = kelola(&txn, viewer, id).await?;
    optimistic::check(before.lock_version, action.lock_version, WHAT)?;
    let from = status_of(&before);
    let allowed = matches!(
        (from, to),
        (StatusSurvei::Draft, StatusSurvei::Dibuka) | (StatusSurvei::Dibuka, StatusSurvei::Ditutup)
    );
    if !allowed {
        return Err(AppError::conflict(Pesan::StatusSurveiTidakBoleh {
            dari: from.as_str().to_owned(),
            ke: to.as_str().to_owned(),
        }));
    }
    optimistic::claim(
        &txn,
        survei::ActiveModel {
            status: Set(to.as_str().to_owned()),
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (survei::Column::Id, id),
        survei::Column::LockVersion,
        action.lock_version,
        WHAT,
    )
    .await?;
    let action_name = if to == StatusSurvei::Ditutup {
        "survei.closed"
    } else {
        "survei.opened"
    };
    let entry = AuditEntry::new(action_name, "survei")
        .actor(viewer.user_id)
        .entity(id)
        .before(json!({"status": from}))
        .after(json!({"status": to}));
    audit::record(&txn, entry, meta).await?;
    let after = one_dto(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(after)
}

fn jawaban_of(r: &survei_respons::Model) -> [Option<u8>; 9] {
    [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9]
        .map(|v| v.and_then(|v| u8::try_from(v).ok()))
}

pub(crate) fn respons_dto(r: survei_respons::Model) -> ResponsSurvei {
    ResponsSurvei {
        id: r.id,
        survei_id: r.survei_id,
        jawaban: jawaban_of(&r).to_vec(),
        layanan: r.layanan,
        jenis_kelamin: r.jenis_kelamin.as_deref().and_then(JenisKelamin::parse),
        usia: r.usia.as_deref().and_then(KelompokUsia::parse),
        pendidikan: r.pendidikan.as_deref().and_then(Pendidikan::parse),
        pekerjaan: r.pekerjaan.as_deref().and_then(Pekerjaan::parse),
        saran: r.saran,
        sumber: SumberRespons::parse(&r.sumber).unwrap_or(SumberRespons::Daring),
        created_at: r.created_at,
        dibatalkan_at: r.dibatalkan_at,
        dibatalkan_oleh: r.dibatalkan_oleh,
        alasan_batal: r.alasan_batal,
    }
}

/// The responses of a survey, oldest first; voided ones only on request.
///
/// # Errors
/// `NotFound`/`Forbidden` as for managing the survey.
pub async fn list_respons(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    q: ResponsQuery,
    page: PageQuery,
) -> AppResult<Page<ResponsSurvei>> {
    kelola(db, viewer, id).await?;
    let mut select = survei_respons::Entity::find().filter(survei_respons::Column::SurveiId.eq(id));
    if !q.dibatalkan.unwrap_or(false) {
        select = select.filter(survei_respons::Column::DibatalkanAt.is_null());
    }
    let total = select.clone().count(db).await?;
    let items = select
        .order_by_asc(survei_respons::Column::CreatedAt)
        .order_by_asc(survei_respons::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?
        .into_iter()
        .map(respons_dto)
        .collect();
    Ok(Page::new(items, page, total))
}

/// Voids a response (the HR office only): kept, with who and why, and left out of the result.
///
/// # Errors
/// `Forbidden` for anyone but the HR office; `NotFound`; `Conflict` when already void.
pub async fn batalkan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    rid: Uuid,
    req: BatalkanRespons,
    meta: &RequestMeta,
) -> AppResult<ResponsSurvei> {
    let txn = db.begin().await?;
    kelola(&txn, viewer, id).await?;
    if !policy::can_void_survey_response(&viewer.roles) {
        return Err(AppError::Forbidden);
    }
    let r = survei_respons::Entity::find_by_id(rid)
        .one(&txn)
        .await?
        .filter(|r| r.survei_id == id)
        .ok_or(AppError::NotFound("Respons survei"))?;
    if r.dibatalkan_at.is_some() {
        return Err(AppError::conflict(Pesan::ResponsSudahDibatalkan));
    }
    let alasan = req.alasan.trim().to_owned();
    let mut a: survei_respons::ActiveModel = r.into();
    a.dibatalkan_at = Set(Some(clock::now()));
    a.dibatalkan_oleh = Set(Some(viewer.user_id));
    a.alasan_batal = Set(Some(alasan.clone()));
    let m = a.update(&txn).await?;
    let entry = AuditEntry::new("survei_respons.voided", "survei_respons")
        .actor(viewer.user_id)
        .entity(rid)
        .after(json!({"survei_id": id, "layanan": m.layanan}))
        .reason(Some(alasan));
    audit::record(&txn, entry, meta).await?;
    super::simpan::catat_perubahan(&txn, id, rid, 1).await?;
    txn.commit().await?;
    super::iki::tandai(db, id).await;
    Ok(respons_dto(m))
}

/// The result over the responses that count: overall, per service and per respondent profile
/// group, from SQL aggregates ([`super::profil`]).
///
/// # Errors
/// `NotFound` for a survey the viewer may not see (unpublished and not theirs).
pub async fn hasil(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<HasilSurvei> {
    let (s, _) = lihat(db, viewer, id).await?;
    super::simpan::hasil(db, &s, layanan_of(&s)).await
}
