//! The command line: options, checks of the options themselves (usage errors), the run, and
//! the exit code.

use crate::input::{self, Defaults};
use crate::output::{self, Results};
use clap::Parser;
use std::path::PathBuf;
use yanglao_core::registry;

/// Every application judged, nothing refused.
pub const EXIT_OK: i32 = 0;
/// Something was refused (a file, sheet, header or row; see the 未能审核 sheet); the rest
/// were judged and written.
pub const EXIT_REFUSED: i32 = 1;
/// The command was misused (an unknown option or edition, a bad date, an output folder
/// holding inputs). Nothing is written. clap's own usage errors use this code too.
pub const EXIT_USAGE: i32 = 2;
/// The outputs could not be written (disk full, no permission).
pub const EXIT_WRITE: i32 = 3;

/// 智慧健康养老应用试点示范 申报材料批量审核：用与网页相同的规则判断一批申报材料，输出工作簿、CSV、JSON 和可打印的网页报告。
#[derive(Debug, Parser)]
#[command(name = "yanglao-review", version, about, long_about = None, after_help = EXIT_HELP)]
pub struct Args {
    /// 输入：导出的填写记录（.json）、工作簿（.xlsx）、表格（.csv），或包含它们的文件夹
    #[arg(required = true, value_name = "输入")]
    pub inputs: Vec<PathBuf>,
    /// 输出文件夹（不存在则创建；不得包含输入文件）
    #[arg(short, long, value_name = "文件夹")]
    pub out: PathBuf,
    /// 版本（national-2023、henan-2021、national-2018、jiangsu-2021），用于未注明版本的文件或行；填写记录注明了另一版本的不予读取
    #[arg(long, value_name = "版本")]
    pub edition: Option<String>,
    /// 类别（enterprise、park、street、base，或其中文名称），用法同 --edition
    #[arg(long, value_name = "类别")]
    pub category: Option<String>,
    /// 推荐单位（如 江苏省、青岛市、中央企业：某集团），用于没有“推荐单位”列的材料；未给出时按统一社会信用代码第3–4位归入省份
    #[arg(long, value_name = "推荐单位")]
    pub province: Option<String>,
    /// 判断所用的“今天”（YYYY-MM-DD），默认为北京时间的今天
    #[arg(long, value_name = "日期")]
    pub today: Option<String>,
    /// 同时运行的线程数，默认用满所有处理器核心
    #[arg(long, value_name = "数量")]
    pub jobs: Option<usize>,
    /// 不显示进度条和汇总
    #[arg(short, long)]
    pub quiet: bool,
    /// 同时为每份申报生成申报书 Word 文件（写入输出文件夹的 docx/，与网页“导出 Word”同一生成程序）
    #[arg(long)]
    pub docx: bool,
}

const EXIT_HELP: &str = "退出码：0 全部审核；1 有文件或行未能审核（见输出的“未能审核”表），其余已审核并写出；2 用法错误，未写出任何文件；3 无法写出结果。";

/// Runs the command; returns the exit code.
pub fn run(args: Args) -> i32 {
    match run_checked(&args) {
        Ok(code) => code,
        Err((code, message)) => {
            eprintln!("yanglao-review：{message}");
            code
        }
    }
}

fn usage(message: String) -> (i32, String) {
    (EXIT_USAGE, message)
}

fn run_checked(args: &Args) -> Result<i32, (i32, String)> {
    let edition = match &args.edition {
        Some(id) => Some(registry::edition(id.trim()).ok_or_else(|| {
            usage(registry::LookupError::UnknownEdition(id.clone()).message(crate::labels::LOCALE))
        })?),
        None => None,
    };
    let category = match (&args.category, edition) {
        (Some(c), Some(e)) => {
            let found = e
                .categories
                .iter()
                .find(|x| x.id == c.trim() || x.name == c.trim());
            Some(found.map(|x| x.id.to_string()).ok_or_else(|| {
                usage(
                    registry::LookupError::UnknownCategory {
                        edition: e.id.to_string(),
                        category: c.clone(),
                    }
                    .message(crate::labels::LOCALE),
                )
            })?)
        }
        (Some(c), None) => {
            let known = registry::editions()
                .iter()
                .any(|e| e.categories.iter().any(|x| x.id == c.trim()));
            if !known {
                return Err(usage(format!(
                    "--category “{}” 不是任何版本的类别（可用 enterprise、park、street、base）",
                    crate::app::clip(c, 40)
                )));
            }
            Some(c.trim().to_string())
        }
        (None, _) => None,
    };
    let today = match &args.today {
        Some(t) => Some(crate::today::from_arg(t).map_err(usage)?),
        None => crate::today::china_today(),
    };
    if args.out.is_file() {
        return Err(usage(format!(
            "输出位置 {} 是一个文件，应为文件夹",
            args.out.display()
        )));
    }
    if let Some(jobs) = args.jobs {
        // Fails only if a pool was already built in this process; the default pool is fine then.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let (files, mut refused) = input::files(&args.inputs, &args.out);
    if let Ok(out) = args.out.canonicalize() {
        let within = |p: &PathBuf| p.canonicalize().is_ok_and(|p| p.starts_with(&out));
        if let Some(inside) = args
            .inputs
            .iter()
            .find(|p| within(p))
            .or_else(|| files.iter().find(|f| within(f)))
        {
            return Err(usage(format!(
                "输出文件夹 {} 包含输入文件 {}：为免覆盖输入，请换一个输出文件夹",
                args.out.display(),
                inside.display()
            )));
        }
    }
    let defaults = Defaults {
        edition,
        category,
        province: args.province.clone(),
    };
    let batch = input::read(&files, &defaults);
    refused.extend(batch.refused);
    let judged = crate::judge::judge_all(batch.applications, today, args.quiet);
    let groups = crate::quota::groups(&judged);
    let results = Results {
        judged,
        refused,
        groups,
        today,
    };
    output::write_all(&args.out, &results, args.docx).map_err(|e| (EXIT_WRITE, e))?;
    if !args.quiet {
        summary(&results, &args.out);
    }
    Ok(if results.refused.is_empty() {
        EXIT_OK
    } else {
        EXIT_REFUSED
    })
}

/// Most refusals listed on stderr; all are in the 未能审核 sheet.
const MAX_LISTED: usize = 100;

fn summary(results: &Results, out: &std::path::Path) {
    use yanglao_core::Verdict;
    let count = |v: Verdict| {
        results
            .judged
            .iter()
            .filter(|j| j.report.eligibility.verdict == v)
            .count()
    };
    eprintln!(
        "已审核 {} 份：符合申报条件 {}，不符合 {}，信息待补充 {}。",
        results.judged.len(),
        count(Verdict::Eligible),
        count(Verdict::Ineligible),
        count(Verdict::Incomplete)
    );
    let over: Vec<_> = results
        .groups
        .iter()
        .filter(|g| g.status.flagged())
        .collect();
    for g in &over {
        eprintln!("推荐名额：{}", g.explanation());
    }
    if !results.refused.is_empty() {
        eprintln!("未能审核 {} 项：", results.refused.len());
        for r in results.refused.iter().take(MAX_LISTED) {
            eprintln!("  {}：{}", r.origin.describe(), r.reason);
        }
        if results.refused.len() > MAX_LISTED {
            eprintln!(
                "  ……另有 {} 项，见 review.xlsx 的“未能审核”表",
                results.refused.len() - MAX_LISTED
            );
        }
    }
    eprintln!(
        "结果已写入 {}（review.xlsx、csv/、review.json、html/index.html）",
        out.display()
    );
}
