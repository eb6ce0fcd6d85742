//! The yearly development plan (issue #18, docs/pengembangan.md): consolidation of the agreed
//! needs, per-unit totals and the 20 JP gap, hand edits, penetapan by the head of the
//! instansi, versions, the XLSX, who may do what, and concurrent officers. On the demo chain:
//! the admin is the HR office, the camat a pimpinan of Kecamatan Cipocok Jaya (not of the
//! whole instansi), Rina a pelaksana of its Subbagian Umum, the sekda staff elsewhere.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use kinerja::entities::{audit_events, catatan_pengembangan, employees, kebutuhan_pengembangan};
use kinerja::entities::{kompetensi, units};
use kinerja_api::auth::Role;
use kinerja_api::employees::Employee;
use kinerja_api::pengembangan_rencana::{
    HasilKonsolidasi, ItemRencana, PegawaiBelum20Jp, RencanaDetail, RencanaPengembangan,
    StatusRencana,
};
use kinerja_api::{ErrorCode, Page};
use reqwest::Response;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, holder, this_year};

const BASE: &str = "/api/v1/pengembangan/rencana";

struct Fx {
    c: Chain,
    instansi: Uuid,
    tahun: i32,
    /// Teknis, manajerial.
    komp: [Uuid; 2],
    rina: Employee,
    kasubag: Employee,
    sekcam: Employee,
    sekda: Employee,
}

async fn komp(c: &Chain, instansi: Uuid, nama: &str, kelompok: &str) -> Uuid {
    let now = chrono::Utc::now();
    kompetensi::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(instansi),
        nama: Set(nama.into()),
        kelompok: Set(kelompok.into()),
        nilai_berakhlak: Set(None),
        deskripsi: Set(None),
        aktif: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&c.app.db)
    .await
    .unwrap()
    .id
}

async fn fixture(db: Db) -> Fx {
    let c = chain(db).await;
    let instansi = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya")
        .await
        .instansi_id;
    let k1 = komp(
        &c,
        instansi,
        "Pelayanan administrasi kependudukan",
        "teknis",
    )
    .await;
    let k2 = komp(&c, instansi, "Kepemimpinan pelayanan", "manajerial").await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    let sekda = holder(&c.app, &c.admin, "Sekretaris Daerah").await;
    Fx {
        c,
        instansi,
        tahun: this_year(),
        komp: [k1, k2],
        rina,
        kasubag,
        sekcam,
        sekda,
    }
}

impl Fx {
    /// A need of `e`, stored as the needs' own service would leave it.
    async fn need(&self, e: &Employee, komp: usize, status: &str, tahun: i32, jp: i32) -> Uuid {
        let now = chrono::Utc::now();
        kebutuhan_pengembangan::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(e.id),
            instansi_id: Set(self.instansi),
            tahun: Set(tahun),
            kompetensi_id: Set(Some(self.komp[komp])),
            kesenjangan: Set("kompetensi".into()),
            sumber: Set("usulan_pegawai".into()),
            evaluation_id: Set(None),
            bentuk: Set("bimtek".into()),
            prioritas: Set("tinggi".into()),
            perkiraan_jp: Set(Some(jp)),
            perkiraan_biaya: Set(Some(i64::from(jp) * 100_000)),
            uraian: Set("Perlu meningkatkan layanan".into()),
            status: Set(status.into()),
            catatan_keputusan: Set(None),
            diputuskan_oleh: Set(None),
            diputuskan_at: Set(None),
            diusulkan_oleh: Set(Uuid::nil()),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        }
        .insert(&self.c.app.db)
        .await
        .unwrap()
        .id
    }

    /// A development record of `e` of `menit` minutes.
    async fn record(&self, e: &Employee, tahun: i32, menit: i32, status: &str) {
        let now = chrono::Utc::now();
        let day = chrono::NaiveDate::from_ymd_opt(tahun, 3, 10).unwrap();
        catatan_pengembangan::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(e.id),
            instansi_id: Set(self.instansi),
            tahun: Set(tahun),
            nama: Set("Pelatihan pelayanan prima".into()),
            katalog_id: Set(None),
            bentuk: Set("diklat".into()),
            penyelenggara: Set("BPSDM Provinsi Banten".into()),
            tanggal_mulai: Set(day),
            tanggal_selesai: Set(day),
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
        .insert(&self.c.app.db)
        .await
        .unwrap();
    }

    async fn konsolidasi(&self, token: &str) -> Response {
        self.c
            .app
            .post_json(
                &format!("{BASE}/konsolidasi"),
                &json!({"tahun": self.tahun}),
                Some(token),
            )
            .await
    }

    async fn konsolidasi_ok(&self) -> HasilKonsolidasi {
        let resp = self.konsolidasi(&self.c.admin).await;
        assert!(resp.status() == 200 || resp.status() == 201);
        resp.json().await.unwrap()
    }

    async fn detail(&self, token: &str, id: Uuid) -> RencanaDetail {
        let resp = self
            .c
            .app
            .get(&format!("{BASE}/{id}?per_page=100"), Some(token))
            .await;
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    async fn items(&self, token: &str, id: Uuid, unit: Option<Uuid>) -> Page<ItemRencana> {
        let q = unit.map(|u| format!("&unit_id={u}")).unwrap_or_default();
        let resp = self
            .c
            .app
            .get(&format!("{BASE}/{id}/item?per_page=100{q}"), Some(token))
            .await;
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    async fn belum(&self, token: &str, id: Uuid, unit: Option<Uuid>) -> Page<PegawaiBelum20Jp> {
        let q = unit.map(|u| format!("&unit_id={u}")).unwrap_or_default();
        let resp = self
            .c
            .app
            .get(
                &format!("{BASE}/{id}/belum-20-jp?per_page=100{q}"),
                Some(token),
            )
            .await;
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    async fn ubah(&self, token: &str, id: Uuid, item: Uuid, body: serde_json::Value) -> Response {
        self.c
            .app
            .patch_json(&format!("{BASE}/{id}/item/{item}"), &body, Some(token))
            .await
    }

    async fn add_item(&self, id: Uuid, body: serde_json::Value) -> Response {
        self.c
            .app
            .post_json(&format!("{BASE}/{id}/item"), &body, Some(&self.c.admin))
            .await
    }

    async fn revisi(&self, id: Uuid, lock: i32) -> Response {
        self.c
            .app
            .post_json(
                &format!("{BASE}/{id}/revisi"),
                &json!({"lock_version": lock}),
                Some(&self.c.admin),
            )
            .await
    }

    async fn tetapkan(&self, token: &str, r: &RencanaPengembangan) -> Response {
        self.c
            .app
            .post_json(
                &format!("{BASE}/{}/tetapkan", r.id),
                &json!({"lock_version": r.lock_version, "catatan": "Sesuai anggaran"}),
                Some(token),
            )
            .await
    }

    async fn versi(&self, token: &str) -> Vec<RencanaPengembangan> {
        let resp = self
            .c
            .app
            .get(&format!("{BASE}?tahun={}", self.tahun), Some(token))
            .await;
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    /// Makes `e` work in the instansi's root unit, so that as pimpinan they head the instansi.
    async fn ke_unit_induk(&self, e: &Employee) {
        let root = units::Entity::find()
            .filter(units::Column::InstansiId.eq(self.instansi))
            .filter(units::Column::ParentId.is_null())
            .one(&self.c.app.db)
            .await
            .unwrap()
            .unwrap();
        let mut m = employees::Entity::find_by_id(e.id)
            .one(&self.c.app.db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        m.unit_id = Set(Some(root.id));
        m.update(&self.c.app.db).await.unwrap();
    }
}

/// The HR office consolidates the agreed needs of the year (not proposed or rejected ones,
/// not last year's) into version 1, one item per need in the employee's unit with the need's
/// JP and cost; consolidating again adds only the new needs. The plan shows per unit the
/// totals and who stays below 20 JP: planned JP here plus verified JP of the year (unverified
/// and last year's records do not count).
async fn rencana_consolidates_agreed_needs_with_unit_totals_and_the_20_jp_gap(db: Db) {
    let fx = fixture(db).await;
    let t = fx.tahun;
    fx.need(&fx.rina, 0, "disetujui", t, 8).await;
    fx.need(&fx.kasubag, 1, "disetujui", t, 24).await;
    fx.need(&fx.sekcam, 0, "disetujui", t, 12).await;
    fx.need(&fx.sekcam, 1, "diusulkan", t, 40).await;
    fx.need(&fx.sekcam, 1, "ditolak", t, 40).await;
    fx.need(&fx.rina, 1, "disetujui", t - 1, 40).await;
    // Rina: 8 planned + 12 verified JP (540 minutes) = 20; her unverified and last year's
    // records do not count. The sekcam: 12 planned + 4 verified = 16.
    fx.record(&fx.rina, t, 540, "diverifikasi").await;
    fx.record(&fx.rina, t, 900, "menunggu").await;
    fx.record(&fx.sekcam, t - 1, 900, "diverifikasi").await;
    fx.record(&fx.sekcam, t, 180, "diverifikasi").await;

    let resp = fx.konsolidasi(&fx.c.admin).await;
    assert_eq!(resp.status(), 201);
    let h: HasilKonsolidasi = resp.json().await.unwrap();
    assert_eq!((h.ditambahkan, h.versi_baru), (3, true));
    let r = h.rencana;
    assert_eq!((r.versi, r.status, r.tahun), (1, StatusRencana::Draft, t));
    assert_eq!((r.jumlah_item, r.jumlah_jp), (3, 44));
    assert_eq!(r.jumlah_anggaran, 4_400_000);
    assert!(r.terbaru && r.boleh_kelola && !r.boleh_tetapkan);
    assert_eq!(r.instansi_nama, "Pemerintah Kota Serang");

    let resp = fx.konsolidasi(&fx.c.admin).await;
    assert_eq!(resp.status(), 200);
    let h: HasilKonsolidasi = resp.json().await.unwrap();
    assert_eq!(
        (h.ditambahkan, h.versi_baru, h.rencana.id),
        (0, false, r.id)
    );
    fx.need(&fx.kasubag, 0, "disetujui", t, 6).await;
    let h = fx.konsolidasi_ok().await;
    assert_eq!((h.ditambahkan, h.rencana.jumlah_item), (1, 4));

    let d = fx.detail(&fx.c.admin, r.id).await;
    let umum = d
        .unit
        .items
        .iter()
        .find(|u| Some(u.unit_id) == fx.rina.unit_id)
        .unwrap();
    assert_eq!(umum.unit_nama, "Subbagian Umum dan Kepegawaian");
    assert_eq!((umum.jumlah_item, umum.jumlah_jp), (3, 38));
    assert_eq!(umum.jumlah_anggaran, 3_800_000);
    assert!(umum.jumlah_pegawai >= 2);
    // Rina reaches 20 JP and the kasubag has 30 planned: the others of the unit do not.
    let belum_umum = fx.belum(&fx.c.admin, r.id, fx.rina.unit_id).await;
    assert_eq!(umum.belum_20_jp, belum_umum.total);
    assert_eq!(umum.jumlah_pegawai - 2, umum.belum_20_jp);
    let ids: Vec<Uuid> = belum_umum.items.iter().map(|p| p.employee_id).collect();
    assert!(!ids.contains(&fx.rina.id) && !ids.contains(&fx.kasubag.id));
    let sekcam = fx.belum(&fx.c.admin, r.id, fx.sekcam.unit_id).await;
    let s = sekcam
        .items
        .iter()
        .find(|p| p.employee_id == fx.sekcam.id)
        .unwrap();
    assert_eq!(s.jp_direncanakan, 12);
    assert_eq!(s.jp_terverifikasi, 4.0);
    assert_eq!(s.jp_kurang, 4.0);
    // Fewest JP first over the whole instansi; nobody listed reaches 20.
    let all = fx.belum(&fx.c.admin, r.id, None).await;
    assert!(all.total >= sekcam.total + belum_umum.total);
    assert!(all.items.iter().all(|p| p.jp_kurang > 0.0));
    assert!(
        all.items
            .windows(2)
            .all(|w| w[0].jp_kurang >= w[1].jp_kurang)
    );
    let sum: u64 = d.unit.items.iter().map(|u| u.belum_20_jp).sum();
    assert_eq!(sum, all.total);

    let items = fx.items(&fx.c.admin, r.id, fx.rina.unit_id).await;
    assert_eq!(items.total, 3);
    let rina = items
        .items
        .iter()
        .find(|i| i.employee_id == fx.rina.id)
        .unwrap();
    assert_eq!((rina.jp, rina.anggaran), (8, 800_000));
    assert_eq!(rina.kompetensi_nama, "Pelayanan administrasi kependudukan");
    assert!(rina.kebutuhan_id.is_some() && rina.penyelenggara.is_none());
    let n = audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq("rencana_pengembangan.dikonsolidasi"))
        .count(&fx.c.app.db)
        .await
        .unwrap();
    assert_eq!(n, 3);
}
db_test!(rencana_consolidates_agreed_needs_with_unit_totals_and_the_20_jp_gap);

/// While draft the HR office edits items (provider, month, JP, budget), adds them by hand and
/// removes them, each write naming the plan's `lock_version`; stale writes get 409, bad
/// fields 422 per field. Every write is audited.
async fn rencana_items_are_edited_added_and_removed_while_draft(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    let r = fx.konsolidasi_ok().await.rencana;
    let it = fx.items(&fx.c.admin, r.id, None).await.items.remove(0);
    assert_eq!(it.rencana_lock_version, r.lock_version);

    let resp = fx
        .ubah(
            &fx.c.admin,
            r.id,
            it.id,
            json!({"lock_version": r.lock_version, "penyelenggara": "BPSDM Provinsi Banten",
                   "bulan_rencana": 5, "jp": 24, "anggaran": 3_500_000, "bentuk": "e_learning"}),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let it2: ItemRencana = resp.json().await.unwrap();
    assert_eq!(it2.penyelenggara.as_deref(), Some("BPSDM Provinsi Banten"));
    assert_eq!(
        (it2.bulan_rencana, it2.jp, it2.anggaran),
        (Some(5), 24, 3_500_000)
    );
    assert_eq!(it2.jalur, kinerja_api::pengembangan::Jalur::Nonklasikal);
    assert_eq!(it2.rencana_lock_version, r.lock_version + 1);

    let stale = fx
        .ubah(
            &fx.c.admin,
            r.id,
            it.id,
            json!({"lock_version": r.lock_version, "jp": 10}),
        )
        .await;
    assert_problem(stale, 409, ErrorCode::Conflict).await;
    let lock = it2.rencana_lock_version;
    let bad = fx
        .ubah(
            &fx.c.admin,
            r.id,
            it.id,
            json!({"lock_version": lock, "bulan_rencana": 13, "jp": 0, "anggaran": -1}),
        )
        .await;
    let body = assert_problem(bad, 422, ErrorCode::ValidationFailed).await;
    for f in ["bulan_rencana", "jp", "anggaran"] {
        assert!(!body.field_errors(f).is_empty(), "{f}: {:?}", body.errors);
    }

    // By hand: the sekda (another unit) with the manajerial competency.
    let resp = fx
        .add_item(
            r.id,
            json!({"lock_version": lock, "employee_id": fx.sekda.id,
        "kompetensi_id": fx.komp[1], "bentuk": "coaching", "jp": 20, "anggaran": 0}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let baru: ItemRencana = resp.json().await.unwrap();
    assert_eq!(
        (baru.unit_id, baru.kebutuhan_id),
        (fx.sekda.unit_id.unwrap(), None)
    );
    let lock = baru.rencana_lock_version;
    let resp = fx
        .add_item(
            r.id,
            json!({"lock_version": lock, "employee_id": Uuid::now_v7(),
        "kompetensi_id": Uuid::now_v7(), "bentuk": "coaching", "jp": 20, "anggaran": 0}),
        )
        .await;
    let body = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(
        !body.field_errors("employee_id").is_empty(),
        "{:?}",
        body.errors
    );

    let del = |lock: i32| {
        fx.c.app
            .client
            .delete(fx.c.app.url(&format!(
                "{BASE}/{}/item/{}?lock_version={lock}",
                r.id, baru.id
            )))
            .bearer_auth(&fx.c.admin)
            .send()
    };
    assert_eq!(del(lock - 1).await.unwrap().status(), 409);
    assert_eq!(del(lock).await.unwrap().status(), 204);
    let d = fx.detail(&fx.c.admin, r.id).await;
    assert_eq!((d.rencana.jumlah_item, d.rencana.jumlah_jp), (1, 24));
    assert_eq!(d.rencana.lock_version, lock + 1);
    for action in ["item_diubah", "item_ditambahkan", "item_dihapus"] {
        let n = audit_events::Entity::find()
            .filter(audit_events::Column::Action.eq(format!("rencana_pengembangan.{action}")))
            .count(&fx.c.app.db)
            .await
            .unwrap();
        assert_eq!(n, 1, "{action}");
    }
}
db_test!(rencana_items_are_edited_added_and_removed_while_draft);

/// Only the pimpinan heading the instansi (or a superadmin) sets the plan: not the HR office,
/// not the camat who heads one kecamatan. A set version is frozen; consolidating again starts
/// version 2 as a copy; both versions are listed and readable; only the newest set version
/// can be revised.
async fn rencana_is_set_by_the_head_of_the_instansi_and_versions_are_kept(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    fx.need(&fx.sekcam, 0, "disetujui", fx.tahun, 12).await;
    let r = fx.konsolidasi_ok().await.rencana;
    assert_problem(
        fx.tetapkan(&fx.c.admin, &r).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        fx.tetapkan(&fx.c.camat, &r).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;

    // The camat moves to the instansi's root unit: now they head it.
    let camat = holder(&fx.c.app, &fx.c.admin, "Camat Cipocok Jaya").await;
    fx.ke_unit_induk(&camat).await;
    // On PostgreSQL the server hears of the move through NOTIFY: wait for it.
    let mut seen: Vec<RencanaPengembangan> = fx.versi(&fx.c.camat).await;
    for _ in 0..50 {
        if seen[0].boleh_tetapkan {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        seen = fx.versi(&fx.c.camat).await;
    }
    assert!(seen[0].boleh_tetapkan && !seen[0].boleh_kelola);
    let resp = fx.tetapkan(&fx.c.camat, &r).await;
    assert_eq!(resp.status(), 200);
    let set: RencanaPengembangan = resp.json().await.unwrap();
    assert_eq!(set.status, StatusRencana::Ditetapkan);
    assert_eq!(set.catatan.as_deref(), Some("Sesuai anggaran"));
    assert!(set.ditetapkan_at.is_some() && set.ditetapkan_oleh_nama.is_some());
    assert_problem(
        fx.tetapkan(&fx.c.camat, &set).await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // Frozen: no edit; consolidating starts version 2, a copy plus the new need.
    let it = fx.items(&fx.c.admin, r.id, None).await.items.remove(0);
    let resp = fx
        .ubah(
            &fx.c.admin,
            r.id,
            it.id,
            json!({"lock_version": set.lock_version, "jp": 30}),
        )
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "rencana_sudah_ditetapkan");
    fx.need(&fx.kasubag, 1, "disetujui", fx.tahun, 24).await;
    let resp = fx.konsolidasi(&fx.c.admin).await;
    assert_eq!(resp.status(), 201);
    let h: HasilKonsolidasi = resp.json().await.unwrap();
    assert_eq!((h.rencana.versi, h.ditambahkan, h.versi_baru), (2, 1, true));
    assert_eq!((h.rencana.jumlah_item, h.rencana.jumlah_jp), (3, 44));
    let v2 = h.rencana;

    let list = fx.versi(&fx.c.admin).await;
    assert_eq!(list.iter().map(|v| v.versi).collect::<Vec<_>>(), [2, 1]);
    assert!(list[0].terbaru && !list[1].terbaru);
    assert_eq!(list[1].status, StatusRencana::Ditetapkan);
    let v1 = fx.detail(&fx.c.admin, r.id).await;
    assert_eq!((v1.rencana.jumlah_item, v1.rencana.jumlah_jp), (2, 20));
    // Editing version 2 leaves version 1 as set.
    let it2 = fx
        .items(&fx.c.admin, v2.id, None)
        .await
        .items
        .into_iter()
        .find(|i| i.employee_id == it.employee_id)
        .unwrap();
    let resp = fx
        .ubah(
            &fx.c.admin,
            v2.id,
            it2.id,
            json!({"lock_version": v2.lock_version, "jp": 30}),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let old = fx.items(&fx.c.admin, r.id, None).await;
    assert!(old.items.iter().any(|i| i.id == it.id && i.jp == it.jp));

    // Revising: not a draft, not an old version; a superadmin sets version 2, then the HR
    // office starts version 3 from it.
    let v2 = fx.detail(&fx.c.admin, v2.id).await.rencana;
    let body = assert_problem(
        fx.revisi(v2.id, v2.lock_version).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    assert_eq!(body.message.unwrap().code, "rencana_masih_draft");
    let body = assert_problem(
        fx.revisi(r.id, set.lock_version).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    assert_eq!(body.message.unwrap().code, "rencana_bukan_versi_terbaru");
    let (_, sa) = fx.c.app.signed_in("super.uji", &[Role::Superadmin]).await;
    let resp = fx.tetapkan(&sa, &v2).await;
    assert_eq!(resp.status(), 200);
    let v2: RencanaPengembangan = resp.json().await.unwrap();
    let resp = fx.revisi(v2.id, v2.lock_version).await;
    assert_eq!(resp.status(), 201);
    let v3: RencanaPengembangan = resp.json().await.unwrap();
    assert_eq!(
        (v3.versi, v3.status, v3.jumlah_item),
        (3, StatusRencana::Draft, 3)
    );
    assert_eq!(v3.jumlah_jp, 44 - i64::from(it.jp) + 30);
    let n = audit_events::Entity::find()
        .filter(audit_events::Column::Action.is_in([
            "rencana_pengembangan.ditetapkan",
            "rencana_pengembangan.direvisi",
        ]))
        .count(&fx.c.app.db)
        .await
        .unwrap();
    assert_eq!(n, 3);
}
db_test!(rencana_is_set_by_the_head_of_the_instansi_and_versions_are_kept);

/// A pegawai and an auditor get 403 everywhere; without a token 401. A pimpinan of one
/// kecamatan reads the plan of its units only (totals, units, items, the 20 JP list), gets
/// 404 for a unit outside, and 403 for every write.
async fn rencana_access_by_role(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    fx.need(&fx.sekda, 1, "disetujui", fx.tahun, 30).await;
    let r = fx.konsolidasi_ok().await.rencana;
    let it = fx.items(&fx.c.admin, r.id, None).await.items.remove(0);
    let (_, auditor) = fx.c.app.signed_in("auditor.uji", &[Role::Auditor]).await;

    let reads = [
        format!("{BASE}?tahun={}", fx.tahun),
        format!("{BASE}/{}", r.id),
        format!("{BASE}/{}/item", r.id),
        format!("{BASE}/{}/belum-20-jp", r.id),
        format!("{BASE}/{}/rencana.xlsx", r.id),
    ];
    for path in &reads {
        for token in [&fx.c.rina, &fx.c.sekda, &auditor] {
            let resp = fx.c.app.get(path, Some(token)).await;
            assert_eq!(resp.status(), 403, "{path}");
        }
        assert_eq!(fx.c.app.get(path, None).await.status(), 401, "{path}");
    }
    let writes = [
        (format!("{BASE}/konsolidasi"), json!({"tahun": fx.tahun})),
        (
            format!("{BASE}/{}/tetapkan", r.id),
            json!({"lock_version": r.lock_version}),
        ),
        (
            format!("{BASE}/{}/revisi", r.id),
            json!({"lock_version": r.lock_version}),
        ),
        (
            format!("{BASE}/{}/item", r.id),
            json!({"lock_version": r.lock_version, "employee_id": fx.rina.id,
                   "kompetensi_id": fx.komp[0], "bentuk": "diklat", "jp": 8, "anggaran": 0}),
        ),
    ];
    for (path, body) in &writes {
        for token in [&fx.c.rina, &fx.c.camat, &auditor] {
            let resp = fx.c.app.post_json(path, body, Some(token)).await;
            assert_eq!(resp.status(), 403, "{path}");
        }
    }
    let resp = fx
        .ubah(
            &fx.c.camat,
            r.id,
            it.id,
            json!({"lock_version": r.lock_version, "jp": 9}),
        )
        .await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;

    // The camat reads the kecamatan's units only.
    let kec = unit_named(&fx.c.app, &fx.c.admin, "Kecamatan Cipocok Jaya").await;
    let seen = fx.versi(&fx.c.camat).await;
    assert_eq!((seen[0].jumlah_item, seen[0].jumlah_jp), (1, 8));
    assert!(!seen[0].boleh_kelola && !seen[0].boleh_tetapkan);
    let d = fx.detail(&fx.c.camat, r.id).await;
    assert!(
        d.unit
            .items
            .iter()
            .all(|u| u.unit_id != fx.sekda.unit_id.unwrap())
    );
    assert!(d.unit.items.iter().any(|u| u.unit_id == kec.id));
    let items = fx.items(&fx.c.camat, r.id, None).await;
    assert_eq!(items.total, 1);
    assert_eq!(items.items[0].employee_id, fx.rina.id);
    let belum = fx.belum(&fx.c.camat, r.id, None).await;
    assert!(belum.items.iter().all(|p| p.employee_id != fx.sekda.id));
    let all = fx.belum(&fx.c.admin, r.id, None).await;
    assert!(all.total > belum.total);
    let resp =
        fx.c.app
            .get(
                &format!("{BASE}/{}/item?unit_id={}", r.id, fx.sekda.unit_id.unwrap()),
                Some(&fx.c.camat),
            )
            .await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;
    let resp =
        fx.c.app
            .get(&format!("{BASE}/{}", Uuid::now_v7()), Some(&fx.c.admin))
            .await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;
}
db_test!(rencana_access_by_role);

/// Two HR officers write the same draft at the same instant from the same version: one gets
/// 200, the other 409 — truly concurrent on PostgreSQL; also on different items, since the
/// plan's version guards them all. Two first consolidations at once make one version 1.
async fn rencana_concurrent_officers_get_one_success_and_one_conflict(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    fx.need(&fx.kasubag, 0, "disetujui", fx.tahun, 8).await;
    let (_, hr2) = fx.c.app.signed_in("bkpsdm.dua", &[Role::Admin]).await;

    let (a, b) = tokio::join!(fx.konsolidasi(&fx.c.admin), fx.konsolidasi(&hr2));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [201, 409] || statuses == [200, 201],
        "{statuses:?}"
    );
    let list = fx.versi(&fx.c.admin).await;
    assert_eq!(list.len(), 1);
    let mut r = list.into_iter().next().unwrap();
    assert_eq!(r.jumlah_item, 2);
    let items = fx.items(&fx.c.admin, r.id, None).await.items;

    for round in 0..8usize {
        let url = |i: usize| {
            fx.c.app
                .url(&format!("{BASE}/{}/item/{}", r.id, items[i % 2].id))
        };
        let send = |token: &str, i: usize, jp: usize| {
            fx.c.app
                .client
                .patch(url(i))
                .bearer_auth(token)
                .json(&json!({"lock_version": r.lock_version, "jp": jp}))
                .send()
        };
        // Even rounds: the same item; odd rounds: the two items.
        let (a, b) = tokio::join!(
            send(&fx.c.admin, 0, 10 + round),
            send(&hr2, round % 2, 30 + round)
        );
        let mut statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let now = fx.detail(&fx.c.admin, r.id).await.rencana;
        assert_eq!(now.lock_version, r.lock_version + 1, "round {round}");
        r = now;
    }
}
db_test!(rencana_concurrent_officers_get_one_success_and_one_conflict);

fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable XLSX");
    book.worksheet_range("Rencana")
        .unwrap()
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => f.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The XLSX: header with instansi, year, version and status; per unit, per competency, with
/// a subtotal per competency and per unit and the grand total.
async fn rencana_xlsx_has_the_submission_layout(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    fx.need(&fx.kasubag, 0, "disetujui", fx.tahun, 12).await;
    fx.need(&fx.kasubag, 1, "disetujui", fx.tahun, 24).await;
    fx.need(&fx.sekcam, 1, "disetujui", fx.tahun, 16).await;
    let r = fx.konsolidasi_ok().await.rencana;
    let resp =
        fx.c.app
            .get(&format!("{BASE}/{}/rencana.xlsx", r.id), Some(&fx.c.admin))
            .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let rows = cells(&resp.bytes().await.unwrap());
    let text: Vec<String> = rows.iter().map(|r| r.join("|")).collect();
    let find = |needle: &str| {
        text.iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {text:#?}"))
    };
    assert!(find("RENCANA PENGEMBANGAN KOMPETENSI TAHUN").contains(&fx.tahun.to_string()));
    assert!(find("Instansi").contains("Pemerintah Kota Serang"));
    assert!(find("Versi").contains('1'));
    assert!(find("Status").contains("Draf"));
    let sub = find("Subtotal Pelayanan administrasi kependudukan (2 orang)");
    assert!(sub.contains("|20|") && sub.contains("2000000"), "{sub}");
    let unit = find("Jumlah Subbagian Umum dan Kepegawaian");
    assert!(unit.contains("|44|") && unit.contains("4400000"), "{unit}");
    assert!(find("Jumlah Sekretariat Kecamatan Cipocok Jaya").contains("|16|"));
    let total = find("JUMLAH TOTAL (4 kegiatan)");
    assert!(
        total.contains("|60|") && total.contains("6000000"),
        "{total}"
    );
}
db_test!(rencana_xlsx_has_the_submission_layout);

/// The demo plan: this year's plan of the demo instansi, version 1 set and version 2 a draft
/// with one more item; seeding again changes nothing.
async fn rencana_demo_builds_a_set_plan_and_a_draft_version(db: Db) {
    let fx = fixture(db).await;
    let n = kinerja::demo::seed_rencana_pengembangan(&fx.c.app.db)
        .await
        .unwrap();
    assert!(n > 0);
    let list = fx.versi(&fx.c.admin).await;
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].status, StatusRencana::Ditetapkan);
    assert_eq!(list[1].jumlah_item, n as u64);
    assert_eq!(list[0].status, StatusRencana::Draft);
    assert_eq!(list[0].jumlah_item, n as u64 + 1);
    let d = fx.detail(&fx.c.admin, list[1].id).await;
    assert!(d.unit.items.iter().any(|u| u.belum_20_jp > 0));
    assert_eq!(
        kinerja::demo::seed_rencana_pengembangan(&fx.c.app.db)
            .await
            .unwrap(),
        0
    );
}
db_test!(rencana_demo_builds_a_set_plan_and_a_draft_version);

/// With agreed needs, the demo plan is built from them (six more people planned by hand),
/// each item with a provider and a month.
async fn rencana_demo_uses_the_agreed_needs_when_there_are_some(db: Db) {
    let fx = fixture(db).await;
    fx.need(&fx.rina, 0, "disetujui", fx.tahun, 8).await;
    fx.need(&fx.sekcam, 1, "disetujui", fx.tahun, 12).await;
    fx.need(&fx.kasubag, 1, "diusulkan", fx.tahun, 12).await;
    let n = kinerja::demo::seed_rencana_pengembangan(&fx.c.app.db)
        .await
        .unwrap();
    assert_eq!(n, 2 + 6);
    let list = fx.versi(&fx.c.admin).await;
    let v1 = list.iter().find(|v| v.versi == 1).unwrap();
    assert_eq!(v1.status, StatusRencana::Ditetapkan);
    let items = fx.items(&fx.c.admin, v1.id, None).await.items;
    let from_needs: Vec<&ItemRencana> = items.iter().filter(|i| i.kebutuhan_id.is_some()).collect();
    assert_eq!(from_needs.len(), 2);
    assert!(
        from_needs
            .iter()
            .any(|i| i.employee_id == fx.rina.id && i.jp == 8)
    );
    assert!(
        items
            .iter()
            .all(|i| i.penyelenggara.is_some() && i.bulan_rencana.is_some())
    );
    let people: std::collections::HashSet<Uuid> = items.iter().map(|i| i.employee_id).collect();
    assert_eq!(people.len(), 8, "nobody is planned twice by the demo");
}
db_test!(rencana_demo_uses_the_agreed_needs_when_there_are_some);
