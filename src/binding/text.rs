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
        crate::eligibility::panel_note(self.0)
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        v.label(self.0)
    }

    pub fn status(&self, s: Status) -> &'static str {
        s.label(self.0)
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
    /// The draft actions say what they do, in the person's words (no "JSON" on a button).
    pub fn export(&self) -> &'static str {
        self.pick("保存到文件", "Save to a file")
    }
    pub fn import(&self) -> &'static str {
        self.pick("从文件恢复", "Restore from a file")
    }
    pub fn clear(&self) -> &'static str {
        self.pick("删除本机草稿", "Delete the draft on this computer")
    }
    /// What each action does, for the bar's description (read by screen readers with it).
    pub fn actions_help(&self) -> &'static str {
        self.pick(
            "“保存到文件”把已填内容存成一个文件，可在别的电脑上用“从文件恢复”继续填写；“删除本机草稿”只删除本浏览器中的草稿，表单中已填内容保留。",
            "“Save to a file” keeps what you typed in a file you can restore on another computer; “Delete the draft on this computer” removes only the copy in this browser.",
        )
    }
    /// The exported file's name: the form in Chinese and the date, e.g.
    /// 申报草稿-全国 2023 · 企业类-2026-12-01.json (without the extension).
    pub fn file_name(&self, form: &str, iso: &str) -> String {
        let date: String = iso.chars().take(10).collect();
        let form = form.replace(" · ", "-").replace(' ', "");
        match self.0 {
            Locale::ZhCn => format!("申报草稿-{form}-{date}"),
            Locale::En => format!("draft-{form}-{date}"),
        }
    }

    pub fn draft_found(&self, form: &str, when: &str) -> String {
        match self.0 {
            Locale::ZhCn => format!("发现本机保存的草稿（{form}，{when}）。恢复前新填写的内容另行保存，不会覆盖草稿。"),
            Locale::En => format!("A draft of {form} saved on this computer was found ({when}). What you type before choosing is kept apart."),
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
    /// After 恢复草稿; `kept` fields typed in while the offer showed were left as typed.
    pub fn restored(&self, kept: usize) -> String {
        match (self.0, kept) {
            (Locale::ZhCn, 0) => "已恢复草稿。".into(),
            (Locale::ZhCn, n) => format!("已恢复草稿。刚才新填写的 {n} 个栏目保留新内容。"),
            (Locale::En, 0) => "Draft restored.".into(),
            (Locale::En, n) => format!(
                "Draft restored. The {n} field(s) you typed in just now keep what you typed."
            ),
        }
    }
    pub fn discarded(&self) -> &'static str {
        self.pick(
            "已放弃草稿，本机不再保存该草稿；此后填写的内容照常自动保存。",
            "Draft discarded; what you type from now on is saved as usual.",
        )
    }
    pub fn cleared(&self) -> &'static str {
        self.pick(
            "已删除本机草稿；表单中已填写的内容保留，继续填写会重新自动保存。",
            "Draft deleted from this computer; what is in the form stays.",
        )
    }
    pub fn storage_unavailable(&self) -> &'static str {
        self.pick(
            "无法在本机保存草稿：浏览器禁用了本地存储。请用“保存到文件”备份填写内容。",
            "Drafts cannot be saved: this browser blocks local storage. Use “Save to a file” to keep a copy.",
        )
    }
    pub fn storage_full(&self) -> &'static str {
        self.pick(
            "无法在本机保存草稿：存储空间已满。表单中的内容仍在，请用“保存到文件”备份。",
            "Drafts cannot be saved: storage is full. The form keeps what you typed; use “Save to a file” to keep a copy.",
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
            Locale::ZhCn => format!("无法从该文件恢复：{why}。表单内容未改变。"),
            Locale::En => format!("This file cannot be restored: {why}. The form is unchanged."),
        }
    }
    pub fn imported(&self) -> &'static str {
        self.pick("已从文件恢复填写内容。", "Values restored from the file.")
    }
    pub fn inapplicable(&self) -> &'static str {
        self.pick(
            "按所选类型，本栏无需填写。",
            "Not needed for the type chosen.",
        )
    }

    pub fn draft_bar(&self) -> &'static str {
        self.pick("草稿", "Draft")
    }
    pub fn any_of(&self) -> &'static str {
        self.pick("满足下列其一即可：", "Any one of these is enough:")
    }
    pub fn declared_note(&self) -> &'static str {
        self.pick(
            "“已承诺”是申报单位自己勾选的声明，本页无法核验，以主管部门审核为准。",
            "“declared” is the applicant’s own declaration; this page cannot verify it.",
        )
    }
    /// "2 条不符合，1 条待补充（共 6 条）".
    pub fn counts(&self, not_met: usize, missing: usize, total: usize) -> String {
        match self.0 {
            Locale::ZhCn if not_met == 0 && missing == 0 => {
                format!("共 {total} 条，均符合或已承诺。")
            }
            Locale::ZhCn => format!("{not_met} 条不符合，{missing} 条待补充（共 {total} 条）。"),
            Locale::En if not_met == 0 && missing == 0 => {
                format!("All {total} conditions met or declared.")
            }
            Locale::En => format!("{not_met} not met, {missing} missing (of {total})."),
        }
    }
    /// What the panel's status line says once typing pauses.
    pub fn announcement(&self, v: Verdict, not_met: usize, missing: usize) -> String {
        match self.0 {
            Locale::ZhCn => format!(
                "申报条件自查：{}，{not_met} 条不符合，{missing} 条待补充。",
                self.verdict(v)
            ),
            Locale::En => format!(
                "Eligibility: {}, {not_met} not met, {missing} missing.",
                self.verdict(v)
            ),
        }
    }
}
