"""Fixtures shared by the self-tests of the checks in tests/privacy and tests/shipped."""
import subprocess

import pytest


@pytest.fixture
def compile_library(tmp_path):
    """Builds a throwaway shared library from C source, to plant what a check must catch."""
    def build(source):
        c = tmp_path / "lib.c"
        c.write_text(source)
        so = tmp_path / "libplanted.so"
        subprocess.run(["cc", "-shared", "-fPIC", "-o", str(so), str(c)], check=True)
        return str(so)
    return build
