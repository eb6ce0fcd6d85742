use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ref_panduan_perilaku")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kode: String,
    pub nilai_kode: String,
    pub huruf: String,
    pub teks: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
