use sea_orm::entity::prelude::*;

/// A warning sent to the admins that no backup succeeded for too long: one per lapse.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cadangan_peringatan")]
pub struct Model {
    /// The last success (or the installation) the lapse is counted from.
    #[sea_orm(primary_key, auto_increment = false)]
    pub sejak: DateTimeUtc,
    pub dikirim_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
