//! Every parser of outside input, fed arbitrary Unicode: none may panic, and each answers
//! with a value or a clear error on its own field. 10,000 cases a parser (issue 18).

use app::{
    error::AppError,
    events::{
        model::{event_id_from_path_segment, EventForm},
        service::event_form::{parse_capacity, NewEvent},
    },
    groups::service::markdown::{quote_block, render_markdown},
    outreach::compose::{
        merge::{fields_used, merge, MergeValues},
        segments::count_sms,
    },
    places::{
        model::Coordinates,
        service::{codepoint::parse_line, towns::find_town},
    },
    validate::{bounded_text, EmailAddress, MobileUk, NewPassword, PersonName, PostcodeUk},
};
use chrono::Utc;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any string, or one near the parsers' own alphabet with multi-byte characters mixed in,
/// so the fuzzing reaches past the first length check.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-z0-9 :,.+\\-{}<>\"'éü€£\u{0}\u{200b}\u{1F600}]{0,14}",
        "[A-Z]{1,2}[0-9]{1,2}[A-Z€é ]{0,2}[0-9][A-Zé€]{0,3}",
        "(\\+44|0)?7[0-9 é€\\-]{0,12}",
    ]
}

/// The error is a field error on `field` (a clear message next to the field it concerns).
fn on_field<T>(result: Result<T, AppError>, field: &str) -> bool {
    match result {
        Ok(_) => true,
        Err(AppError::Invalid { field: f, message }) => f == field && !message.is_empty(),
        Err(_) => false,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn postcodes_never_panic(raw in input()) {
        prop_assert!(on_field(PostcodeUk::parse("postcode", &raw), "postcode"));
        prop_assert!(on_field(PostcodeUk::parse_optional("postcode", &raw), "postcode"));
        if let Ok(postcode) = PostcodeUk::parse("postcode", &raw) {
            prop_assert!(postcode.as_str().is_ascii());
            prop_assert_eq!(PostcodeUk::parse("postcode", postcode.as_str()).ok(), Some(postcode));
        }
    }

    #[test]
    fn user_agents_name_only_known_words(raw in input()) {
        let named = app::auth::device::describe(&raw);
        let (browser, system) = named.split_once(" on ").expect("browser on system");
        prop_assert!(!browser.is_empty() && !system.is_empty());
        prop_assert!(named.len() < 60, "fits the stored column");
        prop_assert!(!named.contains('<') && !named.contains('"'));
    }

    #[test]
    fn people_fields_never_panic(raw in input()) {
        prop_assert!(on_field(EmailAddress::parse("email", &raw), "email"));
        prop_assert!(on_field(PersonName::parse("name", &raw), "name"));
        prop_assert!(on_field(MobileUk::parse_optional("phone", &raw), "phone"));
        prop_assert!(on_field(NewPassword::parse("password", &raw, Some(&raw)), "password"));
        prop_assert!(on_field(bounded_text("title", &raw, 120, true), "title"));
    }

    #[test]
    fn event_forms_never_panic(
        date in input(), start in input(), end in input(), shifts in input(),
        other_dates in input(), repeat in input(), capacity in input(),
    ) {
        let form = EventForm {
            title: "Stall".into(),
            kind: "canvassing".into(),
            date,
            start_time: start,
            end_time: end,
            shifts,
            other_dates,
            repeat_weeks: repeat,
            capacity: capacity.clone(),
            postcode: "M1 1AE".into(),
            ..EventForm::default()
        };
        match NewEvent::parse(&form, Utc::now()) {
            Ok(event) => prop_assert!(!event.slots.is_empty()),
            Err(AppError::Invalid { message, .. }) => prop_assert!(!message.is_empty()),
            Err(other) => prop_assert!(false, "not a field error: {other:?}"),
        }
        prop_assert!(on_field(parse_capacity(&capacity), "capacity"));
    }

    #[test]
    fn merge_fields_never_panic(template in input(), name in input()) {
        let _ = fields_used(&template);
        let values = MergeValues {
            first_name: name,
            group_name: "Bus users".into(),
            event_link: None,
            event_title: None,
            unsubscribe_link: "https://x/u".into(),
        };
        let merged = merge(&template, &values);
        let _ = count_sms(&merged);
    }

    #[test]
    fn markdown_never_panics_and_never_lets_a_script_through(source in input()) {
        let html = render_markdown(&source);
        prop_assert!(!html.to_lowercase().contains("<script"));
        let _ = quote_block(&source, &source);
    }

    #[test]
    fn phonebank_inputs_never_panic(raw in input(), lines in prop::collection::vec(input(), 0..6)) {
        use app::phonebank::{model::{script::check_script, survey::{answers_from_form, parse_survey}}, tps_file::{read_screening, uk_number_e164}};
        if let Some(number) = uk_number_e164(&raw) {
            prop_assert!(number.starts_with("+44") && number[1..].bytes().all(|b| b.is_ascii_digit()));
        }
        let (numbers, _) = read_screening(&lines.join("\n"));
        prop_assert!(numbers.iter().all(|n| n.starts_with("+44")));
        prop_assert!(on_field(check_script(&raw), "script"));
        let survey = lines.iter().map(|l| format!("choice: {l} | a | b")).collect::<Vec<_>>().join("\n");
        prop_assert!(on_field(parse_survey(&survey), "survey"));
        prop_assert!(on_field(parse_survey(&raw), "survey"));
        if let Ok(questions) = parse_survey("* yes/no: Q\nscale 1-5: R | if 1 = yes\ntext: S") {
            let form = [("q1".to_string(), raw.clone()), ("q2".to_string(), raw.clone()), ("q3".to_string(), raw.clone())].into_iter().collect();
            let answered = answers_from_form(&questions, &form);
            let clear = matches!(&answered, Ok(_) | Err(AppError::Invalid { .. }));
            prop_assert!(clear);
        }
    }

    #[test]
    fn qa_inputs_never_panic(raw in input(), lines in prop::collection::vec(input(), 0..8), votes in prop::collection::vec(0..50i32, 0..30), cap in 0..5usize) {
        use app::{places::region::region_of, qa::{model::{rank_by_votes, LiveUpdate, Ranked}, service::sessions::topics_of}};
        let _ = region_of(&raw);
        let topics = topics_of(&lines.join("\n"));
        prop_assert!(topics.iter().all(|t| !t.trim().is_empty() && t.trim() == t));
        let questions: Vec<Ranked> = votes.iter().enumerate().map(|(i, v)| Ranked { id: i as i32, votes: *v, seq: i as i64, topic: lines.get(i % 8).cloned() }).collect();
        let mut order = rank_by_votes(questions, cap);
        order.sort_unstable();
        prop_assert_eq!(order, (0..votes.len() as i32).collect::<Vec<_>>(), "every question once");
        // What a watcher's page reads off the stream.
        let _ = serde_json::from_str::<LiveUpdate>(&raw);
    }

    #[test]
    fn site_inputs_never_panic(raw in input(), bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        use app::sites::{model::{parse_page_slug, BlockFields, BlockKind}, service::{images::{check_upload, served_type}, oembed::embeddable}};
        let form = BlockFields { markdown: Some(raw.clone()), heading: Some(raw.clone()), limit: Some(raw.clone()), event_id: Some(raw.clone()), email: Some(raw.clone()), phone: Some(raw.clone()), address: Some(raw.clone()), links: Some(raw.clone()), label: Some(raw.clone()), target: Some(raw.clone()), alt: Some(raw.clone()) };
        for kind in BlockKind::ALL {
            let clear = matches!(form.parse(kind), Ok(_) | Err(AppError::Invalid { .. }));
            prop_assert!(clear);
        }
        prop_assert!(on_field(parse_page_slug(&raw), "slug"));
        let _ = embeddable("https://members.example", &raw);
        let _ = served_type(&raw);
        // An upload's bytes, whatever they claim to be: a clear refusal, never a panic.
        let mut upload = b"\x89PNG\r\n\x1a\n".to_vec();
        upload.extend(&bytes);
        prop_assert!(on_field(check_upload(&upload, "image/png"), "image"));
        prop_assert!(on_field(check_upload(&bytes, &raw), "image"));
    }

    #[test]
    fn payment_inputs_never_panic(raw in input(), bytes in prop::collection::vec(any::<u8>(), 0..96)) {
        use app::fundraising::{
            model::{format_pounds, parse_pounds},
            service::{events::parse_event, signature::verify},
        };
        // A webhook's body and signature header, whatever a stranger sends.
        let _ = parse_event(raw.as_bytes());
        let _ = parse_event(&bytes);
        let shaped = format!(r#"{{"id":"evt_1","type":"invoice.paid","data":{{"object":{{"payment_intent":{raw:?},"amount_paid":{n},"subscription":"sub","subscription_details":{{"metadata":{{"donation_id":{raw:?}}}}}}}}}}}"#, n = bytes.len());
        let _ = parse_event(shaped.as_bytes());
        prop_assert!(!verify("whsec_x", &raw, &bytes, 1_700_000_000));
        // Amounts typed into a form: pence, or nothing; written back, read the same.
        if let Some(pence) = parse_pounds(&raw) {
            prop_assert!(pence >= 0);
            prop_assert_eq!(parse_pounds(&format_pounds(pence)), Some(pence));
        }
    }

    #[test]
    fn csv_lines_places_and_paths_never_panic(raw in input()) {
        let _ = parse_line(&raw);
        let _ = Coordinates::parse_pair(&raw);
        let _ = find_town(&raw);
        let _ = event_id_from_path_segment(&raw);
    }
}

#[test]
fn multi_byte_postcodes_are_clear_errors() {
    for raw in ["aaé12", "AB1 €A", "M1 1A€", "€€€€€"] {
        let err = PostcodeUk::parse("postcode", raw).unwrap_err();
        assert!(matches!(err, AppError::Invalid { ref field, .. } if field == "postcode"));
    }
}
