//! The reviewers' batch command: the same rules the browser runs, over a folder of exported
//! drafts and spreadsheets, with the notices' recommendation quotas.
//!
//! Nothing here judges anything: every application goes through
//! `yanglao_core::validate::validate_form`, exactly as `validateForm` in the browser, and
//! drafts are read by `yanglao_core::draft::parse`, as the browser's import. This crate only
//! reads files, groups, and writes what reviewers file and print.
//!
//! Flow: `input` (files → applications, or refusals with a reason) → `judge` (every core)
//! → `quota` (groups per recommending unit and category) → `output` (workbook, CSV, JSON,
//! HTML; and the per-application hook where the 申报书 Word generator will plug in).

pub mod app;
pub mod cli;
pub mod input;
pub mod judge;
pub mod labels;
pub mod output;
pub mod quota;
pub mod today;

pub use app::{Application, Judged, Origin, Refusal};
