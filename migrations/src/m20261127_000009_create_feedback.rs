//! Continuous feedback (umpan balik berkelanjutan) from the PPKin, with the employee's replies.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Feedback::Table)
                    .col(pk_uuid(Feedback::Id))
                    .col(uuid(Feedback::SkpId))
                    .col(integer(Feedback::PeriodeKe))
                    .col(uuid_null(Feedback::RhkId))
                    .col(uuid_null(Feedback::IkiId))
                    .col(string_len_null(Feedback::NilaiKode, 40))
                    .col(uuid_null(Feedback::ParentId))
                    .col(uuid(Feedback::AuthorEmployeeId))
                    .col(text(Feedback::Teks))
                    .col(string_len_null(Feedback::Tag, 10))
                    .col(timestamp_with_time_zone(Feedback::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_skp")
                            .from(Feedback::Table, Feedback::SkpId)
                            .to(Skps::Table, Skps::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_parent")
                            .from(Feedback::Table, Feedback::ParentId)
                            .to(Feedback::Table, Feedback::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_feedback_skp")
                    .table(Feedback::Table)
                    .col(Feedback::SkpId)
                    .col(Feedback::PeriodeKe)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Feedback::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Feedback {
    Table,
    Id,
    SkpId,
    PeriodeKe,
    RhkId,
    IkiId,
    NilaiKode,
    ParentId,
    AuthorEmployeeId,
    Teks,
    Tag,
    CreatedAt,
}
