//! Units, positions, reference data, and the demo organisation.

use crate::helpers::*;
use kinerja_api::auth::Role;
use kinerja_api::organisation::{Position, ReferenceData, Unit, UnitMove, UnitNode};
use kinerja_api::{ErrorCode, Page};
use serde_json::json;

/// The seeded demo organisation and an admin token; the camat and one pelaksana have accounts
/// (password `TEST_PASSWORD`) linked to their records, as `seed-demo` does.
pub async fn demo_app(db: Db) -> (TestApp, String) {
    demo_app_with(db, |_| {}).await
}

pub async fn demo_app_with(
    db: Db,
    configure: impl FnOnce(&mut std::collections::HashMap<String, String>),
) -> (TestApp, String) {
    let app = spawn_app_with(db, configure).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    app.create_user(kinerja::demo::CAMAT_NIP, &[Role::Pimpinan, Role::Pegawai])
        .await;
    app.create_user(kinerja::demo::PELAKSANA_NIP, &[Role::Pegawai])
        .await;
    assert_eq!(kinerja::demo::link_accounts(&app.db).await.unwrap(), 2);
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    (app, admin)
}

pub async fn unit_named(app: &TestApp, token: &str, name: &str) -> Unit {
    let page: Page<Unit> = app
        .get(
            &format!("/api/v1/units?q={}", name.replace(' ', "%20")),
            Some(token),
        )
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .find(|u| u.nama == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

async fn reference_lists_follow_the_regulations(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("pegawai.uji", &[Role::Pegawai]).await;
    let r: ReferenceData = app
        .get("/api/v1/reference", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(r.golongan.len(), 17);
    assert_eq!(
        (r.golongan[0].kode.as_str(), r.golongan[0].pangkat.as_str()),
        ("I/a", "Juru Muda")
    );
    assert_eq!(
        (
            r.golongan[16].kode.as_str(),
            r.golongan[16].pangkat.as_str()
        ),
        ("IV/e", "Pembina Utama")
    );
    assert_eq!(r.jenjang.len(), 14);
    let raters: Vec<_> = r
        .jenjang
        .iter()
        .filter(|j| j.dapat_menilai)
        .map(|j| j.nama.as_str())
        .collect();
    assert_eq!(
        raters,
        vec![
            "JPT Utama",
            "JPT Madya",
            "JPT Pratama",
            "Administrator",
            "Pengawas"
        ]
    );
    assert_eq!(r.berakhlak.len(), 7);
    assert!(r.berakhlak.iter().all(|n| n.panduan.len() == 3));
    let akuntabel = r.berakhlak.iter().find(|n| n.kode == "akuntabel").unwrap();
    assert_eq!(
        akuntabel.panduan[2].teks,
        "Tidak menyalahgunakan kewenangan jabatan"
    );
    assert_problem(
        app.get("/api/v1/reference", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(reference_lists_follow_the_regulations);

async fn only_the_hr_office_changes_the_organisation(db: Db) {
    let (app, admin) = demo_app(db).await;
    let kec = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let unit = json!({"instansi_id": kec.instansi_id, "parent_id": kec.id, "kind": "seksi", "nama": "Seksi Baru"});
    let position = json!({"unit_id": kec.id, "nama": "Analis", "jenjang": "ahli_pertama"});
    for (name, role) in [
        ("p.uji", Role::Pegawai),
        ("pim.uji", Role::Pimpinan),
        ("aud.uji", Role::Auditor),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        assert_problem(
            app.post_json("/api/v1/units", &unit, Some(&token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(
            app.post_json("/api/v1/positions", &position, Some(&token))
                .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(
            app.patch_json(
                &format!("/api/v1/units/{}", kec.id),
                &json!({"lock_version": 1, "nama": "X"}),
                Some(&token),
            )
            .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_eq!(
            app.get("/api/v1/units/tree", Some(&token)).await.status(),
            200,
            "everyone reads the tree"
        );
    }
    assert_problem(
        app.post_json("/api/v1/units", &unit, None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_eq!(
        app.post_json("/api/v1/units", &unit, Some(&admin))
            .await
            .status(),
        201
    );
    assert_eq!(
        app.post_json("/api/v1/positions", &position, Some(&admin))
            .await
            .status(),
        201
    );
}
db_test!(only_the_hr_office_changes_the_organisation);

async fn the_demo_tree_has_the_eight_kelurahan_under_the_kecamatan(db: Db) {
    let (app, admin) = demo_app(db).await;
    let tree: Vec<UnitNode> = app
        .get("/api/v1/units/tree", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tree.len(), 1);
    assert_eq!(tree[0].unit.nama, "Pemerintah Kota Serang");
    let kec = tree[0]
        .children
        .iter()
        .find(|c| c.unit.nama == "Kecamatan Cipocok Jaya")
        .unwrap();
    let mut kelurahan: Vec<&str> = kec
        .children
        .iter()
        .filter(|c| c.unit.nama.starts_with("Kelurahan"))
        .map(|c| c.unit.nama.as_str())
        .collect();
    kelurahan.sort();
    assert_eq!(
        kelurahan,
        [
            "Banjaragung",
            "Banjarsari",
            "Cipocok Jaya",
            "Dalung",
            "Gelam",
            "Karundang",
            "Panancangan",
            "Tembong"
        ]
        .map(|k| format!("Kelurahan {k}"))
    );
    let banjaragung = kec
        .children
        .iter()
        .find(|c| c.unit.nama == "Kelurahan Banjaragung")
        .unwrap();
    assert_eq!(banjaragung.unit.kode.as_deref(), Some("36.73.05.1004"));
    assert_eq!(
        banjaragung.jumlah_pegawai, 7,
        "lurah, sekretaris, two kasi, three pelaksana"
    );
    let units: Page<Unit> = app
        .get(
            &format!("/api/v1/units?within={}&kind=kelurahan", kec.unit.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(units.total, 8);
}
db_test!(the_demo_tree_has_the_eight_kelurahan_under_the_kecamatan);

async fn moving_a_unit_keeps_its_history_and_refuses_cycles(db: Db) {
    let (app, admin) = demo_app(db).await;
    let kec = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let seksi = unit_named(&app, &admin, "Seksi Pemerintahan").await;
    let sekret = unit_named(&app, &admin, "Sekretariat Kecamatan Cipocok Jaya").await;
    // Into its own subtree: refused.
    let resp = app
        .post_json(
            &format!("/api/v1/units/{}/move", kec.id),
            &json!({"parent_id": seksi.id, "effective_date": "2026-07-01"}),
            Some(&admin),
        )
        .await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(problem.field_errors("parent_id")[0].contains("bawah dirinya sendiri"));
    // A real move.
    let resp = app.post_json(&format!("/api/v1/units/{}/move", seksi.id), &json!({"parent_id": sekret.id, "effective_date": "2026-07-01", "reason": "Perwal SOTK baru"}), Some(&admin)).await;
    assert_eq!(resp.status(), 200);
    let moved: Unit = resp.json().await.unwrap();
    assert_eq!(moved.parent_id, Some(sekret.id));
    let history: Vec<UnitMove> = app
        .get(&format!("/api/v1/units/{}/moves", seksi.id), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].from_parent_id, history[0].to_parent_id),
        (Some(kec.id), Some(sekret.id))
    );
    assert_eq!(history[0].reason.as_deref(), Some("Perwal SOTK baru"));
    // The employees moved with it: the kecamatan subtree still contains them.
    let kasi: Page<kinerja_api::employees::Employee> = app
        .get(
            &format!("/api/v1/employees?within={}&per_page=100", sekret.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        kasi.items
            .iter()
            .any(|e| e.jabatan.as_deref() == Some("Kepala Seksi Pemerintahan"))
    );
}
db_test!(moving_a_unit_keeps_its_history_and_refuses_cycles);

async fn positions_validate_kelompok_and_superior_loops(db: Db) {
    let (app, admin) = demo_app(db).await;
    let kec = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let page: Page<Position> = app
        .get("/api/v1/positions?q=Camat%20Cipocok", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let camat = &page.items[0];
    assert_eq!(camat.pemegang.as_ref().unwrap().nip, "197805122005011003");
    let resp = app.post_json("/api/v1/positions", &json!({"unit_id": kec.id, "nama": "Kasi", "jenjang": "pengawas", "kelompok": "klerek"}), Some(&admin)).await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("kelompok")
            .is_empty()
    );
    let resp = app.post_json("/api/v1/positions", &json!({"unit_id": kec.id, "nama": "Staf", "jenjang": "pelaksana", "kelompok": "operator", "atasan_id": camat.id}), Some(&admin)).await;
    let staff: Position = resp.json().await.unwrap();
    assert_eq!(
        staff.jenis,
        kinerja_api::organisation::JenisJabatan::Administrasi
    );
    // The camat's superior cannot become a subordinate of the camat.
    let resp = app
        .patch_json(
            &format!("/api/v1/positions/{}", camat.id),
            &json!({"lock_version": 1, "atasan_id": staff.id}),
            Some(&admin),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("atasan_id")
            .is_empty()
    );
    let vacant: Page<Position> = app
        .get(
            &format!("/api/v1/positions?within={}&vacant=true", kec.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = vacant.items.iter().map(|p| p.nama.as_str()).collect();
    assert!(
        names.contains(&"Lurah Gelam") && names.contains(&"Staf"),
        "{names:?}"
    );
}
db_test!(positions_validate_kelompok_and_superior_loops);
