use super::indexes::index;
use sea_orm_migration::{prelude::*, schema::*};

/// Q&A: politicians and their staffers, sessions with their politicians and moderators,
/// questions, votes (one per member per question), answers and reports.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(QaPoliticians::Table)
                .if_not_exists()
                .col(pk_auto(QaPoliticians::Id))
                .col(integer(QaPoliticians::PersonId).unique_key())
                .col(string_len(QaPoliticians::PublicName, 120))
                .col(string_len(QaPoliticians::Title, 200))
                .col(timestamp_with_time_zone(QaPoliticians::CreatedAt))
                .to_owned(),
            Table::create()
                .table(QaStaffers::Table)
                .if_not_exists()
                .col(pk_auto(QaStaffers::Id))
                .col(integer(QaStaffers::PoliticianId))
                .col(integer(QaStaffers::PersonId))
                .col(timestamp_with_time_zone(QaStaffers::CreatedAt))
                .to_owned(),
            Table::create()
                .table(QaSessions::Table)
                .if_not_exists()
                .col(pk_auto(QaSessions::Id))
                .col(integer_null(QaSessions::GroupId))
                .col(string_len(QaSessions::Kind, 20))
                .col(string_len(QaSessions::Title, 160))
                .col(text(QaSessions::Description))
                .col(string_len(QaSessions::Askers, 20))
                .col(string_len(QaSessions::Readers, 20))
                .col(timestamp_with_time_zone(QaSessions::QuestionsOpenAt))
                .col(timestamp_with_time_zone(QaSessions::StartsAt))
                .col(timestamp_with_time_zone(QaSessions::EndsAt))
                .col(timestamp_with_time_zone_null(QaSessions::ClosedAt))
                .col(text(QaSessions::Topics))
                .col(integer(QaSessions::TopicCap))
                .col(timestamp_with_time_zone_null(QaSessions::RecordEmailedAt))
                .col(integer_null(QaSessions::CreatedBy))
                .col(timestamp_with_time_zone(QaSessions::CreatedAt))
                .to_owned(),
            Table::create()
                .table(QaSessionPoliticians::Table)
                .if_not_exists()
                .col(pk_auto(QaSessionPoliticians::Id))
                .col(integer(QaSessionPoliticians::SessionId))
                .col(integer(QaSessionPoliticians::PoliticianId))
                .to_owned(),
            Table::create()
                .table(QaModerators::Table)
                .if_not_exists()
                .col(pk_auto(QaModerators::Id))
                .col(integer(QaModerators::SessionId))
                .col(integer(QaModerators::PersonId))
                .to_owned(),
            Table::create()
                .table(QaQuestions::Table)
                .if_not_exists()
                .col(pk_auto(QaQuestions::Id))
                .col(integer(QaQuestions::SessionId))
                .col(integer_null(QaQuestions::AskerId))
                .col(text(QaQuestions::Body))
                .col(text_null(QaQuestions::OriginalBody))
                .col(string_len_null(QaQuestions::Topic, 60))
                .col(boolean(QaQuestions::ShowName))
                .col(string_len(QaQuestions::AskerRegion, 40))
                .col(string_len(QaQuestions::Status, 20))
                .col(string_len_null(QaQuestions::DeclineReason, 20))
                .col(integer_null(QaQuestions::MergedInto))
                .col(boolean(QaQuestions::Pick))
                .col(boolean(QaQuestions::Hidden))
                .col(integer(QaQuestions::Votes))
                .col(integer_null(QaQuestions::ModeratedBy))
                .col(timestamp_with_time_zone(QaQuestions::AskedAt))
                .col(timestamp_with_time_zone(QaQuestions::UpdatedAt))
                .to_owned(),
            Table::create()
                .table(QaVotes::Table)
                .if_not_exists()
                .col(pk_auto(QaVotes::Id))
                .col(integer(QaVotes::QuestionId))
                .col(integer(QaVotes::PersonId))
                .col(timestamp_with_time_zone(QaVotes::CreatedAt))
                .to_owned(),
            Table::create()
                .table(QaAnswers::Table)
                .if_not_exists()
                .col(pk_auto(QaAnswers::Id))
                .col(integer(QaAnswers::QuestionId))
                .col(integer(QaAnswers::SessionId))
                .col(integer(QaAnswers::PoliticianId))
                .col(integer_null(QaAnswers::WrittenBy))
                .col(text(QaAnswers::Body))
                .col(boolean(QaAnswers::Afterwards))
                .col(boolean(QaAnswers::Hidden))
                .col(timestamp_with_time_zone(QaAnswers::CreatedAt))
                .to_owned(),
            Table::create()
                .table(QaReports::Table)
                .if_not_exists()
                .col(pk_auto(QaReports::Id))
                .col(integer(QaReports::SessionId))
                .col(integer_null(QaReports::QuestionId))
                .col(integer_null(QaReports::AnswerId))
                .col(integer_null(QaReports::ReporterId))
                .col(text(QaReports::Reason))
                .col(timestamp_with_time_zone(QaReports::CreatedAt))
                .col(timestamp_with_time_zone_null(QaReports::ResolvedAt))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        index(
            manager,
            "ux_qa_staffers",
            QaStaffers::Table,
            &[QaStaffers::PoliticianId, QaStaffers::PersonId],
            true,
        )
        .await?;
        index(
            manager,
            "ix_qa_staffers_person",
            QaStaffers::Table,
            &[QaStaffers::PersonId],
            false,
        )
        .await?;
        index(
            manager,
            "ux_qa_session_politicians",
            QaSessionPoliticians::Table,
            &[
                QaSessionPoliticians::SessionId,
                QaSessionPoliticians::PoliticianId,
            ],
            true,
        )
        .await?;
        index(
            manager,
            "ux_qa_moderators",
            QaModerators::Table,
            &[QaModerators::SessionId, QaModerators::PersonId],
            true,
        )
        .await?;
        index(
            manager,
            "ix_qa_sessions_ends",
            QaSessions::Table,
            &[QaSessions::EndsAt],
            false,
        )
        .await?;
        index(
            manager,
            "ix_qa_sessions_group",
            QaSessions::Table,
            &[QaSessions::GroupId],
            false,
        )
        .await?;
        index(
            manager,
            "ix_qa_questions_session",
            QaQuestions::Table,
            &[QaQuestions::SessionId, QaQuestions::Status],
            false,
        )
        .await?;
        index(
            manager,
            "ix_qa_questions_asker",
            QaQuestions::Table,
            &[QaQuestions::AskerId],
            false,
        )
        .await?;
        // The rule "one vote per member per question" is this index.
        index(
            manager,
            "ux_qa_votes",
            QaVotes::Table,
            &[QaVotes::QuestionId, QaVotes::PersonId],
            true,
        )
        .await?;
        index(
            manager,
            "ix_qa_votes_person",
            QaVotes::Table,
            &[QaVotes::PersonId],
            false,
        )
        .await?;
        index(
            manager,
            "ix_qa_answers_session",
            QaAnswers::Table,
            &[QaAnswers::SessionId],
            false,
        )
        .await?;
        index(
            manager,
            "ix_qa_reports_session",
            QaReports::Table,
            &[QaReports::SessionId],
            false,
        )
        .await?;
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum QaPoliticians {
    Table,
    Id,
    PersonId,
    PublicName,
    Title,
    CreatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaStaffers {
    Table,
    Id,
    PoliticianId,
    PersonId,
    CreatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaSessions {
    Table,
    Id,
    GroupId,
    Kind,
    Title,
    Description,
    Askers,
    Readers,
    QuestionsOpenAt,
    StartsAt,
    EndsAt,
    ClosedAt,
    Topics,
    TopicCap,
    RecordEmailedAt,
    CreatedBy,
    CreatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaSessionPoliticians {
    Table,
    Id,
    SessionId,
    PoliticianId,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaModerators {
    Table,
    Id,
    SessionId,
    PersonId,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaQuestions {
    Table,
    Id,
    SessionId,
    AskerId,
    Body,
    OriginalBody,
    Topic,
    ShowName,
    AskerRegion,
    Status,
    DeclineReason,
    MergedInto,
    Pick,
    Hidden,
    Votes,
    ModeratedBy,
    AskedAt,
    UpdatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaVotes {
    Table,
    Id,
    QuestionId,
    PersonId,
    CreatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaAnswers {
    Table,
    Id,
    QuestionId,
    SessionId,
    PoliticianId,
    WrittenBy,
    Body,
    Afterwards,
    Hidden,
    CreatedAt,
}
#[derive(DeriveIden, Clone, Copy)]
enum QaReports {
    Table,
    Id,
    SessionId,
    QuestionId,
    AnswerId,
    ReporterId,
    Reason,
    CreatedAt,
    ResolvedAt,
}
