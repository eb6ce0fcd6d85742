//! The benchmark's survey: one open survey of the first OPD with 10 000 responses spread over
//! the services and profile groups, so that `make bench-http` measures the result of a large
//! survey and public submissions to it (docs/performance.md).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

use super::{mix, write};
use crate::entities::{survei, survei_respons};
use crate::error::AppResult;

/// Responses in the benchmark's survey.
pub const RESPONS: u64 = 10_000;
const LAYANAN: [&str; 3] = ["Perizinan", "Pengaduan", "Informasi"];
const JK: [&str; 2] = ["laki_laki", "perempuan"];
const USIA: [&str; 4] = ["20_29", "30_39", "40_49", "50_59"];

/// Writes the survey and its responses; returns its id and public code.
///
/// # Errors
/// On a database failure.
pub async fn seed(
    db: &DatabaseConnection,
    (instansi, unit, period): (Uuid, Uuid, Uuid),
    seed: u64,
    now: DateTime<Utc>,
) -> AppResult<(Uuid, String)> {
    let id = Uuid::now_v7();
    let kode = format!("BENCH{:05}", seed % 100_000);
    survei::ActiveModel {
        id: Set(id),
        instansi_id: Set(instansi),
        unit_id: Set(unit),
        judul: Set("SKM Tahunan (benchmark)".to_owned()),
        kode: Set(kode.clone()),
        jenis_periode: Set("tahun".to_owned()),
        period_id: Set(period),
        periode_ke: Set(0),
        populasi: Set(Some(50_000)),
        layanan: Set(json!(LAYANAN)),
        pertanyaan: Set(json!({})),
        status: Set("dibuka".to_owned()),
        dipublikasikan: Set(true),
        created_at: Set(now - Duration::days(30)),
        updated_at: Set(now - Duration::days(30)),
        lock_version: Set(2),
    }
    .insert(db)
    .await?;
    let jawaban = |i: u64, u: u64| -> Option<i16> {
        // Mostly 3 and 4; now and then a 2; the odd blank on paper.
        match mix(seed ^ 0x5C4, (i << 4) | u) % 20 {
            0 => None,
            1..=2 => Some(2),
            3..=10 => Some(3),
            _ => Some(4),
        }
    };
    write(
        db,
        24,
        (0..RESPONS).map(|i| {
            let pick = |n: usize| (mix(seed ^ 0x9E37, i) % n as u64) as usize;
            survei_respons::ActiveModel {
                id: Set(Uuid::now_v7()),
                survei_id: Set(id),
                layanan: Set(LAYANAN[pick(LAYANAN.len())].to_owned()),
                u1: Set(jawaban(i, 1).or(Some(3))),
                u2: Set(jawaban(i, 2)),
                u3: Set(jawaban(i, 3)),
                u4: Set(jawaban(i, 4)),
                u5: Set(jawaban(i, 5)),
                u6: Set(jawaban(i, 6)),
                u7: Set(jawaban(i, 7)),
                u8: Set(jawaban(i, 8)),
                u9: Set(jawaban(i, 9)),
                jenis_kelamin: Set(Some(JK[pick(2)].to_owned())),
                usia: Set(Some(USIA[pick(4)].to_owned())),
                pendidikan: Set(None),
                pekerjaan: Set(None),
                saran: Set(None),
                sumber: Set("kertas".to_owned()),
                token_hash: Set(None),
                ip_hash: Set(None),
                dibatalkan_at: Set(None),
                dibatalkan_oleh: Set(None),
                alasan_batal: Set(None),
                // Spread over the last month, so the per-minute limit never counts them.
                created_at: Set(now - Duration::minutes(10 + (i % 40_000) as i64)),
            }
        }),
    )
    .await?;
    Ok((id, kode))
}
