use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub tahun: i32,
    pub mulai: Date,
    pub selesai: Date,
    pub ritme: String,
    pub batas_penetapan_skp: Option<Date>,
    pub jeda_kunci_realisasi_hari: i32,
    pub batas_evaluasi_tahunan: Option<Date>,
    pub jendela_keberatan_hari: i32,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
