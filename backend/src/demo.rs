//! Demo data for Kecamatan Cipocok Jaya, Kota Serang (`kinerja seed-demo`).
//!
//! Names and NIPs are synthetic (no real officials); every NIP agrees with its birth date and
//! gender. The structure follows DOMAIN.md 14: the kecamatan with its sekretariat, subbagian,
//! seksi and the eight kelurahan, two puskesmas under Dinas Kesehatan and two SD negeri under
//! Dinas Pendidikan, all under Pemerintah Kota Serang. Two situations are built in on purpose:
//! a vacant kasi post in Kelurahan Tembong (its staff are rated by the lurah) and an acting
//! (Plt) lurah in Kelurahan Gelam.

use chrono::{Duration, NaiveDate, Utc};
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

    let today = Utc::now().date_naive();
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

/// Opens the current year's period and agrees an SKP for every demo employee whose chain of
/// superiors allows it (everyone but the Sekda, whose rater is the Wali Kota), top-down so that
/// each RHK intervenes the superior's. Returns the number of approved SKPs; 0 when the period
/// exists already.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_planning(db: &DatabaseConnection) -> AppResult<usize> {
    use chrono::Datelike;
    use kinerja_api::planning::{
        ApproveSkp, CreatePeriode, CreateSkp, EkspektasiKhusus, JenisSkp, Lampiran, Pendekatan,
        PeriodeAction, Perspektif, StatusPeriode, SubmitSkp, UpdateSkp,
    };
    use std::collections::{HashMap, HashSet};

    use crate::employees::service::Viewer;
    use crate::employees::superiors::Resolver;
    use crate::planning::{periods, skp};

    let Some(inst) = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let year = Utc::now().year();
    let exists = crate::entities::periods::Entity::find()
        .filter(crate::entities::periods::Column::InstansiId.eq(inst.id))
        .filter(crate::entities::periods::Column::Tahun.eq(year))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(0);
    }
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        ..RequestMeta::default()
    };
    let create = CreatePeriode {
        instansi_id: inst.id,
        tahun: year,
        mulai: None,
        selesai: None,
        ritme: None,
        batas_penetapan_skp: NaiveDate::from_ymd_opt(year, 1, 31),
        jeda_kunci_realisasi_hari: None,
        batas_evaluasi_tahunan: NaiveDate::from_ymd_opt(year + 1, 1, 31),
        jendela_keberatan_hari: None,
    };
    let period = periods::create(db, None, create, &meta).await?;
    periods::transition(
        db,
        None,
        period.id,
        StatusPeriode::Dibuka,
        PeriodeAction {
            lock_version: period.lock_version,
            reason: Some("Data demo".into()),
        },
        &meta,
    )
    .await?;

    let staff = employee_rows::Entity::find()
        .filter(employee_rows::Column::InstansiId.eq(inst.id))
        .filter(employee_rows::Column::JabatanId.is_not_null())
        .all(db)
        .await?;
    let resolver = Resolver::load(
        db,
        inst.id,
        Utc::now().date_naive().clamp(period.mulai, period.selesai),
    )
    .await?;
    let ppkin_of: HashMap<Uuid, Uuid> = staff
        .iter()
        .filter_map(|e| resolver.ppkin(e.id).ok().map(|p| (e.id, p.employee.id)))
        .collect();
    let viewer = |id: Uuid| Viewer {
        user_id: Uuid::nil(),
        roles: Vec::new(),
        employee_id: Some(id),
        subtree: HashSet::new(),
    };
    let names: HashMap<Uuid, String> = crate::entities::positions::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.nama))
        .collect();

    // Top-down: an employee's turn comes once the PPKin's SKP is approved (or it has none).
    let mut approved: HashMap<Uuid, Option<Uuid>> = HashMap::new();
    let mut pending: Vec<&employee_rows::Model> = staff.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut next = Vec::new();
        for e in pending {
            let superior = ppkin_of.get(&e.id).copied();
            let superior_rhk = match superior {
                Some(s) => match approved.get(&s) {
                    Some(rhk) => *rhk,
                    None if ppkin_of.contains_key(&s) || staff.iter().any(|x| x.id == s) => {
                        next.push(e);
                        continue;
                    }
                    None => None,
                },
                None => None,
            };
            let owner = viewer(e.id);
            let draft = skp::create(
                db,
                &owner,
                CreateSkp {
                    periode_id: period.id,
                    pendekatan: Some(Pendekatan::Kuantitatif),
                    salin_dari: None,
                    templat_id: None,
                },
                &meta,
            )
            .await?;
            let jabatan = e
                .jabatan_id
                .and_then(|j| names.get(&j))
                .cloned()
                .unwrap_or_else(|| "pegawai".into());
            let perspektif =
                (draft.jenis == JenisSkp::JptPimpinan).then_some(Perspektif::PenerimaLayanan);
            let iki =
                |aspek, indikator: &str, nilai: f64, satuan: &str| kinerja_api::planning::Iki {
                    id: None,
                    aspek: Some(aspek),
                    indikator: indikator.to_owned(),
                    target_nilai: Some(nilai),
                    target_satuan: Some(satuan.to_owned()),
                    target_naratif: None,
                    arah: None,
                    perspektif,
                    jenis_target: None,
                    tenggat: None,
                };
            use kinerja_api::planning::Aspek;
            let mut indicators = vec![
                iki(
                    Aspek::Kuantitas,
                    "Jumlah laporan hasil kerja yang diselesaikan",
                    12.0,
                    "laporan",
                ),
                iki(
                    Aspek::Kualitas,
                    "Persentase hasil kerja yang diterima tanpa revisi",
                    90.0,
                    "persen",
                ),
                iki(
                    Aspek::Waktu,
                    "Laporan diselesaikan tepat waktu setiap bulan",
                    12.0,
                    "bulan",
                ),
            ];
            let perawat = e.nip == PERAWAT_NIP;
            if perawat {
                indicators.insert(
                    0,
                    iki(
                        Aspek::Kuantitas,
                        "Jumlah pasien yang dilayani",
                        3000.0,
                        "orang",
                    ),
                );
            }
            let update = UpdateSkp {
                lock_version: draft.lock_version,
                pendekatan: Pendekatan::Kuantitatif,
                rhk: vec![kinerja_api::planning::Rhk {
                    id: None,
                    jenis: kinerja_api::planning::JenisRhk::Utama,
                    deskripsi: format!(
                        "Terlaksananya tugas {jabatan} secara akuntabel dan tepat waktu"
                    ),
                    penugasan_dari: None,
                    intervensi_rhk_id: superior_rhk,
                    iki: indicators,
                }],
                lampiran: Lampiran {
                    dukungan_sumber_daya: vec![
                        "Komputer, printer, dan jaringan internet kantor".into(),
                    ],
                    skema_pertanggungjawaban: vec![
                        "Laporan bulanan kepada pejabat penilai kinerja".into(),
                    ],
                    konsekuensi: vec![
                        "Bila target tidak tercapai, dilakukan percepatan pada bulan berikutnya"
                            .into(),
                    ],
                },
            };
            let filled = skp::update(db, &owner, draft.id, update, &meta).await?;
            let Some(rater) = superior else {
                // No rater in the system (the Sekda): the SKP stays a draft.
                approved.insert(e.id, None);
                continue;
            };
            let submitted = skp::submit(
                db,
                &owner,
                filled.id,
                SubmitSkp {
                    lock_version: filled.lock_version,
                },
                &meta,
            )
            .await?;
            let decision = ApproveSkp {
                lock_version: submitted.lock_version,
                ekspektasi_khusus: vec![EkspektasiKhusus {
                    nilai_kode: "berorientasi_pelayanan".into(),
                    teks: "Menanggapi permintaan layanan warga paling lambat satu hari kerja"
                        .into(),
                }],
            };
            let done = skp::approve(db, &viewer(rater), submitted.id, decision, &meta).await?;
            if perawat {
                // Fed by the puskesmas system (SIMPUS) through the ingest API.
                if let Some(id) = done
                    .rhk
                    .first()
                    .and_then(|r| r.iki.first())
                    .and_then(|i| i.id)
                {
                    crate::entities::iki_data_keys::ActiveModel {
                        iki_id: Set(id),
                        data_key: Set(SIMPUS_KEY.to_owned()),
                        agregasi: Set("sum".to_owned()),
                        updated_at: Set(Utc::now()),
                    }
                    .insert(db)
                    .await?;
                }
            }
            approved.insert(e.id, done.rhk.first().and_then(|r| r.id));
        }
        if next.len() == before {
            break;
        }
        pending = next;
    }
    Ok(approved.values().filter(|r| r.is_some()).count())
}

/// The months of this year that have passed, measured and (for the Sekretariat) evaluated:
/// realisasi for every approved SKP in every past month; the kecamatan's organisation predikat
/// for last month; the Sekretariat's staff rated for last month by their PPKin, Rina also the
/// month before with an objection decided by her Atasan PPKin, and an improvement plan for the
/// Pengelola Kepegawaian. Returns the number of evaluations set; 0 in January (no past month)
/// or when they exist already.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_year(
    db: &DatabaseConnection,
    kebijakan: crate::evaluation::service::Kebijakan,
    upload_dir: &std::path::Path,
) -> AppResult<usize> {
    use chrono::Datelike;
    use kinerja_api::penilaian::{
        AjukanKeberatan, AksiPerbaikan, JelaskanKeberatan, KeputusanKeberatan, PutuskanKeberatan,
        SimpanEvaluasi, SimpanRencanaPerbaikan, TetapkanPredikatOrganisasi,
    };
    use std::collections::HashSet;

    use crate::employees::service::Viewer;
    use crate::entities::{evaluations, periods, realisasi, skp_iki, skp_rhk, skps};
    use crate::evaluation::service as eval;

    // The demo shows warnings, it is never refused by the distribution pattern.
    let kebijakan = crate::evaluation::service::Kebijakan {
        blokir: false,
        ..kebijakan
    };
    let today = Utc::now().date_naive();
    let last = today.month() as i32 - 1;
    if last < 1 || evaluations::Entity::find().one(db).await?.is_some() {
        return Ok(0);
    }
    let Some(period) = periods::Entity::find()
        .filter(periods::Column::Tahun.eq(today.year()))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let approved = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::Status.eq("disetujui"))
        .all(db)
        .await?;
    // Realisasi of every past month: around the month's target (a twelfth of a yearly count,
    // the level itself for a percentage), most people near it, about one in seven clearly
    // above and one in seven below, deterministic so the demo looks the same every time.
    let mut rows = Vec::new();
    for s in &approved {
        let kinerja = match s.employee_id.as_u128() % 7 {
            0 => 0.72,
            1 => 1.28,
            _ => 1.0,
        };
        let rhk: Vec<Uuid> = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.eq(s.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        for (n, i) in skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(rhk))
            .all(db)
            .await?
            .into_iter()
            .enumerate()
        {
            let Some(target) = i.target_nilai else {
                continue;
            };
            for k in 1..=last {
                let spread = ((s.id.as_u128() as usize + n * 7 + k as usize * 3) % 9) as f64;
                let factor = (0.92 + spread * 0.02) * kinerja;
                let nilai = if i.target_satuan.as_deref() == Some("persen") {
                    (target * factor).min(100.0)
                } else {
                    (target / 12.0 * factor * 100.0).round() / 100.0
                };
                rows.push(realisasi::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    iki_id: Set(i.id),
                    periode_ke: Set(k),
                    nilai: Set(Some((nilai * 100.0).round() / 100.0)),
                    naratif: Set(None),
                    dasar: Set(Some("Laporan bulanan".to_owned())),
                    sumber: Set("pegawai".to_owned()),
                    client_id: Set(None),
                    updated_by: Set(None),
                    updated_at: Set(Utc::now()),
                });
            }
        }
    }
    for chunk in rows.chunks(500) {
        realisasi::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }

    let person = |nip: &str| {
        employee_rows::Entity::find()
            .filter(employee_rows::Column::Nip.eq(nip.to_owned()))
            .one(db)
    };
    let as_viewer = |id: Uuid| Viewer {
        user_id: Uuid::nil(),
        roles: Vec::new(),
        employee_id: Some(id),
        subtree: HashSet::new(),
    };
    let admin = Viewer {
        user_id: Uuid::nil(),
        roles: vec![kinerja_api::auth::Role::Admin],
        employee_id: None,
        subtree: HashSet::new(),
    };
    let meta = RequestMeta::default();
    let (Some(rina), Some(kasubag), Some(sekcam)) = (
        person(PELAKSANA_NIP).await?,
        person(KASUBAG_UMUM_NIP).await?,
        person(SEKCAM_NIP).await?,
    ) else {
        return Ok(0);
    };
    let kecamatan = crate::entities::units::Entity::find()
        .filter(crate::entities::units::Column::Nama.eq("Kecamatan Cipocok Jaya"))
        .one(db)
        .await?;
    if let Some(kec) = kecamatan {
        eval::tetapkan_organisasi(
            db,
            kebijakan,
            &admin,
            kec.id,
            TetapkanPredikatOrganisasi {
                periode_id: period.id,
                periode_ke: last,
                predikat: kinerja_api::evaluation::PredikatOrganisasi::Baik,
                dasar: "Rencana aksi kecamatan bulan lalu tercapai sesuai target yang disepakati dengan Sekretaris Daerah.".to_owned(),
            },
            &meta,
        )
        .await?;
    }
    let skp_of = |employee: Uuid| {
        approved
            .iter()
            .find(|s| s.employee_id == employee)
            .map(|s| s.id)
    };
    let rate = |(hasil, perilaku): (Rating, Rating)| SimpanEvaluasi {
        rating_hasil: Some(hasil),
        rating_perilaku: Some(perilaku),
        catatan_hasil: Some("Dinilai dari realisasi dan bukti dukung bulan ini.".to_owned()),
        catatan_perilaku: None,
        rekomendasi: None,
    };
    use kinerja_api::evaluation::Rating;
    let mut set = 0;
    // Last month: the Sekretariat's staff, each by their PPKin.
    let pengelola = employee_rows::Entity::find()
        .filter(employee_rows::Column::UnitId.eq(rina.unit_id))
        .all(db)
        .await?
        .into_iter()
        .find(|e| e.id != rina.id && e.id != kasubag.id);
    let mut plan_for = None;
    let mut ratings = vec![(rina.id, kasubag.id, (Rating::Sesuai, Rating::DiAtas))];
    if let Some(p) = &pengelola {
        ratings.push((p.id, kasubag.id, (Rating::DiBawah, Rating::Sesuai)));
    }
    ratings.push((kasubag.id, sekcam.id, (Rating::DiAtas, Rating::DiAtas)));
    for (employee, rater, r) in ratings {
        let Some(skp) = skp_of(employee) else {
            continue;
        };
        eval::save(db, kebijakan, &as_viewer(rater), skp, last, rate(r), &meta).await?;
        let v = eval::tetapkan(db, kebijakan, &as_viewer(rater), skp, last, &meta).await?;
        if v.rencana_perbaikan.is_some() {
            plan_for = v.evaluasi.map(|e| (e.id, rater));
        }
        set += 1;
    }
    // The improvement plan of the low result.
    if let Some((id, rater)) = plan_for {
        eval::simpan_rencana(
            db,
            kebijakan,
            &as_viewer(rater),
            id,
            SimpanRencanaPerbaikan {
                saran: "Tata ulang arsip kepegawaian per bulan dan laporkan kendala setiap Senin."
                    .to_owned(),
                aksi: vec![AksiPerbaikan {
                    uraian: "Menyelesaikan pemutakhiran data kepegawaian yang tertunda".to_owned(),
                    jatuh_tempo: Some(today + chrono::Duration::days(30)),
                }],
                pelatihan: vec!["Pelatihan Pengelolaan Arsip Dinamis".to_owned()],
            },
            &meta,
        )
        .await?;
    }
    // The month before, Rina objected; the sekcam changed the result.
    if last >= 2
        && let Some(skp) = skp_of(rina.id)
    {
        let k = last - 1;
        eval::save(
            db,
            kebijakan,
            &as_viewer(kasubag.id),
            skp,
            k,
            rate((Rating::DiBawah, Rating::Sesuai)),
            &meta,
        )
        .await?;
        let v = eval::tetapkan(db, kebijakan, &as_viewer(kasubag.id), skp, k, &meta).await?;
        if let Some(e) = v.evaluasi {
            eval::ajukan_keberatan(db, kebijakan, &as_viewer(rina.id), e.id, AjukanKeberatan {
                alasan: "Layanan surat keterangan pada hari Sabtu belum dihitung dalam realisasi bulan ini.".to_owned(),
            }, &meta).await?;
            crate::evaluation::lampiran::upload(
                db,
                upload_dir,
                &as_viewer(rina.id),
                e.id,
                (
                    Some("register-layanan-sabtu.pdf".to_owned()),
                    one_line_pdf("Register layanan surat keterangan hari Sabtu: 38 layanan."),
                ),
                &meta,
            )
            .await?;
            eval::jelaskan_keberatan(
                db,
                kebijakan,
                &as_viewer(kasubag.id),
                e.id,
                JelaskanKeberatan {
                    penjelasan:
                        "Register layanan hari Sabtu belum dilampirkan ketika penilaian dibuat."
                            .to_owned(),
                },
                &meta,
            )
            .await?;
            eval::putuskan_keberatan(
                db,
                kebijakan,
                &as_viewer(sekcam.id),
                e.id,
                PutuskanKeberatan {
                    keputusan: KeputusanKeberatan::Diubah,
                    rating_hasil: Some(Rating::Sesuai),
                    rating_perilaku: Some(Rating::Sesuai),
                    catatan: "Register layanan hari Sabtu diterima; hasil kerja sesuai ekspektasi."
                        .to_owned(),
                },
                &meta,
            )
            .await?;
            set += 1;
        }
    }
    Ok(set)
}

/// A one-page PDF with one line of text: the demo objection's attachment.
fn one_line_pdf(line: &str) -> Vec<u8> {
    let text: String = line
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '\\'))
        .collect();
    let content = format!("BT /F1 12 Tf 72 760 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
