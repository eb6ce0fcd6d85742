use sea_orm::entity::prelude::*;

/// A jabatan: its place in the unit and the superior position that defines the PPKin chain.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "positions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub nama: String,
    pub jenjang: String,
    pub kelompok: Option<String>,
    pub atasan_id: Option<Uuid>,
    pub kepala_unit: bool,
    pub aktif: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
