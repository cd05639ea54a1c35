//! For benches: the labelled message sets of `tests/fixtures/`, and a seeded random pick.

/// The labelled messages of `files` in `tests/fixtures/`: each text on one line, and whether it
/// is harmful.
pub fn labelled(files: &[&str]) -> Vec<(String, bool)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    files
        .iter()
        .flat_map(|name| {
            std::fs::read_to_string(format!("{dir}{name}")).unwrap_or_else(|e| panic!("{name}: {e}")).lines().map(str::to_owned).collect::<Vec<_>>()
        })
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(&line).expect("a labelled line");
            (v["text"].as_str().unwrap_or_default().replace('\n', " "), v["kind"] == "harmful")
        })
        .collect()
}

/// A picker of numbers below `n`, the same sequence for the same `seed` (xorshift).
pub fn picker(seed: u64) -> impl FnMut(usize) -> usize {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    }
}
