use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub recipient_employee_id: Uuid,
    pub kind: String,
    pub judul: String,
    pub pesan: String,
    pub tautan: Option<String>,
    /// The kind's parameters (`kinerja_api::planning::NotificationParams`), for wording the
    /// notification in the reader's language.
    pub params: Option<Json>,
    pub dibaca_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// When the e-mail copy was sent or skipped; `None` while pending.
    pub email_diproses_at: Option<DateTimeUtc>,
    /// The server (a random id per process) that claimed the e-mail copy.
    pub email_klaim_oleh: Option<Uuid>,
    /// Until when that claim holds; afterwards another server may take it.
    pub email_klaim_sampai: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
