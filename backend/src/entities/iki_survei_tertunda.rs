use sea_orm::entity::prelude::*;

/// An IKI bound to a unit's survey whose IKM has not been landed yet (its SKP may still be a
/// draft): the job lands it once the SKP is approved.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "iki_survei_tertunda")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub iki_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
