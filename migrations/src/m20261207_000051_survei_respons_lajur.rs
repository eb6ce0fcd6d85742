//! A survey's change counter (docs/ikm.md, "Cost of the result"). The kept result's
//! fingerprint counted the survey's responses on every view, which grows with them: 7 ms at
//! 10 000 and 34 ms at 37 000 in the benchmark. Every write of responses (an answer, paper
//! forms, a void) now adds to the counter in its own transaction, and the fingerprint reads
//! it in one short statement. The counter is split into lanes (`lajur`), each write taking
//! one, so that many answers at once do not queue on one row.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SurveiResponsLajur::Table)
                    .col(uuid(SurveiResponsLajur::SurveiId))
                    .col(small_integer(SurveiResponsLajur::Lajur))
                    .col(big_integer(SurveiResponsLajur::Perubahan))
                    .primary_key(
                        Index::create()
                            .col(SurveiResponsLajur::SurveiId)
                            .col(SurveiResponsLajur::Lajur),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_respons_lajur_survei")
                            .from(SurveiResponsLajur::Table, SurveiResponsLajur::SurveiId)
                            .to(Survei::Table, Survei::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SurveiResponsLajur::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Survei {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveiResponsLajur {
    Table,
    SurveiId,
    Lajur,
    Perubahan,
}
