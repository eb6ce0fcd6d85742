use sea_orm::entity::prelude::*;

/// One read of another person's personal data (append-only; docs/privasi.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "akses_data_pribadi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub waktu: DateTimeUtc,
    pub aktor_id: Uuid,
    pub pegawai_id: Option<Uuid>,
    /// `detail` or `ekspor`.
    pub jenis: String,
    /// `semua_pegawai` or `pimpinan_unit`.
    pub dasar: String,
    pub jumlah: i32,
    pub request_id: Option<String>,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
