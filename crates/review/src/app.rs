//! What flows through the batch: an application read from a file, its judgement, or the
//! reason a file or row could not be judged.

use yanglao_core::model::{Category, Edition};
use yanglao_core::{Report, Value, Values};

/// Where an application or a refusal came from, as a reviewer finds it again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// The file's path as given on the command line (or found in a folder).
    pub file: String,
    /// The worksheet of a workbook.
    pub sheet: Option<String>,
    /// The spreadsheet row (1-based, as Excel numbers it; the header is row 1).
    pub row: Option<usize>,
}

impl Origin {
    pub fn file(file: &str) -> Origin {
        Origin {
            file: file.to_string(),
            sheet: None,
            row: None,
        }
    }

    /// "a.xlsx · 示范企业 · 第3行", for messages and tables.
    pub fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            s.push_str(" · ");
            s.push_str(sheet);
        }
        if let Some(row) = self.row {
            s.push_str(&format!(" · 第{row}行"));
        }
        s
    }
}

/// One application, read and ready to judge.
#[derive(Debug, Clone)]
pub struct Application {
    pub origin: Origin,
    pub edition: &'static Edition,
    pub category: &'static Category,
    pub values: Values,
    /// The recommending unit when the file or the command line names it.
    pub recommender: Option<String>,
}

/// A file, sheet, header or row that could not be judged, and why (zh-CN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub origin: Origin,
    pub reason: String,
}

impl Refusal {
    pub fn new(origin: Origin, reason: impl Into<String>) -> Refusal {
        Refusal {
            origin,
            reason: reason.into(),
        }
    }
}

/// An application with the core's report and what the tables show of it.
#[derive(Debug, Clone)]
pub struct Judged {
    /// Position in the batch (1-based), also the name of its HTML page.
    pub number: usize,
    pub app: Application,
    pub report: Report,
    /// 申报单位 as written (clipped), or a placeholder when empty.
    pub name: String,
    /// The credit code masked as lists show it (empty when the category has none or it is
    /// not given).
    pub masked_code: String,
    /// The recommending unit the quotas count it under, and how that was found.
    pub recommender: String,
    pub recommender_source: RecommenderSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecommenderSource {
    /// A column of the spreadsheet or `--province`.
    Given,
    /// The credit code's characters 3–4.
    CreditCode,
    /// Neither: the application counts under no unit.
    Unknown,
}

impl Judged {
    pub fn new(number: usize, app: Application, report: Report) -> Judged {
        let name = text_of(app.values.get("applicant"))
            .map(|s| clip(s.trim(), 100))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "（未填写申报单位）".to_string());
        let code = app
            .category
            .fields
            .iter()
            .find(|f| f.kind == yanglao_core::model::FieldKind::Uscc)
            .and_then(|f| text_of(app.values.get(f.id.as_str())))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let masked_code = yanglao_core::checks::mask_credit_code(&code);
        let (recommender, recommender_source) = match app
            .recommender
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            // Named as the quotas group it (江苏 → 江苏省, 青岛 → 青岛市) where the edition has quotas.
            Some(given) => {
                let unit = match app.edition.quotas.as_ref() {
                    Some(q) => crate::quota::classify(q, given).0,
                    None => yanglao_core::provinces::find(given)
                        .map(|p| p.name.to_string())
                        .unwrap_or_else(|| given.to_string()),
                };
                (clip(&unit, 60), RecommenderSource::Given)
            }
            None => match yanglao_core::provinces::from_credit_code(&code) {
                Some(p) if !code.is_empty() => (p.name.to_string(), RecommenderSource::CreditCode),
                _ => ("（未注明推荐单位）".to_string(), RecommenderSource::Unknown),
            },
        };
        Judged {
            number,
            app,
            report,
            name,
            masked_code,
            recommender,
            recommender_source,
        }
    }

    pub fn errors(&self) -> usize {
        self.report
            .issues
            .iter()
            .filter(|i| i.severity == yanglao_core::model::Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.report.issues.len() - self.errors()
    }
}

/// The one text of a value (a one-item list counts, as the core reads it).
fn text_of(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::Text(s) => Some(s),
        Value::List(items) if items.len() == 1 => items.first().map(String::as_str),
        _ => None,
    }
}

/// At most `max` characters, with an ellipsis when cut: names and reasons stay readable even
/// when a file holds megabytes.
pub fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}
