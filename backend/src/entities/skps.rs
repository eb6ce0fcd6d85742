use sea_orm::entity::prelude::*;

/// One version of an employee's SKP for a period.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub employee_id: Uuid,
    pub versi: i32,
    pub lock_version: i32,
    pub status: String,
    pub pendekatan: String,
    pub jenis: String,
    pub ppkin_employee_id: Option<Uuid>,
    pub atasan_ppkin_employee_id: Option<Uuid>,
    /// Pegawai, PPKin and Atasan PPKin as they were when the SKP was started.
    pub snapshot: Json,
    pub lampiran: Json,
    pub catatan_pengembalian: Option<String>,
    pub diajukan_at: Option<DateTimeUtc>,
    pub disetujui_at: Option<DateTimeUtc>,
    pub disetujui_oleh: Option<Uuid>,
    pub previous_id: Option<Uuid>,
    /// The first sub-period this version governs, set when it is approved.
    pub berlaku_dari_ke: Option<i32>,
    /// The employee's reason for this perubahan SKP (versions after the first).
    pub alasan_perubahan: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
