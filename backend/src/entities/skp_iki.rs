use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_iki")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rhk_id: Uuid,
    pub urutan: i32,
    pub aspek: Option<String>,
    pub indikator: String,
    pub target_nilai: Option<f64>,
    pub target_satuan: Option<String>,
    pub target_naratif: Option<String>,
    pub arah: String,
    pub perspektif: Option<String>,
    /// The IKI of the previous version this one continues (perubahan SKP).
    pub asal_iki_id: Option<Uuid>,
    /// `akumulatif`, `tetap` or `tenggat`; none = inferred from the unit.
    pub jenis_target: Option<String>,
    /// The due date of a `tenggat` target.
    pub tenggat: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
