//! Live checks for the 智慧健康养老应用试点示范 application forms.
//!
//! The rules engine (everything but `wasm_api` and `binding`) is plain Rust: it never imports
//! wasm-bindgen or web-sys, and no input can make it panic or return `Err`.
//! See ARCHITECTURE.md for the map.

pub mod checks;
pub mod draft;
pub mod eligibility;
mod fmt;
pub mod lint;
pub mod locale;
pub mod model;
pub mod registry;
pub mod validate;
pub mod value;

pub use eligibility::{Eligibility, RuleResult, Status, Verdict};
pub use locale::Locale;
pub use validate::{validate_field, validate_form, Context, Issue, Report};
pub use value::{Value, Values};

#[cfg(target_arch = "wasm32")]
pub mod wasm_api;
#[cfg(target_arch = "wasm32")]
pub mod binding;
