//! The alert on an unusual number of reads of personal data (issue #20; docs/privasi.md): one
//! row per account and clock hour it was raised in. The primary key makes it once per hour
//! even with several servers (insert, on conflict do nothing).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PeringatanAkses::Table)
                    .col(uuid(PeringatanAkses::AktorId))
                    .col(big_integer(PeringatanAkses::Jam))
                    .col(integer(PeringatanAkses::Jumlah))
                    .col(timestamp_with_time_zone(PeringatanAkses::DibuatAt))
                    .primary_key(
                        Index::create()
                            .col(PeringatanAkses::AktorId)
                            .col(PeringatanAkses::Jam),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PeringatanAkses::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum PeringatanAkses {
    Table,
    /// The account that read.
    AktorId,
    /// Hours since 1970-01-01 00:00 UTC of the hour the alert was raised in.
    Jam,
    /// Full records it had read in the hour before the alert.
    Jumlah,
    DibuatAt,
}
