//! Interface text of the development screens (`/pengembangan`, the `pengembangan` bundle). A
//! separate enum from [`super::Key`] so that these sentences are linked into that bundle only.

use super::{Lang, use_i18n};

macro_rules! pengembangan_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the development screens' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum PKey { $($key),* }

        impl PKey {
            pub const ALL: &'static [PKey] = &[$(PKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(PKey::$key => ($id, $en)),* }
            }
        }
    };
}

pengembangan_keys! {
    Title => "Pengembangan Saya", "My development";
    Intro => "Pengembangan kompetensi adalah hak setiap ASN: paling sedikit 20 JP setahun (1 JP = 45 menit). Catat kegiatan yang sudah Anda ikuti beserta sertifikatnya; hanya JP yang diverifikasi pengelola kepegawaian yang dihitung.", "Competency development is every civil servant's right: at least 20 JP a year (1 JP = 45 minutes). Record what you attended with its certificate; only JP the HR office verified count.";
    Year => "Tahun", "Year";
    Loading => "Memuat…", "Loading…";
    Progress => "Capaian 20 JP", "Progress to 20 JP";
    ProgressOf => "{n} dari 20 JP terverifikasi", "{n} of 20 JP verified";
    Met => "Target 20 JP tahun ini terpenuhi.", "This year's 20 JP are met.";
    Waiting => "Menunggu verifikasi: {n} JP", "Waiting for verification: {n} JP";
    Planned => "Direncanakan: {n} JP", "Planned: {n} JP";
    PerMonth => "JP terverifikasi per bulan", "Verified JP per month";
    Month => "Bulan", "Month";
    Records => "Catatan pengembangan", "Development records";
    NoRecords => "Belum ada catatan pengembangan tahun ini.", "No development records this year.";
    NewRecord => "Catat kegiatan", "Record an activity";
    Activity => "Nama kegiatan", "Activity";
    Bentuk => "Bentuk", "Kind";
    Provider => "Penyelenggara", "Provider";
    Start => "Mulai", "Start";
    End => "Selesai", "End";
    Jp => "JP", "JP";
    Hours => "Jam", "Hours";
    JpOrHours => "Isi JP, atau jumlah jam (dikonversi 45 menit = 1 JP).", "Give the JP, or the hours (converted at 45 minutes = 1 JP).";
    Role => "Peran", "Role";
    ForNeed => "Memenuhi kebutuhan", "Fulfils the need";
    NoNeed => "— tidak terkait —", "— none —";
    Save => "Simpan", "Save";
    Saving => "Menyimpan…", "Saving…";
    Cancel => "Batal", "Cancel";
    Status => "Status", "Status";
    StMenunggu => "Menunggu verifikasi", "Waiting";
    StDiverifikasi => "Diverifikasi", "Verified";
    StDitolak => "Ditolak", "Rejected";
    Certificate => "Sertifikat", "Certificate";
    NoCertificate => "Belum ada sertifikat", "No certificate yet";
    Download => "Unduh", "Download";
    Delete => "Hapus", "Delete";
    Needs => "Kebutuhan pengembangan", "Development needs";
    NeedsIntro => "Usulkan kompetensi yang perlu Anda kembangkan; pejabat penilai kinerja menyetujui atau menolaknya. Kebutuhan juga dibuat otomatis dari rating Di Bawah Ekspektasi dan dari pelatihan dalam rencana perbaikan.", "Propose the competencies you need to develop; your rater agrees or rejects them. Needs are also made from a Di Bawah Ekspektasi rating and from the trainings of an improvement plan.";
    NoNeeds => "Belum ada kebutuhan pengembangan tahun ini.", "No development needs this year.";
    NewNeed => "Usulkan kebutuhan", "Propose a need";
    Competency => "Kompetensi", "Competency";
    ChooseCompetency => "— pilih kompetensi —", "— choose a competency —";
    Gap => "Kesenjangan", "Gap";
    GapKompetensi => "Kompetensi", "Competency";
    GapKinerja => "Kinerja", "Performance";
    GapKeduanya => "Kompetensi dan kinerja", "Competency and performance";
    Priority => "Prioritas", "Priority";
    High => "Tinggi", "High";
    Medium => "Sedang", "Medium";
    Low => "Rendah", "Low";
    EstJp => "Perkiraan JP", "Estimated JP";
    Cost => "Perkiraan biaya (Rp)", "Estimated cost (Rp)";
    Reason => "Uraian", "Description";
    Source => "Sumber", "Source";
    SrcPegawai => "Usulan pegawai", "Employee's proposal";
    SrcPpkin => "Usulan pejabat penilai", "Rater's proposal";
    SrcPerbaikan => "Rencana perbaikan", "Improvement plan";
    SrcRating => "Rating hasil kerja Di Bawah Ekspektasi", "Work result rated below expectations";
    SrcPerilaku => "Rating perilaku Di Bawah Ekspektasi", "Behaviour rated below expectations";
    NsDiusulkan => "Diusulkan", "Proposed";
    NsDisetujui => "Disetujui", "Agreed";
    NsDitolak => "Ditolak", "Rejected";
    NoCompetencyYet => "Kompetensi belum ditentukan", "Competency not yet named";
    Decision => "Keputusan", "Decision";
    Agree => "Setujui", "Agree";
    Reject => "Tolak", "Reject";
    RejectNote => "Alasan (wajib untuk menolak)", "Reason (required to reject)";
    Fulfilled => "Terpenuhi: {n} JP", "Fulfilled: {n} JP";
    SeeEvaluation => "Lihat evaluasi", "See the evaluation";
    TeamTitle => "Pengembangan Tim", "Team development";
    TeamIntro => "Pegawai yang Anda nilai: JP terverifikasi tahun ini dan usulan kebutuhan yang menunggu keputusan Anda.", "The people you rate: their verified JP this year and the needs waiting for your decision.";
    TeamEmpty => "Tidak ada pegawai yang Anda nilai saat ini.", "You rate nobody at the moment.";
    Name => "Nama", "Name";
    Position => "Jabatan", "Position";
    ToDecide => "Menunggu keputusan", "To decide";
    TeamNeeds => "Usulan yang menunggu keputusan Anda", "Needs waiting for your decision";
    NothingToDecide => "Tidak ada usulan yang menunggu.", "Nothing waits for you.";
    HrTitle => "Pengembangan Kompetensi", "Competency development";
    HrIntro => "Verifikasi catatan pengembangan pegawai, pantau kepatuhan 20 JP per unit, dan kelola daftar kompetensi.", "Verify the staff's development records, follow 20 JP compliance per unit and keep the competency list.";
    Queue => "Menunggu verifikasi", "Waiting for verification";
    QueueEmpty => "Tidak ada catatan yang menunggu verifikasi.", "No records wait for verification.";
    Employee => "Pegawai", "Employee";
    Verify => "Verifikasi", "Verify";
    VerifyNote => "Catatan (wajib untuk menolak)", "Note (required to reject)";
    Compliance => "Kepatuhan 20 JP", "20 JP compliance";
    ComplianceOf => "{ok} dari {n} pegawai memenuhi 20 JP ({p}%)", "{ok} of {n} employees reached 20 JP ({p}%)";
    Unit => "Unit", "Unit";
    Below => "Belum 20 JP", "Below 20 JP";
    BelowEmpty => "Semua pegawai unit ini sudah memenuhi 20 JP.", "Everyone in this unit has reached 20 JP.";
    Competencies => "Daftar kompetensi", "Competency list";
    NewCompetency => "Tambah kompetensi", "Add a competency";
    Group => "Kelompok", "Group";
    Teknis => "Teknis", "Technical";
    Manajerial => "Manajerial", "Managerial";
    SosialKultural => "Sosial kultural", "Socio-cultural";
    Value => "Nilai BerAKHLAK", "BerAKHLAK value";
    NoValue => "— tidak ada —", "— none —";
    Active => "Aktif", "Active";
    Inactive => "Tidak aktif", "Inactive";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    PageOf => "Halaman {p} dari {n}", "Page {p} of {n}";
    Peserta => "Peserta", "Participant";
    Narasumber => "Narasumber", "Speaker";
    Fasilitator => "Fasilitator", "Facilitator";
    RnTitle => "Rencana Pengembangan Kompetensi", "Development plan";
    RnIntro => "Rencana tahunan instansi (PP 11/2017 Pasal 205–207): disusun pengelola kepegawaian dari kebutuhan yang disetujui, ditetapkan pimpinan instansi. Versi yang sudah ditetapkan tidak berubah; perubahan dibuat sebagai versi berikutnya.", "The instansi's yearly plan (PP 11/2017 Pasal 205–207): drafted by the HR office from the agreed needs, set by the head of the instansi. A set version stays as it is; changes make the next version.";
    RnNone => "Belum ada rencana untuk tahun ini.", "No plan for this year yet.";
    RnConsolidate => "Himpun kebutuhan yang disetujui", "Consolidate the agreed needs";
    RnConsolidated => "{n} kebutuhan ditambahkan ke rencana.", "{n} needs added to the plan.";
    RnVersion => "Versi", "Version";
    RnVersionOf => "Versi {v} · {s}", "Version {v} · {s}";
    RnDraft => "Draf", "Draft";
    RnSet => "Ditetapkan", "Set";
    RnSetBy => "Ditetapkan {d} oleh {n}", "Set on {d} by {n}";
    RnSetAction => "Tetapkan rencana", "Set the plan";
    RnSetNote => "Catatan penetapan", "Note";
    RnSetConfirm => "Setelah ditetapkan, versi ini tidak dapat diubah lagi. Tetapkan?", "Once set, this version cannot change. Set it?";
    RnRevise => "Mulai versi berikutnya", "Start the next version";
    RnXlsx => "Unduh XLSX", "Download XLSX";
    RnTotals => "{i} kegiatan · {jp} JP · Rp {rp}", "{i} activities · {jp} JP · Rp {rp}";
    RnUnits => "Per unit", "Per unit";
    RnItems => "Kegiatan", "Activities";
    RnBudget => "Anggaran (Rp)", "Budget (Rp)";
    RnStaff => "Pegawai aktif", "Active staff";
    RnBelow => "Belum 20 JP", "Below 20 JP";
    RnBelowIntro => "Pegawai aktif unit ini yang JP rencananya ditambah JP terverifikasi tahun ini masih di bawah 20.", "Active staff of the unit whose planned JP plus this year's verified JP stay below 20.";
    RnBelowEmpty => "Semua pegawai unit ini sudah terencana mencapai 20 JP.", "Everyone in this unit is planned to reach 20 JP.";
    RnPlanned => "Direncanakan", "Planned";
    RnVerified => "Terverifikasi", "Verified";
    RnMissing => "Kurang", "Missing";
    RnPlanFor => "Rencanakan", "Plan";
    RnMonth => "Bulan", "Month";
    RnNoMonth => "— belum dijadwalkan —", "— not scheduled —";
    RnProvider => "Penyelenggara", "Provider";
    RnEdit => "Ubah", "Edit";
    RnChooseUnit => "Pilih unit pada tabel untuk melihat kegiatan dan pegawai yang belum 20 JP.", "Choose a unit in the table to see its activities and who is below 20 JP.";
    RnFromNeed => "dari kebutuhan", "from a need";
    RnByHand => "ditambahkan manual", "added by hand";
    RnLatest => "terbaru", "newest";
    // Career and talent management.
    CareerTitle => "Karier", "Career";
    CareerIntro => "Riwayat jabatan, predikat kinerja per tahun, angka kredit jabatan fungsional, dan pengembangan kompetensi.", "Positions held, the performance rating of each year, the credit points of a functional position, and competency development.";
    Positions => "Riwayat jabatan", "Positions held";
    Kind => "Jenis", "Kind";
    Golongan => "Golongan", "Grade";
    PerformanceByYear => "Kinerja per tahun", "Performance by year";
    AnnualRating => "Predikat tahunan", "Annual rating";
    PeriodicRatings => "Predikat periodik", "Periodic ratings";
    CreditPoints => "Angka kredit", "Credit points";
    CreditTotal => "Jumlah angka kredit: {n}", "Credit points in all: {n}";
    NoEvaluations => "Belum ada evaluasi yang ditetapkan.", "No evaluation has been set yet.";
    JpByYear => "JP terverifikasi per tahun", "Verified JP by year";
    Now => "sekarang", "now";
    TalentTitle => "Manajemen Talenta", "Talent management";
    TalentIntro => "Sembilan kotak talenta: kinerja dari predikat tahunan dua tahun terakhir, potensi dari hasil penilaian terbaru. Klik kotak untuk melihat pegawainya.", "The nine talent boxes: performance from the last two years' annual ratings, potential from the newest assessment. Click a box to see who is in it.";
    Performance => "Kinerja", "Performance";
    Potential => "Potensi", "Potential";
    LevelHigh => "Tinggi", "High";
    LevelMid => "Menengah", "Medium";
    LevelLow => "Rendah", "Low";
    GridYears => "Predikat tahun {a} dan {b}", "Ratings of {a} and {b}";
    Unconfirmed => "Tata letak kotak bawaan, belum dikonfirmasi pengelola kepegawaian.", "The default box layout, not yet confirmed by the HR office.";
    NotPlaced => "{n} pegawai belum dipetakan (tanpa potensi: {p}; tanpa predikat: {k}).", "{n} employees are not placed (no potential: {p}; no rating: {k}).";
    BoxPeople => "Pegawai di kotak {n}", "Employees in box {n}";
    BoxEmpty => "Tidak ada pegawai di kotak ini.", "No one is in this box.";
    KeyPositions => "Jabatan kritikal", "Key positions";
    KeyPositionsEmpty => "Belum ada jabatan kritikal.", "No key positions yet.";
    Holder => "Pemegang", "Holder";
    Candidates => "Kandidat suksesor", "Succession candidates";
    ShowCandidates => "Lihat kandidat", "Show candidates";
    NoCandidates => "Belum ada kandidat.", "No candidates yet.";
    HandPicked => "dipilih manual", "hand-picked";
    Box => "Kotak", "Box";
    NoCareerRecords => "Belum ada catatan pengembangan.", "No development records yet.";
    MyCareer => "Karier saya", "My career";
    MyBox => "Kotak talenta saya", "My talent box";
    MyBoxOf => "Kotak {n}: {label}", "Box {n}: {label}";
    MyBoxNone => "Anda belum dipetakan: perlu predikat tahunan dan hasil penilaian potensi.", "You are not placed yet: it takes an annual rating and a potential assessment.";
    PotentialOf => "Potensi: {t} ({sumber}, {tanggal})", "Potential: {t} ({sumber}, {tanggal})";
}

/// The text of `key` in `lang`.
pub fn ptext(lang: Lang, key: PKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{tp(PKey::Title)}`.
pub fn tp(key: PKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || ptext(i18n.lang(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_development_key_has_both_languages() {
        for key in PKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
    }
}
