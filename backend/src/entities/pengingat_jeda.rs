use sea_orm::entity::prelude::*;

/// The HR office's silence of the cycle's reminders for a unit and below (or the whole
/// instansi when `unit_id` is none) on local days `mulai..=selesai` (docs/pengingat.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengingat_jeda")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub mulai: Date,
    pub selesai: Date,
    pub alasan: String,
    /// The account that set it.
    pub dibuat_oleh: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
