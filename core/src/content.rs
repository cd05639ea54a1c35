//! The content bundled into the library (`core/content/`): a leaf that every module reads its files
//! from. The checks over it are in [`crate::lint`].

include!(concat!(env!("OUT_DIR"), "/content_files.rs"));

/// The bundled files whose path starts with `prefix`, in path order.
pub fn files_under(prefix: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    FILES.iter().copied().filter(move |(path, _)| path.starts_with(prefix))
}

/// The bundled file at exactly `path` (relative to `content/`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}

/// One problem found in the bundled content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintIssue {
    /// The content file, relative to `core/content/`.
    pub file: String,
    /// What is wrong, naming the item.
    pub message: String,
}
