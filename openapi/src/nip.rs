//! NIP (Nomor Induk Pegawai, PNS) and NI PPPK: 18 digits, checked against the employee's birth
//! date and gender. Shared with the SPA so the form shows the same messages as the server.
//!
//! NIP layout (Perka BKN 22/2007), written 8-6-1-3: `YYYYMMDD YYYYMM G NNN` — birth date, month
//! of first appointment (TMT CPNS), gender (1 male, 2 female), sequence. NI PPPK carries the
//! birth date, the year of first appointment, the number of contracts, the gender and a
//! sequence (8-4-2-1-3; the widths are not officially confirmed, so only the birth date, the year
//! and the gender digit are checked).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::pesan::{Bahasa, Pesan};

/// Gender as recorded in the NIP's 15th digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Laki-laki (digit 1). `L`, as forms and spreadsheets write it, is accepted too.
    #[serde(alias = "L")]
    L,
    /// Perempuan (digit 2). `P` is accepted too.
    #[serde(alias = "P")]
    P,
}

impl Gender {
    pub fn nip_digit(self) -> u8 {
        match self {
            Gender::L => b'1',
            Gender::P => b'2',
        }
    }
}

/// Which identity number layout applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NipKind {
    /// PNS and CPNS: NIP.
    Nip,
    /// PPPK: NI PPPK.
    NiPppk,
}

/// One broken rule: its coded message and that message in Indonesian, naming the segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NipError {
    pub message: String,
    pub pesan: Pesan,
}

/// Strips spaces and dots (NIPs are often typed `19860926 201505 1 001`).
pub fn normalise(nip: &str) -> String {
    nip.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect()
}

/// Formats 18 digits as 8-6-1-3; anything else is returned unchanged.
pub fn format(nip: &str) -> String {
    let n = normalise(nip);
    if n.len() == 18 && n.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {} {} {}", &n[..8], &n[8..14], &n[14..15], &n[15..])
    } else {
        nip.to_owned()
    }
}

fn digits(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// Checks a NIP or NI PPPK against the birth date and gender; returns the normalised number,
/// or every broken rule (each message names the segment that is wrong).
///
/// # Errors
/// The list of broken rules.
pub fn validate(
    nip: &str,
    kind: NipKind,
    birth_date: Option<NaiveDate>,
    gender: Option<Gender>,
    today: NaiveDate,
) -> Result<String, Vec<NipError>> {
    let label = match kind {
        NipKind::Nip => "NIP",
        NipKind::NiPppk => "NI PPPK",
    };
    let n = normalise(nip);
    let err = |pesan: Pesan| NipError {
        message: pesan.text(Bahasa::Id),
        pesan,
    };
    let label = label.to_owned();
    if n.len() != 18 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(vec![err(Pesan::NipPanjang { label })]);
    }
    let mut errors = Vec::new();
    let born = NaiveDate::parse_from_str(&n[..8], "%Y%m%d").ok();
    match (born, birth_date) {
        (None, _) => errors.push(err(Pesan::NipTanggalLahirTidakValid {
            label: label.clone(),
            segmen: n[..8].to_owned(),
        })),
        (Some(b), Some(expected)) if b != expected => {
            errors.push(err(Pesan::NipTanggalLahirBeda {
                label: label.clone(),
                segmen: n[..8].to_owned(),
                // Not ISO: the number is compared with the form's day-month-year.
                tanggal: expected.format("%d-%m-%Y").to_string(),
            }))
        }
        _ => {}
    }
    // The month (NIP) or year (NI PPPK) of first appointment.
    let appointed = match kind {
        NipKind::Nip => {
            let (year, month) = (digits(&n[8..12]), digits(&n[12..14]));
            match (year, month) {
                (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y as i32, m, 1),
                _ => None,
            }
        }
        NipKind::NiPppk => digits(&n[8..12]).and_then(|y| NaiveDate::from_ymd_opt(y as i32, 1, 1)),
    };
    let segmen = match kind {
        NipKind::Nip => n[8..14].to_owned(),
        NipKind::NiPppk => n[8..12].to_owned(),
    };
    let (invalid, future, before_birth) = match kind {
        NipKind::Nip => (
            Pesan::NipTmtTidakValid {
                segmen: segmen.clone(),
            },
            Pesan::NipTmtMasaDepan {
                segmen: segmen.clone(),
            },
            Pesan::NipTmtSebelumLahir { segmen },
        ),
        NipKind::NiPppk => (
            Pesan::NiPppkTahunTidakValid {
                segmen: segmen.clone(),
            },
            Pesan::NiPppkTahunMasaDepan {
                segmen: segmen.clone(),
            },
            Pesan::NiPppkTahunSebelumLahir { segmen },
        ),
    };
    match appointed {
        None => errors.push(err(invalid)),
        Some(a) => {
            let this_month =
                NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
            if a > this_month {
                errors.push(err(future));
            }
            if let Some(b) = born.or(birth_date)
                && a <= b
            {
                errors.push(err(before_birth));
            }
        }
    }
    let g = n.as_bytes()[14];
    if g != b'1' && g != b'2' {
        errors.push(err(Pesan::NipDigitKelamin { label }));
    } else if let Some(expected) = gender
        && g != expected.nip_digit()
    {
        errors.push(err(if expected == Gender::L {
            Pesan::NipBukanLakiLaki { label }
        } else {
            Pesan::NipBukanPerempuan { label }
        }));
    }
    if errors.is_empty() {
        Ok(n)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 27);

    fn check(nip: &str, birth: NaiveDate, gender: Gender) -> Result<String, Vec<NipError>> {
        validate(
            nip,
            NipKind::Nip,
            Some(birth),
            Some(gender),
            d(TODAY.0, TODAY.1, TODAY.2),
        )
    }

    fn messages(r: Result<String, Vec<NipError>>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn a_consistent_nip_is_accepted_and_normalised() {
        assert_eq!(
            check("19860926 201505 1 001", d(1986, 9, 26), Gender::L).unwrap(),
            "198609262015051001"
        );
        assert_eq!(
            check("1968.0411.1993.03.2.009", d(1968, 4, 11), Gender::P).unwrap(),
            "196804111993032009"
        );
    }

    #[test]
    fn formatting_is_8_6_1_3() {
        assert_eq!(format("198609262015051001"), "19860926 201505 1 001");
        assert_eq!(format("12345"), "12345");
    }

    #[test]
    fn wrong_length_or_letters_are_rejected() {
        for bad in [
            "19860926201505100",
            "1986092620150510011",
            "19860926201505100A",
        ] {
            let m = messages(check(bad, d(1986, 9, 26), Gender::L));
            assert_eq!(m.len(), 1);
            assert!(m[0].contains("18 digit"), "{m:?}");
        }
    }

    #[test]
    fn each_wrong_segment_is_named() {
        let m = messages(check("19860231201505 1 001", d(1986, 2, 28), Gender::L));
        assert!(
            m[0].contains("digit 1–8") && m[0].contains("bukan tanggal"),
            "{m:?}"
        );
        let m = messages(check("198609262015051001", d(1986, 9, 27), Gender::L));
        assert!(
            m[0].contains("tidak sama dengan tanggal lahir 27-09-1986"),
            "{m:?}"
        );
        let m = messages(check("198609262015131001", d(1986, 9, 26), Gender::L));
        assert!(
            m[0].contains("digit 9–14") && m[0].contains("bukan bulan"),
            "{m:?}"
        );
        let m = messages(check("198609262027011001", d(1986, 9, 26), Gender::L));
        assert!(m[0].contains("masa depan"), "{m:?}");
        let m = messages(check("198609261985011001", d(1986, 9, 26), Gender::L));
        assert!(m[0].contains("sesudah tanggal lahir"), "{m:?}");
        let m = messages(check("198609262015053001", d(1986, 9, 26), Gender::L));
        assert!(
            m[0].contains("digit 15") && m[0].contains("1 (laki-laki) atau 2"),
            "{m:?}"
        );
        let m = messages(check("198609262015052001", d(1986, 9, 26), Gender::L));
        assert!(
            m[0].contains("tidak sesuai dengan jenis kelamin laki-laki"),
            "{m:?}"
        );
    }

    #[test]
    fn this_month_is_not_the_future() {
        assert!(check("199001012026111001", d(1990, 1, 1), Gender::L).is_ok());
    }

    #[test]
    fn ni_pppk_checks_birth_date_year_and_gender() {
        let today = d(2026, 11, 27);
        assert!(
            validate(
                "199203152023012001",
                NipKind::NiPppk,
                Some(d(1992, 3, 15)),
                Some(Gender::P),
                today
            )
            .is_ok()
        );
        let e = validate(
            "199203152030012001",
            NipKind::NiPppk,
            Some(d(1992, 3, 15)),
            Some(Gender::P),
            today,
        )
        .unwrap_err();
        assert!(
            e[0].message.contains("tahun pengangkatan") && e[0].message.contains("masa depan"),
            "{e:?}"
        );
    }
}
