//! The conditions that find a person's rows, for export and erasure alike.

use super::registry::{Finder, Subject};
use sea_orm::sea_query::{Alias, Cond, Expr, ExprTrait, Func, LikeExpr};

/// The rows `by` finds for `subject`, or None when the subject has nothing it could match
/// (a guest has no account id; an account without a proved number has no number).
pub fn condition(by: Finder, subject: &Subject) -> Option<Cond> {
    let col = |name: &'static str| Expr::col(Alias::new(name));
    match by {
        Finder::Person(column) => subject
            .person_id
            .map(|id| Cond::all().add(col(column).eq(id))),
        Finder::Email { column, account } => {
            let email = subject.email.clone()?;
            let mut found = Cond::all().add(col(column).eq(email));
            if let (true, Some(account)) = (subject.is_guest(), account) {
                found = found.add(col(account).is_null());
            }
            Some(found)
        }
        Finder::Phone(column) => subject
            .phone
            .clone()
            .map(|phone| Cond::all().add(col(column).eq(phone))),
        Finder::SignInKey(column) => {
            let email = subject.email.as_deref()?;
            let pair = format!("pair:{email}|");
            let prefix = Func::cust(Alias::new("SUBSTR"))
                .arg(col(column))
                .arg(1)
                .arg(pair.chars().count() as i32);
            Some(
                Cond::any()
                    .add(col(column).eq(format!("account:{email}")))
                    .add(Expr::expr(prefix).eq(pair)),
            )
        }
        Finder::Mentions(column) => {
            let mut any = Cond::any();
            let words = [&subject.email, &subject.phone, &subject.name];
            for word in words
                .into_iter()
                .flatten()
                .filter(|w| w.chars().count() >= 5)
            {
                any = any.add(col(column).like(LikeExpr::new(contains(word)).escape('\\')));
            }
            (!any.is_empty()).then_some(any)
        }
    }
}

/// A LIKE pattern matching text that contains `word` as it is (its `%`, `_` and `\`
/// escaped).
fn contains(word: &str) -> String {
    let mut pattern = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn like_patterns_match_the_word_only() {
        assert_eq!(contains("a_b%c"), "%a\\_b\\%c%");
        assert_eq!(contains("x\\y"), "%x\\\\y%");
    }
}
