//! A survey's result from SQL aggregates: per group, the number of responses and, per unsur,
//! the count and sum of the answers (`COUNT(u)`, `SUM(u)`), turned into NRR and IKM by
//! [`ikm::hitung_dari_jumlah`]. The database reads the responses; the server only receives a
//! row per group, never the responses themselves: on PostgreSQL one scan with `GROUPING SETS`
//! gives every service and profile group of a survey (docs/ikm.md, "Results from aggregates").

use std::collections::HashMap;

use kinerja_api::ikm::{self, HasilIkm, JUMLAH_UNSUR, JumlahUnsur, ParameterIkm};
use kinerja_api::survei::{
    HasilLayanan, HasilSurvei, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan,
};
use kinerja_api::survei_tindak::{DimensiProfil, HasilKelompok, HasilProfil};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryResult, Statement, TryGetable, Value,
};
use uuid::Uuid;

use crate::entities::{survei, survei_respons};
use crate::error::AppResult;

/// The responses of one group summed per unsur.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Jumlah {
    pub responden: u32,
    pub unsur: [JumlahUnsur; JUMLAH_UNSUR],
}

impl Jumlah {
    fn tambah(&mut self, lain: &Jumlah) {
        self.responden = self.responden.saturating_add(lain.responden);
        for (a, b) in self.unsur.iter_mut().zip(lain.unsur) {
            *a = a.tambah(b);
        }
    }

    pub(crate) fn hasil(&self, populasi: Option<u32>) -> HasilIkm {
        ikm::hitung_dari_jumlah(
            self.responden,
            &self.unsur,
            populasi,
            &ParameterIkm::default(),
        )
    }
}

/// A response counts when it is not void and valid as `ikm::Respons::baru` would take it: every
/// answer blank or 1–4, at least one given. The public form and the import only store valid
/// rows; this keeps a row edited by hand in the database out, as the per-response computation
/// did.
const SAH: &str = "dibatalkan_at IS NULL \
     AND (u1 IS NULL OR u1 BETWEEN 1 AND 4) AND (u2 IS NULL OR u2 BETWEEN 1 AND 4) \
     AND (u3 IS NULL OR u3 BETWEEN 1 AND 4) AND (u4 IS NULL OR u4 BETWEEN 1 AND 4) \
     AND (u5 IS NULL OR u5 BETWEEN 1 AND 4) AND (u6 IS NULL OR u6 BETWEEN 1 AND 4) \
     AND (u7 IS NULL OR u7 BETWEEN 1 AND 4) AND (u8 IS NULL OR u8 BETWEEN 1 AND 4) \
     AND (u9 IS NULL OR u9 BETWEEN 1 AND 4) \
     AND COALESCE(u1, u2, u3, u4, u5, u6, u7, u8, u9) IS NOT NULL";

/// What the responses are grouped by. A closed list: the column name goes into the SQL text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Menurut {
    Survei,
    Layanan,
    Profil(DimensiProfil),
}

impl Menurut {
    fn kolom(self) -> &'static str {
        match self {
            Menurut::Survei => "survei_id",
            Menurut::Layanan => "layanan",
            Menurut::Profil(DimensiProfil::JenisKelamin) => "jenis_kelamin",
            Menurut::Profil(DimensiProfil::Usia) => "usia",
            Menurut::Profil(DimensiProfil::Pendidikan) => "pendidikan",
            Menurut::Profil(DimensiProfil::Pekerjaan) => "pekerjaan",
        }
    }
}

fn as_u32(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// The counted responses of `survei_ids` per group of `menurut`: one grouped query, one row
/// per group.
///
/// # Errors
/// On a database failure.
pub(crate) async fn per_kelompok<K: TryGetable>(
    db: &impl ConnectionTrait,
    survei_ids: &[Uuid],
    menurut: Menurut,
) -> AppResult<Vec<(K, Jumlah)>> {
    if survei_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = crate::sql::Sql::new(db);
    let ids = sql.is_in("survei_id", survei_ids.iter().copied());
    let g = menurut.kolom();
    let text = format!(
        "SELECT {g}, COUNT(*), {} FROM survei_respons WHERE {ids} AND {SAH} GROUP BY {g}",
        kolom_jumlah(),
    );
    let rows = db.query_all_raw(sql.stmt(text)).await?;
    rows.iter()
        .map(|r| Ok((r.try_get_by_index::<K>(0)?, jumlah_dari(r, 1)?)))
        .collect()
}

/// `COUNT(*)` then `COUNT(u)`, `SUM(u)` for U1..U9, from column `mulai` on.
fn jumlah_dari(r: &QueryResult, mulai: usize) -> Result<Jumlah, DbErr> {
    let responden = as_u32(r.try_get_by_index::<i64>(mulai)?);
    let mut unsur = [JumlahUnsur::default(); JUMLAH_UNSUR];
    for (i, j) in unsur.iter_mut().enumerate() {
        let n = r.try_get_by_index::<i64>(mulai + 1 + 2 * i)?;
        let sum = r.try_get_by_index::<i64>(mulai + 2 + 2 * i)?;
        *j = JumlahUnsur {
            jumlah_jawaban: as_u32(n),
            total_nilai: u64::try_from(sum).unwrap_or(0),
        };
    }
    Ok(Jumlah { responden, unsur })
}

fn kolom_jumlah() -> String {
    (1..=JUMLAH_UNSUR)
        .map(|u| format!("COUNT(u{u}), COALESCE(SUM(u{u}), 0)"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One survey's totals per service, and per group of each profile question (in
/// [`DimensiProfil::ALL`] order).
type PerKelompok = (HashMap<String, Jumlah>, Vec<(DimensiProfil, Kelompok)>);

/// The groups of one profile question: the stored answer (none: left blank) and its totals.
type Kelompok = Vec<(Option<String>, Jumlah)>;

/// The totals per service and per profile group of one survey. PostgreSQL does it in one scan
/// with `GROUPING SETS`; SQLite, which has none, in one grouped query per grouping.
async fn per_layanan_dan_profil(db: &impl ConnectionTrait, id: Uuid) -> AppResult<PerKelompok> {
    if db.get_database_backend() != DbBackend::Postgres {
        let layanan = per_kelompok::<String>(db, &[id], Menurut::Layanan)
            .await?
            .into_iter()
            .collect();
        let mut profil = Vec::with_capacity(DimensiProfil::ALL.len());
        for &d in DimensiProfil::ALL {
            profil.push((d, per_kelompok(db, &[id], Menurut::Profil(d)).await?));
        }
        return Ok((layanan, profil));
    }
    // GROUPING(...) is a bit mask with a 1 for each column not grouped in the row's set.
    let sql = format!(
        "SELECT GROUPING(layanan, jenis_kelamin, usia, pendidikan, pekerjaan), layanan, \
         jenis_kelamin, usia, pendidikan, pekerjaan, COUNT(*), {} FROM survei_respons \
         WHERE survei_id = $1 AND {SAH} GROUP BY GROUPING SETS \
         ((layanan), (jenis_kelamin), (usia), (pendidikan), (pekerjaan))",
        kolom_jumlah()
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [Value::from(id)],
        ))
        .await?;
    let mut layanan = HashMap::new();
    let mut profil: Vec<(DimensiProfil, Kelompok)> = DimensiProfil::ALL
        .iter()
        .map(|&d| (d, Vec::new()))
        .collect();
    for r in &rows {
        let mask = r.try_get_by_index::<i32>(0)?;
        let j = jumlah_dari(r, 6)?;
        // Set (layanan) is 0b01111; (jenis_kelamin) 0b10111; … (pekerjaan) 0b11110.
        match mask {
            0b01111 => {
                layanan.insert(r.try_get_by_index::<String>(1)?, j);
            }
            _ => {
                let Some(i) = (0..4).find(|i| mask == 0b11111 ^ (0b01000 >> i)) else {
                    continue;
                };
                let nilai = r.try_get_by_index::<Option<String>>(2 + i)?;
                profil[i].1.push((nilai, j));
            }
        }
    }
    Ok((layanan, profil))
}

/// The totals of each survey of `survei_ids` (absent: no counted response).
///
/// # Errors
/// On a database failure.
pub(crate) async fn per_survei(
    db: &impl ConnectionTrait,
    survei_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Jumlah>> {
    Ok(per_kelompok::<Uuid>(db, survei_ids, Menurut::Survei)
        .await?
        .into_iter()
        .collect())
}

/// The wire values of a profile question's choices, in the form's order.
fn urutan(dimensi: DimensiProfil) -> Vec<&'static str> {
    match dimensi {
        DimensiProfil::JenisKelamin => JenisKelamin::ALL.iter().map(|v| v.as_str()).collect(),
        DimensiProfil::Usia => KelompokUsia::ALL.iter().map(|v| v.as_str()).collect(),
        DimensiProfil::Pendidikan => Pendidikan::ALL.iter().map(|v| v.as_str()).collect(),
        DimensiProfil::Pekerjaan => Pekerjaan::ALL.iter().map(|v| v.as_str()).collect(),
    }
}

fn kelompok(nilai: Option<String>, j: &Jumlah) -> HasilKelompok {
    let hasil = j.hasil(None);
    HasilKelompok {
        nilai,
        ikm_tampil: hasil.ikm_tampil(),
        hasil,
    }
}

/// The groups of one profile question that have responses: the choices in order, then any
/// other stored value, then the blank group.
fn profil(dimensi: DimensiProfil, rows: Kelompok) -> HasilProfil {
    let mut per: HashMap<Option<String>, Jumlah> = rows.into_iter().collect();
    let mut out = Vec::with_capacity(per.len());
    for v in urutan(dimensi) {
        if let Some(j) = per.remove(&Some(v.to_owned())) {
            out.push(kelompok(Some(v.to_owned()), &j));
        }
    }
    let kosong = per.remove(&None);
    let mut lain: Vec<(Option<String>, Jumlah)> = per.into_iter().collect();
    lain.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(lain.iter().map(|(k, j)| kelompok(k.clone(), j)));
    if let Some(j) = kosong {
        out.push(kelompok(None, &j));
    }
    HasilProfil {
        dimensi,
        kelompok: out,
    }
}

/// The result of survey `s`: overall (with its population), per service (in the order of
/// `layanan`, the survey's services, then services no longer listed that still have responses) and per profile group.
///
/// # Errors
/// On a database failure.
pub(crate) async fn hasil_survei(
    db: &impl ConnectionTrait,
    s: &survei::Model,
    layanan: Vec<String>,
) -> AppResult<HasilSurvei> {
    let (per_layanan, profil_rows) = per_layanan_dan_profil(db, s.id).await?;
    // The whole survey is the sum of its services: exact integer sums, no second scan.
    let mut semua = Jumlah::default();
    for j in per_layanan.values() {
        semua.tambah(j);
    }
    let dibatalkan = survei_respons::Entity::find()
        .filter(survei_respons::Column::SurveiId.eq(s.id))
        .filter(survei_respons::Column::DibatalkanAt.is_not_null())
        .count(db)
        .await?;
    let mut urutan_layanan = layanan;
    let mut lain: Vec<String> = per_layanan
        .keys()
        .filter(|k| !urutan_layanan.contains(k))
        .cloned()
        .collect();
    lain.sort();
    urutan_layanan.extend(lain);
    let per_layanan = urutan_layanan
        .into_iter()
        .map(|layanan| {
            let h = per_layanan
                .get(&layanan)
                .copied()
                .unwrap_or_default()
                .hasil(None);
            HasilLayanan {
                layanan,
                ikm_tampil: h.ikm_tampil(),
                hasil: h,
            }
        })
        .collect();
    let per_profil = profil_rows
        .into_iter()
        .map(|(d, rows)| profil(d, rows))
        .collect();
    let populasi = s.populasi.and_then(|p| u32::try_from(p).ok());
    let hasil = semua.hasil(populasi);
    Ok(HasilSurvei {
        survei_id: s.id,
        ikm_tampil: hasil.ikm_tampil(),
        hasil,
        dibatalkan,
        per_layanan,
        per_profil,
    })
}
