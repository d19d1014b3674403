//! `--docx`: each application's 申报书 as a Word file, from the same generator as the browser's
//! 导出 Word button, one file per judged application, each a well-formed .docx.

mod common;

use common::{draft, run, scenarios, scratch};

#[test]
fn docx_writes_one_word_file_per_application() {
    let dir = scratch("docx");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let picked: Vec<_> = scenarios()
        .into_iter()
        .filter(|s| s.name.ends_with("-eligible"))
        .collect();
    assert!(
        picked.len() >= 14,
        "an eligible scenario per form: {}",
        picked.len()
    );
    for s in &picked {
        std::fs::write(inputs.join(format!("{}.json", s.name)), draft(s)).unwrap();
    }
    let out = dir.join("out");
    let (code, stderr) = run(&[
        inputs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--today",
        "2023-06-01",
        "--quiet",
        "--docx",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let files: Vec<_> = std::fs::read_dir(out.join("docx"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), picked.len(), "{files:?}");
    for f in &files {
        assert_eq!(
            f.extension().and_then(|e| e.to_str()),
            Some("docx"),
            "{}",
            f.display()
        );
        let bytes = std::fs::read(f).unwrap();
        assert!(
            bytes.starts_with(b"PK\x03\x04"),
            "{} is a zip package",
            f.display()
        );
        // The package holds the document part Word opens.
        assert!(
            bytes.windows(17).any(|w| w == b"word/document.xml"),
            "{}",
            f.display()
        );
    }
    // Without the flag, no Word files.
    let plain = dir.join("plain");
    let (code, stderr) = run(&[
        inputs.to_str().unwrap(),
        "-o",
        plain.to_str().unwrap(),
        "--today",
        "2023-06-01",
        "--quiet",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!plain.join("docx").exists());
}
