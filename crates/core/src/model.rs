//! The shape of an edition: the data read from `src/editions/*.json`.
//!
//! An edition is one notice's rules: its categories, each category's fields (the cells of the
//! 申报书's 基本情况表 plus the parts after it), the consistency checks between fields, and the
//! eligibility rules, one per numbered clause of the notice. Everything here is data; the code
//! that judges it lives in `checks/`, `validate/` and `eligibility/`.
//!
//! The same structs serialise to JS for `schema()`, so a page can render or audit its own form.

use serde::{Deserialize, Serialize};

pub use storage::{Boxed, List, Str};

/// The containers of the model. Each holds either data compiled into the module (the editions:
/// build.rs writes them as Rust statics, so nothing is parsed at run time) or data owned at run
/// time (an edition read from JSON by the build script, the lint's tests, a hand-made category
/// in a test). They deref to `str`, `[T]` and `T`, so code that reads the model does not care.
pub mod storage {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::{Borrow, Cow};
    use std::fmt;
    use std::ops::Deref;

    /// Text: a `&'static str` in the compiled editions, a `String` when read or made.
    #[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub struct Str(pub Cow<'static, str>);

    impl Str {
        pub fn as_str(&self) -> &str {
            &self.0
        }
    }
    impl Deref for Str {
        type Target = str;
        fn deref(&self) -> &str {
            &self.0
        }
    }
    impl AsRef<str> for Str {
        fn as_ref(&self) -> &str {
            &self.0
        }
    }
    impl Borrow<str> for Str {
        fn borrow(&self) -> &str {
            &self.0
        }
    }
    impl fmt::Debug for Str {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&*self.0, f)
        }
    }
    impl fmt::Display for Str {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl From<String> for Str {
        fn from(s: String) -> Str {
            Str(Cow::Owned(s))
        }
    }
    impl From<&str> for Str {
        fn from(s: &str) -> Str {
            Str(Cow::Owned(s.to_string()))
        }
    }
    impl From<&Str> for String {
        fn from(s: &Str) -> String {
            s.0.to_string()
        }
    }
    impl From<Str> for String {
        fn from(s: Str) -> String {
            s.0.into_owned()
        }
    }
    impl PartialEq<str> for Str {
        fn eq(&self, other: &str) -> bool {
            *self.0 == *other
        }
    }
    impl PartialEq<&str> for Str {
        fn eq(&self, other: &&str) -> bool {
            *self.0 == **other
        }
    }
    impl PartialEq<String> for Str {
        fn eq(&self, other: &String) -> bool {
            *self.0 == **other
        }
    }
    impl PartialEq<Str> for str {
        fn eq(&self, other: &Str) -> bool {
            *self == *other.0
        }
    }
    impl PartialEq<Str> for &str {
        fn eq(&self, other: &Str) -> bool {
            **self == *other.0
        }
    }
    impl PartialEq<Str> for String {
        fn eq(&self, other: &Str) -> bool {
            **self == *other.0
        }
    }
    impl Serialize for Str {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&self.0)
        }
    }
    impl<'de> Deserialize<'de> for Str {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
            String::deserialize(d).map(Str::from)
        }
    }

    /// A list: a `&'static [T]` in the compiled editions, a `Vec<T>` when read or made.
    #[derive(Clone, PartialEq)]
    pub struct List<T: Clone + 'static>(pub Cow<'static, [T]>);

    impl<T: Clone> List<T> {
        /// The list as a `Vec` to change (a test breaking an edition); copies static data once.
        pub fn to_mut(&mut self) -> &mut Vec<T> {
            self.0.to_mut()
        }
    }
    impl<T: Clone> Default for List<T> {
        fn default() -> Self {
            List(Cow::Borrowed(&[]))
        }
    }
    impl<T: Clone> Deref for List<T> {
        type Target = [T];
        fn deref(&self) -> &[T] {
            &self.0
        }
    }
    impl<T: Clone> std::ops::DerefMut for List<T> {
        /// Changing a compiled list copies it first (only tests change editions).
        fn deref_mut(&mut self) -> &mut [T] {
            self.0.to_mut()
        }
    }
    impl<'a, T: Clone> IntoIterator for &'a mut List<T> {
        type Item = &'a mut T;
        type IntoIter = std::slice::IterMut<'a, T>;
        fn into_iter(self) -> Self::IntoIter {
            self.0.to_mut().iter_mut()
        }
    }
    impl<'a, T: Clone> IntoIterator for &'a List<T> {
        type Item = &'a T;
        type IntoIter = std::slice::Iter<'a, T>;
        fn into_iter(self) -> Self::IntoIter {
            self.0.iter()
        }
    }
    impl<T: Clone> From<Vec<T>> for List<T> {
        fn from(v: Vec<T>) -> Self {
            List(Cow::Owned(v))
        }
    }
    impl<T: Clone> FromIterator<T> for List<T> {
        fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
            List(Cow::Owned(iter.into_iter().collect()))
        }
    }
    impl<T: Clone + fmt::Debug> fmt::Debug for List<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&*self.0, f)
        }
    }
    impl<T: Clone + Serialize> Serialize for List<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.serialize(s)
        }
    }
    impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for List<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Vec::<T>::deserialize(d).map(List::from)
        }
    }

    /// One boxed value (a sub-expression): a `&'static T` compiled in, a `Box<T>` when read.
    #[derive(Clone)]
    pub enum Boxed<T: 'static> {
        Static(&'static T),
        Owned(Box<T>),
    }
    impl<T> Boxed<T> {
        pub fn new(value: T) -> Self {
            Boxed::Owned(Box::new(value))
        }
    }
    impl<T> Deref for Boxed<T> {
        type Target = T;
        fn deref(&self) -> &T {
            match self {
                Boxed::Static(t) => t,
                Boxed::Owned(t) => t,
            }
        }
    }
    impl<T: fmt::Debug> fmt::Debug for Boxed<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&**self, f)
        }
    }
    impl<T: Serialize> Serialize for Boxed<T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            (**self).serialize(s)
        }
    }
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Boxed<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            T::deserialize(d).map(Boxed::new)
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Edition {
    /// Stable id used by pages: `national-2023`, `henan-2021`, ...
    pub id: Str,
    /// The notice's title as printed.
    pub title: Str,
    /// Short name for pickers, e.g. "全国 2023".
    pub short_title: Str,
    /// 文号, e.g. "工信厅联电子〔2018〕63号"; None where the seed gives none.
    #[serde(default)]
    pub doc_number: Option<Str>,
    pub issuers: List<Str>,
    /// The year the figures in the tables refer to (2022 for the 2023 guide).
    pub data_year: u16,
    /// Publication date (YYYY-MM-DD) where the seed gives one.
    #[serde(default)]
    pub published: Option<Str>,
    /// Deadline for materials (YYYY-MM-DD) where the seed gives one.
    #[serde(default)]
    pub deadline: Option<Str>,
    /// The seed file the edition was transcribed from.
    pub source: Str,
    /// Information for reviewers that is not a rule, e.g. per-province recommendation quotas.
    #[serde(default)]
    pub notes: List<Note>,
    /// How many applications each recommending unit may put forward, where the notice sets
    /// a number (national-2018). Read by the reviewers' command; pages ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotas: Option<Quotas>,
    pub categories: List<Category>,
}

/// The notice's recommendation quotas: who recommends, and at most how many per category.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quotas {
    /// Clause number of the sentence that sets the numbers, e.g. "三（四）".
    pub clause: Str,
    /// That sentence, verbatim from the seed.
    pub text: Str,
    /// What happens to a recommendation over the quota, verbatim, with its clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<Quoted>,
    /// Kinds of recommending unit, each with its own numbers; a unit belongs to the first
    /// kind that claims it.
    pub recommenders: List<Recommender>,
    /// How the numbers are read where the sentence is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quoted {
    pub clause: Str,
    pub text: Str,
}

/// One kind of recommending unit (各省、自治区、直辖市; 计划单列市 …; 中央企业).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Recommender {
    pub id: Str,
    /// The notice's words for this kind of unit.
    pub label: Str,
    /// Every province-level region of the code table (`crate::provinces`) is of this kind.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provinces: bool,
    /// Units of this kind by name (计划单列市 and 新疆生产建设兵团, which the table lacks).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub names: List<Str>,
    /// Units named with this prefix are of this kind ("中央企业：某集团").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_prefix: Option<Str>,
    /// Category id → most applications one unit of this kind may recommend. A category
    /// missing here has no number in the notice.
    #[serde(with = "limits_as_map")]
    pub limits: List<(Str, u32)>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Note {
    pub title: Str,
    pub text: Str,
    /// Where in the notice it is said.
    #[serde(default)]
    pub clause: Option<Str>,
    /// Structured rows, e.g. quotas: [["各省、自治区、直辖市", "3", "10", "3"], ...].
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub table: List<List<Str>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    /// `enterprise`, `park`, `street` or `base`.
    pub id: Str,
    /// The notice's name for it: 企业类, 园区类, 街道（乡镇）类, 基地类, 创新基地 ...
    pub name: Str,
    /// The 申报书's title for this category.
    pub form_title: Str,
    /// The sentence that says who may apply (申报主体…), verbatim.
    pub subject: Str,
    /// The field whose date is "today" for the application: ages and deadlines count to it.
    pub reference_date: Str,
    pub fields: List<Field>,
    #[serde(default)]
    pub checks: List<Check>,
    pub rules: List<Rule>,
    /// Positions in `fields`, in the order of the fields' ids, so a field is found by binary
    /// search; written by build.rs (`Category::build_index`).
    #[serde(skip)]
    pub field_index: List<u16>,
    /// The dependency graph between fields, by position in `fields`: `reads[i]` are the other
    /// fields field i's issues read (its consistency checks' fields, its condition's field,
    /// the reference date of a past date; transitively, in the order found), `read_by[i]` the
    /// fields whose issues read field i. Written by build.rs (`build_index`); empty in a
    /// hand-made category, for which `related` and `dependents` work it out.
    #[serde(skip)]
    pub reads: List<List<u16>>,
    #[serde(skip)]
    pub read_by: List<List<u16>>,
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
            // Not indexed (a hand-made category in a test): search.
            self.fields.iter().position(|f| f.id == id)
        } else {
            let found = self
                .field_index
                .binary_search_by(|&i| {
                    self.fields
                        .get(usize::from(i))
                        .map_or("", |f| f.id.as_str())
                        .cmp(id)
                })
                .ok()?;
            self.field_index.get(found).map(|&i| usize::from(i))
        }
    }

    /// Every field `id`'s issues may read: `id` first, then the fields its consistency checks
    /// read, and the fields their conditions and date limits depend on.
    pub fn related(&self, id: &str) -> Vec<Str> {
        match self.field_position(id) {
            Some(position) if !self.reads.is_empty() => self
                .related_positions(position)
                .filter_map(|p| self.fields.get(p))
                .map(|f| f.id.clone())
                .collect(),
            _ => self.work_out_related(id),
        }
    }

    /// `related` by position, from the compiled graph: the field at `position` first, then the
    /// positions of the fields it reads (empty past the field itself in a category without
    /// the graph; use `related` there).
    pub fn related_positions(&self, position: usize) -> impl Iterator<Item = usize> + '_ {
        let reads = self.reads.get(position).map_or(&[][..], |r| &r[..]);
        std::iter::once(position).chain(reads.iter().map(|&r| usize::from(r)))
    }

    /// The other fields whose issues can change when `id` changes (the reverse of `related`).
    pub fn dependents(&self, id: &str) -> Vec<Str> {
        let position = self.field_position(id);
        if let Some(read_by) = position.and_then(|p| self.read_by.get(p)) {
            return read_by
                .iter()
                .filter_map(|&r| self.fields.get(usize::from(r)))
                .map(|f| f.id.clone())
                .collect();
        }
        self.fields
            .iter()
            .filter(|f| f.id != id && self.work_out_related(&f.id).iter().any(|r| r == id))
            .map(|f| f.id.clone())
            .collect()
    }

    fn work_out_related(&self, id: &str) -> Vec<Str> {
        let mut out = vec![Str::from(id)];
        for check in self.checks.iter().filter(|c| c.test.reported_on() == id) {
            for f in check.test.fields_read() {
                if !out.iter().any(|o| o == f) {
                    out.push(f.clone());
                }
            }
        }
        let mut i = 0;
        while let Some(current) = out.get(i).cloned() {
            if let Some(field) = self.field(&current) {
                let mut add = |f: &Str| {
                    if !out.iter().any(|o| o == f) {
                        out.push(f.clone());
                    }
                };
                if let Some(w) = &field.when {
                    add(&w.field);
                }
                if field.past {
                    add(&self.reference_date);
                }
            }
            i += 1;
        }
        out
    }

    /// Fills `field_index`, the dependency graph (`reads`, `read_by`) and each field's
    /// `display` name. build.rs runs it before writing the compiled editions; a test that
    /// makes or changes a category may run it too.
    pub fn build_index(&mut self) {
        self.reads = List::default();
        self.read_by = List::default();
        let mut order: Vec<u16> = (0..self.fields.len())
            .filter_map(|i| u16::try_from(i).ok())
            .collect();
        order.sort_by(|&a, &b| {
            let id = |i: u16| {
                self.fields
                    .get(usize::from(i))
                    .map_or("", |f| f.id.as_str())
            };
            id(a).cmp(id(b))
        });
        self.field_index = List::from(order);
        let position =
            |c: &Category, id: &str| c.field_position(id).and_then(|p| u16::try_from(p).ok());
        let reads: Vec<List<u16>> = self
            .fields
            .iter()
            .map(|f| {
                self.work_out_related(&f.id)
                    .iter()
                    .skip(1)
                    .filter_map(|r| position(self, r))
                    .collect()
            })
            .collect();
        let read_by: Vec<List<u16>> = (0..reads.len())
            .map(|j| {
                (0..reads.len())
                    .filter(|&i| {
                        i != j
                            && reads
                                .get(i)
                                .is_some_and(|r| r.iter().any(|&x| usize::from(x) == j))
                    })
                    .filter_map(|i| u16::try_from(i).ok())
                    .collect()
            })
            .collect();
        self.reads = List::from(reads);
        self.read_by = List::from(read_by);
        let labels: Vec<Str> = self.fields.iter().map(|f| f.label.clone()).collect();
        for f in self.fields.to_mut() {
            let repeated = labels.iter().filter(|l| **l == f.label).count() > 1;
            f.display = match (repeated, f.section.last()) {
                (true, Some(row)) => Str::from(format!("{row}{}", f.label)),
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
    pub id: Str,
    /// The seed's own label, verbatim.
    pub label: Str,
    /// Section path, outermost first, e.g. ["一、基本情况表", "经营能力（2022年）"].
    pub section: List<Str>,
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Str>,
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
    /// For a choice, the most options allowed (more is an error); for a text list, the number
    /// the outline asks for (介绍2个: more is a warning, since an extra case does not make the
    /// application wrong).
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
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub options: List<ChoiceOption>,
    /// The seed's guidance for the cell, e.g. （重点突出…不超过1000字）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Str>,
    /// For a field the seed's table does not have: the clause that asks for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Str>,
    /// Where we had to choose (a unit the seed omits, a reading of an ambiguous cell): why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
    /// The label as messages use it: the seed's label, preceded by its row heading where
    /// the table repeats it (法人代表 · 姓名 and 联系人 · 姓名 are both "姓名"). Set by
    /// `Category::build_index`.
    #[serde(skip)]
    pub display: Str,
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
    pub value: Str,
    pub label: Str,
    /// Display group, e.g. 智慧健康场景.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Str>,
    /// The id of the text field that must say what "其他" is when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_field: Option<Str>,
}

/// "Field X has option V selected" (or, for YesNo, `is: "yes"`/`"no"`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    pub field: Str,
    /// The option value that must be selected (Choice, MultiChoice) or "yes"/"no" (YesNo).
    pub has: Str,
}

/// A consistency check between fields: true of every honest application.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Check {
    pub id: Str,
    pub test: CheckTest,
    #[serde(default)]
    pub severity: Severity,
    /// Why this must hold, in a sentence (shown to reviewers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
/// In the JSON files: `{"kind": "notGreater", …}`; embedded (see build.rs): `{"notGreater": {…}}`.
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum CheckTest {
    /// left ≤ right × factor (factor converts units, e.g. 万人 → 人 is 10000). Reported on `left`.
    NotGreater {
        left: Str,
        right: Str,
        #[serde(default = "one")]
        factor: f64,
    },
    /// The stated percentage is not above numerator / denominator × 100 by more than
    /// `tolerance` percentage points. One-sided because the share's own denominator is at least
    /// `denominator` (研发经费占**总**收入比例 against 主营业务收入: 总收入 ≥ 主营业务收入, so
    /// the stated share may be lower than the computed one, never higher). Reported on `field`.
    RatioNotAbove {
        field: Str,
        numerator: Str,
        denominator: Str,
        tolerance: f64,
    },
    /// `total` is 0 while `share` (a percentage of that total, e.g. 售后团队人员占总人数比例)
    /// is above 0: a share of nobody. Reported on `share`.
    ShareOfZero { share: Str, total: Str },
    /// The credit code's region digits (positions 3–4) are not `province`. The digits name the
    /// authority that first issued the code and never change when a company moves, so this
    /// can only ask the applicant to check, never decide where it is registered now.
    /// Reported on `field`.
    UsccRegion {
        field: Str,
        province: Str,
        label: Str,
    },
    /// The fields' 字数 together stay within `max`. Reported on the first field.
    TotalChars { fields: List<Str>, max: u32 },
    /// The date in `field` is not before the date in `other` (e.g. 申报日期 after 成立时间).
    DateNotBefore { field: Str, other: Str },
}

fn one() -> f64 {
    1.0
}

impl CheckTest {
    /// The field a check's message belongs next to.
    pub fn reported_on(&self) -> &str {
        match self {
            CheckTest::NotGreater { left, .. } => left,
            CheckTest::RatioNotAbove { field, .. } => field,
            CheckTest::ShareOfZero { share, .. } => share,
            CheckTest::UsccRegion { field, .. } => field,
            CheckTest::TotalChars { fields, .. } => fields.first().map_or("", |f| f.as_str()),
            CheckTest::DateNotBefore { field, .. } => field,
        }
    }

    /// Every field a check reads.
    pub fn fields_read(&self) -> Vec<&Str> {
        match self {
            CheckTest::NotGreater { left, right, .. } => vec![left, right],
            CheckTest::RatioNotAbove {
                field,
                numerator,
                denominator,
                ..
            } => vec![field, numerator, denominator],
            CheckTest::ShareOfZero { share, total } => vec![share, total],
            CheckTest::UsccRegion { field, .. } => vec![field],
            CheckTest::TotalChars { fields, .. } => fields.iter().collect(),
            CheckTest::DateNotBefore { field, other } => vec![field, other],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl Severity {
    /// The severity as in JSON (`error`, `warning`).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One numbered condition of the notice's 基本条件 / 申报条件.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    pub id: Str,
    /// Clause number as the notice prints it, e.g. "二（一）1".
    pub clause: Str,
    /// The clause text, verbatim from the seed.
    pub text: Str,
    /// The rule only applies when this holds (e.g. Henan's per-type thresholds); when the
    /// condition's field is not given yet the rule is `missing`; when it is false, the rule is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies: Option<Condition>,
    pub test: Expr,
    /// Where the notice is ambiguous: the reading we chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
}

/// The computable content of a clause.
#[derive(Debug, Clone, Deserialize, Serialize)]
/// In the JSON files: `{"op": "atLeast", …}`; embedded (see build.rs): `{"atLeast": {…}}`.
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Expr {
    /// Every part must hold.
    All { of: List<Expr> },
    /// At least one part must hold.
    Any { of: List<Expr> },
    /// `then` if the condition holds, else `otherwise` (e.g. 产品生产企业 ≥1000万, others ≥800万).
    If {
        cond: Condition,
        then: Boxed<Expr>,
        otherwise: Boxed<Expr>,
    },
    /// A number field (Amount, Number, Count, Percent) is at least `min` (in the field's unit).
    /// `provenBy` lists fields that count a part of the same quantity (one year of a
    /// cumulative total, the 信息化 part of all investment): any of them reaching `min`
    /// already proves the clause, even while `field` itself is empty.
    AtLeast {
        field: Str,
        min: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Str>,
        #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
        proven_by: List<Str>,
    },
    /// At least `min` of the count fields are 1 or more: the number of classes (rows of the
    /// table) in which something is reported, e.g. 5类 products over the six 设备 rows.
    CountPositive {
        fields: List<Str>,
        min: u32,
        label: Str,
    },
    /// The sum of several number fields is at least `min` (e.g. kinds of products in use).
    SumAtLeast {
        fields: List<Str>,
        min: f64,
        label: Str,
    },
    /// numerator / denominator × 100 ≥ min (percent).
    RatioAtLeast {
        numerator: Str,
        denominator: Str,
        min: f64,
        label: Str,
    },
    /// Whole years from the date in `field` to the reference date ≥ min (exactly N years counts).
    YearsSince { field: Str, min: u32 },
    /// At least `min` options selected in a MultiChoice.
    CountAtLeast {
        field: Str,
        min: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Str>,
    },
    /// The selection includes `value`.
    Includes { field: Str, value: Str },
    /// A YesNo field is yes.
    IsYes { field: Str },
    /// A Declaration checkbox is ticked: the status is `declared`, never `met`.
    Declared { field: Str },
    /// The 统一社会信用代码's first two characters are one of `prefixes` (e.g. "91" 企业).
    UsccKind {
        field: Str,
        prefixes: List<Str>,
        label: Str,
    },
}

/// `limits` is a JSON object (category id → number) in the files; a list of pairs in the model,
/// so the compiled editions can hold it as static data.
mod limits_as_map {
    use super::{List, Str};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(limits: &List<(Str, u32)>, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(limits.len()))?;
        for (category, most) in limits {
            map.serialize_entry(category, most)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<List<(Str, u32)>, D::Error> {
        let map = std::collections::BTreeMap::<String, u32>::deserialize(d)?;
        Ok(map.into_iter().map(|(k, v)| (Str::from(k), v)).collect())
    }
}

impl Recommender {
    /// The most applications of `category` one unit of this kind may recommend.
    pub fn limit(&self, category: &str) -> Option<u32> {
        self.limits
            .iter()
            .find(|(c, _)| c == category)
            .map(|&(_, most)| most)
    }
}
