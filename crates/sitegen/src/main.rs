//! `yanglao-sitegen`: writes the site's generated pages into `www/`, or with `--check` only
//! compares them and fails on any difference (CI: a page that drifted from the rules is a red
//! build, never a silent rewrite). Run it after changing an edition or the generator:
//!
//!     cargo run -p yanglao-sitegen            # write www/
//!     cargo run -p yanglao-sitegen -- --check # compare, write nothing

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut check = false;
    // The repository's www/, wherever the command is run from.
    let mut root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("www"), |top| top.join("www"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(dir) => root = PathBuf::from(dir),
                None => return usage("--out needs a folder"),
            },
            "-h" | "--help" => {
                println!("usage: yanglao-sitegen [--check] [--out DIR]   (default DIR: www/)");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown argument “{other}”")),
        }
    }
    match run(&root, check) {
        Ok(changed) if changed.is_empty() => {
            println!("yanglao-sitegen: {} up to date", root.display());
            ExitCode::SUCCESS
        }
        Ok(changed) if check => {
            eprintln!(
                "yanglao-sitegen --check: out of date: {}\n  run `cargo run -p yanglao-sitegen` and commit the result",
                changed.join(", ")
            );
            ExitCode::FAILURE
        }
        Ok(changed) => {
            println!("yanglao-sitegen: wrote {}", changed.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yanglao-sitegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(why: &str) -> ExitCode {
    eprintln!("yanglao-sitegen: {why}\nusage: yanglao-sitegen [--check] [--out DIR]");
    ExitCode::from(2)
}

/// The pages that differ from what the editions say (written unless `check`), and the
/// generated forms of editions or categories that are gone (removed unless `check`).
fn run(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let pages = yanglao_sitegen::pages();
    let mut changed = Vec::new();
    for (path, content) in &pages {
        let full = root.join(path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(content.as_str()) {
            continue;
        }
        changed.push(path.clone());
        if !check {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&full, content)
                .map_err(|e| format!("cannot write {}: {e}", full.display()))?;
        }
    }
    let wanted: HashSet<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    if let Ok(dir) = std::fs::read_dir(root.join("forms")) {
        for entry in dir.flatten() {
            let name = format!("forms/{}", entry.file_name().to_string_lossy());
            if name.ends_with(".html") && !wanted.contains(name.as_str()) {
                changed.push(format!("{name} (no longer generated)"));
                if !check {
                    std::fs::remove_file(entry.path())
                        .map_err(|e| format!("cannot remove {name}: {e}"))?;
                }
            }
        }
    }
    Ok(changed)
}
