use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: String,
    pub nama: String,
    pub kode: Option<String>,
    pub alamat: Option<String>,
    pub aktif: bool,
    pub berlaku_mulai: Date,
    pub berlaku_sampai: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Optimistic lock: bumped by every edit, which must name the version it was based on.
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
