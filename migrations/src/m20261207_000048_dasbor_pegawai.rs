//! Every dashboard is kept, not only an instansi's (issue #19, docs/dasbor.md "Cost"):
//! `berlaku_sampai` is when a kept answer stops being fresh (soon for a kecamatan, later for
//! an instansi whose count takes seconds), and `dasbor_pegawai` keeps, with each count, one
//! row per person under the unit and step they are counted in (their SKP state and each step
//! behind), in the list's order, so that the people behind a number are a range read from it
//! instead of a recount of the whole subtree.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DasborSimpan::Table)
                    .add_column(timestamp_with_time_zone_null(DasborSimpan::BerlakuSampai))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DasborPegawai::Table)
                    .col(uuid(DasborPegawai::UnitId))
                    .col(uuid(DasborPegawai::PeriodeId))
                    .col(date(DasborPegawai::Hari))
                    .col(small_integer(DasborPegawai::Langkah))
                    .col(text(DasborPegawai::UnitNama))
                    .col(text(DasborPegawai::Nama))
                    .col(uuid(DasborPegawai::EmployeeId))
                    .col(uuid(DasborPegawai::Top))
                    // In the list's order: a page of one step is a range of this key.
                    .primary_key(
                        Index::create()
                            .col(DasborPegawai::UnitId)
                            .col(DasborPegawai::PeriodeId)
                            .col(DasborPegawai::Hari)
                            .col(DasborPegawai::Langkah)
                            .col(DasborPegawai::UnitNama)
                            .col(DasborPegawai::Nama)
                            .col(DasborPegawai::EmployeeId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dasbor_pegawai_unit")
                            .from(DasborPegawai::Table, DasborPegawai::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dasbor_pegawai_periode")
                            .from(DasborPegawai::Table, DasborPegawai::PeriodeId)
                            .to(Periods::Table, Periods::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DasborPegawai::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(DasborSimpan::Table)
                    .drop_column(DasborSimpan::BerlakuSampai)
                    .to_owned(),
            )
            .await
    }
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
enum DasborSimpan {
    Table,
    BerlakuSampai,
}

#[derive(DeriveIden)]
enum DasborPegawai {
    Table,
    UnitId,
    PeriodeId,
    Hari,
    Langkah,
    UnitNama,
    Nama,
    EmployeeId,
    Top,
}
