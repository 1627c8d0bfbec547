//! Seeding: fills a database with realistic people, events, sign-ups, groups (with
//! their members and forums) and friendships, deterministic from a seed value. The demo
//! content of a fresh run is the smallest plan (`SeedPlan::demo`); `membersnet seed
//! --people … --events … --signups … --groups … --friends …` makes big ones for
//! benchmarks. Rows go in as multi-row INSERTs, generated on one thread while the
//! database writes on another.

mod consents;
mod demo_friends;
mod demo_groups;
mod drafts;
pub mod fixtures;
mod forum;
mod forum_wording;
mod friend_writer;
mod friends;
mod generate;
mod group_wording;
mod group_writer;
mod groups;
mod load;
mod names;
mod people;
mod places;
mod plan;
mod rng;
mod schedule;
mod signups;
pub(crate) mod sql;
mod towns;
mod wording;

pub use groups::BENCH_SLUG;
pub use load::Written;
pub use plan::SeedPlan;

use app::{places::service::lookup::locate_postcode, validate::PostcodeUk};
use drafts::Drafter;
use people::IdBase;
use places::PlacePool;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};
use std::time::{Duration, Instant};

/// What a seeding run wrote, and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub written: Written,
    pub elapsed: Duration,
}

/// Seeds an empty database (one without people) by `plan`.
pub async fn seed_database(db: &DatabaseConnection, plan: &SeedPlan) -> Result<SeedReport, DbErr> {
    let started = Instant::now();
    if max_id(db, "people").await? > 0 {
        return Err(DbErr::Custom(
            "the database already has people: seed an empty database".into(),
        ));
    }
    let pool = PlacePool::load(db).await?;
    let mut demo_places = Vec::new();
    for event in fixtures::EVENTS {
        let place = match PostcodeUk::parse("postcode", event.postcode) {
            Ok(postcode) => locate_postcode(db, &postcode)
                .await
                .map_err(|e| DbErr::Custom(e.to_string()))?,
            Err(_) => None,
        };
        demo_places.push(place);
    }
    let mut demo_group_places = Vec::with_capacity(demo_groups::GROUPS.len());
    for group in demo_groups::GROUPS {
        let postcode = PostcodeUk::parse("postcode", group.postcode)
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        let place = locate_postcode(db, &postcode)
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .ok_or_else(|| DbErr::Custom(format!("no location for {}", group.postcode)))?;
        demo_group_places.push(place);
    }
    let ids = IdBase {
        people: max_id(db, "people").await?,
        roles: max_id(db, "person_roles").await?,
        events: max_id(db, "events").await?,
        slots: max_id(db, "event_slots").await?,
        signups: max_id(db, "signups").await?,
        groups: max_id(db, "groups").await?,
        members: max_id(db, "group_members").await?,
        threads: max_id(db, "forum_threads").await?,
        posts: max_id(db, "forum_posts").await?,
        friendships: max_id(db, "friendships").await?,
    };
    if plan.progress {
        let source = if pool.imported {
            "imported postcodes"
        } else {
            "outward-code centres"
        };
        eprintln!(
            "seed {}: {} places from {source}",
            plan.seed,
            pool.places.len()
        );
    }
    let progress = load::Progress {
        people: plan.people + fixtures::PEOPLE.len() as u64,
        groups: plan.generated_groups() + demo_groups::GROUPS.len() as u64,
        events: plan.events + fixtures::EVENTS.len() as u64,
        signups: plan.signups,
        friendships: plan.expected_friendships(),
        show: plan.progress,
    };
    let (sender, receiver) = tokio::sync::mpsc::channel(3);
    let owned_plan = plan.clone();
    let producer = tokio::task::spawn_blocking(move || {
        let drafter = Drafter {
            plan: &owned_plan,
            pool: &pool,
            demo_places,
            demo_group_places,
        };
        generate::generate(&drafter, ids, sender);
    });
    let loaded = load::load(db, receiver, &progress).await;
    producer
        .await
        .map_err(|e| DbErr::Custom(format!("seed generator failed: {e}")))?;
    let written = loaded?;
    load::finish(db).await?;
    Ok(SeedReport {
        written,
        elapsed: started.elapsed(),
    })
}

async fn max_id(db: &DatabaseConnection, table: &str) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            format!("SELECT COALESCE(MAX(id), 0) AS n FROM {table}"),
        ))
        .await?;
    Ok(match row {
        Some(row) => row
            .try_get::<i64>("", "n")
            .or_else(|_| row.try_get::<i32>("", "n").map(i64::from))?,
        None => 0,
    })
}
