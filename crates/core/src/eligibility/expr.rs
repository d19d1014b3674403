//! Evaluating a clause's expression, with a one-line explanation of each part.

use super::Status;
use crate::checks;
use crate::fmt::num;
use crate::locale::Locale;
use crate::model::{Condition, Expr, Field};
use crate::validate::field::{Reading, Typed};
use crate::validate::Form;

pub struct Outcome {
    pub status: Status,
    /// Sentences explaining the status, already in the form's locale.
    parts: Vec<String>,
}

impl Outcome {
    fn new(status: Status, part: String) -> Outcome {
        Outcome {
            status,
            parts: vec![part],
        }
    }

    pub fn explanation(&self, locale: Locale) -> String {
        self.parts.join(locale.pick("；", "; "))
    }
}

/// What a rule sees of a field.
enum Seen<'a> {
    Value(&'a Typed),
    /// Not given, not applicable or not valid: the sentence says which.
    Missing(String),
}

fn zh(form: &Form) -> bool {
    form.ctx.locale == Locale::ZhCn
}

/// A field's label without a trailing unit in brackets: "注册资金（万元）" → "注册资金", so the
/// explanation can put the unit after the number.
fn short_label(field: &Field) -> &str {
    let label = field.name().trim();
    if let Some(unit) = &field.unit {
        for (open, close) in [('（', '）'), ('(', ')')] {
            let suffix = format!("{open}{unit}{close}");
            if let Some(stripped) = label.strip_suffix(&suffix) {
                return stripped.trim_end();
            }
        }
    }
    label
}

fn label_of<'a>(form: &'a Form, id: &'a str) -> &'a str {
    form.category.field(id).map(short_label).unwrap_or(id)
}

fn unit_of<'a>(form: &'a Form, id: &str) -> &'a str {
    form.category
        .field(id)
        .and_then(|f| f.unit.as_deref())
        .unwrap_or("")
}

fn see<'a>(form: &'a Form, id: &str) -> Seen<'a> {
    let label = label_of(form, id);
    match form.slot(id).map(|s| &s.reading) {
        Some(Reading::Valid(t)) => Seen::Value(t),
        Some(Reading::Invalid) if zh(form) => Seen::Missing(format!("{label}填写有误，请先更正")),
        Some(Reading::Invalid) => Seen::Missing(format!("{label} has an error to correct first")),
        Some(Reading::NotApplicable) if zh(form) => Seen::Missing(format!(
            "待补充：{label}（按所选类型无需填写，本条无法据此判断）"
        )),
        Some(Reading::NotApplicable) => {
            Seen::Missing(format!("Missing: {label} (not asked for the type chosen)"))
        }
        Some(Reading::NotCollected) if zh(form) => Seen::Missing(format!(
            "待补充：{label}（本页未收集此项，请按通知另行提供）"
        )),
        Some(Reading::NotCollected) => {
            Seen::Missing(format!("Missing: {label} (this page does not collect it)"))
        }
        _ if zh(form) => Seen::Missing(format!("待补充：{label}")),
        _ => Seen::Missing(format!("Missing: {label}")),
    }
}

fn missing(part: String) -> Outcome {
    Outcome::new(Status::Missing, part)
}

pub fn missing_condition(form: &Form, cond: &Condition) -> Outcome {
    let label = label_of(form, &cond.field);
    let collected = form.collects(&cond.field);
    if !collected && zh(form) {
        missing(format!(
            "待补充：{label}（本页未收集此项，据此确定本条是否适用）"
        ))
    } else if !collected {
        missing(format!("Missing: {label} (this page does not collect it; it decides whether this condition applies)"))
    } else if zh(form) {
        missing(format!("待补充：{label}（据此确定本条是否适用）"))
    } else {
        missing(format!(
            "Missing: {label} (decides whether this condition applies)"
        ))
    }
}

pub fn eval(form: &Form, e: &Expr) -> Outcome {
    match e {
        Expr::All { of } => combine(form, of, Status::all_rank, false),
        Expr::Any { of } => combine(form, of, Status::any_rank, true),
        Expr::If {
            cond,
            then,
            otherwise,
        } => match form.condition(cond) {
            Some(true) => eval(form, then),
            Some(false) => eval(form, otherwise),
            None => missing_condition(form, cond),
        },
        Expr::AtLeast {
            field,
            min,
            label,
            proven_by,
        } => match proven_by_part(form, field, proven_by, *min, label.as_deref()) {
            Some(outcome) => outcome,
            None => at_least(form, field, *min, label.as_deref()),
        },
        Expr::CountPositive { fields, min, label } => count_positive(form, fields, *min, label),
        Expr::SumAtLeast { fields, min, label } => sum_at_least(form, fields, *min, label),
        Expr::RatioAtLeast {
            numerator,
            denominator,
            min,
            label,
        } => ratio(form, numerator, denominator, *min, label),
        Expr::YearsSince { field, min } => years_since(form, field, *min),
        Expr::CountAtLeast { field, min, label } => {
            count_at_least(form, field, *min, label.as_deref())
        }
        Expr::Includes { field, value } => includes(form, field, value),
        Expr::IsYes { field } => is_yes(form, field),
        Expr::Declared { field } => declared(form, field),
        Expr::UsccKind {
            field,
            prefixes,
            label,
        } => uscc_kind(form, field, prefixes, label),
    }
}

/// `all` and `any`: the deciding status by rank; the explanation keeps every part for `all`
/// (all of them matter) and only the deciding parts for a satisfied `any`.
fn combine(form: &Form, of: &[Expr], rank: fn(Status) -> u8, any: bool) -> Outcome {
    let outcomes: Vec<Outcome> = of.iter().map(|x| eval(form, x)).collect();
    let Some(status) = outcomes.iter().map(|o| o.status).max_by_key(|s| rank(*s)) else {
        return Outcome {
            status: Status::Met,
            parts: Vec::new(),
        };
    };
    let keep_only_deciding = any && matches!(status, Status::Met | Status::Declared);
    let parts = outcomes
        .into_iter()
        .filter(|o| !keep_only_deciding || o.status == status)
        .flat_map(|o| o.parts)
        .collect();
    Outcome { status, parts }
}

fn number<'a>(form: &'a Form, id: &str) -> Result<f64, Seen<'a>> {
    match see(form, id) {
        Seen::Value(Typed::Number(n)) => Ok(*n),
        Seen::Value(Typed::Options(o)) => Ok(o.len() as f64),
        Seen::Value(_) => Err(Seen::Missing(label_of(form, id).to_string())),
        missing => Err(missing),
    }
}

fn unseen(seen: Seen) -> String {
    match seen {
        Seen::Missing(s) => s,
        Seen::Value(_) => String::new(),
    }
}

fn compare(form: &Form, what: &str, value: String, min: String, unit: &str, ok: bool) -> Outcome {
    let text = match (zh(form), ok) {
        (true, true) => format!("{what}为{value}{unit}，不少于{min}{unit}"),
        (true, false) => format!("{what}为{value}{unit}，不足{min}{unit}"),
        (false, true) => format!("{what} is {value}{unit}, at least {min}{unit}"),
        (false, false) => format!("{what} is {value}{unit}, less than {min}{unit}"),
    };
    Outcome::new(if ok { Status::Met } else { Status::NotMet }, text)
}

fn at_least(form: &Form, field: &str, min: f64, label: Option<&str>) -> Outcome {
    match number(form, field) {
        Ok(n) => compare(
            form,
            label.unwrap_or(label_of(form, field)),
            num(n),
            num(min),
            unit_of(form, field),
            n >= min,
        ),
        Err(seen) => missing(unseen(seen)),
    }
}

/// `Some(met)` when one of `parts` (each a part of the quantity `field` counts) already
/// reaches `min`: the whole cannot be less than its part, whatever `field` says or lacks.
fn proven_by_part(
    form: &Form,
    field: &str,
    parts: &[crate::model::Str],
    min: f64,
    label: Option<&str>,
) -> Option<Outcome> {
    let (part, n) = parts
        .iter()
        .find_map(|p| number(form, p).ok().filter(|n| *n >= min).map(|n| (p, n)))?;
    let whole = label.unwrap_or(label_of(form, field));
    let (part_label, unit) = (label_of(form, part), unit_of(form, part));
    let text = match zh(form) {
        true => format!("{part_label}为{}{unit}，已不少于{}{unit}；{whole}包含这部分，不会更少", num(n), num(min)),
        false => format!("{part_label} is {}{unit}, at least {}{unit}; {whole} includes it, so it cannot be less", num(n), num(min)),
    };
    Some(Outcome::new(Status::Met, text))
}

/// How many of `fields` are at least 1: met as soon as `min` of them are; not met once every
/// field is given and fewer are; otherwise missing (an empty row could still count).
fn count_positive(form: &Form, fields: &[crate::model::Str], min: u32, label: &str) -> Outcome {
    let mut positive = Vec::new();
    let mut gaps = Vec::new();
    for f in fields {
        match number(form, f) {
            Ok(n) if n >= 1.0 => positive.push(label_of(form, f)),
            Ok(_) => {}
            Err(seen) => gaps.push(unseen(seen)),
        }
    }
    let n = positive.len();
    let enough = n >= min as usize;
    let listed = positive.join(if zh(form) { "、" } else { ", " });
    let head = match (zh(form), enough) {
        (true, true) => format!("{label}：{n}类（{listed}），不少于{min}类"),
        (true, false) if gaps.is_empty() => {
            format!("{label}：{n}类，不足{min}类（按填写了种类数量的行计）")
        }
        (true, false) => format!("{label}：已填的行中{n}类，不足{min}类"),
        (false, true) => format!("{label}: {n} classes ({listed}), at least {min}"),
        (false, false) if gaps.is_empty() => {
            format!("{label}: {n} classes, fewer than {min} (rows with at least one kind)")
        }
        (false, false) => format!("{label}: {n} classes among the rows given, fewer than {min}"),
    };
    let status = match (enough, gaps.is_empty()) {
        (true, _) => Status::Met,
        (false, true) => Status::NotMet,
        (false, false) => Status::Missing,
    };
    let mut parts = vec![head];
    if !enough {
        parts.extend(gaps);
    }
    Outcome { status, parts }
}

/// Met as soon as the values given reach `min` (more can only add); otherwise a missing part
/// keeps it `missing`, never read as zero.
fn sum_at_least(form: &Form, fields: &[crate::model::Str], min: f64, label: &str) -> Outcome {
    let mut sum = 0.0;
    let mut terms = Vec::new();
    let mut gaps = Vec::new();
    for f in fields {
        match number(form, f) {
            Ok(n) => {
                sum += n;
                terms.push(num(n));
            }
            Err(seen) => gaps.push(unseen(seen)),
        }
    }
    let unit = fields.first().map(|f| unit_of(form, f)).unwrap_or("");
    let value = if terms.len() > 1 {
        format!("{}（{}）", num(sum), terms.join("+"))
    } else {
        num(sum)
    };
    if sum >= min || gaps.is_empty() {
        let mut outcome = compare(form, label, value, num(min), unit, sum >= min);
        outcome.parts.extend(gaps.into_iter().filter(|_| sum < min));
        return outcome;
    }
    let mut parts = vec![match zh(form) {
        true => format!("{label}已填部分合计{value}{unit}，不足{}{unit}", num(min)),
        false => format!(
            "{label}: the parts given add up to {value}{unit}, less than {}{unit}",
            num(min)
        ),
    }];
    parts.extend(gaps);
    Outcome {
        status: Status::Missing,
        parts,
    }
}

fn ratio(form: &Form, numerator: &str, denominator: &str, min: f64, label: &str) -> Outcome {
    let (n, d) = match (number(form, numerator), number(form, denominator)) {
        (Ok(n), Ok(d)) => (n, d),
        (a, b) => {
            let parts = [a.err(), b.err()]
                .into_iter()
                .flatten()
                .map(unseen)
                .collect();
            return Outcome {
                status: Status::Missing,
                parts,
            };
        }
    };
    if d <= 0.0 {
        let dl = label_of(form, denominator);
        return Outcome::new(
            Status::NotMet,
            match zh(form) {
                true => format!("{dl}为{}，{label}无法达到{}%", num(d), num(min)),
                false => format!("{dl} is {}, so {label} cannot reach {}%", num(d), num(min)),
            },
        );
    }
    let pct = n / d * 100.0;
    let shown = format!(
        "{}%（{}÷{}）",
        num((pct * 10.0).round() / 10.0),
        num(n),
        num(d)
    );
    compare(form, label, shown, format!("{}%", num(min)), "", pct >= min)
}

fn years_since(form: &Form, field: &str, min: u32) -> Outcome {
    let reference = &form.category.reference_date;
    let dates = (see(form, field), see(form, reference));
    let (start, end) = match dates {
        (Seen::Value(Typed::Date(a)), Seen::Value(Typed::Date(b))) => (*a, *b),
        (a, b) => {
            let parts = [a, b].into_iter().filter_map(|s| match s {
                Seen::Missing(m) => Some(m),
                Seen::Value(_) => None,
            });
            return Outcome {
                status: Status::Missing,
                parts: parts.collect(),
            };
        }
    };
    let (label, ref_label) = (label_of(form, field), label_of(form, reference));
    if start > end {
        return Outcome::new(
            Status::NotMet,
            match zh(form) {
                true => format!("{label}{}晚于{ref_label}{}", start.iso(), end.iso()),
                false => format!("{label} {} is after {ref_label} {}", start.iso(), end.iso()),
            },
        );
    }
    let (years, months) = start.years_months_until(end);
    let ok = years >= min;
    let text = match (zh(form), ok) {
        (true, true) => format!(
            "{label}{}，至{ref_label}{}满{years}年{months}个月，已满{min}年",
            start.iso(),
            end.iso()
        ),
        (true, false) => format!(
            "{label}{}，至{ref_label}{}满{years}年{months}个月，不足{min}年",
            start.iso(),
            end.iso()
        ),
        (false, true) => format!(
            "{label} {}: {years} years {months} months to {ref_label} {}, at least {min}",
            start.iso(),
            end.iso()
        ),
        (false, false) => format!(
            "{label} {}: {years} years {months} months to {ref_label} {}, less than {min}",
            start.iso(),
            end.iso()
        ),
    };
    Outcome::new(if ok { Status::Met } else { Status::NotMet }, text)
}

fn options<'a>(form: &'a Form, id: &str) -> Result<&'a [String], Seen<'a>> {
    match see(form, id) {
        Seen::Value(Typed::Options(o)) => Ok(o),
        Seen::Value(_) => Err(Seen::Missing(label_of(form, id).to_string())),
        missing => Err(missing),
    }
}

fn count_at_least(form: &Form, field: &str, min: u32, label: Option<&str>) -> Outcome {
    match options(form, field) {
        Ok(selected) => {
            let n = selected.len();
            let what = label.unwrap_or(label_of(form, field));
            let ok = n >= min as usize;
            let text = match (zh(form), ok) {
                (true, true) => format!("已选{n}个{what}，不少于{min}个"),
                (true, false) => format!("已选{n}个{what}，不足{min}个"),
                (false, true) => format!("{n} {what} chosen, at least {min}"),
                (false, false) => format!("{n} {what} chosen, fewer than {min}"),
            };
            Outcome::new(if ok { Status::Met } else { Status::NotMet }, text)
        }
        Err(seen) => missing(unseen(seen)),
    }
}

fn includes(form: &Form, field: &str, value: &str) -> Outcome {
    let option = form
        .category
        .field(field)
        .and_then(|f| f.options.iter().find(|o| o.value == value))
        .map(|o| o.label.as_str())
        .unwrap_or(value);
    let label = label_of(form, field);
    match options(form, field) {
        Ok(selected) => {
            let ok = selected.iter().any(|s| s == value);
            let text = match (zh(form), ok) {
                (true, true) => format!("{label}已选“{option}”"),
                (true, false) => format!("{label}未选“{option}”"),
                (false, true) => format!("{label} includes “{option}”"),
                (false, false) => format!("{label} does not include “{option}”"),
            };
            Outcome::new(if ok { Status::Met } else { Status::NotMet }, text)
        }
        Err(seen) => missing(unseen(seen)),
    }
}

fn is_yes(form: &Form, field: &str) -> Outcome {
    let label = label_of(form, field);
    match see(form, field) {
        Seen::Value(Typed::Bool(b)) => {
            let text = match (zh(form), *b) {
                (true, true) => format!("{label}：是"),
                (true, false) => format!("{label}：否"),
                (false, true) => format!("{label}: yes"),
                (false, false) => format!("{label}: no"),
            };
            Outcome::new(if *b { Status::Met } else { Status::NotMet }, text)
        }
        Seen::Value(_) => missing(label.to_string()),
        Seen::Missing(m) => missing(m),
    }
}

fn declared(form: &Form, field: &str) -> Outcome {
    let label = form
        .category
        .field(field)
        .map(|f| f.label.as_str())
        .unwrap_or(field);
    match see(form, field) {
        Seen::Value(Typed::Bool(true)) => Outcome::new(
            Status::Declared,
            match zh(form) {
                true => format!("已承诺：{label}"),
                false => format!("Declared: {label}"),
            },
        ),
        Seen::Missing(m) if !form.collects(field) => missing(m),
        _ => missing(match zh(form) {
            true => format!("待承诺：请勾选“{label}”"),
            false => format!("To declare: tick “{label}”"),
        }),
    }
}

/// The normalised code, if the field holds a valid one.
fn code<'a>(form: &'a Form, id: &str) -> Result<String, Seen<'a>> {
    form.uscc(id).ok_or_else(|| match see(form, id) {
        Seen::Missing(m) => Seen::Missing(m),
        Seen::Value(_) => Seen::Missing(label_of(form, id).to_string()),
    })
}

fn uscc_kind(form: &Form, field: &str, prefixes: &[crate::model::Str], label: &str) -> Outcome {
    let code = match code(form, field) {
        Ok(c) => c,
        Err(seen) => return missing(unseen(seen)),
    };
    let head: String = code.chars().take(2).collect();
    let ok = prefixes.iter().any(|p| *p == head);
    let kind = checks::uscc_kind(&code)
        .map(|(dept, class)| format!("（{dept}·{class}）"))
        .unwrap_or_default();
    let text = match (zh(form), ok) {
        (true, true) => format!("统一社会信用代码前两位为{head}{kind}，属于{label}"),
        (true, false) => format!("统一社会信用代码前两位为{head}{kind}，不属于{label}"),
        (false, true) => format!("the credit code starts {head}{kind}: {label}"),
        (false, false) => format!("the credit code starts {head}{kind}: not {label}"),
    };
    Outcome::new(if ok { Status::Met } else { Status::NotMet }, text)
}
