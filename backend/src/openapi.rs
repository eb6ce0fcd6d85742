//! The OpenAPI document: metadata here, paths collected from the handlers by
//! `utoipa-actix-web`, so an endpoint cannot exist without being documented.

use actix_web::App;
use utoipa::openapi::security::{
    ClientCredentials, Flow, Http, HttpAuthScheme, OAuth2, Scopes, SecurityScheme,
};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kinerja API",
        description = "Sistem Manajemen Kinerja PNS/PPPK (PermenPANRB 6/2022).\n\n\
            API untuk aplikasi web Kinerja dan sistem pemerintah lain. Semua galat memakai \
            *problem details* (RFC 9457) dengan `code` yang stabil; galat validasi (422) memuat \
            `errors` per kolom.\n\n\
            Performance management for Indonesian civil servants. Errors are RFC 9457 problem \
            details with a stable `code`; validation errors (422) list `errors` per field.",
        license(name = "AGPL-3.0-or-later")
    ),
    tags(
        (name = "auth", description = "Masuk, sesi, dan kata sandi / Sign-in, sessions, passwords"),
        (name = "beranda", description = "Beranda: yang perlu dikerjakan / Home: what to do next"),
        (name = "dasbor", description = "Dasbor pimpinan dan BKPSDM: kepatuhan siklus dan capaian unit / Dashboards of pimpinan and the HR office: compliance of the cycle and achievement"),
        (name = "rekap", description = "Rekap dan ekspor BKPSDM: rekap SKP, evaluasi, angka kredit (XLSX) dan ekspor nasional SIASN / e-Kinerja / Recaps and exports of the HR office: SKP, evaluation and angka kredit recaps (XLSX) and the national SIASN / e-Kinerja export"),
        (name = "users", description = "Akun pengguna dan peran / User accounts and roles"),
        (name = "audit", description = "Jejak audit berantai hash / Hash-chained audit trail"),
        (name = "organisation", description = "Instansi, unit, jabatan, data referensi / Organisation, positions, reference data"),
        (name = "employees", description = "Pegawai, riwayat jabatan, atasan / Employees, assignments, superiors"),
        (name = "planning", description = "Periode dan SKP / Periods and SKP planning"),
        (name = "measurement", description = "Rencana aksi, realisasi, capaian / Measurement"),
        (name = "evaluation", description = "Evaluasi kinerja, predikat, keberatan, rencana perbaikan, angka kredit / Evaluation"),
        (name = "notifications", description = "Notifikasi / Notifications"),
        (name = "integrations", description = "Klien API, kunci data, kiriman nilai indikator dari sistem lain / API clients, data keys, pushed indicator values"),
        (name = "survei", description = "Survei Kepuasan Masyarakat (SKM) dan IKM; formulir publik tanpa akun / Citizen satisfaction surveys and their IKM; the public form needs no account"),
        (name = "pengembangan", description = "Pengembangan kompetensi: kebutuhan, rencana tahunan, catatan dan 20 JP / Competency development: needs, the yearly plan, records and 20 JP"),
        (name = "pengumuman", description = "Pengumuman: kepada instansi, unit atau peran, dengan jumlah pembaca / Announcements: to the instansi, a unit or a role, with read counts"),
        (name = "pengingat", description = "Pengingat siklus yang berjenjang dan jedanya / The cycle's escalating reminders and their silences"),
        (name = "privasi", description = "Data pribadi (UU 27/2022): Data Saya dan daftar akses untuk pemberitahuan kebocoran / Personal data: my data and the access listing for a breach notice"),
        (name = "panduan", description = "Panduan penggunaan per peran, Markdown yang dirender aman oleh server / In-app guides per role, Markdown rendered safely by the server"),
        (name = "system", description = "Kesehatan, metrik, dan cadangan data / Health, metrics and backups"),
    ),
    // Enums used only in query parameters are not collected from the handlers.
    components(schemas(
        kinerja_api::employees::EmployeeSort,
        kinerja_api::dasbor::Langkah,
        kinerja_api::rekap::FormatEkspor
    )),
    modifiers(&SecurityAddon)
)]
pub struct ApiDoc;

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.bearer_format = Some("JWT".to_owned());
        scheme.description = Some(
            "Access token from POST /api/v1/auth/login (valid 15 minutes by default).".to_owned(),
        );
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
        // Other government systems: OAuth2 client credentials, so "Authorize" in Swagger UI
        // can fetch a client token itself.
        let flow = ClientCredentials::new(
            "/api/v1/oauth/token",
            Scopes::from_iter([
                (
                    kinerja_api::integrations::Scope::RealisasiWrite.as_str(),
                    "Kirim nilai indikator / push indicator values",
                ),
                (
                    kinerja_api::integrations::Scope::PegawaiRead.as_str(),
                    "Baca kunci data pegawai unit / read the unit's data-key bindings",
                ),
                (
                    kinerja_api::integrations::Scope::IkmRead.as_str(),
                    "Baca hasil survei (IKM) unit / read the unit's survey results (IKM)",
                ),
            ]),
        );
        components.add_security_scheme(
            "oauth2",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(flow)],
                "Token for API clients registered by the admin (POST /api/v1/api-clients).",
            )),
        );
    }
}

/// The complete document, built from the same route tree the server mounts (no database).
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::routes::configure)
        .split_for_parts();
    doc
}

/// The document as committed in `openapi/openapi.json`.
///
/// # Errors
/// Only if serialisation fails.
pub fn to_pretty_json() -> anyhow::Result<String> {
    Ok(format!("{}\n", document().to_pretty_json()?))
}
