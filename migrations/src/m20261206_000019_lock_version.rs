//! Every record several administrators edit carries an optimistic `lock_version`, as the SKP
//! does: a write must name the version it was based on, so a concurrent edit cannot be silently
//! overwritten (issue #15, lost employee update).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables that gain the column; existing rows start at version 1.
const TABLES: [&str; 6] = [
    "employees",
    "units",
    "positions",
    "users",
    "periods",
    "skp_templates",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(integer(LockVersion::LockVersion).default(1))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(LockVersion::LockVersion)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum LockVersion {
    LockVersion,
}
