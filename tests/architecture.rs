//! The pipeline runs one way: no module of `src/` imports from a stage that
//! comes after it, no source file grows past the size a reader can hold, and
//! the binary's `main.rs` stays thin.
//! See docs/ARCHITECTURE.md.

use std::path::{Path, PathBuf};

/// The modules of the library in pipeline order: each may import from the
/// ones before it, never from the ones after.
const ORDER: &[&str] = &[
    "model", "error", "text", "load", "segment", "extract", "align", "compare", "render", "check",
];

/// Modules that sit above the stages and tie them together; they may import
/// from any stage, and no stage imports from them except `check` (the last).
const ABOVE: &[&str] = &["lib", "config", "corpus", "output"];

/// No source file is longer than this many lines.
const MAX_LINES: usize = 1000;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/align/index.rs`
/// is `align`, `src/config.rs` is `config`.
fn module_of(src: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The top-level modules named as `crate::NAME` in the code of `text`,
/// comments left out.
fn imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut backward = Vec::new();
    for path in &files {
        let module = module_of(&src, path);
        if module == "bin" || ABOVE.contains(&module.as_str()) {
            continue;
        }
        let at = ORDER
            .iter()
            .position(|m| *m == module)
            .unwrap_or_else(|| panic!("{}: module {module} is not in ORDER", path.display()));
        let text = std::fs::read_to_string(path).unwrap();
        for import in imports(&text) {
            let later = ORDER
                .iter()
                .position(|m| *m == import)
                .is_some_and(|i| i > at);
            let above = ABOVE.contains(&import.as_str()) && module != "check";
            if later || above {
                backward.push(format!("{} imports crate::{import}", path.display()));
            }
        }
    }
    backward.sort();
    backward.dedup();
    assert!(
        backward.is_empty(),
        "imports up the pipeline:\n{}",
        backward.join("\n")
    );
}

#[test]
fn the_check_of_imports_reads_paths() {
    assert_eq!(
        imports("use crate::model::{Claim}; // crate::render\nlet x = crate::text::stem(w);"),
        ["model", "text"]
    );
}

/// Files over the limit today, each owned by ongoing work to split it; the
/// list only shrinks.
const NOT_YET_SPLIT: &[&str] = &[];

#[test]
fn no_source_file_is_over_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut long = Vec::new();
    for path in files {
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        if lines > MAX_LINES && !NOT_YET_SPLIT.contains(&name.as_str()) {
            long.push(format!("{name}: {lines} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// The binary's `main.rs` stays under this many lines: it parses arguments,
/// dispatches to the library and picks the exit code; the work is the
/// library's (see docs/ARCHITECTURE.md).
const MAIN_MAX_LINES: usize = 120;

#[test]
fn the_binary_main_stays_thin() {
    let main = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/storydiff/main.rs");
    let lines = std::fs::read_to_string(main).unwrap().lines().count();
    assert!(
        lines < MAIN_MAX_LINES,
        "src/bin/storydiff/main.rs: {lines} lines, the limit is under {MAIN_MAX_LINES}"
    );
}
