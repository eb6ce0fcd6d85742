//! The generated organisation of `seed-scale`: names, the tree of OPD and kecamatan, positions
//! and employees (see docs/performance.md).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kinerja_api::organisation::{Jenjang, KelompokPelaksana, UnitKind};
use sea_orm::Set;
use uuid::Uuid;

use crate::entities::{positions, units};

use super::KODE_PREFIX;

/// Staff of one seksi besides its head: the PPKin of the benchmark has this many subordinates.
pub(super) const STAF_SEKSI: usize = 12;

pub(super) const OPD: [&str; 24] = [
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Lingkungan Hidup",
    "Dinas Pertanian",
    "Dinas Koperasi dan Usaha Kecil Menengah",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Pariwisata",
    "Dinas Pemuda dan Olahraga",
    "Dinas Komunikasi dan Informatika",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Ketahanan Pangan",
    "Dinas Kelautan dan Perikanan",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Pendapatan Daerah",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
];
pub(super) const BIDANG: [&str; 8] = [
    "Perencanaan dan Pengendalian",
    "Pelayanan",
    "Pembinaan dan Pengembangan",
    "Sarana dan Prasarana",
    "Data dan Informasi",
    "Pengawasan",
    "Kerja Sama",
    "Penataan",
];
pub(super) const SEKSI: [&str; 3] = ["Perencanaan", "Pelaksanaan", "Evaluasi dan Pelaporan"];
pub(super) const SUBBAG: [&str; 3] = [
    "Umum dan Kepegawaian",
    "Keuangan",
    "Perencanaan dan Pelaporan",
];
pub(super) const WILAYAH: [&str; 30] = [
    "Anyar",
    "Baros",
    "Bojonegara",
    "Carenang",
    "Cikande",
    "Cikeusal",
    "Cinangka",
    "Ciomas",
    "Ciruas",
    "Gunungsari",
    "Jawilan",
    "Kibin",
    "Kopo",
    "Kragilan",
    "Kramatwatu",
    "Lebak Wangi",
    "Mancak",
    "Pabuaran",
    "Padarincang",
    "Pamarayan",
    "Petir",
    "Pontang",
    "Pulo Ampel",
    "Tanara",
    "Tirtayasa",
    "Tunjung Teja",
    "Waringinkurung",
    "Binuang",
    "Bandung",
    "Puloampel",
];
pub(super) const DESA: [&str; 12] = [
    "Sukajaya",
    "Sukamaju",
    "Mekarsari",
    "Margasari",
    "Cibadak",
    "Tegalsari",
    "Sindangsari",
    "Kebon Jaya",
    "Pasir Gadung",
    "Cilayang",
    "Kadubeureum",
    "Sukamanah",
];
pub(super) const MALE: [&str; 30] = [
    "Ahmad", "Dedi", "Yusuf", "Rizki", "Agus", "Hendra", "Iwan", "Fajar", "Budi", "Asep", "Jajang",
    "Ujang", "Hasan", "Rahmat", "Dadang", "Eko", "Bambang", "Teguh", "Wahyu", "Andi", "Irfan",
    "Joko", "Dani", "Arief", "Yayan", "Cecep", "Ridwan", "Imam", "Galih", "Taufik",
];
pub(super) const FEMALE: [&str; 30] = [
    "Siti",
    "Nurhayati",
    "Rina",
    "Dewi",
    "Euis",
    "Ratna",
    "Lilis",
    "Yuyun",
    "Fitri",
    "Aisyah",
    "Nining",
    "Wulan",
    "Sri",
    "Tati",
    "Neneng",
    "Ani",
    "Yanti",
    "Rini",
    "Indah",
    "Mega",
    "Putri",
    "Ayu",
    "Lina",
    "Novi",
    "Ika",
    "Desi",
    "Maya",
    "Heni",
    "Rosita",
    "Kartika",
];
pub(super) const FAMILY: [&str; 30] = [
    "Hidayat",
    "Suryana",
    "Maulana",
    "Permana",
    "Rahmawati",
    "Kurniasih",
    "Setiawan",
    "Fauziah",
    "Hermawan",
    "Sopiah",
    "Saputra",
    "Marlina",
    "Nugraha",
    "Komariah",
    "Firmansyah",
    "Wijaya",
    "Susanti",
    "Pratama",
    "Lestari",
    "Gunawan",
    "Hakim",
    "Nurjanah",
    "Kusuma",
    "Sulastri",
    "Ramdani",
    "Handayani",
    "Syahputra",
    "Wulandari",
    "Mulyadi",
    "Anggraeni",
];
/// Staff posts: (jabatan, jenjang), picked in turn.
pub(super) const STAF: [(&str, Jenjang); 12] = [
    ("Pengadministrasi Perkantoran", Jenjang::Pelaksana),
    ("Pengolah Data dan Informasi", Jenjang::Pelaksana),
    ("Penata Layanan Operasional", Jenjang::Pelaksana),
    ("Analis Kebijakan Ahli Pertama", Jenjang::AhliPertama),
    ("Pengelola Umum Operasional", Jenjang::Pelaksana),
    ("Pranata Komputer Terampil", Jenjang::Terampil),
    ("Penelaah Teknis Kebijakan", Jenjang::Pelaksana),
    ("Perencana Ahli Muda", Jenjang::AhliMuda),
    ("Arsiparis Mahir", Jenjang::Mahir),
    ("Operator Layanan Operasional", Jenjang::Pelaksana),
    (
        "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        Jenjang::AhliPertama,
    ),
    ("Pengelola Layanan Kemasyarakatan", Jenjang::Pelaksana),
];

/// An employee to create, or (index 0) the demo's Sekretaris Daerah, who rates the OPD heads.
pub(super) struct Emp {
    pub(super) id: Uuid,
    pub(super) position: Uuid,
    pub(super) unit: Uuid,
    pub(super) jabatan: String,
    pub(super) unit_nama: String,
    pub(super) jenjang: Jenjang,
    pub(super) nama: String,
    pub(super) gelar_belakang: Option<&'static str>,
    pub(super) nip: String,
    pub(super) golongan: &'static str,
    pub(super) male: bool,
    pub(super) birth: NaiveDate,
    /// Index of the PPKin (the holder of the atasan position).
    pub(super) ppkin: Option<usize>,
    /// SKP JPT/pimpinan unit kerja (kepala OPD, camat).
    pub(super) pimpinan: bool,
    pub(super) user_id: Option<Uuid>,
    pub(super) skp: Uuid,
    /// The first RHK of the SKP: the subordinates' RHK intervene it.
    pub(super) rhk0: Uuid,
}

pub(super) struct Gen {
    pub(super) instansi: Uuid,
    pub(super) seed: u64,
    pub(super) budget: usize,
    pub(super) now: DateTime<Utc>,
    pub(super) tmt: NaiveDate,
    pub(super) units: Vec<units::ActiveModel>,
    pub(super) positions: Vec<positions::ActiveModel>,
    pub(super) emps: Vec<Emp>,
    pub(super) unit_names: HashMap<Uuid, String>,
}

pub(super) fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 of (a, b): deterministic, well spread.
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(super) fn pick<T: Copy>(items: &[T], h: u64) -> T {
    items[(h % items.len() as u64) as usize]
}

impl Gen {
    pub(super) fn full(&self) -> bool {
        self.emps.len() > self.budget
    }

    pub(super) fn unit(&mut self, parent: Uuid, kind: UnitKind, nama: String) -> Uuid {
        let id = Uuid::now_v7();
        let kode = format!("{KODE_PREFIX}{}", self.units.len() + 1);
        self.units.push(units::ActiveModel {
            id: Set(id),
            instansi_id: Set(self.instansi),
            parent_id: Set(Some(parent)),
            kind: Set(kind.as_str().to_owned()),
            nama: Set(nama.clone()),
            kode: Set(Some(kode)),
            alamat: Set(None),
            aktif: Set(true),
            berlaku_mulai: Set(self.tmt),
            berlaku_sampai: Set(None),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            lock_version: Set(1),
        });
        self.unit_names.insert(id, nama);
        id
    }

    /// A position held by a new employee rated by `superior`; `None` once the budget is spent.
    pub(super) fn post(
        &mut self,
        unit: Uuid,
        jabatan: String,
        jenjang: Jenjang,
        superior: usize,
        kepala: bool,
    ) -> Option<usize> {
        if self.full() {
            return None;
        }
        let i = self.emps.len() as u64;
        let position = Uuid::now_v7();
        self.positions.push(positions::ActiveModel {
            id: Set(position),
            unit_id: Set(unit),
            nama: Set(jabatan.clone()),
            jenjang: Set(jenjang.as_str().to_owned()),
            kelompok: Set((jenjang == Jenjang::Pelaksana)
                .then(|| KelompokPelaksana::Klerek.as_str().to_owned())),
            atasan_id: Set(Some(self.emps[superior].position)),
            kepala_unit: Set(kepala),
            aktif: Set(true),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            lock_version: Set(1),
        });
        let h = mix(self.seed, i);
        let male = h & 1 == 0;
        let given = if male { &MALE } else { &FEMALE };
        let nama = format!("{} {}", pick(given, h >> 8), pick(&FAMILY, h >> 24));
        // The NIP is unique by construction: the index fixes (birth day, sequence) one to one.
        let n = i - 1;
        let day = (n % 12_773) as i64;
        let block = n / 12_773;
        let birth =
            NaiveDate::from_ymd_opt(1966, 1, 1).unwrap_or(NaiveDate::MIN) + Duration::days(day);
        let tmt_year = (birth.year() + 22 + (h >> 40) as i32 % 6).min(2024);
        let tmt_month = 1 + (h >> 44) % 12;
        let nip = format!(
            "{}{tmt_year:04}{tmt_month:02}{}{:03}",
            birth.format("%Y%m%d"),
            if male { 1 } else { 2 },
            500 + block
        );
        let (golongan, gelar) = match jenjang {
            Jenjang::JptPratama => ("IV/c", Some("S.STP., M.Si.")),
            Jenjang::Administrator => ("IV/a", Some("S.E., M.M.")),
            Jenjang::Pengawas => ("III/d", Some("S.Sos.")),
            Jenjang::AhliMuda => ("III/c", Some("S.T., M.T.")),
            Jenjang::AhliPertama => ("III/a", Some("S.Kom.")),
            Jenjang::Terampil | Jenjang::Mahir => ("II/d", Some("A.Md.")),
            _ => (
                pick(&["II/a", "II/b", "II/c", "III/a", "III/b"], h >> 50),
                None,
            ),
        };
        let unit_nama = self.unit_names.get(&unit).cloned().unwrap_or_default();
        self.emps.push(Emp {
            id: Uuid::now_v7(),
            position,
            unit,
            jabatan,
            unit_nama,
            jenjang,
            nama,
            gelar_belakang: gelar,
            nip,
            golongan,
            male,
            birth,
            ppkin: Some(superior),
            pimpinan: jenjang == Jenjang::JptPratama
                || (kepala && jenjang == Jenjang::Administrator && superior == 0),
            user_id: None,
            skp: Uuid::now_v7(),
            rhk0: Uuid::now_v7(),
        });
        Some(self.emps.len() - 1)
    }

    /// A seksi (or subbagian) with its head and staff.
    pub(super) fn seksi(
        &mut self,
        parent: Uuid,
        kind: UnitKind,
        nama: &str,
        superior: usize,
        staf: usize,
    ) {
        if self.full() {
            return;
        }
        let label = match kind {
            UnitKind::Subbagian => "Subbagian",
            _ => "Seksi",
        };
        let unit = self.unit(parent, kind, format!("{label} {nama}"));
        let Some(head) = self.post(
            unit,
            format!("Kepala {label} {nama}"),
            Jenjang::Pengawas,
            superior,
            true,
        ) else {
            return;
        };
        for s in 0..staf {
            let (jabatan, jenjang) = STAF[s % STAF.len()];
            if self
                .post(unit, jabatan.to_owned(), jenjang, head, false)
                .is_none()
            {
                return;
            }
        }
    }

    pub(super) fn opd(&mut self, pemda: Uuid, k: usize) {
        let base = OPD[k % OPD.len()];
        let nama = match k / OPD.len() {
            0 => format!("{base} Provinsi Skala"),
            w => format!("{base} Provinsi Skala Wilayah {}", w + 1),
        };
        let kind = if base.starts_with("Badan") {
            UnitKind::Badan
        } else {
            UnitKind::Dinas
        };
        let unit = self.unit(pemda, kind, nama.clone());
        let Some(kepala) = self.post(
            unit,
            format!("Kepala {}", nama.split(" Provinsi").next().unwrap_or(base)),
            Jenjang::JptPratama,
            0,
            true,
        ) else {
            return;
        };
        // Bidang first, so that the first kasi (the benchmark's PPKin) sits in a bidang.
        for b in 0..4 {
            if self.full() {
                return;
            }
            let bidang = BIDANG[(k + b) % BIDANG.len()];
            let bu = self.unit(unit, UnitKind::Bidang, format!("Bidang {bidang}"));
            let Some(kabid) = self.post(
                bu,
                format!("Kepala Bidang {bidang}"),
                Jenjang::Administrator,
                kepala,
                true,
            ) else {
                return;
            };
            for s in SEKSI {
                self.seksi(
                    bu,
                    UnitKind::Seksi,
                    &format!("{s} {bidang}"),
                    kabid,
                    STAF_SEKSI,
                );
            }
        }
        if self.full() {
            return;
        }
        let su = self.unit(unit, UnitKind::Sekretariat, "Sekretariat".to_owned());
        let Some(sekretaris) = self.post(
            su,
            "Sekretaris".to_owned(),
            Jenjang::Administrator,
            kepala,
            true,
        ) else {
            return;
        };
        for s in SUBBAG {
            self.seksi(su, UnitKind::Subbagian, s, sekretaris, 10);
        }
    }

    pub(super) fn kecamatan(&mut self, pemda: Uuid, k: usize) {
        let base = WILAYAH[k % WILAYAH.len()];
        let wilayah = match k / WILAYAH.len() {
            0 => base.to_owned(),
            w => format!("{base} {}", w + 1),
        };
        let unit = self.unit(pemda, UnitKind::Kecamatan, format!("Kecamatan {wilayah}"));
        let Some(camat) = self.post(
            unit,
            format!("Camat {wilayah}"),
            Jenjang::Administrator,
            0,
            true,
        ) else {
            return;
        };
        let su = self.unit(
            unit,
            UnitKind::Sekretariat,
            "Sekretariat Kecamatan".to_owned(),
        );
        let Some(sekcam) = self.post(
            su,
            "Sekretaris Kecamatan".to_owned(),
            Jenjang::Administrator,
            camat,
            true,
        ) else {
            return;
        };
        for s in ["Umum dan Kepegawaian", "Program dan Keuangan"] {
            self.seksi(su, UnitKind::Subbagian, s, sekcam, 5);
        }
        for s in [
            "Pemerintahan",
            "Ketenteraman dan Ketertiban Umum",
            "Pemberdayaan Masyarakat",
            "Kesejahteraan Sosial",
            "Pelayanan",
        ] {
            self.seksi(unit, UnitKind::Seksi, s, camat, 7);
        }
        for d in 0..8 {
            if self.full() {
                return;
            }
            let desa = DESA[(k * 3 + d) % DESA.len()];
            let ku = self.unit(
                unit,
                UnitKind::Kelurahan,
                format!("Kelurahan {desa} {wilayah}"),
            );
            let Some(lurah) =
                self.post(ku, format!("Lurah {desa}"), Jenjang::Pengawas, camat, true)
            else {
                return;
            };
            for kasi in [
                "Sekretaris Kelurahan",
                "Kepala Seksi Pemerintahan dan Ketenteraman",
                "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
            ] {
                let Some(head) = self.post(ku, kasi.to_owned(), Jenjang::Pengawas, lurah, false)
                else {
                    return;
                };
                for s in 0..3 {
                    let (jabatan, jenjang) = STAF[(d + s * 4) % STAF.len()];
                    if self
                        .post(ku, jabatan.to_owned(), jenjang, head, false)
                        .is_none()
                    {
                        return;
                    }
                }
            }
        }
    }
}
