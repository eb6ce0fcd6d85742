//! The access log of personal data (issue #20, UU 27/2022 "PDP"; docs/privasi.md): every read of
//! another person's full record (the employee detail with its private fields, an export with
//! private columns) with who, when, and the role that allowed it. Append-only like the audit
//! trail: the database refuses updates and deletes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AksesDataPribadi::Table)
                    .col(pk_uuid(AksesDataPribadi::Id))
                    .col(timestamp_with_time_zone(AksesDataPribadi::Waktu))
                    .col(uuid(AksesDataPribadi::AktorId))
                    .col(uuid_null(AksesDataPribadi::PegawaiId))
                    .col(string_len(AksesDataPribadi::Jenis, 20))
                    .col(string_len(AksesDataPribadi::Dasar, 30))
                    .col(integer(AksesDataPribadi::Jumlah))
                    .col(string_len_null(AksesDataPribadi::RequestId, 100))
                    .col(string_len_null(AksesDataPribadi::Ip, 100))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_akses_data_pribadi_pegawai",
                &[AksesDataPribadi::PegawaiId, AksesDataPribadi::Waktu][..],
            ),
            (
                "ix_akses_data_pribadi_aktor",
                &[AksesDataPribadi::AktorId, AksesDataPribadi::Waktu][..],
            ),
            (
                "ix_akses_data_pribadi_waktu",
                &[AksesDataPribadi::Waktu][..],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(AksesDataPribadi::Table);
            for col in cols {
                index.col(col.clone());
            }
            manager.create_index(index.to_owned()).await?;
        }
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION akses_data_pribadi_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN RAISE EXCEPTION 'akses_data_pribadi is append-only'; END $$; \
                     CREATE TRIGGER akses_data_pribadi_no_change BEFORE UPDATE OR DELETE ON akses_data_pribadi \
                     FOR EACH ROW EXECUTE FUNCTION akses_data_pribadi_append_only();",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE TRIGGER akses_data_pribadi_no_update BEFORE UPDATE ON akses_data_pribadi \
                     BEGIN SELECT RAISE(ABORT, 'akses_data_pribadi is append-only'); END; \
                     CREATE TRIGGER akses_data_pribadi_no_delete BEFORE DELETE ON akses_data_pribadi \
                     BEGIN SELECT RAISE(ABORT, 'akses_data_pribadi is append-only'); END;",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AksesDataPribadi::Table).to_owned())
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS akses_data_pribadi_append_only()")
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum AksesDataPribadi {
    Table,
    Id,
    Waktu,
    /// The account that read.
    AktorId,
    /// Whose record; none for an export of several.
    PegawaiId,
    /// `detail` or `ekspor`.
    Jenis,
    /// Why the role allowed it: `semua_pegawai` (HR office, auditor) or `pimpinan_unit`.
    Dasar,
    /// Records with private fields in the read (1 for a detail).
    Jumlah,
    RequestId,
    Ip,
}
