//! Drafts and imported files are untrusted: only a well-formed draft of this very form is
//! accepted, and everything else is refused whole with a reason.

#![cfg(not(target_arch = "wasm32"))]

use yanglao_check::draft::{parse, to_json, DraftError};
use yanglao_check::{registry, Locale, Value, Values};

fn enterprise() -> &'static yanglao_check::model::Category {
    registry::category("national-2023", "enterprise").unwrap()
}

#[test]
fn round_trip() {
    let mut values = Values::new();
    values.insert("uscc".into(), Value::Text("91110000600037341L".into()));
    values.insert(
        "scenarios".into(),
        Value::List(vec!["family_health".into(), "other".into()]),
    );
    values.insert("commitment".into(), Value::Bool(true));
    let json = to_json(
        "national-2023",
        "enterprise",
        "2026-11-22T10:00:00.000Z",
        &values,
    );
    assert_eq!(parse(&json, "national-2023", enterprise()), Ok(values));
}

#[test]
fn hostile_or_broken_drafts_are_refused() {
    let c = enterprise();
    let cases: &[(&str, DraftError)] = &[
        ("not json", DraftError::NotJson),
        ("[1,2]", DraftError::NotAnObject),
        (
            r#"{"version":2,"edition":"national-2023","category":"enterprise","values":{}}"#,
            DraftError::WrongVersion,
        ),
        (
            r#"{"version":1,"edition":"henan-2021","category":"enterprise","values":{}}"#,
            DraftError::OtherForm {
                edition: "henan-2021".into(),
                category: "enterprise".into(),
            },
        ),
        (
            r#"{"version":1,"edition":"national-2023","category":"enterprise","values":{"__proto__":"x"}}"#,
            DraftError::UnknownField("__proto__".into()),
        ),
        (r#"{"uscc":{"a":1}}"#, DraftError::BadValue("uscc".into())),
        (
            r#"{"scenarios":[1,2]}"#,
            DraftError::BadValue("scenarios".into()),
        ),
        (r#"{"uscc":12}"#, DraftError::BadValue("uscc".into())),
    ];
    for (text, want) in cases {
        assert_eq!(
            parse(text, "national-2023", c).as_ref(),
            Err(want),
            "{text}"
        );
        assert!(!want.message(Locale::ZhCn).is_empty());
    }
    let huge = format!(r#"{{"intro":"{}"}}"#, "a".repeat(9 << 20));
    assert_eq!(parse(&huge, "national-2023", c), Err(DraftError::TooLarge));
}

#[test]
fn a_bare_values_object_is_accepted_and_markup_stays_text() {
    let text = r#"{"applicant":"<img src=x onerror=alert(1)>","commitment":true}"#;
    let values = parse(text, "national-2023", enterprise()).unwrap();
    assert_eq!(
        values.get("applicant"),
        Some(&Value::Text("<img src=x onerror=alert(1)>".into()))
    );
}
