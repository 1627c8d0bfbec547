//! Many small rows read as one. sqlx's SQLite driver runs each connection on a thread of
//! its own and hands every row to the caller through a channel, and each row is decoded
//! value by value: for a read of a thousand rows of a few numbers that costs more than
//! SQLite's reading (BENCHMARKS.md). Such a read can instead ask the database for each
//! column's values joined into one text value (`group_concat` on SQLite, `string_agg` on
//! PostgreSQL), one aggregate per column, which are split here. One aggregate per column,
//! not one per row: joining a row's values first cost SQLite twice as much.

use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::{
    sea_query::Expr, ConnectionTrait, DbBackend, DbErr, EntityTrait, IdenStatic, QuerySelect,
    QueryTrait, Select,
};

/// A column of the query's table to pack: whole numbers or times that are never NULL (a
/// lone NULL would read as no rows, and among others as a bad field).
#[derive(Clone, Copy, Debug)]
pub enum Packed<C> {
    Int(C),
    Time(C),
}

const SEPARATOR: char = ',';

/// The aggregate that joins one column's values, in the order the rows are read (the
/// same order for every aggregate of one query); NULL when there are no rows. A NULL
/// value, which `Packed` columns should not hold, packs as an empty field so the columns
/// stay in step and the read fails on it instead of pairing the wrong values.
fn aggregate(backend: DbBackend, column: Packed<impl IdenStatic>) -> Expr {
    let (name, is_time) = match column {
        Packed::Int(column) => (column.as_str(), false),
        Packed::Time(column) => (column.as_str(), true),
    };
    Expr::cust(match (backend, is_time) {
        (DbBackend::Postgres, false) => {
            format!("string_agg(coalesce(\"{name}\"::text, ''), '{SEPARATOR}')")
        }
        // Whole microseconds since 1970: exact, and no text format to agree on.
        (DbBackend::Postgres, true) => format!(
            "string_agg(coalesce(((extract(epoch from \"{name}\") * 1000000)::bigint)::text, ''), \
             '{SEPARATOR}')"
        ),
        // SQLite keeps times as text already; its default separator is a comma.
        _ => format!("group_concat(coalesce(\"{name}\", ''))"),
    })
}

/// Reads `columns` of every row `select` matches, packed: one row comes back whatever
/// the number of rows matched.
pub async fn read_packed<E: EntityTrait, const N: usize>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    columns: [Packed<E::Column>; N],
) -> Result<PackedRows<N>, DbErr> {
    let backend = db.get_database_backend();
    let query = columns.iter().fold(select.select_only(), |query, column| {
        query.expr(aggregate(backend, *column))
    });
    let mut values: [String; N] = std::array::from_fn(|_| String::new());
    if let Some(row) = db.query_one_raw(query.build(backend)).await? {
        for (index, value) in values.iter_mut().enumerate() {
            *value = row
                .try_get_by_index::<Option<String>>(index)?
                .unwrap_or_default();
        }
    }
    Ok(PackedRows(values))
}

/// Each column's values, joined.
pub struct PackedRows<const N: usize>([String; N]);

impl<const N: usize> PackedRows<N> {
    /// The rows, each with its fields in the order the columns were packed.
    pub fn records(&self) -> impl Iterator<Item = Record<'_, N>> {
        let mut columns = self
            .0
            .each_ref()
            .map(|column| (!column.is_empty()).then(|| column.split(SEPARATOR)));
        std::iter::from_fn(move || {
            let mut fields = [""; N];
            for (field, column) in fields.iter_mut().zip(columns.iter_mut()) {
                *field = column.as_mut()?.next()?;
            }
            Some(Record { fields, next: 0 })
        })
    }
}

/// One packed row: its fields are taken in order.
pub struct Record<'a, const N: usize> {
    fields: [&'a str; N],
    next: usize,
}

impl<const N: usize> Record<'_, N> {
    fn field(&mut self) -> Result<&str, DbErr> {
        let field = self.fields.get(self.next).copied();
        self.next += 1;
        field.ok_or_else(|| DbErr::Type("a packed row has fewer fields than asked for".into()))
    }

    pub fn int(&mut self) -> Result<i32, DbErr> {
        let field = self.field()?;
        field
            .parse()
            .map_err(|_| DbErr::Type(format!("a packed field is not a whole number: {field:?}")))
    }

    /// A time as either database packs it: PostgreSQL's microseconds, or the text SQLite
    /// keeps (RFC 3339 as sqlx writes it, or `YYYY-MM-DD HH:MM:SS[.f]` in UTC).
    pub fn time(&mut self) -> Result<DateTime<Utc>, DbErr> {
        let field = self.field()?;
        let bad = || DbErr::Type(format!("a packed field is not a time: {field:?}"));
        if let Ok(micros) = field.parse::<i64>() {
            return DateTime::from_timestamp_micros(micros).ok_or_else(bad);
        }
        if let Ok(time) = DateTime::parse_from_rfc3339(field) {
            return Ok(time.with_timezone(&Utc));
        }
        if let Ok(time) = DateTime::parse_from_str(field, "%F %T%.f%:z") {
            return Ok(time.with_timezone(&Utc));
        }
        NaiveDateTime::parse_from_str(field, "%F %T%.f")
            .map(|naive| naive.and_utc())
            .map_err(|_| bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn packed<const N: usize>(columns: [&str; N]) -> PackedRows<N> {
        PackedRows(columns.map(str::to_string))
    }

    #[test]
    fn columns_are_read_in_step_row_by_row() {
        let rows = packed(["1,30", "2,-4"]);
        let got: Vec<(i32, i32)> = rows
            .records()
            .map(|mut r| Ok::<_, DbErr>((r.int()?, r.int()?)))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, vec![(1, 2), (30, -4)]);
        assert_eq!(
            packed(["", ""]).records().count(),
            0,
            "no rows packs to nothing"
        );
    }

    #[test]
    fn times_read_as_either_database_packs_them() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 19, 0, 0).unwrap()
            + chrono::Duration::microseconds(123_456);
        for time in [
            "1796670000123456",
            "2026-12-07T19:00:00.123456+00:00",
            "2026-12-07 19:00:00.123456+00:00",
            "2026-12-07 19:00:00.123456",
            "2026-12-07T20:00:00.123456+01:00",
        ] {
            let rows = packed([time]);
            assert_eq!(rows.records().next().unwrap().time().unwrap(), at, "{time}");
        }
    }

    #[test]
    fn a_short_or_strange_row_is_an_error_not_a_guess() {
        let rows = packed(["7", "soon"]);
        let mut record = rows.records().next().unwrap();
        assert_eq!(record.int().unwrap(), 7);
        assert!(record.time().is_err());
        assert!(record.int().is_err(), "no third field");
        assert!(packed(["x"]).records().next().unwrap().int().is_err());
        assert!(
            packed(["", "1"]).records().next().is_none(),
            "a column with fewer values ends the rows"
        );
    }
}
