use sea_orm::entity::prelude::*;

/// An explicit Pejabat Penilai Kinerja set by the admin for a date range.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "superior_overrides")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub ppkin_employee_id: Uuid,
    pub mulai: Date,
    pub selesai: Option<Date>,
    pub alasan: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
