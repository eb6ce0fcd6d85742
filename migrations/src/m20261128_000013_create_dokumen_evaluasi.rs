//! Dokumen Evaluasi Kinerja: each generated PDF with its number, verification code and hash.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DokumenEvaluasi::Table)
                    .col(pk_uuid(DokumenEvaluasi::Id))
                    .col(uuid(DokumenEvaluasi::EvaluationId))
                    .col(string_len_uniq(DokumenEvaluasi::Nomor, 60))
                    .col(string_len_uniq(DokumenEvaluasi::Kode, 40))
                    .col(string_len(DokumenEvaluasi::Sha256, 64))
                    .col(string_len(DokumenEvaluasi::Path, 255))
                    .col(integer(DokumenEvaluasi::VersiEvaluasi))
                    .col(uuid(DokumenEvaluasi::CreatedBy))
                    .col(timestamp_with_time_zone(DokumenEvaluasi::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dokumen_evaluasi_evaluation")
                            .from(DokumenEvaluasi::Table, DokumenEvaluasi::EvaluationId)
                            .to(Evaluations::Table, Evaluations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DokumenEvaluasi::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DokumenEvaluasi {
    Table,
    Id,
    EvaluationId,
    Nomor,
    Kode,
    Sha256,
    Path,
    VersiEvaluasi,
    CreatedBy,
    CreatedAt,
}
