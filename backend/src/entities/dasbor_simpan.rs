use sea_orm::entity::prelude::*;

/// The kept dashboard of a unit on one local day (docs/dasbor.md, "Cost").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dasbor_simpan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub periode_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub hari: Date,
    /// Counted for the HR office (every survey) rather than a pimpinan (published ones).
    #[sea_orm(primary_key, auto_increment = false)]
    pub semua: bool,
    /// The `Dasbor` as JSON, without its breadcrumb (that is the viewer's).
    pub isi: String,
    pub dihitung_pada: DateTimeUtc,
    /// A server's claim while it recounts this answer.
    pub dihitung_mulai: Option<DateTimeUtc>,
    /// Served as it is until then, recounted after; none for answers kept before migration 48
    /// (recounted at once).
    pub berlaku_sampai: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
