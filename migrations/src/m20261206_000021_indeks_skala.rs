//! Indexes for an instansi of 100 000 employees (docs/performance.md): the lookups that walk the
//! organisation by rater, and employee search by name fragment and NIP prefix on PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// PostgreSQL only. Trigram search needs the `pg_trgm` extension (in PostgreSQL's contrib, and
/// trusted since PostgreSQL 13, so the database owner may create it); where it cannot be
/// created the search still works, by a sequential scan.
const POSTGRES_UP: &str = r"
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS ix_employees_nama_trgm ON employees USING gin (lower(nama) gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm unavailable: employee search by name scans the table';
END $$;
CREATE INDEX IF NOT EXISTS ix_employees_nip_prefix ON employees (nip text_pattern_ops);
";

const POSTGRES_DOWN: &str = r"
DROP INDEX IF EXISTS ix_employees_nama_trgm;
DROP INDEX IF EXISTS ix_employees_nip_prefix;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, col) in [
            (
                "ix_skps_atasan_ppkin",
                Alias::new("skps"),
                Alias::new("atasan_ppkin_employee_id"),
            ),
            (
                "ix_superior_overrides_ppkin",
                Alias::new("superior_overrides"),
                Alias::new("ppkin_employee_id"),
            ),
        ] {
            manager
                .create_index(Index::create().name(name).table(table).col(col).to_owned())
                .await?;
        }
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(POSTGRES_UP)
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(POSTGRES_DOWN)
                .await?;
        }
        for (name, table) in [
            ("ix_skps_atasan_ppkin", "skps"),
            ("ix_superior_overrides_ppkin", "superior_overrides"),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
