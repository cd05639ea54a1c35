//! Merges a TOML file into another, only adding: tables key by key, arrays of tables element by
//! element (matched by `id` or `code`, or by position when they have neither). The build script
//! uses it to bundle the third language of the tests (feature `third-language-test`) into the
//! shared content files; it is compiled into the library only for its own tests.

use toml::{Table, Value};

/// `base` with `overlay`'s keys added; replacing a value that `base` has is refused.
pub(crate) fn merge(base: &str, overlay: &str) -> Result<String, String> {
    let mut table: Table = base.parse().map_err(|e| format!("{e}"))?;
    add(&mut table, overlay.parse().map_err(|e| format!("{e}"))?, "")?;
    toml::to_string(&table).map_err(|e| e.to_string())
}

fn key_of(value: &Value) -> Option<&Value> {
    value.as_table().and_then(|t| t.get("id").or_else(|| t.get("code")))
}

fn add(base: &mut Table, overlay: Table, at: &str) -> Result<(), String> {
    for (key, value) in overlay {
        let at = format!("{at}.{key}");
        match (base.get_mut(&key), value) {
            (None, value) => drop(base.insert(key, value)),
            (Some(Value::Table(base)), Value::Table(more)) => add(base, more, &at)?,
            (Some(Value::Array(items)), Value::Array(more)) if more.iter().all(Value::is_table) => {
                for (i, item) in more.into_iter().enumerate() {
                    let found = match key_of(&item) {
                        Some(key) => items.iter_mut().position(|i| key_of(i) == Some(key)),
                        None => Some(i).filter(|&i| i < items.len()),
                    };
                    match found.map(|at| &mut items[at]) {
                        Some(Value::Table(found)) => add(found, item.as_table().cloned().unwrap_or_default(), &at)?,
                        _ => items.push(item),
                    }
                }
            }
            (Some(_), _) if key == "id" || key == "code" => {}
            (Some(_), _) => return Err(format!("{at} is already in content/; the fixture may only add")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::merge;

    #[test]
    fn adds_texts_by_key_id_and_position() {
        let base = "title = { en = 'Hi' }\n[[q]]\nid = 'a'\ntext = { en = 'A' }\n[[q]]\nid = 'b'\n[[advice]]\nen = 'x'\n";
        let more = "title = { xx = 'Hí' }\n[[q]]\nid = 'b'\ntext = { xx = 'B' }\n[[advice]]\nxx = 'y'\n";
        let merged: toml::Table = merge(base, more).unwrap().parse().unwrap();
        assert_eq!(merged["title"]["en"].as_str(), Some("Hi"));
        assert_eq!(merged["title"]["xx"].as_str(), Some("Hí"));
        assert_eq!(merged["q"][1]["text"]["xx"].as_str(), Some("B"));
        assert!(merged["q"][0].get("text").and_then(|t| t.get("xx")).is_none());
        assert_eq!(merged["advice"][0]["xx"].as_str(), Some("y"));
    }

    #[test]
    fn refuses_to_replace_what_content_has() {
        let error = merge("title = { en = 'Hi' }", "title = { en = 'Ho' }").unwrap_err();
        assert!(error.contains(".title.en is already in content/"), "{error}");
        assert!(merge("x = 1", "x = [").is_err());
    }
}
