use sea_orm::entity::prelude::*;

/// A citizen satisfaction survey (SKM) of a service unit for one sub-period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survei")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub unit_id: Uuid,
    pub judul: String,
    /// The public short code of the form's address (`/survei/{kode}`).
    #[sea_orm(unique)]
    pub kode: String,
    pub jenis_periode: String,
    pub period_id: Uuid,
    pub periode_ke: i32,
    pub populasi: Option<i32>,
    /// JSON array of service names.
    pub layanan: Json,
    /// JSON object: unsur → the survey's own wording of its question.
    pub pertanyaan: Json,
    pub status: String,
    pub dipublikasikan: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
