//! What every generated page must be: self-contained under the strict CSP, every field with
//! its input and label, every string escaped, clauses on the same topic side by side.

use std::collections::HashSet;
use yanglao_core::model::Category;
use yanglao_core::registry;
use yanglao_sitegen::*;

/// Every value of `attr="…"` in a page (attribute preceded by a space).
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn pages_are_self_contained() {
    let pages = pages();
    assert_eq!(
        pages.len(),
        2 + registry::editions()
            .iter()
            .map(|e| e.categories.len())
            .sum::<usize>()
    );
    for (path, html) in &pages {
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"),
            "{path}: doctype and lang"
        );
        assert!(html.contains("<meta charset=\"utf-8\">"), "{path}: charset");
        assert!(
            html.contains(&format!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            )),
            "{path}: CSP"
        );
        assert!(
            !html.contains(" style=\""),
            "{path}: inline style attribute"
        );
        assert!(!html.contains("<style"), "{path}: inline style element");
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"),
            "{path}: another origin"
        );
        assert!(!html.contains("javascript:"), "{path}: javascript: URL");
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(tag.contains(" src=\""), "{path}: inline script {tag}");
        }
        for attr in [
            " onclick=",
            " onload=",
            " onerror=",
            " onsubmit=",
            " oninput=",
            " onchange=",
        ] {
            assert!(!html.contains(attr), "{path}: inline handler {attr}");
        }
        for href in attr_values(html, "href")
            .into_iter()
            .chain(attr_values(html, "src"))
        {
            assert!(
                !href.starts_with('/') && !href.contains(':') || href == "data:,",
                "{path}: non-relative URL {href}"
            );
        }
        // ids are unique, and every label, aria reference and in-page link points at one.
        let ids: Vec<&str> = attr_values(html, "id");
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), set.len(), "{path}: duplicate ids");
        for target in attr_values(html, "for") {
            assert!(
                set.contains(target),
                "{path}: <label for=\"{target}\"> has no element"
            );
        }
        for list in attr_values(html, "aria-describedby")
            .into_iter()
            .chain(attr_values(html, "aria-labelledby"))
        {
            for target in list.split_whitespace() {
                assert!(
                    set.contains(target),
                    "{path}: aria reference {target} has no element"
                );
            }
        }
        for href in attr_values(html, "href")
            .into_iter()
            .filter_map(|h| h.strip_prefix('#'))
        {
            assert!(set.contains(href), "{path}: link to #{href} has no element");
        }
    }
}

#[test]
fn every_field_has_its_input_and_label() {
    for e in registry::editions() {
        for c in &e.categories {
            let html = form_page(e, c);
            let names: HashSet<&str> = attr_values(&html, "name")
                .into_iter()
                .filter(|n| !["viewport", "referrer"].contains(n))
                .collect();
            for f in &c.fields {
                assert!(
                    names.contains(f.id.as_str()),
                    "{}/{}: no input named {}",
                    e.id,
                    c.id,
                    f.id
                );
                assert!(
                    html.contains(&esc(&f.label)),
                    "{}/{}: label of {} not verbatim",
                    e.id,
                    c.id,
                    f.id
                );
                assert!(
                    html.contains(&format!(" id=\"f-{}\"", f.id)),
                    "{}/{}: no #f-{}",
                    e.id,
                    c.id,
                    f.id
                );
            }
            assert_eq!(
                names.len(),
                c.fields.len(),
                "{}/{}: inputs that are not fields",
                e.id,
                c.id
            );
            assert!(html.contains(&format!(
                "data-edition=\"{}\" data-category=\"{}\" novalidate>",
                e.id, c.id
            )));
            assert!(html.contains("<div data-yc-eligibility>"));
        }
    }
}

#[test]
fn clauses_on_the_same_topic_share_a_row() {
    let cols: Vec<&Category> = ["national-2023", "henan-2021"]
        .iter()
        .filter_map(|id| registry::edition(id)?.category("park"))
        .collect();
    assert_eq!(cols.len(), 2);
    let rows = align(&cols);
    // Henan's park clauses are the 2023 ones, numbered alike: each sits next to its twin.
    for row in &rows {
        if let (Some(a), Some(b)) = (row[0], row[1]) {
            assert_eq!(a.clause, b.clause, "{} next to {}", a.id, b.id);
        }
    }
    assert_eq!(
        rows.iter()
            .filter(|r| r[0].is_some() && r[1].is_some())
            .count(),
        6
    );
    // Every clause of every edition appears exactly once, in its own order.
    for cat in CATEGORY_ORDER {
        let cols: Vec<&Category> = registry::editions()
            .iter()
            .filter_map(|e| e.category(cat))
            .collect();
        let rows = align(&cols);
        for (i, c) in cols.iter().enumerate() {
            let ids: Vec<&str> = rows
                .iter()
                .filter_map(|r| r[i])
                .map(|r| r.id.as_str())
                .collect();
            let want: Vec<&str> = c.rules.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(ids, want, "{cat} column {i}");
        }
    }
}
