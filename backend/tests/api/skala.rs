//! Scale: the statements a request runs do not depend on the size of the organisation
//! (docs/performance.md). Each request a person makes is counted on the demo, then again after
//! the instansi has grown by a unit of people outside the span of whoever asks — with SKP of
//! their own in the same period — and must run exactly as many statements.

use chrono::{Datelike, Utc};
use kinerja::entities::{assignments, employees, positions, skps, units};
use kinerja_api::auth::Role;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::helpers::{Db, TestApp, spawn_app, spawn_app_with};

async fn statements(app: &TestApp) -> u64 {
    let text = app.get("/metrics", None).await.text().await.unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("kinerja_db_statements_total "))
        .and_then(|n| n.trim().parse().ok())
        .expect("kinerja_db_statements_total on /metrics")
}

/// Statements run by each request, in order.
async fn cost(app: &TestApp, requests: &[(String, String)]) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for (path, token) in requests {
        let before = statements(app).await;
        let resp = app.get(path, Some(token)).await;
        assert_eq!(resp.status(), 200, "{path}");
        let _ = resp.bytes().await.unwrap();
        out.push((path.clone(), statements(app).await - before));
    }
    out
}

/// Adds a unit of `n` people to the demo instansi, under a head of their own outside the demo's
/// hierarchy, each with an approved SKP like `template` in the same period.
async fn grow(app: &TestApp, n: usize, template: &skps::Model) {
    let any = employees::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    let today = kinerja::clock::today();
    let unit = Uuid::now_v7();
    units::Entity::insert(units::ActiveModel {
        id: Set(unit),
        instansi_id: Set(any.instansi_id),
        parent_id: Set(None),
        kind: Set("bidang".into()),
        nama: Set("Bidang Uji Skala".into()),
        kode: Set(None),
        alamat: Set(None),
        aktif: Set(true),
        berlaku_mulai: Set(today.with_day(1).unwrap()),
        berlaku_sampai: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    })
    .exec(&app.db)
    .await
    .unwrap();
    let head_position = Uuid::now_v7();
    let mut position_rows = Vec::new();
    let mut employee_rows = Vec::new();
    let mut assignment_rows = Vec::new();
    let mut skp_rows = Vec::new();
    for i in 0..n {
        let (position, jenjang, atasan) = if i == 0 {
            (head_position, "pengawas", None)
        } else {
            (Uuid::now_v7(), "pelaksana", Some(head_position))
        };
        position_rows.push(positions::ActiveModel {
            id: Set(position),
            unit_id: Set(unit),
            nama: Set(format!("Jabatan Uji {i}")),
            jenjang: Set(jenjang.into()),
            kelompok: Set(atasan.map(|_| "klerek".into())),
            atasan_id: Set(atasan),
            kepala_unit: Set(i == 0),
            aktif: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        });
        let employee = Uuid::now_v7();
        employee_rows.push(employees::ActiveModel {
            id: Set(employee),
            instansi_id: Set(any.instansi_id),
            nip: Set(format!("19800101200501{}{:03}", 1 + i % 2, i)),
            nip_lama: Set(None),
            nama: Set(format!("Pegawai Skala {i}")),
            gelar_depan: Set(None),
            gelar_belakang: Set(None),
            tempat_lahir: Set(None),
            tanggal_lahir: Set(any.tanggal_lahir),
            jenis_kelamin: Set(any.jenis_kelamin.clone()),
            jenis_pegawai: Set(any.jenis_pegawai.clone()),
            golongan: Set(Some("II/c".into())),
            tmt_golongan: Set(None),
            jabatan_id: Set(Some(position)),
            unit_id: Set(Some(unit)),
            tmt_jabatan: Set(None),
            status: Set(any.status.clone()),
            email: Set(None),
            telepon: Set(None),
            user_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        });
        assignment_rows.push(assignments::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(employee),
            jabatan_id: Set(position),
            unit_id: Set(unit),
            jenis: Set("definitif".into()),
            mulai: Set(template.created_at.date_naive().with_day(1).unwrap()),
            selesai: Set(None),
            keterangan: Set(None),
            created_at: Set(now),
        });
        let mut skp: skps::ActiveModel = template.clone().into();
        skp.id = Set(Uuid::now_v7());
        skp.employee_id = Set(employee);
        skp.previous_id = Set(None);
        skp_rows.push(skp);
    }
    positions::Entity::insert_many(position_rows)
        .exec(&app.db)
        .await
        .unwrap();
    employees::Entity::insert_many(employee_rows)
        .exec(&app.db)
        .await
        .unwrap();
    assignments::Entity::insert_many(assignment_rows)
        .exec(&app.db)
        .await
        .unwrap();
    for chunk in skp_rows.chunks(100) {
        skps::Entity::insert_many(chunk.to_vec())
            .exec(&app.db)
            .await
            .unwrap();
    }
}

async fn the_statements_of_a_request_do_not_grow_with_the_organisation(db: Db) {
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    kinerja::demo::seed_planning(&app.db).await.unwrap();
    let staff = app
        .create_user(kinerja::demo::PELAKSANA_NIP, &[Role::Pegawai])
        .await;
    let rater = app
        .create_user(kinerja::demo::KASUBAG_UMUM_NIP, &[Role::Pegawai])
        .await;
    kinerja::demo::link_accounts(&app.db).await.unwrap();
    let staff_token = app
        .login(&staff.username, &staff.password)
        .await
        .0
        .access_token;
    let rater_token = app
        .login(&rater.username, &rater.password)
        .await
        .0
        .access_token;
    let (_, admin) = app.signed_in("admin.skala", &[Role::Admin]).await;

    let me = employees::Entity::find()
        .filter(employees::Column::Nip.eq(kinerja::demo::PELAKSANA_NIP))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let skp = skps::Entity::find()
        .filter(skps::Column::EmployeeId.eq(me.id))
        .order_by_desc(skps::Column::Versi)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the demo approves the pelaksana's SKP");
    assert!(skp.disetujui_at.is_some());
    let k = kinerja::clock::today().month();
    let unit_named = |nama: &'static str| {
        units::Entity::find()
            .filter(units::Column::Nama.eq(nama))
            .one(&app.db)
    };
    let root = unit_named(kinerja::demo::INSTANSI).await.unwrap().unwrap();
    let kec = unit_named("Kecamatan Cipocok Jaya").await.unwrap().unwrap();
    let requests: Vec<(String, String)> = [
        ("/api/v1/auth/me".to_owned(), &staff_token),
        (format!("/api/v1/employees/{}", me.id), &staff_token),
        (
            format!("/api/v1/employees/{}/superiors", me.id),
            &staff_token,
        ),
        (format!("/api/v1/skp/{}", skp.id), &rater_token),
        (
            format!("/api/v1/skp/{}/realisasi?periode_ke={k}", skp.id),
            &rater_token,
        ),
        (
            format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id),
            &rater_token,
        ),
        (
            format!(
                "/api/v1/evaluasi?periode_id={}&periode_ke={k}",
                skp.period_id
            ),
            &rater_token,
        ),
        (
            format!("/api/v1/skp/bawahan?periode_id={}", skp.period_id),
            &rater_token,
        ),
        ("/api/v1/skp/inbox".to_owned(), &rater_token),
        ("/api/v1/beranda".to_owned(), &rater_token),
        ("/api/v1/notifications".to_owned(), &rater_token),
        ("/api/v1/employees?q=Rina".to_owned(), &admin),
        ("/api/v1/employees?per_page=20".to_owned(), &admin),
        (format!("/api/v1/dasbor?unit_id={}", root.id), &admin),
        (format!("/api/v1/dasbor?unit_id={}", kec.id), &admin),
        (
            format!(
                "/api/v1/dasbor/pegawai?unit_id={}&langkah=realisasi_kosong",
                root.id
            ),
            &admin,
        ),
    ]
    .into_iter()
    .map(|(p, t)| (p, t.clone()))
    .collect();

    // Once unmeasured: the signed-in accounts are then read as they are on every later request.
    cost(&app, &requests).await;
    let small = cost(&app, &requests).await;
    grow(&app, 300, &skp).await;
    // Once again unmeasured: answers kept per version of the data (the 20 JP of a unit, which
    // the dashboards read) are counted again once after the growth.
    cost(&app, &requests).await;
    let large = cost(&app, &requests).await;
    for ((path, before), (_, after)) in small.iter().zip(&large) {
        println!("{before:>4} {after:>4}  {path}");
        assert_eq!(
            before, after,
            "{path}: {before} statements on the demo, {after} after 300 more employees"
        );
    }
    // The superiors of one employee take a handful of statements, never one per colleague.
    let superiors = &small[2];
    assert!(superiors.1 <= 14, "{superiors:?}");
}
db_test!(the_statements_of_a_request_do_not_grow_with_the_organisation);

/// On PostgreSQL the signed-in account is kept between requests; a change made anywhere — here
/// straight in the database, as the CLI or another server would — reaches every server.
async fn an_account_changed_anywhere_is_refused_by_every_server(db: Db) {
    let app = spawn_app(db).await;
    let other = app.second_server().await;
    let (user, token) = app.signed_in("pegawai.replika", &[Role::Pegawai]).await;
    let client = reqwest::Client::new();
    let me = |base: String| {
        let client = client.clone();
        let token = token.clone();
        async move {
            client
                .get(format!("{base}/api/v1/auth/me"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    for base in [app.address.clone(), other.clone()] {
        assert_eq!(me(base.clone()).await, 200);
        assert_eq!(me(base).await, 200);
    }
    // Kept: an account without an employee record then costs no statement at all.
    let before = statements(&app).await;
    assert_eq!(me(app.address.clone()).await, 200);
    let spent = statements(&app).await - before;
    assert_eq!(spent, if db == Db::Postgres { 0 } else { 1 }, "{db:?}");

    let mut row: kinerja::entities::users::ActiveModel =
        kinerja::entities::users::Entity::find_by_id(user.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    row.active = Set(false);
    sea_orm::ActiveModelTrait::update(row, &app.db)
        .await
        .unwrap();
    for base in [app.address.clone(), other] {
        let started = std::time::Instant::now();
        loop {
            let status = me(base.clone()).await;
            if status == 401 {
                break;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(5),
                "{base} still answers {status} for a deactivated account"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}
db_test!(an_account_changed_anywhere_is_refused_by_every_server);

/// Statements one `/auth/me` of `token` costs `app`.
async fn me_costs(app: &TestApp, token: String) -> u64 {
    let before = statements(app).await;
    let status = app.get("/api/v1/auth/me", Some(&token)).await.status();
    assert_eq!(status, 200);
    statements(app).await - before
}

/// Behind a pooler in transaction mode a LISTEN is lost: without a direct connection for it
/// the account cache stays off (every request reads the account); with
/// `KINERJA_DATABASE_LISTEN_URL` it listens there and keeps accounts again.
async fn behind_a_pooler_the_account_cache_listens_on_the_direct_connection(db: Db) {
    if db == Db::Sqlite {
        let refused = kinerja::config::Settings::from_map(
            &[
                ("KINERJA_DATABASE_URL", "sqlite://./x.db"),
                ("KINERJA_DATABASE_LISTEN_URL", "postgres://h/db"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        );
        assert!(refused.is_err(), "a LISTEN URL needs PostgreSQL");
        return;
    }
    let pooled = spawn_app_with(db, |env| {
        env.insert("KINERJA_DATABASE_POOLED".into(), "true".into());
    })
    .await;
    let (_, token) = pooled.signed_in("pegawai.pool", &[Role::Pegawai]).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    for _ in 0..3 {
        assert_eq!(
            me_costs(&pooled, token.clone()).await,
            1,
            "no cache without a way to hear changes"
        );
    }
    // Here the "pooled" URL is the server itself; the direct one names the same database.
    let listening = spawn_app_with(db, |env| {
        let direct = env["KINERJA_DATABASE_URL"].clone();
        env.insert("KINERJA_DATABASE_POOLED".into(), "true".into());
        env.insert("KINERJA_DATABASE_LISTEN_URL".into(), direct);
    })
    .await;
    let (user, token) = listening
        .signed_in("pegawai.dengar", &[Role::Pegawai])
        .await;
    let started = std::time::Instant::now();
    while me_costs(&listening, token.clone()).await != 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "the cache comes on once the direct connection listens"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // And it hears a change made elsewhere.
    let mut row: kinerja::entities::users::ActiveModel =
        kinerja::entities::users::Entity::find_by_id(user.id)
            .one(&listening.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    row.active = Set(false);
    sea_orm::ActiveModelTrait::update(row, &listening.db)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let status = listening
            .get("/api/v1/auth/me", Some(&token))
            .await
            .status();
        if status == 401 {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
db_test!(behind_a_pooler_the_account_cache_listens_on_the_direct_connection);
