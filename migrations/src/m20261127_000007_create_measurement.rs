//! Measurement: rencana aksi and realisasi per IKI and evaluation sub-period, evidence (bukti
//! dukung), and admin unlocks of locked sub-periods.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RencanaAksi::Table)
                    .col(pk_uuid(RencanaAksi::Id))
                    .col(uuid(RencanaAksi::IkiId))
                    .col(integer(RencanaAksi::PeriodeKe))
                    .col(text(RencanaAksi::Uraian))
                    .col(double_null(RencanaAksi::TargetNilai))
                    .col(timestamp_with_time_zone(RencanaAksi::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_aksi_iki")
                            .from(RencanaAksi::Table, RencanaAksi::IkiId)
                            .to(SkpIki::Table, SkpIki::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_rencana_aksi")
                    .table(RencanaAksi::Table)
                    .col(RencanaAksi::IkiId)
                    .col(RencanaAksi::PeriodeKe)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Realisasi::Table)
                    .col(pk_uuid(Realisasi::Id))
                    .col(uuid(Realisasi::IkiId))
                    .col(integer(Realisasi::PeriodeKe))
                    .col(double_null(Realisasi::Nilai))
                    .col(text_null(Realisasi::Naratif))
                    .col(text_null(Realisasi::Dasar))
                    .col(string_len(Realisasi::Sumber, 20))
                    .col(uuid_null(Realisasi::ClientId))
                    .col(uuid_null(Realisasi::UpdatedBy))
                    .col(timestamp_with_time_zone(Realisasi::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_realisasi_iki")
                            .from(Realisasi::Table, Realisasi::IkiId)
                            .to(SkpIki::Table, SkpIki::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_realisasi")
                    .table(Realisasi::Table)
                    .col(Realisasi::IkiId)
                    .col(Realisasi::PeriodeKe)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PeriodUnlocks::Table)
                    .col(pk_uuid(PeriodUnlocks::Id))
                    .col(uuid(PeriodUnlocks::SkpId))
                    .col(integer(PeriodUnlocks::PeriodeKe))
                    .col(date(PeriodUnlocks::Sampai))
                    .col(text(PeriodUnlocks::Alasan))
                    .col(uuid(PeriodUnlocks::CreatedBy))
                    .col(timestamp_with_time_zone(PeriodUnlocks::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_period_unlocks_skp")
                            .from(PeriodUnlocks::Table, PeriodUnlocks::SkpId)
                            .to(Skps::Table, Skps::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_period_unlocks_skp")
                    .table(PeriodUnlocks::Table)
                    .col(PeriodUnlocks::SkpId)
                    .col(PeriodUnlocks::PeriodeKe)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PeriodUnlocks::Table.into_iden(),
            Realisasi::Table.into_iden(),
            RencanaAksi::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum SkpIki {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RencanaAksi {
    Table,
    Id,
    IkiId,
    PeriodeKe,
    Uraian,
    TargetNilai,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Realisasi {
    Table,
    Id,
    IkiId,
    PeriodeKe,
    Nilai,
    Naratif,
    Dasar,
    Sumber,
    ClientId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PeriodUnlocks {
    Table,
    Id,
    SkpId,
    PeriodeKe,
    Sampai,
    Alasan,
    CreatedBy,
    CreatedAt,
}
