//! Parts 二 onward: the notice's headings, the typed text as paragraphs, each 典型案例 under
//! its own heading, the 支撑材料 list with ☑/☐.

use crate::clean::lines;
use crate::display::{self, TICKED, UNTICKED};
use crate::style;
use docx_rs::Paragraph;
use yanglao_core::model::{Category, Field, FieldKind};
use yanglao_core::Values;

const NUMERALS: &str = "一二三四五六七八九十";

/// Whether a section title is a numbered part of the 申报书 ("二、试点示范建设情况…").
pub fn is_part(section: &str) -> bool {
    let mut chars = section.chars();
    let mut numerals = 0;
    for c in chars.by_ref() {
        if NUMERALS.contains(c) {
            numerals += 1;
        } else {
            return numerals > 0 && c == '、';
        }
    }
    false
}

/// The part's title without its number: "四、下一步建设计划" → "下一步建设计划".
fn title(section: &str) -> &str {
    section.split_once('、').map_or(section, |(_, t)| t)
}

/// "（一）企业资质" → "（一）"; None when the label has no such number.
fn number_prefix(label: &str) -> Option<&str> {
    let rest = label.strip_prefix('（')?;
    let end = rest.find('）')?;
    let inner = rest.get(..end)?;
    (!inner.is_empty() && inner.chars().all(|c| NUMERALS.contains(c)))
        .then(|| label.get(..end + 2 * '）'.len_utf8()))
        .flatten()
}

/// The part of a checklist's hint that belongs to one item: the hint runs the items'
/// guidance together, each starting with the item's number, e.g. "（一）企业统一社会信用代码…。（二）证明…".
fn item_hint<'a>(hint: &'a str, prefix: &str) -> Option<&'a str> {
    let start = hint.find(prefix)?;
    let rest = hint.get(start + prefix.len()..)?;
    let mut end = rest.len();
    for (i, _) in rest.char_indices().filter(|(_, c)| *c == '（') {
        if rest.get(i..).and_then(number_prefix).is_some() {
            end = i;
            break;
        }
    }
    rest.get(..end).map(str::trim).filter(|s| !s.is_empty())
}

/// Paragraphs of a text, or a visible "（未填写）" so an empty part is seen as empty.
fn text_paragraphs(text: Option<String>) -> Vec<Paragraph> {
    match text {
        Some(t) => lines(&t).iter().map(|l| style::body(l)).collect(),
        None => vec![style::body("（未填写）")],
    }
}

/// Every part after the table, in the edition's order.
pub fn parts(category: &Category, values: &Values) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let in_parts =
        |f: &&Field| !crate::table::in_table(f) && f.section.first().is_some_and(|s| is_part(s));
    for field in category.fields.iter().filter(in_parts) {
        // Open the headings of the field's section path that are not open yet.
        for (level, name) in field.section.iter().enumerate() {
            if open.get(level) != Some(&name.as_str()) {
                open.truncate(level);
                open.push(name);
                out.push(style::heading(level + 1, name));
            }
        }
        open.truncate(field.section.len());
        let level = field.section.len() + 1;
        // "四、下一步建设计划" holds one field labelled "下一步建设计划": no second heading.
        let own_heading = field.section.last().is_none_or(|s| title(s) != field.label);
        if own_heading {
            out.push(style::heading(level, &field.label));
        }
        let value = values.get(field.id.as_str());
        match field.kind {
            FieldKind::TextList => {
                let items = display::items(value);
                if items.is_empty() {
                    out.push(style::body("（未填写）"));
                }
                let case_level = if own_heading { level + 1 } else { level };
                for (i, item) in items.into_iter().enumerate() {
                    out.push(style::heading(case_level, &format!("案例{}", i + 1)));
                    out.extend(text_paragraphs(Some(item)));
                }
            }
            FieldKind::Checklist => {
                let (selected, _) = display::chosen(category, field, value);
                for option in &field.options {
                    let mark = if selected.iter().any(|v| *v == option.value) {
                        TICKED
                    } else {
                        UNTICKED
                    };
                    let guidance = number_prefix(&option.label)
                        .and_then(|p| field.hint.as_deref().and_then(|h| item_hint(h, p)))
                        .map(|g| format!("：{g}"))
                        .unwrap_or_default();
                    out.push(style::body(&format!("{mark}{}{guidance}", option.label)));
                }
            }
            FieldKind::Choice | FieldKind::MultiChoice => {
                for line in display::option_lines(category, field, values) {
                    out.push(style::body(&line));
                }
            }
            FieldKind::Declaration => {
                let mark = if display::declared(category, field, value) {
                    TICKED
                } else {
                    UNTICKED
                };
                out.push(style::body(&format!("{mark}{}", field.label)));
            }
            _ => out.extend(text_paragraphs(display::scalar(field, value))),
        }
    }
    out
}

/// Fields that are neither on the cover, nor in the table, nor in a part: what the notice's
/// conditions ask for beyond the printed form.
pub fn supplementary(category: &Category) -> Vec<&Field> {
    category
        .fields
        .iter()
        .filter(|f| {
            let section = f.section.first().map(|s| s.as_str()).unwrap_or("");
            section != "封面" && !crate::table::in_table(f) && !is_part(section)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_and_hints() {
        assert!(is_part("二、试点示范建设情况（不超过50000字）"));
        assert!(is_part("十一、其他"));
        assert!(!is_part("基本条件（申报指南二）"));
        assert!(!is_part("封面"));
        assert_eq!(number_prefix("（三）技术水平"), Some("（三）"));
        assert_eq!(number_prefix("（医院）"), None);
        let hint = "（一）甲（含医院、公安）。（二）乙。";
        assert_eq!(item_hint(hint, "（一）"), Some("甲（含医院、公安）。"));
        assert_eq!(item_hint(hint, "（二）"), Some("乙。"));
        assert_eq!(item_hint(hint, "（三）"), None);
    }
}
