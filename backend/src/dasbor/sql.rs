//! The dashboard's SQL: one text for SQLite and PostgreSQL. Every statement starts from the
//! unit's subtree (a recursive CTE, as in `pengembangan::jp`), so that its cost follows the
//! people shown, never the whole instansi, and the number of statements stays the same
//! whatever the size of the organisation.
//!
//! Placeholders `{1}`, `{2}`, … become `$n` on PostgreSQL and `?n` on SQLite. Parameters:
//! `{1}` the unit, `{2}` the period, `{3}` the last ended sub-period (0 when none), `{4}` the
//! instansi's local day.

use sea_orm::{DbBackend, Value};
use uuid::Uuid;

fn mark(backend: DbBackend) -> &'static str {
    if backend == DbBackend::Postgres {
        "$"
    } else {
        "?"
    }
}

/// `$n` on PostgreSQL, `?n` on SQLite.
pub fn sql(backend: DbBackend, text: &str) -> String {
    (1..=6).fold(text.to_owned(), |t, n| {
        t.replace(&format!("{{{n}}}"), &format!("{}{n}", mark(backend)))
    })
}

/// At most this many units below the unit are listed in the statement; a larger subtree is
/// walked inside it.
pub const LISTED_MAX: usize = 4000;

/// How the statement learns the subtree of `{1}`: each unit below it with the direct
/// sub-unit (`top`) it falls under, and `{1}` itself as its own top (its own staff).
pub enum Subtree {
    /// Walked by a recursive CTE inside the statement.
    Walk,
    /// Listed as `VALUES` (unit, top), read beforehand: PostgreSQL then knows how few rows
    /// a kecamatan has and reads its people by index instead of scanning every employee.
    Listed(Vec<(Uuid, Uuid)>),
}

/// The unit's subtree below it: one recursive statement, which stops one row past
/// [`LISTED_MAX`] (a larger subtree is walked inside each statement instead, so reading all of
/// an instansi's units on every request would be wasted).
pub const BELOW: &str = "WITH RECURSIVE w(id, top, d) AS ( \
     SELECT id, id, 0 FROM units WHERE parent_id = {1} \
     UNION SELECT u.id, w.top, w.d + 1 FROM units u JOIN w ON u.parent_id = w.id WHERE w.d < 64) \
   SELECT id, top FROM w LIMIT 4001";

/// `text` for `backend` with the subtree in place of `{s}`, and the values it adds after the
/// statement's `fixed` parameters.
pub fn render(
    backend: DbBackend,
    text: &str,
    fixed: usize,
    subtree: &Subtree,
) -> (String, Vec<Value>) {
    let (cte, values) = match subtree {
        Subtree::Walk => (
            "w(id, top, d) AS (SELECT id, id, 0 FROM units WHERE parent_id = {1} \
             UNION SELECT u.id, w.top, w.d + 1 FROM units u JOIN w ON u.parent_id = w.id \
             WHERE w.d < 64), s(id, top) AS (SELECT id, top FROM w UNION SELECT {1}, {1})"
                .to_owned(),
            Vec::new(),
        ),
        Subtree::Listed(pairs) if pairs.is_empty() => {
            ("s(id, top) AS (SELECT {1}, {1})".to_owned(), Vec::new())
        }
        Subtree::Listed(pairs) => {
            let m = mark(backend);
            let rows: Vec<String> = (0..pairs.len())
                .map(|i| {
                    let a = fixed + 2 * i + 1;
                    format!("({m}{a}, {m}{})", a + 1)
                })
                .collect();
            let values = pairs
                .iter()
                .flat_map(|(id, top)| [Value::from(*id), Value::from(*top)])
                .collect();
            (
                format!(
                    "s(id, top) AS (SELECT * FROM (VALUES {}) v UNION ALL SELECT {{1}}, {{1}})",
                    rows.join(", ")
                ),
                values,
            )
        }
    };
    (sql(backend, &text.replace("{s}", &cte)), values)
}

/// The subtree (see [`Subtree`]), its active employees with their top, and their SKP versions
/// of the period `{2}`.
const SUBTREE: &str = "WITH RECURSIVE {s}, \
   pg(id, top) AS (SELECT e.id, s.top FROM employees e JOIN s ON s.id = e.unit_id \
     WHERE e.status = 'aktif'), \
   sk(id, employee_id, top, versi, status, ok, dari) AS (SELECT k.id, k.employee_id, pg.top, k.versi, k.status, \
     CASE WHEN k.disetujui_at IS NOT NULL AND k.status IN ('disetujui', 'ditutup') THEN 1 ELSE 0 END, \
     COALESCE(k.berlaku_dari_ke, 1) \
     FROM skps k JOIN pg ON pg.id = k.employee_id WHERE k.period_id = {2})";

/// Per active employee of the subtree: their top, the SKP state (0 none, 1 draft or returned,
/// 2 submitted, 3 approved) and one flag (0/1) per step behind.
const PER_PEGAWAI: &str = ", \
   st(employee_id, n) AS (SELECT employee_id, \
     MAX(CASE WHEN ok = 1 THEN 3 WHEN status = 'diajukan' THEN 2 ELSE 1 END) FROM sk GROUP BY employee_id), \
   ver(employee_id, skp_id) AS (SELECT a.employee_id, a.id FROM sk a WHERE a.ok = 1 AND a.dari <= {3} \
     AND NOT EXISTS (SELECT 1 FROM sk b WHERE b.employee_id = a.employee_id AND b.ok = 1 \
       AND b.dari <= {3} AND b.versi > a.versi)), \
   rk(employee_id) AS (SELECT DISTINCT v.employee_id FROM ver v \
     JOIN skp_rhk r ON r.skp_id = v.skp_id JOIN skp_iki i ON i.rhk_id = r.id \
     WHERE NOT EXISTS (SELECT 1 FROM realisasi re WHERE re.iki_id = i.id AND re.periode_ke = {3} \
       AND (re.nilai IS NOT NULL OR TRIM(COALESCE(re.naratif, '')) <> ''))), \
   bk(employee_id) AS (SELECT DISTINCT sk.employee_id FROM sk \
     JOIN skp_rhk r ON r.skp_id = sk.id JOIN skp_iki i ON i.rhk_id = r.id \
     JOIN realisasi re ON re.iki_id = i.id JOIN bukti_dukung b ON b.realisasi_id = re.id \
     WHERE b.verifikasi IS NULL), \
   dinilai(employee_id) AS (SELECT DISTINCT y.employee_id FROM sk y \
     JOIN evaluations x ON x.skp_id = y.id WHERE x.periode_ke = {3} AND x.status = 'ditetapkan'), \
   ev(employee_id) AS (SELECT v.employee_id FROM ver v \
     LEFT JOIN dinilai n ON n.employee_id = v.employee_id WHERE n.employee_id IS NULL), \
   kb(employee_id) AS (SELECT DISTINCT sk.employee_id FROM sk JOIN evaluations x ON x.skp_id = sk.id \
     JOIN keberatan o ON o.evaluation_id = x.id \
     WHERE o.status <> 'diputus' AND x.batas_keberatan < {4}), \
   pb(employee_id) AS (SELECT DISTINCT sk.employee_id FROM sk JOIN evaluations x ON x.skp_id = sk.id \
     JOIN rencana_perbaikan rp ON rp.evaluation_id = x.id JOIN perbaikan_items a ON a.plan_id = rp.id \
     WHERE a.jenis = 'aksi' AND a.jatuh_tempo < {4} AND NOT EXISTS (SELECT 1 FROM perbaikan_items c \
       WHERE c.plan_id = a.plan_id AND c.jenis = 'checkin' AND c.created_at > a.created_at)), \
   per(id, top, st, rk, bk, ev, kb, pb) AS (SELECT pg.id, pg.top, COALESCE(st.n, 0), \
     CASE WHEN rk.employee_id IS NULL THEN 0 ELSE 1 END, \
     CASE WHEN bk.employee_id IS NULL THEN 0 ELSE 1 END, \
     CASE WHEN ev.employee_id IS NULL THEN 0 ELSE 1 END, \
     CASE WHEN kb.employee_id IS NULL THEN 0 ELSE 1 END, \
     CASE WHEN pb.employee_id IS NULL THEN 0 ELSE 1 END \
     FROM pg LEFT JOIN st ON st.employee_id = pg.id LEFT JOIN rk ON rk.employee_id = pg.id \
     LEFT JOIN bk ON bk.employee_id = pg.id LEFT JOIN ev ON ev.employee_id = pg.id \
     LEFT JOIN kb ON kb.employee_id = pg.id LEFT JOIN pb ON pb.employee_id = pg.id)";

/// The compliance counts per top: top, people, SKP none/draft/submitted/approved, then the
/// five steps.
pub fn kepatuhan() -> String {
    format!(
        "{SUBTREE}{PER_PEGAWAI} SELECT top, COUNT(*), \
         SUM(CASE WHEN st = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN st = 1 THEN 1 ELSE 0 END), \
         SUM(CASE WHEN st = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN st = 3 THEN 1 ELSE 0 END), \
         SUM(rk), SUM(bk), SUM(ev), SUM(kb), SUM(pb) FROM per GROUP BY top"
    )
}

/// The number a step is kept under in `dasbor_pegawai`: the SKP states are 0–3 as `per.st`.
pub fn nomor(l: kinerja_api::dasbor::Langkah) -> i16 {
    use kinerja_api::dasbor::Langkah;
    match l {
        Langkah::SkpBelum => 0,
        Langkah::SkpDraft => 1,
        Langkah::SkpDiajukan => 2,
        Langkah::SkpDisetujui => 3,
        Langkah::RealisasiKosong => 4,
        Langkah::BuktiMenunggu => 5,
        Langkah::EvaluasiBelum => 6,
        Langkah::KeberatanLewat => 7,
        Langkah::PerbaikanLewat => 8,
    }
}

/// Keeps, with a count of the dashboard of `{1}`, one row per person of the subtree and step
/// they are counted in (their SKP state, then each step behind; numbers as [`nomor`]), with
/// the names the list is ordered by (`dasbor_pegawai`, docs/dasbor.md "Cost"). Two servers
/// counting the same unit at once (the two audiences) write the same rows: the first stays.
pub fn simpan_pegawai() -> String {
    format!(
        "{SUBTREE}{PER_PEGAWAI}, \
         lk(id, top, l) AS (SELECT id, top, st FROM per \
           UNION ALL SELECT id, top, 4 FROM per WHERE rk = 1 \
           UNION ALL SELECT id, top, 5 FROM per WHERE bk = 1 \
           UNION ALL SELECT id, top, 6 FROM per WHERE ev = 1 \
           UNION ALL SELECT id, top, 7 FROM per WHERE kb = 1 \
           UNION ALL SELECT id, top, 8 FROM per WHERE pb = 1) \
         INSERT INTO dasbor_pegawai \
         (unit_id, periode_id, hari, langkah, unit_nama, nama, employee_id, top) \
         SELECT {{1}}, {{2}}, {{4}}, lk.l, COALESCE(un.nama, ''), e.nama, lk.id, lk.top \
         FROM lk JOIN employees e ON e.id = lk.id LEFT JOIN units un ON un.id = e.unit_id \
         WHERE 1 = 1 ON CONFLICT DO NOTHING"
    )
}

/// Drops the kept people of unit `{1}` and period `{2}` (every day) before a new count.
pub const HAPUS_PEGAWAI: &str =
    "DELETE FROM dasbor_pegawai WHERE unit_id = {1} AND periode_id = {2}";

/// The people kept for unit `{1}`, period `{2}` and day `{3}` per top and step number.
pub const KEPATUHAN_SIMPAN: &str = "SELECT top, langkah, COUNT(*) FROM dasbor_pegawai \
     WHERE unit_id = {1} AND periode_id = {2} AND hari = {3} GROUP BY top, langkah";

/// A page of the people kept for unit `{1}`, period `{2}`, day `{3}` and step number `{4}`:
/// `{5}` rows from offset `{6}`, in the order of [`pegawai`] (a range of the table's key).
pub const PEGAWAI_SIMPAN: &str = "SELECT e.id, e.nama, e.gelar_depan, e.gelar_belakang, e.nip, \
     un.nama FROM dasbor_pegawai p JOIN employees e ON e.id = p.employee_id \
     LEFT JOIN units un ON un.id = e.unit_id \
     WHERE p.unit_id = {1} AND p.periode_id = {2} AND p.hari = {3} AND p.langkah = {4} \
     ORDER BY p.unit_nama, p.nama, p.employee_id LIMIT {5} OFFSET {6}";

/// How many people are kept for unit `{1}`, period `{2}`, day `{3}` and step number `{4}`.
pub const PEGAWAI_SIMPAN_JUMLAH: &str = "SELECT COUNT(*) FROM dasbor_pegawai \
     WHERE unit_id = {1} AND periode_id = {2} AND hari = {3} AND langkah = {4}";

/// The condition on `per` of one step.
pub fn kondisi(l: kinerja_api::dasbor::Langkah) -> &'static str {
    use kinerja_api::dasbor::Langkah;
    match l {
        Langkah::SkpBelum => "per.st = 0",
        Langkah::SkpDraft => "per.st = 1",
        Langkah::SkpDiajukan => "per.st = 2",
        Langkah::SkpDisetujui => "per.st = 3",
        Langkah::RealisasiKosong => "per.rk = 1",
        Langkah::BuktiMenunggu => "per.bk = 1",
        Langkah::EvaluasiBelum => "per.ev = 1",
        Langkah::KeberatanLewat => "per.kb = 1",
        Langkah::PerbaikanLewat => "per.pb = 1",
    }
}

/// A page of the people behind one step (`{5}` rows from offset `{6}`), by unit and name,
/// with the total in every row.
pub fn pegawai(l: kinerja_api::dasbor::Langkah) -> String {
    format!(
        "{SUBTREE}{PER_PEGAWAI} SELECT e.id, e.nama, e.gelar_depan, e.gelar_belakang, e.nip, \
         un.nama, COUNT(*) OVER () FROM per JOIN employees e ON e.id = per.id \
         LEFT JOIN units un ON un.id = e.unit_id WHERE {} \
         ORDER BY un.nama, e.nama, e.id LIMIT {{5}} OFFSET {{6}}",
        kondisi(l)
    )
}

/// The people of the subtree for whom `kondisi` (a condition on `per`) holds, with their unit
/// and SKP state, by id after `{5}`, at most `{6}`: the candidates of the cycle's reminders
/// (`pengingat::siklus`), paged by key so memory stays small whatever the instansi.
pub fn orang(kondisi: &str) -> String {
    format!(
        "{SUBTREE}{PER_PEGAWAI} SELECT e.id, e.unit_id, per.st FROM per \
         JOIN employees e ON e.id = per.id WHERE {kondisi} AND e.id > {{5}} \
         ORDER BY e.id LIMIT {{6}}"
    )
}

/// The nature of an indicator's target: its own, else inferred from its unit (a percentage,
/// an index, a score, a ratio or an average is held every sub-period; anything else counts).
const JENIS: &str = "COALESCE(i.jenis_target, CASE \
     WHEN REPLACE(LOWER(COALESCE(i.target_satuan, '')), '%', '') <> LOWER(COALESCE(i.target_satuan, '')) \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%persen%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%indeks%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%index%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%nilai%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%skor%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%rasio%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%rata%' \
       OR LOWER(COALESCE(i.target_satuan, '')) LIKE '%predikat%' \
     THEN 'tetap' ELSE 'akumulatif' END)";

/// Capaian per top and sub-period: the sum and the number of indicator values (capped at
/// 0–120 %) on approved SKP versions. The target of a sub-period is the rencana aksi's, else
/// the yearly target split by its nature (`{3}`: the number of sub-periods); a `tenggat`
/// target counts only where a rencana aksi sets it (see docs/dasbor.md).
pub fn capaian() -> String {
    format!(
        "{SUBTREE}, \
         ik(top, id, arah, target, jenis) AS (SELECT sk.top, i.id, i.arah, i.target_nilai, {JENIS} \
           FROM sk JOIN skp_rhk r ON r.skp_id = sk.id JOIN skp_iki i ON i.rhk_id = r.id \
           WHERE sk.ok = 1), \
         t(top, k, arah, nilai, target) AS (SELECT ik.top, re.periode_ke, ik.arah, re.nilai, \
           COALESCE(ra.target_nilai, CASE ik.jenis WHEN 'tetap' THEN ik.target \
             WHEN 'akumulatif' THEN ik.target / {{3}} ELSE NULL END) \
           FROM ik JOIN realisasi re ON re.iki_id = ik.id \
           LEFT JOIN rencana_aksi ra ON ra.iki_id = ik.id AND ra.periode_ke = re.periode_ke \
           WHERE re.nilai IS NOT NULL), \
         c(top, k, v) AS (SELECT top, k, CASE WHEN arah = 'turun' \
           THEN (2 * target - nilai) / target * 100 ELSE nilai / target * 100 END \
           FROM t WHERE target > 0) \
         SELECT top, k, SUM(CASE WHEN v > 120 THEN 120.0 WHEN v < 0 THEN 0.0 ELSE v END), COUNT(*) \
         FROM c GROUP BY top, k"
    )
}

/// Set predikat of sub-period `{3}` of the period in the subtree (by the unit the evaluation
/// was made in, as the distribution counts them).
pub fn sebaran() -> String {
    format!(
        "{SUBTREE} SELECT x.predikat, COUNT(*) FROM evaluations x JOIN s ON s.id = x.unit_id \
         JOIN skps k ON k.id = x.skp_id WHERE k.period_id = {{2}} AND x.periode_ke = {{3}} \
         AND x.status = 'ditetapkan' AND x.predikat IS NOT NULL GROUP BY x.predikat"
    )
}

/// The surveys of the period in the subtree that are not drafts (only published ones unless
/// `semua`), by unit name; at most 100.
pub fn survei(semua: bool) -> String {
    let publik = if semua {
        ""
    } else {
        " AND sv.dipublikasikan = TRUE"
    };
    format!(
        "{SUBTREE} SELECT sv.id, sv.unit_id, un.nama, sv.judul FROM survei sv \
         JOIN s ON s.id = sv.unit_id JOIN units un ON un.id = sv.unit_id \
         WHERE sv.period_id = {{2}} AND sv.status <> 'draft'{publik} \
         ORDER BY un.nama, sv.judul, sv.id LIMIT 100"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subtree_read_stops_one_past_the_listed_maximum() {
        assert!(BELOW.ends_with(&format!("LIMIT {}", LISTED_MAX + 1)));
    }

    #[test]
    fn placeholders_follow_the_backend() {
        let q = sql(DbBackend::Postgres, "a = {1} AND b = {6}");
        assert_eq!(q, "a = $1 AND b = $6");
        let q = sql(DbBackend::Sqlite, "a = {1} AND b = {6}");
        assert_eq!(q, "a = ?1 AND b = ?6");
    }

    #[test]
    fn a_listed_subtree_numbers_its_values_after_the_fixed_parameters() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let (q, values) = render(
            DbBackend::Postgres,
            "WITH {s} SELECT {2}",
            2,
            &Subtree::Listed(vec![(a, a), (b, a)]),
        );
        assert_eq!(
            q,
            "WITH s(id, top) AS (SELECT * FROM (VALUES ($3, $4), ($5, $6)) v UNION ALL SELECT $1, $1) SELECT $2"
        );
        assert_eq!(values.len(), 4);
        let (q, values) = render(DbBackend::Sqlite, "WITH {s}", 2, &Subtree::Listed(vec![]));
        assert_eq!(q, "WITH s(id, top) AS (SELECT ?1, ?1)");
        assert!(values.is_empty());
    }
}
