//! The public transparency page `/ikm`: the latest published IKM and mutu of every unit that
//! chose to publish, with its trend, rendered by the server like the survey form (no SPA, a
//! few kilobytes). Its data is `GET /api/v1/publik/ikm` ([`super::ikm_publik`]).

use std::fmt::Write as _;

use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use actix_web::{HttpResponse, get};
use kinerja_api::ikm::KinerjaUnit;
use kinerja_api::survei_publik::{IkmPublik, IkmPublikQuery, TitikTren};
use serde::Deserialize;

use super::halaman::{esc, html_response, kepala};
use super::ikm_publik;
use crate::state::AppState;

const PER_HALAMAN: u64 = 20;

/// `/ikm?q=…&halaman=…`; anything malformed falls back to the first page of everything.
#[derive(Debug, Deserialize)]
pub struct IkmHalamanQuery {
    pub q: Option<String>,
    pub halaman: Option<u64>,
}

/// The public IKM page (HTML)
///
/// The latest published IKM, mutu and trend of each unit that publishes its survey results,
/// searchable by unit name. For citizens; no account.
#[utoipa::path(
    tag = super::TAG,
    params(("q" = Option<String>, Query, description = "Part of a unit's name"), ("halaman" = Option<u64>, Query, description = "Page, from 1")),
    responses((status = 200, description = "HTML page", content_type = "text/html"))
)]
#[get("/ikm")]
pub async fn ikm_page(state: Data<AppState>, q: Query<IkmHalamanQuery>) -> HttpResponse {
    let cari =
        q.q.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().take(100).collect::<String>());
    let halaman = q.halaman.unwrap_or(1).clamp(1, 1_000_000);
    let query = IkmPublikQuery {
        q: cari.clone(),
        page: halaman,
        per_page: PER_HALAMAN,
    };
    match ikm_publik::publik(&state.db, query).await {
        Ok(page) => html_response(
            StatusCode::OK,
            &render(&page.items, cari.as_deref(), halaman, page.total),
        ),
        Err(e) => {
            tracing::error!(error = %e, "public IKM page");
            html_response(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "{}<body><main class=\"kartu\"><h1>Sedang ada gangguan</h1>\
                     <p>Mohon coba beberapa saat lagi.</p></main></body></html>",
                    kepala("Indeks Kepuasan Masyarakat")
                ),
            )
        }
    }
}

fn kinerja(k: Option<KinerjaUnit>) -> &'static str {
    k.map_or("–", KinerjaUnit::label)
}

/// "88,75": the Indonesian decimal comma, two decimals.
fn angka(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.2}").replace('.', ","))
}

/// A small line of the unit's published IKM over its periods (25–100), with a text
/// alternative listing every point.
fn tren_svg(tren: &[TitikTren]) -> String {
    let titik: Vec<(usize, f64)> = tren
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.ikm.map(|v| (i, v)))
        .collect();
    if titik.len() < 2 {
        return String::new();
    }
    let (w, h) = (160.0_f64, 40.0_f64);
    let langkah = w / (tren.len().saturating_sub(1).max(1) as f64);
    let xy = |(i, v): (usize, f64)| {
        let x = i as f64 * langkah;
        let y = h - 4.0 - ((v - 25.0) / 75.0).clamp(0.0, 1.0) * (h - 8.0);
        (x, y)
    };
    let mut d = String::new();
    for (n, p) in titik.iter().enumerate() {
        let (x, y) = xy(*p);
        let _ = write!(d, "{}{x:.1} {y:.1} ", if n == 0 { "M" } else { "L" });
    }
    let alt = tren
        .iter()
        .map(|t| format!("{}: {}", t.periode, angka(t.ikm)))
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = format!(
        "<svg class=\"tren\" viewBox=\"-4 0 {} {h}\" width=\"168\" height=\"40\" role=\"img\" \
         aria-label=\"Tren IKM: {}\"><path d=\"{}\" fill=\"none\" stroke=\"#0b4f8a\" \
         stroke-width=\"2\"/>",
        w + 8.0,
        esc(&alt),
        d.trim_end()
    );
    for p in &titik {
        let (x, y) = xy(*p);
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"#0b4f8a\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

fn render(items: &[IkmPublik], cari: Option<&str>, halaman: u64, total: u64) -> String {
    let mut h = kepala("Indeks Kepuasan Masyarakat");
    let _ = write!(
        h,
        "<body><main><header><p class=\"unit\">Transparansi pelayanan publik</p>\
         <h1>Indeks Kepuasan Masyarakat (IKM)</h1>\
         <p>Hasil Survei Kepuasan Masyarakat yang dipublikasikan oleh setiap unit layanan, \
         dihitung menurut PermenPANRB 14/2017 (skala 25–100; mutu A sampai D).</p></header>\
         <form class=\"kartu\" method=\"get\" action=\"/ikm\" role=\"search\">\
         <label for=\"q\">Cari unit layanan</label>\
         <input id=\"q\" name=\"q\" type=\"search\" maxlength=\"100\" value=\"{}\" \
         placeholder=\"mis. Puskesmas, Kelurahan\">\
         <p><button type=\"submit\">Cari</button></p></form>",
        esc(cari.unwrap_or(""))
    );
    if items.is_empty() {
        h.push_str(
            "<section class=\"kartu\"><p>Belum ada hasil survei yang dipublikasikan.</p></section>",
        );
    }
    for u in items {
        let _ = write!(
            h,
            "<section class=\"kartu\"><h2>{nama}</h2>\
             <p><span class=\"mutu\">IKM {ikm} · Mutu {mutu}</span> ({kinerja})</p>\
             <p>{periode}, {n} responden</p>{tren}",
            nama = esc(&u.unit_nama),
            ikm = angka(u.ikm),
            mutu = u.mutu.map_or("–", |m| m.as_str()),
            kinerja = kinerja(u.kinerja_unit),
            periode = esc(&u.periode),
            n = u.responden,
            tren = tren_svg(&u.tren),
        );
        if u.tren.len() > 1 {
            h.push_str(
                "<table><caption class=\"hp\">Tren IKM</caption><thead><tr><th scope=\"col\">Periode</th>\
                 <th scope=\"col\">IKM</th><th scope=\"col\">Mutu</th></tr></thead><tbody>",
            );
            for t in &u.tren {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&t.periode),
                    angka(t.ikm),
                    t.mutu.map_or("–", |m| m.as_str())
                );
            }
            h.push_str("</tbody></table>");
        }
        h.push_str("</section>");
    }
    let halaman_akhir = total.div_ceil(PER_HALAMAN).max(1);
    if halaman_akhir > 1 {
        let q = cari
            .map(|c| {
                format!(
                    "q={}&",
                    form_urlencoded::byte_serialize(c.as_bytes()).collect::<String>()
                )
            })
            .unwrap_or_default();
        h.push_str("<nav aria-label=\"Halaman\"><p>");
        if halaman > 1 {
            let _ = write!(
                h,
                "<a href=\"/ikm?{}halaman={}\">‹ Sebelumnya</a> ",
                esc(&q),
                halaman - 1
            );
        }
        let _ = write!(h, "Halaman {halaman} dari {halaman_akhir}");
        if halaman < halaman_akhir {
            let _ = write!(
                h,
                " <a href=\"/ikm?{}halaman={}\">Berikutnya ›</a>",
                esc(&q),
                halaman + 1
            );
        }
        h.push_str("</p></nav>");
    }
    h.push_str("</main></body></html>");
    h
}
