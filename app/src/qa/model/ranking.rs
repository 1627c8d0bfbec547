//! The "Most votes" list: by votes, earliest first among equals, with no topic taking
//! more than the host's cap of the top slots, so one organised campaign cannot fill them.

use std::collections::HashMap;

/// How many places count as "the top" for the cap.
pub const TOP_SLOTS: usize = 10;

/// What ranking needs of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub id: i32,
    pub votes: i32,
    /// Order asked (earlier first among equal votes).
    pub seq: i64,
    pub topic: Option<String>,
}

/// The questions' ids in display order. `cap` (0: none) limits how many of the first
/// `TOP_SLOTS` places one topic may take; those it holds back follow, still by votes.
pub fn rank_by_votes(mut questions: Vec<Ranked>, cap: usize) -> Vec<i32> {
    questions.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.seq.cmp(&b.seq)));
    if cap == 0 {
        return questions.into_iter().map(|q| q.id).collect();
    }
    let mut top = Vec::new();
    let mut held_back = Vec::new();
    let mut taken: HashMap<String, usize> = HashMap::new();
    for question in questions {
        if top.len() >= TOP_SLOTS {
            held_back.push(question.id);
            continue;
        }
        match &question.topic {
            Some(topic) if taken.get(topic).copied().unwrap_or(0) >= cap => {
                held_back.push(question.id)
            }
            topic => {
                if let Some(topic) = topic {
                    *taken.entry(topic.clone()).or_default() += 1;
                }
                top.push(question.id);
            }
        }
    }
    // Held-back questions were already in vote order; so were the rest after the top.
    let mut rest: Vec<i32> = held_back;
    top.append(&mut rest);
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i32, votes: i32, topic: Option<&str>) -> Ranked {
        Ranked {
            id,
            votes,
            seq: id as i64,
            topic: topic.map(str::to_string),
        }
    }

    #[test]
    fn orders_by_votes_then_by_who_asked_first() {
        let order = rank_by_votes(vec![q(1, 5, None), q(2, 9, None), q(3, 5, None)], 0);
        assert_eq!(order, vec![2, 1, 3]);
    }

    #[test]
    fn a_topic_cannot_take_more_than_its_cap_of_the_top_slots() {
        let mut questions: Vec<Ranked> = (1..=12)
            .map(|id| q(id, 100 - id, Some("housing")))
            .collect();
        questions.push(q(20, 1, Some("transport")));
        questions.push(q(21, 0, None));
        let order = rank_by_votes(questions, 3);
        assert_eq!(
            &order[..5],
            &[1, 2, 3, 20, 21],
            "three housing, then the others"
        );
        assert_eq!(order.len(), 14, "nothing is dropped");
        assert_eq!(&order[5..8], &[4, 5, 6], "held back, still by votes");
    }

    #[test]
    fn without_a_cap_one_topic_may_fill_the_top() {
        let questions: Vec<Ranked> = (1..=12)
            .map(|id| q(id, 100 - id, Some("housing")))
            .collect();
        assert_eq!(
            rank_by_votes(questions, 0)[..10],
            (1..=10).collect::<Vec<_>>()[..]
        );
    }
}
