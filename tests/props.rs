//! Property tests over the whole engine: for every edition and category, arbitrary values of
//! every type in every field never panic, the report is well formed, and the keystroke
//! invariant holds (validate_field == validate_form's issues for that field).
//!
//! `PROPTEST_CASES` scales the run (the benchmark script runs it with millions of calls).

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use yanglao_check::checks::Date;
use yanglao_check::model::Category;
use yanglao_check::{registry, validate_field, validate_form, Context, Locale, Value, Values};

fn all_categories() -> Vec<&'static Category> {
    registry::editions()
        .iter()
        .flat_map(|e| e.categories.iter())
        .collect()
}

/// Strings people and scripts produce: realistic fragments mixed with hostile ones.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９,，.．万元亿%％-]{0,30}",
        "(19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?",
        "[0-9A-Za-z]{15,19}",
        "(\\+86)?1[0-9]{10}",
        Just("1e309".to_string()),
        Just("-0".to_string()),
        Just("9".repeat(400)),
        Just("\u{0}\u{200B}\u{202E}\u{FEFF}".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("是".to_string()),
        Just("yes".to_string()),
        Just("other".to_string()),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => text().prop_map(Value::Text),
        2 => prop::collection::vec(text(), 0..6).prop_map(Value::List),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => prop_oneof![Just("object"), Just("function"), Just("symbol"), Just("array")].prop_map(Value::Unsupported),
    ]
}

/// Values keyed by the category's real field ids (and a few unknown ones).
fn values_for(category: &'static Category) -> impl Strategy<Value = Values> {
    let ids: Vec<String> = category
        .fields
        .iter()
        .map(|f| f.id.to_string())
        .chain(["nope".to_string()])
        .collect();
    prop::collection::vec((prop::sample::select(ids), value()), 0..40)
        .prop_map(|pairs| pairs.into_iter().collect())
}

fn any_form() -> impl Strategy<Value = (&'static Category, Values)> {
    prop::sample::select(all_categories()).prop_flat_map(|c| (Just(c), values_for(c)))
}

/// 2000 cases by default; `PROPTEST_CASES=1000000` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
}

fn ctx(locale: bool, days: u16) -> Context {
    let today = Date::new(
        2015 + i32::from(days % 12),
        1 + (days % 12) as u8,
        1 + (days % 28) as u8,
    );
    Context {
        locale: if locale { Locale::ZhCn } else { Locale::En },
        today,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_agrees((category, values) in any_form(), zh in any::<bool>(), days in any::<u16>()) {
        let ctx = ctx(zh, days);
        let report = validate_form(category, &values, &ctx);
        prop_assert_eq!(report.valid, !report.issues.iter().any(|i| i.severity == yanglao_check::model::Severity::Error));
        prop_assert_eq!(report.eligibility.rules.len() <= category.rules.len(), true);
        for field in &category.fields {
            let single = validate_field(category, &field.id, &values, &ctx);
            let whole: Vec<_> = report.issues.iter().filter(|i| i.field == field.id).cloned().collect();
            prop_assert_eq!(single, whole);
        }
        for issue in &report.issues {
            prop_assert!(!issue.message.is_empty());
            prop_assert!(issue.message.chars().count() < 2000, "message too long: {}", issue.code);
        }
        for rule in &report.eligibility.rules {
            prop_assert!(!rule.explanation.is_empty(), "rule {} has no explanation", rule.id);
        }
    }

    #[test]
    fn unknown_field_ids_are_an_issue_not_a_panic(id in any::<String>(), v in value()) {
        for category in all_categories() {
            let mut values = Values::new();
            values.insert(id.clone(), v.clone());
            let _ = validate_field(category, &id, &values, &Context::default());
        }
    }
}

#[test]
fn huge_inputs_are_handled() {
    let megabyte = "养".repeat(350_000) + &"a b ".repeat(100_000);
    let many: Vec<String> = (0..100_000).map(|i| format!("item{i}")).collect();
    for category in all_categories() {
        let mut values = Values::new();
        for f in &category.fields {
            values.insert(f.id.to_string(), Value::Text(megabyte.clone()));
        }
        let report = validate_form(category, &values, &Context::default());
        assert!(!report.valid);
        let mut values = Values::new();
        for f in &category.fields {
            values.insert(f.id.to_string(), Value::List(many.clone()));
        }
        let _ = validate_form(category, &values, &Context::default());
    }
}
