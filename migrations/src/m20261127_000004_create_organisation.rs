//! Organisation and people: instansi, the unit tree, positions, employees, their assignment
//! history and superior overrides, plus the reference lists (golongan, jenjang jabatan,
//! BerAKHLAK) that the regulations fix.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The 17 golongan ruang PNS with their pangkat (docs/regulation.md, "Reference data and the
/// NIP").
const GOLONGAN: [(&str, &str); 17] = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
];

/// Jenjang jabatan (docs/regulation.md, "Reference data and the NIP"): code, jenis, name, rank,
/// and whether a holder can be a Pejabat Penilai Kinerja by derivation (at least Pengawas).
const JENJANG: [(&str, &str, &str, i32, bool); 14] = [
    ("jpt_utama", "jpt", "JPT Utama", 70, true),
    ("jpt_madya", "jpt", "JPT Madya", 60, true),
    ("jpt_pratama", "jpt", "JPT Pratama", 50, true),
    ("administrator", "administrasi", "Administrator", 40, true),
    ("pengawas", "administrasi", "Pengawas", 30, true),
    ("pelaksana", "administrasi", "Pelaksana", 10, false),
    ("ahli_utama", "fungsional_keahlian", "Ahli Utama", 45, false),
    ("ahli_madya", "fungsional_keahlian", "Ahli Madya", 35, false),
    ("ahli_muda", "fungsional_keahlian", "Ahli Muda", 25, false),
    (
        "ahli_pertama",
        "fungsional_keahlian",
        "Ahli Pertama",
        20,
        false,
    ),
    ("penyelia", "fungsional_keterampilan", "Penyelia", 18, false),
    ("mahir", "fungsional_keterampilan", "Mahir", 16, false),
    ("terampil", "fungsional_keterampilan", "Terampil", 14, false),
    ("pemula", "fungsional_keterampilan", "Pemula", 12, false),
];

/// BerAKHLAK core values and their panduan perilaku, worded as on SKP printouts
/// (docs/regulation.md, "Reference data and the NIP").
const BERAKHLAK: [(&str, &str, [&str; 3]); 7] = [
    (
        "berorientasi_pelayanan",
        "Berorientasi Pelayanan",
        [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    ),
    (
        "akuntabel",
        "Akuntabel",
        [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    ),
    (
        "kompeten",
        "Kompeten",
        [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    ),
    (
        "harmonis",
        "Harmonis",
        [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    ),
    (
        "loyal",
        "Loyal",
        [
            "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ],
    ),
    (
        "adaptif",
        "Adaptif",
        [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
    ),
    (
        "kolaboratif",
        "Kolaboratif",
        [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_reference_tables(manager).await?;
        seed_reference_data(manager).await?;

        manager
            .create_table(
                Table::create()
                    .table(Instansi::Table)
                    .col(pk_uuid(Instansi::Id))
                    .col(string_len(Instansi::Nama, 200))
                    .col(string_len_null(Instansi::Kode, 50))
                    .col(boolean(Instansi::Aktif).default(true))
                    .col(timestamp_with_time_zone(Instansi::CreatedAt))
                    .col(timestamp_with_time_zone(Instansi::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Units::Table)
                    .col(pk_uuid(Units::Id))
                    .col(uuid(Units::InstansiId))
                    .col(uuid_null(Units::ParentId))
                    .col(string_len(Units::Kind, 30))
                    .col(string_len(Units::Nama, 200))
                    .col(string_len_null(Units::Kode, 50))
                    .col(text_null(Units::Alamat))
                    .col(boolean(Units::Aktif).default(true))
                    .col(date(Units::BerlakuMulai))
                    .col(date_null(Units::BerlakuSampai))
                    .col(timestamp_with_time_zone(Units::CreatedAt))
                    .col(timestamp_with_time_zone(Units::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_units_instansi",
                        Units::Table,
                        Units::InstansiId,
                        Instansi::Table,
                        Instansi::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_units_parent",
                        Units::Table,
                        Units::ParentId,
                        Units::Table,
                        Units::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_units_parent", Units::Table, &[Units::ParentId]).await?;
        index(
            manager,
            "ix_units_instansi",
            Units::Table,
            &[Units::InstansiId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(UnitMoves::Table)
                    .col(pk_uuid(UnitMoves::Id))
                    .col(uuid(UnitMoves::UnitId))
                    .col(uuid_null(UnitMoves::FromParentId))
                    .col(uuid_null(UnitMoves::ToParentId))
                    .col(date(UnitMoves::EffectiveDate))
                    .col(text_null(UnitMoves::Reason))
                    .col(timestamp_with_time_zone(UnitMoves::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_unit_moves_unit",
                        UnitMoves::Table,
                        UnitMoves::UnitId,
                        Units::Table,
                        Units::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_unit_moves_unit",
            UnitMoves::Table,
            &[UnitMoves::UnitId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Positions::Table)
                    .col(pk_uuid(Positions::Id))
                    .col(uuid(Positions::UnitId))
                    .col(string_len(Positions::Nama, 200))
                    .col(string_len(Positions::Jenjang, 30))
                    .col(string_len_null(Positions::Kelompok, 20))
                    .col(uuid_null(Positions::AtasanId))
                    .col(boolean(Positions::KepalaUnit).default(false))
                    .col(boolean(Positions::Aktif).default(true))
                    .col(timestamp_with_time_zone(Positions::CreatedAt))
                    .col(timestamp_with_time_zone(Positions::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_positions_unit",
                        Positions::Table,
                        Positions::UnitId,
                        Units::Table,
                        Units::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_positions_jenjang",
                        Positions::Table,
                        Positions::Jenjang,
                        RefJenjang::Table,
                        RefJenjang::Kode,
                    ))
                    .foreign_key(&mut fk(
                        "fk_positions_atasan",
                        Positions::Table,
                        Positions::AtasanId,
                        Positions::Table,
                        Positions::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_positions_unit",
            Positions::Table,
            &[Positions::UnitId],
        )
        .await?;
        index(
            manager,
            "ix_positions_atasan",
            Positions::Table,
            &[Positions::AtasanId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Employees::Table)
                    .col(pk_uuid(Employees::Id))
                    .col(uuid(Employees::InstansiId))
                    .col(string_len_uniq(Employees::Nip, 18))
                    .col(string_len_null(Employees::NipLama, 9))
                    .col(string_len(Employees::Nama, 200))
                    .col(string_len_null(Employees::GelarDepan, 50))
                    .col(string_len_null(Employees::GelarBelakang, 80))
                    .col(string_len_null(Employees::TempatLahir, 100))
                    .col(date(Employees::TanggalLahir))
                    .col(string_len(Employees::JenisKelamin, 1))
                    .col(string_len(Employees::JenisPegawai, 10))
                    .col(string_len_null(Employees::Golongan, 6))
                    .col(date_null(Employees::TmtGolongan))
                    // Current position and unit, kept equal to the open definitive assignment.
                    .col(uuid_null(Employees::JabatanId))
                    .col(uuid_null(Employees::UnitId))
                    .col(date_null(Employees::TmtJabatan))
                    .col(string_len(Employees::Status, 30))
                    .col(string_len_null(Employees::Email, 254))
                    .col(string_len_null(Employees::Telepon, 30))
                    .col(uuid_null(Employees::UserId))
                    .col(timestamp_with_time_zone(Employees::CreatedAt))
                    .col(timestamp_with_time_zone(Employees::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_employees_instansi",
                        Employees::Table,
                        Employees::InstansiId,
                        Instansi::Table,
                        Instansi::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_employees_golongan",
                        Employees::Table,
                        Employees::Golongan,
                        RefGolongan::Table,
                        RefGolongan::Kode,
                    ))
                    .foreign_key(&mut fk(
                        "fk_employees_jabatan",
                        Employees::Table,
                        Employees::JabatanId,
                        Positions::Table,
                        Positions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_employees_unit",
                        Employees::Table,
                        Employees::UnitId,
                        Units::Table,
                        Units::Id,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_employees_user")
                            .from(Employees::Table, Employees::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_employees_unit",
            Employees::Table,
            &[Employees::UnitId],
        )
        .await?;
        index(
            manager,
            "ix_employees_jabatan",
            Employees::Table,
            &[Employees::JabatanId],
        )
        .await?;
        index(
            manager,
            "ix_employees_nama",
            Employees::Table,
            &[Employees::Nama],
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_employees_user")
                    .table(Employees::Table)
                    .col(Employees::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Assignments::Table)
                    .col(pk_uuid(Assignments::Id))
                    .col(uuid(Assignments::EmployeeId))
                    .col(uuid(Assignments::JabatanId))
                    .col(uuid(Assignments::UnitId))
                    .col(string_len(Assignments::Jenis, 10))
                    .col(date(Assignments::Mulai))
                    .col(date_null(Assignments::Selesai))
                    .col(text_null(Assignments::Keterangan))
                    .col(timestamp_with_time_zone(Assignments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_assignments_employee")
                            .from(Assignments::Table, Assignments::EmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut fk(
                        "fk_assignments_jabatan",
                        Assignments::Table,
                        Assignments::JabatanId,
                        Positions::Table,
                        Positions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_assignments_unit",
                        Assignments::Table,
                        Assignments::UnitId,
                        Units::Table,
                        Units::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_assignments_employee",
            Assignments::Table,
            &[Assignments::EmployeeId, Assignments::Mulai],
        )
        .await?;
        index(
            manager,
            "ix_assignments_jabatan",
            Assignments::Table,
            &[Assignments::JabatanId, Assignments::Mulai],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SuperiorOverrides::Table)
                    .col(pk_uuid(SuperiorOverrides::Id))
                    .col(uuid(SuperiorOverrides::EmployeeId))
                    .col(uuid(SuperiorOverrides::PpkinEmployeeId))
                    .col(date(SuperiorOverrides::Mulai))
                    .col(date_null(SuperiorOverrides::Selesai))
                    .col(text(SuperiorOverrides::Alasan))
                    .col(timestamp_with_time_zone(SuperiorOverrides::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_superior_overrides_employee")
                            .from(SuperiorOverrides::Table, SuperiorOverrides::EmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut fk(
                        "fk_superior_overrides_ppkin",
                        SuperiorOverrides::Table,
                        SuperiorOverrides::PpkinEmployeeId,
                        Employees::Table,
                        Employees::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_superior_overrides_employee",
            SuperiorOverrides::Table,
            &[SuperiorOverrides::EmployeeId],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SuperiorOverrides::Table.into_iden(),
            Assignments::Table.into_iden(),
            Employees::Table.into_iden(),
            Positions::Table.into_iden(),
            UnitMoves::Table.into_iden(),
            Units::Table.into_iden(),
            Instansi::Table.into_iden(),
            RefPanduanPerilaku::Table.into_iden(),
            RefBerakhlak::Table.into_iden(),
            RefJenjang::Table.into_iden(),
            RefGolongan::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

fn fk<T: IntoIden + Clone, C: IntoIden + Clone, U: IntoIden + Clone, D: IntoIden + Clone>(
    name: &str,
    table: T,
    column: C,
    to_table: U,
    to_column: D,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(to_table, to_column)
        .to_owned()
}

async fn index<T: IntoIden + Clone, C: IntoIden + Clone>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[C],
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for col in cols {
        stmt.col(col.clone());
    }
    manager.create_index(stmt.to_owned()).await
}

async fn create_reference_tables(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(RefGolongan::Table)
                .col(string_len(RefGolongan::Kode, 6).primary_key())
                .col(string_len(RefGolongan::Pangkat, 60))
                .col(integer(RefGolongan::Urutan))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(RefJenjang::Table)
                .col(string_len(RefJenjang::Kode, 30).primary_key())
                .col(string_len(RefJenjang::Jenis, 30))
                .col(string_len(RefJenjang::Nama, 60))
                .col(integer(RefJenjang::Tingkat))
                .col(boolean(RefJenjang::DapatMenilai))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(RefBerakhlak::Table)
                .col(string_len(RefBerakhlak::Kode, 40).primary_key())
                .col(string_len(RefBerakhlak::Nama, 60))
                .col(integer(RefBerakhlak::Urutan))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table(RefPanduanPerilaku::Table)
                .col(string_len(RefPanduanPerilaku::Kode, 42).primary_key())
                .col(string_len(RefPanduanPerilaku::NilaiKode, 40))
                .col(string_len(RefPanduanPerilaku::Huruf, 1))
                .col(text(RefPanduanPerilaku::Teks))
                .foreign_key(&mut fk(
                    "fk_panduan_nilai",
                    RefPanduanPerilaku::Table,
                    RefPanduanPerilaku::NilaiKode,
                    RefBerakhlak::Table,
                    RefBerakhlak::Kode,
                ))
                .to_owned(),
        )
        .await
}

async fn seed_reference_data(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut golongan = Query::insert();
    golongan.into_table(RefGolongan::Table).columns([
        RefGolongan::Kode,
        RefGolongan::Pangkat,
        RefGolongan::Urutan,
    ]);
    for (i, (kode, pangkat)) in GOLONGAN.iter().enumerate() {
        golongan.values_panic([(*kode).into(), (*pangkat).into(), (i as i32 + 1).into()]);
    }
    manager.exec_stmt(golongan).await?;

    let mut jenjang = Query::insert();
    jenjang.into_table(RefJenjang::Table).columns([
        RefJenjang::Kode,
        RefJenjang::Jenis,
        RefJenjang::Nama,
        RefJenjang::Tingkat,
        RefJenjang::DapatMenilai,
    ]);
    for (kode, jenis, nama, tingkat, menilai) in JENJANG {
        jenjang.values_panic([
            kode.into(),
            jenis.into(),
            nama.into(),
            tingkat.into(),
            menilai.into(),
        ]);
    }
    manager.exec_stmt(jenjang).await?;

    let mut nilai = Query::insert();
    nilai.into_table(RefBerakhlak::Table).columns([
        RefBerakhlak::Kode,
        RefBerakhlak::Nama,
        RefBerakhlak::Urutan,
    ]);
    let mut panduan = Query::insert();
    panduan.into_table(RefPanduanPerilaku::Table).columns([
        RefPanduanPerilaku::Kode,
        RefPanduanPerilaku::NilaiKode,
        RefPanduanPerilaku::Huruf,
        RefPanduanPerilaku::Teks,
    ]);
    for (i, (kode, nama, items)) in BERAKHLAK.iter().enumerate() {
        nilai.values_panic([(*kode).into(), (*nama).into(), (i as i32 + 1).into()]);
        for (letter, teks) in ["a", "b", "c"].into_iter().zip(items) {
            panduan.values_panic([
                format!("{kode}.{letter}").into(),
                (*kode).into(),
                letter.into(),
                (*teks).into(),
            ]);
        }
    }
    manager.exec_stmt(nilai).await?;
    manager.exec_stmt(panduan).await
}

#[derive(DeriveIden, Clone)]
enum RefGolongan {
    Table,
    Kode,
    Pangkat,
    Urutan,
}

#[derive(DeriveIden, Clone)]
enum RefJenjang {
    Table,
    Kode,
    Jenis,
    Nama,
    Tingkat,
    DapatMenilai,
}

#[derive(DeriveIden, Clone)]
enum RefBerakhlak {
    Table,
    Kode,
    Nama,
    Urutan,
}

#[derive(DeriveIden, Clone)]
enum RefPanduanPerilaku {
    Table,
    Kode,
    NilaiKode,
    Huruf,
    Teks,
}

#[derive(DeriveIden, Clone)]
enum Instansi {
    Table,
    Id,
    Nama,
    Kode,
    Aktif,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Units {
    Table,
    Id,
    InstansiId,
    ParentId,
    Kind,
    Nama,
    Kode,
    Alamat,
    Aktif,
    BerlakuMulai,
    BerlakuSampai,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum UnitMoves {
    Table,
    Id,
    UnitId,
    FromParentId,
    ToParentId,
    EffectiveDate,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Positions {
    Table,
    Id,
    UnitId,
    Nama,
    Jenjang,
    Kelompok,
    AtasanId,
    KepalaUnit,
    Aktif,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Employees {
    Table,
    Id,
    InstansiId,
    Nip,
    NipLama,
    Nama,
    GelarDepan,
    GelarBelakang,
    TempatLahir,
    TanggalLahir,
    JenisKelamin,
    JenisPegawai,
    Golongan,
    TmtGolongan,
    JabatanId,
    UnitId,
    TmtJabatan,
    Status,
    Email,
    Telepon,
    UserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Assignments {
    Table,
    Id,
    EmployeeId,
    JabatanId,
    UnitId,
    Jenis,
    Mulai,
    Selesai,
    Keterangan,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum SuperiorOverrides {
    Table,
    Id,
    EmployeeId,
    PpkinEmployeeId,
    Mulai,
    Selesai,
    Alasan,
    CreatedAt,
}
