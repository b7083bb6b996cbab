//! Words: the byte-class word reader attribution runs on, forwards and backwards, and
//! the small word tests built on it (coordinators, reflexives, object stops).

use super::*;

/// What an ASCII byte is to [`words`]: a letter or digit, a byte that joins a word
/// without making one ("'", "-"), or a separator; [`WIDE`] starts a longer character.
pub(super) static WORD_CLASS: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            c if c.is_ascii_alphanumeric() => ALPHANUMERIC,
            b'\'' | b'-' => JOINER,
            _ => SEPARATOR,
        };
        b += 1;
    }
    table
};
pub(super) const SEPARATOR: u8 = 0;
pub(super) const ALPHANUMERIC: u8 = 1;
pub(super) const JOINER: u8 = 2;
pub(super) const WIDE: u8 = 3;

/// The character that ends at byte `i` of `text`, as [`words`] sees it: (in a word,
/// letter or digit, length in bytes).
#[inline(always)]
pub(super) fn class_before(text: &str, i: usize) -> (bool, bool, usize) {
    ascii_class(text.as_bytes()[i - 1]).unwrap_or_else(|| wide_class_before(text, i))
}

/// The character that starts at byte `i` of `text`, as [`class_before`] gives it.
#[inline(always)]
pub(super) fn class_at(text: &str, i: usize) -> (bool, bool, usize) {
    ascii_class(text.as_bytes()[i]).unwrap_or_else(|| wide_class_at(text, i))
}

/// [`class_before`] for an ASCII byte, or `None` for a byte of a longer character.
#[inline(always)]
pub(super) fn ascii_class(byte: u8) -> Option<(bool, bool, usize)> {
    match WORD_CLASS[byte as usize] {
        ALPHANUMERIC => Some((true, true, 1)),
        JOINER => Some((true, false, 1)),
        SEPARATOR => Some((false, false, 1)),
        _ => None,
    }
}

#[inline(never)]
pub(super) fn wide_class_before(text: &str, i: usize) -> (bool, bool, usize) {
    wide_class(text[..i].chars().next_back().unwrap_or_default())
}

#[inline(never)]
pub(super) fn wide_class_at(text: &str, i: usize) -> (bool, bool, usize) {
    wide_class(text[i..].chars().next().unwrap_or_default())
}

pub(super) fn wide_class(c: char) -> (bool, bool, usize) {
    let alphanumeric = c.is_alphanumeric();
    (alphanumeric || c == '’' || c == '‑', alphanumeric, c.len_utf8())
}

/// Up to `n` of the [`words`] of `text[start..end]` that end at or before `at`, nearest
/// first, as byte spans. Read backwards from `at`, a few words each time: this runs for
/// every cue and candidate, and splitting the whole sentence first cost more than all
/// the look-ups together.
pub(super) fn spans_before(text: &str, start: usize, end: usize, at: usize, n: usize) -> ([(usize, usize); 3], usize) {
    let cut = at.min(end);
    // A word running on past `at` does not end before it.
    let runs_on = cut < end && class_at(text, cut).0;
    let mut before = words(&text[start..cut]);
    let mut spans = [(0, 0); 3];
    let mut len = 0;
    while len < n.min(3)
        && let Some(word) = before.next_back()
    {
        let a = start + before.back;
        let b = a + word.len();
        if runs_on && b == cut {
            continue;
        }
        spans[len] = (a, b);
        len += 1;
    }
    (spans, len)
}

/// Words of a text fragment: runs of letters, digits, apostrophes and hyphens that hold
/// a letter or digit.
pub(super) fn words(s: &str) -> Words<'_> {
    Words {
        s,
        front: 0,
        back: s.len(),
    }
}

/// The iterator of [`words`]: a byte table for ASCII rather than `str::split` with a
/// character predicate, which cost about four times as much; attribution looks at the
/// words around every unit.
#[derive(Clone)]
pub(super) struct Words<'s> {
    s: &'s str,
    /// What is left to read, in bytes: every word of `s` inside it, and only those.
    front: usize,
    back: usize,
}

impl<'s> Iterator for Words<'s> {
    type Item = &'s str;

    fn next(&mut self) -> Option<&'s str> {
        while self.front < self.back {
            let start = self.front;
            let mut seen = false;
            while self.front < self.back {
                let (in_word, alphanumeric, width) = class_at(self.s, self.front);
                if !in_word {
                    break;
                }
                seen |= alphanumeric;
                self.front += width;
            }
            if seen {
                return Some(&self.s[start..self.front]);
            }
            if self.front == start {
                self.front += class_at(self.s, start).2;
            }
        }
        None
    }
}

impl DoubleEndedIterator for Words<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while self.front < self.back {
            let end = self.back;
            let mut seen = false;
            while self.front < self.back {
                let (in_word, alphanumeric, width) = class_before(self.s, self.back);
                if !in_word {
                    break;
                }
                seen |= alphanumeric;
                self.back -= width;
            }
            if seen {
                return Some(&self.s[self.back..end]);
            }
            if self.back == end {
                self.back -= class_before(self.s, end).2;
            }
        }
        None
    }
}

pub(super) fn word_count(s: &str) -> usize {
    words(s).count()
}

pub(super) enum Join {
    And,
    Comma,
}

/// How two coordinated parties are joined: "and" (or "as well as"), or a list comma.
pub(super) fn coordinator(gap: &str) -> Option<Join> {
    let g = gap.trim().to_ascii_lowercase();
    let g = g.strip_suffix(" the").unwrap_or(&g).trim();
    match g {
        "and" | ", and" | "as well as" | ", as well as" | "&" | "and by" | ", and by" | "and also" | "or" | ", or" => {
            Some(Join::And)
        }
        "," => Some(Join::Comma),
        _ => None,
    }
}

/// Whether `word` is one of `list`, ignoring ASCII case, without allocating.
pub(super) fn word_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The last word of `before` when a single space is all that follows it: the word right
/// before whatever `before` leads up to ("ISIS's" in "ISIS's claim").
pub(super) fn adjacent_word_before(before: &str) -> Option<&str> {
    let word = words(before).next_back()?;
    before.strip_suffix(' ')?.ends_with(word).then_some(word)
}

/// The word without its possessive ending ("ISIS's", "Obama’s"), when it has one.
pub(super) fn possessive_owner(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// Whether `s` ends with `suffix` (lower case), ignoring ASCII case, without allocating.
pub(super) fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `s` starts with `prefix` (lower case), ignoring ASCII case, without allocating.
pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

pub(super) fn has_conjunction(gap: &str) -> bool {
    words(gap).any(|w| word_in(w, &["and", "but", "or", "then"]))
}

/// A possessive that refers back to the holder: "defended its prerogative". "their"
/// counts only for a plural holder ("the Hungarian government questioned their usefulness").
/// "her" is a possessive only with its noun after it: "endorsed her campaign", "praised
/// her Pakistani counterpart" (a unit right after the gap), never "endorsed her." or
/// "accused her of": there it is the object, someone other than the subject.
pub(super) fn has_reflexive(gap: &str, plural_holder: bool) -> bool {
    let mut rest = words(gap);
    while let Some(w) = rest.next() {
        if word_in(w, &["its", "itself", "themselves", "own", "his", "herself", "himself"])
            || (plural_holder && w.eq_ignore_ascii_case("their"))
        {
            return true;
        }
        if w.eq_ignore_ascii_case("her") {
            let end = w.as_ptr() as usize - gap.as_ptr() as usize + w.len();
            let after = &gap[end..];
            let noun_follows = match rest.clone().next() {
                Some(next) => after.trim_start().starts_with(next) && !word_in(next, NOT_A_NOUN_AFTER_HER),
                None => after.trim().is_empty(),
            };
            if noun_follows {
                return true;
            }
        }
    }
    false
}

/// Words that show "her" before them is an object pronoun, not a possessive.
const NOT_A_NOUN_AFTER_HER: &[&str] = &[
    "and", "or", "but", "for", "to", "as", "in", "on", "at", "with", "by", "from", "over", "after", "before",
    "because", "when", "while", "that", "of", "about", "into", "against",
];

/// Where the object noun phrase ends in `gap`: a preposition that makes what follows a
/// place or complement, a relative or participle clause, or a coordinated new verb.
pub(super) fn object_stop(gap: &str) -> Option<usize> {
    let lower = gap.to_ascii_lowercase();
    let mut previous = "";
    let mut offset = 0;
    for piece in lower.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')) {
        let start = offset;
        offset += piece.len();
        let w = piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'));
        if w.is_empty() {
            continue;
        }
        let comma_before = lower[..start].trim_end().ends_with(',');
        let stop = OBJECT_STOPS.contains(&w)
            || (w == "that" && !previous.is_empty())
            || (comma_before && matches!(w, "which" | "who" | "where" | "when" | "saying" | "adding" | "calling"))
            || (previous == "and" && w.len() > 4 && w.ends_with("ed"));
        if stop {
            return Some(start);
        }
        previous = w;
    }
    None
}

/// "no third party", "no one", "nobody", "no country": a negated role with no party.
pub(super) fn no_one_before(gap: &str) -> bool {
    let lower = gap.to_ascii_lowercase();
    [
        "no third party",
        "no third-party",
        "no one",
        "nobody",
        "no country",
        "no other country",
        "no outside",
        "no foreign",
        "no external",
        "neither",
    ]
    .iter()
    .any(|p| lower.contains(p))
}
