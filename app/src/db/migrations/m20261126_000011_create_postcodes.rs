use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Postcodes::Table)
                    .if_not_exists()
                    .col(pk_auto(Postcodes::Id))
                    .col(string_len_uniq(Postcodes::Postcode, 8))
                    .col(double(Postcodes::Latitude))
                    .col(double(Postcodes::Longitude))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Postcodes::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Postcodes {
    Table,
    Id,
    Postcode,
    Latitude,
    Longitude,
}
