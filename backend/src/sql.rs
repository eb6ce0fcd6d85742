//! Hand-written statements that run unchanged on SQLite and PostgreSQL: where a recursive CTE
//! or an aggregate says in one statement what the query builder would need several for.

use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use uuid::Uuid;

/// A statement with numbered placeholders (`$n` on PostgreSQL, `?n` on SQLite, both reusable).
pub struct Sql {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Sql {
    pub fn new(db: &impl ConnectionTrait) -> Self {
        Self {
            backend: db.get_database_backend(),
            values: Vec::new(),
        }
    }

    /// The placeholder of `v`, bound as the next value.
    pub fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        let n = self.values.len();
        match self.backend {
            DbBackend::Postgres => format!("${n}"),
            _ => format!("?{n}"),
        }
    }

    /// `{col} IN (…)` of `values`, or a condition that is never true when there are none.
    pub fn is_in<V: Into<Value>>(
        &mut self,
        col: &str,
        values: impl IntoIterator<Item = V>,
    ) -> String {
        let marks: Vec<String> = values.into_iter().map(|v| self.bind(v)).collect();
        if marks.is_empty() {
            "1 = 0".to_owned()
        } else {
            format!("{col} IN ({})", marks.join(", "))
        }
    }

    /// ` AND {col} IN (…)` for a viewer limited to some units, nothing for all.
    pub fn units(&mut self, col: &str, units: Option<&[Uuid]>) -> String {
        match units {
            None => String::new(),
            Some(ids) => format!(" AND {}", self.is_in(col, ids.iter().copied())),
        }
    }

    pub fn stmt(&self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_either_backend() {
        let mut sql = Sql {
            backend: DbBackend::Postgres,
            values: Vec::new(),
        };
        assert_eq!(sql.bind(1), "$1");
        assert_eq!(sql.is_in("x", [2, 3]), "x IN ($2, $3)");
        assert_eq!(sql.is_in("x", Vec::<i32>::new()), "1 = 0");
        let mut lite = Sql {
            backend: DbBackend::Sqlite,
            values: Vec::new(),
        };
        assert_eq!(lite.bind("a"), "?1");
        assert_eq!(lite.units("u", Some(&[])), " AND 1 = 0");
        assert_eq!(lite.units("u", None), "");
    }
}
