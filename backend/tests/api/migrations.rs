use crate::helpers::*;
use kinerja_migration::{Migrator, MigratorTrait};

async fn migrations_round_trip_up_down_up(db: Db) {
    let (_database, conn) = fresh_database(db).await;
    let applied = Migrator::get_applied_migrations(&conn).await.unwrap().len();
    assert_eq!(applied, Migrator::migrations().len());
    Migrator::down(&conn, None).await.unwrap();
    assert!(
        Migrator::get_applied_migrations(&conn)
            .await
            .unwrap()
            .is_empty()
    );
    Migrator::up(&conn, None).await.unwrap();
    assert_eq!(
        Migrator::get_pending_migrations(&conn).await.unwrap().len(),
        0
    );
}
db_test!(migrations_round_trip_up_down_up);
