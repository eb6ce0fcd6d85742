use sea_orm::entity::prelude::*;

/// Per instansi: whether employees see their own potential and box, and the version of the
/// nine-box table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengaturan_talenta")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub instansi_id: Uuid,
    pub tampilkan_ke_pegawai: bool,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock of the setting.
    pub lock_version: i32,
    /// Optimistic lock of the nine-box table, which is edited as a whole.
    pub kotak_lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
