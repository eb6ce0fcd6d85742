use sea_orm::entity::prelude::*;

/// One of the nine boxes of an instansi.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kotak_talenta")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub nomor: i32,
    /// `TingkatTalenta` of the performance axis.
    pub kinerja: String,
    /// `TingkatTalenta` of the potential axis.
    pub potensi: String,
    pub label: String,
    pub rekomendasi: String,
    /// False while the seeded layout has not been confirmed by the HR office.
    pub dikonfirmasi: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
