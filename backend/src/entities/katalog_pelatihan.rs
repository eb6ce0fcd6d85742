use sea_orm::entity::prelude::*;

/// A training that improvement plans recommend (the development issue extends it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "katalog_pelatihan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub nama: String,
    pub jenis: String,
    /// Jam pelajaran.
    pub jp: Option<i32>,
    pub aktif: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
