use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "realisasi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub iki_id: Uuid,
    pub periode_ke: i32,
    /// The raw value as entered or pushed (capaian is derived, never stored).
    pub nilai: Option<f64>,
    pub naratif: Option<String>,
    /// "Dasar realisasi": what the value rests on.
    pub dasar: Option<String>,
    /// `pegawai`, `api` or `survei`.
    pub sumber: String,
    pub client_id: Option<Uuid>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
