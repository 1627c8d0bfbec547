//! What each page shows: the session (live, or its record once closed), the moderation
//! queue and the politician's desk. Only approved and answered questions reach anyone but
//! their asker and the moderators; declined ones appear in the record by their reason only.

use crate::format::{format_time_range, format_when};
use crate::{
    auth::service::directory::names_of,
    error::AppResult,
    groups::service::lookups::group_ref,
    qa::{
        entity::{moderator, question},
        model::{
            rank_by_votes, AnswerDesk, ModerationView, Phase, QuestionStatus, QuestionView, Ranked,
            SessionView,
        },
        policy::{QaAction, Standing},
        service::{
            access::Access,
            answers::answers_to,
            politicians::{answerer_for, politician_views, session_politician_ids},
            questions::phase_of,
            record::{imprint, structured_data},
            reports::open_reports,
            sessions::topics_of,
            votes::voted_for,
        },
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Every question of a session, in the order asked.
async fn questions_of(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> AppResult<Vec<question::Model>> {
    Ok(question::Entity::find()
        .filter(question::Column::SessionId.eq(session_id))
        .order_by_asc(question::Column::Id)
        .all(db)
        .await?)
}

/// The questions as `viewer` sees them. `all` is the whole session (for merge counts).
async fn views_of(
    db: &impl ConnectionTrait,
    chosen: &[&question::Model],
    all: &[question::Model],
    viewer: Option<i32>,
    sees_hidden: bool,
) -> AppResult<Vec<QuestionView>> {
    let ids: Vec<i32> = chosen.iter().map(|q| q.id).collect();
    let mut answers: HashMap<i32, Vec<_>> = HashMap::new();
    for a in answers_to(db, ids.clone()).await? {
        if sees_hidden || !a.hidden {
            answers.entry(a.question_id).or_default().push(a);
        }
    }
    let voted = match viewer {
        Some(person) => voted_for(db, person, ids).await?,
        None => Default::default(),
    };
    // How many questions were merged into each, counted once for the whole session.
    let mut merged: HashMap<i32, i32> = HashMap::new();
    for into in all.iter().filter_map(|m| m.merged_into) {
        *merged.entry(into).or_default() += 1;
    }
    let names = names_of(
        db,
        chosen
            .iter()
            .filter(|q| q.show_name)
            .filter_map(|q| q.asker_id),
    )
    .await?;
    Ok(chosen
        .iter()
        .map(|q| QuestionView {
            id: q.id,
            body: if q.status == QuestionStatus::Declined && !sees_hidden && q.asker_id != viewer {
                String::new()
            } else {
                q.body.clone()
            },
            topic: q.topic.clone(),
            asker: q
                .asker_id
                .filter(|_| q.show_name)
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| q.asker_region.clone()),
            votes: q.votes,
            status: q.status,
            edited: q.original_body.is_some(),
            merged_in: merged.get(&q.id).copied().unwrap_or(0),
            merged_into: q.merged_into,
            declined: q.decline_reason.map(|r| r.label().to_string()),
            pick: q.pick,
            hidden: q.hidden,
            mine: viewer.is_some() && q.asker_id == viewer,
            voted: voted.contains(&q.id),
            asked_at: format_when(q.asked_at),
            answers: answers.get(&q.id).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The approved questions waiting for an answer, in "most votes" order under the cap.
fn ranked(all: &[question::Model], cap: i32) -> Vec<&question::Model> {
    let waiting: Vec<&question::Model> = all
        .iter()
        .filter(|q| q.status == QuestionStatus::Approved && !q.hidden)
        .collect();
    let order = rank_by_votes(
        waiting
            .iter()
            .map(|q| Ranked {
                id: q.id,
                votes: q.votes,
                seq: q.id as i64,
                topic: q.topic.clone(),
            })
            .collect(),
        cap.max(0) as usize,
    );
    let by_id: HashMap<i32, &question::Model> = waiting.iter().map(|q| (q.id, *q)).collect();
    order
        .into_iter()
        .filter_map(|id| by_id.get(&id).copied())
        .collect()
}

/// The session page for `access`'s viewer at `now`; `watching` as the live hub counts.
pub async fn session_view(
    db: &impl ConnectionTrait,
    access: &Access,
    public_url: &str,
    now: DateTime<Utc>,
    watching: i64,
) -> AppResult<SessionView> {
    let s = &access.session;
    let phase = phase_of(s, now);
    let viewer = access.person.as_ref().map(|p| p.id);
    let staff = access.standing == Standing::Staff;
    let all = questions_of(db, s.id).await?;
    let group = match s.group_id {
        Some(id) => group_ref(db, id).await?,
        None => None,
    };
    let whose = group
        .as_ref()
        .map_or_else(|| "National".to_string(), |g| g.name.clone());
    let politicians = politician_views(db, session_politician_ids(db, s.id).await?).await?;
    let mine: Vec<&question::Model> = all
        .iter()
        .filter(|q| viewer.is_some() && q.asker_id == viewer)
        .collect();
    let shown = |q: &&question::Model| q.status.is_public() && (!q.hidden || staff);
    let top = ranked(&all, s.topic_cap);
    let picks: Vec<&question::Model> = all.iter().filter(|q| q.pick).filter(shown).collect();
    let mut answered: Vec<&question::Model> = all
        .iter()
        .filter(|q| q.status == QuestionStatus::Answered)
        .filter(shown)
        .collect();
    answered.sort_by_key(|q| std::cmp::Reverse(q.updated_at));
    let record: Vec<&question::Model> = if phase == Phase::Closed {
        all.iter()
            .filter(|q| {
                q.status != QuestionStatus::Withdrawn && q.status != QuestionStatus::Pending
            })
            .filter(|q| !q.hidden || staff)
            .collect()
    } else {
        Vec::new()
    };
    let cannot_ask = match (access.standing, phase) {
        (Standing::Anonymous, _) => Some("Sign in to ask a question and vote.".to_string()),
        (_, Phase::Upcoming) => Some(format!(
            "Questions open {}.",
            format_when(s.questions_open_at)
        )),
        (_, Phase::Closed) => Some("This session has closed.".to_string()),
        (Standing::Asker, _) => None,
        (Standing::Reader, _) => Some(format!("{} may ask in this session.", s.askers.label())),
        _ => Some("You are running this session, so you do not ask or vote in it.".to_string()),
    };
    // The four public lists overlap: their questions are read once (answers, the viewer's
    // votes, names), then each list takes its own from them.
    let mut seen = std::collections::HashSet::new();
    let listed: Vec<&question::Model> = top
        .iter()
        .chain(&picks)
        .chain(&answered)
        .chain(&record)
        .copied()
        .filter(|q| seen.insert(q.id))
        .collect();
    let shown_views: HashMap<i32, QuestionView> = views_of(db, &listed, &all, viewer, staff)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let mut view = SessionView {
        id: s.id,
        title: s.title.clone(),
        description: s.description.clone(),
        kind: s.kind,
        phase,
        whose: whose.clone(),
        group_slug: group.map(|g| g.slug),
        politicians,
        askers: s.askers,
        questions_open: format_when(s.questions_open_at),
        when: format_time_range(s.starts_at, s.ends_at),
        topics: topics_of(&s.topics),
        topic_cap: s.topic_cap,
        signed_in: viewer.is_some(),
        cannot_ask,
        can_moderate: access.may(QaAction::Moderate),
        can_answer: access.may(QaAction::Answer),
        can_host: access.may(QaAction::Manage),
        mine: views_of(db, &mine, &all, viewer, true).await?,
        top: in_order(&top, &shown_views),
        picks: in_order(&picks, &shown_views),
        answered: in_order(&answered, &shown_views),
        record: in_order(&record, &shown_views),
        watching,
        imprint: imprint(&whose),
        json_ld: None,
    };
    if phase == Phase::Closed {
        view.json_ld = Some(structured_data(&view, &format!("{public_url}/qa/{}", s.id)));
    }
    Ok(view)
}

/// `list`'s questions, as read into `views`.
fn in_order(list: &[&question::Model], views: &HashMap<i32, QuestionView>) -> Vec<QuestionView> {
    list.iter()
        .filter_map(|q| views.get(&q.id).cloned())
        .collect()
}

/// The moderation queue.
pub async fn moderation_view(
    db: &impl ConnectionTrait,
    access: &Access,
    now: DateTime<Utc>,
) -> AppResult<ModerationView> {
    let s = &access.session;
    let all = questions_of(db, s.id).await?;
    let pending: Vec<&question::Model> = all
        .iter()
        .filter(|q| q.status == QuestionStatus::Pending)
        .collect();
    let approved: Vec<&question::Model> = all.iter().filter(|q| q.status.is_public()).collect();
    let moderator_ids: Vec<i32> = moderator::Entity::find()
        .filter(moderator::Column::SessionId.eq(s.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.person_id)
        .collect();
    let mut moderators: Vec<String> = names_of(db, moderator_ids).await?.into_values().collect();
    moderators.sort();
    Ok(ModerationView {
        id: s.id,
        title: s.title.clone(),
        phase: phase_of(s, now),
        pending: views_of(db, &pending, &all, None, true).await?,
        approved: views_of(db, &approved, &all, None, true).await?,
        reports: open_reports(db, s.id).await?,
        moderators,
        can_host: access.may(QaAction::Manage),
        topic_cap: s.topic_cap,
    })
}

/// The politician's desk: the approved queue in "most votes" order, moderators' picks
/// first, and what has been answered.
pub async fn answer_desk(
    db: &impl ConnectionTrait,
    access: &Access,
    now: DateTime<Utc>,
    watching: i64,
) -> AppResult<AnswerDesk> {
    let s = &access.session;
    let all = questions_of(db, s.id).await?;
    let mut queue = ranked(&all, s.topic_cap);
    queue.sort_by_key(|q| !q.pick);
    let mut answered: Vec<&question::Model> = all
        .iter()
        .filter(|q| q.status == QuestionStatus::Answered)
        .collect();
    answered.sort_by_key(|q| std::cmp::Reverse(q.updated_at));
    let person = access.person()?.id;
    let as_whom = politician_views(
        db,
        answerer_for(db, s.id, person).await?.unwrap_or_default(),
    )
    .await?;
    Ok(AnswerDesk {
        id: s.id,
        title: s.title.clone(),
        phase: phase_of(s, now),
        queue: views_of(db, &queue, &all, None, false).await?,
        answered: views_of(db, &answered, &all, None, false).await?,
        as_whom,
        watching,
    })
}
