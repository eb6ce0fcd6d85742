use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "keberatan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub alasan: String,
    pub status: String,
    pub penjelasan: Option<String>,
    pub keputusan: Option<String>,
    pub catatan_keputusan: Option<String>,
    pub diajukan_at: DateTimeUtc,
    pub dijelaskan_at: Option<DateTimeUtc>,
    pub diputus_at: Option<DateTimeUtc>,
    pub diputus_oleh: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The stored status as the contract's enum (an unknown value reads as just filed).
    pub fn status(&self) -> kinerja_api::penilaian::StatusKeberatan {
        kinerja_api::penilaian::StatusKeberatan::parse(&self.status)
            .unwrap_or(kinerja_api::penilaian::StatusKeberatan::Diajukan)
    }
}
