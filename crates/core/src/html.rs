//! Text for HTML, for the two places that write HTML from an edition's data and applicants'
//! values (the site generator's pages and the reviewers' report): every character that could
//! open markup or end an attribute is escaped, so a value can never become an element.

/// Escapes text for element content and for double- or single-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("\"'&"), "&quot;&#39;&amp;");
        assert_eq!(escape("企业类（2023）"), "企业类（2023）");
    }
}
