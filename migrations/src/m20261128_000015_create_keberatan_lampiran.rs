//! Attachments of an objection (keberatan): files the employee adds to the reasons, stored like
//! evidence under the upload directory with generated names.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KeberatanLampiran::Table)
                    .col(pk_uuid(KeberatanLampiran::Id))
                    .col(uuid(KeberatanLampiran::KeberatanId))
                    .col(string_len(KeberatanLampiran::NamaBerkas, 255))
                    .col(string_len(KeberatanLampiran::Mime, 100))
                    .col(big_integer(KeberatanLampiran::Ukuran))
                    .col(string_len(KeberatanLampiran::Sha256, 64))
                    .col(string_len(KeberatanLampiran::StorageKey, 100))
                    .col(uuid(KeberatanLampiran::CreatedBy))
                    .col(timestamp_with_time_zone(KeberatanLampiran::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_keberatan_lampiran_keberatan")
                            .from(KeberatanLampiran::Table, KeberatanLampiran::KeberatanId)
                            .to(Keberatan::Table, Keberatan::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_keberatan_lampiran_keberatan")
                    .table(KeberatanLampiran::Table)
                    .col(KeberatanLampiran::KeberatanId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KeberatanLampiran::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Keberatan {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum KeberatanLampiran {
    Table,
    Id,
    KeberatanId,
    NamaBerkas,
    Mime,
    Ukuran,
    Sha256,
    StorageKey,
    CreatedBy,
    CreatedAt,
}
