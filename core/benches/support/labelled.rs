//! The labelled message sets of `tests/fixtures/`, for benches.

/// The labelled messages of `files` in `tests/fixtures/`: each text on one line, and whether it
/// is harmful.
pub fn labelled(files: &[&str]) -> Vec<(String, bool)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    files
        .iter()
        .flat_map(|name| std::fs::read_to_string(format!("{dir}{name}")).unwrap_or_else(|e| panic!("{name}: {e}")).lines().map(str::to_owned).collect::<Vec<_>>())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(&line).expect("a labelled line");
            (v["text"].as_str().unwrap_or_default().replace('\n', " "), v["kind"] == "harmful")
        })
        .collect()
}
