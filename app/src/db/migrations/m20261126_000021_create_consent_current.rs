use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The number an SMS consent was given for, so a STOP from it finds the consent.
        manager
            .alter_table(
                Table::alter()
                    .table(ConsentRecords::Table)
                    .add_column(string_len_null(ConsentRecords::Phone, 20))
                    .to_owned(),
            )
            .await?;
        // The choice in force per contact, channel and scope: the ledger's newest row,
        // kept in the same transaction as each append so audiences are plain joins.
        manager
            .create_table(
                Table::create()
                    .table(ConsentCurrent::Table)
                    .if_not_exists()
                    .col(pk_auto(ConsentCurrent::Id))
                    .col(string_len(ConsentCurrent::Email, 254))
                    .col(string_len(ConsentCurrent::Channel, 8))
                    .col(string_len(ConsentCurrent::Scope, 40))
                    .col(boolean(ConsentCurrent::Granted))
                    .col(integer_null(ConsentCurrent::PersonId))
                    .col(string_len_null(ConsentCurrent::Phone, 20))
                    .col(timestamp_with_time_zone(ConsentCurrent::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_consent_current_contact")
                    .table(ConsentCurrent::Table)
                    .col(ConsentCurrent::Email)
                    .col(ConsentCurrent::Channel)
                    .col(ConsentCurrent::Scope)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consent_current_phone")
                    .table(ConsentCurrent::Table)
                    .col(ConsentCurrent::Phone)
                    .to_owned(),
            )
            .await?;
        let newest_ids = Query::select()
            .expr(Expr::col(ConsentRecords::Id).max())
            .from(ConsentRecords::Table)
            .group_by_columns([
                ConsentRecords::Email,
                ConsentRecords::Channel,
                ConsentRecords::Scope,
            ])
            .to_owned();
        let newest = Query::select()
            .columns([
                ConsentRecords::Email,
                ConsentRecords::Channel,
                ConsentRecords::Scope,
                ConsentRecords::Granted,
                ConsentRecords::PersonId,
                ConsentRecords::CreatedAt,
            ])
            .from(ConsentRecords::Table)
            .and_where(Expr::col(ConsentRecords::Id).in_subquery(newest_ids))
            .to_owned();
        let backfill = Query::insert()
            .into_table(ConsentCurrent::Table)
            .columns([
                ConsentCurrent::Email,
                ConsentCurrent::Channel,
                ConsentCurrent::Scope,
                ConsentCurrent::Granted,
                ConsentCurrent::PersonId,
                ConsentCurrent::UpdatedAt,
            ])
            .select_from(newest)
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConsentCurrent::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ConsentRecords::Table)
                    .drop_column(ConsentRecords::Phone)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum ConsentRecords {
    Table,
    Id,
    Email,
    PersonId,
    Channel,
    Scope,
    Granted,
    Phone,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConsentCurrent {
    Table,
    Id,
    Email,
    Channel,
    Scope,
    Granted,
    PersonId,
    Phone,
    UpdatedAt,
}
