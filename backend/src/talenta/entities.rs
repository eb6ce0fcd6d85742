//! The tables of migration 30 (talent management), kept with the feature that alone uses them.

/// Per instansi: whether employees see their own potential and box, and the version of the
/// nine-box table.
pub mod pengaturan_talenta {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "pengaturan_talenta")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub instansi_id: Uuid,
        pub tampilkan_ke_pegawai: bool,
        pub updated_at: DateTimeUtc,
        /// Optimistic lock of the setting.
        pub lock_version: i32,
        /// Optimistic lock of the nine-box table, which is edited as a whole.
        pub kotak_lock_version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One of the nine boxes of an instansi.
pub mod kotak_talenta {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "kotak_talenta")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub instansi_id: Uuid,
        pub nomor: i32,
        /// `TingkatTalenta` of the performance axis.
        pub kinerja: String,
        /// `TingkatTalenta` of the potential axis.
        pub potensi: String,
        pub label: String,
        pub rekomendasi: String,
        /// False while the seeded layout has not been confirmed by the HR office.
        pub dikonfirmasi: bool,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A potential assessment of an employee; the newest (by date, then entry) is the current one.
pub mod potensi_talenta {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "potensi_talenta")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub employee_id: Uuid,
        pub instansi_id: Uuid,
        pub tingkat: String,
        pub tanggal: Date,
        pub sumber: String,
        pub catatan: Option<String>,
        /// The user of the HR office who recorded it.
        pub dicatat_oleh: Uuid,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A key position with its succession rule.
pub mod jabatan_kritikal {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "jabatan_kritikal")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub instansi_id: Uuid,
        pub position_id: Uuid,
        pub alasan: Option<String>,
        /// The golongan the position asks for; no rank rule when empty.
        pub golongan_minimal: Option<String>,
        /// How many golongan steps below `golongan_minimal` a candidate may be.
        pub toleransi_golongan: i32,
        /// The lowest box whose employees are proposed as candidates.
        pub kotak_minimal: i32,
        pub ditandai_oleh: Uuid,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub lock_version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A succession candidate the HR office added by hand.
pub mod kandidat_suksesi {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "kandidat_suksesi")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub jabatan_kritikal_id: Uuid,
        pub employee_id: Uuid,
        pub catatan: String,
        pub ditambahkan_oleh: Uuid,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
