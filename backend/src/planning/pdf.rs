//! The SKP as a PDF in the official layout (PermenPANRB 6/2022 lampiran): header with instansi
//! and period, the blocks of the employee and the Pejabat Penilai Kinerja, the RHK/IKI/target
//! table, perilaku kerja with ekspektasi khusus, lampiran, and the signature blocks.
//!
//! Rendered with `printpdf` using the PDF base fonts (Helvetica), which every reader has, so no
//! font file is shipped; line breaking uses Helvetica's published character widths.

use chrono::NaiveDate;
use kinerja_api::planning::{JenisRhk, JenisSkp, Pendekatan, PersonSnapshot, Skp};
use printpdf::{
    BuiltinFont, IndirectFontRef, Line, Mm, PdfDocument, PdfDocumentReference, PdfLayerReference,
    Point,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::periods;
use super::skp::get;
use crate::auth::Viewer;
use crate::clock::tanggal_indonesia;
use crate::entities::skp_rhk;
use crate::error::{AppError, AppResult};

pub(crate) const PAGE_W: f32 = 210.0;
pub(crate) const PAGE_H: f32 = 297.0;
pub(crate) const MARGIN: f32 = 15.0;
pub(crate) const PT_TO_MM: f32 = 0.352_778;

/// Helvetica advance widths (1/1000 em) for ASCII 32–126, from the Adobe font metrics.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// What the document shows besides the SKP itself.
pub struct SkpDocument {
    pub skp: Skp,
    pub instansi: String,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    /// Descriptions of the intervened superior RHK, by RHK id.
    pub intervensi: std::collections::HashMap<uuid::Uuid, String>,
    /// Place for the signature line, e.g. "Serang".
    pub tempat: String,
    pub tanggal: NaiveDate,
}

/// Text width in mm at `size` pt.
pub(crate) fn width(text: &str, size: f32, bold: bool) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| match c as u32 {
            32..=126 => u32::from(HELVETICA[(c as u32 - 32) as usize]),
            _ => 556,
        })
        .sum();
    let factor = if bold { 1.06 } else { 1.0 };
    units as f32 / 1000.0 * size * PT_TO_MM * factor
}

/// Breaks text into lines no wider than `max` mm (long words are cut).
pub(crate) fn wrap(text: &str, max: f32, size: f32, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word.to_owned();
            while width(&rest, size, bold) > max {
                let mut cut = rest.len();
                while cut > 1 && width(&rest[..cut], size, bold) > max {
                    cut = rest[..cut - 1]
                        .char_indices()
                        .last()
                        .map_or(1, |(i, _)| i.max(1));
                }
                lines.push(rest[..cut].to_owned());
                rest = rest[cut..].to_owned();
            }
            line = rest;
        }
        lines.push(line);
    }
    lines
}

/// Replaces characters outside Windows-1252 that Indonesian text commonly contains.
fn plain(text: &str) -> String {
    text.replace(['\u{2013}', '\u{2014}'], "-")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
}

pub(crate) struct Cell<'a> {
    pub width: f32,
    pub text: &'a str,
    pub bold: bool,
}

pub(crate) struct Writer {
    doc: PdfDocumentReference,
    regular: IndirectFontRef,
    bold: IndirectFontRef,
    layer: PdfLayerReference,
    /// Distance from the top of the page, in mm.
    pub(crate) y: f32,
    pages: usize,
}

impl Writer {
    pub(crate) fn new(title: &str) -> AppResult<Self> {
        let (doc, page, layer) = PdfDocument::new(title, Mm(PAGE_W), Mm(PAGE_H), "SKP");
        let font = |f| {
            doc.add_builtin_font(f)
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!("PDF font: {e}")))
        };
        let regular = font(BuiltinFont::Helvetica)?;
        let bold = font(BuiltinFont::HelveticaBold)?;
        let layer = doc.get_page(page).get_layer(layer);
        Ok(Self {
            doc,
            regular,
            bold,
            layer,
            y: MARGIN,
            pages: 1,
        })
    }

    pub(crate) fn new_page(&mut self) {
        let (page, layer) = self.doc.add_page(Mm(PAGE_W), Mm(PAGE_H), "SKP");
        self.layer = self.doc.get_page(page).get_layer(layer);
        self.y = MARGIN;
        self.pages += 1;
    }

    pub(crate) fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    pub(crate) fn text(&self, x: f32, y_top: f32, size: f32, bold: bool, text: &str) {
        let font = if bold { &self.bold } else { &self.regular };
        self.layer
            .use_text(plain(text), size, Mm(x), Mm(PAGE_H - y_top), font);
    }

    pub(crate) fn line(&self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.layer.add_line(Line {
            points: vec![
                (Point::new(Mm(x1), Mm(PAGE_H - y1)), false),
                (Point::new(Mm(x2), Mm(PAGE_H - y2)), false),
            ],
            is_closed: false,
        });
    }

    pub(crate) fn centered(&mut self, size: f32, bold: bool, text: &str) {
        let w = width(text, size, bold);
        self.text(
            (PAGE_W - w) / 2.0,
            self.y + size * PT_TO_MM,
            size,
            bold,
            text,
        );
        self.y += size * PT_TO_MM * 1.5;
    }

    /// A bordered table row; cells wrap and the row grows to the tallest cell.
    pub(crate) fn row(&mut self, cells: &[Cell<'_>], size: f32) {
        let line_h = size * PT_TO_MM * 1.3;
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .map(|c| wrap(c.text, c.width - 3.0, size, c.bold))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * line_h + 2.5;
        self.ensure(height);
        let top = self.y;
        let mut x = MARGIN;
        self.line(MARGIN, top, PAGE_W - MARGIN, top);
        for (cell, text) in cells.iter().zip(&wrapped) {
            self.line(x, top, x, top + height);
            for (i, l) in text.iter().enumerate() {
                self.text(
                    x + 1.5,
                    top + 1.2 + (i as f32 + 0.8) * line_h,
                    size,
                    cell.bold,
                    l,
                );
            }
            x += cell.width;
        }
        self.line(PAGE_W - MARGIN, top, PAGE_W - MARGIN, top + height);
        self.line(MARGIN, top + height, PAGE_W - MARGIN, top + height);
        self.y += height;
    }

    /// A QR code of `data`, `size` mm wide, its top-left corner at (`x`, `y_top`).
    pub(crate) fn qr(&self, x: f32, y_top: f32, size: f32, data: &str) -> AppResult<()> {
        use printpdf::Polygon;
        use printpdf::path::{PaintMode, WindingOrder};
        let code = qrcode::QrCode::new(data.as_bytes())
            .map_err(|e| AppError::Unexpected(anyhow::anyhow!("QR code: {e}")))?;
        let n = code.width();
        let cell = size / n as f32;
        let colors = code.to_colors();
        for (i, c) in colors.iter().enumerate() {
            if *c != qrcode::Color::Dark {
                continue;
            }
            let (cx, cy) = ((i % n) as f32 * cell + x, (i / n) as f32 * cell + y_top);
            let corner = |dx: f32, dy: f32| (Point::new(Mm(cx + dx), Mm(PAGE_H - cy - dy)), false);
            self.layer.add_polygon(Polygon {
                rings: vec![vec![
                    corner(0.0, 0.0),
                    corner(cell, 0.0),
                    corner(cell, cell),
                    corner(0.0, cell),
                ]],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            });
        }
        Ok(())
    }

    /// The finished document's bytes.
    pub(crate) fn finish(self) -> AppResult<Vec<u8>> {
        self.doc
            .save_to_bytes()
            .map_err(|e| AppError::Unexpected(anyhow::anyhow!("PDF: {e}")))
    }

    pub(crate) fn heading(&mut self, text: &str) {
        self.ensure(12.0);
        self.y += 3.0;
        self.row(
            &[Cell {
                width: PAGE_W - 2.0 * MARGIN,
                text,
                bold: true,
            }],
            9.0,
        );
    }
}

pub(crate) fn person_rows(label: &str, p: Option<&PersonSnapshot>) -> Vec<(String, String)> {
    let value =
        |f: fn(&PersonSnapshot) -> Option<String>| p.and_then(f).unwrap_or_else(|| "-".to_owned());
    vec![
        (label.to_owned(), String::new()),
        ("Nama".to_owned(), value(|p| Some(p.nama_lengkap.clone()))),
        ("NIP".to_owned(), value(|p| Some(p.nip.clone()))),
        (
            "Pangkat/Gol. Ruang".to_owned(),
            value(|p| p.pangkat_golongan.clone()),
        ),
        ("Jabatan".to_owned(), value(|p| p.jabatan.clone())),
        ("Unit Kerja".to_owned(), value(|p| p.unit.clone())),
    ]
}

/// Renders the document.
///
/// # Errors
/// Only if the PDF library fails (a bug).
pub fn render(input: &SkpDocument) -> AppResult<Vec<u8>> {
    let skp = &input.skp;
    let mut w = Writer::new(&format!("SKP {} {}", skp.pegawai.nama_lengkap, skp.tahun))?;
    let content_w = PAGE_W - 2.0 * MARGIN;

    w.centered(12.0, true, "SASARAN KINERJA PEGAWAI");
    w.centered(
        9.0,
        true,
        match skp.pendekatan {
            Pendekatan::Kuantitatif => "PENDEKATAN HASIL KERJA KUANTITATIF",
            Pendekatan::Kualitatif => "PENDEKATAN HASIL KERJA KUALITATIF",
        },
    );
    w.centered(
        9.0,
        true,
        match skp.jenis {
            JenisSkp::JptPimpinan => "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            JenisSkp::JaJf => "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        },
    );
    w.y += 2.0;
    let periode = format!(
        "PERIODE PENILAIAN: {} SD {}",
        tanggal_indonesia(input.mulai).to_uppercase(),
        tanggal_indonesia(input.selesai).to_uppercase()
    );
    w.text(MARGIN, w.y + 3.0, 8.5, true, &input.instansi.to_uppercase());
    w.text(
        PAGE_W - MARGIN - width(&periode, 8.5, true),
        w.y + 3.0,
        8.5,
        true,
        &periode,
    );
    w.y += 6.0;

    // The two person blocks side by side: number, label, value | number, label, value.
    let left = person_rows("PEGAWAI YANG DINILAI", Some(&skp.pegawai));
    let right = person_rows("PEJABAT PENILAI KINERJA", skp.pejabat_penilai.as_ref());
    let half = content_w / 2.0;
    w.row(
        &[
            Cell {
                width: 8.0,
                text: "NO",
                bold: true,
            },
            Cell {
                width: half - 8.0,
                text: &left[0].0,
                bold: true,
            },
            Cell {
                width: 8.0,
                text: "NO",
                bold: true,
            },
            Cell {
                width: half - 8.0,
                text: &right[0].0,
                bold: true,
            },
        ],
        8.0,
    );
    for (i, (l, r)) in left.iter().zip(&right).enumerate().skip(1) {
        let no = i.to_string();
        w.row(
            &[
                Cell {
                    width: 8.0,
                    text: &no,
                    bold: false,
                },
                Cell {
                    width: 30.0,
                    text: &l.0,
                    bold: false,
                },
                Cell {
                    width: half - 38.0,
                    text: &l.1,
                    bold: false,
                },
                Cell {
                    width: 8.0,
                    text: &no,
                    bold: false,
                },
                Cell {
                    width: 30.0,
                    text: &r.0,
                    bold: false,
                },
                Cell {
                    width: half - 38.0,
                    text: &r.1,
                    bold: false,
                },
            ],
            8.0,
        );
    }

    w.heading("HASIL KERJA");
    let cols = [8.0, 42.0, 45.0, 18.0, 45.0, content_w - 158.0];
    w.row(
        &[
            Cell {
                width: cols[0],
                text: "NO",
                bold: true,
            },
            Cell {
                width: cols[1],
                text: "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
                bold: true,
            },
            Cell {
                width: cols[2],
                text: "RENCANA HASIL KERJA",
                bold: true,
            },
            Cell {
                width: cols[3],
                text: "ASPEK",
                bold: true,
            },
            Cell {
                width: cols[4],
                text: "INDIKATOR KINERJA INDIVIDU",
                bold: true,
            },
            Cell {
                width: cols[5],
                text: "TARGET",
                bold: true,
            },
        ],
        7.5,
    );
    for (jenis, title) in [
        (JenisRhk::Utama, "A. UTAMA"),
        (JenisRhk::Tambahan, "B. TAMBAHAN"),
    ] {
        w.row(
            &[Cell {
                width: content_w,
                text: title,
                bold: true,
            }],
            7.5,
        );
        let list: Vec<_> = skp.rhk.iter().filter(|r| r.jenis == jenis).collect();
        if list.is_empty() {
            w.row(
                &[Cell {
                    width: content_w,
                    text: "-",
                    bold: false,
                }],
                7.5,
            );
        }
        for (n, r) in list.iter().enumerate() {
            let intervensi = r
                .intervensi_rhk_id
                .and_then(|id| input.intervensi.get(&id).cloned())
                .unwrap_or_else(|| "-".to_owned());
            let mut deskripsi = r.deskripsi.clone();
            if let Some(p) = &r.penugasan_dari {
                deskripsi.push_str(&format!("\n(Penugasan dari: {p})"));
            }
            if r.iki.is_empty() {
                let no = (n + 1).to_string();
                w.row(
                    &[
                        Cell {
                            width: cols[0],
                            text: &no,
                            bold: false,
                        },
                        Cell {
                            width: cols[1],
                            text: &intervensi,
                            bold: false,
                        },
                        Cell {
                            width: cols[2],
                            text: &deskripsi,
                            bold: false,
                        },
                        Cell {
                            width: cols[3] + cols[4] + cols[5],
                            text: "-",
                            bold: false,
                        },
                    ],
                    7.5,
                );
            }
            for (k, iki) in r.iki.iter().enumerate() {
                let first = k == 0;
                let no = if first {
                    (n + 1).to_string()
                } else {
                    String::new()
                };
                let aspek = iki.aspek.map_or("-".to_owned(), |a| {
                    let s = a.as_str();
                    let mut c = s.chars();
                    c.next().map_or(String::new(), |f| {
                        f.to_uppercase().collect::<String>() + c.as_str()
                    })
                });
                let target = match (iki.target_nilai, &iki.target_satuan, &iki.target_naratif) {
                    (Some(v), Some(s), _) => format!("{} {s}", format_number(v)),
                    (Some(v), None, _) => format_number(v),
                    (None, _, Some(n)) => n.clone(),
                    _ => "-".to_owned(),
                };
                w.row(
                    &[
                        Cell {
                            width: cols[0],
                            text: &no,
                            bold: false,
                        },
                        Cell {
                            width: cols[1],
                            text: if first { &intervensi } else { "" },
                            bold: false,
                        },
                        Cell {
                            width: cols[2],
                            text: if first { &deskripsi } else { "" },
                            bold: false,
                        },
                        Cell {
                            width: cols[3],
                            text: &aspek,
                            bold: false,
                        },
                        Cell {
                            width: cols[4],
                            text: &iki.indikator,
                            bold: false,
                        },
                        Cell {
                            width: cols[5],
                            text: &target,
                            bold: false,
                        },
                    ],
                    7.5,
                );
            }
        }
    }

    w.heading("PERILAKU KERJA");
    for (n, p) in skp.perilaku.iter().enumerate() {
        let no = (n + 1).to_string();
        let mut text = p.nama.clone();
        for line in &p.panduan {
            text.push_str(&format!("\n- {line}"));
        }
        let ekspektasi = format!(
            "Ekspektasi khusus pimpinan:\n{}",
            p.ekspektasi_khusus.as_deref().unwrap_or("-")
        );
        w.row(
            &[
                Cell {
                    width: 8.0,
                    text: &no,
                    bold: false,
                },
                Cell {
                    width: 100.0,
                    text: &text,
                    bold: false,
                },
                Cell {
                    width: content_w - 108.0,
                    text: &ekspektasi,
                    bold: false,
                },
            ],
            7.5,
        );
    }

    w.heading("LAMPIRAN SASARAN KINERJA PEGAWAI");
    for (title, list) in [
        ("DUKUNGAN SUMBER DAYA", &skp.lampiran.dukungan_sumber_daya),
        (
            "SKEMA PERTANGGUNGJAWABAN",
            &skp.lampiran.skema_pertanggungjawaban,
        ),
        ("KONSEKUENSI", &skp.lampiran.konsekuensi),
    ] {
        w.row(
            &[Cell {
                width: content_w,
                text: title,
                bold: true,
            }],
            7.5,
        );
        let body = if list.is_empty() {
            "-".to_owned()
        } else {
            list.iter()
                .enumerate()
                .map(|(i, l)| format!("{}. {l}", i + 1))
                .collect::<Vec<_>>()
                .join("\n")
        };
        w.row(
            &[Cell {
                width: content_w,
                text: &body,
                bold: false,
            }],
            7.5,
        );
    }

    // Signatures.
    w.ensure(45.0);
    w.y += 8.0;
    let right_x = PAGE_W / 2.0 + 10.0;
    w.text(
        right_x,
        w.y,
        8.5,
        false,
        &format!("{}, {}", input.tempat, tanggal_indonesia(input.tanggal)),
    );
    w.y += 5.0;
    w.text(MARGIN, w.y, 8.5, false, "Pegawai yang Dinilai");
    w.text(right_x, w.y, 8.5, false, "Pejabat Penilai Kinerja");
    w.y += 22.0;
    w.text(MARGIN, w.y, 8.5, true, &skp.pegawai.nama_lengkap);
    w.text(
        right_x,
        w.y,
        8.5,
        true,
        skp.pejabat_penilai
            .as_ref()
            .map_or("-", |p| p.nama_lengkap.as_str()),
    );
    w.y += 4.5;
    w.text(MARGIN, w.y, 8.5, false, &format!("NIP {}", skp.pegawai.nip));
    w.text(
        right_x,
        w.y,
        8.5,
        false,
        &skp.pejabat_penilai
            .as_ref()
            .map_or("-".to_owned(), |p| format!("NIP {}", p.nip)),
    );

    w.doc
        .save_to_bytes()
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("Failed to write the PDF: {e}")))
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}").replace('.', ",")
    }
}

/// Everything the PDF shows, for a reader of the SKP.
///
/// # Errors
/// `NotFound` when the viewer may not read it.
pub async fn document(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<SkpDocument> {
    let skp = get(db, viewer, id).await?;
    let period = periods::find(db, skp.periode_id).await?;
    let instansi = crate::entities::instansi::Entity::find_by_id(period.instansi_id)
        .one(db)
        .await?
        .map_or_else(String::new, |i| i.nama);
    let ids: Vec<Uuid> = skp.rhk.iter().filter_map(|r| r.intervensi_rhk_id).collect();
    let intervensi = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.deskripsi))
        .collect();
    // The approval day in the instansi's zone, as the signatories saw it.
    let offset = crate::clock::instansi_offset(db, period.instansi_id).await?;
    let tanggal = skp.disetujui_at.map_or_else(
        || crate::clock::today_in(offset),
        |d| crate::clock::local_day(d, offset),
    );
    Ok(SkpDocument {
        skp,
        instansi,
        mulai: period.mulai,
        selesai: period.selesai,
        intervensi,
        tempat: "Serang".to_owned(),
        tanggal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_indonesian() {
        assert_eq!(
            tanggal_indonesia(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            "1 Januari 2026"
        );
        assert_eq!(
            tanggal_indonesia(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
            "31 Desember 2026"
        );
    }

    #[test]
    fn lines_wrap_within_the_width() {
        let lines = wrap(
            "Tersedianya layanan administrasi kependudukan yang tepat waktu",
            30.0,
            8.0,
            false,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 8.0, false) <= 30.0));
        assert_eq!(
            lines.join(" "),
            "Tersedianya layanan administrasi kependudukan yang tepat waktu"
        );
        let long = wrap(&"x".repeat(200), 20.0, 8.0, false);
        assert!(long.iter().all(|l| width(l, 8.0, false) <= 20.0));
    }

    #[test]
    fn numbers_use_the_indonesian_decimal_comma() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(95.5), "95,5");
    }
}
