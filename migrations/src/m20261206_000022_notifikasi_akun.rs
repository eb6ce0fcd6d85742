//! PostgreSQL tells every server when an account changes (docs/performance.md, "The signed-in
//! account"): a trigger sends `NOTIFY kinerja_akun, '<user id>'` on a change to a user, their
//! roles, or the employee record linked to them, delivered when the change commits.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &str = r"
CREATE OR REPLACE FUNCTION kinerja_akun_berubah() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('kinerja_akun', OLD.id::text);
  ELSIF TG_TABLE_NAME = 'user_roles' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('kinerja_akun', OLD.user_id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('kinerja_akun', NEW.user_id::text); END IF;
  ELSE
    IF TG_OP <> 'INSERT' AND OLD.user_id IS NOT NULL THEN
      PERFORM pg_notify('kinerja_akun', OLD.user_id::text);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.user_id IS NOT NULL THEN
      PERFORM pg_notify('kinerja_akun', NEW.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER kinerja_akun_users AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION kinerja_akun_berubah();
CREATE TRIGGER kinerja_akun_user_roles AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION kinerja_akun_berubah();
CREATE TRIGGER kinerja_akun_employees AFTER INSERT OR DELETE OR UPDATE OF user_id, unit_id
  ON employees FOR EACH ROW EXECUTE FUNCTION kinerja_akun_berubah();
";

const DOWN: &str = r"
DROP TRIGGER IF EXISTS kinerja_akun_users ON users;
DROP TRIGGER IF EXISTS kinerja_akun_user_roles ON user_roles;
DROP TRIGGER IF EXISTS kinerja_akun_employees ON employees;
DROP FUNCTION IF EXISTS kinerja_akun_berubah();
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared(UP).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared(DOWN).await?;
        }
        Ok(())
    }
}
