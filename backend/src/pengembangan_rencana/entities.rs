//! The two tables of migration 29.

/// One version of an instansi's plan for a year.
pub mod rencana {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rencana_pengembangan")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub instansi_id: Uuid,
        pub tahun: i32,
        pub versi: i32,
        /// `draft` or `ditetapkan` ([`kinerja_api::pengembangan_rencana::StatusRencana`]).
        pub status: String,
        pub catatan: Option<String>,
        /// The user who set it.
        pub ditetapkan_oleh: Option<Uuid>,
        pub ditetapkan_at: Option<DateTimeUtc>,
        /// The user who started this version.
        pub dibuat_oleh: Uuid,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Guards the version and all its items.
        pub lock_version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One development for one employee in a version.
pub mod item {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rencana_pengembangan_item")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub rencana_id: Uuid,
        /// The employee's unit when the item was made.
        pub unit_id: Uuid,
        pub employee_id: Uuid,
        pub kebutuhan_id: Option<Uuid>,
        pub kompetensi_id: Uuid,
        pub bentuk: String,
        pub penyelenggara: Option<String>,
        pub bulan_rencana: Option<i32>,
        pub jp: i32,
        /// Rupiah.
        pub anggaran: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
