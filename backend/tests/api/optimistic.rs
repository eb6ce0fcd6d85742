//! Optimistic locking (issue #15): records several administrators edit carry a `lock_version`;
//! an edit based on an older version gets 409, and a PATCH writes only the fields it names.

use crate::helpers::*;
use crate::organisation::{demo_app, unit_named};
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::employees::Employee;
use kinerja_api::organisation::{Position, Unit};
use kinerja_api::planning::{Periode, SkpTemplate, StatusPeriode};
use kinerja_api::users::User;
use reqwest::Response;
use serde::de::DeserializeOwned;
use serde_json::json;

/// A 409 whose message tells the user someone else changed the record and to reload.
async fn assert_stale(resp: Response) {
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    let detail = body.detail.unwrap_or_default();
    assert!(
        detail.contains("baru saja diubah oleh pengguna lain") && detail.contains("Muat ulang"),
        "{detail}"
    );
}

async fn ok<T: DeserializeOwned>(resp: Response) -> T {
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn read<T: DeserializeOwned>(app: &TestApp, token: &str, path: &str) -> T {
    ok(app.get(path, Some(token)).await).await
}

async fn patch(app: &TestApp, token: &str, path: &str, body: serde_json::Value) -> Response {
    app.patch_json(path, &body, Some(token)).await
}

async fn new_employee(app: &TestApp, admin: &str) -> Employee {
    let instansi = unit_named(app, admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let resp = app
        .post_json(
            "/api/v1/employees",
            &json!({"instansi_id": instansi, "nip": "199001012015012001", "nama": "Dewi Lestari", "tanggal_lahir": "1990-01-01", "jenis_kelamin": "p", "jenis_pegawai": "pns", "golongan": "III/a", "telepon": "0254-000"}),
            Some(admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    resp.json().await.unwrap()
}

/// Two administrators save at the same moment, one the NIP and birth date, the other the phone
/// number: each round exactly one wins, the other is told to reload, and after the loser
/// redoes the edit on the new version both changes are there.
async fn concurrent_employee_edits_lose_nothing(db: Db) {
    let (app, admin) = demo_app(db).await;
    let created = new_employee(&app, &admin).await;
    let path = format!("/api/v1/employees/{}", created.id);
    let url = app.url(&path);
    let mut version = created.lock_version;
    let (mut identity_wins, mut phone_wins) = (0, 0);
    for round in 2..22_u32 {
        let birth = format!("1990-01-{round:02}");
        let nip = format!("199001{round:02}201501 2 {round:03}");
        let phone = format!("0812-{round:04}");
        let identity = json!({"lock_version": version, "nip": nip, "tanggal_lahir": birth});
        let contact = json!({"lock_version": version, "telepon": phone});
        let send = |body: serde_json::Value| {
            app.client
                .patch(&url)
                .bearer_auth(&admin)
                .json(&body)
                .send()
        };
        let (a, b) = tokio::join!(send(identity.clone()), send(contact.clone()));
        let (a, b) = (a.unwrap(), b.unwrap());
        let statuses = (a.status().as_u16(), b.status().as_u16());
        let (loser, retry) = match statuses {
            (200, 409) => {
                identity_wins += 1;
                (b, contact)
            }
            (409, 200) => {
                phone_wins += 1;
                (a, identity)
            }
            other => panic!("round {round}: expected one 200 and one 409, got {other:?}"),
        };
        assert_stale(loser).await;
        let current: Employee = read(&app, &admin, &path).await;
        assert_eq!(current.lock_version, version + 1, "round {round}");
        // The loser reloads and redoes the edit.
        let mut retry = retry;
        retry["lock_version"] = json!(current.lock_version);
        let after: Employee = ok(patch(&app, &admin, &path, retry).await).await;
        assert_eq!(after.nip, nip.replace(' ', ""), "round {round}");
        assert_eq!(
            after.tanggal_lahir.map(|d| d.to_string()),
            Some(birth),
            "round {round}"
        );
        assert_eq!(after.telepon, Some(phone), "round {round}");
        assert_eq!(after.nama.as_deref(), Some("Dewi Lestari"));
        assert_eq!(after.golongan.as_deref(), Some("III/a"));
        version = after.lock_version;
    }
    eprintln!("identity edit won {identity_wins} rounds, phone edit {phone_wins}");
}
db_test!(concurrent_employee_edits_lose_nothing);

async fn a_stale_employee_edit_is_refused_and_a_patch_keeps_other_fields(db: Db) {
    let (app, admin) = demo_app(db).await;
    let before = new_employee(&app, &admin).await;
    let path = format!("/api/v1/employees/{}", before.id);
    let resp = patch(
        &app,
        &admin,
        &path,
        json!({"lock_version": before.lock_version, "telepon": "0812-1"}),
    )
    .await;
    let after: Employee = ok(resp).await;
    let mut expected = before.clone();
    expected.telepon = Some("0812-1".into());
    expected.lock_version += 1;
    assert_eq!(after, expected);
    assert_stale(
        patch(
            &app,
            &admin,
            &path,
            json!({"lock_version": before.lock_version, "nama": "Lain"}),
        )
        .await,
    )
    .await;
    assert_eq!(read::<Employee>(&app, &admin, &path).await, after);
    // The version is required: a client that does not send it cannot overwrite anything.
    assert_eq!(
        patch(&app, &admin, &path, json!({"nama": "Lain"}))
            .await
            .status()
            .as_u16(),
        422
    );
}
db_test!(a_stale_employee_edit_is_refused_and_a_patch_keeps_other_fields);

async fn a_stale_unit_edit_is_refused_and_a_patch_keeps_other_fields(db: Db) {
    let (app, admin) = demo_app(db).await;
    let before = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let path = format!("/api/v1/units/{}", before.id);
    let resp = patch(
        &app,
        &admin,
        &path,
        json!({"lock_version": before.lock_version, "alamat": "Jl. Baru 1"}),
    )
    .await;
    let after: Unit = ok(resp).await;
    let mut expected = before.clone();
    expected.alamat = Some("Jl. Baru 1".into());
    expected.lock_version += 1;
    assert_eq!(after, expected);
    assert_stale(
        patch(
            &app,
            &admin,
            &path,
            json!({"lock_version": before.lock_version, "nama": "Lain"}),
        )
        .await,
    )
    .await;
    assert_eq!(read::<Unit>(&app, &admin, &path).await, after);
}
db_test!(a_stale_unit_edit_is_refused_and_a_patch_keeps_other_fields);

async fn a_stale_position_edit_is_refused_and_a_patch_keeps_other_fields(db: Db) {
    let (app, admin) = demo_app(db).await;
    let kec = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let resp = app
        .post_json(
            "/api/v1/positions",
            &json!({"unit_id": kec.id, "nama": "Staf", "jenjang": "pelaksana", "kelompok": "operator"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let before: Position = resp.json().await.unwrap();
    let path = format!("/api/v1/positions/{}", before.id);
    let resp = patch(
        &app,
        &admin,
        &path,
        json!({"lock_version": before.lock_version, "nama": "Staf Umum"}),
    )
    .await;
    let after: Position = ok(resp).await;
    let mut expected = before.clone();
    expected.nama = "Staf Umum".into();
    expected.lock_version += 1;
    assert_eq!(after, expected);
    assert_stale(
        patch(
            &app,
            &admin,
            &path,
            json!({"lock_version": before.lock_version, "aktif": false}),
        )
        .await,
    )
    .await;
    assert_eq!(read::<Position>(&app, &admin, &path).await, after);
}
db_test!(a_stale_position_edit_is_refused_and_a_patch_keeps_other_fields);

async fn a_stale_user_edit_is_refused_and_a_patch_keeps_other_fields(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let target = app.create_user("pegawai.uji", &[Role::Pegawai]).await;
    let path = format!("/api/v1/users/{}", target.id);
    let before: User = read(&app, &admin, &path).await;
    let resp = patch(
        &app,
        &admin,
        &path,
        json!({"lock_version": before.lock_version, "full_name": "Nama Baru"}),
    )
    .await;
    let after: User = ok(resp).await;
    let mut expected = before.clone();
    expected.full_name = "Nama Baru".into();
    expected.lock_version += 1;
    expected.updated_at = after.updated_at;
    assert_eq!(after, expected);
    // A stale role change is refused as a whole: neither the account nor its roles change.
    assert_stale(
        patch(
            &app,
            &admin,
            &path,
            json!({"lock_version": before.lock_version, "roles": ["pegawai", "pimpinan"], "active": false}),
        )
        .await,
    )
    .await;
    assert_eq!(read::<User>(&app, &admin, &path).await, after);
}
db_test!(a_stale_user_edit_is_refused_and_a_patch_keeps_other_fields);

async fn a_stale_period_transition_is_refused(db: Db) {
    let (app, admin) = demo_app(db).await;
    let instansi = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let resp = app
        .post_json(
            "/api/v1/periods",
            &json!({"instansi_id": instansi, "tahun": 2031, "batas_penetapan_skp": "2031-01-31"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let before: Periode = resp.json().await.unwrap();
    let open = format!("/api/v1/periods/{}/open", before.id);
    let close = format!("/api/v1/periods/{}/close", before.id);
    assert_stale(
        app.post_json(
            &open,
            &json!({"lock_version": before.lock_version + 1}),
            Some(&admin),
        )
        .await,
    )
    .await;
    let after: Periode = ok(app
        .post_json(
            &open,
            &json!({"lock_version": before.lock_version}),
            Some(&admin),
        )
        .await)
    .await;
    let mut expected = before.clone();
    expected.status = StatusPeriode::Dibuka;
    expected.lock_version += 1;
    assert_eq!(after, expected);
    // Closing on the strength of the draft the caller saw is refused.
    assert_stale(
        app.post_json(
            &close,
            &json!({"lock_version": before.lock_version, "reason": "Akhir tahun"}),
            Some(&admin),
        )
        .await,
    )
    .await;
    let periods: Vec<Periode> = read(
        &app,
        &admin,
        &format!("/api/v1/periods?instansi_id={instansi}"),
    )
    .await;
    assert!(periods.contains(&after));
}
db_test!(a_stale_period_transition_is_refused);

async fn a_stale_template_replacement_is_refused(db: Db) {
    let (app, admin) = demo_app(db).await;
    let instansi = unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let rhk = json!([{"jenis": "utama", "deskripsi": "Hasil", "iki": []}]);
    let resp = app
        .post_json(
            "/api/v1/skp-templates",
            &json!({"instansi_id": instansi, "nama": "Templat A", "rhk": rhk}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let before: SkpTemplate = resp.json().await.unwrap();
    let path = format!("/api/v1/skp-templates/{}", before.id);
    let put = |body: serde_json::Value| {
        app.client
            .put(app.url(&path))
            .bearer_auth(&admin)
            .json(&body)
            .send()
    };
    let after: SkpTemplate = ok(put(
        json!({"lock_version": before.lock_version, "instansi_id": instansi, "nama": "Templat B", "rhk": rhk}),
    )
    .await
    .unwrap())
    .await;
    assert_eq!(after.nama, "Templat B");
    assert_eq!(after.lock_version, before.lock_version + 1);
    assert_stale(
        put(json!({"lock_version": before.lock_version, "instansi_id": instansi, "nama": "Templat C", "rhk": rhk}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(read::<SkpTemplate>(&app, &admin, &path).await, after);
    let listed: Vec<SkpTemplate> = read(
        &app,
        &admin,
        &format!("/api/v1/skp-templates?instansi_id={instansi}"),
    )
    .await;
    assert!(listed.contains(&after));
}
db_test!(a_stale_template_replacement_is_refused);

/// Two tabs save the same SKP draft at the same moment, both from the version they loaded
/// (RHK and IKI sent back with their ids): each round exactly one is saved and the other is
/// told to reload (409), never a server error from the rewritten RHK and IKI colliding.
async fn concurrent_skp_saves_get_one_success_and_one_conflict(db: Db) {
    use kinerja_api::planning::{Skp, UpdateSkp};
    let c = crate::planning::chain(db).await;
    let first = c.start(&c.camat).await;
    let mut skp = c.fill(&c.camat, &first, None).await;
    let url = c.app.url(&format!("/api/v1/skp/{}", skp.id));
    for round in 0..20 {
        let body = |text: &str| {
            let mut rhk = skp.rhk.clone();
            rhk[0].deskripsi = format!("{text} (putaran {round})");
            UpdateSkp {
                lock_version: skp.lock_version,
                pendekatan: skp.pendekatan,
                rhk,
                lampiran: skp.lampiran.clone(),
            }
        };
        let (a, b) = (
            body("Tersedianya layanan prima"),
            body("Meningkatnya layanan publik"),
        );
        let send = |b: UpdateSkp| c.app.client.put(&url).bearer_auth(&c.camat).json(&b).send();
        let (ra, rb) = tokio::join!(send(a), send(b));
        let statuses = [ra.unwrap().status(), rb.unwrap().status()];
        let mut sorted = statuses.map(|s| s.as_u16());
        sorted.sort_unstable();
        assert_eq!(sorted, [200, 409], "round {round}: {statuses:?}");
        skp = read::<Skp>(&c.app, &c.camat, &format!("/api/v1/skp/{}", skp.id)).await;
        assert!(
            skp.rhk[0]
                .deskripsi
                .ends_with(&format!("(putaran {round})"))
        );
    }
}
db_test!(concurrent_skp_saves_get_one_success_and_one_conflict);
