//! The core's own JSON (`yanglao_core::json`, what the WebAssembly module uses for drafts and
//! reports) against serde_json: the same texts accepted and refused, the same values read, the
//! same bytes written — so dropping serde_json from the module changed nothing a page or a
//! reviewer can see.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::path::Path;
use yanglao_check::json::{self, Json};
use yanglao_check::registry;
use yanglao_check::{validate_form, Context, Value, Values};

/// serde_json's value in the core's shape (numbers by their text as serde_json prints them
/// back for integers; floats compared by value).
fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Json::Null, J::Null) => true,
        (Json::Bool(a), J::Bool(b)) => a == b,
        (Json::String(a), J::String(b)) => a == b,
        // serde_json reads floats fast rather than correctly rounded (1.2500000000000001e-29
        // for 12.5e-30): the same number to 1e-12, and the same integer where there is one.
        (Json::Number(a), J::Number(b)) => {
            let (x, y) = (
                a.parse::<f64>().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            (x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()))
                && a.parse::<u64>().ok() == b.as_u64()
        }
        (Json::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn has_float(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => n.is_f64(),
        serde_json::Value::Array(items) => items.iter().any(has_float),
        serde_json::Value::Object(map) => map.values().any(has_float),
        _ => false,
    }
}

fn agree(text: &str) {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            assert!(same(a, b), "{text:?}: read {a:?}, serde_json {b:?}");
            // Written back: the same bytes as serde_json writes (objects in key order).
            let mut out = String::new();
            json::write(&mut out, a);
            let reference = serde_json::to_string(b).unwrap();
            // Numbers are written back as read (a draft writes only its version, 1); serde_json
            // rewrites some (-0 as -0.0), so the bytes are compared where there are none of those.
            if !text.contains(['.', 'e', 'E', '-']) && !has_float(b) {
                assert_eq!(out, reference, "{text:?}");
            }
        }
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn hand_picked_texts() {
    for text in [
        "{}",
        "[]",
        "null",
        "true",
        "0",
        "-0",
        "1",
        "-12",
        "1.5",
        "1e3",
        "1E-3",
        "-0.0",
        "18446744073709551615",
        "18446744073709551616",
        "1e308",
        "1e309",
        "-1e400",
        "01",
        "1.",
        ".1",
        "+1",
        "0x10",
        "NaN",
        "Infinity",
        " {\"a\" : 1 } ",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":[true,false,null]}",
        "[1,]",
        "{\"a\":1,}",
        "[,]",
        "\"\\u0000\"",
        "\"\u{1}\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud83d\\ude00\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\x41\"",
        "\"\\/\"",
        "\"\\'\"",
        "\"a\u{7f}b\"",
        "\"\u{2028}\"",
        "\"é😀\"",
        "\u{feff}{}",
        "{} x",
        "[1] [2]",
        "// c\n{}",
        "{'a':1}",
        "{a:1}",
        "\"unterminated",
        "[\"a\"",
        "tru",
        "nul",
        "\t\n\r {}\t\n\r",
        "\u{a0}{}",
        "{\"\":\"\"}",
        "[[[[]]]]",
    ] {
        agree(text);
    }
    for depth in [126, 127, 128, 129, 130, 200] {
        agree(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        agree(&format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ));
    }
}

/// Texts built of JSON's own pieces and some that are not, so most are near-JSON.
fn near_json() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\"a\"",
        "\"\\n\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "1",
        "-",
        "0",
        ".",
        "e",
        "+",
        "12.5e-3",
        "true",
        "false",
        "null",
        " ",
        "\n",
        "\t",
        "\u{1}",
        "é",
        "😀",
        "/",
        "x",
        "\u{feff}",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn reader_agrees_with_serde_json(text in near_json()) {
        agree(&text);
    }

    #[test]
    fn string_writer_agrees_with_serde_json(s in any::<String>()) {
        let mut out = String::new();
        json::write_str(&mut out, &s);
        prop_assert_eq!(&out, &serde_json::to_string(&s).unwrap());
        prop_assert_eq!(json::parse(&out), Ok(Json::String(s)));
    }
}

/// Every form's report, for its eligible scenario and for a broken copy, written by the core
/// as serde_json writes it (pages and review.json read the same bytes).
#[test]
fn reports_are_written_as_serde_json_writes_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut compared = 0;
    for e in registry::editions() {
        for c in &e.categories {
            let path = root
                .join(e.id.as_str())
                .join(format!("{}-eligible.json", c.id));
            // The scenario's values read as a draft is (the one strict reading of stored values).
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let values = yanglao_check::draft::parse(&doc["values"].to_string(), &e.id, c)
                .unwrap_or_else(|err| panic!("{}: {err:?}", path.display()));
            let ctx = Context::default();
            let mut broken = values.clone();
            for (i, f) in c.fields.iter().enumerate() {
                if i % 3 == 0 {
                    broken.insert(
                        f.id.to_string(),
                        Value::Text("\"<b>\\ \u{1} 😀 -1e400".into()),
                    );
                }
            }
            for v in [&values, &broken, &Values::new()] {
                let report = validate_form(c, v, &ctx);
                assert_eq!(
                    report.to_json(),
                    serde_json::to_string(&report).unwrap(),
                    "{}",
                    path.display()
                );
                assert_eq!(
                    yanglao_check::Issue::list_to_json(&report.issues),
                    serde_json::to_string(&report.issues).unwrap()
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 14 * 3);
}
