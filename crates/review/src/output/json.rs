//! `review.json`: every application with the core's report serialised exactly as the
//! browser's `validateForm` returns it (serde_json of `yanglao_core::Report`), the refusals and
//! the quota groups. The equality test compares these reports with the wasm build's.

use super::Results;
use serde_json::{json, Value};

pub fn to_value(results: &Results) -> Value {
    let applications: Vec<Value> = results
        .judged
        .iter()
        .map(|j| {
            json!({
                "number": j.number,
                "file": j.app.origin.file,
                "sheet": j.app.origin.sheet,
                "row": j.app.origin.row,
                "edition": j.app.edition.id,
                "category": j.app.category.id,
                "name": j.name,
                "creditCode": j.masked_code,
                "recommender": j.recommender,
                "report": serde_json::to_value(&j.report).unwrap_or(Value::Null),
            })
        })
        .collect();
    let refused: Vec<Value> = results
        .refused
        .iter()
        .map(|r| json!({ "file": r.origin.file, "sheet": r.origin.sheet, "row": r.origin.row, "reason": r.reason }))
        .collect();
    let quotas: Vec<Value> = results
        .groups
        .iter()
        .map(|g| {
            json!({
                "edition": g.edition.id,
                "unit": g.unit,
                "kind": g.kind.map(|k| k.id.clone()),
                "category": g.category,
                "total": g.total,
                "eligible": g.eligible,
                "incomplete": g.incomplete,
                "ineligible": g.ineligible,
                "limit": g.limit,
                "status": g.status.label(),
                "explanation": g.explanation(),
                "members": g.members,
            })
        })
        .collect();
    json!({
        "today": results.today.map(|d| d.iso()),
        "applications": applications,
        "refused": refused,
        "quotas": quotas,
    })
}

pub fn write(results: &Results, path: &std::path::Path) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&to_value(results)).map_err(|e| e.to_string())?;
    super::write_file(path, text.as_bytes())
}
