use sea_orm::entity::prelude::*;

/// Feedback on one RHK, IKI or BerAKHLAK value in one sub-period; a reply has a parent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub skp_id: Uuid,
    pub periode_ke: i32,
    pub rhk_id: Option<Uuid>,
    pub iki_id: Option<Uuid>,
    pub nilai_kode: Option<String>,
    pub parent_id: Option<Uuid>,
    pub author_employee_id: Uuid,
    pub teks: String,
    /// `positif` or `negatif`, optional.
    pub tag: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
