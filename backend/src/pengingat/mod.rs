//! Reminders of the cycle that escalate (issue #19, docs/pengingat.md): before each deadline
//! the person who must act is reminded; when a step is overdue, the PPKin and later the Atasan
//! PPKin are told; each pimpinan gets a weekly digest of what is overdue below them. Sent once
//! each, whatever the number of servers; the HR office silences a unit or the instansi for
//! some days.

pub mod handlers;
pub mod jeda;
pub mod siklus;

pub use handlers::routes;

pub(crate) const TAG: &str = "pengingat";
