use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "iki_data_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub iki_id: Uuid,
    pub data_key: String,
    /// `sum`, `last` or `avg`.
    pub agregasi: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
