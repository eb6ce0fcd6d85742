//! Interface text: every [`Key`] with its Indonesian and English text. The HR office's and
//! the auditor's screens are in `keys_admin.rs`, appended by `with_admin_keys!`.

/// Defines `Key`, `Key::ALL` and the (Indonesian, English) pair of every key. A key without
/// both texts does not compile.
macro_rules! keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub(super) fn pair(self) -> (&'static str, &'static str) {
                match self { $(Key::$key => ($id, $en)),* }
            }
        }
    };
}

with_admin_keys! {
    AppName => "Kinerja", "Kinerja";
    AppTagline => "Sistem Manajemen Kinerja ASN", "Civil Service Performance Management";
    Loading => "Memuat…", "Loading…";
    RestoringSession => "Memulihkan sesi…", "Restoring your session…";
    SkipToContent => "Lewati ke konten utama", "Skip to main content";
    Language => "Bahasa", "Language";
    LanguageName => "Bahasa Indonesia", "English";
    SwitchToOther => "Ganti ke Bahasa Inggris", "Switch to Bahasa Indonesia";
    // Navigation and shell
    MainNavigation => "Navigasi utama", "Main navigation";
    Menu => "Menu", "Menu";
    NavHome => "Beranda", "Home";
    NavProfile => "Profil", "Profile";
    NavUsers => "Pengguna", "Users";
    NavAudit => "Audit", "Audit";
    SignOut => "Keluar", "Sign out";
    SigningOut => "Sedang keluar…", "Signing out…";
    SignedInAs => "Masuk sebagai", "Signed in as";
    // Login
    LoginTitle => "Masuk", "Sign in";
    LoginIntro => "Masuk dengan NIP atau nama pengguna Anda.", "Sign in with your NIP or username.";
    Username => "NIP / Nama pengguna", "NIP / Username";
    Password => "Kata sandi", "Password";
    ShowPassword => "Tampilkan kata sandi", "Show password";
    SignIn => "Masuk", "Sign in";
    SigningIn => "Memproses…", "Signing in…";
    WrongCredentials => "Nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi.",
        "Wrong username or password. Check them and try again.";
    Throttled => "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {n} menit.",
        "Too many failed sign-in attempts. Try again in {n} minutes.";
    ThrottledLater => "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.",
        "Too many failed sign-in attempts. Try again later.";
    SessionExpired => "Sesi Anda telah berakhir. Silakan masuk kembali.",
        "Your session has ended. Please sign in again.";
    SignedOut => "Anda telah keluar.", "You have signed out.";
    LoginFootnote => "Lupa kata sandi? Hubungi admin kepegawaian (BKPSDM) instansi Anda.",
        "Forgot your password? Contact your agency's HR administrator (BKPSDM).";
    // Home
    HomeTitle => "Beranda", "Home";
    Welcome => "Selamat datang, {name}", "Welcome, {name}";
    HomeIntro => "Yang perlu Anda kerjakan berikutnya, dan tenggatnya.", "What to do next, and by when.";
    AccountSummary => "Akun Anda", "Your account";
    FullName => "Nama lengkap", "Full name";
    Email => "Email", "Email";
    NoEmail => "Belum diisi", "Not set";
    Roles => "Peran", "Roles";
    Open => "Buka", "Open";
    // Home: the to-do list ({periode} "Desember 2026", {tahun}, {pegawai}, {n}, {instansi}, {date} in words)
    TodoOwn => "Pekerjaan Anda", "Your work";
    TodoOthers => "Menunggu tindakan Anda", "Waiting for you";
    NothingToDo => "Tidak ada yang perlu dikerjakan", "Nothing to do";
    NothingToDoHint => "Semua sudah beres untuk saat ini. Tugas baru akan muncul di sini beserta tenggatnya.",
        "Everything is done for now. New tasks will appear here with their due dates.";
    TodoDue => "Paling lambat {date}", "Due by {date}";
    TodoDueRealisasi => "Dikunci setelah {date}", "Locks after {date}";
    TodoDueKeberatan => "Keberatan paling lambat {date}", "Objections by {date}";
    TodoDuePassed => "Tenggat {date} sudah lewat", "Was due {date}";
    TodoSusunSkp => "Susun SKP {tahun}", "Draft your {tahun} SKP";
    TodoSusunSkpDetail => "Anda belum memiliki SKP untuk periode kinerja ini.",
        "You have no SKP for this performance period yet.";
    TodoAjukanSkp => "Ajukan SKP {tahun}", "Submit your {tahun} SKP";
    TodoAjukanSkpPerubahan => "Ajukan SKP perubahan {tahun}", "Submit your revised {tahun} SKP";
    TodoAjukanSkpDetail => "Draf SKP Anda belum diajukan kepada pejabat penilai kinerja.",
        "Your draft has not been submitted to your assessor yet.";
    TodoPerbaikiSkp => "Perbaiki SKP {tahun}", "Revise your {tahun} SKP";
    TodoPerbaikiSkpDetail => "Pejabat penilai mengembalikan SKP Anda dengan catatan; perbaiki lalu ajukan lagi.",
        "Your assessor returned your SKP with a note: revise it and submit it again.";
    TodoSkpMenunggu => "SKP {tahun} menunggu persetujuan", "Your {tahun} SKP awaits approval";
    TodoSkpPerubahanMenunggu => "SKP perubahan {tahun} menunggu persetujuan", "Your revised {tahun} SKP awaits approval";
    TodoSkpMenungguDetail => "Sudah diajukan; pejabat penilai kinerja akan menyetujui atau mengembalikannya.",
        "Submitted: your assessor will approve it or return it.";
    TodoIsiRealisasi => "Isi realisasi {periode}", "Enter your results for {periode}";
    TodoIsiRealisasiDetail => "{n} indikator belum diisi.", "Indicators still empty: {n}.";
    TodoBatasKeberatan => "Hasil evaluasi {periode} sudah ditetapkan", "Your evaluation for {periode} is set";
    TodoBatasKeberatanDetail => "Bila tidak sependapat, Anda dapat mengajukan keberatan sebelum batasnya.",
        "If you disagree, you may object before the deadline.";
    TodoUmpanBalik => "Umpan balik baru dari atasan ({n})", "New feedback from your assessor ({n})";
    TodoUmpanBalikDetail => "Baca di notifikasi, lalu balas bila perlu.", "Read it in your notifications and reply if needed.";
    TodoBalasan => "Balasan atas umpan balik Anda ({n})", "Replies to your feedback ({n})";
    TodoBalasanDetail => "Pegawai menanggapi umpan balik yang Anda berikan.", "Employees answered the feedback you gave.";
    TodoSetujuiSkp => "Setujui SKP {pegawai}", "Approve {pegawai}'s SKP";
    TodoSetujuiSkpPerubahan => "Setujui SKP perubahan {pegawai}", "Approve {pegawai}'s revised SKP";
    TodoSetujuiSkpDetail => "Diajukan kepada Anda sebagai pejabat penilai kinerja: setujui atau kembalikan dengan catatan.",
        "Submitted to you as assessor: approve it or return it with a note.";
    TodoPeriksaBukti => "Periksa bukti dukung {pegawai}", "Check {pegawai}'s evidence";
    TodoPeriksaBuktiDetail => "{n} bukti dukung {periode} belum diperiksa.", "Evidence for {periode} not yet checked: {n}.";
    TodoNilaiPegawai => "Nilai kinerja {pegawai}", "Rate {pegawai}";
    TodoNilaiBawahan => "Nilai kinerja {n} bawahan", "Rate {n} subordinates";
    TodoNilaiDetail => "Evaluasi {periode} belum ditetapkan.", "The evaluation for {periode} is not set yet.";
    TodoJelaskan => "Jelaskan keberatan {pegawai}", "Explain {pegawai}'s objection";
    TodoJelaskanDetail => "Keberatan atas evaluasi {periode}; penjelasan Anda diteruskan kepada atasan pejabat penilai.",
        "An objection to the evaluation for {periode}; your explanation goes to the assessor's superior.";
    TodoPutuskan => "Putuskan keberatan {pegawai}", "Decide {pegawai}'s objection";
    TodoPutuskanDetail => "Evaluasi {periode}: pejabat penilai sudah menjelaskan; keputusan Anda final.",
        "Evaluation for {periode}: the assessor has explained; your decision is final.";
    TodoBukaPeriode => "Buka periode kinerja {tahun}", "Open the {tahun} performance period";
    TodoBukaPeriodeDetail => "{instansi}: SKP dan realisasi tahun ini baru dapat diisi setelah periodenya dibuka (melalui API, di Swagger UI).",
        "{instansi}: this year's SKPs and results can be entered once the period is open (through the API, in Swagger UI).";
    // Roles
    RolePegawai => "Pegawai", "Employee";
    RoleAdmin => "Admin kepegawaian", "HR administrator";
    RolePimpinan => "Pimpinan", "Head of unit";
    RoleAuditor => "Auditor", "Auditor";
    RoleSuperadmin => "Superadmin", "Superadmin";
    // Profile
    ProfileTitle => "Profil", "Profile";
    ProfileIntro => "Data akun Anda dan penggantian kata sandi.",
        "Your account details and password change.";
    PasswordChangedAt => "Kata sandi terakhir diganti", "Password last changed";
    ChangePassword => "Ganti kata sandi", "Change password";
    ChangePasswordIntro => "Kata sandi baru minimal 10 karakter dan tidak boleh sama dengan NIP atau nama pengguna. Sesi di perangkat lain akan diakhiri.",
        "The new password needs at least 10 characters and must differ from your NIP or username. Sessions on other devices will be signed out.";
    CurrentPassword => "Kata sandi saat ini", "Current password";
    NewPassword => "Kata sandi baru", "New password";
    ConfirmPassword => "Ulangi kata sandi baru", "Repeat the new password";
    ConfirmMismatch => "Ulangan kata sandi baru tidak sama.", "The repeated password does not match.";
    SavePassword => "Simpan kata sandi", "Save password";
    Saving => "Menyimpan…", "Saving…";
    PasswordChanged => "Kata sandi berhasil diganti.", "Your password has been changed.";
    // Lists
    UsersTitle => "Pengguna", "Users";
    UsersIntro => "Akun yang terdaftar di instansi.", "Accounts registered in the agency.";
    AuditTitle => "Jejak audit", "Audit trail";
    AuditIntro => "Catatan perubahan dan peristiwa keamanan, terbaru lebih dulu.",
        "Recorded changes and security events, newest first.";
    Status => "Status", "Status";
    Active => "Aktif", "Active";
    Inactive => "Nonaktif", "Inactive";
    LastLogin => "Terakhir masuk", "Last sign-in";
    Never => "Belum pernah", "Never";
    Time => "Waktu", "Time";
    Action => "Tindakan", "Action";
    Entity => "Objek", "Object";
    Sequence => "No.", "No.";
    Empty => "Belum ada data.", "Nothing here yet.";
    PageOf => "Halaman {page} dari {pages} ({total} data)", "Page {page} of {pages} ({total} items)";
    PageOfAbout => "Halaman {page} dari sekitar {pages} (sekitar {total} data)", "Page {page} of about {pages} (about {total} items)";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    Pagination => "Navigasi halaman", "Pagination";
    NoAccess => "Anda tidak memiliki hak untuk membuka halaman ini.",
        "You do not have permission to open this page.";
    // Organisation and employees: navigation
    NavOrganisation => "Struktur Organisasi", "Organisation chart";
    NavSkm => "Survei Kepuasan", "Satisfaction surveys";
    NavEmployees => "Pegawai", "Employees";
    NavImport => "Impor Pegawai", "Import employees";
    // Unit tree
    OrgTitle => "Struktur Organisasi", "Organisation structure";
    OrgIntro => "Unit kerja beserta jumlah pegawainya. Pilih unit untuk melihat daftar pegawainya.",
        "Units with their number of employees. Choose a unit to see its employees.";
    OrgSearch => "Cari unit", "Search units";
    OrgSearchHint => "Ketik sebagian nama unit, misalnya “Gelam”.",
        "Type part of a unit's name, e.g. “Gelam”.";
    ExpandAll => "Buka semua", "Expand all";
    CollapseAll => "Tutup semua", "Collapse all";
    SubunitsOf => "Subunit {name}", "Sub-units of {name}";
    EmployeeCount => "{n} pegawai", "{n} employees";
    EmployeeCountOne => "{n} pegawai", "{n} employee";
    OrgMatches => "{n} unit cocok dengan pencarian.", "{n} units match the search.";
    OrgMatchesOne => "{n} unit cocok dengan pencarian.", "{n} unit matches the search.";
    OrgNoMatch => "Tidak ada unit yang cocok dengan pencarian.", "No unit matches the search.";
    OrgEmpty => "Belum ada unit organisasi.", "There are no units yet.";
    UnitTreeLabel => "Struktur unit kerja", "Unit structure";
    // Unit kinds
    KindPemda => "Pemda", "Local government";
    KindSekretariatDaerah => "Sekretariat Daerah", "Regional secretariat";
    KindDinas => "Dinas", "Agency";
    KindBadan => "Badan", "Board";
    KindKecamatan => "Kecamatan", "District";
    KindSekretariat => "Sekretariat", "Secretariat";
    KindBidang => "Bidang", "Division";
    KindSubbagian => "Subbagian", "Subdivision";
    KindSeksi => "Seksi", "Section";
    KindKelurahan => "Kelurahan", "Urban village";
    KindPuskesmas => "Puskesmas", "Health centre";
    KindSekolah => "Sekolah", "School";
    KindLainnya => "Lainnya", "Other";
    // Employee list
    EmployeesTitle => "Pegawai", "Employees";
    EmployeesIntro => "Cari pegawai menurut nama atau NIP, lalu saring menurut unit dan jabatan.",
        "Find employees by name or NIP and filter them by unit and position.";
    Search => "Cari nama atau NIP", "Search by name or NIP";
    SearchHint => "Sebagian nama atau awal NIP (spasi boleh).",
        "Part of a name or the start of a NIP (spaces allowed).";
    Filters => "Saring daftar pegawai", "Filter the employee list";
    FilterUnit => "Unit kerja", "Unit";
    AllUnits => "Semua unit", "All units";
    JenisJabatan => "Jenis jabatan", "Position type";
    AllJenisJabatan => "Semua jenis jabatan", "All position types";
    Golongan => "Golongan", "Grade";
    AllGolongan => "Semua golongan", "All grades";
    StatusPegawai => "Status kepegawaian", "Employment status";
    AllStatus => "Semua status", "All statuses";
    SortBy => "Urutkan", "Sort by";
    SortNama => "Nama (A–Z)", "Name (A–Z)";
    SortNamaDesc => "Nama (Z–A)", "Name (Z–A)";
    SortNip => "NIP", "NIP";
    SortGolongan => "Golongan (terendah dulu)", "Grade (lowest first)";
    SortGolonganDesc => "Golongan (tertinggi dulu)", "Grade (highest first)";
    ClearFilters => "Hapus filter", "Clear filters";
    AddEmployee => "Tambah pegawai", "Add employee";
    Export => "Unduh Excel", "Download Excel";
    Exporting => "Mengunduh…", "Downloading…";
    ColEmployee => "Pegawai", "Employee";
    ColPosition => "Jabatan dan unit", "Position and unit";
    Directory => "Direktori", "Directory";
    DirectoryHint => "Hanya data direktori pegawai ini yang dapat Anda lihat.",
        "You can only see this employee's directory entry.";
    NotShown => "Tidak ditampilkan", "Not shown";
    NoPosition => "Belum menduduki jabatan", "No position";
    NoEmployees => "Tidak ada pegawai yang cocok dengan pencarian atau filter ini.",
        "No employee matches this search or these filters.";
    Updating => "Memperbarui daftar…", "Updating the list…";
    // Jenis jabatan and jenjang
    JenisJpt => "Jabatan pimpinan tinggi", "Senior executive";
    JenisAdministrasi => "Jabatan administrasi", "Administrative";
    JenisFungsionalKeahlian => "Fungsional keahlian", "Functional (expert)";
    JenisFungsionalKeterampilan => "Fungsional keterampilan", "Functional (skilled)";
    JenjangJptUtama => "JPT Utama", "Top executive (JPT Utama)";
    JenjangJptMadya => "JPT Madya", "Senior executive (JPT Madya)";
    JenjangJptPratama => "JPT Pratama", "Executive (JPT Pratama)";
    JenjangAdministrator => "Administrator", "Administrator";
    JenjangPengawas => "Pengawas", "Supervisor (Pengawas)";
    JenjangPelaksana => "Pelaksana", "Staff (Pelaksana)";
    JenjangAhliUtama => "Ahli Utama", "Principal expert (Ahli Utama)";
    JenjangAhliMadya => "Ahli Madya", "Senior expert (Ahli Madya)";
    JenjangAhliMuda => "Ahli Muda", "Expert (Ahli Muda)";
    JenjangAhliPertama => "Ahli Pertama", "Junior expert (Ahli Pertama)";
    JenjangPenyelia => "Penyelia", "Senior technician (Penyelia)";
    JenjangMahir => "Mahir", "Skilled technician (Mahir)";
    JenjangTerampil => "Terampil", "Technician (Terampil)";
    JenjangPemula => "Pemula", "Junior technician (Pemula)";
    // Employment status, type, sex
    StatusAktif => "Aktif", "Active";
    StatusCuti => "Cuti", "On leave";
    StatusTugasBelajar => "Tugas belajar", "Study leave";
    StatusDiberhentikanSementara => "Diberhentikan sementara", "Suspended";
    StatusMutasiKeluar => "Mutasi keluar", "Transferred out";
    StatusPensiun => "Pensiun", "Retired";
    StatusMeninggal => "Meninggal", "Deceased";
    PegawaiPns => "PNS", "PNS (civil servant)";
    PegawaiCpns => "CPNS", "CPNS (candidate civil servant)";
    PegawaiPppk => "PPPK", "PPPK (contract employee)";
    GenderL => "Laki-laki", "Male";
    GenderP => "Perempuan", "Female";
    // Employee detail
    EmployeeDetailTitle => "Detail pegawai", "Employee details";
    BackToList => "Kembali ke daftar pegawai", "Back to the employee list";
    EditEmployee => "Ubah data", "Edit";
    Identity => "Identitas", "Identity";
    BirthPlaceDate => "Tempat, tanggal lahir", "Place and date of birth";
    Gender => "Jenis kelamin", "Sex";
    JenisPegawai => "Jenis pegawai", "Employee type";
    Phone => "Telepon", "Phone";
    NipLama => "NIP lama", "Old NIP";
    PositionAndRank => "Jabatan dan pangkat", "Position and rank";
    DirectoryEntry => "Data direktori", "Directory entry";
    Position => "Jabatan", "Position";
    Jenjang => "Jenjang jabatan", "Position level";
    TmtJabatan => "TMT jabatan", "In position since (TMT)";
    GolonganPangkat => "Golongan / pangkat", "Grade / rank";
    TmtGolongan => "TMT golongan", "In grade since (TMT)";
    DirectoryNote => "Anda melihat data direktori pegawai ini: nama, NIP, jabatan, dan unit. Data lengkap hanya untuk pegawai yang bersangkutan, pimpinan unitnya, dan admin kepegawaian.",
        "You are viewing this employee's directory entry: name, NIP, position and unit. The full record is only for the employee, the heads of their unit and HR administrators.";
    Superiors => "Pejabat penilai", "Performance assessors";
    SuperiorsIntro => "Pejabat Penilai Kinerja (PPKin) dan atasannya pada tanggal yang dipilih.",
        "The performance assessor (PPKin) and their superior on the chosen date.";
    OnDate => "Pada tanggal", "On date";
    Ppkin => "Pejabat Penilai Kinerja", "Performance assessor (PPKin)";
    AtasanPpkin => "Atasan Pejabat Penilai Kinerja", "Assessor's superior (Atasan PPKin)";
    ReasonDerived => "Diturunkan dari struktur", "From the structure";
    ReasonOverride => "Ditetapkan admin", "Set by the administrator";
    ReasonActing => "Plt/Plh", "Acting (Plt/Plh)";
    ViaJabatan => "Melalui jabatan {jabatan}", "Through the position {jabatan}";
    Unresolved => "Pejabat penilai belum dapat ditentukan", "The assessor cannot be determined";
    NoAtasanPpkin => "Tidak ada atasan pejabat penilai.", "The assessor has no superior.";
    History => "Riwayat jabatan", "Position history";
    AssignmentKind => "Jenis", "Type";
    Definitif => "Definitif", "Definitive";
    Plt => "Plt (Pelaksana tugas)", "Acting (Plt)";
    Plh => "Plh (Pelaksana harian)", "Daily acting (Plh)";
    Start => "Mulai", "From";
    End => "Selesai", "Until";
    Ongoing => "Sekarang", "Present";
    Note => "Keterangan", "Note";
    NoHistory => "Belum ada riwayat jabatan.", "No position history yet.";
    EmployeeSaved => "Data pegawai tersimpan.", "The employee record has been saved.";
    EmployeeCreated => "Pegawai berhasil ditambahkan.", "The employee has been added.";
    // Create and edit
    NewEmployeeTitle => "Tambah pegawai", "Add employee";
    NewEmployeeIntro => "Isi data pegawai. NIP diperiksa terhadap tanggal lahir dan jenis kelamin selagi Anda mengetik.",
        "Enter the employee's details. The NIP is checked against the date of birth and sex as you type.";
    EditEmployeeTitle => "Ubah data pegawai", "Edit employee";
    EditEmployeeIntro => "Perubahan dicatat dalam jejak audit. Perubahan jabatan dilakukan melalui mutasi.",
        "Changes are recorded in the audit trail. Position changes go through a transfer (mutasi).";
    Employment => "Kepegawaian", "Employment";
    ContactAccount => "Kontak dan akun", "Contact and account";
    Instansi => "Instansi", "Agency";
    ChooseOption => "Pilih…", "Choose…";
    Nip => "NIP", "NIP";
    NiPppk => "NI PPPK", "NI PPPK";
    NipHint => "18 digit, boleh dengan spasi, misalnya 19900317 201503 2 001.",
        "18 digits, spaces allowed, e.g. 19900317 201503 2 001.";
    NipAgrees => "Sesuai dengan tanggal lahir dan jenis kelamin.",
        "Agrees with the date of birth and sex.";
    Nama => "Nama (tanpa gelar)", "Name (without titles)";
    GelarDepan => "Gelar depan", "Title before the name";
    GelarBelakang => "Gelar belakang", "Titles after the name";
    WrittenAs => "Ditulis: {name}", "Written as: {name}";
    TempatLahir => "Tempat lahir", "Place of birth";
    TanggalLahir => "Tanggal lahir", "Date of birth";
    NoGolongan => "Tanpa golongan", "No grade";
    VacantPosition => "Jabatan (lowong)", "Position (vacant)";
    PositionSection => "Jabatan", "Position";
    VacantPositionHint => "Hanya jabatan yang belum diduduki yang dapat dipilih; saring menurut unit bila daftarnya panjang. TMT jabatan yang kosong berarti hari ini.",
        "Only positions nobody holds can be chosen; filter by unit if the list is long. An empty start date means today.";
    PositionUnit => "Unit jabatan", "Unit of the position";
    NoJabatan => "Tanpa jabatan", "No position";
    NoVacancies => "Tidak ada jabatan lowong di unit ini.", "There is no vacant position in this unit.";
    InitialPassword => "Kata sandi awal (opsional)", "Initial password (optional)";
    InitialPasswordHint => "Isi untuk membuat akun dengan NIP sebagai nama pengguna (minimal 10 karakter).",
        "Fill in to create an account with the NIP as username (at least 10 characters).";
    ChangeReason => "Alasan perubahan (opsional)", "Reason for the change (optional)";
    CurrentPosition => "Jabatan saat ini", "Current position";
    Save => "Simpan", "Save";
    Cancel => "Batal", "Cancel";
    Required => "wajib", "required";
    // Not found
    // SKP (planning)
    NavSkpMine => "SKP Saya", "My SKP";
    NavSkpInbox => "SKP Bawahan", "Subordinates' SKP";
    NavNotifications => "Notifikasi", "Notifications";
    SkpMineTitle => "SKP Saya", "My SKP";
    SkpMineIntro => "Sasaran Kinerja Pegawai Anda: rencana hasil kerja, indikator, dan lampiran.",
        "Your performance plan (SKP): planned results, indicators and attachments.";
    Periode => "Periode penilaian", "Assessment period";
    NoPeriods => "Belum ada periode penilaian untuk instansi Anda.",
        "There is no assessment period for your agency yet.";
    PeriodeDraft => "Draf", "Draft";
    PeriodeDibuka => "Dibuka", "Open";
    PeriodeDitutup => "Ditutup", "Closed";
    SkpNoEmployee => "Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat menyusun SKP. Hubungi admin kepegawaian (BKPSDM) instansi Anda.",
        "Your account is not linked to an employee record, so you cannot draw up an SKP yet. Contact your agency's HR administrator (BKPSDM).";
    SkpNotStarted => "Anda belum menyusun SKP untuk periode ini.",
        "You have not started an SKP for this period.";
    StartSkp => "Mulai SKP", "Start the SKP";
    Starting => "Memulai…", "Starting…";
    VersionN => "Versi {n}", "Version {n}";
    SkpStatusDraft => "Draf", "Draft";
    SkpStatusDiajukan => "Diajukan", "Submitted";
    SkpStatusDisetujui => "Disetujui", "Approved";
    SkpStatusDikembalikan => "Dikembalikan", "Returned";
    SkpStatusDitutup => "Ditutup", "Closed";
    PegawaiDinilai => "Pegawai yang dinilai", "Employee assessed";
    PejabatPenilai => "Pejabat penilai kinerja", "Performance assessor";
    AtasanPejabatPenilai => "Atasan pejabat penilai kinerja", "Assessor's superior";
    ReturnNoteTitle => "Dikembalikan oleh pejabat penilai dengan catatan:",
        "Returned by the assessor with this note:";
    RhkTitle => "Rencana Hasil Kerja (RHK)", "Planned results (RHK)";
    RhkN => "RHK {n}", "RHK {n}";
    AddRhk => "Tambah RHK", "Add an RHK";
    RemoveRhk => "Hapus RHK", "Remove RHK";
    MoveUp => "Naikkan", "Move up";
    MoveDown => "Turunkan", "Move down";
    JenisRhk => "Jenis RHK", "RHK type";
    RhkUtama => "Utama", "Main";
    RhkTambahan => "Tambahan", "Additional";
    RhkDeskripsi => "Rencana hasil kerja", "Planned result";
    PenugasanDari => "Penugasan dari", "Assigned by";
    Intervensi => "RHK atasan yang diintervensi", "Superior's RHK supported";
    NoSuperiorRhk => "SKP atasan belum disetujui, sehingga RHK atasan belum dapat dipilih.",
        "The superior's SKP is not approved yet, so their RHK cannot be chosen.";
    NoRhk => "Belum ada RHK.", "No RHK yet.";
    IkiTitle => "Indikator kinerja individu", "Individual performance indicators";
    AddIki => "Tambah indikator", "Add an indicator";
    RemoveIki => "Hapus indikator", "Remove indicator";
    NoIki => "Belum ada indikator.", "No indicators yet.";
    Aspek => "Aspek", "Aspect";
    AspekKuantitas => "Kuantitas", "Quantity";
    AspekKualitas => "Kualitas", "Quality";
    AspekWaktu => "Waktu", "Time";
    AspekBiaya => "Biaya", "Cost";
    Indikator => "Indikator", "Indicator";
    TargetNilai => "Target", "Target";
    TargetSatuan => "Satuan", "Unit";
    TargetNaratif => "Target naratif", "Narrative target";
    Arah => "Arah", "Direction";
    ArahNaik => "Naik (makin tinggi makin baik)", "Up (higher is better)";
    ArahTurun => "Turun (makin rendah makin baik)", "Down (lower is better)";
    Perspektif => "Perspektif", "Perspective";
    PerspektifPenerimaLayanan => "Penerima layanan", "Service recipients";
    PerspektifProsesBisnis => "Proses bisnis", "Business process";
    PerspektifPenguatanInternal => "Penguatan internal", "Internal strengthening";
    PerspektifAnggaran => "Anggaran", "Budget";
    Pendekatan => "Pendekatan", "Approach";
    PendekatanKuantitatif => "Kuantitatif", "Quantitative";
    PendekatanKualitatif => "Kualitatif", "Qualitative";
    LampiranTitle => "Lampiran SKP", "SKP attachments";
    DukunganSumberDaya => "Dukungan sumber daya", "Resource support";
    SkemaPertanggungjawaban => "Skema pertanggungjawaban", "Accountability scheme";
    Konsekuensi => "Konsekuensi", "Consequences";
    OnePerLine => "Satu butir per baris.", "One item per line.";
    SaveDraft => "Simpan draf", "Save draft";
    SubmitSkp => "Ajukan ke pejabat penilai", "Submit to the assessor";
    Submitting => "Mengajukan…", "Submitting…";
    SkpSaved => "SKP disimpan.", "The SKP was saved.";
    SkpSubmitted => "SKP diajukan ke pejabat penilai.", "The SKP was submitted to the assessor.";
    StaleSkp => "SKP ini telah diubah di tempat lain. Muat ulang untuk melihat versi terbaru; perubahan yang belum disimpan akan hilang.",
        "This SKP was changed elsewhere. Reload to see the latest version; unsaved changes will be lost.";
    Reload => "Muat ulang", "Reload";
    HintsTitle => "Saran perbaikan", "Suggestions";
    PerilakuTitle => "Perilaku kerja (BerAKHLAK)", "Work behaviour (BerAKHLAK)";
    EkspektasiKhusus => "Ekspektasi khusus pimpinan", "Leader's specific expectation";
    Revise => "Ajukan perubahan", "Request a change";
    ReviseReason => "Alasan perubahan", "Reason for the change";
    SkpRevised => "Versi baru dibuat sebagai draf.", "A new version was created as a draft.";
    DownloadPdf => "Unduh PDF", "Download PDF";
    Downloading => "Mengunduh…", "Downloading…";
    VersionsTitle => "Riwayat versi", "Versions";
    VersionCol => "Versi", "Version";
    CreatedAt => "Dibuat", "Created";
    ApprovedAt => "Disetujui pada", "Approved on";
    InboxTitle => "SKP Bawahan", "Subordinates' SKP";
    InboxIntro => "Pegawai yang Anda nilai dan status SKP mereka; yang menunggu persetujuan Anda tampil di atas.",
        "The employees you rate and the status of their SKP; those awaiting your approval come first.";
    InboxEmpty => "Tidak ada SKP yang menunggu persetujuan.", "No SKP is awaiting approval.";
    NoDirectSubordinates => "Tidak ada pegawai yang Anda nilai pada periode ini.", "Nobody is rated by you in this period.";
    SkpStatusCol => "Status SKP", "SKP status";
    SkpBelumDibuat => "Belum dibuat", "Not started";
    ViewSkp => "Lihat", "View";
    ColBuktiUnchecked => "Bukti belum diperiksa", "Evidence to check";
    ColRealisasiKosong => "Realisasi kosong: {periode}", "Empty results: {periode}";
    ColEvaluasiPeriode => "Penilaian: {periode}", "Rating: {periode}";
    RealisasiLengkap => "Lengkap", "Complete";
    IndikatorKosongN => "{n} indikator", "{n} indicators";
    NoEndedSubPeriod => "Belum ada periode yang berakhir", "No sub-period has ended yet";
    IndirectSubordinate => "Tidak langsung", "Indirect";
    IndirectSubordinateHint => "Dinilai oleh pejabat yang Anda pimpin", "Rated by an official you lead";
    ColRhkCount => "Jumlah RHK", "RHK";
    SubmittedAt => "Diajukan", "Submitted";
    Review => "Periksa", "Review";
    SkpDetailTitle => "Detail SKP", "SKP details";
    SkpDetailIntro => "Isi SKP sebagaimana diajukan.", "The SKP as submitted.";
    BackToInbox => "Kembali ke SKP Bawahan", "Back to subordinates' SKP";
    // Pohon kinerja and Matriks Peran Hasil
    PohonLink => "Pohon kinerja", "Performance tree";
    PohonTitle => "Pohon Kinerja", "Performance Tree";
    PohonIntro => "RHK SKP ini dan, bertingkat di bawahnya, RHK bawahan yang mengintervensinya.",
        "The RHK of this SKP and, nested below, the subordinates' RHK that intervene them.";
    PohonEmpty => "Belum ada RHK bawahan yang mengintervensi SKP ini.",
        "No subordinate RHK intervenes this SKP yet.";
    PohonMore => "Tampilkan {n} RHK bawahan", "Show {n} subordinate RHK";
    PohonMoreLoading => "Memuat RHK bawahan…", "Loading subordinate RHK…";
    BackToSkp => "Kembali ke SKP", "Back to the SKP";
    YatimTitle => "RHK yatim", "Orphaned RHK";
    YatimIntro => "RHK utama bawahan yang tidak mengintervensi RHK mana pun dari SKP ini.",
        "Subordinates' main RHK that intervene none of this SKP's RHK.";
    YatimBadge => "Yatim", "Orphaned";
    DistributeTitle => "Bagikan RHK (Matriks Peran Hasil)", "Hand down an RHK (results-role matrix)";
    DistributeIntro => "Pilih RHK Anda dan bawahan yang menerimanya sebagai RHK utama pada draf SKP mereka.",
        "Choose one of your RHK and the subordinates who receive it as a main RHK in their draft SKP.";
    DistributeRhk => "RHK yang dibagikan", "RHK to hand down";
    Bawahan => "Bawahan penerima", "Receiving subordinates";
    NoBawahan => "Tidak ada pegawai lain di unit Anda.", "There are no other employees in your unit.";
    DeskripsiOverride => "Teks RHK bawahan (opsional)", "Subordinates' RHK text (optional)";
    DeskripsiOverrideHint => "Kosongkan untuk memakai teks RHK Anda.", "Leave empty to use your RHK text.";
    SuggestedIki => "Usulan IKI (opsional)", "Suggested IKI (optional)";
    Distribute => "Bagikan", "Hand down";
    Distributing => "Membagikan…", "Handing down…";
    DistributionResults => "Hasil pembagian", "Result";
    Added => "Ditambahkan", "Added";
    NotAdded => "Tidak ditambahkan", "Not added";
    ApproveTitle => "Setujui SKP", "Approve the SKP";
    ApproveIntro => "Ekspektasi khusus pimpinan tidak wajib; isi hanya untuk nilai yang perlu ditekankan.",
        "Specific expectations are optional; fill them in only for the values to stress.";
    Approve => "Setujui", "Approve";
    Approving => "Menyetujui…", "Approving…";
    ReturnTitle => "Kembalikan untuk diperbaiki", "Return for changes";
    Catatan => "Catatan pengembalian", "Note for the employee";
    ReturnSkp => "Kembalikan", "Return";
    Returning => "Mengembalikan…", "Returning…";
    SkpApproved => "SKP disetujui.", "The SKP was approved.";
    SkpReturned => "SKP dikembalikan kepada pegawai.", "The SKP was returned to the employee.";
    EditInMine => "Ubah di SKP Saya", "Edit in My SKP";
    CompareWith => "Bandingkan dengan versi {n}", "Compare with version {n}";
    DiffTitle => "Perubahan dari versi {a} ke versi {b}", "Changes from version {a} to version {b}";
    DiffEmpty => "Tidak ada perubahan isi.", "No changes in the content.";
    CompareVersions => "Bandingkan versi", "Compare versions";
    RencanaTidakDiperlukan => "Hasil akhir tidak lagi memerlukan rencana perbaikan (diubah melalui keberatan); yang sudah ditulis tetap tersimpan di bawah.", "The final result no longer calls for an improvement plan (changed through an objection); what was written is kept below.";
    RevisionTitle => "Perubahan SKP: versi {n}", "SKP change: version {n}";
    RevisionReason => "Alasan perubahan", "Reason for the change";
    RevisionNoReason => "Alasan tidak tercatat pada versi ini.", "No reason was recorded for this version.";
    RevisionAgainst => "Dibandingkan dengan versi {n} yang sedang berlaku.", "Compared with version {n}, the one in force.";
    DiffPath => "Bagian", "Part";
    DiffBefore => "Sebelum", "Before";
    DiffAfter => "Sesudah", "After";
    // Realisasi (measurement) and feedback
    NavRealisasiMine => "Realisasi Saya", "My results";
    NavRealisasiBawahan => "Realisasi Bawahan", "Subordinates' results";
    RealisasiMineIntro => "Catat realisasi setiap indikator per periode pengukuran, lampirkan bukti dukung, dan baca umpan balik pejabat penilai.",
        "Record each indicator's result per measurement period, attach the evidence and read your assessor's feedback.";
    OpenRealisasi => "Isi realisasi", "Enter results";
    OpenSkpMine => "Buka SKP Saya", "Open My SKP";
    RealisasiNeedsApproval => "Realisasi dapat diisi setelah SKP Anda disetujui pejabat penilai kinerja.",
        "Results can be entered once your assessor has approved your SKP.";
    RealisasiNotApproved => "Realisasi tersedia setelah SKP disetujui.", "Results are available once the SKP is approved.";
    SubPeriode => "Periode pengukuran", "Measurement period";
    TriwulanN => "Triwulan {n}", "Quarter {n}";
    YearN => "tahun {n}", "the year {n}";
    // Notifications, worded from their kind and parameters (the server keeps the same
    // Indonesian wording in `notifications::wording`).
    NtfAtasanBelumTitle => "Bawahan menunggu SKP Anda", "A subordinate is waiting for your SKP";
    NtfAtasanBelumBody => "{pegawai} belum dapat mengajukan SKP tahun {tahun} karena SKP Anda tahun {tahun} belum ditetapkan.", "{pegawai} cannot submit their {tahun} SKP until your {tahun} SKP is approved.";
    NtfSkpDiajukanTitle => "SKP diajukan untuk disetujui", "SKP submitted for approval";
    NtfSkpDiajukanBody => "{pegawai} mengajukan SKP tahun {tahun}.", "{pegawai} submitted their {tahun} SKP.";
    NtfSkpDisetujuiTitle => "SKP Anda disetujui", "Your SKP was approved";
    NtfSkpDisetujuiBody => "SKP tahun {tahun} Anda telah ditetapkan oleh pejabat penilai kinerja.", "Your {tahun} SKP was approved by your performance rater.";
    NtfSkpDikembalikanTitle => "SKP Anda dikembalikan", "Your SKP was returned";
    NtfSkpDikembalikanBody => "SKP tahun {tahun} Anda dikembalikan oleh pejabat penilai kinerja.", "Your {tahun} SKP was returned by your performance rater.";
    NtfSkpDibukaTitle => "SKP Anda dibuka kembali", "Your SKP was reopened";
    NtfSkpDibukaBody => "SKP tahun {tahun} Anda dibuka kembali oleh admin kepegawaian. Alasan: {teks}", "Your {tahun} SKP was reopened by the HR office. Reason: {teks}";
    NtfRhkTitle => "RHK baru dari atasan", "A new RHK from your superior";
    NtfRhkBody => "Pejabat penilai kinerja menambahkan RHK \"{teks}\" ke SKP tahun {tahun} Anda.", "Your performance rater added the RHK \"{teks}\" to your {tahun} SKP.";
    NtfEvalTitle => "Hasil evaluasi kinerja {periode} ditetapkan", "Performance evaluation for {periode} set";
    NtfEvalBody => "Predikat kinerja Anda untuk {periode}: {hasil}. Bila tidak sependapat, ajukan keberatan paling lambat {tanggal}.", "Your performance rating for {periode}: {hasil}. If you disagree, file an objection by {tanggal}.";
    NtfEvalPlan => "Rencana perbaikan dibuka bersama pejabat penilai.", "An improvement plan was opened with your rater.";
    NtfKeberatanTitle => "Keberatan atas penilaian {periode}", "Objection to the evaluation of {periode}";
    NtfKeberatanBody => "{pegawai} mengajukan keberatan atas penilaian {periode}. Tuliskan penjelasan Anda untuk Atasan Pejabat Penilai.", "{pegawai} objected to the evaluation of {periode}. Write your explanation for the rater's superior.";
    NtfMenungguTitle => "Keberatan menunggu keputusan Anda", "An objection awaits your decision";
    NtfMenungguBody => "Pejabat penilai telah menjelaskan keberatan {pegawai} atas penilaian {periode}. Putuskan: tetap atau diubah.", "The rater has explained {pegawai}'s objection to the evaluation of {periode}. Decide: keep or change it.";
    NtfDiputusTitle => "Keberatan Anda telah diputus", "Your objection has been decided";
    NtfDiputusTetap => "Atasan pejabat penilai memutuskan hasil evaluasi {periode} Anda tetap.", "The rater's superior kept your evaluation of {periode} as it was.";
    NtfDiputusDiubah => "Atasan pejabat penilai mengubah hasil evaluasi {periode} Anda. Keputusan ini final.", "The rater's superior changed your evaluation of {periode}. This decision is final.";
    NtfRencanaTitle => "Rencana perbaikan kinerja", "Performance improvement plan";
    NtfRencanaBody => "Pejabat penilai menuliskan saran, tindakan, dan pelatihan untuk Anda atas penilaian {periode}.", "Your rater wrote advice, actions and trainings for you on the evaluation of {periode}.";
    NtfUmpanBaruTitle => "Umpan balik atasan untuk {periode}", "Feedback from your superior for {periode}";
    NtfUmpanDibalasTitle => "{pegawai} membalas umpan balik {periode}", "{pegawai} replied to feedback for {periode}";
    NtfBuktiTitle => "Bukti dukung {periode} diperiksa", "Evidence for {periode} checked";
    NtfBuktiBody => "Pejabat penilai menandai bukti dukung Anda: {hasil}.", "Your rater marked your evidence: {hasil}.";
    NtfCatatan => "Catatan: {teks}", "Note: {teks}";
    NtfTerkunciTitle => "Realisasi {periode} segera terkunci", "Results for {periode} lock soon";
    NtfTerkunciBody => "{n} indikator belum berisi realisasi. Realisasi {periode} terkunci setelah {tanggal}.", "{n} indicators have no results yet. Results for {periode} lock after {tanggal}.";
    NtfKebutuhanUsulTitle => "Usulan kebutuhan pengembangan", "Development need proposed";
    NtfKebutuhanUsulBody => "{pegawai} mengusulkan kebutuhan pengembangan kompetensi tahun {tahun}.", "{pegawai} proposed a competency development need for {tahun}.";
    NtfKebutuhanTitle => "Kebutuhan pengembangan diputuskan", "Development need decided";
    NtfKebutuhanSetuju => "Pejabat penilai kinerja menyetujui usulan kebutuhan pengembangan Anda tahun {tahun}.", "Your rater agreed your development need for {tahun}.";
    NtfKebutuhanTolak => "Pejabat penilai kinerja menolak usulan kebutuhan pengembangan Anda tahun {tahun}.", "Your rater rejected your development need for {tahun}.";
    NtfCatatanPengTitle => "Catatan pengembangan diperiksa", "Development record checked";
    NtfCatatanTerima => "Pengelola kepegawaian memverifikasi catatan pengembangan Anda: {teks}.", "The HR office verified your development record: {teks}.";
    NtfCatatanTolak => "Pengelola kepegawaian menolak catatan pengembangan Anda: {teks}.", "The HR office rejected your development record: {teks}.";
    NtfJpKurangTitle => "Pengembangan kompetensi {tahun} belum 20 JP", "Development in {tahun} is below 20 JP";
    NtfJpKurangBody => "JP terverifikasi Anda tahun {tahun} belum mencapai 20 JP. Catat kegiatan yang sudah diikuti atau rencanakan pengembangan sebelum akhir tahun.", "Your verified JP for {tahun} are below 20. Record what you attended or plan development before the year ends.";
    NtfTimJpTitle => "Tim Anda belum 20 JP tahun {tahun}", "Your team is below 20 JP in {tahun}";
    NtfTimJpBody => "{n} pegawai yang Anda nilai belum mencapai 20 JP terverifikasi tahun {tahun}.", "{n} people you rate have fewer than 20 verified JP in {tahun}.";
    NavPengembangan => "Pengembangan Saya", "My development";
    PelatihanSelesai => "selesai: tercatat dan diverifikasi", "done: recorded and verified";
    PengembanganSejak => "Pengembangan kompetensi sejak periode sebelumnya", "Development since the previous period";
    PengembanganSejakKosong => "Belum ada kegiatan pengembangan yang tercatat sejak awal periode ini.", "No development recorded since this period began.";
    PengembanganDiverifikasi => "diverifikasi", "verified";
    PengembanganMenunggu => "menunggu verifikasi", "waiting for verification";
    NavPengembanganTim => "Pengembangan Tim", "Team development";
    NavPengembanganHr => "Pengembangan Kompetensi", "Competency development";
    NavPengembanganRencana => "Rencana Pengembangan", "Development plan";
    SertifikatFile => "Sertifikat (PDF, JPG atau PNG)", "Certificate (PDF, JPG or PNG)";
    UnggahSertifikat => "Unggah sertifikat", "Upload the certificate";
    ChooseSertifikatFirst => "Pilih berkas sertifikat dulu.", "Choose the certificate file first.";
    SertifikatUploaded => "Sertifikat tersimpan.", "Certificate saved.";
    SemesterN => "Semester {n}", "Half-year {n}";
    SubPeriodeLocked => "Periode ini terkunci sejak {date}. Realisasi, rencana aksi, dan bukti dukungnya hanya dapat dibaca; minta admin kepegawaian membukanya bila perlu.",
        "This period has been locked since {date}. Its results, action plans and evidence are read-only; ask the HR administrator to unlock it if needed.";
    EditableUntil => "Realisasi periode ini dapat diisi sampai {date}.", "Results for this period can be entered until {date}.";
    UnlockedUntil => "Dibuka kembali oleh admin kepegawaian sampai {date}.", "Reopened by the HR administrator until {date}.";
    CapaianSkp => "Capaian SKP", "SKP achievement";
    CapaianSkpNote => "Rata-rata capaian RHK: informasi bagi pejabat penilai, bukan nilai kinerja.",
        "The average achievement of the RHK: information for the assessor, not a rating.";
    Capaian => "Capaian", "Achievement";
    CapaianNone => "Belum ada", "None yet";
    CapaianActual => "sebenarnya {n}", "actually {n}";
    TargetPeriode => "Target periode ini", "Target for this period";
    UraianRencanaAksi => "Uraian rencana aksi", "What will be done";
    NilaiRealisasi => "Nilai realisasi", "Result value";
    ComparedWith => "Dibandingkan dengan target periode ini: {target}", "Compared with this period's target: {target}";
    TargetFromRencana => "target rencana aksi", "the action plan's target";
    TargetSpread => "target tahunan {yearly} dibagi {n} periode", "the yearly target of {yearly} split over {n} periods";
    TargetHeld => "target tahunan berlaku setiap periode", "the yearly target holds every period";
    TargetDue => "jatuh tempo pada periode ini", "due in this period";
    NothingDueThisPeriod => "Tidak ada target yang jatuh tempo pada periode ini (tenggat: {periode}).",
        "Nothing is due in this period (deadline: {periode}).";
    YearToDate => "Sampai periode ini: {real} dari {target} ({pct})", "Year to date: {real} of {target} ({pct})";
    YearToDateNone => "Sampai periode ini: belum ada realisasi (target {target})", "Year to date: no results yet (target {target})";
    CapaianYtd => "Capaian sampai periode ini", "Achievement year to date";
    SheetOnVersion => "Periode ini diukur pada SKP versi {v}, yang berlaku untuk periode ini.",
        "This period is measured on SKP version {v}, the one in force for it.";
    PerubahanPending => "Perubahan SKP (versi {v}) belum disetujui; realisasi tetap dicatat pada versi yang berlaku.",
        "The SKP change (version {v}) is not approved yet; results are recorded on the version in force.";
    JenisTargetLabel => "Sifat target", "Nature of the target";
    JenisTargetAuto => "Otomatis (menurut satuan)", "Automatic (by the unit)";
    JenisTargetAkumulatif => "Jumlah, dibagi per periode", "A count, split over the periods";
    JenisTargetTetap => "Tingkat tetap setiap periode (%, indeks)", "A level held every period (%, index)";
    JenisTargetTenggat => "Tenggat: jatuh tempo pada tanggal", "A deadline: due on a date";
    TenggatLabel => "Tanggal tenggat", "Due date";
    RencanaAksi => "Rencana aksi", "Action plan";
    SaveRencanaAksi => "Simpan rencana aksi", "Save the action plan";
    RencanaAksiSaved => "Rencana aksi disimpan.", "The action plan was saved.";
    Realisasi => "Realisasi", "Result";
    RealisasiNaratif => "Realisasi (uraian)", "Result (description)";
    DasarRealisasi => "Dasar realisasi", "Basis of the result";
    SaveRealisasi => "Simpan realisasi", "Save the result";
    RealisasiSaved => "Realisasi disimpan.", "The result was saved.";
    UpdatedAt => "Diperbarui {date}", "Updated {date}";
    SourceApi => "dikirim sistem lain", "sent by another system";
    SourceSurvei => "dari survei kepuasan masyarakat", "from the citizen satisfaction survey";
    InvalidNumber => "Isi dengan angka, misalnya 12 atau 2,5.", "Enter a number, e.g. 12 or 2.5.";
    BuktiTitle => "Bukti dukung", "Evidence";
    NoBukti => "Belum ada bukti dukung.", "No evidence yet.";
    BuktiFile => "Berkas bukti (PDF, JPG, PNG, XLSX, atau DOCX)", "Evidence file (PDF, JPG, PNG, XLSX or DOCX)";
    UploadBukti => "Unggah bukti", "Upload";
    ChooseBuktiFirst => "Pilih berkas bukti terlebih dahulu.", "Choose the evidence file first.";
    BuktiUploaded => "Bukti dukung terunggah.", "The evidence was uploaded.";
    BuktiTooLarge => "Berkas terlalu besar untuk diunggah. Perkecil ukurannya lalu coba lagi.",
        "The file is too large to upload. Make it smaller and try again.";
    BuktiLink => "Tautan bukti", "Evidence link";
    AddLink => "Tambahkan tautan", "Add the link";
    LinkAdded => "Tautan ditambahkan.", "The link was added.";
    SaveRealisasiFirst => "Simpan realisasi lebih dahulu, lalu lampirkan bukti dukungnya.",
        "Save the result first, then attach its evidence.";
    Download => "Unduh", "Download";
    VerifBelum => "Belum diperiksa", "Not checked yet";
    VerifSesuai => "Sesuai", "Adequate";
    VerifKurang => "Kurang", "Insufficient";
    VerifTidakSesuai => "Tidak sesuai", "Not valid";
    VerifyLegend => "Hasil pemeriksaan", "Verdict";
    VerifyNote => "Catatan pemeriksaan", "Note on the evidence";
    SaveVerify => "Simpan pemeriksaan", "Save the verdict";
    Verified => "Pemeriksaan bukti disimpan.", "The verdict was saved.";
    ChooseVerdict => "Pilih hasil pemeriksaan.", "Choose a verdict.";
    FeedbackTitle => "Umpan balik", "Feedback";
    FeedbackIntro => "Umpan balik berkelanjutan tentang satu RHK, indikator, atau nilai BerAKHLAK pada periode pengukuran terpilih. Pegawai diberi tahu dan dapat membalas.",
        "Continuous feedback on one RHK, indicator or BerAKHLAK value in the chosen measurement period. The employee is notified and can reply.";
    FeedbackAbout => "Tentang", "About";
    FeedbackTag => "Tanda", "Tag";
    TagNone => "Tanpa tanda", "No tag";
    TagPositif => "Positif", "Positive";
    TagNegatif => "Negatif", "Negative";
    SendFeedback => "Kirim umpan balik", "Send feedback";
    FeedbackSent => "Umpan balik terkirim.", "The feedback was sent.";
    GiveFeedback => "Beri umpan balik", "Give feedback";
    FeedbackHistory => "Riwayat umpan balik", "Feedback history";
    NoFeedback => "Belum ada umpan balik.", "No feedback yet.";
    YourReply => "Balasan Anda", "Your reply";
    SendReply => "Balas", "Reply";
    ReplySent => "Balasan terkirim.", "Your reply was sent.";
    ReaderOnly => "Pemeriksaan bukti dan umpan balik hanya dapat diberikan oleh pejabat penilai kinerja langsung.",
        "Only the direct assessor can check the evidence and give feedback.";
    RealisasiBawahanIntro => "Bawahan Anda dengan status SKP, bukti dukung yang belum diperiksa, serta realisasi dan penilaian periode terakhir yang berakhir. Buka realisasi untuk memeriksa bukti dan memberi umpan balik.",
        "Your subordinates with their SKP status, evidence still to check, and the results and rating of the last ended sub-period. Open the results to check evidence and give feedback.";
    NoSubordinateSkp => "Belum ada SKP bawahan yang disetujui.", "No subordinate has an approved SKP yet.";
    Tahun => "Tahun", "Year";
    OpenResults => "Buka realisasi", "Open the results";
    RealisasiSkpTitle => "Realisasi SKP", "SKP results";
    RealisasiSkpIntro => "Realisasi, capaian, bukti dukung, dan umpan balik per periode pengukuran.",
        "Results, achievement, evidence and feedback per measurement period.";
    BackToRealisasiBawahan => "Kembali ke Realisasi Bawahan", "Back to subordinates' results";
    NotificationsTitle => "Notifikasi", "Notifications";
    NotificationsIntro => "Pemberitahuan tentang SKP Anda dan bawahan Anda.",
        "News about your SKP and your subordinates'.";
    NoNotifications => "Belum ada notifikasi.", "No notifications yet.";
    MarkRead => "Tandai dibaca", "Mark as read";
    MarkAllRead => "Tandai semua dibaca", "Mark all as read";
    Unread => "Belum dibaca", "Unread";
    UnreadCount => "{n} belum dibaca", "{n} unread";
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundText => "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
        "The address you opened does not exist or has moved.";
    BackHome => "Kembali ke beranda", "Back to home";
    // Evaluation (penilaian kinerja)
    NavEvaluasiMine => "Evaluasi Saya", "My evaluation";
    NavEvaluasiBawahan => "Penilaian Bawahan", "Rate subordinates";
    EvaluasiBawahanIntro => "Tetapkan rating hasil kerja dan perilaku kerja pegawai yang Anda nilai. Predikat mengikuti kuadran kinerja; kuota pola distribusi unit diperbarui saat Anda memilih.",
        "Set the work-result and behaviour ratings of the employees you assess. The predikat follows the performance quadrant; the unit's distribution quota updates as you choose.";
    EvaluasiTitle => "Evaluasi Kinerja", "Performance evaluation";
    EvaluasiIntro => "Hasil evaluasi satu SKP per periode atau tahunan: rating, predikat, keberatan, rencana perbaikan, dan dokumen.",
        "One SKP's evaluation per period or for the year: ratings, predikat, objection, improvement plan and documents.";
    EvaluasiMineIntro => "Hasil evaluasi kinerja Anda. Bila tidak sependapat, ajukan keberatan sebelum batas waktunya.",
        "Your performance evaluation. If you disagree, file an objection before the deadline.";
    EvaluasiNeedsSkp => "Evaluasi tersedia setelah SKP Anda disetujui pejabat penilai kinerja.", "The evaluation is available once your assessor has approved your SKP.";
    NoEvaluasiBawahan => "Tidak ada pegawai yang Anda nilai pada periode ini.", "There is nobody for you to assess in this period.";
    Tahunan => "Tahunan", "Annual";
    RatingHasil => "Rating hasil kerja", "Work-result rating";
    RatingPerilaku => "Rating perilaku kerja", "Work-behaviour rating";
    RatingDiAtas => "Di Atas Ekspektasi", "Above expectations";
    RatingSesuai => "Sesuai Ekspektasi", "Meets expectations";
    RatingDiBawah => "Di Bawah Ekspektasi", "Below expectations";
    Predikat => "Predikat", "Predikat";
    PredikatResult => "Predikat menurut kuadran kinerja", "Predikat by the performance quadrant";
    PredikatNone => "Belum ada", "None yet";
    PredikatSangatBaik => "Sangat Baik", "Very good";
    PredikatBaik => "Baik", "Good";
    PredikatButuhPerbaikan => "Butuh Perbaikan", "Needs improvement";
    PredikatKurang => "Kurang/Misconduct", "Poor/Misconduct";
    PredikatSangatKurang => "Sangat Kurang", "Very poor";
    OrgIstimewa => "Istimewa", "Outstanding";
    OrgKurang => "Kurang", "Poor";
    PredikatOrganisasi => "Predikat kinerja organisasi", "Organisation performance predikat";
    Saran => "Saran sistem", "System suggestion";
    EvaluasiBelum => "Belum dinilai", "Not rated";
    EvaluasiDraft => "Draf", "Draft";
    EvaluasiDitetapkan => "Ditetapkan", "Set";
    EvaluasiSaved => "Draf penilaian disimpan.", "The draft rating was saved.";
    EvaluasiSet => "Penilaian ditetapkan.", "The evaluation was set.";
    SetEvaluasi => "Tetapkan", "Set";
    EvaluasiBelumAda => "Belum ada penilaian untuk periode ini.", "There is no evaluation for this period yet.";
    EvaluasiResult => "Hasil evaluasi", "Evaluation result";
    EvaluasiForm => "Penilaian oleh pejabat penilai", "Assessor's rating";
    CatatanHasil => "Catatan hasil kerja", "Note on the work result";
    CatatanPerilaku => "Catatan perilaku kerja", "Note on the behaviour";
    Rekomendasi => "Rekomendasi", "Recommendation";
    HasilDariOrganisasi => "Rating hasil kerja mengikuti predikat kinerja organisasi unit yang dipimpin pegawai ini.",
        "The work-result rating follows the organisation predikat of the unit this employee heads.";
    PrioritasPengembangan => "Predikat Sangat Baik: pegawai ini diprioritaskan untuk pengembangan kompetensi.",
        "Predikat Very good: this employee is a priority for competency development.";
    BatasKeberatan => "Batas pengajuan keberatan", "Objection deadline";
    QuotaTitle => "Kuota pola distribusi", "Distribution quota";
    QuotaNoOrg => "Predikat kinerja organisasi unit ini belum ditetapkan untuk periode ini; pola distribusi belum berlaku.",
        "The unit's organisation predikat for this period has not been set; no distribution pattern applies yet.";
    QuotaBounds => "(min {min}, maks {max})", "(min {min}, max {max})";
    QuotaPeople => "{n} pegawai dinilai", "{n} employees rated";
    QuotaRules => "Aturan pola distribusi dan pembulatan", "Distribution rules and rounding";
    QuotaWarning => "Predikat yang sudah ditetapkan menyalahi pola distribusi:", "The predikat already set break the distribution pattern:";
    QuotaBlocked => "Predikat yang sudah ditetapkan menyalahi pola distribusi; penetapan yang menyalahinya ditolak:", "The predikat already set break the distribution pattern; settings that break it are refused:";
    QuotaPreview => "Bila pilihan di halaman ini ditetapkan, aturan ini dilanggar:", "If the choices on this page are set, these rules are broken:";
    KeberatanTitle => "Keberatan", "Objection";
    KeberatanIntro => "Tuliskan alasan keberatan Anda. Setelah diajukan, Anda dapat melampirkan berkas pendukung. Pejabat penilai memberi penjelasan, lalu atasan pejabat penilai memutuskan; keputusannya final.",
        "Write why you object. Once filed, you can attach supporting files. Your assessor explains, then the assessor's superior decides; the decision is final.";
    LampiranKeberatan => "Lampiran", "Attachments";
    LampiranHint => "Lampirkan berkas pendukung (maksimal {n}) sebelum pejabat penilai memberi penjelasan.",
        "Attach supporting files (at most {n}) before your assessor explains.";
    LampiranFile => "Berkas lampiran (PDF, JPG, PNG, XLSX, atau DOCX)", "Attachment (PDF, JPG, PNG, XLSX or DOCX)";
    UnggahLampiran => "Unggah lampiran", "Upload";
    ChooseLampiranFirst => "Pilih berkas lampiran terlebih dahulu.", "Choose the file first.";
    LampiranUploaded => "Lampiran terunggah.", "The attachment was uploaded.";
    Remove => "Hapus", "Remove";
    AlasanKeberatan => "Alasan keberatan", "Reason for the objection";
    AjukanKeberatan => "Ajukan keberatan", "File the objection";
    NoKeberatan => "Tidak ada keberatan.", "No objection.";
    KeberatanDiajukan => "Menunggu penjelasan pejabat penilai", "Awaiting the assessor's explanation";
    KeberatanDijelaskan => "Menunggu keputusan atasan pejabat penilai", "Awaiting the decision";
    KeberatanDiputus => "Diputus (final)", "Decided (final)";
    Penjelasan => "Penjelasan pejabat penilai", "Assessor's explanation";
    KirimPenjelasan => "Kirim penjelasan", "Send the explanation";
    Keputusan => "Keputusan", "Decision";
    KeputusanTetap => "Tetap", "Unchanged";
    KeputusanDiubah => "Diubah", "Changed";
    PutuskanKeberatan => "Putuskan keberatan", "Decide the objection";
    CatatanKeputusan => "Pertimbangan keputusan", "Grounds for the decision";
    RencanaPerbaikan => "Rencana perbaikan", "Improvement plan";
    SaranBelum => "Pejabat penilai belum menuliskan saran perbaikan.", "The assessor has not written any advice yet.";
    AksiPerbaikan => "Tindakan perbaikan", "Improvement actions";
    PelatihanDisarankan => "Pelatihan yang disarankan", "Recommended trainings";
    Checkin => "Perkembangan", "Check-ins";
    JatuhTempo => "jatuh tempo", "due";
    UbahRencana => "Tulis atau ubah rencana perbaikan", "Write or change the improvement plan";
    SaranPerbaikan => "Saran perbaikan", "Advice";
    AksiPerbaikanLines => "Tindakan, satu per baris (awali dengan tanggal TTTT-BB-HH untuk jatuh tempo)", "Actions, one per line (start with a YYYY-MM-DD date for the due date)";
    PelatihanLines => "Pelatihan, satu per baris", "Trainings, one per line";
    DariKatalog => "Tambah dari katalog pelatihan", "Add from the training catalogue";
    SimpanRencana => "Simpan rencana perbaikan", "Save the improvement plan";
    CatatanCheckin => "Catatan perkembangan", "Progress note";
    KirimCheckin => "Catat perkembangan", "Record progress";
    DokumenEvaluasi => "Dokumen Evaluasi Kinerja", "Performance evaluation document";
    NoDokumen => "Belum ada dokumen.", "No document yet.";
    BuatDokumen => "Buat dokumen", "Make the document";
    Verifikasi => "Halaman verifikasi", "Verification page";
    RiwayatEvaluasi => "Riwayat penilaian", "Evaluation history";
    Sumber => "Sumber", "Source";
    Alasan => "Alasan", "Reason";
    // Errors
    ErrorTitle => "Terjadi kesalahan", "Something went wrong";
    Retry => "Coba lagi", "Try again";
    FormHasErrors => "Periksa kembali isian yang ditandai.", "Please check the highlighted fields.";
    ErrNetwork => "Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.",
        "Cannot reach the server. Check your connection and try again.";
    ErrDecode => "Jawaban server tidak dapat dibaca. Muat ulang halaman.",
        "The server's answer could not be read. Reload the page.";
    ErrUnauthorized => "Anda belum masuk atau sesi telah berakhir.",
        "You are not signed in or your session has ended.";
    ErrForbidden => "Anda tidak memiliki hak untuk tindakan ini.",
        "You are not allowed to do this.";
    ErrNotFound => "Data tidak ditemukan.", "Not found.";
    ErrConflict => "Data bertentangan dengan perubahan lain. Muat ulang lalu coba lagi.",
        "This conflicts with another change. Reload and try again.";
    ErrInvalidRequest => "Permintaan tidak valid.", "The request is invalid.";
    ErrUnavailable => "Layanan sedang tidak tersedia. Silakan coba lagi nanti.",
        "The service is unavailable. Please try again later.";
    ErrInternal => "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.",
        "The server had a problem. Try again or contact the administrator.";
    // Menus
    NavGroupPenilaian => "Penilaian", "Appraisal";
    NavGroupOrganisasi => "Organisasi", "Organisation";
    NavGroupPegawai => "Pegawai", "Employees";
    NavGroupPengembangan => "Pengembangan", "Development";
    NavGroupSistem => "Sistem", "System";
    // Forced password change and accounts for employees
    ErrPasswordChangeRequired => "Ganti kata sandi sekali pakai Anda terlebih dahulu.", "Change your one-time password first.";
    ForcedChangeTitle => "Buat kata sandi Anda sendiri", "Choose your own password";
    ForcedChangeIntro => "Akun {nama} memakai kata sandi sekali pakai dari admin kepegawaian. Ganti dengan kata sandi Anda sendiri sebelum melanjutkan.", "The account of {nama} uses a one-time password from the HR office. Replace it with a password of your own before you continue.";
    EmployeeAccount => "Akun pengguna", "User account";
    HasAccount => "Pegawai ini sudah memiliki akun; nama penggunanya adalah NIP.", "This employee has an account; the username is the NIP.";
    NoAccount => "Pegawai ini belum memiliki akun.", "This employee has no account yet.";
    CreateAccount => "Buat akun", "Create account";
    ResetPassword => "Atur ulang kata sandi", "Reset password";
    ResetPasswordConfirm => "Kata sandi lama dan semua sesi akun ini berakhir, dan pegawai wajib mengganti kata sandi baru saat masuk. Lanjutkan?", "The old password and every session of this account end, and the employee must change the new password at sign-in. Continue?";
    ResetPasswordYes => "Ya, atur ulang", "Yes, reset";
    OneTimePassword => "Kata sandi sekali pakai", "One-time password";
    OneTimeShownOnce => "Kata sandi ini hanya ditampilkan sekali. Unduh atau cetak daftarnya sekarang dan serahkan kepada pegawai; mereka wajib menggantinya saat pertama masuk.", "These passwords are shown only once. Download or print the list now and hand it to the employees; they must change it at first sign-in.";
    DownloadCsv => "Unduh CSV", "Download CSV";
    PrintList => "Cetak daftar", "Print list";
    UnitAccountsTitle => "Buat akun untuk satu unit", "Create accounts for a unit";
    UnitAccountsIntro => "Setiap pegawai unit yang belum memiliki akun mendapat akun dengan NIP sebagai nama pengguna, peran pegawai dan kata sandi sekali pakai. Pegawai yang sudah memiliki akun dilewati.", "Every employee of the unit without an account gets one with the NIP as username, the employee role and a one-time password. Employees who have an account are skipped.";
    ChooseUnit => "Pilih unit kerja.", "Choose a unit.";
    IncludeSubUnits => "Termasuk unit di bawahnya", "Include the units below it";
    CreateAccounts => "Buat akun", "Create accounts";
    CreatingAccounts => "Membuat akun…", "Creating accounts…";
    AccountsMade => "{dibuat} akun dibuat, {dilewati} pegawai dilewati.", "{dibuat} accounts created, {dilewati} employees skipped.";
    SkippedTitle => "{n} pegawai dilewati", "{n} employees skipped";
    SkippedHasAccount => "sudah memiliki akun", "already has an account";
    SkippedUsernameTaken => "NIP sudah dipakai akun lain", "the NIP is used by another account";
    SkippedInactive => "tidak aktif lagi", "no longer active";
    SkippedOverLimit => "melebihi 200 akun per permintaan; jalankan lagi", "over 200 accounts per request; run it again";
    NavTalenta => "Manajemen Talenta", "Talent management";
    NavDasbor => "Dasbor Kinerja", "Performance dashboard";
}
