//! Employees: NIP validation, privacy, assignments, and superiors on the demo organisation.

use std::collections::{HashMap, HashSet};

use crate::helpers::*;
use crate::organisation::{demo_app, unit_named};
use kinerja_api::auth::Role;
use kinerja_api::employees::{
    Assignment, Employee, SuperiorReason, Superiors, UnresolvedSuperior, Visibility,
};
use kinerja_api::organisation::Position;
use kinerja_api::{ErrorCode, Page};
use serde_json::json;

const CAMAT: &str = "197805122005011003";
const RINA: &str = "199003172015032001";

async fn by_nip(app: &TestApp, token: &str, nip: &str) -> Employee {
    let page: Page<Employee> = app
        .get(&format!("/api/v1/employees?q={nip}"), Some(token))
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .find(|e| e.nip == nip)
        .unwrap_or_else(|| panic!("no employee {nip}"))
}

async fn by_position(app: &TestApp, token: &str, jabatan: &str, unit: &str) -> Employee {
    let unit = unit_named(app, token, unit).await;
    let page: Page<Employee> = app
        .get(
            &format!("/api/v1/employees?within={}&per_page=100", unit.id),
            Some(token),
        )
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .find(|e| e.jabatan.as_deref() == Some(jabatan))
        .unwrap_or_else(|| panic!("nobody holds {jabatan}"))
}

async fn superiors(app: &TestApp, token: &str, id: uuid::Uuid, date: Option<&str>) -> Superiors {
    let q = date.map(|d| format!("?date={d}")).unwrap_or_default();
    let resp = app
        .get(&format!("/api/v1/employees/{id}/superiors{q}"), Some(token))
        .await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn instansi(app: &TestApp, token: &str) -> uuid::Uuid {
    unit_named(app, token, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id
}

fn new_employee(instansi: uuid::Uuid, nip: &str, birth: &str, gender: &str) -> serde_json::Value {
    json!({"instansi_id": instansi, "nip": nip, "nama": "Dewi Lestari", "tanggal_lahir": birth, "jenis_kelamin": gender, "jenis_pegawai": "pns", "golongan": "III/a"})
}

async fn a_nip_must_agree_with_birth_date_and_gender(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = instansi(&app, &admin).await;
    let cases = [
        ("19900101201501200", "1990-01-01", "p", "18 digit"),
        (
            "199001022015012001",
            "1990-01-01",
            "p",
            "tidak sama dengan tanggal lahir 01-01-1990",
        ),
        ("199001012015132001", "1990-01-01", "p", "digit 9–14"),
        ("199001012099012001", "1990-01-01", "p", "masa depan"),
        (
            "199001012015011001",
            "1990-01-01",
            "p",
            "tidak sesuai dengan jenis kelamin perempuan",
        ),
        ("199001012015015001", "1990-01-01", "p", "digit 15"),
        (RINA, "1990-03-17", "p", "sudah terdaftar"),
    ];
    for (nip, birth, gender, expected) in cases {
        let resp = app
            .post_json(
                "/api/v1/employees",
                &new_employee(inst, nip, birth, gender),
                Some(&admin),
            )
            .await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        let messages = problem.field_errors("nip").join(" | ");
        assert!(
            messages.contains(expected),
            "{nip}: expected {expected:?} in {messages:?}"
        );
    }
    let resp = app
        .post_json(
            "/api/v1/employees",
            &new_employee(inst, "19900101 201501 2 001", "1990-01-01", "p"),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let created: Employee = resp.json().await.unwrap();
    assert_eq!(created.nip, "199001012015012001");
    assert_eq!(created.nip_formatted, "19900101 201501 2 001");
    assert_eq!(created.pangkat.as_deref(), Some("Penata Muda"));
    // Changing the birth date later must keep the NIP consistent.
    let resp = app
        .patch_json(
            &format!("/api/v1/employees/{}", created.id),
            &json!({"lock_version": 1, "tanggal_lahir": "1990-01-02"}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
}
db_test!(a_nip_must_agree_with_birth_date_and_gender);

async fn a_pppk_gets_an_ni_pppk_and_an_account_named_after_it(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = instansi(&app, &admin).await;
    let mut body = new_employee(inst, "199203152023012001", "1992-03-15", "p");
    body["jenis_pegawai"] = json!("pppk");
    body["password"] = json!("Rahasia-Sekali-1");
    let created: Employee = app
        .post_json("/api/v1/employees", &body, Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(created.nip_label, "NI PPPK");
    assert!(created.user_id.is_some());
    let (tokens, _) = app.login("199203152023012001", "Rahasia-Sekali-1").await;
    let me: Employee = app
        .get(
            &format!("/api/v1/employees/{}", created.id),
            Some(&tokens.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        me.visibility,
        Visibility::Full,
        "one sees one's own full record"
    );
}
db_test!(a_pppk_gets_an_ni_pppk_and_an_account_named_after_it);

async fn privacy_follows_role_and_unit(db: Db) {
    let (app, admin) = demo_app(db).await;
    let rina = app.login(RINA, TEST_PASSWORD).await.0.access_token;
    let camat = app.login(CAMAT, TEST_PASSWORD).await.0.access_token;
    let (_, auditor) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    let dokter = by_position(
        &app,
        &admin,
        "Dokter Ahli Pertama",
        "Puskesmas Banjar Agung",
    )
    .await;
    let lurah = by_position(&app, &admin, "Lurah Dalung", "Kelurahan Dalung").await;
    let me = by_nip(&app, &admin, RINA).await;

    let view = |token: String, id: uuid::Uuid| {
        let app = &app;
        async move {
            app.get(&format!("/api/v1/employees/{id}"), Some(&token))
                .await
                .json::<Employee>()
                .await
                .unwrap()
        }
    };
    // A pegawai: own record full, colleagues as a directory entry without private fields.
    assert_eq!(view(rina.clone(), me.id).await.visibility, Visibility::Full);
    let colleague = view(rina.clone(), lurah.id).await;
    assert_eq!(colleague.visibility, Visibility::Directory);
    assert_eq!(colleague.nip, lurah.nip);
    assert!(colleague.jabatan.is_some() && colleague.unit.is_some());
    assert!(
        colleague.tanggal_lahir.is_none()
            && colleague.golongan.is_none()
            && colleague.email.is_none()
            && colleague.status.is_none()
    );
    // The camat: full records in the kecamatan subtree, directory elsewhere.
    assert_eq!(
        view(camat.clone(), lurah.id).await.visibility,
        Visibility::Full
    );
    assert_eq!(
        view(camat.clone(), dokter.id).await.visibility,
        Visibility::Directory
    );
    // Auditor and admin: everyone.
    assert_eq!(
        view(auditor.clone(), dokter.id).await.visibility,
        Visibility::Full
    );
    assert_eq!(
        view(admin.clone(), dokter.id).await.visibility,
        Visibility::Full
    );
    // History and superiors belong to the full record.
    assert_problem(
        app.get(
            &format!("/api/v1/employees/{}/assignments", lurah.id),
            Some(&rina),
        )
        .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_eq!(
        app.get(
            &format!("/api/v1/employees/{}/assignments", lurah.id),
            Some(&camat)
        )
        .await
        .status(),
        200
    );
    // Lists mark each row; private filters are ignored for a pegawai.
    let page: Page<Employee> = app
        .get("/api/v1/employees?per_page=100&golongan=IV/a", Some(&rina))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        page.total > 80,
        "golongan filter ignored for a pegawai: {}",
        page.total
    );
    assert!(
        page.items
            .iter()
            .filter(|e| e.visibility == Visibility::Full)
            .all(|e| e.id == me.id)
    );
    // Writes are for the HR office.
    assert_problem(
        app.post_json("/api/v1/employees", &json!({}), Some(&camat))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        app.patch_json(
            &format!("/api/v1/employees/{}", me.id),
            &json!({"lock_version": 1, "nama": "X"}),
            Some(&rina),
        )
        .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        app.get("/api/v1/reports/unresolved-superiors", Some(&auditor))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
}
db_test!(privacy_follows_role_and_unit);

async fn the_list_searches_filters_and_sorts(db: Db) {
    let (app, admin) = demo_app(db).await;
    let all: Page<Employee> = app
        .get("/api/v1/employees", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        (80..=110).contains(&all.total),
        "about 80 demo employees, got {}",
        all.total
    );
    let by_prefix: Page<Employee> = app
        .get("/api/v1/employees?q=19780512%202005", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        by_prefix
            .items
            .iter()
            .map(|e| e.nip.as_str())
            .collect::<Vec<_>>(),
        vec![CAMAT]
    );
    let by_name: Page<Employee> = app
        .get("/api/v1/employees?q=rina%20marl", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_name.items[0].nip, RINA);
    let jpt: Page<Employee> = app
        .get("/api/v1/employees?jenis_jabatan=jpt", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(jpt.total, 3, "Sekda, Kadinkes, Kadis");
    let ivc: Page<Employee> = app
        .get("/api/v1/employees?golongan=IV/c", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ivc.total, 3);
    let kel = unit_named(&app, &admin, "Kelurahan Tembong").await;
    let tembong: Page<Employee> = app
        .get(
            &format!("/api/v1/employees?within={}", kel.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tembong.total, 6, "the kasi post is vacant");
    let sorted: Page<Employee> = app
        .get(
            "/api/v1/employees?sort=nama_desc&per_page=100",
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<String> = sorted
        .items
        .iter()
        .map(|e| e.nama.clone().unwrap())
        .collect();
    let mut expected = names.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, expected);
    let problem = assert_problem(
        app.get("/api/v1/employees?sort=umur", Some(&admin)).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!problem.field_errors("sort").is_empty());
}
db_test!(the_list_searches_filters_and_sorts);

async fn superiors_resolve_for_every_demo_employee(db: Db) {
    let (app, admin) = demo_app(db).await;
    // Only the Sekda is unresolved: the Wali Kota, who rates the Sekda, is not an employee.
    let report: Page<UnresolvedSuperior> = app
        .get("/api/v1/reports/unresolved-superiors", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report.total, 1, "{report:?}");
    assert!(report.items[0].reason.contains("puncak struktur"));
    let sekda = report.items[0].employee.id;

    let positions: Page<Position> = app
        .get("/api/v1/positions?per_page=100", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let more: Page<Position> = app
        .get("/api/v1/positions?per_page=100&page=2", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let positions: HashMap<uuid::Uuid, Position> = positions
        .items
        .into_iter()
        .chain(more.items)
        .map(|p| (p.id, p))
        .collect();
    let raters: HashSet<&str> = [
        "jpt_utama",
        "jpt_madya",
        "jpt_pratama",
        "administrator",
        "pengawas",
    ]
    .into();
    let mut employees = Vec::new();
    for page in 1..=2 {
        let p: Page<Employee> = app
            .get(
                &format!("/api/v1/employees?per_page=100&page={page}"),
                Some(&admin),
            )
            .await
            .json()
            .await
            .unwrap();
        employees.extend(p.items);
    }
    let holder_of: HashMap<uuid::Uuid, uuid::Uuid> = employees
        .iter()
        .filter_map(|e| e.jabatan_id.map(|j| (e.id, j)))
        .collect();
    for e in &employees {
        let s = superiors(&app, &admin, e.id, None).await;
        if e.id == sekda {
            assert!(s.ppkin.is_none());
            continue;
        }
        let ppkin = s
            .ppkin
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no PPKin: {:?}", e.nama_lengkap, s.unresolved));
        // The PPKin sits on the employee's superior chain and is at least Pengawas.
        let chain: Vec<uuid::Uuid> =
            std::iter::successors(positions[&e.jabatan_id.unwrap()].atasan_id, |p| {
                positions[p].atasan_id
            })
            .collect();
        let via = positions
            .values()
            .find(|p| Some(&p.nama) == ppkin.via_jabatan.as_ref() && chain.contains(&p.id));
        let via = via.unwrap_or_else(|| panic!("{}: PPKin not on the chain", e.nama_lengkap));
        assert!(
            raters.contains(via.jenjang.as_str()),
            "{}: PPKin below Pengawas",
            e.nama_lengkap
        );
        match ppkin.reason {
            SuperiorReason::Derived => assert_eq!(holder_of.get(&ppkin.employee.id), Some(&via.id)),
            SuperiorReason::Acting => assert_eq!(via.nama, "Lurah Gelam"),
            SuperiorReason::Override => panic!("no overrides in the demo"),
        }
        // The Atasan PPKin is the PPKin's own PPKin.
        let of_ppkin = superiors(&app, &admin, ppkin.employee.id, None).await;
        assert_eq!(
            s.atasan_ppkin.as_ref().map(|a| a.employee.id),
            of_ppkin.ppkin.map(|p| p.employee.id)
        );
    }
}
db_test!(superiors_resolve_for_every_demo_employee);

async fn vacancies_and_acting_officials_shape_the_chain(db: Db) {
    let (app, admin) = demo_app(db).await;
    // Rina (pelaksana, Subbag Umum): Kasubag → Sekcam.
    let rina = by_nip(&app, &admin, RINA).await;
    let s = superiors(&app, &admin, rina.id, None).await;
    let ppkin = s.ppkin.unwrap();
    assert_eq!(
        (ppkin.reason, ppkin.via_jabatan.as_deref()),
        (
            SuperiorReason::Derived,
            Some("Kepala Subbagian Umum dan Kepegawaian")
        )
    );
    assert_eq!(
        s.atasan_ppkin.unwrap().via_jabatan.as_deref(),
        Some("Sekretaris Kecamatan")
    );
    // Tembong: the kasi post is vacant, so its staff are rated by the lurah.
    let staff = by_position(
        &app,
        &admin,
        "Pengelola Data Kesejahteraan Sosial",
        "Kelurahan Tembong",
    )
    .await;
    let s = superiors(&app, &admin, staff.id, None).await;
    assert_eq!(
        s.ppkin.unwrap().via_jabatan.as_deref(),
        Some("Lurah Tembong")
    );
    // Gelam: the lurah post is vacant with a Plt from the kecamatan.
    let sekkel = by_position(&app, &admin, "Sekretaris Kelurahan", "Kelurahan Gelam").await;
    let plt = by_position(
        &app,
        &admin,
        "Kepala Seksi Pemerintahan",
        "Seksi Pemerintahan",
    )
    .await;
    let s = superiors(&app, &admin, sekkel.id, None).await;
    let ppkin = s.ppkin.unwrap();
    assert_eq!(
        (ppkin.reason, ppkin.employee.id),
        (SuperiorReason::Acting, plt.id)
    );
    assert_eq!(
        s.atasan_ppkin.unwrap().via_jabatan.as_deref(),
        Some("Camat Cipocok Jaya")
    );
    // Before the Plt started, nobody was acting: the chain goes on to the camat.
    let s = superiors(&app, &admin, sekkel.id, Some("2024-01-01")).await;
    assert_eq!(
        s.ppkin.unwrap().via_jabatan.as_deref(),
        Some("Camat Cipocok Jaya")
    );
}
db_test!(vacancies_and_acting_officials_shape_the_chain);

async fn a_mutasi_changes_the_superior_from_its_date_and_keeps_history(db: Db) {
    let (app, admin) = demo_app(db).await;
    let rina = by_nip(&app, &admin, RINA).await;
    let pelayanan = unit_named(&app, &admin, "Seksi Pelayanan").await;
    let kasi: Page<Position> = app
        .get(
            &format!("/api/v1/positions?within={}&jenjang=pengawas", pelayanan.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let new_post: Position = app
        .post_json("/api/v1/positions", &json!({"unit_id": pelayanan.id, "nama": "Pengelola Layanan Terpadu", "jenjang": "pelaksana", "atasan_id": kasi.items[0].id}), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    // Starting before the current assignment is refused.
    let resp = app
        .post_json(
            &format!("/api/v1/employees/{}/assignments", rina.id),
            &json!({"jabatan_id": new_post.id, "jenis": "definitif", "mulai": "2020-01-01"}),
            Some(&admin),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("mulai")
            .is_empty()
    );
    let resp = app
        .post_json(&format!("/api/v1/employees/{}/assignments", rina.id), &json!({"jabatan_id": new_post.id, "jenis": "definitif", "mulai": "2026-07-01", "keterangan": "SK mutasi"}), Some(&admin))
        .await;
    assert_eq!(resp.status(), 201);
    let history: Vec<Assignment> = app
        .get(
            &format!("/api/v1/employees/{}/assignments", rina.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].jabatan.as_str(), history[0].selesai),
        ("Pengelola Layanan Terpadu", None)
    );
    assert_eq!(
        history[1].selesai,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 30)
    );
    let before = superiors(&app, &admin, rina.id, Some("2026-06-30")).await;
    assert_eq!(
        before.ppkin.unwrap().via_jabatan.as_deref(),
        Some("Kepala Subbagian Umum dan Kepegawaian")
    );
    let after = superiors(&app, &admin, rina.id, Some("2026-07-01")).await;
    assert_eq!(
        after.ppkin.unwrap().via_jabatan.as_deref(),
        Some("Kepala Seksi Pelayanan")
    );
    let now = by_nip(&app, &admin, RINA).await;
    assert_eq!(now.unit.as_deref(), Some("Seksi Pelayanan"));
    // An acting assignment needs an end date.
    let resp = app
        .post_json(
            &format!("/api/v1/employees/{}/assignments", rina.id),
            &json!({"jabatan_id": new_post.id, "jenis": "plh", "mulai": "2026-08-01"}),
            Some(&admin),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("selesai")
            .is_empty()
    );
}
db_test!(a_mutasi_changes_the_superior_from_its_date_and_keeps_history);

async fn an_override_wins_over_the_hierarchy_for_its_dates(db: Db) {
    let (app, admin) = demo_app(db).await;
    let rina = by_nip(&app, &admin, RINA).await;
    let camat = by_nip(&app, &admin, CAMAT).await;
    let resp = app
        .post_json(
            &format!("/api/v1/employees/{}/superior-overrides", rina.id),
            &json!({"ppkin_employee_id": rina.id, "mulai": "2026-01-01", "alasan": "x"}),
            Some(&admin),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("ppkin_employee_id")
            .is_empty()
    );
    let resp = app
        .post_json(&format!("/api/v1/employees/{}/superior-overrides", rina.id), &json!({"ppkin_employee_id": camat.id, "mulai": "2026-01-01", "selesai": "2026-03-31", "alasan": "Kasubag cuti besar"}), Some(&admin))
        .await;
    assert_eq!(resp.status(), 201);
    let during = superiors(&app, &admin, rina.id, Some("2026-02-15")).await;
    let ppkin = during.ppkin.unwrap();
    assert_eq!(
        (ppkin.reason, ppkin.employee.id),
        (SuperiorReason::Override, camat.id)
    );
    let after = superiors(&app, &admin, rina.id, Some("2026-04-01")).await;
    assert_eq!(after.ppkin.unwrap().reason, SuperiorReason::Derived);
}
db_test!(an_override_wins_over_the_hierarchy_for_its_dates);

/// Past `KINERJA_DAFTAR_TOTAL_TEPAT` rows PostgreSQL answers with its estimate and says so; the
/// last page, which is not full, knows the exact total; a short filtered list is exact. SQLite
/// always counts.
async fn a_long_list_shows_an_estimated_total_and_the_last_page_the_exact_one(db: Db) {
    use sea_orm::ConnectionTrait;
    let (app, admin) = crate::organisation::demo_app_with(db, |c| {
        c.insert("KINERJA_DAFTAR_TOTAL_TEPAT".into(), "10".into());
    })
    .await;
    let page = |q: &str| {
        let (app, admin) = (&app, &admin);
        let url = format!("/api/v1/employees?{q}");
        async move {
            let p: Page<Employee> = app.get(&url, Some(admin)).await.json().await.unwrap();
            p
        }
    };
    let first = page("per_page=20").await;
    let exact: u64 = {
        let row = app
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM employees",
            ))
            .await
            .unwrap()
            .unwrap();
        u64::try_from(row.try_get::<i64>("", "n").unwrap()).unwrap()
    };
    assert!(exact > 40, "the demo has {exact} employees");
    assert_eq!(first.items.len(), 20);
    match db {
        Db::Postgres => {
            assert!(
                first.total_estimated,
                "{} rows counted exactly",
                first.total
            );
            // Never fewer than the rows already listed.
            assert!(first.total >= 20);
        }
        Db::Sqlite => {
            assert!(!first.total_estimated);
            assert_eq!(first.total, exact);
        }
    }
    // The last page is short: the total is exact again.
    let per = (11..=20).find(|p| !exact.is_multiple_of(*p)).unwrap();
    let last = page(&format!("per_page={per}&page={}", exact.div_ceil(per))).await;
    assert!(!last.items.is_empty(), "{exact} employees");
    assert!(last.items.len() < usize::try_from(per).unwrap());
    assert!(!last.total_estimated);
    assert_eq!(last.total, exact);
    // A filter that matches few is counted exactly on every page.
    let rina = page(&format!("q={RINA}")).await;
    assert_eq!((rina.total, rina.total_estimated), (1, false));
}
db_test!(a_long_list_shows_an_estimated_total_and_the_last_page_the_exact_one);
