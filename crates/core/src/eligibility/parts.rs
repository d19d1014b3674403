//! A rule's sub-conditions, each with its own status: what the eligibility panel lists under
//! a clause, so a person sees which part of "成立满3年、营业收入不低于…、…" fails.
//!
//! Additive: `evaluate` is unchanged; this reads the same expressions with the same
//! evaluator. A rule whose test is `all` or `any` has one sub-condition per operand; an `if`
//! is split along the branch that applies; any other test is its own single sub-condition.

use super::{collect_fields, expr, Status};
use crate::model::{Expr, Rule};
use crate::validate::Form;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub status: Status,
    /// One line with the numbers behind the status, in the form's locale.
    pub explanation: String,
    /// The fields this sub-condition reads, in order of first use (links to the form).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleParts {
    pub id: String,
    /// `true` when meeting any one part meets the rule (`any`): the panel says so.
    pub any_of: bool,
    /// Failing parts first (不符合, then 待补充, then 已承诺, then 符合) for `all`; for `any`,
    /// the parts that decide first (符合, 已承诺, 待补充, 不符合). Equal statuses keep the
    /// notice's order.
    pub parts: Vec<Part>,
}

fn part(form: &Form, e: &Expr) -> Part {
    let outcome = expr::eval(form, e);
    let mut fields = Vec::new();
    collect_fields(e, &form.category.reference_date, &mut fields);
    Part {
        status: outcome.status,
        explanation: outcome.explanation(form.ctx.locale),
        fields,
    }
}

/// The operands a test splits into, following the branch of an `if` that applies.
fn split<'e>(form: &Form, e: &'e Expr) -> Option<(bool, Vec<&'e Expr>)> {
    match e {
        Expr::All { of } => Some((false, of.iter().collect())),
        Expr::Any { of } => Some((true, of.iter().collect())),
        Expr::If {
            cond,
            then,
            otherwise,
        } => match form.condition(cond) {
            Some(true) => split(form, then).or(Some((false, vec![&**then]))),
            Some(false) => split(form, otherwise).or(Some((false, vec![&**otherwise]))),
            None => None,
        },
        _ => None,
    }
}

/// The sub-conditions of one rule; `None` when the rule does not apply to this applicant
/// (the same rules `evaluate` leaves out).
pub fn rule_parts(form: &Form, rule: &Rule) -> Option<RuleParts> {
    if let Some(cond) = &rule.applies {
        match form.condition(cond) {
            Some(false) => return None,
            Some(true) => {}
            None => {
                let outcome = expr::missing_condition(form, cond);
                let part = Part {
                    status: outcome.status,
                    explanation: outcome.explanation(form.ctx.locale),
                    fields: vec![cond.field.to_string()],
                };
                return Some(RuleParts {
                    id: rule.id.to_string(),
                    any_of: false,
                    parts: vec![part],
                });
            }
        }
    }
    let (any_of, operands) = split(form, &rule.test).unwrap_or((false, vec![&rule.test]));
    let mut parts: Vec<Part> = operands.into_iter().map(|e| part(form, e)).collect();
    if any_of {
        parts.sort_by_key(|p| std::cmp::Reverse(p.status.any_rank()));
    } else {
        parts.sort_by_key(|p| std::cmp::Reverse(p.status.all_rank()));
    }
    Some(RuleParts {
        id: rule.id.to_string(),
        any_of,
        parts,
    })
}

/// Every applicable rule's sub-conditions, in the order `evaluate` lists the rules.
pub fn all_parts(form: &Form) -> Vec<RuleParts> {
    form.category
        .rules
        .iter()
        .filter_map(|r| rule_parts(form, r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Context;
    use crate::value::{Value, Values};

    fn form_values(pairs: &[(&str, &str)]) -> Values {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::Text(v.to_string())))
            .collect()
    }

    /// The parts agree with the rule's own status: for `all`, the first part's status is the
    /// rule's; a rule met has no failing part.
    #[test]
    fn parts_agree_with_the_rule_status_on_every_edition() {
        let ctx = Context::default();
        let samples = [
            form_values(&[]),
            form_values(&[
                ("apply_date", "2023-05-20"),
                ("founded", "2022-01-01"),
                ("revenue", "10"),
            ]),
            form_values(&[
                ("apply_date", "2023-05-20"),
                ("founded", "2010-01-01"),
                ("revenue", "100000"),
                ("registered_capital", "5000"),
            ]),
        ];
        let mut checked = 0;
        for edition in crate::registry::editions() {
            for category in &edition.categories {
                for values in &samples {
                    let form = Form::new(category, values, &ctx);
                    let eligibility = super::super::evaluate(&form);
                    let parts = all_parts(&form);
                    assert_eq!(
                        parts.len(),
                        eligibility.rules.len(),
                        "{} {}",
                        edition.id,
                        category.id
                    );
                    for (rule, rp) in eligibility.rules.iter().zip(&parts) {
                        assert_eq!(rule.id, rp.id);
                        assert!(!rp.parts.is_empty(), "{} has no parts", rule.id);
                        let first = rp.parts[0].status;
                        assert_eq!(
                            first, rule.status,
                            "{} {} {}: first part decides",
                            edition.id, category.id, rule.id
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 50, "only {checked} rules checked");
    }

    #[test]
    fn founded_under_three_years_is_the_failing_part_listed_first() {
        let ctx = Context::default();
        let category = crate::registry::category("national-2023", "enterprise").expect("edition");
        let values = form_values(&[("apply_date", "2023-05-20"), ("founded", "2022-01-01")]);
        let form = Form::new(category, &values, &ctx);
        let failing: Vec<(String, Part)> = all_parts(&form)
            .into_iter()
            .flat_map(|rp| rp.parts.into_iter().map(move |p| (rp.id.clone(), p)))
            .filter(|(_, p)| p.status == Status::NotMet)
            .collect();
        assert!(
            failing
                .iter()
                .any(|(_, p)| p.fields.iter().any(|f| f == "founded")),
            "{failing:?}"
        );
    }
}
