use sea_orm::entity::prelude::*;

/// One development for one employee in a version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rencana_pengembangan_item")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rencana_id: Uuid,
    /// The employee's unit when the item was made.
    pub unit_id: Uuid,
    pub employee_id: Uuid,
    pub kebutuhan_id: Option<Uuid>,
    pub kompetensi_id: Uuid,
    pub bentuk: String,
    pub penyelenggara: Option<String>,
    pub bulan_rencana: Option<i32>,
    pub jp: i32,
    /// Rupiah.
    pub anggaran: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
