//! Scenario files (`tests/scenarios/<edition>/*.json`, with `base` inheritance as
//! `tests/scenarios.rs` reads them) turned into drafts and spreadsheets, and the command run.

#![allow(dead_code)]

use serde_json::{Map, Value as Json};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Scenario {
    pub name: String,
    pub edition: String,
    pub category: String,
    pub today: String,
    /// Values as a form gives them: strings, lists of strings, booleans (numbers written as
    /// the strings a person types).
    pub values: Map<String, Json>,
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).expect("scenario readable");
    let mut doc: Json = serde_json::from_str(&text).expect("scenario is JSON");
    if let Some(base) = doc.get("base").and_then(Json::as_str).map(str::to_string) {
        let base_doc = load(&path.with_file_name(base));
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
    doc
}

/// Every scenario of every edition, sorted by path.
pub fn scenarios() -> Vec<Scenario> {
    let dir = root().join("tests/scenarios");
    let mut paths = Vec::new();
    for edition in std::fs::read_dir(&dir).expect("tests/scenarios").flatten() {
        for entry in std::fs::read_dir(edition.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.path().extension().is_some_and(|x| x == "json") {
                paths.push(entry.path());
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let doc = load(p);
            let s = |k: &str| {
                doc.get(k)
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            let mut values = Map::new();
            for (k, v) in doc
                .get("values")
                .and_then(Json::as_object)
                .into_iter()
                .flatten()
            {
                let v = match v {
                    Json::Null => continue,
                    Json::Number(n) => Json::String(n.to_string()),
                    Json::Array(items) => Json::Array(
                        items
                            .iter()
                            .map(|i| {
                                i.as_str()
                                    .map(|s| Json::String(s.to_string()))
                                    .unwrap_or_else(|| Json::String(i.to_string()))
                            })
                            .collect(),
                    ),
                    other => other.clone(),
                };
                values.insert(k.clone(), v);
            }
            let name = format!(
                "{}-{}",
                p.parent()
                    .and_then(|d| d.file_name())
                    .and_then(|n| n.to_str())
                    .unwrap_or(""),
                p.file_stem().and_then(|n| n.to_str()).unwrap_or("")
            );
            Scenario {
                name,
                edition: s("edition"),
                category: s("category"),
                today: s("today"),
                values,
            }
        })
        .collect()
}

/// The draft document the site's export writes.
pub fn draft(s: &Scenario) -> String {
    serde_json::json!({ "version": 1, "savedAt": "2026-01-01T00:00:00.000Z", "edition": s.edition, "category": s.category, "values": s.values }).to_string()
}

/// A fresh, empty folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Runs the command; returns (exit code, stderr).
pub fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yanglao-review"))
        .args(args)
        .output()
        .expect("the command runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON report the command wrote.
pub fn report(out: &Path) -> Json {
    serde_json::from_str(
        &std::fs::read_to_string(out.join("review.json")).expect("review.json written"),
    )
    .expect("review.json is JSON")
}
