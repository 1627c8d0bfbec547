use sea_orm_migration::{prelude::*, schema::*};

use super::m20261126_000007_create_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Every event has one or more slots: one for a plain event, one per date for a
        // recurring event, one per shift. Sign-ups and capacity belong to slots.
        manager
            .create_table(
                Table::create()
                    .table(EventSlots::Table)
                    .if_not_exists()
                    .col(pk_auto(EventSlots::Id))
                    .col(integer(EventSlots::EventId))
                    .col(string_len_null(EventSlots::Label, 80))
                    .col(timestamp_with_time_zone(EventSlots::StartsAt))
                    .col(timestamp_with_time_zone(EventSlots::EndsAt))
                    .col(integer_null(EventSlots::Capacity))
                    // Confirmed sign-ups, changed only in the same transaction as them: the
                    // capacity guard is one conditional UPDATE of this column.
                    .col(integer(EventSlots::ConfirmedCount).default(0))
                    .col(timestamp_with_time_zone(EventSlots::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventSlots::Table, EventSlots::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_event_slots_event")
                    .table(EventSlots::Table)
                    .col(EventSlots::EventId)
                    .col(EventSlots::StartsAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EventSlots::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum EventSlots {
    Table,
    Id,
    EventId,
    Label,
    StartsAt,
    EndsAt,
    Capacity,
    ConfirmedCount,
    CreatedAt,
}
