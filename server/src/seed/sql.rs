//! Multi-row INSERT statements written as SQL text. Every value is a number, a
//! timestamp we format, or a string with its quotes doubled, so literals are safe and
//! no statement meets SQLite's limit on bound parameters.

use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

/// Rows per INSERT statement.
const ROWS_PER_STATEMENT: usize = 500;

/// INSERT statements for one table, filled a row at a time.
#[derive(Debug)]
pub struct Batch {
    head: String,
    current: String,
    rows_in_current: usize,
    done: Vec<String>,
}

impl Batch {
    /// A batch for `INSERT INTO table (columns…)`.
    pub fn new(table: &str, columns: &[&str]) -> Self {
        Self {
            head: format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")),
            current: String::new(),
            rows_in_current: 0,
            done: Vec::new(),
        }
    }

    /// Starts a row; write its values in column order.
    pub fn row(&mut self) -> Row<'_> {
        if self.rows_in_current == ROWS_PER_STATEMENT {
            self.done.push(std::mem::take(&mut self.current));
            self.rows_in_current = 0;
        }
        if self.rows_in_current == 0 {
            self.current.push_str(&self.head);
        } else {
            self.current.push(',');
        }
        self.rows_in_current += 1;
        Row {
            out: &mut self.current,
            first: true,
        }
    }

    /// The finished statements, in order; the batch is empty afterwards.
    pub fn take(&mut self) -> Vec<String> {
        if self.rows_in_current > 0 {
            self.done.push(std::mem::take(&mut self.current));
            self.rows_in_current = 0;
        }
        std::mem::take(&mut self.done)
    }
}

/// One row's values. The closing parenthesis is written when the row is dropped.
pub struct Row<'a> {
    out: &'a mut String,
    first: bool,
}

impl Row<'_> {
    fn next(&mut self) -> &mut String {
        self.out.push(if self.first { '(' } else { ',' });
        self.first = false;
        self.out
    }

    pub fn int(mut self, value: i64) -> Self {
        let _ = write!(self.next(), "{value}");
        self
    }

    /// TRUE or FALSE: PostgreSQL will not put 1 in a boolean column; SQLite reads 1 or 0.
    pub fn bool(mut self, value: bool) -> Self {
        self.next().push_str(if value { "TRUE" } else { "FALSE" });
        self
    }

    pub fn opt_int(self, value: Option<i64>) -> Self {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    pub fn float(mut self, value: f64) -> Self {
        // Debug keeps the decimal point on whole numbers, so PostgreSQL reads a double.
        let _ = write!(self.next(), "{value:?}");
        self
    }

    pub fn opt_float(self, value: Option<f64>) -> Self {
        match value {
            Some(v) if v.is_finite() => self.float(v),
            _ => self.null(),
        }
    }

    pub fn text(mut self, value: &str) -> Self {
        let out = self.next();
        out.push('\'');
        for c in value.chars().filter(|c| *c != '\0') {
            if c == '\'' {
                out.push('\'');
            }
            out.push(c);
        }
        out.push('\'');
        self
    }

    pub fn opt_text(self, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    /// A timestamp as sqlx writes one: RFC 3339 in UTC. SQLite compares timestamps as
    /// text, so the format must match what the app binds.
    pub fn time(self, value: DateTime<Utc>) -> Self {
        self.text(&value.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }

    pub fn opt_time(self, value: Option<DateTime<Utc>>) -> Self {
        match value {
            Some(v) => self.time(v),
            None => self.null(),
        }
    }

    pub fn null(mut self) -> Self {
        self.next().push_str("NULL");
        self
    }
}

impl Drop for Row<'_> {
    fn drop(&mut self) {
        self.out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn rows_are_quoted_and_split_into_statements() {
        let mut batch = Batch::new("t", &["a", "b", "c", "d"]);
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 19, 0, 0).unwrap();
        batch.row().int(1).text("O'Brien").opt_float(None).time(at);
        batch.row().int(2).text("x").float(53.0).bool(true);
        assert_eq!(
            batch.take(),
            vec![
                "INSERT INTO t (a, b, c, d) VALUES (1,'O''Brien',NULL,'2026-12-03T19:00:00+00:00'),(2,'x',53.0,TRUE)"
                    .to_string()
            ]
        );
        for i in 0..(ROWS_PER_STATEMENT + 1) {
            batch.row().int(i as i64);
        }
        assert_eq!(batch.take().len(), 2);
        assert!(batch.take().is_empty());
    }
}
