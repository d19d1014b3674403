//! Compiles the editions into the crate. Every `src/editions/*.json` (no hand-kept list) is
//! read, its id checked against its file name, parsed into the model and linted — **any finding
//! fails the build**, so a broken notice never reaches a page. Then it is minified, its tagged
//! unions rewritten (below), and listed in `$OUT_DIR/editions.rs`, which `registry.rs` includes.
//!
//! Why the rewrite: serde can only read internally tagged enums by buffering every object into
//! a generic `Content` tree first, and that machinery alone was ~70 KB of the WebAssembly module.
//! The JSON files stay easy to read and write (`{"op": "atLeast", "field": …}`); the module
//! gets the cheap, externally tagged form (`{"atLeast": {"field": …}}`).
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
            crate::provinces::all().iter().any(|p| p.code == prefix)
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
    pub struct Date {
        year: i32,
        month: u8,
        day: u8,
    }
}

use serde_json::{Map, Value};
use std::fmt::Write as _;
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
    let mut embedded = Vec::new(); // (id, data year, file written)
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        match compile(path, &out_dir) {
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
    embedded.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut list = String::from("/// (edition id, minified JSON) of every edition, newest notice first. Written by build.rs.\n");
    list.push_str("const SOURCES: &[(&str, &str)] = &[\n");
    for (id, _, file) in &embedded {
        let _ = writeln!(
            list,
            "    ({id:?}, include_str!({:?})),",
            file.display().to_string()
        );
    }
    list.push_str("];\n");
    std::fs::write(out_dir.join("editions.rs"), list)
        .unwrap_or_else(|e| fail(&format!("cannot write editions.rs: {e}")));
}

/// One edition file → its id, data year and the minified copy written to OUT_DIR; or
/// every problem found in it.
fn compile(path: &Path, out_dir: &Path) -> Result<(String, u16, PathBuf), Vec<String>> {
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
    let edition: model::Edition = serde_json::from_value(json.clone())
        .map_err(|e| vec![format!("{name}: does not fit the model: {e}")])?;
    let mut found = Vec::new();
    if edition.id != stem {
        found.push(format!(
            "{name}: the id is “{}” but the file name says “{stem}”; they must be equal",
            edition.id
        ));
    }
    found.extend(
        lint::lint(&edition)
            .into_iter()
            .map(|p| format!("{name}: {p}")),
    );
    if !found.is_empty() {
        return Err(found);
    }
    let minified = serde_json::to_string(&json).map_err(|e| vec![format!("{name}: {e}")])?;
    let file = out_dir.join(&name);
    std::fs::write(&file, minified)
        .map_err(|e| vec![format!("{name}: cannot write {}: {e}", file.display())])?;
    Ok((stem, edition.data_year, file))
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
