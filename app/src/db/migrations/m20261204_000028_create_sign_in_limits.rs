use sea_orm_migration::{prelude::*, schema::*};

/// Replaces `sign_in_attempts` (a row per failure, per account and per address) with
/// `sign_in_limits`: one counter row per key, counted with an upsert before the password
/// is checked. The old rows are only minutes of failures, so they are not carried over.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInLimits::Table)
                    .if_not_exists()
                    // "pair:<email>|<address>", "address:<address>" or "account:<email>".
                    .col(string_len(SignInLimits::Key, 400).primary_key())
                    .col(integer(SignInLimits::Failures))
                    .col(timestamp_with_time_zone(SignInLimits::WindowStartedAt))
                    .col(timestamp_with_time_zone_null(SignInLimits::LastAttemptAt))
                    .col(timestamp_with_time_zone_null(SignInLimits::LastAllowedAt))
                    .col(timestamp_with_time_zone_null(SignInLimits::SignedInAt))
                    .to_owned(),
            )
            .await?;
        // Lapsed counts are deleted by the time of their last attempt.
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_limits_last_attempt")
                    .table(SignInLimits::Table)
                    .col(SignInLimits::LastAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(SignInAttempts::Table)
                    .if_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInAttempts::Table)
                    .if_not_exists()
                    .col(pk_auto(SignInAttempts::Id))
                    .col(string_len(SignInAttempts::Key, 300))
                    .col(timestamp_with_time_zone(SignInAttempts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_attempts_key_time")
                    .table(SignInAttempts::Table)
                    .col(SignInAttempts::Key)
                    .col(SignInAttempts::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(SignInLimits::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SignInLimits {
    Table,
    Key,
    Failures,
    WindowStartedAt,
    LastAttemptAt,
    LastAllowedAt,
    SignedInAt,
}

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    Key,
    CreatedAt,
}
