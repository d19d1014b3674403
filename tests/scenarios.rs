//! Data-driven scenarios: `tests/scenarios/<edition>/<name>.json` — values in, expected issue
//! codes, rule statuses and verdict out (like jsonschema's fixture suite and OpenFisca's YAML
//! tests). A scenario may name a `base` scenario in the same folder and override its values
//! (`null` removes a value). Every scenario also checks the keystroke invariant: for each
//! field, `validate_field` gives exactly the issues `validate_form` reports for it.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yanglao_check::checks::parse_iso;
use yanglao_check::{registry, validate_field, validate_form, Context, Locale, Value, Values};

fn scenario_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root)
        .expect("tests/scenarios exists")
        .flatten()
    {
        if let Ok(entries) = std::fs::read_dir(dir.path()) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json")),
            );
        }
    }
    files.sort();
    files
}

fn load(path: &Path) -> Result<Json, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut doc: Json =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(base) = doc.get("base").and_then(Json::as_str) {
        let base_doc = load(&path.with_file_name(base))?;
        let mut values = base_doc.get("values").cloned().unwrap_or(Json::Null);
        if let (Some(map), Some(over)) = (
            values.as_object_mut(),
            doc.get("values").and_then(Json::as_object),
        ) {
            for (k, v) in over {
                map.insert(k.clone(), v.clone());
            }
        }
        doc["values"] = values;
        for key in ["edition", "category", "today"] {
            if doc.get(key).is_none() {
                if let Some(v) = base_doc.get(key) {
                    doc[key] = v.clone();
                }
            }
        }
    }
    Ok(doc)
}

fn to_values(json: &Json) -> Values {
    let mut values = BTreeMap::new();
    for (k, v) in json.as_object().into_iter().flatten() {
        let value = match v {
            Json::Null => continue,
            Json::String(s) => Value::Text(s.clone()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Text(n.to_string()),
            Json::Array(items) => Value::List(
                items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect(),
            ),
            Json::Object(_) => Value::Unsupported("object"),
        };
        values.insert(k.clone(), value);
    }
    values
}

fn run(path: &Path) -> Result<(), String> {
    let doc = load(path)?;
    let s = |k: &str| {
        doc.get(k)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let category =
        registry::category(&s("edition"), &s("category")).map_err(|e| e.message(Locale::En))?;
    let today = doc.get("today").and_then(Json::as_str).and_then(parse_iso);
    let ctx = Context {
        locale: Locale::ZhCn,
        today,
    };
    let values = to_values(&doc["values"]);
    let report = validate_form(category, &values, &ctx);
    let mut problems = Vec::new();
    let expect = &doc["expect"];

    if let Some(expected) = expect.get("issues").and_then(Json::as_array) {
        let mut want: Vec<String> = expected
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        let mut got: Vec<String> = report
            .issues
            .iter()
            .map(|i| format!("{}:{}", i.field, i.code))
            .collect();
        want.sort();
        got.sort();
        if want != got {
            let detail: Vec<String> = report
                .issues
                .iter()
                .map(|i| format!("  {}:{} — {}", i.field, i.code, i.message))
                .collect();
            problems.push(format!(
                "issues: want {want:?}\n got {got:?}\n{}",
                detail.join("\n")
            ));
        }
    }
    for (rule, status) in expect
        .get("rules")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
    {
        let want = status.as_str().unwrap_or_default();
        let got = report.eligibility.rules.iter().find(|r| r.id == *rule);
        let got_status = got.map(|r| {
            serde_json::to_value(r.status)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        });
        let got_status = got_status.as_deref().unwrap_or("omitted");
        if got_status != want {
            let why = got.map(|r| r.explanation.as_str()).unwrap_or("");
            problems.push(format!(
                "rule {rule}: want {want}, got {got_status} ({why})"
            ));
        }
    }
    if let Some(want) = expect.get("verdict").and_then(Json::as_str) {
        let got = serde_json::to_value(report.eligibility.verdict).unwrap();
        if got.as_str() != Some(want) {
            let statuses: Vec<String> = report
                .eligibility
                .rules
                .iter()
                .map(|r| format!("{}={:?} ({})", r.id, r.status, r.explanation))
                .collect();
            problems.push(format!(
                "verdict: want {want}, got {got}\n  {}",
                statuses.join("\n  ")
            ));
        }
    }
    if let Some(want) = expect.get("valid").and_then(Json::as_bool) {
        if report.valid != want {
            problems.push(format!("valid: want {want}, got {}", report.valid));
        }
    }
    // The keystroke invariant.
    for field in &category.fields {
        let single = validate_field(category, &field.id, &values, &ctx);
        let whole: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.field == field.id)
            .cloned()
            .collect();
        if single != whole {
            problems.push(format!(
                "validate_field({}) differs from validate_form",
                field.id
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn scenarios() {
    let files = scenario_files();
    let mut failures = Vec::new();
    for path in &files {
        if let Err(e) = run(path) {
            failures.push(format!(
                "── {}\n{e}",
                path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(path)
                    .display()
            ));
        }
    }
    println!("{} scenarios, {} failed", files.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Each edition × category has an eligible case whose verdict is eligible with no issue.
#[test]
fn every_form_has_an_eligible_scenario() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut missing = Vec::new();
    for e in registry::editions() {
        for c in &e.categories {
            let p = root.join(&e.id).join(format!("{}-eligible.json", c.id));
            if !p.exists() {
                missing.push(p.display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "missing: {missing:?}");
}

/// Each rule of each form has a failing and a missing scenario.
#[test]
fn every_rule_has_failing_and_missing_scenarios() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut covered: BTreeMap<(String, String, String), (bool, bool)> = BTreeMap::new();
    for path in scenario_files() {
        let Ok(doc) = load(&path) else { continue };
        let (e, c) = (
            doc["edition"].as_str().unwrap_or("").to_string(),
            doc["category"].as_str().unwrap_or("").to_string(),
        );
        for (rule, status) in doc["expect"]
            .get("rules")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
        {
            let entry = covered
                .entry((e.clone(), c.clone(), rule.clone()))
                .or_default();
            match status.as_str() {
                Some("notMet") => entry.0 = true,
                Some("missing") => entry.1 = true,
                _ => {}
            }
        }
    }
    let mut gaps = Vec::new();
    for e in registry::editions() {
        for c in &e.categories {
            for r in &c.rules {
                let (failing, missing) = covered
                    .get(&(e.id.clone(), c.id.clone(), r.id.clone()))
                    .copied()
                    .unwrap_or_default();
                let declared_only = matches!(r.test, yanglao_check::model::Expr::Declared { .. });
                if !failing && !declared_only {
                    gaps.push(format!("{}/{}/{} has no notMet scenario", e.id, c.id, r.id));
                }
                if !missing {
                    gaps.push(format!(
                        "{}/{}/{} has no missing scenario",
                        e.id, c.id, r.id
                    ));
                }
            }
        }
    }
    let _ = root;
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}
