use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A co-host runs the event (sees its attendees, emails them) only once they have
        // accepted: nobody is made to front an event they never agreed to.
        manager
            .alter_table(
                Table::alter()
                    .table(EventCohosts::Table)
                    .add_column(timestamp_with_time_zone_null(EventCohosts::AcceptedAt))
                    .to_owned(),
            )
            .await?;
        // Co-hosts from before the rule keep running their events.
        let accept_existing = Query::update()
            .table(EventCohosts::Table)
            .value(EventCohosts::AcceptedAt, Expr::col(EventCohosts::CreatedAt))
            .to_owned();
        manager.get_connection().execute(&accept_existing).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventCohosts::Table)
                    .drop_column(EventCohosts::AcceptedAt)
                    .to_owned(),
            )
            .await
    }
}

/// The co-hosts table, and its column added here.
#[derive(DeriveIden)]
enum EventCohosts {
    Table,
    CreatedAt,
    AcceptedAt,
}
