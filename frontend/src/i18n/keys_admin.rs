//! Interface text of the HR office's and the auditor's screens: evaluation references, API
//! clients, the audit page and its sentences. Kept apart only to keep the files short.

/// Calls `keys!` with the keys given, followed by these: one `Key` enum for all the text.
macro_rules! with_admin_keys {
    ($($rest:tt)*) => {
        keys! {
            $($rest)*
            // Evaluation references (HR office)
            NavReferensi => "Referensi Penilaian", "Evaluation references";
            NavPredikatOrganisasi => "Predikat Organisasi", "Organisation predikat";
            PredikatOrganisasiIntro => "Predikat kinerja organisasi setiap unit untuk periode ini. Pimpinan unit di atasnya menetapkannya beserta dasarnya; predikat itu menentukan pola distribusi predikat pegawai di unit tersebut.",
                "The organisation performance predikat of each unit for this period. The head of the unit above sets it with its basis; it fixes the distribution pattern of the employees' predikat in that unit.";
            TetapkanPredikatOrg => "Tetapkan predikat", "Set the predikat";
            UbahPredikatOrg => "Ubah predikat", "Change the predikat";
            FormatPenetapan => "Format Penetapan Predikat Kinerja", "Predikat setting summary";
            PredikatOrgBelum => "Belum ditetapkan", "Not set";
            DasarPenetapan => "Dasar penetapan", "Basis";
            PredikatOrgHint => "Dasarnya: kemajuan rencana aksi, capaian Perjanjian Kinerja, dan rekomendasi hasil evaluasi (10–4000 karakter).",
                "The basis: progress of the action plans, the achievement of the Performance Agreement and evaluation recommendations (10–4000 characters).";
            SimpanPredikatOrg => "Simpan predikat", "Save the predikat";
            PredikatOrgSaved => "Predikat kinerja organisasi disimpan.", "The organisation predikat was saved.";
            ReferensiIntro => "Katalog pelatihan untuk rencana perbaikan dan koefisien angka kredit tahunan per jenjang jabatan fungsional.",
                "The training catalogue of improvement plans and the yearly credit-point coefficient of each functional grade.";
            KatalogPelatihan => "Katalog pelatihan", "Training catalogue";
            PelatihanNama => "Nama pelatihan", "Training name";
            PelatihanJenis => "Jenis kompetensi", "Competency kind";
            PelatihanJp => "Jam pelajaran (JP)", "Study hours (JP)";
            TambahPelatihan => "Tambah pelatihan", "Add the training";
            PelatihanAdded => "Pelatihan ditambahkan ke katalog.", "The training was added to the catalogue.";
            PelatihanTarik => "Tarik", "Withdraw";
            JenisTeknis => "Teknis", "Technical";
            JenisManajerial => "Manajerial", "Managerial";
            JenisSosialKultural => "Sosial kultural", "Socio-cultural";
            JenisFungsional => "Fungsional", "Functional";
            KoefisienTitle => "Koefisien angka kredit tahunan", "Yearly credit-point coefficients";
            KoefisienIntro => "Dipakai untuk menghitung angka kredit: persentase predikat × koefisien × bulan/12. Nilai awal mengikuti PerBKN 3/2023; sebagian belum terverifikasi.",
                "Used for credit points: predikat percentage × coefficient × months/12. The initial values follow PerBKN 3/2023; some are unverified.";
            KoefisienSaved => "Koefisien disimpan.", "The coefficient was saved.";
            // API clients
            NavApiClients => "Klien API", "API clients";
            ApiClientsIntro => "Sistem pemerintah lain (SIMPUS, survei IKM) yang mengirim realisasi melalui API. Rahasia klien hanya ditampilkan sekali saat dibuat.",
                "Other government systems (SIMPUS, IKM surveys) that send results through the API. A client's secret is shown only once, when it is created.";
            ApiClientNew => "Daftarkan klien", "Register a client";
            ApiClientName => "Nama klien", "Client name";
            ApiClientUnit => "Unit pemilik", "Owning unit";
            ApiClientScopes => "Cakupan (scope)", "Scopes";
            ScopeRealisasiWrite => "Kirim realisasi (realisasi:write)", "Send results (realisasi:write)";
            ScopePegawaiRead => "Baca pengikatan pegawai (pegawai:read)", "Read employee bindings (pegawai:read)";
            ScopeIkmRead => "Baca hasil survei IKM (ikm:read)", "Read IKM survey results (ikm:read)";
            ApiClientSecret => "Simpan rahasia ini sekarang: rahasia tidak dapat ditampilkan lagi.", "Store this secret now: it cannot be shown again.";
            ApiClientId => "ID klien", "Client ID";
            ApiClientSecretLabel => "Rahasia klien", "Client secret";
            ApiClientLastUsed => "Terakhir dipakai", "Last used";
            ApiClientDisable => "Nonaktifkan", "Disable";
            ApiClientEnable => "Aktifkan", "Enable";
            NoApiClients => "Belum ada klien API.", "No API clients yet.";
            // The audit page
            AuditFilters => "Saring catatan audit", "Filter the audit trail";
            AuditActor => "Pelaku", "Person";
            AuditActorHint => "Nama atau nama pengguna", "Name or username";
            AuditActionFilter => "Tindakan", "Action";
            AllActions => "Semua tindakan", "All actions";
            DateFrom => "Dari tanggal", "From";
            DateTo => "Sampai tanggal", "To";
            ApplyFilters => "Terapkan", "Apply";
            ResetFilters => "Hapus saringan", "Clear filters";
            AuditSystem => "Sistem", "The system";
            AuditSomeone => "seseorang", "someone";
            AuditUnknownAction => "{aktor}: {aksi} pada {objek}", "{aktor}: {aksi} on {objek}";
            AuditRecord => "Catatan", "Record";
            AuditWhat => "Peristiwa", "Event";
            // Audit sentences, one per action code
            AuLoginOk => "{aktor} masuk ke aplikasi", "{aktor} signed in";
            AuLoginFailed => "Percobaan masuk gagal dengan nama pengguna {objek}", "Failed sign-in attempt as {objek}";
            AuLogout => "{aktor} keluar dari aplikasi", "{aktor} signed out";
            AuPasswordChanged => "{aktor} mengganti kata sandinya", "{aktor} changed their password";
            AuTokenReused => "Sesi {objek} dicabut karena token dipakai ulang", "The session of {objek} was revoked: a token was reused";
            AuUserCreated => "{aktor} membuat akun {objek}", "{aktor} created the account of {objek}";
            AuUserCreatedForEmployee => "{aktor} membuat akun untuk {objek}", "{aktor} created an account for {objek}";
            AuPasswordReset => "{aktor} mengatur ulang kata sandi {objek}", "{aktor} reset the password of {objek}";
            AuUserUpdated => "{aktor} mengubah akun {objek}", "{aktor} changed the account of {objek}";
            AuRolesChanged => "{aktor} mengubah peran {objek}", "{aktor} changed the roles of {objek}";
            AuEmployeeCreated => "{aktor} menambahkan pegawai {objek}", "{aktor} added the employee {objek}";
            AuEmployeeUpdated => "{aktor} mengubah data pegawai {objek}", "{aktor} changed the record of {objek}";
            AuEmployeeImported => "{aktor} mengimpor data pegawai {objek}", "{aktor} imported employees into {objek}";
            AuEmployeeAssigned => "{aktor} mencatat jabatan baru {objek}", "{aktor} recorded a new position of {objek}";
            AuEmployeeActing => "{aktor} menunjuk {objek} sebagai Plt/Plh", "{aktor} appointed {objek} as acting official";
            AuSuperiorOverridden => "{aktor} menetapkan pejabat penilai {objek}", "{aktor} set the rater of {objek}";
            AuUnitCreated => "{aktor} membuat unit {objek}", "{aktor} created the unit {objek}";
            AuUnitUpdated => "{aktor} mengubah unit {objek}", "{aktor} changed the unit {objek}";
            AuUnitMoved => "{aktor} memindahkan unit {objek}", "{aktor} moved the unit {objek}";
            AuUnitImported => "{aktor} mengimpor unit ke {objek}", "{aktor} imported units into {objek}";
            AuPositionCreated => "{aktor} membuat jabatan {objek}", "{aktor} created the position {objek}";
            AuPositionUpdated => "{aktor} mengubah jabatan {objek}", "{aktor} changed the position {objek}";
            AuPositionImported => "{aktor} mengimpor jabatan ke {objek}", "{aktor} imported positions into {objek}";
            AuInstansiCreated => "{aktor} membuat instansi {objek}", "{aktor} created the agency {objek}";
            AuPeriodCreated => "{aktor} membuat periode {objek}", "{aktor} created the period {objek}";
            AuPeriodOpened => "{aktor} membuka periode {objek}", "{aktor} opened the period {objek}";
            AuPeriodClosed => "{aktor} menutup periode {objek}", "{aktor} closed the period {objek}";
            AuSkpCreated => "{aktor} menyusun {objek}", "{aktor} started {objek}";
            AuSkpUpdated => "{aktor} mengubah {objek}", "{aktor} edited {objek}";
            AuSkpSubmitted => "{aktor} mengajukan {objek}", "{aktor} submitted {objek}";
            AuSkpApproved => "{aktor} menyetujui {objek}", "{aktor} approved {objek}";
            AuSkpReturned => "{aktor} mengembalikan {objek}", "{aktor} returned {objek}";
            AuSkpRevised => "{aktor} membuat perubahan {objek}", "{aktor} started a revision of {objek}";
            AuSkpReopened => "{aktor} membuka kembali {objek}", "{aktor} reopened {objek}";
            AuSkpDistributed => "{aktor} membagikan RHK dari {objek}", "{aktor} distributed results of {objek}";
            AuRealisasiSaved => "{aktor} mengisi realisasi", "{aktor} entered a realisation";
            AuRealisasiUnlocked => "{aktor} membuka kunci realisasi {objek}", "{aktor} unlocked the realisation of {objek}";
            AuRencanaAksiSaved => "{aktor} menyimpan rencana aksi", "{aktor} saved an action plan";
            AuBuktiUploaded => "{aktor} mengunggah bukti dukung", "{aktor} uploaded evidence";
            AuBuktiLinked => "{aktor} menautkan bukti dukung", "{aktor} linked evidence";
            AuBuktiRemoved => "{aktor} menghapus bukti dukung", "{aktor} removed evidence";
            AuBuktiVerified => "{aktor} memeriksa bukti dukung", "{aktor} checked evidence";
            AuFeedbackGiven => "{aktor} memberi umpan balik pada {objek}", "{aktor} gave feedback on {objek}";
            AuFeedbackReplied => "{aktor} menanggapi umpan balik pada {objek}", "{aktor} replied to feedback on {objek}";
            AuEvaluasiSaved => "{aktor} menyimpan draf penilaian {objek}", "{aktor} saved a draft rating of {objek}";
            AuEvaluasiSet => "{aktor} menetapkan penilaian {objek}", "{aktor} set the rating of {objek}";
            AuEvaluasiCorrected => "{aktor} mengoreksi penilaian {objek}", "{aktor} corrected the rating of {objek}";
            AuKeberatanFiled => "{aktor} mengajukan keberatan atas penilaian {objek}", "{aktor} objected to the rating of {objek}";
            AuKeberatanExplained => "{aktor} menjelaskan penilaian {objek} atas keberatan", "{aktor} explained the rating of {objek}";
            AuKeberatanDecided => "{aktor} memutus keberatan atas penilaian {objek}", "{aktor} decided the objection to {objek}";
            AuKeberatanAttached => "{aktor} melampirkan berkas pada keberatan {objek}", "{aktor} attached a file to the objection on {objek}";
            AuKeberatanDetached => "{aktor} menghapus lampiran keberatan {objek}", "{aktor} removed an attachment of the objection on {objek}";
            AuPerbaikanSaved => "{aktor} menyusun rencana perbaikan {objek}", "{aktor} wrote the improvement plan of {objek}";
            AuPerbaikanCheckin => "{aktor} mencatat kemajuan rencana perbaikan {objek}", "{aktor} checked in on the improvement plan of {objek}";
            AuDokumenMade => "{aktor} membuat dokumen evaluasi {objek}", "{aktor} issued the evaluation document of {objek}";
            AuPredikatOrgSet => "{aktor} menetapkan predikat organisasi {objek}", "{aktor} set the organisation rating of {objek}";
            AuPelatihanCreated => "{aktor} menambahkan pelatihan {objek}", "{aktor} added the training {objek}";
            AuPelatihanUpdated => "{aktor} mengubah pelatihan {objek}", "{aktor} changed the training {objek}";
            AuKoefisienChanged => "{aktor} mengubah koefisien angka kredit {objek}", "{aktor} changed the credit coefficient of {objek}";
            AuApiClientCreated => "{aktor} mendaftarkan klien API {objek}", "{aktor} registered the API client {objek}";
            AuApiClientEnabled => "{aktor} mengaktifkan klien API {objek}", "{aktor} enabled the API client {objek}";
            AuApiClientDisabled => "{aktor} menonaktifkan klien API {objek}", "{aktor} disabled the API client {objek}";
            AuIngestBatch => "Klien API {objek} mengirim data capaian", "The API client {objek} sent indicator values";
            AuDataKeySet => "{aktor} menautkan indikator ke sumber data", "{aktor} bound an indicator to a data source";
        }
    };
}
