use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // When a host marked the person as there; empty until then.
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .add_column(timestamp_with_time_zone_null(Signups::CheckedInAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Signups::Table)
                    .drop_column(Signups::CheckedInAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    CheckedInAt,
}
