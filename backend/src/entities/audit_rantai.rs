use sea_orm::entity::prelude::*;

/// The head of each audit chain: its last event's place and hash. Its row is the chain's
/// lock (docs/replicas.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_rantai")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub rantai: String,
    pub seq: i64,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
