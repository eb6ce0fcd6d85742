//! The rules of guides: everyone signed in reads them, the HR office writes them (audited,
//! with `lock_version`), and the built-in ones are changed but never deleted. Search is a
//! case-insensitive LIKE over the titles and texts of both languages: there are a few dozen
//! rows, one query per page.

use kinerja_api::panduan::{Panduan, PanduanQuery, PeranPanduan, RingkasanPanduan, TulisPanduan};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::markdown;
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::AuthUser;
use crate::clock;
use crate::entities::panduan;
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;
use crate::policy;

const WHAT: &str = "Panduan";
/// Most words of a search that are used.
const KATA_MAKS: usize = 8;

fn layar_list(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn layar_stored(list: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for l in list {
        if !seen.contains(&l.as_str()) {
            seen.push(l);
        }
    }
    if seen.is_empty() {
        String::new()
    } else {
        format!(",{},", seen.join(","))
    }
}

fn peran(stored: &str) -> PeranPanduan {
    PeranPanduan::parse(stored).unwrap_or(PeranPanduan::Pegawai)
}

fn ringkasan(m: panduan::Model) -> RingkasanPanduan {
    RingkasanPanduan {
        peran: peran(&m.peran),
        layar: layar_list(&m.layar),
        slug: m.slug,
        judul_id: m.judul_id,
        judul_en: m.judul_en,
        bawaan: m.bawaan,
        diubah_pada: m.updated_at,
    }
}

fn dto(user: &AuthUser, m: panduan::Model) -> Panduan {
    Panduan {
        peran: peran(&m.peran),
        layar: layar_list(&m.layar),
        html_id: markdown::render(&m.isi_id),
        html_en: markdown::render(&m.isi_en),
        boleh_ubah: policy::can_edit_panduan(&user.roles),
        slug: m.slug,
        judul_id: m.judul_id,
        judul_en: m.judul_en,
        isi_id: m.isi_id,
        isi_en: m.isi_en,
        urutan: m.urutan,
        bawaan: m.bawaan,
        diubah_pada: m.updated_at,
        lock_version: m.lock_version,
    }
}

/// `%word%`, lowercased, with LIKE's wildcards escaped by `\`.
fn pola(word: &str) -> LikeExpr {
    let escaped = word
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Guides matching `q`: each word of the search in a title or text of either language.
///
/// # Errors
/// On a database failure.
pub async fn daftar(
    db: &DatabaseConnection,
    q: PanduanQuery,
    page: PageQuery,
) -> AppResult<Page<RingkasanPanduan>> {
    let mut find = panduan::Entity::find();
    if let Some(p) = q.peran {
        find = find.filter(panduan::Column::Peran.eq(p.as_str()));
    }
    if let Some(l) = q.layar.as_deref() {
        find = find.filter(panduan::Column::Layar.like(format!("%,{l},%")));
    }
    for word in
        q.q.as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .take(KATA_MAKS)
    {
        let mut any = Condition::any();
        for col in [
            panduan::Column::JudulId,
            panduan::Column::JudulEn,
            panduan::Column::IsiId,
            panduan::Column::IsiEn,
        ] {
            any = any.add(Expr::expr(Func::lower(Expr::col(col))).like(pola(word)));
        }
        find = find.filter(any);
    }
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_asc(panduan::Column::Urutan)
        .order_by_asc(panduan::Column::Slug)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok(Page::new(
        rows.into_iter().map(ringkasan).collect(),
        page,
        total,
    ))
}

async fn by_slug(db: &impl sea_orm::ConnectionTrait, slug: &str) -> AppResult<panduan::Model> {
    panduan::Entity::find()
        .filter(panduan::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

/// One guide with its rendered HTML.
///
/// # Errors
/// `NotFound` for an unknown slug.
pub async fn satu(db: &DatabaseConnection, user: &AuthUser, slug: &str) -> AppResult<Panduan> {
    Ok(dto(user, by_slug(db, slug).await?))
}

fn penulis(user: &AuthUser) -> AppResult<()> {
    if policy::can_edit_panduan(&user.roles) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn audit_json(m: &panduan::Model) -> serde_json::Value {
    json!({
        "slug": m.slug, "peran": m.peran, "layar": layar_list(&m.layar), "urutan": m.urutan,
        "judul_id": m.judul_id, "judul_en": m.judul_en, "isi_id": m.isi_id, "isi_en": m.isi_en,
    })
}

/// Writes a new guide (the HR office; audited).
///
/// # Errors
/// `Forbidden` for others; `Invalid` on `slug` when missing or taken.
pub async fn buat(
    db: &DatabaseConnection,
    user: &AuthUser,
    req: TulisPanduan,
    meta: &RequestMeta,
) -> AppResult<Panduan> {
    penulis(user)?;
    let slug = req
        .slug
        .clone()
        .ok_or_else(|| AppError::field("slug", Pesan::WajibDiisi))?;
    let taken = panduan::Entity::find()
        .filter(panduan::Column::Slug.eq(&slug))
        .count(db)
        .await?
        > 0;
    if taken {
        return Err(AppError::field("slug", Pesan::SlugPanduanDipakai));
    }
    let now = clock::now();
    let txn = db.begin().await?;
    let m = panduan::ActiveModel {
        id: Set(Uuid::new_v4()),
        slug: Set(slug),
        peran: Set(req.peran.as_str().to_owned()),
        layar: Set(layar_stored(&req.layar)),
        judul_id: Set(req.judul_id.trim().to_owned()),
        judul_en: Set(req.judul_en.trim().to_owned()),
        isi_id: Set(req.isi_id.trim().to_owned()),
        isi_en: Set(req.isi_en.trim().to_owned()),
        urutan: Set(req.urutan),
        bawaan: Set(false),
        diubah_oleh: Set(Some(user.id)),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        // Two writers of one new slug at once: the second loses on the unique index.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::field("slug", Pesan::SlugPanduanDipakai)
        }
        _ => e.into(),
    })?;
    audit::record(
        &txn,
        AuditEntry::new("panduan.created", "panduan")
            .actor(user.id)
            .entity(m.id)
            .after(audit_json(&m)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto(user, m))
}

/// Changes a guide (the HR office; audited). The slug stays that of the path.
///
/// # Errors
/// `Conflict` on a stale `lock_version`; `Forbidden`, `NotFound`.
pub async fn ubah(
    db: &DatabaseConnection,
    user: &AuthUser,
    slug: &str,
    req: TulisPanduan,
    meta: &RequestMeta,
) -> AppResult<Panduan> {
    penulis(user)?;
    let sent = req
        .lock_version
        .ok_or_else(|| AppError::field("lock_version", Pesan::WajibDiisi))?;
    let before = by_slug(db, slug).await?;
    optimistic::check(before.lock_version, sent, WHAT)?;
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        panduan::ActiveModel {
            peran: Set(req.peran.as_str().to_owned()),
            layar: Set(layar_stored(&req.layar)),
            judul_id: Set(req.judul_id.trim().to_owned()),
            judul_en: Set(req.judul_en.trim().to_owned()),
            isi_id: Set(req.isi_id.trim().to_owned()),
            isi_en: Set(req.isi_en.trim().to_owned()),
            urutan: Set(req.urutan),
            diubah_oleh: Set(Some(user.id)),
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (panduan::Column::Id, before.id),
        panduan::Column::LockVersion,
        sent,
        WHAT,
    )
    .await?;
    let after = panduan::Entity::find_by_id(before.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound(WHAT))?;
    audit::record(
        &txn,
        AuditEntry::new("panduan.updated", "panduan")
            .actor(user.id)
            .entity(before.id)
            .before(audit_json(&before))
            .after(audit_json(&after)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto(user, after))
}

/// Deletes a guide the HR office wrote (audited); a built-in guide stays (409).
///
/// # Errors
/// `Conflict` on a stale `lock_version` or for a built-in guide; `Forbidden`, `NotFound`.
pub async fn hapus(
    db: &DatabaseConnection,
    user: &AuthUser,
    slug: &str,
    sent: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    penulis(user)?;
    let before = by_slug(db, slug).await?;
    if before.bawaan {
        return Err(AppError::conflict(Pesan::PanduanBawaanTetap));
    }
    optimistic::check(before.lock_version, sent, WHAT)?;
    let txn = db.begin().await?;
    let gone = panduan::Entity::delete_many()
        .filter(panduan::Column::Id.eq(before.id))
        .filter(panduan::Column::LockVersion.eq(sent))
        .exec(&txn)
        .await?;
    if gone.rows_affected != 1 {
        return Err(optimistic::conflict(WHAT));
    }
    audit::record(
        &txn,
        AuditEntry::new("panduan.deleted", "panduan")
            .actor(user.id)
            .entity(before.id)
            .before(audit_json(&before)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_round_trip() {
        let stored = layar_stored(&["skp".to_owned(), "realisasi".to_owned(), "skp".to_owned()]);
        assert_eq!(stored, ",skp,realisasi,");
        assert_eq!(layar_list(&stored), vec!["skp", "realisasi"]);
        assert_eq!(layar_stored(&[]), "");
        assert!(layar_list("").is_empty());
    }
}
