//! The unit tree in memory. Units number in the hundreds per instansi, so subtree questions
//! are answered from one query instead of recursive SQL that differs between databases.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement, Value};
use uuid::Uuid;

use crate::entities::units;
use crate::error::AppResult;

pub struct UnitIndex {
    pub units: HashMap<Uuid, units::Model>,
    children: HashMap<Uuid, Vec<Uuid>>,
}

impl UnitIndex {
    /// Loads every unit (of one instansi, when given).
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load(db: &impl ConnectionTrait, instansi: Option<Uuid>) -> AppResult<Self> {
        let mut select = units::Entity::find();
        if let Some(id) = instansi {
            select = select.filter(units::Column::InstansiId.eq(id));
        }
        Ok(Self::new(select.all(db).await?))
    }

    pub fn new(list: Vec<units::Model>) -> Self {
        let mut children: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for unit in &list {
            if let Some(parent) = unit.parent_id {
                children.entry(parent).or_default().push(unit.id);
            }
        }
        let units = list.into_iter().map(|u| (u.id, u)).collect();
        Self { units, children }
    }

    pub fn children_of(&self, id: Uuid) -> &[Uuid] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    /// `root` and every unit below it.
    pub fn subtree(&self, root: Uuid) -> HashSet<Uuid> {
        let mut seen = HashSet::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if seen.insert(id) {
                stack.extend_from_slice(self.children_of(id));
            }
        }
        seen
    }

    pub fn name(&self, id: Uuid) -> Option<&str> {
        self.units.get(&id).map(|u| u.nama.as_str())
    }
}

/// The names of the units `ids`, in one query.
///
/// # Errors
/// On a database failure.
pub async fn unit_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> AppResult<std::collections::HashMap<Uuid, String>> {
    Ok(units::Entity::find()
        .filter(units::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect())
}

/// `root` and every unit below it, in one recursive query: the cost follows the subtree, not
/// the instansi.
///
/// # Errors
/// On a database failure.
pub async fn subtree(db: &impl ConnectionTrait, root: Uuid) -> AppResult<HashSet<Uuid>> {
    Ok(walk(db, root, WALK_DOWN).await?.into_iter().collect())
}

/// `unit` and the units above it, nearest first, in one recursive query.
///
/// # Errors
/// On a database failure.
pub async fn ancestors(db: &impl ConnectionTrait, unit: Uuid) -> AppResult<Vec<Uuid>> {
    walk(db, unit, WALK_UP).await
}

/// The same SQL on SQLite and PostgreSQL; `UNION` stops on a cycle, the depth orders the walk.
const WALK_DOWN: &str = "WITH RECURSIVE w(id, d) AS (SELECT id, 0 FROM units WHERE id = {mark} \
     UNION SELECT u.id, w.d + 1 FROM units u JOIN w ON u.parent_id = w.id WHERE w.d < 64) \
     SELECT id FROM w ORDER BY d";
const WALK_UP: &str = "WITH RECURSIVE w(id, d) AS (SELECT id, 0 FROM units WHERE id = {mark} \
     UNION SELECT u.parent_id, w.d + 1 FROM units u JOIN w ON u.id = w.id \
     WHERE u.parent_id IS NOT NULL AND w.d < 64) \
     SELECT id FROM w ORDER BY d";

async fn walk(db: &impl ConnectionTrait, from: Uuid, sql: &str) -> AppResult<Vec<Uuid>> {
    let backend = db.get_database_backend();
    let mark = match backend {
        sea_orm::DbBackend::Postgres => "$1",
        _ => "?",
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql.replace("{mark}", mark),
            [Value::from(from)],
        ))
        .await?;
    let mut seen = HashSet::new();
    rows.iter()
        .map(|r| r.try_get_by_index::<Uuid>(0).map_err(Into::into))
        .filter(|id| id.as_ref().map_or(true, |id| seen.insert(*id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Utc};

    fn unit(id: u128, parent: Option<u128>) -> units::Model {
        units::Model {
            id: Uuid::from_u128(id),
            instansi_id: Uuid::nil(),
            parent_id: parent.map(Uuid::from_u128),
            kind: "seksi".into(),
            nama: format!("u{id}"),
            kode: None,
            alamat: None,
            aktif: true,
            berlaku_mulai: NaiveDate::MIN,
            berlaku_sampai: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            lock_version: 1,
        }
    }

    #[test]
    fn subtrees_include_every_descendant_and_nothing_else() {
        let index = UnitIndex::new(vec![
            unit(1, None),
            unit(2, Some(1)),
            unit(3, Some(2)),
            unit(4, Some(1)),
            unit(5, None),
        ]);
        let ids = |v: &[u128]| {
            v.iter()
                .map(|i| Uuid::from_u128(*i))
                .collect::<HashSet<_>>()
        };
        assert_eq!(index.subtree(Uuid::from_u128(1)), ids(&[1, 2, 3, 4]));
        assert_eq!(index.subtree(Uuid::from_u128(2)), ids(&[2, 3]));
        assert_eq!(index.subtree(Uuid::from_u128(5)), ids(&[5]));
    }
}
