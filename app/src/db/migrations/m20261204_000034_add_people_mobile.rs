use sea_orm_migration::{prelude::*, schema::*};

/// A member's own mobile number, confirmed by a texted code (`mobile_confirmations`), so
/// texts about events can go to them and they can agree to them in one click.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            string_len_null(People::Mobile, 20),
            timestamp_with_time_zone_null(People::MobileConfirmedAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(People::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MobileConfirmations::Table)
                    .if_not_exists()
                    .col(pk_auto(MobileConfirmations::Id))
                    .col(integer(MobileConfirmations::PersonId))
                    .col(string_len(MobileConfirmations::Mobile, 20))
                    .col(string_len(MobileConfirmations::CodeHash, 64))
                    .col(integer(MobileConfirmations::WrongTries))
                    .col(timestamp_with_time_zone(MobileConfirmations::ExpiresAt))
                    .col(timestamp_with_time_zone(MobileConfirmations::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MobileConfirmations::Table, MobileConfirmations::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mobile_confirmations_person")
                    .table(MobileConfirmations::Table)
                    .col(MobileConfirmations::PersonId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MobileConfirmations::Table).to_owned())
            .await?;
        for column in [People::MobileConfirmedAt, People::Mobile] {
            manager
                .alter_table(
                    Table::alter()
                        .table(People::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum People {
    Table,
    Id,
    Mobile,
    MobileConfirmedAt,
}

/// One code waiting per person: asking again replaces it.
#[derive(DeriveIden)]
enum MobileConfirmations {
    Table,
    Id,
    PersonId,
    Mobile,
    CodeHash,
    WrongTries,
    ExpiresAt,
    CreatedAt,
}
