//! Gathers candidate events for one person and ranks them (`model::rank`), and for the
//! home page their friends' latest sign-ups from the same read of the friends' places.

use crate::{
    auth::model::PersonView,
    error::AppResult,
    events::service::{
        friends_going::{close_friends_at, friends_activity, read_friends_places},
        suggestion_sources::{LeadingSlots, OwnSignUps, Viewer},
    },
    people::service::going::list_sharing_friends,
    places::{model::Coordinates, service::lookup::locate_postcode},
    suggest::model::{rank, Candidate, ForYouView, SuggestionView, SuggestionsView},
    validate::PostcodeUk,
};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DbBackend};
use std::collections::HashMap;

/// The person's suggestions, best first.
pub async fn get_suggestions(
    db: &impl ConnectionTrait,
    person: &PersonView,
    limit: usize,
) -> AppResult<SuggestionsView> {
    Ok(get_for_you(db, person, limit, 0).await?.suggestions)
}

/// The person's `limit` best suggestions and their friends' `activity` latest sign-ups to
/// upcoming events (none read when 0): the friends and their places are read once for both.
pub async fn get_for_you(
    db: &impl ConnectionTrait,
    person: &PersonView,
    limit: usize,
    activity: usize,
) -> AppResult<ForYouView> {
    let person_id = person.id;
    let viewer = Viewer {
        person_id,
        home: home_of(db, person.postcode.as_deref()).await?,
        now: Utc::now(),
    };
    // The friends' events and the rest do not depend on each other. On PostgreSQL every
    // query is a round trip to another process, so the two overlap on two pooled
    // connections; the friends' events take longest, so the close friends (needed only to
    // weigh them) are found on the other side. On SQLite overlapping was slower (tried in
    // session 5: 20-28 ms against 12-13 ms), so there they run one after the other.
    let friends_side = async {
        let friends = list_sharing_friends(db, person_id).await?;
        if friends.is_empty() {
            return AppResult::Ok((friends, Vec::new(), Vec::new()));
        }
        let places = read_friends_places(db, person_id, viewer.now).await?;
        let events = viewer.friends_events(db, &places).await?;
        let activity = friends_activity(db, &places, &friends, activity).await?;
        AppResult::Ok((friends, events, activity))
    };
    let other_side = async {
        let own = OwnSignUps::read(db, person_id, viewer.now).await?;
        let close = close_friends_at(db, person_id, own.past_slots).await?;
        let group_events = viewer.group_events(db).await?;
        let near_events = viewer.near_events(db).await?;
        AppResult::Ok((own.event_ids, close, group_events, near_events))
    };
    let ((friends, friends_events, activity), (mine, close, group_events, near_events)) =
        if db.get_database_backend() == DbBackend::Postgres {
            futures::try_join!(friends_side, other_side)?
        } else {
            (friends_side.await?, other_side.await?)
        };
    let friends_events = friends_events
        .into_iter()
        .map(|going| viewer.friends_candidate(going, &friends, &close));

    // Candidates: events friends are going to, the person's groups' events, events near
    // home, and (for someone with no friends yet) popular ones; a few hundred at most.
    let mut candidates: HashMap<i32, Candidate> = friends_events
        .into_iter()
        .map(|c| (c.event_id, c))
        .collect();
    for c in group_events {
        let group = c.group.clone();
        candidates.entry(c.event_id).or_insert(c).group = group;
    }
    for c in near_events {
        candidates.entry(c.event_id).or_insert(c);
    }
    if friends.is_empty() && candidates.len() < limit {
        for c in viewer.popular_events(db, limit as u64 * 2).await? {
            candidates.entry(c.event_id).or_insert(c);
        }
    }
    candidates.retain(|id, _| !mine.contains(id));

    // Popularity only breaks ties: counted for the leading few, then ranked again.
    let mut candidates: Vec<Candidate> = candidates.into_values().collect();
    let leading: Vec<i32> = rank(&candidates, limit * 3)
        .iter()
        .map(|r| r.event_id)
        .collect();
    candidates.retain(|c| leading.contains(&c.event_id));
    // Their slots give the counts now and the cards' places left later.
    let slots = LeadingSlots::read(db, leading.iter().copied()).await?;
    for c in &mut candidates {
        c.going = slots.going(c.event_id);
    }
    let ranked = rank(&candidates, limit);
    let order: Vec<i32> = ranked.iter().map(|r| r.event_id).collect();
    let mut cards: HashMap<i32, _> = slots
        .cards(db, &order)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let suggestions = SuggestionsView {
        items: ranked
            .into_iter()
            .filter_map(|r| {
                Some(SuggestionView {
                    card: cards.remove(&r.event_id)?,
                    reason: r.reason,
                })
            })
            .collect(),
        has_friends: !friends.is_empty(),
        has_postcode: viewer.home.is_some(),
    };
    Ok(ForYouView {
        suggestions,
        activity,
    })
}

/// Where the person's postcode is, if they gave one we know.
async fn home_of(
    db: &impl ConnectionTrait,
    postcode: Option<&str>,
) -> AppResult<Option<Coordinates>> {
    match postcode.and_then(|raw| PostcodeUk::parse("postcode", raw).ok()) {
        Some(postcode) => locate_postcode(db, &postcode).await,
        None => Ok(None),
    }
}
