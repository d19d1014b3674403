//! The 2018 notice's quotas: groups by recommending unit (a column, --province, or the
//! credit code's province), flagged when over, with the notice's sentence quoted.

mod common;

use calamine::Reader;
use common::{draft, report, run, scenarios, scratch};

#[test]
fn groups_over_their_quota_are_flagged_with_the_notice_sentence() {
    let dir = scratch("quotas");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let all = scenarios();
    let eligible = all
        .iter()
        .find(|s| s.name == "national-2018-enterprise-eligible")
        .unwrap();
    let incomplete = all
        .iter()
        .find(|s| s.name == "national-2018-enterprise-e1-missing")
        .unwrap();
    // Four eligible enterprises registered in Beijing (code 11…): over the quota of 3.
    for i in 0..4 {
        std::fs::write(inputs.join(format!("bj-{i}.json")), draft(eligible)).unwrap();
    }
    // Two eligible and one incomplete recommended by 青岛 (a 计划单列市, quota 2): may exceed.
    let csv_head = "推荐单位,申报单位（盖章）,企业统一社会信用代码\n";
    std::fs::write(
        inputs.join("qd.csv"),
        format!("{csv_head}青岛,甲公司,91110000600037341L\n"),
    )
    .unwrap();
    for (i, s) in [eligible, eligible, incomplete].iter().enumerate() {
        std::fs::write(dir.join(format!("qd-{i}.json")), draft(s)).unwrap();
    }
    let out = dir.join("out");
    let (code, stderr) = run(&[
        inputs.to_str().unwrap(),
        "--today",
        "2018-10-25",
        "-o",
        out.to_str().unwrap(),
        "--edition",
        "national-2018",
        "--category",
        "enterprise",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("推荐名额") && stderr.contains("北京市"),
        "{stderr}"
    );
    let out_qd = dir.join("out-qd");
    let qd: Vec<String> = (0..3)
        .map(|i| dir.join(format!("qd-{i}.json")).display().to_string())
        .collect();
    let mut args: Vec<&str> = qd.iter().map(String::as_str).collect();
    args.extend([
        "--province",
        "青岛市",
        "--today",
        "2018-10-25",
        "-q",
        "-o",
        out_qd.to_str().unwrap(),
    ]);
    let (code, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");

    let json = report(&out);
    let groups = json["quotas"].as_array().unwrap();
    let bj = groups
        .iter()
        .find(|g| g["unit"] == "北京市")
        .expect("Beijing group");
    assert_eq!(
        (
            bj["total"].as_u64(),
            bj["eligible"].as_u64(),
            bj["limit"].as_u64()
        ),
        (Some(4), Some(4), Some(3))
    );
    assert_eq!(bj["status"], "超出名额");
    assert_eq!(bj["kind"], "province");
    // The CSV row names 青岛 in its column: grouped under 青岛市, not under Beijing by its code.
    let csv_group = groups
        .iter()
        .find(|g| g["unit"] == "青岛市")
        .expect("Qingdao group");
    assert_eq!(csv_group["kind"], "plan-city");
    assert_eq!(csv_group["total"].as_u64(), Some(1));

    let qd = report(&out_qd);
    let g = &qd["quotas"][0];
    assert_eq!(
        (
            g["unit"].as_str(),
            g["eligible"].as_u64(),
            g["incomplete"].as_u64(),
            g["limit"].as_u64()
        ),
        (Some("青岛市"), Some(2), Some(1), Some(2))
    );
    assert_eq!(g["status"], "可能超出名额");

    // The workbook's 推荐名额 sheet and the HTML index quote the notice.
    let sentence = "各省、自治区、直辖市推荐的示范企业不超过3家";
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(out.join("review.xlsx")).unwrap();
    let sheet = book.worksheet_range("推荐名额").expect("推荐名额 sheet");
    let bj_row = sheet
        .rows()
        .find(|r| r.get(1).map(|c| c.to_string()) == Some("北京市".into()))
        .expect("Beijing row");
    assert_eq!(bj_row[9].to_string(), "超出名额");
    assert!(bj_row[11].to_string().contains(sentence));
    assert!(bj_row[11].to_string().contains("此批次推荐不予以受理"));
    let html = std::fs::read_to_string(out.join("html/index.html")).unwrap();
    assert!(html.contains(sentence));
    assert!(
        html.contains("<tr class=\"over\"><td>北京市</td>"),
        "the Beijing group is marked"
    );
}
