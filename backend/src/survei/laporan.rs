//! The survey's result as documents: an XLSX in the usual SKM report layout (rekap per unsur,
//! per respondent, per profile group and service) and a PDF for publication. Both are built
//! from the same figures as `GET /api/v1/survei/{id}/hasil` (`kinerja_api::ikm`, full
//! precision, rounded only where printed) over the responses that are not void.

use chrono::{FixedOffset, NaiveDate};
use kinerja_api::ikm::{self, HasilIkm, ParameterIkm, Respons, Unsur};
use kinerja_api::survei::{
    HasilSurvei, JenisKelamin, JenisPeriodeSurvei, KelompokUsia, Pekerjaan, Pendidikan, Survei,
};
use kinerja_api::survei_kertas::PilihanProfil;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::service;
use crate::auth::Viewer;
use crate::clock;
use crate::entities::survei_respons;
use crate::error::{AppError, AppResult};
use crate::planning::pdf::{Cell, MARGIN, PAGE_W, Writer};

/// Everything a report shows.
pub struct DataLaporan {
    pub survei: Survei,
    pub hasil: HasilSurvei,
    /// The responses that count, oldest first.
    pub respons: Vec<survei_respons::Model>,
    /// The instansi's zone, for the times printed.
    pub offset_secs: i32,
    pub dicetak: NaiveDate,
}

/// The report's data, for whoever may read the survey's result (its managers; everyone
/// signed in once it is published).
///
/// # Errors
/// `NotFound` for a survey the viewer may not see.
pub async fn data(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<DataLaporan> {
    let hasil = service::hasil(db, viewer, id).await?;
    let survei = service::get(db, viewer, id).await?;
    let respons = survei_respons::Entity::find()
        .filter(survei_respons::Column::SurveiId.eq(id))
        .filter(survei_respons::Column::DibatalkanAt.is_null())
        .order_by_asc(survei_respons::Column::CreatedAt)
        .order_by_asc(survei_respons::Column::Id)
        .all(db)
        .await?;
    let offset_secs = clock::instansi_offset(db, survei.instansi_id).await?;
    Ok(DataLaporan {
        survei,
        hasil,
        respons,
        offset_secs,
        dicetak: clock::today_in(offset_secs),
    })
}

fn romawi(k: i32) -> &'static str {
    match k {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "",
    }
}

/// "Triwulan I 2026", "Semester II 2026" or "Tahun 2026".
pub(crate) fn label_periode(s: &Survei) -> String {
    match s.jenis_periode {
        JenisPeriodeSurvei::Triwulan => format!("Triwulan {} {}", romawi(s.periode_ke), s.tahun),
        JenisPeriodeSurvei::Semester => format!("Semester {} {}", romawi(s.periode_ke), s.tahun),
        JenisPeriodeSurvei::Tahun => format!("Tahun {}", s.tahun),
    }
}

/// A number with a decimal comma, as Indonesian reports print it.
fn angka(x: f64, desimal: usize) -> String {
    format!("{x:.desimal$}").replace('.', ",")
}

/// The published IKM: rounded half up to two decimals first (`ikm::dua_desimal`).
fn ikm_teks(ikm: Option<f64>) -> String {
    ikm.map_or_else(|| "-".to_owned(), |v| angka(ikm::dua_desimal(v), 2))
}

fn jawaban_of(r: &survei_respons::Model) -> [Option<u8>; 9] {
    [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9]
        .map(|v| v.and_then(|v| u8::try_from(v).ok()))
}

/// One group of respondents by a profile answer (or a service).
pub struct Kelompok {
    pub dimensi: &'static str,
    pub nilai: String,
    pub hasil: HasilIkm,
}

fn kelompok_dimensi<T: PilihanProfil + PartialEq>(
    dimensi: &'static str,
    rows: &[(Respons, &survei_respons::Model)],
    of: impl Fn(&survei_respons::Model) -> Option<T>,
) -> Vec<Kelompok> {
    let params = ParameterIkm::default();
    let group = |want: Option<T>| -> Vec<Respons> {
        rows.iter()
            .filter(|(_, m)| of(m) == want)
            .map(|(r, _)| *r)
            .collect()
    };
    T::SEMUA
        .iter()
        .map(|v| (v.label_profil().to_owned(), group(Some(*v))))
        .chain(std::iter::once(("Tidak diisi".to_owned(), group(None))))
        .filter(|(_, rs)| !rs.is_empty())
        .map(|(nilai, rs)| Kelompok {
            dimensi,
            nilai,
            hasil: ikm::hitung_respons(&rs, None, &params),
        })
        .collect()
}

/// The result per respondent profile group (groups without respondents left out).
pub fn per_profil(respons: &[survei_respons::Model]) -> Vec<Kelompok> {
    let rows: Vec<(Respons, &survei_respons::Model)> = respons
        .iter()
        .filter_map(|m| Respons::baru(jawaban_of(m)).ok().map(|r| (r, m)))
        .collect();
    let mut out = kelompok_dimensi::<JenisKelamin>("Jenis kelamin", &rows, |m| {
        m.jenis_kelamin.as_deref().and_then(JenisKelamin::parse)
    });
    out.extend(kelompok_dimensi::<KelompokUsia>("Usia", &rows, |m| {
        m.usia.as_deref().and_then(KelompokUsia::parse)
    }));
    out.extend(kelompok_dimensi::<Pendidikan>("Pendidikan", &rows, |m| {
        m.pendidikan.as_deref().and_then(Pendidikan::parse)
    }));
    out.extend(kelompok_dimensi::<Pekerjaan>("Pekerjaan", &rows, |m| {
        m.pekerjaan.as_deref().and_then(Pekerjaan::parse)
    }));
    out
}

fn sampel_teks(h: &HasilIkm) -> String {
    match (h.sampel_minimum, h.sampel_cukup) {
        (Some(min), Some(true)) => format!("{} dari minimal {min}: mencukupi", h.responden),
        (Some(min), _) => format!("{} dari minimal {min}: sampel belum mencukupi", h.responden),
        _ => format!("{} (populasi belum diisi)", h.responden),
    }
}

fn xlsx_error(e: XlsxError) -> AppError {
    AppError::Unexpected(anyhow::Error::new(e).context("Failed to write the survey report XLSX"))
}

fn label(profil: Option<&str>, parse: impl Fn(&str) -> Option<&'static str>) -> String {
    profil.and_then(parse).unwrap_or_default().to_owned()
}

/// The report as XLSX: sheets `Rekap`, `Responden` and `Profil`.
///
/// # Errors
/// Only if the workbook cannot be produced (a bug).
pub fn xlsx(d: &DataLaporan) -> AppResult<Vec<u8>> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let head = Format::new().set_bold().set_background_color("#DCEBF5");
        let dua = Format::new().set_num_format("0.00");
        let empat = Format::new().set_num_format("0.0000");
        let h = &d.hasil.hasil;
        let s = &d.survei;

        let rekap: &mut Worksheet = book.add_worksheet();
        rekap.set_name("Rekap")?;
        rekap.set_column_width(0, 8)?;
        rekap.set_column_width(1, 42)?;
        for c in 2..=6 {
            rekap.set_column_width(c, 16)?;
        }
        rekap.write_string_with_format(0, 0, "REKAPITULASI SURVEI KEPUASAN MASYARAKAT", &bold)?;
        let info = [
            ("Unit pelayanan", s.unit_nama.clone()),
            ("Survei", s.judul.clone()),
            ("Periode", label_periode(s)),
            ("Jumlah responden", sampel_teks(h)),
            ("Respons dibatalkan", d.hasil.dibatalkan.to_string()),
        ];
        for (i, (k, v)) in info.iter().enumerate() {
            let r = i as u32 + 2;
            rekap.write_string_with_format(r, 0, *k, &bold)?;
            rekap.write_string(r, 2, v)?;
        }
        let top = 8;
        for (c, t) in [
            "Kode",
            "Unsur",
            "Jumlah jawaban",
            "Total nilai",
            "NRR",
            "Bobot",
            "NRR tertimbang",
        ]
        .iter()
        .enumerate()
        {
            rekap.write_string_with_format(top, c as u16, *t, &head)?;
        }
        let dijawab = h.nrr_per_unsur.iter().filter(|n| n.nrr.is_some()).count();
        let bobot = if dijawab == 0 {
            0.0
        } else {
            1.0 / dijawab as f64
        };
        for (i, n) in h.nrr_per_unsur.iter().enumerate() {
            let r = top + 1 + i as u32;
            rekap.write_string(r, 0, n.unsur.kode())?;
            rekap.write_string(r, 1, n.unsur.nama())?;
            rekap.write_number(r, 2, f64::from(n.jumlah_jawaban))?;
            rekap.write_number(r, 3, n.total_nilai as f64)?;
            if let Some(nrr) = n.nrr {
                rekap.write_number_with_format(r, 4, nrr, &empat)?;
                rekap.write_number_with_format(r, 5, bobot, &empat)?;
                rekap.write_number_with_format(r, 6, nrr * bobot, &empat)?;
            } else {
                rekap.write_string(r, 4, "-")?;
            }
        }
        let mut r = top + 11;
        let mutu = h.mutu.map(|m| m.as_str().to_owned()).unwrap_or_default();
        let kinerja = h
            .kinerja_unit
            .map(|k| k.label().to_owned())
            .unwrap_or_default();
        rekap.write_string_with_format(r, 1, "NRR tertimbang", &bold)?;
        if let Some(v) = h.nrr_tertimbang {
            rekap.write_number_with_format(r, 6, v, &empat)?;
        }
        r += 1;
        rekap.write_string_with_format(r, 1, "IKM (NRR tertimbang x 25)", &bold)?;
        if let Some(v) = h.ikm {
            rekap.write_number_with_format(r, 6, ikm::dua_desimal(v), &dua)?;
        }
        r += 1;
        rekap.write_string_with_format(r, 1, "Mutu pelayanan", &bold)?;
        rekap.write_string(r, 6, &mutu)?;
        r += 1;
        rekap.write_string_with_format(r, 1, "Kinerja unit pelayanan", &bold)?;
        rekap.write_string(r, 6, &kinerja)?;
        r += 1;
        let prioritas: Vec<String> = h
            .prioritas
            .iter()
            .map(|u| format!("{} {}", u.kode(), u.nama()))
            .collect();
        rekap.write_string_with_format(r, 1, "Prioritas perbaikan", &bold)?;
        rekap.write_string(r, 2, prioritas.join("; "))?;

        let resp: &mut Worksheet = book.add_worksheet();
        resp.set_name("Responden")?;
        let mut judul: Vec<String> = ["No", "Waktu", "Layanan", "Sumber"]
            .map(str::to_owned)
            .to_vec();
        judul.extend(Unsur::ALL.iter().map(|u| u.kode().to_owned()));
        judul.extend(
            ["Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Saran"].map(str::to_owned),
        );
        for (c, t) in judul.iter().enumerate() {
            resp.write_string_with_format(0, c as u16, t, &head)?;
        }
        resp.set_column_width(1, 17)?;
        resp.set_column_width(2, 24)?;
        resp.set_column_width(17, 50)?;
        let zone = FixedOffset::east_opt(d.offset_secs);
        for (i, m) in d.respons.iter().enumerate() {
            let r = i as u32 + 1;
            resp.write_number(r, 0, (i + 1) as f64)?;
            let waktu = zone.map_or_else(
                || m.created_at.format("%Y-%m-%d %H:%M").to_string(),
                |z| {
                    m.created_at
                        .with_timezone(&z)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                },
            );
            resp.write_string(r, 1, waktu)?;
            resp.write_string(r, 2, &m.layanan)?;
            resp.write_string(r, 3, &m.sumber)?;
            for (j, v) in jawaban_of(m).iter().enumerate() {
                if let Some(v) = v {
                    resp.write_number(r, 4 + j as u16, f64::from(*v))?;
                }
            }
            let profil = [
                label(m.jenis_kelamin.as_deref(), |v| {
                    JenisKelamin::parse(v).map(PilihanProfil::label_profil)
                }),
                label(m.usia.as_deref(), |v| {
                    KelompokUsia::parse(v).map(PilihanProfil::label_profil)
                }),
                label(m.pendidikan.as_deref(), |v| {
                    Pendidikan::parse(v).map(PilihanProfil::label_profil)
                }),
                label(m.pekerjaan.as_deref(), |v| {
                    Pekerjaan::parse(v).map(PilihanProfil::label_profil)
                }),
            ];
            for (j, v) in profil.iter().enumerate() {
                resp.write_string(r, 13 + j as u16, v)?;
            }
            // Written as a string cell: a suggestion starting with `=` stays text, never a formula.
            resp.write_string(r, 17, m.saran.as_deref().unwrap_or_default())?;
        }
        resp.set_freeze_panes(1, 0)?;

        let profil: &mut Worksheet = book.add_worksheet();
        profil.set_name("Profil")?;
        for (c, t) in ["Kelompok", "Nilai", "Responden", "IKM", "Mutu"]
            .iter()
            .enumerate()
        {
            profil.write_string_with_format(0, c as u16, *t, &head)?;
        }
        profil.set_column_width(0, 16)?;
        profil.set_column_width(1, 40)?;
        let layanan = d.hasil.per_layanan.iter().map(|l| Kelompok {
            dimensi: "Layanan",
            nilai: l.layanan.clone(),
            hasil: l.hasil.clone(),
        });
        for (i, k) in layanan.chain(per_profil(&d.respons)).enumerate() {
            let r = i as u32 + 1;
            profil.write_string(r, 0, k.dimensi)?;
            profil.write_string(r, 1, &k.nilai)?;
            profil.write_number(r, 2, f64::from(k.hasil.responden))?;
            if let Some(v) = k.hasil.ikm {
                profil.write_number_with_format(r, 3, ikm::dua_desimal(v), &dua)?;
            }
            profil.write_string(r, 4, k.hasil.mutu.map_or("", |m| m.as_str()))?;
        }
        book.save_to_buffer()
    };
    build().map_err(xlsx_error)
}

/// The report as a PDF for publication.
///
/// # Errors
/// Only if the PDF library fails (a bug).
pub fn pdf(d: &DataLaporan) -> AppResult<Vec<u8>> {
    let s = &d.survei;
    let h = &d.hasil.hasil;
    let mut w = Writer::new(&format!("Laporan SKM {} {}", s.unit_nama, label_periode(s)))?;
    let lebar = PAGE_W - 2.0 * MARGIN;
    w.centered(13.0, true, "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT");
    w.centered(11.0, true, &s.unit_nama.to_uppercase());
    w.centered(10.0, false, &format!("{} - {}", s.judul, label_periode(s)));
    w.y += 3.0;

    let pasangan = |w: &mut Writer, k: &str, v: &str| {
        w.row(
            &[
                Cell {
                    width: 60.0,
                    text: k,
                    bold: true,
                },
                Cell {
                    width: lebar - 60.0,
                    text: v,
                    bold: false,
                },
            ],
            9.0,
        );
    };
    w.heading("A. Data survei");
    pasangan(&mut w, "Unit pelayanan", &s.unit_nama);
    pasangan(&mut w, "Periode", &label_periode(s));
    pasangan(&mut w, "Jenis layanan", &s.layanan.join(", "));
    pasangan(
        &mut w,
        "Populasi",
        &s.populasi.map_or("-".to_owned(), |p| p.to_string()),
    );
    pasangan(&mut w, "Responden (sampel)", &sampel_teks(h));
    if d.hasil.dibatalkan > 0 {
        pasangan(
            &mut w,
            "Respons dibatalkan",
            &format!("{} (tidak dihitung)", d.hasil.dibatalkan),
        );
    }

    w.heading("B. Nilai rata-rata per unsur (NRR)");
    let kolom = [14.0, 86.0, 26.0, 26.0, lebar - 152.0];
    let baris = |w: &mut Writer, teks: [&str; 5], bold: bool| {
        let cells: Vec<Cell<'_>> = kolom
            .iter()
            .zip(teks)
            .map(|(width, text)| Cell {
                width: *width,
                text,
                bold,
            })
            .collect();
        w.row(&cells, 9.0);
    };
    baris(
        &mut w,
        ["Kode", "Unsur pelayanan", "Jawaban", "Total nilai", "NRR"],
        true,
    );
    for n in &h.nrr_per_unsur {
        let jumlah = n.jumlah_jawaban.to_string();
        let total = n.total_nilai.to_string();
        let nrr = n.nrr.map_or_else(|| "-".to_owned(), |v| angka(v, 4));
        baris(
            &mut w,
            [n.unsur.kode(), n.unsur.nama(), &jumlah, &total, &nrr],
            false,
        );
    }

    w.heading("C. Indeks Kepuasan Masyarakat (IKM)");
    let nrr_t = h
        .nrr_tertimbang
        .map_or_else(|| "-".to_owned(), |v| angka(v, 4));
    pasangan(&mut w, "NRR tertimbang", &nrr_t);
    pasangan(&mut w, "IKM (NRR tertimbang x 25)", &ikm_teks(h.ikm));
    pasangan(&mut w, "Mutu pelayanan", h.mutu.map_or("-", |m| m.as_str()));
    pasangan(
        &mut w,
        "Kinerja unit pelayanan",
        h.kinerja_unit.map_or("-", |k| k.label()),
    );

    if d.hasil.per_layanan.len() > 1 {
        w.heading("D. IKM per jenis layanan");
        for l in &d.hasil.per_layanan {
            let v = format!(
                "{} responden; IKM {}; mutu {}",
                l.hasil.responden,
                ikm_teks(l.hasil.ikm),
                l.hasil.mutu.map_or("-", |m| m.as_str())
            );
            pasangan(&mut w, &l.layanan, &v);
        }
    }

    w.heading("E. Prioritas perbaikan (unsur dengan NRR terendah)");
    if h.prioritas.is_empty() {
        pasangan(&mut w, "-", "Belum ada jawaban.");
    }
    for (i, u) in h.prioritas.iter().enumerate() {
        let nrr = h
            .nrr_per_unsur
            .iter()
            .find(|n| n.unsur == *u)
            .and_then(|n| n.nrr)
            .map_or_else(|| "-".to_owned(), |v| angka(v, 4));
        pasangan(
            &mut w,
            &format!("{}. {}", i + 1, u.kode()),
            &format!("{} (NRR {nrr})", u.nama()),
        );
    }
    w.y += 4.0;
    w.ensure(12.0);
    let catatan = format!(
        "Dihitung menurut PermenPANRB 14/2017: NRR per unsur, bobot sama untuk setiap unsur yang dijawab, IKM = NRR tertimbang x 25, dibulatkan dua desimal hanya untuk tampilan. Dicetak {}.",
        clock::tanggal_indonesia(d.dicetak)
    );
    for line in crate::planning::pdf::wrap(&catatan, lebar, 8.0, false) {
        let y = w.y + 3.0;
        w.text(MARGIN, y, 8.0, false, &line);
        w.y += 4.0;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_with_a_decimal_comma_and_the_ikm_rounds_half_up() {
        assert_eq!(angka(3.620_689_6, 4), "3,6207");
        assert_eq!(ikm_teks(Some(64.995)), "65,00");
        assert_eq!(ikm_teks(Some(955.0 / 261.0 * 25.0)), "91,48");
        assert_eq!(ikm_teks(None), "-");
    }
}
