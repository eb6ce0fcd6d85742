//! The recaps of a unit and below (docs/rekap.md). Who reads what is the dashboard's rule
//! (`crate::dasbor::service::konteks`): the HR office any unit of the instansi, a pimpinan their
//! unit and below (another unit is 404); the national export is the HR office's only.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use kinerja_api::auth::Permission;
use kinerja_api::employees::full_name;
use kinerja_api::evaluation::{self as rules, Hitungan, Predikat, Rating};
use kinerja_api::planning::StatusSkp;
use kinerja_api::rekap::{
    AlasanTidakSiap, BarisRekapAngkaKredit, BarisRekapEvaluasi, BarisRekapSkp, BarisSiasn,
    KepalaRekap, RekapAngkaKredit, RekapEvaluasi, RekapQuery, RekapSkp, SebaranRekap, TidakSiap,
    VERSI_SIASN, ValidasiSiasn,
};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QueryResult, Value,
};
use uuid::Uuid;

use super::sql;
use crate::auth::Viewer;
use crate::dasbor::service::{Konteks, konteks, statement};
use crate::dasbor::sql::Subtree;
use crate::entities::{instansi, units};
use crate::error::{AppError, AppResult};
use crate::evaluation::service::Kebijakan;

/// At most this many rows in one XLSX recap (the workbook is built in memory).
pub const MAKS_XLSX: u64 = 20_000;

/// The unit, period and instansi a recap reads.
pub(crate) struct Lingkup {
    pub(crate) c: Konteks,
    pub(crate) subtree: Subtree,
    pub instansi: String,
    /// The instansi's offset from UTC, for local days.
    pub offset: i32,
}

/// The unit asked for (or the viewer's default) if the viewer may read it, and the period.
///
/// # Errors
/// `NotFound` for a unit outside the viewer's reach; `Validation` on `periode_id`.
pub(crate) async fn lingkup(
    db: &DatabaseConnection,
    viewer: &Viewer,
    unit_id: Option<Uuid>,
    periode_id: Option<Uuid>,
) -> AppResult<Lingkup> {
    let c = konteks(db, viewer, unit_id, periode_id).await?;
    let subtree = crate::dasbor::service::subtree_of(db, c.root.id).await?;
    let instansi = instansi::Entity::find_by_id(c.root.instansi_id)
        .one(db)
        .await?
        .map(|i| i.nama)
        .unwrap_or_default();
    let offset = crate::clock::instansi_offset(db, c.root.instansi_id).await?;
    Ok(Lingkup {
        c,
        subtree,
        instansi,
        offset,
    })
}

/// The national export and its validation are the HR office's.
///
/// # Errors
/// `Forbidden` for anyone who does not read every employee.
pub(crate) fn boleh_ekspor(viewer: &Viewer) -> AppResult<()> {
    if viewer.can(Permission::ReadAllEmployees) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Lower-case ASCII words joined by `-`, for file names.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

impl Lingkup {
    /// The recap's header; `jenis` names the file (`rekap-skp`, …), `ext` its extension.
    pub fn kepala(&self, jenis: &str, periode_ke: Option<i32>, ext: &str) -> KepalaRekap {
        let sub = match periode_ke {
            Some(0) => "-tahunan".to_owned(),
            Some(k) => format!("-periode-{k}"),
            None => String::new(),
        };
        KepalaRekap {
            instansi: self.instansi.clone(),
            unit_id: self.c.root.id,
            unit: self.c.root.nama.clone(),
            periode_id: self.c.period.id,
            tahun: self.c.period.tahun,
            periode_ke,
            jumlah_periode: self.c.n,
            dicetak: self.c.today,
            nama_berkas: format!(
                "{jenis}-{}-{}{sub}.{ext}",
                slug(&self.c.root.nama),
                self.c.period.tahun
            ),
        }
    }

    fn hari(&self, at: Option<DateTime<Utc>>) -> Option<NaiveDate> {
        at.map(|t| crate::clock::local_day(t, self.offset))
    }
}

/// A statement for `db`'s backend over the lingkup's subtree: unit, period, then `more`.
fn stmt(db: &DatabaseConnection, l: &Lingkup, text: &str, more: Vec<Value>) -> sea_orm::Statement {
    let mut values = vec![Value::from(l.c.root.id), Value::from(l.c.period.id)];
    values.extend(more);
    statement(db.get_database_backend(), text, values, &l.subtree)
}

fn count(v: Option<i64>) -> u64 {
    u64::try_from(v.unwrap_or(0)).unwrap_or(0)
}

/// Name, NIP, position and unit from the first seven columns of [`sql::ORANG`].
struct Orang {
    id: Uuid,
    nip: String,
    nama: String,
    jabatan: Option<String>,
    unit: Option<String>,
}

fn orang(r: &QueryResult) -> AppResult<Orang> {
    let depan: Option<String> = r.try_get_by_index(3)?;
    let nama: String = r.try_get_by_index(2)?;
    let belakang: Option<String> = r.try_get_by_index(4)?;
    Ok(Orang {
        id: r.try_get_by_index(0)?,
        nip: r.try_get_by_index(1)?,
        nama: full_name(depan.as_deref(), &nama, belakang.as_deref()),
        jabatan: r.try_get_by_index(5)?,
        unit: r.try_get_by_index(6)?,
    })
}

fn limit(n: u64) -> Value {
    Value::from(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Rows of the rekap SKP, `n` from `offset`, and the total.
///
/// # Errors
/// On a database failure.
pub(crate) async fn skp_baris(
    db: &DatabaseConnection,
    l: &Lingkup,
    n: u64,
    offset: u64,
) -> AppResult<(Vec<BarisRekapSkp>, u64)> {
    let rows = db
        .query_all_raw(stmt(db, l, &sql::skp(), vec![limit(n), limit(offset)]))
        .await?;
    let mut total = 0;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let o = orang(r)?;
        let status: Option<String> = r.try_get_by_index(7)?;
        let p_nama: Option<String> = r.try_get_by_index(12)?;
        let p_depan: Option<String> = r.try_get_by_index(13)?;
        let p_belakang: Option<String> = r.try_get_by_index(14)?;
        total = count(r.try_get_by_index::<Option<i64>>(15)?);
        out.push(BarisRekapSkp {
            employee_id: o.id,
            nip: o.nip,
            nama: o.nama,
            jabatan: o.jabatan,
            unit: o.unit,
            status: status.as_deref().and_then(StatusSkp::parse),
            versi: r.try_get_by_index(8)?,
            diajukan: l.hari(r.try_get_by_index(9)?),
            disetujui: l.hari(r.try_get_by_index(10)?),
            ppkin_nip: r.try_get_by_index(11)?,
            ppkin_nama: p_nama.map(|n| full_name(p_depan.as_deref(), &n, p_belakang.as_deref())),
        });
    }
    Ok((out, total))
}

/// `GET /rekap/skp`: a page of the rekap SKP.
///
/// # Errors
/// As [`lingkup`].
pub(crate) async fn skp(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: RekapQuery,
    page: PageQuery,
) -> AppResult<RekapSkp> {
    let l = lingkup(db, viewer, q.unit_id, q.periode_id).await?;
    let (items, total) = skp_baris(db, &l, page.per_page, page.offset()).await?;
    Ok(RekapSkp {
        kepala: l.kepala("rekap-skp", None, "xlsx"),
        baris: Page::new(items, page, total),
    })
}

/// The sub-period of a rekap evaluasi: asked for (checked against the rhythm), else the last
/// ended one, else the annual evaluation.
///
/// # Errors
/// `Validation` on `periode_ke` outside the period's rhythm.
pub(crate) fn periode_ke(l: &Lingkup, k: Option<i32>) -> AppResult<i32> {
    match k {
        Some(k) => {
            crate::evaluation::service::check_periode(&l.c.period, k)?;
            Ok(k)
        }
        None => Ok(l.c.k.unwrap_or(0)),
    }
}

/// Rows of the rekap evaluasi of sub-period `k`, `n` from `offset`, and the total.
///
/// # Errors
/// On a database failure.
pub(crate) async fn evaluasi_baris(
    db: &DatabaseConnection,
    l: &Lingkup,
    k: i32,
    n: u64,
    offset: u64,
) -> AppResult<(Vec<BarisRekapEvaluasi>, u64)> {
    let rows = db
        .query_all_raw(stmt(
            db,
            l,
            &sql::evaluasi(),
            vec![Value::from(k), limit(n), limit(offset)],
        ))
        .await?;
    let mut total = 0;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let o = orang(r)?;
        let rh: Option<String> = r.try_get_by_index(7)?;
        let rp: Option<String> = r.try_get_by_index(8)?;
        let pr: Option<String> = r.try_get_by_index(9)?;
        total = count(r.try_get_by_index::<Option<i64>>(11)?);
        out.push(BarisRekapEvaluasi {
            employee_id: o.id,
            nip: o.nip,
            nama: o.nama,
            jabatan: o.jabatan,
            unit: o.unit,
            rating_hasil: rh.as_deref().and_then(Rating::parse),
            rating_perilaku: rp.as_deref().and_then(Rating::parse),
            predikat: pr.as_deref().and_then(Predikat::parse),
            ditetapkan: l.hari(r.try_get_by_index(10)?),
        });
    }
    Ok((out, total))
}

/// The unit's own staff, then each active direct sub-unit with everything below it: people
/// per set predikat of sub-period `k` (one statement), and the distribution check of the
/// organisation predikat that governs the unit (`evaluation::organisasi::distribusi`).
///
/// # Errors
/// On a database failure.
pub(crate) async fn sebaran(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    l: &Lingkup,
    k: i32,
) -> AppResult<(
    Vec<SebaranRekap>,
    Option<kinerja_api::penilaian::DistribusiUnit>,
)> {
    let kids = units::Entity::find()
        .filter(units::Column::ParentId.eq(l.c.root.id))
        .filter(units::Column::Aktif.eq(true))
        .order_by_asc(units::Column::Nama)
        .all(db)
        .await?;
    let rows = db
        .query_all_raw(stmt(db, l, &sql::evaluasi_per_unit(), vec![Value::from(k)]))
        .await?;
    let mut per: HashMap<Uuid, SebaranRekap> = HashMap::new();
    for r in &rows {
        let top: Uuid = r.try_get_by_index(0)?;
        let p: Option<String> = r.try_get_by_index(1)?;
        let n = count(r.try_get_by_index::<Option<i64>>(2)?);
        let e = per.entry(top).or_insert_with(|| SebaranRekap {
            unit_id: top,
            nama: String::new(),
            jumlah_pegawai: 0,
            hitungan: Hitungan::default(),
            belum_dinilai: 0,
        });
        e.jumlah_pegawai += n;
        match p.as_deref().and_then(Predikat::parse) {
            Some(p) => {
                for _ in 0..n {
                    e.hitungan.tambah(p);
                }
            }
            None => e.belum_dinilai += n,
        }
    }
    let mut out = Vec::with_capacity(kids.len() + 1);
    for (id, nama) in std::iter::once((l.c.root.id, l.c.root.nama.clone()))
        .chain(kids.into_iter().map(|u| (u.id, u.nama)))
    {
        let mut line = per.remove(&id).unwrap_or(SebaranRekap {
            unit_id: id,
            nama: String::new(),
            jumlah_pegawai: 0,
            hitungan: Hitungan::default(),
            belum_dinilai: 0,
        });
        line.nama = nama;
        out.push(line);
    }
    let pola = crate::evaluation::organisasi::distribusi(
        db,
        kebijakan,
        l.c.root.id,
        l.c.period.id,
        k,
        None,
    )
    .await?;
    Ok((out, pola))
}

/// `GET /rekap/evaluasi`.
///
/// # Errors
/// As [`lingkup`] and [`periode_ke`].
pub(crate) async fn evaluasi(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    q: RekapQuery,
    page: PageQuery,
) -> AppResult<RekapEvaluasi> {
    let l = lingkup(db, viewer, q.unit_id, q.periode_id).await?;
    let k = periode_ke(&l, q.periode_ke)?;
    let (items, total) = evaluasi_baris(db, &l, k, page.per_page, page.offset()).await?;
    let (per_unit, pola) = sebaran(db, kebijakan, &l, k).await?;
    Ok(RekapEvaluasi {
        kepala: l.kepala("rekap-evaluasi", Some(k), "xlsx"),
        baris: Page::new(items, page, total),
        per_unit,
        pola,
    })
}

/// Rows of the rekap angka kredit, `n` JF employees from `offset`, and their total. The
/// arithmetic is `crate::evaluation::kredit`'s: the annual predikat × the coefficient when set,
/// else each set sub-period's predikat for its months (the latest SKP version's per
/// sub-period).
///
/// # Errors
/// On a database failure.
pub(crate) async fn angka_kredit_baris(
    db: &DatabaseConnection,
    l: &Lingkup,
    n: u64,
    offset: u64,
) -> AppResult<(Vec<BarisRekapAngkaKredit>, u64)> {
    let rows = db
        .query_all_raw(stmt(
            db,
            l,
            &sql::angka_kredit(),
            vec![limit(n), limit(offset)],
        ))
        .await?;
    let months = u32::try_from(12 / l.c.n.max(1)).unwrap_or(1);
    let mut total = 0;
    let mut out: Vec<BarisRekapAngkaKredit> = Vec::new();
    // Per employee: sub-period → (SKP version, predikat), the latest version winning.
    let mut nilai: Vec<BTreeMap<i32, (i32, Predikat)>> = Vec::new();
    for r in &rows {
        let id: Uuid = r.try_get_by_index(0)?;
        if out.last().is_none_or(|b| b.employee_id != id) {
            let o = orang(r)?;
            total = count(r.try_get_by_index::<Option<i64>>(9)?);
            out.push(BarisRekapAngkaKredit {
                employee_id: o.id,
                nip: o.nip,
                nama: o.nama,
                jabatan: o.jabatan,
                unit: o.unit,
                jenjang: r.try_get_by_index(7)?,
                koefisien: r.try_get_by_index(8)?,
                predikat_tahunan: None,
                periode_dinilai: 0,
                bulan: 0,
                angka_kredit: None,
            });
            nilai.push(BTreeMap::new());
        }
        let k: Option<i32> = r.try_get_by_index(10)?;
        let versi: Option<i32> = r.try_get_by_index(11)?;
        let p: Option<String> = r.try_get_by_index(12)?;
        if let (Some(k), Some(versi), Some(p), Some(map)) = (
            k,
            versi,
            p.as_deref().and_then(Predikat::parse),
            nilai.last_mut(),
        ) && map.get(&k).is_none_or(|(v, _)| *v <= versi)
        {
            map.insert(k, (versi, p));
        }
    }
    for (b, map) in out.iter_mut().zip(nilai) {
        b.predikat_tahunan = map.get(&0).map(|(_, p)| *p);
        let lines: Vec<(Predikat, u32)> = map
            .iter()
            .filter(|(k, _)| **k > 0)
            .map(|(_, (_, p))| (*p, months))
            .collect();
        b.periode_dinilai = u32::try_from(lines.len()).unwrap_or(0);
        if let Some(p) = b.predikat_tahunan {
            b.bulan = 12;
            b.angka_kredit = Some(rules::angka_kredit(p, b.koefisien, 12));
        } else if !lines.is_empty() {
            b.bulan = lines.iter().map(|(_, m)| m).sum();
            b.angka_kredit = Some(rules::angka_kredit_jumlah(&lines, b.koefisien));
        }
    }
    Ok((out, total))
}

/// `GET /rekap/angka-kredit`.
///
/// # Errors
/// As [`lingkup`].
pub(crate) async fn angka_kredit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: RekapQuery,
    page: PageQuery,
) -> AppResult<RekapAngkaKredit> {
    let l = lingkup(db, viewer, q.unit_id, q.periode_id).await?;
    let (items, total) = angka_kredit_baris(db, &l, page.per_page, page.offset()).await?;
    Ok(RekapAngkaKredit {
        kepala: l.kepala("rekap-angka-kredit", None, "xlsx"),
        baris: Page::new(items, page, total),
    })
}

/// Refuses an XLSX recap of more than [`MAKS_XLSX`] rows.
///
/// # Errors
/// `Validation` on `unit_id`.
pub(crate) fn batas_xlsx(total: u64) -> AppResult<()> {
    if total > MAKS_XLSX {
        Err(AppError::field(
            "unit_id",
            Pesan::RekapTerlaluBesar {
                maks: MAKS_XLSX.to_string(),
            },
        ))
    } else {
        Ok(())
    }
}

/// One employee as the export reads them.
pub(crate) struct Siasn {
    pub id: Uuid,
    pub nip: String,
    pub nama: String,
    pub unit: Option<String>,
    pub alasan: Vec<AlasanTidakSiap>,
    pub baris: Option<BarisSiasn>,
}

fn siasn(l: &Lingkup, r: &QueryResult) -> AppResult<Siasn> {
    let depan: Option<String> = r.try_get_by_index(3)?;
    let nama: String = r.try_get_by_index(2)?;
    let belakang: Option<String> = r.try_get_by_index(4)?;
    let ok: i32 = r.try_get_by_index(6)?;
    let ev: i32 = r.try_get_by_index(7)?;
    let rh: Option<String> = r.try_get_by_index(8)?;
    let rp: Option<String> = r.try_get_by_index(9)?;
    let pr: Option<String> = r.try_get_by_index(10)?;
    let pnip: Option<String> = r.try_get_by_index(11)?;
    let kb: i32 = r.try_get_by_index(12)?;
    let rh = rh.as_deref().and_then(Rating::parse);
    let rp = rp.as_deref().and_then(Rating::parse);
    let pr = pr.as_deref().and_then(Predikat::parse);
    let mut alasan = Vec::new();
    if ok == 0 {
        alasan.push(AlasanTidakSiap::SkpBelumDisetujui);
    }
    if ev == 0 {
        alasan.push(AlasanTidakSiap::EvaluasiTahunanBelum);
    } else if rh.is_none() || rp.is_none() || pr.is_none() {
        alasan.push(AlasanTidakSiap::NilaiTidakLengkap);
    }
    if pnip.is_none() {
        alasan.push(AlasanTidakSiap::PpkinTidakDiketahui);
    }
    if kb == 1 {
        alasan.push(AlasanTidakSiap::KeberatanTerbuka);
    }
    let nip: String = r.try_get_by_index(1)?;
    let nama = full_name(depan.as_deref(), &nama, belakang.as_deref());
    let baris = match (alasan.is_empty(), rh, rp, pr, pnip) {
        (true, Some(rh), Some(rp), Some(pr), Some(pnip)) => Some(BarisSiasn {
            versi: VERSI_SIASN.to_owned(),
            nip: nip.clone(),
            nama: nama.clone(),
            tahun: l.c.period.tahun,
            periode_mulai: l.c.period.mulai,
            periode_selesai: l.c.period.selesai,
            rating_hasil_kerja: rh,
            rating_perilaku_kerja: rp,
            predikat_kinerja: pr,
            nip_pejabat_penilai: pnip,
        }),
        _ => None,
    };
    Ok(Siasn {
        id: r.try_get_by_index(0)?,
        nip,
        nama,
        unit: r.try_get_by_index(5)?,
        alasan,
        baris,
    })
}

/// One keyset page of the export: the next `n` active employees by NIP after `setelah`, and
/// the last NIP read (none when the page was the last).
///
/// # Errors
/// On a database failure.
pub(crate) async fn siasn_halaman(
    db: &DatabaseConnection,
    l: &Lingkup,
    setelah: &str,
    n: u64,
) -> AppResult<(Vec<BarisSiasn>, Option<String>)> {
    let rows = db
        .query_all_raw(stmt(
            db,
            l,
            &sql::siasn_halaman(),
            vec![Value::from(setelah.to_owned()), limit(n)],
        ))
        .await?;
    let mut last = None;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let s = siasn(l, r)?;
        last = Some(s.nip.clone());
        out.extend(s.baris);
    }
    let penuh = u64::try_from(rows.len()).unwrap_or(0) >= n;
    Ok((out, last.filter(|_| penuh)))
}

/// `GET /rekap/siasn/validasi`: who cannot be exported yet, and why.
///
/// # Errors
/// `Forbidden` for anyone but the HR office; as [`lingkup`].
pub(crate) async fn validasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: RekapQuery,
    page: PageQuery,
) -> AppResult<ValidasiSiasn> {
    boleh_ekspor(viewer)?;
    let l = lingkup(db, viewer, q.unit_id, q.periode_id).await?;
    let jumlah = db
        .query_one_raw(stmt(db, &l, &sql::siasn_jumlah(), vec![]))
        .await?;
    let (semua, siap) = match jumlah {
        Some(r) => (
            count(r.try_get_by_index::<Option<i64>>(0)?),
            count(r.try_get_by_index::<Option<i64>>(1)?),
        ),
        None => (0, 0),
    };
    let rows = db
        .query_all_raw(stmt(
            db,
            &l,
            &sql::siasn_tidak_siap(),
            vec![limit(page.per_page), limit(page.offset())],
        ))
        .await?;
    let mut total = 0;
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        let s = siasn(&l, r)?;
        total = count(r.try_get_by_index::<Option<i64>>(13)?);
        items.push(TidakSiap {
            employee_id: s.id,
            nip: s.nip,
            nama: s.nama,
            unit: s.unit,
            alasan: s.alasan,
        });
    }
    Ok(ValidasiSiasn {
        kepala: l.kepala("siasn-kinerja", None, "csv"),
        versi: VERSI_SIASN.to_owned(),
        jumlah_pegawai: semua,
        siap,
        tidak_siap: Page::new(items, page, total),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_ascii_words_of_the_unit() {
        assert_eq!(slug("Kecamatan Cipocok Jaya"), "kecamatan-cipocok-jaya");
        assert_eq!(
            slug("  Sub-bagian (Umum) & Kepegawaian "),
            "sub-bagian-umum-kepegawaian"
        );
    }
}
