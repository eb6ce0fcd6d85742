//! Where employees fall in the nine boxes, as SQL: one common table expression `tp(employee_id,
//! kinerja, potensi)` over the active employees of an instansi (or of a unit subtree, walked
//! by a recursive CTE), with the performance level of [`kinerja_api::talenta::tingkat_kinerja`]
//! computed from the annual predikat of two years by `GROUP BY`, and the newest potential by a
//! window function. The same SQL runs on SQLite and PostgreSQL (numbered parameters `$n` are
//! understood by both drivers); no request walks the employees one by one.

use kinerja_api::employees::StatusPegawai;
use kinerja_api::evaluation::Predikat;
use kinerja_api::penilaian::StatusEvaluasi;
use uuid::Uuid;

pub use crate::database::Sql;

/// Which employees the placement covers.
#[derive(Debug, Clone, Copy)]
pub struct Cakupan {
    pub instansi_id: Uuid,
    /// A unit and everything below it; the whole instansi when empty.
    pub unit_id: Option<Uuid>,
    /// Only these employees (a career page, one's own box); all in scope when empty.
    pub employee_id: Option<Uuid>,
    pub tahun: [i32; 2],
}

/// Starts `sql` with `WITH RECURSIVE ... tp AS (...)`; returns the placeholder of the
/// instansi, for the caller's own joins.
pub fn with_tp(sql: &mut Sql, c: &Cakupan) -> String {
    let inst = sql.bind(c.instansi_id);
    let aktif = sql.bind(StatusPegawai::Aktif.as_str());
    let y0 = sql.bind(c.tahun[0]);
    let y1 = sql.bind(c.tahun[1]);
    let ditetapkan = sql.bind(StatusEvaluasi::Ditetapkan.as_str());
    let rendah: Vec<String> = Predikat::ALL
        .iter()
        .filter(|p| p.perlu_perbaikan())
        .map(|p| sql.bind(p.as_str()))
        .collect();
    let sangat_baik = sql.bind(Predikat::SangatBaik.as_str());
    sql.push("WITH RECURSIVE ");
    let mut unit_filter = String::new();
    if let Some(u) = c.unit_id {
        let root = sql.bind(u);
        sql.push(&format!(
            "sub(id, d) AS (SELECT id, 0 FROM units WHERE id = {root} \
             UNION SELECT u.id, sub.d + 1 FROM units u JOIN sub ON u.parent_id = sub.id \
             WHERE sub.d < 64), "
        ));
        unit_filter = " AND e.unit_id IN (SELECT id FROM sub)".to_owned();
    }
    if let Some(e) = c.employee_id {
        let e = sql.bind(e);
        unit_filter.push_str(&format!(" AND e.id = {e}"));
    }
    sql.push(&format!(
        "peg AS (SELECT e.id FROM employees e WHERE e.instansi_id = {inst} \
           AND e.status = {aktif}{unit_filter}), \
         pred AS (SELECT s.employee_id, \
             MAX(CASE WHEN ev.predikat IN ({rendah}) THEN 1 ELSE 0 END) AS rendah, \
             MAX(CASE WHEN ev.predikat = {sangat_baik} THEN 1 ELSE 0 END) AS sb \
           FROM evaluations ev JOIN skps s ON s.id = ev.skp_id \
           JOIN periods p ON p.id = s.period_id \
           WHERE p.instansi_id = {inst} AND p.tahun IN ({y0}, {y1}) AND ev.periode_ke = 0 \
             AND ev.status = {ditetapkan} AND ev.predikat IS NOT NULL \
             AND s.employee_id IN (SELECT id FROM peg) \
           GROUP BY s.employee_id), \
         pot AS (SELECT employee_id, tingkat FROM (SELECT pt.employee_id, pt.tingkat, \
             ROW_NUMBER() OVER (PARTITION BY pt.employee_id \
               ORDER BY pt.tanggal DESC, pt.created_at DESC, pt.id DESC) AS rn \
           FROM potensi_talenta pt WHERE pt.instansi_id = {inst} \
             AND pt.employee_id IN (SELECT id FROM peg)) x WHERE x.rn = 1), \
         tp AS (SELECT peg.id AS employee_id, \
             CASE WHEN pred.employee_id IS NULL THEN NULL WHEN pred.rendah = 1 THEN 'rendah' \
               WHEN pred.sb = 1 THEN 'tinggi' ELSE 'menengah' END AS kinerja, \
             pot.tingkat AS potensi \
           FROM peg LEFT JOIN pred ON pred.employee_id = peg.id \
           LEFT JOIN pot ON pot.employee_id = peg.id) ",
        rendah = rendah.join(", "),
    ));
    inst
}
