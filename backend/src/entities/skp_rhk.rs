use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_rhk")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub skp_id: Uuid,
    pub jenis: String,
    pub deskripsi: String,
    pub urutan: i32,
    pub penugasan_dari: Option<String>,
    pub intervensi_rhk_id: Option<Uuid>,
    /// The RHK of the previous version this one continues (perubahan SKP).
    pub asal_rhk_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
