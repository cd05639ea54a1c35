//! Embeds every file under `content/` into the library, so the app ships its content as data: one
//! deflated blob (about a third of the text's size), inflated on first use by `content::files`.
use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut String) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("content folder is readable").map(|e| e.expect("content entry is readable").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let rel = path.strip_prefix(root).expect("inside content").to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(&path).expect("content files are UTF-8");
            assert!(!text.contains('\0') && !rel.contains('\0'), "{rel}: no NUL in content, it separates the files");
            for part in [rel.as_str(), text.as_str()] {
                out.push_str(part);
                out.push('\0');
            }
        }
    }
}

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut all = String::new();
    collect(&root, &root, &mut all);
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).to_path_buf();
    let packed = out.join("content.deflate");
    fs::write(&packed, miniz_oxide::deflate::compress_to_vec(all.as_bytes(), 10)).expect("OUT_DIR is writable");
    let code = format!(
        "/// Every bundled content file, as `path NUL text NUL` in path order, deflated.\nstatic PACKED: &[u8] = include_bytes!({:?});\n/// Its length inflated.\nconst UNPACKED_LEN: usize = {};\n",
        packed.display().to_string(),
        all.len()
    );
    fs::write(out.join("content_files.rs"), code).expect("OUT_DIR is writable");
}
