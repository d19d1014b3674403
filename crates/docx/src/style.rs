//! The look Word in China expects of a 申报书: A4, 仿宋 body, 黑体 headings, 宋体 in the
//! table, page numbers at the foot from the page after the cover.

use docx_rs::*;

/// 字号 in half-points, the unit Word stores.
pub mod size {
    /// 二号 (22 pt): the cover's title.
    pub const ERHAO: usize = 44;
    /// 三号 (16 pt): part headings, the cover's lines.
    pub const SANHAO: usize = 32;
    /// 四号 (14 pt): sub-headings.
    pub const SIHAO: usize = 28;
    /// 小四 (12 pt): body text.
    pub const XIAOSI: usize = 24;
    /// 五号 (10.5 pt): the table.
    pub const WUHAO: usize = 21;
    /// 小五 (9 pt): hints under labels.
    pub const XIAOWU: usize = 18;
}

pub const FANGSONG: &str = "仿宋";
pub const SONGTI: &str = "宋体";
pub const HEITI: &str = "黑体";
/// Latin letters and digits in a Chinese document: what Word's Chinese templates pair with 宋体.
const LATIN: &str = "Times New Roman";

pub fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .cs(LATIN)
}

/// A4 in twentieths of a point.
pub const A4: (u32, u32) = (11906, 16838);
/// The text width between the margins below (twips).
pub const TEXT_WIDTH: usize = 11906 - 1587 - 1474;

pub fn margins() -> PageMargin {
    // 上 3.7 cm、下 3.5 cm、左 2.8 cm、右 2.6 cm: the margins of GB/T 9704 documents.
    PageMargin {
        top: 2098,
        bottom: 1984,
        left: 1587,
        right: 1474,
        header: 851,
        footer: 992,
        gutter: 0,
    }
}

/// Heading styles with outline levels, so Word's navigation pane and a table of contents
/// see the parts.
pub fn heading_styles() -> Vec<Style> {
    [(1, size::SANHAO), (2, size::SIHAO), (3, size::XIAOSI)]
        .into_iter()
        .map(|(level, sz)| {
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .fonts(fonts(HEITI))
                .size(sz)
                .outline_lvl(level - 1)
                .line_spacing(LineSpacing::new().before(240).after(120))
        })
        .collect()
}

pub fn run(text: &str, font: &str, sz: usize) -> Run {
    // Tabs and line breaks are elements of their own in WordprocessingML, not characters of a
    // text node (a "\n" in <w:t> shows as nothing in Word).
    let mut r = Run::new().fonts(fonts(font)).size(sz);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                r = r.add_tab();
            }
            if !part.is_empty() {
                r = r.add_text(part);
            }
        }
    }
    r
}

pub fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(text))
        .keep_next(true)
}

/// A body paragraph: 仿宋 小四, first line indented two characters, 1.5 lines.
pub fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, FANGSONG, size::XIAOSI))
        // Two characters of 小四 (12 pt = 240 twips each); the twips are what LibreOffice reads,
        // the chars what Word prefers.
        .indent(None, Some(SpecialIndentType::FirstLine(480)), None, None)
        .first_line_chars(200)
        .line_spacing(
            LineSpacing::new()
                .line(360)
                .line_rule(LineSpacingType::Auto),
        )
}

/// A paragraph inside a table cell: 宋体 五号.
pub fn cell_text(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, SONGTI, size::WUHAO))
}

pub fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

pub fn blank() -> Paragraph {
    Paragraph::new()
}

/// "— 3 —" centred in the footer of every page but the cover.
pub fn page_number_footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run("— ", SONGTI, size::XIAOSI))
            .add_page_num(PageNum::new())
            .add_run(run(" —", SONGTI, size::XIAOSI)),
    )
}
