use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboxEmails::Table)
                    .if_not_exists()
                    .col(pk_auto(OutboxEmails::Id))
                    .col(string_len(OutboxEmails::ToEmail, 254))
                    .col(string_len(OutboxEmails::Subject, 200))
                    .col(text(OutboxEmails::Body))
                    // pending → sending → sent | logged (no SMTP configured) | failed
                    .col(string_len(OutboxEmails::Status, 16))
                    .col(integer(OutboxEmails::Attempts).default(0))
                    .col(text_null(OutboxEmails::LastError))
                    .col(timestamp_with_time_zone(OutboxEmails::CreatedAt))
                    .col(timestamp_with_time_zone_null(OutboxEmails::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_emails_status")
                    .table(OutboxEmails::Table)
                    .col(OutboxEmails::Status)
                    .col(OutboxEmails::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OutboxEmails::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Id,
    ToEmail,
    Subject,
    Body,
    Status,
    Attempts,
    LastError,
    CreatedAt,
    SentAt,
}
