use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employees")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    #[sea_orm(unique)]
    pub nip: String,
    pub nip_lama: Option<String>,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub tempat_lahir: Option<String>,
    pub tanggal_lahir: Date,
    pub jenis_kelamin: String,
    pub jenis_pegawai: String,
    pub golongan: Option<String>,
    pub tmt_golongan: Option<Date>,
    /// Current position and unit: a copy of the open definitive assignment, for fast filters.
    pub jabatan_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub tmt_jabatan: Option<Date>,
    pub status: String,
    pub email: Option<String>,
    pub telepon: Option<String>,
    pub user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
