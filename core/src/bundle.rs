//! How the build script bundles a content file: a TOML file, and an article's TOML front matter,
//! as JSON, so that the library reads its content with `serde_json` (which it needs for chat
//! exports anyway) and carries no TOML reader. The build script uses it for every bundled file;
//! it is compiled into the library only for the tests, which write the content they plant in TOML.

use serde_json::Value as Json;
use toml::Value as Toml;

/// The text of the content file at `path` (relative to `content/`) as it is bundled: JSON for a
/// `.toml` file, an article (`.md`) with its front matter as JSON, anything else as it is.
pub(crate) fn bundled(path: &str, text: &str) -> Result<String, String> {
    if path.ends_with(".toml") {
        return json(text);
    }
    let front = text.trim_start_matches('\u{feff}').strip_prefix("+++").and_then(|rest| Some(rest.split_at(rest.find("\n+++")?)));
    match front {
        Some((front, rest)) if path.ends_with(".md") => Ok(format!("+++\n{}{rest}", json(front)?)),
        _ => Ok(text.to_string()),
    }
}

/// A TOML document as JSON; dates and times become strings in their TOML form.
pub(crate) fn json(toml: &str) -> Result<String, String> {
    let table: toml::Table = toml.parse().map_err(|e: toml::de::Error| e.to_string())?;
    Ok(convert(Toml::Table(table)).to_string())
}

fn convert(value: Toml) -> Json {
    match value {
        Toml::String(s) => Json::String(s),
        Toml::Integer(i) => Json::from(i),
        Toml::Float(f) => Json::from(f),
        Toml::Boolean(b) => Json::Bool(b),
        Toml::Datetime(d) => Json::String(d.to_string()),
        Toml::Array(items) => Json::Array(items.into_iter().map(convert).collect()),
        Toml::Table(table) => Json::Object(table.into_iter().map(|(key, value)| (key, convert(value))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_front_matter_become_json_and_other_files_stay() {
        let toml = "a = 1\nb = 2.5\nc = 2026-12-01\n[t]\nlist = [\"x\", true]\n";
        assert_eq!(bundled("x.toml", toml).unwrap(), r#"{"a":1,"b":2.5,"c":"2026-12-01","t":{"list":["x",true]}}"#);
        assert_eq!(bundled("a/x.md", "+++\nid = \"x\"\n+++\n\nText.\n").unwrap(), "+++\n{\"id\":\"x\"}\n+++\n\nText.\n");
        assert_eq!(bundled("a/x.md", "No front matter.\n").unwrap(), "No front matter.\n");
        assert_eq!(bundled("a/x.txt", "+++\nid = 1\n+++\n").unwrap(), "+++\nid = 1\n+++\n");
        assert!(bundled("x.toml", "a = ").is_err());
    }
}
