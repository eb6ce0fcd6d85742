use sea_orm::entity::prelude::*;

/// An announcement of the HR office or a pimpinan (docs/pengumuman.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengumuman")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub judul: String,
    pub isi: String,
    /// `kinerja_api::pengumuman::SasaranPengumuman` as stored.
    pub sasaran: String,
    pub unit_id: Option<Uuid>,
    /// `kinerja_api::auth::Role` as stored.
    pub peran: Option<String>,
    pub mulai: Date,
    pub selesai: Date,
    /// The author's account.
    pub dibuat_oleh: Uuid,
    /// Withdrawn: kept for the audit trail, shown to nobody.
    pub ditarik: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
