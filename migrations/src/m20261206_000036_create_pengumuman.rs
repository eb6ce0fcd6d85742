//! Announcements (issue #19, docs/pengumuman.md): who they are for, the days they show, and
//! who has read them (one row per reader, so read counts are a count).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Pengumuman::Table)
                    .col(pk_uuid(Pengumuman::Id))
                    .col(uuid(Pengumuman::InstansiId))
                    .col(string_len(Pengumuman::Judul, 200))
                    .col(text(Pengumuman::Isi))
                    .col(string_len(Pengumuman::Sasaran, 10))
                    .col(uuid_null(Pengumuman::UnitId))
                    .col(string_len_null(Pengumuman::Peran, 20))
                    .col(date(Pengumuman::Mulai))
                    .col(date(Pengumuman::Selesai))
                    .col(uuid(Pengumuman::DibuatOleh))
                    .col(boolean(Pengumuman::Ditarik).default(false))
                    .col(timestamp_with_time_zone(Pengumuman::CreatedAt))
                    .col(timestamp_with_time_zone(Pengumuman::UpdatedAt))
                    .col(integer(Pengumuman::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengumuman_instansi")
                            .from(Pengumuman::Table, Pengumuman::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengumuman_unit")
                            .from(Pengumuman::Table, Pengumuman::UnitId)
                            .to(Units::Table, Units::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengumuman_penulis")
                            .from(Pengumuman::Table, Pengumuman::DibuatOleh)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The banner asks for the instansi's announcements showing today.
        manager
            .create_index(
                Index::create()
                    .name("ix_pengumuman_tayang")
                    .table(Pengumuman::Table)
                    .col(Pengumuman::InstansiId)
                    .col(Pengumuman::Selesai)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PengumumanDibaca::Table)
                    .col(uuid(PengumumanDibaca::PengumumanId))
                    .col(uuid(PengumumanDibaca::UserId))
                    .col(timestamp_with_time_zone(PengumumanDibaca::DibacaPada))
                    .primary_key(
                        Index::create()
                            .col(PengumumanDibaca::PengumumanId)
                            .col(PengumumanDibaca::UserId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengumuman_dibaca_pengumuman")
                            .from(PengumumanDibaca::Table, PengumumanDibaca::PengumumanId)
                            .to(Pengumuman::Table, Pengumuman::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengumuman_dibaca_user")
                            .from(PengumumanDibaca::Table, PengumumanDibaca::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PengumumanDibaca::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Pengumuman::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Pengumuman {
    Table,
    Id,
    InstansiId,
    Judul,
    Isi,
    Sasaran,
    UnitId,
    Peran,
    Mulai,
    Selesai,
    DibuatOleh,
    Ditarik,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum PengumumanDibaca {
    Table,
    PengumumanId,
    UserId,
    DibacaPada,
}
