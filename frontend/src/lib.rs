//! Kinerja SPA: Leptos (CSR) built by trunk into `frontend/dist` and served by the backend.
//!
//! This file holds the app root only: contexts and the route table. Pages are in `pages/`,
//! widgets in `components/`, and `api/` is the only code that performs HTTP.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

pub use kinerja_api::spa::Bundle;

// Modules
pub mod api;
pub mod components;
pub mod forms;
pub mod glosarium;
pub mod i18n;
pub mod labels;
pub mod pages;
pub mod state;

use crate::components::Shell;
use crate::pages::pantau::{DasborPage, DasborPegawaiPage, RekapPage};
use crate::pages::pengembangan::{
    KarierPage, PengembanganHrPage, PengembanganPage, PengembanganRencanaPage, PengembanganTimPage,
    TalentaPage,
};
use crate::pages::{
    ApiClientsPage, AuditPage, EditEmployeePage, EmployeeDetailPage, EmployeesPage,
    EvaluasiInboxPage, EvaluasiMinePage, EvaluasiSkpPage, HomePage, ImportPage, LoginPage,
    NewEmployeePage, NotFound, NotificationsPage, OrganisasiPage, OrganisationPage, PrivasiPage,
    ProfilePage, RealisasiInboxPage, RealisasiMinePage, RealisasiSkpPage, ReferensiPage,
    SistemPage, SkmDetailPage, SkmPage, SkpDetailPage, SkpInboxPage, SkpMinePage, SkpPohonPage,
    UsersPage,
};

/// The `utama` bundle (`index.html`): the daily work and the sign-in. Language and session
/// contexts, then the routes; everything under `Shell` requires a signed-in user. The routes
/// of the other bundle reach `NotFound`, which loads them from the server.
#[component]
pub fn App() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/masuk") view=LoginPage/>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=HomePage/>
                    <Route path=path!("profil") view=ProfilePage/>
                    <Route path=path!("skp/bawahan") view=SkpInboxPage/>
                    <Route path=path!("skp/:id/pohon") view=SkpPohonPage/>
                    <Route path=path!("skp/:id") view=SkpDetailPage/>
                    <Route path=path!("skp") view=SkpMinePage/>
                    <Route path=path!("notifikasi") view=NotificationsPage/>
                    <Route path=path!("pengumuman") view=crate::pages::pengumuman::PengumumanPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `penilaian` bundle (`penilaian.html`): evaluation and the admin screens (routes listed
/// in `kinerja_api::spa::PENILAIAN`). The same shell; sign-in and the other screens are loaded
/// from the server through `NotFound`.
#[component]
pub fn PenilaianApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("evaluasi/bawahan") view=EvaluasiInboxPage/>
                    <Route path=path!("evaluasi/organisasi") view=OrganisasiPage/>
                    <Route path=path!("evaluasi/:id") view=EvaluasiSkpPage/>
                    <Route path=path!("evaluasi") view=EvaluasiMinePage/>
                    <Route path=path!("referensi-penilaian") view=ReferensiPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `kepegawaian` bundle (`kepegawaian.html`): the HR office's screens (routes listed in
/// `kinerja_api::spa::KEPEGAWAIAN`). The same shell; everything else is loaded from the server
/// through `NotFound`.
#[component]
pub fn KepegawaianApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("organisasi") view=OrganisationPage/>
                    // Fixed segments before `:id` (the first matching route wins).
                    <Route path=path!("pegawai/baru") view=NewEmployeePage/>
                    <Route path=path!("pegawai/impor") view=ImportPage/>
                    <Route path=path!("pegawai/:id/ubah") view=EditEmployeePage/>
                    <Route path=path!("pegawai/:id") view=EmployeeDetailPage/>
                    <Route path=path!("pegawai") view=EmployeesPage/>
                    <Route path=path!("klien-api") view=ApiClientsPage/>
                    <Route path=path!("pengguna") view=UsersPage/>
                    <Route path=path!("audit") view=AuditPage/>
                    <Route path=path!("sistem/privasi") view=PrivasiPage/>
                    <Route path=path!("sistem") view=SistemPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `layanan` bundle (`layanan.html`): the citizen satisfaction surveys of the service
/// units (routes listed in `kinerja_api::spa::LAYANAN`).
#[component]
pub fn LayananApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("skm/:id") view=SkmDetailPage/>
                    <Route path=path!("skm") view=SkmPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `pengukuran` bundle (`pengukuran.html`): realisasi, evidence and feedback (routes
/// listed in `kinerja_api::spa::PENGUKURAN`).
#[component]
pub fn PengukuranApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("realisasi/bawahan") view=RealisasiInboxPage/>
                    <Route path=path!("realisasi/:id") view=RealisasiSkpPage/>
                    <Route path=path!("realisasi") view=RealisasiMinePage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `pengembangan` bundle (`pengembangan.html`): competency development (routes listed in
/// `kinerja_api::spa::PENGEMBANGAN`).
#[component]
pub fn PengembanganApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("pengembangan/karier/:id") view=KarierPage/>
                    <Route path=path!("pengembangan/karier") view=KarierPage/>
                    <Route path=path!("pengembangan/talenta") view=TalentaPage/>
                    <Route path=path!("pengembangan/tim") view=PengembanganTimPage/>
                    <Route path=path!("pengembangan/kepegawaian") view=PengembanganHrPage/>
                    <Route path=path!("pengembangan/rencana") view=PengembanganRencanaPage/>
                    <Route path=path!("pengembangan") view=PengembanganPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `pantau` bundle (`pantau.html`): the dashboards of pimpinan and the HR office (routes
/// listed in `kinerja_api::spa::PANTAU`).
#[component]
pub fn PantauApp() -> impl IntoView {
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("dasbor/pegawai") view=DasborPegawaiPage/>
                    <Route path=path!("dasbor/rekap") view=RekapPage/>
                    <Route path=path!("dasbor") view=DasborPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The `panduan` bundle (`panduan.html`): the in-app guides, their editor and the glossary
/// (routes listed in `kinerja_api::spa::PANDUAN`).
#[component]
pub fn PanduanApp() -> impl IntoView {
    use crate::pages::panduan::{GlosariumPage, PanduanEditPage, PanduanListPage, PanduanPage};
    i18n::provide_i18n();
    state::auth::provide_auth();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("") view=Shell>
                    // Fixed segments before `:slug` (the first matching route wins).
                    <Route path=path!("panduan/baru") view=PanduanEditPage/>
                    <Route path=path!("panduan/:slug/ubah") view=PanduanEditPage/>
                    <Route path=path!("panduan/:slug") view=PanduanPage/>
                    <Route path=path!("panduan") view=PanduanListPage/>
                    <Route path=path!("glosarium") view=GlosariumPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Mounts a bundle's root in place of the static boot screen.
pub fn start<V: IntoView + 'static>(bundle: Bundle, root: fn() -> V) {
    console_error_panic_hook::set_once();
    BUNDLE.with(|b| b.set(bundle));
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(root);
}

thread_local! {
    static BUNDLE: std::cell::Cell<Bundle> = const { std::cell::Cell::new(Bundle::Utama) };
}

/// The bundle this page runs.
pub fn bundle() -> Bundle {
    BUNDLE.with(std::cell::Cell::get)
}
