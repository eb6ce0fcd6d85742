use sea_orm::entity::prelude::*;

/// One version of an instansi's plan for a year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rencana_pengembangan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub tahun: i32,
    pub versi: i32,
    /// `draft` or `ditetapkan` ([`kinerja_api::pengembangan_rencana::StatusRencana`]).
    pub status: String,
    pub catatan: Option<String>,
    /// The user who set it.
    pub ditetapkan_oleh: Option<Uuid>,
    pub ditetapkan_at: Option<DateTimeUtc>,
    /// The user who started this version.
    pub dibuat_oleh: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Guards the version and all its items.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
