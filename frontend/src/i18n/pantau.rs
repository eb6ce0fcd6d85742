//! Interface text of the dashboards (`/dasbor`, the `pantau` bundle). A separate enum from
//! [`super::Key`] so that these sentences are linked into that bundle only.

use kinerja_api::dasbor::Langkah;

use super::{Lang, use_i18n};

macro_rules! pantau_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the dashboards' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum DKey { $($key),* }

        impl DKey {
            pub const ALL: &'static [DKey] = &[$(DKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(DKey::$key => ($id, $en)),* }
            }
        }
    };
}

pantau_keys! {
    Title => "Dasbor Kinerja", "Performance dashboard";
    Intro => "Posisi setiap unit dalam siklus kinerja tahun ini dan capaiannya. Angka adalah jumlah orang; pilih angka untuk melihat siapa saja, lalu buka halaman tempat langkahnya dikerjakan.", "Where each unit stands in this year's performance cycle, and what it achieved. Numbers count people; choose a number to see who they are, then open the page where the step is done.";
    Loading => "Memuat…", "Loading…";
    Path => "Jalur unit", "Unit path";
    PeriodLine => "Periode {tahun} · dihitung per {hari}", "Period {tahun} · counted on {hari}";
    LastEnded => "Periode terakhir yang berakhir: {p}", "Last ended sub-period: {p}";
    KeptAt => "Angka ini dihitung pada {waktu} dan dihitung ulang secara berkala.", "These numbers were counted at {waktu} and are recounted regularly.";
    ListKeptAt => "Daftar ini dari hitungan pada {waktu}: langkah yang baru diselesaikan sesudahnya bisa masih tercantum.", "This list is from the count at {waktu}: steps done since may still be listed.";
    NoneEnded => "Belum ada periode yang berakhir tahun ini.", "No sub-period has ended this year yet.";
    Deadline => "Batas penetapan SKP: {d}", "SKP deadline: {d}";
    DeadlinePassed => "Batas penetapan SKP {d} sudah lewat: SKP yang belum disetujui terlambat.", "The SKP deadline {d} has passed: SKPs not approved are late.";
    Compliance => "Kepatuhan siklus", "Compliance of the cycle";
    Unit => "Unit", "Unit";
    People => "Pegawai", "Employees";
    AllOf => "Seluruh {unit}", "All of {unit}";
    OwnStaff => "termasuk pegawai yang langsung berada di unit ini", "including the staff placed in this unit itself";
    DrillDown => "Rincian {unit}", "Details of {unit}";
    Achievement => "Capaian", "Achievement";
    SkpChart => "Status SKP per unit", "SKP status per unit";
    BehindChart => "Realisasi kosong per unit (persen pegawai)", "Missing realisasi per unit (share of employees)";
    TrendChart => "Capaian rata-rata per periode", "Average capaian per sub-period";
    TrendNone => "Belum ada realisasi bernilai dengan target pada periode ini.", "No realisasi with a value and a target in this period yet.";
    PerUnitCapaian => "Capaian per unit dan periode", "Capaian per unit and sub-period";
    Spread => "Sebaran predikat", "Predikat spread";
    SpreadOf => "Predikat yang ditetapkan untuk {p}", "Predikat set for {p}";
    SpreadNone => "Belum ada predikat yang ditetapkan untuk periode ini.", "No predikat set for this sub-period yet.";
    Pattern => "Pola distribusi {unit}: predikat organisasi {p}", "Distribution pattern of {unit}: organisation predikat {p}";
    PatternNone => "Predikat organisasi unit ini belum ditetapkan untuk periode tersebut.", "The organisation predikat of this unit is not set for that sub-period.";
    Predikat => "Predikat", "Predikat";
    Count => "Jumlah", "Count";
    Min => "Paling sedikit", "At least";
    Max => "Paling banyak", "At most";
    OutOfPattern => "di luar pola", "outside the pattern";
    Ikm => "Indeks Kepuasan Masyarakat", "Citizen satisfaction index (IKM)";
    IkmNone => "Belum ada survei pada periode ini di unit ini.", "No survey in this period in this unit.";
    Survey => "Survei", "Survey";
    Mutu => "Mutu", "Grade";
    Respondents => "Responden", "Respondents";
    Jp => "Kepatuhan 20 JP", "20 JP compliance";
    JpMet => "Memenuhi", "Met";
    Percent => "Persen", "Percent";
    Numbers => "Tabel angka", "Numbers as a table";
    Period => "Periode", "Sub-period";
    Average => "Rata-rata", "Average";
    PeopleTitle => "Pegawai: {langkah}", "Employees: {langkah}";
    PeopleOf => "{n} pegawai di {unit} dan unit di bawahnya", "{n} employees in {unit} and the units below it";
    NoPeople => "Tidak ada pegawai pada langkah ini.", "No one is at this step.";
    Name => "Nama", "Name";
    Open => "Buka halaman", "Open the page";
    OpenSkp => "Buka SKP", "Open the SKP";
    OpenRealisasi => "Buka realisasi", "Open the realisasi";
    OpenEvaluasi => "Buka evaluasi", "Open the evaluation";
    OpenPegawai => "Buka data pegawai", "Open the employee";
    BackToDashboard => "Kembali ke dasbor {unit}", "Back to the dashboard of {unit}";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    PageOf => "Halaman {p} dari {n}", "Page {p} of {n}";
}

/// The text of `key` in `lang`.
pub fn dtext(lang: Lang, key: DKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{td(DKey::Title)}`.
pub fn td(key: DKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || dtext(i18n.lang(), key)
}

/// The name of a step of the cycle (a column of the compliance table).
pub fn langkah(lang: Lang, l: Langkah) -> &'static str {
    let (id, en) = match l {
        Langkah::SkpBelum => ("SKP belum dibuat", "SKP not started"),
        Langkah::SkpDraft => ("SKP draf", "SKP in draft"),
        Langkah::SkpDiajukan => ("SKP diajukan", "SKP submitted"),
        Langkah::SkpDisetujui => ("SKP disetujui", "SKP approved"),
        Langkah::RealisasiKosong => ("Realisasi kosong", "Realisasi missing"),
        Langkah::BuktiMenunggu => ("Bukti menunggu verifikasi", "Evidence waiting"),
        Langkah::EvaluasiBelum => ("Evaluasi belum ditetapkan", "Evaluation not set"),
        Langkah::KeberatanLewat => ("Keberatan lewat batas", "Objection past its window"),
        Langkah::PerbaikanLewat => ("Rencana perbaikan terlambat", "Improvement plan overdue"),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dashboard_key_has_both_languages() {
        for key in DKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
        for l in Langkah::ALL {
            assert_ne!(langkah(Lang::Id, *l), langkah(Lang::En, *l));
        }
    }
}
