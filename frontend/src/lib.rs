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
use crate::pages::{AuditPage, HomePage, LoginPage, NotFound, ProfilePage, UsersPage};

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
                </ParentRoute>
            </Routes>
        </Router>
    }
}
