//! The recaps' SQL: one text for SQLite and PostgreSQL, each starting from the unit's subtree
//! `{s}` as the dashboard's statements do (`crate::dasbor::sql::render`), so that a unit's
//! recap reads only that unit's people and the number of statements never grows with the
//! organisation. `{1}` is always the unit and `{2}` the period; the others are listed per
//! statement.

/// The subtree's active employees (`pg`: id and the direct sub-unit they fall under).
const PEGAWAI: &str = "WITH RECURSIVE {s}, \
   pg(id, top) AS (SELECT e.id, s.top FROM employees e JOIN s ON s.id = e.unit_id \
     WHERE e.status = 'aktif')";

/// Name, position and unit of `e` (joined by the caller), in this order.
const ORANG: &str = "e.id, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, j.nama, un.nama";
const ORANG_JOIN: &str = "JOIN employees e ON e.id = pg.id \
   LEFT JOIN units un ON un.id = e.unit_id LEFT JOIN positions j ON j.id = e.jabatan_id";
const URUT: &str = "ORDER BY un.nama, e.nama, e.id";

/// Rekap SKP: per employee the latest SKP version of the period and its PPKin, by unit and
/// name, with the total in every row. `{3}` rows from offset `{4}`.
pub fn skp() -> String {
    format!(
        "{PEGAWAI}, \
         lv(employee_id, versi) AS (SELECT k.employee_id, MAX(k.versi) FROM skps k \
           JOIN pg ON pg.id = k.employee_id WHERE k.period_id = {{2}} GROUP BY k.employee_id) \
         SELECT {ORANG}, k.status, k.versi, k.diajukan_at, k.disetujui_at, p.nip, p.nama, \
           p.gelar_depan, p.gelar_belakang, COUNT(*) OVER () \
         FROM pg {ORANG_JOIN} \
         LEFT JOIN lv ON lv.employee_id = e.id \
         LEFT JOIN skps k ON k.employee_id = e.id AND k.period_id = {{2}} AND k.versi = lv.versi \
         LEFT JOIN employees p ON p.id = k.ppkin_employee_id \
         {URUT} LIMIT {{3}} OFFSET {{4}}"
    )
}

/// The set evaluations of sub-period `{3}` on the subtree's SKPs of the period, the latest
/// SKP version's per employee (`la`).
const EVALUASI: &str = ", \
   ev(employee_id, versi, id) AS (SELECT k.employee_id, k.versi, x.id FROM evaluations x \
     JOIN skps k ON k.id = x.skp_id JOIN pg ON pg.id = k.employee_id \
     WHERE k.period_id = {2} AND x.periode_ke = {3} AND x.status = 'ditetapkan'), \
   la(employee_id, id) AS (SELECT a.employee_id, a.id FROM ev a WHERE NOT EXISTS \
     (SELECT 1 FROM ev b WHERE b.employee_id = a.employee_id AND b.versi > a.versi))";

/// Rekap evaluasi: per employee the set evaluation of sub-period `{3}`, `{4}` rows from
/// offset `{5}`.
pub fn evaluasi() -> String {
    format!(
        "{PEGAWAI}{EVALUASI} \
         SELECT {ORANG}, x.rating_hasil, x.rating_perilaku, x.predikat, x.ditetapkan_at, \
           COUNT(*) OVER () \
         FROM pg {ORANG_JOIN} \
         LEFT JOIN la ON la.employee_id = e.id LEFT JOIN evaluations x ON x.id = la.id \
         {URUT} LIMIT {{4}} OFFSET {{5}}"
    )
}

/// Rekap evaluasi per direct sub-unit: people per set predikat of sub-period `{3}` (a null
/// predikat: not evaluated).
pub fn evaluasi_per_unit() -> String {
    format!(
        "{PEGAWAI}{EVALUASI} \
         SELECT pg.top, x.predikat, COUNT(*) FROM pg \
         LEFT JOIN la ON la.employee_id = pg.id LEFT JOIN evaluations x ON x.id = la.id \
         GROUP BY pg.top, x.predikat"
    )
}

/// Rekap angka kredit: a page (`{3}` from offset `{4}`) of the subtree's employees in a
/// jabatan fungsional (a jenjang with a yearly coefficient), each with every set predikat of
/// the period (one row per sub-period and SKP version; none when not evaluated).
pub fn angka_kredit() -> String {
    format!(
        "{PEGAWAI}, \
         jf(id, nip, nama, gd, gb, jabatan, unit, jenjang, koef, total) AS (SELECT e.id, e.nip, \
           e.nama, e.gelar_depan, e.gelar_belakang, j.nama, un.nama, rj.nama, \
           rj.koefisien_angka_kredit, COUNT(*) OVER () \
           FROM pg {ORANG_JOIN} JOIN ref_jenjang rj ON rj.kode = j.jenjang \
           WHERE rj.koefisien_angka_kredit IS NOT NULL {URUT} LIMIT {{3}} OFFSET {{4}}), \
         nx(employee_id, versi, k, predikat) AS (SELECT k.employee_id, k.versi, x.periode_ke, \
           x.predikat FROM evaluations x JOIN skps k ON k.id = x.skp_id \
           JOIN jf ON jf.id = k.employee_id WHERE k.period_id = {{2}} \
           AND x.status = 'ditetapkan' AND x.predikat IS NOT NULL) \
         SELECT jf.id, jf.nip, jf.nama, jf.gd, jf.gb, jf.jabatan, jf.unit, jf.jenjang, jf.koef, \
           jf.total, nx.k, nx.versi, nx.predikat \
         FROM jf LEFT JOIN nx ON nx.employee_id = jf.id \
         ORDER BY jf.unit, jf.nama, jf.id, nx.k, nx.versi"
    )
}

/// Per employee of `pg`, what the national export needs: approved SKP (`ok`), the annual
/// evaluation of the latest SKP version that has one (`la`), its assessor or else the latest
/// SKP version's PPKin, and whether an objection to it is undecided.
fn siasn_dasar(pg: &str) -> String {
    format!(
        "WITH RECURSIVE {{s}}, {pg}, \
         ok(employee_id) AS (SELECT DISTINCT k.employee_id FROM skps k \
           JOIN pg ON pg.id = k.employee_id WHERE k.period_id = {{2}} \
           AND k.disetujui_at IS NOT NULL AND k.status IN ('disetujui', 'ditutup')), \
         lk(employee_id, ppkin) AS (SELECT a.employee_id, a.ppkin_employee_id FROM skps a \
           JOIN pg ON pg.id = a.employee_id WHERE a.period_id = {{2}} AND NOT EXISTS \
           (SELECT 1 FROM skps b WHERE b.employee_id = a.employee_id AND b.period_id = {{2}} \
             AND b.versi > a.versi)), \
         an(employee_id, versi, id, penilai) AS (SELECT k.employee_id, k.versi, x.id, \
           COALESCE(x.penilai_employee_id, k.ppkin_employee_id) FROM evaluations x \
           JOIN skps k ON k.id = x.skp_id JOIN pg ON pg.id = k.employee_id \
           WHERE k.period_id = {{2}} AND x.periode_ke = 0 AND x.status = 'ditetapkan'), \
         la(employee_id, id, penilai) AS (SELECT a.employee_id, a.id, a.penilai FROM an a \
           WHERE NOT EXISTS (SELECT 1 FROM an b WHERE b.employee_id = a.employee_id \
             AND b.versi > a.versi)), \
         kb(evaluation_id) AS (SELECT DISTINCT o.evaluation_id FROM keberatan o \
           JOIN la ON la.id = o.evaluation_id WHERE o.status <> 'diputus'), \
         sx(id, nip, nama, gd, gb, unit, ok, ev, rh, rp, pr, pnip, kb) AS (SELECT e.id, e.nip, \
           e.nama, e.gelar_depan, e.gelar_belakang, un.nama, \
           CASE WHEN ok.employee_id IS NULL THEN 0 ELSE 1 END, \
           CASE WHEN la.id IS NULL THEN 0 ELSE 1 END, \
           x.rating_hasil, x.rating_perilaku, x.predikat, pp.nip, \
           CASE WHEN kb.evaluation_id IS NULL THEN 0 ELSE 1 END \
           FROM pg JOIN employees e ON e.id = pg.id LEFT JOIN units un ON un.id = e.unit_id \
           LEFT JOIN ok ON ok.employee_id = e.id LEFT JOIN lk ON lk.employee_id = e.id \
           LEFT JOIN la ON la.employee_id = e.id LEFT JOIN evaluations x ON x.id = la.id \
           LEFT JOIN employees pp ON pp.id = COALESCE(la.penilai, lk.ppkin) \
           LEFT JOIN kb ON kb.evaluation_id = la.id)"
    )
}

/// An employee in the export: every condition met.
const SIAP: &str = "sx.ok = 1 AND sx.ev = 1 AND sx.rh IS NOT NULL AND sx.rp IS NOT NULL \
   AND sx.pr IS NOT NULL AND sx.pnip IS NOT NULL AND sx.kb = 0";

const SX_KOLOM: &str = "sx.id, sx.nip, sx.nama, sx.gd, sx.gb, sx.unit, sx.ok, sx.ev, sx.rh, \
   sx.rp, sx.pr, sx.pnip, sx.kb";

/// One keyset page of the export: the next `{4}` active employees of the subtree by NIP after
/// `{3}`, ready or not (the caller keeps the ready ones and moves on from the last NIP).
pub fn siasn_halaman() -> String {
    format!(
        "{} SELECT {SX_KOLOM} FROM sx ORDER BY sx.nip",
        siasn_dasar(
            "pg(id) AS (SELECT e.id FROM employees e JOIN s ON s.id = e.unit_id \
             WHERE e.status = 'aktif' AND e.nip > {3} ORDER BY e.nip LIMIT {4})"
        )
    )
}

const PG_SEMUA: &str = "pg(id) AS (SELECT e.id FROM employees e JOIN s ON s.id = e.unit_id \
   WHERE e.status = 'aktif')";

/// The people who cannot be exported, by unit and name, `{3}` from offset `{4}`, with their
/// total in every row.
pub fn siasn_tidak_siap() -> String {
    format!(
        "{} SELECT {SX_KOLOM}, COUNT(*) OVER () FROM sx WHERE NOT ({SIAP}) \
         ORDER BY sx.unit, sx.nama, sx.id LIMIT {{3}} OFFSET {{4}}",
        siasn_dasar(PG_SEMUA)
    )
}

/// The active employees of the subtree and how many of them are ready.
pub fn siasn_jumlah() -> String {
    format!(
        "{} SELECT COUNT(*), SUM(CASE WHEN {SIAP} THEN 1 ELSE 0 END) FROM sx",
        siasn_dasar(PG_SEMUA)
    )
}
