use super::indexes::index;
use sea_orm_migration::{prelude::*, schema::*};

/// Phonebanks: the campaigns, the contacts each will call (a snapshot of its audience,
/// leased to one caller at a time), the calls made, callers let in by link, numbers that
/// must never be called again (kept as one-way hashes), and the latest TPS screening.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Phonebanks::Table)
                    .if_not_exists()
                    .col(pk_auto(Phonebanks::Id))
                    .col(integer_null(Phonebanks::GroupId))
                    .col(string_len(Phonebanks::Name, 120))
                    .col(text(Phonebanks::Purpose))
                    .col(text(Phonebanks::Script))
                    .col(text(Phonebanks::Survey))
                    .col(string_len(Phonebanks::Audience, 20))
                    .col(integer(Phonebanks::AudienceMiles))
                    .col(string_len(Phonebanks::Callers, 20))
                    .col(string_len(Phonebanks::JoinToken, 64).unique_key())
                    .col(date(Phonebanks::OpensOn))
                    .col(date(Phonebanks::ClosesOn))
                    .col(integer(Phonebanks::DailyFrom))
                    .col(integer(Phonebanks::DailyUntil))
                    .col(string_len(Phonebanks::Status, 20))
                    .col(integer_null(Phonebanks::CreatedBy))
                    .col(timestamp_with_time_zone(Phonebanks::CreatedAt))
                    .col(timestamp_with_time_zone(Phonebanks::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PhonebankContacts::Table)
                    .if_not_exists()
                    .col(pk_auto(PhonebankContacts::Id))
                    .col(integer(PhonebankContacts::PhonebankId))
                    .col(integer_null(PhonebankContacts::PersonId))
                    .col(string_len(PhonebankContacts::Email, 254))
                    .col(string_len(PhonebankContacts::Name, 200))
                    .col(string_len(PhonebankContacts::Phone, 20))
                    .col(string_len(PhonebankContacts::Outward, 8))
                    .col(string_len(PhonebankContacts::Basis, 20))
                    .col(string_len(PhonebankContacts::State, 20))
                    .col(timestamp_with_time_zone(PhonebankContacts::AvailableAt))
                    .col(integer_null(PhonebankContacts::LeasedBy))
                    .col(integer(PhonebankContacts::LeaseSeq))
                    .col(integer(PhonebankContacts::Tries))
                    .col(integer_null(PhonebankContacts::CallbackFor))
                    .col(string_len_null(PhonebankContacts::LastOutcome, 30))
                    .col(timestamp_with_time_zone(PhonebankContacts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PhonebankContacts::Table, PhonebankContacts::PhonebankId)
                            .to(Phonebanks::Table, Phonebanks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_phonebank_contacts_email",
            PhonebankContacts::Table,
            &[PhonebankContacts::PhonebankId, PhonebankContacts::Email],
            true,
        )
        .await?;
        // Next call reads one row of this index: the longest-waiting contact up for grabs.
        index(
            manager,
            "ix_phonebank_contacts_queue",
            PhonebankContacts::Table,
            &[
                PhonebankContacts::PhonebankId,
                PhonebankContacts::State,
                PhonebankContacts::AvailableAt,
            ],
            false,
        )
        .await?;
        // A caller's own lease and call-backs are found by equality, never by scanning
        // the queue for them.
        index(
            manager,
            "ix_phonebank_contacts_leased_by",
            PhonebankContacts::Table,
            &[
                PhonebankContacts::LeasedBy,
                PhonebankContacts::PhonebankId,
                PhonebankContacts::State,
                PhonebankContacts::AvailableAt,
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_phonebank_contacts_callback_for",
            PhonebankContacts::Table,
            &[
                PhonebankContacts::CallbackFor,
                PhonebankContacts::PhonebankId,
                PhonebankContacts::State,
                PhonebankContacts::AvailableAt,
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_phonebank_contacts_phone",
            PhonebankContacts::Table,
            &[PhonebankContacts::Phone],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PhonebankCalls::Table)
                    .if_not_exists()
                    .col(pk_auto(PhonebankCalls::Id))
                    .col(integer(PhonebankCalls::PhonebankId))
                    .col(integer(PhonebankCalls::ContactId))
                    .col(integer_null(PhonebankCalls::CallerId))
                    .col(string_len(PhonebankCalls::CallKey, 64))
                    .col(string_len(PhonebankCalls::Outcome, 30))
                    .col(text(PhonebankCalls::Answers))
                    .col(text_null(PhonebankCalls::Note))
                    .col(timestamp_with_time_zone_null(PhonebankCalls::CallbackAt))
                    .col(integer_null(PhonebankCalls::CorrectedBy))
                    .col(timestamp_with_time_zone_null(PhonebankCalls::CorrectedAt))
                    .col(text_null(PhonebankCalls::Previous))
                    .col(timestamp_with_time_zone(PhonebankCalls::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PhonebankCalls::Table, PhonebankCalls::ContactId)
                            .to(PhonebankContacts::Table, PhonebankContacts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A call replayed from a phone that was offline is the same call.
        index(
            manager,
            "ux_phonebank_calls_key",
            PhonebankCalls::Table,
            &[PhonebankCalls::PhonebankId, PhonebankCalls::CallKey],
            true,
        )
        .await?;
        index(
            manager,
            "ix_phonebank_calls_caller",
            PhonebankCalls::Table,
            &[PhonebankCalls::CallerId, PhonebankCalls::CreatedAt],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PhonebankCallers::Table)
                    .if_not_exists()
                    .col(pk_auto(PhonebankCallers::Id))
                    .col(integer(PhonebankCallers::PhonebankId))
                    .col(integer(PhonebankCallers::PersonId))
                    .col(timestamp_with_time_zone_null(PhonebankCallers::GuideSeenAt))
                    .col(timestamp_with_time_zone(PhonebankCallers::LastSeenAt))
                    .col(timestamp_with_time_zone(PhonebankCallers::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_phonebank_callers",
            PhonebankCallers::Table,
            &[PhonebankCallers::PhonebankId, PhonebankCallers::PersonId],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DoNotCall::Table)
                    .if_not_exists()
                    .col(pk_auto(DoNotCall::Id))
                    .col(string_len(DoNotCall::PhoneHash, 80).unique_key())
                    .col(string_len(DoNotCall::Reason, 30))
                    .col(timestamp_with_time_zone(DoNotCall::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TpsScreenings::Table)
                    .if_not_exists()
                    .col(pk_auto(TpsScreenings::Id))
                    .col(date(TpsScreenings::ScreenedOn))
                    .col(integer(TpsScreenings::Numbers))
                    .col(integer_null(TpsScreenings::UploadedBy))
                    .col(timestamp_with_time_zone(TpsScreenings::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TpsNumbers::Table)
                    .if_not_exists()
                    .col(pk_auto(TpsNumbers::Id))
                    .col(string_len(TpsNumbers::Phone, 20))
                    .col(timestamp_with_time_zone(TpsNumbers::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_tps_numbers_phone",
            TpsNumbers::Table,
            &[TpsNumbers::Phone],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TpsNumbers::Table.into_iden(),
            TpsScreenings::Table.into_iden(),
            DoNotCall::Table.into_iden(),
            PhonebankCallers::Table.into_iden(),
            PhonebankCalls::Table.into_iden(),
            PhonebankContacts::Table.into_iden(),
            Phonebanks::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Phonebanks {
    Table,
    Id,
    GroupId,
    Name,
    Purpose,
    Script,
    Survey,
    Audience,
    AudienceMiles,
    Callers,
    JoinToken,
    OpensOn,
    ClosesOn,
    DailyFrom,
    DailyUntil,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PhonebankContacts {
    Table,
    Id,
    PhonebankId,
    PersonId,
    Email,
    Name,
    Phone,
    Outward,
    Basis,
    State,
    AvailableAt,
    LeasedBy,
    LeaseSeq,
    Tries,
    CallbackFor,
    LastOutcome,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PhonebankCalls {
    Table,
    Id,
    PhonebankId,
    ContactId,
    CallerId,
    CallKey,
    Outcome,
    Answers,
    Note,
    CallbackAt,
    CorrectedBy,
    CorrectedAt,
    Previous,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PhonebankCallers {
    Table,
    Id,
    PhonebankId,
    PersonId,
    GuideSeenAt,
    LastSeenAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DoNotCall {
    Table,
    Id,
    PhoneHash,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TpsScreenings {
    Table,
    Id,
    ScreenedOn,
    Numbers,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TpsNumbers {
    Table,
    Id,
    Phone,
    CreatedAt,
}
