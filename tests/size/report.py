#!/usr/bin/env python3
"""The size of a shared library as an app ships it: stripped, with its largest sections.

  report.py LIBRARY [--max-bytes N]   prints the stripped size and the sections; with --max-bytes,
                                      exits 1 when the stripped library is larger than N bytes

The library itself is not changed: a stripped copy is measured. For the mobile library (README,
"Size"): cargo build -p baken-ffi --lib --profile mobile, then
report.py target/mobile/libbaken_ffi.so --max-bytes 4000000.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SECTIONS = (".text", ".rodata", ".data.rel.ro", ".rela.dyn", ".eh_frame", ".gcc_except_table")


def stripped_size(library):
    """The stripped size in bytes, and the sizes of the SECTIONS in it."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(library))
        shutil.copyfile(library, copy)
        subprocess.run(["strip", copy], check=True)
        sizes = {}
        for line in subprocess.run(["size", "-A", copy], check=True, capture_output=True, text=True).stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0] in SECTIONS:
                sizes[parts[0]] = int(parts[1])
        return os.path.getsize(copy), sizes


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("--max-bytes", type=int)
    args = parser.parse_args(argv[1:])
    size, sections = stripped_size(args.library)
    print(f"{args.library}: {size} bytes stripped ({size / 1e6:.2f} MB), unstripped {os.path.getsize(args.library)}")
    for name in SECTIONS:
        if name in sections:
            print(f"  {name:<18} {sections[name]:>10}")
    if args.max_bytes is not None and size > args.max_bytes:
        print(f"larger than the limit of {args.max_bytes} bytes by {size - args.max_bytes}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
