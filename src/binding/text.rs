//! The binding's own words (buttons, headings, statuses), zh-CN first and en second.
//! Messages about fields and rules come from the core.

use crate::eligibility::{Status, Verdict};
use crate::Locale;

pub struct Text(pub Locale);

impl Text {
    fn pick(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.0.pick(zh, en)
    }

    pub fn summary_title(&self, n: usize) -> String {
        match self.0 {
            Locale::ZhCn => format!("提交前请修改以下 {n} 个问题"),
            Locale::En => format!(
                "Please fix {n} problem{} before submitting",
                if n == 1 { "" } else { "s" }
            ),
        }
    }

    pub fn panel_title(&self) -> &'static str {
        self.pick("申报条件自查", "Eligibility self-check")
    }

    pub fn panel_note(&self) -> &'static str {
        self.pick(
            "按通知的基本条件逐条判断；“待补充”表示相关栏目尚未填写或填写有误，不按不符合处理。",
            "Each condition of the notice, judged from the form; “missing” means a field it needs is empty or has an error.",
        )
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Eligible => self.pick("符合申报条件", "Meets the conditions"),
            Verdict::Ineligible => self.pick("不符合申报条件", "Does not meet the conditions"),
            Verdict::Incomplete => self.pick("信息待补充", "Information missing"),
        }
    }

    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Met => self.pick("符合", "met"),
            Status::NotMet => self.pick("不符合", "not met"),
            Status::Missing => self.pick("待补充", "missing"),
            Status::Declared => self.pick("已承诺", "declared"),
        }
    }

    pub fn count(&self, n: u32, max: Option<u32>) -> String {
        match (self.0, max) {
            (Locale::ZhCn, Some(m)) => format!("字数 {n}/{m}"),
            (Locale::ZhCn, None) => format!("字数 {n}"),
            (Locale::En, Some(m)) => format!("{n}/{m} characters (字)"),
            (Locale::En, None) => format!("{n} characters (字)"),
        }
    }

    pub fn restore(&self) -> &'static str {
        self.pick("恢复草稿", "Restore draft")
    }
    pub fn discard(&self) -> &'static str {
        self.pick("放弃草稿", "Discard draft")
    }
    pub fn export(&self) -> &'static str {
        self.pick("导出 JSON", "Export JSON")
    }
    pub fn import(&self) -> &'static str {
        self.pick("导入 JSON", "Import JSON")
    }
    pub fn clear(&self) -> &'static str {
        self.pick("清除草稿", "Clear draft")
    }

    pub fn draft_found(&self, when: &str) -> String {
        match self.0 {
            Locale::ZhCn => format!("发现本机保存的草稿（{when}）。"),
            Locale::En => format!("A draft saved on this computer was found ({when})."),
        }
    }

    pub fn saved(&self, when: &str) -> String {
        match self.0 {
            Locale::ZhCn => format!("草稿已保存在本机（{when}），不会上传。"),
            Locale::En => format!("Draft saved on this computer ({when}); nothing is uploaded."),
        }
    }

    pub fn drafts_on(&self) -> &'static str {
        self.pick(
            "填写内容会自动保存在本机浏览器中，不会上传。",
            "What you type is saved in this browser only; nothing is uploaded.",
        )
    }
    pub fn restored(&self) -> &'static str {
        self.pick("已恢复草稿。", "Draft restored.")
    }
    pub fn discarded(&self) -> &'static str {
        self.pick("已放弃草稿，本机不再保存该草稿。", "Draft discarded.")
    }
    pub fn cleared(&self) -> &'static str {
        self.pick(
            "本机草稿已清除；表单中已填写的内容保留。",
            "Draft cleared; what is in the form stays.",
        )
    }
    pub fn storage_unavailable(&self) -> &'static str {
        self.pick(
            "无法在本机保存草稿：浏览器禁用了本地存储。请用“导出 JSON”备份填写内容。",
            "Drafts cannot be saved: this browser blocks local storage. Use “Export JSON” to keep a copy.",
        )
    }
    pub fn storage_full(&self) -> &'static str {
        self.pick(
            "无法在本机保存草稿：存储空间已满。表单中的内容仍在，请用“导出 JSON”备份。",
            "Drafts cannot be saved: storage is full. The form keeps what you typed; use “Export JSON” to keep a copy.",
        )
    }
    pub fn bad_draft(&self, why: &str) -> String {
        match self.0 {
            Locale::ZhCn => format!("本机保存的草稿无法识别，已忽略（{why}）。"),
            Locale::En => format!("The saved draft could not be read and was ignored ({why})."),
        }
    }
    pub fn bad_import(&self, why: &str) -> String {
        match self.0 {
            Locale::ZhCn => format!("无法导入该文件：{why}。表单内容未改变。"),
            Locale::En => format!("This file cannot be imported: {why}. The form is unchanged."),
        }
    }
    pub fn imported(&self) -> &'static str {
        self.pick(
            "已导入 JSON 文件中的填写内容。",
            "Values imported from the JSON file.",
        )
    }
    pub fn inapplicable(&self) -> &'static str {
        self.pick(
            "按所选类型，本栏无需填写。",
            "Not needed for the type chosen.",
        )
    }
}
