//! Compiles the editions into the crate. Every `src/editions/*.json` (no hand-kept list) is
//! read, its id checked against its file name, parsed into the model and linted — **any finding
//! fails the build**, so a broken notice never reaches a page. Then each edition is indexed
//! (`Category::build_index`, the deadline parsed) and written as Rust source — one `static` of
//! the model's own types (`build/emit.rs`) — to `$OUT_DIR/editions.rs`, which `registry.rs`
//! includes. Nothing is parsed at run time: the module carries the editions as data.
//!
//! The JSON files use internally tagged unions (`{"op": "atLeast", "field": …}`), easy to read
//! and write; the model's serde form is externally tagged (`{"atLeast": {"field": …}}`), the
//! form `schema()` hands to pages, so the build rewrites the tags before reading (below).
//!
//! The model and the lint are the crate's own files, compiled into this build script too
//! (`#[path]`), so the build checks with exactly the code the tests and pages use.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/lint.rs"]
mod lint;

#[allow(dead_code)]
#[path = "src/provinces.rs"]
mod provinces;

#[allow(dead_code)]
#[path = "src/blank.rs"]
mod blank;

#[allow(dead_code)]
#[path = "src/checks/width.rs"]
mod width;

/// What the model, the lint and the province table use of the checkers: full-width folding (the
/// real file), the province prefixes of credit codes (the real table, through `provinces`), and
/// the type of a parsed deadline, which the registry fills in after loading (never read from the
/// JSON, so a stand-in type serves here).
#[allow(dead_code)]
mod checks {
    pub use crate::width::fold_width;

    pub mod uscc {
        pub fn is_known_province(prefix: &str) -> bool {
            prefix == "10" || crate::provinces::all().iter().any(|p| p.code == prefix)
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
    pub struct Date {
        pub year: i32,
        pub month: u8,
        pub day: u8,
    }

    /// `YYYY-MM-DD` with a real day of the month, as `checks::parse_iso` reads it.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day) = (
            y.parse::<i32>().ok()?,
            m.parse::<u8>().ok()?,
            d.parse::<u8>().ok()?,
        );
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

#[path = "build/emit.rs"]
mod emit;
use emit::Emit;

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const EDITIONS_DIR: &str = "../../src/editions";

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={EDITIONS_DIR}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(EDITIONS_DIR)
        .unwrap_or_else(|e| fail(&format!("cannot read {EDITIONS_DIR}: {e}")))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        fail(&format!("no edition in {EDITIONS_DIR}"));
    }

    let mut problems = Vec::new();
    let mut embedded = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        match compile(path) {
            Ok(e) => embedded.push(e),
            Err(mut found) => problems.append(&mut found),
        }
    }
    if !problems.is_empty() {
        fail(&format!(
            "the editions have {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }

    // Pickers show the newest notice first (by the year its figures are for), then by id.
    embedded.sort_by(|a, b| b.data_year.cmp(&a.data_year).then_with(|| a.id.cmp(&b.id)));
    let mut list = String::from(
        "// Written by build.rs from src/editions/*.json: every edition, newest notice first.\n",
    );
    list.push_str("static EDITIONS: &[Edition] = &[\n");
    for edition in &embedded {
        edition.emit(&mut list);
        list.push_str(",\n");
    }
    list.push_str("];\n");
    std::fs::write(out_dir.join("editions.rs"), list)
        .unwrap_or_else(|e| fail(&format!("cannot write editions.rs: {e}")));
}

/// One edition file → the edition, indexed and ready to be written; or every problem found in it.
fn compile(path: &Path) -> Result<model::Edition, Vec<String>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.trim_end_matches(".json").to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| vec![format!("{name}: cannot read: {e}")])?;
    let mut json: Value =
        serde_json::from_str(&text).map_err(|e| vec![format!("{name}: not JSON: {e}")])?;
    retag_edition(&mut json);
    let mut edition: model::Edition = serde_json::from_value(json)
        .map_err(|e| vec![format!("{name}: does not fit the model: {e}")])?;
    let mut found = Vec::new();
    if edition.id != stem {
        found.push(format!(
            "{name}: the id is “{}” but the file name says “{stem}”; they must be equal",
            edition.id
        ));
    }
    let deadline = match edition.deadline.as_deref() {
        None => None,
        Some(text) => match checks::parse_iso(text) {
            Some(date) => Some(date),
            None => {
                found.push(format!(
                    "{name}: deadline “{text}” is not a YYYY-MM-DD date"
                ));
                None
            }
        },
    };
    found.extend(
        lint::lint(&edition)
            .into_iter()
            .map(|p| format!("{name}: {p}")),
    );
    if !found.is_empty() {
        return Err(found);
    }
    for category in edition.categories.to_mut() {
        category.build_index();
        category.deadline = deadline;
    }
    Ok(edition)
}

fn fail(message: &str) -> ! {
    // Cargo shows a build script's stderr when it fails; one line per finding.
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn retag_edition(edition: &mut Value) {
    let Some(categories) = edition.get_mut("categories").and_then(Value::as_array_mut) else {
        return;
    };
    for category in categories {
        for check in category
            .get_mut("checks")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(test) = check.get_mut("test") {
                retag(test, "kind", &[]);
            }
        }
        for rule in category
            .get_mut("rules")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(test) = rule.get_mut("test") {
                retag(test, "op", &["of", "then", "otherwise"]);
            }
        }
    }
}

/// `{tag: "name", rest…}` → `{"name": {rest…}}`, recursing into the keys that hold
/// sub-expressions (`of` is a list of them).
fn retag(value: &mut Value, tag: &str, nested: &[&str]) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for key in nested {
        match object.get_mut(*key) {
            Some(Value::Array(items)) => items.iter_mut().for_each(|i| retag(i, tag, nested)),
            Some(inner @ Value::Object(_)) => retag(inner, tag, nested),
            _ => {}
        }
    }
    let Some(Value::String(name)) = object.remove(tag) else {
        return;
    };
    let rest: Map<String, Value> = std::mem::take(object);
    object.insert(name, Value::Object(rest));
}
