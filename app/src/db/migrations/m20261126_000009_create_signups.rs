use sea_orm_migration::{prelude::*, schema::*};

use super::{
    m20261126_000001_create_people::People, m20261126_000008_create_event_slots::EventSlots,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Signups::Table)
                    .if_not_exists()
                    .col(pk_auto(Signups::Id))
                    .col(integer(Signups::SlotId))
                    // Set for people with accounts; guests have only the contact details.
                    .col(integer_null(Signups::PersonId))
                    .col(string_len(Signups::Name, 100))
                    .col(string_len(Signups::Email, 254))
                    .col(string_len_null(Signups::Phone, 20))
                    .col(string_len_null(Signups::Postcode, 8))
                    // confirmed, waitlisted, cancelled
                    .col(string_len(Signups::Status, 16))
                    .col(string_len_uniq(Signups::CancelTokenHash, 64))
                    .col(timestamp_with_time_zone(Signups::CreatedAt))
                    .col(timestamp_with_time_zone(Signups::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Signups::Table, Signups::SlotId)
                            .to(EventSlots::Table, EventSlots::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Signups::Table, Signups::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One sign-up per email per slot: signing up again updates the row.
        manager
            .create_index(
                Index::create()
                    .name("ux_signups_slot_email")
                    .table(Signups::Table)
                    .col(Signups::SlotId)
                    .col(Signups::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_signups_person")
                    .table(Signups::Table)
                    .col(Signups::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_signups_slot_status")
                    .table(Signups::Table)
                    .col(Signups::SlotId)
                    .col(Signups::Status)
                    .col(Signups::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Signups::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    Id,
    SlotId,
    PersonId,
    Name,
    Email,
    Phone,
    Postcode,
    Status,
    CancelTokenHash,
    CreatedAt,
    UpdatedAt,
}
