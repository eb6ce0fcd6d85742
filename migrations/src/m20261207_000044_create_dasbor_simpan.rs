//! The kept dashboard of a large subtree (issue #19, docs/dasbor.md "Cost"): an instansi of
//! 100 000 people cannot be recounted on every request, so its answer is kept per unit,
//! period, local day and audience, stamped with the time it was counted, and recounted in the
//! background once it is older than `KINERJA_DASBOR_UMUR_DETIK`. `dihitung_mulai` is the claim
//! of the server that recounts it, so several servers recount it once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DasborSimpan::Table)
                    .col(uuid(DasborSimpan::UnitId))
                    .col(uuid(DasborSimpan::PeriodeId))
                    .col(date(DasborSimpan::Hari))
                    .col(boolean(DasborSimpan::Semua))
                    .col(text(DasborSimpan::Isi))
                    .col(timestamp_with_time_zone(DasborSimpan::DihitungPada))
                    .col(timestamp_with_time_zone_null(DasborSimpan::DihitungMulai))
                    .primary_key(
                        Index::create()
                            .col(DasborSimpan::UnitId)
                            .col(DasborSimpan::PeriodeId)
                            .col(DasborSimpan::Hari)
                            .col(DasborSimpan::Semua),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dasbor_simpan_unit")
                            .from(DasborSimpan::Table, DasborSimpan::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dasbor_simpan_periode")
                            .from(DasborSimpan::Table, DasborSimpan::PeriodeId)
                            .to(Periods::Table, Periods::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DasborSimpan::Table).to_owned())
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
    UnitId,
    PeriodeId,
    Hari,
    Semua,
    Isi,
    DihitungPada,
    DihitungMulai,
}
