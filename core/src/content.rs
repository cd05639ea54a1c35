//! The content bundled into the library (`core/content/`): a leaf that every module reads its files
//! from. The files are one deflated blob (see `build.rs`), inflated on first use and kept for the
//! life of the process. Data files are written in TOML and bundled as JSON (`bundle.rs`), read by
//! [`read`]. The checks over them are in [`crate::lint`].

use serde::de::DeserializeOwned;
use std::sync::OnceLock;

/// A bundled data file read without a type, for the checks that walk it.
pub(crate) type Value = serde_json::Value;

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

/// A bundled data file (a TOML file, or an article's front matter, as the build script bundles
/// them) read into `T`. The error says what is wrong, such as ``missing field `title` ``, without a
/// place in the bundled text, which is not the file anyone edits.
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        match message.rfind(" at line ") {
            Some(at) if e.line() > 0 => message[..at].to_string(),
            _ => message,
        }
    })
}

/// `toml` as the build script bundles it, for tests that plant content; panics if it is not TOML.
#[cfg(test)]
pub(crate) fn json(toml: &str) -> String {
    crate::bundle::json(toml).unwrap_or_else(|e| panic!("planted content is TOML: {e}"))
}

/// The source of the content file at `path` (relative to `content/`) as written, in TOML, for
/// tests that plant a change in it.
#[cfg(test)]
pub(crate) fn source(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join(path)).expect("a content file")
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
    fn the_inflated_files_are_the_files_on_disk_as_bundled_and_the_blob_is_smaller() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut expected = Vec::new();
        on_disk(&root, &root, &mut expected);
        expected.sort();
        for (path, text) in &mut expected {
            *text = crate::bundle::bundled(path, text).unwrap();
        }
        let inflated: Vec<(String, String)> = files().iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        assert_eq!(inflated, expected);
        assert!(PACKED.len() * 2 < UNPACKED_LEN, "{} bytes deflated of {UNPACKED_LEN}", PACKED.len());
    }

    #[test]
    fn read_says_what_is_wrong_without_a_place_in_the_bundled_text() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Named {
            name: String,
        }
        assert_eq!(read::<Named>(&json("name = \"x\"")).unwrap().name, "x");
        assert_eq!(read::<Named>(&json("")).unwrap_err(), "missing field `name`");
        assert_eq!(read::<Named>(&json("name = 1")).unwrap_err(), "invalid type: integer `1`, expected a string");
        assert!(read::<Named>(&json("name = \"x\"\nage = 3")).unwrap_err().starts_with("unknown field `age`"));
        assert!(read::<Named>("{").is_err());
    }
}
