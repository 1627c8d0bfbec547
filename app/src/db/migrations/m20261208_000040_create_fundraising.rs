use super::indexes::index;
use sea_orm_migration::{prelude::*, schema::*};

/// Fundraising: donation pages, donations (one-off and monthly, with the donor's details
/// and their permissibility check), the payments the provider confirmed, the provider's
/// webhook events already applied, groups' named treasurers, and the treasurer's log.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(FundPages::Table)
                .if_not_exists()
                .col(pk_auto(FundPages::Id))
                .col(string_len(FundPages::Slug, 60).unique_key())
                .col(integer_null(FundPages::GroupId))
                .col(string_len(FundPages::Title, 120))
                .col(text(FundPages::Story))
                .col(text(FundPages::StoryHtml))
                .col(big_integer(FundPages::TargetPence))
                .col(string_len(FundPages::Suggested, 100))
                .col(big_integer(FundPages::MaxPence))
                .col(boolean(FundPages::Open))
                .col(integer_null(FundPages::CreatedBy))
                .col(timestamp_with_time_zone(FundPages::CreatedAt))
                .to_owned(),
            Table::create()
                .table(FundDonations::Table)
                .if_not_exists()
                .col(pk_auto(FundDonations::Id))
                .col(integer(FundDonations::PageId))
                .col(integer_null(FundDonations::GroupId))
                .col(string_len(FundDonations::Frequency, 10))
                .col(big_integer(FundDonations::AmountPence))
                .col(string_len(FundDonations::DonorName, 100))
                .col(string_len(FundDonations::DonorEmail, 254))
                .col(string_len(FundDonations::DonorAddress, 300))
                .col(string_len(FundDonations::DonorPostcode, 10))
                .col(boolean(FundDonations::PermissibleConfirmed))
                .col(string_len(FundDonations::Status, 12))
                .col(string_len_null(FundDonations::CheckoutRef, 255).unique_key())
                .col(string_len_null(FundDonations::SubscriptionRef, 255))
                .col(string_len_null(FundDonations::ManageTokenHash, 64))
                .col(string_len(FundDonations::CheckState, 10))
                .col(timestamp_with_time_zone_null(FundDonations::CheckStartedAt))
                .col(string_len_null(FundDonations::CheckRegister, 200))
                .col(string_len_null(FundDonations::CheckReference, 200))
                .col(integer_null(FundDonations::CheckedBy))
                .col(timestamp_with_time_zone_null(FundDonations::CheckedAt))
                .col(integer(FundDonations::RemindersSent))
                .col(string_len_null(FundDonations::OfflineNote, 300))
                .col(timestamp_with_time_zone(FundDonations::CreatedAt))
                .to_owned(),
            Table::create()
                .table(FundPayments::Table)
                .if_not_exists()
                .col(pk_auto(FundPayments::Id))
                .col(integer(FundPayments::DonationId))
                .col(integer(FundPayments::PageId))
                .col(string_len(FundPayments::ProviderRef, 255).unique_key())
                .col(big_integer(FundPayments::AmountPence))
                .col(big_integer(FundPayments::RefundedPence))
                .col(timestamp_with_time_zone(FundPayments::PaidAt))
                .col(timestamp_with_time_zone(FundPayments::CreatedAt))
                .to_owned(),
            Table::create()
                .table(FundWebhookEvents::Table)
                .if_not_exists()
                .col(pk_auto(FundWebhookEvents::Id))
                .col(string_len(FundWebhookEvents::EventId, 255).unique_key())
                .col(string_len(FundWebhookEvents::Kind, 80))
                .col(timestamp_with_time_zone(FundWebhookEvents::CreatedAt))
                .to_owned(),
            Table::create()
                .table(FundTreasurers::Table)
                .if_not_exists()
                .col(pk_auto(FundTreasurers::Id))
                .col(integer(FundTreasurers::GroupId).unique_key())
                .col(integer(FundTreasurers::AccountId))
                .col(timestamp_with_time_zone(FundTreasurers::CreatedAt))
                .to_owned(),
            Table::create()
                .table(FundAudit::Table)
                .if_not_exists()
                .col(pk_auto(FundAudit::Id))
                .col(integer(FundAudit::ActorId))
                .col(integer_null(FundAudit::GroupId))
                .col(string_len(FundAudit::Action, 40))
                .col(text(FundAudit::Detail))
                .col(timestamp_with_time_zone(FundAudit::CreatedAt))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        index(
            manager,
            "ix_fund_payments_page",
            FundPayments::Table,
            &[FundPayments::PageId],
            false,
        )
        .await?;
        index(
            manager,
            "ix_fund_payments_donation",
            FundPayments::Table,
            &[FundPayments::DonationId],
            false,
        )
        .await?;
        index(
            manager,
            "ix_fund_donations_email",
            FundDonations::Table,
            &[FundDonations::DonorEmail],
            false,
        )
        .await?;
        index(
            manager,
            "ix_fund_donations_subscription",
            FundDonations::Table,
            &[FundDonations::SubscriptionRef],
            false,
        )
        .await?;
        index(
            manager,
            "ix_fund_donations_check",
            FundDonations::Table,
            &[FundDonations::CheckState],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            FundAudit::Table.into_iden(),
            FundTreasurers::Table.into_iden(),
            FundWebhookEvents::Table.into_iden(),
            FundPayments::Table.into_iden(),
            FundDonations::Table.into_iden(),
            FundPages::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum FundPages {
    Table,
    Id,
    Slug,
    GroupId,
    Title,
    Story,
    StoryHtml,
    TargetPence,
    Suggested,
    MaxPence,
    Open,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundDonations {
    Table,
    Id,
    PageId,
    GroupId,
    Frequency,
    AmountPence,
    DonorName,
    DonorEmail,
    DonorAddress,
    DonorPostcode,
    PermissibleConfirmed,
    Status,
    CheckoutRef,
    SubscriptionRef,
    ManageTokenHash,
    CheckState,
    CheckStartedAt,
    CheckRegister,
    CheckReference,
    CheckedBy,
    CheckedAt,
    RemindersSent,
    OfflineNote,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundPayments {
    Table,
    Id,
    DonationId,
    PageId,
    ProviderRef,
    AmountPence,
    RefundedPence,
    PaidAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundWebhookEvents {
    Table,
    Id,
    EventId,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundTreasurers {
    Table,
    Id,
    GroupId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundAudit {
    Table,
    Id,
    ActorId,
    GroupId,
    Action,
    Detail,
    CreatedAt,
}
