use sea_orm::entity::prelude::*;

/// The kept result of a survey (docs/ikm.md, "Cost of the result").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survei_hasil_simpan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survei_id: Uuid,
    /// The `HasilSurvei` as JSON.
    pub isi: String,
    /// What it counted: `{survey version}:{responses}:{void responses}`.
    pub sidik: String,
    pub dihitung_pada: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
