//! Data Saya as a readable PDF (the same content as the JSON), drawn with the SKP document's
//! writer (`planning::pdf`): the person, their account, each kind of record as label/value
//! rows, then who read the full record and who changed what.

use kinerja_api::privasi::DataSaya;
use serde_json::Value;

use super::data_saya::{label, teknis};
use crate::clock::{WIB_OFFSET_SECS, local_day, tanggal_indonesia};
use crate::error::AppResult;
use crate::planning::pdf::{Cell, MARGIN, PAGE_W, Writer};

const W: f32 = PAGE_W - 2.0 * MARGIN;

fn pasangan(w: &mut Writer, kiri: &str, kanan: &str) {
    w.row(
        &[
            Cell {
                width: W * 0.32,
                text: kiri,
                bold: false,
            },
            Cell {
                width: W * 0.68,
                text: kanan,
                bold: false,
            },
        ],
        8.5,
    );
}

fn teks(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(true) => Some("ya".to_owned()),
        Value::Bool(false) => Some("tidak".to_owned()),
        other => Some(other.to_string()),
    }
}

fn opsi(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

fn waktu(t: chrono::DateTime<chrono::Utc>) -> String {
    let lokal = t + chrono::Duration::seconds(i64::from(WIB_OFFSET_SECS));
    format!(
        "{} {} WIB",
        tanggal_indonesia(local_day(t, WIB_OFFSET_SECS)),
        lokal.format("%H:%M")
    )
}

/// Renders the document.
///
/// # Errors
/// Only if the PDF library fails (a bug).
pub fn render(d: &DataSaya) -> AppResult<Vec<u8>> {
    let p = &d.pegawai;
    let mut w = Writer::new(&format!("Data Saya {}", p.nama_lengkap))?;
    w.centered(12.0, true, "DATA PRIBADI DAN RIWAYAT PEMROSESANNYA");
    w.centered(
        9.0,
        false,
        "Hak subjek data pribadi, UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 32",
    );
    w.centered(9.0, false, &format!("Dibuat {}", waktu(d.dibuat_pada)));

    w.heading("Identitas pegawai");
    let tanggal = |t: Option<chrono::NaiveDate>| t.map(tanggal_indonesia);
    for (k, v) in [
        ("Nama", Some(p.nama_lengkap.clone())),
        ("NIP", Some(p.nip_formatted.clone())),
        ("NIP lama", p.nip_lama.clone()),
        ("Tempat lahir", p.tempat_lahir.clone()),
        ("Tanggal lahir", tanggal(p.tanggal_lahir)),
        (
            "Jenis kelamin",
            p.jenis_kelamin.map(|g| format!("{g:?}").to_lowercase()),
        ),
        (
            "Jenis pegawai",
            p.jenis_pegawai.map(|j| j.as_str().to_uppercase()),
        ),
        ("Golongan", p.golongan.clone()),
        ("Pangkat", p.pangkat.clone()),
        ("TMT golongan", tanggal(p.tmt_golongan)),
        ("Jabatan", p.jabatan.clone()),
        ("TMT jabatan", tanggal(p.tmt_jabatan)),
        ("Unit kerja", p.unit.clone()),
        ("Status", p.status.map(|s| s.as_str().replace('_', " "))),
        ("E-mail", p.email.clone()),
        ("Telepon", p.telepon.clone()),
    ] {
        pasangan(&mut w, k, opsi(v.as_deref()));
    }
    if let Some(a) = &d.akun {
        w.heading("Akun");
        pasangan(&mut w, "Nama pengguna", &a.username);
        pasangan(&mut w, "E-mail akun", opsi(a.email.as_deref()));
        pasangan(&mut w, "Peran", &a.roles.join(", "));
        pasangan(&mut w, "Dibuat", &waktu(a.created_at));
        pasangan(
            &mut w,
            "Terakhir masuk",
            &a.last_login_at.map(waktu).unwrap_or_else(|| "-".to_owned()),
        );
    }

    for b in &d.bagian {
        w.heading(&format!("{} ({})", b.judul, b.baris.len()));
        if b.baris.is_empty() {
            pasangan(&mut w, "-", "Tidak ada data");
            continue;
        }
        for (i, row) in b.baris.iter().enumerate() {
            if i > 0 {
                w.y += 1.5;
            }
            for (kolom, v) in row {
                if teknis(kolom) {
                    continue;
                }
                if let Some(t) = teks(v) {
                    pasangan(&mut w, &label(kolom), &t);
                }
            }
        }
    }

    w.heading(&format!(
        "Siapa yang membaca data lengkap Anda ({})",
        d.akses.len()
    ));
    if d.akses.is_empty() {
        pasangan(&mut w, "-", "Belum ada yang membaca data lengkap Anda");
    }
    for a in &d.akses {
        let siapa = match (&a.aktor_nama, &a.aktor_username) {
            (Some(n), Some(u)) => format!("{n} ({u})"),
            _ => a.aktor_id.to_string(),
        };
        let dasar = match a.dasar.as_str() {
            "semua_pegawai" => "kewenangan atas semua pegawai (BKPSDM/auditor)",
            "pimpinan_unit" => "pimpinan unit Anda",
            other => other,
        };
        pasangan(
            &mut w,
            &waktu(a.waktu),
            &format!("{siapa}; {}; dasar: {dasar}", a.jenis.as_str()),
        );
    }

    w.heading(&format!(
        "Siapa yang mengubah apa ({}{})",
        d.perubahan.len(),
        if d.perubahan_terpotong {
            ", terbaru saja"
        } else {
            ""
        }
    ));
    for e in &d.perubahan {
        let siapa = e.actor_nama.clone().unwrap_or_else(|| "sistem".to_owned());
        let objek = e
            .entity_nama
            .clone()
            .unwrap_or_else(|| e.entity_type.clone());
        let mut isi = format!("{siapa}: {} ({objek})", e.action);
        if let Some(r) = &e.reason {
            isi.push_str(&format!("; alasan: {r}"));
        }
        pasangan(&mut w, &waktu(e.occurred_at), &isi);
    }
    w.finish()
}
