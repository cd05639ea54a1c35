"""Checks the iOS demo on Linux: every Swift file parses, every use of the Baken module fits the
generated Baken.swift, the project's safety rules hold, and every text of the app's own has a
Dutch version. Prints each problem; exit 1 if any.

    python3 tests/ios/check.py path/to/Baken.swift [ios-demo]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import project  # noqa: E402
import strings  # noqa: E402
import swift_api  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def problems(bindings: Path, demo: Path) -> list[str]:
    app = demo / "BakenDemo"
    swift = sorted(demo.rglob("*.swift"))
    return swift_api.check(bindings, swift) + project.check(app, REPO) + strings.check(app / "Localizable.xcstrings", sorted(app.rglob("*.swift")))


if __name__ == "__main__":
    demo = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "ios-demo"
    found = problems(Path(sys.argv[1]), demo)
    for problem in found:
        print(problem)
    print(f"ios-demo: {len(found)} problems in {len(list(demo.rglob('*.swift')))} Swift files")
    sys.exit(1 if found else 0)
