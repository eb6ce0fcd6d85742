//! The kept result of a survey (docs/ikm.md, "Cost of the result"): a survey of tens of
//! thousands of responses is aggregated in one scan, but not on every view of its page. The
//! result is kept with its fingerprint (the survey's version, its responses and its void ones)
//! and served while the fingerprint is unchanged.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SurveiHasilSimpan::Table)
                    .col(uuid(SurveiHasilSimpan::SurveiId).primary_key())
                    .col(text(SurveiHasilSimpan::Isi))
                    .col(string_len(SurveiHasilSimpan::Sidik, 100))
                    .col(timestamp_with_time_zone(SurveiHasilSimpan::DihitungPada))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_hasil_simpan_survei")
                            .from(SurveiHasilSimpan::Table, SurveiHasilSimpan::SurveiId)
                            .to(Survei::Table, Survei::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SurveiHasilSimpan::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Survei {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveiHasilSimpan {
    Table,
    SurveiId,
    Isi,
    Sidik,
    DihitungPada,
}
