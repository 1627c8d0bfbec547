use sea_orm_migration::{prelude::*, schema::*};

/// When a person proved they own their account's address (issue 18): until then the
/// account is trusted with nothing that belongs to the address (its guest sign-ups, its
/// consent). Existing accounts stay unconfirmed and confirm from their profile page.
/// The emailed links that confirm it come with it, kept like password resets: the SHA-256
/// of the token, used once.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .add_column(timestamp_with_time_zone_null(People::EmailConfirmedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailConfirmations::Table)
                    .if_not_exists()
                    .col(pk_auto(EmailConfirmations::Id))
                    .col(integer(EmailConfirmations::PersonId))
                    .col(string_len_uniq(EmailConfirmations::TokenHash, 64))
                    .col(timestamp_with_time_zone(EmailConfirmations::CreatedAt))
                    .col(timestamp_with_time_zone(EmailConfirmations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailConfirmations::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailConfirmations::Table, EmailConfirmations::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EmailConfirmations::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .drop_column(People::EmailConfirmedAt)
                    .to_owned(),
            )
            .await
    }
}

/// The people table, and its column added here.
#[derive(DeriveIden)]
enum People {
    Table,
    Id,
    EmailConfirmedAt,
}

#[derive(DeriveIden)]
enum EmailConfirmations {
    Table,
    Id,
    PersonId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}
