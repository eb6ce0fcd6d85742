//! One component per route.

mod akun;
mod api_clients;
mod audit;
mod employees;
mod evaluasi;
mod home;
pub mod langkah_awal;
mod login;
mod not_found;
mod notifications;
mod organisation;
pub mod panduan;
pub mod pantau;
pub mod pengembangan;
pub mod pengumuman;
mod privasi;
mod profile;
mod realisasi;
mod sistem;
mod sistem_jeda;
mod skm;
mod skp;
mod users;

pub use api_clients::ApiClientsPage;
pub use audit::AuditPage;
pub use employees::{
    EditEmployeePage, EmployeeDetailPage, EmployeesPage, ImportPage, NewEmployeePage,
};
pub use evaluasi::{
    EvaluasiInboxPage, EvaluasiMinePage, EvaluasiSkpPage, OrganisasiPage, ReferensiPage,
};
pub use home::HomePage;
pub use login::LoginPage;
pub use not_found::NotFound;
pub use notifications::NotificationsPage;
pub use organisation::OrganisationPage;
pub use privasi::PrivasiPage;
pub use profile::{ForcedPasswordChange, ProfilePage};
pub use realisasi::{RealisasiInboxPage, RealisasiMinePage, RealisasiSkpPage};
pub use sistem::SistemPage;
pub use skm::{SkmDetailPage, SkmPage};
pub use skp::{SkpDetailPage, SkpInboxPage, SkpMinePage, SkpPohonPage};
pub use users::UsersPage;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The `halaman` query parameter of list pages (1 when absent or invalid).
fn page_number() -> Memo<u64> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .get("halaman")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    })
}
