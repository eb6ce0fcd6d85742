//! The follow-up plan of a survey (rencana tindak lanjut, issue #17): actions for the weakest
//! unsur, each with a person responsible, a due date (the instansi's local day) and a status.
//! Two people (the HR office and the unit head) edit them, hence the `lock_version`. Also a
//! partial index for counting a survey's void responses.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SurveiTindakLanjut::Table)
                    .col(pk_uuid(SurveiTindakLanjut::Id))
                    .col(uuid(SurveiTindakLanjut::SurveiId))
                    .col(string_len(SurveiTindakLanjut::Unsur, 40))
                    .col(text(SurveiTindakLanjut::Tindakan))
                    .col(uuid(SurveiTindakLanjut::PenanggungJawabId))
                    .col(date(SurveiTindakLanjut::JatuhTempo))
                    .col(string_len(SurveiTindakLanjut::Status, 20))
                    .col(text_null(SurveiTindakLanjut::Catatan))
                    .col(timestamp_with_time_zone(SurveiTindakLanjut::CreatedAt))
                    .col(timestamp_with_time_zone(SurveiTindakLanjut::UpdatedAt))
                    .col(integer(SurveiTindakLanjut::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_tindak_lanjut_survei")
                            .from(SurveiTindakLanjut::Table, SurveiTindakLanjut::SurveiId)
                            .to(Survei::Table, Survei::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_tindak_lanjut_pegawai")
                            .from(
                                SurveiTindakLanjut::Table,
                                SurveiTindakLanjut::PenanggungJawabId,
                            )
                            .to(Employees::Table, Employees::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_survei_tindak_lanjut_survei")
                    .table(SurveiTindakLanjut::Table)
                    .col(SurveiTindakLanjut::SurveiId)
                    .to_owned(),
            )
            .await?;
        // The result counts a survey's void responses: few, so a partial index finds them
        // without reading every response (the same SQL on SQLite and PostgreSQL).
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX ix_survei_respons_batal ON survei_respons (survei_id) \
                 WHERE dibatalkan_at IS NOT NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX ix_survei_respons_batal")
            .await?;
        manager
            .drop_table(Table::drop().table(SurveiTindakLanjut::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Survei {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveiTindakLanjut {
    Table,
    Id,
    SurveiId,
    Unsur,
    Tindakan,
    PenanggungJawabId,
    JatuhTempo,
    Status,
    Catatan,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}
