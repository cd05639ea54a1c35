//! Runs the real `baken` binary as a person or a script would: arguments, and text on stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `baken ARGS` with `stdin` as its standard input and returns what it printed and its status.
pub fn baken(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_baken")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("baken runs");
    child.stdin.take().expect("piped").write_all(stdin).expect("stdin is open");
    child.wait_with_output().expect("baken finishes")
}
