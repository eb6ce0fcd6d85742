//! An IKI fed by a survey's IKM (issue #17, docs/ikm.md "Feeding the SKP"). The binding itself
//! is an ordinary data-key binding with a reserved key (`survei.ikm.<unit id>`), so it follows
//! the IKI through SKP edits and new versions. These tables only schedule the recomputation:
//! `survei_hitung` marks a survey whose responses changed (a background job recomputes it and
//! lands the IKM as realisasi), `iki_survei_tertunda` an IKI bound before its SKP was approved.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SurveiHitung::Table)
                    .col(pk_uuid(SurveiHitung::SurveiId))
                    .col(boolean(SurveiHitung::PerluDihitung).default(true))
                    .col(timestamp_with_time_zone_null(SurveiHitung::DimulaiAt))
                    .col(timestamp_with_time_zone_null(SurveiHitung::DihitungAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_hitung_survei")
                            .from(SurveiHitung::Table, SurveiHitung::SurveiId)
                            .to(Survei::Table, Survei::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_survei_hitung_perlu")
                    .table(SurveiHitung::Table)
                    .col(SurveiHitung::PerluDihitung)
                    .to_owned(),
            )
            .await?;
        // No foreign key to skp_iki: saving a draft SKP rewrites its IKI rows (same ids), which
        // a cascade would take this row with. The job drops rows whose IKI is gone.
        manager
            .create_table(
                Table::create()
                    .table(IkiSurveiTertunda::Table)
                    .col(pk_uuid(IkiSurveiTertunda::IkiId))
                    .col(timestamp_with_time_zone(IkiSurveiTertunda::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IkiSurveiTertunda::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SurveiHitung::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Survei {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveiHitung {
    Table,
    SurveiId,
    PerluDihitung,
    DimulaiAt,
    DihitungAt,
}

#[derive(DeriveIden)]
enum IkiSurveiTertunda {
    Table,
    IkiId,
    CreatedAt,
}
