use sea_orm::entity::prelude::*;

/// An in-app guide (docs/panduan.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "panduan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    /// `kinerja_api::panduan::PeranPanduan` as stored.
    pub peran: String,
    /// Screen names, comma-separated with a comma on both ends (`,skp,realisasi,`).
    pub layar: String,
    pub judul_id: String,
    pub judul_en: String,
    /// Markdown.
    pub isi_id: String,
    pub isi_en: String,
    pub urutan: i32,
    /// Shipped with Kinerja (migration 42): may be changed, not deleted.
    pub bawaan: bool,
    /// The account that last changed it (none for a built-in guide as shipped).
    pub diubah_oleh: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
