//! Embeds every file under `content/` into the library, so the app ships its content as data.
use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("content folder is readable").map(|e| e.expect("content entry is readable").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let rel = path.strip_prefix(root).expect("inside content").to_string_lossy().replace('\\', "/");
            out.push(format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string()));
        }
    }
}

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let code = format!("/// Every bundled content file: (path under `content/`, text).\npub static FILES: &[(&str, &str)] = &[\n{}];\n", files.concat());
    fs::write(Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("content_files.rs"), code).expect("OUT_DIR is writable");
}
