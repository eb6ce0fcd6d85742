use sea_orm::entity::prelude::*;

/// A yearly development reminder already sent to an employee (the key makes it once only).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengingat_pengembangan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub employee_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub tahun: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub jenis: String,
    pub dikirim_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
