use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub seq: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub request_id: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The chain: the instansi's id, `sistem` (no instansi), or `None` for an event written
    /// before chains per instansi (the legacy chain, ordered by `seq`).
    pub rantai: Option<String>,
    /// The event's place in its chain (1, 2, …); `None` in the legacy chain.
    pub rantai_seq: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
