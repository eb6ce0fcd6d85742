//! Notifications carry their kind's parameters (employee name, year, sub-period, rhythm) so the
//! SPA can word them in the reader's language; a perubahan SKP keeps the employee's reason on
//! the new version, for the PPKin who reviews it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .add_column(json_binary_null(Notifications::Params))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Skps::Table)
                    .add_column(text_null(Skps::AlasanPerubahan))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Skps::Table)
                    .drop_column(Skps::AlasanPerubahan)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .drop_column(Notifications::Params)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Params,
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    AlasanPerubahan,
}
