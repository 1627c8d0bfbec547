use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInAttempts::Table)
                    .if_not_exists()
                    .col(pk_auto(SignInAttempts::Id))
                    // "account:<email>" or "address:<ip>": failures are counted per key.
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
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SignInAttempts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    Key,
    CreatedAt,
}
