use sea_orm::entity::prelude::*;

/// A stored file kept in the database (`KINERJA_STORAGE_URL=database:`, docs/storage.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "berkas_tersimpan")]
pub struct Model {
    /// The storage key, the same relative path the folder and S3 stores use.
    #[sea_orm(primary_key, auto_increment = false)]
    pub kunci: String,
    pub isi: Vec<u8>,
    pub ukuran: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
