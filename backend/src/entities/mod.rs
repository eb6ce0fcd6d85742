//! SeaORM entities, one per table, mirroring `migrations/`. They carry no behaviour: rules live
//! in each feature's `service.rs`.

pub mod audit_events;
pub mod login_attempts;
pub mod refresh_tokens;
pub mod user_roles;
pub mod users;
