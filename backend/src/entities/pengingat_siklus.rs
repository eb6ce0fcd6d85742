use sea_orm::entity::prelude::*;

/// A reminder of the cycle already sent, or a rule already run on a day: the key makes it once
/// only (docs/pengingat.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengingat_siklus")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kunci: String,
    pub penerima_employee_id: Option<Uuid>,
    pub dikirim_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
