use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Consent a public form asked for, waiting for the address to confirm it (double
        // opt-in): the SHA-256 of the emailed link's token, used once, then the choice is
        // appended to the ledger and put in force.
        manager
            .create_table(
                Table::create()
                    .table(ConsentConfirmations::Table)
                    .if_not_exists()
                    .col(pk_auto(ConsentConfirmations::Id))
                    .col(string_len_uniq(ConsentConfirmations::TokenHash, 64))
                    .col(string_len(ConsentConfirmations::Email, 254))
                    .col(integer_null(ConsentConfirmations::PersonId))
                    .col(string_len(ConsentConfirmations::Channel, 8))
                    .col(string_len(ConsentConfirmations::Scope, 40))
                    .col(text(ConsentConfirmations::Wording))
                    .col(string_len(ConsentConfirmations::Source, 80))
                    .col(string_len_null(ConsentConfirmations::Phone, 20))
                    .col(timestamp_with_time_zone(ConsentConfirmations::CreatedAt))
                    .col(timestamp_with_time_zone(ConsentConfirmations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(
                        ConsentConfirmations::ConfirmedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        // Erasing a person deletes their requests by email.
        manager
            .create_index(
                Index::create()
                    .name("ix_consent_confirmations_email")
                    .table(ConsentConfirmations::Table)
                    .col(ConsentConfirmations::Email)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConsentConfirmations::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ConsentConfirmations {
    Table,
    Id,
    TokenHash,
    Email,
    PersonId,
    Channel,
    Scope,
    Wording,
    Source,
    Phone,
    CreatedAt,
    ExpiresAt,
    ConfirmedAt,
}
