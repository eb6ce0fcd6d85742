//! A user's first steps (issue #19, docs/langkah-awal.md): only what the server cannot tell by
//! itself is stored — that the user confirmed their data, and that they dismissed the list.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LangkahAwal::Table)
                    .col(pk_uuid(LangkahAwal::UserId))
                    .col(timestamp_with_time_zone_null(
                        LangkahAwal::DataDiperiksaPada,
                    ))
                    .col(timestamp_with_time_zone_null(LangkahAwal::DitutupPada))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_langkah_awal_user")
                            .from(LangkahAwal::Table, LangkahAwal::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LangkahAwal::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LangkahAwal {
    Table,
    UserId,
    DataDiperiksaPada,
    DitutupPada,
}
