//! The survey: independent questions, each optional or required, each perhaps shown only
//! when an earlier answer has a given value (never a nested tree). Organisers write it one
//! question per line, which works in any browser without a form builder:
//!
//! ```text
//! * yes/no: Can we count on your vote?
//! choice: How will you vote? | In person | By post | Not sure | if 1 = yes
//! several: Which issues matter most? | Housing | NHS | Transport
//! scale 1-5: How likely are you to help on polling day?
//! text: Anything else?
//! ```
//! A leading `*` makes a question required. Answers are keyed by question number.

use crate::error::AppError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The most questions a survey may have, and the longest free answer kept.
pub const MAX_QUESTIONS: usize = 20;
pub const MAX_ANSWER_CHARS: usize = 1000;

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    YesNo,
    OneChoice(Vec<String>),
    SeveralChoices(Vec<String>),
    Scale { from: i32, to: i32 },
    FreeText,
}

/// Shown only when question `question` was answered `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownWhen {
    pub question: usize,
    pub value: String,
}

/// One question, numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub number: usize,
    pub label: String,
    pub kind: QuestionKind,
    pub required: bool,
    pub shown_when: Option<ShownWhen>,
}

impl Question {
    /// The values a question may be answered with, for tallies and conditions
    /// (free text has none).
    pub fn choices(&self) -> Vec<String> {
        match &self.kind {
            QuestionKind::YesNo => vec!["yes".into(), "no".into()],
            QuestionKind::OneChoice(options) | QuestionKind::SeveralChoices(options) => {
                options.clone()
            }
            QuestionKind::Scale { from, to } => (*from..=*to).map(|n| n.to_string()).collect(),
            QuestionKind::FreeText => Vec::new(),
        }
    }

    /// The form field an answer is posted in (several choices post one per option).
    pub fn field(&self) -> String {
        format!("q{}", self.number)
    }
}

/// Reads a survey as organisers write it. The error names the line that is wrong.
pub fn parse_survey(source: &str) -> Result<Vec<Question>, AppError> {
    let mut questions: Vec<Question> = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let wrong = |why: &str| AppError::invalid("survey", format!("Line {}: {why}", index + 1));
        if questions.len() == MAX_QUESTIONS {
            return Err(wrong(&format!(
                "a survey has at most {MAX_QUESTIONS} questions."
            )));
        }
        let (required, line) = match line.strip_prefix('*') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, line),
        };
        let (kind_word, rest) = line.split_once(':').ok_or_else(|| {
            wrong("start with the kind of question and a colon, such as “yes/no:”.")
        })?;
        let mut parts = rest.split('|').map(str::trim);
        let label = parts.next().unwrap_or_default().to_string();
        if label.is_empty() || label.chars().count() > 300 {
            return Err(wrong(
                "write the question (up to 300 characters) after the colon.",
            ));
        }
        let mut options = Vec::new();
        let mut shown_when = None;
        for part in parts {
            if let Some(condition) = part.strip_prefix("if ") {
                shown_when =
                    Some(parse_condition(condition, &questions).map_err(|why| wrong(&why))?);
            } else if !part.is_empty() {
                options.push(part.to_string());
            }
        }
        let kind = parse_kind(kind_word.trim(), options).map_err(|why| wrong(&why))?;
        questions.push(Question {
            number: questions.len() + 1,
            label,
            kind,
            required,
            shown_when,
        });
    }
    Ok(questions)
}

fn parse_kind(word: &str, options: Vec<String>) -> Result<QuestionKind, String> {
    let needs_options = |kind: fn(Vec<String>) -> QuestionKind| {
        if options.len() < 2 {
            Err("give at least two options, each after a “|”.".to_string())
        } else {
            Ok(kind(options.clone()))
        }
    };
    match word.to_lowercase().as_str() {
        "yes/no" => Ok(QuestionKind::YesNo),
        "choice" => needs_options(QuestionKind::OneChoice),
        "several" => needs_options(QuestionKind::SeveralChoices),
        "text" => Ok(QuestionKind::FreeText),
        other => {
            let range = other.strip_prefix("scale").map(str::trim).unwrap_or("");
            let (from, to) = range
                .split_once('-')
                .and_then(|(a, b)| {
                    Some((a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?))
                })
                .ok_or("the kind is one of yes/no, choice, several, scale 1-5 or text.")?;
            if from >= to || to - from > 10 {
                return Err("a scale runs upwards, over at most 11 points (such as 0-10).".into());
            }
            Ok(QuestionKind::Scale { from, to })
        }
    }
}

fn parse_condition(condition: &str, earlier: &[Question]) -> Result<ShownWhen, String> {
    let (number, value) = condition
        .split_once('=')
        .ok_or("write a condition as “if 1 = yes”.")?;
    let question: usize = number
        .trim()
        .parse()
        .map_err(|_| "a condition names an earlier question by its number.")?;
    let value = value.trim().to_string();
    let target = earlier
        .get(question.wrapping_sub(1))
        .ok_or("a condition can only name an earlier question.")?;
    if !target.choices().contains(&value) {
        return Err(format!("question {question} cannot be answered “{value}”."));
    }
    Ok(ShownWhen { question, value })
}

/// Whether `question` is asked, given the answers so far.
pub fn is_shown(question: &Question, answers: &BTreeMap<usize, String>) -> bool {
    question.shown_when.as_ref().is_none_or(|when| {
        answers
            .get(&when.question)
            .is_some_and(|given| given.split("; ").any(|v| v == when.value))
    })
}

/// Reads the answers a call page posted (`q1` = "yes"; several choices as `q3_2` = "on"
/// for the second option), keeping only questions that are shown, and checks required
/// ones were answered. An error is beside the question (`q<number>`).
pub fn answers_from_form(
    questions: &[Question],
    form: &HashMap<String, String>,
) -> Result<BTreeMap<usize, String>, AppError> {
    let mut answers = BTreeMap::new();
    for question in questions {
        let field = question.field();
        let wrong = |why: &str| AppError::invalid(&field, why);
        let given = match &question.kind {
            QuestionKind::SeveralChoices(options) => {
                let chosen: Vec<&str> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| form.contains_key(&format!("{field}_{}", i + 1)))
                    .map(|(_, option)| option.as_str())
                    .collect();
                (!chosen.is_empty()).then(|| chosen.join("; "))
            }
            _ => form
                .get(&field)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty()),
        };
        if !is_shown(question, &answers) {
            continue;
        }
        match given {
            None if question.required => return Err(wrong("This question needs an answer.")),
            None => {}
            Some(value) => {
                let fits = match &question.kind {
                    QuestionKind::FreeText => value.chars().count() <= MAX_ANSWER_CHARS,
                    QuestionKind::SeveralChoices(_) => true,
                    _ => question.choices().contains(&value),
                };
                if !fits {
                    return Err(wrong(
                        "Choose one of the answers offered (free answers up to 1,000 characters).",
                    ));
                }
                answers.insert(question.number, value);
            }
        }
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "* yes/no: Can we count on your vote?\n\
        choice: How will you vote? | In person | By post | if 1 = yes\n\
        several: Which issues matter? | Housing | NHS | Transport\n\
        scale 1-5: How likely are you to help?\n\
        text: Anything else?";

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_survey_reads_every_kind_with_its_condition() {
        let questions = parse_survey(SAMPLE).unwrap();
        assert_eq!(questions.len(), 5);
        assert!(questions[0].required);
        assert_eq!(
            questions[1].kind,
            QuestionKind::OneChoice(vec!["In person".into(), "By post".into()])
        );
        assert_eq!(
            questions[1].shown_when,
            Some(ShownWhen {
                question: 1,
                value: "yes".into()
            })
        );
        assert_eq!(questions[3].kind, QuestionKind::Scale { from: 1, to: 5 });
    }

    #[test]
    fn a_wrong_line_is_named() {
        let err = parse_survey("yes/no: Fine\nchoice: Only one | A").unwrap_err();
        assert!(err.message_for("survey").unwrap().starts_with("Line 2:"));
        let err = parse_survey("yes/no: Fine\nyes/no: Later | if 3 = yes").unwrap_err();
        assert!(err
            .message_for("survey")
            .unwrap()
            .contains("earlier question"));
        assert!(parse_survey("poll: What?").is_err());
    }

    #[test]
    fn answers_keep_shown_questions_and_require_required_ones() {
        let questions = parse_survey(SAMPLE).unwrap();
        let got = answers_from_form(
            &questions,
            &form(&[
                ("q1", "no"),
                ("q2", "By post"),
                ("q3_1", "on"),
                ("q3_3", "on"),
            ]),
        )
        .unwrap();
        // Question 2 is asked only of a "yes", so its answer is dropped.
        assert_eq!(got.get(&2), None);
        assert_eq!(got.get(&3).map(String::as_str), Some("Housing; Transport"));
        let err = answers_from_form(&questions, &form(&[])).unwrap_err();
        assert!(err.message_for("q1").is_some());
        let err = answers_from_form(&questions, &form(&[("q1", "maybe")])).unwrap_err();
        assert!(err.message_for("q1").is_some());
    }
}
