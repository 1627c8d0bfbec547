//! A webchat from first question to published record: moderation states, what others may
//! see, the region shown for askers, answering (by Jo and by her staffer), closing, and
//! the record listing every question with its outcome.

use super::webchat;

#[tokio::test]
async fn a_webchat_runs_from_questions_to_a_published_record() {
    let chat = webchat().await;
    let app = chat.app();
    let id = chat.id();
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let bob = chat.member("Bob Asker", "bob@example.org").await;
    let cat = chat.member("Cat Asker", "cat@example.org").await;

    let first = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    // One waiting question at a time.
    let again = app
        .call(
            "/api/qa/ask",
            &[("id", &id), ("body", "And another thing about buses?")],
            Some(&ann),
        )
        .await;
    assert_eq!(again.error_field(), "body", "{}", again.body);
    let seen = app
        .call("/api/qa/session", &[("id", &id)], Some(&bob))
        .await
        .json();
    assert!(
        seen["top"].as_array().unwrap().is_empty(),
        "a waiting question is shown to no one else"
    );
    let mine = app
        .call("/api/qa/session", &[("id", &id)], Some(&ann))
        .await
        .json();
    assert_eq!(mine["mine"][0]["status"], "Pending");
    assert_eq!(
        mine["mine"][0]["asker"],
        "A member in Yorkshire and the Humber"
    );
    assert_eq!(
        chat.vote(&bob, first, "up").await.error_field(),
        "question",
        "no votes before approval"
    );

    assert!(chat.decide(first, "approve", &[]).await.succeeded());
    let merged = chat
        .ask(&bob, "When will buses run later in the evening, please?")
        .await;
    let declined = chat
        .ask(&cat, "What does my neighbour at number 12 really think?")
        .await;
    assert!(chat
        .decide(merged, "merge", &[("into", &first.to_string())])
        .await
        .succeeded());
    assert!(chat
        .decide(declined, "decline", &[("reason", "personal")])
        .await
        .succeeded());
    let unreached = chat
        .ask(&bob, "Will the council insulate older homes this winter?")
        .await;
    assert!(chat
        .decide(
            unreached,
            "edit",
            &[(
                "body",
                "Will the council insulate older homes before this winter?"
            )]
        )
        .await
        .succeeded());
    assert!(chat.decide(unreached, "approve", &[]).await.succeeded());
    assert!(chat.vote(&cat, first, "up").await.succeeded());
    assert!(chat.vote(&cat, unreached, "up").await.succeeded());

    let cat_sees = app
        .call("/api/qa/session", &[("id", &id)], Some(&cat))
        .await
        .json();
    let top: Vec<i64> = cat_sees["top"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        top,
        vec![first as i64, unreached as i64],
        "approved only, by votes"
    );
    assert_eq!(cat_sees["top"][0]["merged_in"], 1);
    assert_eq!(cat_sees["mine"][0]["status"], "Declined");
    assert_eq!(cat_sees["top"][1]["edited"], true);

    // Jo answers; her staffer answers too, and says for whom.
    let first_text = first.to_string();
    let jo = chat.jo_id.to_string();
    let answered = app
        .call(
            "/api/qa/answer",
            &[
                ("id", &id),
                ("question_id", &first_text),
                ("politician_id", &jo),
                ("body", "Evening buses from April."),
            ],
            Some(&chat.jo),
        )
        .await;
    assert!(answered.succeeded(), "{}", answered.body);
    let staffer = app
        .sign_in("sam.staffer@example.org", crate::support::PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let added = app
        .call(
            "/api/qa/answer",
            &[
                ("id", &id),
                ("question_id", &first_text),
                ("politician_id", &jo),
                ("body", "And the 52 will run past ten."),
            ],
            Some(&staffer),
        )
        .await;
    assert!(added.succeeded(), "{}", added.body);
    let bystander = app
        .call("/api/qa/session", &[("id", &id)], None)
        .await
        .json();
    let answers = &bystander["answered"][0]["answers"];
    assert_eq!(answers[0]["by"], "Jo Evans MP");
    assert_eq!(answers[1]["by"], "Answered by Sam for Jo Evans MP");

    assert!(app
        .call("/api/qa/close", &[("id", &id)], Some(&chat.host.session))
        .await
        .succeeded());
    let record = app
        .call("/api/qa/session", &[("id", &id)], None)
        .await
        .json();
    assert_eq!(record["phase"], "Closed");
    let statuses: Vec<(i64, String, String)> = record["record"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["id"].as_i64().unwrap(),
                q["status"].as_str().unwrap().to_string(),
                q["body"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        statuses.len(),
        4,
        "every question but none withdrawn: {statuses:?}"
    );
    assert_eq!(statuses[0].1, "Answered");
    assert_eq!(statuses[1].1, "Merged");
    assert_eq!(statuses[2].1, "Declined");
    assert_eq!(
        statuses[2].2, "",
        "a declined question's words are not published"
    );
    assert_eq!(statuses[3].1, "Approved", "not reached");
    assert_eq!(record["record"][1]["merged_into"], first);
    assert_eq!(
        record["record"][2]["declined"],
        "About a private individual"
    );

    // The page itself: the record, schema.org QAPage data, and an escaped title.
    let page = app.get(&format!("/qa/{id}"), None).await;
    assert!(
        page.body.contains("\"@type\":\"QAPage\""),
        "{}",
        &page.body[..500.min(page.body.len())]
    );
    assert!(page.body.contains("Not reached") && page.body.contains("Merged into question"));

    // Afterwards, the unreached question may be answered in writing, and is marked so.
    let unreached_text = unreached.to_string();
    let later = app
        .call(
            "/api/qa/answer",
            &[
                ("id", &id),
                ("question_id", &unreached_text),
                ("politician_id", &jo),
                ("body", "Yes: 2,000 homes by March."),
            ],
            Some(&chat.jo),
        )
        .await;
    assert!(later.succeeded(), "{}", later.body);
    let record = app
        .call("/api/qa/session", &[("id", &id)], None)
        .await
        .json();
    assert_eq!(record["record"][3]["answers"][0]["afterwards"], true);
    // Voting has closed with the session.
    assert_eq!(
        chat.vote(&ann, unreached, "up").await.error_field(),
        "question"
    );
}

#[tokio::test]
async fn a_reported_answer_is_hidden_from_members_but_kept_for_staff() {
    let chat = webchat().await;
    let app = chat.app();
    let id = chat.id();
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let question = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    assert!(chat.decide(question, "approve", &[]).await.succeeded());
    let q = question.to_string();
    let jo = chat.jo_id.to_string();
    assert!(app
        .call(
            "/api/qa/answer",
            &[
                ("id", &id),
                ("question_id", &q),
                ("politician_id", &jo),
                ("body", "Something unkind.")
            ],
            Some(&chat.jo)
        )
        .await
        .succeeded());
    let seen = app
        .call("/api/qa/session", &[("id", &id)], Some(&ann))
        .await
        .json();
    let answer = seen["answered"][0]["answers"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reported = app
        .call(
            "/api/qa/report",
            &[("id", &id), ("answer_id", &answer), ("reason", "Rude")],
            Some(&ann),
        )
        .await;
    assert!(reported.succeeded(), "{}", reported.body);
    let queue = app
        .call("/api/qa/queue", &[("id", &id)], Some(&chat.host.session))
        .await
        .json();
    assert_eq!(queue["reports"][0]["reason"], "Rude");
    assert!(app
        .call(
            "/api/qa/hide-answer",
            &[("id", &id), ("answer_id", &answer), ("decision", "hide")],
            Some(&chat.host.session)
        )
        .await
        .succeeded());
    let member_view = app
        .call("/api/qa/session", &[("id", &id)], Some(&ann))
        .await
        .json();
    assert!(member_view["answered"][0]["answers"]
        .as_array()
        .unwrap()
        .is_empty());
    let staff = app.signed_in_staff().await;
    let staff_view = app
        .call("/api/qa/session", &[("id", &id)], Some(&staff))
        .await
        .json();
    assert_eq!(staff_view["answered"][0]["answers"][0]["hidden"], true);
}

#[tokio::test]
async fn scheduling_checks_each_field_and_names_it() {
    let chat = webchat().await;
    let app = chat.app();
    let group = chat.host.group_id.to_string();
    let jo = chat.jo_id.to_string();
    let (open, starts) = (super::in_minutes(60), super::in_minutes(120));
    let base = [
        ("group_id", group.as_str()),
        ("kind", "webchat"),
        ("title", "Ask Jo"),
        ("description", ""),
        ("askers", "group"),
        ("questions_open", open.as_str()),
        ("starts", starts.as_str()),
        ("politician", jo.as_str()),
    ];
    let with = |field: &'static str, value: &'static str| {
        let mut form: Vec<(&str, &str)> = base.to_vec();
        form.push((field, value));
        form
    };
    let early = super::in_minutes(30);
    let mut ends_first: Vec<(&str, &str)> = base.to_vec();
    ends_first.push(("ends", early.as_str()));
    assert_eq!(
        app.call("/api/qa/create", &ends_first, Some(&chat.host.session))
            .await
            .error_field(),
        "ends"
    );
    let long = super::in_minutes(60 * 10);
    let mut too_long: Vec<(&str, &str)> = base.to_vec();
    too_long.push(("ends", long.as_str()));
    assert_eq!(
        app.call("/api/qa/create", &too_long, Some(&chat.host.session))
            .await
            .error_field(),
        "ends"
    );
    assert_eq!(
        app.call(
            "/api/qa/create",
            &with("ends", "not a date"),
            Some(&chat.host.session)
        )
        .await
        .error_field(),
        "ends"
    );
}

#[tokio::test]
async fn the_record_is_emailed_once_to_askers_and_voters_who_agreed() {
    use app::consent::model::{Channel, Scope};
    let chat = webchat().await;
    let app = chat.app();
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let vic = chat.member("Vic Voter", "vic@example.org").await;
    chat.member("Nell Nonvoter", "nell@example.org").await;
    let question = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    assert!(chat.decide(question, "approve", &[]).await.succeeded());
    assert!(chat.vote(&vic, question, "up").await.succeeded());
    let group = Scope::Group(chat.host.group_id);
    crate::outreach::consent(app, "vic@example.org", Channel::Email, group, true, None).await;
    crate::outreach::consent(app, "nell@example.org", Channel::Email, group, true, None).await;
    crate::outreach::consent(app, "ann@example.org", Channel::Email, group, false, None).await;
    let send = || {
        app::qa::service::record::email_published_records(
            &app.db,
            crate::support::ORIGIN,
            chrono::Utc::now(),
        )
    };
    assert_eq!(
        send().await.unwrap(),
        0,
        "nothing before the session closes"
    );
    assert!(app
        .call(
            "/api/qa/close",
            &[("id", &chat.id())],
            Some(&chat.host.session)
        )
        .await
        .succeeded());
    assert_eq!(
        send().await.unwrap(),
        1,
        "Vic voted and agreed; Ann said no; Nell took no part"
    );
    assert_eq!(send().await.unwrap(), 0, "once per session");
    let sent = app::mail::list_outbox_emails(&app.db, 100).await.unwrap();
    let record = sent
        .iter()
        .find(|e| e.to_email == "vic@example.org" && e.subject.contains("Ask Jo"))
        .expect("Vic's email");
    assert!(record.body.contains(&format!("/qa/{}", chat.id)));
}
