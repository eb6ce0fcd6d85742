//! SeaORM entities, one per table, mirroring `migrations/`. They carry no behaviour: rules live
//! in each feature's `service.rs`.

pub mod api_clients;
pub mod assignments;
pub mod audit_events;
pub mod bukti_dukung;
pub mod employees;
pub mod feedback;
pub mod idempotency_keys;
pub mod iki_data_keys;
pub mod ingest_values;
pub mod instansi;
pub mod login_attempts;
pub mod notifications;
pub mod period_unlocks;
pub mod periods;
pub mod positions;
pub mod realisasi;
pub mod ref_berakhlak;
pub mod ref_golongan;
pub mod ref_jenjang;
pub mod ref_panduan_perilaku;
pub mod refresh_tokens;
pub mod rencana_aksi;
pub mod skp_iki;
pub mod skp_perilaku;
pub mod skp_rhk;
pub mod skp_templates;
pub mod skps;
pub mod superior_overrides;
pub mod unit_moves;
pub mod units;
pub mod user_roles;
pub mod users;
