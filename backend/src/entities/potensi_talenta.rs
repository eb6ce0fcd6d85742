use sea_orm::entity::prelude::*;

/// A potential assessment of an employee; the newest (by date, then entry) is the current one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "potensi_talenta")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub instansi_id: Uuid,
    pub tingkat: String,
    pub tanggal: Date,
    pub sumber: String,
    pub catatan: Option<String>,
    /// The user of the HR office who recorded it.
    pub dicatat_oleh: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
