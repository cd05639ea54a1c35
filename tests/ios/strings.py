"""Every text the app shows in its own words has an English and a Dutch version in the String
Catalog (`Localizable.xcstrings`); the core's texts come from the core in the reader's language."""

import json
import re
from pathlib import Path

import swift_api

# Views and functions whose first unlabelled string is a localized key.
LOCALIZED_CALLS = {"Text", "Label", "Button", "Section", "Picker", "Toggle", "SecureField", "TextField", "NavigationLink", "DatePicker", "Link",
                   "navigationTitle", "alert"}


def key(literal: str) -> str:
    """A literal with each interpolation as `%`, and a catalog key with each specifier as `%`."""
    return re.sub(r"%(lld|llu|ld|d|u|@)", "%", re.sub(r"\\\((?:[^()]|\([^()]*\))*\)", "%", literal))


def app_texts(files: list[Path]) -> list[tuple[Path, int, str]]:
    texts = []
    for path in files:
        for node in swift_api.walk(swift_api.parse(path).root_node):
            if node.type != "line_string_literal":
                continue
            argument = node.parent
            if argument.type == "value_argument":
                label = swift_api.named(argument, "value_argument_label")
                call = argument.parent.parent.parent
                callee = swift_api.text(call.named_children[0]).split(".")[-1] if call.type == "call_expression" else ""
                localized = (not label and callee in LOCALIZED_CALLS) or bool(label and swift_api.text(label[0]) in ("localized", "label"))
            else:  # a LocalizedStringKey given by a switch
                localized = argument.type == "statements" and argument.parent.type == "switch_entry"
            if localized:
                texts.append((path, node.start_point[0] + 1, swift_api.text(node)[1:-1]))
    return texts


def check(catalog: Path, files: list[Path]) -> list[str]:
    strings = json.loads(catalog.read_text())["strings"]
    translated = {key(k) for k, v in strings.items() if v.get("localizations", {}).get("nl", {}).get("stringUnit", {}).get("value")}
    return [f"{path}:{line}: {text!r} has no Dutch version in {catalog.name}" for path, line, text in app_texts(files) if key(text) not in translated]
