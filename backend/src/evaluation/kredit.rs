//! The angka kredit of a functional position from the predikat (docs/regulation.md).

use kinerja_api::evaluation::{self as rules, Predikat};
use kinerja_api::penilaian::{AngkaKredit, RincianAngkaKredit, StatusEvaluasi};
use kinerja_api::planning::Ritme;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::{employees, evaluations, positions};
use crate::error::{AppError, AppResult};
use crate::measurement::service::jumlah_periode;
use crate::planning::{access, versi};

/// Angka kredit from the set evaluations of a JF employee's SKP: percent of the predikat ×
/// the yearly coefficient of the jenjang, pro-rated by months (docs/regulation.md,
/// "Angka kredit").
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn angka_kredit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
) -> AppResult<AngkaKredit> {
    let m = access::find(db, skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
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
            .filter(evaluations::Column::Status.eq(StatusEvaluasi::Ditetapkan.as_str()))
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
    let periodik: Vec<(Predikat, u32)> = rincian
        .iter()
        .filter(|r| r.periode_ke > 0)
        .map(|r| (r.predikat, r.bulan))
        .collect();
    let jumlah_periodik = koefisien
        .filter(|_| !periodik.is_empty())
        .map(|k| rules::angka_kredit_jumlah(&periodik, k));
    Ok(AngkaKredit {
        skp_id,
        jumlah_periodik,
        jenjang: jenjang.map(|j| j.as_str().to_owned()),
        koefisien_tahunan: koefisien,
        rincian,
    })
}
