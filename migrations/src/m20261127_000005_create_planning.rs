//! Performance planning: periods, SKP versions with RHK, IKI and perilaku, and notifications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Periods::Table)
                    .col(pk_uuid(Periods::Id))
                    .col(uuid(Periods::InstansiId))
                    .col(integer(Periods::Tahun))
                    .col(date(Periods::Mulai))
                    .col(date(Periods::Selesai))
                    .col(string_len(Periods::Ritme, 20))
                    .col(date_null(Periods::BatasPenetapanSkp))
                    .col(integer(Periods::JedaKunciRealisasiHari))
                    .col(date_null(Periods::BatasEvaluasiTahunan))
                    .col(integer(Periods::JendelaKeberatanHari))
                    .col(string_len(Periods::Status, 20))
                    .col(timestamp_with_time_zone(Periods::CreatedAt))
                    .col(timestamp_with_time_zone(Periods::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_periods_instansi")
                            .from(Periods::Table, Periods::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_periods_instansi_tahun")
                    .table(Periods::Table)
                    .col(Periods::InstansiId)
                    .col(Periods::Tahun)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Skps::Table)
                    .col(pk_uuid(Skps::Id))
                    .col(uuid(Skps::PeriodId))
                    .col(uuid(Skps::EmployeeId))
                    .col(integer(Skps::Versi))
                    .col(integer(Skps::LockVersion))
                    .col(string_len(Skps::Status, 20))
                    .col(string_len(Skps::Pendekatan, 20))
                    .col(string_len(Skps::Jenis, 20))
                    .col(uuid_null(Skps::PpkinEmployeeId))
                    .col(uuid_null(Skps::AtasanPpkinEmployeeId))
                    .col(json_binary(Skps::Snapshot))
                    .col(json_binary(Skps::Lampiran))
                    .col(text_null(Skps::CatatanPengembalian))
                    .col(timestamp_with_time_zone_null(Skps::DiajukanAt))
                    .col(timestamp_with_time_zone_null(Skps::DisetujuiAt))
                    .col(uuid_null(Skps::DisetujuiOleh))
                    .col(uuid_null(Skps::PreviousId))
                    .col(timestamp_with_time_zone(Skps::CreatedAt))
                    .col(timestamp_with_time_zone(Skps::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skps_period")
                            .from(Skps::Table, Skps::PeriodId)
                            .to(Periods::Table, Periods::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skps_employee")
                            .from(Skps::Table, Skps::EmployeeId)
                            .to(Employees::Table, Employees::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_skps_version")
                    .table(Skps::Table)
                    .col(Skps::PeriodId)
                    .col(Skps::EmployeeId)
                    .col(Skps::Versi)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_skps_ppkin")
                    .table(Skps::Table)
                    .col(Skps::PpkinEmployeeId)
                    .col(Skps::Status)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SkpRhk::Table)
                    .col(pk_uuid(SkpRhk::Id))
                    .col(uuid(SkpRhk::SkpId))
                    .col(string_len(SkpRhk::Jenis, 20))
                    .col(text(SkpRhk::Deskripsi))
                    .col(integer(SkpRhk::Urutan))
                    .col(string_len_null(SkpRhk::PenugasanDari, 300))
                    .col(uuid_null(SkpRhk::IntervensiRhkId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_rhk_skp")
                            .from(SkpRhk::Table, SkpRhk::SkpId)
                            .to(Skps::Table, Skps::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_rhk_intervensi")
                            .from(SkpRhk::Table, SkpRhk::IntervensiRhkId)
                            .to(SkpRhk::Table, SkpRhk::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("ix_skp_rhk_skp", SkpRhk::SkpId),
            ("ix_skp_rhk_intervensi", SkpRhk::IntervensiRhkId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(SkpRhk::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(SkpIki::Table)
                    .col(pk_uuid(SkpIki::Id))
                    .col(uuid(SkpIki::RhkId))
                    .col(integer(SkpIki::Urutan))
                    .col(string_len_null(SkpIki::Aspek, 20))
                    .col(text(SkpIki::Indikator))
                    .col(double_null(SkpIki::TargetNilai))
                    .col(string_len_null(SkpIki::TargetSatuan, 50))
                    .col(text_null(SkpIki::TargetNaratif))
                    .col(string_len(SkpIki::Arah, 10))
                    .col(string_len_null(SkpIki::Perspektif, 30))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_iki_rhk")
                            .from(SkpIki::Table, SkpIki::RhkId)
                            .to(SkpRhk::Table, SkpRhk::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_skp_iki_rhk")
                    .table(SkpIki::Table)
                    .col(SkpIki::RhkId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SkpPerilaku::Table)
                    .col(uuid(SkpPerilaku::SkpId))
                    .col(string_len(SkpPerilaku::NilaiKode, 40))
                    .col(text_null(SkpPerilaku::EkspektasiKhusus))
                    .primary_key(
                        Index::create()
                            .col(SkpPerilaku::SkpId)
                            .col(SkpPerilaku::NilaiKode),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_skp_perilaku_skp")
                            .from(SkpPerilaku::Table, SkpPerilaku::SkpId)
                            .to(Skps::Table, Skps::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_uuid(Notifications::Id))
                    .col(uuid(Notifications::RecipientEmployeeId))
                    .col(string_len(Notifications::Kind, 50))
                    .col(string_len(Notifications::Judul, 200))
                    .col(text(Notifications::Pesan))
                    .col(string_len_null(Notifications::Tautan, 300))
                    .col(timestamp_with_time_zone_null(Notifications::DibacaAt))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notifications_employee")
                            .from(Notifications::Table, Notifications::RecipientEmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_recipient")
                    .table(Notifications::Table)
                    .col(Notifications::RecipientEmployeeId)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifications::Table.into_iden(),
            SkpPerilaku::Table.into_iden(),
            SkpIki::Table.into_iden(),
            SkpRhk::Table.into_iden(),
            Skps::Table.into_iden(),
            Periods::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
    InstansiId,
    Tahun,
    Mulai,
    Selesai,
    Ritme,
    BatasPenetapanSkp,
    JedaKunciRealisasiHari,
    BatasEvaluasiTahunan,
    JendelaKeberatanHari,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
    PeriodId,
    EmployeeId,
    Versi,
    LockVersion,
    Status,
    Pendekatan,
    Jenis,
    PpkinEmployeeId,
    AtasanPpkinEmployeeId,
    Snapshot,
    Lampiran,
    CatatanPengembalian,
    DiajukanAt,
    DisetujuiAt,
    DisetujuiOleh,
    PreviousId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SkpRhk {
    Table,
    Id,
    SkpId,
    Jenis,
    Deskripsi,
    Urutan,
    PenugasanDari,
    IntervensiRhkId,
}

#[derive(DeriveIden)]
enum SkpIki {
    Table,
    Id,
    RhkId,
    Urutan,
    Aspek,
    Indikator,
    TargetNilai,
    TargetSatuan,
    TargetNaratif,
    Arah,
    Perspektif,
}

#[derive(DeriveIden)]
enum SkpPerilaku {
    Table,
    SkpId,
    NilaiKode,
    EkspektasiKhusus,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    RecipientEmployeeId,
    Kind,
    Judul,
    Pesan,
    Tautan,
    DibacaAt,
    CreatedAt,
}
