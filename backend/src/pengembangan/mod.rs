//! Competency development (issue #18; docs/pengembangan.md): the HR office's competency list,
//! each employee's development needs (proposed, or made from a low rating), the records of
//! what they attended with their JP, the HR office's verification, and the 20 JP a year of
//! each employee, team and unit. The rules of access are [`crate::policy::akses_pengembangan`].

pub mod akses;
pub mod catatan;
pub mod handlers;
pub mod jp;
pub mod kebutuhan;
pub mod kepatuhan;
pub mod kompetensi;
pub mod pengingat;

pub use handlers::routes;

pub(crate) const TAG: &str = "pengembangan";
