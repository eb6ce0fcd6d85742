//! Interface text of the survey screens (`/skm`, the `layanan` bundle). A separate enum from
//! [`super::Key`] so that these sentences are linked into that bundle only.

use super::{Lang, use_i18n};

macro_rules! survei_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the survey screens' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum SKey { $($key),* }

        impl SKey {
            pub const ALL: &'static [SKey] = &[$(SKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(SKey::$key => ($id, $en)),* }
            }
        }
    };
}

survei_keys! {
    Title => "Survei Kepuasan Masyarakat", "Citizen satisfaction surveys";
    Intro => "Survei kepuasan masyarakat (SKM) unit layanan menurut PermenPANRB 14/2017: sembilan unsur, formulir publik tanpa akun, dan IKM yang dapat menjadi realisasi SKP.", "Citizen satisfaction surveys (SKM) of the service units under PermenPANRB 14/2017: nine elements, a public form without an account, and an IKM that can feed the SKP.";
    New => "Survei baru", "New survey";
    NewIntro => "Survei dibuat sebagai draf. Teks pertanyaan dapat diubah selama draf; buka survei agar formulir publik menerima jawaban.", "A survey starts as a draft. The questions can be reworded while it is a draft; open it for the public form to take answers.";
    Unit => "Unit layanan", "Service unit";
    ChooseUnit => "— pilih unit —", "— choose a unit —";
    Judul => "Judul", "Title";
    JenisPeriode => "Rentang", "Span";
    Triwulan => "Triwulan", "Quarter";
    Semester => "Semester", "Half-year";
    Tahun => "Tahun", "Year";
    PeriodeKe => "Ke-", "Number";
    Populasi => "Populasi (orang dilayani dalam rentang ini)", "Population (people served in the span)";
    PopulasiHint => "Untuk menghitung sampel minimum (Krejcie & Morgan). Boleh dikosongkan.", "For the minimum sample (Krejcie & Morgan). Optional.";
    Layanan => "Jenis layanan", "Services";
    LayananHint => "Satu layanan per baris, misalnya KTP elektronik.", "One service per line, e.g. KTP elektronik.";
    Create => "Buat survei", "Create the survey";
    Creating => "Membuat…", "Creating…";
    Empty => "Belum ada survei.", "No surveys yet.";
    Status => "Status", "Status";
    StatusDraft => "Draf", "Draft";
    StatusDibuka => "Dibuka", "Open";
    StatusDitutup => "Ditutup", "Closed";
    Responses => "Respons", "Responses";
    Periode => "Periode", "Period";
    Open => "Buka survei", "Open the survey";
    Close => "Tutup survei", "Close the survey";
    CloseConfirm => "Setelah ditutup, formulir publik tidak lagi menerima jawaban. Tutup survei?", "Once closed, the public form takes no more answers. Close the survey?";
    Published => "Hasil dipublikasikan", "Results published";
    PublishHint => "Hasil yang dipublikasikan dapat dibaca semua pegawai dan tampil di halaman publik /ikm.", "Published results can be read by all staff and appear on the public /ikm page.";
    Links => "Bagikan", "Share";
    FormLink => "Formulir publik", "Public form";
    KioskLink => "Mode kios (tablet di loket)", "Kiosk mode (counter tablet)";
    KioskHint => "Buka tautan ini di tablet loket: formulir kembali kosong untuk warga berikutnya. Jangan dipublikasikan.", "Open this link on the counter tablet: the form resets for the next citizen. Do not publish it.";
    Poster => "Unduh poster QR (PDF)", "Download the QR poster (PDF)";
    ReportPdf => "Laporan (PDF)", "Report (PDF)";
    ReportXlsx => "Laporan (XLSX)", "Report (XLSX)";
    Result => "Hasil", "Result";
    Ikm => "IKM", "IKM";
    Mutu => "Mutu pelayanan", "Service quality";
    KinerjaUnit => "Kinerja unit", "Unit performance";
    Sample => "Sampel", "Sample";
    SampleOf => "{n} dari minimum {m}", "{n} of a minimum {m}";
    SampleShort => "Sampel belum mencukupi: hasil dihitung tetapi belum mewakili populasi.", "The sample is not yet sufficient: the result is computed but does not yet represent the population.";
    NoResponses => "Belum ada respons yang dihitung.", "No counted responses yet.";
    PerUnsur => "Nilai per unsur (NRR)", "Score per element (NRR)";
    Unsur => "Unsur", "Element";
    Nrr => "NRR", "NRR";
    Answered => "Dijawab", "Answered";
    Priority => "Prioritas perbaikan", "Priority for improvement";
    PerLayanan => "Per jenis layanan", "Per service";
    Voided => "{n} respons dibatalkan tidak dihitung.", "{n} voided responses are not counted.";
    ResponseList => "Daftar respons", "Responses";
    Diterima => "Diterima", "Received";
    ShowVoided => "Tampilkan yang dibatalkan", "Show voided ones";
    Source => "Sumber", "Source";
    Daring => "Daring", "Online";
    Kertas => "Kertas", "Paper";
    Saran => "Saran", "Suggestion";
    Void => "Batalkan", "Void";
    VoidReason => "Alasan pembatalan (5–500 karakter)", "Reason for voiding (5–500 characters)";
    VoidConfirm => "Batalkan respons", "Void the response";
    VoidedAt => "Dibatalkan", "Voided";
    Back => "Kembali ke daftar survei", "Back to the surveys";
    Saved => "Perubahan disimpan.", "Changes saved.";
    Stale => "Survei ini baru saja diubah orang lain. Muat ulang halaman untuk melihat versi terbaru.", "Someone else just changed this survey. Reload the page to see the latest version.";
    Chart => "Grafik nilai per unsur", "Chart of the element scores";
    Scale => "Skala 1–4", "Scale 1–4";
    Trend => "Tren IKM unit ini", "This unit's IKM trend";
    Wording => "Teks pertanyaan", "Question wording";
    WordingHint => "Dapat diubah selama survei masih draf; kosongkan untuk memakai pertanyaan bawaan.", "Can be changed while the survey is a draft; leave empty for the default question.";
    SaveWording => "Simpan pertanyaan", "Save the questions";
    All => "Semua status", "All statuses";
    Filter => "Saring", "Filter";
    Csat => "Mutu {mutu} · {kinerja}", "Quality {mutu} · {kinerja}";
    AsTable => "Tampilkan sebagai tabel", "Show as a table";
    NotAnswered => "Tidak diisi", "Not answered";
    JenisKelamin => "Jenis kelamin", "Sex";
    Usia => "Usia", "Age";
    Pendidikan => "Pendidikan", "Education";
    Pekerjaan => "Pekerjaan", "Occupation";
    Group => "Kelompok", "Group";
    PerProfil => "Per profil responden", "Per respondent profile";
    Paper => "Formulir kertas", "Paper forms";
    PaperIntro => "Masukkan formulir yang diisi warga di kertas satu per satu, atau impor banyak sekaligus dari templat. Unsur yang dikosongkan warga boleh dikosongkan.", "Enter the forms citizens filled in on paper one by one, or import many at once from the template. An element the citizen left blank may stay blank.";
    PaperSave => "Simpan formulir", "Save the form";
    PaperSaved => "Formulir kertas disimpan.", "The paper form was saved.";
    Import => "Impor dari templat", "Import from the template";
    ImportIntro => "Unduh templat, isi satu baris per responden, lalu periksa. Tidak ada yang disimpan sampai semua baris benar.", "Download the template, fill in one row per respondent, then check it. Nothing is stored until every row is right.";
    Template => "Unduh templat (XLSX)", "Download the template (XLSX)";
    ImportFile => "Berkas (XLSX atau CSV)", "File (XLSX or CSV)";
    ImportCheck => "Periksa berkas", "Check the file";
    ImportCommit => "Simpan semua baris", "Store every row";
    ImportChecked => "{n} baris dibaca, {sah} baris benar.", "{n} rows read, {sah} rows correct.";
    ImportStored => "{n} formulir disimpan.", "{n} forms stored.";
    Row => "Baris", "Row";
    Column => "Kolom", "Column";
    Problem => "Masalah", "Problem";
    TlTitle => "Rencana tindak lanjut", "Follow-up plan";
    TlIntro => "Tindakan untuk unsur terlemah: siapa yang mengerjakan, kapan, dan sejauh mana. Ditindaklanjuti pada survei periode berikutnya.", "Actions for the weakest elements: who does them, by when, and how far they are. Followed up in the next period's survey.";
    TlEmpty => "Belum ada tindak lanjut.", "No follow-up actions yet.";
    TlNew => "Tindak lanjut baru", "New follow-up action";
    TlAdd => "Tambah tindak lanjut", "Add the action";
    TlAction => "Tindakan", "Action";
    TlWho => "Penanggung jawab", "Responsible";
    TlWhoMissing => "Pilih penanggung jawab.", "Choose the person responsible.";
    TlDue => "Jatuh tempo", "Due";
    TlDueMissing => "Isi tanggal jatuh tempo.", "Enter the due date.";
    TlLate => "terlambat", "overdue";
    TlRencana => "Rencana", "Planned";
    TlBerjalan => "Berjalan", "Under way";
    TlSelesai => "Selesai", "Done";
    TlDibatalkan => "Dibatalkan", "Cancelled";
    IkiTitle => "IKM sebagai realisasi SKP Anda", "The IKM as your SKP result";
    IkiIntro => "Pilih indikator SKP Anda yang diukur dengan IKM unit ini. Nilainya masuk otomatis sebagai realisasi (sumber: survei) beberapa detik setelah ada respons baru, selama bulannya belum dikunci.", "Choose the indicator of your SKP measured by this unit's IKM. Its value lands as your result automatically (source: survey) a few seconds after new responses, while the month is not locked.";
    IkiChoose => "Indikator", "Indicator";
    IkiBind => "Pakai IKM unit ini", "Use this unit's IKM";
    IkiUnbind => "Lepas", "Remove";
    IkiBound => "Diisi dari survei {unit}", "Fed by the surveys of {unit}";
    IkiNone => "Belum ada indikator yang diisi dari survei.", "No indicator is fed by a survey yet.";
}

/// The text of `key` in `lang`.
pub fn stext(lang: Lang, key: SKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{ts(SKey::Title)}`.
pub fn ts(key: SKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || stext(i18n.lang(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_survey_key_has_both_languages() {
        for key in SKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
    }
}
