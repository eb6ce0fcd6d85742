use sea_orm::entity::prelude::*;

/// A development need of one employee for one year (analisis kebutuhan pengembangan
/// kompetensi), agreed or rejected by their PPKin.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kebutuhan_pengembangan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub instansi_id: Uuid,
    pub tahun: i32,
    /// Empty on a need made from an evaluation until the PPKin names the competency.
    pub kompetensi_id: Option<Uuid>,
    pub kesenjangan: String,
    pub sumber: String,
    /// The evaluation a need made from a rating or an improvement plan comes from.
    pub evaluation_id: Option<Uuid>,
    pub bentuk: String,
    pub prioritas: String,
    pub perkiraan_jp: Option<i32>,
    /// Rupiah.
    pub perkiraan_biaya: Option<i64>,
    pub uraian: String,
    pub status: String,
    pub catatan_keputusan: Option<String>,
    /// The employee (PPKin) who agreed or rejected it.
    pub diputuskan_oleh: Option<Uuid>,
    pub diputuskan_at: Option<DateTimeUtc>,
    /// The user who proposed it; the system's own user id for needs made from an evaluation.
    pub diusulkan_oleh: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
