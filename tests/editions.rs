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
    assert_eq!(registry::load_errors(), Vec::<String>::new());
    let ids: Vec<&str> = registry::editions().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "national-2023",
            "henan-2021",
            "national-2018",
            "jiangsu-2021"
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
    let problems: Vec<String> = registry::editions()
        .into_iter()
        .flat_map(lint::lint)
        .collect();
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
/// guards against and see it complain.
#[test]
fn the_lint_catches_broken_data() {
    use yanglao_check::model::{Condition, Expr};
    let sound = registry::edition("national-2023")
        .expect("national-2023")
        .clone();
    type Breakage = Box<dyn Fn(&mut Edition)>;
    let breakages: Vec<(&str, Breakage)> = vec![
        (
            "duplicate field",
            Box::new(|e: &mut Edition| {
                let f = e.categories[0].fields[1].clone();
                e.categories[0].fields.push(f);
            }),
        ),
        (
            "unknown field in a rule",
            Box::new(|e: &mut Edition| {
                e.categories[0].rules[0].test = Expr::AtLeast {
                    field: "no_such_field".into(),
                    min: 1.0,
                    label: None,
                };
            }),
        ),
        (
            "operator on the wrong kind",
            Box::new(|e: &mut Edition| {
                e.categories[0].rules[0].test = Expr::IsYes {
                    field: "founded".into(),
                };
            }),
        ),
        (
            "condition cycle",
            Box::new(|e: &mut Edition| {
                let c = &mut e.categories[0];
                let (a, b) = (c.fields[2].id.clone(), c.fields[3].id.clone());
                c.fields[2].when = Some(Condition {
                    field: b,
                    has: "x".into(),
                });
                c.fields[3].when = Some(Condition {
                    field: a,
                    has: "x".into(),
                });
                c.build_index();
            }),
        ),
        (
            "reference date not a date",
            Box::new(|e: &mut Edition| {
                e.categories[0].reference_date = "applicant".into();
            }),
        ),
    ];
    for (what, breakage) in breakages {
        let mut broken = sound.clone();
        breakage(&mut broken);
        for c in &mut broken.categories {
            c.build_index();
        }
        assert!(!lint::lint(&broken).is_empty(), "the lint missed: {what}");
    }
    assert!(lint::lint(&sound).is_empty());
}
