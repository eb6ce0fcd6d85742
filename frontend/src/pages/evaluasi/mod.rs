//! Evaluation (penilaian kinerja): the PPKin rates subordinates per sub-period or year with the
//! live quota bar of the distribution pattern (`/evaluasi/bawahan`); one SKP's evaluation with
//! the rating form, objection, improvement plan, documents and history (`/evaluasi/:id`, which
//! is also where the Atasan PPKin decides an objection); my own result (`/evaluasi`); the
//! organisation predikat per unit with its Format Penetapan (`/evaluasi/organisasi`). What a
//! viewer may do follows the server's `peran`; the server checks every action again.

mod detail;
mod inbox;
mod organisasi;
mod parts;
mod referensi;

pub use detail::{EvaluasiMinePage, EvaluasiSkpPage};
pub use inbox::EvaluasiInboxPage;
pub use organisasi::OrganisasiPage;
pub use referensi::ReferensiPage;
