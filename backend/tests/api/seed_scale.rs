//! `kinerja seed-scale`: the benchmark's province-sized organisation, at a small size.

use crate::helpers::*;
use kinerja::demo::skala::{self, Options};
use kinerja::entities::{employees, evaluations, realisasi, skps, units};
use kinerja_api::Page;
use kinerja_api::auth::Role;
use kinerja_api::employees::UnresolvedSuperior;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

const N: usize = 300;

async fn seed_scale_adds_a_resolvable_organisation_with_a_year_of_data(db: Db) {
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    assert!(kinerja::demo::seed_planning(&app.db).await.unwrap() > 0);
    let employees_before = employees::Entity::find().count(&app.db).await.unwrap();
    let approved_before = skps::Entity::find()
        .filter(skps::Column::Status.eq("disetujui"))
        .count(&app.db)
        .await
        .unwrap();

    let options = Options {
        employees: N,
        seed: 7,
    };
    let report = skala::seed_scale(&app.db, options, TEST_PASSWORD, true)
        .await
        .unwrap();
    assert!(skala::exists(&app.db).await.unwrap());
    assert!(
        skala::seed_scale(&app.db, options, TEST_PASSWORD, true)
            .await
            .is_err(),
        "a second run is refused"
    );

    // Counts: every new employee has a position, an assignment and an approved SKP with 3–5
    // RHK, one IKI each, realisasi for every past month and two months evaluated.
    let count = |table: &str| {
        report
            .tables
            .iter()
            .find(|(t, _, _)| *t == table)
            .map(|(_, n, _)| *n)
            .unwrap()
    };
    for table in ["positions", "employees", "assignments", "skps"] {
        assert_eq!(count(table), N as u64, "{table}");
    }
    assert_eq!(count("skp_perilaku"), 7 * N as u64);
    let rhk = count("skp_rhk");
    assert!((3 * N as u64..=5 * N as u64).contains(&rhk), "{rhk} RHK");
    assert_eq!(count("skp_iki"), rhk);
    let last = report.last_periode_ke;
    assert_eq!(count("realisasi"), rhk * last.max(0) as u64);
    let months = (last - 2..last).filter(|k| *k >= 1).count() as u64;
    assert_eq!(count("evaluations"), months * N as u64);
    assert_eq!(count("evaluation_versions"), months * N as u64);
    assert_eq!(
        employees::Entity::find().count(&app.db).await.unwrap(),
        employees_before + N as u64
    );
    assert_eq!(
        skps::Entity::find()
            .filter(skps::Column::Status.eq("disetujui"))
            .count(&app.db)
            .await
            .unwrap(),
        approved_before + N as u64
    );
    assert!(
        realisasi::Entity::find()
            .filter(realisasi::Column::PeriodeKe.lte(last))
            .count(&app.db)
            .await
            .unwrap()
            >= count("realisasi")
    );
    assert_eq!(
        evaluations::Entity::find().count(&app.db).await.unwrap(),
        months * N as u64
    );

    // Every new employee resolves a PPKin: none of them is in the unresolved report.
    let (_, admin) = app.signed_in("admin.skala", &[Role::Admin]).await;
    let scale_units: Vec<Uuid> = units::Entity::find()
        .filter(units::Column::Kode.like("SKALA.%"))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.id)
        .collect();
    let new_ids: Vec<Uuid> = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(scale_units))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(new_ids.len(), N);
    let unresolved: Page<UnresolvedSuperior> = app
        .get(
            "/api/v1/reports/unresolved-superiors?per_page=100",
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        unresolved
            .items
            .iter()
            .all(|u| !new_ids.contains(&u.employee.id)),
        "{:?}",
        unresolved.items
    );
    for id in new_ids.iter().step_by(50) {
        let s: Value = app
            .get(&format!("/api/v1/employees/{id}/superiors"), Some(&admin))
            .await
            .json()
            .await
            .unwrap();
        assert!(s["ppkin"]["employee"]["id"].is_string(), "{s}");
    }
    let s: Value = app
        .get(
            &format!("/api/v1/employees/{}/superiors", report.pegawai.employee_id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        s["ppkin"]["employee"]["id"],
        report.ppkin.employee_id.to_string()
    );

    // The staff account signs in and reads its SKP and a month of realisasi.
    let (tokens, _) = app.login(skala::AKUN_PEGAWAI, TEST_PASSWORD).await;
    let skp: Value = app
        .get(
            &format!("/api/v1/skp/{}", report.pegawai.skp_id),
            Some(&tokens.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(skp["status"], "disetujui", "{skp}");
    assert_eq!(skp["employee_id"], report.pegawai.employee_id.to_string());
    let rhk = skp["rhk"].as_array().unwrap();
    assert!((3..=5).contains(&rhk.len()), "{skp}");
    if last >= 1 {
        let sheet: Value = app
            .get(
                &format!(
                    "/api/v1/skp/{}/realisasi?periode_ke={last}",
                    report.pegawai.skp_id
                ),
                Some(&tokens.access_token),
            )
            .await
            .json()
            .await
            .unwrap();
        let rows = sheet["rows"].as_array().unwrap();
        assert_eq!(rows.len(), rhk.len());
        assert!(rows.iter().all(|r| r["realisasi"].is_object()), "{sheet}");
    }
    // The PPKin sees the seksi's staff in the work list of last month.
    let (tokens, _) = app.login(skala::AKUN_PPKIN, TEST_PASSWORD).await;
    if last >= 1 {
        let list: Vec<Value> = app
            .get(
                &format!(
                    "/api/v1/evaluasi?periode_id={}&periode_ke={last}",
                    report.period_id
                ),
                Some(&tokens.access_token),
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(list.len() >= 10, "{} in the work list", list.len());
    }
}
db_test!(seed_scale_adds_a_resolvable_organisation_with_a_year_of_data);
