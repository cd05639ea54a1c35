//! The content bundled into the library (`core/content/`), and the checks run over it.

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

/// Checks every bundled content file; an empty list means all is well.
pub fn lint() -> Vec<LintIssue> {
    let mut issues = Vec::new();
    crate::language::lint(&mut issues);
    crate::strings::lint(&mut issues);
    crate::help::lint(&mut issues);
    crate::library::lint(&mut issues);
    crate::check::lint(&mut issues);
    crate::chat::lint(&mut issues);
    crate::signal_text::lint(&mut issues);
    crate::checklist::lint(&mut issues);
    issues
}
