//! Evidence (bukti dukung) attached to a realisasi: a stored file or a link, verified by the PPKin.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BuktiDukung::Table)
                    .col(pk_uuid(BuktiDukung::Id))
                    .col(uuid(BuktiDukung::RealisasiId))
                    .col(string_len(BuktiDukung::Jenis, 10))
                    .col(string_len_null(BuktiDukung::NamaBerkas, 255))
                    .col(string_len_null(BuktiDukung::Mime, 100))
                    .col(big_integer_null(BuktiDukung::Ukuran))
                    .col(string_len_null(BuktiDukung::Sha256, 64))
                    .col(string_len_null(BuktiDukung::StorageKey, 100))
                    .col(text_null(BuktiDukung::Url))
                    .col(string_len_null(BuktiDukung::Verifikasi, 20))
                    .col(text_null(BuktiDukung::CatatanVerifikasi))
                    .col(uuid_null(BuktiDukung::DiverifikasiOleh))
                    .col(timestamp_with_time_zone_null(BuktiDukung::DiverifikasiAt))
                    .col(uuid(BuktiDukung::CreatedBy))
                    .col(timestamp_with_time_zone(BuktiDukung::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bukti_dukung_realisasi")
                            .from(BuktiDukung::Table, BuktiDukung::RealisasiId)
                            .to(Realisasi::Table, Realisasi::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_bukti_dukung_realisasi")
                    .table(BuktiDukung::Table)
                    .col(BuktiDukung::RealisasiId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BuktiDukung::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Realisasi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum BuktiDukung {
    Table,
    Id,
    RealisasiId,
    Jenis,
    NamaBerkas,
    Mime,
    Ukuran,
    Sha256,
    StorageKey,
    Url,
    Verifikasi,
    CatatanVerifikasi,
    DiverifikasiOleh,
    DiverifikasiAt,
    CreatedBy,
    CreatedAt,
}
