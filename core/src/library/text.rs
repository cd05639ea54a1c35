//! Text helpers shared by readability and search: accent folding, words, Markdown to plain text.

/// `c` in lower case without its accent: `É` → `e`. Other characters are kept as they are.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of `text`: runs of letters, with digits and apostrophes allowed inside a word.
/// A run without any letter (such as `112`) is not a word.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))).map(|w| w.trim_matches(is_apostrophe)).filter(|w| w.chars().any(char::is_alphabetic))
}

/// Plain text of a Markdown body for reading: heading marks and emphasis removed, list items as
/// `• item`, links as `text (address)`.
pub fn plain_text(markdown: &str) -> String {
    render(markdown, true)
}

/// The words a reader reads in a Markdown body: like [`plain_text`], without link addresses or bullets.
pub fn prose(markdown: &str) -> String {
    render(markdown, false)
}

fn render(markdown: &str, for_display: bool) -> String {
    let lines: Vec<String> = markdown
        .lines()
        .map(|line| {
            let line = line.trim();
            let (bullet, rest) = match line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
                Some(item) => (true, item),
                None => (false, line.trim_start_matches('#').trim_start()),
            };
            let text = inline(rest, for_display);
            if bullet && for_display {
                format!("• {text}")
            } else {
                text
            }
        })
        .collect();
    lines.join("\n").trim().to_string()
}

/// Removes emphasis marks and turns `[text](address)` into `text (address)` or `text`.
fn inline(line: &str, keep_addresses: bool) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(['[', '*', '`', '_']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some((text, address, after)) = link(tail) {
            out.push_str(&inline(text, keep_addresses));
            if keep_addresses {
                out.push_str(" (");
                out.push_str(address);
                out.push(')');
            }
            rest = after;
            continue;
        }
        let mark = tail.chars().next().unwrap_or(' ');
        let inside_word = mark == '_' && out.chars().last().is_some_and(char::is_alphanumeric) && tail[1..].chars().next().is_some_and(char::is_alphanumeric);
        if mark == '[' || inside_word {
            out.push(mark);
        }
        rest = &tail[mark.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Splits `[text](address)rest` into its parts.
fn link(s: &str) -> Option<(&str, &str, &str)> {
    let s = s.strip_prefix('[')?;
    let close = s.find("](")?;
    let after = &s[close + 2..];
    let end = after.find(')')?;
    Some((&s[..close], &after[..end], &after[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        let folded: String = "Één CRÈME Naïef".chars().map(fold).collect();
        assert_eq!(folded, "een creme naief");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_digits_but_skip_numbers() {
        let w: Vec<_> = words("Foto's van 'mp3' — bel 112, it's OK!").collect();
        assert_eq!(w, ["Foto's", "van", "mp3", "bel", "it's", "OK"]);
    }

    #[test]
    fn markdown_becomes_plain_text_with_or_without_addresses() {
        let md = "## Wat nu?\n\n- **Stop** met _reageren_.\n- Zie [Helpwanted](https://helpwanted.nl).\nsnake_case blijft";
        assert_eq!(plain_text(md), "Wat nu?\n\n• Stop met reageren.\n• Zie Helpwanted (https://helpwanted.nl).\nsnake_case blijft");
        assert_eq!(prose(md), "Wat nu?\n\nStop met reageren.\nZie Helpwanted.\nsnake_case blijft");
    }
}
