use sea_orm::entity::prelude::*;

/// What the server cannot tell of a user's first steps (docs/langkah-awal.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "langkah_awal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The user confirmed their data and superiors.
    pub data_diperiksa_pada: Option<DateTimeUtc>,
    /// The user dismissed the list.
    pub ditutup_pada: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
