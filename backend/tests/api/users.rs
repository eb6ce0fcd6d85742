use crate::helpers::*;
use kinerja_api::auth::Role;
use kinerja_api::users::User;
use kinerja_api::{ErrorCode, Page};

async fn only_user_managers_reach_the_user_endpoints(db: Db) {
    let app = spawn_app(db).await;
    let target = app.create_user("pegawai.target", &[]).await;
    let paths = [
        "/api/v1/users".to_owned(),
        format!("/api/v1/users/{}", target.id),
    ];
    for path in &paths {
        assert_problem(app.get(path, None).await, 401, ErrorCode::Unauthorized).await;
    }
    // Authorization is decided before the body is looked at.
    assert_problem(
        app.post_json("/api/v1/users", &serde_json::json!({}), None)
            .await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    for (name, role) in [
        ("p.uji", Role::Pegawai),
        ("pim.uji", Role::Pimpinan),
        ("aud.uji", Role::Auditor),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        for path in &paths {
            assert_problem(app.get(path, Some(&token)).await, 403, ErrorCode::Forbidden).await;
        }
        let resp = app.post_json("/api/v1/users", &serde_json::json!({"username": "x.baru", "full_name": "X", "password": "Rahasia-Sekali-1"}), Some(&token)).await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
        let resp = app
            .post_json(
                "/api/v1/users",
                &serde_json::json!({"bogus": true}),
                Some(&token),
            )
            .await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
        let resp = app
            .patch_json(
                &paths[1],
                &serde_json::json!({"lock_version": 1, "full_name": "Y"}),
                Some(&token),
            )
            .await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
    }
    for (name, role) in [("adm.uji", Role::Admin), ("sa.uji", Role::Superadmin)] {
        let (_, token) = app.signed_in(name, &[role]).await;
        for path in &paths {
            assert_eq!(
                app.get(path, Some(&token)).await.status(),
                200,
                "{role:?} {path}"
            );
        }
    }
}
db_test!(only_user_managers_reach_the_user_endpoints);

async fn an_admin_creates_reads_and_updates_a_user(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let resp = app
        .post_json(
            "/api/v1/users",
            &serde_json::json!({"username": "199003172015032001", "email": "Siti@Serangkota.go.id", "full_name": " Siti Rahmawati, S.E. ", "password": "Rahasia-Sekali-1", "roles": ["pegawai", "pimpinan"]}),
            Some(&token),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let created: User = resp.json().await.unwrap();
    assert_eq!(created.email.as_deref(), Some("siti@serangkota.go.id"));
    assert_eq!(created.full_name, "Siti Rahmawati, S.E.");
    assert_eq!(created.roles, vec![Role::Pegawai, Role::Pimpinan]);
    assert!(created.active);

    let fetched: User = app
        .get(&format!("/api/v1/users/{}", created.id), Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fetched, created);

    let resp = app
        .patch_json(
            &format!("/api/v1/users/{}", created.id),
            &serde_json::json!({"lock_version": 1, "roles": ["pegawai"], "reason": "tidak lagi menjabat"}),
            Some(&token),
        )
        .await;
    let updated: User = resp.json().await.unwrap();
    assert_eq!(updated.roles, vec![Role::Pegawai]);
    // The new user can sign in with the password the admin set.
    assert_eq!(
        app.post_login("199003172015032001", "Rahasia-Sekali-1")
            .await
            .status(),
        200
    );
}
db_test!(an_admin_creates_reads_and_updates_a_user);

async fn creating_a_user_validates_every_field(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let valid = serde_json::json!({"username": "pegawai.baru", "full_name": "Pegawai Baru", "password": "Rahasia-Sekali-1"});
    let with = |key: &str, value: serde_json::Value| {
        let mut v = valid.clone();
        v[key] = value;
        v
    };
    let cases = [
        (with("username", "ab".into()), "username", "too short"),
        (with("username", "budi santoso".into()), "username", "space"),
        (with("email", "bukan-email".into()), "email", "email"),
        (with("full_name", "   ".into()), "full_name", "blank name"),
        (
            with("password", "pendek".into()),
            "password",
            "short password",
        ),
        (
            with("password", "pegawai.baru".into()),
            "password",
            "password equals username",
        ),
        (
            with("roles", serde_json::json!(["raja"])),
            "roles[0]",
            "unknown role",
        ),
        (with("hobi", "catur".into()), "hobi", "unknown field"),
    ];
    for (body, field, case) in cases {
        let resp = app.post_json("/api/v1/users", &body, Some(&token)).await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{case}: {problem:?}"
        );
    }
    // Nothing was created by the rejected requests.
    let page: Page<User> = app
        .get("/api/v1/users?q=pegawai.baru", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 0);
}
db_test!(creating_a_user_validates_every_field);

async fn a_taken_username_or_email_is_a_409(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let body = serde_json::json!({"username": "pegawai.baru", "email": "a@b.go.id", "full_name": "A", "password": "Rahasia-Sekali-1"});
    assert_eq!(
        app.post_json("/api/v1/users", &body, Some(&token))
            .await
            .status(),
        201
    );
    let again = serde_json::json!({"username": "PEGAWAI.BARU", "full_name": "B", "password": "Rahasia-Sekali-1"});
    assert_problem(
        app.post_json("/api/v1/users", &again, Some(&token)).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let same_email = serde_json::json!({"username": "pegawai.lain", "email": "A@B.go.id", "full_name": "C", "password": "Rahasia-Sekali-1"});
    assert_problem(
        app.post_json("/api/v1/users", &same_email, Some(&token))
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
}
db_test!(a_taken_username_or_email_is_a_409);

async fn only_a_superadmin_grants_admin_rights(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let (_, root) = app.signed_in("root.uji", &[Role::Superadmin]).await;
    let body = serde_json::json!({"username": "calon.admin", "full_name": "Calon", "password": "Rahasia-Sekali-1", "roles": ["admin"]});
    assert_problem(
        app.post_json("/api/v1/users", &body, Some(&admin)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_eq!(
        app.post_json("/api/v1/users", &body, Some(&root))
            .await
            .status(),
        201
    );
    let target = app.create_user("pegawai.uji", &[]).await;
    let grant = serde_json::json!({"lock_version": 1, "roles": ["pegawai", "admin"]});
    let path = format!("/api/v1/users/{}", target.id);
    assert_problem(
        app.patch_json(&path, &grant, Some(&admin)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_eq!(
        app.patch_json(&path, &grant, Some(&root)).await.status(),
        200
    );
}
db_test!(only_a_superadmin_grants_admin_rights);

async fn an_admin_cannot_deactivate_themselves(db: Db) {
    let app = spawn_app(db).await;
    let (admin, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let resp = app
        .patch_json(
            &format!("/api/v1/users/{}", admin.id),
            &serde_json::json!({"lock_version": 1, "active": false}),
            Some(&token),
        )
        .await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(!problem.field_errors("active").is_empty());
}
db_test!(an_admin_cannot_deactivate_themselves);

async fn updating_an_unknown_user_is_404(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let path = format!("/api/v1/users/{}", uuid::Uuid::now_v7());
    assert_problem(app.get(&path, Some(&token)).await, 404, ErrorCode::NotFound).await;
    assert_problem(
        app.patch_json(
            &path,
            &serde_json::json!({"lock_version": 1, "full_name": "X"}),
            Some(&token),
        )
        .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
}
db_test!(updating_an_unknown_user_is_404);

async fn the_user_list_paginates_searches_and_filters(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    for i in 0..25 {
        app.create_user(&format!("1990010120150310{i:02}"), &[Role::Pegawai])
            .await;
    }
    app.create_user("camat.cipocok", &[Role::Pimpinan]).await;

    let page: Page<User> = app
        .get("/api/v1/users", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (page.page, page.per_page, page.total, page.items.len()),
        (1, 20, 27, 20)
    );
    let page: Page<User> = app
        .get("/api/v1/users?page=2&per_page=20", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.items.len(), 7);
    let page: Page<User> = app
        .get("/api/v1/users?q=19900101201503100", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 10, "NIP prefix search");
    let page: Page<User> = app
        .get("/api/v1/users?role=pimpinan", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page.items
            .iter()
            .map(|u| u.username.as_str())
            .collect::<Vec<_>>(),
        vec!["camat.cipocok"]
    );
    let page: Page<User> = app
        .get("/api/v1/users?q=PENGGUNA%20CAMAT", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 1, "case-insensitive name search");
    let page: Page<User> = app
        .get("/api/v1/users?active=false", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 0);
}
db_test!(the_user_list_paginates_searches_and_filters);
