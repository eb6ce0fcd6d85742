//! The demo SKPs of the period: every employee's plan, submitted and approved down the tree.

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{employees as employee_rows, instansi};
use crate::error::AppResult;
use crate::extract::RequestMeta;

use super::{INSTANSI, PERAWAT_NIP, SIMPUS_KEY};

/// Opens the current year's period and agrees an SKP for every demo employee whose chain of
/// superiors allows it (everyone but the Sekda, whose rater is the Wali Kota), top-down so that
/// each RHK intervenes the superior's. Returns the number of approved SKPs; 0 when the period
/// exists already.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_planning(db: &DatabaseConnection) -> AppResult<usize> {
    use chrono::Datelike;
    use kinerja_api::planning::{
        ApproveSkp, CreatePeriode, CreateSkp, EkspektasiKhusus, JenisSkp, Lampiran, Pendekatan,
        PeriodeAction, Perspektif, StatusPeriode, SubmitSkp, UpdateSkp,
    };
    use std::collections::{HashMap, HashSet};

    use crate::auth::Viewer;
    use crate::employees::superiors::Resolver;
    use crate::planning::{penetapan, periods, skp};

    let Some(inst) = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let year = crate::clock::today().year();
    let exists = crate::entities::periods::Entity::find()
        .filter(crate::entities::periods::Column::InstansiId.eq(inst.id))
        .filter(crate::entities::periods::Column::Tahun.eq(year))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(0);
    }
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        ..RequestMeta::default()
    };
    let create = CreatePeriode {
        instansi_id: inst.id,
        tahun: year,
        mulai: None,
        selesai: None,
        ritme: None,
        batas_penetapan_skp: NaiveDate::from_ymd_opt(year, 1, 31),
        jeda_kunci_realisasi_hari: None,
        batas_evaluasi_tahunan: NaiveDate::from_ymd_opt(year + 1, 1, 31),
        jendela_keberatan_hari: None,
    };
    let period = periods::create(db, None, create, &meta).await?;
    periods::transition(
        db,
        None,
        period.id,
        StatusPeriode::Dibuka,
        PeriodeAction {
            lock_version: period.lock_version,
            reason: Some("Data demo".into()),
        },
        &meta,
    )
    .await?;

    let staff = employee_rows::Entity::find()
        .filter(employee_rows::Column::InstansiId.eq(inst.id))
        .filter(employee_rows::Column::JabatanId.is_not_null())
        .all(db)
        .await?;
    let resolver = Resolver::load(
        db,
        inst.id,
        crate::clock::today().clamp(period.mulai, period.selesai),
    )
    .await?;
    let ppkin_of: HashMap<Uuid, Uuid> = staff
        .iter()
        .filter_map(|e| resolver.ppkin(e.id).ok().map(|p| (e.id, p.employee.id)))
        .collect();
    let viewer = |id: Uuid| Viewer {
        user_id: Uuid::nil(),
        roles: Vec::new(),
        employee_id: Some(id),
        subtree: HashSet::new(),
    };
    let names: HashMap<Uuid, String> = crate::entities::positions::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.nama))
        .collect();

    // Top-down: an employee's turn comes once the PPKin's SKP is approved (or it has none).
    let mut approved: HashMap<Uuid, Option<Uuid>> = HashMap::new();
    let mut pending: Vec<&employee_rows::Model> = staff.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut next = Vec::new();
        for e in pending {
            let superior = ppkin_of.get(&e.id).copied();
            let superior_rhk = match superior {
                Some(s) => match approved.get(&s) {
                    Some(rhk) => *rhk,
                    None if ppkin_of.contains_key(&s) || staff.iter().any(|x| x.id == s) => {
                        next.push(e);
                        continue;
                    }
                    None => None,
                },
                None => None,
            };
            let owner = viewer(e.id);
            let draft = skp::create(
                db,
                &owner,
                CreateSkp {
                    periode_id: period.id,
                    pendekatan: Some(Pendekatan::Kuantitatif),
                    salin_dari: None,
                    templat_id: None,
                },
                &meta,
            )
            .await?;
            let jabatan = e
                .jabatan_id
                .and_then(|j| names.get(&j))
                .cloned()
                .unwrap_or_else(|| "pegawai".into());
            let perspektif =
                (draft.jenis == JenisSkp::JptPimpinan).then_some(Perspektif::PenerimaLayanan);
            let iki =
                |aspek, indikator: &str, nilai: f64, satuan: &str| kinerja_api::planning::Iki {
                    id: None,
                    aspek: Some(aspek),
                    indikator: indikator.to_owned(),
                    target_nilai: Some(nilai),
                    target_satuan: Some(satuan.to_owned()),
                    target_naratif: None,
                    arah: None,
                    perspektif,
                    jenis_target: None,
                    tenggat: None,
                };
            use kinerja_api::planning::Aspek;
            let mut indicators = vec![
                iki(
                    Aspek::Kuantitas,
                    "Jumlah laporan hasil kerja yang diselesaikan",
                    12.0,
                    "laporan",
                ),
                iki(
                    Aspek::Kualitas,
                    "Persentase hasil kerja yang diterima tanpa revisi",
                    90.0,
                    "persen",
                ),
                iki(
                    Aspek::Waktu,
                    "Laporan diselesaikan tepat waktu setiap bulan",
                    12.0,
                    "bulan",
                ),
            ];
            let perawat = e.nip == PERAWAT_NIP;
            if perawat {
                indicators.insert(
                    0,
                    iki(
                        Aspek::Kuantitas,
                        "Jumlah pasien yang dilayani",
                        3000.0,
                        "orang",
                    ),
                );
            }
            let update = UpdateSkp {
                lock_version: draft.lock_version,
                pendekatan: Pendekatan::Kuantitatif,
                rhk: vec![kinerja_api::planning::Rhk {
                    id: None,
                    jenis: kinerja_api::planning::JenisRhk::Utama,
                    deskripsi: format!(
                        "Terlaksananya tugas {jabatan} secara akuntabel dan tepat waktu"
                    ),
                    penugasan_dari: None,
                    intervensi_rhk_id: superior_rhk,
                    iki: indicators,
                }],
                lampiran: Lampiran {
                    dukungan_sumber_daya: vec![
                        "Komputer, printer, dan jaringan internet kantor".into(),
                    ],
                    skema_pertanggungjawaban: vec![
                        "Laporan bulanan kepada pejabat penilai kinerja".into(),
                    ],
                    konsekuensi: vec![
                        "Bila target tidak tercapai, dilakukan percepatan pada bulan berikutnya"
                            .into(),
                    ],
                },
            };
            let filled = skp::update(db, &owner, draft.id, update, &meta).await?;
            let Some(rater) = superior else {
                // No rater in the system (the Sekda): the SKP stays a draft.
                approved.insert(e.id, None);
                continue;
            };
            let submitted = skp::submit(
                db,
                &owner,
                filled.id,
                SubmitSkp {
                    lock_version: filled.lock_version,
                },
                &meta,
            )
            .await?;
            let decision = ApproveSkp {
                lock_version: submitted.lock_version,
                ekspektasi_khusus: vec![EkspektasiKhusus {
                    nilai_kode: "berorientasi_pelayanan".into(),
                    teks: "Menanggapi permintaan layanan warga paling lambat satu hari kerja"
                        .into(),
                }],
            };
            let done =
                penetapan::approve(db, &viewer(rater), submitted.id, decision, &meta).await?;
            if perawat {
                // Fed by the puskesmas system (SIMPUS) through the ingest API.
                if let Some(id) = done
                    .rhk
                    .first()
                    .and_then(|r| r.iki.first())
                    .and_then(|i| i.id)
                {
                    crate::entities::iki_data_keys::ActiveModel {
                        iki_id: Set(id),
                        data_key: Set(SIMPUS_KEY.to_owned()),
                        agregasi: Set("sum".to_owned()),
                        updated_at: Set(Utc::now()),
                    }
                    .insert(db)
                    .await?;
                }
            }
            approved.insert(e.id, done.rhk.first().and_then(|r| r.id));
        }
        if next.len() == before {
            break;
        }
        pending = next;
    }
    Ok(approved.values().filter(|r| r.is_some()).count())
}
