//! What the composer knows while it is being filled in, before it is saved.

use crate::outreach::{
    compose::merge::MergeValues,
    model::{AudienceKind, AudienceOption, MessageView},
};
use leptos::prelude::*;

/// The subject and body as typed, the audience ticked and how many each audience reaches: enough for
/// the live text counter and its cost. Starts from the saved draft, so the page the server
/// sends already shows the right numbers.
#[derive(Clone, Copy)]
pub struct ComposeState {
    pub subject: RwSignal<String>,
    pub body: RwSignal<String>,
    pub audience: RwSignal<AudienceKind>,
    pub counts: RwSignal<Vec<AudienceOption>>,
    /// Merge values at their longest for this sender, the first name aside.
    pub longest: StoredValue<MergeValues>,
}

impl ComposeState {
    pub fn new(view: &MessageView) -> Self {
        Self {
            subject: RwSignal::new(view.subject.clone()),
            body: RwSignal::new(view.body.clone()),
            audience: RwSignal::new(view.audience),
            counts: RwSignal::new(view.audiences.clone()),
            longest: StoredValue::new(view.merge_longest.clone()),
        }
    }

    /// The merge values of the ticked audience's longest recipient: what a text costs
    /// is counted with these filled in.
    pub fn longest_values(&self) -> MergeValues {
        let kind = self.audience.get();
        let first_name = self.counts.with(|options| {
            options
                .iter()
                .find(|option| option.kind == kind)
                .map_or(0, |option| option.longest_first_name)
        });
        MergeValues {
            first_name: "x".repeat(first_name.max("friend".len())),
            ..self.longest.get_value()
        }
    }

    /// How many people `kind` reaches now (0 if it is not offered).
    pub fn count_of(&self, kind: AudienceKind) -> i64 {
        self.counts.with(|options| count_in(options, kind))
    }

    /// How many people the ticked audience reaches now.
    pub fn chosen_count(&self) -> i64 {
        self.count_of(self.audience.get())
    }
}

/// How many people `kind` reaches among `options` (0 if it is not there).
pub fn count_in(options: &[AudienceOption], kind: AudienceKind) -> i64 {
    options
        .iter()
        .find(|option| option.kind == kind)
        .map_or(0, |option| option.count)
}

/// "1 person" or "140 people".
pub fn people(count: i64) -> String {
    if count == 1 {
        "1 person".to_string()
    } else {
        format!("{count} people")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_is_not_people() {
        assert_eq!(people(1), "1 person");
        assert_eq!(people(0), "0 people");
        assert_eq!(people(140), "140 people");
    }

    #[test]
    fn an_audience_not_offered_reaches_nobody() {
        let options = vec![AudienceOption {
            kind: AudienceKind::Members,
            label: "Members of the group".into(),
            count: 12,
            longest_first_name: 6,
        }];
        assert_eq!(count_in(&options, AudienceKind::Members), 12);
        assert_eq!(count_in(&options, AudienceKind::Area), 0);
    }
}
