//! A year's record across SKP versions (perubahan SKP): the first sub-period a version governs,
//! and the RHK/IKI of the previous version each RHK/IKI continues, so that entries follow an
//! indicator from one version to the next. The target's nature (spread over the sub-periods,
//! kept each sub-period, or due on a date) lets a sub-period's capaian compare with that
//! sub-period's target.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns: [(&str, ColumnDef); 5] = [
            ("skps", integer_null(Skps::BerlakuDariKe)),
            ("skp_rhk", uuid_null(SkpRhk::AsalRhkId)),
            ("skp_iki", uuid_null(SkpIki::AsalIkiId)),
            ("skp_iki", string_len_null(SkpIki::JenisTarget, 20)),
            ("skp_iki", date_null(SkpIki::Tenggat)),
        ];
        for (table, mut col) in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns: [(&str, DynIden); 5] = [
            ("skps", Skps::BerlakuDariKe.into_iden()),
            ("skp_rhk", SkpRhk::AsalRhkId.into_iden()),
            ("skp_iki", SkpIki::AsalIkiId.into_iden()),
            ("skp_iki", SkpIki::JenisTarget.into_iden()),
            ("skp_iki", SkpIki::Tenggat.into_iden()),
        ];
        for (table, col) in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Skps {
    BerlakuDariKe,
}

#[derive(DeriveIden)]
enum SkpRhk {
    AsalRhkId,
}

#[derive(DeriveIden)]
enum SkpIki {
    AsalIkiId,
    JenisTarget,
    Tenggat,
}
