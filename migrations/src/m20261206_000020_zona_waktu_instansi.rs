//! Each instansi names its time zone (Asia/Jakarta, Asia/Makassar or Asia/Jayapura): every date
//! of the cycle is a day in it (docs/regulation.md, "Local time").

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Instansi::Table)
                    .add_column(text(Instansi::ZonaWaktu).default("Asia/Jakarta"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Instansi::Table)
                    .drop_column(Instansi::ZonaWaktu)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    ZonaWaktu,
}
