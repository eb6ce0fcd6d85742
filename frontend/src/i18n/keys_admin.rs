//! Interface text of the HR office's and the auditor's screens: evaluation references, API
//! clients, the audit page and its sentences. Kept apart only to keep the files short.

/// Calls `keys!` with the keys given, followed by these: one `Key` enum for all the text.
macro_rules! with_admin_keys {
    ($($rest:tt)*) => {
        keys! {
            $($rest)*
            NavPengumuman => "Pengumuman", "Announcements";
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
        }
    };
}
