//! The content bundled into the library (`core/content/`): a leaf that every module reads its files
//! from. The files are one deflated blob (see `build.rs`), inflated on first use and kept for the
//! life of the process. The checks over them are in [`crate::lint`].

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/content_files.rs"));

/// Every bundled file as (path relative to `content/`, text), in path order. Empty if the blob
/// does not inflate, so that every reader reports its files as missing.
pub fn files() -> &'static [(&'static str, &'static str)] {
    static FILES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(PACKED, UNPACKED_LEN).unwrap_or_default();
        let all: &'static str = String::from_utf8(bytes).unwrap_or_default().leak();
        let mut parts = all.split_terminator('\0');
        std::iter::from_fn(|| Some((parts.next()?, parts.next()?))).collect()
    })
}

/// The bundled files whose path starts with `prefix`, in path order.
pub fn files_under(prefix: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    files().iter().copied().filter(move |(path, _)| path.starts_with(prefix))
}

/// The bundled file at exactly `path` (relative to `content/`).
pub fn file(path: &str) -> Option<&'static str> {
    files().iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}

/// One problem found in the bundled content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintIssue {
    /// The content file, relative to `core/content/`.
    pub file: String,
    /// What is wrong, naming the item.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn on_disk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                on_disk(&path, root, out);
            } else {
                out.push((path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn the_inflated_files_are_the_files_on_disk_and_the_blob_is_smaller() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut expected = Vec::new();
        on_disk(&root, &root, &mut expected);
        expected.sort();
        let inflated: Vec<(String, String)> = files().iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        assert_eq!(inflated, expected);
        assert!(PACKED.len() * 2 < UNPACKED_LEN, "{} bytes deflated of {UNPACKED_LEN}", PACKED.len());
    }
}
