//! Every embedded edition loads, passes the lint, and says what its seed says.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use yanglao_check::model::{Edition, FieldKind};
use yanglao_check::{lint, registry};

/// Whitespace and the full-width/half-width spelling of punctuation vary between the seeds'
/// line-broken text and a one-line transcription; nothing else may differ.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            '！' => '!',
            '？' => '?',
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn seed(edition: &Edition) -> String {
    let path = format!(
        "{}/tests/seeds/{}",
        env!("CARGO_MANIFEST_DIR"),
        edition.source
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn base_seed() -> String {
    let path = format!(
        "{}/tests/seeds/000_28047b9c06c7e1f7.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn every_edition_loads() {
    let ids: Vec<&str> = registry::editions().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "national-2023",
            "henan-2021",
            "jiangsu-2021",
            "national-2018"
        ]
    );
}

#[test]
fn categories_per_edition() {
    let got: BTreeMap<&str, Vec<&str>> = registry::editions()
        .iter()
        .map(|e| {
            (
                e.id.as_str(),
                e.categories.iter().map(|c| c.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got["national-2023"],
        ["enterprise", "park", "street", "base"]
    );
    assert_eq!(got["henan-2021"], ["enterprise", "park", "street", "base"]);
    assert_eq!(got["national-2018"], ["enterprise", "street", "base"]);
    assert_eq!(got["jiangsu-2021"], ["enterprise", "street", "base"]);
}

#[test]
fn every_edition_passes_the_lint() {
    let problems: Vec<String> = registry::editions().iter().flat_map(lint::lint).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_texts_are_verbatim_from_the_seed() {
    let mut problems = Vec::new();
    for e in registry::editions() {
        let text = squash(&seed(e));
        for c in &e.categories {
            if !text.contains(&squash(&c.subject)) {
                problems.push(format!(
                    "{}/{}: subject not in seed: {}",
                    e.id, c.id, c.subject
                ));
            }
            for r in &c.rules {
                if !text.contains(&squash(&r.text)) {
                    problems.push(format!(
                        "{}/{}/{}: text not in seed: {}",
                        e.id, c.id, r.id, r.text
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Labels come from the edition's own seed or, for tables reused from the 2023 申报书, from
/// that seed. Fields the tables lack carry the clause that asks for them (`source`);
/// declarations speak in the applicant's voice and carry theirs too.
#[test]
fn labels_are_the_seeds_own() {
    let base = squash(&base_seed());
    let mut problems = Vec::new();
    for e in registry::editions() {
        let own = squash(&seed(e));
        let known = |s: &str| own.contains(&squash(s)) || base.contains(&squash(s));
        for c in &e.categories {
            for f in &c.fields {
                if f.source.is_some() {
                    continue;
                }
                if f.kind == FieldKind::Declaration && !known(&f.label) && f.id != "commitment" {
                    problems.push(format!(
                        "{}/{}/{}: declaration without source",
                        e.id, c.id, f.id
                    ));
                    continue;
                }
                if !known(&f.label) {
                    problems.push(format!(
                        "{}/{}/{}: label not in seed: {}",
                        e.id, c.id, f.id, f.label
                    ));
                }
                for o in &f.options {
                    if !known(&o.label) {
                        problems.push(format!(
                            "{}/{}/{}: option not in seed: {}",
                            e.id, c.id, f.id, o.label
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_declaration_and_added_field_names_its_clause() {
    let mut problems = Vec::new();
    for e in registry::editions() {
        for c in &e.categories {
            for f in c
                .fields
                .iter()
                .filter(|f| f.kind == FieldKind::Declaration && f.id != "commitment")
            {
                if f.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                    problems.push(format!("{}/{}/{}", e.id, c.id, f.id));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "declarations without source: {}",
        problems.join(", ")
    );
}

/// The note for the issue asks for these numbers; print them with `--nocapture`.
#[test]
fn print_counts() {
    for e in registry::editions() {
        for c in &e.categories {
            println!(
                "{} {}: {} fields, {} checks, {} rules",
                e.id,
                c.id,
                c.fields.len(),
                c.checks.len(),
                c.rules.len()
            );
        }
    }
}

/// The lint is only worth something if it fails: break a sound edition in each way it
/// guards against and see it report that very finding (not merely something), so deleting
/// any one of its checks turns this test red.
#[test]
fn the_lint_catches_broken_data() {
    use yanglao_check::model::{CheckTest, ChoiceOption, Condition, Expr};
    let sound = registry::edition("national-2023")
        .expect("national-2023")
        .clone();
    assert_eq!(lint::lint(&sound), Vec::<String>::new());
    type Breakage = Box<dyn Fn(&mut Edition)>;
    // Position of a field in the enterprise category (categories[0]).
    fn at(e: &Edition, id: &str) -> usize {
        e.categories[0]
            .fields
            .iter()
            .position(|f| f.id == id)
            .unwrap_or_else(|| panic!("no field {id}"))
    }
    fn rule(e: &mut Edition) -> &mut yanglao_check::model::Rule {
        &mut e.categories[0].rules[0]
    }
    let cases: Vec<(&str, Breakage)> = vec![
        (
            "National 2023: edition id must be lowercase ASCII",
            Box::new(|e| e.id = "National 2023".into()),
        ),
        (
            "national-2023: category enterprise twice",
            Box::new(|e| {
                let c = e.categories[0].clone();
                e.categories.to_mut().push(c);
            }),
        ),
        (
            "unknown category id company",
            Box::new(|e| e.categories[0].id = "company".into()),
        ),
        (
            "enterprise: field founded twice",
            Box::new(|e| {
                let f = e.categories[0].fields[at(e, "founded")].clone();
                e.categories[0].fields.to_mut().push(f);
            }),
        ),
        (
            "field id Founded must be snake_case ASCII",
            Box::new(|e| {
                let i = at(e, "founded");
                e.categories[0].fields[i].id = "Founded".into();
            }),
        ),
        (
            "field applicant has no label",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i].label = " ".into();
            }),
        ),
        (
            "field enterprise_type needs options",
            Box::new(|e| {
                let i = at(e, "enterprise_type");
                e.categories[0].fields[i].options.to_mut().clear();
            }),
        ),
        (
            "field applicant is Text but has options",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i]
                    .options
                    .to_mut()
                    .push(ChoiceOption {
                        value: "a".into(),
                        label: "甲".into(),
                        group: None,
                        detail_field: None,
                    });
            }),
        ),
        (
            "field enterprise_type: option value terminal repeated or not ASCII",
            Box::new(|e| {
                let i = at(e, "enterprise_type");
                let o = e.categories[0].fields[i].options[0].clone();
                e.categories[0].fields[i].options.to_mut().push(o);
            }),
        ),
        (
            "detail field scenarios_other must have when {scenarios: other}",
            Box::new(|e| {
                let i = at(e, "scenarios_other");
                e.categories[0].fields[i].when = None;
            }),
        ),
        (
            "field scenarios: detail field no_such_text missing or not text",
            Box::new(|e| {
                let i = at(e, "scenarios");
                if let Some(o) = e.categories[0].fields[i]
                    .options
                    .iter_mut()
                    .find(|o| o.detail_field.is_some())
                {
                    o.detail_field = Some("no_such_text".into());
                }
            }),
        ),
        (
            "field applicant has min/max but is not a number",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i].min = Some(0.0);
            }),
        ),
        (
            "field founded has maxChars but is not a text",
            Box::new(|e| {
                let i = at(e, "founded");
                e.categories[0].fields[i].max_chars = Some(10);
            }),
        ),
        (
            "field applicant is past but not a date",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i].past = true;
            }),
        ),
        (
            "field scenarios_other: condition value nope is not an option of scenarios",
            Box::new(|e| {
                let i = at(e, "scenarios_other");
                e.categories[0].fields[i].when = Some(Condition {
                    field: "scenarios".into(),
                    has: "nope".into(),
                });
            }),
        ),
        (
            "field applicant: condition field founded missing or not a choice",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i].when = Some(Condition {
                    field: "founded".into(),
                    has: "x".into(),
                });
            }),
        ),
        (
            "field applicant: yes/no condition must be yes or no",
            Box::new(|e| {
                let i = at(e, "applicant");
                e.categories[0].fields[i].when = Some(Condition {
                    field: "service_has_platform".into(),
                    has: "maybe".into(),
                });
            }),
        ),
        (
            "field scenarios depends on itself",
            Box::new(|e| {
                let i = at(e, "scenarios");
                e.categories[0].fields[i].when = Some(Condition {
                    field: "scenarios".into(),
                    has: "other".into(),
                });
            }),
        ),
        // Both conditions name real options of real choice fields: only the cycle is wrong.
        (
            "field enterprise_type: its condition leads back to itself",
            Box::new(|e| {
                let (a, b) = (at(e, "enterprise_type"), at(e, "scenarios"));
                e.categories[0].fields[a].when = Some(Condition {
                    field: "scenarios".into(),
                    has: "other".into(),
                });
                e.categories[0].fields[b].when = Some(Condition {
                    field: "enterprise_type".into(),
                    has: "terminal".into(),
                });
            }),
        ),
        (
            "referenceDate applicant is not a date field",
            Box::new(|e| e.categories[0].reference_date = "applicant".into()),
        ),
        (
            "check id health_revenue_le_revenue repeated or not ASCII",
            Box::new(|e| {
                let c = e.categories[0]
                    .checks
                    .iter()
                    .find(|c| c.id == "health_revenue_le_revenue")
                    .cloned();
                e.categories[0].checks.to_mut().extend(c);
            }),
        ),
        (
            "check health_revenue_le_revenue: applicant must be a number",
            Box::new(|e| {
                for c in e.categories[0]
                    .checks
                    .iter_mut()
                    .filter(|c| c.id == "health_revenue_le_revenue")
                {
                    c.test = CheckTest::NotGreater {
                        left: "applicant".into(),
                        right: "revenue".into(),
                        factor: 1.0,
                    };
                }
            }),
        ),
        (
            "check health_revenue_le_revenue: factor must be positive",
            Box::new(|e| {
                for c in e.categories[0]
                    .checks
                    .iter_mut()
                    .filter(|c| c.id == "health_revenue_le_revenue")
                {
                    c.test = CheckTest::NotGreater {
                        left: "health_revenue".into(),
                        right: "revenue".into(),
                        factor: 0.0,
                    };
                }
            }),
        ),
        (
            "check terminal_rd_ratio_agrees: bad tolerance",
            Box::new(|e| {
                for c in e.categories[0].checks.iter_mut() {
                    if let CheckTest::RatioNotAbove { tolerance, .. } = &mut c.test {
                        *tolerance = f64::NAN;
                    }
                }
            }),
        ),
        (
            "check part2_total_chars: no fields",
            Box::new(|e| {
                for c in e.categories[0].checks.iter_mut() {
                    if let CheckTest::TotalChars { fields, .. } = &mut c.test {
                        fields.to_mut().clear();
                    }
                }
            }),
        ),
        (
            "check region: 99 is not a province code",
            Box::new(|e| {
                let test = CheckTest::UsccRegion {
                    field: "uscc".into(),
                    province: "99".into(),
                    label: "某省".into(),
                };
                e.categories[0]
                    .checks
                    .to_mut()
                    .push(yanglao_check::model::Check {
                        id: "region".into(),
                        test,
                        severity: Default::default(),
                        note: None,
                    });
            }),
        ),
        (
            "rule id e1 repeated or not ASCII",
            Box::new(|e| {
                let r = e.categories[0].rules[0].clone();
                e.categories[0].rules.to_mut().push(r);
            }),
        ),
        (
            "rule e1 needs its clause number and text",
            Box::new(|e| rule(e).clause = Default::default()),
        ),
        (
            "rule e1: condition value nope is not an option of enterprise_type",
            Box::new(|e| {
                rule(e).applies = Some(Condition {
                    field: "enterprise_type".into(),
                    has: "nope".into(),
                });
            }),
        ),
        (
            "rule e1: empty all/any",
            Box::new(|e| {
                rule(e).test = Expr::Any {
                    of: Default::default(),
                }
            }),
        ),
        (
            "rule e1: no_such_field must be a number",
            Box::new(|e| {
                rule(e).test = Expr::AtLeast {
                    field: "no_such_field".into(),
                    min: 1.0,
                    label: None,
                    proven_by: Default::default(),
                };
            }),
        ),
        (
            "rule e1: founded must be a number in the same unit",
            Box::new(|e| {
                rule(e).test = Expr::AtLeast {
                    field: "revenue".into(),
                    min: 1.0,
                    label: None,
                    proven_by: vec!["founded".into()].into(),
                };
            }),
        ),
        (
            "rule e1: staff must be a number in the same unit",
            Box::new(|e| {
                rule(e).test = Expr::AtLeast {
                    field: "revenue".into(),
                    min: 1.0,
                    label: None,
                    proven_by: vec!["staff".into()].into(),
                };
            }),
        ),
        (
            "rule e1: revenue must be another field than the one it proves",
            Box::new(|e| {
                rule(e).test = Expr::AtLeast {
                    field: "revenue".into(),
                    min: 1.0,
                    label: None,
                    proven_by: vec!["revenue".into()].into(),
                };
            }),
        ),
        (
            "rule e1: fields must be a non-empty list",
            Box::new(|e| {
                rule(e).test = Expr::CountPositive {
                    fields: Default::default(),
                    min: 1,
                    label: "x".into(),
                };
            }),
        ),
        (
            "rule e1: founded must be yes/no",
            Box::new(|e| {
                rule(e).test = Expr::IsYes {
                    field: "founded".into(),
                }
            }),
        ),
        (
            "rule e1: applicant must be a date",
            Box::new(|e| {
                rule(e).test = Expr::YearsSince {
                    field: "applicant".into(),
                    min: 1,
                }
            }),
        ),
        (
            "rule e1: enterprise_type must be a choice with that option",
            Box::new(|e| {
                rule(e).test = Expr::Includes {
                    field: "enterprise_type".into(),
                    value: "nope".into(),
                };
            }),
        ),
        (
            "rule e1: applicant must be a multiChoice",
            Box::new(|e| {
                rule(e).test = Expr::CountAtLeast {
                    field: "applicant".into(),
                    min: 1,
                    label: None,
                };
            }),
        ),
        (
            "rule e1: founded must be a credit code",
            Box::new(|e| {
                rule(e).test = Expr::UsccKind {
                    field: "founded".into(),
                    prefixes: vec!["91".into()].into(),
                    label: "企业".into(),
                };
            }),
        ),
        (
            "rule e1: founded must be a declaration",
            Box::new(|e| {
                rule(e).test = Expr::Declared {
                    field: "founded".into(),
                }
            }),
        ),
        (
            "declaration decl_no_violation is read by no rule",
            Box::new(|e| {
                rule(e).test = Expr::YearsSince {
                    field: "founded".into(),
                    min: 3,
                };
            }),
        ),
    ];
    let mut problems = Vec::new();
    for (expected, breakage) in &cases {
        let mut broken = sound.clone();
        breakage(&mut broken);
        for c in &mut broken.categories {
            c.build_index();
        }
        let findings = lint::lint(&broken);
        if !findings.iter().any(|f| f.contains(expected)) {
            problems.push(format!(
                "want a finding containing “{expected}”, got {findings:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The quota sentences are the seed's own, and the lint accepts the quota data.
#[test]
fn quotas_are_verbatim_from_the_seed() {
    let mut problems = Vec::new();
    for e in registry::editions() {
        let Some(q) = &e.quotas else { continue };
        let text = squash(&seed(e));
        if !text.contains(&squash(&q.text)) {
            problems.push(format!("{}: quota text not in seed: {}", e.id, q.text));
        }
        if let Some(c) = &q.consequence {
            if !text.contains(&squash(&c.text)) {
                problems.push(format!(
                    "{}: quota consequence not in seed: {}",
                    e.id, c.text
                ));
            }
        }
    }
    assert!(
        registry::edition("national-2018").is_some_and(|e| e.quotas.is_some()),
        "national-2018 sets quotas"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The dependency graph build.rs compiled in (`reads`, `read_by`) is what the checks' and
/// conditions' own fields say: a category without the graph works it out, and must agree.
#[test]
fn compiled_dependency_graph_matches_the_rules() {
    for e in registry::editions() {
        for c in &e.categories {
            assert_eq!(c.reads.len(), c.fields.len(), "{}/{}: no graph", e.id, c.id);
            let mut bare = c.clone();
            bare.reads = Default::default();
            bare.read_by = Default::default();
            for f in &c.fields {
                let compiled = (c.related(&f.id), c.dependents(&f.id));
                let worked_out = (bare.related(&f.id), bare.dependents(&f.id));
                assert_eq!(compiled, worked_out, "{}/{} {}", e.id, c.id, f.id);
            }
        }
    }
    // A field with a consistency check reads the other side of it.
    let c = registry::category("national-2023", "enterprise").unwrap();
    let with_check = c
        .checks
        .iter()
        .find_map(|k| match &k.test {
            yanglao_check::model::CheckTest::NotGreater { left, right, .. } => Some((left, right)),
            _ => None,
        })
        .expect("2023 企业 has a notGreater check");
    assert!(c.related(with_check.0).contains(with_check.1));
    assert!(c.dependents(with_check.1).contains(with_check.0));
}
