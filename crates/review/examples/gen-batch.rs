//! Generates a batch for `scripts/bench-review.sh`: N exported drafts in `<out>/drafts/` and
//! one workbook `<out>/applications.xlsx` with N rows, cycling through the scenarios of
//! `tests/scenarios/` (every edition and category), each copy with its own 申报单位.
//!
//! cargo run --release -p yanglao-review --example gen-batch -- <count> <out>

use rust_xlsxwriter::Workbook;
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn load(path: &Path) -> Json {
    let mut doc: Json =
        serde_json::from_str(&std::fs::read_to_string(path).expect("scenario")).expect("JSON");
    if let Some(base) = doc.get("base").and_then(Json::as_str).map(str::to_string) {
        let base_doc = load(&path.with_file_name(base));
        let mut values = base_doc["values"].clone();
        if let (Some(map), Some(over)) = (values.as_object_mut(), doc["values"].as_object()) {
            for (k, v) in over {
                map.insert(k.clone(), v.clone());
            }
        }
        doc["values"] = values;
        for key in ["edition", "category", "today"] {
            if doc.get(key).is_none() {
                doc[key] = base_doc[key].clone();
            }
        }
    }
    doc
}

fn form_values(values: &Json) -> Map<String, Json> {
    let mut out = Map::new();
    for (k, v) in values.as_object().into_iter().flatten() {
        let v = match v {
            Json::Null => continue,
            Json::Number(n) => Json::String(n.to_string()),
            Json::Array(items) => Json::Array(
                items
                    .iter()
                    .map(|i| {
                        Json::String(
                            i.as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| i.to_string()),
                        )
                    })
                    .collect(),
            ),
            other => other.clone(),
        };
        out.insert(k.clone(), v);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(
        args.get(2)
            .cloned()
            .unwrap_or_else(|| "target/bench-review".into()),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/scenarios")
        .flatten()
        .flat_map(|d| {
            std::fs::read_dir(d.path())
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let scenarios: Vec<Json> = paths.iter().map(|p| load(p)).collect();
    let drafts = out.join("drafts");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&drafts).expect("output folder");
    let mut rows: BTreeMap<(String, String), Vec<Map<String, Json>>> = BTreeMap::new();
    for i in 0..count {
        let s = &scenarios[i % scenarios.len()];
        let (edition, category) = (
            s["edition"].as_str().unwrap_or("").to_string(),
            s["category"].as_str().unwrap_or("").to_string(),
        );
        let mut values = form_values(&s["values"]);
        values.insert(
            "applicant".into(),
            Json::String(format!("批量测试单位{i:05}")),
        );
        let doc = serde_json::json!({ "version": 1, "savedAt": "2026-01-01T00:00:00.000Z", "edition": edition, "category": category, "values": values });
        std::fs::write(drafts.join(format!("{i:05}.json")), doc.to_string())
            .expect("draft written");
        rows.entry((edition, category)).or_default().push(values);
    }
    let mut book = Workbook::new();
    for (n, ((edition, category), list)) in rows.iter().enumerate() {
        let c = yanglao_core::registry::category(edition, category).expect("scenario form");
        let sheet = book.add_worksheet();
        sheet.set_name(format!("表{}", n + 1)).expect("name");
        sheet.write_string(0, 0, "版本").expect("cell");
        sheet.write_string(0, 1, "类别").expect("cell");
        for (col, f) in c.fields.iter().enumerate() {
            sheet
                .write_string(0, (col + 2) as u16, &f.id)
                .expect("cell");
        }
        for (r, values) in list.iter().enumerate() {
            let row = (r + 1) as u32;
            sheet.write_string(row, 0, edition).expect("cell");
            sheet.write_string(row, 1, category).expect("cell");
            for (col, f) in c.fields.iter().enumerate() {
                let col = (col + 2) as u16;
                match values.get(f.id.as_str()) {
                    Some(Json::String(s)) => {
                        sheet.write_string(row, col, s).expect("cell");
                    }
                    Some(Json::Bool(b)) => {
                        sheet.write_boolean(row, col, *b).expect("cell");
                    }
                    Some(Json::Array(items)) => {
                        let sep = if f.kind == yanglao_core::model::FieldKind::TextList {
                            "\n"
                        } else {
                            "；"
                        };
                        let items: Vec<&str> = items.iter().filter_map(Json::as_str).collect();
                        sheet.write_string(row, col, items.join(sep)).expect("cell");
                    }
                    _ => {}
                }
            }
        }
    }
    book.save(out.join("applications.xlsx"))
        .expect("workbook saved");
    println!(
        "{count} drafts in {} and {count} rows in {}",
        drafts.display(),
        out.join("applications.xlsx").display()
    );
}
