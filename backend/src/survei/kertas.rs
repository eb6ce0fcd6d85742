//! Paper forms: staff enter one form at a time, or import many from the XLSX template.
//!
//! Paper forms are collected at the counter during the survey's period and may reach the
//! office after it closes, so they are taken while the survey is open or closed, never while
//! it is a draft. A paper form may leave an unsur blank (stored as NULL; the IKM leaves it
//! out of that unsur's NRR, docs/ikm.md "Formula"), but answers at least one. No token, no
//! honeypot and no per-address limit: the writer is a signed-in manager of the survey.

use kinerja_api::ikm::{JawabanTidakSah, Respons, Unsur};
use kinerja_api::pesan::Bahasa;
use kinerja_api::survei::{
    JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan, ResponsSurvei, SARAN_MAKS, StatusSurvei,
    SumberRespons,
};
use kinerja_api::survei_kertas::{EntriKertas, GalatBarisImpor, LaporanImpor, PilihanProfil};
use kinerja_api::{Message, Pesan};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::service::{self, layanan_of, respons_dto, status_of};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::auth::tokens::sha256_hex;
use crate::clock;
use crate::entities::{survei, survei_respons};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::spreadsheet::{self, Layout, Row};

/// The columns of the import template. The unsur headers are the regulation's names (a test
/// checks them against `Unsur::nama`); a file may also head them `u1` … `u9`.
pub const KOLOM: Layout = &[
    ("layanan", "Layanan"),
    ("u1", "U1 Persyaratan"),
    ("u2", "U2 Sistem, Mekanisme, dan Prosedur"),
    ("u3", "U3 Waktu Penyelesaian"),
    ("u4", "U4 Biaya/Tarif"),
    ("u5", "U5 Produk Spesifikasi Jenis Pelayanan"),
    ("u6", "U6 Kompetensi Pelaksana"),
    ("u7", "U7 Perilaku Pelaksana"),
    ("u8", "U8 Sarana dan Prasarana"),
    ("u9", "U9 Penanganan Pengaduan, Saran dan Masukan"),
    ("jenis_kelamin", "Jenis Kelamin"),
    ("usia", "Usia"),
    ("pendidikan", "Pendidikan"),
    ("pekerjaan", "Pekerjaan"),
    ("saran", "Saran"),
];

const KUNCI_UNSUR: [&str; 9] = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];

/// Largest number of rows in one file: a year of a busy puskesmas, well above any sample.
pub const MAKS_BARIS: usize = 10_000;
/// Rows per INSERT statement: well under the bind-parameter limits of SQLite and PostgreSQL.
const BATCH: usize = 500;

/// The survey if the viewer manages it and it takes paper forms (open or closed).
async fn terima_kertas(
    db: &impl sea_orm::ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<survei::Model> {
    let s = service::kelola(db, viewer, id).await?;
    if status_of(&s) == StatusSurvei::Draft {
        return Err(AppError::conflict(Pesan::SurveiDraftKertas));
    }
    Ok(s)
}

/// The survey's own spelling of `layanan`, compared trimmed and without case.
fn layanan_survei(s: &survei::Model, layanan: &str) -> Option<String> {
    let want = layanan.trim().to_lowercase();
    layanan_of(s)
        .into_iter()
        .find(|l| l.trim().to_lowercase() == want)
}

/// A checked form (on paper, or from the public form), ready to store.
pub(crate) struct Kertas {
    pub(crate) layanan: String,
    pub(crate) respons: Respons,
    pub(crate) jenis_kelamin: Option<JenisKelamin>,
    pub(crate) usia: Option<KelompokUsia>,
    pub(crate) pendidikan: Option<Pendidikan>,
    pub(crate) pekerjaan: Option<Pekerjaan>,
    pub(crate) saran: Option<String>,
}

impl Kertas {
    /// The stored row of a validated form; `sumber` says whether it came on paper or from the
    /// public form (which then adds its token and address hashes).
    pub(crate) fn model(
        self,
        survei_id: Uuid,
        now: chrono::DateTime<chrono::Utc>,
        sumber: SumberRespons,
    ) -> survei_respons::ActiveModel {
        let nilai = |u: Unsur| self.respons.jawaban(u).map(|v| i16::from(v.get()));
        survei_respons::ActiveModel {
            id: Set(Uuid::now_v7()),
            survei_id: Set(survei_id),
            layanan: Set(self.layanan.clone()),
            u1: Set(nilai(Unsur::Persyaratan)),
            u2: Set(nilai(Unsur::SistemMekanismeProsedur)),
            u3: Set(nilai(Unsur::WaktuPenyelesaian)),
            u4: Set(nilai(Unsur::BiayaTarif)),
            u5: Set(nilai(Unsur::ProdukSpesifikasi)),
            u6: Set(nilai(Unsur::KompetensiPelaksana)),
            u7: Set(nilai(Unsur::PerilakuPelaksana)),
            u8: Set(nilai(Unsur::SaranaPrasarana)),
            u9: Set(nilai(Unsur::PenangananPengaduan)),
            jenis_kelamin: Set(self.jenis_kelamin.map(|v| v.as_str().to_owned())),
            usia: Set(self.usia.map(|v| v.as_str().to_owned())),
            pendidikan: Set(self.pendidikan.map(|v| v.as_str().to_owned())),
            pekerjaan: Set(self.pekerjaan.map(|v| v.as_str().to_owned())),
            saran: Set(self
                .saran
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())),
            sumber: Set(sumber.as_str().to_owned()),
            token_hash: Set(None),
            ip_hash: Set(None),
            dibatalkan_at: Set(None),
            dibatalkan_oleh: Set(None),
            alasan_batal: Set(None),
            created_at: Set(now),
        }
    }
}

/// Stores one paper form entered by a manager of the survey. Audited.
///
/// # Errors
/// `NotFound`/`Forbidden` as for managing the survey; `Conflict` for a draft; `Validation` for
/// an unknown service or a form without any answer.
pub async fn entri(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: EntriKertas,
    meta: &RequestMeta,
) -> AppResult<ResponsSurvei> {
    let txn = db.begin().await?;
    let s = terima_kertas(&txn, viewer, id).await?;
    let layanan = layanan_survei(&s, &req.layanan)
        .ok_or_else(|| AppError::field("layanan", Pesan::LayananTidakDikenal))?;
    let respons = Respons::baru(req.jawaban()).map_err(|e| match e {
        JawabanTidakSah::Kosong => AppError::field("u1", Pesan::JawabanKertasKosong),
        JawabanTidakSah::DiLuarSkala { unsur, .. } => {
            AppError::field(KUNCI_UNSUR[unsur.indeks()], Pesan::JawabanSurvei14)
        }
    })?;
    let kertas = Kertas {
        layanan,
        respons,
        jenis_kelamin: req.jenis_kelamin,
        usia: req.usia,
        pendidikan: req.pendidikan,
        pekerjaan: req.pekerjaan,
        saran: req.saran,
    };
    let m = kertas
        .model(s.id, clock::now(), SumberRespons::Kertas)
        .insert(&txn)
        .await?;
    let entry = AuditEntry::new("survei_respons.entered", "survei_respons")
        .actor(viewer.user_id)
        .entity(m.id)
        .after(json!({"survei_id": s.id, "layanan": m.layanan, "sumber": m.sumber}));
    audit::record(&txn, entry, meta).await?;
    super::simpan::catat_perubahan(&txn, s.id, m.id, 1).await?;
    txn.commit().await?;
    super::iki::tandai(db, s.id).await;
    Ok(respons_dto(m))
}

/// One row's problems, in the spreadsheet's terms.
struct Periksa<'a> {
    row: &'a Row,
    galat: Vec<GalatBarisImpor>,
}

impl Periksa<'_> {
    fn galat(&mut self, key: &str, pesan: Pesan) {
        self.galat.push(GalatBarisImpor {
            baris: self.row.number,
            kolom: spreadsheet::header(KOLOM, key).to_owned(),
            pesan: pesan.text(Bahasa::Id),
            pesan_en: pesan.text(Bahasa::En),
            kode: Message::from(pesan),
        });
    }

    fn profil<T: PilihanProfil>(&mut self, key: &str) -> Option<T> {
        let teks = self.row.get(key)?;
        let v = T::dari_teks(teks);
        if v.is_none() {
            let pilihan: Vec<&str> = T::SEMUA.iter().map(|v| v.label_profil()).collect();
            self.galat(
                key,
                Pesan::NilaiTidakDikenal {
                    nilai: teks.to_owned(),
                    pilihan: pilihan.join("|"),
                },
            );
        }
        v
    }

    fn jawaban(&mut self, key: &str) -> Option<u8> {
        let teks = self.row.get(key)?;
        let v = teks.parse::<u8>().ok().filter(|v| (1..=4).contains(v));
        if v.is_none() {
            self.galat(
                key,
                Pesan::JawabanKertas14 {
                    nilai: teks.to_owned(),
                },
            );
        }
        v
    }
}

fn periksa_baris(row: &Row, s: &survei::Model) -> Result<Kertas, Vec<GalatBarisImpor>> {
    let mut p = Periksa {
        row,
        galat: Vec::new(),
    };
    let layanan = match row.get("layanan") {
        None => {
            p.galat("layanan", Pesan::WajibDiisi);
            None
        }
        Some(teks) => {
            let l = layanan_survei(s, teks);
            if l.is_none() {
                p.galat(
                    "layanan",
                    Pesan::LayananBukanSurvei {
                        layanan: teks.to_owned(),
                        pilihan: layanan_of(s).join("|"),
                    },
                );
            }
            l
        }
    };
    let raw: Vec<Option<&str>> = KUNCI_UNSUR.iter().map(|k| row.get(k)).collect();
    let jawaban: [Option<u8>; 9] = std::array::from_fn(|i| p.jawaban(KUNCI_UNSUR[i]));
    let respons = if raw.iter().all(Option::is_none) {
        p.galat("u1", Pesan::JawabanKertasKosong);
        None
    } else {
        // Out-of-scale answers are already reported per column; the rest is a response.
        Respons::baru(jawaban).ok()
    };
    let jenis_kelamin = p.profil::<JenisKelamin>("jenis_kelamin");
    let usia = p.profil::<KelompokUsia>("usia");
    let pendidikan = p.profil::<Pendidikan>("pendidikan");
    let pekerjaan = p.profil::<Pekerjaan>("pekerjaan");
    let saran = row.get("saran").map(str::to_owned);
    if saran
        .as_ref()
        .is_some_and(|t| t.chars().count() as u64 > SARAN_MAKS)
    {
        p.galat("saran", Pesan::SaranMaks1000);
    }
    match (layanan, respons) {
        (Some(layanan), Some(respons)) if p.galat.is_empty() => Ok(Kertas {
            layanan,
            respons,
            jenis_kelamin,
            usia,
            pendidikan,
            pekerjaan,
            saran,
        }),
        _ => Err(p.galat),
    }
}

/// Checks an uploaded file and, unless `dry_run`, stores every row in one transaction, or
/// nothing when any row has an error. One audit event records a stored import.
///
/// # Errors
/// `NotFound`/`Forbidden` as for managing the survey; `Conflict` for a draft; `Validation`
/// for an unreadable file, a file without the `Layanan` column or too many rows;
/// `UnsupportedMediaType` for a file that is neither XLSX nor CSV.
pub async fn impor(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    dry_run: bool,
    bytes: &[u8],
    meta: &RequestMeta,
) -> AppResult<LaporanImpor> {
    let s = terima_kertas(db, viewer, id).await?;
    let rows = spreadsheet::read(bytes, KOLOM, "layanan")?;
    if rows.len() > MAKS_BARIS {
        return Err(AppError::field(
            "file",
            Pesan::BarisTerlaluBanyak {
                jumlah: rows.len().to_string(),
                maks: MAKS_BARIS.to_string(),
            },
        ));
    }
    let mut sah = Vec::with_capacity(rows.len());
    let mut galat = Vec::new();
    for row in &rows {
        match periksa_baris(row, &s) {
            Ok(k) => sah.push(k),
            Err(e) => galat.extend(e),
        }
    }
    let mut laporan = LaporanImpor {
        dry_run,
        jumlah_baris: rows.len() as u64,
        baris_sah: sah.len() as u64,
        disimpan: 0,
        galat,
    };
    if dry_run || !laporan.galat.is_empty() || sah.is_empty() {
        return Ok(laporan);
    }
    let txn = db.begin().await?;
    // The status may have changed since the check above (closed is fine, draft cannot recur).
    terima_kertas(&txn, viewer, id).await?;
    let now = clock::now();
    let disimpan = sah.len() as u64;
    let mut models = sah
        .into_iter()
        .map(|k| k.model(s.id, now, SumberRespons::Kertas))
        .peekable();
    while models.peek().is_some() {
        let chunk: Vec<_> = models.by_ref().take(BATCH).collect();
        survei_respons::Entity::insert_many(chunk)
            .exec(&txn)
            .await?;
    }
    let entry = AuditEntry::new("survei_respons.imported", "survei")
        .actor(viewer.user_id)
        .entity(s.id)
        .after(json!({"disimpan": disimpan, "file_sha256": sha256_hex(bytes)}));
    audit::record(&txn, entry, meta).await?;
    super::simpan::catat_perubahan(&txn, s.id, Uuid::now_v7(), disimpan).await?;
    txn.commit().await?;
    super::iki::tandai(db, s.id).await;
    laporan.disimpan = disimpan;
    Ok(laporan)
}

fn daftar_label<T: PilihanProfil>() -> String {
    T::SEMUA
        .iter()
        .map(|v| format!("{} ({})", v.label_profil(), v.kode_profil()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The import template of a survey: the columns (no example row, which would be imported as
/// a response if left in) and a second sheet explaining every column and code.
///
/// # Errors
/// `NotFound`/`Forbidden` as for managing the survey.
pub async fn templat(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<Vec<u8>> {
    let s = service::kelola(db, viewer, id).await?;
    let mut petunjuk: Vec<String> = vec![
        format!("Petunjuk impor formulir survei kertas: {}", s.judul),
        "1. Isi satu responden per baris mulai baris 2. Baris pertama (judul kolom) jangan diubah."
            .to_owned(),
        format!(
            "2. Layanan (wajib): salah satu dari: {}.",
            layanan_of(&s).join("; ")
        ),
        "3. U1 sampai U9: nilai jawaban 1, 2, 3 atau 4 (a = 1, b = 2, c = 3, d = 4). Unsur yang tidak dijawab di kertas dikosongkan; setidaknya satu unsur terisi."
            .to_owned(),
    ];
    for u in Unsur::ALL {
        let label = u.label_jawaban();
        petunjuk.push(format!(
            "   {} {}: 1 = {}, 2 = {}, 3 = {}, 4 = {}",
            u.kode(),
            u.nama(),
            label[0],
            label[1],
            label[2],
            label[3]
        ));
    }
    petunjuk.extend([
        "4. Profil responden (boleh kosong), isi label atau kodenya:".to_owned(),
        format!("   Jenis Kelamin: {} (juga L atau P)", daftar_label::<JenisKelamin>()),
        format!("   Usia: {}", daftar_label::<KelompokUsia>()),
        format!("   Pendidikan: {}", daftar_label::<Pendidikan>()),
        format!("   Pekerjaan: {}", daftar_label::<Pekerjaan>()),
        format!("5. Saran (boleh kosong): paling banyak {SARAN_MAKS} karakter. Jangan menulis nama, NIK atau nomor telepon."),
        "6. Unggah dulu sebagai uji coba (dry run) untuk melihat kesalahan per baris dan kolom, lalu simpan. Penyimpanan semua baris atau tidak sama sekali."
            .to_owned(),
        format!("Contoh baris: {}; 4; 3; 3; 4; 3; 4; 4; 3; 4; Perempuan; 30-39 tahun; SMA/SMK; Wiraswasta; Antrean lebih cepat", layanan_of(&s).first().map_or("", String::as_str)),
    ]);
    let petunjuk: Vec<&str> = petunjuk.iter().map(String::as_str).collect();
    spreadsheet::write("Responden", KOLOM, &[], &petunjuk)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_unsur_columns_are_headed_with_the_regulations_names() {
        for u in Unsur::ALL {
            let key = KUNCI_UNSUR[u.indeks()];
            assert_eq!(
                spreadsheet::header(KOLOM, key),
                format!("{} {}", u.kode(), u.nama())
            );
        }
        let keys: HashSet<&str> = KOLOM.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys.len(), KOLOM.len());
    }
}
