//! The day an employee left the instansi (issue #20, UU 27/2022 "PDP"; docs/privasi.md): the
//! retention of their personal data is counted from it, and the day their private fields were
//! erased. One row per person who left (status `mutasi_keluar`, `pensiun` or `meninggal`);
//! removed when they come back (status set back).
//!
//! Existing leavers get the day of their record's last change, the best the data tells.

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
                    .table(PegawaiKeluar::Table)
                    .col(pk_uuid(PegawaiKeluar::EmployeeId))
                    .col(date(PegawaiKeluar::TanggalKeluar))
                    .col(timestamp_with_time_zone_null(
                        PegawaiKeluar::DataPribadiDihapusAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pegawai_keluar_employee")
                            .from(PegawaiKeluar::Table, PegawaiKeluar::EmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_pegawai_keluar_tanggal")
                    .table(PegawaiKeluar::Table)
                    .col(PegawaiKeluar::TanggalKeluar)
                    .to_owned(),
            )
            .await?;
        let day = match manager.get_database_backend() {
            DbBackend::Postgres => "CAST(updated_at AS DATE)",
            _ => "date(updated_at)",
        };
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "INSERT INTO pegawai_keluar (employee_id, tanggal_keluar) \
                 SELECT id, {day} FROM employees \
                 WHERE status IN ('mutasi_keluar', 'pensiun', 'meninggal')"
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PegawaiKeluar::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PegawaiKeluar {
    Table,
    EmployeeId,
    /// The instansi's local day the status was set to one of leaving.
    TanggalKeluar,
    /// When `kinerja retention` erased the private fields; none while kept.
    DataPribadiDihapusAt,
}
