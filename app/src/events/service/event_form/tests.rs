use super::*;

fn in_days(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .with_timezone(&London)
        .format("%Y-%m-%d")
        .to_string()
}

fn form() -> EventForm {
    EventForm {
        title: "Door knocking in Moss Side".into(),
        kind: "canvassing".into(),
        date: in_days(10),
        start_time: "10:00".into(),
        end_time: "12:30".into(),
        venue: "Community centre".into(),
        postcode: "m14 4pq".into(),
        capacity: "12".into(),
        ..Default::default()
    }
}

fn field_of(form: &EventForm) -> String {
    match NewEvent::parse(form, Utc::now()).unwrap_err() {
        AppError::Invalid { field, .. } => field,
        other => panic!("not a field error: {other:?}"),
    }
}

fn london_hm(at: DateTime<Utc>) -> String {
    at.with_timezone(&London).format("%H:%M").to_string()
}

#[test]
fn a_complete_form_parses_in_london_time() {
    let event = NewEvent::parse(&form(), Utc::now()).unwrap();
    assert_eq!(event.details.capacity, Some(12));
    assert_eq!(event.details.postcode.unwrap().as_str(), "M14 4PQ");
    assert_eq!(event.slots.len(), 1);
    assert_eq!(london_hm(event.slots[0].starts_at), "10:00");
}

#[test]
fn bad_input_names_the_field() {
    let mut past = form();
    past.date = "2020-01-01".into();
    assert_eq!(field_of(&past), "start_time");
    let mut backwards = form();
    backwards.end_time = "09:00".into();
    assert_eq!(field_of(&backwards), "end_time");
    let mut no_places = form();
    no_places.capacity = "0".into();
    assert_eq!(field_of(&no_places), "capacity");
    let mut long = form();
    long.title = "x".repeat(121);
    assert_eq!(field_of(&long), "title");
    let mut nowhere = form();
    nowhere.venue.clear();
    nowhere.postcode.clear();
    assert_eq!(field_of(&nowhere), "venue");
    let mut bad_postcode = form();
    bad_postcode.postcode = "NOPE".into();
    assert_eq!(field_of(&bad_postcode), "postcode");
    let mut online = form();
    online.kind = "online".into();
    assert_eq!(field_of(&online), "online_url");
}

#[test]
fn weekly_repeats_and_chosen_dates_make_one_slot_per_date() {
    let mut weekly = form();
    weekly.repeat_weeks = "4".into();
    weekly.other_dates = format!("{}, {}", in_days(12), in_days(17));
    let event = NewEvent::parse(&weekly, Utc::now()).unwrap();
    let days: Vec<i64> = event
        .slots
        .iter()
        .map(|s| (s.starts_at - event.slots[0].starts_at).num_days())
        .collect();
    // Days 10, 17, 24, 31 weekly, plus 12; the chosen 17 is already there.
    assert_eq!(days, vec![0, 2, 7, 14, 21]);
    assert!(event
        .slots
        .iter()
        .all(|s| london_hm(s.starts_at) == "10:00"));

    let mut too_many = form();
    too_many.repeat_weeks = "53".into();
    assert_eq!(field_of(&too_many), "repeat_weeks");
    let mut bad_date = form();
    bad_date.other_dates = "next tuesday".into();
    assert_eq!(field_of(&bad_date), "other_dates");
    let mut past_date = form();
    past_date.other_dates = "2020-05-01".into();
    assert_eq!(field_of(&past_date), "other_dates");
}

#[test]
fn shifts_make_labelled_slots_on_each_date() {
    let mut shifts = form();
    shifts.start_time.clear();
    shifts.end_time.clear();
    shifts.shifts = "10:00-12:00 Morning\n\n13:00–15:30 Afternoon\n".into();
    shifts.repeat_weeks = "2".into();
    let event = NewEvent::parse(&shifts, Utc::now()).unwrap();
    let labels: Vec<(Option<&str>, String, String)> = event
        .slots
        .iter()
        .map(|s| {
            (
                s.label.as_deref(),
                london_hm(s.starts_at),
                london_hm(s.ends_at),
            )
        })
        .collect();
    assert_eq!(labels.len(), 4);
    assert_eq!(labels[0], (Some("Morning"), "10:00".into(), "12:00".into()));
    assert_eq!(
        labels[1],
        (Some("Afternoon"), "13:00".into(), "15:30".into())
    );
    assert_eq!(labels[2].0, Some("Morning"));

    let mut garbled = form();
    garbled.shifts = "all day".into();
    assert_eq!(field_of(&garbled), "shifts");
    let mut backwards = form();
    backwards.shifts = "12:00-10:00 Oops".into();
    assert_eq!(field_of(&backwards), "shifts");
    let mut huge = form();
    huge.repeat_weeks = "31".into();
    huge.shifts = "10:00-11:00 A\n11:00-12:00 B".into();
    assert_eq!(field_of(&huge), "shifts");
}
