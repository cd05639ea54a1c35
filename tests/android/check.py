#!/usr/bin/env python3
"""Checks android-demo without the Android SDK: the manifest and backup rules, the Gradle and R8
files, FLAG_SECURE and quick exit in the sources, the strings in English and Dutch, that every Kotlin file parses (tree-sitter's
Kotlin grammar), that the presenters import nothing of Android, and that every use of `nl.baken`
names a function, type or member that the generated bindings have, with that arity.

Usage: check.py ANDROID_DEMO_DIR BINDINGS_KT. Prints each problem as `file:line: message`; exit 1
when there is one.
"""

import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
import tree_sitter_kotlin

ANDROID = "{http://schemas.android.com/apk/res/android}"
TOOLS = "{http://schemas.android.com/tools}"
NETWORK_PERMISSIONS = {"android.permission.INTERNET", "android.permission.ACCESS_NETWORK_STATE",
                       "android.permission.ACCESS_WIFI_STATE", "android.permission.CHANGE_NETWORK_STATE"}
MUST_REMOVE = {"android.permission.INTERNET", "android.permission.ACCESS_NETWORK_STATE"}
BACKUP_DOMAINS = {"root", "file", "database", "sharedpref", "external"}
# Dependency groups known to add no network permission to the merged manifest.
ALLOWED_GROUPS = ("androidx.", "org.jetbrains.kotlin", "net.java.dev.jna", "org.commonmark")
ACTIVITY_BASES = {"Activity", "ComponentActivity", "FragmentActivity", "AppCompatActivity"}
# Compose calls that open a window of their own, which FLAG_SECURE on the activity does not cover.
WINDOW_CALLS = {"Dialog", "AlertDialog", "BasicAlertDialog", "DatePickerDialog", "Popup", "ModalBottomSheet", "DropdownMenu"}
# Members every Kotlin class, data class or enum has without the bindings declaring them.
IMPLICIT_MEMBERS = {"toString", "equals", "hashCode", "copy", "name", "ordinal", "entries", "values", "valueOf", "message", "cause"}

KOTLIN = tree_sitter.Language(tree_sitter_kotlin.language())


def parse(source: bytes) -> tree_sitter.Tree:
    return tree_sitter.Parser(KOTLIN).parse(source)


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def text(node) -> str:
    return node.text.decode()


def name_of(node) -> str:
    return text(node).strip("`")


def line(node) -> int:
    return node.start_point[0] + 1


# --- the generated bindings' API ------------------------------------------------------------

@dataclass
class Signature:
    params: list[str]
    required: int


@dataclass
class Type:
    name: str
    kind: str  # "class", "interface", "enum", "object", "alias"
    constructors: list[Signature] = field(default_factory=list)
    methods: dict[str, list[Signature]] = field(default_factory=dict)
    properties: set[str] = field(default_factory=set)
    statics: dict[str, list[Signature]] = field(default_factory=dict)
    nested: dict[str, "Type"] = field(default_factory=dict)
    entries: set[str] = field(default_factory=set)
    supertypes: list[str] = field(default_factory=list)


@dataclass
class Api:
    functions: dict[str, list[Signature]] = field(default_factory=dict)
    types: dict[str, Type] = field(default_factory=dict)

    def names(self) -> set[str]:
        return set(self.functions) | set(self.types)


def is_public(node) -> bool:
    mods = next((c for c in node.children if c.type == "modifiers"), None)
    return mods is None or not re.search(r"\b(private|internal|protected)\b", text(mods))


def signature(params_node) -> Signature:
    """Parameters of a function (`function_value_parameters`) or class (`class_parameters`)."""
    names, required = [], 0
    kids = list(params_node.children)
    for i, c in enumerate(kids):
        if c.type == "parameter":
            names.append(name_of(c.child(0)))
            if not (i + 1 < len(kids) and kids[i + 1].type == "="):
                required += 1
        elif c.type == "class_parameter":
            ident = next(x for x in c.children if x.type == "identifier")
            names.append(name_of(ident))
            if not any(x.type == "=" for x in c.children):
                required += 1
    return Signature(names, required)


def read_type(node) -> Type:
    kind = "class"
    keyword = " ".join(text(c) for c in node.children if c.type in ("interface", "enum", "class", "fun"))
    mods = next((c for c in node.children if c.type == "modifiers"), None)
    if node.type == "object_declaration":
        kind = "object"
    elif "interface" in keyword:
        kind = "interface"
    elif mods is not None and "enum" in text(mods) or any(c.type == "enum_class_body" for c in node.children):
        kind = "enum"
    t = Type(name_of(node.child_by_field_name("name")), kind)
    for c in node.children:
        if c.type == "primary_constructor":
            params = next((x for x in c.children if x.type == "class_parameters"), None)
            t.constructors.append(signature(params) if params else Signature([], 0))
            if params:
                t.properties |= {n for n in signature(params).params}
        elif c.type == "delegation_specifiers":
            t.supertypes = [name_of(u.child(0)) for u in walk(c) if u.type == "user_type"]
        elif c.type in ("class_body", "enum_class_body"):
            read_body(c, t)
    if t.kind == "class" and not t.constructors:
        t.constructors.append(Signature([], 0))
    return t


def read_body(body, t: Type):
    for c in body.children:
        if c.type == "enum_entry":
            t.entries.add(name_of(c.child(0)))
        elif c.type == "function_declaration" and is_public(c):
            params = next(x for x in c.children if x.type == "function_value_parameters")
            t.methods.setdefault(name_of(c.child_by_field_name("name")), []).append(signature(params))
        elif c.type == "property_declaration" and is_public(c):
            for v in walk(c):
                if v.type == "variable_declaration":
                    t.properties.add(name_of(v.child(0)))
        elif c.type == "secondary_constructor" and is_public(c):
            t.constructors.append(signature(next(x for x in c.children if x.type == "function_value_parameters")))
        elif c.type == "companion_object":
            companion = Type("Companion", "object")
            for b in c.children:
                if b.type == "class_body":
                    read_body(b, companion)
            t.statics.update(companion.methods)
        elif c.type in ("class_declaration", "object_declaration") and is_public(c):
            nested = read_type(c)
            t.nested[nested.name] = nested


def read_api(source: bytes) -> tuple[Api, list[str]]:
    # uniffi writes `*/override fun` with no space after a doc comment; the grammar then loses
    # track of the rest of the file. A line break there changes nothing else.
    tree = parse(re.sub(rb"\*/(?=\S)", b"*/\n", source))
    api = Api()
    errors = [f"bindings:{line(n)}: does not parse" for n in walk(tree.root_node) if n.type == "ERROR"][:3]
    for c in tree.root_node.children:
        if not is_public(c):
            continue
        if c.type == "function_declaration":
            params = next(x for x in c.children if x.type == "function_value_parameters")
            api.functions.setdefault(name_of(c.child_by_field_name("name")), []).append(signature(params))
        elif c.type in ("class_declaration", "object_declaration"):
            t = read_type(c)
            api.types[t.name] = t
        elif c.type == "type_alias":
            ident = next(x for x in c.children if x.type in ("identifier", "type_identifier"))
            api.types[name_of(ident)] = Type(name_of(ident), "alias")
    # Interfaces' methods count as the implementing class's (`Journal : JournalInterface`).
    for t in api.types.values():
        for s in t.supertypes:
            for name, sigs in getattr(api.types.get(s), "methods", {}).items():
                t.methods.setdefault(name, sigs)
    return api, errors


# --- the app's use of it --------------------------------------------------------------------

def fits(sigs: list[Signature], count: int, named: list[str]) -> bool:
    return any(s.required <= count <= len(s.params) and all(n in s.params for n in named) for s in sigs)


def arguments(call) -> tuple[int | None, list[str]]:
    """The number of arguments of a call (a trailing lambda counts), and the names of named ones;
    None when a spread makes the count unknown."""
    count, named = 0, []
    for c in call.children:
        if c.type == "value_arguments":
            for a in c.children:
                if a.type == "value_argument":
                    if any(x.type == "*" for x in a.children):
                        return None, named
                    if len(a.children) >= 3 and a.children[1].type == "=":
                        named.append(name_of(a.children[0]))
                    count += 1
        elif c.type in ("annotated_lambda", "lambda_literal"):
            count += 1
    return count, named


class FileCheck:
    def __init__(self, path: str, tree, api: Api, app_names: set[str]):
        self.path, self.api, self.problems = path, api, []
        self.checked = 0  # uses of nl.baken matched with the bindings
        self.visible: dict[str, str] = {}  # local name -> bindings name
        root = tree.root_node
        for imp in (n for n in root.children if n.type == "import"):
            parts = [name_of(i) for i in walk(imp) if i.type == "identifier"]
            if parts[:2] != ["nl", "baken"] or (len(parts) > 2 and parts[2] == "demo"):
                continue
            wildcard = text(imp).rstrip().endswith("*")
            if wildcard and len(parts) == 2:
                self.visible.update({n: n for n in api.names() if n not in app_names})
            elif len(parts) >= 3:
                target = parts[2]
                alias = parts[3] if len(parts) > 3 and " as " in text(imp) else target
                if target not in api.names():
                    self.problem(imp, f"nl.baken has no {target}")
                else:
                    self.visible[alias] = target
        self.typed = self.typed_names(root)

    def problem(self, node, message: str):
        self.problems.append(f"{self.path}:{line(node)}: {message}")

    def typed_names(self, root) -> dict[str, Type]:
        """Names declared with a bindings type in this file: parameters, lambda parameters and
        properties (`journal: Journal?`, `{ j: Journal -> }`), and `val j = journal ?: …` of one.
        A name declared with two different types is left out."""
        seen: dict[str, set[str]] = {}
        copies: list[tuple[str, str]] = []
        for n in walk(root):
            if n.type in ("parameter", "class_parameter", "variable_declaration") and n.child_count and n.child(0).type == "identifier":
                declared = next((x for x in n.children if x.type in ("user_type", "nullable_type")), None)
                user = declared if declared is None or declared.type == "user_type" else next((x for x in declared.children if x.type == "user_type"), None)
                if user is not None:
                    seen.setdefault(name_of(n.child(0)), set()).add(self.visible.get(name_of(user.child(0)), ""))
                elif n.type == "variable_declaration" and n.parent.type == "property_declaration":
                    value = n.next_named_sibling
                    elvis = value is not None and value.type == "binary_expression" and any(c.type == "?:" for c in value.children)
                    source = value.child(0) if elvis else value
                    if source is not None and source.type == "identifier":
                        copies.append((name_of(n.child(0)), name_of(source)))
                    else:
                        seen.setdefault(name_of(n.child(0)), set()).add("")
        for name, source in copies:
            seen.setdefault(name, set()).update(seen.get(source, {""}))
        return {n: self.api.types[next(iter(k))] for n, k in seen.items() if len(k) == 1 and next(iter(k)) in self.api.types}

    def check(self, root):
        for n in walk(root):
            if n.type == "call_expression":
                self.call(n)
            elif n.type == "navigation_expression" and n.parent.type != "call_expression":
                self.member(n)
            elif n.type == "user_type":
                self.type_ref(n)
            elif n.type == "class_declaration":
                self.implementation(n)

    def call(self, call):
        callee = call.child(0)
        count, named = arguments(call)
        if callee.type == "identifier":
            target = self.visible.get(name_of(callee))
            if target in self.api.functions:
                self.arity(call, target, self.api.functions[target], count, named)
            elif target in self.api.types:
                self.arity(call, target, self.api.types[target].constructors, count, named)
        elif callee.type == "navigation_expression":
            parts = [c for c in callee.children if c.is_named]
            receiver, member = parts[0], name_of(parts[-1])
            if text(receiver) == "nl.baken":
                if member in self.api.functions:
                    self.arity(call, member, self.api.functions[member], count, named)
                elif member not in self.api.types:
                    self.problem(call, f"nl.baken has no {member}")
                return
            if receiver.type != "identifier":
                return
            owner = self.visible.get(name_of(receiver))
            if owner in self.api.types:
                t = self.api.types[owner]
                if member in t.statics:
                    self.arity(call, f"{owner}.{member}", t.statics[member], count, named)
                elif member in t.nested:
                    self.arity(call, f"{owner}.{member}", t.nested[member].constructors, count, named)
                elif member not in IMPLICIT_MEMBERS:
                    self.problem(call, f"nl.baken.{owner} has no {member}")
            elif name_of(receiver) in self.typed:
                t = self.typed[name_of(receiver)]
                if member in t.methods:
                    self.arity(call, f"{t.name}.{member}", t.methods[member], count, named)
                elif member not in IMPLICIT_MEMBERS and member not in t.properties and member not in {"destroy", "close", "let", "also", "apply", "run", "takeIf"}:
                    self.problem(call, f"nl.baken.{t.name} has no method {member}")

    def member(self, nav):
        parts = [c for c in nav.children if c.is_named]
        if len(parts) != 2 or parts[0].type != "identifier" or parts[1].type != "identifier":
            return
        owner, member = self.visible.get(name_of(parts[0])), name_of(parts[1])
        if owner in self.api.types:
            t = self.api.types[owner]
            self.checked += 1
            if member not in t.entries | set(t.nested) | set(t.statics) | t.properties | IMPLICIT_MEMBERS:
                self.problem(nav, f"nl.baken.{owner} has no {member}")
        elif name_of(parts[0]) in self.typed:
            t = self.typed[name_of(parts[0])]
            self.checked += 1
            if member not in t.properties | set(t.methods) | IMPLICIT_MEMBERS:
                self.problem(nav, f"nl.baken.{t.name} has no property {member}")

    def type_ref(self, user):
        ids = [name_of(c) for c in user.children if c.type == "identifier"]
        owner = self.visible.get(ids[0]) if ids else None
        if owner in self.api.types and len(ids) > 1 and ids[1] not in self.api.types[owner].nested:
            self.problem(user, f"nl.baken.{owner} has no type {ids[1]}")

    def implementation(self, cls):
        """A class implementing a bindings interface overrides only its methods, with their arity."""
        specs = next((c for c in cls.children if c.type == "delegation_specifiers"), None)
        bases = [self.visible.get(name_of(u.child(0))) for u in walk(specs) if u.type == "user_type"] if specs else []
        interfaces = [self.api.types[b] for b in bases if b in self.api.types and self.api.types[b].kind == "interface"]
        body = next((c for c in cls.children if c.type == "class_body"), None)
        if not interfaces or body is None:
            return
        for fn in (c for c in body.children if c.type == "function_declaration"):
            mods = next((c for c in fn.children if c.type == "modifiers"), None)
            if mods is None or "override" not in text(mods):
                continue
            name = name_of(fn.child_by_field_name("name"))
            count = len(signature(next(x for x in fn.children if x.type == "function_value_parameters")).params)
            if not any(fits(i.methods.get(name, []), count, []) for i in interfaces):
                self.problem(fn, f"{' / '.join(i.name for i in interfaces)} has no method {name} with {count} parameters")

    def arity(self, node, name: str, sigs: list[Signature], count, named):
        self.checked += 1
        if count is not None and not fits(sigs, count, named):
            wanted = " or ".join(f"{s.required}..{len(s.params)}" if s.required != len(s.params) else str(s.required) for s in sigs)
            extra = f" (named {', '.join(named)})" if named else ""
            self.problem(node, f"nl.baken.{name} takes {wanted} arguments, not {count}{extra}")


# --- the Android rules ------------------------------------------------------------------------

class AppCheck:
    def __init__(self, demo: Path, bindings: Path):
        self.demo, self.bindings, self.problems = demo, bindings, []
        self.app = demo / "app"
        self.main = self.app / "src" / "main"

    def problem(self, path: Path | str, message: str, lineno: int | None = None):
        where = str(path.relative_to(self.demo)) if isinstance(path, Path) and path.is_relative_to(self.demo) else str(path)
        self.problems.append(f"{where}{f':{lineno}' if lineno else ''}: {message}")

    def run(self) -> list[str]:
        self.manifest()
        self.gradle()
        self.sources()
        self.strings()
        return self.problems

    def strings(self):
        """Every string the app uses is there in English and in Dutch, and the two list the same."""
        res = self.main / "res"
        names = {lang: {e.get("name") for e in ET.parse(res / folder / "strings.xml").getroot()} for lang, folder in (("en", "values"), ("nl", "values-nl"))}
        sources = "".join(p.read_text() for p in (self.main / "java").rglob("*.kt")) + (self.main / "AndroidManifest.xml").read_text()
        used = set(re.findall(r"R\.string\.(\w+)", sources)) | set(re.findall(r"@string/(\w+)", sources))
        for lang, have in names.items():
            for name in sorted(used - have):
                self.problem(res, f"string {name} is used but missing in {lang}")
        for name in sorted(names["en"] ^ names["nl"]):
            self.problem(res, f"string {name} is in one language only")

    def manifest(self):
        path = self.main / "AndroidManifest.xml"
        root = ET.parse(path).getroot()
        removed = set()
        for p in root.iter("uses-permission"):
            name = p.get(ANDROID + "name")
            if p.get(TOOLS + "node") == "remove":
                removed.add(name)
            elif name in NETWORK_PERMISSIONS:
                self.problem(path, f"asks for {name}: Baken never uses the network")
        for name in sorted(MUST_REMOVE - removed):
            self.problem(path, f'no <uses-permission android:name="{name}" tools:node="remove"/>: a library could add it')
        app = root.find("application")
        if app.get(ANDROID + "allowBackup") != "false":
            self.problem(path, 'android:allowBackup must be "false"')
        if app.get(ANDROID + "usesCleartextTraffic") is not None or app.get(ANDROID + "networkSecurityConfig") is not None:
            self.problem(path, "has a cleartext traffic or network security config: Baken has no network")
        for attribute, tag, sections in (("fullBackupContent", "full-backup-content", [None]),
                                         ("dataExtractionRules", "data-extraction-rules", ["cloud-backup", "device-transfer"])):
            self.backup_rules(path, app.get(ANDROID + attribute), attribute, tag, sections)
        launchers, disguises = 0, 0
        for component in app:
            exported = component.get(ANDROID + "exported")
            filters = component.findall("intent-filter")
            actions = {a.get(ANDROID + "name") for f in filters for a in f.findall("action")}
            categories = {c.get(ANDROID + "name") for f in filters for c in f.findall("category")}
            launcher = "android.intent.action.MAIN" in actions and "android.intent.category.LAUNCHER" in categories
            name = component.get(ANDROID + "name")
            if filters and exported is None:
                self.problem(path, f"{name} has an intent filter but does not say android:exported")
            if exported == "true" and not launcher:
                self.problem(path, f"{name} is exported but is not the launcher: only the launcher entry may be")
            if actions & {"android.intent.action.SEND", "android.intent.action.SEND_MULTIPLE"}:
                self.problem(path, f"{name} is a share target: it would show Baken in every share sheet")
            if component.tag == "activity-alias" and launcher:
                launchers += 1
                if component.get(ANDROID + "enabled") == "false" and component.get(ANDROID + "label") != app.get(ANDROID + "label"):
                    disguises += 1
        if not disguises:
            self.problem(path, "no disguise: a disabled launcher activity-alias with its own name and icon")
        if launchers < 2:
            self.problem(path, "the launcher entries must be activity-aliases (Baken and its disguise)")

    def backup_rules(self, manifest: Path, ref: str | None, attribute: str, tag: str, sections):
        if not ref or not ref.startswith("@xml/"):
            self.problem(manifest, f"android:{attribute} must name an @xml rules file")
            return
        path = self.main / "res" / "xml" / f"{ref[5:]}.xml"
        if not path.exists():
            self.problem(path, f"android:{attribute} names a missing file")
            return
        root = ET.parse(path).getroot()
        if root.tag != tag:
            self.problem(path, f"is not <{tag}>")
        for section in sections:
            node = root if section is None else root.find(section)
            if node is None:
                self.problem(path, f"has no <{section}>: it must exclude everything there")
                continue
            excluded = {e.get("domain") for e in node.findall("exclude") if e.get("path") == "."}
            if node.findall("include"):
                self.problem(path, f"includes files in {section or tag}")
            for domain in sorted(BACKUP_DOMAINS - excluded):
                self.problem(path, f"does not exclude the {domain} domain{f' from {section}' if section else ''}")

    def gradle(self):
        build = self.app / "build.gradle.kts"
        script = build.read_text()
        for key in ("minSdk", "targetSdk"):
            if not re.search(rf"^\s*{key}\s*=\s*\d+", script, re.M):
                self.problem(build, f"does not state {key}")
        if not re.search(r'"net\.java\.dev\.jna:jna:[^"]*@aar"', script):
            self.problem(build, "JNA must come as the Android @aar (net.java.dev.jna:jna:VERSION@aar)")
        groups = [m.group(1) for m in re.finditer(r'(?:implementation|api|runtimeOnly)\("([^":]+):', script)]
        catalog = self.demo / "gradle" / "libs.versions.toml"
        libraries = tomllib.loads(catalog.read_text()).get("libraries", {})
        groups += [lib.get("group") or lib.get("module", "").split(":")[0] for lib in libraries.values()]
        for group in groups:
            if not group.startswith(ALLOWED_GROUPS):
                self.problem(catalog, f"depends on {group}, which is not known to add no network permission")
        rules = self.app / "proguard-rules.pro"
        if "proguard-rules.pro" not in script:
            self.problem(build, "does not use proguard-rules.pro")
        kept = rules.read_text() if rules.exists() else ""
        for pattern in ("com.sun.jna.**", "nl.baken.**"):
            if not re.search(rf"^-keep class {re.escape(pattern)} \{{ \*; \}}", kept, re.M):
                self.problem(rules, f"no R8 keep rule for {pattern}")

    def sources(self):
        api, errors = read_api(self.bindings.read_bytes())
        self.problems += errors
        files = sorted((self.main / "java").rglob("*.kt"))
        trees = {}
        for path in files:
            tree = parse(path.read_bytes())
            trees[path] = tree
            broken = next((n for n in walk(tree.root_node) if n.type == "ERROR" or n.is_missing), None)
            if broken is not None:
                self.problem(path, "does not parse as Kotlin", line(broken))
        app_names = {name_of(n.child_by_field_name("name")) for t in trees.values() for n in walk(t.root_node)
                     if n.type in ("function_declaration", "class_declaration", "object_declaration") and n.child_by_field_name("name")}
        self.calls = 0
        for path, tree in trees.items():
            check = FileCheck(str(path.relative_to(self.demo)), tree, api, app_names)
            check.check(tree.root_node)
            self.problems += check.problems
            self.calls += check.checked
            self.android_rules(path, tree)
        screens = [p for p in files if "/ui/" in str(p)]
        if not any("fun ScreenFrame(" in p.read_text() for p in screens):
            self.problem(self.main / "java", "no ScreenFrame: every screen needs the quick-exit frame")

    def android_rules(self, path: Path, tree):
        if "/model/" in str(path):
            for imp in (n for n in tree.root_node.children if n.type == "import"):
                if re.match(r"import\s+(android|androidx)\.", text(imp)):
                    self.problem(path, f"presenters are plain Kotlin: {text(imp).strip()}", line(imp))
        for cls in (n for n in walk(tree.root_node) if n.type == "class_declaration"):
            specs = next((c for c in cls.children if c.type == "delegation_specifiers"), None)
            bases = {name_of(u.child(0)) for u in walk(specs) if u.type == "user_type"} if specs else set()
            if bases & ACTIVITY_BASES:
                on_create = next((f for f in walk(cls) if f.type == "function_declaration" and name_of(f.child_by_field_name("name")) == "onCreate"), None)
                body = text(on_create) if on_create else ""
                if not re.search(r"window\.(setFlags|addFlags)\([^)]*FLAG_SECURE", body):
                    self.problem(path, f"{name_of(cls.child_by_field_name('name'))} does not set FLAG_SECURE on its window in onCreate", line(cls))
        for call in (n for n in walk(tree.root_node) if n.type == "call_expression"):
            callee = call.child(0)
            if callee.type == "identifier" and text(callee) in WINDOW_CALLS and "SecureFlagPolicy.SecureOn" not in text(call):
                self.problem(path, f"{text(callee)} opens its own window: pass securePolicy = SecureFlagPolicy.SecureOn", line(call))
        for fn in (n for n in walk(tree.root_node) if n.type == "function_declaration"):
            name = name_of(fn.child_by_field_name("name"))
            if name.endswith("Screen") and "/ui/" in str(path) and "ScreenFrame(" not in text(fn):
                self.problem(path, f"{name} is not inside ScreenFrame (quick exit and the back rule)", line(fn))
            if name == "ScreenFrame" and not ("BackHandler(" in text(fn) and "onQuickExit" in text(fn)):
                self.problem(path, "ScreenFrame must show the quick-exit button and handle back", line(fn))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    check = AppCheck(Path(argv[1]).resolve(), Path(argv[2]).resolve())
    problems = check.run()
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"android-demo: manifest, backup rules, Gradle, R8 and sources fine; {check.calls} uses of nl.baken checked against the bindings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
