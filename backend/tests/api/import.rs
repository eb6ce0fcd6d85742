//! Import and export of employees (XLSX and CSV), on the demo organisation.

use crate::helpers::*;
use crate::organisation::{demo_app, unit_named};
use kinerja::employees::import::COLUMNS;
use kinerja::spreadsheet;
use kinerja_api::auth::Role;
use kinerja_api::employees::{Employee, ImportReport};
use kinerja_api::{ErrorCode, Page};
use reqwest::multipart::{Form, Part};

/// A file in the import layout: each row lists (column key, value) pairs.
fn csv(rows: &[&[(&str, &str)]]) -> Vec<u8> {
    let mut out = COLUMNS
        .iter()
        .map(|(_, h)| *h)
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    for row in rows {
        let line: Vec<String> = COLUMNS
            .iter()
            .map(|(k, _)| {
                row.iter()
                    .find(|(rk, _)| rk == k)
                    .map_or(String::new(), |(_, v)| format!("\"{v}\""))
            })
            .collect();
        out += &(line.join(",") + "\n");
    }
    out.into_bytes()
}

fn xlsx(rows: &[&[(&str, &str)]]) -> Vec<u8> {
    let grid: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            COLUMNS
                .iter()
                .map(|(k, _)| {
                    row.iter()
                        .find(|(rk, _)| rk == k)
                        .map_or(String::new(), |(_, v)| (*v).to_owned())
                })
                .collect()
        })
        .collect();
    spreadsheet::write("Pegawai", COLUMNS, &grid, &[]).unwrap()
}

const GOOD_1: &[(&str, &str)] = &[
    ("nip", "19880214 201001 1 002"),
    ("nama", "Yusuf Maulana"),
    ("gelar_belakang", "S.IP."),
    ("tanggal_lahir", "1988-02-14"),
    ("jenis_kelamin", "L"),
    ("jenis_pegawai", "PNS"),
    ("golongan", "III/c"),
    ("unit", "Kelurahan Gelam"),
    ("jabatan", "Lurah Gelam"),
    ("tmt_jabatan", "2026-12-01"),
];
const GOOD_2: &[(&str, &str)] = &[
    ("nip", "199305202019032004"),
    ("nama", "Aisyah Kurniasih"),
    ("tanggal_lahir", "20/05/1993"),
    ("jenis_kelamin", "P"),
    ("golongan", "III/a"),
    ("unit", "Kelurahan Tembong"),
    (
        "jabatan",
        "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
    ),
];
const BAD: &[(&str, &str)] = &[
    ("nip", "199305202019031005"),
    ("nama", "Asep Setiawan"),
    ("tanggal_lahir", "1993-05-21"),
    ("jenis_kelamin", "L"),
    ("golongan", "V/z"),
];

async fn upload(
    app: &TestApp,
    token: &str,
    query: &str,
    file: Vec<u8>,
    name: &str,
) -> reqwest::Response {
    let form = Form::new().part("file", Part::bytes(file).file_name(name.to_owned()));
    app.client
        .post(app.url(&format!("/api/v1/employees/import?{query}")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn employee_count(app: &TestApp, token: &str) -> u64 {
    app.get("/api/v1/employees?per_page=1", Some(token))
        .await
        .json::<Page<Employee>>()
        .await
        .unwrap()
        .total
}

async fn a_file_with_a_bad_row_is_reported_per_row_and_imports_nothing(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let before = employee_count(&app, &admin).await;
    let file = csv(&[GOOD_1, BAD, GOOD_2]);
    for mode in ["dry_run", "commit"] {
        let resp = upload(
            &app,
            &admin,
            &format!("instansi_id={inst}&mode={mode}"),
            file.clone(),
            "pegawai.csv",
        )
        .await;
        assert_eq!(resp.status(), 200);
        let report: ImportReport = resp.json().await.unwrap();
        assert_eq!(
            (
                report.total_rows,
                report.valid_rows,
                report.created,
                report.committed
            ),
            (3, 2, 0, false),
            "{mode}"
        );
        let cells: Vec<(u64, &str)> = report
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str()))
            .collect();
        assert_eq!(
            cells,
            vec![(3, "Golongan"), (3, "NIP")],
            "{:?}",
            report.errors
        );
        assert!(
            report.errors[1]
                .message
                .contains("tidak sama dengan tanggal lahir 21-05-1993"),
            "{:?}",
            report.errors
        );
    }
    assert_eq!(
        employee_count(&app, &admin).await,
        before,
        "nothing was imported"
    );
}
db_test!(a_file_with_a_bad_row_is_reported_per_row_and_imports_nothing);

async fn a_good_xlsx_file_is_imported_in_one_go(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let before = employee_count(&app, &admin).await;
    let resp = upload(
        &app,
        &admin,
        &format!("instansi_id={inst}&mode=commit"),
        xlsx(&[GOOD_1, GOOD_2]),
        "pegawai.xlsx",
    )
    .await;
    let report: ImportReport = resp.json().await.unwrap();
    assert_eq!(
        (report.created, report.committed),
        (2, true),
        "{:?}",
        report.errors
    );
    assert_eq!(employee_count(&app, &admin).await, before + 2);
    let page: Page<Employee> = app
        .get("/api/v1/employees?q=198802142010011002", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let yusuf = &page.items[0];
    assert_eq!(yusuf.nama_lengkap, "Yusuf Maulana, S.IP.");
    assert_eq!(
        (yusuf.jabatan.as_deref(), yusuf.unit.as_deref()),
        (Some("Lurah Gelam"), Some("Kelurahan Gelam"))
    );
    // Importing the same file again: every NIP is already registered.
    let report: ImportReport = upload(
        &app,
        &admin,
        &format!("instansi_id={inst}&mode=commit"),
        xlsx(&[GOOD_1, GOOD_2]),
        "pegawai.xlsx",
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(!report.committed);
    assert!(
        report.errors.iter().all(
            |e| e.column == "NIP" && e.message.contains("sudah terdaftar") || e.column == "Jabatan"
        ),
        "{:?}",
        report.errors
    );
    let audit: Page<kinerja_api::audit::AuditEvent> = app
        .get("/api/v1/audit?action=employee.imported", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit.total, 1);
    assert_eq!(audit.items[0].after.as_ref().unwrap()["created"], 2);
}
db_test!(a_good_xlsx_file_is_imported_in_one_go);

async fn the_export_reads_back_through_the_import(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let resp = app.get("/api/v1/employees/export", Some(&admin)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("pegawai.xlsx")
    );
    let bytes = resp.bytes().await.unwrap().to_vec();
    let rows = spreadsheet::read(&bytes, COLUMNS, "nip").unwrap();
    let total = employee_count(&app, &admin).await;
    assert_eq!(rows.len() as u64, total);
    let camat = rows
        .iter()
        .find(|r| r.get("nip") == Some("19780512 200501 1 003"))
        .unwrap();
    assert_eq!(camat.get("jabatan"), Some("Camat Cipocok Jaya"));
    assert_eq!(camat.get("tanggal_lahir"), Some("1978-05-12"));
    // Fed back to the import, every row parses and resolves: the only objection is that the
    // NIPs are already registered.
    let report: ImportReport = upload(
        &app,
        &admin,
        &format!("instansi_id={inst}"),
        bytes,
        "pegawai.xlsx",
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(report.total_rows, total);
    let nip_errors = report
        .errors
        .iter()
        .filter(|e| e.column == "NIP" && e.message.contains("sudah terdaftar"))
        .count() as u64;
    assert_eq!(
        nip_errors,
        total,
        "{:?}",
        report
            .errors
            .iter()
            .find(|e| !e.message.contains("sudah terdaftar"))
    );
    // A filtered export has only the filtered rows.
    let kel = unit_named(&app, &admin, "Kelurahan Tembong").await;
    let bytes = app
        .get(
            &format!("/api/v1/employees/export?within={}", kel.id),
            Some(&admin),
        )
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(spreadsheet::read(&bytes, COLUMNS, "nip").unwrap().len(), 6);
}
db_test!(the_export_reads_back_through_the_import);

async fn import_and_template_are_for_the_hr_office(db: Db) {
    let (app, admin) = demo_app(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let template = app
        .get("/api/v1/employees/import/template", Some(&admin))
        .await;
    assert_eq!(template.status(), 200);
    let rows = spreadsheet::read(&template.bytes().await.unwrap(), COLUMNS, "nip").unwrap();
    assert_eq!(rows[0].get("nama"), Some("Budi Santoso"), "the example row");
    for (name, role) in [
        ("p.uji", Role::Pegawai),
        ("pim.uji", Role::Pimpinan),
        ("aud.uji", Role::Auditor),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        assert_problem(
            upload(
                &app,
                &token,
                &format!("instansi_id={inst}"),
                csv(&[GOOD_1]),
                "a.csv",
            )
            .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(
            app.get("/api/v1/employees/import/template", Some(&token))
                .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let (_, pegawai) = app.signed_in("p2.uji", &[Role::Pegawai]).await;
    assert_problem(
        app.get("/api/v1/employees/export", Some(&pegawai)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let (_, pimpinan) = app.signed_in("pim2.uji", &[Role::Pimpinan]).await;
    assert_eq!(
        app.get("/api/v1/employees/export", Some(&pimpinan))
            .await
            .status(),
        200
    );
    assert_problem(
        app.get("/api/v1/employees/export", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(import_and_template_are_for_the_hr_office);

async fn bad_uploads_get_clear_errors(db: Db) {
    let (app, admin) = spawn_with_small_uploads(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let query = format!("/api/v1/employees/import?instansi_id={inst}");
    // Not multipart.
    let resp = app
        .post_json(&query, &serde_json::json!({"file": "x"}), Some(&admin))
        .await;
    assert_problem(resp, 415, ErrorCode::UnsupportedMediaType).await;
    // No `file` field.
    let form = Form::new().text("other", "x");
    let resp = app
        .client
        .post(app.url(&query))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("file")
            .is_empty()
    );
    // Not a spreadsheet, no header, too large, unknown instansi.
    assert_problem(
        upload(
            &app,
            &admin,
            &format!("instansi_id={inst}"),
            vec![0xff, 0xd8, 0xff, 0xe0],
            "foto.jpg",
        )
        .await,
        415,
        ErrorCode::UnsupportedMediaType,
    )
    .await;
    let resp = upload(
        &app,
        &admin,
        &format!("instansi_id={inst}"),
        b"nama\nBudi\n".to_vec(),
        "a.csv",
    )
    .await;
    assert!(
        assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("file")[0]
            .contains("kolom NIP")
    );
    assert_problem(
        upload(
            &app,
            &admin,
            &format!("instansi_id={inst}"),
            vec![b'a'; 5000],
            "a.csv",
        )
        .await,
        413,
        ErrorCode::PayloadTooLarge,
    )
    .await;
    let resp = upload(
        &app,
        &admin,
        &format!("instansi_id={}", uuid::Uuid::now_v7()),
        csv(&[GOOD_1]),
        "a.csv",
    )
    .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("instansi_id")
            .is_empty()
    );
    let resp = upload(&app, &admin, "mode=commit", csv(&[GOOD_1]), "a.csv").await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("instansi_id")
            .is_empty()
    );
}
db_test!(bad_uploads_get_clear_errors);

async fn spawn_with_small_uploads(db: Db) -> (TestApp, String) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_MAX_UPLOAD_BYTES".into(), "4096".into());
    })
    .await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    (app, admin)
}

fn sheet(layout: spreadsheet::Layout, rows: &[&[(&str, &str)]]) -> Vec<u8> {
    let mut out = layout.iter().map(|(_, h)| *h).collect::<Vec<_>>().join(",") + "\n";
    for row in rows {
        let line: Vec<String> = layout
            .iter()
            .map(|(k, _)| {
                row.iter()
                    .find(|(rk, _)| rk == k)
                    .map_or(String::new(), |(_, v)| format!("\"{v}\""))
            })
            .collect();
        out += &(line.join(",") + "\n");
    }
    out.into_bytes()
}

async fn upload_to(app: &TestApp, token: &str, path: &str, file: Vec<u8>) -> ImportReport {
    let form = Form::new().part("file", Part::bytes(file).file_name("data.csv"));
    let resp = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn an_organisation_built_by_import_resolves_superiors(db: Db) {
    use kinerja::organisation::import::{POSITION_COLUMNS, UNIT_COLUMNS};
    let (app, admin) = demo_app(db).await;
    let inst = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let good_units: &[&[(&str, &str)]] = &[
        &[
            ("unit", "Seksi Pelayanan Terpadu"),
            ("jenis", "Seksi"),
            ("induk", "Kecamatan Cipocok Jaya"),
        ],
        &[
            ("unit", "Loket PATEN"),
            ("jenis", "lainnya"),
            ("induk", "Seksi Pelayanan Terpadu"),
        ],
    ];
    let bad_unit: &[(&str, &str)] = &[
        ("unit", "Seksi Pemerintahan"),
        ("jenis", "planet"),
        ("induk", "Tidak Ada"),
    ];
    let mut with_bad = good_units.to_vec();
    with_bad.push(bad_unit);
    let report = upload_to(
        &app,
        &admin,
        &format!("/api/v1/units/import?instansi_id={inst}&mode=commit"),
        sheet(UNIT_COLUMNS, &with_bad),
    )
    .await;
    assert!(!report.committed);
    let columns: Vec<(u64, &str)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        columns,
        vec![(4, "Nama Unit"), (4, "Jenis"), (4, "Unit Induk")],
        "{:?}",
        report.errors
    );
    let report = upload_to(
        &app,
        &admin,
        &format!("/api/v1/units/import?instansi_id={inst}&mode=commit"),
        sheet(UNIT_COLUMNS, good_units),
    )
    .await;
    assert_eq!(
        (report.created, report.committed),
        (2, true),
        "{:?}",
        report.errors
    );
    let loket = unit_named(&app, &admin, "Loket PATEN").await;
    let seksi = unit_named(&app, &admin, "Seksi Pelayanan Terpadu").await;
    assert_eq!(loket.parent_id, Some(seksi.id));

    let positions: &[&[(&str, &str)]] = &[
        &[
            ("unit", "Seksi Pelayanan Terpadu"),
            ("jabatan", "Kepala Seksi Pelayanan Terpadu"),
            ("jenjang", "Pengawas"),
            ("atasan", "Camat Cipocok Jaya"),
            ("unit_atasan", "Kecamatan Cipocok Jaya"),
            ("kepala_unit", "ya"),
        ],
        &[
            ("unit", "Loket PATEN"),
            ("jabatan", "Pengelola Loket"),
            ("jenjang", "pelaksana"),
            ("kelompok", "operator"),
            ("atasan", "Kepala Seksi Pelayanan Terpadu"),
            ("unit_atasan", "Seksi Pelayanan Terpadu"),
        ],
        &[
            ("unit", "Loket PATEN"),
            ("jabatan", "Salah"),
            ("jenjang", "pengawas"),
            ("kelompok", "operator"),
            ("kepala_unit", "mungkin"),
        ],
    ];
    let report = upload_to(
        &app,
        &admin,
        &format!("/api/v1/positions/import?instansi_id={inst}"),
        sheet(POSITION_COLUMNS, positions),
    )
    .await;
    let columns: Vec<(u64, &str)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        columns,
        vec![(4, "Kelompok"), (4, "Kepala Unit")],
        "{:?}",
        report.errors
    );
    let report = upload_to(
        &app,
        &admin,
        &format!("/api/v1/positions/import?instansi_id={inst}&mode=commit"),
        sheet(POSITION_COLUMNS, &positions[..2]),
    )
    .await;
    assert_eq!(
        (report.created, report.committed),
        (2, true),
        "{:?}",
        report.errors
    );

    // Staff imported into the new post are rated by the new kasi post's holder once filled.
    let kasi: &[(&str, &str)] = &[
        ("nip", "198001012005011001"),
        ("nama", "Agus Permana"),
        ("tanggal_lahir", "1980-01-01"),
        ("jenis_kelamin", "L"),
        ("unit", "Seksi Pelayanan Terpadu"),
        ("jabatan", "Kepala Seksi Pelayanan Terpadu"),
    ];
    let staff: &[(&str, &str)] = &[
        ("nip", "199502022020022001"),
        ("nama", "Wulan Sari"),
        ("tanggal_lahir", "1995-02-02"),
        ("jenis_kelamin", "P"),
        ("unit", "Loket PATEN"),
        ("jabatan", "Pengelola Loket"),
    ];
    let report = upload_to(
        &app,
        &admin,
        &format!("/api/v1/employees/import?instansi_id={inst}&mode=commit"),
        csv(&[kasi, staff]),
    )
    .await;
    assert!(report.committed, "{:?}", report.errors);
    let page: Page<Employee> = app
        .get("/api/v1/employees?q=199502022020022001", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let superiors: kinerja_api::employees::Superiors = app
        .get(
            &format!("/api/v1/employees/{}/superiors", page.items[0].id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        superiors.ppkin.unwrap().employee.nama_lengkap,
        "Agus Permana"
    );
    assert_eq!(
        superiors.atasan_ppkin.unwrap().via_jabatan.as_deref(),
        Some("Camat Cipocok Jaya")
    );
    // Only the HR office imports.
    let (_, pegawai) = app.signed_in("p.uji", &[Role::Pegawai]).await;
    let form = Form::new().part(
        "file",
        Part::bytes(sheet(UNIT_COLUMNS, good_units)).file_name("u.csv"),
    );
    let resp = app
        .client
        .post(app.url(&format!("/api/v1/units/import?instansi_id={inst}")))
        .bearer_auth(&pegawai)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    assert_eq!(
        app.get("/api/v1/positions/import/template", Some(&admin))
            .await
            .status(),
        200
    );
    assert_problem(
        app.get("/api/v1/units/import/template", Some(&pegawai))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
}
db_test!(an_organisation_built_by_import_resolves_superiors);
