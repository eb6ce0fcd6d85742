use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ref_jenjang")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kode: String,
    pub jenis: String,
    pub nama: String,
    pub tingkat: i32,
    /// Holders can be Pejabat Penilai Kinerja by derivation (at least Pengawas).
    pub dapat_menilai: bool,
    /// Koefisien angka kredit tahunan (jabatan fungsional only), set by the HR office.
    pub koefisien_angka_kredit: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
