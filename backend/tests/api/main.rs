//! All integration tests build into this one binary. Every test runs against SQLite and, when
//! `KINERJA_TEST_POSTGRES_URL` is set, against PostgreSQL too (see `db_test!`).

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail loudly on broken fixtures"
)]

#[macro_use]
mod helpers;

mod akun;
mod audit;
mod auth;
mod bacaan;
mod beranda;
mod cadangan;
mod cli;
mod dasbor;
mod employees;
mod errors;
mod evaluation;
mod health;
mod import;
mod integrations;
mod jobs;
mod log_akses;
mod migrations;
mod openapi;
mod optimistic;
mod organisation;
mod panduan;
mod pengembangan;
mod pengembangan_rencana;
mod pengingat;
mod pengumuman;
mod perubahan;
mod planning;
mod privasi;
mod read_only;
mod rekap;
mod replika;
mod security;
mod seed_scale;
mod skala;
mod spa;
mod storage;
mod survei;
mod survei_dokumen;
mod survei_halaman;
mod survei_iki;
mod survei_tindak;
mod talenta;
mod users;
