//! The stored 20 JP compliance of a unit (docs/pengembangan.md, "Kecepatan kepatuhan"):
//! `versi_jp` counts, per instansi, every change that can move a unit's compliance — a
//! verified record, an employee's unit, status or name, a unit's place in the tree — and is
//! bumped by triggers, so every writer (API, import, demo, a SQL console) is covered. A
//! compliance answer is stored in `ringkasan_jp` (counts per direct sub-unit) and
//! `ringkasan_jp_kurang` (the ordered list of those below 20 JP) under the version it was
//! computed at, and read back while the version stands.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES_PG: &str = r"
CREATE TABLE versi_jp (instansi_id uuid PRIMARY KEY, versi bigint NOT NULL);
CREATE TABLE ringkasan_jp (
  id uuid PRIMARY KEY, unit_id uuid NOT NULL, tahun integer NOT NULL, versi bigint NOT NULL,
  jumlah bigint NOT NULL, memenuhi bigint NOT NULL, per_sub_unit text NOT NULL,
  dibuat_pada timestamp with time zone NOT NULL);
CREATE UNIQUE INDEX ux_ringkasan_jp ON ringkasan_jp (unit_id, tahun, versi);
CREATE TABLE ringkasan_jp_kurang (
  ringkasan_id uuid NOT NULL, urut bigint NOT NULL, employee_id uuid NOT NULL, menit bigint NOT NULL,
  PRIMARY KEY (ringkasan_id, urut));
";

const TABLES_SQLITE: &str = r"
CREATE TABLE versi_jp (instansi_id uuid_text PRIMARY KEY NOT NULL, versi bigint NOT NULL);
CREATE TABLE ringkasan_jp (
  id uuid_text PRIMARY KEY NOT NULL, unit_id uuid_text NOT NULL, tahun integer NOT NULL,
  versi bigint NOT NULL, jumlah bigint NOT NULL, memenuhi bigint NOT NULL,
  per_sub_unit text NOT NULL, dibuat_pada timestamp_with_timezone_text NOT NULL);
CREATE UNIQUE INDEX ux_ringkasan_jp ON ringkasan_jp (unit_id, tahun, versi);
CREATE TABLE ringkasan_jp_kurang (
  ringkasan_id uuid_text NOT NULL, urut bigint NOT NULL, employee_id uuid_text NOT NULL,
  menit bigint NOT NULL, PRIMARY KEY (ringkasan_id, urut));
";

// Inserts come in bulk (imports, the demo at scale): one statement-level bump per statement
// from its transition table. Updates and deletes are rare and fire per row, and only when a
// column the compliance reads changed.
const TRIGGERS_PG: &str = r"
CREATE FUNCTION kinerja_versi_jp_sisip() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'catatan_pengembangan' THEN
    INSERT INTO versi_jp (instansi_id, versi)
      SELECT DISTINCT instansi_id, 1 FROM baru WHERE status = 'diverifikasi'
      ON CONFLICT (instansi_id) DO UPDATE SET versi = versi_jp.versi + 1;
  ELSE
    INSERT INTO versi_jp (instansi_id, versi) SELECT DISTINCT instansi_id, 1 FROM baru
      ON CONFLICT (instansi_id) DO UPDATE SET versi = versi_jp.versi + 1;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE FUNCTION kinerja_versi_jp_baris() RETURNS trigger AS $$
DECLARE
  i uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN i := OLD.instansi_id; ELSE i := NEW.instansi_id; END IF;
  INSERT INTO versi_jp (instansi_id, versi) VALUES (i, 1)
    ON CONFLICT (instansi_id) DO UPDATE SET versi = versi_jp.versi + 1;
  IF TG_OP = 'UPDATE' AND OLD.instansi_id IS DISTINCT FROM NEW.instansi_id THEN
    INSERT INTO versi_jp (instansi_id, versi) VALUES (OLD.instansi_id, 1)
      ON CONFLICT (instansi_id) DO UPDATE SET versi = versi_jp.versi + 1;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER kinerja_versi_jp_employees_sisip AFTER INSERT ON employees
  REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION kinerja_versi_jp_sisip();
CREATE TRIGGER kinerja_versi_jp_employees_ubah
  AFTER UPDATE OF instansi_id, unit_id, status, nama ON employees FOR EACH ROW
  WHEN (OLD.instansi_id IS DISTINCT FROM NEW.instansi_id OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.nama IS DISTINCT FROM NEW.nama)
  EXECUTE FUNCTION kinerja_versi_jp_baris();
CREATE TRIGGER kinerja_versi_jp_employees_hapus AFTER DELETE ON employees
  FOR EACH ROW EXECUTE FUNCTION kinerja_versi_jp_baris();

CREATE TRIGGER kinerja_versi_jp_units_sisip AFTER INSERT ON units
  REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION kinerja_versi_jp_sisip();
CREATE TRIGGER kinerja_versi_jp_units_ubah AFTER UPDATE OF instansi_id, parent_id ON units
  FOR EACH ROW
  WHEN (OLD.instansi_id IS DISTINCT FROM NEW.instansi_id OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION kinerja_versi_jp_baris();
CREATE TRIGGER kinerja_versi_jp_units_hapus AFTER DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION kinerja_versi_jp_baris();

CREATE TRIGGER kinerja_versi_jp_catatan_sisip AFTER INSERT ON catatan_pengembangan
  REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION kinerja_versi_jp_sisip();
CREATE TRIGGER kinerja_versi_jp_catatan_ubah
  AFTER UPDATE OF instansi_id, employee_id, tahun, menit, status ON catatan_pengembangan FOR EACH ROW
  WHEN ((OLD.status = 'diverifikasi' OR NEW.status = 'diverifikasi')
        AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.menit IS DISTINCT FROM NEW.menit
             OR OLD.tahun IS DISTINCT FROM NEW.tahun OR OLD.employee_id IS DISTINCT FROM NEW.employee_id
             OR OLD.instansi_id IS DISTINCT FROM NEW.instansi_id))
  EXECUTE FUNCTION kinerja_versi_jp_baris();
CREATE TRIGGER kinerja_versi_jp_catatan_hapus AFTER DELETE ON catatan_pengembangan
  FOR EACH ROW WHEN (OLD.status = 'diverifikasi') EXECUTE FUNCTION kinerja_versi_jp_baris();
";

/// SQLite's triggers are per row; a bump is an insert-if-missing and an increment.
fn sqlite_trigger(name: &str, event: &str, table: &str, when: &str, row: &str) -> String {
    let when = if when.is_empty() {
        String::new()
    } else {
        format!("WHEN {when} ")
    };
    format!(
        "CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when}BEGIN \
         INSERT OR IGNORE INTO versi_jp (instansi_id, versi) VALUES ({row}.instansi_id, 0); \
         UPDATE versi_jp SET versi = versi + 1 WHERE instansi_id = {row}.instansi_id; END;"
    )
}

fn triggers_sqlite() -> Vec<String> {
    let employees = "OLD.instansi_id IS NOT NEW.instansi_id OR OLD.unit_id IS NOT NEW.unit_id \
                     OR OLD.status IS NOT NEW.status OR OLD.nama IS NOT NEW.nama";
    let units = "OLD.instansi_id IS NOT NEW.instansi_id OR OLD.parent_id IS NOT NEW.parent_id";
    let catatan = "(OLD.status = 'diverifikasi' OR NEW.status = 'diverifikasi') AND \
                   (OLD.status IS NOT NEW.status OR OLD.menit IS NOT NEW.menit \
                    OR OLD.tahun IS NOT NEW.tahun OR OLD.employee_id IS NOT NEW.employee_id \
                    OR OLD.instansi_id IS NOT NEW.instansi_id)";
    let mut out = Vec::new();
    for (table, changed) in [
        ("employees", employees),
        ("units", units),
        ("catatan_pengembangan", catatan),
    ] {
        let verified_only = table == "catatan_pengembangan";
        out.push(sqlite_trigger(
            &format!("kinerja_versi_jp_{table}_sisip"),
            "INSERT",
            table,
            if verified_only {
                "NEW.status = 'diverifikasi'"
            } else {
                ""
            },
            "NEW",
        ));
        out.push(sqlite_trigger(
            &format!("kinerja_versi_jp_{table}_ubah"),
            "UPDATE",
            table,
            changed,
            "NEW",
        ));
        // A move between instansi also changes the one it left.
        out.push(sqlite_trigger(
            &format!("kinerja_versi_jp_{table}_ubah_lama"),
            "UPDATE",
            table,
            "OLD.instansi_id IS NOT NEW.instansi_id",
            "OLD",
        ));
        out.push(sqlite_trigger(
            &format!("kinerja_versi_jp_{table}_hapus"),
            "DELETE",
            table,
            if verified_only {
                "OLD.status = 'diverifikasi'"
            } else {
                ""
            },
            "OLD",
        ));
    }
    out
}

const DOWN: &str = r"
DROP TABLE IF EXISTS ringkasan_jp_kurang;
DROP TABLE IF EXISTS ringkasan_jp;
DROP TABLE IF EXISTS versi_jp;
";

const DOWN_TRIGGERS_PG: &str = r"
DROP TRIGGER IF EXISTS kinerja_versi_jp_employees_sisip ON employees;
DROP TRIGGER IF EXISTS kinerja_versi_jp_employees_ubah ON employees;
DROP TRIGGER IF EXISTS kinerja_versi_jp_employees_hapus ON employees;
DROP TRIGGER IF EXISTS kinerja_versi_jp_units_sisip ON units;
DROP TRIGGER IF EXISTS kinerja_versi_jp_units_ubah ON units;
DROP TRIGGER IF EXISTS kinerja_versi_jp_units_hapus ON units;
DROP TRIGGER IF EXISTS kinerja_versi_jp_catatan_sisip ON catatan_pengembangan;
DROP TRIGGER IF EXISTS kinerja_versi_jp_catatan_ubah ON catatan_pengembangan;
DROP TRIGGER IF EXISTS kinerja_versi_jp_catatan_hapus ON catatan_pengembangan;
DROP FUNCTION IF EXISTS kinerja_versi_jp_sisip();
DROP FUNCTION IF EXISTS kinerja_versi_jp_baris();
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(TABLES_PG).await?;
            db.execute_unprepared(TRIGGERS_PG).await?;
        } else {
            db.execute_unprepared(TABLES_SQLITE).await?;
            for t in triggers_sqlite() {
                db.execute_unprepared(&t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(DOWN_TRIGGERS_PG).await?;
        } else {
            for table in ["employees", "units", "catatan_pengembangan"] {
                for t in ["sisip", "ubah", "ubah_lama", "hapus"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS kinerja_versi_jp_{table}_{t};"
                    ))
                    .await?;
                }
            }
        }
        db.execute_unprepared(DOWN).await?;
        Ok(())
    }
}
