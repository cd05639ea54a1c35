//! The content linter: it calls each module's checks over its bundled files. It sits above every
//! module, and no module calls it, so the module graph stays without cycles.

use crate::content::LintIssue;

/// Checks every bundled content file; an empty list means all is well.
pub fn content() -> Vec<LintIssue> {
    let mut issues = Vec::new();
    crate::language::lint(&mut issues);
    crate::strings::lint(&mut issues);
    crate::help::lint(&mut issues);
    crate::library::lint(&mut issues);
    crate::check::lint(&mut issues);
    crate::chat::lint_whatsapp_words(&mut issues);
    crate::chat::lint_scan_texts(&mut issues);
    crate::signal_text::lint(&mut issues);
    crate::checklist::lint(&mut issues);
    issues
}
