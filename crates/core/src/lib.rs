//! The rules engine for the 智慧健康养老应用试点示范 application forms.
//!
//! Plain Rust: this crate has no dependency that knows JavaScript or the DOM, so nothing here
//! can reach the browser — the compiler enforces it. No input can make it panic or return
//! `Err`. The WebAssembly API and the DOM binding live in the root crate (`src/`); the
//! reviewer's command and the Word generator in `crates/`. See ARCHITECTURE.md for the map.

// A panic inside WebAssembly ends the module for the page's life: the core may not contain one
// (tests may).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

pub mod blank;
pub mod checks;
pub mod draft;
pub mod eligibility;
mod fmt;
pub mod html;
pub mod json;
pub mod lint;
pub mod locale;
pub mod model;
pub mod provinces;
pub mod registry;
pub mod validate;
pub mod value;

pub use eligibility::{Eligibility, RuleResult, Status, Verdict};
pub use locale::Locale;
pub use validate::{
    validate_collected_field, validate_collected_form, validate_field, validate_form, Context,
    Issue, Report,
};
pub use value::{Value, Values};
