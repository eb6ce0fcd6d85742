//! Admin-managed references of evaluation and development: the yearly angka kredit coefficient
//! of each jenjang (seeded with the defaults, overridable by the instansi) and the training
//! catalogue that improvement plans recommend from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Koefisien angka kredit tahunan per jenjang fungsional (PerBKN 3/2023; Ahli Pertama confirmed,
/// the rest unverified defaults). Jabatan administrasi and JPT have none.
const KOEFISIEN: [(&str, f64); 8] = [
    ("pemula", 3.75),
    ("terampil", 5.0),
    ("mahir", 12.5),
    ("penyelia", 25.0),
    ("ahli_pertama", 12.5),
    ("ahli_muda", 25.0),
    ("ahli_madya", 37.5),
    ("ahli_utama", 50.0),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RefJenjang::Table)
                    .add_column(double_null(RefJenjang::KoefisienAngkaKredit))
                    .to_owned(),
            )
            .await?;
        for (kode, koefisien) in KOEFISIEN {
            manager
                .exec_stmt(
                    Query::update()
                        .table(RefJenjang::Table)
                        .value(RefJenjang::KoefisienAngkaKredit, koefisien)
                        .and_where(Expr::col(RefJenjang::Kode).eq(kode))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(KatalogPelatihan::Table)
                    .col(pk_uuid(KatalogPelatihan::Id))
                    .col(string_len_uniq(KatalogPelatihan::Nama, 200))
                    .col(string_len(KatalogPelatihan::Jenis, 30))
                    .col(integer_null(KatalogPelatihan::Jp))
                    .col(boolean(KatalogPelatihan::Aktif).default(true))
                    .col(timestamp_with_time_zone(KatalogPelatihan::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KatalogPelatihan::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RefJenjang::Table)
                    .drop_column(RefJenjang::KoefisienAngkaKredit)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum RefJenjang {
    Table,
    Kode,
    KoefisienAngkaKredit,
}

#[derive(DeriveIden)]
enum KatalogPelatihan {
    Table,
    Id,
    Nama,
    Jenis,
    Jp,
    Aktif,
    CreatedAt,
}
