use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rencana_aksi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub iki_id: Uuid,
    /// Sub-period of the year: 1–12 (monthly), 1–4 (quarterly) or 1–2 (semesters).
    pub periode_ke: i32,
    pub uraian: String,
    pub target_nilai: Option<f64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
