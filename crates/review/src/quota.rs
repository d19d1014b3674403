//! The notice's recommendation quotas (national-2018 today), read from the edition's data:
//! applications are grouped by recommending unit and category, counted by verdict, and each
//! group over its number is flagged with the notice's own sentence.
//!
//! Readings (also in the edition's `quotas.note`): a quota counts recommendations, and a
//! reviewer receives more applications than they may recommend; so a group is 超出名额 when
//! more applications already meet every condition than the quota allows, and 可能超出 when
//! those that meet them plus those still incomplete exceed it. No application is judged
//! 不符合 because of a quota.

use crate::app::Judged;
use std::collections::BTreeMap;
use yanglao_core::model::{Edition, Quotas, Recommender};
use yanglao_core::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaStatus {
    Within,
    MayExceed,
    Exceeded,
    /// The notice sets no number for this unit and category.
    NoLimit,
    /// The unit is not one the notice lists (or none was given): nothing to compare with.
    UnknownUnit,
}

impl QuotaStatus {
    pub fn label(self) -> &'static str {
        match self {
            QuotaStatus::Within => "未超出名额",
            QuotaStatus::MayExceed => "可能超出名额",
            QuotaStatus::Exceeded => "超出名额",
            QuotaStatus::NoLimit => "通知未规定名额",
            QuotaStatus::UnknownUnit => "无法核对名额",
        }
    }

    pub fn flagged(self) -> bool {
        matches!(self, QuotaStatus::MayExceed | QuotaStatus::Exceeded)
    }
}

/// One recommending unit's applications in one category.
#[derive(Debug, Clone)]
pub struct Group {
    pub edition: &'static Edition,
    pub quotas: &'static Quotas,
    /// The unit as grouped (a province's full name, 青岛市, 中央企业：某集团 …).
    pub unit: String,
    /// The kind of unit in the notice's words, when known.
    pub kind: Option<&'static Recommender>,
    pub category: String,
    pub category_name: String,
    pub total: usize,
    pub eligible: usize,
    pub incomplete: usize,
    pub ineligible: usize,
    pub limit: Option<u32>,
    pub status: QuotaStatus,
    /// The numbers (`Judged::number`) of its applications.
    pub members: Vec<usize>,
}

impl Group {
    /// What the reviewer should read, with the notice's sentence.
    pub fn explanation(&self) -> String {
        let limit = self
            .limit
            .map(|l| l.to_string())
            .unwrap_or_else(|| "—".into());
        let counts = format!(
            "符合条件{}份，待补充{}份，不符合{}份",
            self.eligible, self.incomplete, self.ineligible
        );
        match self.status {
            QuotaStatus::Exceeded => format!(
                "{}的{}名额为{}，{}：已超出名额，须择优推荐不超过{}份。",
                self.unit, self.category_name, limit, counts, limit
            ),
            QuotaStatus::MayExceed => format!(
                "{}的{}名额为{}，{}：补齐材料后可能超出名额。",
                self.unit, self.category_name, limit, counts
            ),
            QuotaStatus::Within => format!(
                "{}的{}名额为{}，{}。",
                self.unit, self.category_name, limit, counts
            ),
            QuotaStatus::NoLimit => format!(
                "通知未规定{}推荐{}的名额；{}。",
                self.kind.map(|k| k.label.as_str()).unwrap_or(""),
                self.category_name,
                counts
            ),
            QuotaStatus::UnknownUnit => format!(
                "“{}”不是通知所列的推荐单位（{}），无法核对名额；{}。",
                self.unit,
                self.quotas
                    .recommenders
                    .iter()
                    .map(|r| r.label.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
                counts
            ),
        }
    }
}

/// The unit's grouping name and kind: a province by code, full or short name becomes its
/// full name; other kinds match their names or prefix.
pub fn classify(quotas: &'static Quotas, unit: &str) -> (String, Option<&'static Recommender>) {
    let unit = unit.trim();
    for r in &quotas.recommenders {
        if r.provinces {
            if let Some(p) = yanglao_core::provinces::find(unit) {
                return (p.name.to_string(), Some(r));
            }
        }
        if r.names
            .iter()
            .any(|n| n == unit || n.trim_end_matches('市') == unit)
        {
            let name = r
                .names
                .iter()
                .find(|n| *n == unit || n.trim_end_matches('市') == unit)
                .map(|n| n.to_string())
                .unwrap_or_default();
            return (name, Some(r));
        }
        if r.name_prefix
            .as_deref()
            .is_some_and(|p| unit.starts_with(p))
        {
            return (unit.to_string(), Some(r));
        }
    }
    (unit.to_string(), None)
}

/// The groups of every edition that sets quotas, in a stable order (edition, unit, category).
pub fn groups(judged: &[Judged]) -> Vec<Group> {
    let mut map: BTreeMap<(String, String, usize), Group> = BTreeMap::new();
    for j in judged {
        let edition = j.app.edition;
        let Some(quotas) = edition.quotas.as_ref() else {
            continue;
        };
        let (unit, kind) = match j.recommender_source {
            crate::app::RecommenderSource::Unknown => (j.recommender.clone(), None),
            _ => classify(quotas, &j.recommender),
        };
        let category = j.app.category;
        let order = edition
            .categories
            .iter()
            .position(|c| c.id == category.id)
            .unwrap_or(usize::MAX);
        let group = map
            .entry((edition.id.to_string(), unit.clone(), order))
            .or_insert_with(|| {
                let limit = kind.and_then(|k| k.limit(&category.id));
                Group {
                    edition,
                    quotas,
                    unit,
                    kind,
                    category: category.id.to_string(),
                    category_name: category.name.to_string(),
                    total: 0,
                    eligible: 0,
                    incomplete: 0,
                    ineligible: 0,
                    limit,
                    status: QuotaStatus::Within,
                    members: Vec::new(),
                }
            });
        group.total += 1;
        match j.report.eligibility.verdict {
            Verdict::Eligible => group.eligible += 1,
            Verdict::Incomplete => group.incomplete += 1,
            Verdict::Ineligible => group.ineligible += 1,
        }
        group.members.push(j.number);
    }
    let mut out: Vec<Group> = map.into_values().collect();
    for g in &mut out {
        g.status = match (g.kind, g.limit) {
            (None, _) => QuotaStatus::UnknownUnit,
            (Some(_), None) => QuotaStatus::NoLimit,
            (Some(_), Some(limit)) if g.eligible > limit as usize => QuotaStatus::Exceeded,
            (Some(_), Some(limit)) if g.eligible + g.incomplete > limit as usize => {
                QuotaStatus::MayExceed
            }
            _ => QuotaStatus::Within,
        };
    }
    out
}
