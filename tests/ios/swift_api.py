"""The Swift app against the generated bindings, read with tree-sitter's Swift grammar: every
file parses, and every use of the `Baken` module names something `Baken.swift` declares.

What counts as a use of the module, so the app cannot drift from the API unnoticed:
- a qualified name, `Baken.X` or `Baken.X.y`, in an expression, a type or a pattern: `X` must be a
  public function or type, `y` a member or enum case of it, and a call must use the labels of one
  of its declarations (`Baken.analyze(text:language:)`, a record's `init`, a case's values);
- a member of a variable or property declared with a `Baken.T` type (`journal.unlock(passcode:)`);
- a free function call: it must be declared in the app, or be one of the few Swift ones below, so
  an unqualified call into Baken (or into nothing) is reported;
- a type conforming to a Baken protocol must implement every requirement with its labels.
"""

from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter_swift
from tree_sitter import Language, Node, Parser

PARSER = Parser(Language(tree_sitter_swift.language()))
MODULE = "Baken"
# Free functions of the Swift standard library and SwiftUI that the app may call unqualified.
SWIFT_FREE_FUNCTIONS = {"min", "max", "abs", "zip", "stride", "withAnimation", "type", "defer"}


# Valid Swift the grammar does not read, both in uniffi's internal helpers: an attribute and a
# closure returning `()`. Blanked before parsing, keeping the length so lines stay where they are.
GRAMMAR_GAPS = {b"@_documentation(visibility: private)": b" " * 36, b"{ () }": b"{    }"}


def parse(path: Path):
    source = path.read_bytes()
    for gap, filler in GRAMMAR_GAPS.items():
        source = source.replace(gap, filler)
    return PARSER.parse(source)


def syntax_errors(path: Path) -> list[str]:
    """`file:line: syntax error` for every ERROR or MISSING node."""
    problems = []

    def walk(node: Node):
        if node.type == "ERROR" or node.is_missing:
            problems.append(f"{path}:{node.start_point[0] + 1}: syntax error near {node.text.decode(errors='replace')[:40]!r}")
            return
        for child in node.children:
            walk(child)

    walk(parse(path).root_node)
    return problems


def text(node: Node) -> str:
    """A node's source; an identifier in backticks (`` `open` ``) without them."""
    return node.text.decode().strip("`")


def named(node: Node, kind: str) -> list[Node]:
    return [c for c in node.named_children if c.type == kind]


def parameter_labels(declaration: Node) -> list[tuple[str, bool]]:
    """(external label, has a default value) for each parameter of a function or init."""
    labels = []
    children = declaration.named_children
    for i, child in enumerate(children):
        if child.type != "parameter":
            continue
        names = named(child, "simple_identifier")
        defaulted = i + 1 < len(children) and children[i + 1].type not in ("parameter", "throws", "function_body", "user_type")
        labels.append((text(names[0]), defaulted and children[i + 1].type.endswith("literal")))
    return labels


def case_labels(entry_parameters: Node) -> list[tuple[str, bool]]:
    """Labels of an enum case's associated values: `_` where a value has none."""
    labels, pending = [], None
    # uniffi writes each value's doc comment inside the parentheses: it is no value.
    for child in (c for c in entry_parameters.named_children if "comment" not in c.type):
        if child.type == "simple_identifier":
            pending = text(child)
        else:
            labels.append((pending or "_", False))
            pending = None
    return labels


@dataclass
class Type:
    kind: str
    members: dict[str, list[list[tuple[str, bool]]]] = field(default_factory=dict)
    inits: list[list[tuple[str, bool]]] = field(default_factory=list)
    requirements: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)


@dataclass
class Api:
    functions: dict[str, list[list[tuple[str, bool]]]] = field(default_factory=dict)
    types: dict[str, Type] = field(default_factory=dict)


def is_public(node: Node) -> bool:
    modifiers = named(node, "modifiers")
    return bool(modifiers) and any(w in text(modifiers[0]).split() for w in ("public", "open"))


def declared_name(node: Node) -> str | None:
    for child in node.named_children:
        if child.type in ("type_identifier", "simple_identifier"):
            return text(child)
        if child.type == "user_type":  # an extension
            return text(child.named_children[-1])
    return None


def type_kind(node: Node) -> str:
    return next((text(c) for c in node.children if text(c) in ("class", "struct", "enum", "extension", "actor")), "class")


def read_type_body(body: Node, into: Type, members_public: bool):
    for member in body.named_children:
        if member.type == "enum_entry":
            values = named(member, "enum_type_parameters")
            for name in named(member, "simple_identifier"):
                into.members.setdefault(text(name), []).append(case_labels(values[0]) if values else [])
        elif member.type == "protocol_function_declaration":
            into.requirements[declared_name(member)] = parameter_labels(member)
            into.members.setdefault(declared_name(member), []).append(parameter_labels(member))
        elif members_public and not is_public(member):
            continue
        elif member.type == "function_declaration":
            into.members.setdefault(declared_name(member), []).append(parameter_labels(member))
        elif member.type == "init_declaration":
            into.inits.append(parameter_labels(member))
        elif member.type in ("property_declaration", "protocol_property_declaration"):
            for pattern in named(member, "pattern"):
                into.members.setdefault(text(pattern), []).append([])


def bindings_api(path: Path) -> Api:
    """The public functions and types of a generated `Baken.swift`, with members and labels."""
    api = Api()
    for node in parse(path).root_node.named_children:
        if node.type == "function_declaration" and is_public(node):
            api.functions.setdefault(declared_name(node), []).append(parameter_labels(node))
        elif node.type in ("class_declaration", "protocol_declaration"):
            kind = "protocol" if node.type == "protocol_declaration" else type_kind(node)
            if kind != "extension" and not is_public(node):
                continue
            name = declared_name(node)
            known = api.types.setdefault(name, Type(kind))
            if kind != "extension":
                known.kind = kind
            for body in node.named_children:
                if body.type in ("class_body", "enum_class_body", "protocol_body"):
                    read_type_body(body, known, members_public=kind not in ("protocol",) and body.type != "enum_class_body")
    api.types = {n: t for n, t in api.types.items() if t.kind != "extension"}
    return api


def call_labels(call: Node) -> list[str] | None:
    """The labels of a call's arguments in parentheses (`_` for none); trailing closures left out."""
    suffix = named(call, "call_suffix")
    if not suffix:
        return None
    arguments = named(suffix[0], "value_arguments")
    if not arguments:
        return []
    labels = []
    for argument in named(arguments[0], "value_argument"):
        label = named(argument, "value_argument_label")
        labels.append(text(label[0]) if label else "_")
    return labels


def labels_match(given: list[str], declared: list[tuple[str, bool]]) -> bool:
    """Whether the call's labels fit the declaration, defaulted parameters being optional."""
    if not declared:
        return not given
    (label, defaulted), rest = declared[0], declared[1:]
    if given and given[0] == label and labels_match(given[1:], rest):
        return True
    return defaulted and labels_match(given, rest)


def shown(variants: list[list[tuple[str, bool]]]) -> str:
    return " or ".join("(" + "".join(f"{label}:" for label, _ in v) + ")" for v in variants) or "()"


class Checker:
    """Checks the app's files against one `Api`; `problems` lists what does not fit."""

    def __init__(self, api: Api, files: list[Path]):
        self.api = api
        self.files = files
        self.problems: list[str] = []
        trees = {f: parse(f) for f in files}
        # Functions, and properties that can be called (`dismiss()`, `openURL(url)`).
        self.app_functions = {declared_name(n) for t in trees.values() for n in walk(t.root_node) if n.type == "function_declaration"}
        self.app_functions |= {text(p) for t in trees.values() for n in walk(t.root_node) if n.type == "property_declaration" for p in named(n, "pattern")}
        for path, tree in trees.items():
            self.path = path
            self.typed = typed_names(tree.root_node)
            for node in walk(tree.root_node):
                self.visit(node)

    def report(self, node: Node, message: str):
        self.problems.append(f"{self.path}:{node.start_point[0] + 1}: {message}")

    def visit(self, node: Node):
        if node.type == "navigation_expression":
            self.navigation(node)
        elif node.type == "user_type" and text(node.named_children[0]) == MODULE:
            self.qualified_type(node)
        elif node.type == "call_expression" and node.named_children[0].type == "simple_identifier":
            self.free_call(node)
        elif node.type == "class_declaration":
            self.conformance(node)

    def navigation(self, node: Node):
        target, suffix = node.named_children[0], node.named_children[-1]
        member = text(named(suffix, "simple_identifier")[0]) if named(suffix, "simple_identifier") else None
        call = node.parent if node.parent.type == "call_expression" and node.parent.named_children[0] == node else None
        if target.type == "simple_identifier" and text(target) == MODULE:
            if member in self.api.functions:
                self.check_call(node, call, f"{MODULE}.{member}", self.api.functions[member])
            elif member in self.api.types:
                if call:
                    self.check_call(node, call, f"{MODULE}.{member}", self.api.types[member].inits)
            else:
                self.report(node, f"{MODULE}.{member} does not exist in the generated bindings")
        elif target.type == "navigation_expression" and text(target.named_children[0]) == MODULE:
            type_name = text(target.named_children[-1]).lstrip(".")
            self.member(node, call, type_name, member)
        elif target.type == "simple_identifier" and text(target) in self.typed:
            self.member(node, call, self.typed[text(target)], member)

    def member(self, node: Node, call: Node | None, type_name: str, member: str | None):
        known = self.api.types.get(type_name)
        if known is None:
            return  # reported where the type itself is named
        if member not in known.members:
            self.report(node, f"{MODULE}.{type_name} has no member or case {member!r}")
        elif call:
            self.check_call(node, call, f"{MODULE}.{type_name}.{member}", known.members[member])

    def check_call(self, node: Node, call: Node | None, name: str, variants: list[list[tuple[str, bool]]]):
        if call is None:
            return
        given = call_labels(call)
        if given is not None and not any(labels_match(given, v) for v in variants):
            self.report(node, f"{name} called with labels ({''.join(l + ':' for l in given)}); the bindings declare {shown(variants)}")

    def qualified_type(self, node: Node):
        parts = [text(c) for c in named(node, "type_identifier")]
        if len(parts) < 2 or parts[1] not in self.api.types:
            self.report(node, f"{'.'.join(parts)} is not a type in the generated bindings")
            return
        sibling = node.next_named_sibling
        if node.parent.type == "pattern" and sibling is not None and sibling.type == "simple_identifier" and text(sibling) not in self.api.types[parts[1]].members:
            self.report(sibling, f"{MODULE}.{parts[1]} has no case {text(sibling)!r}")

    def free_call(self, node: Node):
        name = text(node.named_children[0])
        arguments = named(named(node, "call_suffix")[0], "value_arguments") if named(node, "call_suffix") else []
        if arguments and text(arguments[0]).startswith("["):
            return  # a subscript
        if not name[0].islower() or name in self.app_functions or name in SWIFT_FREE_FUNCTIONS:
            return
        hint = f"; write {MODULE}.{name}" if name in self.api.functions else ", nor does Baken.swift"
        self.report(node, f"calls {name}(), which the app does not declare{hint}")

    def conformance(self, node: Node):
        for inherited in named(node, "inheritance_specifier"):
            parts = [text(c) for c in walk(inherited) if c.type == "type_identifier"]
            protocol = self.api.types.get(parts[-1]) if parts[0] == MODULE else None
            if protocol is None or protocol.kind != "protocol":
                continue
            body = named(node, "class_body")
            declared = {(declared_name(f), tuple(parameter_labels(f))) for f in (named(body[0], "function_declaration") if body else [])}
            for requirement, labels in protocol.requirements.items():
                if (requirement, tuple(labels)) not in declared:
                    self.report(node, f"{declared_name(node)} conforms to {MODULE}.{parts[-1]} but lacks {requirement}{shown([labels])}")


def walk(node: Node):
    yield node
    for child in node.children:
        yield from walk(child)


def typed_names(root: Node) -> dict[str, str]:
    """Variables, properties and parameters declared with a `Baken.T` type (optional or not)."""
    typed = {}
    for node in walk(root):
        if node.type == "property_declaration":
            names, annotation = named(node, "pattern"), named(node, "type_annotation")
            if names and annotation:
                bound = baken_type(annotation[0])
                if bound:
                    typed[text(names[0])] = bound
        elif node.type == "parameter":
            names = named(node, "simple_identifier")
            bound = baken_type(node)
            if names and bound:
                typed[text(names[-1])] = bound
    return typed


def baken_type(node: Node) -> str | None:
    """`T` when `node` states the type `Baken.T` or `Baken.T?` (not an array or a closure)."""
    for child in node.named_children:
        if child.type == "optional_type":
            return baken_type(child)
        if child.type == "user_type":
            parts = [text(c) for c in named(child, "type_identifier")]
            return parts[1] if len(parts) == 2 and parts[0] == MODULE else None
    return None


def check(bindings: Path, files: list[Path]) -> list[str]:
    """Every problem: syntax errors in the bindings or the app, then uses that do not fit."""
    problems = [p for f in [bindings, *files] for p in syntax_errors(f)]
    return problems + Checker(bindings_api(bindings), files).problems
