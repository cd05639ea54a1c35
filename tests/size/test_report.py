"""The size report measures a stripped copy and fails a library over the limit."""
import os
import subprocess
import sys
from pathlib import Path

REPORT = Path(__file__).with_name("report.py")

# 200 kB of data that stripping cannot remove, and a symbol that it can.
BIG = "const char blob[200000] = {1};\nint exported(void) { return blob[7]; }\n"


def run(*args):
    return subprocess.run([sys.executable, str(REPORT), *args], capture_output=True, text=True)


def test_a_library_over_the_limit_fails_and_one_under_it_passes(compile_library):
    library = compile_library(BIG)
    before = os.path.getsize(library)
    over = run(library, "--max-bytes", "100000")
    assert over.returncode == 1, over.stdout + over.stderr
    assert "larger than the limit of 100000 bytes" in over.stdout
    under = run(library, "--max-bytes", "1000000")
    assert under.returncode == 0, under.stdout + under.stderr
    assert ".rodata" in under.stdout
    assert os.path.getsize(library) == before, "the library itself is not stripped"


def test_the_stripped_size_is_smaller_than_the_file(compile_library):
    library = compile_library(BIG)
    subprocess.run(["cc", "-shared", "-fPIC", "-g", "-o", library, str(Path(library).with_name("lib.c"))], check=True)
    result = run(library)
    assert result.returncode == 0
    stripped = int(result.stdout.split(": ")[1].split()[0])
    assert 200000 < stripped < os.path.getsize(library), result.stdout
