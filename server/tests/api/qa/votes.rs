//! Votes count once per member per question under any concurrency; a merge moves votes
//! without counting twice someone who voted for both.

use super::webchat;
use futures::future::join_all;

#[tokio::test]
async fn two_hundred_members_voting_at_once_give_an_exact_count() {
    let chat = webchat().await;
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let question = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    assert!(chat.decide(question, "approve", &[]).await.succeeded());
    let mut voters = Vec::new();
    for i in 0..200 {
        voters.push(
            chat.member(&format!("Voter {i}"), &format!("voter{i}@example.org"))
                .await,
        );
    }
    // Every member votes, and the first twenty also press the button five times at once.
    let mut calls = Vec::new();
    for (i, voter) in voters.iter().enumerate() {
        let times = if i < 20 { 5 } else { 1 };
        for _ in 0..times {
            calls.push(chat.vote(voter, question, "up"));
        }
    }
    let replies = join_all(calls).await;
    let failed: Vec<String> = replies
        .iter()
        .filter(|r| !r.succeeded())
        .map(|r| r.body.clone())
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(chat.votes(question).await, (200, 200));
    // Half take their votes back at once (twice each): the count follows exactly.
    let takes: Vec<_> = voters
        .iter()
        .take(100)
        .flat_map(|v| {
            [
                chat.vote(v, question, "down"),
                chat.vote(v, question, "down"),
            ]
        })
        .collect();
    join_all(takes).await;
    assert_eq!(chat.votes(question).await, (100, 100));
}

#[tokio::test]
async fn a_merge_adds_votes_without_counting_anyone_twice() {
    let chat = webchat().await;
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let bob = chat.member("Bob Asker", "bob@example.org").await;
    let earlier = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    let later = chat
        .ask(&bob, "When will buses run later in the evening, please?")
        .await;
    assert!(chat.decide(earlier, "approve", &[]).await.succeeded());
    assert!(chat.decide(later, "approve", &[]).await.succeeded());
    let both = chat.member("Both Voter", "both@example.org").await;
    let one = chat.member("One Voter", "one@example.org").await;
    let other = chat.member("Other Voter", "other@example.org").await;
    for (who, question) in [
        (&both, earlier),
        (&both, later),
        (&one, later),
        (&other, earlier),
    ] {
        assert!(chat.vote(who, question, "up").await.succeeded());
    }
    assert_eq!(chat.votes(earlier).await, (2, 2));
    assert!(chat
        .decide(later, "merge", &[("into", &earlier.to_string())])
        .await
        .succeeded());
    assert_eq!(
        chat.votes(earlier).await,
        (3, 3),
        "both, other, and one moved over"
    );
    assert_eq!(chat.votes(later).await, (0, 0));
    // The merged question takes no more votes.
    assert_eq!(
        chat.vote(&other, later, "up").await.error_field(),
        "question"
    );
}

#[tokio::test]
async fn votes_race_a_merge_and_still_add_up() {
    let chat = webchat().await;
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let bob = chat.member("Bob Asker", "bob@example.org").await;
    let earlier = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    let later = chat
        .ask(&bob, "When will buses run later in the evening, please?")
        .await;
    assert!(chat.decide(earlier, "approve", &[]).await.succeeded());
    assert!(chat.decide(later, "approve", &[]).await.succeeded());
    let mut voters = Vec::new();
    for i in 0..60 {
        voters.push(
            chat.member(&format!("Voter {i}"), &format!("voter{i}@example.org"))
                .await,
        );
    }
    let into = earlier.to_string();
    let extra = [("into", into.as_str())];
    let merge = chat.decide(later, "merge", &extra);
    let votes = join_all(
        voters
            .iter()
            .enumerate()
            .map(|(i, v)| chat.vote(v, if i % 2 == 0 { earlier } else { later }, "up")),
    );
    let (merged, _) = tokio::join!(merge, votes);
    assert!(merged.succeeded(), "{}", merged.body);
    let (stored, rows) = chat.votes(earlier).await;
    assert_eq!(stored as u64, rows, "the count equals the rows");
    assert_eq!(
        chat.votes(later).await,
        (0, 0),
        "nothing left on the merged question"
    );
}
