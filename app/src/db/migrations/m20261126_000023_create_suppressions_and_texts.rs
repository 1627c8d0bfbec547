use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Emails from the Creators carry an HTML part as well as plain text.
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .add_column(text_null(OutboxEmails::Html))
                    .to_owned(),
            )
            .await?;
        // Addresses that bounced and numbers that are dead: skipped by every later send.
        manager
            .create_table(
                Table::create()
                    .table(Suppressions::Table)
                    .if_not_exists()
                    .col(pk_auto(Suppressions::Id))
                    .col(string_len(Suppressions::Channel, 8))
                    .col(string_len(Suppressions::Address, 254))
                    // bounced, dead
                    .col(string_len(Suppressions::Reason, 16))
                    .col(string_len_null(Suppressions::Detail, 300))
                    .col(timestamp_with_time_zone(Suppressions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_suppressions_address")
                    .table(Suppressions::Table)
                    .col(Suppressions::Channel)
                    .col(Suppressions::Address)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Texts that are not part of a message to an audience: STOP confirmations and
        // event reminders. Delivered like outbox_emails.
        manager
            .create_table(
                Table::create()
                    .table(OutboxTexts::Table)
                    .if_not_exists()
                    .col(pk_auto(OutboxTexts::Id))
                    .col(string_len(OutboxTexts::ToPhone, 20))
                    .col(string_len(OutboxTexts::Body, 1600))
                    .col(string_len(OutboxTexts::Status, 12))
                    .col(integer(OutboxTexts::Attempts).default(0))
                    .col(timestamp_with_time_zone(OutboxTexts::NextAttemptAt))
                    .col(string_len_null(OutboxTexts::LastError, 300))
                    .col(timestamp_with_time_zone(OutboxTexts::CreatedAt))
                    .col(timestamp_with_time_zone_null(OutboxTexts::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_texts_due")
                    .table(OutboxTexts::Table)
                    .col(OutboxTexts::Status)
                    .col(OutboxTexts::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        // Which reminder went to which sign-up: the unique key makes each go once.
        manager
            .create_table(
                Table::create()
                    .table(RemindersSent::Table)
                    .if_not_exists()
                    .col(pk_auto(RemindersSent::Id))
                    .col(integer(RemindersSent::SignupId))
                    // day-before, two-hours, thank-you
                    .col(string_len(RemindersSent::Kind, 16))
                    .col(timestamp_with_time_zone(RemindersSent::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_reminders_sent")
                    .table(RemindersSent::Table)
                    .col(RemindersSent::SignupId)
                    .col(RemindersSent::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RemindersSent::Table.into_iden(),
            OutboxTexts::Table.into_iden(),
            Suppressions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .drop_column(OutboxEmails::Html)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Html,
}

#[derive(DeriveIden)]
enum Suppressions {
    Table,
    Id,
    Channel,
    Address,
    Reason,
    Detail,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxTexts {
    Table,
    Id,
    ToPhone,
    Body,
    Status,
    Attempts,
    NextAttemptAt,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum RemindersSent {
    Table,
    Id,
    SignupId,
    Kind,
    CreatedAt,
}
