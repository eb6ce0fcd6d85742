use sea_orm::entity::prelude::*;

/// Who held which position from when to when: definitive, or acting (Plt/Plh).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub jabatan_id: Uuid,
    pub unit_id: Uuid,
    pub jenis: String,
    pub mulai: Date,
    pub selesai: Option<Date>,
    pub keterangan: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
