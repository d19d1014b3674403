//! The command over every scenario, as a folder of exported drafts and as workbooks with one
//! application per row: the workbook it writes (read back with calamine) and the HTML
//! report's index table must say what the core's own reports say.

mod common;

use calamine::{Data, Reader};
use common::{draft, run, scenarios, scratch, Scenario};
use rust_xlsxwriter::Workbook;
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use yanglao_core::checks::{mask_credit_code, parse_iso};
use yanglao_core::model::{Category, FieldKind, Severity};
use yanglao_core::{registry, validate_form, Context, Locale, Report, Value, Values};

fn to_values(map: &serde_json::Map<String, Json>) -> Values {
    let mut out = Values::new();
    for (k, v) in map {
        let value = match v {
            Json::String(s) => Value::Text(s.clone()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Array(items) => Value::List(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => continue,
        };
        out.insert(k.clone(), value);
    }
    out
}

/// What a spreadsheet row can carry: an empty cell is "not given", so blank texts and empty
/// lists are left out.
fn as_in_a_sheet(values: &Values) -> Values {
    values
        .iter()
        .filter(|(_, v)| match v {
            Value::Text(s) => !s.trim().is_empty(),
            Value::List(items) => items.iter().any(|i| !i.trim().is_empty()),
            _ => true,
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The header of a field's column: its name as messages show it where no other field has
/// that name, else its id (both are accepted).
fn header(category: &Category, field: &yanglao_core::model::Field) -> String {
    let unique = category
        .fields
        .iter()
        .filter(|f| f.name() == field.name())
        .count()
        == 1;
    if unique {
        field.name().to_string()
    } else {
        field.id.to_string()
    }
}

fn write_workbook(path: &Path, group: &[&Scenario]) -> Vec<(String, usize, String)> {
    let mut forms: BTreeMap<(String, String), Vec<&Scenario>> = BTreeMap::new();
    for s in group {
        forms
            .entry((s.edition.clone(), s.category.clone()))
            .or_default()
            .push(s);
    }
    let mut book = Workbook::new();
    let mut placed = Vec::new();
    for (i, ((edition, category), rows)) in forms.iter().enumerate() {
        let c = registry::category(edition, category).expect("scenario form exists");
        let sheet = book.add_worksheet();
        sheet.set_name(format!("表{}", i + 1)).expect("sheet name");
        sheet.write_string(0, 0, "版本").expect("cell");
        // The category by its Chinese name in one column, as a reviewer's sheet would.
        sheet.write_string(0, 1, "类别").expect("cell");
        for (col, f) in c.fields.iter().enumerate() {
            sheet
                .write_string(0, (col + 2) as u16, header(c, f))
                .expect("cell");
        }
        for (r, s) in rows.iter().enumerate() {
            let row = (r + 1) as u32;
            sheet.write_string(row, 0, edition).expect("cell");
            sheet.write_string(row, 1, &c.name).expect("cell");
            for (col, f) in c.fields.iter().enumerate() {
                let col = (col + 2) as u16;
                match s.values.get(f.id.as_str()) {
                    Some(Json::String(text)) => {
                        // Numbers as numbers where the cell reads back as typed, to cover numeric cells.
                        match text.parse::<f64>() {
                            Ok(n) if yanglao_review::input::cells::number_text(n) == *text => {
                                sheet.write_number(row, col, n).map(|_| ())
                            }
                            _ => sheet.write_string(row, col, text).map(|_| ()),
                        }
                        .expect("cell");
                    }
                    Some(Json::Bool(b)) => {
                        sheet.write_boolean(row, col, *b).expect("cell");
                    }
                    Some(Json::Array(items)) => {
                        let items: Vec<&str> = items.iter().filter_map(Json::as_str).collect();
                        let sep = if f.kind == FieldKind::TextList {
                            "\n"
                        } else {
                            "；"
                        };
                        sheet.write_string(row, col, items.join(sep)).expect("cell");
                    }
                    _ => {}
                }
            }
            placed.push((format!("表{}", i + 1), r + 2, s.name.clone()));
        }
    }
    book.save(path).expect("workbook saved");
    placed
}

/// The rows of the HTML index table, cell texts unescaped.
fn index_rows(html: &str) -> Vec<Vec<String>> {
    let table = html
        .split("<table id=\"applications\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("index table");
    let body = table.split("<tbody>").nth(1).expect("tbody");
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let inner = cell.split_once('>').map(|(_, r)| r).unwrap_or("");
                    let inner = inner.split("</td>").next().unwrap_or("");
                    let text: String = strip_tags(inner);
                    text.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&")
                })
                .collect()
        })
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => yanglao_review::input::cells::number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

struct Expected {
    category: &'static Category,
    report: Report,
    values: Values,
}

fn check_row(
    headers: &[String],
    row: &[Data],
    e: &Expected,
    problems: &mut Vec<String>,
    what: &str,
) {
    let get = |h: &str| {
        headers
            .iter()
            .position(|x| x == h)
            .and_then(|i| row.get(i))
            .map(cell_text)
            .unwrap_or_default()
    };
    let verdict = e.report.eligibility.verdict.label(Locale::ZhCn);
    if get("结论") != verdict {
        problems.push(format!("{what}: 结论 {} ≠ {verdict}", get("结论")));
    }
    let errors = e
        .report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    if get("错误数") != errors.to_string()
        || get("提示数") != (e.report.issues.len() - errors).to_string()
    {
        problems.push(format!(
            "{what}: counts {}/{} ≠ {errors}/{}",
            get("错误数"),
            get("提示数"),
            e.report.issues.len() - errors
        ));
    }
    let code = match e.values.get("uscc") {
        Some(Value::Text(s)) => mask_credit_code(s.trim()),
        _ => String::new(),
    };
    if get("统一社会信用代码") != code {
        problems.push(format!("{what}: code {} ≠ {code}", get("统一社会信用代码")));
    }
    for rule in &e.category.rules {
        let want = e
            .report
            .eligibility
            .rules
            .iter()
            .find(|r| r.id == rule.id)
            .map(|r| r.status.label(Locale::ZhCn))
            .unwrap_or("不适用");
        let got = get(&format!("{} {}", rule.clause, rule.id));
        if got != want {
            problems.push(format!("{what}: rule {} {got} ≠ {want}", rule.id));
        }
    }
}

#[test]
fn workbook_and_index_say_what_the_core_says() {
    let all = scenarios();
    assert!(all.len() > 150, "found {} scenarios", all.len());
    let mut by_today: BTreeMap<String, Vec<&Scenario>> = BTreeMap::new();
    for s in &all {
        by_today.entry(s.today.clone()).or_default().push(s);
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for (n, (today, group)) in by_today.iter().enumerate() {
        let dir = scratch(&format!("batch-{n}"));
        let drafts = dir.join("drafts");
        std::fs::create_dir_all(&drafts).expect("drafts folder");
        let ctx = Context {
            locale: Locale::ZhCn,
            today: parse_iso(today),
        };
        // Expected reports by (file, sheet row).
        let mut expected: HashMap<(String, Option<String>, Option<usize>), Expected> =
            HashMap::new();
        for s in group {
            let file = drafts.join(format!("{}.json", s.name));
            std::fs::write(&file, draft(s)).expect("draft written");
            let category = registry::category(&s.edition, &s.category).expect("scenario form");
            let values = to_values(&s.values);
            let report = validate_form(category, &values, &ctx);
            expected.insert(
                (file.display().to_string(), None, None),
                Expected {
                    category,
                    report,
                    values,
                },
            );
        }
        let book = dir.join("applications.xlsx");
        let by_name: HashMap<&str, &Scenario> =
            group.iter().map(|s| (s.name.as_str(), *s)).collect();
        for (sheet, row, name) in write_workbook(&book, group) {
            let s = by_name[name.as_str()];
            let category = registry::category(&s.edition, &s.category).expect("scenario form");
            let values = as_in_a_sheet(&to_values(&s.values));
            let report = validate_form(category, &values, &ctx);
            expected.insert(
                (book.display().to_string(), Some(sheet), Some(row)),
                Expected {
                    category,
                    report,
                    values,
                },
            );
        }
        let out = dir.join("out");
        let (code, stderr) = run(&[
            drafts.to_str().unwrap(),
            book.to_str().unwrap(),
            "--today",
            today,
            "--quiet",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "exit code for {today}: {stderr}");
        let json = common::report(&out);
        assert_eq!(
            json["refused"].as_array().map(Vec::len),
            Some(0),
            "nothing refused: {}",
            json["refused"]
        );
        assert_eq!(
            json["applications"].as_array().map(Vec::len),
            Some(expected.len())
        );

        // The workbook's application sheets.
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook(out.join("review.xlsx")).expect("review.xlsx opens");
        let mut by_number: HashMap<usize, &Expected> = HashMap::new();
        let mut rows_seen = 0;
        for name in workbook.sheet_names() {
            let range = workbook.worksheet_range(&name).expect("sheet reads");
            let mut rows = range.rows();
            let headers: Vec<String> = rows
                .next()
                .map(|r| r.iter().map(cell_text).collect())
                .unwrap_or_default();
            if headers.first().map(String::as_str) != Some("序号")
                || !headers.iter().any(|h| h == "结论")
            {
                continue;
            }
            let col = |h: &str| headers.iter().position(|x| x == h).expect("column");
            for row in rows {
                let file = cell_text(&row[col("来源文件")]);
                let sheet = Some(cell_text(&row[col("工作表")])).filter(|s| !s.is_empty());
                let line = cell_text(&row[col("行")]).parse::<usize>().ok();
                let Some(e) = expected.get(&(file.clone(), sheet.clone(), line)) else {
                    problems.push(format!("{file} {sheet:?} {line:?}: no such application"));
                    continue;
                };
                check_row(
                    &headers,
                    row,
                    e,
                    &mut problems,
                    &format!("{file} {sheet:?} {line:?}"),
                );
                let number = cell_text(&row[col("序号")]).parse::<usize>().expect("序号");
                by_number.insert(number, e);
                rows_seen += 1;
            }
        }
        assert_eq!(rows_seen, expected.len(), "every application has its row");

        // The issues sheet: each application's messages, in the report's order.
        let issues = workbook
            .worksheet_range("问题清单")
            .expect("问题清单 sheet");
        let mut messages: HashMap<usize, Vec<String>> = HashMap::new();
        for row in issues.rows().skip(1) {
            let number = cell_text(&row[0]).parse::<usize>().expect("序号");
            messages
                .entry(number)
                .or_default()
                .push(cell_text(&row[10]));
        }
        for (number, e) in &by_number {
            let want: Vec<String> = e.report.issues.iter().map(|i| i.message.clone()).collect();
            if messages.get(number).cloned().unwrap_or_default() != want {
                problems.push(format!("application {number}: issues sheet differs"));
            }
        }

        // The HTML index: one row per application, the same verdict and counts.
        let html = std::fs::read_to_string(out.join("html/index.html")).expect("index.html");
        let rows = index_rows(&html);
        assert_eq!(rows.len(), expected.len());
        for row in &rows {
            let number: usize = row[0].parse().expect("序号");
            let e = by_number[&number];
            let errors = e
                .report
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
                .count();
            let want = [
                e.report.eligibility.verdict.label(Locale::ZhCn).to_string(),
                errors.to_string(),
                (e.report.issues.len() - errors).to_string(),
            ];
            if row[7..10] != want {
                problems.push(format!("index row {number}: {:?} ≠ {want:?}", &row[7..10]));
            }
            if !out
                .join("html")
                .join(format!("applications/{number}.html"))
                .is_file()
            {
                problems.push(format!("application {number}: no page"));
            }
        }
        checked += expected.len();
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(checked, all.len() * 2);
}
