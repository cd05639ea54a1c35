#!/usr/bin/env python3
"""Baken's three proofs that it never goes online. Each exits 1 and names the violation.

  check.py deps [TREE_FILE]   no networking crate in the dependency tree of baken-core and baken-ffi
                              (TREE_FILE: output of `cargo tree --prefix none -f '{p} {f}'`;
                              without it, cargo tree is run on the workspace)
  check.py imports LIBRARY    the shared library imports no networking function
  check.py sockets LOG...     strace logs (strace -f -e trace=socket) show no AF_INET/AF_INET6 socket
"""
import re
import subprocess
import sys

# Crates whose purpose is talking to a network. Matching is on the exact crate name.
DENIED_CRATES = {
    "reqwest", "hyper", "hyper-util", "h2", "h3", "quinn", "ureq", "curl", "curl-sys", "isahc",
    "surf", "async-std", "async-net", "mio", "socket2", "openssl", "openssl-sys", "native-tls",
    "rustls", "tokio-rustls", "tokio-native-tls", "attohttpc", "minreq", "http-req", "awc",
    "actix-web", "actix-http", "tungstenite", "tokio-tungstenite", "websocket", "tonic", "warp",
    "axum", "trust-dns-resolver", "hickory-resolver", "libp2p", "smoltcp", "sentry",
    "opentelemetry-otlp", "lettre", "ssh2", "libssh2-sys", "zmq", "nng", "paho-mqtt", "rumqttc",
}
# Crates allowed only without the features that open sockets.
DENIED_FEATURES = {"tokio": {"net", "full"}, "async-io": {"net"}, "uniffi": {"bindgen-tests"}}

DENIED_SYMBOLS = re.compile(r"^(socket|connect|getaddrinfo|gethostbyname\w*|gethostbyaddr\w*|sendto|sendmsg|sendmmsg)$")


def deps(tree_text):
    problems = []
    for line in tree_text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name = parts[0]
        features = set(parts[-1].split(",")) if len(parts) > 2 and not parts[-1].startswith("(") else set()
        if name in DENIED_CRATES:
            problems.append(f"networking crate {name} {parts[1]}")
        bad = features & DENIED_FEATURES.get(name, set())
        if bad:
            problems.append(f"crate {name} with networking feature(s) {', '.join(sorted(bad))}")
    return sorted(set(problems))


def cargo_tree():
    command = ["cargo", "tree", "-p", "baken-core", "-p", "baken-ffi", "-e", "normal,build",
               "--prefix", "none", "-f", "{p} {f}"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def imports(library):
    out = subprocess.run(["nm", "-D", "--undefined-only", library], check=True, capture_output=True, text=True).stdout
    symbols = {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}
    return sorted(f"imports {s}" for s in symbols if DENIED_SYMBOLS.match(s))


def sockets(logs):
    problems = []
    for log in logs:
        with open(log, errors="replace") as f:
            for line in f:
                if "socket(" in line and re.search(r"socket\((AF|PF)_INET6?\b", line):
                    problems.append(f"{log}: {line.strip()}")
    return problems


def main(argv):
    if len(argv) < 2 or argv[1] not in ("deps", "imports", "sockets"):
        print(__doc__, file=sys.stderr)
        return 2
    what, args = argv[1], argv[2:]
    if what == "deps":
        problems = deps(open(args[0]).read() if args else cargo_tree())
    elif what == "imports":
        problems = imports(args[0])
    else:
        problems = sockets(args)
    for p in problems:
        print(f"privacy violation ({what}): {p}")
    print(f"privacy {what}: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
