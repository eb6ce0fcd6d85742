use sea_orm::entity::prelude::*;

/// A development activity someone attended, with the minutes it counts for (JP × 45).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catatan_pengembangan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub instansi_id: Uuid,
    /// The year it counts for: the year of `tanggal_selesai`.
    pub tahun: i32,
    pub nama: String,
    pub katalog_id: Option<Uuid>,
    pub bentuk: String,
    pub penyelenggara: String,
    pub tanggal_mulai: Date,
    pub tanggal_selesai: Date,
    /// Minutes of learning; 45 minutes are one JP.
    pub menit: i32,
    pub peran: String,
    pub kebutuhan_id: Option<Uuid>,
    pub status: String,
    pub catatan_verifikasi: Option<String>,
    /// The user of the HR office who verified or rejected it.
    pub diverifikasi_oleh: Option<Uuid>,
    pub diverifikasi_at: Option<DateTimeUtc>,
    pub sertifikat_key: Option<String>,
    pub sertifikat_nama: Option<String>,
    pub sertifikat_mime: Option<String>,
    pub sertifikat_ukuran: Option<i64>,
    pub dicatat_oleh: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub lock_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
