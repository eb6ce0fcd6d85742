//! Backups (issue #20, docs/backup.md): every run, scheduled or from the command line, with
//! its time, outcome, size and where the archive is; and the warnings already sent to the
//! admins about a lapse (one row per lapse, so several servers send it once).
//!
//! A scheduled run claims its slot (the interval it belongs to) through the unique `slot`:
//! of two servers starting the same slot's backup, one insert wins and the other does nothing.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Cadangan::Table)
                    .col(pk_uuid(Cadangan::Id))
                    .col(string_len(Cadangan::Jenis, 20))
                    .col(big_integer_null(Cadangan::Slot))
                    .col(string_len(Cadangan::Status, 20))
                    .col(timestamp_with_time_zone(Cadangan::MulaiAt))
                    .col(timestamp_with_time_zone_null(Cadangan::SelesaiAt))
                    .col(big_integer_null(Cadangan::UkuranByte))
                    .col(text_null(Cadangan::Lokasi))
                    .col(string_len_null(Cadangan::VersiSkema, 100))
                    .col(big_integer_null(Cadangan::JumlahBerkas))
                    .col(text_null(Cadangan::Galat))
                    .col(timestamp_with_time_zone_null(Cadangan::DihapusAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_cadangan_slot")
                    .table(Cadangan::Table)
                    .col(Cadangan::Slot)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_cadangan_status_selesai")
                    .table(Cadangan::Table)
                    .col(Cadangan::Status)
                    .col(Cadangan::SelesaiAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CadanganPeringatan::Table)
                    .col(timestamp_with_time_zone(CadanganPeringatan::Sejak).primary_key())
                    .col(timestamp_with_time_zone(CadanganPeringatan::DikirimAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CadanganPeringatan::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Cadangan::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Cadangan {
    Table,
    Id,
    /// `terjadwal` (by the server) or `manual` (`kinerja backup`).
    Jenis,
    /// The scheduled interval this run belongs to; none for manual runs.
    Slot,
    /// `berjalan`, `berhasil` or `gagal`.
    Status,
    MulaiAt,
    SelesaiAt,
    UkuranByte,
    /// The archive's path on the server.
    Lokasi,
    VersiSkema,
    JumlahBerkas,
    Galat,
    /// When retention removed the archive.
    DihapusAt,
}

#[derive(DeriveIden)]
enum CadanganPeringatan {
    Table,
    /// The last successful backup (or the installation) the lapse is counted from.
    Sejak,
    DikirimAt,
}
