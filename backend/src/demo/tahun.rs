//! A year already lived in the demo: months measured with evidence, ratings set, an objection
//! decided and an improvement plan, so every screen has something to show.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::employees as employee_rows;
use crate::error::AppResult;
use crate::extract::RequestMeta;

use super::{KASUBAG_UMUM_NIP, PELAKSANA_NIP, SEKCAM_NIP};

/// The months of this year that have passed, measured and (for the Sekretariat) evaluated:
/// realisasi for every approved SKP in every past month; the kecamatan's organisation predikat
/// for last month; the Sekretariat's staff rated for last month by their PPKin, Rina also the
/// month before with an objection decided by her Atasan PPKin, and an improvement plan for the
/// Pengelola Kepegawaian. Returns the number of evaluations set; 0 in January (no past month)
/// or when they exist already.
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed_year(
    db: &DatabaseConnection,
    kebijakan: crate::evaluation::service::Kebijakan,
    storage: &crate::storage::Storage,
) -> AppResult<usize> {
    use chrono::Datelike;
    use kinerja_api::penilaian::{
        AjukanKeberatan, AksiPerbaikan, JelaskanKeberatan, KeputusanKeberatan, PutuskanKeberatan,
        SimpanEvaluasi, SimpanRencanaPerbaikan, TetapkanPredikatOrganisasi,
    };
    use std::collections::HashSet;

    use crate::auth::Viewer;
    use crate::entities::{evaluations, periods, realisasi, skp_iki, skp_rhk, skps};
    use crate::evaluation::{keberatan, organisasi, penilaian, perbaikan};

    // The demo shows warnings, it is never refused by the distribution pattern.
    let kebijakan = crate::evaluation::service::Kebijakan {
        blokir: false,
        ..kebijakan
    };
    let today = crate::clock::today();
    let last = today.month() as i32 - 1;
    if last < 1 || evaluations::Entity::find().one(db).await?.is_some() {
        return Ok(0);
    }
    let Some(period) = periods::Entity::find()
        .filter(periods::Column::Tahun.eq(today.year()))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let approved = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::Status.eq("disetujui"))
        .all(db)
        .await?;
    // Realisasi of every past month: around the month's target (a twelfth of a yearly count,
    // the level itself for a percentage), most people near it, about one in seven clearly
    // above and one in seven below, deterministic so the demo looks the same every time.
    // Some kelurahan are behind, so that a dashboard has something to find: nobody in
    // Kelurahan Tembong entered last month's realisasi, and half of Kelurahan Dalung did not.
    let lagging_units: Vec<(Uuid, bool)> = crate::entities::units::Entity::find()
        .filter(
            crate::entities::units::Column::Nama.is_in(["Kelurahan Tembong", "Kelurahan Dalung"]),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama == "Kelurahan Tembong"))
        .collect();
    let mut behind: HashSet<Uuid> = HashSet::new();
    for (unit, everyone) in lagging_units {
        let staff = employee_rows::Entity::find()
            .filter(employee_rows::Column::UnitId.eq(unit))
            .all(db)
            .await?;
        behind.extend(
            staff
                .iter()
                .enumerate()
                .filter(|(i, _)| everyone || i % 2 == 0)
                .map(|(_, e)| e.id),
        );
    }
    let mut rows = Vec::new();
    for s in &approved {
        let kinerja = match s.employee_id.as_u128() % 7 {
            0 => 0.72,
            1 => 1.28,
            _ => 1.0,
        };
        let rhk: Vec<Uuid> = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.eq(s.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        for (n, i) in skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(rhk))
            .all(db)
            .await?
            .into_iter()
            .enumerate()
        {
            let Some(target) = i.target_nilai else {
                continue;
            };
            for k in 1..=last {
                if k == last && behind.contains(&s.employee_id) {
                    continue;
                }
                let spread = ((s.id.as_u128() as usize + n * 7 + k as usize * 3) % 9) as f64;
                let factor = (0.92 + spread * 0.02) * kinerja;
                let nilai = if i.target_satuan.as_deref() == Some("persen") {
                    (target * factor).min(100.0)
                } else {
                    (target / 12.0 * factor * 100.0).round() / 100.0
                };
                rows.push(realisasi::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    iki_id: Set(i.id),
                    periode_ke: Set(k),
                    nilai: Set(Some((nilai * 100.0).round() / 100.0)),
                    naratif: Set(None),
                    dasar: Set(Some("Laporan bulanan".to_owned())),
                    sumber: Set("pegawai".to_owned()),
                    client_id: Set(None),
                    updated_by: Set(None),
                    updated_at: Set(Utc::now()),
                });
            }
        }
    }
    for chunk in rows.chunks(500) {
        realisasi::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }

    let person = |nip: &str| {
        employee_rows::Entity::find()
            .filter(employee_rows::Column::Nip.eq(nip.to_owned()))
            .one(db)
    };
    let as_viewer = |id: Uuid| Viewer {
        user_id: Uuid::nil(),
        roles: Vec::new(),
        employee_id: Some(id),
        subtree: HashSet::new(),
    };
    let admin = Viewer {
        user_id: Uuid::nil(),
        roles: vec![kinerja_api::auth::Role::Admin],
        employee_id: None,
        subtree: HashSet::new(),
    };
    let meta = RequestMeta::default();
    let (Some(rina), Some(kasubag), Some(sekcam)) = (
        person(PELAKSANA_NIP).await?,
        person(KASUBAG_UMUM_NIP).await?,
        person(SEKCAM_NIP).await?,
    ) else {
        return Ok(0);
    };
    let kecamatan = crate::entities::units::Entity::find()
        .filter(crate::entities::units::Column::Nama.eq("Kecamatan Cipocok Jaya"))
        .one(db)
        .await?;
    if let Some(kec) = kecamatan {
        organisasi::tetapkan_organisasi(
            db,
            kebijakan,
            &admin,
            kec.id,
            TetapkanPredikatOrganisasi {
                periode_id: period.id,
                periode_ke: last,
                predikat: kinerja_api::evaluation::PredikatOrganisasi::Baik,
                dasar: "Rencana aksi kecamatan bulan lalu tercapai sesuai target yang disepakati dengan Sekretaris Daerah.".to_owned(),
            },
            &meta,
        )
        .await?;
    }
    let skp_of = |employee: Uuid| {
        approved
            .iter()
            .find(|s| s.employee_id == employee)
            .map(|s| s.id)
    };
    let rate = |(hasil, perilaku): (Rating, Rating)| SimpanEvaluasi {
        rating_hasil: Some(hasil),
        rating_perilaku: Some(perilaku),
        catatan_hasil: Some("Dinilai dari realisasi dan bukti dukung bulan ini.".to_owned()),
        catatan_perilaku: None,
        rekomendasi: None,
    };
    use kinerja_api::evaluation::Rating;
    let mut set = 0;
    // Last month: the Sekretariat's staff, each by their PPKin.
    let pengelola = employee_rows::Entity::find()
        .filter(employee_rows::Column::UnitId.eq(rina.unit_id))
        .all(db)
        .await?
        .into_iter()
        .find(|e| e.id != rina.id && e.id != kasubag.id);
    let mut plan_for = None;
    let mut ratings = vec![(rina.id, kasubag.id, (Rating::Sesuai, Rating::DiAtas))];
    if let Some(p) = &pengelola {
        ratings.push((p.id, kasubag.id, (Rating::DiBawah, Rating::Sesuai)));
    }
    ratings.push((kasubag.id, sekcam.id, (Rating::DiAtas, Rating::DiAtas)));
    for (employee, rater, r) in ratings {
        let Some(skp) = skp_of(employee) else {
            continue;
        };
        penilaian::save(db, kebijakan, &as_viewer(rater), skp, last, rate(r), &meta).await?;
        let v = penilaian::tetapkan(db, kebijakan, &as_viewer(rater), skp, last, &meta).await?;
        if v.rencana_perbaikan.is_some() {
            plan_for = v.evaluasi.map(|e| (e.id, rater));
        }
        set += 1;
    }
    // The improvement plan of the low result.
    if let Some((id, rater)) = plan_for {
        perbaikan::simpan_rencana(
            db,
            kebijakan,
            &as_viewer(rater),
            id,
            SimpanRencanaPerbaikan {
                saran: "Tata ulang arsip kepegawaian per bulan dan laporkan kendala setiap Senin."
                    .to_owned(),
                aksi: vec![AksiPerbaikan {
                    uraian: "Menyelesaikan pemutakhiran data kepegawaian yang tertunda".to_owned(),
                    jatuh_tempo: Some(today + chrono::Duration::days(30)),
                }],
                pelatihan: vec!["Pelatihan Pengelolaan Arsip Dinamis".to_owned()],
            },
            &meta,
        )
        .await?;
    }
    // The month before, Rina objected; the sekcam changed the result.
    if last >= 2
        && let Some(skp) = skp_of(rina.id)
    {
        let k = last - 1;
        penilaian::save(
            db,
            kebijakan,
            &as_viewer(kasubag.id),
            skp,
            k,
            rate((Rating::DiBawah, Rating::Sesuai)),
            &meta,
        )
        .await?;
        let v = penilaian::tetapkan(db, kebijakan, &as_viewer(kasubag.id), skp, k, &meta).await?;
        if let Some(e) = v.evaluasi {
            keberatan::ajukan_keberatan(db, kebijakan, &as_viewer(rina.id), e.id, AjukanKeberatan {
                alasan: "Layanan surat keterangan pada hari Sabtu belum dihitung dalam realisasi bulan ini.".to_owned(),
            }, &meta).await?;
            crate::evaluation::lampiran::upload(
                db,
                storage,
                &as_viewer(rina.id),
                e.id,
                (
                    Some("register-layanan-sabtu.pdf".to_owned()),
                    one_line_pdf("Register layanan surat keterangan hari Sabtu: 38 layanan."),
                ),
                &meta,
            )
            .await?;
            keberatan::jelaskan_keberatan(
                db,
                kebijakan,
                &as_viewer(kasubag.id),
                e.id,
                JelaskanKeberatan {
                    penjelasan:
                        "Register layanan hari Sabtu belum dilampirkan ketika penilaian dibuat."
                            .to_owned(),
                },
                &meta,
            )
            .await?;
            keberatan::putuskan_keberatan(
                db,
                kebijakan,
                &as_viewer(sekcam.id),
                e.id,
                PutuskanKeberatan {
                    keputusan: KeputusanKeberatan::Diubah,
                    rating_hasil: Some(Rating::Sesuai),
                    rating_perilaku: Some(Rating::Sesuai),
                    catatan: "Register layanan hari Sabtu diterima; hasil kerja sesuai ekspektasi."
                        .to_owned(),
                },
                &meta,
            )
            .await?;
            set += 1;
        }
    }
    Ok(set)
}

/// A one-page PDF with one line of text: the demo objection's attachment.
pub(super) fn one_line_pdf(line: &str) -> Vec<u8> {
    let text: String = line
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '\\'))
        .collect();
    let content = format!("BT /F1 12 Tf 72 760 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
