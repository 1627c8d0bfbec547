use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A guest's sign-up reads the newest sign-up under its email (the details already
        // stored, which a stranger's form must not change) inside the write transaction:
        // one index step, not a scan of every sign-up.
        manager
            .create_index(
                Index::create()
                    .name("ix_signups_email_id")
                    .table(Signups::Table)
                    .col(Signups::Email)
                    .col(Signups::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_signups_email_id")
                    .table(Signups::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    Email,
    Id,
}
