//! Eligibility: each numbered condition of the notice judged from the form, with the numbers.
//!
//! Four statuses: `met` 符合, `notMet` 不符合, `missing` 待补充 (a value the rule needs is not
//! given or not valid — never read as zero), `declared` 已承诺 (what no field can prove, once
//! the applicant has ticked the declaration). The verdict is `ineligible` if any rule is
//! notMet, else `incomplete` if any is missing, else `eligible`.

mod expr;
pub mod parts;

use crate::model::{Expr, Rule};
use crate::validate::Form;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Met,
    NotMet,
    Missing,
    Declared,
}

impl Status {
    /// The word people read for the status (the browser's panel and the reviewers' reports).
    pub fn label(self, locale: crate::Locale) -> &'static str {
        match self {
            Status::Met => locale.pick("符合", "met"),
            Status::NotMet => locale.pick("不符合", "not met"),
            Status::Missing => locale.pick("待补充", "missing"),
            Status::Declared => locale.pick("已承诺", "declared"),
        }
    }

    /// For `all`: the higher, the more it decides the whole.
    fn all_rank(self) -> u8 {
        match self {
            Status::NotMet => 3,
            Status::Missing => 2,
            Status::Declared => 1,
            Status::Met => 0,
        }
    }

    /// For `any`: the higher, the more it decides the whole.
    fn any_rank(self) -> u8 {
        match self {
            Status::Met => 3,
            Status::Declared => 2,
            Status::Missing => 1,
            Status::NotMet => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Eligible,
    Ineligible,
    Incomplete,
}

impl Status {
    /// The status as in JSON (`met`, `notMet`, `missing`, `declared`).
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "notMet",
            Status::Missing => "missing",
            Status::Declared => "declared",
        }
    }
}

impl Verdict {
    /// The verdict as in JSON (`eligible`, `ineligible`, `incomplete`).
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::Ineligible => "ineligible",
            Verdict::Incomplete => "incomplete",
        }
    }
}

impl Eligibility {
    /// Appends the verdicts as JSON, as serde_json writes them.
    pub fn write_json(&self, out: &mut String) {
        let mut o = crate::json::ObjectWriter::new(out);
        o.str("verdict", self.verdict.name());
        crate::json::write_list(o.key("rules"), &self.rules, |out, r| {
            let mut o = crate::json::ObjectWriter::new(out);
            o.str("id", &r.id);
            o.str("clause", &r.clause);
            o.str("text", &r.text);
            o.str("status", r.status.name());
            o.str("explanation", &r.explanation);
            o.strs("fields", &r.fields);
            o.end();
        });
        o.end();
    }
}

/// The sentence under the clause-by-clause panel, wherever it is shown.
pub fn panel_note(locale: crate::Locale) -> &'static str {
    locale.pick(
        "按通知的基本条件逐条判断；“待补充”表示相关栏目尚未填写或填写有误，不按不符合处理。",
        "Each condition of the notice, judged from the form; “missing” means a field it needs is empty or has an error.",
    )
}

impl Verdict {
    /// The verdict as people read it (the browser's panel and the reviewers' reports).
    pub fn label(self, locale: crate::Locale) -> &'static str {
        match self {
            Verdict::Eligible => locale.pick("符合申报条件", "Meets the conditions"),
            Verdict::Ineligible => locale.pick("不符合申报条件", "Does not meet the conditions"),
            Verdict::Incomplete => locale.pick("信息待补充", "Information missing"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleResult {
    /// The rule's own id, clause and verbatim text: borrowed from the compiled edition (no
    /// copy of the clause text on every check).
    pub id: crate::model::Str,
    pub clause: crate::model::Str,
    pub text: crate::model::Str,
    pub status: Status,
    /// One line with the numbers behind the status.
    pub explanation: String,
    /// The fields the rule reads (for links from the panel to the form).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    pub verdict: Verdict,
    pub rules: Vec<RuleResult>,
}

pub fn evaluate(form: &Form) -> Eligibility {
    let rules: Vec<RuleResult> = form
        .category
        .rules
        .iter()
        .filter_map(|r| judge(form, r))
        .collect();
    let verdict = if rules.iter().any(|r| r.status == Status::NotMet) {
        Verdict::Ineligible
    } else if rules.iter().any(|r| r.status == Status::Missing) {
        Verdict::Incomplete
    } else {
        Verdict::Eligible
    };
    Eligibility { verdict, rules }
}

/// One rule's result; `None` when its `applies` condition is false (the rule is not for this
/// applicant, e.g. another 企业类型's thresholds).
fn judge(form: &Form, rule: &Rule) -> Option<RuleResult> {
    let mut fields = Vec::new();
    if let Some(cond) = &rule.applies {
        fields.push(cond.field.to_string());
    }
    collect_fields(&rule.test, &form.category.reference_date, &mut fields);
    let outcome = match &rule.applies {
        Some(cond) => match form.condition(cond) {
            Some(false) => return None,
            Some(true) => expr::eval(form, &rule.test),
            None => expr::missing_condition(form, cond),
        },
        None => expr::eval(form, &rule.test),
    };
    Some(RuleResult {
        id: rule.id.clone(),
        clause: rule.clause.clone(),
        text: rule.text.clone(),
        status: outcome.status,
        explanation: outcome.explanation(form.ctx.locale),
        fields,
    })
}

/// Every field an expression reads, once, in order of first use.
pub fn collect_fields(e: &Expr, reference_date: &str, out: &mut Vec<String>) {
    let mut push = |f: &str| {
        if !out.iter().any(|known| known == f) {
            out.push(f.to_string());
        }
    };
    match e {
        Expr::All { of } | Expr::Any { of } => of
            .iter()
            .for_each(|x| collect_fields(x, reference_date, out)),
        Expr::If {
            cond,
            then,
            otherwise,
        } => {
            push(&cond.field);
            collect_fields(then, reference_date, out);
            collect_fields(otherwise, reference_date, out);
        }
        Expr::SumAtLeast { fields, .. } | Expr::CountPositive { fields, .. } => {
            fields.iter().for_each(|f| push(f))
        }
        Expr::AtLeast {
            field, proven_by, ..
        } => {
            push(field);
            proven_by.iter().for_each(|f| push(f));
        }
        Expr::RatioAtLeast {
            numerator,
            denominator,
            ..
        } => {
            push(numerator);
            push(denominator);
        }
        Expr::YearsSince { field, .. } => {
            push(field);
            push(reference_date);
        }
        Expr::CountAtLeast { field, .. }
        | Expr::Includes { field, .. }
        | Expr::IsYes { field }
        | Expr::Declared { field }
        | Expr::UsccKind { field, .. } => push(field),
    }
}
