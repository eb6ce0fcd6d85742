//! Data from other government systems: API clients, IKI data-key bindings, the values they
//! push (kept per day so that daily values can be re-sent and re-aggregated), and the stored
//! answers of idempotent requests.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiClients::Table)
                    .col(pk_uuid(ApiClients::Id))
                    .col(string_len(ApiClients::Nama, 120))
                    .col(uuid(ApiClients::UnitId))
                    .col(string_len(ApiClients::Scopes, 200))
                    .col(string_len(ApiClients::SecretHash, 64))
                    .col(string_len(ApiClients::SecretPrefix, 12))
                    .col(boolean(ApiClients::Aktif))
                    .col(uuid(ApiClients::CreatedBy))
                    .col(timestamp_with_time_zone(ApiClients::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiClients::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_clients_unit")
                            .from(ApiClients::Table, ApiClients::UnitId)
                            .to(Units::Table, Units::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IkiDataKeys::Table)
                    .col(pk_uuid(IkiDataKeys::IkiId))
                    .col(string_len(IkiDataKeys::DataKey, 100))
                    .col(string_len(IkiDataKeys::Agregasi, 10))
                    .col(timestamp_with_time_zone(IkiDataKeys::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_iki_data_keys_iki")
                            .from(IkiDataKeys::Table, IkiDataKeys::IkiId)
                            .to(SkpIki::Table, SkpIki::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_iki_data_keys_key")
                    .table(IkiDataKeys::Table)
                    .col(IkiDataKeys::DataKey)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IngestValues::Table)
                    .col(pk_uuid(IngestValues::Id))
                    .col(uuid(IngestValues::IkiId))
                    .col(integer(IngestValues::PeriodeKe))
                    .col(date(IngestValues::Tanggal))
                    .col(double(IngestValues::Nilai))
                    .col(uuid(IngestValues::ClientId))
                    .col(timestamp_with_time_zone(IngestValues::ReceivedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_ingest_values_iki")
                            .from(IngestValues::Table, IngestValues::IkiId)
                            .to(SkpIki::Table, SkpIki::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One value per IKI and day: a re-sent day replaces, it does not add up twice.
        manager
            .create_index(
                Index::create()
                    .name("ux_ingest_values_day")
                    .table(IngestValues::Table)
                    .col(IngestValues::IkiId)
                    .col(IngestValues::Tanggal)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(IdempotencyKeys::ClientId))
                    .col(string_len(IdempotencyKeys::Key, 100))
                    .col(string_len(IdempotencyKeys::RequestHash, 64))
                    .col(json_binary(IdempotencyKeys::Response))
                    .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(IdempotencyKeys::ClientId)
                            .col(IdempotencyKeys::Key),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_idempotency_keys_client")
                            .from(IdempotencyKeys::Table, IdempotencyKeys::ClientId)
                            .to(ApiClients::Table, ApiClients::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IdempotencyKeys::Table.into_iden(),
            IngestValues::Table.into_iden(),
            IkiDataKeys::Table.into_iden(),
            ApiClients::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SkpIki {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApiClients {
    Table,
    Id,
    Nama,
    UnitId,
    Scopes,
    SecretHash,
    SecretPrefix,
    Aktif,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum IkiDataKeys {
    Table,
    IkiId,
    DataKey,
    Agregasi,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IngestValues {
    Table,
    Id,
    IkiId,
    PeriodeKe,
    Tanggal,
    Nilai,
    ClientId,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    ClientId,
    Key,
    RequestHash,
    Response,
    CreatedAt,
}
