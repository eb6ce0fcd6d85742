//! The SPA ships as two bundles so that no page load carries every screen: `utama` (the daily
//! work: beranda, SKP, realisasi, organisation, employees, notifications, profile, sign-in) and
//! `penilaian` (evaluation and the admin screens: users, audit, API clients, the import
//! wizard, the evaluation references). The backend answers a client route with the bundle's HTML page; each bundle sends
//! the other's routes to the server with a full page load.

/// The HTML page of a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `index.html`.
    Utama,
    /// `penilaian.html`.
    Penilaian,
}

/// The routes of the `penilaian` bundle: these paths and everything below them.
pub const PENILAIAN: [&str; 6] = [
    "/evaluasi",
    "/klien-api",
    "/pengguna",
    "/audit",
    "/pegawai/impor",
    "/referensi-penilaian",
];

impl Bundle {
    /// The bundle that serves `path` (a client route, without the query).
    pub fn of(path: &str) -> Bundle {
        let below = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if PENILAIAN.iter().any(|p| below(p)) {
            Bundle::Penilaian
        } else {
            Bundle::Utama
        }
    }

    /// Its HTML page in the SPA directory.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Utama => "index.html",
            Bundle::Penilaian => "penilaian.html",
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
            "/klien-api",
            "/pengguna",
            "/audit",
            "/pegawai/impor",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Penilaian, "{path}");
        }
        for path in [
            "/",
            "/skp",
            "/realisasi/bawahan",
            "/evaluasian",
            "/auditor",
            "/pegawai",
            "/pegawai/0190",
            "/masuk",
        ] {
            assert_eq!(Bundle::of(path), Bundle::Utama, "{path}");
        }
    }
}
