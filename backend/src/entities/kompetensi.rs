use sea_orm::entity::prelude::*;

/// A competency of the HR office's list (teknis, manajerial, sosial kultural).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kompetensi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub nama: String,
    /// `kinerja_api::pengembangan::KelompokKompetensi` as stored.
    pub kelompok: String,
    /// The BerAKHLAK core value it serves (`ref_berakhlak.kode`), where it does.
    pub nilai_berakhlak: Option<String>,
    pub deskripsi: Option<String>,
    pub aktif: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
