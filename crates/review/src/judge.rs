//! Judging: every application through the core's `validate_form`, exactly what the browser's
//! `validateForm` calls, on every core (rayon). A progress bar shows on a terminal only.

use crate::app::{Application, Judged};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use yanglao_core::checks::Date;
use yanglao_core::{validate_form, Context};

/// Below this many applications a run is too short to need a bar.
const BAR_FROM: usize = 200;

pub fn judge_all(applications: Vec<Application>, today: Option<Date>, quiet: bool) -> Vec<Judged> {
    let ctx = Context {
        locale: crate::labels::LOCALE,
        today,
    };
    let bar =
        (!quiet && applications.len() >= BAR_FROM && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(applications.len() as u64);
            if let Ok(style) =
                ProgressStyle::with_template("审核中 {bar:40} {pos}/{len} 份 · 约剩 {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
    let judged = applications
        .into_par_iter()
        .enumerate()
        .map(|(i, app)| {
            let report = validate_form(app.category, &app.values, &ctx);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            Judged::new(i + 1, app, report)
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    judged
}
