//! Database schema history. Migrations are frozen: they use only the schema DSL, never the
//! application's entities, and each has a working `down`.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_create_users;
mod m20261127_000002_create_auth_tables;
mod m20261127_000003_create_audit_events;
mod m20261127_000004_create_organisation;
mod m20261127_000005_create_planning;
mod m20261127_000006_create_skp_templates;
mod m20261127_000007_create_measurement;
mod m20261127_000008_create_evidence;
mod m20261127_000009_create_feedback;
mod m20261128_000010_create_integrations;
mod m20261128_000011_notification_email;
mod m20261128_000012_create_evaluation;
mod m20261128_000013_create_dokumen_evaluasi;
mod m20261128_000014_create_katalog;
mod m20261128_000015_create_keberatan_lampiran;
mod m20261206_000016_skp_versi_berlaku;
mod m20261206_000017_harus_ganti_password;
mod m20261206_000018_notifikasi_param_alasan_perubahan;
mod m20261206_000019_lock_version;
mod m20261206_000020_zona_waktu_instansi;
mod m20261206_000021_indeks_skala;
mod m20261206_000022_notifikasi_akun;
mod m20261206_000023_create_survei;
mod m20261206_000024_survei_iki;
mod m20261206_000025_create_survei_tindak_lanjut;
mod m20261206_000027_survei_respons_waktu;
mod m20261206_000028_create_pengembangan;
mod m20261206_000029_create_rencana_pengembangan;
mod m20261206_000030_create_talenta;
mod m20261206_000031_ringkasan_jp;
mod m20261206_000032_create_cadangan;
mod m20261206_000033_create_akses_data_pribadi;
mod m20261206_000036_create_pengumuman;
mod m20261206_000037_create_langkah_awal;
mod m20261206_000038_create_pegawai_keluar;
mod m20261206_000039_create_peringatan_akses;
mod m20261206_000042_create_panduan;
mod m20261207_000044_create_dasbor_simpan;
mod m20261207_000045_create_pengingat_siklus;
mod m20261207_000046_create_berkas_tersimpan;
mod m20261207_000047_sekali_dan_rantai;
mod m20261207_000048_dasbor_pegawai;
mod m20261207_000049_indeks_per_orang;
mod m20261207_000050_survei_hasil_simpan;
mod m20261207_000051_survei_respons_lajur;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_users::Migration),
            Box::new(m20261127_000002_create_auth_tables::Migration),
            Box::new(m20261127_000003_create_audit_events::Migration),
            Box::new(m20261127_000004_create_organisation::Migration),
            Box::new(m20261127_000005_create_planning::Migration),
            Box::new(m20261127_000006_create_skp_templates::Migration),
            Box::new(m20261127_000007_create_measurement::Migration),
            Box::new(m20261127_000008_create_evidence::Migration),
            Box::new(m20261127_000009_create_feedback::Migration),
            Box::new(m20261128_000010_create_integrations::Migration),
            Box::new(m20261128_000011_notification_email::Migration),
            Box::new(m20261128_000012_create_evaluation::Migration),
            Box::new(m20261128_000013_create_dokumen_evaluasi::Migration),
            Box::new(m20261128_000014_create_katalog::Migration),
            Box::new(m20261128_000015_create_keberatan_lampiran::Migration),
            Box::new(m20261206_000016_skp_versi_berlaku::Migration),
            Box::new(m20261206_000017_harus_ganti_password::Migration),
            Box::new(m20261206_000018_notifikasi_param_alasan_perubahan::Migration),
            Box::new(m20261206_000019_lock_version::Migration),
            Box::new(m20261206_000020_zona_waktu_instansi::Migration),
            Box::new(m20261206_000021_indeks_skala::Migration),
            Box::new(m20261206_000022_notifikasi_akun::Migration),
            Box::new(m20261206_000023_create_survei::Migration),
            Box::new(m20261206_000024_survei_iki::Migration),
            Box::new(m20261206_000025_create_survei_tindak_lanjut::Migration),
            Box::new(m20261206_000027_survei_respons_waktu::Migration),
            Box::new(m20261206_000028_create_pengembangan::Migration),
            Box::new(m20261206_000029_create_rencana_pengembangan::Migration),
            Box::new(m20261206_000030_create_talenta::Migration),
            Box::new(m20261206_000031_ringkasan_jp::Migration),
            Box::new(m20261206_000032_create_cadangan::Migration),
            Box::new(m20261206_000033_create_akses_data_pribadi::Migration),
            Box::new(m20261206_000036_create_pengumuman::Migration),
            Box::new(m20261206_000037_create_langkah_awal::Migration),
            Box::new(m20261206_000038_create_pegawai_keluar::Migration),
            Box::new(m20261206_000039_create_peringatan_akses::Migration),
            Box::new(m20261206_000042_create_panduan::Migration),
            Box::new(m20261207_000044_create_dasbor_simpan::Migration),
            Box::new(m20261207_000045_create_pengingat_siklus::Migration),
            Box::new(m20261207_000046_create_berkas_tersimpan::Migration),
            Box::new(m20261207_000047_sekali_dan_rantai::Migration),
            Box::new(m20261207_000048_dasbor_pegawai::Migration),
            Box::new(m20261207_000049_indeks_per_orang::Migration),
            Box::new(m20261207_000050_survei_hasil_simpan::Migration),
            Box::new(m20261207_000051_survei_respons_lajur::Migration),
        ]
    }
}
