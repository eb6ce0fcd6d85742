//! Competency development (issue #18, docs/pengembangan.md): the HR office's list of
//! competencies, each employee's development needs per year (proposed by them or their PPKin,
//! or created from a low rating or an improvement plan), the development records with the JP
//! they earn (kept in minutes, 1 JP = 45 minutes, so sums are exact), and the yearly reminders
//! already sent (one per employee, year and kind, whatever the number of servers).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Kompetensi::Table)
                    .col(pk_uuid(Kompetensi::Id))
                    .col(uuid(Kompetensi::InstansiId))
                    .col(string_len(Kompetensi::Nama, 200))
                    .col(string_len(Kompetensi::Kelompok, 20))
                    .col(string_len_null(Kompetensi::NilaiBerakhlak, 40))
                    .col(text_null(Kompetensi::Deskripsi))
                    .col(boolean(Kompetensi::Aktif).default(true))
                    .col(timestamp_with_time_zone(Kompetensi::CreatedAt))
                    .col(timestamp_with_time_zone(Kompetensi::UpdatedAt))
                    .col(integer(Kompetensi::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kompetensi_instansi")
                            .from(Kompetensi::Table, Kompetensi::InstansiId)
                            .to(Instansi::Table, Instansi::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kompetensi_berakhlak")
                            .from(Kompetensi::Table, Kompetensi::NilaiBerakhlak)
                            .to(RefBerakhlak::Table, RefBerakhlak::Kode),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_kompetensi_nama")
                    .table(Kompetensi::Table)
                    .col(Kompetensi::InstansiId)
                    .col(Kompetensi::Nama)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KebutuhanPengembangan::Table)
                    .col(pk_uuid(KebutuhanPengembangan::Id))
                    .col(uuid(KebutuhanPengembangan::EmployeeId))
                    .col(uuid(KebutuhanPengembangan::InstansiId))
                    .col(integer(KebutuhanPengembangan::Tahun))
                    .col(uuid_null(KebutuhanPengembangan::KompetensiId))
                    .col(string_len(KebutuhanPengembangan::Kesenjangan, 20))
                    .col(string_len(KebutuhanPengembangan::Sumber, 30))
                    .col(uuid_null(KebutuhanPengembangan::EvaluationId))
                    .col(string_len(KebutuhanPengembangan::Bentuk, 30))
                    .col(string_len(KebutuhanPengembangan::Prioritas, 10))
                    .col(integer_null(KebutuhanPengembangan::PerkiraanJp))
                    .col(big_integer_null(KebutuhanPengembangan::PerkiraanBiaya))
                    .col(text(KebutuhanPengembangan::Uraian))
                    .col(string_len(KebutuhanPengembangan::Status, 20))
                    .col(text_null(KebutuhanPengembangan::CatatanKeputusan))
                    .col(uuid_null(KebutuhanPengembangan::DiputuskanOleh))
                    .col(timestamp_with_time_zone_null(
                        KebutuhanPengembangan::DiputuskanAt,
                    ))
                    .col(uuid(KebutuhanPengembangan::DiusulkanOleh))
                    .col(timestamp_with_time_zone(KebutuhanPengembangan::CreatedAt))
                    .col(timestamp_with_time_zone(KebutuhanPengembangan::UpdatedAt))
                    .col(integer(KebutuhanPengembangan::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kebutuhan_pegawai")
                            .from(
                                KebutuhanPengembangan::Table,
                                KebutuhanPengembangan::EmployeeId,
                            )
                            .to(Employees::Table, Employees::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kebutuhan_kompetensi")
                            .from(
                                KebutuhanPengembangan::Table,
                                KebutuhanPengembangan::KompetensiId,
                            )
                            .to(Kompetensi::Table, Kompetensi::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_kebutuhan_evaluasi")
                            .from(
                                KebutuhanPengembangan::Table,
                                KebutuhanPengembangan::EvaluationId,
                            )
                            .to(Evaluations::Table, Evaluations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_kebutuhan_pegawai_tahun")
                    .table(KebutuhanPengembangan::Table)
                    .col(KebutuhanPengembangan::EmployeeId)
                    .col(KebutuhanPengembangan::Tahun)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_kebutuhan_instansi_tahun")
                    .table(KebutuhanPengembangan::Table)
                    .col(KebutuhanPengembangan::InstansiId)
                    .col(KebutuhanPengembangan::Tahun)
                    .col(KebutuhanPengembangan::Status)
                    .to_owned(),
            )
            .await?;
        // A need made from an evaluation is made once per evaluation, source and wording,
        // however often the evaluation is set again or the plan saved.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_kebutuhan_evaluasi ON kebutuhan_pengembangan \
                 (evaluation_id, sumber, uraian) WHERE evaluation_id IS NOT NULL",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CatatanPengembangan::Table)
                    .col(pk_uuid(CatatanPengembangan::Id))
                    .col(uuid(CatatanPengembangan::EmployeeId))
                    .col(uuid(CatatanPengembangan::InstansiId))
                    .col(integer(CatatanPengembangan::Tahun))
                    .col(string_len(CatatanPengembangan::Nama, 300))
                    .col(uuid_null(CatatanPengembangan::KatalogId))
                    .col(string_len(CatatanPengembangan::Bentuk, 30))
                    .col(string_len(CatatanPengembangan::Penyelenggara, 200))
                    .col(date(CatatanPengembangan::TanggalMulai))
                    .col(date(CatatanPengembangan::TanggalSelesai))
                    .col(integer(CatatanPengembangan::Menit))
                    .col(string_len(CatatanPengembangan::Peran, 20))
                    .col(uuid_null(CatatanPengembangan::KebutuhanId))
                    .col(string_len(CatatanPengembangan::Status, 20))
                    .col(text_null(CatatanPengembangan::CatatanVerifikasi))
                    .col(uuid_null(CatatanPengembangan::DiverifikasiOleh))
                    .col(timestamp_with_time_zone_null(
                        CatatanPengembangan::DiverifikasiAt,
                    ))
                    .col(string_len_null(CatatanPengembangan::SertifikatKey, 200))
                    .col(string_len_null(CatatanPengembangan::SertifikatNama, 250))
                    .col(string_len_null(CatatanPengembangan::SertifikatMime, 100))
                    .col(big_integer_null(CatatanPengembangan::SertifikatUkuran))
                    .col(uuid(CatatanPengembangan::DicatatOleh))
                    .col(timestamp_with_time_zone(CatatanPengembangan::CreatedAt))
                    .col(timestamp_with_time_zone(CatatanPengembangan::UpdatedAt))
                    .col(integer(CatatanPengembangan::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_catatan_pengembangan_pegawai")
                            .from(CatatanPengembangan::Table, CatatanPengembangan::EmployeeId)
                            .to(Employees::Table, Employees::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_catatan_pengembangan_kebutuhan")
                            .from(CatatanPengembangan::Table, CatatanPengembangan::KebutuhanId)
                            .to(KebutuhanPengembangan::Table, KebutuhanPengembangan::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_catatan_pengembangan_katalog")
                            .from(CatatanPengembangan::Table, CatatanPengembangan::KatalogId)
                            .to(KatalogPelatihan::Table, KatalogPelatihan::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The JP of a year: per employee (their page, the team) and per status (the
        // compliance of a unit sums the verified minutes of its employees for one year).
        manager
            .create_index(
                Index::create()
                    .name("ix_catatan_pengembangan_tahun")
                    .table(CatatanPengembangan::Table)
                    .col(CatatanPengembangan::Tahun)
                    .col(CatatanPengembangan::Status)
                    .col(CatatanPengembangan::EmployeeId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_catatan_pengembangan_pegawai")
                    .table(CatatanPengembangan::Table)
                    .col(CatatanPengembangan::EmployeeId)
                    .col(CatatanPengembangan::Tahun)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_catatan_pengembangan_antrian")
                    .table(CatatanPengembangan::Table)
                    .col(CatatanPengembangan::InstansiId)
                    .col(CatatanPengembangan::Status)
                    .col(CatatanPengembangan::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PengingatPengembangan::Table)
                    .col(uuid(PengingatPengembangan::EmployeeId))
                    .col(integer(PengingatPengembangan::Tahun))
                    .col(string_len(PengingatPengembangan::Jenis, 30))
                    .col(timestamp_with_time_zone(PengingatPengembangan::DikirimAt))
                    .primary_key(
                        Index::create()
                            .col(PengingatPengembangan::EmployeeId)
                            .col(PengingatPengembangan::Tahun)
                            .col(PengingatPengembangan::Jenis),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            PengingatPengembangan::Table.into_iden(),
            CatatanPengembangan::Table.into_iden(),
            KebutuhanPengembangan::Table.into_iden(),
            Kompetensi::Table.into_iden(),
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
enum Evaluations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RefBerakhlak {
    Table,
    Kode,
}

#[derive(DeriveIden)]
enum KatalogPelatihan {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Kompetensi {
    Table,
    Id,
    InstansiId,
    Nama,
    Kelompok,
    NilaiBerakhlak,
    Deskripsi,
    Aktif,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum KebutuhanPengembangan {
    Table,
    Id,
    EmployeeId,
    InstansiId,
    Tahun,
    KompetensiId,
    Kesenjangan,
    Sumber,
    EvaluationId,
    Bentuk,
    Prioritas,
    PerkiraanJp,
    PerkiraanBiaya,
    Uraian,
    Status,
    CatatanKeputusan,
    DiputuskanOleh,
    DiputuskanAt,
    DiusulkanOleh,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum CatatanPengembangan {
    Table,
    Id,
    EmployeeId,
    InstansiId,
    Tahun,
    Nama,
    KatalogId,
    Bentuk,
    Penyelenggara,
    TanggalMulai,
    TanggalSelesai,
    Menit,
    Peran,
    KebutuhanId,
    Status,
    CatatanVerifikasi,
    DiverifikasiOleh,
    DiverifikasiAt,
    SertifikatKey,
    SertifikatNama,
    SertifikatMime,
    SertifikatUkuran,
    DicatatOleh,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}

#[derive(DeriveIden)]
enum PengingatPengembangan {
    Table,
    EmployeeId,
    Tahun,
    Jenis,
    DikirimAt,
}
