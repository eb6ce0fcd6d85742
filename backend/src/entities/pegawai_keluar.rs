use sea_orm::entity::prelude::*;

/// The day an employee left the instansi, from which the retention of their personal data is
/// counted (docs/privasi.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pegawai_keluar")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub employee_id: Uuid,
    pub tanggal_keluar: Date,
    /// When `kinerja retention` erased the private fields.
    pub data_pribadi_dihapus_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
