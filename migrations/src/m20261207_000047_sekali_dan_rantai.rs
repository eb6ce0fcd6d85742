//! Several servers (issue #21, docs/replicas.md):
//!
//! - **The e-mail outbox is claimed.** `notifications.email_klaim_oleh`/`email_klaim_sampai`:
//!   the server that sends a notification's e-mail first claims it with a lease, so two servers
//!   never mail it twice, and a server killed mid-run leaves it to the next once the lease ends.
//! - **The audit trail is one chain per instansi.** `audit_events.rantai` names the chain (the
//!   instansi's id, or `sistem` for events of no instansi) and `rantai_seq` the event's place in
//!   it; `audit_rantai` holds each chain's head (last `rantai_seq` and hash), whose row lock is
//!   what a writer of that chain waits on, so writers of different instansi never wait on each
//!   other. Events written before this migration keep `rantai` NULL: they are the legacy chain,
//!   verified as before by the global `seq`, and its head is recorded here (`lama`) so that a
//!   removed tail is noticed. No existing row is changed (the table is append-only).
//! - On PostgreSQL the global `seq` (the order of the listing) comes from a sequence, so taking
//!   one does not serialise writers either.

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
        // SQLite alters one column per statement.
        for col in [
            uuid_null(Notifications::EmailKlaimOleh),
            timestamp_with_time_zone_null(Notifications::EmailKlaimSampai),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Notifications::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_email_pending")
                    .table(Notifications::Table)
                    .col(Notifications::EmailDiprosesAt)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await?;
        for col in [
            string_len_null(AuditEvents::Rantai, 40),
            big_integer_null(AuditEvents::RantaiSeq),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AuditEvents::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        // Legacy rows have NULLs, which a unique index lets repeat.
        manager
            .create_index(
                Index::create()
                    .name("ux_audit_events_rantai_seq")
                    .table(AuditEvents::Table)
                    .col(AuditEvents::Rantai)
                    .col(AuditEvents::RantaiSeq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditRantai::Table)
                    .col(string_len(AuditRantai::Rantai, 40).primary_key())
                    .col(big_integer(AuditRantai::Seq))
                    .col(string_len(AuditRantai::Hash, 64))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO audit_rantai (rantai, seq, hash) \
             SELECT 'lama', seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
        )
        .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "CREATE SEQUENCE audit_events_seq_global; \
                 SELECT setval('audit_events_seq_global', \
                   COALESCE((SELECT MAX(seq) FROM audit_events), 0) + 1, false);",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP SEQUENCE IF EXISTS audit_events_seq_global")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(AuditRantai::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ux_audit_events_rantai_seq")
                    .table(AuditEvents::Table)
                    .to_owned(),
            )
            .await?;
        for col in [AuditEvents::RantaiSeq, AuditEvents::Rantai] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AuditEvents::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("ix_notifications_email_pending")
                    .table(Notifications::Table)
                    .to_owned(),
            )
            .await?;
        for col in [
            Notifications::EmailKlaimSampai,
            Notifications::EmailKlaimOleh,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Notifications::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    CreatedAt,
    EmailDiprosesAt,
    /// The server (a random id per process) that claimed the e-mail.
    EmailKlaimOleh,
    /// Until when the claim holds; past it another server may take the e-mail.
    EmailKlaimSampai,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    /// The chain: the instansi's id, `sistem`, or NULL for the legacy chain.
    Rantai,
    /// 1, 2, … within the chain.
    RantaiSeq,
}

#[derive(DeriveIden)]
enum AuditRantai {
    Table,
    Rantai,
    /// The last event's `rantai_seq` (the global `seq` for the legacy chain).
    Seq,
    /// The last event's hash.
    Hash,
}
