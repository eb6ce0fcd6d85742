//! The SPA ships as bundles so that no page load carries every screen (each stays under
//! 600 KB gzip): `utama` (the daily work: beranda, SKP, notifications, profile, sign-in),
//! `pengukuran` (realisasi: one's own, a subordinate's, and the PPKin's inbox), `penilaian` (evaluation and the evaluation references) and `kepegawaian` (the HR
//! office's screens: organisation, employees and their import, users, audit, API clients) and
//! `layanan` (the citizen satisfaction surveys of the service units) and `pengembangan` (competency
//! development: needs, records, the 20 JP, the yearly plan and talent) and `pantau` (the
//! dashboards of pimpinan and the HR office) and `panduan` (the in-app guides and the glossary). The
//! backend answers a client route with its bundle's HTML page; each bundle sends the others'
//! routes to the server with a full page load.

/// The HTML page of a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `index.html`.
    Utama,
    /// `penilaian.html`.
    Penilaian,
    /// `kepegawaian.html`.
    Kepegawaian,
    /// `layanan.html`.
    Layanan,
    /// `pengukuran.html`.
    Pengukuran,
    /// `pengembangan.html`.
    Pengembangan,
    /// `pantau.html`.
    Pantau,
    /// `panduan.html`.
    Panduan,
}

/// The routes of the `penilaian` bundle: these paths and everything below them.
pub const PENILAIAN: [&str; 2] = ["/evaluasi", "/referensi-penilaian"];

/// The routes of the `kepegawaian` bundle: these paths and everything below them.
pub const KEPEGAWAIAN: [&str; 6] = [
    "/organisasi",
    "/pegawai",
    "/pengguna",
    "/audit",
    "/klien-api",
    "/sistem",
];

/// The routes of the `layanan` bundle: the surveys (SKM) staff manage. The citizen's own pages
/// (`/survei/{kode}`, `/ikm`) are not the SPA at all: the server renders them.
pub const LAYANAN: [&str; 1] = ["/skm"];

/// The routes of the `pengukuran` bundle: realisasi with its evidence and feedback.
pub const PENGUKURAN: [&str; 1] = ["/realisasi"];

/// The routes of the `pengembangan` bundle: competency development and careers.
pub const PENGEMBANGAN: [&str; 1] = ["/pengembangan"];

/// The routes of the `pantau` bundle: the dashboards.
pub const PANTAU: [&str; 1] = ["/dasbor"];

/// The routes of the `panduan` bundle: the in-app guides and the glossary.
pub const PANDUAN: [&str; 2] = ["/panduan", "/glosarium"];

impl Bundle {
    /// The bundle that serves `path` (a client route, without the query).
    pub fn of(path: &str) -> Bundle {
        let below = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if PENILAIAN.iter().any(|p| below(p)) {
            Bundle::Penilaian
        } else if KEPEGAWAIAN.iter().any(|p| below(p)) {
            Bundle::Kepegawaian
        } else if LAYANAN.iter().any(|p| below(p)) {
            Bundle::Layanan
        } else if PENGUKURAN.iter().any(|p| below(p)) {
            Bundle::Pengukuran
        } else if PENGEMBANGAN.iter().any(|p| below(p)) {
            Bundle::Pengembangan
        } else if PANTAU.iter().any(|p| below(p)) {
            Bundle::Pantau
        } else if PANDUAN.iter().any(|p| below(p)) {
            Bundle::Panduan
        } else {
            Bundle::Utama
        }
    }

    /// Its HTML page in the SPA directory.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Utama => "index.html",
            Bundle::Penilaian => "penilaian.html",
            Bundle::Kepegawaian => "kepegawaian.html",
            Bundle::Layanan => "layanan.html",
            Bundle::Pengukuran => "pengukuran.html",
            Bundle::Pengembangan => "pengembangan.html",
            Bundle::Pantau => "pantau.html",
            Bundle::Panduan => "panduan.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_belong_to_their_bundle_by_whole_segments() {
        for path in [
            "/evaluasi",
            "/evaluasi/bawahan",
            "/evaluasi/0190",
            "/referensi-penilaian",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Penilaian, "{path}");
        }
        for path in [
            "/klien-api",
            "/pengguna",
            "/audit",
            "/sistem",
            "/pegawai",
            "/pegawai/impor",
            "/pegawai/0190",
            "/organisasi",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Kepegawaian, "{path}");
        }
        for path in ["/skm", "/skm/0190", "/skm/baru"] {
            assert_eq!(Bundle::of(path), Bundle::Layanan, "{path}");
        }
        for path in ["/realisasi", "/realisasi/bawahan", "/realisasi/0190"] {
            assert_eq!(Bundle::of(path), Bundle::Pengukuran, "{path}");
        }
        for path in ["/pengembangan", "/pengembangan/tim", "/pengembangan/0190"] {
            assert_eq!(Bundle::of(path), Bundle::Pengembangan, "{path}");
        }
        for path in ["/dasbor", "/dasbor/pegawai"] {
            assert_eq!(Bundle::of(path), Bundle::Pantau, "{path}");
        }
        for path in [
            "/panduan",
            "/panduan/isi-skp",
            "/panduan/isi-skp/ubah",
            "/glosarium",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Panduan, "{path}");
        }
        for path in [
            "/",
            "/dasborx",
            "/panduanx",
            "/glosariumx",
            "/skp",
            "/realisasian",
            "/evaluasian",
            "/auditor",
            "/pegawaian",
            "/masuk",
            "/pengembanganx",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Utama, "{path}");
        }
    }
}
