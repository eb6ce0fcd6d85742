//! In-app guides (panduan; issue #19, docs/panduan.md): one row per guide with its Markdown in
//! Bahasa Indonesia and English, the role it is for and the screens it explains; the built-in
//! guides are inserted here so that a fresh installation has them.

use sea_orm_migration::sea_orm::prelude::Uuid;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A built-in guide: slug, role, screens (comma-separated), order, titles; the texts are the
/// files `panduan/<slug>.<id|en>.md`.
struct Bawaan {
    slug: &'static str,
    peran: &'static str,
    layar: &'static str,
    urutan: i32,
    judul_id: &'static str,
    judul_en: &'static str,
    isi_id: &'static str,
    isi_en: &'static str,
}

macro_rules! bawaan {
    ($slug:literal, $peran:literal, $layar:literal, $urutan:literal, $id:literal, $en:literal) => {
        Bawaan {
            slug: $slug,
            peran: $peran,
            layar: $layar,
            urutan: $urutan,
            judul_id: $id,
            judul_en: $en,
            isi_id: include_str!(concat!("panduan/", $slug, ".id.md")),
            isi_en: include_str!(concat!("panduan/", $slug, ".en.md")),
        }
    };
}

const BAWAAN: [Bawaan; 9] = [
    bawaan!(
        "isi-skp",
        "pegawai",
        "skp",
        10,
        "Menyusun SKP Anda",
        "Drafting your SKP"
    ),
    bawaan!(
        "isi-realisasi",
        "pegawai",
        "realisasi",
        20,
        "Mengisi realisasi dan bukti dukung",
        "Entering results and evidence"
    ),
    bawaan!(
        "ajukan-keberatan",
        "pegawai",
        "evaluasi",
        30,
        "Mengajukan keberatan atas hasil evaluasi",
        "Objecting to an evaluation result"
    ),
    bawaan!(
        "setujui-skp",
        "ppkin",
        "skp",
        40,
        "Menyetujui SKP bawahan",
        "Approving a subordinate's SKP"
    ),
    bawaan!(
        "beri-umpan-balik",
        "ppkin",
        "realisasi",
        50,
        "Memberi umpan balik berkelanjutan",
        "Giving continuous feedback"
    ),
    bawaan!(
        "nilai-bawahan",
        "ppkin",
        "evaluasi",
        60,
        "Menilai bawahan: rating dan predikat",
        "Rating subordinates: ratings and predikat"
    ),
    bawaan!(
        "buka-periode",
        "admin",
        "organisasi",
        70,
        "Membuka periode kinerja",
        "Opening a performance period"
    ),
    bawaan!(
        "impor-pegawai",
        "admin",
        "impor-pegawai",
        80,
        "Mengimpor data pegawai",
        "Importing staff"
    ),
    bawaan!(
        "distribusi-predikat",
        "admin",
        "distribusi",
        90,
        "Predikat organisasi dan pola distribusi",
        "Organisation predikat and the distribution pattern"
    ),
];

/// Fixed ids, so that the rows are the same on every installation.
fn id_of(i: usize) -> String {
    format!("0193a000-0000-7000-8000-{:012x}", 0x42_0000 + i)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Panduan::Table)
                    .col(pk_uuid(Panduan::Id))
                    .col(string_len_uniq(Panduan::Slug, 60))
                    .col(string_len(Panduan::Peran, 10))
                    // Comma-separated screen names, with a comma on both ends (`,skp,`), so
                    // that a screen is found with one LIKE on both databases.
                    .col(string_len(Panduan::Layar, 200))
                    .col(string_len(Panduan::JudulId, 200))
                    .col(string_len(Panduan::JudulEn, 200))
                    .col(text(Panduan::IsiId))
                    .col(text(Panduan::IsiEn))
                    .col(integer(Panduan::Urutan).default(0))
                    .col(boolean(Panduan::Bawaan).default(false))
                    .col(uuid_null(Panduan::DiubahOleh))
                    .col(timestamp_with_time_zone(Panduan::CreatedAt))
                    .col(timestamp_with_time_zone(Panduan::UpdatedAt))
                    .col(integer(Panduan::LockVersion).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_panduan_pengubah")
                            .from(Panduan::Table, Panduan::DiubahOleh)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert.into_table(Panduan::Table).columns([
            Panduan::Id,
            Panduan::Slug,
            Panduan::Peran,
            Panduan::Layar,
            Panduan::JudulId,
            Panduan::JudulEn,
            Panduan::IsiId,
            Panduan::IsiEn,
            Panduan::Urutan,
            Panduan::Bawaan,
            Panduan::CreatedAt,
            Panduan::UpdatedAt,
            Panduan::LockVersion,
        ]);
        for (i, g) in BAWAAN.iter().enumerate() {
            let id = Uuid::parse_str(&id_of(i)).map_err(|e| DbErr::Custom(e.to_string()))?;
            insert.values_panic([
                id.into(),
                g.slug.into(),
                g.peran.into(),
                format!(",{},", g.layar).into(),
                g.judul_id.into(),
                g.judul_en.into(),
                g.isi_id.into(),
                g.isi_en.into(),
                g.urutan.into(),
                true.into(),
                Expr::current_timestamp(),
                Expr::current_timestamp(),
                1.into(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Panduan::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Panduan {
    Table,
    Id,
    Slug,
    Peran,
    Layar,
    JudulId,
    JudulEn,
    IsiId,
    IsiEn,
    Urutan,
    Bawaan,
    DiubahOleh,
    CreatedAt,
    UpdatedAt,
    LockVersion,
}
