use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // "Friends going" and suggestions read the confirmed slots of tens to thousands of
        // people: from this index alone, without visiting the sign-ups table.
        manager
            .create_index(
                Index::create()
                    .name("ix_signups_person_status_slot")
                    .table(Signups::Table)
                    .col(Signups::PersonId)
                    .col(Signups::Status)
                    .col(Signups::SlotId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_signups_person_status_slot")
                    .table(Signups::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    PersonId,
    Status,
    SlotId,
}
