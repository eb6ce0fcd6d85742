//! Stored files kept in the database itself (`KINERJA_STORAGE_URL=database:`, issue #21,
//! docs/storage.md): the bytes of an upload under the same key the folder and S3 stores use,
//! written in the transaction of the row that refers to them, so a rollback removes the file
//! too and every replica reads the same files.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BerkasTersimpan::Table)
                    .col(text(BerkasTersimpan::Kunci).primary_key())
                    // bytea on PostgreSQL (TOASTed out of line), blob on SQLite.
                    .col(blob(BerkasTersimpan::Isi))
                    .col(big_integer(BerkasTersimpan::Ukuran))
                    .col(timestamp_with_time_zone(BerkasTersimpan::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BerkasTersimpan::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum BerkasTersimpan {
    Table,
    Kunci,
    Isi,
    Ukuran,
    CreatedAt,
}
