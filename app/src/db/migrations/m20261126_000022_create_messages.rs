use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // National templates staff write and groups copy.
        manager
            .create_table(
                Table::create()
                    .table(MessageTemplates::Table)
                    .if_not_exists()
                    .col(pk_auto(MessageTemplates::Id))
                    .col(string_len(MessageTemplates::Name, 120))
                    // email, sms
                    .col(string_len(MessageTemplates::Channel, 8))
                    .col(string_len(MessageTemplates::Subject, 200))
                    .col(text(MessageTemplates::Body))
                    .col(integer(MessageTemplates::CreatedBy))
                    .col(timestamp_with_time_zone(MessageTemplates::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // One email or text to an audience: a draft until sent.
        manager
            .create_table(
                Table::create()
                    .table(Messages::Table)
                    .if_not_exists()
                    .col(pk_auto(Messages::Id))
                    // None: a national message (staff only)
                    .col(integer_null(Messages::GroupId))
                    .col(string_len(Messages::Channel, 8))
                    .col(string_len(Messages::Subject, 200))
                    .col(text(Messages::Body))
                    // members, signups-upcoming, signups-past, area, national
                    .col(string_len(Messages::Audience, 24))
                    .col(integer_null(Messages::AudienceMiles))
                    .col(integer_null(Messages::EventId))
                    // draft, scheduled, queued, done, cancelled
                    .col(string_len(Messages::Status, 16))
                    .col(timestamp_with_time_zone_null(Messages::SendAt))
                    .col(boolean(Messages::QuietOverride).default(false))
                    .col(integer(Messages::RecipientCount).default(0))
                    .col(integer(Messages::CreatedBy))
                    .col(timestamp_with_time_zone(Messages::CreatedAt))
                    .col(timestamp_with_time_zone(Messages::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Messages::QueuedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_messages_group")
                    .table(Messages::Table)
                    .col(Messages::GroupId)
                    .col(Messages::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_messages_status_send_at")
                    .table(Messages::Table)
                    .col(Messages::Status)
                    .col(Messages::SendAt)
                    .to_owned(),
            )
            .await?;
        // One recipient of one message: the outbox row the workers claim. The unique
        // key means an audience built twice cannot queue anyone twice.
        manager
            .create_table(
                Table::create()
                    .table(MessageDeliveries::Table)
                    .if_not_exists()
                    .col(pk_auto(MessageDeliveries::Id))
                    .col(integer(MessageDeliveries::MessageId))
                    .col(string_len(MessageDeliveries::Email, 254))
                    .col(string_len_null(MessageDeliveries::Phone, 20))
                    .col(integer_null(MessageDeliveries::PersonId))
                    .col(string_len(MessageDeliveries::Name, 200))
                    // pending, sending, sent, logged, failed, skipped
                    .col(string_len(MessageDeliveries::Status, 12))
                    .col(integer(MessageDeliveries::Attempts).default(0))
                    .col(timestamp_with_time_zone(MessageDeliveries::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(MessageDeliveries::ClaimedAt))
                    .col(string_len_null(MessageDeliveries::LastError, 300))
                    .col(timestamp_with_time_zone_null(MessageDeliveries::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MessageDeliveries::Table, MessageDeliveries::MessageId)
                            .to(Messages::Table, Messages::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_message_deliveries_recipient")
                    .table(MessageDeliveries::Table)
                    .col(MessageDeliveries::MessageId)
                    .col(MessageDeliveries::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_message_deliveries_due")
                    .table(MessageDeliveries::Table)
                    .col(MessageDeliveries::Status)
                    .col(MessageDeliveries::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MessageDeliveries::Table.into_iden(),
            Messages::Table.into_iden(),
            MessageTemplates::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum MessageTemplates {
    Table,
    Id,
    Name,
    Channel,
    Subject,
    Body,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    GroupId,
    Channel,
    Subject,
    Body,
    Audience,
    AudienceMiles,
    EventId,
    Status,
    SendAt,
    QuietOverride,
    RecipientCount,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    QueuedAt,
}

#[derive(DeriveIden)]
enum MessageDeliveries {
    Table,
    Id,
    MessageId,
    Email,
    Phone,
    PersonId,
    Name,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedAt,
    LastError,
    SentAt,
}
