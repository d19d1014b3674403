//! What a field's cell says: the value as the person typed it, after the checker's own
//! normalisation and nothing else.
//!
//! A value that passes its checker is written in the checker's canonical spelling (the credit
//! code in capitals without spaces, a date as YYYY-MM-DD, a number without grouping commas —
//! the unit is in the label). A value the checker refuses is written exactly as typed: the
//! document must show what is wrong, not hide it behind a guess. Options are all listed,
//! ☑ for the chosen ones and ☐ for the others, as on the printed form.

use crate::clean::clean;
use yanglao_core::checks::{self, NumberOptions, PercentOptions};
use yanglao_core::model::{Category, ChoiceOption, Field, FieldKind};
use yanglao_core::validate::field::{parse, Reading, Typed};
use yanglao_core::value::{is_blank, Value};
use yanglao_core::Values;

pub const TICKED: char = '☑';
pub const UNTICKED: char = '☐';

/// The one text of a single-value field, if given: a one-item list counts as its item.
pub fn raw_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Text(s) if !is_blank(s) => Some(s.clone()),
        Value::List(items) => {
            let given: Vec<&String> = items.iter().filter(|s| !is_blank(s)).collect();
            (!given.is_empty()).then(|| {
                given
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("；")
            })
        }
        Value::Bool(b) => Some(if *b { "是" } else { "否" }.to_string()),
        _ => None,
    }
}

/// The text of a one-value field (not options, lists or declarations), cleaned for XML;
/// `None` when nothing was given.
pub fn scalar(field: &Field, value: Option<&Value>) -> Option<String> {
    if let (FieldKind::YesNo, Some(Value::Bool(b))) = (field.kind, value) {
        return Some(if *b { "是" } else { "否" }.to_string());
    }
    let raw = raw_text(value)?;
    let normalized = match field.kind {
        FieldKind::Uscc => checks::check_uscc(&raw).ok().map(|p| p.normalized),
        FieldKind::Phone => checks::check_phone(&raw).ok().map(|p| p.normalized),
        FieldKind::Email => checks::check_email(&raw).ok().map(|p| p.normalized),
        FieldKind::Date => checks::parse_date(&raw).ok().map(|p| p.normalized),
        FieldKind::Amount => {
            let opts = NumberOptions {
                allow_negative: field.signed,
                max_decimals: 4,
                likely_yuan_from: None,
            };
            checks::parse_amount_wan(&raw, opts)
                .ok()
                .map(|p| p.normalized)
        }
        FieldKind::Number => {
            let opts = NumberOptions {
                allow_negative: field.signed,
                max_decimals: 4,
                likely_yuan_from: None,
            };
            checks::parse_decimal(&raw, field.unit.as_deref(), opts)
                .ok()
                .map(|p| p.normalized)
        }
        FieldKind::Count => checks::parse_count(&raw).ok().map(|p| p.normalized),
        FieldKind::Percent => checks::parse_percent(
            &raw,
            PercentOptions {
                allow_over_100: field.allow_over100,
            },
        )
        .ok()
        .map(|p| p.normalized),
        FieldKind::YesNo => checks::parse_yes_no(&raw).ok().map(|p| p.normalized),
        _ => None,
    };
    Some(clean(&normalized.unwrap_or(raw)))
}

/// The label with its unit, as the printed table has it: "注册资金（万元）" already carries
/// one; "资产负债率" gets "（%）" from the field's unit.
pub fn label_with_unit(field: &Field) -> String {
    match field.unit.as_deref() {
        // "企业人员数量" contains 人 but not as its unit: only "（人）" counts as printed.
        Some(unit)
            if !field.label.contains(&format!("（{unit}）"))
                && !field.label.contains(&format!("({unit})")) =>
        {
            format!("{}（{}）", field.label, unit)
        }
        _ => field.label.to_string(),
    }
}

/// The chosen option values of a choice field, and what was typed that is no option.
pub fn chosen(
    category: &Category,
    field: &Field,
    value: Option<&Value>,
) -> (Vec<String>, Vec<String>) {
    let Some(value) = value.filter(|v| v.is_given()) else {
        return (Vec::new(), Vec::new());
    };
    if let Reading::Valid(Typed::Options(selected)) = parse(field, value, category).reading {
        return (selected, Vec::new());
    }
    // Something is not an option: tick what is, and show the rest as typed.
    let items: Vec<String> = match value {
        Value::Text(s) => vec![s.clone()],
        Value::List(items) => items.clone(),
        _ => Vec::new(),
    };
    let mut selected = Vec::new();
    let mut unknown = Vec::new();
    for item in items.iter().filter(|s| !is_blank(s)) {
        let single = Value::Text(item.clone());
        match parse(field, &single, category).reading {
            Reading::Valid(Typed::Options(one)) => selected.extend(one),
            _ => unknown.push(clean(item)),
        }
    }
    (selected, unknown)
}

/// One line per option group (智慧健康场景：☑家庭健康管理　☐基层健康管理 …); an option
/// with a detail field ("其他（请注明具体类型）") is followed by what that field says.
pub fn option_lines(category: &Category, field: &Field, values: &Values) -> Vec<String> {
    let (selected, unknown) = chosen(category, field, values.get(field.id.as_str()));
    let mut lines: Vec<String> = Vec::new();
    let mut current_group: Option<&str> = None;
    for option in &field.options {
        let mark = if selected.iter().any(|v| *v == option.value) {
            TICKED
        } else {
            UNTICKED
        };
        let text = format!("{mark}{}{}", option.label, detail(category, option, values));
        let group = option.group.as_deref();
        match lines.last_mut() {
            Some(line) if group == current_group => {
                line.push('　');
                line.push_str(&text);
            }
            _ => lines.push(match group {
                Some(g) => format!("{g}：{text}"),
                None => text,
            }),
        }
        current_group = group;
    }
    if !unknown.is_empty() {
        lines.push(format!("（另填：{}）", unknown.join("；")));
    }
    lines
}

fn detail(category: &Category, option: &ChoiceOption, values: &Values) -> String {
    let Some(id) = option.detail_field.as_deref() else {
        return String::new();
    };
    let field = category.field(id);
    match field.and_then(|f| scalar(f, values.get(id))) {
        Some(text) => format!("：{text}"),
        None => String::new(),
    }
}

/// Fields shown inside an option of another field (其他 → 请注明), not in rows of their own.
pub fn detail_fields(category: &Category) -> Vec<&str> {
    category
        .fields
        .iter()
        .flat_map(|f| f.options.iter())
        .filter_map(|o| o.detail_field.as_deref())
        .collect()
}

/// Whether a declaration (a checkbox) is ticked.
pub fn declared(category: &Category, field: &Field, value: Option<&Value>) -> bool {
    value.is_some_and(|v| {
        v.is_given()
            && matches!(
                parse(field, v, category).reading,
                Reading::Valid(Typed::Bool(true))
            )
    })
}

/// The non-blank items of a text list (典型案例), cleaned.
pub fn items(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items
            .iter()
            .filter(|s| !is_blank(s))
            .map(|s| clean(s))
            .collect(),
        Some(Value::Text(s)) if !is_blank(s) => vec![clean(s)],
        _ => Vec::new(),
    }
}
