use sea_orm_migration::{prelude::*, schema::*};

use super::{m20261126_000001_create_people::People, m20261126_000007_create_events::Events};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Settings staff change while the site runs, like "events need approval".
        manager
            .create_table(
                Table::create()
                    .table(SiteSettings::Table)
                    .if_not_exists()
                    .col(string_len(SiteSettings::Name, 64).primary_key())
                    .col(string_len(SiteSettings::Value, 200))
                    .col(timestamp_with_time_zone(SiteSettings::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // Co-hosts run an event with its host: the dashboard, check-in and messages.
        manager
            .create_table(
                Table::create()
                    .table(EventCohosts::Table)
                    .if_not_exists()
                    .col(integer(EventCohosts::EventId))
                    .col(integer(EventCohosts::PersonId))
                    .col(timestamp_with_time_zone(EventCohosts::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(EventCohosts::EventId)
                            .col(EventCohosts::PersonId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventCohosts::Table, EventCohosts::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventCohosts::Table, EventCohosts::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_event_cohosts_person")
                    .table(EventCohosts::Table)
                    .col(EventCohosts::PersonId)
                    .to_owned(),
            )
            .await?;
        // Who shared the link a sign-up came through ("brought by").
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .add_column(integer_null(Signups::ReferrerId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_signups_referrer")
                    .table(Signups::Table)
                    .col(Signups::ReferrerId)
                    .to_owned(),
            )
            .await?;
        // The secret in a person's calendar feed address; empty until they ask for one.
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .add_column(string_len_null(PeopleFeed::CalendarToken, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_people_calendar_token")
                    .table(People::Table)
                    .col(PeopleFeed::CalendarToken)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_people_calendar_token")
                    .table(People::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .drop_column(PeopleFeed::CalendarToken)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_signups_referrer")
                    .table(Signups::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .drop_column(Signups::ReferrerId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(EventCohosts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SiteSettings::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum EventCohosts {
    Table,
    EventId,
    PersonId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    ReferrerId,
}

#[derive(DeriveIden)]
enum PeopleFeed {
    CalendarToken,
}

#[derive(DeriveIden)]
enum SiteSettings {
    Table,
    Name,
    Value,
    UpdatedAt,
}
