//! The access log of personal data (UU PDP, docs/privasi.md): a read of another person's full
//! record is logged with who, when and the role that allowed it; the person's own reads and the
//! directory view are not; an export with private columns is one entry; the log is
//! append-only.

use kinerja::entities::akses_data_pribadi;
use kinerja_api::Page;
use kinerja_api::auth::Role;
use kinerja_api::employees::{Employee, Visibility};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder, Statement};

use crate::helpers::*;
use crate::organisation::demo_app;

async fn log(app: &TestApp) -> Vec<akses_data_pribadi::Model> {
    akses_data_pribadi::Entity::find()
        .order_by_asc(akses_data_pribadi::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

async fn read(app: &TestApp, token: &str, id: uuid::Uuid) -> Employee {
    let r = app
        .get(&format!("/api/v1/employees/{id}"), Some(token))
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn reading_another_persons_full_record_is_logged_with_the_role(db: Db) {
    let (app, admin) = demo_app(db).await;
    let list: Page<Employee> = app
        .get(
            &format!("/api/v1/employees?q={}", kinerja::demo::PELAKSANA_NIP),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let rina = list.items[0].id;
    assert!(log(&app).await.is_empty(), "a list is not logged");

    let admin_id = app
        .get("/api/v1/auth/me", Some(&admin))
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .parse::<uuid::Uuid>()
        .unwrap();
    assert_eq!(read(&app, &admin, rina).await.visibility, Visibility::Full);
    let entries = log(&app).await;
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(
        (
            e.aktor_id,
            e.pegawai_id,
            e.jenis.as_str(),
            e.dasar.as_str(),
            e.jumlah
        ),
        (admin_id, Some(rina), "detail", "semua_pegawai", 1)
    );
    assert!(e.request_id.is_some());

    // Her own record, and a colleague's directory view: not logged.
    let (own, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    assert_eq!(
        read(&app, &own.access_token, rina).await.visibility,
        Visibility::Full
    );
    let (_, colleague) = app.signed_in("rekan.uji", &[Role::Pegawai]).await;
    assert_eq!(
        read(&app, &colleague, rina).await.visibility,
        Visibility::Directory
    );
    assert_eq!(log(&app).await.len(), 1);

    // The camat leads her unit; the auditor reads everyone.
    let (camat, _) = app.login(kinerja::demo::CAMAT_NIP, TEST_PASSWORD).await;
    read(&app, &camat.access_token, rina).await;
    let (_, auditor) = app.signed_in("auditor.uji", &[Role::Auditor]).await;
    read(&app, &auditor, rina).await;
    let dasar: Vec<String> = log(&app).await.into_iter().map(|e| e.dasar).collect();
    assert_eq!(dasar, ["semua_pegawai", "pimpinan_unit", "semua_pegawai"]);

    // An export with private columns: one entry counting the records in it.
    let r = app.get("/api/v1/employees/export", Some(&admin)).await;
    assert_eq!(r.status(), 200);
    let entries = log(&app).await;
    let export = entries.last().unwrap();
    assert_eq!((export.jenis.as_str(), export.pegawai_id), ("ekspor", None));
    assert!(export.jumlah > 50, "every demo employee: {}", export.jumlah);

    // Append-only: the database refuses to change or remove an entry.
    let backend = app.db.get_database_backend();
    for sql in [
        "UPDATE akses_data_pribadi SET dasar = 'x'",
        "DELETE FROM akses_data_pribadi",
    ] {
        assert!(
            app.db
                .execute_raw(Statement::from_string(backend, sql))
                .await
                .is_err(),
            "{sql}"
        );
    }
    assert_eq!(log(&app).await.len(), 4);
}
db_test!(reading_another_persons_full_record_is_logged_with_the_role);
