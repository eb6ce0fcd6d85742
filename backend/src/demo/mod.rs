//! Demo data for Kecamatan Cipocok Jaya, Kota Serang (`kinerja seed-demo`).
//!
//! Names and NIPs are synthetic (no real officials); every NIP agrees with its birth date and
//! gender. The structure follows docs/regulation.md, "Demo data": the kecamatan with its
//! sekretariat, subbagian, seksi and the eight kelurahan, two puskesmas under Dinas Kesehatan
//! and two SD negeri under Dinas Pendidikan, all under Pemerintah Kota Serang. Two situations
//! are built in on purpose: a vacant kasi post in Kelurahan Tembong (its staff are rated by the
//! lurah) and an acting (Plt) lurah in Kelurahan Gelam.

mod pengembangan;
pub mod pengumuman;
mod perencanaan;
mod rencana_pengembangan;
pub mod skala;
mod survei;
mod tahun;
pub mod talenta;

pub use perencanaan::seed_planning;
pub use rencana_pengembangan::seed_rencana_pengembangan;
pub use survei::{KLIEN_SEKOLAH, SEKOLAH_KEY, seed_survei};

/// The year already lived ([`tahun::seed_year`]), then the citizen satisfaction surveys and
/// the SKPs they feed, with the schools' attendance ([`seed_survei`]), and competency
/// development ([`pengembangan::seed`]). Returns the number of
/// evaluations set.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_year(
    db: &DatabaseConnection,
    kebijakan: crate::evaluation::service::Kebijakan,
    storage: &crate::storage::Storage,
) -> AppResult<usize> {
    let evaluated = tahun::seed_year(db, kebijakan, storage).await?;
    // After the year: its employee-entered realisasi must not cover the fed indicators.
    seed_survei(db).await?;
    // Development after the evaluations: their low rating made the needs it completes.
    pengembangan::seed(db, storage).await?;
    // The yearly plan last: it is built from the needs agreed above.
    seed_rencana_pengembangan(db).await?;
    Ok(evaluated)
}

use chrono::{Duration, NaiveDate};
use kinerja_api::employees::{CreateAssignment, CreateEmployee, JenisPegawai, JenisPenugasan};
use kinerja_api::nip::Gender;
use kinerja_api::organisation::{
    CreateInstansi, CreatePosition, CreateUnit, Jenjang, KelompokPelaksana, UnitKind,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::employees::service as employees;
use crate::entities::{employees as employee_rows, instansi, users};
use crate::error::AppResult;
use crate::extract::RequestMeta;
use crate::organisation::service as org;

pub const INSTANSI: &str = "Pemerintah Kota Serang";
/// Demo accounts whose username is an employee's NIP, linked to that employee.
pub const CAMAT_NIP: &str = "197805122005011003";
pub const PELAKSANA_NIP: &str = "199003172015032001";
/// Dewi Lestari, Kepala Subbagian Umum dan Kepegawaian: Rina's PPKin.
pub const KASUBAG_UMUM_NIP: &str = "198507212010012004";
/// Siti Nurhasanah, Perawat Terampil at Puskesmas Banjar Agung: her "jumlah pasien yang
/// dilayani" is bound to the data key [`SIMPUS_KEY`], fed by the puskesmas system.
pub const PERAWAT_NIP: &str = "199204152019032005";
pub const SIMPUS_KEY: &str = "simpus.pasien_dilayani";
/// Ahmad Fauzi, Sekretaris Kecamatan: the kasubag's PPKin and Rina's Atasan PPKin.
pub const SEKCAM_NIP: &str = "198102142006041002";

const KELURAHAN: [(&str, &str); 8] = [
    ("Banjaragung", "36.73.05.1004"),
    ("Banjarsari", "36.73.05.1005"),
    ("Cipocok Jaya", "36.73.05.1001"),
    ("Dalung", "36.73.05.1006"),
    ("Gelam", "36.73.05.1008"),
    ("Karundang", "36.73.05.1002"),
    ("Panancangan", "36.73.05.1003"),
    ("Tembong", "36.73.05.1007"),
];

const MALE: [&str; 15] = [
    "Ahmad", "Dedi", "Yusuf", "Rizki", "Agus", "Hendra", "Iwan", "Fajar", "Budi", "Asep", "Jajang",
    "Ujang", "Hasan", "Rahmat", "Dadang",
];
const FEMALE: [&str; 15] = [
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
];
const FAMILY: [&str; 15] = [
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
];

struct Seeder<'a> {
    db: &'a DatabaseConnection,
    instansi: Uuid,
    meta: RequestMeta,
    next: u32,
    tmt: NaiveDate,
}

/// A synthetic person: birth date, TMT CPNS, gender and sequence make a valid NIP.
struct Person {
    nama: String,
    gender: Gender,
    birth: NaiveDate,
    nip: String,
}

impl Seeder<'_> {
    fn person(&mut self) -> Person {
        let i = self.next;
        self.next += 1;
        let gender = if i.is_multiple_of(2) {
            Gender::L
        } else {
            Gender::P
        };
        let year = 1968 + (i * 7 % 30) as i32;
        let birth =
            NaiveDate::from_ymd_opt(year, 1 + i % 12, 1 + (i * 3) % 28).unwrap_or(NaiveDate::MIN);
        let tmt_year = (year + 22 + (i % 6) as i32).min(2024);
        let tmt_month = 1 + (i * 5) % 12;
        let given = if gender == Gender::L { MALE } else { FEMALE };
        let nama = format!(
            "{} {}",
            given[(i as usize) % 15],
            FAMILY[(i as usize * 7 + 3) % 15]
        );
        let digit = if gender == Gender::L { 1 } else { 2 };
        let nip = format!(
            "{}{tmt_year:04}{tmt_month:02}{digit}{:03}",
            birth.format("%Y%m%d"),
            100 + i
        );
        Person {
            nama,
            gender,
            birth,
            nip,
        }
    }

    async fn unit(
        &self,
        parent: Option<Uuid>,
        kind: UnitKind,
        nama: &str,
        kode: Option<&str>,
        alamat: Option<&str>,
    ) -> AppResult<Uuid> {
        let req = CreateUnit {
            instansi_id: self.instansi,
            parent_id: parent,
            kind,
            nama: nama.to_owned(),
            kode: kode.map(str::to_owned),
            alamat: alamat.map(str::to_owned),
            berlaku_mulai: NaiveDate::from_ymd_opt(2017, 1, 1),
        };
        Ok(org::create_unit(self.db, None, req, &self.meta).await?.id)
    }

    async fn position(
        &self,
        unit: Uuid,
        nama: &str,
        jenjang: Jenjang,
        atasan: Option<Uuid>,
        kepala: bool,
    ) -> AppResult<Uuid> {
        let kelompok = (jenjang == Jenjang::Pelaksana).then_some(KelompokPelaksana::Klerek);
        let req = CreatePosition {
            unit_id: unit,
            nama: nama.to_owned(),
            jenjang,
            kelompok,
            atasan_id: atasan,
            kepala_unit: kepala,
        };
        Ok(org::create_position(self.db, None, req, &self.meta)
            .await?
            .id)
    }

    /// A position and a synthetic holder; returns the position id.
    async fn filled(
        &mut self,
        unit: Uuid,
        nama: &str,
        jenjang: Jenjang,
        atasan: Option<Uuid>,
        kepala: bool,
    ) -> AppResult<Uuid> {
        let position = self.position(unit, nama, jenjang, atasan, kepala).await?;
        let person = self.person();
        self.employ(position, jenjang, person).await?;
        Ok(position)
    }

    /// A post held by a named person (a demo account's employee record). The
    /// synthetic person is still drawn so that everyone else's generated NIP stays the same.
    async fn filled_as(
        &mut self,
        unit: Uuid,
        (jabatan, jenjang, atasan, kepala): (&str, Jenjang, Option<Uuid>, bool),
        (nama, gender, (y, m, d), nip): (&str, Gender, (i32, u32, u32), &str),
    ) -> AppResult<Uuid> {
        let position = self
            .position(unit, jabatan, jenjang, atasan, kepala)
            .await?;
        let _ = self.person();
        let person = Person {
            nama: nama.to_owned(),
            gender,
            birth: NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN),
            nip: nip.to_owned(),
        };
        self.employ(position, jenjang, person).await?;
        Ok(position)
    }

    async fn employ(&self, position: Uuid, jenjang: Jenjang, p: Person) -> AppResult<Uuid> {
        let (golongan, depan, belakang) = match jenjang {
            Jenjang::JptPratama => ("IV/c", None, Some("S.STP., M.Si.")),
            Jenjang::Administrator => ("IV/a", None, Some("S.STP., M.Si.")),
            Jenjang::Pengawas => ("III/d", None, Some("S.Sos.")),
            Jenjang::AhliMuda => ("III/c", None, Some("S.Kom., M.T.")),
            Jenjang::AhliPertama => ("III/a", None, Some("S.Pd.")),
            Jenjang::Terampil | Jenjang::Mahir => ("II/d", None, Some("A.Md.")),
            _ => ("II/c", None, None),
        };
        let req = CreateEmployee {
            instansi_id: self.instansi,
            nip: p.nip,
            nip_lama: None,
            nama: p.nama,
            gelar_depan: depan,
            gelar_belakang: belakang.map(str::to_owned),
            tempat_lahir: Some("Serang".to_owned()),
            tanggal_lahir: p.birth,
            jenis_kelamin: p.gender,
            jenis_pegawai: JenisPegawai::Pns,
            golongan: Some(golongan.to_owned()),
            tmt_golongan: NaiveDate::from_ymd_opt(2022, 4, 1),
            jabatan_id: Some(position),
            tmt_jabatan: Some(self.tmt),
            status: None,
            email: None,
            telepon: None,
            password: None,
        };
        let txn = self.db.begin().await?;
        let row = employees::insert(&txn, None, req, None, &self.meta).await?;
        txn.commit().await?;
        Ok(row.id)
    }
}

/// Creates the demo organisation once; returns false when it already exists.
///
/// # Errors
/// On a database failure.
pub async fn seed_organisation(db: &DatabaseConnection) -> AppResult<bool> {
    let exists = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        ..RequestMeta::default()
    };
    let inst = org::create_instansi(
        db,
        None,
        CreateInstansi {
            nama: INSTANSI.into(),
            kode: Some("3673".into()),
            zona_waktu: None,
        },
        &meta,
    )
    .await?;
    let mut s = Seeder {
        db,
        instansi: inst.id,
        meta,
        next: 0,
        tmt: NaiveDate::from_ymd_opt(2023, 1, 2).unwrap_or(NaiveDate::MIN),
    };
    use Jenjang::*;

    let pemda = s
        .unit(
            None,
            UnitKind::Pemda,
            INSTANSI,
            Some("36.73"),
            Some("Jl. Jenderal Sudirman No. 5, Kota Serang"),
        )
        .await?;
    let setda = s
        .unit(
            Some(pemda),
            UnitKind::SekretariatDaerah,
            "Sekretariat Daerah Kota Serang",
            None,
            None,
        )
        .await?;
    // The Sekda's own PPKin is the Wali Kota, who is not an employee: the report lists the Sekda.
    let sekda = s
        .filled(setda, "Sekretaris Daerah", JptPratama, None, true)
        .await?;

    let kec = s
        .unit(
            Some(pemda),
            UnitKind::Kecamatan,
            "Kecamatan Cipocok Jaya",
            Some("36.73.05"),
            Some("Jl. Bhayangkara, Cipocok Jaya, Kota Serang 42121"),
        )
        .await?;
    let camat = s
        .position(kec, "Camat Cipocok Jaya", Administrator, Some(sekda), true)
        .await?;
    let camat_person = Person {
        nama: "Hendra Gunawan".into(),
        gender: Gender::L,
        birth: NaiveDate::from_ymd_opt(1978, 5, 12).unwrap_or(NaiveDate::MIN),
        nip: CAMAT_NIP.into(),
    };
    s.employ(camat, Administrator, camat_person).await?;

    let sekret = s
        .unit(
            Some(kec),
            UnitKind::Sekretariat,
            "Sekretariat Kecamatan Cipocok Jaya",
            None,
            None,
        )
        .await?;
    let sekcam = s
        .filled_as(
            sekret,
            ("Sekretaris Kecamatan", Administrator, Some(camat), true),
            ("Ahmad Fauzi", Gender::L, (1981, 2, 14), SEKCAM_NIP),
        )
        .await?;
    let umum = s
        .unit(
            Some(sekret),
            UnitKind::Subbagian,
            "Subbagian Umum dan Kepegawaian",
            None,
            None,
        )
        .await?;
    let kasubag_umum = s
        .filled_as(
            umum,
            (
                "Kepala Subbagian Umum dan Kepegawaian",
                Pengawas,
                Some(sekcam),
                true,
            ),
            ("Dewi Lestari", Gender::P, (1985, 7, 21), KASUBAG_UMUM_NIP),
        )
        .await?;
    let pengadministrasi = s
        .position(
            umum,
            "Pengadministrasi Perkantoran",
            Pelaksana,
            Some(kasubag_umum),
            false,
        )
        .await?;
    let demo_pelaksana = Person {
        nama: "Rina Marlina".into(),
        gender: Gender::P,
        birth: NaiveDate::from_ymd_opt(1990, 3, 17).unwrap_or(NaiveDate::MIN),
        nip: PELAKSANA_NIP.into(),
    };
    s.employ(pengadministrasi, Pelaksana, demo_pelaksana)
        .await?;
    s.filled(
        umum,
        "Pengelola Kepegawaian",
        Pelaksana,
        Some(kasubag_umum),
        false,
    )
    .await?;
    let program = s
        .unit(
            Some(sekret),
            UnitKind::Subbagian,
            "Subbagian Program dan Keuangan",
            None,
            None,
        )
        .await?;
    let kasubag_program = s
        .filled(
            program,
            "Kepala Subbagian Program dan Keuangan",
            Pengawas,
            Some(sekcam),
            true,
        )
        .await?;
    s.filled(
        program,
        "Bendahara Pengeluaran",
        Pelaksana,
        Some(kasubag_program),
        false,
    )
    .await?;
    s.filled(
        program,
        "Penyusun Rencana Kegiatan dan Anggaran",
        Pelaksana,
        Some(kasubag_program),
        false,
    )
    .await?;

    let mut kasi_pemerintahan = camat;
    for (i, seksi) in [
        "Pemerintahan",
        "Ketenteraman dan Ketertiban Umum",
        "Pemberdayaan Masyarakat",
        "Kesejahteraan Sosial",
        "Pelayanan",
    ]
    .into_iter()
    .enumerate()
    {
        let unit = s
            .unit(
                Some(kec),
                UnitKind::Seksi,
                &format!("Seksi {seksi}"),
                None,
                None,
            )
            .await?;
        let kasi = s
            .filled(
                unit,
                &format!("Kepala Seksi {seksi}"),
                Pengawas,
                Some(camat),
                true,
            )
            .await?;
        if i == 0 {
            kasi_pemerintahan = kasi;
            s.filled(
                unit,
                "Analis Kebijakan Ahli Muda",
                AhliMuda,
                Some(camat),
                false,
            )
            .await?;
        }
        if i == 4 {
            s.filled(
                unit,
                "Pranata Komputer Terampil",
                Terampil,
                Some(kasi),
                false,
            )
            .await?;
        }
        s.filled(
            unit,
            &format!("Pengadministrasi {seksi}"),
            Pelaksana,
            Some(kasi),
            false,
        )
        .await?;
        s.filled(
            unit,
            &format!("Pengolah Data {seksi}"),
            Pelaksana,
            Some(kasi),
            false,
        )
        .await?;
    }

    let today = crate::clock::today();
    for (nama, kode) in KELURAHAN {
        let unit = s
            .unit(
                Some(kec),
                UnitKind::Kelurahan,
                &format!("Kelurahan {nama}"),
                Some(kode),
                Some(&format!(
                    "Kelurahan {nama}, Kecamatan Cipocok Jaya, Kota Serang"
                )),
            )
            .await?;
        let lurah = if nama == "Gelam" {
            // Vacant lurah post with an acting official (Plt) from the kecamatan.
            let lurah = s
                .position(unit, "Lurah Gelam", Pengawas, Some(camat), true)
                .await?;
            let plt = employee_rows::Entity::find()
                .filter(employee_rows::Column::JabatanId.eq(kasi_pemerintahan))
                .one(db)
                .await?;
            if let Some(plt) = plt {
                let acting = CreateAssignment {
                    jabatan_id: lurah,
                    jenis: JenisPenugasan::Plt,
                    mulai: today - Duration::days(30),
                    selesai: Some(today + Duration::days(150)),
                    keterangan: Some("Plt. Lurah Gelam (demo)".into()),
                };
                employees::create_assignment_as(db, None, plt.id, acting, &s.meta).await?;
            }
            lurah
        } else {
            s.filled(unit, &format!("Lurah {nama}"), Pengawas, Some(camat), true)
                .await?
        };
        let sekkel = s
            .filled(unit, "Sekretaris Kelurahan", Pengawas, Some(lurah), false)
            .await?;
        let kasi_pem = s
            .filled(
                unit,
                "Kepala Seksi Pemerintahan dan Ketenteraman",
                Pengawas,
                Some(lurah),
                false,
            )
            .await?;
        let kasi_pmks = if nama == "Tembong" {
            s.position(
                unit,
                "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
                Pengawas,
                Some(lurah),
                false,
            )
            .await?
        } else {
            s.filled(
                unit,
                "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
                Pengawas,
                Some(lurah),
                false,
            )
            .await?
        };
        s.filled(
            unit,
            "Pengadministrasi Kelurahan",
            Pelaksana,
            Some(sekkel),
            false,
        )
        .await?;
        s.filled(
            unit,
            "Pengelola Layanan Kemasyarakatan",
            Pelaksana,
            Some(kasi_pem),
            false,
        )
        .await?;
        s.filled(
            unit,
            "Pengelola Data Kesejahteraan Sosial",
            Pelaksana,
            Some(kasi_pmks),
            false,
        )
        .await?;
    }

    let dinkes = s
        .unit(
            Some(pemda),
            UnitKind::Dinas,
            "Dinas Kesehatan Kota Serang",
            None,
            None,
        )
        .await?;
    let kadinkes = s
        .filled(
            dinkes,
            "Kepala Dinas Kesehatan",
            JptPratama,
            Some(sekda),
            true,
        )
        .await?;
    for puskesmas in ["Puskesmas Banjar Agung", "Puskesmas Banten Girang"] {
        let unit = s
            .unit(
                Some(dinkes),
                UnitKind::Puskesmas,
                puskesmas,
                None,
                Some("Kecamatan Cipocok Jaya, Kota Serang"),
            )
            .await?;
        let kepala = s
            .filled(
                unit,
                &format!("Kepala {puskesmas}"),
                Pengawas,
                Some(kadinkes),
                true,
            )
            .await?;
        s.filled(
            unit,
            "Dokter Ahli Pertama",
            AhliPertama,
            Some(kepala),
            false,
        )
        .await?;
        if puskesmas == "Puskesmas Banjar Agung" {
            s.filled_as(
                unit,
                ("Perawat Terampil", Terampil, Some(kepala), false),
                ("Siti Nurhasanah", Gender::P, (1992, 4, 15), PERAWAT_NIP),
            )
            .await?;
        } else {
            s.filled(unit, "Perawat Terampil", Terampil, Some(kepala), false)
                .await?;
        }
        s.filled(unit, "Bidan Terampil", Terampil, Some(kepala), false)
            .await?;
        s.filled(
            unit,
            "Pengadministrasi Umum Puskesmas",
            Pelaksana,
            Some(kepala),
            false,
        )
        .await?;
    }

    let dindik = s
        .unit(
            Some(pemda),
            UnitKind::Dinas,
            "Dinas Pendidikan dan Kebudayaan Kota Serang",
            None,
            None,
        )
        .await?;
    let kadis = s
        .filled(
            dindik,
            "Kepala Dinas Pendidikan dan Kebudayaan",
            JptPratama,
            Some(sekda),
            true,
        )
        .await?;
    for sekolah in ["SD Negeri Cipocok 1", "SD Negeri Banjarsari 2"] {
        let unit = s
            .unit(
                Some(dindik),
                UnitKind::Sekolah,
                sekolah,
                None,
                Some("Kecamatan Cipocok Jaya, Kota Serang"),
            )
            .await?;
        // The kepala sekolah rates the guru; modelled as a position of Pengawas rank.
        let kepsek = s
            .filled(
                unit,
                &format!("Kepala {sekolah}"),
                Pengawas,
                Some(kadis),
                true,
            )
            .await?;
        s.filled(unit, "Guru Ahli Pertama", AhliPertama, Some(kepsek), false)
            .await?;
        s.filled(unit, "Guru Ahli Pertama", AhliPertama, Some(kepsek), false)
            .await?;
        s.filled(unit, "Guru Ahli Muda", AhliMuda, Some(kepsek), false)
            .await?;
        s.filled(unit, "Operator Sekolah", Pelaksana, Some(kepsek), false)
            .await?;
    }
    Ok(true)
}

/// A small training catalogue for improvement plans (only when the catalogue is empty).
/// Returns the number of trainings added.
///
/// # Errors
/// On a database failure.
pub async fn seed_katalog(db: &DatabaseConnection) -> AppResult<usize> {
    use crate::entities::katalog_pelatihan;
    use kinerja_api::penilaian::JenisPelatihan::{Fungsional, Manajerial, SosialKultural, Teknis};

    if katalog_pelatihan::Entity::find().one(db).await?.is_some() {
        return Ok(0);
    }
    let items = [
        ("Pelatihan Pengelolaan Arsip Dinamis", Teknis, 24),
        (
            "Bimbingan Teknis Penyusunan SKP dan Indikator Kinerja",
            Teknis,
            16,
        ),
        ("Pelatihan Pelayanan Prima", SosialKultural, 20),
        ("Pelatihan Kepemimpinan Pengawas", Manajerial, 120),
        (
            "Pelatihan Penyusunan Laporan Keuangan Satuan Kerja",
            Teknis,
            32,
        ),
        ("Pelatihan Penjenjangan Fungsional Perawat", Fungsional, 40),
    ];
    let n = items.len();
    for (nama, jenis, jp) in items {
        katalog_pelatihan::ActiveModel {
            id: Set(Uuid::now_v7()),
            nama: Set(nama.to_owned()),
            jenis: Set(jenis.as_str().to_owned()),
            jp: Set(Some(jp)),
            aktif: Set(true),
            created_at: Set(chrono::Utc::now()),
        }
        .insert(db)
        .await?;
    }
    Ok(n)
}

/// Links demo accounts whose username is an employee's NIP to that employee.
///
/// # Errors
/// On a database failure.
pub async fn link_accounts(db: &DatabaseConnection) -> AppResult<u64> {
    let mut linked = 0;
    for account in users::Entity::find().all(db).await? {
        let employee = employee_rows::Entity::find()
            .filter(employee_rows::Column::Nip.eq(account.username.clone()))
            .filter(employee_rows::Column::UserId.is_null())
            .one(db)
            .await?;
        if let Some(e) = employee {
            let mut active: employee_rows::ActiveModel = e.into();
            active.user_id = Set(Some(account.id));
            sea_orm::ActiveModelTrait::update(active, db).await?;
            linked += 1;
        }
    }
    Ok(linked)
}
