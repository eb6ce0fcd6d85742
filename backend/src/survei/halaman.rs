//! The citizen's pages, outside the staff SPA: the survey form at `/survei/{kode}` (and its
//! kiosk mode) rendered by the server in one small HTML response. A citizen on a cheap phone
//! over a slow connection gets the whole form in the first response (no framework, no second
//! round trip before the questions show); a few lines of script send the answers as JSON to
//! `POST /api/v1/publik/survei/{kode}/respons` and show the thank-you page.
//!
//! Everything a survey's owner typed (unit name, title, services, question wording) is
//! escaped. The inline style and script are admitted by their hashes in the page's CSP.

use std::fmt::Write as _;
use std::sync::OnceLock;

use actix_web::http::{StatusCode, header};
use actix_web::web::{Data, Path, Query};
use actix_web::{HttpResponse, get};
use base64::Engine;
use kinerja_api::survei::{
    FormulirSurvei, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan, StatusSurvei,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::publik;
use crate::entities::survei;
use crate::state::AppState;

const GAYA: &str = include_str!("halaman/gaya.css");
const SKRIP: &str = include_str!("halaman/formulir.js");

/// `?kios=KEY`: the counter tablet's mode (see [`publik::kunci_kios`]).
#[derive(Debug, Deserialize)]
pub struct KiosQuery {
    pub kios: Option<String>,
}

/// The citizen's survey form (HTML)
///
/// The form of an open survey, rendered by the server; a survey that is not open shows a
/// short page saying so (404 for an unknown code or a draft, 410 once closed). With
/// `?kios=KEY` (the key staff get from `GET /api/v1/survei/{id}/tautan`) the form resets for
/// the next citizen after the thank-you page.
#[utoipa::path(
    tag = super::TAG,
    params(("kode" = String, Path, description = "The survey's public code"), ("kios" = Option<String>, Query, description = "Kiosk key")),
    responses(
        (status = 200, description = "HTML form", content_type = "text/html"),
        (status = 404, description = "Unknown code or not yet open (HTML page)", content_type = "text/html"),
        (status = 410, description = "Closed (HTML page)", content_type = "text/html")
    )
)]
#[get("/survei/{kode}")]
pub async fn formulir_page(
    state: Data<AppState>,
    kode: Path<String>,
    q: Query<KiosQuery>,
) -> HttpResponse {
    let kode = kode.into_inner();
    let found = survei::Entity::find()
        .filter(survei::Column::Kode.eq(&kode))
        .one(&state.db)
        .await;
    let s = match found {
        Ok(Some(s)) => s,
        Ok(None) => return pesan_page(StatusCode::NOT_FOUND, "Survei tidak ditemukan", TIDAK_ADA),
        Err(e) => {
            tracing::error!(error = %e, "survey page");
            return pesan_page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Sedang ada gangguan",
                "Mohon coba beberapa saat lagi.",
            );
        }
    };
    match StatusSurvei::parse(&s.status) {
        Some(StatusSurvei::Dibuka) => {}
        Some(StatusSurvei::Ditutup) => {
            return pesan_page(
                StatusCode::GONE,
                "Survei sudah ditutup",
                "Terima kasih atas perhatian Anda. Survei ini tidak lagi menerima jawaban.",
            );
        }
        _ => {
            return pesan_page(
                StatusCode::NOT_FOUND,
                "Survei belum dibuka",
                "Survei ini belum menerima jawaban. Silakan kembali nanti.",
            );
        }
    }
    let kios = q
        .kios
        .as_deref()
        .filter(|k| *k == publik::kunci_kios(&state, &s))
        .map(str::to_owned);
    match publik::formulir(&state.db, &kode).await {
        Ok(f) => html_response(StatusCode::OK, &formulir_html(&f, kios.as_deref())),
        Err(_) => pesan_page(StatusCode::NOT_FOUND, "Survei tidak ditemukan", TIDAK_ADA),
    }
}

const TIDAK_ADA: &str = "Periksa kembali alamat atau kode QR yang Anda pindai.";

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hash_csp(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The CSP of the citizen's pages: nothing from elsewhere, only this inline style and script.
fn csp() -> &'static str {
    static CSP: OnceLock<String> = OnceLock::new();
    CSP.get_or_init(|| {
        format!(
            "default-src 'none'; style-src {}; script-src {}; connect-src 'self'; \
             img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            hash_csp(GAYA),
            hash_csp(SKRIP)
        )
    })
}

pub(crate) fn html_response(status: StatusCode, html: &str) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_SECURITY_POLICY, csp()))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(html.to_owned())
}

pub(crate) fn kepala(judul: &str) -> String {
    format!(
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{GAYA}</style></head>",
        esc(judul)
    )
}

fn pesan_page(status: StatusCode, judul: &str, isi: &str) -> HttpResponse {
    let html = format!(
        "{}<body><main class=\"kartu\"><h1>{}</h1><p>{}</p></main></body></html>",
        kepala(judul),
        esc(judul),
        esc(isi)
    );
    html_response(status, &html)
}

fn jenis_kelamin_label(v: JenisKelamin) -> &'static str {
    match v {
        JenisKelamin::LakiLaki => "Laki-laki",
        JenisKelamin::Perempuan => "Perempuan",
    }
}

fn usia_label(v: KelompokUsia) -> &'static str {
    match v {
        KelompokUsia::DiBawah20 => "Di bawah 20 tahun",
        KelompokUsia::Usia20an => "20–29 tahun",
        KelompokUsia::Usia30an => "30–39 tahun",
        KelompokUsia::Usia40an => "40–49 tahun",
        KelompokUsia::Usia50an => "50–59 tahun",
        KelompokUsia::Usia60KeAtas => "60 tahun ke atas",
    }
}

fn pendidikan_label(v: Pendidikan) -> &'static str {
    match v {
        Pendidikan::TidakSekolah => "Tidak/belum sekolah",
        Pendidikan::Sd => "SD",
        Pendidikan::Smp => "SMP",
        Pendidikan::Sma => "SMA/SMK",
        Pendidikan::Diploma => "Diploma (D1–D4)",
        Pendidikan::S1 => "S1",
        Pendidikan::S2 => "S2",
        Pendidikan::S3 => "S3",
    }
}

fn pekerjaan_label(v: Pekerjaan) -> &'static str {
    match v {
        Pekerjaan::PnsTniPolri => "PNS/TNI/Polri",
        Pekerjaan::PegawaiSwasta => "Pegawai swasta",
        Pekerjaan::Wiraswasta => "Wiraswasta",
        Pekerjaan::PelajarMahasiswa => "Pelajar/mahasiswa",
        Pekerjaan::IbuRumahTangga => "Ibu rumah tangga",
        Pekerjaan::TidakBekerja => "Tidak bekerja",
        Pekerjaan::Lainnya => "Lainnya",
    }
}

fn pilihan_profil<T: Copy>(
    out: &mut String,
    name: &str,
    label: &str,
    all: &[T],
    wire: impl Fn(T) -> &'static str,
    text: impl Fn(T) -> &'static str,
) {
    let _ = write!(
        out,
        "<label for=\"p-{name}\">{label}</label><select id=\"p-{name}\" name=\"{name}\">\
         <option value=\"\">— tidak diisi —</option>"
    );
    for &v in all {
        let _ = write!(out, "<option value=\"{}\">{}</option>", wire(v), text(v));
    }
    out.push_str("</select>");
}

/// The form page. `kios` is a verified kiosk key.
pub fn formulir_html(f: &FormulirSurvei, kios: Option<&str>) -> String {
    let mut h = kepala(&format!("Survei Kepuasan Masyarakat — {}", f.unit_nama));
    let _ = write!(
        h,
        "<body><main><header><p class=\"unit\">{unit}</p><h1>{judul}</h1>\
         <p>Survei Kepuasan Masyarakat. Jawaban Anda membantu kami memperbaiki pelayanan. \
         Tanpa nama, NIK atau nomor telepon; sekitar 2 menit.</p></header>\
         <form id=\"f\" data-kode=\"{kode}\" data-kios=\"{kios}\" novalidate>",
        unit = esc(&f.unit_nama),
        judul = esc(&f.judul),
        kode = esc(&f.kode),
        kios = esc(kios.unwrap_or("")),
    );
    h.push_str(
        "<div class=\"q\" id=\"q-layanan\"><label for=\"layanan\">Layanan yang Anda terima</label>\
         <select id=\"layanan\" name=\"layanan\" required aria-required=\"true\">",
    );
    if f.layanan.len() > 1 {
        h.push_str("<option value=\"\">— pilih layanan —</option>");
    }
    for l in &f.layanan {
        let _ = write!(h, "<option>{}</option>", esc(l));
    }
    h.push_str("</select></div>");
    for (i, p) in f.pertanyaan.iter().enumerate() {
        let name = p.kode.to_lowercase();
        let _ = write!(
            h,
            "<fieldset class=\"q\" id=\"q-{name}\"><legend><span class=\"no\">{n}.</span> \
             {pertanyaan} <span class=\"unsur\">({nama})</span></legend>",
            n = i + 1,
            pertanyaan = esc(&p.pertanyaan),
            nama = esc(&p.nama),
        );
        for (j, label) in p.pilihan.iter().enumerate() {
            let _ = write!(
                h,
                "<label class=\"opsi\"><input type=\"radio\" name=\"{name}\" value=\"{v}\" \
                 required><span>{label}</span></label>",
                v = j + 1,
                label = esc(label),
            );
        }
        h.push_str("</fieldset>");
    }
    h.push_str("<details><summary>Tentang Anda (tidak wajib)</summary><div class=\"profil\">");
    pilihan_profil(
        &mut h,
        "jenis_kelamin",
        "Jenis kelamin",
        JenisKelamin::ALL,
        JenisKelamin::as_str,
        jenis_kelamin_label,
    );
    pilihan_profil(
        &mut h,
        "usia",
        "Usia",
        KelompokUsia::ALL,
        KelompokUsia::as_str,
        usia_label,
    );
    pilihan_profil(
        &mut h,
        "pendidikan",
        "Pendidikan terakhir",
        Pendidikan::ALL,
        Pendidikan::as_str,
        pendidikan_label,
    );
    pilihan_profil(
        &mut h,
        "pekerjaan",
        "Pekerjaan",
        Pekerjaan::ALL,
        Pekerjaan::as_str,
        pekerjaan_label,
    );
    h.push_str(
        "</div></details>\
         <label for=\"saran\">Saran dan masukan (tidak wajib)</label>\
         <textarea id=\"saran\" name=\"saran\" maxlength=\"1000\" rows=\"4\"></textarea>\
         <div class=\"hp\" aria-hidden=\"true\"><label for=\"situs_web\">Jangan diisi</label>\
         <input id=\"situs_web\" name=\"situs_web\" tabindex=\"-1\" autocomplete=\"off\"></div>\
         <p id=\"galat\" class=\"galat\" role=\"alert\" tabindex=\"-1\"></p>\
         <button type=\"submit\" id=\"kirim\">Kirim jawaban</button></form>\
         <section id=\"selesai\" class=\"kartu\" hidden tabindex=\"-1\">\
         <h2>Terima kasih!</h2><p id=\"selesai-pesan\">Jawaban Anda sudah kami terima.</p>\
         <p id=\"berikut\" hidden><button type=\"button\" id=\"ulang\">Responden berikutnya</button></p>\
         </section></main>",
    );
    let _ = write!(h, "<script>{SKRIP}</script></body></html>");
    h
}
