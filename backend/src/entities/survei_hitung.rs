use sea_orm::entity::prelude::*;

/// When a survey's IKM must be recomputed and landed on the IKIs bound to its unit.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survei_hitung")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survei_id: Uuid,
    /// Set when the responses change, cleared by the job run that claims the survey.
    pub perlu_dihitung: bool,
    /// When a job run claimed it; a claim never finished is taken again after a while.
    pub dimulai_at: Option<DateTimeUtc>,
    /// When a job run finished it.
    pub dihitung_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
