use sea_orm::entity::prelude::*;

/// An alert on an unusual number of reads of personal data: once per account and clock hour.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "peringatan_akses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub aktor_id: Uuid,
    /// Hours since the Unix epoch.
    #[sea_orm(primary_key, auto_increment = false)]
    pub jam: i64,
    pub jumlah: i32,
    pub dibuat_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
