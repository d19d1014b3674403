//! Consistency of an edition's data: what `tests/editions.rs` runs over every file, so a
//! typo in next year's notice fails `cargo test` instead of a page.

use crate::model::{Category, CheckTest, Condition, Edition, Expr, FieldKind};
use std::collections::HashSet;

const CATEGORY_IDS: &[&str] = &["enterprise", "park", "street", "base"];

fn is_number(kind: FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Amount | FieldKind::Number | FieldKind::Count | FieldKind::Percent
    )
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Every problem found, as "edition/category: message" lines (empty when the data is sound).
pub fn lint(edition: &Edition) -> Vec<String> {
    let mut out = Vec::new();
    if !is_id(&edition.id) {
        out.push(format!(
            "{}: edition id must be lowercase ASCII",
            edition.id
        ));
    }
    let mut seen = HashSet::new();
    for c in &edition.categories {
        if !seen.insert(c.id.as_str()) {
            out.push(format!("{}: category {} twice", edition.id, c.id));
        }
        if !CATEGORY_IDS.contains(&c.id.as_str()) {
            out.push(format!("{}: unknown category id {}", edition.id, c.id));
        }
        for problem in lint_category(c) {
            out.push(format!("{}/{}: {}", edition.id, c.id, problem));
        }
    }
    out
}

fn lint_category(c: &Category) -> Vec<String> {
    let mut out = Vec::new();
    let kind = |id: &str| c.field(id).map(|f| f.kind);
    let mut ids = HashSet::new();
    for f in &c.fields {
        if !ids.insert(f.id.as_str()) {
            out.push(format!("field {} twice", f.id));
        }
        if !is_id(&f.id) || f.id.contains('-') {
            out.push(format!("field id {} must be snake_case ASCII", f.id));
        }
        if f.label.trim().is_empty() {
            out.push(format!("field {} has no label", f.id));
        }
        let choice_kind = matches!(
            f.kind,
            FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Checklist
        );
        if choice_kind && f.options.is_empty() {
            out.push(format!("field {} needs options", f.id));
        }
        if !choice_kind && !f.options.is_empty() {
            out.push(format!("field {} is {:?} but has options", f.id, f.kind));
        }
        let mut values = HashSet::new();
        for o in &f.options {
            if !values.insert(o.value.as_str()) || !is_id(&o.value) {
                out.push(format!(
                    "field {}: option value {} repeated or not ASCII",
                    f.id, o.value
                ));
            }
            if let Some(detail) = &o.detail_field {
                match c.field(detail) {
                    Some(d) if d.kind == FieldKind::Text => {
                        let tied = d
                            .when
                            .as_ref()
                            .is_some_and(|w| w.field == f.id && w.has == o.value);
                        if !tied {
                            out.push(format!(
                                "detail field {detail} must have when {{{}: {}}}",
                                f.id, o.value
                            ));
                        }
                    }
                    _ => out.push(format!(
                        "field {}: detail field {detail} missing or not text",
                        f.id
                    )),
                }
            }
        }
        if (f.min.is_some() || f.max.is_some()) && !is_number(f.kind) {
            out.push(format!("field {} has min/max but is not a number", f.id));
        }
        if f.max_chars.is_some()
            && !matches!(
                f.kind,
                FieldKind::Text | FieldKind::LongText | FieldKind::TextList
            )
        {
            out.push(format!("field {} has maxChars but is not a text", f.id));
        }
        if f.past && f.kind != FieldKind::Date {
            out.push(format!("field {} is past but not a date", f.id));
        }
        if let Some(w) = &f.when {
            lint_condition(c, w, &mut out, &format!("field {}", f.id));
            if w.field == f.id {
                out.push(format!("field {} depends on itself", f.id));
            }
        }
    }
    for f in &c.fields {
        // Follow the chain of `when` conditions: it must end within the category's size.
        let mut current = f;
        for _ in 0..=c.fields.len() {
            match current.when.as_ref().and_then(|w| c.field(&w.field)) {
                Some(next) if next.id == f.id => {
                    out.push(format!(
                        "field {}: its condition leads back to itself",
                        f.id
                    ));
                    break;
                }
                Some(next) => current = next,
                None => break,
            }
        }
    }
    if kind(&c.reference_date) != Some(FieldKind::Date) {
        out.push(format!(
            "referenceDate {} is not a date field",
            c.reference_date
        ));
    }
    let mut check_ids = HashSet::new();
    for check in &c.checks {
        if !check_ids.insert(check.id.as_str()) || !is_id(&check.id) {
            out.push(format!("check id {} repeated or not ASCII", check.id));
        }
        let need =
            |id: &str, ok: fn(FieldKind) -> bool, what: &str, out: &mut Vec<String>| match kind(id)
            {
                Some(k) if ok(k) => {}
                _ => out.push(format!("check {}: {id} must be {what}", check.id)),
            };
        match &check.test {
            CheckTest::NotGreater {
                left,
                right,
                factor,
            } => {
                need(left, is_number, "a number", &mut out);
                need(right, is_number, "a number", &mut out);
                if !(factor.is_finite() && *factor > 0.0) {
                    out.push(format!("check {}: factor must be positive", check.id));
                }
            }
            CheckTest::RatioAgrees {
                field,
                numerator,
                denominator,
                tolerance,
            } => {
                need(field, |k| k == FieldKind::Percent, "a percent", &mut out);
                need(numerator, is_number, "a number", &mut out);
                need(denominator, is_number, "a number", &mut out);
                if !(tolerance.is_finite() && *tolerance >= 0.0) {
                    out.push(format!("check {}: bad tolerance", check.id));
                }
            }
            CheckTest::TotalChars { fields, .. } => {
                if fields.is_empty() {
                    out.push(format!("check {}: no fields", check.id));
                }
                for f in fields {
                    need(f, |k| k == FieldKind::LongText, "a long text", &mut out);
                }
            }
            CheckTest::DateNotBefore { field, other } => {
                need(field, |k| k == FieldKind::Date, "a date", &mut out);
                need(other, |k| k == FieldKind::Date, "a date", &mut out);
            }
        }
    }
    let mut rule_ids = HashSet::new();
    let mut declared = HashSet::new();
    for r in &c.rules {
        if !rule_ids.insert(r.id.as_str()) || !is_id(&r.id) {
            out.push(format!("rule id {} repeated or not ASCII", r.id));
        }
        if r.clause.trim().is_empty() || r.text.trim().is_empty() {
            out.push(format!("rule {} needs its clause number and text", r.id));
        }
        if let Some(a) = &r.applies {
            lint_condition(c, a, &mut out, &format!("rule {}", r.id));
        }
        lint_expr(c, &r.test, &r.id, &mut out, &mut declared);
    }
    for f in c
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Declaration && !f.required)
    {
        if !declared.contains(f.id.as_str()) {
            out.push(format!("declaration {} is read by no rule", f.id));
        }
    }
    out
}

fn lint_condition(c: &Category, w: &Condition, out: &mut Vec<String>, who: &str) {
    match c.field(&w.field) {
        Some(f)
            if matches!(
                f.kind,
                FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Checklist
            ) =>
        {
            if !f.options.iter().any(|o| o.value == w.has) {
                out.push(format!(
                    "{who}: condition value {} is not an option of {}",
                    w.has, w.field
                ));
            }
        }
        Some(f) if f.kind == FieldKind::YesNo => {
            if w.has != "yes" && w.has != "no" {
                out.push(format!("{who}: yes/no condition must be yes or no"));
            }
        }
        _ => out.push(format!(
            "{who}: condition field {} missing or not a choice",
            w.field
        )),
    }
}

fn lint_expr<'a>(
    c: &Category,
    e: &'a Expr,
    rule: &str,
    out: &mut Vec<String>,
    declared: &mut HashSet<&'a str>,
) {
    let kind = |id: &str| c.field(id).map(|f| f.kind);
    let mut need = |id: &str, ok: bool, what: &str| {
        if !ok {
            out.push(format!(
                "rule {rule}: {id} must be {what} (is {:?})",
                kind(id)
            ));
        }
    };
    match e {
        Expr::All { of } | Expr::Any { of } => {
            if of.is_empty() {
                out.push(format!("rule {rule}: empty all/any"));
            }
            for x in of {
                lint_expr(c, x, rule, out, declared);
            }
        }
        Expr::If {
            cond,
            then,
            otherwise,
        } => {
            lint_condition(c, cond, out, &format!("rule {rule}"));
            lint_expr(c, then, rule, out, declared);
            lint_expr(c, otherwise, rule, out, declared);
        }
        Expr::AtLeast { field, .. } => need(field, kind(field).is_some_and(is_number), "a number"),
        Expr::SumAtLeast { fields, .. } => {
            for f in fields {
                need(f, kind(f).is_some_and(is_number), "a number");
            }
        }
        Expr::RatioAtLeast {
            numerator,
            denominator,
            ..
        } => {
            need(
                numerator,
                kind(numerator).is_some_and(is_number),
                "a number",
            );
            need(
                denominator,
                kind(denominator).is_some_and(is_number),
                "a number",
            );
        }
        Expr::YearsSince { field, .. } => {
            need(field, kind(field) == Some(FieldKind::Date), "a date")
        }
        Expr::CountAtLeast { field, .. } => need(
            field,
            matches!(
                kind(field),
                Some(FieldKind::MultiChoice | FieldKind::Checklist)
            ),
            "a multiChoice",
        ),
        Expr::Includes { field, value } => {
            let ok = c
                .field(field)
                .is_some_and(|f| f.options.iter().any(|o| o.value == *value));
            need(field, ok, "a choice with that option");
        }
        Expr::IsYes { field } => need(field, kind(field) == Some(FieldKind::YesNo), "yes/no"),
        Expr::Declared { field } => {
            declared.insert(field.as_str());
            need(
                field,
                kind(field) == Some(FieldKind::Declaration),
                "a declaration",
            )
        }
        Expr::UsccKind { field, .. } | Expr::UsccProvince { field, .. } => {
            need(field, kind(field) == Some(FieldKind::Uscc), "a credit code")
        }
    }
}
