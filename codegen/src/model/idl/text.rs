//! String literals of the IDL: escapes, new lines, and the incidental-whitespace removal of text
//! blocks.

/// CRLF and lone CR become LF, so that a model reads the same on every platform.
pub(super) fn normalize_newlines(raw: &str) -> String {
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// Decodes the escapes of quoted text (after newline normalisation): `\"`, `\\`, `\/`, `\'`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, `\uHHHH` (surrogate pairs combined), and an escaped new line,
/// which stands for nothing.
pub(super) fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some(c @ ('"' | '\\' | '/' | '\'')) => c,
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('\n') => continue,
            Some('u') => unicode(&mut chars)?,
            Some(other) => {
                return Err(format!(
                    "invalid escape `\\{}`; escape a backslash as `\\\\`",
                    other.escape_default()
                ))
            }
            None => return Err("a string cannot end with a lone `\\`".into()),
        };
        out.push(decoded);
    }
    Ok(out)
}

/// The character of a `\uHHHH` escape (the `\u` already read), reading the low half of a
/// surrogate pair when the first escape is a high half.
fn unicode(chars: &mut std::str::Chars<'_>) -> Result<char, String> {
    let high = hex4(chars)?;
    let code = if (0xD800..0xDC00).contains(&high) {
        let low = match (chars.next(), chars.next()) {
            (Some('\\'), Some('u')) => hex4(chars)?,
            _ => {
                return Err(
                    "a `\\u` high surrogate must be followed by a `\\u` low surrogate".into(),
                )
            }
        };
        if !(0xDC00..0xE000).contains(&low) {
            return Err(format!("`\\u{low:04X}` is not a low surrogate"));
        }
        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    } else {
        high
    };
    char::from_u32(code).ok_or_else(|| format!("`\\u{code:04X}` is not a Unicode scalar value"))
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Result<u32, String> {
    let digits: String = chars.take(4).collect();
    match u32::from_str_radix(&digits, 16) {
        Ok(n) if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_hexdigit()) => Ok(n),
        _ => Err(format!(
            "`\\u{digits}` is not a valid escape; write four hex digits, as in `\\u00e9`"
        )),
    }
}

/// The value of a text block from its raw content (after the opening line, up to the closing
/// `"""`): the common leading whitespace of its lines is removed (blank lines do not count, the
/// closing delimiter's line does), trailing spaces are trimmed, then escapes are decoded.
pub(super) fn text_block(raw: &str) -> Result<String, String> {
    let raw = normalize_newlines(raw);
    let lines: Vec<&str> = raw.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, line)| *i == last || !is_blank(line))
        .map(|(_, line)| leading_whitespace(line))
        .min()
        .unwrap_or(0);
    let trimmed: Vec<&str> = lines
        .iter()
        .map(|line| {
            let cut = indent.min(leading_whitespace(line));
            line[cut..].trim_end_matches([' ', '\t'])
        })
        .collect();
    unescape(&trimmed.join("\n"))
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c == ' ' || c == '\t')
}

/// The number of leading spaces and tabs (each one byte).
fn leading_whitespace(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_incidental_whitespace_as_the_spec_example_does() {
        let raw = "    Foo\n        Baz\n\n  \n    Bar\n    ";
        assert_eq!(text_block(raw).unwrap(), "Foo\n    Baz\n\n\nBar\n");
        // The closing delimiter left of the content keeps all indentation.
        assert_eq!(
            text_block("    Foo\n        Baz\n").unwrap(),
            "    Foo\n        Baz\n"
        );
        // Escapes are decoded after the whitespace is removed.
        assert_eq!(text_block("  a\\n  b").unwrap(), "a\n  b");
        assert_eq!(text_block("Foo \\\nBaz").unwrap(), "Foo Baz");
    }

    #[test]
    fn decodes_escapes_and_rejects_unknown_ones() {
        assert_eq!(
            unescape(r#"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"#).unwrap(),
            "\"\\/\u{8}\u{c}\n\r\té😀"
        );
        assert!(unescape(r"\q").unwrap_err().contains("invalid escape"));
        assert!(unescape(r"\u12").is_err());
        assert!(unescape(r"\ud83d").is_err());
        assert!(unescape("\\").is_err());
    }
}
