//! Data-driven scenarios: `tests/scenarios/<edition>/<name>.json` — values in, expected issue
//! codes, rule statuses and verdict out (like jsonschema's fixture suite and OpenFisca's YAML
//! tests). A scenario may name a `base` scenario in the same folder and override its values
//! (`null` removes a value). Every scenario also checks the keystroke invariant: for each
//! field, `validate_field` gives exactly the issues `validate_form` reports for it.
//!
//! The files are strict: an unknown key (a typo such as `"rule"` for `"rules"`) is refused
//! instead of silently checking nothing, and each scenario states either the complete set of
//! issues it expects (`issues`) or, saying so explicitly, only some of them (`issuesInclude`).
//! Every failure names its file.
//!
//! A scenario may list the fields a page `collected` (a page with only some of the inputs):
//! then both calls are told so, and `expect.explanations` can name a text each rule's
//! explanation must contain.

#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yanglao_check::checks::parse_iso;
use yanglao_check::{
    registry, validate_collected_field, validate_collected_form, Context, Locale, Value, Values,
};

/// One scenario file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    edition: Option<String>,
    category: Option<String>,
    /// What the scenario shows, in a sentence (for the person reading a failure).
    description: String,
    /// Another scenario in the same folder whose values (and edition, category, today) this
    /// one starts from.
    base: Option<String>,
    today: Option<String>,
    #[serde(default)]
    values: serde_json::Map<String, Json>,
    /// The fields a page collected (a page with only some of the inputs): both calls are told
    /// so. Absent: every field of the form.
    collected: Option<Vec<String>>,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Every issue of the report, as `field:code` — nothing more, nothing less.
    issues: Option<Vec<String>>,
    /// Issues that must be among the report's, others being allowed.
    #[serde(rename = "issuesInclude")]
    issues_include: Option<Vec<String>>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    verdict: Option<String>,
    valid: Option<bool>,
    /// Rule id → a text its explanation must contain.
    #[serde(default)]
    explanations: BTreeMap<String, String>,
}

/// A scenario with its base merged in.
struct Loaded {
    description: String,
    edition: String,
    category: String,
    today: Option<String>,
    values: serde_json::Map<String, Json>,
    collected: Option<Vec<String>>,
    expect: Expect,
}

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

fn read(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn load(path: &Path) -> Result<Loaded, String> {
    let doc = read(path)?;
    let (mut edition, mut category, mut today, mut values, mut collected) = (
        doc.edition,
        doc.category,
        doc.today,
        serde_json::Map::new(),
        doc.collected,
    );
    if let Some(base) = &doc.base {
        let base_path = path.with_file_name(base);
        let base_doc = load(&base_path).map_err(|e| format!("base {base}: {e}"))?;
        edition = edition.or(Some(base_doc.edition));
        category = category.or(Some(base_doc.category));
        today = today.or(base_doc.today);
        values = base_doc.values;
        collected = collected.or(base_doc.collected);
    }
    for (k, v) in doc.values {
        values.insert(k, v);
    }
    let edition = edition.ok_or("no edition (nor a base that has one)")?;
    let category = category.ok_or("no category (nor a base that has one)")?;
    Ok(Loaded {
        description: doc.description,
        edition,
        category,
        today,
        values,
        collected,
        expect: doc.expect,
    })
}

fn to_values(json: &serde_json::Map<String, Json>) -> Values {
    let mut values = BTreeMap::new();
    for (k, v) in json {
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

fn status_name<T: serde::Serialize>(status: T) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn run(path: &Path) -> Result<(), String> {
    let doc = load(path)?;
    let category =
        registry::category(&doc.edition, &doc.category).map_err(|e| e.message(Locale::En))?;
    let today = match &doc.today {
        Some(t) => Some(parse_iso(t).ok_or_else(|| format!("today {t:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let ctx = Context {
        locale: Locale::ZhCn,
        today,
    };
    let values = to_values(&doc.values);
    let collected = doc.collected.as_deref();
    let report = validate_collected_form(category, &values, &ctx, collected);
    let mut problems = Vec::new();
    let expect = &doc.expect;
    for id in doc.values.keys() {
        if category.field(id).is_none() {
            problems.push(format!(
                "value for {id}, which is not a field of {}/{}",
                doc.edition, doc.category
            ));
        }
    }

    let mut got: Vec<String> = report
        .issues
        .iter()
        .map(|i| format!("{}:{}", i.field, i.code))
        .collect();
    got.sort();
    let detail = || {
        report
            .issues
            .iter()
            .map(|i| format!("  {}:{} — {}", i.field, i.code, i.message))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match (&expect.issues, &expect.issues_include) {
        (Some(want), None) => {
            let mut want = want.clone();
            want.sort();
            if want != got {
                problems.push(format!("issues: want {want:?}\n got {got:?}\n{}", detail()));
            }
        }
        (None, Some(some)) => {
            let absent: Vec<&String> = some.iter().filter(|w| !got.contains(w)).collect();
            if !absent.is_empty() {
                problems.push(format!("issuesInclude: {absent:?} not reported\n got {got:?}\n{}", detail()));
            }
        }
        (Some(_), Some(_)) => problems.push("expect has both issues and issuesInclude: say one".into()),
        (None, None) => problems.push(format!("expect states no issues: give issues (the complete set) or issuesInclude; the report has {got:?}")),
    }
    for (rule, want) in &expect.rules {
        if category.rules.iter().all(|r| r.id != *rule) {
            problems.push(format!(
                "rule {rule} is not a rule of {}/{}",
                doc.edition, doc.category
            ));
            continue;
        }
        let got = report.eligibility.rules.iter().find(|r| r.id == *rule);
        let got_status = got
            .map(|r| status_name(r.status))
            .unwrap_or_else(|| "omitted".into());
        if got_status != *want {
            let why = got.map(|r| r.explanation.as_str()).unwrap_or("");
            problems.push(format!(
                "rule {rule}: want {want}, got {got_status} ({why})"
            ));
        }
    }
    for (rule, want) in &expect.explanations {
        let got = report
            .eligibility
            .rules
            .iter()
            .find(|r| r.id == *rule)
            .map(|r| r.explanation.as_str())
            .unwrap_or("omitted");
        if !got.contains(want.as_str()) {
            problems.push(format!(
                "rule {rule}: explanation should contain {want:?}, is {got:?}"
            ));
        }
    }
    if let Some(want) = &expect.verdict {
        let got = status_name(report.eligibility.verdict);
        if got != *want {
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
    if let Some(want) = expect.valid {
        if report.valid != want {
            problems.push(format!("valid: want {want}, got {}", report.valid));
        }
    }
    // The keystroke invariant.
    for field in &category.fields {
        let single = validate_collected_field(category, &field.id, &values, &ctx, collected);
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
        Err(format!("({})\n{}", doc.description, problems.join("\n")))
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
            let p = root
                .join(e.id.as_str())
                .join(format!("{}-eligible.json", c.id));
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
    let mut covered: BTreeMap<(String, String, String), (bool, bool)> = BTreeMap::new();
    for path in scenario_files() {
        let Ok(doc) = load(&path) else { continue };
        for (rule, status) in &doc.expect.rules {
            let entry = covered
                .entry((doc.edition.clone(), doc.category.clone(), rule.clone()))
                .or_default();
            match status.as_str() {
                "notMet" => entry.0 = true,
                "missing" => entry.1 = true,
                _ => {}
            }
        }
    }
    let mut gaps = Vec::new();
    for e in registry::editions() {
        for c in &e.categories {
            for r in &c.rules {
                let (failing, missing) = covered
                    .get(&(e.id.to_string(), c.id.to_string(), r.id.to_string()))
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
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}
