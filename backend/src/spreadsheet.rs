//! Reading and writing the spreadsheets of the imports and exports (XLSX, and CSV for reading).
//! A layout lists the columns (key and header); templates, exports and imports of one kind share
//! it, so an exported file can be edited and imported again.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use kinerja_api::Pesan;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::AppError;

/// Column keys and the headers written in the file.
pub type Layout = &'static [(&'static str, &'static str)];

/// The header of `key` in `layout`.
pub fn header(layout: Layout, key: &str) -> &'static str {
    layout
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, h)| h)
}

/// One data row: its spreadsheet row number and the cell text per column key.
pub struct Row {
    pub number: u64,
    pub cells: Vec<(&'static str, String)>,
}

impl Row {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// A problem with the file as a whole (not a row).
fn unreadable(why: impl std::fmt::Display) -> AppError {
    AppError::field(
        "file",
        Pesan::BerkasTidakTerbaca {
            alasan: why.to_string(),
        },
    )
}

/// Reads an XLSX (by its ZIP signature) or CSV file into rows keyed by column. The header row
/// must name the `key_column`; headers match the layout's headers or keys, in any case.
///
/// # Errors
/// `UnsupportedMediaType` for other formats; `Validation` on `file` when it cannot be read or
/// lacks the key column.
pub fn read(bytes: &[u8], layout: Layout, key_column: &str) -> Result<Vec<Row>, AppError> {
    let grid = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)?
    } else if std::str::from_utf8(bytes).is_ok() {
        read_csv(bytes)?
    } else {
        return Err(AppError::UnsupportedMediaType(Pesan::BerkasXlsxAtauCsv));
    };
    let mut lines = grid.into_iter();
    let Some(head) = lines.next() else {
        return Err(unreadable("berkas kosong"));
    };
    let keys: Vec<Option<&'static str>> = head
        .iter()
        .map(|h| {
            let h = h.trim().to_lowercase();
            layout
                .iter()
                .find(|(k, header)| h == *k || h == header.to_lowercase())
                .map(|(k, _)| *k)
        })
        .collect();
    if !keys.contains(&Some(key_column)) {
        return Err(AppError::field(
            "file",
            Pesan::JudulKolomWajib {
                kolom: header(layout, key_column).to_string(),
            },
        ));
    }
    Ok(lines
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| Row {
            number: i as u64 + 2,
            cells: keys
                .iter()
                .zip(cells)
                .filter_map(|(k, v)| k.map(|k| (k, v)))
                .collect(),
        })
        .collect())
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, AppError> {
    // Spreadsheet programs in Indonesia often save CSV with semicolons.
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.iter().filter(|b| **b == b';').count()
        > first_line.iter().filter(|b| **b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            r.map(|rec| {
                rec.iter()
                    .map(|c| c.trim_start_matches('\u{feff}').to_owned())
                    .collect()
            })
            .map_err(unreadable)
        })
        .collect()
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, AppError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("tidak ada lembar kerja"))?
        .map_err(unreadable)?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

/// A cell as text. Dates become `YYYY-MM-DD`; whole numbers lose their `.0`. An 18-digit NIP
/// stored as a number has already lost digits in Excel; it shows up in scientific notation and
/// fails NIP validation with a clear message.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map_or_else(|| d.to_string(), |dt| dt.date().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s.trim(), f).ok())
}

/// Writes rows (cell texts in layout order) to an XLSX workbook; text-formatted so NIPs keep all
/// 18 digits when edited in Excel.
///
/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn write(
    sheet_name: &str,
    layout: Layout,
    rows: &[Vec<String>],
    notes: &[&str],
) -> Result<Vec<u8>, AppError> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold().set_background_color("#DCEBF5");
        let text = Format::new().set_num_format("@");
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name)?;
        for (col, (_, title)) in layout.iter().enumerate() {
            let col = col as u16;
            sheet.write_string_with_format(0, col, *title, &bold)?;
            sheet.set_column_width(col, if col == 0 { 22 } else { 18 })?;
            sheet.set_column_format(col, &text)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, value)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        if !notes.is_empty() {
            let help = book.add_worksheet();
            help.set_name("Petunjuk")?;
            help.set_column_width(0, 110)?;
            for (i, line) in notes.iter().enumerate() {
                help.write_string(i as u32, 0, *line)?;
            }
        }
        book.save_to_buffer()
    };
    build().map_err(|e| AppError::Unexpected(anyhow::Error::new(e).context("Failed to write XLSX")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: Layout = &[
        ("nip", "NIP"),
        ("nama", "Nama"),
        ("tanggal_lahir", "Tanggal Lahir"),
        ("telepon", "Telepon"),
    ];

    #[test]
    fn csv_with_semicolons_and_headers_in_any_case_is_read() {
        let rows = read(
            "nip;NAMA;tanggal lahir\n198609262015051001;Budi;1986-09-26\n;;\n".as_bytes(),
            LAYOUT,
            "nip",
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].number, 2);
        assert_eq!(rows[0].get("nip"), Some("198609262015051001"));
        assert_eq!(rows[0].get("nama"), Some("Budi"));
        assert_eq!(rows[0].get("tanggal_lahir"), Some("1986-09-26"));
    }

    #[test]
    fn a_written_workbook_reads_back() {
        let row: Vec<String> = LAYOUT.iter().map(|(k, _)| format!("v-{k}")).collect();
        let bytes = write("Pegawai", LAYOUT, &[row], &["catatan"]).unwrap();
        let rows = read(&bytes, LAYOUT, "nip").unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("nip"), Some("v-nip"));
        assert_eq!(rows[0].get("telepon"), Some("v-telepon"));
    }

    #[test]
    fn a_file_without_the_nip_column_is_refused() {
        assert!(matches!(
            read(b"nama\nBudi\n", LAYOUT, "nip"),
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            read(&[0xff, 0xfe, 0x00], LAYOUT, "nip"),
            Err(AppError::UnsupportedMediaType(_))
        ));
    }

    #[test]
    fn dates_in_common_indonesian_forms_parse() {
        let d = NaiveDate::from_ymd_opt(1986, 9, 26);
        assert_eq!(parse_date("1986-09-26"), d);
        assert_eq!(parse_date("26-09-1986"), d);
        assert_eq!(parse_date("26/09/1986"), d);
        assert_eq!(parse_date("26 Sep 1986"), None);
    }
}
