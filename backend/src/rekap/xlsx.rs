//! The recaps as XLSX in the layout HR offices use: a title, the instansi, unit, period and
//! print date on top, then one header row ("No" first) and one row per employee. The workbook
//! is built in memory (rust_xlsxwriter has no streaming writer here), so one recap holds at
//! most `service::MAKS_XLSX` rows.

use chrono::{Datelike, NaiveDate};
use kinerja_api::evaluation::{Predikat, Rating};
use kinerja_api::penilaian::DistribusiUnit;
use kinerja_api::planning::StatusSkp;
use kinerja_api::rekap::{
    BarisRekapAngkaKredit, BarisRekapEvaluasi, BarisRekapSkp, KepalaRekap, SebaranRekap,
};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::{AppError, AppResult};

/// A cell.
pub enum Sel {
    Teks(String),
    Angka(f64),
    Kosong,
}

fn teks(s: impl Into<String>) -> Sel {
    Sel::Teks(s.into())
}

fn opsi(s: Option<String>) -> Sel {
    s.map_or(Sel::Kosong, Sel::Teks)
}

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `7 Desember 2026`.
pub fn tanggal(d: NaiveDate) -> String {
    let bulan = BULAN.get(d.month0() as usize).copied().unwrap_or_default();
    format!("{} {bulan} {}", d.day(), d.year())
}

fn tgl(d: Option<NaiveDate>) -> Sel {
    d.map_or(Sel::Kosong, |d| Sel::Teks(tanggal(d)))
}

/// The period line: the year, and the sub-period of a rekap evaluasi.
pub fn label_periode(k: &KepalaRekap) -> String {
    match k.periode_ke {
        Some(0) => format!("Tahun {} (evaluasi tahunan)", k.tahun),
        Some(p) => format!("Tahun {}, periode {p} dari {}", k.tahun, k.jumlah_periode),
        None => format!("Tahun {}", k.tahun),
    }
}

/// The row (0-based) of the header of every recap sheet; data start on the next one.
pub const BARIS_JUDUL_KOLOM: u32 = 6;

fn xlsx_error(e: XlsxError) -> AppError {
    AppError::Unexpected(anyhow::Error::new(e).context("Failed to write the recap XLSX"))
}

/// Title, the four header lines, then the column headers and rows.
fn lembar(
    sheet: &mut Worksheet,
    judul: &str,
    k: &KepalaRekap,
    kolom: &[(&str, f64)],
    baris: &[Vec<Sel>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_background_color("#DCEBF5")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = Format::new().set_num_format("@");
    sheet.write_string_with_format(0, 0, judul, &bold)?;
    for (i, (label, value)) in [
        ("Instansi", k.instansi.clone()),
        ("Unit kerja", k.unit.clone()),
        ("Periode", label_periode(k)),
        ("Dicetak", tanggal(k.dicetak)),
    ]
    .iter()
    .enumerate()
    {
        let r = i as u32 + 1;
        sheet.write_string_with_format(r, 0, *label, &bold)?;
        sheet.write_string(r, 1, value)?;
    }
    for (c, (t, w)) in kolom.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(BARIS_JUDUL_KOLOM, c, *t, &head)?;
        sheet.set_column_width(c, *w)?;
    }
    for (i, row) in baris.iter().enumerate() {
        let r = BARIS_JUDUL_KOLOM + 1 + i as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                Sel::Teks(s) => {
                    sheet.write_string_with_format(r, c, s, &text)?;
                }
                Sel::Angka(x) => {
                    sheet.write_number(r, c, *x)?;
                }
                Sel::Kosong => {}
            }
        }
    }
    sheet.set_freeze_panes(BARIS_JUDUL_KOLOM + 1, 0)?;
    Ok(())
}

fn build(f: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    f(&mut book).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}

/// The SKP status as printed.
pub fn status_skp(s: Option<StatusSkp>) -> &'static str {
    match s {
        None => "Belum dibuat",
        Some(StatusSkp::Draft) => "Draft",
        Some(StatusSkp::Diajukan) => "Diajukan",
        Some(StatusSkp::Disetujui) => "Disetujui",
        Some(StatusSkp::Dikembalikan) => "Dikembalikan",
        Some(StatusSkp::Ditutup) => "Ditutup",
    }
}

/// Rekap SKP: one sheet.
///
/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn skp(k: &KepalaRekap, rows: &[BarisRekapSkp]) -> AppResult<Vec<u8>> {
    let baris: Vec<Vec<Sel>> = rows
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vec![
                Sel::Angka(i as f64 + 1.0),
                teks(&b.nip),
                teks(&b.nama),
                opsi(b.jabatan.clone()),
                opsi(b.unit.clone()),
                teks(status_skp(b.status)),
                b.versi.map_or(Sel::Kosong, |v| Sel::Angka(f64::from(v))),
                tgl(b.diajukan),
                tgl(b.disetujui),
                opsi(b.ppkin_nip.clone()),
                opsi(b.ppkin_nama.clone()),
            ]
        })
        .collect();
    build(|book| {
        let sheet = book.add_worksheet();
        sheet.set_name("Rekap SKP")?;
        lembar(
            sheet,
            "REKAPITULASI SASARAN KINERJA PEGAWAI (SKP)",
            k,
            &[
                ("No", 6.0),
                ("NIP", 21.0),
                ("Nama", 32.0),
                ("Jabatan", 32.0),
                ("Unit Kerja", 30.0),
                ("Status SKP", 14.0),
                ("Versi", 7.0),
                ("Tanggal Diajukan", 18.0),
                ("Tanggal Disetujui", 18.0),
                ("NIP Pejabat Penilai", 21.0),
                ("Nama Pejabat Penilai", 32.0),
            ],
            &baris,
        )
    })
}

fn rating(r: Option<Rating>) -> Sel {
    r.map_or(Sel::Kosong, |r| teks(r.label()))
}

fn predikat(p: Option<Predikat>) -> Sel {
    p.map_or(Sel::Kosong, |p| teks(p.label()))
}

/// Rekap evaluasi: sheet `Rekap Evaluasi` (one row per employee) and sheet `Distribusi`
/// (people per predikat per unit, then the pattern of the organisation predikat).
///
/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn evaluasi(
    k: &KepalaRekap,
    rows: &[BarisRekapEvaluasi],
    per_unit: &[SebaranRekap],
    pola: Option<&DistribusiUnit>,
) -> AppResult<Vec<u8>> {
    let baris: Vec<Vec<Sel>> = rows
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vec![
                Sel::Angka(i as f64 + 1.0),
                teks(&b.nip),
                teks(&b.nama),
                opsi(b.jabatan.clone()),
                opsi(b.unit.clone()),
                rating(b.rating_hasil),
                rating(b.rating_perilaku),
                b.predikat
                    .map_or_else(|| teks("Belum ditetapkan"), |p| teks(p.label())),
                tgl(b.ditetapkan),
            ]
        })
        .collect();
    let count = |n: u32| Sel::Angka(f64::from(n));
    let mut sebaran: Vec<Vec<Sel>> = per_unit
        .iter()
        .enumerate()
        .map(|(i, u)| {
            vec![
                Sel::Angka(i as f64 + 1.0),
                teks(if i == 0 {
                    format!("{} (pegawai langsung)", u.nama)
                } else {
                    u.nama.clone()
                }),
                Sel::Angka(u.jumlah_pegawai as f64),
                count(u.hitungan.sangat_baik),
                count(u.hitungan.baik),
                count(u.hitungan.butuh_perbaikan),
                count(u.hitungan.kurang),
                count(u.hitungan.sangat_kurang),
                Sel::Angka(u.belum_dinilai as f64),
            ]
        })
        .collect();
    let mut catatan: Vec<Vec<Sel>> = Vec::new();
    match pola {
        Some(d) => {
            catatan.push(vec![
                Sel::Kosong,
                teks(format!(
                    "Predikat kinerja organisasi {}: {}",
                    d.unit_nama,
                    d.predikat_organisasi.map_or("-", |p| p.label())
                )),
            ]);
            catatan.push(vec![
                Sel::Kosong,
                teks(format!(
                    "Pegawai dinilai di unit tersebut: {}; pembulatan: {}",
                    d.jumlah_pegawai,
                    d.pembulatan.label()
                )),
            ]);
            for q in &d.kuota {
                catatan.push(vec![
                    Sel::Kosong,
                    teks(format!(
                        "{}: {} (batas {}–{})",
                        q.predikat.label(),
                        q.terpakai,
                        q.min,
                        q.max
                    )),
                ]);
            }
            if d.pelanggaran.is_empty() {
                catatan.push(vec![Sel::Kosong, teks("Distribusi sesuai pola.")]);
            }
            for p in &d.pelanggaran {
                catatan.push(vec![Sel::Kosong, teks(format!("Tidak sesuai pola: {p}"))]);
            }
        }
        None => catatan.push(vec![
            Sel::Kosong,
            teks("Predikat kinerja organisasi belum ditetapkan: distribusi tidak diperiksa."),
        ]),
    }
    sebaran.push(Vec::new());
    sebaran.extend(catatan);
    build(|book| {
        let sheet = book.add_worksheet();
        sheet.set_name("Rekap Evaluasi")?;
        lembar(
            sheet,
            "REKAPITULASI EVALUASI KINERJA PEGAWAI",
            k,
            &[
                ("No", 6.0),
                ("NIP", 21.0),
                ("Nama", 32.0),
                ("Jabatan", 32.0),
                ("Unit Kerja", 30.0),
                ("Rating Hasil Kerja", 20.0),
                ("Rating Perilaku Kerja", 20.0),
                ("Predikat Kinerja", 18.0),
                ("Tanggal Ditetapkan", 18.0),
            ],
            &baris,
        )?;
        let sheet = book.add_worksheet();
        sheet.set_name("Distribusi")?;
        lembar(
            sheet,
            "DISTRIBUSI PREDIKAT KINERJA PEGAWAI PER UNIT",
            k,
            &[
                ("No", 6.0),
                ("Unit Kerja", 40.0),
                ("Jumlah Pegawai", 10.0),
                ("Sangat Baik", 10.0),
                ("Baik", 10.0),
                ("Butuh Perbaikan", 10.0),
                ("Kurang/Misconduct", 10.0),
                ("Sangat Kurang", 10.0),
                ("Belum Dinilai", 10.0),
            ],
            &sebaran,
        )
    })
}

/// Rekap angka kredit: one sheet.
///
/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn angka_kredit(k: &KepalaRekap, rows: &[BarisRekapAngkaKredit]) -> AppResult<Vec<u8>> {
    let baris: Vec<Vec<Sel>> = rows
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vec![
                Sel::Angka(i as f64 + 1.0),
                teks(&b.nip),
                teks(&b.nama),
                opsi(b.jabatan.clone()),
                teks(&b.jenjang),
                opsi(b.unit.clone()),
                Sel::Angka(b.koefisien),
                predikat(b.predikat_tahunan),
                Sel::Angka(f64::from(b.periode_dinilai)),
                Sel::Angka(f64::from(b.bulan)),
                b.angka_kredit.map_or(Sel::Kosong, Sel::Angka),
            ]
        })
        .collect();
    build(|book| {
        let sheet = book.add_worksheet();
        sheet.set_name("Rekap Angka Kredit")?;
        lembar(
            sheet,
            "REKAPITULASI KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT",
            k,
            &[
                ("No", 6.0),
                ("NIP", 21.0),
                ("Nama", 32.0),
                ("Jabatan", 32.0),
                ("Jenjang", 16.0),
                ("Unit Kerja", 30.0),
                ("Koefisien Tahunan", 12.0),
                ("Predikat Tahunan", 18.0),
                ("Periode Dinilai", 10.0),
                ("Jumlah Bulan", 10.0),
                ("Angka Kredit", 12.0),
            ],
            &baris,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_in_indonesian() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(tanggal(d), "7 Desember 2026");
    }
}
