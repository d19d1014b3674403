//! The words of the 申报书 that are not fields: 填写要求, the table's 注, the signature line of
//! the 真实性承诺 and the cover's 编制单位. Verbatim from the 2023 guide's four 申报书
//! (`tests/seeds/000_*.txt`; `tests/docx_template.rs` checks every string against it).
//!
//! The other editions reuse the 2023 申报书 of the same category (their notes say so: the
//! Henan, 2018 and Jiangsu notices' own forms are not in the seeds), so they get the same
//! 填写要求, 注 and signature line. The cover's "工业和信息化部编制" is printed only for the
//! 2023 guide, whose 申报书 carries it: we have no other notice's cover, and putting the
//! ministry's name on a provincial form would be invented.

/// Where the 申报书's fixed words come from for one form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// 填写要求, one line each, numbered as printed.
    pub requirements: &'static [&'static str],
    /// The 注 under 一、基本情况表.
    pub table_note: &'static str,
    /// Who signs the 真实性承诺 (the seal line, 公章, follows it).
    pub signatory: &'static str,
    /// The cover's last line, e.g. 工业和信息化部编制.
    pub compiled_by: Option<&'static str>,
}

const ENTERPRISE_REQUIREMENTS: &[&str] = &[
    "1.严格按照申报书提供的提纲进行编制，不得随意更改内容。",
    "2.申报书打印要求：双面打印。",
];
const OTHER_REQUIREMENTS: &[&str] = &[
    "1.严格按照申报书提供的提纲进行编制，不得随意更改写作内容。",
    "2.申报书打印要求：正反面打印。",
];

/// The 申报书's fixed words for a category of an edition.
pub fn template(edition: &str, category: &str) -> Template {
    let national_2023 = edition == "national-2023";
    let ministry = Some("工业和信息化部编制");
    match category {
        "enterprise" => Template {
            requirements: ENTERPRISE_REQUIREMENTS,
            table_note: "注：1.以上数据提供相应证明材料；2.专项能力根据所选企业类型提供相应数据。",
            signatory: "法定代表人（签字）：",
            compiled_by: ministry.filter(|_| national_2023),
        },
        "park" => Template {
            requirements: OTHER_REQUIREMENTS,
            table_note: "注：表中所涉及数据提供相应证明材料。",
            signatory: "负责人签字（章）：",
            compiled_by: ministry.filter(|_| national_2023),
        },
        "street" => Template {
            requirements: OTHER_REQUIREMENTS,
            table_note: "注：以上数据提供相应证明材料。",
            signatory: "负责人签字：",
            compiled_by: ministry.filter(|_| national_2023),
        },
        // 基地类 and anything a future edition adds. The 2023 基地类 申报书 has no cover in
        // the seed (the edition's note says the cover is supplied from the other three), so
        // no 编制单位 either.
        _ => Template {
            requirements: OTHER_REQUIREMENTS,
            table_note: "注：1.所提供的数据需提供相关证明材料。",
            signatory: "负责人签字（章）：",
            compiled_by: None,
        },
    }
}
