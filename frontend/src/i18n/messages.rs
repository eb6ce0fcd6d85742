//! Messages that come from the server or the contract crate (Indonesian), in the reader's
//! language.
//!
//! Coded messages (`kinerja_api::pesan`) arrive as code + parameters next to their Indonesian
//! text. The API client registers each pair when it decodes a problem body ([`remember`]), so
//! views keep passing the text around and [`message`] renders it from its code. Catalogue
//! entries without parameters are also found by their text (the SPA's own form rules use the
//! same sentences). The tables below cover what is not coded: the employee import report's
//! row messages, the superior-resolution reasons and cascading results the server returns as
//! data, and the SPA's own checks.

use std::cell::RefCell;
use std::collections::HashMap;

use kinerja_api::pesan::{Bahasa, CATALOGUE, Message};

use super::{Key, Lang};

/// Uncoded Indonesian messages (the employee import's rows, the superior-resolution reasons and
/// the RHK cascading results the server returns as data, the SPA's own checks) with their
/// English versions.
const MESSAGES_EN: &[(&str, &str)] = &[
    // Employee import rows
    (
        "NIP muncul lebih dari sekali dalam berkas.",
        "This NIP appears more than once in the file.",
    ),
    ("Wajib diisi (L atau P).", "Required (L or P)."),
    (
        "Isi unit tempat jabatan berada.",
        "Enter the unit the position belongs to.",
    ),
    // Superiors (resolution reasons) and RHK cascading results
    (
        "Pejabat penilai yang ditetapkan admin tidak ditemukan.",
        "The assessor set by the administrator was not found.",
    ),
    (
        "Tidak memiliki jabatan definitif pada tanggal tersebut.",
        "Holds no definitive position on that date.",
    ),
    (
        "Bukan bawahan langsung yang Anda nilai.",
        "Not a direct subordinate you assess.",
    ),
    (
        "SKP bawahan sudah diajukan atau disetujui; RHK tidak ditambahkan.",
        "The subordinate's SKP is already submitted or approved; the RHK was not added.",
    ),
    (
        "Struktur jabatan atasan membentuk lingkaran.",
        "The chain of superior positions forms a loop.",
    ),
    (
        "Jabatan tidak memiliki jabatan atasan (puncak struktur); tetapkan pejabat penilai secara manual.",
        "The position has no superior position (top of the structure); set the assessor manually.",
    ),
    (
        "Tidak ada pejabat minimal Pengawas yang menduduki jabatan atasan.",
        "No official of at least Pengawas level holds a superior position.",
    ),
    // The SPA's own checks
    (
        "Pilih predikat kinerja organisasi.",
        "Choose the organisation predikat.",
    ),
];

/// Uncoded Indonesian messages with variable parts (`{}`, in order) and their English versions
/// (`{0}`, `{1}`, … refer to the parts): the employee import's row messages.
const PATTERNS_EN: &[(&str, &str)] = &[
    (
        "Tanggal '{}' tidak dikenali; gunakan format TTTT-BB-HH, misalnya 1986-09-26.",
        "Date '{0}' is not recognised; use YYYY-MM-DD, e.g. 1986-09-26.",
    ),
    (
        "'{}' tidak dikenal; isi L (laki-laki) atau P (perempuan).",
        "'{0}' is unknown; enter L (male) or P (female).",
    ),
    (
        "'{}' tidak dikenal; isi PNS, CPNS, atau PPPK.",
        "'{0}' is unknown; enter PNS, CPNS or PPPK.",
    ),
    (
        "Golongan '{}' tidak dikenal (contoh: III/a).",
        "Grade '{0}' is unknown (e.g. III/a).",
    ),
    (
        "Status '{}' tidak dikenal (contoh: aktif, cuti, tugas belajar).",
        "Status '{0}' is unknown (e.g. aktif, cuti, tugas belajar).",
    ),
    (
        "Isi nama jabatan di unit '{}'.",
        "Enter the position's name in unit '{0}'.",
    ),
    (
        "Unit '{}' tidak ditemukan di instansi ini.",
        "Unit '{0}' was not found in this agency.",
    ),
    (
        "Jabatan '{}' tidak ditemukan di unit '{}'.",
        "Position '{0}' was not found in unit '{1}'.",
    ),
    (
        "Jabatan '{}' di unit '{}' sudah diduduki pegawai lain.",
        "Position '{0}' in unit '{1}' is already held by another employee.",
    ),
    (
        "Nama unit '{}' tidak unik; ubah nama unit agar dapat dibedakan.",
        "Unit name '{0}' is not unique; rename the units so they can be told apart.",
    ),
];

/// The variable parts of `message` if it has the shape of `template` (`{}` placeholders).
fn match_template<'a>(template: &str, message: &'a str) -> Option<Vec<&'a str>> {
    let mut pieces = template.split("{}");
    let first = pieces.next()?;
    let mut rest = message.strip_prefix(first)?;
    let mut parts = Vec::new();
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        let at = if last {
            if !rest.ends_with(piece) {
                return None;
            }
            rest.len() - piece.len()
        } else {
            rest.find(piece)?
        };
        parts.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (!parts.is_empty() && rest.is_empty()).then_some(parts)
}

fn translate_pattern(indonesian: &str) -> Option<String> {
    PATTERNS_EN.iter().find_map(|(id, en)| {
        let parts = match_template(id, indonesian)?;
        Some(
            parts
                .iter()
                .enumerate()
                .fold((*en).to_owned(), |acc, (i, part)| {
                    acc.replace(&format!("{{{i}}}"), part)
                }),
        )
    })
}

/// How many coded texts are remembered; errors are few, this only bounds a long session.
const REMEMBERED_MAX: usize = 512;

thread_local! {
    /// Indonesian text → the coded message it was rendered from, from problem bodies.
    static CODED: RefCell<HashMap<String, Message>> = RefCell::new(HashMap::new());
}

/// Remembers the code of each Indonesian text of a problem body, so that [`message`] can
/// render it in another language.
pub fn remember<'a>(pairs: impl IntoIterator<Item = (&'a str, Message)>) {
    CODED.with(|coded| {
        let mut coded = coded.borrow_mut();
        for (text, message) in pairs {
            if coded.len() >= REMEMBERED_MAX {
                coded.clear();
            }
            coded.insert(text.to_owned(), message);
        }
    });
}

fn bahasa(lang: Lang) -> Bahasa {
    match lang {
        Lang::Id => Bahasa::Id,
        Lang::En => Bahasa::En,
    }
}

/// The English of a coded text: remembered from a problem body, or a catalogue entry without
/// parameters with exactly this text.
fn coded(lang: Lang, indonesian: &str) -> Option<String> {
    CODED
        .with(|coded| coded.borrow().get(indonesian).cloned())
        .and_then(|m| m.render(bahasa(lang)))
        .or_else(|| {
            CATALOGUE
                .iter()
                .find(|e| e.id == indonesian && !e.id.contains('{'))
                .map(|e| e.text(bahasa(lang)).to_owned())
        })
}

/// A message from the server, the contract or the interface text (Indonesian) in `lang`;
/// unknown messages are shown as they are.
pub fn message(lang: Lang, indonesian: &str) -> String {
    match lang {
        Lang::Id => indonesian.to_owned(),
        Lang::En => coded(lang, indonesian)
            .or_else(|| {
                MESSAGES_EN
                    .iter()
                    .copied()
                    .chain(Key::ALL.iter().map(|k| k.pair()))
                    .find(|(id, _)| *id == indonesian)
                    .map(|(_, en)| en.to_owned())
            })
            .or_else(|| translate_pattern(indonesian))
            .unwrap_or_else(|| indonesian.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use kinerja_api::Pesan;

    use super::*;
    use crate::i18n::text;

    #[test]
    fn coded_messages_are_rendered_from_their_code() {
        let coded = Message::from(Pesan::BarisTerlaluBanyak {
            jumlah: "7001".into(),
            maks: "5000".into(),
        });
        let indonesian = coded.indonesian();
        assert_eq!(
            message(Lang::En, &indonesian),
            indonesian,
            "not yet remembered"
        );
        remember([(indonesian.as_str(), coded.clone())]);
        assert_eq!(
            message(Lang::En, &indonesian),
            "The file has 7001 rows; at most 5000 rows per import."
        );
        assert_eq!(message(Lang::Id, &indonesian), indonesian);
        // Entries without parameters are known by their text alone.
        assert_eq!(message(Lang::En, "Wajib diisi."), "Required.");
    }

    #[test]
    fn contract_messages_are_translated() {
        assert_eq!(
            message(Lang::En, "Kata sandi saat ini salah."),
            "The current password is wrong."
        );
        assert_eq!(
            message(Lang::Id, "Kata sandi saat ini salah."),
            "Kata sandi saat ini salah."
        );
        assert_eq!(message(Lang::En, "Pesan baru"), "Pesan baru");
        assert_eq!(
            message(Lang::En, text(Lang::Id, Key::ConfirmMismatch)),
            text(Lang::En, Key::ConfirmMismatch)
        );
        for (id, en) in MESSAGES_EN {
            assert!(!id.is_empty() && !en.is_empty());
        }
    }

    #[test]
    fn messages_with_variable_parts_are_translated() {
        assert_eq!(
            message(
                Lang::En,
                "Jabatan 'Lurah Gelam' di unit 'Kelurahan Gelam' sudah diduduki pegawai lain."
            ),
            "Position 'Lurah Gelam' in unit 'Kelurahan Gelam' is already held by another employee."
        );
        assert_eq!(
            message(Lang::En, "Golongan 'V/z' tidak dikenal (contoh: III/a)."),
            "Grade 'V/z' is unknown (e.g. III/a)."
        );
        // Not a pattern: shown as it is.
        assert_eq!(message(Lang::En, "Golongan V/z."), "Golongan V/z.");
        for (id, en) in PATTERNS_EN {
            let n = id.matches("{}").count();
            assert!(n > 0, "{id:?} has no placeholder");
            for i in 0..n {
                assert!(en.contains(&format!("{{{i}}}")), "{en:?} lacks {{{i}}}");
            }
        }
    }

    #[test]
    fn every_nip_message_has_an_english_version() {
        use chrono::NaiveDate;
        use kinerja_api::nip::{Gender, NipKind, validate};
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let today = d(2026, 11, 27);
        let cases = [
            ("123", NipKind::Nip, None, None),
            (
                "19860231201505 1 001",
                NipKind::Nip,
                Some(d(1986, 2, 28)),
                None,
            ),
            (
                "198609262015051001",
                NipKind::Nip,
                Some(d(1986, 9, 27)),
                None,
            ),
            ("198609262015131001", NipKind::Nip, None, None),
            ("198609262027011001", NipKind::Nip, None, None),
            ("198609261985011001", NipKind::Nip, None, None),
            ("198609262015053001", NipKind::Nip, None, None),
            ("198609262015052001", NipKind::Nip, None, Some(Gender::L)),
            ("198609262015051001", NipKind::Nip, None, Some(Gender::P)),
            ("199203152030012001", NipKind::NiPppk, None, None),
            ("199203151980012001", NipKind::NiPppk, None, None),
            ("19920315203001200", NipKind::NiPppk, None, None),
        ];
        let mut seen = 0;
        for (nip, kind, birth, gender) in cases {
            for e in validate(nip, kind, birth, gender, today).unwrap_err() {
                seen += 1;
                remember([(e.message.as_str(), e.pesan.clone().into())]);
                assert_ne!(
                    message(Lang::En, &e.message),
                    e.message,
                    "no English for {:?}",
                    e.message
                );
            }
        }
        assert!(seen >= cases.len());
    }
}
