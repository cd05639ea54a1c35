"""Each privacy check must catch a planted violation, and pass a clean input."""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).parent
CHECK = [sys.executable, str(HERE / "check.py")]


def run(*args):
    return subprocess.run(CHECK + list(args), capture_output=True, text=True)


def test_deps_catches_a_networking_crate(tmp_path):
    tree = tmp_path / "tree.txt"
    tree.write_text("baken-core v0.1.0 (/x/core) \nserde v1.0.0 derive,std\nreqwest v0.12.0 default,json\n")
    result = run("deps", str(tree))
    assert result.returncode == 1
    assert "networking crate reqwest" in result.stdout


def test_deps_catches_tokio_with_net(tmp_path):
    tree = tmp_path / "tree.txt"
    tree.write_text("tokio v1.40.0 macros,net,rt\n")
    result = run("deps", str(tree))
    assert result.returncode == 1
    assert "tokio with networking feature(s) net" in result.stdout


def test_deps_passes_offline_crates(tmp_path):
    tree = tmp_path / "tree.txt"
    tree.write_text("tokio v1.40.0 rt,sync\nring v0.17.14 alloc,default\nrusqlite v0.43.0 bundled\n")
    assert run("deps", str(tree)).returncode == 0


def test_imports_catches_a_library_that_calls_socket(compile_library):
    so = compile_library(
        "#include <sys/socket.h>\n#include <netdb.h>\n"
        "int phone_home(void) { struct addrinfo *a; getaddrinfo(\"example.org\", \"80\", 0, &a);"
        " return socket(AF_INET, SOCK_STREAM, 0); }\n")
    result = run("imports", so)
    assert result.returncode == 1
    assert "imports socket" in result.stdout and "imports getaddrinfo" in result.stdout


def test_imports_passes_a_library_without_networking(compile_library):
    so = compile_library("#include <string.h>\nsize_t length(const char *s) { return strlen(s); }\n")
    assert run("imports", so).returncode == 0


def trace(tmp_path, code):
    log = tmp_path / "trace.log"
    subprocess.run(["strace", "-f", "-e", "trace=socket", "-o", str(log), sys.executable, "-c", code], check=True)
    return str(log)


def test_sockets_catches_a_process_that_opens_an_inet_socket(tmp_path):
    log = trace(tmp_path, "import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close()")
    result = run("sockets", log)
    assert result.returncode == 1
    assert "AF_INET6" in result.stdout


def test_sockets_passes_a_local_only_process(tmp_path):
    log = trace(tmp_path, "import socket; socket.socketpair()[0].close()")
    assert run("sockets", log).returncode == 0
