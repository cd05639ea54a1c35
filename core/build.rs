//! Embeds every file under `content/` into the library, so the app ships its content as data: one
//! deflated blob, inflated on first use by `content::files`. TOML is bundled as JSON (`src/bundle.rs`),
//! so the library needs no TOML reader; a file that is not valid TOML fails the build.
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
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed={}", root.display());
    let mut paths = Vec::new();
    collect(&root, &root, &mut paths);
    let files: Vec<(String, String)> = paths.into_iter().map(|(rel, path)| (rel, fs::read_to_string(&path).expect("content files are UTF-8"))).collect();
    #[cfg(feature = "third-language-test")]
    let files = third_language::apply(Path::new(&manifest).join("tests/fixtures/third-language"), files);
    let files: Vec<(String, String)> = files
        .into_iter()
        .map(|(rel, text)| {
            let text = bundle::bundled(&rel, &text).unwrap_or_else(|e| panic!("content/{rel}: {e}"));
            (rel, text)
        })
        .collect();
    let mut all = String::new();
    for (rel, text) in &files {
        assert!(!text.contains('\0') && !rel.contains('\0'), "{rel}: no NUL in content, it separates the files");
        for part in [rel, text] {
            all.push_str(part);
            all.push('\0');
        }
    }
    let packed = out.join("content.deflate");
    fs::write(&packed, miniz_oxide::deflate::compress_to_vec(all.as_bytes(), 10)).expect("OUT_DIR is writable");
    let code = format!(
        "/// Every bundled content file, as `path NUL text NUL` in path order, deflated.\nstatic PACKED: &[u8] = include_bytes!({:?});\n/// Its length inflated.\nconst UNPACKED_LEN: usize = {};\n",
        packed.display().to_string(),
        all.len()
    );
    fs::write(out.join("content_files.rs"), code).expect("OUT_DIR is writable");
}

#[path = "src/bundle.rs"]
mod bundle;

#[cfg(feature = "third-language-test")]
#[path = "src/merge.rs"]
mod merge;

#[cfg(feature = "third-language-test")]
mod third_language {
    use super::merge::merge;
    use std::{fs, path::PathBuf};

    /// `files` with the files under `overlay` added or merged in, in path order.
    pub fn apply(overlay: PathBuf, mut files: Vec<(String, String)>) -> Vec<(String, String)> {
        println!("cargo:rerun-if-changed={}", overlay.display());
        println!("cargo:rerun-if-changed=src/merge.rs");
        let mut extra = Vec::new();
        super::collect(&overlay, &overlay, &mut extra);
        for (rel, path) in extra {
            let text = fs::read_to_string(&path).expect("fixture is readable");
            match files.iter().position(|(r, _)| *r == rel) {
                None => files.push((rel, text)),
                Some(i) => files[i].1 = merge(&files[i].1, &text).unwrap_or_else(|e| panic!("{rel}: {e}")),
            }
        }
        files.sort();
        files
    }
}
