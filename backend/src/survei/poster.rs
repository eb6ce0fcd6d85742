//! The QR poster of a survey: an A4 page to print and put at the counter, with the unit's
//! name, the survey, its services, a short invitation and a QR code to the public form
//! `{KINERJA_PUBLIC_URL}/survei/{kode}`, whose address is printed too for those who type it.

use kinerja_api::survei::Survei;
use uuid::Uuid;

use super::laporan::label_periode;
use super::service;
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::planning::pdf::{MARGIN, PAGE_H, PAGE_W, PT_TO_MM, Writer, wrap};

/// The public form's address: the SPA's base address (`KINERJA_PUBLIC_URL`) and the code.
pub fn alamat_formulir(public_url: &str, kode: &str) -> String {
    format!("{}/survei/{kode}", public_url.trim_end_matches('/'))
}

/// The survey, if the viewer manages it: the poster is made by those who run the survey.
///
/// # Errors
/// `NotFound` for a survey the viewer may not see; `Forbidden` when they only read it.
pub async fn survei(
    db: &sea_orm::DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<Survei> {
    service::kelola(db, viewer, id).await?;
    service::get(db, viewer, id).await
}

/// Centred lines, wrapped to the page.
fn paragraf(w: &mut Writer, size: f32, bold: bool, text: &str) {
    for line in wrap(text, LEBAR_TEKS, size, bold) {
        w.centered(size, bold, &line);
    }
}

/// Line height in mm of centred text at `size` pt (as `Writer::centered` advances).
fn tinggi(size: f32) -> f32 {
    size * PT_TO_MM * 1.5
}

fn baris(text: &str, size: f32, bold: bool) -> usize {
    wrap(text, LEBAR_TEKS, size, bold).len()
}

const LEBAR_TEKS: f32 = PAGE_W - 2.0 * MARGIN - 10.0;
/// Where the footer starts.
const KAKI: f32 = PAGE_H - 30.0;

/// Lays the poster out on one page: the QR code takes the room the services leave (95 mm at
/// most, 50 mm at least), and a very long list of services is set smaller.
fn tata(s: &Survei, public_url: &str) -> AppResult<Writer> {
    let url = alamat_formulir(public_url, &s.kode);
    let mut w = Writer::new(&format!("Poster survei {}", s.unit_nama))?;
    // A frame around the page, to cut along or to pin.
    let (l, r, t, b) = (
        MARGIN - 5.0,
        PAGE_W - MARGIN + 5.0,
        MARGIN - 5.0,
        PAGE_H - 10.0,
    );
    w.line(l, t, r, t);
    w.line(r, t, r, b);
    w.line(r, b, l, b);
    w.line(l, b, l, t);

    w.y += 4.0;
    w.centered(13.0, true, "SURVEI KEPUASAN MASYARAKAT");
    w.y += 1.0;
    paragraf(&mut w, 20.0, true, &s.unit_nama.to_uppercase());
    paragraf(
        &mut w,
        12.0,
        false,
        &format!("{} - {}", s.judul, label_periode(s)),
    );
    w.y += 5.0;
    paragraf(&mut w, 17.0, true, "Bantu kami meningkatkan pelayanan!");
    w.y += 1.0;
    paragraf(
        &mut w,
        12.0,
        false,
        "Pindai kode QR di bawah ini dengan kamera ponsel Anda dan beri penilaian atas layanan yang baru Anda terima. Hanya sekitar 2 menit, tanpa nama dan tanpa NIK.",
    );
    w.y += 4.0;

    let layanan = s.layanan.join(", ");
    let bawah = |size: f32| {
        6.0 + tinggi(10.0)
            + baris(&url, 14.0, true) as f32 * tinggi(14.0)
            + 5.0
            + tinggi(11.0)
            + baris(&layanan, size, false) as f32 * tinggi(size)
    };
    let ukuran_layanan = if KAKI - w.y - bawah(11.0) >= 50.0 {
        11.0
    } else {
        8.0
    };
    let ukuran = (KAKI - 3.0 - w.y - bawah(ukuran_layanan)).clamp(50.0, 95.0);
    w.qr((PAGE_W - ukuran) / 2.0, w.y, ukuran, &url)?;
    w.y += ukuran + 6.0;
    w.centered(10.0, false, "atau buka alamat:");
    paragraf(&mut w, 14.0, true, &url);
    w.y += 5.0;

    w.centered(11.0, true, "Layanan yang dapat dinilai:");
    paragraf(&mut w, ukuran_layanan, false, &layanan);
    w.y = w.y.max(KAKI);
    paragraf(
        &mut w,
        9.0,
        false,
        "Jawaban Anda bersifat rahasia dan hanya digunakan untuk perbaikan pelayanan (Survei Kepuasan Masyarakat, PermenPANRB Nomor 14 Tahun 2017). Terima kasih.",
    );
    Ok(w)
}

/// Renders the poster.
///
/// # Errors
/// Only if the PDF or QR library fails (a bug).
pub fn render(s: &Survei, public_url: &str) -> AppResult<Vec<u8>> {
    tata(s, public_url)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_address_joins_the_base_and_the_code() {
        assert_eq!(
            alamat_formulir("https://kinerja.example.go.id/", "abc234defg"),
            "https://kinerja.example.go.id/survei/abc234defg"
        );
    }

    fn survei(layanan: Vec<String>, unit: &str) -> Survei {
        let now = chrono::Utc::now();
        Survei {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            unit_id: Uuid::nil(),
            unit_nama: unit.to_owned(),
            judul: "Survei Kepuasan Masyarakat Tahun 2026".to_owned(),
            kode: "abc234defg".to_owned(),
            jenis_periode: kinerja_api::survei::JenisPeriodeSurvei::Tahun,
            period_id: Uuid::nil(),
            tahun: 2026,
            periode_ke: 0,
            populasi: None,
            layanan,
            pertanyaan: std::collections::BTreeMap::new(),
            status: kinerja_api::survei::StatusSurvei::Dibuka,
            dipublikasikan: false,
            jumlah_respons: 0,
            created_at: now,
            updated_at: now,
            lock_version: 1,
        }
    }

    #[test]
    fn the_poster_fits_one_page_from_one_service_to_twenty_long_ones() {
        let url = "https://kinerja.pemerintah-kabupaten-contoh.go.id";
        let pendek = survei(vec!["KTP elektronik".to_owned()], "Kelurahan Gelam");
        let panjang = survei(
            (0..20)
                .map(|i| format!("Layanan administrasi kependudukan dan catatan sipil nomor {i:02} untuk warga"))
                .collect(),
            "Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Banjar Agung Kecamatan Cipocok Jaya",
        );
        for s in [pendek, panjang] {
            let w = tata(&s, url).unwrap();
            assert!(w.y <= PAGE_H - 11.0, "{} mm", w.y);
            assert!(!w.finish().unwrap().is_empty());
        }
    }
}
