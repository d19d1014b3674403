//! Every form of every edition as a Word file: from each edition's eligible scenario, from
//! the same values with hostile text in every field, and from an empty form. The files are
//! written to `target/docx-fixtures/` with the values beside them, for the independent
//! reader (`tests/docx/check_docx.py`, python-docx) that `scripts/test.sh` runs next.

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use yanglao_core::checks::parse_iso;
use yanglao_core::model::FieldKind;
use yanglao_core::{registry, validate_form, Context, Locale, Value, Values};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn to_values(json: &Json) -> Values {
    let mut values = Values::new();
    for (k, v) in json.as_object().into_iter().flatten() {
        let value = match v {
            Json::String(s) => Value::Text(s.clone()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Text(n.to_string()),
            Json::Array(items) => Value::List(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => continue,
        };
        values.insert(k.clone(), value);
    }
    values
}

fn to_json(values: &Values) -> Json {
    let map = values
        .iter()
        .filter_map(|(k, v)| {
            let j = match v {
                Value::Text(s) => Json::String(s.clone()),
                Value::Bool(b) => Json::Bool(*b),
                Value::List(items) => {
                    Json::Array(items.iter().cloned().map(Json::String).collect())
                }
                Value::Unsupported(_) => return None,
            };
            Some((k.clone(), j))
        })
        .collect();
    Json::Object(map)
}

/// Text that tries to break the file: markup, XML-forbidden controls, emoji, U+FFFD (what a
/// lone surrogate becomes), a right-to-left mark, tabs and CRLF.
const HOSTILE: &str = "<w:p>&amp;</w:t>]]><script>alert(1)</script>\u{0}\u{1}\u{8}\u{B}\u{1F}\u{FFFE}😀👩‍👩‍👧\u{FFFD}\u{200F}\ttab\r\nline";

/// The eligible values with every text field made hostile and part 二's first section 50 000 字.
fn hostile(category: &yanglao_core::model::Category, eligible: &Values) -> Values {
    let mut values = eligible.clone();
    for field in &category.fields {
        match field.kind {
            FieldKind::Text | FieldKind::LongText => {
                let base = match values.get(field.id.as_str()) {
                    Some(Value::Text(s)) => s.clone(),
                    _ => String::new(),
                };
                values.insert(
                    field.id.to_string(),
                    Value::Text(format!("{base}{HOSTILE}")),
                );
            }
            FieldKind::TextList => {
                values.insert(
                    field.id.to_string(),
                    Value::List(vec![HOSTILE.to_string(), format!("第二个{HOSTILE}")]),
                );
            }
            _ => {}
        }
    }
    if category.field("part2_1").is_some() {
        let paragraph = "智慧健康养老服务平台建设与运营，".repeat(25); // 400 字
        let long: Vec<String> = (0..125).map(|i| format!("{i}{paragraph}")).collect();
        values.insert("part2_1".into(), Value::Text(long.join("\n")));
    }
    values
}

#[test]
fn every_form_of_every_edition_is_written() {
    let out = root().join("target/docx-fixtures");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut written = 0;
    for edition in registry::editions() {
        for category in &edition.categories {
            let path = root().join(format!(
                "tests/scenarios/{}/{}-eligible.json",
                edition.id, category.id
            ));
            let scenario: Json =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let today = scenario
                .get("today")
                .and_then(Json::as_str)
                .and_then(parse_iso);
            let ctx = Context {
                locale: Locale::ZhCn,
                today,
            };
            let eligible = to_values(&scenario["values"]);
            for (kind, values) in [
                ("eligible", eligible.clone()),
                ("hostile", hostile(category, &eligible)),
                ("empty", Values::new()),
            ] {
                let report = validate_form(category, &values, &ctx);
                if kind == "eligible" {
                    assert!(
                        report.valid,
                        "{}/{}: the eligible scenario has errors",
                        edition.id, category.id
                    );
                }
                let bytes = yanglao_docx::shenbaoshu(edition, category, &values, &report).unwrap();
                assert!(bytes.starts_with(b"PK"), "a zip file");
                let name = format!("{}-{}-{kind}", edition.id, category.id);
                std::fs::write(out.join(format!("{name}.docx")), &bytes).unwrap();
                let meta = serde_json::json!({
                    "edition": edition.id, "category": category.id, "kind": kind,
                    "selfCheck": !report.valid || !report.issues.is_empty() || report.eligibility.rules.iter().any(|r| matches!(r.status, yanglao_core::Status::NotMet | yanglao_core::Status::Missing)),
                    "values": to_json(&values),
                });
                std::fs::write(out.join(format!("{name}.json")), meta.to_string()).unwrap();
                written += 1;
            }
        }
    }
    assert_eq!(written, 14 * 3, "14 forms, three documents each");
}

#[test]
fn a_draft_file_gives_the_same_document() {
    let edition = registry::edition("national-2023").unwrap();
    let category = edition.category("enterprise").unwrap();
    let path = root().join("tests/scenarios/national-2023/enterprise-eligible.json");
    let scenario: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let values = to_values(&scenario["values"]);
    let draft = yanglao_core::draft::to_json(
        "national-2023",
        "enterprise",
        "2023-05-20T10:00:00Z",
        &values,
    );
    let ctx = Context {
        locale: Locale::ZhCn,
        today: parse_iso("2023-06-01"),
    };
    let (bytes, name) = yanglao_docx::from_draft(&draft, &ctx).unwrap();
    let direct = yanglao_docx::shenbaoshu(
        edition,
        category,
        &values,
        &validate_form(category, &values, &ctx),
    )
    .unwrap();
    assert_eq!(bytes, direct);
    assert_eq!(
        name,
        "智慧健康养老应用试点示范申报书（企业类）-北京康颐智能科技有限公司.docx"
    );
    for bad in [
        "",
        "{",
        "[]",
        r#"{"edition":"national-2023"}"#,
        r#"{"version":1,"edition":"x","category":"y","values":{}}"#,
    ] {
        let err = yanglao_docx::from_draft(bad, &ctx).unwrap_err();
        assert!(!err.is_empty());
    }
    let other = draft.replace("\"legal_rep_name\"", "\"not_a_field\"");
    assert!(yanglao_docx::from_draft(&other, &ctx)
        .unwrap_err()
        .contains("not_a_field"));
}

#[test]
fn the_template_words_are_the_seeds_words() {
    let seed = std::fs::read_dir(root().join("tests/seeds"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("000_"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .unwrap();
    for category in ["enterprise", "park", "street", "base"] {
        let t = yanglao_docx::template("national-2023", category);
        for s in t.requirements.iter().chain([&t.table_note, &t.signatory]) {
            assert!(seed.contains(s), "{category}: “{s}” is not in the seed");
        }
        if let Some(by) = t.compiled_by {
            assert!(seed.contains(by));
        }
    }
    assert!(yanglao_docx::template("henan-2021", "enterprise")
        .compiled_by
        .is_none());
}
