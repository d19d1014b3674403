//! Messages for field and cross-field issues, zh-CN first and en second.
//!
//! Messages say what to do. They never repeat the person's phone number or code: the field
//! is right next to the message, and an echoed value only leaks it into screenshots and logs.

use super::issue::{CheckFailure, IssueKind};
use crate::checks;
use crate::fmt::num;
use crate::locale::Locale;
use crate::model::{Field, FieldKind};

pub fn render(kind: &IssueKind, field: Option<&Field>, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    let label = field.map(|f| f.name()).unwrap_or("");
    let unit = field.and_then(|f| f.unit.as_deref()).unwrap_or("");
    match kind {
        IssueKind::Required => match field.map(|f| f.kind) {
            Some(FieldKind::Declaration) if zh => format!("请勾选确认：{label}"),
            Some(FieldKind::Declaration) => format!("Please tick to confirm: {label}"),
            Some(FieldKind::Choice | FieldKind::MultiChoice | FieldKind::YesNo) if zh => {
                format!("请选择{label}")
            }
            Some(FieldKind::Choice | FieldKind::MultiChoice | FieldKind::YesNo) => {
                format!("Please choose: {label}")
            }
            Some(FieldKind::Checklist) if zh => format!("请勾选已准备的{label}"),
            Some(FieldKind::Checklist) => format!("Please tick the {label} you have prepared"),
            _ if zh => format!("请填写{label}"),
            _ => format!("Please fill in: {label}"),
        },
        IssueKind::Format(issue) => checks::messages::message(issue, locale),
        IssueKind::WrongType { got } if zh => {
            format!("{label}收到了无法识别的值（类型：{got}），请重新填写")
        }
        IssueKind::WrongType { got } => format!(
            "{label} received a value it cannot read (type: {got}); please fill it in again"
        ),
        IssueKind::TextTooLong { count, max } if zh => {
            format!("{label}不能超过{max}个字符，当前{count}个")
        }
        IssueKind::TextTooLong { count, max } => {
            format!("{label} can be at most {max} characters; it has {count}")
        }
        IssueKind::OverWordLimit {
            count,
            max,
            item: None,
        } if zh => {
            format!(
                "{label}不超过{max}字，当前{count}字，请删减{}字",
                count.saturating_sub(*max)
            )
        }
        IssueKind::OverWordLimit {
            count,
            max,
            item: None,
        } => {
            format!(
                "{label} is limited to {max} characters (字); it has {count}: remove {}",
                count.saturating_sub(*max)
            )
        }
        IssueKind::OverWordLimit {
            count,
            max,
            item: Some(i),
        } if zh => format!("第{i}项不超过{max}字，当前{count}字"),
        IssueKind::OverWordLimit {
            count,
            max,
            item: Some(i),
        } => format!("Item {i} is limited to {max} characters (字); it has {count}"),
        IssueKind::TooFewItems { count, min } if zh => {
            format!("{label}至少需要{min}项，当前{count}项")
        }
        IssueKind::TooFewItems { count, min } => {
            format!("{label} needs at least {min}; there are {count}")
        }
        IssueKind::TooManyItems { count, max } if zh => {
            format!("{label}最多{max}项，当前{count}项")
        }
        IssueKind::TooManyItems { count, max } => {
            format!("{label} allows at most {max}; there are {count}")
        }
        IssueKind::BelowMin { min } if zh => format!("{label}不能小于{}{unit}", num(*min)),
        IssueKind::BelowMin { min } => format!("{label} cannot be less than {}{unit}", num(*min)),
        IssueKind::AboveMax { max } if zh => format!("{label}不能大于{}{unit}", num(*max)),
        IssueKind::AboveMax { max } => format!("{label} cannot be more than {}{unit}", num(*max)),
        IssueKind::UnknownOption { option } if zh => {
            format!("“{option}”不是{label}的选项，请从列表中选择")
        }
        IssueKind::UnknownOption { option } => {
            format!("“{option}” is not an option of {label}; please choose from the list")
        }
        IssueKind::SingleChoiceOnly { count } if zh => {
            format!("{label}只能选择一项，当前选择了{count}项")
        }
        IssueKind::SingleChoiceOnly { count } => {
            format!("{label} takes one choice; {count} are selected")
        }
        IssueKind::ChecklistUnticked { missing } if zh => {
            format!("尚未勾选：{}。请确认这些材料已准备", missing.join("、"))
        }
        IssueKind::ChecklistUnticked { missing } => format!(
            "Not yet ticked: {}. Please make sure these are ready",
            missing.join("; ")
        ),
        IssueKind::DateAfterReference {
            reference,
            reference_label,
        } if zh => {
            format!("{label}不能晚于{reference_label}（{}）", reference.iso())
        }
        IssueKind::DateAfterReference {
            reference,
            reference_label,
        } => {
            format!(
                "{label} cannot be after {reference_label} ({})",
                reference.iso()
            )
        }
        IssueKind::DateFuture { today } if zh => format!("{label}不能晚于今天（{}）", today.iso()),
        IssueKind::DateFuture { today } => {
            format!("{label} cannot be after today ({})", today.iso())
        }
        IssueKind::AfterDeadline { deadline } if zh => {
            format!(
                "{label}晚于通知规定的材料报送截止日期（{}），请与主管部门确认是否仍可申报",
                deadline.iso()
            )
        }
        IssueKind::AfterDeadline { deadline } => {
            format!(
                "{label} is after the notice's deadline ({}); please check with the department",
                deadline.iso()
            )
        }
        IssueKind::UnknownField if zh => "该栏目不属于此申报书".to_string(),
        IssueKind::UnknownField => "This field is not part of this form".to_string(),
        IssueKind::Check { failure, .. } => check_message(failure, label, locale),
    }
}

fn check_message(failure: &CheckFailure, label: &str, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    match failure {
        CheckFailure::Greater {
            left_label,
            left,
            right_label,
            right,
            unit,
            right_unit,
            ..
        } => {
            let (u, ru) = (
                unit.as_deref().unwrap_or(""),
                right_unit.as_deref().unwrap_or(""),
            );
            if zh {
                format!(
                    "{left_label}（{}{u}）不应大于{right_label}（{}{ru}），请核对",
                    num(*left),
                    num(*right)
                )
            } else {
                format!(
                    "{left_label} ({}{u}) should not exceed {right_label} ({}{ru}); please check",
                    num(*left),
                    num(*right)
                )
            }
        }
        CheckFailure::RatioDisagrees {
            stated,
            computed,
            tolerance,
            numerator_label,
            denominator_label,
        } => {
            if zh {
                format!(
                    "{label}填写为{}%，而{numerator_label}÷{denominator_label}约为{}%，相差超过{}个百分点，请核对",
                    num(*stated),
                    num(round1(*computed)),
                    num(*tolerance)
                )
            } else {
                format!(
                    "{label} is {}% but {numerator_label} ÷ {denominator_label} is about {}%, more than {} points apart; please check",
                    num(*stated),
                    num(round1(*computed)),
                    num(*tolerance)
                )
            }
        }
        CheckFailure::TotalChars { total, max } if zh => {
            format!(
                "本部分合计不超过{max}字，当前合计{total}字，请删减{}字",
                total.saturating_sub(*max)
            )
        }
        CheckFailure::TotalChars { total, max } => {
            format!("This part is limited to {max} characters (字) in all; it has {total}")
        }
        CheckFailure::DateBefore {
            other_label,
            date,
            other,
        } if zh => {
            format!(
                "{label}（{}）不能早于{other_label}（{}）",
                date.iso(),
                other.iso()
            )
        }
        CheckFailure::DateBefore {
            other_label,
            date,
            other,
        } => {
            format!(
                "{label} ({}) cannot be before {other_label} ({})",
                date.iso(),
                other.iso()
            )
        }
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
