//! App-wide reactive state provided as context.

pub mod auth;
