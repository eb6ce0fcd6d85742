//! Kinerja SPA: Leptos (CSR) built by trunk into `frontend/dist` and served by the backend.
//!
//! This file holds the app root only: contexts and the route table. Pages are in `pages/`,
//! widgets in `components/`, and `api/` is the only code that performs HTTP.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

// Modules
pub mod api;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod labels;
pub mod pages;
pub mod state;

use crate::components::Shell;
use crate::pages::{
    ApiClientsPage, AuditPage, EditEmployeePage, EmployeeDetailPage, EmployeesPage,
    EvaluasiInboxPage, EvaluasiMinePage, EvaluasiSkpPage, HomePage, ImportPage, LoginPage,
    NewEmployeePage, NotFound, NotificationsPage, OrganisationPage, ProfilePage,
    RealisasiInboxPage, RealisasiMinePage, RealisasiSkpPage, SkpDetailPage, SkpInboxPage,
    SkpMinePage, SkpPohonPage, UsersPage,
};

/// The app root: language and session contexts, then the routes. Everything under `Shell`
/// requires a signed-in user.
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
                    <Route path=path!("pengguna") view=UsersPage/>
                    <Route path=path!("audit") view=AuditPage/>
                    <Route path=path!("organisasi") view=OrganisationPage/>
                    // Fixed segments before `:id` (the first matching route wins).
                    <Route path=path!("pegawai/baru") view=NewEmployeePage/>
                    <Route path=path!("pegawai/impor") view=ImportPage/>
                    <Route path=path!("pegawai/:id/ubah") view=EditEmployeePage/>
                    <Route path=path!("pegawai/:id") view=EmployeeDetailPage/>
                    <Route path=path!("pegawai") view=EmployeesPage/>
                    <Route path=path!("skp/bawahan") view=SkpInboxPage/>
                    <Route path=path!("skp/:id/pohon") view=SkpPohonPage/>
                    <Route path=path!("skp/:id") view=SkpDetailPage/>
                    <Route path=path!("skp") view=SkpMinePage/>
                    <Route path=path!("realisasi/bawahan") view=RealisasiInboxPage/>
                    <Route path=path!("realisasi/:id") view=RealisasiSkpPage/>
                    <Route path=path!("realisasi") view=RealisasiMinePage/>
                    <Route path=path!("evaluasi/bawahan") view=EvaluasiInboxPage/>
                    <Route path=path!("evaluasi/:id") view=EvaluasiSkpPage/>
                    <Route path=path!("evaluasi") view=EvaluasiMinePage/>
                    <Route path=path!("klien-api") view=ApiClientsPage/>
                    <Route path=path!("notifikasi") view=NotificationsPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
