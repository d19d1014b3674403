//! Bad input never stops the batch: each bad file, sheet, header or row is refused with a
//! Chinese reason (in review.json, the 未能审核 sheet and on stderr), the rest are judged,
//! inputs are never written over, and the exit code says what happened.

mod common;

use common::{draft, report, run, scenarios, scratch};
use serde_json::Value as Json;

fn eligible() -> common::Scenario {
    scenarios()
        .into_iter()
        .find(|s| s.name == "national-2018-enterprise-eligible")
        .expect("scenario")
}

fn refused(out: &std::path::Path) -> Vec<(String, Option<u64>, String)> {
    report(out)["refused"]
        .as_array()
        .expect("refused list")
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap_or("").to_string(),
                r["row"].as_u64(),
                r["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn reason_for<'a>(list: &'a [(String, Option<u64>, String)], file_ends: &str) -> &'a str {
    list.iter()
        .find(|(f, _, _)| f.ends_with(file_ends))
        .map(|(_, _, r)| r.as_str())
        .unwrap_or_else(|| panic!("no refusal for {file_ends}: {list:?}"))
}

#[test]
fn every_bad_file_is_refused_with_a_reason_and_the_rest_judged() {
    let dir = scratch("bad-input");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let good = eligible();
    std::fs::write(inputs.join("good.json"), draft(&good)).unwrap();
    // Not UTF-8, not JSON, an array, a draft of another version, of another form, with a field
    // the form lacks, with a 2 MB value, without edition and category.
    std::fs::write(inputs.join("binary.json"), [0xff, 0xfe, 0x00, 0x81]).unwrap();
    std::fs::write(inputs.join("broken.json"), "{\"version\": 1, \"values\": {").unwrap();
    std::fs::write(inputs.join("array.json"), "[1, 2, 3]").unwrap();
    let mut other = serde_json::from_str::<Json>(&draft(&good)).unwrap();
    other["version"] = Json::from(7);
    std::fs::write(inputs.join("version.json"), other.to_string()).unwrap();
    let mut other = serde_json::from_str::<Json>(&draft(&good)).unwrap();
    other["edition"] = Json::from("national-2023");
    other["category"] = Json::from("park");
    std::fs::write(inputs.join("other-form.json"), other.to_string()).unwrap();
    let mut hostile = serde_json::from_str::<Json>(&draft(&good)).unwrap();
    hostile["values"]["__proto__"] = Json::from("x");
    std::fs::write(inputs.join("unknown-field.json"), hostile.to_string()).unwrap();
    let mut huge = serde_json::from_str::<Json>(&draft(&good)).unwrap();
    huge["values"]["intro"] = Json::from("字".repeat(1 << 20));
    std::fs::write(inputs.join("huge.json"), huge.to_string()).unwrap();
    std::fs::write(
        inputs.join("bare.json"),
        serde_json::to_string(&good.values).unwrap(),
    )
    .unwrap();
    // A name that is markup must stay text in the HTML.
    let mut markup = serde_json::from_str::<Json>(&draft(&good)).unwrap();
    markup["values"]["applicant"] = Json::from("<script>alert(1)</script>&公司");
    std::fs::write(inputs.join("markup.json"), markup.to_string()).unwrap();
    // A "workbook" that is not one; a CSV in GBK; a CSV with an unknown header, a repeated
    // label, an unknown category and a formula-free good row.
    std::fs::write(inputs.join("fake.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
    std::fs::write(
        inputs.join("gbk.csv"),
        [0xb0, 0xe6, 0xb1, 0xbe, b',', b'\n'],
    )
    .unwrap();
    let csv = "版本,类别,申报单位（盖章）,企业统一社会信用代码,姓名,备注栏\n\
               national-2018,示范企业,某某科技有限公司,91110000600037341L,李强,x\n\
               national-2018,园区类,某园区,,,\n\
               ,,,,,\n\
               national-1999,enterprise,某公司,,,\n";
    std::fs::write(inputs.join("sheet.csv"), csv).unwrap();
    std::fs::write(inputs.join("notes.txt"), "not an application").unwrap();
    let missing = dir.join("missing-folder");
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(&inputs)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();

    let out = dir.join("out");
    let (code, stderr) = run(&[
        inputs.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--today",
        "2018-10-25",
        "--quiet",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "exit code 1 when anything was refused: {stderr}");
    let list = refused(&out);
    assert!(reason_for(&list, "binary.json").contains("UTF-8"));
    assert!(reason_for(&list, "broken.json").contains("JSON"));
    assert!(reason_for(&list, "array.json").contains("不是填写记录"));
    assert!(reason_for(&list, "version.json").contains("版本不符"));
    // Judged against the form it names, whose fields it does not have.
    assert!(reason_for(&list, "other-form.json").contains("本申报书没有的栏目"));
    assert!(reason_for(&list, "unknown-field.json").contains("__proto__"));
    assert!(reason_for(&list, "huge.json").contains("intro"));
    assert!(reason_for(&list, "bare.json").contains("--edition"));
    assert!(reason_for(&list, "fake.xlsx").contains("无法打开工作簿"));
    assert!(reason_for(&list, "gbk.csv").contains("UTF-8"));
    assert!(reason_for(&list, "missing-folder").contains("找不到"));
    let sheet: Vec<_> = list
        .iter()
        .filter(|(f, _, _)| f.ends_with("sheet.csv"))
        .collect();
    assert!(
        sheet
            .iter()
            .any(|(_, row, r)| *row == Some(1) && r.contains("备注栏") && r.contains("不是")),
        "{sheet:?}"
    );
    assert!(
        sheet
            .iter()
            .any(|(_, row, r)| *row == Some(1) && r.contains("姓名") && r.contains("法人代表姓名")),
        "{sheet:?}"
    );
    assert!(
        sheet
            .iter()
            .any(|(_, row, r)| *row == Some(3) && r.contains("园区类")),
        "{sheet:?}"
    );
    assert!(
        sheet
            .iter()
            .any(|(_, row, r)| *row == Some(5) && r.contains("national-1999")),
        "{sheet:?}"
    );
    assert!(
        !list.iter().any(|(f, _, _)| f.ends_with("notes.txt")),
        "files of other kinds in a folder are skipped"
    );

    // Judged: the good draft, the markup draft, the good CSV row.
    let json = report(&out);
    let judged: Vec<&str> = json["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(judged.len(), 3, "{judged:?}");
    let html = std::fs::read_to_string(out.join("html/index.html")).unwrap();
    assert!(!html.contains("<script>"), "markup in a value stays text");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;公司"));
    // The 未能审核 sheet holds every refusal, and stderr would have listed them.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(out.join("review.xlsx")).unwrap();
    use calamine::Reader;
    assert_eq!(
        book.worksheet_range("未能审核").unwrap().rows().count(),
        list.len() + 1
    );
    // Inputs untouched.
    for (name, bytes) in before {
        assert_eq!(
            std::fs::read(inputs.join(&name)).unwrap(),
            bytes,
            "{name} unchanged"
        );
    }

    // Asked for one form, a draft of another is refused as such.
    let out3 = dir.join("out3");
    let (code, _) = run(&[
        inputs.join("other-form.json").to_str().unwrap(),
        "--edition",
        "national-2018",
        "--category",
        "enterprise",
        "-q",
        "-o",
        out3.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(reason_for(&refused(&out3), "other-form.json")
        .contains("另一份申报书的记录（全国 2023 · 园区类）"));

    // Without --quiet the refusals are on stderr.
    let (code, stderr) = run(&[
        inputs.join("gbk.csv").to_str().unwrap(),
        "-o",
        dir.join("out2").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("gbk.csv") && stderr.contains("UTF-8"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_write_nothing() {
    let dir = scratch("usage");
    let good = eligible();
    std::fs::write(dir.join("good.json"), draft(&good)).unwrap();
    let out = dir.join("out");
    let (code, stderr) = run(&[
        dir.join("good.json").to_str().unwrap(),
        "--today",
        "2018-02-30",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--today"));
    let (code, stderr) = run(&[
        dir.join("good.json").to_str().unwrap(),
        "--edition",
        "national-1999",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("未知的版本"));
    assert!(!out.exists(), "nothing written on a usage error");
    // An output folder that holds the inputs would risk writing over them.
    let (code, stderr) = run(&[
        dir.join("good.json").to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("包含输入文件"));
    let (code, _) = run(&["-o", out.to_str().unwrap()]);
    assert_eq!(code, 2, "clap's usage error");
    // A clean run: exit 0, and a second run into the same folder inside the input folder does
    // not read the first run's outputs.
    let inside = dir.join("results");
    let (code, stderr) = run(&[
        dir.to_str().unwrap(),
        "--today",
        "2018-10-25",
        "-q",
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run(&[
        dir.to_str().unwrap(),
        "--today",
        "2018-10-25",
        "-q",
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        report(&inside)["applications"].as_array().map(Vec::len),
        Some(1)
    );
}
