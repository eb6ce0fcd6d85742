//! The per-survey limit of the public form counts a survey's responses of the last minute on
//! every submission: an index on (survei_id, created_at) keeps that a short range scan
//! however many responses the survey already has.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_survei_respons_waktu")
                    .table(SurveiRespons::Table)
                    .col(SurveiRespons::SurveiId)
                    .col(SurveiRespons::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_survei_respons_waktu")
                    .table(SurveiRespons::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum SurveiRespons {
    Table,
    SurveiId,
    CreatedAt,
}
