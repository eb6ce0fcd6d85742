use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_iki")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rhk_id: Uuid,
    pub urutan: i32,
    pub aspek: Option<String>,
    pub indikator: String,
    pub target_nilai: Option<f64>,
    pub target_satuan: Option<String>,
    pub target_naratif: Option<String>,
    pub arah: String,
    pub perspektif: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
