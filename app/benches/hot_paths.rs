//! Criterion benches for the pure functions on the hot paths: rendering one recipient's
//! email (merge fields, Markdown, sanitising, the template) and counting a text's
//! segments, done once per recipient of a send; and ranking a person's suggestions.
//! Run: `cargo bench -p app --features ssr --bench hot_paths`.

use app::{
    outreach::compose::{
        email_body::render_email,
        merge::{merge, MergeValues},
        segments::count_sms,
    },
    suggest::model::{rank, Candidate},
};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const BODY: &str = "Hello {{first_name}},\n\nPolling day is **Thursday**. Can you give an hour?\n\n\
- Knock on doors near you\n- Phone voters from home\n\nSign up: {{event_link}}\n\nThank you,\n{{group_name}}";

fn values() -> MergeValues {
    MergeValues {
        first_name: "Sam".into(),
        group_name: "Sheffield Central Local Party".into(),
        event_link: Some("https://membersnet.example/events/12-street-stall".into()),
        event_title: Some("Street stall".into()),
        unsubscribe_link: "https://membersnet.example/unsubscribe/1-abc".into(),
    }
}

fn per_recipient(c: &mut Criterion) {
    let values = values();
    c.bench_function("merge fields into an email body", |b| {
        b.iter(|| merge(black_box(BODY), black_box(&values)))
    });
    c.bench_function(
        "render one recipient's email (merge, Markdown, sanitise, template)",
        |b| {
            b.iter(|| {
                let body = merge(black_box(BODY), &values);
                render_email(
                    "Polling day",
                    &body,
                    &values.group_name,
                    &values.unsubscribe_link,
                )
            })
        },
    );
    let text = "Hi Sam, Sheffield Central is out on Saturday from 11: https://membersnet.example/e/12 Reply STOP to opt out.";
    c.bench_function("count a text's segments", |b| {
        b.iter(|| count_sms(black_box(text)))
    });
}

fn suggestions(c: &mut Criterion) {
    // About what a well-connected person has: a thousand candidate events.
    let candidates: Vec<Candidate> = (0..1_000)
        .map(|n| Candidate {
            event_id: n,
            friends: (0..(n % 4))
                .map(|f| (format!("Friend {f}"), f == 0))
                .collect(),
            miles: Some(f64::from(n % 30)),
            group: (n % 10 == 0).then(|| "Sheffield Central Local Party".to_string()),
            days_away: f64::from(n % 21),
            going: n % 50,
        })
        .collect();
    c.bench_function("rank 1,000 candidate events", |b| {
        b.iter(|| rank(black_box(&candidates), 12))
    });
}

criterion_group!(benches, per_recipient, suggestions);
criterion_main!(benches);
