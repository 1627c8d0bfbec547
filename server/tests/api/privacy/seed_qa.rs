//! The subject's rows in the Q&A tables: a session they scheduled, their profile as a
//! politician and as someone's staffer, a session they moderate, a question they asked
//! (edited by a moderator) and another's question naming them, a vote, an answer they
//! wrote and a report they made.

use super::seed_everywhere::{insert, NAME};
use crate::support::TestApp;
use chrono::Utc;
use sea_orm::Value;

pub async fn seed_qa(app: &TestApp, me: i32, other: i32) {
    let now: Value = Utc::now().into();
    insert(
        app,
        "qa_sessions",
        vec![
            ("id", 9001.into()),
            ("group_id", Value::Int(None)),
            ("kind", "webchat".into()),
            ("title", "Ask the minister".into()),
            ("description", "".into()),
            ("askers", "party".into()),
            ("readers", "anyone".into()),
            ("questions_open_at", now.clone()),
            ("starts_at", now.clone()),
            ("ends_at", now.clone()),
            ("closed_at", Value::ChronoDateTimeUtc(None)),
            ("topics", "".into()),
            ("topic_cap", 0.into()),
            ("record_emailed_at", Value::ChronoDateTimeUtc(None)),
            ("created_by", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    for (id, person, name) in [(9001, me, "Subject MP"), (9002, other, "Other MP")] {
        insert(
            app,
            "qa_politicians",
            vec![
                ("id", id.into()),
                ("person_id", person.into()),
                ("public_name", name.into()),
                ("title", "MP for Somewhere".into()),
                ("created_at", now.clone()),
            ],
        )
        .await;
    }
    insert(
        app,
        "qa_staffers",
        vec![
            ("id", 9001.into()),
            ("politician_id", 9002.into()),
            ("person_id", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "qa_moderators",
        vec![
            ("id", 9001.into()),
            ("session_id", 9001.into()),
            ("person_id", me.into()),
        ],
    )
    .await;
    for (id, asker, body, original) in [
        (
            9001,
            me,
            "Will buses run later?",
            Some("Will the buses run later??"),
        ),
        (
            9002,
            other,
            &*format!("What does {NAME} think about buses?"),
            None,
        ),
    ] {
        insert(
            app,
            "qa_questions",
            vec![
                ("id", id.into()),
                ("session_id", 9001.into()),
                ("asker_id", asker.into()),
                ("body", body.into()),
                ("original_body", original.into()),
                ("topic", Value::String(None)),
                ("show_name", true.into()),
                ("asker_region", "A member in the North West".into()),
                ("status", "answered".into()),
                ("decline_reason", Value::String(None)),
                ("merged_into", Value::Int(None)),
                ("pick", false.into()),
                ("hidden", false.into()),
                ("votes", 1.into()),
                ("moderated_by", me.into()),
                ("asked_at", now.clone()),
                ("updated_at", now.clone()),
            ],
        )
        .await;
    }
    insert(
        app,
        "qa_votes",
        vec![
            ("id", 9001.into()),
            ("question_id", 9002.into()),
            ("person_id", me.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "qa_answers",
        vec![
            ("id", 9001.into()),
            ("question_id", 9002.into()),
            ("session_id", 9001.into()),
            ("politician_id", 9002.into()),
            ("written_by", me.into()),
            ("body", "Yes, from April.".into()),
            ("afterwards", false.into()),
            ("hidden", false.into()),
            ("created_at", now.clone()),
        ],
    )
    .await;
    insert(
        app,
        "qa_reports",
        vec![
            ("id", 9001.into()),
            ("session_id", 9001.into()),
            ("question_id", 9002.into()),
            ("answer_id", Value::Int(None)),
            ("reporter_id", me.into()),
            ("reason", "Names me".into()),
            ("created_at", now.clone()),
            ("resolved_at", Value::ChronoDateTimeUtc(None)),
        ],
    )
    .await;
}
