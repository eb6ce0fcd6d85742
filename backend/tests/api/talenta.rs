//! Career and talent management (issue #18, "Career"): the career page and who reads it, the
//! talent box from two years' predikat and the newest potential (SQL aggregates), every
//! privacy rule of the grid and the potential, the nine-box table with its lock, and the key
//! positions with their candidates. On the demo chain: the admin is the HR office, the camat a
//! pimpinan over the whole kecamatan, a lurah a pimpinan of one kelurahan only.

use kinerja::demo::talenta::predikat_tahunan;
use kinerja_api::Page;
use kinerja_api::auth::Role;
use kinerja_api::employees::Employee;
use kinerja_api::evaluation::Predikat::{self, Baik, ButuhPerbaikan, SangatBaik};
use kinerja_api::talenta::{
    GridTalenta, JabatanKritikal, Karier, KonfigurasiKotak, PegawaiTalenta, PengaturanTalenta,
    Potensi, Suksesi, TalentaSaya, TingkatTalenta,
};
use reqwest::Response;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, holder, this_year};

const P: &str = "/api/v1/pengembangan";

/// A lurah with an account as pimpinan (of their kelurahan only): (employee, token).
async fn lurah(c: &Chain) -> (Employee, String) {
    let e = holder(&c.app, &c.admin, "Lurah Banjaragung").await;
    c.app
        .create_user(&e.nip, &[Role::Pimpinan, Role::Pegawai])
        .await;
    kinerja::demo::link_accounts(&c.app.db).await.unwrap();
    let token = c.app.login(&e.nip, TEST_PASSWORD).await.0.access_token;
    (e, token)
}

async fn predikat(c: &Chain, e: &Employee, years: &[(i32, Predikat)]) {
    for (ago, p) in years {
        predikat_tahunan(&c.app.db, e.id, this_year() - ago, *p)
            .await
            .unwrap();
    }
}

async fn catat_potensi(c: &Chain, e: &Employee, tingkat: &str, tanggal: &str) -> Response {
    c.app
        .post_json(
            &format!("{P}/talenta/potensi"),
            &json!({"employee_id": e.id, "tingkat": tingkat, "tanggal": tanggal,
                    "sumber": "Assessment center BKPSDM 2026", "catatan": "Uji"}),
            Some(&c.admin),
        )
        .await
}

fn hari(days: i64) -> String {
    (kinerja::clock::today() + chrono::Duration::days(days)).to_string()
}

async fn grid(c: &Chain, token: &str, query: &str) -> Response {
    c.app
        .get(&format!("{P}/talenta/grid{query}"), Some(token))
        .await
}

fn count(g: &GridTalenta, nomor: i32) -> u64 {
    g.sel
        .iter()
        .find(|s| s.kotak.nomor == nomor)
        .map(|s| s.jumlah)
        .unwrap()
}

async fn isi(c: &Chain, token: &str, nomor: i32) -> Vec<String> {
    let resp = c
        .app
        .get(&format!("{P}/talenta/grid/{nomor}"), Some(token))
        .await;
    assert_eq!(resp.status(), 200);
    let page: Page<PegawaiTalenta> = resp.json().await.unwrap();
    page.items.into_iter().map(|p| p.nip).collect()
}

async fn career_page_lists_the_history_and_only_the_right_people_read_it(db: Db) {
    let c = chain(db).await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    predikat(&c, &rina, &[(2, Baik), (1, SangatBaik)]).await;
    // A verified 20 JP last year and one record still waiting.
    let y = this_year() - 1;
    for (menit, status) in [(900, "diverifikasi"), (90, "menunggu")] {
        let now = kinerja::clock::now();
        kinerja::entities::catatan_pengembangan::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(rina.id),
            instansi_id: Set(rina.instansi_id.unwrap()),
            tahun: Set(y),
            nama: Set(format!("Pelatihan {status}")),
            katalog_id: Set(None),
            bentuk: Set("diklat".into()),
            penyelenggara: Set("BKPSDM Kota Serang".into()),
            tanggal_mulai: Set(chrono::NaiveDate::from_ymd_opt(y, 5, 1).unwrap()),
            tanggal_selesai: Set(chrono::NaiveDate::from_ymd_opt(y, 5, 3).unwrap()),
            menit: Set(menit),
            peran: Set("peserta".into()),
            kebutuhan_id: Set(None),
            status: Set(status.into()),
            catatan_verifikasi: Set(None),
            diverifikasi_oleh: Set(None),
            diverifikasi_at: Set(None),
            sertifikat_key: Set(None),
            sertifikat_nama: Set(None),
            sertifikat_mime: Set(None),
            sertifikat_ukuran: Set(None),
            dicatat_oleh: Set(Uuid::nil()),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        }
        .insert(&c.app.db)
        .await
        .unwrap();
    }
    let url = format!("{P}/karier/{}", rina.id);
    let resp = c.app.get(&url, Some(&c.rina)).await;
    assert_eq!(resp.status(), 200);
    let k: Karier = resp.json().await.unwrap();
    assert_eq!(k.golongan.as_deref(), Some("II/c"));
    assert_eq!(k.jabatan[0].jabatan, "Pengadministrasi Perkantoran");
    let years: Vec<(i32, Option<Predikat>)> = k
        .kinerja
        .iter()
        .map(|t| (t.tahun, t.predikat_tahunan))
        .collect();
    assert_eq!(years, vec![(y, Some(SangatBaik)), (y - 1, Some(Baik))]);
    assert_eq!(
        k.angka_kredit_total, None,
        "a pelaksana earns no angka kredit"
    );
    assert_eq!(k.pengembangan.len(), 2);
    assert_eq!(k.jp_per_tahun[0].tahun, y);
    assert_eq!(k.jp_per_tahun[0].menit_terverifikasi, 900);
    assert!((k.jp_per_tahun[0].jp_terverifikasi - 20.0).abs() < 1e-9);
    assert!(k.jp_per_tahun[0].memenuhi, "only verified minutes count");

    // Her PPKin, the HR office, the auditor and the camat (pimpinan above) read it.
    for token in [&c.kasubag, &c.admin, &c.camat] {
        assert_eq!(c.app.get(&url, Some(token)).await.status(), 200);
    }
    let (_, auditor) = c.app.signed_in("auditor.uji", &[Role::Auditor]).await;
    assert_eq!(c.app.get(&url, Some(&auditor)).await.status(), 200);
    // A colleague, the sekda (another branch) and the pimpinan of another unit do not.
    let (_, lurah) = lurah(&c).await;
    for token in [&c.sekcam, &c.sekda, &lurah] {
        let resp = c.app.get(&url, Some(token)).await;
        assert_problem(resp, 404, kinerja_api::ErrorCode::NotFound).await;
    }
    assert_eq!(c.app.get(&url, None).await.status(), 401);

    // A jabatan fungsional collects angka kredit: 150 % of the yearly coefficient.
    let analis = holder(&c.app, &c.admin, "Analis Kebijakan Ahli Muda").await;
    predikat(&c, &analis, &[(1, SangatBaik)]).await;
    let k: Karier = c
        .app
        .get(&format!("{P}/karier/{}", analis.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    use sea_orm::EntityTrait;
    let koef = kinerja::entities::ref_jenjang::Entity::find_by_id("ahli_muda")
        .one(&c.app.db)
        .await
        .unwrap()
        .and_then(|j| j.koefisien_angka_kredit);
    let expected = koef.map(|k| kinerja_api::evaluation::angka_kredit(SangatBaik, k, 12));
    assert_eq!(k.kinerja[0].angka_kredit, expected);
    assert_eq!(k.angka_kredit_total, expected);
}
db_test!(career_page_lists_the_history_and_only_the_right_people_read_it);

async fn the_talent_grid_counts_boxes_for_the_hr_office_and_a_pimpinan_subtree_only(db: Db) {
    let c = chain(db).await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    let (lurah_e, lurah) = lurah(&c).await;
    let pengelola = holder(&c.app, &c.admin, "Pengelola Kepegawaian").await;
    predikat(&c, &rina, &[(2, SangatBaik), (1, Baik)]).await; // tinggi
    predikat(&c, &kasubag, &[(2, Baik), (1, Baik)]).await; // menengah
    predikat(&c, &sekcam, &[(2, SangatBaik), (1, ButuhPerbaikan)]).await; // rendah
    predikat(&c, &lurah_e, &[(1, SangatBaik)]).await; // one year: tinggi
    // An older year does not count.
    predikat(&c, &pengelola, &[(3, SangatBaik)]).await;
    for (e, t) in [
        (&rina, "tinggi"),
        (&kasubag, "tinggi"),
        (&sekcam, "tinggi"),
        (&lurah_e, "menengah"),
        (&pengelola, "tinggi"),
    ] {
        let resp = catat_potensi(&c, e, t, &hari(-10)).await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
    // The HR office: the whole instansi.
    let resp = grid(&c, &c.admin, "").await;
    assert_eq!(resp.status(), 200);
    let g: GridTalenta = resp.json().await.unwrap();
    assert_eq!(g.tahun_kinerja, [this_year() - 2, this_year() - 1]);
    assert!(!g.dikonfirmasi);
    assert_eq!(
        (count(&g, 9), count(&g, 7), count(&g, 4), count(&g, 8)),
        (1, 1, 1, 1)
    );
    assert_eq!(g.sel.iter().map(|s| s.jumlah).sum::<u64>(), 4);
    assert_eq!(g.tanpa_potensi, g.jumlah_pegawai - 5);
    assert_eq!(g.tanpa_predikat, g.jumlah_pegawai - 4);
    assert_eq!(isi(&c, &c.admin, 9).await, vec![rina.nip.clone()]);
    assert_eq!(isi(&c, &c.admin, 8).await, vec![lurah_e.nip.clone()]);
    // A chosen year: only that year and the one before.
    let g: GridTalenta = grid(&c, &c.admin, &format!("?tahun={}", this_year() - 2))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        g.sel.iter().map(|s| s.jumlah).sum::<u64>(),
        4,
        "SB three years ago"
    );

    // The camat: the kecamatan, where everyone placed works.
    let g: GridTalenta = grid(&c, &c.camat, "").await.json().await.unwrap();
    assert_eq!(g.sel.iter().map(|s| s.jumlah).sum::<u64>(), 4);
    // The lurah: their kelurahan only; nothing of the Sekretariat, even when named.
    let g: GridTalenta = grid(&c, &lurah, "").await.json().await.unwrap();
    assert_eq!((count(&g, 8), count(&g, 9)), (1, 0));
    assert!(isi(&c, &lurah, 9).await.is_empty());
    let sekret = unit_named(&c.app, &c.admin, "Sekretariat Kecamatan Cipocok Jaya").await;
    let resp = grid(&c, &lurah, &format!("?unit_id={}", sekret.id)).await;
    assert_problem(resp, 404, kinerja_api::ErrorCode::NotFound).await;
    let resp = c
        .app
        .get(
            &format!("{P}/talenta/grid/9?unit_id={}", sekret.id),
            Some(&lurah),
        )
        .await;
    assert_eq!(resp.status(), 404);
    // The HR office may narrow to a unit.
    let g: GridTalenta = grid(&c, &c.admin, &format!("?unit_id={}", sekret.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((count(&g, 9), count(&g, 8)), (1, 0));

    // Employees and the auditor see no one's box; no token, no grid.
    let (_, auditor) = c.app.signed_in("auditor.uji", &[Role::Auditor]).await;
    for token in [&c.rina, &c.kasubag, &c.sekcam, &auditor] {
        assert_eq!(grid(&c, token, "").await.status(), 403);
        let resp = c.app.get(&format!("{P}/talenta/grid/9"), Some(token)).await;
        assert_eq!(resp.status(), 403);
    }
    assert_eq!(
        c.app.get(&format!("{P}/talenta/grid"), None).await.status(),
        401
    );
}
db_test!(the_talent_grid_counts_boxes_for_the_hr_office_and_a_pimpinan_subtree_only);

async fn potential_is_the_hr_offices_and_the_employees_own_only_when_shown(db: Db) {
    let c = chain(db).await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    predikat(&c, &rina, &[(2, SangatBaik), (1, SangatBaik)]).await;
    assert_eq!(
        catat_potensi(&c, &rina, "tinggi", &hari(-30))
            .await
            .status(),
        201
    );
    // An older assessment recorded later is history, not the current one.
    assert_eq!(
        catat_potensi(&c, &rina, "rendah", &hari(-400))
            .await
            .status(),
        201
    );
    // Validation: a future date, an unknown level, a blank source.
    let resp = catat_potensi(&c, &rina, "tinggi", &hari(1)).await;
    let body = assert_problem(resp, 422, kinerja_api::ErrorCode::ValidationFailed).await;
    assert!(body.errors.unwrap().contains_key("tanggal"));
    let resp = c
        .app
        .post_json(
            &format!("{P}/talenta/potensi"),
            &json!({"employee_id": rina.id, "tingkat": "tinggi", "tanggal": hari(-1), "sumber": "  "}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 422);
    // Only the HR office records it.
    for token in [&c.rina, &c.camat, &c.kasubag] {
        let resp = c
            .app
            .post_json(
                &format!("{P}/talenta/potensi"),
                &json!({"employee_id": rina.id, "tingkat": "tinggi", "tanggal": hari(-1), "sumber": "Penilaian sendiri"}),
                Some(token),
            )
            .await;
        assert_eq!(resp.status(), 403);
    }
    let url = format!("{P}/talenta/potensi/{}", rina.id);
    let list: Vec<Potensi> = c.app.get(&url, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[0].tingkat,
        TingkatTalenta::Tinggi,
        "newest assessment first"
    );

    // Setting off: the employee sees nothing of it; nobody else ever does.
    for token in [&c.rina, &c.kasubag, &c.camat, &c.sekcam] {
        assert_eq!(c.app.get(&url, Some(token)).await.status(), 404);
    }
    assert_eq!(
        c.app
            .get(&format!("{P}/talenta/saya"), Some(&c.rina))
            .await
            .status(),
        403
    );
    // The HR office turns it on (with the version it read).
    let s: PengaturanTalenta = c
        .app
        .get(&format!("{P}/talenta/pengaturan"), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert!(!s.tampilkan_ke_pegawai);
    let put = |token: &str, lock: i32| {
        c.app
            .client
            .put(c.app.url(&format!("{P}/talenta/pengaturan")))
            .bearer_auth(token.to_owned())
            .json(&json!({"lock_version": lock, "tampilkan_ke_pegawai": true}))
            .send()
    };
    assert_eq!(put(&c.rina, s.lock_version).await.unwrap().status(), 403);
    assert_eq!(put(&c.admin, s.lock_version).await.unwrap().status(), 200);
    assert_eq!(put(&c.admin, s.lock_version).await.unwrap().status(), 409);
    let own: Vec<Potensi> = c.app.get(&url, Some(&c.rina)).await.json().await.unwrap();
    assert_eq!(own.len(), 2);
    let saya: TalentaSaya = c
        .app
        .get(&format!("{P}/talenta/saya"), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saya.kinerja, Some(TingkatTalenta::Tinggi));
    assert_eq!(saya.kotak.map(|k| k.nomor), Some(9));
    // Still no one else's.
    let other = format!("{P}/talenta/potensi/{}", kasubag.id);
    assert_eq!(c.app.get(&other, Some(&c.rina)).await.status(), 404);
    assert_eq!(c.app.get(&url, Some(&c.kasubag)).await.status(), 404);
    // A newer assessment moves the box.
    assert_eq!(
        catat_potensi(&c, &rina, "menengah", &hari(0))
            .await
            .status(),
        201
    );
    let saya: TalentaSaya = c
        .app
        .get(&format!("{P}/talenta/saya"), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saya.kotak.map(|k| k.nomor), Some(8));
    // Audited.
    let n = kinerja::entities::audit_events::Entity::find()
        .filter(kinerja::entities::audit_events::Column::Action.eq("talenta.potensi_dicatat"))
        .count(&c.app.db)
        .await
        .unwrap();
    assert_eq!(n, 3);
}
db_test!(potential_is_the_hr_offices_and_the_employees_own_only_when_shown);

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn boxes_body(k: &KonfigurasiKotak) -> Value {
    json!({"lock_version": k.lock_version, "kotak": k.kotak})
}

async fn put_kotak(c: &Chain, token: &str, body: &Value) -> Response {
    c.app
        .client
        .put(c.app.url(&format!("{P}/talenta/kotak")))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn the_nine_boxes_are_seeded_unconfirmed_and_edited_with_a_lock(db: Db) {
    let c = chain(db).await;
    let resp = c
        .app
        .get(&format!("{P}/talenta/kotak"), Some(&c.admin))
        .await;
    assert_eq!(resp.status(), 200);
    let k: KonfigurasiKotak = resp.json().await.unwrap();
    assert!(!k.dikonfirmasi);
    assert_eq!(k.kotak.len(), 9);
    let nine = &k.kotak[8];
    assert_eq!(
        (nine.nomor, nine.kinerja, nine.potensi),
        (9, TingkatTalenta::Tinggi, TingkatTalenta::Tinggi)
    );
    assert_eq!(
        (k.kotak[0].kinerja, k.kotak[0].potensi),
        (TingkatTalenta::Rendah, TingkatTalenta::Rendah)
    );
    assert_eq!(
        c.app
            .get(&format!("{P}/talenta/kotak"), Some(&c.camat))
            .await
            .status(),
        403
    );
    // Rename box 9; the table is now confirmed.
    let mut body = boxes_body(&k);
    body["kotak"][8]["label"] = json!("Bintang");
    assert_eq!(put_kotak(&c, &c.rina, &body).await.status(), 403);
    let resp = put_kotak(&c, &c.admin, &body).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let saved: KonfigurasiKotak = c
        .app
        .get(&format!("{P}/talenta/kotak"), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert!(saved.dikonfirmasi);
    assert_eq!(saved.kotak[8].label, "Bintang");
    assert_eq!(saved.lock_version, k.lock_version + 1);
    // Stale, and two boxes of the same pair.
    assert_eq!(put_kotak(&c, &c.admin, &body).await.status(), 409);
    let mut bad = boxes_body(&saved);
    bad["kotak"][0]["kinerja"] = json!("tinggi");
    bad["kotak"][0]["potensi"] = json!("tinggi");
    let resp = put_kotak(&c, &c.admin, &bad).await;
    assert_eq!(resp.status(), 422);
    // Two HR officers saving from the same version: one wins (truly concurrent on PostgreSQL).
    let (_, admin2) = c.app.signed_in("admin2.uji", &[Role::Admin]).await;
    let mut current = saved;
    for round in 0..6 {
        let mut a = boxes_body(&current);
        a["kotak"][4]["label"] = json!(format!("Andalan A{round}"));
        let mut b = boxes_body(&current);
        b["kotak"][4]["label"] = json!(format!("Andalan B{round}"));
        let (ra, rb) = tokio::join!(put_kotak(&c, &c.admin, &a), put_kotak(&c, &admin2, &b));
        let mut s = [ra.status().as_u16(), rb.status().as_u16()];
        s.sort_unstable();
        assert_eq!(s, [200, 409], "round {round}");
        current = c
            .app
            .get(&format!("{P}/talenta/kotak"), Some(&c.admin))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(current.kotak.len(), 9, "round {round}");
        assert!(current.kotak[4].label.ends_with(&round.to_string()));
    }
    assert_eq!(
        audited(&c, "talenta.kotak_diubah").await,
        7,
        "each saved table"
    );
}

async fn audited(c: &Chain, action: &str) -> u64 {
    kinerja::entities::audit_events::Entity::find()
        .filter(kinerja::entities::audit_events::Column::Action.eq(action))
        .count(&c.app.db)
        .await
        .unwrap()
}
db_test!(the_nine_boxes_are_seeded_unconfirmed_and_edited_with_a_lock);

async fn key_positions_draw_candidates_from_the_top_boxes_of_eligible_ranks(db: Db) {
    let c = chain(db).await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await; // II/c
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await; // III/d
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await; // IV/a
    let bendahara = holder(&c.app, &c.admin, "Bendahara Pengeluaran").await;
    for (e, t) in [(&rina, "tinggi"), (&kasubag, "tinggi"), (&sekcam, "tinggi")] {
        predikat(&c, e, &[(2, SangatBaik), (1, SangatBaik)]).await;
        assert_eq!(catat_potensi(&c, e, t, &hari(-5)).await.status(), 201);
    }
    let posisi = sekcam.jabatan_id.unwrap();
    let mark = json!({"position_id": posisi, "golongan_minimal": "IV/a", "alasan": "Koordinator pelayanan"});
    let url = format!("{P}/talenta/jabatan-kritikal");
    assert_eq!(
        c.app.post_json(&url, &mark, Some(&c.camat)).await.status(),
        403
    );
    let resp = c.app.post_json(&url, &mark, Some(&c.admin)).await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let jk: JabatanKritikal = resp.json().await.unwrap();
    assert_eq!((jk.toleransi_golongan, jk.kotak_minimal), (1, 7));
    assert_eq!(jk.jabatan, "Sekretaris Kecamatan");
    assert!(jk.pemegang.is_some());
    let resp = c.app.post_json(&url, &mark, Some(&c.admin)).await;
    assert_problem(resp, 409, kinerja_api::ErrorCode::Conflict).await;
    let bad = json!({"position_id": posisi, "golongan_minimal": "V/z"});
    assert_eq!(
        c.app.post_json(&url, &bad, Some(&c.admin)).await.status(),
        422
    );

    // Box 9 everyone; the holder is left out, Rina is below III/d.
    let one = format!("{url}/{}", jk.id);
    let s: Suksesi = c.app.get(&one, Some(&c.admin)).await.json().await.unwrap();
    let drawn: Vec<Uuid> = s.kandidat.iter().map(|k| k.employee_id).collect();
    assert_eq!(drawn, vec![kasubag.id]);
    assert_eq!(s.kandidat[0].nomor_kotak, Some(9));
    // Without a rank rule Rina is drawn too.
    let resp = c
        .app
        .patch_json(
            &one,
            &json!({"lock_version": jk.lock_version, "golongan_minimal": ""}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let jk: JabatanKritikal = resp.json().await.unwrap();
    assert_eq!(jk.golongan_minimal, None);
    let s: Suksesi = c.app.get(&one, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(s.kandidat.len(), 2);

    // Hand-picked: with a note, not the holder, not twice, on the current version.
    let add = |e: Uuid, lock: i32| json!({"lock_version": lock, "employee_id": e, "catatan": "Memimpin tim SAKIP kecamatan"});
    let kandidat = format!("{one}/kandidat");
    assert_eq!(
        c.app
            .post_json(
                &kandidat,
                &add(bendahara.id, jk.lock_version),
                Some(&c.rina)
            )
            .await
            .status(),
        403
    );
    let resp = c
        .app
        .post_json(&kandidat, &add(sekcam.id, jk.lock_version), Some(&c.admin))
        .await;
    assert_eq!(resp.status(), 422);
    let resp = c
        .app
        .post_json(
            &kandidat,
            &add(bendahara.id, jk.lock_version),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let s: Suksesi = resp.json().await.unwrap();
    let manual = s
        .kandidat
        .iter()
        .find(|k| k.employee_id == bendahara.id)
        .unwrap();
    assert!(manual.manual && manual.nomor_kotak.is_none());
    assert_eq!(s.jabatan.jumlah_kandidat_manual, 1);
    let resp = c
        .app
        .post_json(&kandidat, &add(rina.id, jk.lock_version), Some(&c.admin))
        .await;
    assert_problem(resp, 409, kinerja_api::ErrorCode::Conflict).await;
    let v = s.jabatan.lock_version;
    let resp = c
        .app
        .post_json(&kandidat, &add(bendahara.id, v), Some(&c.admin))
        .await;
    assert_problem(resp, 409, kinerja_api::ErrorCode::Conflict).await;

    // Two HR officers adding at once from one version: one wins.
    let (_, admin2) = c.app.signed_in("admin2.uji", &[Role::Admin]).await;
    let (body_a, body_b) = (add(rina.id, v), add(kasubag.id, v));
    let (ra, rb) = tokio::join!(
        c.app.post_json(&kandidat, &body_a, Some(&c.admin)),
        c.app.post_json(&kandidat, &body_b, Some(&admin2)),
    );
    let mut st = [ra.status().as_u16(), rb.status().as_u16()];
    st.sort_unstable();
    assert_eq!(st, [201, 409]);
    let list: Vec<JabatanKritikal> = c.app.get(&url, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].jumlah_kandidat_manual, 2);
    assert_eq!(c.app.get(&url, Some(&c.camat)).await.status(), 403);

    // Removing a candidate, then the key position.
    let v = list[0].lock_version;
    let del = |path: String| {
        c.app
            .client
            .delete(c.app.url(&path))
            .bearer_auth(&c.admin)
            .send()
    };
    let resp = del(format!("{kandidat}/{}?lock_version={v}", bendahara.id))
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let resp = del(format!("{one}?lock_version={v}")).await.unwrap();
    assert_eq!(resp.status(), 409);
    let resp = del(format!("{one}?lock_version={}", v + 1)).await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(c.app.get(&one, Some(&c.admin)).await.status(), 404);
    for (action, n) in [
        ("talenta.jabatan_kritikal_ditandai", 1),
        ("talenta.jabatan_kritikal_diubah", 1),
        ("talenta.kandidat_ditambahkan", 2),
        ("talenta.kandidat_dihapus", 1),
        ("talenta.jabatan_kritikal_dihapus", 1),
    ] {
        assert_eq!(audited(&c, action).await, n, "{action}");
    }
}
db_test!(key_positions_draw_candidates_from_the_top_boxes_of_eligible_ranks);

async fn the_demo_fills_the_grid_and_two_key_positions(db: Db) {
    let c = chain(db).await;
    let placed = kinerja::demo::talenta::seed_talenta(&c.app.db)
        .await
        .unwrap();
    assert!(placed >= 10, "{placed}");
    assert_eq!(
        kinerja::demo::talenta::seed_talenta(&c.app.db)
            .await
            .unwrap(),
        0,
        "seeding twice adds nothing"
    );
    let g: GridTalenta = grid(&c, &c.admin, "").await.json().await.unwrap();
    assert_eq!(g.sel.iter().map(|s| s.jumlah).sum::<u64>(), placed as u64);
    assert!(count(&g, 9) > 0 && count(&g, 8) > 0 && count(&g, 7) > 0);
    let list: Vec<JabatanKritikal> = c
        .app
        .get(&format!("{P}/talenta/jabatan-kritikal"), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 2);
    for jk in list {
        let s: Suksesi = c
            .app
            .get(
                &format!("{P}/talenta/jabatan-kritikal/{}", jk.id),
                Some(&c.admin),
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(s.kandidat.iter().any(|k| k.manual), "{}", jk.jabatan);
        assert!(s.kandidat.iter().any(|k| !k.manual), "{}", jk.jabatan);
    }
    // The demo's own year is untouched: its open period is still this year's.
    let periods: Vec<kinerja_api::planning::Periode> = c
        .app
        .get("/api/v1/periods", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(periods[0].tahun, this_year());
}
db_test!(the_demo_fills_the_grid_and_two_key_positions);
