//! Backups as the HR office's system page shows them (`GET /api/v1/sistem/cadangan`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How a backup run ended (or that it still runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatusCadangan {
    Berjalan,
    Berhasil,
    Gagal,
}

impl StatusCadangan {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "berjalan" => Some(Self::Berjalan),
            "berhasil" => Some(Self::Berhasil),
            "gagal" => Some(Self::Gagal),
            _ => None,
        }
    }
}

/// Who started it: the server's schedule or `kinerja backup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JenisCadangan {
    Terjadwal,
    Manual,
}

/// One backup run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cadangan {
    pub id: Uuid,
    pub jenis: JenisCadangan,
    pub status: StatusCadangan,
    pub mulai_at: chrono::DateTime<chrono::Utc>,
    pub selesai_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Size of the archive in bytes.
    pub ukuran_byte: Option<i64>,
    /// The archive's path on the server.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "/var/lib/kinerja/backups/kinerja-cadangan-20261206T170012Z-1a2b3c4d.tar.gz"
        )
    )]
    pub lokasi: Option<String>,
    /// Stored files in the archive.
    pub jumlah_berkas: Option<i64>,
    /// The last migration of the copied database.
    pub versi_skema: Option<String>,
    /// Why it failed (technical, as logged).
    pub galat: Option<String>,
    /// Retention removed the archive.
    pub dihapus: bool,
}

/// The schedule, as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JadwalCadangan {
    /// Hours between scheduled backups; 0 when the server makes none.
    pub interval_jam: u32,
    pub simpan_harian: u32,
    pub simpan_mingguan: u32,
    /// The folder scheduled backups are written to.
    pub folder: String,
}

/// Answer of `GET /api/v1/sistem/cadangan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RingkasanCadangan {
    pub terakhir_berhasil: Option<Cadangan>,
    /// The latest runs, newest first (at most 10).
    pub riwayat: Vec<Cadangan>,
    /// No backup succeeded for `batas_jam` hours: the admins were warned.
    pub terlambat: bool,
    /// Since when none succeeded (the last success, else the installation).
    pub sejak: Option<chrono::DateTime<chrono::Utc>>,
    pub batas_jam: u32,
    pub jadwal: JadwalCadangan,
}
