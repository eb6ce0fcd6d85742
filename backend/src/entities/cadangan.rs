use sea_orm::entity::prelude::*;

/// One backup run (docs/backup.md).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cadangan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `terjadwal` or `manual`.
    pub jenis: String,
    /// The scheduled interval claimed by this run (unique); none for manual runs.
    pub slot: Option<i64>,
    /// `berjalan`, `berhasil` or `gagal`.
    pub status: String,
    pub mulai_at: DateTimeUtc,
    pub selesai_at: Option<DateTimeUtc>,
    pub ukuran_byte: Option<i64>,
    pub lokasi: Option<String>,
    pub versi_skema: Option<String>,
    pub jumlah_berkas: Option<i64>,
    pub galat: Option<String>,
    /// When retention removed the archive.
    pub dihapus_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
