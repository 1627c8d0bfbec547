use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A walk-in the host typed in: the address was never given by its owner, so the
        // hosts' messages to attendees leave it out (no site may mail a list it typed in).
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .add_column(boolean(Signups::AddedByHost).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .drop_column(Signups::AddedByHost)
                    .to_owned(),
            )
            .await
    }
}

/// The sign-ups table, and its column added here.
#[derive(DeriveIden)]
enum Signups {
    Table,
    AddedByHost,
}
