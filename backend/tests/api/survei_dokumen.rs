//! The survey's documents and paper forms (issue #17): the QR poster, one paper form entered
//! by staff, the XLSX import (template, dry run, all-or-nothing commit) and the reports. On
//! the demo chain: the camat heads Kecamatan Cipocok Jaya, the admin is the HR office, Rina
//! (pelaksana) and the sekda are staff elsewhere.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use kinerja_api::ErrorCode;
use kinerja_api::Page;
use kinerja_api::ikm::Mutu;
use kinerja_api::survei::{HasilSurvei, ResponsSurvei, SumberRespons, Survei};
use kinerja_api::survei_kertas::LaporanImpor;
use reqwest::Response;
use reqwest::multipart::{Form, Part};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain_with};

const PUBLIC_URL: &str = "https://kinerja.serangkota.go.id";

async fn setup(db: Db) -> Chain {
    chain_with(db, |v| {
        v.insert("KINERJA_PUBLIC_URL".into(), format!("{PUBLIC_URL}/"));
    })
    .await
}

/// A draft survey of Kecamatan Cipocok Jaya, created by its camat.
async fn draft(c: &Chain) -> Survei {
    let kec = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let resp = c
        .app
        .post_json(
            "/api/v1/survei",
            &json!({
                "unit_id": kec.id,
                "judul": "SKM Triwulan I",
                "jenis_periode": "triwulan",
                "period_id": c.periode.id,
                "periode_ke": 1,
                "populasi": 100,
                "layanan": ["KTP elektronik", "Kartu keluarga"],
            }),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn aksi(c: &Chain, s: &Survei, aksi: &str) -> Survei {
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/{aksi}", s.id),
            &json!({"lock_version": s.lock_version}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn dibuka(c: &Chain) -> Survei {
    let s = draft(c).await;
    aksi(c, &s, "buka").await
}

async fn publish(c: &Chain, s: &Survei) {
    crate::survei::terbitkan(c, &c.camat, s.id).await;
}

async fn stored(c: &Chain) -> u64 {
    kinerja::entities::survei_respons::Entity::find()
        .count(&c.app.db)
        .await
        .unwrap()
}

async fn hasil(c: &Chain, s: &Survei) -> HasilSurvei {
    c.app
        .get(&format!("/api/v1/survei/{}/hasil", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap()
}

async fn entri(c: &Chain, token: &str, s: &Survei, body: &Value) -> Response {
    c.app
        .post_json(
            &format!("/api/v1/survei/{}/respons", s.id),
            body,
            Some(token),
        )
        .await
}

async fn upload(c: &Chain, token: &str, s: &Survei, dry_run: bool, file: Vec<u8>) -> Response {
    let form = Form::new().part("file", Part::bytes(file).file_name("kertas.xlsx"));
    c.app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/survei/{}/impor?dry_run={dry_run}", s.id)),
        )
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn pdf_text(bytes: &[u8]) -> String {
    let pdf = lopdf::Document::load_mem(bytes).expect("a parseable PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn sheets(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable XLSX")
}

fn rows_of(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    book.worksheet_range(name)
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

async fn survei_dokumen_poster_for_managers_with_the_form_address(db: Db) {
    let c = setup(db).await;
    let s = dibuka(&c).await;
    let path = format!("/api/v1/survei/{}/poster.pdf", s.id);
    for token in [&c.camat, &c.admin] {
        let resp = c.app.get(&path, Some(token)).await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        let text = pdf_text(&resp.bytes().await.unwrap());
        let url = format!("{PUBLIC_URL}/survei/{}", s.kode);
        for expected in [
            "KECAMATAN CIPOCOK JAYA",
            "SKM Triwulan I",
            "Triwulan I",
            "Bantu kami meningkatkan pelayanan",
            "KTP elektronik, Kartu keluarga",
            url.as_str(),
        ] {
            assert!(text.contains(expected), "{expected:?} not in:\n{text}");
        }
    }
    // Staff elsewhere do not see an unpublished survey; once published they read it, but the
    // poster is for those who run it.
    for token in [&c.rina, &c.sekda] {
        assert_problem(
            c.app.get(&path, Some(token)).await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
    publish(&c, &s).await;
    for token in [&c.rina, &c.sekda] {
        assert_problem(
            c.app.get(&path, Some(token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let unknown = format!("/api/v1/survei/{}/poster.pdf", uuid::Uuid::now_v7());
    assert_problem(
        c.app.get(&unknown, Some(&c.admin)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(c.app.get(&path, None).await.status(), 401);
}
db_test!(survei_dokumen_poster_for_managers_with_the_form_address);

fn kertas(layanan: &str) -> Value {
    json!({
        "layanan": layanan,
        "u1": 4, "u2": null, "u3": 3, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 3, "u9": 4,
        "jenis_kelamin": "laki_laki",
        "pendidikan": "sma",
        "saran": "Ruang tunggu <i>panas</i>",
    })
}

async fn survei_dokumen_paper_entry_validates_each_field_and_refuses_a_draft(db: Db) {
    let c = setup(db).await;
    let s = draft(&c).await;
    // A draft takes no paper forms: a clear 409.
    let resp = entri(&c, &c.camat, &s, &kertas("KTP elektronik")).await;
    let e = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(e.message.unwrap().code, "survei_draft_kertas");
    assert!(e.detail.unwrap().contains("draft"));
    let s = aksi(&c, &s, "buka").await;

    // 422 per field, nothing stored.
    let cases: [(&str, Value, &str); 7] = [
        ("u3", json!(5), "u3"),
        ("u9", json!(0), "u9"),
        ("layanan", json!("Paspor"), "layanan"),
        ("jenis_kelamin", json!("x"), "jenis_kelamin"),
        ("usia", json!("tua"), "usia"),
        ("saran", json!("x".repeat(1001)), "saran"),
        ("nik", json!("3604012345670001"), "nik"),
    ];
    for (field, value, expected) in cases {
        let mut body = kertas("KTP elektronik");
        body[field] = value;
        let resp = entri(&c, &c.camat, &s, &body).await;
        let e = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert!(!e.field_errors(expected).is_empty(), "{field}: {e:?}");
    }
    let mut kosong = json!({"layanan": "KTP elektronik"});
    let resp = entri(&c, &c.camat, &s, &kosong).await;
    let e = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert_eq!(e.messages.unwrap()["u1"][0].code, "jawaban_kertas_kosong");
    kosong["u5"] = json!(2);
    assert_eq!(stored(&c).await, 0);

    // Staff elsewhere cannot enter forms for this unit.
    for token in [&c.rina, &c.sekda] {
        let resp = entri(&c, token, &s, &kertas("KTP elektronik")).await;
        assert_problem(resp, 404, ErrorCode::NotFound).await;
    }
    assert_eq!(stored(&c).await, 0);

    // A valid form, one unsur blank: stored as kertas with no answer for U2.
    let resp = entri(&c, &c.camat, &s, &kertas(" ktp elektronik ")).await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let r: ResponsSurvei = resp.json().await.unwrap();
    assert_eq!(r.sumber, SumberRespons::Kertas);
    assert_eq!(r.layanan, "KTP elektronik");
    assert_eq!(r.jawaban[1], None);
    assert_eq!(r.jawaban[0], Some(4));
    let resp = entri(&c, &c.admin, &s, &kosong).await;
    assert_eq!(resp.status(), 201);
    let h = hasil(&c, &s).await;
    assert_eq!(h.hasil.responden, 2);
    assert_eq!(h.hasil.nrr_per_unsur[1].jumlah_jawaban, 0);
    assert_eq!(h.hasil.nrr_per_unsur[1].nrr, None);
    assert_eq!(h.hasil.nrr_per_unsur[4].jumlah_jawaban, 2);

    // Forms collected in the period may arrive after it closed.
    let s = aksi(&c, &s, "tutup").await;
    let resp = entri(&c, &c.camat, &s, &kertas("Kartu keluarga")).await;
    assert_eq!(resp.status(), 201);
    assert_eq!(stored(&c).await, 3);

    let entered = kinerja::entities::audit_events::Entity::find()
        .filter(kinerja::entities::audit_events::Column::Action.eq("survei_respons.entered"))
        .count(&c.app.db)
        .await
        .unwrap();
    assert_eq!(entered, 3);
}
db_test!(survei_dokumen_paper_entry_validates_each_field_and_refuses_a_draft);

/// A workbook with the template's header row and `rows` (cell texts; numbers as numbers).
fn workbook(header: &[String], rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match v.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).unwrap(),
                Err(_) => sheet.write_string(r, c, *v).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

async fn survei_dokumen_import_round_trip_dry_run_then_all_or_nothing(db: Db) {
    let c = setup(db).await;
    let s = dibuka(&c).await;
    let resp = c
        .app
        .get(
            &format!("/api/v1/survei/{}/impor/templat.xlsx", s.id),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let mut book = sheets(&resp.bytes().await.unwrap());
    assert_eq!(book.sheet_names(), ["Responden", "Petunjuk"]);
    let template = rows_of(&mut book, "Responden");
    assert_eq!(template.len(), 1, "no example row to import by mistake");
    let header = template[0].clone();
    assert_eq!(header[0], "Layanan");
    assert_eq!(header[3], "U3 Waktu Penyelesaian");
    assert_eq!(header[10], "Jenis Kelamin");
    let petunjuk = rows_of(&mut book, "Petunjuk").concat().join("\n");
    assert!(
        petunjuk.contains("KTP elektronik; Kartu keluarga"),
        "{petunjuk}"
    );
    assert!(petunjuk.contains("Gratis"), "{petunjuk}");

    let good_1 = vec![
        "KTP elektronik",
        "4",
        "4",
        "3",
        "4",
        "3",
        "4",
        "4",
        "3",
        "4",
        "L",
        "",
        "",
        "",
        "",
    ];
    // Labels as well as codes for the profile; U6 left blank on paper.
    let good_2 = vec![
        "Kartu keluarga",
        "3",
        "3",
        "3",
        "4",
        "3",
        "",
        "4",
        "3",
        "3",
        "Perempuan",
        "30-39 tahun",
        "SMA/SMK",
        "wiraswasta",
        "Antrean lebih cepat",
    ];
    let bad = vec![
        "Paspor", "4", "4", "7", "4", "3", "4", "4", "3", "4", "x", "", "", "", "",
    ];
    let file = workbook(&header, &[good_1.clone(), bad.clone(), good_2.clone()]);

    let resp = upload(&c, &c.camat, &s, true, file.clone()).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let report: LaporanImpor = resp.json().await.unwrap();
    assert!(report.dry_run);
    assert_eq!(
        (report.jumlah_baris, report.baris_sah, report.disimpan),
        (3, 2, 0)
    );
    let at = |kolom: &str| {
        report
            .galat
            .iter()
            .find(|g| g.baris == 3 && g.kolom == kolom)
            .unwrap_or_else(|| panic!("{kolom}: {:?}", report.galat))
    };
    let u3 = at("U3 Waktu Penyelesaian");
    assert_eq!(u3.kode.code, "jawaban_kertas_1_4");
    assert!(u3.pesan.contains("'7'") && u3.pesan.contains("kosongkan"));
    assert!(u3.pesan_en.contains("not valid"), "{}", u3.pesan_en);
    assert!(at("Layanan").pesan.contains("Paspor"));
    assert!(at("Jenis Kelamin").pesan_en.contains("not recognised"));
    assert_eq!(report.galat.len(), 3, "{:?}", report.galat);
    assert_eq!(stored(&c).await, 0);

    // Commit with the bad row: nothing stored.
    let report: LaporanImpor = upload(&c, &c.camat, &s, false, file)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((report.disimpan, report.galat.len()), (0, 3));
    assert_eq!(stored(&c).await, 0);

    // Staff elsewhere cannot import; a draft survey refuses.
    let fixed_row = vec![
        "kartu keluarga",
        "4",
        "4",
        "3",
        "4",
        "3",
        "4",
        "4",
        "3",
        "4",
        "p",
        "",
        "",
        "",
        "",
    ];
    let fixed = workbook(&header, &[good_1, fixed_row, good_2]);
    let resp = upload(&c, &c.rina, &s, false, fixed.clone()).await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;
    let lain = draft(&c).await;
    let resp = upload(&c, &c.camat, &lain, true, fixed.clone()).await;
    let e = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(e.message.unwrap().code, "survei_draft_kertas");

    // Fixed: the dry run is clean, the commit stores all three, the result changes.
    assert_eq!(hasil(&c, &s).await.hasil.responden, 0);
    let report: LaporanImpor = upload(&c, &c.camat, &s, true, fixed.clone())
        .await
        .json()
        .await
        .unwrap();
    assert!(report.galat.is_empty(), "{:?}", report.galat);
    assert_eq!((report.baris_sah, report.disimpan), (3, 0));
    let resp = upload(&c, &c.camat, &s, false, fixed).await;
    assert_eq!(resp.status(), 200);
    let report: LaporanImpor = resp.json().await.unwrap();
    assert!(!report.dry_run);
    assert_eq!(report.disimpan, 3);
    assert_eq!(stored(&c).await, 3);
    let h = hasil(&c, &s).await;
    assert_eq!(h.hasil.responden, 3);
    assert_eq!(h.hasil.nrr_per_unsur[5].jumlah_jawaban, 2);
    assert_eq!(h.per_layanan[1].hasil.responden, 2);
    let list: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    assert!(list.items.iter().all(|r| r.sumber == SumberRespons::Kertas));
    let p = list
        .items
        .iter()
        .find(|r| r.saran.is_some())
        .expect("the row with a suggestion");
    assert_eq!(p.usia.map(|u| u.as_str()), Some("30_39"));
    assert_eq!(p.pekerjaan.map(|u| u.as_str()), Some("wiraswasta"));

    let imported = kinerja::entities::audit_events::Entity::find()
        .filter(kinerja::entities::audit_events::Column::Action.eq("survei_respons.imported"))
        .all(&c.app.db)
        .await
        .unwrap();
    assert_eq!(imported.len(), 1);
}
db_test!(survei_dokumen_import_round_trip_dry_run_then_all_or_nothing);

async fn survei_dokumen_reports_exclude_void_responses(db: Db) {
    let c = setup(db).await;
    let s = dibuka(&c).await;
    // Without any response both reports still render, with empty figures.
    for ext in ["xlsx", "pdf"] {
        let path = format!("/api/v1/survei/{}/laporan.{ext}", s.id);
        assert_eq!(c.app.get(&path, Some(&c.camat)).await.status(), 200);
    }
    let semua = |layanan: &str, v: u8| {
        json!({
            "layanan": layanan,
            "u1": v, "u2": v, "u3": v, "u4": v, "u5": v, "u6": v, "u7": v, "u8": v, "u9": v,
            "jenis_kelamin": "perempuan",
        })
    };
    for body in [
        semua("KTP elektronik", 4),
        semua("Kartu keluarga", 4),
        semua("Kartu keluarga", 1),
    ] {
        assert_eq!(entri(&c, &c.camat, &s, &body).await.status(), 201);
    }
    let list: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    let buruk = list.items.iter().find(|r| r.jawaban[0] == Some(1)).unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/respons/{}/batal", s.id, buruk.id),
            &json!({"alasan": "Formulir ganda"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let h = hasil(&c, &s).await;
    assert_eq!((h.ikm_tampil, h.hasil.mutu), (Some(100.0), Some(Mutu::A)));

    let xlsx = format!("/api/v1/survei/{}/laporan.xlsx", s.id);
    let pdf = format!("/api/v1/survei/{}/laporan.pdf", s.id);
    let resp = c.app.get(&xlsx, Some(&c.camat)).await;
    assert_eq!(resp.status(), 200);
    let mut book = sheets(&resp.bytes().await.unwrap());
    assert_eq!(book.sheet_names(), ["Rekap", "Responden", "Profil"]);
    let rekap = rows_of(&mut book, "Rekap");
    let line = |label: &str| {
        rekap
            .iter()
            .find(|r| r.iter().any(|c| c == label))
            .unwrap_or_else(|| panic!("{label}: {rekap:?}"))
            .clone()
    };
    assert!(line("IKM (NRR tertimbang x 25)").contains(&"100".to_owned()));
    assert!(line("Mutu pelayanan").contains(&"A".to_owned()));
    assert!(line("Kinerja unit pelayanan").contains(&"Sangat Baik".to_owned()));
    assert!(
        line("Jumlah responden")
            .iter()
            .any(|c| c.contains("belum mencukupi"))
    );
    assert_eq!(line("U1")[4], "4");
    let responden = rows_of(&mut book, "Responden");
    assert_eq!(responden.len(), 3, "header and the two that count");
    assert_eq!(responden[1][13], "Perempuan");
    let profil = rows_of(&mut book, "Profil");
    assert!(
        profil
            .iter()
            .any(|r| r[0] == "Jenis kelamin" && r[1] == "Perempuan" && r[2] == "2"),
        "{profil:?}"
    );

    let resp = c.app.get(&pdf, Some(&c.camat)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let text = pdf_text(&resp.bytes().await.unwrap());
    for expected in [
        "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT",
        "KECAMATAN CIPOCOK JAYA",
        "Triwulan I",
        "100,00",
        "Sangat Baik",
        "belum mencukupi",
        "Waktu Penyelesaian",
        "Prioritas perbaikan",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    // Readers of the result: the managers; staff elsewhere only once it is published.
    for path in [&xlsx, &pdf] {
        assert_problem(
            c.app.get(path, Some(&c.rina)).await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
    publish(&c, &s).await;
    for path in [&xlsx, &pdf] {
        assert_eq!(c.app.get(path, Some(&c.rina)).await.status(), 200);
    }
}
db_test!(survei_dokumen_reports_exclude_void_responses);

async fn survei_dokumen_import_refuses_bad_files_with_a_clear_4xx(db: Db) {
    let c = setup(db).await;
    let s = dibuka(&c).await;
    // Not a spreadsheet at all.
    let resp = upload(&c, &c.camat, &s, true, vec![0xff, 0xfe, 0x00, 0x01]).await;
    assert_problem(resp, 415, ErrorCode::UnsupportedMediaType).await;
    // No `Layanan` column.
    let resp = upload(&c, &c.camat, &s, true, b"u1;u2\n4;4\n".to_vec()).await;
    let e = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(e.field_errors("file")[0].contains("Layanan"), "{e:?}");
    // A bad query parameter.
    let resp = c
        .app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/survei/{}/impor?dry_run=mungkin", s.id)),
        )
        .bearer_auth(&c.camat)
        .multipart(Form::new().part("file", Part::bytes(b"layanan\n".to_vec())))
        .send()
        .await
        .unwrap();
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    // Not multipart.
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/impor", s.id),
            &json!({}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 415);
    // A CSV with semicolons, headed by codes, is read like the template.
    let csv = "layanan;u1;u2;u3;u4;u5;u6;u7;u8;u9;usia\nKTP elektronik;4;3;3;4;3;4;4;3;4;60 tahun ke atas\n";
    let resp = upload(&c, &c.camat, &s, false, csv.as_bytes().to_vec()).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let report: LaporanImpor = resp.json().await.unwrap();
    assert_eq!((report.disimpan, report.galat.len()), (1, 0));
    assert_eq!(stored(&c).await, 1);
}
db_test!(survei_dokumen_import_refuses_bad_files_with_a_clear_4xx);
