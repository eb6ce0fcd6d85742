//! SKP planning on the demo organisation: the chain Sekda → Camat → Sekcam → Kasubag Umum →
//! Rina (pelaksana), each with an account linked to their employee record.

use crate::helpers::*;
use crate::organisation::demo_app;
use kinerja_api::auth::Role;
use kinerja_api::employees::Employee;
use kinerja_api::planning::{JenisSkp, Periode, Skp, StatusSkp};
use kinerja_api::{ErrorCode, Page};
use serde_json::json;

/// The current year: the open period is always this year's, whatever day the tests run.
pub(crate) fn this_year() -> i32 {
    use chrono::Datelike;
    kinerja::clock::today().year()
}

pub(crate) struct Chain {
    pub app: TestApp,
    pub admin: String,
    pub periode: Periode,
    pub sekda: String,
    pub camat: String,
    pub sekcam: String,
    pub kasubag: String,
    pub rina: String,
}

pub(crate) async fn holder(app: &TestApp, admin: &str, jabatan: &str) -> Employee {
    let page: Page<Employee> = app
        .get("/api/v1/employees?per_page=100", Some(admin))
        .await
        .json()
        .await
        .unwrap();
    let more: Page<Employee> = app
        .get("/api/v1/employees?per_page=100&page=2", Some(admin))
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .chain(more.items)
        .find(|e| e.jabatan.as_deref() == Some(jabatan))
        .unwrap_or_else(|| panic!("{jabatan}"))
}

/// Accounts for the chain, and an open period for this year.
pub(crate) async fn chain(db: Db) -> Chain {
    chain_with(db, |_| {}).await
}

pub(crate) async fn chain_with(
    db: Db,
    configure: impl FnOnce(&mut std::collections::HashMap<String, String>),
) -> Chain {
    let (app, admin) = crate::organisation::demo_app_with(db, configure).await;
    let mut tokens = Vec::new();
    for jabatan in [
        "Sekretaris Daerah",
        "Sekretaris Kecamatan",
        "Kepala Subbagian Umum dan Kepegawaian",
    ] {
        let e = holder(&app, &admin, jabatan).await;
        app.create_user(&e.nip, &[Role::Pegawai]).await;
    }
    kinerja::demo::link_accounts(&app.db).await.unwrap();
    for jabatan in [
        "Sekretaris Daerah",
        "Camat Cipocok Jaya",
        "Sekretaris Kecamatan",
        "Kepala Subbagian Umum dan Kepegawaian",
        "Pengadministrasi Perkantoran",
    ] {
        let e = holder(&app, &admin, jabatan).await;
        tokens.push(app.login(&e.nip, TEST_PASSWORD).await.0.access_token);
    }
    let instansi = crate::organisation::unit_named(&app, &admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let periode: Periode = app
        .post_json(
            "/api/v1/periods",
            &json!({"instansi_id": instansi, "tahun": this_year()}),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let resp = app
        .post_json(
            &format!("/api/v1/periods/{}/open", periode.id),
            &json!({"lock_version": periode.lock_version}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let periode = resp.json().await.unwrap();
    let [sekda, camat, sekcam, kasubag, rina]: [String; 5] = tokens.try_into().unwrap();
    Chain {
        app,
        admin,
        periode,
        sekda,
        camat,
        sekcam,
        kasubag,
        rina,
    }
}

impl Chain {
    pub(crate) async fn start(&self, token: &str) -> Skp {
        let resp = self
            .app
            .post_json(
                "/api/v1/skp",
                &json!({"periode_id": self.periode.id}),
                Some(token),
            )
            .await;
        assert_eq!(resp.status(), 201);
        resp.json().await.unwrap()
    }

    async fn put(
        &self,
        token: &str,
        skp: &Skp,
        intervensi: Option<uuid::Uuid>,
    ) -> reqwest::Response {
        let jpt = skp.jenis == JenisSkp::JptPimpinan;
        let iki = |aspek: &str, indikator: &str, nilai: f64, satuan: &str| {
            let mut v = json!({"aspek": aspek, "indikator": indikator, "target_nilai": nilai, "target_satuan": satuan});
            if jpt {
                v["perspektif"] = json!("penerima_layanan");
            }
            v
        };
        let body = json!({
            "lock_version": skp.lock_version,
            "pendekatan": "kuantitatif",
            "rhk": [{
                "jenis": "utama",
                "deskripsi": "Tersedianya layanan administrasi yang tepat waktu",
                "intervensi_rhk_id": intervensi,
                "iki": [
                    iki("kuantitas", "Jumlah dokumen layanan yang diselesaikan", 120.0, "dokumen"),
                    iki("kualitas", "Persentase dokumen tanpa revisi", 95.0, "persen"),
                    iki("waktu", "Layanan selesai dalam", 12.0, "bulan"),
                ]
            }],
            "lampiran": {"dukungan_sumber_daya": ["Komputer dan printer"], "skema_pertanggungjawaban": ["Laporan bulanan"], "konsekuensi": ["-"]}
        });
        self.app
            .client
            .put(self.app.url(&format!("/api/v1/skp/{}", skp.id)))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub(crate) async fn fill(&self, token: &str, skp: &Skp, intervensi: Option<uuid::Uuid>) -> Skp {
        let resp = self.put(token, skp, intervensi).await;
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    pub(crate) async fn submit(&self, token: &str, skp: &Skp) -> reqwest::Response {
        self.app
            .post_json(
                &format!("/api/v1/skp/{}/submit", skp.id),
                &json!({"lock_version": skp.lock_version}),
                Some(token),
            )
            .await
    }

    pub(crate) async fn approve(&self, token: &str, skp: &Skp) -> reqwest::Response {
        self.app
            .post_json(
                &format!("/api/v1/skp/{}/approve", skp.id),
                &json!({"lock_version": skp.lock_version, "ekspektasi_khusus": [{"nilai_kode": "berorientasi_pelayanan", "teks": "Menanggapi keluhan warga dalam satu hari kerja"}]}),
                Some(token),
            )
            .await
    }

    pub(crate) async fn revise(&self, token: &str, skp: &Skp) -> reqwest::Response {
        let body = json!({"lock_version": skp.lock_version, "alasan": "Perubahan target setelah APBD perubahan"});
        self.app
            .post_json(
                &format!("/api/v1/skp/{}/revise", skp.id),
                &body,
                Some(token),
            )
            .await
    }

    /// Drafts, submits and approves the SKP of `owner` (rated by `ppkin`), intervening the
    /// first RHK of `superior`'s approved SKP when given.
    pub(crate) async fn agreed(&self, owner: &str, ppkin: &str, superior: Option<&Skp>) -> Skp {
        let skp = self.start(owner).await;
        let skp = self
            .fill(owner, &skp, superior.and_then(|s| s.rhk[0].id))
            .await;
        let resp = self.submit(owner, &skp).await;
        assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
        let skp: Skp = self
            .app
            .get(&format!("/api/v1/skp/{}", skp.id), Some(owner))
            .await
            .json()
            .await
            .unwrap();
        let resp = self.approve(ppkin, &skp).await;
        assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
        resp.json().await.unwrap()
    }

    /// Camat, Sekcam and Kasubag agreed down the chain.
    pub(crate) async fn upper_chain(&self) -> Skp {
        let camat = self.agreed(&self.camat, &self.sekda, None).await;
        assert_eq!(camat.jenis, JenisSkp::JptPimpinan);
        let sekcam = self.agreed(&self.sekcam, &self.camat, Some(&camat)).await;
        assert_eq!(sekcam.jenis, JenisSkp::JaJf);
        self.agreed(&self.kasubag, &self.sekcam, Some(&sekcam))
            .await
    }
}

async fn the_planning_cycle_runs_with_a_return_and_a_resubmission(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    assert_eq!(
        (skp.status, skp.versi, skp.jenis),
        (StatusSkp::Draft, 1, JenisSkp::JaJf)
    );
    assert_eq!(skp.perilaku.len(), 7);
    assert_eq!(skp.pegawai.nama_lengkap, "Rina Marlina");
    assert_eq!(
        skp.pejabat_penilai.as_ref().unwrap().jabatan.as_deref(),
        Some("Kepala Subbagian Umum dan Kepegawaian")
    );
    assert_eq!(
        skp.atasan_pejabat_penilai
            .as_ref()
            .unwrap()
            .jabatan
            .as_deref(),
        Some("Sekretaris Kecamatan")
    );
    // The intervenable RHK are the kasubag's approved ones.
    let options: Vec<kinerja_api::planning::Rhk> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/superior-rhk", skp.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        options.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![kasubag_skp.rhk[0].id]
    );
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    let skp: Skp = c.submit(&c.rina, &skp).await.json().await.unwrap();
    assert_eq!(skp.status, StatusSkp::Diajukan);
    // The kasubag has it in the inbox and returns it with a note.
    let inbox: Page<kinerja_api::planning::SkpSummary> = c
        .app
        .get("/api/v1/skp/inbox", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        inbox.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![skp.id]
    );
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/return", skp.id),
            &json!({"lock_version": skp.lock_version, "catatan": " "}),
            Some(&c.kasubag),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("catatan")
            .is_empty(),
        "a return needs a note"
    );
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/return", skp.id),
            &json!({"lock_version": skp.lock_version, "catatan": "Target kualitas terlalu rendah"}),
            Some(&c.kasubag),
        )
        .await;
    let skp: Skp = resp.json().await.unwrap();
    assert_eq!(
        (skp.status, skp.catatan_pengembalian.as_deref()),
        (
            StatusSkp::Dikembalikan,
            Some("Target kualitas terlalu rendah")
        )
    );
    // The employee fixes and resubmits; the kasubag approves with an ekspektasi khusus.
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    let skp: Skp = c.submit(&c.rina, &skp).await.json().await.unwrap();
    let resp = c.approve(&c.kasubag, &skp).await;
    assert_eq!(resp.status(), 200);
    let skp: Skp = resp.json().await.unwrap();
    assert_eq!(skp.status, StatusSkp::Disetujui);
    assert_eq!(
        skp.perilaku[0].ekspektasi_khusus.as_deref(),
        Some("Menanggapi keluhan warga dalam satu hari kerja")
    );
    // Approved means immutable.
    let resp = c.put(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    assert_problem(resp, 409, ErrorCode::Conflict).await;
    // Each transition was audited and the other party notified.
    let audit: Page<kinerja_api::audit::AuditEvent> = c
        .app
        .get(
            &format!("/api/v1/audit?entity_id={}&per_page=100", skp.id),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let mut actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        vec![
            "skp.created",
            "skp.updated",
            "skp.submitted",
            "skp.returned",
            "skp.updated",
            "skp.submitted",
            "skp.approved"
        ]
    );
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let kinds: Vec<String> = kinerja::entities::notifications::Entity::find()
        .filter(kinerja::entities::notifications::Column::Tautan.eq(format!("/skp/{}", skp.id)))
        .all(&c.app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            "skp.diajukan",
            "skp.dikembalikan",
            "skp.diajukan",
            "skp.disetujui"
        ]
    );
}
db_test!(the_planning_cycle_runs_with_a_return_and_a_resubmission);

async fn a_ja_jf_cannot_submit_before_the_superior_skp_is_approved(db: Db) {
    let c = chain(db).await;
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, None).await;
    let resp = c.submit(&c.rina, &skp).await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(
        problem.field_errors("status")[0].starts_with("SKP atasan belum ditetapkan"),
        "{problem:?}"
    );
    // The superior was told, once.
    c.submit(&c.rina, &skp).await;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let notes = kinerja::entities::notifications::Entity::find()
        .filter(kinerja::entities::notifications::Column::Kind.eq("skp.atasan_belum_ditetapkan"))
        .all(&c.app.db)
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    assert_eq!(notes[0].recipient_employee_id, kasubag.id);
    let unchanged: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", skp.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unchanged.status, StatusSkp::Draft);
}
db_test!(a_ja_jf_cannot_submit_before_the_superior_skp_is_approved);

async fn only_the_right_people_act_on_an_skp(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    let (_, auditor) = c.app.signed_in("aud.uji", &[Role::Auditor]).await;
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    // Reading: owner, PPKin, Atasan PPKin, admin, auditor; not an unrelated employee.
    for token in [&c.rina, &c.kasubag, &c.sekcam, &c.admin, &auditor] {
        assert_eq!(
            c.app
                .get(&format!("/api/v1/skp/{}", skp.id), Some(token))
                .await
                .status(),
            200
        );
    }
    assert_problem(
        c.app
            .get(&format!("/api/v1/skp/{}", skp.id), Some(&outsider))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // Editing and submitting: the owner only.
    for token in [&c.kasubag, &c.admin, &auditor] {
        assert_problem(
            c.put(token, &skp, kasubag_skp.rhk[0].id).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(c.submit(token, &skp).await, 403, ErrorCode::Forbidden).await;
    }
    let skp: Skp = c.submit(&c.rina, &skp).await.json().await.unwrap();
    // Deciding: the current PPKin only — not the owner, the Atasan PPKin, the admin or another superior.
    for token in [&c.rina, &c.sekcam, &c.admin, &c.camat] {
        let resp = c.approve(token, &skp).await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
    }
    assert_problem(c.approve(&outsider, &skp).await, 404, ErrorCode::NotFound).await;
    assert_eq!(c.approve(&c.kasubag, &skp).await.status(), 200);
}
db_test!(only_the_right_people_act_on_an_skp);

async fn stale_writes_are_refused_with_409(db: Db) {
    let c = chain(db).await;
    let skp = c.start(&c.rina).await;
    let newer = c.fill(&c.rina, &skp, None).await;
    assert_eq!(newer.lock_version, skp.lock_version + 1);
    let body = c.put(&c.rina, &skp, None).await;
    let problem = assert_problem(body, 409, ErrorCode::Conflict).await;
    assert!(problem.detail.as_deref().unwrap().contains("Muat ulang"));
    // The conflict carries its code: the SPA renders it in English.
    crate::errors::assert_coded_in_english(&problem, "stale SKP");
    let english = problem
        .message
        .as_ref()
        .and_then(|m| m.render(kinerja_api::pesan::Bahasa::En));
    assert_eq!(
        english.as_deref(),
        Some(&*format!(
            "The SKP has been changed elsewhere (version {}; you sent version {}). Reload, then redo your changes.",
            newer.lock_version, skp.lock_version
        ))
    );
    let problem = assert_problem(c.submit(&c.rina, &skp).await, 409, ErrorCode::Conflict).await;
    crate::errors::assert_coded_in_english(&problem, "stale SKP submitted");
}
db_test!(stale_writes_are_refused_with_409);

async fn rhk_utama_must_intervene_the_superior_rhk(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    // An RHK that is not the PPKin's cannot be intervened.
    let sekcam_skp: Page<kinerja_api::planning::SkpSummary> = c
        .app
        .get("/api/v1/skp?status=disetujui&per_page=100", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let camat_first = sekcam_skp
        .items
        .iter()
        .find(|s| s.pegawai.jabatan.as_deref() == Some("Camat Cipocok Jaya"))
        .unwrap();
    let camat_skp: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", camat_first.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let resp = c.put(&c.rina, &skp, camat_skp.rhk[0].id).await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("rhk[0].intervensi_rhk_id")
            .is_empty()
    );
    // Without any intervention the draft saves, with a quality hint, but cannot be submitted.
    let skp = c.fill(&c.rina, &skp, None).await;
    let problem = assert_problem(
        c.submit(&c.rina, &skp).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(problem.field_errors("rhk[0].intervensi_rhk_id")[0].contains("wajib mengintervensi"));
    assert_eq!(
        c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await.status,
        StatusSkp::Draft
    );
}
db_test!(rhk_utama_must_intervene_the_superior_rhk);

async fn submission_checks_content_and_hints_flag_activities(db: Db) {
    let c = chain(db).await;
    c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    let body = json!({
        "lock_version": skp.lock_version,
        "pendekatan": "kuantitatif",
        "rhk": [{"jenis": "tambahan", "deskripsi": "Melaksanakan rapat koordinasi", "iki": [{"indikator": "Rapat terlaksana"}]}],
        "lampiran": {}
    });
    let resp = c
        .app
        .client
        .put(c.app.url(&format!("/api/v1/skp/{}", skp.id)))
        .bearer_auth(&c.rina)
        .json(&body)
        .send()
        .await
        .unwrap();
    let skp: Skp = resp.json().await.unwrap();
    let hints: Vec<&str> = skp.hints.iter().map(|h| h.path.as_str()).collect();
    assert!(
        hints.contains(&"rhk[0].deskripsi") && hints.contains(&"rhk[0].iki[0]"),
        "{hints:?}"
    );
    let problem = assert_problem(
        c.submit(&c.rina, &skp).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    for field in [
        "rhk",
        "rhk[0].iki[0].aspek",
        "rhk[0].iki[0].target_nilai",
        "lampiran.dukungan_sumber_daya",
        "lampiran.konsekuensi",
    ] {
        assert!(
            !problem.field_errors(field).is_empty(),
            "{field}: {problem:?}"
        );
    }
}
db_test!(submission_checks_content_and_hints_flag_activities);

async fn the_approved_snapshot_survives_a_mutasi(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    let skp: Skp = c.submit(&c.rina, &skp).await.json().await.unwrap();
    let approved: Skp = c.approve(&c.kasubag, &skp).await.json().await.unwrap();
    // Rina moves to another post.
    let pelayanan = crate::organisation::unit_named(&c.app, &c.admin, "Seksi Pelayanan").await;
    let post: kinerja_api::organisation::Position = c
        .app
        .post_json("/api/v1/positions", &json!({"unit_id": pelayanan.id, "nama": "Pengelola Layanan Terpadu", "jenjang": "pelaksana"}), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let rina = c
        .app
        .get(
            &format!("/api/v1/employees/{}", skp.employee_id),
            Some(&c.admin),
        )
        .await
        .json::<Employee>()
        .await
        .unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/employees/{}/assignments", rina.id),
            &json!({"jabatan_id": post.id, "jenis": "definitif", "mulai": "2026-09-01"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let after: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", skp.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after.pegawai, approved.pegawai);
    assert_eq!(
        after.pegawai.jabatan.as_deref(),
        Some("Pengadministrasi Perkantoran")
    );
    assert_eq!(after.pejabat_penilai, approved.pejabat_penilai);
}
db_test!(the_approved_snapshot_survives_a_mutasi);

async fn periods_are_managed_by_the_hr_office(db: Db) {
    let c = chain(db).await;
    let instansi = c.periode.instansi_id;
    // The year exists: 409. Reversed dates: 422. A pegawai: 403.
    let next = this_year() + 1;
    assert_problem(
        c.app
            .post_json(
                "/api/v1/periods",
                &json!({"instansi_id": instansi, "tahun": this_year()}),
                Some(&c.admin),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let resp = c.app.post_json("/api/v1/periods", &json!({"instansi_id": instansi, "tahun": next, "mulai": format!("{next}-12-31"), "selesai": format!("{next}-01-01")}), Some(&c.admin)).await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("selesai")
            .is_empty()
    );
    assert_problem(
        c.app
            .post_json(
                "/api/v1/periods",
                &json!({"instansi_id": instansi, "tahun": next}),
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let p2027: Periode = c
        .app
        .post_json(
            "/api/v1/periods",
            &json!({"instansi_id": instansi, "tahun": next, "ritme": "triwulanan"}),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    // An SKP needs an open period.
    let resp = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": p2027.id}),
            Some(&c.rina),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("periode_id")
            .is_empty()
    );
    // Closing a draft period is not a valid transition.
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/periods/{}/close", p2027.id),
                &json!({"lock_version": p2027.lock_version}),
                Some(&c.admin),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let periods: Vec<Periode> = c
        .app
        .get("/api/v1/periods", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        periods.iter().map(|p| p.tahun).collect::<Vec<_>>(),
        vec![next, this_year()]
    );
    // A second SKP for the same period is refused.
    c.start(&c.rina).await;
    assert_problem(
        c.app
            .post_json(
                "/api/v1/skp",
                &json!({"periode_id": c.periode.id}),
                Some(&c.rina),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    // An account without an employee record cannot start one.
    let (_, admin_only) = c.app.signed_in("adm2.uji", &[Role::Admin]).await;
    let resp = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": c.periode.id}),
            Some(&admin_only),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("akun")
            .is_empty()
    );
}
db_test!(periods_are_managed_by_the_hr_office);

async fn a_change_after_approval_is_a_new_version_with_a_readable_diff(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let v1 = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    assert_problem(c.revise(&c.kasubag, &v1).await, 403, ErrorCode::Forbidden).await;
    let resp = c.revise(&c.rina, &v1).await;
    assert_eq!(resp.status(), 201);
    let v2: Skp = resp.json().await.unwrap();
    assert_eq!((v2.versi, v2.status), (2, StatusSkp::Draft));
    assert_eq!(v2.rhk[0].intervensi_rhk_id, v1.rhk[0].intervensi_rhk_id);
    assert_problem(c.revise(&c.rina, &v2).await, 409, ErrorCode::Conflict).await;
    // Raise a target, resubmit, approve.
    let mut body = serde_json::to_value(&v2).unwrap();
    body["rhk"][0]["iki"][0]["target_nilai"] = json!(150.0);
    let update = json!({"lock_version": v2.lock_version, "pendekatan": "kuantitatif", "rhk": body["rhk"], "lampiran": body["lampiran"]});
    let resp = c
        .app
        .client
        .put(c.app.url(&format!("/api/v1/skp/{}", v2.id)))
        .bearer_auth(&c.rina)
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let v2: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", v2.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    let v2: Skp = c.submit(&c.rina, &v2).await.json().await.unwrap();
    let v2: Skp = c.approve(&c.kasubag, &v2).await.json().await.unwrap();
    assert_eq!(v2.status, StatusSkp::Disetujui);
    let versions: Vec<kinerja_api::planning::SkpVersion> = c
        .app
        .get(&format!("/api/v1/skp/{}/versions", v2.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.versi, v.status))
            .collect::<Vec<_>>(),
        vec![(1, StatusSkp::Ditutup), (2, StatusSkp::Disetujui)]
    );
    let old: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", v1.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        old.rhk[0].iki[0].target_nilai,
        Some(120.0),
        "the earlier version stays readable as it was"
    );
    let changes: Vec<kinerja_api::planning::SkpChange> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/diff?with={}", v1.id, v2.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].path, "rhk[0].iki[0].target_nilai");
    assert_eq!(
        (changes[0].sebelum.clone(), changes[0].sesudah.clone()),
        (Some(json!(120.0)), Some(json!(150.0)))
    );
    // Versions of different people cannot be compared.
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{}/diff?with={}", v1.id, kasubag_skp.id),
            Some(&c.admin),
        )
        .await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
}
db_test!(a_change_after_approval_is_a_new_version_with_a_readable_diff);

async fn the_admin_reopens_an_approved_skp_with_a_reason(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let approved = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let body = json!({"lock_version": approved.lock_version, "alasan": "Salah input target oleh operator"});
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/skp/{}/reopen", approved.id),
                &body,
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/reopen", approved.id),
            &body,
            Some(&c.admin),
        )
        .await;
    let reopened: Skp = resp.json().await.unwrap();
    assert_eq!(reopened.status, StatusSkp::Draft);
    let audit: Page<kinerja_api::audit::AuditEvent> = c
        .app
        .get(
            &format!(
                "/api/v1/audit?action=skp.reopened&entity_id={}",
                approved.id
            ),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        audit.items[0].reason.as_deref(),
        Some("Salah input target oleh operator")
    );
    // Reopening a draft is refused.
    let body = json!({"lock_version": reopened.lock_version, "alasan": "lagi"});
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/skp/{}/reopen", approved.id),
                &body,
                Some(&c.admin),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
}
db_test!(the_admin_reopens_an_approved_skp_with_a_reason);

async fn the_demo_year_has_approved_skp_for_everyone_with_a_rater(db: Db) {
    let (app, admin) = demo_app(db).await;
    let agreed = kinerja::demo::seed_planning(&app.db).await.unwrap();
    let employees: Page<Employee> = app
        .get("/api/v1/employees?per_page=1", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        agreed as u64,
        employees.total - 1,
        "all but the Sekda, whose rater is the Wali Kota"
    );
    let approved: Page<kinerja_api::planning::SkpSummary> = app
        .get("/api/v1/skp?status=disetujui&per_page=1", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(approved.total, agreed as u64);
    // Every approved JA/JF RHK utama intervenes its rater's RHK (checked by the submit rule);
    // seeding twice changes nothing.
    assert_eq!(kinerja::demo::seed_planning(&app.db).await.unwrap(), 0);
}
db_test!(the_demo_year_has_approved_skp_for_everyone_with_a_rater);

async fn the_skp_pdf_is_a_real_document_naming_the_employee(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let resp = c
        .app
        .get(&format!("/api/v1/skp/{}/pdf", skp.id), Some(&c.rina))
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("SKP-199003172015032001-{}-v1.pdf", this_year()))
    );
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = lopdf::Document::load_mem(&bytes).expect("a parseable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    // Table cells wrap: compare with white space folded.
    let text = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let year_end = format!("31 DESEMBER {}", this_year());
    for expected in [
        "SASARAN KINERJA PEGAWAI",
        "Rina Marlina",
        "NIP 19900317 201503 2 001",
        "PEJABAT PENILAI KINERJA",
        "Kepala Subbagian Umum dan Kepegawaian",
        "Menanggapi keluhan warga",
        year_end.as_str(),
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF text:\n{text}"
        );
    }
    // Others get nothing.
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    assert_problem(
        c.app
            .get(&format!("/api/v1/skp/{}/pdf", skp.id), Some(&outsider))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    if std::env::var("KINERJA_KEEP_PDF").is_ok() {
        std::fs::write("/tmp/skp-test.pdf", &bytes).unwrap();
    }
}
db_test!(the_skp_pdf_is_a_real_document_naming_the_employee);

async fn the_pohon_kinerja_follows_interventions_and_flags_orphans(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skps: Page<kinerja_api::planning::SkpSummary> = c
        .app
        .get("/api/v1/skp?status=disetujui", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let camat = skps
        .items
        .iter()
        .find(|s| s.pegawai.jabatan.as_deref() == Some("Camat Cipocok Jaya"))
        .unwrap();
    // Rina's draft intervenes nothing yet: an orphan under the kasubag.
    let rina = c.start(&c.rina).await;
    let rina = c.fill(&c.rina, &rina, None).await;
    let tree: kinerja_api::planning::Pohon = c
        .app
        .get(
            &format!("/api/v1/skp/{}/tree", kasubag_skp.id),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        tree.yatim.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![rina.rhk[0].id.unwrap()]
    );
    assert!(tree.yatim[0].yatim);
    // Once it intervenes, the cascade runs from the camat down to Rina.
    c.fill(
        &c.rina,
        &c.app
            .get(&format!("/api/v1/skp/{}", rina.id), Some(&c.rina))
            .await
            .json::<Skp>()
            .await
            .unwrap(),
        kasubag_skp.rhk[0].id,
    )
    .await;
    let tree: kinerja_api::planning::Pohon = c
        .app
        .get(&format!("/api/v1/skp/{}/tree", camat.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    let sekcam = &tree.rhk[0].turunan[0];
    assert_eq!(
        sekcam.pegawai.jabatan.as_deref(),
        Some("Sekretaris Kecamatan")
    );
    let kasubag = &sekcam.turunan[0];
    assert_eq!(
        kasubag.pegawai.jabatan.as_deref(),
        Some("Kepala Subbagian Umum dan Kepegawaian")
    );
    assert_eq!(kasubag.turunan[0].pegawai.nama_lengkap, "Rina Marlina");
    assert_eq!(kasubag.turunan[0].status_skp, StatusSkp::Draft);
    assert!(tree.yatim.is_empty());
    assert_eq!(
        kasubag.turunan_lain, 0,
        "the whole cascade leaves nothing out"
    );
    // Cut one level below the camat's RHK (as the SPA opens a large tree), the sekcam's RHK
    // carries the number left out; the sekcam's own tree shows them.
    let cut: kinerja_api::planning::Pohon = c
        .app
        .get(
            &format!("/api/v1/skp/{}/tree?kedalaman=1", camat.id),
            Some(&c.camat),
        )
        .await
        .json()
        .await
        .unwrap();
    let sekcam_cut = &cut.rhk[0].turunan[0];
    assert_eq!(sekcam_cut.id, sekcam.id);
    assert!(sekcam_cut.turunan.is_empty());
    assert_eq!(sekcam_cut.turunan_lain as usize, sekcam.turunan.len());
    assert_eq!(cut.rhk[0].turunan_lain, 0, "its own level is shown");
    let below: kinerja_api::planning::Pohon = c
        .app
        .get(
            &format!("/api/v1/skp/{}/tree?kedalaman=1", sekcam.skp_id),
            Some(&c.camat),
        )
        .await
        .json()
        .await
        .unwrap();
    let again = below.rhk.iter().find(|r| r.id == sekcam.id).unwrap();
    assert_eq!(
        again.turunan.iter().map(|r| r.id).collect::<Vec<_>>(),
        sekcam.turunan.iter().map(|r| r.id).collect::<Vec<_>>()
    );
    assert_eq!(
        again.turunan[0].turunan_lain, 1,
        "Rina's RHK below the kasubag's"
    );
    for wrong in ["0", "9", "dua"] {
        let resp = c
            .app
            .get(
                &format!("/api/v1/skp/{}/tree?kedalaman={wrong}", camat.id),
                Some(&c.camat),
            )
            .await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        let said = problem.field_errors("kedalaman");
        if wrong == "dua" {
            assert_eq!(said.len(), 1, "{problem:?}");
        } else {
            assert_eq!(said, ["Kedalaman pohon antara 1 dan 8 tingkat."]);
        }
    }
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    assert_problem(
        c.app
            .get(&format!("/api/v1/skp/{}/tree", camat.id), Some(&outsider))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
}
db_test!(the_pohon_kinerja_follows_interventions_and_flags_orphans);

async fn a_superior_hands_an_rhk_down_to_subordinates_in_one_action(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let colleague = holder(&c.app, &c.admin, "Pengelola Kepegawaian").await;
    let elsewhere = holder(&c.app, &c.admin, "Bendahara Pengeluaran").await;
    let body = json!({
        "rhk_id": kasubag_skp.rhk[0].id,
        "bawahan": [rina.id, colleague.id, elsewhere.id],
        "deskripsi": "Tersedianya arsip kepegawaian yang tertib",
        "iki": [{"aspek": "kuantitas", "indikator": "Jumlah berkas yang diarsipkan", "target_nilai": 500.0, "target_satuan": "berkas"}]
    });
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/skp/{}/distribute", kasubag_skp.id),
                &body,
                Some(&c.sekcam),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let results: Vec<kinerja_api::planning::DistributionResult> = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/distribute", kasubag_skp.id),
            &body,
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        results
            .iter()
            .map(|r| (r.employee_id, r.ditambahkan))
            .collect::<Vec<_>>(),
        vec![(rina.id, true), (colleague.id, true), (elsewhere.id, false)]
    );
    assert!(results[2].keterangan.contains("Bukan bawahan"));
    let mine: Skp = c
        .app
        .get(
            &format!("/api/v1/skp/mine?periode_id={}", c.periode.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine.status, StatusSkp::Draft);
    assert_eq!(mine.rhk.len(), 1);
    assert_eq!(
        mine.rhk[0].deskripsi,
        "Tersedianya arsip kepegawaian yang tertib"
    );
    assert_eq!(mine.rhk[0].intervensi_rhk_id, kasubag_skp.rhk[0].id);
    assert_eq!(mine.rhk[0].iki[0].target_nilai, Some(500.0));
    // Handing down again to a submitted SKP leaves it alone.
    let mine = c.fill(&c.rina, &mine, kasubag_skp.rhk[0].id).await;
    c.submit(&c.rina, &mine).await;
    let again: Vec<kinerja_api::planning::DistributionResult> = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/distribute", kasubag_skp.id),
            &json!({"rhk_id": kasubag_skp.rhk[0].id, "bawahan": [rina.id]}),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(!again[0].ditambahkan);
}
db_test!(a_superior_hands_an_rhk_down_to_subordinates_in_one_action);

async fn next_years_skp_can_start_as_a_copy(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let current = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let next: Periode = c
        .app
        .post_json(
            "/api/v1/periods",
            &json!({"instansi_id": c.periode.instansi_id, "tahun": this_year() + 1}),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    c.app
        .post_json(
            &format!("/api/v1/periods/{}/open", next.id),
            &json!({"lock_version": next.lock_version}),
            Some(&c.admin),
        )
        .await;
    let resp = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": next.id, "salin_dari": kasubag_skp.id}),
            Some(&c.rina),
        )
        .await;
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("salin_dari")
            .is_empty(),
        "only one's own SKP"
    );
    let resp = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": next.id, "salin_dari": current.id}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let copy: Skp = resp.json().await.unwrap();
    assert_eq!(
        (copy.tahun, copy.status),
        (this_year() + 1, StatusSkp::Draft)
    );
    assert_eq!(copy.rhk.len(), current.rhk.len());
    assert_eq!(copy.rhk[0].deskripsi, current.rhk[0].deskripsi);
    assert_eq!(copy.rhk[0].iki.len(), 3);
    assert_eq!(
        copy.rhk[0].intervensi_rhk_id, None,
        "next year's superior RHK are new"
    );
    assert_eq!(copy.lampiran, current.lampiran);
}
db_test!(next_years_skp_can_start_as_a_copy);

async fn an_skp_can_start_from_the_hr_office_template_for_the_position(db: Db) {
    let c = chain(db).await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let body = json!({
        "instansi_id": c.periode.instansi_id,
        "jabatan_id": rina.jabatan_id,
        "nama": "Templat Pengadministrasi Perkantoran",
        "rhk": [
            {"jenis": "utama", "deskripsi": "Tersedianya surat keluar yang tertib", "intervensi_rhk_id": uuid::Uuid::now_v7(), "iki": [{"aspek": "kuantitas", "indikator": "Jumlah surat keluar yang diagendakan", "target_nilai": 600.0, "target_satuan": "surat"}]},
            {"jenis": "tambahan", "deskripsi": "Terkelolanya arsip inaktif", "iki": []}
        ],
        "lampiran": {"dukungan_sumber_daya": ["Aplikasi persuratan"], "skema_pertanggungjawaban": ["Laporan bulanan"], "konsekuensi": ["-"]}
    });
    assert_problem(
        c.app
            .post_json("/api/v1/skp-templates", &body, Some(&c.rina))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let resp = c
        .app
        .post_json("/api/v1/skp-templates", &body, Some(&c.admin))
        .await;
    assert_eq!(resp.status(), 201);
    let template: kinerja_api::planning::SkpTemplate = resp.json().await.unwrap();
    assert_eq!(
        template.rhk[0].intervensi_rhk_id, None,
        "templates are not tied to a superior's RHK"
    );
    let listed: Vec<kinerja_api::planning::SkpTemplate> = c
        .app
        .get(
            &format!(
                "/api/v1/skp-templates?jabatan_id={}",
                rina.jabatan_id.unwrap()
            ),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![template.id]
    );
    let resp = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": c.periode.id, "templat_id": template.id}),
            Some(&c.rina),
        )
        .await;
    let skp: Skp = resp.json().await.unwrap();
    assert_eq!(
        skp.rhk
            .iter()
            .map(|r| r.deskripsi.as_str())
            .collect::<Vec<_>>(),
        vec![
            "Tersedianya surat keluar yang tertib",
            "Terkelolanya arsip inaktif"
        ]
    );
    assert_eq!(skp.rhk[0].iki[0].target_nilai, Some(600.0));
    assert_eq!(
        skp.lampiran.dukungan_sumber_daya,
        vec!["Aplikasi persuratan"]
    );
    let missing = c
        .app
        .post_json(
            "/api/v1/skp",
            &json!({"periode_id": c.periode.id, "templat_id": uuid::Uuid::now_v7()}),
            Some(&c.sekcam),
        )
        .await;
    assert!(
        !assert_problem(missing, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("templat_id")
            .is_empty()
    );
}
db_test!(an_skp_can_start_from_the_hr_office_template_for_the_position);

async fn notifications_are_listed_with_an_unread_count_and_can_be_read(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    let skp: Skp = c.submit(&c.rina, &skp).await.json().await.unwrap();
    c.app
        .post_json(
            &format!("/api/v1/skp/{}/return", skp.id),
            &json!({"lock_version": skp.lock_version, "catatan": "Perbaiki target"}),
            Some(&c.kasubag),
        )
        .await;
    use kinerja_api::planning::NotificationPage;
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((page.total, page.belum_dibaca), (1, 1));
    assert_eq!(page.items[0].kind, "skp.dikembalikan");
    // The message names the SKP in words and carries the PPKin's note.
    assert_eq!(
        page.items[0].pesan,
        format!(
            "SKP tahun {} Anda dikembalikan oleh pejabat penilai kinerja. Catatan: Perbaiki target",
            c.periode.tahun
        )
    );
    let boss: NotificationPage = c
        .app
        .get("/api/v1/notifications?unread=true", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert!(boss.items.iter().any(|n| n.kind == "skp.diajukan"));
    // Someone else's notification is not found; one's own is marked read.
    let resp = c
        .app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/notifications/{}/read", page.items[0].id)),
        )
        .bearer_auth(&c.kasubag)
        .send()
        .await
        .unwrap();
    assert_problem(resp, 404, ErrorCode::NotFound).await;
    let resp = c
        .app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/notifications/{}/read", page.items[0].id)),
        )
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications?unread=true", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((page.total, page.belum_dibaca), (0, 0));
    let resp = c
        .app
        .client
        .post(c.app.url("/api/v1/notifications/read-all"))
        .bearer_auth(&c.kasubag)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let boss: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(boss.belum_dibaca, 0);
    assert_problem(
        c.app.get("/api/v1/notifications", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(notifications_are_listed_with_an_unread_count_and_can_be_read);

async fn realisasi_is_entered_by_the_owner_until_the_sub_period_locks(db: Db) {
    use chrono::Datelike;
    use kinerja_api::measurement::RealisasiSheet;
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let draft = c.start(&c.rina).await;
    let draft = c.fill(&c.rina, &draft, kasubag_skp.rhk[0].id).await;
    // Not before the SKP is approved.
    let iki0 = draft.rhk[0].iki[0].id.unwrap();
    let month = kinerja::clock::today().month() as i32;
    let put = |token: &str, skp: uuid::Uuid, iki: uuid::Uuid, k: i32, body: serde_json::Value| {
        let url = c
            .app
            .url(&format!("/api/v1/skp/{skp}/realisasi/{iki}?periode_ke={k}"));
        c.app
            .client
            .put(url)
            .bearer_auth(token.to_owned())
            .json(&body)
            .send()
    };
    assert_problem(
        put(&c.rina, draft.id, iki0, month, json!({"nilai": 1.0}))
            .await
            .unwrap(),
        409,
        ErrorCode::Conflict,
    )
    .await;
    let skp: Skp = c.submit(&c.rina, &draft).await.json().await.unwrap();
    let skp: Skp = c.approve(&c.kasubag, &skp).await.json().await.unwrap();
    let [iki0, iki1, _] = [0, 1, 2].map(|i| skp.rhk[0].iki[i].id.unwrap());
    // This month is open: a monthly plan of 10 documents, 12 done → 120 %; 90 of 95 % → 94.74 %.
    let plan = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/rencana-aksi/{iki0}?periode_ke={month}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"uraian": "Menyelesaikan 10 dokumen layanan", "target_nilai": 10.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(plan.status(), 200);
    put(
        &c.rina,
        skp.id,
        iki0,
        month,
        json!({"nilai": 12.0, "dasar": "Register layanan"}),
    )
    .await
    .unwrap();
    let sheet: RealisasiSheet = put(&c.rina, skp.id, iki1, month, json!({"nilai": 90.0}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!sheet.terkunci);
    assert_eq!(sheet.jumlah_periode, 12);
    assert_eq!(
        sheet.rows.iter().map(|r| r.capaian).collect::<Vec<_>>(),
        vec![Some(120.0), Some(94.74), None]
    );
    assert_eq!(sheet.rows[0].realisasi.as_ref().unwrap().sumber, "pegawai");
    assert_eq!(sheet.rhk[0].capaian, Some(107.37));
    // The PPKin reads it but cannot change it; strangers see nothing.
    let seen: RealisasiSheet = c
        .app
        .get(
            &format!("/api/v1/skp/{}/realisasi?periode_ke={month}", skp.id),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen.rows[0].realisasi.as_ref().unwrap().nilai, Some(12.0));
    assert_problem(
        put(&c.kasubag, skp.id, iki0, month, json!({"nilai": 99.0}))
            .await
            .unwrap(),
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/skp/{}/realisasi?periode_ke={month}", skp.id),
                Some(&outsider),
            )
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert!(
        !assert_problem(
            c.app
                .get(
                    &format!("/api/v1/skp/{}/realisasi?periode_ke=13", skp.id),
                    Some(&c.rina)
                )
                .await,
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("periode_ke")
        .is_empty()
    );
    // An IKI of another SKP is not this SKP's.
    let foreign = kasubag_skp.rhk[0].iki[0].id.unwrap();
    assert_problem(
        put(&c.rina, skp.id, foreign, month, json!({"nilai": 1.0}))
            .await
            .unwrap(),
        404,
        ErrorCode::NotFound,
    )
    .await;
    // A month long past is locked until the admin unlocks it for this SKP.
    if month > 2 {
        let past = 1;
        let locked = assert_problem(
            put(&c.rina, skp.id, iki0, past, json!({"nilai": 5.0}))
                .await
                .unwrap(),
            409,
            ErrorCode::Conflict,
        )
        .await;
        assert!(locked.detail.unwrap().contains("terkunci"));
        let until = (kinerja::clock::today() + chrono::Duration::days(7)).to_string();
        let body = json!({"periode_ke": past, "sampai": until, "alasan": "Bukti baru diterima"});
        assert_problem(
            c.app
                .post_json(
                    &format!("/api/v1/skp/{}/unlock", skp.id),
                    &body,
                    Some(&c.rina),
                )
                .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_eq!(
            c.app
                .post_json(
                    &format!("/api/v1/skp/{}/unlock", skp.id),
                    &body,
                    Some(&c.admin)
                )
                .await
                .status(),
            204
        );
        let sheet: RealisasiSheet = put(&c.rina, skp.id, iki0, past, json!({"nilai": 5.0}))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(!sheet.terkunci && sheet.dibuka_sampai.is_some());
    }
}
db_test!(realisasi_is_entered_by_the_owner_until_the_sub_period_locks);

/// A sub-period locks at the instansi's midnight after its lock day (WIB by default): open at
/// 23:30 on the lock day, locked at 00:30 the day after, though that is still the lock day in UTC.
async fn a_sub_period_locks_at_local_midnight(db: Db) {
    use chrono::Datelike;
    use kinerja_api::measurement::RealisasiSheet;
    let c = chain(db).await;
    let kasubag = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await;
    let iki = skp.rhk[0].iki[1].id.unwrap();
    // The previous month (January in January), whose lock day is near today.
    let today = kinerja::clock::today();
    let k = if today.month() > 1 {
        today.month() - 1
    } else {
        1
    };
    let first_of_next = chrono::NaiveDate::from_ymd_opt(today.year(), k + 1, 1).unwrap();
    let batas = first_of_next.pred_opt().unwrap()
        + chrono::Duration::days(i64::from(c.periode.jeda_kunci_realisasi_hari));
    let put = |nilai: f64| {
        c.app
            .client
            .put(c.app.url(&format!(
                "/api/v1/skp/{}/realisasi/{iki}?periode_ke={k}",
                skp.id
            )))
            .bearer_auth(c.rina.clone())
            .json(&json!({"nilai": nilai}))
            .send()
    };
    c.app.clock.set(local_time(batas, 23, 30, 7));
    let sheet: RealisasiSheet = put(90.0).await.unwrap().json().await.unwrap();
    assert!(!sheet.terkunci);
    c.app
        .clock
        .set(local_time(batas.succ_opt().unwrap(), 0, 30, 7));
    let locked = assert_problem(put(95.0).await.unwrap(), 409, ErrorCode::Conflict).await;
    assert!(locked.detail.unwrap().contains("terkunci"));
}
db_test!(a_sub_period_locks_at_local_midnight);

async fn evidence_is_checked_stored_safely_downloaded_and_verified(db: Db) {
    use chrono::Datelike;
    use kinerja_api::measurement::{BuktiDukung, RealisasiSheet};
    use reqwest::multipart::{Form, Part};
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let month = kinerja::clock::today().month();
    let [iki0, iki1] = [0, 1].map(|i| skp.rhk[0].iki[i].id.unwrap());
    let url = |iki: uuid::Uuid, what: &str| {
        c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki}/{what}?periode_ke={month}",
            skp.id
        ))
    };
    c.app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki0}?periode_ke={month}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 10.0}))
        .send()
        .await
        .unwrap();
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let upload = |iki: uuid::Uuid, bytes: Vec<u8>, name: &str, token: &str| {
        let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
        c.app
            .client
            .post(url(iki, "bukti"))
            .bearer_auth(token.to_owned())
            .multipart(form)
            .send()
    };
    // Evidence needs a realisasi to support.
    let resp = upload(iki1, pdf.clone(), "a.pdf", &c.rina).await.unwrap();
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("realisasi")
            .is_empty()
    );
    // Type by content: an HTML page renamed .pdf is refused; too large is 413.
    assert_problem(
        upload(
            iki0,
            b"<html><script>alert(1)</script></html>".to_vec(),
            "laporan.pdf",
            &c.rina,
        )
        .await
        .unwrap(),
        415,
        ErrorCode::UnsupportedMediaType,
    )
    .await;
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(20 * 1024 * 1024, b'0');
    assert_problem(
        upload(iki0, big, "besar.pdf", &c.rina).await.unwrap(),
        413,
        ErrorCode::PayloadTooLarge,
    )
    .await;
    // Only the owner attaches.
    assert_problem(
        upload(iki0, pdf.clone(), "a.pdf", &c.kasubag)
            .await
            .unwrap(),
        403,
        ErrorCode::Forbidden,
    )
    .await;
    // A hostile name never becomes a path.
    let resp = upload(iki0, pdf.clone(), "../../../../etc/passwd.pdf", &c.rina)
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let bukti: BuktiDukung = resp.json().await.unwrap();
    assert_eq!(bukti.nama_berkas.as_deref(), Some("passwd.pdf"));
    assert_eq!(
        bukti.sha256.as_deref(),
        Some(kinerja::auth::tokens::sha256_hex(&pdf).as_str())
    );
    let uploads = c.app._database.dir.path().join("uploads");
    let years: Vec<_> = std::fs::read_dir(&uploads)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        years,
        vec![std::ffi::OsString::from(
            kinerja::clock::today().year().to_string()
        )]
    );
    // Readers of the SKP download it as an attachment; others get nothing.
    for token in [&c.rina, &c.kasubag, &c.admin] {
        let resp = c
            .app
            .get(&format!("/api/v1/bukti/{}", bukti.id), Some(token))
            .await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
        assert!(
            resp.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment; filename=\"passwd.pdf\"")
        );
        assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf);
    }
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    assert_problem(
        c.app
            .get(&format!("/api/v1/bukti/{}", bukti.id), Some(&outsider))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // Links must be http(s).
    let resp = c
        .app
        .client
        .post(url(iki0, "bukti-tautan"))
        .bearer_auth(&c.rina)
        .json(&json!({"url": "javascript:alert(1)"}))
        .send()
        .await
        .unwrap();
    assert!(
        !assert_problem(resp, 422, ErrorCode::ValidationFailed)
            .await
            .field_errors("url")
            .is_empty()
    );
    let resp = c
        .app
        .client
        .post(url(iki0, "bukti-tautan"))
        .bearer_auth(&c.rina)
        .json(&json!({"url": "https://drive.serangkota.go.id/berkas/123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    // A wrong upload is removed by its owner, with its file; not by the PPKin or strangers.
    let wrong: BuktiDukung = upload(iki0, pdf.clone(), "salah.pdf", &c.rina)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let wrong_url = c.app.url(&format!("/api/v1/bukti/{}", wrong.id));
    let delete = |token: &str| {
        c.app
            .client
            .delete(&wrong_url)
            .bearer_auth(token.to_owned())
            .send()
    };
    assert_problem(delete(&c.kasubag).await.unwrap(), 403, ErrorCode::Forbidden).await;
    assert_problem(delete(&outsider).await.unwrap(), 404, ErrorCode::NotFound).await;
    let files = || walk(&uploads);
    assert_eq!(files(), 2);
    assert_eq!(delete(&c.rina).await.unwrap().status(), 204);
    assert_eq!(files(), 1);
    assert_problem(
        c.app
            .get(&format!("/api/v1/bukti/{}", wrong.id), Some(&c.rina))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // The PPKin verifies; the owner cannot; the owner is told.
    let verify = json!({"verifikasi": "kurang", "catatan": "Lampirkan daftar hadir"});
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/bukti/{}/verify", bukti.id),
                &verify,
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let verified: BuktiDukung = c
        .app
        .post_json(
            &format!("/api/v1/bukti/{}/verify", bukti.id),
            &verify,
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        verified.verifikasi,
        Some(kinerja_api::measurement::Verifikasi::Kurang)
    );
    let sheet: RealisasiSheet = c
        .app
        .get(
            &format!("/api/v1/skp/{}/realisasi?periode_ke={month}", skp.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sheet.rows[0].bukti.len(), 2);
    assert_eq!(
        sheet.rows[0].bukti[0].catatan_verifikasi.as_deref(),
        Some("Lampirkan daftar hadir")
    );
    let notes: kinerja_api::planning::NotificationPage = c
        .app
        .get("/api/v1/notifications?unread=true", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        notes
            .items
            .iter()
            .any(|n| n.kind == "bukti.diverifikasi" && n.pesan.contains("Lampirkan daftar hadir"))
    );
    // A checked piece is part of the record.
    let checked = c
        .app
        .client
        .delete(c.app.url(&format!("/api/v1/bukti/{}", bukti.id)))
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert!(
        assert_problem(checked, 409, ErrorCode::Conflict)
            .await
            .detail
            .unwrap()
            .contains("sudah diperiksa")
    );
}
db_test!(evidence_is_checked_stored_safely_downloaded_and_verified);

/// Files under `dir`, at any depth.
fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .map(|e| e.unwrap().path())
            .map(|p| if p.is_dir() { walk(&p) } else { 1 })
            .sum()
    })
}

async fn feedback_is_written_by_the_ppkin_and_read_only_along_the_chain(db: Db) {
    use chrono::Datelike;
    use kinerja_api::measurement::UmpanBalik;
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let month = kinerja::clock::today().month();
    let iki0 = skp.rhk[0].iki[0].id.unwrap();
    let give = |token: &str, body: serde_json::Value| {
        c.app
            .client
            .post(c.app.url(&format!("/api/v1/skp/{}/feedback", skp.id)))
            .bearer_auth(token.to_owned())
            .json(&body)
            .send()
    };
    let body = json!({"periode_ke": month, "iki_id": iki0, "teks": "Dokumen bulan ini rapi dan tepat waktu", "tag": "positif"});
    // Only the PPKin writes: not the employee, not the Atasan PPKin.
    assert_problem(
        give(&c.rina, body.clone()).await.unwrap(),
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        give(&c.sekcam, body.clone()).await.unwrap(),
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let two =
        json!({"periode_ke": month, "iki_id": iki0, "nilai_kode": "kolaboratif", "teks": "x"});
    assert!(
        !assert_problem(
            give(&c.kasubag, two).await.unwrap(),
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("target")
        .is_empty()
    );
    let foreign = json!({"periode_ke": month, "iki_id": kasubag_skp.rhk[0].iki[0].id, "teks": "x"});
    assert!(
        !assert_problem(
            give(&c.kasubag, foreign).await.unwrap(),
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("iki_id")
        .is_empty()
    );
    let resp = give(&c.kasubag, body).await.unwrap();
    assert_eq!(resp.status(), 201);
    let given: UmpanBalik = resp.json().await.unwrap();
    assert_eq!(
        given.tag,
        Some(kinerja_api::measurement::TagUmpanBalik::Positif)
    );
    give(&c.kasubag, json!({"periode_ke": month, "nilai_kode": "kolaboratif", "teks": "Libatkan rekan seksi lain"})).await.unwrap();
    // The employee reads it, is notified, and replies.
    let list: Vec<UmpanBalik> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/feedback?periode_ke={month}", skp.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 2);
    let notes: kinerja_api::planning::NotificationPage = c
        .app
        .get("/api/v1/notifications?unread=true", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        notes
            .items
            .iter()
            .filter(|n| n.kind == "umpan_balik.baru")
            .count(),
        2
    );
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/feedback/{}/reply", given.id),
            &json!({"teks": "Terima kasih, Pak"}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let thread: UmpanBalik = resp.json().await.unwrap();
    assert_eq!(thread.balasan.len(), 1);
    assert_eq!(thread.balasan[0].penulis, "Rina Marlina");
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/feedback/{}/reply", given.id),
                &json!({"teks": "saya juga"}),
                Some(&c.kasubag),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    // The chain reads; the admin and strangers do not.
    for token in [&c.kasubag, &c.sekcam] {
        assert_eq!(
            c.app
                .get(&format!("/api/v1/skp/{}/feedback", skp.id), Some(token))
                .await
                .status(),
            200
        );
    }
    let (_, outsider) = c.app.signed_in("luar.uji", &[Role::Pegawai]).await;
    for token in [&c.admin, &outsider] {
        assert_problem(
            c.app
                .get(&format!("/api/v1/skp/{}/feedback", skp.id), Some(token))
                .await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
}
db_test!(feedback_is_written_by_the_ppkin_and_read_only_along_the_chain);

async fn hr_office_endpoints_refuse_everyone_else(db: Db) {
    let c = chain(db).await;
    let (_, auditor) = c.app.signed_in("aud.uji", &[Role::Auditor]).await;
    let template = json!({"instansi_id": c.periode.instansi_id, "nama": "T", "rhk": [{"jenis": "utama", "deskripsi": "Hasil", "iki": []}]});
    let created: kinerja_api::planning::SkpTemplate = c
        .app
        .post_json("/api/v1/skp-templates", &template, Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    for token in [&c.rina, &c.camat, &auditor] {
        let checks = [
            c.app
                .post_json(
                    "/api/v1/instansi",
                    &json!({"nama": "Pemerintah Kota Lain"}),
                    Some(token),
                )
                .await,
            c.app
                .post_json(
                    &format!("/api/v1/periods/{}/close", c.periode.id),
                    &json!({"lock_version": c.periode.lock_version}),
                    Some(token),
                )
                .await,
            c.app
                .client
                .put(c.app.url(&format!("/api/v1/skp-templates/{}", created.id)))
                .bearer_auth(token)
                .json(&template)
                .send()
                .await
                .unwrap(),
            c.app
                .get("/api/v1/reports/unresolved-superiors", Some(token))
                .await,
        ];
        for resp in checks {
            assert_problem(resp, 403, ErrorCode::Forbidden).await;
        }
    }
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/periods/{}/close", c.periode.id),
            &json!({"lock_version": c.periode.lock_version, "reason": "Akhir tahun"}),
            None,
        )
        .await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
}
db_test!(hr_office_endpoints_refuse_everyone_else);

async fn a_revised_skp_carries_the_reason_for_the_ppkin(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let v1 = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    assert_eq!(v1.alasan_perubahan, None);
    let v2: Skp = c.revise(&c.rina, &v1).await.json().await.unwrap();
    assert_eq!(
        v2.alasan_perubahan.as_deref(),
        Some("Perubahan target setelah APBD perubahan")
    );
    let v2: Skp = c.submit(&c.rina, &v2).await.json().await.unwrap();
    // The PPKin reviewing version 2 reads the reason and the changes against version 1.
    let seen: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", v2.id), Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (seen.versi, seen.status, seen.alasan_perubahan.as_deref()),
        (
            2,
            StatusSkp::Diajukan,
            Some("Perubahan target setelah APBD perubahan")
        )
    );
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{}/diff?with={}", v1.id, v2.id),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let changes: Vec<kinerja_api::planning::SkpChange> = resp.json().await.unwrap();
    assert!(changes.is_empty(), "nothing edited yet: {changes:?}");
    let page: kinerja_api::planning::NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page.items
            .iter()
            .filter(|n| n.kind == "skp.diajukan")
            .count(),
        2,
        "one per submission (version 1 and version 2)"
    );
}
db_test!(a_revised_skp_carries_the_reason_for_the_ppkin);

async fn the_ppkin_lists_subordinates_with_their_status(db: Db) {
    let c = chain(db).await;
    let path = format!("/api/v1/skp/bawahan?periode_id={}", c.periode.id);
    let list = |token: String| {
        let path = path.clone();
        let app = &c.app;
        async move {
            let resp = app.get(&path, Some(&token)).await;
            assert_eq!(resp.status(), 200);
            resp.json::<kinerja_api::planning::DaftarBawahan>()
                .await
                .unwrap()
        }
    };
    assert_eq!(c.app.get(&path, None).await.status(), 401);
    assert!(
        !assert_problem(
            c.app.get("/api/v1/skp/bawahan", Some(&c.kasubag)).await,
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("periode_id")
        .is_empty()
    );
    // Not started yet: listed, with the position.
    let before = list(c.kasubag.clone()).await;
    let rina = before
        .items
        .iter()
        .find(|b| b.pegawai.nama_lengkap == "Rina Marlina")
        .expect("Rina is the kasubag's");
    assert!(rina.langsung);
    assert!(rina.pegawai.jabatan.is_some());
    assert_eq!(
        (rina.skp.as_ref(), rina.skp_berlaku_id, rina.evaluasi),
        (None, None, None)
    );

    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    use chrono::Datelike;
    let month = kinerja::clock::today().month();
    let iki0 = skp.rhk[0].iki[0].id.unwrap();
    let resp = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki0}?periode_ke={month}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 10.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = c
        .app
        .client
        .post(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki0}/bukti-tautan?periode_ke={month}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"url": "https://drive.serangkota.go.id/berkas/123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);

    let after = list(c.kasubag.clone()).await;
    let rina = after
        .items
        .iter()
        .find(|b| b.pegawai.nama_lengkap == "Rina Marlina")
        .unwrap();
    assert_eq!(
        rina.skp.as_ref().map(|s| (s.versi, s.status)),
        Some((1, StatusSkp::Disetujui))
    );
    assert_eq!(
        (rina.skp_berlaku_id, rina.bukti_belum_diperiksa),
        (Some(skp.id), 1)
    );
    // Every indicator is empty for the last ended sub-period (nothing was entered for it).
    let indikator = skp.rhk.iter().map(|r| r.iki.len() as u64).sum::<u64>();
    assert_eq!(rina.realisasi_kosong, after.periode_ke.map(|_| indikator));
    assert_eq!(rina.evaluasi, None);
    // The Atasan PPKin sees her too, not as a direct report; the kasubag directly.
    let sekcam = list(c.sekcam.clone()).await;
    let names: Vec<(&str, bool)> = sekcam
        .items
        .iter()
        .map(|b| (b.pegawai.nama_lengkap.as_str(), b.langsung))
        .collect();
    assert!(names.contains(&("Rina Marlina", false)), "{names:?}");
    assert!(
        sekcam
            .items
            .iter()
            .any(|b| b.langsung && b.skp.as_ref().map(|s| s.id) == Some(kasubag_skp.id))
    );
    // Someone without subordinates, or without an employee record, gets an empty list.
    assert!(list(c.rina.clone()).await.items.is_empty());
    assert!(list(c.admin.clone()).await.items.is_empty());
}
db_test!(the_ppkin_lists_subordinates_with_their_status);
