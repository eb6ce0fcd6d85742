//! Reminders of the cycle that escalate (issue #19, docs/pengingat.md): `pengingat_siklus`
//! holds one row per reminder sent (and per rule run per day), under a key that makes it once
//! only — the row is inserted in the transaction of the notification, so a second run or a
//! second server sends nothing again; `pengingat_jeda` holds the HR office's silences (a unit
//! and everything below it, or the whole instansi, for some local days).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PengingatSiklus::Table)
                    .col(string_len(PengingatSiklus::Kunci, 200).primary_key())
                    .col(uuid_null(PengingatSiklus::PenerimaEmployeeId))
                    .col(timestamp_with_time_zone(PengingatSiklus::DikirimAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PengingatJeda::Table)
                    .col(pk_uuid(PengingatJeda::Id))
                    .col(uuid(PengingatJeda::InstansiId))
                    .col(uuid_null(PengingatJeda::UnitId))
                    .col(date(PengingatJeda::Mulai))
                    .col(date(PengingatJeda::Selesai))
                    .col(string_len(PengingatJeda::Alasan, 500))
                    .col(uuid(PengingatJeda::DibuatOleh))
                    .col(timestamp_with_time_zone(PengingatJeda::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengingat_jeda_instansi")
                            .from(PengingatJeda::Table, PengingatJeda::InstansiId)
                            .to(Instansi::Table, Instansi::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengingat_jeda_unit")
                            .from(PengingatJeda::Table, PengingatJeda::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_pengingat_jeda_instansi_selesai")
                    .table(PengingatJeda::Table)
                    .col(PengingatJeda::InstansiId)
                    .col(PengingatJeda::Selesai)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PengingatJeda::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PengingatSiklus::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PengingatSiklus {
    Table,
    Kunci,
    PenerimaEmployeeId,
    DikirimAt,
}

#[derive(DeriveIden)]
enum PengingatJeda {
    Table,
    Id,
    InstansiId,
    UnitId,
    Mulai,
    Selesai,
    Alasan,
    DibuatOleh,
    CreatedAt,
}
