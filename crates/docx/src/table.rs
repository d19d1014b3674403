//! 一、基本情况表 as a real Word table, laid out from the edition's data.
//!
//! Every field of the table section is one row, in the edition's order. A field's section
//! path below the table (["经营能力（2022年）"], ["专项能力（2022年）", "终端产品企业创新能力"])
//! becomes cells to its left that are merged down over every row of the same group, as the
//! printed table's 经营能力 and 专项能力 cells are. A row with fewer levels lets its label
//! span the unused group columns, so every row has the same width. A field named as the
//! detail of an option (其他 → 请注明具体类型) is written inside that option, not as a row.
//! The 真实性承诺 row holds the declaration, the signature and the seal lines, left blank.
//!
//! The seed text keeps the cells' order but not their geometry (it lost the column widths
//! and how many label/value pairs share a line), so the printed table's two or three pairs on
//! one line are one pair per row here: same cells, same groups, same merges, more rows.

use crate::display::{self, TICKED, UNTICKED};
use crate::style::{self, size, SONGTI};
use crate::template::Template;
use docx_rs::*;
use yanglao_core::model::{Category, Field, FieldKind};
use yanglao_core::Values;

/// Whether a field is a cell of 一、基本情况表.
pub fn in_table(field: &Field) -> bool {
    field
        .section
        .first()
        .is_some_and(|s| s.contains("基本情况表"))
}

/// One row of the table: the field and its group path below the table's own heading.
pub struct Row<'a> {
    pub field: &'a Field,
    pub groups: &'a [yanglao_core::model::Str],
}

/// The table's rows, in order (detail fields left out: they are inside their option).
pub fn rows(category: &Category) -> Vec<Row<'_>> {
    let details = display::detail_fields(category);
    category
        .fields
        .iter()
        .filter(|f| in_table(f) && !details.contains(&f.id.as_str()))
        .map(|f| Row {
            field: f,
            groups: f.section.get(1..).unwrap_or(&[]),
        })
        .collect()
}

/// How many group columns the table needs: the deepest group path.
pub fn depth(rows: &[Row]) -> usize {
    rows.iter().map(|r| r.groups.len()).max().unwrap_or(0)
}

const GROUP_WIDTH: usize = 1050;
const LABEL_WIDTH: usize = 2050;

fn grid(depth: usize) -> Vec<usize> {
    let mut widths = vec![GROUP_WIDTH; depth];
    widths.push(LABEL_WIDTH);
    widths.push(style::TEXT_WIDTH.saturating_sub(GROUP_WIDTH * depth + LABEL_WIDTH));
    widths
}

fn span_width(widths: &[usize], from: usize, span: usize) -> usize {
    widths.iter().skip(from).take(span).sum()
}

fn cell(paragraphs: Vec<Paragraph>, widths: &[usize], column: usize, span: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(span_width(widths, column, span), WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if span > 1 {
        c = c.grid_span(span);
    }
    // Every cell needs a paragraph, even an empty one, or Word calls the file damaged.
    let paragraphs = if paragraphs.is_empty() {
        vec![Paragraph::new()]
    } else {
        paragraphs
    };
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn texts(lines: &[String]) -> Vec<Paragraph> {
    lines.iter().map(|l| style::cell_text(l)).collect()
}

fn label_paragraphs(field: &Field) -> Vec<Paragraph> {
    let mut out = vec![style::cell_text(&display::label_with_unit(field))];
    if field.kind == FieldKind::LongText {
        if let Some(hint) = &field.hint {
            out.push(Paragraph::new().add_run(style::run(hint, SONGTI, size::XIAOWU)));
        }
    }
    out
}

/// The value cell's paragraphs for one field.
fn value_paragraphs(category: &Category, field: &Field, values: &Values) -> Vec<Paragraph> {
    match field.kind {
        FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Checklist => {
            texts(&display::option_lines(category, field, values))
        }
        FieldKind::TextList => texts(&display::items(values.get(field.id.as_str()))),
        FieldKind::LongText => match display::scalar(field, values.get(field.id.as_str())) {
            Some(text) => texts(&crate::clean::lines(&text)),
            None => Vec::new(),
        },
        _ => match display::scalar(field, values.get(field.id.as_str())) {
            Some(text) => texts(&crate::clean::lines(&text)),
            None => Vec::new(),
        },
    }
}

/// The 真实性承诺 cell: the declaration ticked or not, then the signature and seal lines.
fn commitment_paragraphs(
    category: &Category,
    field: &Field,
    values: &Values,
    template: &Template,
) -> Vec<Paragraph> {
    let mark = if display::declared(category, field, values.get(field.id.as_str())) {
        TICKED
    } else {
        UNTICKED
    };
    vec![
        style::cell_text(&format!("{mark}{}", field.label)),
        Paragraph::new(),
        style::cell_text(&format!("{}{}公章：", template.signatory, "　".repeat(10)))
            .align(AlignmentType::Right),
        style::cell_text("年　　月　　日").align(AlignmentType::Right),
    ]
}

/// The table itself.
pub fn table(category: &Category, values: &Values, template: &Template) -> Table {
    let rows = rows(category);
    let depth = depth(&rows);
    let widths = grid(depth);
    let mut out = Vec::with_capacity(rows.len());
    let mut previous: &[yanglao_core::model::Str] = &[];
    for row in &rows {
        let mut cells = Vec::new();
        for (level, name) in row.groups.iter().enumerate() {
            let continues = previous.get(..=level) == row.groups.get(..=level);
            let merge = if continues {
                VMergeType::Continue
            } else {
                VMergeType::Restart
            };
            let text = if continues {
                Vec::new()
            } else {
                vec![style::cell_text(name).align(AlignmentType::Center)]
            };
            cells.push(cell(text, &widths, level, 1).vertical_merge(merge));
        }
        let first = row.groups.len();
        let label_span = depth - first + 1;
        if row.field.kind == FieldKind::Declaration {
            cells.push(cell(
                commitment_paragraphs(category, row.field, values, template),
                &widths,
                first,
                label_span + 1,
            ));
        } else {
            cells.push(cell(
                label_paragraphs(row.field),
                &widths,
                first,
                label_span,
            ));
            cells.push(cell(
                value_paragraphs(category, row.field, values),
                &widths,
                depth + 1,
                1,
            ));
        }
        out.push(TableRow::new(cells));
        previous = row.groups;
    }
    Table::new(out)
        .set_grid(widths)
        .width(style::TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The fields a notice's conditions ask for that the printed table lacks (the edition names
/// the clause for each): a two-column table after the parts, so nothing typed is lost.
pub fn supplement(category: &Category, fields: &[&Field], values: &Values) -> Table {
    let widths = vec![4000, style::TEXT_WIDTH - 4000];
    let rows = fields
        .iter()
        .map(|field| {
            if field.kind == FieldKind::Declaration {
                let mark = if display::declared(category, field, values.get(field.id.as_str())) {
                    TICKED
                } else {
                    UNTICKED
                };
                TableRow::new(vec![cell(
                    vec![style::cell_text(&format!("{mark}{}", field.label))],
                    &widths,
                    0,
                    2,
                )])
            } else {
                let mut label = label_paragraphs(field);
                if let Some(source) = &field.source {
                    label.push(Paragraph::new().add_run(style::run(
                        &format!("（依据：{source}）"),
                        SONGTI,
                        size::XIAOWU,
                    )));
                }
                TableRow::new(vec![
                    cell(label, &widths, 0, 1),
                    cell(value_paragraphs(category, field, values), &widths, 1, 1),
                ])
            }
        })
        .collect();
    Table::new(rows)
        .set_grid(widths)
        .width(style::TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}
