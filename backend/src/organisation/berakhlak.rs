//! The BerAKHLAK core values and their behaviour guides (docs/regulation.md): reference data
//! written only by migrations, so read once per process and shared by every SKP page instead of
//! two queries per request.

use std::sync::{Arc, OnceLock};

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::entities::{ref_berakhlak, ref_panduan_perilaku};
use crate::error::AppResult;

/// One core value with its guides, in the regulation's order.
pub struct Nilai {
    pub kode: String,
    pub nama: String,
    pub urutan: i32,
    pub panduan: Vec<ref_panduan_perilaku::Model>,
}

static VALUES: OnceLock<Arc<Vec<Nilai>>> = OnceLock::new();

/// The seven values, by `urutan`, each with its guides by `kode`.
///
/// # Errors
/// On a database failure (the first call only).
pub async fn values(db: &impl ConnectionTrait) -> AppResult<Arc<Vec<Nilai>>> {
    if let Some(v) = VALUES.get() {
        return Ok(v.clone());
    }
    let panduan = ref_panduan_perilaku::Entity::find()
        .order_by_asc(ref_panduan_perilaku::Column::Kode)
        .all(db)
        .await?;
    let values: Vec<Nilai> = ref_berakhlak::Entity::find()
        .order_by_asc(ref_berakhlak::Column::Urutan)
        .all(db)
        .await?
        .into_iter()
        .map(|n| Nilai {
            panduan: panduan
                .iter()
                .filter(|p| p.nilai_kode == n.kode)
                .cloned()
                .collect(),
            kode: n.kode,
            nama: n.nama,
            urutan: n.urutan,
        })
        .collect();
    // Two first requests may both read; either result is the same data.
    Ok(VALUES.get_or_init(|| Arc::new(values)).clone())
}
