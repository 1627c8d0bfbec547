use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // When a worker took the email. An email still "sending" long after that was held
        // by a worker that died mid-send, and is due again.
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .add_column(timestamp_with_time_zone_null(OutboxEmails::ClaimedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .drop_column(OutboxEmails::ClaimedAt)
                    .to_owned(),
            )
            .await
    }
}

/// The table of migration 6, and its column added here.
#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    ClaimedAt,
}
