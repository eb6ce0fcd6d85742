//! `/pegawai…`: the employee list, an employee's record, the create/edit form and the import.

mod detail;
mod form;
mod import;
mod list;

pub use detail::EmployeeDetailPage;
pub use form::{EditEmployeePage, NewEmployeePage};
pub use import::ImportPage;
pub use list::EmployeesPage;

use leptos::prelude::*;

use crate::i18n::{Key, tr};

/// A value that is only shown in the full record: "—" with a spoken "not shown".
fn not_shown() -> impl IntoView {
    view! {
        <span aria-hidden="true">"—"</span>
        <span class="sr-only">{tr(Key::NotShown)}</span>
    }
}
