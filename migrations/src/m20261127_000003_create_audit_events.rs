use sea_orm_migration::{
    prelude::*,
    schema::*,
    sea_orm::{ConnectionTrait, DbBackend},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(pk_uuid(AuditEvents::Id))
                    // The unique sequence makes a forked chain impossible even under concurrency.
                    .col(big_integer_uniq(AuditEvents::Seq))
                    .col(timestamp_with_time_zone(AuditEvents::OccurredAt))
                    // No foreign key: the trail must outlive the accounts it mentions.
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(string_len(AuditEvents::Action, 100))
                    .col(string_len(AuditEvents::EntityType, 100))
                    .col(string_len_null(AuditEvents::EntityId, 100))
                    .col(json_binary_null(AuditEvents::Before))
                    .col(json_binary_null(AuditEvents::After))
                    .col(string_len_null(AuditEvents::RequestId, 100))
                    .col(text_null(AuditEvents::Reason))
                    .col(string_len_null(AuditEvents::Ip, 64))
                    .col(string_len(AuditEvents::PrevHash, 64))
                    .col(string_len(AuditEvents::Hash, 64))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_audit_events_entity",
                &[AuditEvents::EntityType, AuditEvents::EntityId][..],
            ),
            ("ix_audit_events_action", &[AuditEvents::Action][..]),
            ("ix_audit_events_actor", &[AuditEvents::ActorId][..]),
            ("ix_audit_events_time", &[AuditEvents::OccurredAt][..]),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditEvents::Table);
            for col in cols {
                index.col(col.clone());
            }
            manager.create_index(index.to_owned()).await?;
        }
        // Append-only at the database level too: updates and deletes are refused.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$; \
                     CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events \
                     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events \
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END; \
                     CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events \
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditEvents::Table).to_owned())
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS audit_events_append_only();")
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum AuditEvents {
    Table,
    Id,
    Seq,
    OccurredAt,
    ActorId,
    Action,
    EntityType,
    EntityId,
    Before,
    After,
    RequestId,
    Reason,
    Ip,
    PrevHash,
    Hash,
}
