use sea_orm::entity::prelude::*;

/// A succession candidate the HR office added by hand.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kandidat_suksesi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub jabatan_kritikal_id: Uuid,
    pub employee_id: Uuid,
    pub catatan: String,
    pub ditambahkan_oleh: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
