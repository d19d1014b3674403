//! Live checks for the 智慧健康养老应用试点示范 application forms, for the browser.
//!
//! The rules engine is the `yanglao-core` crate (`crates/core`), re-exported here whole so that
//! tests and native users can keep one name. This crate adds only what knows JavaScript:
//! `wasm_api` (wasm-bindgen) and `binding` (the DOM), both for `wasm32` only.
//! See ARCHITECTURE.md for the map.

pub use yanglao_core::*;

#[cfg(target_arch = "wasm32")]
pub mod binding;
#[cfg(target_arch = "wasm32")]
pub mod wasm_api;
