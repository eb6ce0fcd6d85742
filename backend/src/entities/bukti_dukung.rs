use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bukti_dukung")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub realisasi_id: Uuid,
    /// `berkas` (a stored file) or `tautan` (a link).
    pub jenis: String,
    /// The uploaded file's name, for display and the download; never used as a path.
    pub nama_berkas: Option<String>,
    pub mime: Option<String>,
    pub ukuran: Option<i64>,
    pub sha256: Option<String>,
    /// Where the file lies under the upload directory: generated, never from the client.
    pub storage_key: Option<String>,
    pub url: Option<String>,
    pub verifikasi: Option<String>,
    pub catatan_verifikasi: Option<String>,
    pub diverifikasi_oleh: Option<Uuid>,
    pub diverifikasi_at: Option<DateTimeUtc>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
