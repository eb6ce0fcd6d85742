use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_perilaku")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub skp_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub nilai_kode: String,
    pub ekspektasi_khusus: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
