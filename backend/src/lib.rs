//! Kinerja backend: the REST API, Swagger UI and the SPA host.
//!
//! Code tour: [`startup`] wires the server; [`routes`] composes every feature's routes;
//! each feature folder ([`auth`], [`users`], [`audit`]) has `handlers.rs` (HTTP only) and
//! `service.rs` (rules and queries); [`error`] is the one error type; [`policy`] holds every
//! permission decision.

pub mod audit;
pub mod auth;
pub mod bacaan;
pub mod beranda;
pub mod cadangan;
pub mod cli;
pub mod clock;
pub mod config;
pub mod dasbor;
pub mod database;
pub mod demo;
pub mod employees;
pub mod entities;
pub mod error;
pub mod evaluation;
pub mod extract;
pub mod health;
pub mod http;
pub mod integrations;
pub mod jobs;
pub mod measurement;
pub mod metrics;
pub mod notifications;
pub mod openapi;
pub mod optimistic;
pub mod organisation;
pub mod panduan;
pub mod pengembangan;
pub mod pengembangan_rencana;
pub mod pengingat;
pub mod pengumuman;
pub mod planning;
pub mod policy;
pub mod privasi;
pub mod problems;
pub mod rekap;
pub mod replika;
pub mod routes;
pub mod spa;
pub mod spreadsheet;
pub mod sql;
pub mod startup;
pub mod state;
pub mod storage;
pub mod survei;
pub mod talenta;
pub mod telemetry;
pub mod total;
pub mod uploads;
pub mod users;
