//! Searching near a place reads the cells around it one page's worth at a time; what it
//! finds must be what a scan of every event finds (issue 20).

use super::*;
use app::{
    events::{
        model::EventStatus,
        service::catalogue::{list_upcoming_events, EventFilter, PAGE_SIZE},
        tables::event,
    },
    places::model::Coordinates,
};
use chrono::{Duration, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, EntityTrait, IntoActiveModel, Set};

#[tokio::test]
async fn the_cell_by_cell_search_finds_what_a_scan_of_every_event_finds() {
    let app = TestApp::spawn().await;
    let (event_id, _) = event_with_capacity(&app, "").await;
    let model = event::Entity::find_by_id(event_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut rng = StdRng::seed_from_u64(20);
    let now = Utc::now();
    // 400 events within about 40 miles of Manchester, most of them in its centre's few
    // cells (so a cell holds more than a page and is read more than once): some online,
    // some cancelled, some past, and starting on whole hours so that many share a start
    // (ties go by id).
    for i in 0..400 {
        let spread = if rng.gen_bool(0.7) { 0.05 } else { 0.6 };
        let latitude = 53.48 + rng.gen_range(-spread..spread);
        let longitude = -2.24 + rng.gen_range(-spread * 1.5..spread * 1.5);
        let online = rng.gen_bool(0.05);
        let place = Coordinates {
            latitude,
            longitude,
        };
        let mut row = model.clone().into_active_model();
        row.id = NotSet;
        row.slug = Set(format!("near-{i}"));
        row.latitude = Set((!online).then_some(latitude));
        row.longitude = Set((!online).then_some(longitude));
        row.place_cell = Set((!online).then(|| place.place_cell()));
        row.status = Set(if rng.gen_bool(0.1) {
            EventStatus::Cancelled
        } else {
            EventStatus::Published
        });
        let hours = if rng.gen_bool(0.1) {
            -rng.gen_range(1..48)
        } else {
            rng.gen_range(1..24 * 20)
        };
        row.starts_at = Set(now + Duration::hours(hours));
        row.insert(&app.db).await.unwrap();
    }
    let all = event::Entity::find().all(&app.db).await.unwrap();
    for _ in 0..40 {
        let spread = if rng.gen_bool(0.5) { 0.05 } else { 0.5 };
        let centre = Coordinates {
            latitude: 53.48 + rng.gen_range(-spread..spread),
            longitude: -2.24 + rng.gen_range(-spread * 1.5..spread * 1.5),
        };
        let miles = [0.5, 2.0, 5.0, 10.0, 25.0][rng.gen_range(0..5)];
        let page: u32 = rng.gen_range(1..5);
        let filter = EventFilter {
            near: Some(centre),
            within_miles: miles,
            ..Default::default()
        };
        let found: Vec<i32> = list_upcoming_events(&app.db, &filter, page)
            .await
            .unwrap()
            .events
            .iter()
            .map(|e| e.id)
            .collect();
        let mut scanned: Vec<_> = all
            .iter()
            .filter(|e| e.status == EventStatus::Published && e.starts_at > Utc::now())
            .filter_map(|e| {
                let at = Coordinates {
                    latitude: e.latitude?,
                    longitude: e.longitude?,
                };
                (centre.miles_to(&at) <= miles).then_some((e.starts_at, e.id))
            })
            .collect();
        scanned.sort();
        let expected: Vec<i32> = scanned
            .into_iter()
            .skip((page as usize - 1) * PAGE_SIZE as usize)
            .take(PAGE_SIZE as usize)
            .map(|(_, id)| id)
            .collect();
        assert_eq!(found, expected, "{miles} miles of {centre:?}, page {page}");
    }
}
