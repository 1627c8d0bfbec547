use super::*;

#[tokio::test]
async fn events_are_found_near_a_postcode_or_its_first_half() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    create_via_api(&app, &token, "Manchester canvass", "M4 6DE").await;
    create_via_api(&app, &token, "Leeds canvass", "LS1 4AP").await;
    create_via_api(&app, &token, "London canvass", "SW1A 2JR").await;

    let near_m1 = app
        .call(
            "/api/events/list",
            &[("near", "M1 1AE"), ("within", "10")],
            None,
        )
        .await
        .json();
    let titles: Vec<&str> = near_m1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Manchester canvass"]);
    assert!(near_m1["events"][0]["distance"]
        .as_str()
        .unwrap()
        .ends_with("miles away"));

    let wider = app
        .call(
            "/api/events/list",
            &[("near", "m1"), ("within", "50")],
            None,
        )
        .await
        .json();
    assert_eq!(
        wider["events"].as_array().unwrap().len(),
        2,
        "Manchester and Leeds are within 50 miles of M1"
    );
}

#[tokio::test]
async fn events_are_found_near_a_town_by_name_and_a_repeated_name_asks_which() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    create_via_api(&app, &token, "Manchester canvass", "M4 6DE").await;
    create_via_api(&app, &token, "Leeds canvass", "LS1 4AP").await;
    let near = |place: &'static str| {
        let app = &app;
        async move {
            app.call(
                "/api/events/list",
                &[("near", place), ("within", "10")],
                None,
            )
            .await
        }
    };
    let titles: Vec<String> = near("manchester").await.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["Manchester canvass"]);

    let several = near("Newport").await;
    assert_eq!(several.error_field(), "near");
    let message = several.json()["message"].as_str().unwrap().to_string();
    assert!(message.contains("“Newport, NP20”"), "{message}");
    let unknown = near("Atlantis").await;
    assert_eq!(unknown.error_field(), "near");
    assert!(unknown.json()["message"]
        .as_str()
        .unwrap()
        .contains("We don't know a town called Atlantis"));
}

#[tokio::test]
async fn an_unknown_or_malformed_place_is_a_field_error() {
    let app = TestApp::spawn().await;
    let unknown = app
        .call("/api/events/list", &[("near", "ZZ9 9ZZ")], None)
        .await;
    assert_eq!(unknown.error_field(), "near");
    assert!(unknown.json()["message"]
        .as_str()
        .unwrap()
        .contains("We don't know where"));
    assert_eq!(
        app.call("/api/events/list", &[("near", "hello")], None)
            .await
            .error_field(),
        "near"
    );
    let token = app.signed_in("Sam", "sam@example.org").await;
    assert_eq!(
        create_via_api(&app, &token, "Nowhere", "ZZ9 9ZZ")
            .await
            .error_field(),
        "postcode"
    );
    assert_eq!(app.count("events").await, 0);
}

#[tokio::test]
async fn an_imported_postcode_is_placed_exactly() {
    let app = TestApp::spawn().await;
    let file = std::env::temp_dir().join(format!(
        "mn_codepoint_{}.csv",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::write(
        &file,
        "\"M1 1AE\",10,384756,398553\nM1 1AD,10,383848,398589\nBAD,90,0,0\n",
    )
    .unwrap();
    let imported = app::places::service::codepoint::import_postcodes(&app.db, &file, |_, _| {})
        .await
        .unwrap();
    assert_eq!(imported, 2);
    let postcode = app::validate::PostcodeUk::parse("postcode", "m11ae").unwrap();
    let exact = app::places::service::lookup::locate_postcode(&app.db, &postcode)
        .await
        .unwrap()
        .unwrap();
    let centre = app::places::service::outward::outward_centroid("M1").unwrap();
    assert_ne!(
        exact, centre,
        "the imported position, not the outward-code centre"
    );
    assert!(
        (exact.latitude - 53.4775).abs() < 0.01 && (exact.longitude + 2.2303).abs() < 0.01,
        "{exact:?}"
    );
    // Importing again updates rather than duplicates.
    app::places::service::codepoint::import_postcodes(&app.db, &file, |_, _| {})
        .await
        .unwrap();
    assert_eq!(app.count("postcodes").await, 2);
}
