use sea_orm_migration::{prelude::*, schema::*};

/// The access log (who viewed whose details) and data requests (a member's download
/// link, a guest's emailed link to download or erase what is held under an address).
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AccessLog::Table)
                    .if_not_exists()
                    .col(pk_auto(AccessLog::Id))
                    .col(integer_null(AccessLog::ViewerId))
                    .col(string_len(AccessLog::ViewerRole, 200))
                    .col(string_len(AccessLog::What, 200))
                    .col(integer_null(AccessLog::SubjectId))
                    .col(string_len_null(AccessLog::SubjectEmail, 254))
                    .col(timestamp_with_time_zone(AccessLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_access_log_subject", AccessLog::SubjectId),
            ("ix_access_log_subject_email", AccessLog::SubjectEmail),
            ("ix_access_log_viewer", AccessLog::ViewerId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AccessLog::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DataRequests::Table)
                    .if_not_exists()
                    .col(pk_auto(DataRequests::Id))
                    .col(string_len(DataRequests::TokenHash, 64).unique_key())
                    .col(integer_null(DataRequests::PersonId))
                    .col(string_len_null(DataRequests::Email, 254))
                    .col(string_len(DataRequests::Purpose, 20))
                    .col(timestamp_with_time_zone(DataRequests::CreatedAt))
                    .col(timestamp_with_time_zone(DataRequests::ExpiresAt))
                    .col(timestamp_with_time_zone_null(DataRequests::UsedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DataRequests::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AccessLog::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum AccessLog {
    Table,
    Id,
    ViewerId,
    ViewerRole,
    What,
    SubjectId,
    SubjectEmail,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DataRequests {
    Table,
    Id,
    TokenHash,
    PersonId,
    Email,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}
