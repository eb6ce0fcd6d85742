use sea_orm::entity::prelude::*;

/// An account that marked an announcement read.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengumuman_dibaca")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub pengumuman_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub dibaca_pada: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
