//! SKP templates per position, managed by the HR office.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SkpTemplates::Table)
                    .col(pk_uuid(SkpTemplates::Id))
                    .col(uuid(SkpTemplates::InstansiId))
                    .col(uuid_null(SkpTemplates::JabatanId))
                    .col(string_len(SkpTemplates::Nama, 200))
                    .col(json_binary(SkpTemplates::Konten))
                    .col(timestamp_with_time_zone(SkpTemplates::CreatedAt))
                    .col(timestamp_with_time_zone(SkpTemplates::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_templates_instansi")
                            .from(SkpTemplates::Table, SkpTemplates::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_templates_jabatan")
                            .from(SkpTemplates::Table, SkpTemplates::JabatanId)
                            .to(Positions::Table, Positions::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_skp_templates_jabatan")
                    .table(SkpTemplates::Table)
                    .col(SkpTemplates::JabatanId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SkpTemplates::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Positions {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SkpTemplates {
    Table,
    Id,
    InstansiId,
    JabatanId,
    Nama,
    Konten,
    CreatedAt,
    UpdatedAt,
}
