use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub skp_id: Uuid,
    pub periode_ke: i32,
    pub rating_hasil: Option<String>,
    pub rating_perilaku: Option<String>,
    pub predikat: Option<String>,
    pub catatan_hasil: Option<String>,
    pub catatan_perilaku: Option<String>,
    pub rekomendasi: Option<String>,
    pub hasil_dari_organisasi: bool,
    pub status: String,
    pub versi: i32,
    pub unit_id: Uuid,
    pub penilai_employee_id: Option<Uuid>,
    pub ditetapkan_at: Option<DateTimeUtc>,
    pub batas_keberatan: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The stored status as the contract's enum (an unknown value reads as a draft).
    pub fn status(&self) -> kinerja_api::penilaian::StatusEvaluasi {
        kinerja_api::penilaian::StatusEvaluasi::parse(&self.status)
            .unwrap_or(kinerja_api::penilaian::StatusEvaluasi::Draft)
    }

    pub fn ditetapkan(&self) -> bool {
        self.status() == kinerja_api::penilaian::StatusEvaluasi::Ditetapkan
    }
}
