use super::indexes::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The index this one replaces, and its columns.
const OLD: &str = "ix_signups_person_status_start";
const OLD_COLUMNS: [Signups; 4] = [
    Signups::PersonId,
    Signups::Status,
    Signups::StartsAt,
    Signups::EventId,
];
const NEW: &str = "ix_signups_person_status_start_created";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The home page reads a person's friends' upcoming places once, for suggestions
        // and for "your friends are going" (newest first): with the sign-up time in the
        // index too, that read stays in the index instead of visiting a thousand rows.
        let mut columns = OLD_COLUMNS.to_vec();
        columns.push(Signups::CreatedAt);
        index(manager, NEW, Signups::Table, &columns, false).await?;
        drop_index(manager, OLD).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        index(manager, OLD, Signups::Table, &OLD_COLUMNS, false).await?;
        drop_index(manager, NEW).await
    }
}

async fn drop_index(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table(Signups::Table).to_owned())
        .await
}

#[derive(DeriveIden, Clone, Copy)]
enum Signups {
    Table,
    PersonId,
    Status,
    StartsAt,
    EventId,
    CreatedAt,
}
