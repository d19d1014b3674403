//! A field's name as the page itself labels it, so that messages and the summary use the
//! page's words (注册资本) rather than the schema's (注册资金（万元）).
//!
//! In order: `aria-labelledby`, `aria-label`, the input's `<label>`s (`for` or wrapping) — for
//! one input, not a group, whose labels name its options —, a group's `<legend>`, the row's
//! `<th>` (the header cell before the input's cell), and the short caption just before the
//! input's container (`<span class="item-name">注册资本</span><div class="ipt-box">…`). The
//! schema's label only when the page has none of these.

use crate::model::{Field, FieldKind};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Node};

/// Captions longer than this are not labels but paragraphs (instructions, a declaration).
const MAX_CAPTION_CHARS: usize = 40;

/// Labels longer than this are shortened in the error summary (declarations are sentences).
pub const SUMMARY_LABEL_CHARS: usize = 24;

/// The text of a node as a label reads, without the form controls inside it (a wrapping
/// `<label>` also holds the `<select>` and its options), without our own elements, and
/// without the required mark (`*`, （必填）) or a trailing colon.
fn caption_text(node: &Node) -> String {
    let mut out = String::new();
    collect_text(node, &mut out);
    crate::page_words::clean(&out)
}

fn collect_text(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => out.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Some(el) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let tag = el.tag_name().to_ascii_lowercase();
                let ours = el
                    .class_name()
                    .split_whitespace()
                    .any(|c| c.starts_with("yc-"));
                if matches!(
                    tag.as_str(),
                    "input" | "select" | "textarea" | "button" | "script" | "style"
                ) || ours
                    || el.has_attribute("hidden")
                {
                    continue;
                }
                collect_text(&child, out);
            }
            _ => {}
        }
    }
}

fn usable(text: String) -> Option<String> {
    let n = text.chars().count();
    (n > 0 && n <= MAX_CAPTION_CHARS * 4).then_some(text)
}

fn short_caption(text: String) -> Option<String> {
    let n = text.chars().count();
    (n > 0 && n <= MAX_CAPTION_CHARS).then_some(text)
}

fn has_controls(el: &Element) -> bool {
    el.matches(super::inputs::CONTROLS).unwrap_or(false)
        || el
            .query_selector(super::inputs::CONTROLS)
            .ok()
            .flatten()
            .is_some()
}

fn by_ids(el: &Element, ids: &str) -> Option<String> {
    let doc = el.owner_document()?;
    let parts: Vec<String> = ids
        .split_whitespace()
        .filter_map(|id| doc.get_element_by_id(id))
        .map(|e| caption_text(&e))
        .filter(|t| !t.is_empty())
        .collect();
    usable(parts.join(" "))
}

fn own_labels(el: &Element) -> Option<(String, Option<Element>)> {
    let labels = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.labels()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        Some(s.labels())
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.labels())
    }?;
    let nodes: Vec<Node> = (0..labels.length())
        .filter_map(|i| labels.item(i))
        .collect();
    let texts: Vec<String> = nodes
        .iter()
        .map(caption_text)
        .filter(|t| !t.is_empty())
        .collect();
    let first = nodes.first().and_then(|n| n.dyn_ref::<Element>().cloned());
    usable(texts.join(" ")).map(|t| (t, first))
}

/// The header cell that labels the cell holding `el`: the nearest `<th>` before that cell in
/// its row (rows often pair two fields: `<th>名称</th><td>…</td><th>代码</th><td>…</td>`).
fn row_header(el: &Element) -> Option<(String, Option<Element>)> {
    let cell = el.closest("td, th").ok()??;
    let mut prev = cell.previous_element_sibling();
    while let Some(p) = prev {
        if p.tag_name().eq_ignore_ascii_case("th")
            || (p.tag_name().eq_ignore_ascii_case("td") && !has_controls(&p))
        {
            if let Some(t) = usable(caption_text(&p)) {
                return Some((t, Some(p)));
            }
        }
        prev = p.previous_element_sibling();
    }
    None
}

fn legend(el: &Element) -> Option<(String, Option<Element>)> {
    let fieldset = el.closest("fieldset").ok()??;
    let legend = fieldset.query_selector(":scope > legend").ok()??;
    usable(caption_text(&legend)).map(|t| (t, Some(legend)))
}

/// A short caption right before the input (or its wrapping label), or before one of its
/// containers up to three levels up — as long as that container holds only this field.
fn caption_before(first: &Element, els: &[Element]) -> Option<(String, Option<Element>)> {
    let mut node = first
        .closest("label")
        .ok()
        .flatten()
        .unwrap_or_else(|| first.clone());
    for _ in 0..4 {
        let mut prev = node.previous_element_sibling();
        while let Some(p) = prev {
            if has_controls(&p) {
                break;
            }
            if let Some(t) = short_caption(caption_text(&p)) {
                return Some((t, Some(p)));
            }
            prev = p.previous_element_sibling();
        }
        let parent = node.parent_element()?;
        if parent.tag_name().eq_ignore_ascii_case("form") {
            return None;
        }
        // The parent must not hold another field's inputs.
        let controls = parent.query_selector_all(super::inputs::CONTROLS).ok()?;
        if controls.length() as usize > els.len() {
            return None;
        }
        node = parent;
    }
    None
}

/// The page's own label for a field with inputs `els`, if the page labels it.
pub fn page_label(els: &[Element], field: &Field) -> Option<String> {
    find(els, field).map(|(t, _)| t)
}

/// The element holding the page's label for the field (where a required mark goes), if the
/// label is an element's text rather than an `aria-label`.
pub fn label_element(els: &[Element], field: &Field) -> Option<Element> {
    find(els, field).and_then(|(_, e)| e)
}

fn find(els: &[Element], field: &Field) -> Option<(String, Option<Element>)> {
    let first = els.first()?;
    let group = els.len() > 1
        || matches!(field.kind, FieldKind::MultiChoice | FieldKind::Checklist) && is_box(first);
    if let Some(ids) = first.get_attribute("aria-labelledby") {
        if let Some(t) = by_ids(first, &ids) {
            let el = ids
                .split_whitespace()
                .next()
                .and_then(|id| first.owner_document()?.get_element_by_id(id));
            return Some((t, el));
        }
    }
    if let Some(t) = first
        .get_attribute("aria-label")
        .and_then(|t| usable(crate::page_words::clean(&t)))
    {
        return Some((t, None));
    }
    // A group named by its container (role=group / radiogroup with aria-labelledby).
    if group {
        if let Some(g) = first
            .closest("[role=group],[role=radiogroup]")
            .ok()
            .flatten()
        {
            if let Some(ids) = g.get_attribute("aria-labelledby") {
                if let Some(t) = by_ids(&g, &ids) {
                    let el = ids
                        .split_whitespace()
                        .next()
                        .and_then(|id| g.owner_document()?.get_element_by_id(id));
                    return Some((t, el));
                }
            }
            if let Some(t) = g
                .get_attribute("aria-label")
                .and_then(|t| usable(crate::page_words::clean(&t)))
            {
                return Some((t, None));
            }
        }
    }
    if !group {
        if let Some(found) = own_labels(first) {
            return Some(found);
        }
    }
    legend(first)
        .or_else(|| row_header(first))
        .or_else(|| caption_before(first, els))
}

fn is_box(el: &Element) -> bool {
    el.dyn_ref::<HtmlInputElement>()
        .is_some_and(|i| matches!(i.type_().as_str(), "checkbox" | "radio"))
}

/// A message of the core with the schema's name of the field replaced by the page's.
pub fn relabel(message: &str, field: &Field, page: &str) -> String {
    let schema = field.name();
    let short = strip_unit(field);
    if message.contains(schema) {
        return message.replace(schema, page);
    }
    if !short.is_empty() && message.contains(short) {
        return message.replace(short, page);
    }
    message.to_string()
}

/// The schema's label without its unit in brackets: 注册资金（万元） → 注册资金.
pub fn strip_unit(field: &Field) -> &str {
    let label = field.name().trim();
    for open in ['（', '('] {
        if let Some(i) = label.rfind(open) {
            if label.ends_with(['）', ')']) && i > 0 {
                return label[..i].trim_end();
            }
        }
    }
    label
}
