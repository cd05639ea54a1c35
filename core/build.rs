//! Embeds every file under `content/` into the library, so the app ships its content as data.
//!
//! With the feature `third-language-test` (only the test package `third-language/`), the files under
//! `tests/fixtures/third-language/` are bundled too, as if they were under `content/`: a file of
//! its own is added, and a TOML file that `content/` also has is merged into it (tables key by key;
//! arrays of tables element by element, matched by `id` or `code`, or by position when they have
//! neither; `src/merge.rs`, tested with the library), so a language can add its texts
//! to the shared files (`checklist/teen.toml`, `help/nl.toml`, ...) without a copy of them.
use std::path::{Path, PathBuf};
use std::{env, fs};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("content folder is readable").map(|e| e.expect("content entry is readable").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let rel = path.strip_prefix(root).expect("inside content").to_string_lossy().replace('\\', "/");
            out.push((rel, path));
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
    let root = Path::new(&manifest).join("content");
    let out_dir = env::var("OUT_DIR").expect("cargo sets it");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let entry = |rel: &str, path: &Path| format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string());
    let entries: Vec<String> = files.iter().map(|(rel, path)| entry(rel, path)).collect();
    #[cfg(feature = "third-language-test")]
    let entries = third_language::apply(Path::new(&manifest).join("tests/fixtures/third-language"), Path::new(&out_dir), &files, entries, entry);
    let code = format!("/// Every bundled content file: (path under `content/`, text).\npub static FILES: &[(&str, &str)] = &[\n{}];\n", entries.concat());
    fs::write(Path::new(&out_dir).join("content_files.rs"), code).expect("OUT_DIR is writable");
}

#[cfg(feature = "third-language-test")]
#[path = "src/merge.rs"]
mod merge;

#[cfg(feature = "third-language-test")]
mod third_language {
    use super::merge::merge;
    use std::{fs, path::Path, path::PathBuf};

    /// `entries` (one per file of `files`) with the files under `overlay` added or merged in.
    pub fn apply(
        overlay: PathBuf,
        out_dir: &Path,
        files: &[(String, PathBuf)],
        mut entries: Vec<String>,
        entry: impl Fn(&str, &Path) -> String,
    ) -> Vec<String> {
        println!("cargo:rerun-if-changed={}", overlay.display());
        println!("cargo:rerun-if-changed=src/merge.rs");
        let mut extra = Vec::new();
        super::collect(&overlay, &overlay, &mut extra);
        for (rel, path) in extra {
            let text = fs::read_to_string(&path).expect("fixture is readable");
            match files.iter().position(|(r, _)| *r == rel) {
                None => entries.push(entry(&rel, &path)),
                Some(i) => {
                    let base = fs::read_to_string(&files[i].1).expect("content is readable");
                    let merged = merge(&base, &text).unwrap_or_else(|e| panic!("{rel}: {e}"));
                    let target = out_dir.join("overlay").join(&rel);
                    fs::create_dir_all(target.parent().expect("a folder")).expect("OUT_DIR is writable");
                    fs::write(&target, merged).expect("OUT_DIR is writable");
                    entries[i] = entry(&rel, &target);
                }
            }
        }
        entries
    }
}
