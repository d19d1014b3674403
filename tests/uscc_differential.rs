//! Differential test: our 统一社会信用代码 checker against python-stdnum's `cn.uscc`, over the
//! corpus `scripts/gen-uscc-corpus.py` wrote (with stdnum's verdict per code) into
//! `tests/differential/uscc-corpus.json`. Ours "accepted" (with or without warnings) must equal
//! stdnum's valid, except for the tags listed in `tests/differential/uscc-disagreements.json`
//! with the verdicts and reason given there; a listed tag that no longer disagrees fails too.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use yanglao_check::checks::check_uscc;

fn load(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/differential/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn uscc_agrees_with_python_stdnum_or_the_disagreement_is_listed() {
    let corpus = load("uscc-corpus.json");
    let listed = load("uscc-disagreements.json");
    let mut allowed: BTreeMap<String, String> = BTreeMap::new();
    for d in listed["disagreements"].as_array().expect("disagreements") {
        let key = format!(
            "{} ours={} stdnum={}",
            d["tag"].as_str().unwrap(),
            d["ours"].as_str().unwrap(),
            d["stdnum"].as_str().unwrap()
        );
        let reason = d["reason"].as_str().unwrap_or("");
        assert!(reason.len() > 20, "{key}: a reason is required");
        allowed.insert(key, reason.to_string());
    }
    let entries = corpus["entries"].as_array().expect("entries");
    assert!(entries.len() > 1000, "the corpus is the generated one");
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in entries {
        let value = e["value"].as_str().unwrap();
        let tag = e["tag"].as_str().unwrap();
        let theirs = if e["stdnum"].as_bool().unwrap() {
            "valid"
        } else {
            "invalid"
        };
        let ours = if check_uscc(value).is_ok() {
            "valid"
        } else {
            "invalid"
        };
        if ours != theirs {
            found
                .entry(format!("{tag} ours={ours} stdnum={theirs}"))
                .or_default()
                .push(value.to_string());
        }
    }
    let unlisted: Vec<String> = found
        .iter()
        .filter(|(k, _)| !allowed.contains_key(*k))
        .map(|(k, v)| format!("{k}: {:?}", &v[..v.len().min(5)]))
        .collect();
    let found_keys: BTreeSet<&String> = found.keys().collect();
    let stale: Vec<&String> = allowed.keys().filter(|k| !found_keys.contains(k)).collect();
    assert!(
        unlisted.is_empty(),
        "unlisted disagreements with python-stdnum: {unlisted:#?}"
    );
    assert!(
        stale.is_empty(),
        "listed disagreements that no longer occur: {stale:#?}"
    );
}
