//! E-mail addresses, exactly as the browser's `<input type="email">` judges them.
//!
//! WHATWG "valid e-mail address" (html.spec.whatwg.org/multipage/input.html#valid-e-mail-address):
//! `^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?
//! (?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`, applied after the browser's value
//! sanitisation (strip CR/LF everywhere, then trim ASCII whitespace). Agreeing with the
//! browser matters: a page that accepted what the browser refuses (or the reverse) would
//! confuse people. Three additions, none accepting anything the spec refuses: a hidden
//! character (full-width or no-break space, zero-width character, direction mark) is reported
//! naming its kind — never stripped, because the page would still submit it, and the value
//! judged must be the value submitted; a full-width ＠ or 。 gets a hint instead of a bare
//! "invalid"; and a domain without a dot (`123456789@qq`), valid to the browser, gets a warning.

use super::{Checked, FormatIssue, Parsed};
use crate::blank::{hidden_kind, is_blank, HiddenKind};
use serde::Serialize;

/// Why an address is not valid; each has its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum EmailProblem {
    MissingAt,
    MultipleAt,
    EmptyLocal,
    EmptyDomain,
    /// A space inside the address.
    Space,
    /// A character that cannot be seen or looks like an ordinary space: full-width space,
    /// no-break space, zero-width character, direction mark.
    Hidden {
        kind: HiddenKind,
    },
    /// A full-width letter, digit or symbol other than ＠ (the input method was in 全角).
    FullWidthChar {
        ch: char,
    },
    /// 。 typed for a dot.
    IdeographicFullStop,
    /// A character not allowed before the @ (e.g. Chinese characters, quotes, commas).
    LocalBadChar {
        ch: char,
    },
    /// A character not allowed in the domain (only letters, digits, hyphens and dots).
    DomainBadChar {
        ch: char,
    },
    /// Domain starts or ends with a dot, or has two dots in a row.
    EmptyLabel,
    /// A domain part starts or ends with a hyphen.
    LabelHyphenEdge,
    /// A domain part longer than 63 characters.
    LabelTooLong,
}

/// atext plus '.', as in the WHATWG local part.
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// The browser's value sanitisation for `type=email`: strip CR and LF everywhere, then
/// leading and trailing ASCII whitespace (tab, LF, FF, CR, space — the Infra standard's). What
/// this removes the page removes too; nothing else is removed.
fn sanitise(input: &str) -> String {
    let s: String = input.chars().filter(|&c| c != '\r' && c != '\n').collect();
    s.trim_matches(|c: char| matches!(c, '\t' | '\n' | '\u{0C}' | '\r' | ' '))
        .to_string()
}

fn invalid(reason: EmailProblem) -> FormatIssue {
    FormatIssue::EmailInvalid { reason }
}

/// Checks one domain label: 1–63 of [A-Za-z0-9-], not starting or ending with '-'.
fn check_label(label: &str) -> Result<(), EmailProblem> {
    if label.is_empty() {
        return Err(EmailProblem::EmptyLabel);
    }
    if let Some(ch) = label
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(EmailProblem::DomainBadChar { ch });
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(EmailProblem::LabelHyphenEdge);
    }
    if label.len() > 63 {
        return Err(EmailProblem::LabelTooLong);
    }
    Ok(())
}

/// Checks an e-mail address. The value is `()`; `normalized` is the sanitised address
/// (case is kept: the local part is case-sensitive in principle).
pub fn check_email(input: &str) -> Checked<()> {
    let s = sanitise(input);
    if is_blank(&s) {
        return Err(FormatIssue::Empty);
    }
    if let Some(kind) = s.chars().find_map(hidden_kind) {
        return Err(invalid(EmailProblem::Hidden { kind }));
    }
    // Hints for input-method slips come first: they explain the failure better than the
    // character-level reason would.
    if s.contains('＠') {
        return Err(FormatIssue::EmailFullWidthAt);
    }
    if s.contains(|c: char| c.is_ascii_whitespace()) {
        return Err(invalid(EmailProblem::Space));
    }
    if let Some(ch) = s.chars().find(|c| ('\u{FF01}'..='\u{FF5E}').contains(c)) {
        return Err(invalid(EmailProblem::FullWidthChar { ch }));
    }
    let mut parts = s.split('@');
    let local = parts.next().unwrap_or("");
    let domain = match parts.next() {
        Some(d) => d,
        None => return Err(invalid(EmailProblem::MissingAt)),
    };
    if parts.next().is_some() {
        return Err(invalid(EmailProblem::MultipleAt));
    }
    if local.is_empty() {
        return Err(invalid(EmailProblem::EmptyLocal));
    }
    if let Some(ch) = local.chars().find(|&c| !is_local_char(c)) {
        return Err(invalid(EmailProblem::LocalBadChar { ch }));
    }
    if domain.is_empty() {
        return Err(invalid(EmailProblem::EmptyDomain));
    }
    if domain.contains('。') {
        return Err(invalid(EmailProblem::IdeographicFullStop));
    }
    for label in domain.split('.') {
        check_label(label).map_err(invalid)?;
    }
    let dotless = !domain.contains('.');
    let parsed = Parsed::new((), s);
    Ok(if dotless {
        parsed.with_warning(FormatIssue::EmailDomainWithoutDot)
    } else {
        parsed
    })
}
