//! The citizen satisfaction survey (SKM, issue #17): a survey per service unit and period, and
//! its anonymous responses. No name, NIK or phone number is ever stored: a response keeps the
//! answers, an optional coarse profile and suggestion, and two hashes used only against abuse
//! (a per-browser token and the client address, hashed with a server secret).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Survei::Table)
                    .col(pk_uuid(Survei::Id))
                    .col(uuid(Survei::InstansiId))
                    .col(uuid(Survei::UnitId))
                    .col(string_len(Survei::Judul, 200))
                    .col(string_len_uniq(Survei::Kode, 20))
                    .col(string_len(Survei::JenisPeriode, 20))
                    .col(uuid(Survei::PeriodId))
                    .col(integer(Survei::PeriodeKe))
                    .col(integer_null(Survei::Populasi))
                    .col(json_binary(Survei::Layanan))
                    .col(json_binary(Survei::Pertanyaan))
                    .col(string_len(Survei::Status, 20))
                    .col(boolean(Survei::Dipublikasikan).default(false))
                    .col(timestamp_with_time_zone(Survei::CreatedAt))
                    .col(timestamp_with_time_zone(Survei::UpdatedAt))
                    .col(integer(Survei::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_unit")
                            .from(Survei::Table, Survei::UnitId)
                            .to(Units::Table, Units::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_period")
                            .from(Survei::Table, Survei::PeriodId)
                            .to(Periods::Table, Periods::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_survei_unit_period")
                    .table(Survei::Table)
                    .col(Survei::UnitId)
                    .col(Survei::PeriodId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveiRespons::Table)
                    .col(pk_uuid(SurveiRespons::Id))
                    .col(uuid(SurveiRespons::SurveiId))
                    .col(string_len(SurveiRespons::Layanan, 100))
                    .col(small_integer_null(SurveiRespons::U1))
                    .col(small_integer_null(SurveiRespons::U2))
                    .col(small_integer_null(SurveiRespons::U3))
                    .col(small_integer_null(SurveiRespons::U4))
                    .col(small_integer_null(SurveiRespons::U5))
                    .col(small_integer_null(SurveiRespons::U6))
                    .col(small_integer_null(SurveiRespons::U7))
                    .col(small_integer_null(SurveiRespons::U8))
                    .col(small_integer_null(SurveiRespons::U9))
                    .col(string_len_null(SurveiRespons::JenisKelamin, 20))
                    .col(string_len_null(SurveiRespons::Usia, 20))
                    .col(string_len_null(SurveiRespons::Pendidikan, 20))
                    .col(string_len_null(SurveiRespons::Pekerjaan, 30))
                    .col(text_null(SurveiRespons::Saran))
                    .col(string_len(SurveiRespons::Sumber, 10))
                    .col(string_len_null(SurveiRespons::TokenHash, 64))
                    .col(string_len_null(SurveiRespons::IpHash, 64))
                    .col(timestamp_with_time_zone_null(SurveiRespons::DibatalkanAt))
                    .col(uuid_null(SurveiRespons::DibatalkanOleh))
                    .col(text_null(SurveiRespons::AlasanBatal))
                    .col(timestamp_with_time_zone(SurveiRespons::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survei_respons_survei")
                            .from(SurveiRespons::Table, SurveiRespons::SurveiId)
                            .to(Survei::Table, Survei::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("ix_survei_respons_survei", vec![SurveiRespons::SurveiId]),
            (
                "ix_survei_respons_token",
                vec![SurveiRespons::SurveiId, SurveiRespons::TokenHash],
            ),
            (
                "ix_survei_respons_ip",
                vec![
                    SurveiRespons::SurveiId,
                    SurveiRespons::IpHash,
                    SurveiRespons::CreatedAt,
                ],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(SurveiRespons::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SurveiRespons::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Survei::Table).to_owned())
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
enum Survei {
    Table,
    Id,
    InstansiId,
    UnitId,
    Judul,
    Kode,
    JenisPeriode,
    PeriodId,
    PeriodeKe,
    Populasi,
    Layanan,
    Pertanyaan,
    Status,
    Dipublikasikan,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum SurveiRespons {
    Table,
    Id,
    SurveiId,
    Layanan,
    U1,
    U2,
    U3,
    U4,
    U5,
    U6,
    U7,
    U8,
    U9,
    JenisKelamin,
    Usia,
    Pendidikan,
    Pekerjaan,
    Saran,
    Sumber,
    TokenHash,
    IpHash,
    DibatalkanAt,
    DibatalkanOleh,
    AlasanBatal,
    CreatedAt,
}
