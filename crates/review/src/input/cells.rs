//! One spreadsheet cell as the form would have received it: text for the core to check, the
//! items of a choice or list, a ticked box. Nothing is interpreted beyond what a person's
//! form does (choices typed as their labels become their values); the checking is the core's.

use yanglao_core::model::{Field, FieldKind};
use yanglao_core::Value;

/// Longest cell read (in bytes), as the core's draft reader allows for a text.
pub const MAX_CELL_BYTES: usize = 1 << 20;

/// A cell, whatever the file format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Bool(bool),
    /// A formula error (#N/A, #DIV/0! …): the figure is unknown.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s.trim()),
            _ => None,
        }
    }
}

/// A workbook cell. Numbers are written as a person would type them (5200, 42.5), dates as
/// YYYY-MM-DD; a cell formatted as a percentage holds the fraction (0.12 for 12%) and is
/// read as that number, so percentages are best typed as 12 or "12%".
pub fn from_calamine(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Float(f) => Cell::Text(number_text(*f)),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            Cell::Text(excel_date(dt.as_f64()).unwrap_or_else(|| number_text(dt.as_f64())))
        }
        Data::DateTimeIso(s) => Cell::Text(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e:?}")),
    }
}

/// A float without a trailing ".0"; Rust's shortest round-trip spelling otherwise.
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel serial date (days since 1899-12-30) as YYYY-MM-DD.
fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64 - 25_569; // 1970-01-01 is serial 25569
    let (y, m, d) = crate::today::civil_from_days(days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Separators between the items of a choice typed into one cell.
fn is_item_separator(c: char) -> bool {
    matches!(c, ';' | '；' | '、' | ',' | '，' | '\n' | '\r' | '|')
}

/// The value for `field` from one cell (`None` when empty). A text list takes one item per
/// line; a choice takes its options by value or by label, separated by 、；, or line breaks
/// (an item that is neither stays as typed, and the core reports it as not an option).
pub fn to_value(field: &Field, cell: &Cell) -> Option<Value> {
    match cell {
        Cell::Empty | Cell::Error(_) => None,
        Cell::Bool(b) => Some(Value::Bool(*b)),
        Cell::Text(s) if s.trim().is_empty() => None,
        Cell::Text(s) => Some(match field.kind {
            FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Checklist => Value::List(
                s.split(is_item_separator)
                    .map(str::trim)
                    .filter(|i| !i.is_empty())
                    .map(|i| option_value(field, i))
                    .collect(),
            ),
            FieldKind::TextList => Value::List(
                s.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            _ => Value::Text(s.clone()),
        }),
    }
}

fn option_value(field: &Field, item: &str) -> String {
    field
        .options
        .iter()
        .find(|o| o.value == item || o.label == item)
        .map(|o| o.value.to_string())
        .unwrap_or_else(|| item.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_read_as_typed() {
        assert_eq!(number_text(5200.0), "5200");
        assert_eq!(number_text(42.5), "42.5");
        assert_eq!(number_text(-120.0), "-120");
        assert_eq!(excel_date(45292.0).as_deref(), Some("2024-01-01"));
        assert_eq!(excel_date(42064.0).as_deref(), Some("2015-03-01"));
        assert_eq!(excel_date(-3.0), None);
    }
}
