//! The directory near a place reads the place cells around it; what it finds must be what
//! a scan of every group finds, nearest first (issue 20).

use super::{group_owned_by, person_id, TestApp};
use app::{
    groups::{
        service::directory::{list_groups, GroupFilter, PAGE_SIZE},
        tables::group,
    },
    places::model::Coordinates,
};
use rand::{rngs::StdRng, Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, EntityTrait, IntoActiveModel, Set};

#[tokio::test]
async fn the_cell_by_cell_directory_finds_what_a_scan_of_every_group_finds() {
    let app = TestApp::spawn().await;
    app.signed_in("Olive Owner", "olive@example.org").await;
    let owner = person_id(&app, "olive@example.org").await;
    let first = group_owned_by(&app, owner, "First group", "open").await;
    let model = group::Entity::find_by_id(first)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut rng = StdRng::seed_from_u64(20);
    // 300 groups within about 40 miles of Sheffield.
    for i in 0..300 {
        let place = Coordinates {
            latitude: 53.38 + rng.gen_range(-0.6..0.6),
            longitude: -1.47 + rng.gen_range(-0.9..0.9),
        };
        let mut row = model.clone().into_active_model();
        row.id = NotSet;
        row.slug = Set(format!("near-{i}"));
        row.latitude = Set(place.latitude);
        row.longitude = Set(place.longitude);
        row.place_cell = Set(Some(place.place_cell()));
        row.insert(&app.db).await.unwrap();
    }
    let all = group::Entity::find().all(&app.db).await.unwrap();
    for _ in 0..30 {
        let centre = Coordinates {
            latitude: 53.38 + rng.gen_range(-0.5..0.5),
            longitude: -1.47 + rng.gen_range(-0.8..0.8),
        };
        let miles = [0.5, 2.0, 5.0, 10.0, 25.0][rng.gen_range(0..5)];
        let page: u32 = rng.gen_range(1..3);
        let filter = GroupFilter {
            near: Some(centre),
            within_miles: miles,
            ..Default::default()
        };
        let (cards, _) = list_groups(&app.db, &filter, page).await.unwrap();
        let found: Vec<i32> = cards.iter().map(|c| c.id).collect();
        let mut scanned: Vec<(f64, i32)> = all
            .iter()
            .map(|g| {
                let at = Coordinates {
                    latitude: g.latitude,
                    longitude: g.longitude,
                };
                (centre.miles_to(&at), g.id)
            })
            .filter(|(away, _)| *away <= miles)
            .collect();
        scanned.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let expected: Vec<i32> = scanned
            .into_iter()
            .skip((page as usize - 1) * PAGE_SIZE as usize)
            .take(PAGE_SIZE as usize)
            .map(|(_, id)| id)
            .collect();
        assert_eq!(found, expected, "{miles} miles of {centre:?}, page {page}");
    }
}
