#!/usr/bin/env python3
"""Proof that the library as apps embed it has no test-only fast key derivation and no test-only
third language. Exits 1 and names what it found.

  check.py LIBRARY [BINDINGS_DIR]   LIBRARY (a default-feature build of baken-ffi) exports no
                                    `*_for_tests` function, and no file generated from it in
                                    BINDINGS_DIR mentions one (Kotlin `createForTests`, Python
                                    `create_for_tests`, the Swift header's symbols)

The `*_for_tests` constructors exist only with the cargo feature `insecure-test-kdf`, which
tests/run enables for the Kotlin and Python tests and the `mobile` profile never does. The
pseudo-language `xx` (core/tests/fixtures/third-language/) is bundled only with the feature
`third-language-test` of baken-core's own tests; its rule ids (`xx.secrecy.hushu`) must not be in LIBRARY.
"""
import pathlib
import re
import subprocess
import sys

FOR_TESTS = re.compile(r"for_?tests", re.IGNORECASE)
THIRD_LANGUAGE = b"xx.secrecy.hushu"


def library(path):
    out = subprocess.run(["nm", "-D", "--defined-only", path], check=True, capture_output=True, text=True).stdout
    symbols = {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}
    found = sorted(f"{path} exports {s}" for s in symbols if FOR_TESTS.search(s))
    if THIRD_LANGUAGE in pathlib.Path(path).read_bytes():
        found.append(f"{path} bundles the test language xx ({THIRD_LANGUAGE.decode()})")
    return found


def bindings(directory):
    """Each generated source file (binary files, such as a copied library, are skipped) that names
    a test constructor, with its first such line."""
    problems = []
    files = [p for p in sorted(pathlib.Path(directory).rglob("*")) if p.is_file() and b"\0" not in p.read_bytes()]
    if not files:
        return [f"{directory}: no generated bindings to check"]
    for p in files:
        hits = [(n, line.strip()) for n, line in enumerate(p.read_text(errors="replace").splitlines(), 1) if FOR_TESTS.search(line)]
        if hits:
            n, line = hits[0]
            problems.append(f"{p}:{n}: {line}" + (f" (and {len(hits) - 1} more lines)" if len(hits) > 1 else ""))
    return problems


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    problems = library(argv[1]) + (bindings(argv[2]) if len(argv) == 3 else [])
    for p in problems:
        print(f"test-only code or content in the shipped library: {p}")
    print(f"shipped library: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
