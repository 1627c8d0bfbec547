use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The consent ledger: append-only. Each row is one choice, with the exact words the
        // person was shown; the latest row per contact, channel and scope is in force.
        manager
            .create_table(
                Table::create()
                    .table(ConsentRecords::Table)
                    .if_not_exists()
                    .col(pk_auto(ConsentRecords::Id))
                    .col(string_len(ConsentRecords::Email, 254))
                    .col(integer_null(ConsentRecords::PersonId))
                    // email, sms, phone
                    .col(string_len(ConsentRecords::Channel, 8))
                    // "party", or "group:<id>" once groups exist
                    .col(string_len(ConsentRecords::Scope, 40))
                    .col(boolean(ConsentRecords::Granted))
                    .col(text(ConsentRecords::Wording))
                    // where it was given, e.g. "event-signup:12"
                    .col(string_len(ConsentRecords::Source, 80))
                    .col(timestamp_with_time_zone(ConsentRecords::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consent_records_contact")
                    .table(ConsentRecords::Table)
                    .col(ConsentRecords::Email)
                    .col(ConsentRecords::Channel)
                    .col(ConsentRecords::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConsentRecords::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ConsentRecords {
    Table,
    Id,
    Email,
    PersonId,
    Channel,
    Scope,
    Granted,
    Wording,
    Source,
    CreatedAt,
}
