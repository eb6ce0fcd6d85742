use sea_orm::entity::prelude::*;

/// A key position with its succession rule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jabatan_kritikal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub position_id: Uuid,
    pub alasan: Option<String>,
    /// The golongan the position asks for; no rank rule when empty.
    pub golongan_minimal: Option<String>,
    /// How many golongan steps below `golongan_minimal` a candidate may be.
    pub toleransi_golongan: i32,
    /// The lowest box whose employees are proposed as candidates.
    pub kotak_minimal: i32,
    pub ditandai_oleh: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
