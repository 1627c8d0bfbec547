use sea_orm_migration::{prelude::*, schema::*};

use super::m20261126_000007_create_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The group an event is run on behalf of. No foreign key: SQLite cannot add one to
        // an existing table; the groups service checks the group when the event is made.
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .add_column(integer_null(EventGroups::GroupId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_events_group")
                    .table(Events::Table)
                    .col(EventGroups::GroupId)
                    .col(Events::StartsAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_events_group")
                    .table(Events::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .drop_column(EventGroups::GroupId)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EventGroups {
    GroupId,
}
