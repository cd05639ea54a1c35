"""The shipped-library check must catch a planted test constructor, and pass a clean library."""
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).parent
CHECK = [sys.executable, str(HERE / "check.py")]


def run(*args):
    return subprocess.run(CHECK + list(args), capture_output=True, text=True)


CLEAN = "void *uniffi_baken_ffi_fn_constructor_journal_create(void) { return 0; }\n"
PLANTED = CLEAN + "void *uniffi_baken_ffi_fn_constructor_journal_create_for_tests(void) { return 0; }\n"


def bindings(tmp_path, text):
    d = tmp_path / "bindings"
    d.mkdir()
    (d / "baken.kt").write_text(text)
    return str(d)


def test_catches_an_exported_test_constructor(compile_library):
    result = run(compile_library(PLANTED))
    assert result.returncode == 1
    assert "exports uniffi_baken_ffi_fn_constructor_journal_create_for_tests" in result.stdout


@pytest.mark.parametrize("line", ["fun `createForTests`(path: String)", "def create_for_tests(path, passcode, key_store):"])
def test_catches_a_test_constructor_in_the_bindings(compile_library, tmp_path, line):
    result = run(compile_library(CLEAN), bindings(tmp_path, f"class Journal {{\n    {line}\n}}\n"))
    assert result.returncode == 1
    assert line in result.stdout


def test_catches_the_bundled_test_language(compile_library):
    result = run(compile_library(CLEAN + 'const char *rule = "id = \\"xx.secrecy.hushu\\"";\n'))
    assert result.returncode == 1
    assert "bundles the test language xx" in result.stdout


def test_refuses_an_empty_bindings_folder(compile_library, tmp_path):
    (tmp_path / "empty").mkdir()
    assert run(compile_library(CLEAN), str(tmp_path / "empty")).returncode == 1


def test_passes_a_library_without_test_constructors(compile_library, tmp_path):
    assert run(compile_library(CLEAN), bindings(tmp_path, "fun `create`(path: String)\n")).returncode == 0
