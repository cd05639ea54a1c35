"""The module-graph check catches planted cycles and passes trees without one."""
import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).with_name("check.py")


def run(tmp_path, files):
    """Writes `files` ({path: source}) under tmp_path/src and runs the check on it."""
    for path, source in files.items():
        target = tmp_path / "src" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source)
    result = subprocess.run([sys.executable, str(CHECK), str(tmp_path / "src")], capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


# A parent that only declares and re-exports, children that share an error type from a leaf, a test
# module that uses its parent, and mentions of other modules in comments, doc links and strings.
CLEAN = {
    "lib.rs": "//! See [`crate::journal::chain`].\npub mod journal;\npub mod lint;\n",
    "lint.rs": "use crate::journal::chain;\npub fn all() { chain::lint(); crate::journal::entries::lint(); }\n",
    "journal/mod.rs": "mod chain;\nmod entries;\nmod error;\npub use chain::{self as links, Head};\npub use entries::*;\npub use error::JournalError;\n",
    "journal/error.rs": "pub(in crate::journal) struct JournalError;\n",
    "journal/chain.rs": (
        "use super::JournalError;\npub struct Head;\npub fn lint() { let _ = \"crate::lint::all\"; }\n"
        "#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::journal::entries::Entry;\n}\n"
    ),
    "journal/entries.rs": "use super::{chain::Head, JournalError};\n/* crate::lint */\npub struct Entry;\npub fn lint() { let c = '\"'; }\n",
}


def test_a_tree_without_cycles_passes(tmp_path):
    status, output = run(tmp_path, CLEAN)
    assert status == 0, output
    assert "no cycles" in output


@pytest.mark.parametrize(
    "planted, cycle",
    [
        # Siblings that use each other.
        ({"journal/chain.rs": "use super::entries::Entry;\npub struct Head;\npub fn lint() {}\n"}, "journal/chain -> journal/entries -> journal/chain"),
        # A module that calls the linter, written as a path in code.
        ({"journal/entries.rs": "pub struct Entry;\npub fn lint() { crate::lint::all() }\n"}, "journal/entries -> lint"),
        # A child naming its parent's own item while the parent uses the child.
        ({"journal/mod.rs": "mod chain;\nmod entries;\nmod error;\npub use error::JournalError;\npub struct Shared;\nfn f() { entries::lint(); }\n",
          "journal/entries.rs": "use super::{chain::Head, Shared};\npub struct Entry;\npub fn lint() {}\n"},
         "journal -> journal/entries -> journal"),
        # A cycle behind a re-export: `super::JournalError` is followed to where it comes from.
        ({"journal/error.rs": "use super::links::Head;\npub struct JournalError;\n"}, "journal/chain -> journal/error -> journal/chain"),
        # Grouped imports with nested braces, and a glob.
        ({"journal/error.rs": "use crate::{journal::{entries::*}};\npub struct JournalError;\n"}, "journal/entries -> journal/error -> journal/entries"),
    ],
)
def test_a_planted_cycle_is_caught(tmp_path, planted, cycle):
    status, output = run(tmp_path, {**CLEAN, **planted})
    assert status == 1, output
    assert cycle in output, output


def test_a_cycle_names_the_lines_that_make_it(tmp_path):
    status, output = run(tmp_path, {**CLEAN, "journal/error.rs": "\n\nuse super::chain::Head;\npub struct JournalError;\n"})
    assert status == 1
    assert f"journal/error -> journal/chain: {tmp_path / 'src/journal/error.rs'}:3" in output, output


def test_a_missing_module_file_is_an_error(tmp_path):
    status, output = run(tmp_path, {**CLEAN, "lib.rs": "pub mod journal;\npub mod lint;\nmod gone;\n"})
    assert status != 0
    assert "mod gone; has no file" in output
