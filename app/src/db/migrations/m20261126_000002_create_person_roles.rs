use sea_orm_migration::{prelude::*, schema::*};

use super::m20261126_000001_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PersonRoles::Table)
                    .if_not_exists()
                    .col(pk_auto(PersonRoles::Id))
                    .col(integer(PersonRoles::PersonId))
                    .col(string_len(PersonRoles::Role, 32))
                    .col(timestamp_with_time_zone(PersonRoles::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PersonRoles::Table, PersonRoles::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_person_roles_person_role")
                    .table(PersonRoles::Table)
                    .col(PersonRoles::PersonId)
                    .col(PersonRoles::Role)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PersonRoles::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum PersonRoles {
    Table,
    Id,
    PersonId,
    Role,
    CreatedAt,
}
