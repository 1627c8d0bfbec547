//! Splits a template into text and merge fields in one pass, without allocating.

/// A run of plain text, a merge field, or an opening `{{` that is never closed.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Text(&'a str),
    /// The trimmed name between `{{` and `}}`.
    Field(&'a str),
    /// `{{` and what follows it, up to the next `{{` or the end.
    Unclosed(&'a str),
}

/// The pieces of a template, from left to right.
pub(super) struct Pieces<'a> {
    rest: &'a str,
}

/// Reads `template` piece by piece.
pub(super) fn pieces(template: &str) -> Pieces<'_> {
    Pieces { rest: template }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        let open = rest.find("{{").unwrap_or(rest.len());
        if open > 0 {
            self.rest = &rest[open..];
            return Some(Piece::Text(&rest[..open]));
        }
        let after = &rest[2..];
        let (inside, close_at) = match after.find("}}") {
            Some(close) => (&after[..close], Some(close)),
            None => (after, None),
        };
        match (inside.find("{{"), close_at) {
            (None, Some(close)) => {
                self.rest = &after[close + 2..];
                Some(Piece::Field(inside.trim()))
            }
            (reopen, _) => {
                let end = 2 + reopen.unwrap_or(inside.len());
                self.rest = &rest[end..];
                Some(Piece::Unclosed(&rest[..end]))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_fields_come_out_in_order() {
        let found: Vec<Piece> = pieces("Hi {{ first_name }}!").collect();
        assert_eq!(
            found,
            vec![
                Piece::Text("Hi "),
                Piece::Field("first_name"),
                Piece::Text("!")
            ]
        );
    }

    #[test]
    fn an_unclosed_field_runs_to_the_next_opening() {
        let found: Vec<Piece> = pieces("{{a {{b}}").collect();
        assert_eq!(found, vec![Piece::Unclosed("{{a "), Piece::Field("b")]);
    }

    #[test]
    fn an_unclosed_field_at_the_end_runs_to_the_end() {
        let found: Vec<Piece> = pieces("x {{a").collect();
        assert_eq!(found, vec![Piece::Text("x "), Piece::Unclosed("{{a")]);
    }

    #[test]
    fn empty_braces_are_an_empty_field() {
        assert_eq!(pieces("{{}}").collect::<Vec<_>>(), vec![Piece::Field("")]);
    }
}
