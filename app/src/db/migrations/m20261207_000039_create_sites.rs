use super::indexes::index;
use sea_orm_migration::{prelude::*, schema::*};

/// The Web Creator: groups' sites, their pages (draft and published revision), the
/// revisions, "stay in touch" details, and widget form tokens already used.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(SiteSites::Table)
                .if_not_exists()
                .col(pk_auto(SiteSites::Id))
                .col(integer(SiteSites::GroupId).unique_key())
                .col(string_len(SiteSites::PromoterName, 120))
                .col(string_len(SiteSites::PromoterAddress, 300))
                .col(string_len(SiteSites::Accent, 20))
                .col(timestamp_with_time_zone(SiteSites::CreatedAt))
                .col(timestamp_with_time_zone(SiteSites::UpdatedAt))
                .to_owned(),
            Table::create()
                .table(SitePages::Table)
                .if_not_exists()
                .col(pk_auto(SitePages::Id))
                .col(integer(SitePages::SiteId))
                .col(string_len(SitePages::Slug, 60))
                .col(string_len(SitePages::Title, 120))
                .col(string_len(SitePages::Description, 300))
                .col(text(SitePages::Draft))
                .col(integer(SitePages::DraftVersion))
                .col(integer_null(SitePages::PublishedRevisionId))
                .col(boolean(SitePages::UnpublishedChanges))
                .col(timestamp_with_time_zone(SitePages::CreatedAt))
                .to_owned(),
            Table::create()
                .table(SiteRevisions::Table)
                .if_not_exists()
                .col(pk_auto(SiteRevisions::Id))
                .col(integer(SiteRevisions::PageId))
                .col(string_len(SiteRevisions::Title, 120))
                .col(string_len(SiteRevisions::Description, 300))
                .col(text(SiteRevisions::Blocks))
                .col(integer_null(SiteRevisions::PublishedBy))
                .col(timestamp_with_time_zone(SiteRevisions::CreatedAt))
                .to_owned(),
            Table::create()
                .table(SiteJoins::Table)
                .if_not_exists()
                .col(pk_auto(SiteJoins::Id))
                .col(integer(SiteJoins::GroupId))
                .col(string_len(SiteJoins::Name, 100))
                .col(string_len(SiteJoins::Email, 254))
                .col(string_len_null(SiteJoins::Postcode, 10))
                .col(string_len_null(SiteJoins::Phone, 20))
                .col(timestamp_with_time_zone(SiteJoins::CreatedAt))
                .to_owned(),
            Table::create()
                .table(SiteFormUses::Table)
                .if_not_exists()
                .col(pk_auto(SiteFormUses::Id))
                .col(string_len(SiteFormUses::Nonce, 64).unique_key())
                .col(timestamp_with_time_zone(SiteFormUses::CreatedAt))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        index(
            manager,
            "ux_site_pages",
            SitePages::Table,
            &[SitePages::SiteId, SitePages::Slug],
            true,
        )
        .await?;
        index(
            manager,
            "ix_site_revisions_page",
            SiteRevisions::Table,
            &[SiteRevisions::PageId],
            false,
        )
        .await?;
        // One row per group and address: the rule, not a check before the write.
        index(
            manager,
            "ux_site_joins",
            SiteJoins::Table,
            &[SiteJoins::GroupId, SiteJoins::Email],
            true,
        )
        .await?;
        index(
            manager,
            "ix_site_joins_email",
            SiteJoins::Table,
            &[SiteJoins::Email],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SiteFormUses::Table.into_iden(),
            SiteJoins::Table.into_iden(),
            SiteRevisions::Table.into_iden(),
            SitePages::Table.into_iden(),
            SiteSites::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum SiteSites {
    Table,
    Id,
    GroupId,
    PromoterName,
    PromoterAddress,
    Accent,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SitePages {
    Table,
    Id,
    SiteId,
    Slug,
    Title,
    Description,
    Draft,
    DraftVersion,
    PublishedRevisionId,
    UnpublishedChanges,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SiteRevisions {
    Table,
    Id,
    PageId,
    Title,
    Description,
    Blocks,
    PublishedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SiteJoins {
    Table,
    Id,
    GroupId,
    Name,
    Email,
    Postcode,
    Phone,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SiteFormUses {
    Table,
    Id,
    Nonce,
    CreatedAt,
}
