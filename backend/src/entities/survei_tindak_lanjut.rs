use sea_orm::entity::prelude::*;

/// One action of a survey's follow-up plan (rencana tindak lanjut).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survei_tindak_lanjut")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub survei_id: Uuid,
    /// `kinerja_api::ikm::Unsur` as stored (`waktu_penyelesaian`).
    pub unsur: String,
    pub tindakan: String,
    /// The employee responsible.
    pub penanggung_jawab_id: Uuid,
    /// The instansi's local day.
    pub jatuh_tempo: Date,
    pub status: String,
    pub catatan: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
