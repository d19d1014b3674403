//! `yanglao-review`: see `cli.rs` for the options and exit codes, README "For reviewers".

use clap::Parser;

fn main() {
    let args = yanglao_review::cli::Args::parse();
    std::process::exit(yanglao_review::cli::run(args));
}
