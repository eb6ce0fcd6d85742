//! The plan as the XLSX an HR office submits: a header with the instansi, year, version and
//! status, then per unit and per competency the items, a subtotal per competency and per unit,
//! and the grand total (docs/pengembangan.md).

use std::collections::BTreeMap;

use kinerja_api::pengembangan::{BentukPengembangan, Jalur, KelompokKompetensi};
use kinerja_api::pengembangan_rencana::{ItemRencana, StatusRencana};
use kinerja_api::pesan::BULAN;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::service::DataXlsx;
use crate::error::{AppError, AppResult};

/// The table's columns: header and width.
const KOLOM: [(&str, f64); 12] = [
    ("No", 5.0),
    ("Unit kerja", 30.0),
    ("Kompetensi", 32.0),
    ("Kelompok", 14.0),
    ("Nama pegawai", 30.0),
    ("NIP", 20.0),
    ("Bentuk", 18.0),
    ("Jalur", 13.0),
    ("Penyelenggara", 26.0),
    ("Bulan", 11.0),
    ("JP", 8.0),
    ("Anggaran (Rp)", 16.0),
];
const JP: u16 = 10;
const ANGGARAN: u16 = 11;

fn xlsx_error(e: XlsxError) -> AppError {
    AppError::Unexpected(anyhow::Error::new(e).context("Failed to write the development plan XLSX"))
}

/// Words for a snake_case value: `e_learning` → "E learning".
fn kata(s: &str) -> String {
    let s = s.replace('_', " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn bentuk(b: BentukPengembangan) -> String {
    match b {
        BentukPengembangan::ELearning => "E-learning".to_owned(),
        _ => kata(b.as_str()),
    }
}

fn jalur(j: Jalur) -> String {
    kata(j.as_str())
}

fn kelompok(k: KelompokKompetensi) -> String {
    kata(k.as_str())
}

fn bulan(b: Option<i32>) -> String {
    b.and_then(|b| usize::try_from(b - 1).ok())
        .and_then(|i| BULAN.get(i))
        .map_or_else(String::new, |s| (*s).to_owned())
}

/// Items per unit name and competency name, each sorted by employee name.
type Kelompok<'a> =
    BTreeMap<(&'a str, uuid::Uuid), BTreeMap<(&'a str, uuid::Uuid), Vec<&'a ItemRencana>>>;

fn kelompokkan(items: &[ItemRencana]) -> Kelompok<'_> {
    let mut out: Kelompok<'_> = BTreeMap::new();
    for i in items {
        out.entry((i.unit_nama.as_str(), i.unit_id))
            .or_default()
            .entry((i.kompetensi_nama.as_str(), i.kompetensi_id))
            .or_default()
            .push(i);
    }
    for per_komp in out.values_mut() {
        for v in per_komp.values_mut() {
            v.sort_by(|a, b| a.pegawai_nama.cmp(&b.pegawai_nama).then(a.id.cmp(&b.id)));
        }
    }
    out
}

/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn render(d: &DataXlsx) -> AppResult<Vec<u8>> {
    build(d).map_err(xlsx_error)
}

fn build(d: &DataXlsx) -> Result<Vec<u8>, XlsxError> {
    let r = &d.rencana;
    let mut book = Workbook::new();
    let judul = Format::new().set_bold().set_font_size(13);
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_background_color("#DCEBF5")
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let sel = Format::new().set_border(FormatBorder::Thin);
    let angka = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    let sub = Format::new()
        .set_bold()
        .set_background_color("#F2F2F2")
        .set_border(FormatBorder::Thin);
    let sub_angka = sub.clone().set_num_format("#,##0");
    let unit_fmt = Format::new()
        .set_bold()
        .set_background_color("#FFF2CC")
        .set_border(FormatBorder::Thin);
    let total = Format::new()
        .set_bold()
        .set_background_color("#C6E0B4")
        .set_border(FormatBorder::Thin);
    let total_angka = total.clone().set_num_format("#,##0");

    let sheet = book.add_worksheet();
    sheet.set_name("Rencana")?;
    for (c, (_, w)) in KOLOM.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    sheet.write_string_with_format(
        0,
        0,
        format!("RENCANA PENGEMBANGAN KOMPETENSI TAHUN {}", r.tahun),
        &judul,
    )?;
    let status = match r.status {
        StatusRencana::Draft => "Draf (belum ditetapkan)".to_owned(),
        StatusRencana::Ditetapkan => {
            let mut s = "Ditetapkan".to_owned();
            if let Some(day) = d.ditetapkan_tanggal {
                s.push_str(&format!(" pada {}", crate::clock::tanggal_indonesia(day)));
            }
            if let Some(nama) = &r.ditetapkan_oleh_nama {
                s.push_str(&format!(" oleh {nama}"));
            }
            s
        }
    };
    let info = [
        ("Instansi", r.instansi_nama.clone()),
        ("Tahun", r.tahun.to_string()),
        ("Versi", r.versi.to_string()),
        ("Status", status),
        ("Catatan", r.catatan.clone().unwrap_or_default()),
    ];
    for (i, (k, v)) in info.iter().enumerate() {
        let row = i as u32 + 2;
        sheet.write_string_with_format(row, 0, *k, &bold)?;
        sheet.write_string(row, 2, v)?;
    }
    let top = 8u32;
    for (c, (h, _)) in KOLOM.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, *h, &head)?;
    }
    sheet.set_freeze_panes(top + 1, 0)?;

    let mut row = top + 1;
    let mut no = 0u32;
    let (mut grand_jp, mut grand_rp, mut grand_n) = (0i64, 0i64, 0usize);
    for ((unit_nama, _), per_komp) in kelompokkan(&d.items) {
        sheet.merge_range(row, 0, row, ANGGARAN, unit_nama, &unit_fmt)?;
        row += 1;
        let (mut unit_jp, mut unit_rp) = (0i64, 0i64);
        for ((komp_nama, _), items) in per_komp {
            let (mut k_jp, mut k_rp) = (0i64, 0i64);
            for i in &items {
                no += 1;
                let cells = [
                    unit_nama.to_owned(),
                    komp_nama.to_owned(),
                    kelompok(i.kelompok),
                    i.pegawai_nama.clone(),
                    i.nip.clone(),
                    bentuk(i.bentuk),
                    jalur(i.jalur),
                    i.penyelenggara.clone().unwrap_or_default(),
                    bulan(i.bulan_rencana),
                ];
                sheet.write_number_with_format(row, 0, f64::from(no), &sel)?;
                for (c, v) in cells.iter().enumerate() {
                    sheet.write_string_with_format(row, c as u16 + 1, v, &sel)?;
                }
                sheet.write_number_with_format(row, JP, f64::from(i.jp), &angka)?;
                sheet.write_number_with_format(row, ANGGARAN, i.anggaran as f64, &angka)?;
                k_jp += i64::from(i.jp);
                k_rp += i.anggaran;
                row += 1;
            }
            sheet.merge_range(
                row,
                0,
                row,
                JP - 1,
                &format!("Subtotal {komp_nama} ({} orang)", items.len()),
                &sub,
            )?;
            sheet.write_number_with_format(row, JP, k_jp as f64, &sub_angka)?;
            sheet.write_number_with_format(row, ANGGARAN, k_rp as f64, &sub_angka)?;
            row += 1;
            unit_jp += k_jp;
            unit_rp += k_rp;
            grand_n += items.len();
        }
        sheet.merge_range(row, 0, row, JP - 1, &format!("Jumlah {unit_nama}"), &sub)?;
        sheet.write_number_with_format(row, JP, unit_jp as f64, &sub_angka)?;
        sheet.write_number_with_format(row, ANGGARAN, unit_rp as f64, &sub_angka)?;
        row += 2;
        grand_jp += unit_jp;
        grand_rp += unit_rp;
    }
    sheet.merge_range(
        row,
        0,
        row,
        JP - 1,
        &format!("JUMLAH TOTAL ({grand_n} kegiatan)"),
        &total,
    )?;
    sheet.write_number_with_format(row, JP, grand_jp as f64, &total_angka)?;
    sheet.write_number_with_format(row, ANGGARAN, grand_rp as f64, &total_angka)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_words() {
        assert_eq!(bentuk(BentukPengembangan::ELearning), "E-learning");
        assert_eq!(bentuk(BentukPengembangan::PatokBanding), "Patok banding");
        assert_eq!(
            kelompok(KelompokKompetensi::SosialKultural),
            "Sosial kultural"
        );
        assert_eq!(bulan(Some(1)), "Januari");
        assert_eq!(bulan(Some(13)), "");
        assert_eq!(bulan(None), "");
    }
}
