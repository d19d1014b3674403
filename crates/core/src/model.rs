//! The shape of an edition: the data read from `src/editions/*.json`.
//!
//! An edition is one notice's rules: its categories, each category's fields (the cells of the
//! 申报书's 基本情况表 plus the parts after it), the consistency checks between fields, and the
//! eligibility rules, one per numbered clause of the notice. Everything here is data; the code
//! that judges it lives in `checks/`, `validate/` and `eligibility/`.
//!
//! The same structs serialise to JS for `schema()`, so a page can render or audit its own form.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Edition {
    /// Stable id used by pages: `national-2023`, `henan-2021`, ...
    pub id: String,
    /// The notice's title as printed.
    pub title: String,
    /// Short name for pickers, e.g. "全国 2023".
    pub short_title: String,
    /// 文号, e.g. "工信厅联电子〔2018〕63号"; None where the seed gives none.
    #[serde(default)]
    pub doc_number: Option<String>,
    pub issuers: Vec<String>,
    /// The year the figures in the tables refer to (2022 for the 2023 guide).
    pub data_year: u16,
    /// Publication date (YYYY-MM-DD) where the seed gives one.
    #[serde(default)]
    pub published: Option<String>,
    /// Deadline for materials (YYYY-MM-DD) where the seed gives one.
    #[serde(default)]
    pub deadline: Option<String>,
    /// The seed file the edition was transcribed from.
    pub source: String,
    /// Information for reviewers that is not a rule, e.g. per-province recommendation quotas.
    #[serde(default)]
    pub notes: Vec<Note>,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Note {
    pub title: String,
    pub text: String,
    /// Where in the notice it is said.
    #[serde(default)]
    pub clause: Option<String>,
    /// Structured rows, e.g. quotas: [["各省、自治区、直辖市", "3", "10", "3"], ...].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    /// `enterprise`, `park`, `street` or `base`.
    pub id: String,
    /// The notice's name for it: 企业类, 园区类, 街道（乡镇）类, 基地类, 创新基地 ...
    pub name: String,
    /// The 申报书's title for this category.
    pub form_title: String,
    /// The sentence that says who may apply (申报主体…), verbatim.
    pub subject: String,
    /// The field whose date is "today" for the application: ages and deadlines count to it.
    pub reference_date: String,
    pub fields: Vec<Field>,
    #[serde(default)]
    pub checks: Vec<Check>,
    pub rules: Vec<Rule>,
    /// Field id → position in `fields`, filled by the registry after loading.
    #[serde(skip)]
    pub field_index: std::collections::HashMap<String, usize>,
    /// The edition's deadline for materials, copied here by the registry so the reference
    /// date can be checked against it.
    #[serde(skip)]
    pub deadline: Option<crate::checks::Date>,
}

impl Category {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.field_position(id).and_then(|i| self.fields.get(i))
    }

    pub fn field_position(&self, id: &str) -> Option<usize> {
        if self.field_index.is_empty() {
            // Not built by the registry (a hand-made category in a test): search.
            self.fields.iter().position(|f| f.id == id)
        } else {
            self.field_index.get(id).copied()
        }
    }

    pub fn build_index(&mut self) {
        self.field_index = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let labels: Vec<String> = self.fields.iter().map(|f| f.label.clone()).collect();
        for f in &mut self.fields {
            let repeated = labels.iter().filter(|l| **l == f.label).count() > 1;
            f.display = match (repeated, f.section.last()) {
                (true, Some(row)) => format!("{row}{}", f.label),
                _ => f.label.clone(),
            };
        }
    }
}

impl Edition {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// The kinds of value a field holds. Each kind has one checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    /// One line of text (names, addresses, 职务).
    Text,
    /// A long text counted in 字 the way Word counts them.
    LongText,
    /// 统一社会信用代码.
    Uscc,
    /// Mobile or landline number.
    Phone,
    Email,
    Date,
    /// Money in 万元.
    Amount,
    /// A decimal in some other unit (万人, 万单, 平方米).
    Number,
    /// A whole, non-negative count.
    Count,
    Percent,
    YesNo,
    /// One option.
    Choice,
    /// Any number of options.
    MultiChoice,
    /// Options every one of which is expected (支撑材料): each unchecked one is a warning.
    Checklist,
    /// A checkbox by which the applicant declares something no field can prove.
    Declaration,
    /// Several texts of the same kind (典型案例), one per input with the same name.
    TextList,
}

impl FieldKind {
    /// The kind's name as in the JSON (`uscc`, `longText` …): the `rule` of its format issues.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::LongText => "longText",
            FieldKind::Uscc => "uscc",
            FieldKind::Phone => "phone",
            FieldKind::Email => "email",
            FieldKind::Date => "date",
            FieldKind::Amount => "amount",
            FieldKind::Number => "number",
            FieldKind::Count => "count",
            FieldKind::Percent => "percent",
            FieldKind::YesNo => "yesNo",
            FieldKind::Choice => "choice",
            FieldKind::MultiChoice => "multiChoice",
            FieldKind::Checklist => "checklist",
            FieldKind::Declaration => "declaration",
            FieldKind::TextList => "textList",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Field {
    /// Stable ASCII id; the `name` of the input in the page.
    pub id: String,
    /// The seed's own label, verbatim.
    pub label: String,
    /// Section path, outermost first, e.g. ["一、基本情况表", "经营能力（2022年）"].
    pub section: Vec<String>,
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub required: bool,
    /// The field only applies (and, if `required`, is only required) when this holds;
    /// otherwise it is neither checked nor reported, and rules see it as not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Longest text in 字 (LongText, TextList items) or characters (Text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// Amounts and numbers that may be negative (利润 can be a loss).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    /// Percentages that may exceed 100 (资产负债率): a warning instead of an error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_over100: bool,
    /// Dates of past events: not after the reference date nor after today.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub past: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// The seed's guidance for the cell, e.g. （重点突出…不超过1000字）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// For a field the seed's table does not have: the clause that asks for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where we had to choose (a unit the seed omits, a reading of an ambiguous cell): why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The label as messages use it: the seed's label, preceded by its row heading where
    /// the table repeats it (法人代表 · 姓名 and 联系人 · 姓名 are both "姓名"). Set by
    /// `Category::build_index`.
    #[serde(skip)]
    pub display: String,
}

impl Field {
    /// The label for messages and explanations (see `display`).
    pub fn name(&self) -> &str {
        if self.display.is_empty() {
            &self.label
        } else {
            &self.display
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
    /// Display group, e.g. 智慧健康场景.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The id of the text field that must say what "其他" is when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_field: Option<String>,
}

/// "Field X has option V selected" (or, for YesNo, `is: "yes"`/`"no"`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    /// The option value that must be selected (Choice, MultiChoice) or "yes"/"no" (YesNo).
    pub has: String,
}

/// A consistency check between fields: true of every honest application.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub test: CheckTest,
    #[serde(default)]
    pub severity: Severity,
    /// Why this must hold, in a sentence (shown to reviewers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
/// In the JSON files: `{"kind": "notGreater", …}`; embedded (see build.rs): `{"notGreater": {…}}`.
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum CheckTest {
    /// left ≤ right × factor (factor converts units, e.g. 万人 → 人 is 10000). Reported on `left`.
    NotGreater {
        left: String,
        right: String,
        #[serde(default = "one")]
        factor: f64,
    },
    /// The stated percentage agrees with numerator / denominator × 100 within `tolerance`
    /// percentage points. Reported on `field`.
    RatioAgrees {
        field: String,
        numerator: String,
        denominator: String,
        tolerance: f64,
    },
    /// The fields' 字数 together stay within `max`. Reported on the first field.
    TotalChars { fields: Vec<String>, max: u32 },
    /// The date in `field` is not before the date in `other` (e.g. 申报日期 after 成立时间).
    DateNotBefore { field: String, other: String },
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One numbered condition of the notice's 基本条件 / 申报条件.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Clause number as the notice prints it, e.g. "二（一）1".
    pub clause: String,
    /// The clause text, verbatim from the seed.
    pub text: String,
    /// The rule only applies when this holds (e.g. Henan's per-type thresholds); when the
    /// condition's field is not given yet the rule is `missing`; when it is false, the rule is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies: Option<Condition>,
    pub test: Expr,
    /// Where the notice is ambiguous: the reading we chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The computable content of a clause.
#[derive(Debug, Clone, Deserialize, Serialize)]
/// In the JSON files: `{"op": "atLeast", …}`; embedded (see build.rs): `{"atLeast": {…}}`.
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Expr {
    /// Every part must hold.
    All { of: Vec<Expr> },
    /// At least one part must hold.
    Any { of: Vec<Expr> },
    /// `then` if the condition holds, else `otherwise` (e.g. 产品生产企业 ≥1000万, others ≥800万).
    If {
        cond: Condition,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// A number field (Amount, Number, Count, Percent) is at least `min` (in the field's unit).
    AtLeast {
        field: String,
        min: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// The sum of several number fields is at least `min` (e.g. kinds of products in use).
    SumAtLeast {
        fields: Vec<String>,
        min: f64,
        label: String,
    },
    /// numerator / denominator × 100 ≥ min (percent).
    RatioAtLeast {
        numerator: String,
        denominator: String,
        min: f64,
        label: String,
    },
    /// Whole years from the date in `field` to the reference date ≥ min (exactly N years counts).
    YearsSince { field: String, min: u32 },
    /// At least `min` options selected in a MultiChoice.
    CountAtLeast {
        field: String,
        min: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// The selection includes `value`.
    Includes { field: String, value: String },
    /// A YesNo field is yes.
    IsYes { field: String },
    /// A Declaration checkbox is ticked: the status is `declared`, never `met`.
    Declared { field: String },
    /// The 统一社会信用代码's first two characters are one of `prefixes` (e.g. "91" 企业).
    UsccKind {
        field: String,
        prefixes: Vec<String>,
        label: String,
    },
    /// The code's region part lies in a province (2-digit prefix, e.g. "32" 江苏).
    UsccProvince {
        field: String,
        province: String,
        label: String,
    },
}
