//! Interface text of the HR office's and the auditor's screens: the employee import,
//! evaluation references, API clients, the audit page and its sentences. Kept apart only to
//! keep the files short.

/// Calls `keys!` with the keys given, followed by these: one `Key` enum for all the text.
macro_rules! with_admin_keys {
    ($($rest:tt)*) => {
        keys! {
            $($rest)*
            NavPengumuman => "Pengumuman", "Announcements";
            // Import of employees (HR office)
            ImportTitle => "Impor pegawai", "Import employees";
            ImportIntro => "Tambahkan banyak pegawai sekaligus dari berkas Excel (XLSX) atau CSV.",
                "Add many employees at once from an Excel (XLSX) or CSV file.";
            ImportSteps => "Langkah impor", "Import steps";
            StepChoose => "Pilih berkas", "Choose a file";
            StepCheck => "Periksa", "Check";
            StepDone => "Selesai", "Done";
            CurrentStep => "langkah saat ini", "current step";
            ImportFile => "Berkas XLSX atau CSV", "XLSX or CSV file";
            ChooseFile => "Pilih berkas…", "Choose a file…";
            NoFileChosen => "Belum ada berkas yang dipilih.", "No file chosen yet.";
            ImportFileHint => "Satu pegawai per baris, dengan judul kolom seperti di templat. Maksimal 20.000 baris.",
                "One employee per row, with the column headings of the template. At most 20,000 rows.";
            TemplateNote => "Belum punya berkas? Unduh templat, isi satu pegawai per baris, lalu unggah di sini.",
                "No file yet? Download the template, fill in one employee per row, then upload it here.";
            DownloadTemplate => "Unduh templat", "Download the template";
            CheckFile => "Periksa berkas", "Check the file";
            Uploading => "Mengunggah berkas… {n}%", "Uploading the file… {n}%";
            CheckingFile => "Memeriksa isi berkas…", "Checking the file…";
            Importing => "Menyimpan data pegawai…", "Saving the employees…";
            UploadProgress => "Kemajuan unggahan", "Upload progress";
            ChooseFileFirst => "Pilih berkas XLSX atau CSV terlebih dahulu.", "Choose an XLSX or CSV file first.";
            FileTooLarge => "Berkas terlalu besar untuk diunggah. Bagi menjadi beberapa berkas lalu coba lagi.",
                "The file is too large to upload. Split it into several files and try again.";
            FileUnsupported => "Berkas ini bukan XLSX atau CSV. Simpan ulang dari Excel sebagai .xlsx atau .csv lalu unggah kembali.",
                "This file is neither XLSX nor CSV. Save it from Excel as .xlsx or .csv and upload it again.";
            SelectedFile => "Berkas dipilih: {name} ({size})", "Selected file: {name} ({size})";
            SummaryRows => "Baris data", "Data rows";
            SummaryValid => "Baris tanpa kesalahan", "Rows without errors";
            SummaryErrors => "Kesalahan", "Errors";
            DryRunOk => "Semua {n} baris siap diimpor. Belum ada data yang disimpan.",
                "All {n} rows are ready to import. Nothing has been saved yet.";
            DryRunOkOne => "Semua {n} baris siap diimpor. Belum ada data yang disimpan.",
                "The {n} row is ready to import. Nothing has been saved yet.";
            DryRunErrors => "Ditemukan {n} kesalahan, jadi belum ada data yang disimpan. Perbaiki baris yang tercantum di bawah pada berkas Anda, lalu unggah kembali.",
                "{n} errors were found, so nothing has been saved. Fix the rows listed below in your file, then upload it again.";
            DryRunErrorsOne => "Ditemukan {n} kesalahan, jadi belum ada data yang disimpan. Perbaiki baris yang tercantum di bawah pada berkas Anda, lalu unggah kembali.",
                "{n} error was found, so nothing has been saved. Fix the row listed below in your file, then upload it again.";
            NoDataRows => "Berkas tidak berisi baris data di bawah judul kolom.",
                "The file has no data rows below the column headings.";
            RowErrors => "Kesalahan per baris", "Errors by row";
            ErrorRow => "Baris", "Row";
            ErrorColumn => "Kolom", "Column";
            ErrorMessage => "Pesan", "Message";
            MoreErrors => "…dan {n} kesalahan lainnya.", "…and {n} more errors.";
            MoreErrorsOne => "…dan {n} kesalahan lainnya.", "…and {n} more error.";
            UploadFixed => "Unggah berkas yang sudah diperbaiki", "Upload the corrected file";
            CommitImport => "Impor {n} pegawai", "Import {n} employees";
            CommitImportOne => "Impor {n} pegawai", "Import {n} employee";
            ImportDone => "{n} pegawai berhasil diimpor.", "{n} employees were imported.";
            ImportDoneOne => "{n} pegawai berhasil diimpor.", "{n} employee was imported.";
            ImportNotCommitted => "Impor dibatalkan karena ada kesalahan; tidak ada data yang disimpan.",
                "The import was cancelled because of errors; nothing was saved.";
            ViewEmployees => "Lihat daftar pegawai", "View the employee list";
            ImportAnother => "Impor berkas lain", "Import another file";
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
            // System status (backups)
            NavSistem => "Status Sistem", "System status";
            SistemIntro => "Pencadangan data: cadangan terakhir yang berhasil, ukurannya, dan lokasinya di server, jadwalnya, serta riwayatnya.",
                "Data backups: the last successful backup, its size and where it is on the server, the schedule and the history.";
            NtfCadanganTitle => "Cadangan data terlambat", "Backups are overdue";
            NtfCadanganBody => "Tidak ada pencadangan yang berhasil sejak {tanggal} ({n} jam). Buka Status Sistem.",
                "No backup has succeeded since {tanggal} ({n} hours). Open System status.";
            NtfCadanganBodyNever => "Belum pernah ada pencadangan yang berhasil ({n} jam sejak Kinerja dipasang). Buka Status Sistem.",
                "No backup has ever succeeded ({n} hours since Kinerja was installed). Open System status.";
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
