//! The superiors of one employee, and the report of those without a PPKin.

use std::collections::HashMap;

use chrono::NaiveDate;
use kinerja_api::employees::{StatusPegawai, Superiors, UnresolvedSuperior};
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::superiors::Resolver;
use crate::entities::employees;
use crate::error::{AppError, AppResult};
use crate::organisation::service::employee_ref;

/// PPKin and Atasan PPKin of an employee on a date.
///
/// # Errors
/// `NotFound`.
pub async fn superiors(
    db: &impl ConnectionTrait,
    id: Uuid,
    date: NaiveDate,
) -> AppResult<Superiors> {
    let resolver = Resolver::around(db, date, [id]).await?;
    resolver.superiors(id).ok_or(AppError::NotFound("Pegawai"))
}

/// Employees in service without a resolvable PPKin, for the admin to fix, by name. Every
/// employee must be checked to count them, so the organisation is walked in slices of
/// [`UNRESOLVED_SLICE`] by name (keyset): memory stays that of one slice whatever the size.
///
/// # Errors
/// On a database failure.
pub async fn unresolved_superiors(
    db: &DatabaseConnection,
    date: NaiveDate,
    page: PageQuery,
) -> AppResult<Page<UnresolvedSuperior>> {
    let in_service = [
        StatusPegawai::Aktif,
        StatusPegawai::Cuti,
        StatusPegawai::TugasBelajar,
    ]
    .map(StatusPegawai::as_str);
    let skip = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let take = usize::try_from(page.per_page).unwrap_or(100);
    let (mut total, mut found) = (0usize, Vec::new());
    let mut after: Option<(String, Uuid)> = None;
    loop {
        let mut slice = employees::Entity::find()
            .select_only()
            .columns([employees::Column::Nama, employees::Column::Id])
            .filter(employees::Column::Status.is_in(in_service))
            .order_by_asc(employees::Column::Nama)
            .order_by_asc(employees::Column::Id)
            .limit(UNRESOLVED_SLICE);
        if let Some((nama, id)) = &after {
            slice = slice.filter(
                Condition::any()
                    .add(employees::Column::Nama.gt(nama.clone()))
                    .add(
                        Condition::all()
                            .add(employees::Column::Nama.eq(nama.clone()))
                            .add(employees::Column::Id.gt(*id)),
                    ),
            );
        }
        let ids: Vec<(String, Uuid)> = slice.into_tuple().all(db).await?;
        let Some(last) = ids.last().cloned() else {
            break;
        };
        let resolver = Resolver::ppkin_only(db, date, ids.iter().map(|(_, id)| *id)).await?;
        for (e, reason) in resolver.unresolved() {
            if total >= skip && found.len() < take {
                found.push((e.clone(), reason));
            }
            total += 1;
        }
        after = Some(last);
    }
    let units: HashMap<Uuid, String> =
        crate::organisation::tree::unit_names(db, found.iter().filter_map(|(e, _)| e.unit_id))
            .await?;
    let items = found
        .into_iter()
        .map(|(e, reason)| UnresolvedSuperior {
            unit: e.unit_id.and_then(|u| units.get(&u).cloned()),
            employee: employee_ref(&e, None),
            reason,
        })
        .collect();
    Ok(Page::new(items, page, total as u64))
}

/// Employees resolved at a time by [`unresolved_superiors`].
const UNRESOLVED_SLICE: u64 = 1000;
