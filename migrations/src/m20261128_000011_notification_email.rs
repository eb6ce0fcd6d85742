//! E-mail copies of notifications: when each was sent (or skipped), so the mailer works the
//! notifications table as an outbox.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .add_column(timestamp_with_time_zone_null(
                        Notifications::EmailDiprosesAt,
                    ))
                    .to_owned(),
            )
            .await?;
        // Existing notifications are history, not mail to send.
        manager
            .exec_stmt(
                Query::update()
                    .table(Notifications::Table)
                    .value(
                        Notifications::EmailDiprosesAt,
                        Expr::col(Notifications::CreatedAt),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .drop_column(Notifications::EmailDiprosesAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    CreatedAt,
    EmailDiprosesAt,
}
