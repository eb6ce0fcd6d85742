use sea_orm::entity::prelude::*;

/// One anonymous answer sheet of a survey. Never edited; voiding keeps it, excluded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survei_respons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub survei_id: Uuid,
    pub layanan: String,
    pub u1: Option<i16>,
    pub u2: Option<i16>,
    pub u3: Option<i16>,
    pub u4: Option<i16>,
    pub u5: Option<i16>,
    pub u6: Option<i16>,
    pub u7: Option<i16>,
    pub u8: Option<i16>,
    pub u9: Option<i16>,
    pub jenis_kelamin: Option<String>,
    pub usia: Option<String>,
    pub pendidikan: Option<String>,
    pub pekerjaan: Option<String>,
    pub saran: Option<String>,
    pub sumber: String,
    /// SHA-256 of the browser's own random token (never the token itself).
    pub token_hash: Option<String>,
    /// SHA-256 of the client address with a server secret, for the per-address limit.
    pub ip_hash: Option<String>,
    pub dibatalkan_at: Option<DateTimeUtc>,
    pub dibatalkan_oleh: Option<Uuid>,
    pub alasan_batal: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
