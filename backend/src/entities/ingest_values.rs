use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ingest_values")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub iki_id: Uuid,
    pub periode_ke: i32,
    /// The day of a daily value; a per-period value is kept on the sub-period's last day.
    pub tanggal: Date,
    pub nilai: f64,
    pub client_id: Uuid,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
