//! Indexes on the foreign keys that one person's pages look up (docs/performance.md, "Indexes
//! on what one page looks up"). At 100 000 employees the versions of an evaluation were found
//! by reading all 200 000 versions (27 ms), and one employee's SKPs by reading every SKP
//! (6 ms); each of these lookups now reads only its own rows.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str, &str); 10] = [
    (
        "ix_evaluation_versions_evaluation",
        "evaluation_versions",
        "evaluation_id",
    ),
    ("ix_skps_employee", "skps", "employee_id"),
    ("ix_perbaikan_items_plan", "perbaikan_items", "plan_id"),
    (
        "ix_rencana_pengembangan_item_pegawai",
        "rencana_pengembangan_item",
        "employee_id",
    ),
    (
        "ix_kandidat_suksesi_pegawai",
        "kandidat_suksesi",
        "employee_id",
    ),
    (
        "ix_dokumen_evaluasi_evaluation",
        "dokumen_evaluasi",
        "evaluation_id",
    ),
    ("ix_feedback_parent", "feedback", "parent_id"),
    ("ix_pengumuman_dibaca_user", "pengumuman_dibaca", "user_id"),
    ("ix_assignments_unit", "assignments", "unit_id"),
    (
        "ix_catatan_pengembangan_kebutuhan",
        "catatan_pengembangan",
        "kebutuhan_id",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, col) in INDEXES {
            manager
                .create_index(
                    Index::create()
                        .if_not_exists()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(col))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
