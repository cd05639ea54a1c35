#!/usr/bin/env python3
"""The module graph of a Rust crate has no cycles. Prints each cycle with the lines that make it; exits 1 if any.

  check.py [SRC_DIR]    the crate whose root is SRC_DIR/lib.rs (or main.rs); default core/src

A module is a file module (`x.rs` or `x/mod.rs`) or an inline `mod x { … }` (tests). Module A depends
on module B when A names an item of B: `use crate::…`, `use super::…`, `use self::…`, `use child::…`
and the same paths written in code. A path goes as deep as it names modules, then follows the `use`
that brought the item into that module, so a parent's re-export does not hide the module an item comes
from. Not dependencies: `mod x;` and a parent's `pub use` of its own descendants (the parent's API,
not its use), `pub(in path)`, comments, doc links and string literals, and other crates.
"""
import re
import sys
from collections import deque
from pathlib import Path

WORD = r"[A-Za-z_][A-Za-z0-9_]*"
ROOTS = ("crate", "$crate", "super", "self")
RAW = re.compile(r'b?r(#*)"')
CHAR = re.compile(r"'(\\.[^']*|[^\\'])'")


def blank(text):
    """`text` with comments, strings and char literals replaced by spaces (newlines kept, so lines still match)."""
    out = list(text)
    i, n = 0, len(text)

    def wipe(a, b):
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            wipe(i, end)
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            wipe(i, j)
            i = j
        elif c in "br" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and (m := RAW.match(text, i)):
            close = '"' + m.group(1)
            end = text.find(close, m.end())
            end = n if end < 0 else end + len(close)
            wipe(i, end)
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            wipe(i, j + 1)
            i = j + 1
        elif c == "'" and (m := CHAR.match(text, i)):
            wipe(i, m.end())
            i = m.end()
        else:
            i += 1
    return "".join(out)


def matching_brace(text, start):
    """The index just after the `}` that closes the `{` at `start`."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return len(text)


def use_leaves(tree):
    """The leaves of a use tree (`a::{b, c::d as e, self, *}`) as (segments, name it binds or None for `*`)."""
    tree = re.sub(r"\s+", "", re.sub(r"\s+as\s+", "@", tree))
    leaves = []

    def walk(prefix, part):
        brace = part.find("{")
        if brace >= 0:
            head = [s for s in part[:brace].split("::") if s]
            inner, items, depth, cur = part[brace + 1 : part.rindex("}")], [], 0, ""
            for ch in inner:
                if ch == "," and depth == 0:
                    items.append(cur)
                    cur = ""
                    continue
                depth += (ch == "{") - (ch == "}")
                cur += ch
            items.append(cur)
            for item in items:
                if item:
                    walk(prefix + head, item)
            return
        part, _, alias = part.partition("@")
        alias = alias or None
        segs = prefix + [s for s in part.split("::") if s]
        if segs and segs[-1] == "*":
            leaves.append((segs[:-1], None))
        elif segs and segs[-1] == "self":
            leaves.append((segs[:-1], alias or (segs[-2] if len(segs) > 1 else None)))
        elif segs:
            leaves.append((segs, alias or segs[-1]))

    walk([], tree)
    return leaves


class Module:
    def __init__(self, name, file, parent):
        self.name, self.file, self.parent = name, file, parent
        self.children = {}  # name -> Module
        self.uses = []  # (segments, bound name or None, is pub, line)
        self.paths = []  # (segments, line) written in code
        self.imports = {}  # bound name -> segments

    def descends_from(self, other):
        m = self
        while m is not None:
            if m is other:
                return True
            m = m.parent
        return False


def parse(src_dir):
    """All modules of the crate rooted at `src_dir`, root first."""
    src_dir = Path(src_dir)
    root_file = next((src_dir / f for f in ("lib.rs", "main.rs") if (src_dir / f).exists()), None)
    if root_file is None:
        raise SystemExit(f"no lib.rs or main.rs in {src_dir}")
    modules = []

    def load(name, file, parent, own_dir):
        text = blank(file.read_text(encoding="utf-8"))
        # `pub(in crate::x)` limits who sees an item; it names no item.
        text = re.sub(r"\bpub\s*\(\s*in\s+[^)]*\)", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        read_body(Module(name, file, parent), text, 0, len(text), own_dir)

    def read_body(module, text, start, end, own_dir):
        modules.append(module)
        if module.parent is not None:
            module.parent.children[module.name.rsplit("/", 1)[-1].rsplit("::", 1)[-1]] = module
        line_of = lambda k: text.count("\n", 0, k) + 1  # noqa: E731
        body = text[start:end]
        spans = []  # parts of body that belong to this module's uses or inline modules
        inside = lambda k: any(a <= k < b for a, b in spans)  # noqa: E731
        for m in re.finditer(rf"\bmod\s+({WORD})\s*([;{{])", body):
            if inside(m.start()):
                continue
            child = m.group(1)
            if m.group(2) == "{":
                open_at = start + m.end() - 1
                close_at = matching_brace(text, open_at)
                spans.append((m.start(), close_at - start))
                read_body(Module(f"{module.name}::{child}", module.file, module), text, open_at + 1, close_at - 1, None)
            elif own_dir is not None:
                for candidate in (own_dir / f"{child}.rs", own_dir / child / "mod.rs"):
                    if candidate.exists():
                        sub_name = child if module.parent is None else f"{module.name}/{child}"
                        load(sub_name, candidate, module, candidate.parent if candidate.name == "mod.rs" else own_dir / child)
                        break
                else:
                    raise SystemExit(f"{module.file}: mod {child}; has no file")
        for m in re.finditer(r"\b(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]*);", body):
            if inside(m.start()):
                continue
            spans.append((m.start(), m.end()))
            for segs, bound in use_leaves(m.group(2)):
                module.uses.append((segs, bound, bool(m.group(1)), line_of(start + m.start())))
                if bound:
                    module.imports[bound] = segs
        for m in re.finditer(rf"(?<![\w:])(\$?{WORD})((?:\s*::\s*{WORD})+)", body):
            if inside(m.start()):
                continue
            segs = [m.group(1)] + [s for s in re.split(r"\s*::\s*", m.group(2)) if s]
            module.paths.append((segs, line_of(start + m.start())))

    load("crate", root_file, None, src_dir)
    return modules


def resolve(module, segs, seen=None):
    """The module whose item `segs` (a path written in `module`) names, or None for other crates."""
    seen = seen or set()
    key = (id(module), tuple(segs))
    if key in seen or not segs:
        return None
    seen.add(key)
    head, rest = segs[0], list(segs[1:])
    if head in ("crate", "$crate"):
        here = module
        while here.parent is not None:
            here = here.parent
    elif head == "super":
        here = module.parent
        while rest and rest[0] == "super" and here is not None:
            here, rest = here.parent, rest[1:]
    elif head == "self":
        here = module
    elif head in module.children:
        here, rest = module.children[head], rest
    elif head in module.imports and module.imports[head] != segs:
        return resolve(module, module.imports[head] + rest, seen)
    else:
        return None
    if here is None:
        return None
    while rest and rest[0] in here.children:
        here, rest = here.children[rest[0]], rest[1:]
    if rest and rest[0] in here.imports:
        via = resolve(here, here.imports[rest[0]] + rest[1:], seen)
        if via is not None:
            return via
    return here


def edges(modules):
    """{(from, to): (file, line)} for every dependency between two different modules."""
    found = {}
    for module in modules:
        candidates = [(segs, line, is_pub) for segs, _, is_pub, line in module.uses]
        candidates += [(segs, line, False) for segs, line in module.paths if segs[0] in ROOTS or segs[0] in module.children]
        for segs, line, is_pub in candidates:
            target = resolve(module, segs)
            if target is None or target is module:
                continue
            if is_pub and target.descends_from(module):
                continue  # a re-export: the parent's API, not its use
            found.setdefault((module.name, target.name), (module.file, line))
    return found


def cycles(names, found):
    """The strongly connected components with more than one module, and a shortest cycle through each member."""
    graph = {n: sorted({b for a, b in found if a == n}) for n in names}
    index, low, stack, on_stack, components, counter = {}, {}, [], set(), [], [0]

    def connect(v):
        # Tarjan's algorithm, iterative so a deep graph cannot overflow Python's stack.
        work = [(v, iter(graph[v]))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    for n in names:
        if n not in index:
            connect(n)
    result = []
    for component in sorted(components):
        members, loops = set(component), []
        for start in component:
            previous, queue, last = {start: None}, deque([start]), None
            while last is None:
                node = queue.popleft()
                for b in graph[node]:
                    if b == start:
                        last = node
                        break
                    if b in members and b not in previous:
                        previous[b] = node
                        queue.append(b)
            path = []
            while last is not None:
                path.append(last)
                last = previous[last]
            path.reverse()
            first = path.index(min(path))
            rotated = tuple(path[first:] + path[:first])
            if rotated not in loops:
                loops.append(rotated)
        result.append((component, loops))
    return result


def main(argv):
    src = Path(argv[1] if len(argv) > 1 else "core/src")
    modules = parse(src)
    found = edges(modules)
    names = [m.name for m in modules]
    print(f"module graph of {src}: {len(names)} modules, {len(found)} dependencies")
    problems = cycles(names, found)
    for component, loops in problems:
        print(f"cycle among {len(component)} modules: {', '.join(component)}")
        for loop in loops:
            print("  " + " -> ".join(loop + (loop[0],)))
            for a, b in zip(loop, loop[1:] + (loop[0],)):
                file, line = found[(a, b)]
                print(f"    {a} -> {b}: {file}:{line}")
    if problems:
        print(f"{len(problems)} cycle(s): move what both sides need into a module below them")
        return 1
    print("no cycles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
