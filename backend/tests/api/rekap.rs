//! Recaps and the national export (#19) on the demo chain: the rekap SKP follows an SKP from
//! draft to approval and its XLSX holds the preview's rows under the instansi, unit, period
//! and print date; the rekap evaluasi counts the set predikat per unit; the rekap angka kredit
//! converts a JF employee's predikat by the jenjang's coefficient; the SIASN export holds only
//! the people the validation lets through, as CSV and JSON in layout `kinerja-siasn-1`; and
//! who may read what.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::Utc;
use kinerja::entities::{evaluations, keberatan, skps};
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::evaluation::{self as rules, Predikat, Rating};
use kinerja_api::planning::StatusSkp;
use kinerja_api::rekap::{
    AlasanTidakSiap, KOLOM_SIASN, RekapAngkaKredit, RekapEvaluasi, RekapSkp, VERSI_SIASN,
    ValidasiSiasn,
};
use reqwest::Response;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, holder};

async fn ok<T: serde::de::DeserializeOwned>(resp: Response, status: u16) -> T {
    let code = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    assert_eq!(code, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn get<T: serde::de::DeserializeOwned>(c: &Chain, token: &str, path: &str) -> T {
    ok(c.app.get(path, Some(token)).await, 200).await
}

/// The file's bytes and its Content-Disposition.
async fn file(c: &Chain, token: &str, path: &str) -> (Vec<u8>, String) {
    let resp = c.app.get(path, Some(token)).await;
    assert_eq!(resp.status(), 200, "{path}");
    let disposition = resp
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (resp.bytes().await.unwrap().to_vec(), disposition)
}

fn cell(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A sheet's rows as text.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.iter().map(cell).collect()).collect()
}

/// An annual (or periodic) evaluation set on `skp`, rated by `penilai`.
async fn set_evaluation(
    c: &Chain,
    skp: Uuid,
    unit: Uuid,
    k: i32,
    predikat: &str,
    penilai: Option<Uuid>,
) -> evaluations::Model {
    evaluations::ActiveModel {
        id: Set(Uuid::now_v7()),
        skp_id: Set(skp),
        periode_ke: Set(k),
        rating_hasil: Set(Some("sesuai_ekspektasi".into())),
        rating_perilaku: Set(Some("di_atas_ekspektasi".into())),
        predikat: Set(Some(predikat.into())),
        catatan_hasil: Set(None),
        catatan_perilaku: Set(None),
        rekomendasi: Set(None),
        hasil_dari_organisasi: Set(false),
        status: Set("ditetapkan".into()),
        versi: Set(1),
        unit_id: Set(unit),
        penilai_employee_id: Set(penilai),
        ditetapkan_at: Set(Some(Utc::now())),
        batas_keberatan: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    }
    .insert(&c.app.db)
    .await
    .unwrap()
}

async fn the_rekap_skp_and_its_xlsx_follow_the_cycle_of_the_unit(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let subbag = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    let path = format!("/api/v1/rekap/skp?unit_id={}&per_page=100", subbag.id);

    let r: RekapSkp = get(&c, &c.admin, &path).await;
    assert_eq!(r.kepala.unit, "Subbagian Umum dan Kepegawaian");
    assert_eq!(r.kepala.tahun, c.periode.tahun);
    assert!(!r.kepala.instansi.is_empty());
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == rina.id)
        .unwrap();
    assert_eq!((row.status, row.versi), (None, None), "not started");
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == kasubag.id)
        .unwrap();
    assert_eq!(row.status, Some(StatusSkp::Disetujui));
    assert_eq!(
        row.disetujui,
        Some(r.kepala.dicetak),
        "the instansi's local day"
    );

    // Rina's SKP: submitted, then approved by the kasubag.
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    assert_eq!(c.submit(&c.rina, &skp).await.status(), 200);
    let r: RekapSkp = get(&c, &c.admin, &path).await;
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == rina.id)
        .unwrap();
    assert_eq!(row.status, Some(StatusSkp::Diajukan));
    assert_eq!(row.diajukan, Some(r.kepala.dicetak));
    assert_eq!(row.disetujui, None);
    assert_eq!(row.ppkin_nip.as_deref(), Some(kasubag.nip.as_str()));
    let skp = get(&c, &c.rina, &format!("/api/v1/skp/{}", skp.id)).await;
    let _: kinerja_api::planning::Skp = ok(c.approve(&c.kasubag, &skp).await, 200).await;
    let r: RekapSkp = get(&c, &c.admin, &path).await;
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == rina.id)
        .unwrap();
    assert_eq!(
        (row.status, row.versi),
        (Some(StatusSkp::Disetujui), Some(1))
    );
    assert_eq!(row.disetujui, Some(r.kepala.dicetak));
    assert_eq!(r.baris.total, r.baris.items.len() as u64);

    // The XLSX: the header on top, then the preview's rows in the same order.
    let (bytes, disposition) = file(
        &c,
        &c.admin,
        &format!("/api/v1/rekap/skp.xlsx?unit_id={}", subbag.id),
    )
    .await;
    assert!(
        disposition.contains(&format!(
            "rekap-skp-subbagian-umum-dan-kepegawaian-{}.xlsx",
            c.periode.tahun
        )),
        "{disposition}"
    );
    let rows = sheet(&bytes, "Rekap SKP");
    assert!(rows[0][0].contains("REKAPITULASI"));
    assert_eq!(rows[1][1], r.kepala.instansi);
    assert_eq!(rows[2][1], "Subbagian Umum dan Kepegawaian");
    assert!(rows[3][1].contains(&c.periode.tahun.to_string()));
    assert!(!rows[4][1].is_empty(), "the print date");
    assert_eq!(rows[6][0], "No");
    assert_eq!(rows[6][1], "NIP");
    let data = &rows[7..];
    assert_eq!(data.len(), r.baris.items.len());
    for (line, b) in data.iter().zip(&r.baris.items) {
        assert_eq!(line[1], b.nip);
        assert_eq!(line[2], b.nama);
    }
    let rina_line = data.iter().find(|l| l[1] == rina.nip).unwrap();
    assert_eq!(rina_line[5], "Disetujui");
    assert_eq!(rina_line[9], kasubag.nip);

    // The camat: the kecamatan holds the subbagian's rows among its own.
    let kec = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let r: RekapSkp = get(
        &c,
        &c.camat,
        &format!("/api/v1/rekap/skp?unit_id={}&per_page=100", kec.id),
    )
    .await;
    assert!(r.baris.total > data.len() as u64);
    let (_, disposition) = file(&c, &c.camat, "/api/v1/rekap/skp.xlsx").await;
    assert!(
        disposition.contains("rekap-skp-kecamatan-cipocok-jaya-"),
        "{disposition}"
    );
}
db_test!(the_rekap_skp_and_its_xlsx_follow_the_cycle_of_the_unit);

async fn the_rekap_evaluasi_counts_set_predikat_and_the_export_only_what_passes(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let subbag = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let kasubag = holder(&c.app, &c.admin, "Kepala Subbagian Umum dan Kepegawaian").await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let validasi = format!(
        "/api/v1/rekap/siasn/validasi?unit_id={}&per_page=100",
        subbag.id
    );

    // Before the annual evaluation: Rina waits for it; a colleague without SKP for everything.
    let v: ValidasiSiasn = get(&c, &c.admin, &validasi).await;
    assert_eq!(v.versi, VERSI_SIASN);
    assert_eq!(v.siap, 0);
    assert_eq!(v.tidak_siap.total, v.jumlah_pegawai);
    let r = v
        .tidak_siap
        .items
        .iter()
        .find(|t| t.employee_id == rina.id)
        .unwrap();
    assert_eq!(r.alasan, vec![AlasanTidakSiap::EvaluasiTahunanBelum]);
    if let Some(other) = v
        .tidak_siap
        .items
        .iter()
        .find(|t| t.employee_id != rina.id && t.employee_id != kasubag.id)
    {
        assert_eq!(
            other.alasan,
            vec![
                AlasanTidakSiap::SkpBelumDisetujui,
                AlasanTidakSiap::EvaluasiTahunanBelum,
                AlasanTidakSiap::PpkinTidakDiketahui
            ]
        );
    }

    // The annual evaluation set by the kasubag, with an objection still open.
    let eval = set_evaluation(&c, skp.id, subbag.id, 0, "baik", Some(kasubag.id)).await;
    let objection = keberatan::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(eval.id),
        alasan: Set("Realisasi belum dihitung lengkap.".into()),
        status: Set("diajukan".into()),
        penjelasan: Set(None),
        keputusan: Set(None),
        catatan_keputusan: Set(None),
        diajukan_at: Set(Utc::now()),
        dijelaskan_at: Set(None),
        diputus_at: Set(None),
        diputus_oleh: Set(None),
    }
    .insert(&c.app.db)
    .await
    .unwrap();
    let v: ValidasiSiasn = get(&c, &c.admin, &validasi).await;
    let r = v
        .tidak_siap
        .items
        .iter()
        .find(|t| t.employee_id == rina.id)
        .unwrap();
    assert_eq!(r.alasan, vec![AlasanTidakSiap::KeberatanTerbuka]);
    let mut o: keberatan::ActiveModel = objection.into();
    o.status = Set("diputus".into());
    o.update(&c.app.db).await.unwrap();
    let v: ValidasiSiasn = get(&c, &c.admin, &validasi).await;
    assert_eq!(v.siap, 1);
    assert!(v.tidak_siap.items.iter().all(|t| t.employee_id != rina.id));
    assert_eq!(v.tidak_siap.total + 1, v.jumlah_pegawai);

    // The export: CSV with the layout's header and Rina's row only.
    let (bytes, disposition) = file(
        &c,
        &c.admin,
        &format!("/api/v1/rekap/siasn?format=csv&unit_id={}", subbag.id),
    )
    .await;
    assert!(
        disposition.contains(&format!(
            "siasn-kinerja-subbagian-umum-dan-kepegawaian-{}.csv",
            c.periode.tahun
        )),
        "{disposition}"
    );
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], KOLOM_SIASN.join(","));
    assert_eq!(lines.len(), 2, "{text}");
    let cells: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(cells[0], VERSI_SIASN);
    assert_eq!(cells[1], rina.nip);
    assert_eq!(cells[3], c.periode.tahun.to_string());
    assert_eq!(
        &cells[6..],
        &[
            "sesuai_ekspektasi",
            "di_atas_ekspektasi",
            "baik",
            kasubag.nip.as_str()
        ]
    );
    // JSON: the same row under the layout's metadata.
    let (bytes, disposition) = file(
        &c,
        &c.admin,
        &format!("/api/v1/rekap/siasn?format=json&unit_id={}", subbag.id),
    )
    .await;
    assert!(disposition.contains(".json"), "{disposition}");
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["versi"], VERSI_SIASN);
    assert_eq!(doc["baris"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["baris"][0]["nip"], json!(rina.nip));
    assert_eq!(doc["baris"][0]["nip_pejabat_penilai"], json!(kasubag.nip));
    assert_eq!(doc["baris"][0]["predikat_kinerja"], "baik");
    // The whole instansi streams the same single row (nobody else is ready).
    let (bytes, _) = file(&c, &c.admin, "/api/v1/rekap/siasn?format=json").await;
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["baris"].as_array().map(Vec::len), Some(1));

    // Rekap evaluasi of the year: Rina's predikat, counted in the subbagian's own line.
    let r: RekapEvaluasi = get(
        &c,
        &c.admin,
        &format!(
            "/api/v1/rekap/evaluasi?unit_id={}&periode_ke=0&per_page=100",
            subbag.id
        ),
    )
    .await;
    assert_eq!(r.kepala.periode_ke, Some(0));
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == rina.id)
        .unwrap();
    assert_eq!(
        (row.rating_hasil, row.rating_perilaku, row.predikat),
        (
            Some(Rating::Sesuai),
            Some(Rating::DiAtas),
            Some(Predikat::Baik)
        )
    );
    assert_eq!(r.per_unit[0].unit_id, subbag.id);
    assert_eq!(r.per_unit[0].hitungan.baik, 1);
    assert_eq!(
        r.per_unit[0].belum_dinilai + 1,
        r.per_unit[0].jumlah_pegawai
    );
    assert!(r.pola.is_none(), "no organisation predikat set");
    let (bytes, disposition) = file(
        &c,
        &c.admin,
        &format!(
            "/api/v1/rekap/evaluasi.xlsx?unit_id={}&periode_ke=0",
            subbag.id
        ),
    )
    .await;
    assert!(disposition.contains("-tahunan.xlsx"), "{disposition}");
    let rows = sheet(&bytes, "Rekap Evaluasi");
    let line = rows[7..].iter().find(|l| l[1] == rina.nip).unwrap();
    assert_eq!(
        &line[5..8],
        ["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"]
    );
    let dist = sheet(&bytes, "Distribusi");
    assert!(dist[7][1].starts_with("Subbagian Umum dan Kepegawaian"));
    assert_eq!(dist[7][4], "1", "one Baik");
    // A sub-period outside the rhythm, a period of nobody.
    for (path, field) in [
        (
            "/api/v1/rekap/evaluasi?periode_ke=13".to_owned(),
            "periode_ke",
        ),
        (
            format!("/api/v1/rekap/skp?periode_id={}", Uuid::now_v7()),
            "periode_id",
        ),
        ("/api/v1/rekap/siasn?format=xml".to_owned(), "format"),
    ] {
        let body = assert_problem(
            c.app.get(&path, Some(&c.admin)).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(
            body.errors.as_ref().is_some_and(|e| e.contains_key(field)),
            "{path}: {body:?}"
        );
    }
}
db_test!(the_rekap_evaluasi_counts_set_predikat_and_the_export_only_what_passes);

async fn the_rekap_angka_kredit_converts_the_predikat_of_jabatan_fungsional(db: Db) {
    let c = chain(db).await;
    let kec = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let analis = holder(&c.app, &c.admin, "Analis Kebijakan Ahli Muda").await;
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    let path = format!("/api/v1/rekap/angka-kredit?unit_id={}&per_page=100", kec.id);
    let r: RekapAngkaKredit = get(&c, &c.camat, &path).await;
    assert!(
        r.baris.items.iter().all(|b| b.employee_id != rina.id),
        "pelaksana earn no angka kredit"
    );
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == analis.id)
        .unwrap();
    assert_eq!((row.koefisien, row.angka_kredit), (25.0, None));

    // An approved SKP with two months rated: Baik, then Sangat Baik.
    let now = Utc::now();
    let skp = skps::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(c.periode.id),
        employee_id: Set(analis.id),
        versi: Set(1),
        lock_version: Set(0),
        status: Set("disetujui".into()),
        pendekatan: Set("kuantitatif".into()),
        jenis: Set("ja_jf".into()),
        ppkin_employee_id: Set(None),
        atasan_ppkin_employee_id: Set(None),
        snapshot: Set(json!({})),
        lampiran: Set(json!({})),
        catatan_pengembalian: Set(None),
        diajukan_at: Set(Some(now)),
        disetujui_at: Set(Some(now)),
        disetujui_oleh: Set(None),
        previous_id: Set(None),
        berlaku_dari_ke: Set(Some(1)),
        alasan_perubahan: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&c.app.db)
    .await
    .unwrap();
    let unit = analis.unit_id.unwrap();
    set_evaluation(&c, skp.id, unit, 1, "baik", None).await;
    set_evaluation(&c, skp.id, unit, 2, "sangat_baik", None).await;
    let r: RekapAngkaKredit = get(&c, &c.camat, &path).await;
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == analis.id)
        .unwrap();
    let expected =
        rules::angka_kredit_jumlah(&[(Predikat::Baik, 1), (Predikat::SangatBaik, 1)], 25.0);
    assert_eq!(
        (row.periode_dinilai, row.bulan, row.angka_kredit),
        (2, 2, Some(expected))
    );
    // The annual predikat decides the year: Baik × 25.
    set_evaluation(&c, skp.id, unit, 0, "baik", None).await;
    let r: RekapAngkaKredit = get(&c, &c.camat, &path).await;
    let row = r
        .baris
        .items
        .iter()
        .find(|b| b.employee_id == analis.id)
        .unwrap();
    assert_eq!(
        (row.predikat_tahunan, row.bulan, row.angka_kredit),
        (Some(Predikat::Baik), 12, Some(25.0))
    );
    let (bytes, _) = file(
        &c,
        &c.camat,
        &format!("/api/v1/rekap/angka-kredit.xlsx?unit_id={}", kec.id),
    )
    .await;
    let rows = sheet(&bytes, "Rekap Angka Kredit");
    assert_eq!(rows[7..].len(), r.baris.items.len());
    let line = rows[7..].iter().find(|l| l[1] == analis.nip).unwrap();
    assert_eq!((line[7].as_str(), line[10].as_str()), ("Baik", "25"));
}
db_test!(the_rekap_angka_kredit_converts_the_predikat_of_jabatan_fungsional);

async fn pimpinan_recap_their_subtree_only_the_hr_office_exports(db: Db) {
    let c = chain(db).await;
    let kel = unit_named(&c.app, &c.admin, "Kelurahan Gelam").await;
    let setda = unit_named(&c.app, &c.admin, "Sekretariat Daerah Kota Serang").await;
    let recaps = [
        "skp",
        "skp.xlsx",
        "evaluasi",
        "evaluasi.xlsx",
        "angka-kredit",
        "angka-kredit.xlsx",
    ];
    // The camat: a kelurahan below him, not the Setda.
    for r in recaps {
        let resp = c
            .app
            .get(
                &format!("/api/v1/rekap/{r}?unit_id={}", kel.id),
                Some(&c.camat),
            )
            .await;
        assert_eq!(resp.status(), 200, "{r}");
        assert_problem(
            c.app
                .get(
                    &format!("/api/v1/rekap/{r}?unit_id={}", setda.id),
                    Some(&c.camat),
                )
                .await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
    // The national export and its validation: the HR office only.
    for path in [
        "/api/v1/rekap/siasn/validasi".to_owned(),
        format!("/api/v1/rekap/siasn?format=csv&unit_id={}", kel.id),
    ] {
        assert_problem(
            c.app.get(&path, Some(&c.camat)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        let resp = c.app.get(&path, Some(&c.admin)).await;
        assert_eq!(resp.status(), 200, "{path}");
    }
    // Pegawai (even a PPKin) and auditors: nothing; nobody without a token.
    let (_, auditor) = c.app.signed_in("auditor.rekap", &[Role::Auditor]).await;
    for token in [&c.rina, &c.kasubag, &auditor] {
        for r in recaps.iter().chain(&["siasn/validasi", "siasn?format=csv"]) {
            assert_problem(
                c.app.get(&format!("/api/v1/rekap/{r}"), Some(token)).await,
                403,
                ErrorCode::Forbidden,
            )
            .await;
        }
    }
    for r in recaps
        .iter()
        .chain(&["siasn/validasi", "siasn?format=json"])
    {
        assert_problem(
            c.app.get(&format!("/api/v1/rekap/{r}"), None).await,
            401,
            ErrorCode::Unauthorized,
        )
        .await;
    }
}
db_test!(pimpinan_recap_their_subtree_only_the_hr_office_exports);
