#!/usr/bin/env python3
"""Opens every document `cargo test -p yanglao-docx --test forms` wrote, with python-docx (an
independent reader: lxml refuses any XML a damaged file would hold), and checks it against
the edition's own data, read here from src/editions/*.json and not from the Rust code:

- 一、基本情况表 has one row per field of the table section (an option's detail field sits
  inside its option), the edition's group path as cells merged down over the group's rows
  (vMerge restart/continue), labels spanning unused group columns, units in the labels;
- each field's value is in its row's value cell (as typed, after the checker's normalisation:
  credit code in capitals, dates YYYY-MM-DD, numbers without grouping), options as ☑/☐;
- the cover holds 申报单位 and 申报日期; each part's text follows its heading; each 典型案例
  has its own heading; the 支撑材料 list and the supplementary fields are there;
- the 自查结果 box is on the first page exactly when the checker found something;
- hostile text (markup, emoji, controls XML forbids) is shown as text, minus the controls;
- A4, page numbers in the footer, 黑体 headings, 仿宋 body.

Usage: python3 tests/docx/check_docx.py target/docx-fixtures
"""
import json
import re
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[2]
TICK, UNTICK = "☑", "☐"
FAILURES = []


def fail(where, msg):
    FAILURES.append(f"{where}: {msg}")


def clean(s):
    """What XML 1.0 allows, as the writer must leave it: CR/CRLF become LF, controls go."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in s if c in "\t\n" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\ufffe\uffff"))


def is_part(section):
    m = re.match(r"^([一二三四五六七八九十]+)、", section)
    return m is not None


def in_table(field):
    return "基本情况表" in field["section"][0]


def number(s):
    s = s.replace(",", "").replace("，", "").replace("%", "").replace("％", "").strip()
    for unit in ("万元", "万人", "万单", "万户", "平方米", "人次", "人", "件", "个", "种", "张", "台"):
        s = s.replace(unit, "")
    return float(s)


def expected_scalar(field, value):
    """The value as the cell should show it, or a predicate on the cell text."""
    if isinstance(value, list):
        value = "；".join(v for v in value if v.strip())
    if isinstance(value, bool):
        return "是" if value else "否"
    kind = field["kind"]
    v = value.strip()
    if kind == "uscc":
        return re.sub(r"[\s\-－—]", "", v).upper()
    if kind == "date":
        y, m, d = [int(x) for x in re.findall(r"\d+", v)[:3]]
        return f"{y:04d}-{m:02d}-{d:02d}"
    if kind in ("amount", "number", "count", "percent"):
        want = number(v)
        return lambda text: any(abs(float(t) - want) < 1e-9 for t in re.findall(r"-?\d+(?:\.\d+)?", text))
    if kind == "phone":
        digits = re.sub(r"\D", "", v)
        return lambda text: re.sub(r"\D", "", text).endswith(digits[-7:]) and len(re.sub(r"\D", "", text)) >= 7
    if kind == "email":
        return lambda text: v.lower() in text.lower()
    if kind == "yesNo":
        return "是" if v.lower() in ("yes", "是", "true", "1", "y", "有") else "否"
    return clean(value)


def matches(expected, text):
    return expected(text) if callable(expected) else expected in text


def selected_options(field, value):
    items = value if isinstance(value, list) else [value]
    chosen = set()
    for item in items:
        for o in field["options"]:
            if item.strip() in (o["value"], o["label"]):
                chosen.add(o["value"])
    return chosen


def tc_info(tc):
    pr = tc.tcPr
    span = 1
    vmerge = None
    if pr is not None:
        gs = pr.find(qn("w:gridSpan"))
        if gs is not None:
            span = int(gs.get(qn("w:val")))
        vm = pr.find(qn("w:vMerge"))
        if vm is not None:
            vmerge = vm.get(qn("w:val")) or "continue"
    text = "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p")))
    return span, vmerge, text


def paragraph_text(p):
    """A paragraph's text as Word shows it: tabs and line breaks included."""
    out = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag == qn("w:t"):
            out.append(el.text or "")
        elif el.tag == qn("w:tab"):
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def style_id(p):
    pr = p._p.pPr
    st = pr.find(qn("w:pStyle")) if pr is not None else None
    return st.get(qn("w:val")) if st is not None else ""


def check_options(where, field, values, text):
    chosen = selected_options(field, values.get(field["id"], []))
    for o in field["options"]:
        mark = TICK if o["value"] in chosen else UNTICK
        if mark + o["label"] not in text:
            fail(where, f"option {o['label']} should be {mark}")


def check_table(where, category, values, table):
    details = {o.get("detailField") for f in category["fields"] for o in f.get("options", []) if o.get("detailField")}
    fields_by_id = {f["id"]: f for f in category["fields"]}
    rows = [f for f in category["fields"] if in_table(f) and f["id"] not in details]
    depth = max(len(f["section"]) - 1 for f in rows)
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    if len(grid) != depth + 2:
        fail(where, f"grid has {len(grid)} columns, expected {depth + 2}")
    trs = table._tbl.tr_lst
    if len(trs) != len(rows):
        fail(where, f"table has {len(trs)} rows, the edition's table {len(rows)}")
        return
    previous = []
    for tr, field in zip(trs, rows):
        w = f"{where} row {field['id']}"
        groups = field["section"][1:]
        cells = [tc_info(tc) for tc in tr.tc_lst]
        want = len(groups) + (1 if field["kind"] == "declaration" else 2)
        if len(cells) != want:
            fail(w, f"{len(cells)} cells, expected {want}")
            previous = groups
            continue
        for level, name in enumerate(groups):
            span, vm, text = cells[level]
            cont = previous[: level + 1] == groups[: level + 1]
            if vm != ("continue" if cont else "restart"):
                fail(w, f"group {name}: vMerge {vm}, expected {'continue' if cont else 'restart'}")
            if not cont and text.strip() != name:
                fail(w, f"group cell says {text!r}, expected {name!r}")
        previous = groups
        rest = cells[len(groups):]
        total = sum(c[0] for c in cells)
        if total != depth + 2:
            fail(w, f"row spans {total} grid columns, expected {depth + 2}")
        value = values.get(field["id"])
        if field["kind"] == "declaration":
            mark = TICK if value is True else UNTICK
            if mark + field["label"] not in rest[0][2]:
                fail(w, "declaration text or mark missing")
            if "公章：" not in rest[0][2] or "年" not in rest[0][2]:
                fail(w, "signature and seal lines missing")
            continue
        label_text, value_text = rest[0][2], rest[1][2]
        if field["label"] not in label_text:
            fail(w, f"label {field['label']!r} not in {label_text!r}")
        unit = field.get("unit")
        if unit and f"（{unit}）" not in label_text and f"({unit})" not in label_text:
            fail(w, f"unit （{unit}） not in the label {label_text!r}")
        if field["kind"] in ("choice", "multiChoice", "checklist"):
            check_options(w, field, values, value_text)
            for o in field["options"]:
                d = o.get("detailField")
                if d and values.get(d) and o["value"] in selected_options(field, values.get(field["id"], [])):
                    if clean(values[d]).strip() not in value_text:
                        fail(w, f"detail {d} not inside option {o['label']}")
        elif value is not None and (not isinstance(value, str) or value.strip()):
            exp = expected_scalar(field, value)
            if not matches(exp, value_text):
                fail(w, f"value cell {value_text[:80]!r} lacks {exp if not callable(exp) else value!r}")
        elif value_text.strip():
            fail(w, f"empty field shows {value_text[:40]!r}")


def blocks(document):
    """(heading text, text under it until the next heading) in document order."""
    out = []
    for p in document.paragraphs:
        if style_id(p).startswith("Heading"):
            out.append([p.text, []])
        elif out:
            out[-1][1].append(p.text)
    return [(h, "\n".join(t)) for h, t in out]


def check_parts(where, category, values, document):
    bl = blocks(document)
    headings = [h for h, _ in bl]
    for field in category["fields"]:
        section = field["section"]
        if in_table(field) or not is_part(section[0]):
            continue
        w = f"{where} part {field['id']}"
        for s in section:
            if s not in headings:
                fail(w, f"heading {s!r} missing")
        value = values.get(field["id"])
        own = section[-1].split("、", 1)[-1] != field["label"]
        anchor = field["label"] if own else section[-1]
        after = [t for h, t in bl if h == anchor]
        if not after:
            fail(w, f"heading {anchor!r} missing")
            continue
        kind = field["kind"]
        if kind == "textList":
            items = [clean(v) for v in (value or []) if v.strip()]
            for i, item in enumerate(items, 1):
                under = [t for h, t in bl if h == f"案例{i}"]
                if not under or item not in under[0]:
                    fail(w, f"case {i} not under its own heading")
        elif kind == "checklist":
            check_options(w, field, values, after[0])
        elif isinstance(value, str) and value.strip():
            if clean(value) not in after[0]:
                fail(w, "text not under its heading")


def check_document(meta_path):
    meta = json.loads(meta_path.read_text())
    where = meta_path.stem
    edition = json.loads((ROOT / "src/editions" / f"{meta['edition']}.json").read_text())
    category = next(c for c in edition["categories"] if c["id"] == meta["category"])
    values = meta["values"]
    document = docx.Document(str(meta_path.with_suffix(".docx")))
    tables = document.tables
    box = bool(tables) and "自查结果" in tables[0].cell(0, 0).text
    if box != meta["selfCheck"]:
        fail(where, f"自查结果 box {'present' if box else 'absent'}, checker {'found problems' if meta['selfCheck'] else 'found nothing'}")
    main = tables[1 if box else 0]
    check_table(where, category, values, main)
    text = "\n".join(p.text for p in document.paragraphs)
    for fid, label in (("applicant", "申报单位（盖章）："), ("apply_date", "申报日期：")):
        line = next((p.text for p in document.paragraphs if p.text.startswith(label)), None)
        if line is None:
            fail(where, f"cover line {label} missing")
        elif values.get(fid):
            field = next(f for f in category["fields"] if f["id"] == fid)
            if not matches(expected_scalar(field, values[fid]), line):
                fail(where, f"cover {fid} not on its line")
    if category["formTitle"].split("（")[0].split("〔")[0] not in text:
        fail(where, "title missing")
    check_parts(where, category, values, document)
    extra = [f for f in category["fields"] if f["section"][0] != "封面" and not in_table(f) and not is_part(f["section"][0])]
    if extra:
        sup = tables[-1]
        if len(sup.rows) != len(extra):
            fail(where, f"supplement has {len(sup.rows)} rows for {len(extra)} fields")
        else:
            for tr, field in zip(sup._tbl.tr_lst, extra):
                cells = [tc_info(tc) for tc in tr.tc_lst]
                v = values.get(field["id"])
                if field["kind"] == "declaration":
                    if (TICK if v is True else UNTICK) + field["label"] not in cells[0][2]:
                        fail(where, f"supplement {field['id']} mark")
                elif field["kind"] in ("choice", "multiChoice", "checklist"):
                    check_options(f"{where} supplement", field, values, cells[1][2])
                elif v not in (None, "", []):
                    if not matches(expected_scalar(field, v), cells[1][2]):
                        fail(where, f"supplement {field['id']} value")
    if meta["kind"] == "hostile":
        everything = text + "\n".join(tc_info(tc)[2] for t in tables for tc in t._tbl.iter(qn("w:tc")))
        for literal in ("<w:p>&amp;</w:t>]]><script>alert(1)</script>", "😀👩‍👩‍👧\ufffd"):
            if literal not in everything:
                fail(where, f"{literal!r} not shown as text")
        if any(c in everything for c in "\x00\x01\x08\x0b\x1f\ufffe"):
            fail(where, "a control character XML forbids reached the file")
    section = document.sections[0]
    if abs(section.page_width.mm - 210) > 0.5 or abs(section.page_height.mm - 297) > 0.5:
        fail(where, f"page is {section.page_width.mm:.0f}×{section.page_height.mm:.0f} mm, not A4")
    footer_xml = section.footer._element.xml
    if "PAGE" not in footer_xml:
        fail(where, "no page number in the footer")
    styles = document.styles.element.xml
    if 'w:eastAsia="黑体"' not in styles or 'w:eastAsia="仿宋"' not in styles:
        fail(where, "heading or body fonts are not 黑体/仿宋")


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "target/docx-fixtures")
    metas = sorted(folder.glob("*.json"))
    if len(metas) < 14:
        print(f"check_docx: only {len(metas)} documents in {folder}; run cargo test -p yanglao-docx --test forms first")
        return 1
    for m in metas:
        try:
            check_document(m)
        except Exception as e:  # a file python-docx cannot open is a failure, not a crash
            fail(m.stem, f"{type(e).__name__}: {e}")
    if FAILURES:
        print("\n".join(FAILURES[:200]))
        print(f"check_docx: {len(FAILURES)} failures in {len(metas)} documents")
        return 1
    print(f"check_docx: {len(metas)} documents opened by python-docx {docx.__version__ if hasattr(docx, '__version__') else ''}, every table, value and part in place")
    return 0


if __name__ == "__main__":
    sys.exit(main())
