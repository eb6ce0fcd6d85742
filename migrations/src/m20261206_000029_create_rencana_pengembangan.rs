//! The yearly competency development plan of an instansi (rencana pengembangan kompetensi,
//! PP 11/2017 Pasal 205–207; issue #18, docs/pengembangan.md): drafted by the HR office from
//! the agreed needs, set by the pimpinan, kept per version. Every write to a plan or its items
//! names the plan's `lock_version`, so two officers editing at once cannot overwrite each other.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RencanaPengembangan::Table)
                    .col(pk_uuid(RencanaPengembangan::Id))
                    .col(uuid(RencanaPengembangan::InstansiId))
                    .col(integer(RencanaPengembangan::Tahun))
                    .col(integer(RencanaPengembangan::Versi))
                    .col(string_len(RencanaPengembangan::Status, 20))
                    .col(text_null(RencanaPengembangan::Catatan))
                    .col(uuid_null(RencanaPengembangan::DitetapkanOleh))
                    .col(timestamp_with_time_zone_null(
                        RencanaPengembangan::DitetapkanAt,
                    ))
                    .col(uuid(RencanaPengembangan::DibuatOleh))
                    .col(timestamp_with_time_zone(RencanaPengembangan::CreatedAt))
                    .col(timestamp_with_time_zone(RencanaPengembangan::UpdatedAt))
                    .col(integer(RencanaPengembangan::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_pengembangan_instansi")
                            .from(RencanaPengembangan::Table, RencanaPengembangan::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One row per version; two officers starting the same version at once: one gets 409.
        manager
            .create_index(
                Index::create()
                    .name("ux_rencana_pengembangan_versi")
                    .table(RencanaPengembangan::Table)
                    .col(RencanaPengembangan::InstansiId)
                    .col(RencanaPengembangan::Tahun)
                    .col(RencanaPengembangan::Versi)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RencanaPengembanganItem::Table)
                    .col(pk_uuid(RencanaPengembanganItem::Id))
                    .col(uuid(RencanaPengembanganItem::RencanaId))
                    .col(uuid(RencanaPengembanganItem::UnitId))
                    .col(uuid(RencanaPengembanganItem::EmployeeId))
                    .col(uuid_null(RencanaPengembanganItem::KebutuhanId))
                    .col(uuid(RencanaPengembanganItem::KompetensiId))
                    .col(string_len(RencanaPengembanganItem::Bentuk, 30))
                    .col(string_len_null(RencanaPengembanganItem::Penyelenggara, 200))
                    .col(integer_null(RencanaPengembanganItem::BulanRencana))
                    .col(integer(RencanaPengembanganItem::Jp))
                    .col(big_integer(RencanaPengembanganItem::Anggaran))
                    .col(timestamp_with_time_zone(RencanaPengembanganItem::CreatedAt))
                    .col(timestamp_with_time_zone(RencanaPengembanganItem::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_item_rencana")
                            .from(
                                RencanaPengembanganItem::Table,
                                RencanaPengembanganItem::RencanaId,
                            )
                            .to(RencanaPengembangan::Table, RencanaPengembangan::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_item_unit")
                            .from(
                                RencanaPengembanganItem::Table,
                                RencanaPengembanganItem::UnitId,
                            )
                            .to(Units::Table, Units::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_item_pegawai")
                            .from(
                                RencanaPengembanganItem::Table,
                                RencanaPengembanganItem::EmployeeId,
                            )
                            .to(Employees::Table, Employees::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_item_kebutuhan")
                            .from(
                                RencanaPengembanganItem::Table,
                                RencanaPengembanganItem::KebutuhanId,
                            )
                            .to(KebutuhanPengembangan::Table, KebutuhanPengembangan::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_rencana_item_kompetensi")
                            .from(
                                RencanaPengembanganItem::Table,
                                RencanaPengembanganItem::KompetensiId,
                            )
                            .to(Kompetensi::Table, Kompetensi::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A need enters a version once, however often it is consolidated (NULLs, the items
        // added by hand, are distinct).
        manager
            .create_index(
                Index::create()
                    .name("ux_rencana_item_kebutuhan")
                    .table(RencanaPengembanganItem::Table)
                    .col(RencanaPengembanganItem::RencanaId)
                    .col(RencanaPengembanganItem::KebutuhanId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The plan per unit (totals, pages) and per employee (the 20 JP gap).
        for (name, col) in [
            ("ix_rencana_item_unit", RencanaPengembanganItem::UnitId),
            (
                "ix_rencana_item_pegawai",
                RencanaPengembanganItem::EmployeeId,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(RencanaPengembanganItem::Table)
                        .col(RencanaPengembanganItem::RencanaId)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(RencanaPengembanganItem::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(RencanaPengembangan::Table).to_owned())
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
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Kompetensi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum KebutuhanPengembangan {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RencanaPengembangan {
    Table,
    Id,
    InstansiId,
    Tahun,
    Versi,
    Status,
    Catatan,
    DitetapkanOleh,
    DitetapkanAt,
    DibuatOleh,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum RencanaPengembanganItem {
    Table,
    Id,
    RencanaId,
    UnitId,
    EmployeeId,
    KebutuhanId,
    KompetensiId,
    Bentuk,
    Penyelenggara,
    BulanRencana,
    Jp,
    Anggaran,
    CreatedAt,
    UpdatedAt,
}
