//! Indicator quality hints while drafting, and what submission requires (docs/regulation.md,
//! "SKP planning").

use kinerja_api::Pesan;
use std::collections::HashSet;

use kinerja_api::planning::{Hint, JenisRhk, JenisSkp, JenisTarget, Pendekatan, Rhk, Skp};
use uuid::Uuid;

use crate::error::{FieldMessages, push_field};

const ACTIVITY_VERBS: [&str; 7] = [
    "melaksanakan",
    "mengikuti",
    "melakukan",
    "membantu",
    "menghadiri",
    "mengerjakan",
    "menyusun",
];

/// Indicator quality hints: warnings shown while drafting, never errors.
pub fn hints(rhk: &[Rhk], pendekatan: Pendekatan, jenis: JenisSkp) -> Vec<Hint> {
    let mut out = Vec::new();
    for (i, r) in rhk.iter().enumerate() {
        let first = r
            .deskripsi
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if ACTIVITY_VERBS.contains(&first.as_str()) {
            out.push(Hint {
                path: format!("rhk[{i}].deskripsi"),
                message: format!(
                    "RHK sebaiknya dirumuskan sebagai hasil, bukan kegiatan (diawali \"{first}\")."
                ),
            });
        }
        if r.iki.is_empty() {
            out.push(Hint {
                path: format!("rhk[{i}].iki"),
                message: "RHK belum memiliki indikator kinerja.".to_owned(),
            });
        }
        for (j, iki) in r.iki.iter().enumerate() {
            let path = format!("rhk[{i}].iki[{j}]");
            if pendekatan == Pendekatan::Kuantitatif
                && (iki.target_nilai.is_none()
                    || iki
                        .target_satuan
                        .as_deref()
                        .is_none_or(|s| s.trim().is_empty()))
            {
                out.push(Hint {
                    path: path.clone(),
                    message: "Indikator belum memiliki target terukur (nilai dan satuan)."
                        .to_owned(),
                });
            }
            if pendekatan == Pendekatan::Kuantitatif && iki.aspek.is_none() {
                out.push(Hint {
                    path: path.clone(),
                    message: "Pilih aspek indikator (kuantitas, kualitas, waktu, atau biaya)."
                        .to_owned(),
                });
            }
            if jenis == JenisSkp::JptPimpinan && iki.perspektif.is_none() {
                out.push(Hint {
                    path,
                    message: "SKP JPT/pimpinan unit: pilih perspektif indikator.".to_owned(),
                });
            }
        }
    }
    out
}

pub(crate) fn clean_lines(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks what submission requires; returns the field errors.
pub(crate) fn submission_errors(skp: &Skp, allowed: Option<&HashSet<Uuid>>) -> FieldMessages {
    let mut errors = FieldMessages::new();
    let mut push = |field: String, message: Pesan| push_field(&mut errors, field, message);
    if !skp.rhk.iter().any(|r| r.jenis == JenisRhk::Utama) {
        push("rhk".into(), Pesan::RhkUtamaMinimalSatu);
    }
    for (i, r) in skp.rhk.iter().enumerate() {
        if skp.jenis == JenisSkp::JaJf && r.jenis == JenisRhk::Utama {
            let ok = r
                .intervensi_rhk_id
                .is_some_and(|t| allowed.is_some_and(|a| a.contains(&t)));
            if !ok {
                push(
                    format!("rhk[{i}].intervensi_rhk_id"),
                    Pesan::RhkUtamaWajibIntervensi,
                );
            }
        }
        if r.iki.is_empty() {
            push(format!("rhk[{i}].iki"), Pesan::RhkWajibIndikator);
        }
        for (j, iki) in r.iki.iter().enumerate() {
            let path = format!("rhk[{i}].iki[{j}]");
            match skp.pendekatan {
                Pendekatan::Kuantitatif => {
                    if iki.aspek.is_none() {
                        push(format!("{path}.aspek"), Pesan::PilihAspekIndikator);
                    }
                    if iki.target_nilai.is_none() || iki.target_satuan.is_none() {
                        push(format!("{path}.target_nilai"), Pesan::TargetKuantitatif);
                    }
                }
                Pendekatan::Kualitatif => {
                    if iki.target_naratif.is_none() {
                        push(format!("{path}.target_naratif"), Pesan::TargetKualitatif);
                    }
                }
            }
            if iki.jenis_target == Some(JenisTarget::Tenggat) && iki.tenggat.is_none() {
                push(format!("{path}.tenggat"), Pesan::TenggatWajibDiisi);
            }
            if skp.jenis == JenisSkp::JptPimpinan && iki.perspektif.is_none() {
                push(
                    format!("{path}.perspektif"),
                    Pesan::PilihPerspektifIndikator,
                );
            }
        }
    }
    for (field, list) in [
        (
            "lampiran.dukungan_sumber_daya",
            &skp.lampiran.dukungan_sumber_daya,
        ),
        (
            "lampiran.skema_pertanggungjawaban",
            &skp.lampiran.skema_pertanggungjawaban,
        ),
        ("lampiran.konsekuensi", &skp.lampiran.konsekuensi),
    ] {
        if list.is_empty() {
            push(field.to_owned(), Pesan::WajibDiisiAtauStrip);
        }
    }
    errors
}
