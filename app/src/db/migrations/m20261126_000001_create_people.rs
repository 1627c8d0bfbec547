use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(People::Table)
                    .if_not_exists()
                    .col(pk_auto(People::Id))
                    .col(string_len(People::Name, 100))
                    .col(string_len_uniq(People::Email, 254))
                    .col(string(People::PasswordHash))
                    .col(string_len_null(People::Postcode, 8))
                    .col(timestamp_with_time_zone(People::CreatedAt))
                    .col(timestamp_with_time_zone(People::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(People::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum People {
    Table,
    Id,
    Name,
    Email,
    PasswordHash,
    Postcode,
    CreatedAt,
    UpdatedAt,
}
