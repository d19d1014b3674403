//! `review.json`: every application with the core's report serialised exactly as the
//! browser's `validateForm` returns it (serde_json of `yanglao_core::Report`), the refusals and
//! the quota groups. The equality test compares these reports with the wasm build's.

use super::Results;
use serde::Serialize;
use serde_json::{json, Value};

/// One application: where it came from, what the tables show, and the report as the core
/// serialises it (field order included, as `validateForm` returns it).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry<'a> {
    number: usize,
    file: &'a str,
    sheet: Option<&'a str>,
    row: Option<usize>,
    edition: &'a str,
    category: &'a str,
    name: &'a str,
    credit_code: &'a str,
    recommender: &'a str,
    report: &'a yanglao_core::Report,
}

#[derive(Serialize)]
struct Document<'a> {
    today: Option<String>,
    applications: Vec<Entry<'a>>,
    refused: Vec<Value>,
    quotas: Vec<Value>,
}

fn document(results: &Results) -> Document<'_> {
    let applications = results
        .judged
        .iter()
        .map(|j| Entry {
            number: j.number,
            file: &j.app.origin.file,
            sheet: j.app.origin.sheet.as_deref(),
            row: j.app.origin.row,
            edition: &j.app.edition.id,
            category: &j.app.category.id,
            name: &j.name,
            credit_code: &j.masked_code,
            recommender: &j.recommender,
            report: &j.report,
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
    Document {
        today: results.today.map(|d| d.iso()),
        applications,
        refused,
        quotas,
    }
}

pub fn write(results: &Results, path: &std::path::Path) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&document(results)).map_err(|e| e.to_string())?;
    super::write_file(path, text.as_bytes())
}
