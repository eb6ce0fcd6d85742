//! Data Saya (UU 27/2022 Pasal 32; docs/privasi.md): everything Kinerja holds about the
//! signed-in employee and the record of its processing. Every query is bounded by what the
//! person owns (their record, their SKPs, their indicators...), a fixed number of them,
//! whatever the size of the instansi.

use std::collections::HashSet;

use chrono::Utc;
use kinerja_api::privasi::{AkunSaya, BagianData, DataSaya, JenisAkses};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, IdenStatic, Iterable,
    ModelTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::{
    assignments, audit_events, bukti_dukung, catatan_pengembangan, dokumen_evaluasi,
    evaluation_versions, evaluations, feedback, kandidat_suksesi, keberatan,
    kebutuhan_pengembangan, perbaikan_items, potensi_talenta, realisasi, rencana_aksi,
    rencana_pengembangan_item, rencana_perbaikan, skp_iki, skp_perilaku, skp_rhk, skps,
    superior_overrides, user_roles, users,
};
use crate::error::{AppError, AppResult};

/// Audit events in one download at most (newest first).
pub const PERUBAHAN_MAKS: u64 = 5_000;
/// Access-log entries in one download at most (newest first).
pub const AKSES_MAKS: u64 = 5_000;

/// A column's value as JSON: dates and instants as ISO 8601 text, the same on both databases.
fn nilai(v: sea_orm::Value) -> Value {
    use sea_orm::Value as V;
    match v {
        V::ChronoDate(Some(d)) => Value::String(d.to_string()),
        V::ChronoDateTimeUtc(Some(t)) => {
            Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        }
        V::ChronoDateTime(Some(t)) => Value::String(t.to_string()),
        V::ChronoDateTimeWithTimeZone(Some(t)) => {
            Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        }
        V::Bytes(Some(b)) => Value::String(format!("({} byte)", b.len())),
        other => sea_orm::sea_query::sea_value_to_json_value(&other),
    }
}

fn baris<E>(models: &[E::Model]) -> Vec<Map<String, Value>>
where
    E: EntityTrait,
    E::Model: ModelTrait<Entity = E>,
{
    models
        .iter()
        .map(|m| {
            E::Column::iter()
                .map(|c| (c.as_str().to_owned(), nilai(m.get(c))))
                .collect()
        })
        .collect()
}

/// Collects the sections in order.
struct Kumpulan(Vec<BagianData>);

impl Kumpulan {
    async fn tambah<E>(
        &mut self,
        db: &impl ConnectionTrait,
        (kunci, judul, title): (&str, &str, &str),
        select: Select<E>,
    ) -> AppResult<Vec<E::Model>>
    where
        E: EntityTrait,
        E::Model: ModelTrait<Entity = E> + Sync,
    {
        let models = select.all(db).await?;
        self.0.push(BagianData {
            kunci: kunci.to_owned(),
            judul: judul.to_owned(),
            title: title.to_owned(),
            baris: baris::<E>(&models),
        });
        Ok(models)
    }
}

fn ids<M>(models: &[M], f: impl Fn(&M) -> Uuid) -> Vec<Uuid> {
    models.iter().map(f).collect()
}

/// Everything about the viewer's own employee record.
///
/// # Errors
/// `NotFound` when the account has no employee record; a database failure.
pub async fn kumpulkan(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<DataSaya> {
    let Some(me) = viewer.employee_id else {
        return Err(AppError::NotFound("Pegawai"));
    };
    let pegawai = crate::employees::service::get(db, viewer, me).await?;
    let akun = match users::Entity::find_by_id(viewer.user_id).one(db).await? {
        Some(u) => {
            let mut roles: Vec<String> = user_roles::Entity::find()
                .filter(user_roles::Column::UserId.eq(u.id))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.role)
                .collect();
            roles.sort();
            Some(AkunSaya {
                id: u.id,
                username: u.username,
                email: u.email,
                full_name: u.full_name,
                active: u.active,
                roles,
                created_at: u.created_at,
                last_login_at: u.last_login_at,
            })
        }
        None => None,
    };

    let mut k = Kumpulan(Vec::new());
    k.tambah(
        db,
        (
            "assignments",
            "Riwayat jabatan dan penugasan",
            "Positions and assignments",
        ),
        assignments::Entity::find()
            .filter(assignments::Column::EmployeeId.eq(me))
            .order_by_asc(assignments::Column::Mulai),
    )
    .await?;
    k.tambah(
        db,
        (
            "superior_overrides",
            "Penetapan pejabat penilai",
            "Appraiser set by the HR office",
        ),
        superior_overrides::Entity::find().filter(superior_overrides::Column::EmployeeId.eq(me)),
    )
    .await?;
    let skp = k
        .tambah(
            db,
            (
                "skps",
                "Sasaran Kinerja Pegawai (SKP)",
                "Performance plans (SKP)",
            ),
            skps::Entity::find()
                .filter(skps::Column::EmployeeId.eq(me))
                .order_by_asc(skps::Column::CreatedAt),
        )
        .await?;
    let skp_ids = ids(&skp, |s| s.id);
    let rhk = k
        .tambah(
            db,
            (
                "skp_rhk",
                "Rencana hasil kerja (RHK)",
                "Planned results (RHK)",
            ),
            skp_rhk::Entity::find().filter(skp_rhk::Column::SkpId.is_in(skp_ids.clone())),
        )
        .await?;
    let iki = k
        .tambah(
            db,
            (
                "skp_iki",
                "Indikator kinerja individu (IKI)",
                "Indicators (IKI)",
            ),
            skp_iki::Entity::find().filter(skp_iki::Column::RhkId.is_in(ids(&rhk, |r| r.id))),
        )
        .await?;
    let iki_ids = ids(&iki, |i| i.id);
    k.tambah(
        db,
        ("skp_perilaku", "Perilaku kerja", "Work behaviour"),
        skp_perilaku::Entity::find().filter(skp_perilaku::Column::SkpId.is_in(skp_ids.clone())),
    )
    .await?;
    k.tambah(
        db,
        ("rencana_aksi", "Rencana aksi", "Action plans"),
        rencana_aksi::Entity::find().filter(rencana_aksi::Column::IkiId.is_in(iki_ids.clone())),
    )
    .await?;
    let real = k
        .tambah(
            db,
            ("realisasi", "Realisasi", "Achievements (realisasi)"),
            realisasi::Entity::find().filter(realisasi::Column::IkiId.is_in(iki_ids.clone())),
        )
        .await?;
    let real_ids = ids(&real, |r| r.id);
    k.tambah(
        db,
        ("bukti_dukung", "Bukti dukung", "Evidence"),
        bukti_dukung::Entity::find()
            .filter(bukti_dukung::Column::RealisasiId.is_in(real_ids.clone())),
    )
    .await?;
    k.tambah(
        db,
        ("feedback", "Umpan balik", "Feedback"),
        feedback::Entity::find()
            .filter(feedback::Column::SkpId.is_in(skp_ids.clone()))
            .order_by_asc(feedback::Column::CreatedAt),
    )
    .await?;
    let eval = k
        .tambah(
            db,
            (
                "evaluations",
                "Evaluasi kinerja dan predikat",
                "Evaluations and ratings",
            ),
            evaluations::Entity::find().filter(evaluations::Column::SkpId.is_in(skp_ids.clone())),
        )
        .await?;
    let eval_ids = ids(&eval, |e| e.id);
    k.tambah(
        db,
        (
            "evaluation_versions",
            "Riwayat perubahan evaluasi",
            "Evaluation history",
        ),
        evaluation_versions::Entity::find()
            .filter(evaluation_versions::Column::EvaluationId.is_in(eval_ids.clone())),
    )
    .await?;
    k.tambah(
        db,
        ("keberatan", "Keberatan", "Objections"),
        keberatan::Entity::find().filter(keberatan::Column::EvaluationId.is_in(eval_ids.clone())),
    )
    .await?;
    let rencana = k
        .tambah(
            db,
            (
                "rencana_perbaikan",
                "Rencana perbaikan kinerja",
                "Improvement plans",
            ),
            rencana_perbaikan::Entity::find()
                .filter(rencana_perbaikan::Column::EvaluationId.is_in(eval_ids.clone())),
        )
        .await?;
    k.tambah(
        db,
        (
            "perbaikan_items",
            "Langkah rencana perbaikan",
            "Improvement plan items",
        ),
        perbaikan_items::Entity::find()
            .filter(perbaikan_items::Column::PlanId.is_in(ids(&rencana, |r| r.id))),
    )
    .await?;
    k.tambah(
        db,
        (
            "dokumen_evaluasi",
            "Dokumen evaluasi",
            "Evaluation documents",
        ),
        dokumen_evaluasi::Entity::find()
            .filter(dokumen_evaluasi::Column::EvaluationId.is_in(eval_ids.clone())),
    )
    .await?;
    let catatan = k
        .tambah(
            db,
            (
                "catatan_pengembangan",
                "Catatan pengembangan kompetensi",
                "Development records",
            ),
            catatan_pengembangan::Entity::find()
                .filter(catatan_pengembangan::Column::EmployeeId.eq(me)),
        )
        .await?;
    let kebutuhan = k
        .tambah(
            db,
            (
                "kebutuhan_pengembangan",
                "Kebutuhan pengembangan",
                "Development needs",
            ),
            kebutuhan_pengembangan::Entity::find()
                .filter(kebutuhan_pengembangan::Column::EmployeeId.eq(me)),
        )
        .await?;
    k.tambah(
        db,
        (
            "rencana_pengembangan_item",
            "Rencana pengembangan",
            "Development plan entries",
        ),
        rencana_pengembangan_item::Entity::find()
            .filter(rencana_pengembangan_item::Column::EmployeeId.eq(me)),
    )
    .await?;
    let potensi = k
        .tambah(
            db,
            (
                "potensi_talenta",
                "Potensi (manajemen talenta)",
                "Potential (talent management)",
            ),
            potensi_talenta::Entity::find().filter(potensi_talenta::Column::EmployeeId.eq(me)),
        )
        .await?;
    k.tambah(
        db,
        (
            "kandidat_suksesi",
            "Kandidat suksesi",
            "Succession candidacies",
        ),
        kandidat_suksesi::Entity::find().filter(kandidat_suksesi::Column::EmployeeId.eq(me)),
    )
    .await?;

    // The processing: who read the full record, who changed what.
    let akses = super::akses::semua(
        db,
        &kinerja_api::privasi::AksesQuery {
            pegawai_id: Some(me),
            ..Default::default()
        },
        AKSES_MAKS,
    )
    .await?
    .into_iter()
    .filter(|a| a.jenis != JenisAkses::DataSaya)
    .collect();
    let milik: Vec<(&str, Vec<Uuid>)> = vec![
        ("employee", vec![me]),
        ("user", vec![viewer.user_id]),
        ("skp", skp_ids),
        ("iki", iki_ids),
        ("realisasi", real_ids),
        ("evaluasi", eval_ids),
        ("catatan_pengembangan", ids(&catatan, |c| c.id)),
        ("kebutuhan_pengembangan", ids(&kebutuhan, |c| c.id)),
        ("potensi_talenta", ids(&potensi, |c| c.id)),
    ];
    let mut kondisi = Condition::any();
    for (jenis, daftar) in milik {
        let teks: HashSet<String> = daftar.iter().map(Uuid::to_string).collect();
        if teks.is_empty() {
            continue;
        }
        kondisi = kondisi.add(
            Condition::all()
                .add(audit_events::Column::EntityType.eq(jenis))
                .add(audit_events::Column::EntityId.is_in(teks)),
        );
    }
    let mut events = audit_events::Entity::find()
        .filter(kondisi)
        .order_by_desc(audit_events::Column::Seq)
        .limit(PERUBAHAN_MAKS + 1)
        .all(db)
        .await?;
    let terpotong = events.len() as u64 > PERUBAHAN_MAKS;
    events.truncate(usize::try_from(PERUBAHAN_MAKS).unwrap_or(usize::MAX));
    let perubahan = crate::audit::service::dtos(db, events).await?;

    Ok(DataSaya {
        dibuat_pada: Utc::now(),
        pegawai,
        akun,
        bagian: k.0,
        akses,
        perubahan,
        perubahan_terpotong: terpotong,
    })
}

/// The column name of a section's row as a reader would say it: `tmt_jabatan` → "tmt jabatan".
pub fn label(kolom: &str) -> String {
    kolom.replace('_', " ")
}

/// Whether the PDF leaves a column out: identifiers and bookkeeping mean nothing on paper.
pub fn teknis(kolom: &str) -> bool {
    kolom == "id"
        || kolom.ends_with("_id")
        || kolom == "lock_version"
        || kolom.ends_with("hash")
        || kolom == "params"
}
