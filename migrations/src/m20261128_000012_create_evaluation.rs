//! Evaluation: ratings and predikat per SKP and period (versioned), organisation predikat per
//! unit, objections, and improvement plans.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Evaluations::Table)
                    .col(pk_uuid(Evaluations::Id))
                    .col(uuid(Evaluations::SkpId))
                    .col(integer(Evaluations::PeriodeKe))
                    .col(string_len_null(Evaluations::RatingHasil, 30))
                    .col(string_len_null(Evaluations::RatingPerilaku, 30))
                    .col(string_len_null(Evaluations::Predikat, 30))
                    .col(text_null(Evaluations::CatatanHasil))
                    .col(text_null(Evaluations::CatatanPerilaku))
                    .col(text_null(Evaluations::Rekomendasi))
                    .col(boolean(Evaluations::HasilDariOrganisasi))
                    .col(string_len(Evaluations::Status, 20))
                    .col(integer(Evaluations::Versi))
                    .col(uuid(Evaluations::UnitId))
                    .col(uuid_null(Evaluations::PenilaiEmployeeId))
                    .col(timestamp_with_time_zone_null(Evaluations::DitetapkanAt))
                    .col(date_null(Evaluations::BatasKeberatan))
                    .col(timestamp_with_time_zone(Evaluations::CreatedAt))
                    .col(timestamp_with_time_zone(Evaluations::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluations_skp")
                            .from(Evaluations::Table, Evaluations::SkpId)
                            .to(Skps::Table, Skps::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluations_skp_periode")
                    .table(Evaluations::Table)
                    .col(Evaluations::SkpId)
                    .col(Evaluations::PeriodeKe)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_evaluations_unit")
                    .table(Evaluations::Table)
                    .col(Evaluations::UnitId)
                    .col(Evaluations::PeriodeKe)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationVersions::Table)
                    .col(pk_uuid(EvaluationVersions::Id))
                    .col(uuid(EvaluationVersions::EvaluationId))
                    .col(integer(EvaluationVersions::Versi))
                    .col(string_len(EvaluationVersions::Sumber, 20))
                    .col(json_binary(EvaluationVersions::Data))
                    .col(text_null(EvaluationVersions::Alasan))
                    .col(uuid(EvaluationVersions::ActorUserId))
                    .col(timestamp_with_time_zone(EvaluationVersions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluation_versions_evaluation")
                            .from(EvaluationVersions::Table, EvaluationVersions::EvaluationId)
                            .to(Evaluations::Table, Evaluations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OrgPredikat::Table)
                    .col(pk_uuid(OrgPredikat::Id))
                    .col(uuid(OrgPredikat::UnitId))
                    .col(uuid(OrgPredikat::PeriodId))
                    .col(integer(OrgPredikat::PeriodeKe))
                    .col(string_len(OrgPredikat::Predikat, 30))
                    .col(text(OrgPredikat::Dasar))
                    .col(uuid(OrgPredikat::DitetapkanOleh))
                    .col(timestamp_with_time_zone(OrgPredikat::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_predikat_unit")
                            .from(OrgPredikat::Table, OrgPredikat::UnitId)
                            .to(Units::Table, Units::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_predikat_period")
                            .from(OrgPredikat::Table, OrgPredikat::PeriodId)
                            .to(Periods::Table, Periods::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_org_predikat")
                    .table(OrgPredikat::Table)
                    .col(OrgPredikat::UnitId)
                    .col(OrgPredikat::PeriodId)
                    .col(OrgPredikat::PeriodeKe)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Keberatan::Table)
                    .col(pk_uuid(Keberatan::Id))
                    .col(uuid_uniq(Keberatan::EvaluationId))
                    .col(text(Keberatan::Alasan))
                    .col(string_len(Keberatan::Status, 20))
                    .col(text_null(Keberatan::Penjelasan))
                    .col(string_len_null(Keberatan::Keputusan, 10))
                    .col(text_null(Keberatan::CatatanKeputusan))
                    .col(timestamp_with_time_zone(Keberatan::DiajukanAt))
                    .col(timestamp_with_time_zone_null(Keberatan::DijelaskanAt))
                    .col(timestamp_with_time_zone_null(Keberatan::DiputusAt))
                    .col(uuid_null(Keberatan::DiputusOleh))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_keberatan_evaluation")
                            .from(Keberatan::Table, Keberatan::EvaluationId)
                            .to(Evaluations::Table, Evaluations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RencanaPerbaikan::Table)
                    .col(pk_uuid(RencanaPerbaikan::Id))
                    .col(uuid_uniq(RencanaPerbaikan::EvaluationId))
                    .col(text_null(RencanaPerbaikan::Saran))
                    .col(timestamp_with_time_zone(RencanaPerbaikan::CreatedAt))
                    .col(timestamp_with_time_zone(RencanaPerbaikan::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_perbaikan_evaluation")
                            .from(RencanaPerbaikan::Table, RencanaPerbaikan::EvaluationId)
                            .to(Evaluations::Table, Evaluations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PerbaikanItems::Table)
                    .col(pk_uuid(PerbaikanItems::Id))
                    .col(uuid(PerbaikanItems::PlanId))
                    .col(string_len(PerbaikanItems::Jenis, 20))
                    .col(text(PerbaikanItems::Uraian))
                    .col(date_null(PerbaikanItems::JatuhTempo))
                    .col(uuid(PerbaikanItems::AuthorEmployeeId))
                    .col(timestamp_with_time_zone(PerbaikanItems::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_perbaikan_items_plan")
                            .from(PerbaikanItems::Table, PerbaikanItems::PlanId)
                            .to(RencanaPerbaikan::Table, RencanaPerbaikan::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PerbaikanItems::Table.into_iden(),
            RencanaPerbaikan::Table.into_iden(),
            Keberatan::Table.into_iden(),
            OrgPredikat::Table.into_iden(),
            EvaluationVersions::Table.into_iden(),
            Evaluations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
    SkpId,
    PeriodeKe,
    RatingHasil,
    RatingPerilaku,
    Predikat,
    CatatanHasil,
    CatatanPerilaku,
    Rekomendasi,
    HasilDariOrganisasi,
    Status,
    Versi,
    UnitId,
    PenilaiEmployeeId,
    DitetapkanAt,
    BatasKeberatan,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluationVersions {
    Table,
    Id,
    EvaluationId,
    Versi,
    Sumber,
    Data,
    Alasan,
    ActorUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrgPredikat {
    Table,
    Id,
    UnitId,
    PeriodId,
    PeriodeKe,
    Predikat,
    Dasar,
    DitetapkanOleh,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Keberatan {
    Table,
    Id,
    EvaluationId,
    Alasan,
    Status,
    Penjelasan,
    Keputusan,
    CatatanKeputusan,
    DiajukanAt,
    DijelaskanAt,
    DiputusAt,
    DiputusOleh,
}

#[derive(DeriveIden)]
enum RencanaPerbaikan {
    Table,
    Id,
    EvaluationId,
    Saran,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PerbaikanItems {
    Table,
    Id,
    PlanId,
    Jenis,
    Uraian,
    JatuhTempo,
    AuthorEmployeeId,
    CreatedAt,
}
