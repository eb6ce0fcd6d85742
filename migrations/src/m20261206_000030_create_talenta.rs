//! Talent management (issue #18, "Career"; PermenPANRB 3/2020; docs/pengembangan.md, "Karier
//! dan manajemen talenta"): the potential the HR office records for each employee (history
//! kept), the instansi's settings (whether an employee sees their own potential and box), the
//! nine-box table per instansi (seeded from code on first use, "to be confirmed locally"),
//! the key positions (jabatan kritikal) and their hand-picked succession candidates.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PengaturanTalenta::Table)
                    .col(pk_uuid(PengaturanTalenta::InstansiId))
                    .col(boolean(PengaturanTalenta::TampilkanKePegawai).default(false))
                    .col(timestamp_with_time_zone(PengaturanTalenta::UpdatedAt))
                    .col(integer(PengaturanTalenta::LockVersion).default(1))
                    .col(integer(PengaturanTalenta::KotakLockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_pengaturan_talenta_instansi")
                            .from(PengaturanTalenta::Table, PengaturanTalenta::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KotakTalenta::Table)
                    .col(pk_uuid(KotakTalenta::Id))
                    .col(uuid(KotakTalenta::InstansiId))
                    .col(integer(KotakTalenta::Nomor))
                    .col(string_len(KotakTalenta::Kinerja, 10))
                    .col(string_len(KotakTalenta::Potensi, 10))
                    .col(string_len(KotakTalenta::Label, 100))
                    .col(text(KotakTalenta::Rekomendasi))
                    .col(boolean(KotakTalenta::Dikonfirmasi).default(false))
                    .col(timestamp_with_time_zone(KotakTalenta::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kotak_talenta_instansi")
                            .from(KotakTalenta::Table, KotakTalenta::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_kotak_talenta_nomor")
                    .table(KotakTalenta::Table)
                    .col(KotakTalenta::InstansiId)
                    .col(KotakTalenta::Nomor)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PotensiTalenta::Table)
                    .col(pk_uuid(PotensiTalenta::Id))
                    .col(uuid(PotensiTalenta::EmployeeId))
                    .col(uuid(PotensiTalenta::InstansiId))
                    .col(string_len(PotensiTalenta::Tingkat, 10))
                    .col(date(PotensiTalenta::Tanggal))
                    .col(string_len(PotensiTalenta::Sumber, 200))
                    .col(text_null(PotensiTalenta::Catatan))
                    .col(uuid(PotensiTalenta::DicatatOleh))
                    .col(timestamp_with_time_zone(PotensiTalenta::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_potensi_talenta_pegawai")
                            .from(PotensiTalenta::Table, PotensiTalenta::EmployeeId)
                            .to(Employees::Table, Employees::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The current potential of each employee is their newest assessment: one index walk.
        manager
            .create_index(
                Index::create()
                    .name("ix_potensi_talenta_pegawai")
                    .table(PotensiTalenta::Table)
                    .col(PotensiTalenta::EmployeeId)
                    .col(PotensiTalenta::Tanggal)
                    .col(PotensiTalenta::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_potensi_talenta_instansi")
                    .table(PotensiTalenta::Table)
                    .col(PotensiTalenta::InstansiId)
                    .col(PotensiTalenta::EmployeeId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(JabatanKritikal::Table)
                    .col(pk_uuid(JabatanKritikal::Id))
                    .col(uuid(JabatanKritikal::InstansiId))
                    .col(uuid_uniq(JabatanKritikal::PositionId))
                    .col(text_null(JabatanKritikal::Alasan))
                    .col(string_len_null(JabatanKritikal::GolonganMinimal, 6))
                    .col(integer(JabatanKritikal::ToleransiGolongan).default(1))
                    .col(integer(JabatanKritikal::KotakMinimal).default(7))
                    .col(uuid(JabatanKritikal::DitandaiOleh))
                    .col(timestamp_with_time_zone(JabatanKritikal::CreatedAt))
                    .col(timestamp_with_time_zone(JabatanKritikal::UpdatedAt))
                    .col(integer(JabatanKritikal::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_jabatan_kritikal_jabatan")
                            .from(JabatanKritikal::Table, JabatanKritikal::PositionId)
                            .to(Positions::Table, Positions::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_jabatan_kritikal_golongan")
                            .from(JabatanKritikal::Table, JabatanKritikal::GolonganMinimal)
                            .to(RefGolongan::Table, RefGolongan::Kode),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_jabatan_kritikal_instansi")
                    .table(JabatanKritikal::Table)
                    .col(JabatanKritikal::InstansiId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KandidatSuksesi::Table)
                    .col(pk_uuid(KandidatSuksesi::Id))
                    .col(uuid(KandidatSuksesi::JabatanKritikalId))
                    .col(uuid(KandidatSuksesi::EmployeeId))
                    .col(text(KandidatSuksesi::Catatan))
                    .col(uuid(KandidatSuksesi::DitambahkanOleh))
                    .col(timestamp_with_time_zone(KandidatSuksesi::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kandidat_suksesi_jabatan")
                            .from(KandidatSuksesi::Table, KandidatSuksesi::JabatanKritikalId)
                            .to(JabatanKritikal::Table, JabatanKritikal::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kandidat_suksesi_pegawai")
                            .from(KandidatSuksesi::Table, KandidatSuksesi::EmployeeId)
                            .to(Employees::Table, Employees::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_kandidat_suksesi")
                    .table(KandidatSuksesi::Table)
                    .col(KandidatSuksesi::JabatanKritikalId)
                    .col(KandidatSuksesi::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The annual evaluations of two years for many employees: skps by period and employee
        // exist already (ux on period, employee, versi); evaluations by skp exist too.
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            KandidatSuksesi::Table.into_iden(),
            JabatanKritikal::Table.into_iden(),
            PotensiTalenta::Table.into_iden(),
            KotakTalenta::Table.into_iden(),
            PengaturanTalenta::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
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
enum Positions {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RefGolongan {
    Table,
    Kode,
}

#[derive(DeriveIden)]
enum PengaturanTalenta {
    Table,
    InstansiId,
    TampilkanKePegawai,
    UpdatedAt,
    LockVersion,
    KotakLockVersion,
}

#[derive(DeriveIden)]
enum KotakTalenta {
    Table,
    Id,
    InstansiId,
    Nomor,
    Kinerja,
    Potensi,
    Label,
    Rekomendasi,
    Dikonfirmasi,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PotensiTalenta {
    Table,
    Id,
    EmployeeId,
    InstansiId,
    Tingkat,
    Tanggal,
    Sumber,
    Catatan,
    DicatatOleh,
    CreatedAt,
}

#[derive(DeriveIden)]
enum JabatanKritikal {
    Table,
    Id,
    InstansiId,
    PositionId,
    Alasan,
    GolonganMinimal,
    ToleransiGolongan,
    KotakMinimal,
    DitandaiOleh,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum KandidatSuksesi {
    Table,
    Id,
    JabatanKritikalId,
    EmployeeId,
    Catatan,
    DitambahkanOleh,
    CreatedAt,
}
