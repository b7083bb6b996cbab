//! Clause scopes: where a sentence is cut (semicolons, dashes, "while", "but"), and
//! the sentence-level readings (datelines, quotations, questions, conditionals).

use super::*;

pub(super) const SCOPE_MARKERS: [&str; 18] = [
    ";",
    ":",
    "(",
    "[",
    ")",
    "]",
    "—",
    " – ",
    " -- ",
    " - ",
    " while ",
    " whereas ",
    ", but ",
    " but ",
    " even as ",
    " although ",
    ", though ",
    " yet ",
];

/// The scope markers of `s` as (start, end, index in [`SCOPE_MARKERS`]): at each
/// position the longest marker, ASCII case ignored, and the search goes on after it,
/// as a leftmost-longest Aho-Corasick search would give them. A byte loop instead of
/// an automaton: most bytes are skipped by one table look-up, and this runs over every
/// sentence that reaches attribution.
pub(super) fn scope_markers(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    // For each byte, the markers (bits) it may be the `nth` byte of, in either case; a
    // marker shorter than that allows any byte, or none (index 256, past the end).
    const fn table(nth: usize) -> [u32; 257] {
        let mut table = [0; 257];
        let mut i = 0;
        while i < SCOPE_MARKERS.len() {
            let m = SCOPE_MARKERS[i].as_bytes();
            if m.len() > nth {
                table[m[nth].to_ascii_lowercase() as usize] |= 1 << i;
                table[m[nth].to_ascii_uppercase() as usize] |= 1 << i;
            } else {
                let mut b = 0;
                while b < 257 {
                    table[b] |= 1 << i;
                    b += 1;
                }
            }
            i += 1;
        }
        table
    }
    static FIRST: [u32; 257] = table(0);
    static SECOND: [u32; 257] = table(1);
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            #[cfg(target_arch = "x86_64")]
            if let Some(block) = bytes.get(i..i + 17) {
                let starts = marker_starts(block.try_into().expect("a 17-byte slice"));
                if starts == 0 {
                    i += 16;
                    continue;
                }
                i += starts.trailing_zeros() as usize;
            }
            let at = i;
            i += 1;
            let mut candidates = FIRST[bytes[at] as usize];
            if candidates == 0 {
                continue;
            }
            candidates &= SECOND[bytes.get(i).map_or(256, |&b| b as usize)];
            let rest = &bytes[at..];
            let mut longest: Option<usize> = None;
            while candidates != 0 {
                let k = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let m = SCOPE_MARKERS[k].as_bytes();
                if rest.len() >= m.len()
                    && rest[..m.len()].eq_ignore_ascii_case(m)
                    && longest.is_none_or(|l| SCOPE_MARKERS[l].len() < m.len())
                {
                    longest = Some(k);
                }
            }
            if let Some(k) = longest {
                i = at + SCOPE_MARKERS[k].len();
                return Some((at, i, k));
            }
        }
        None
    })
}

/// Bits for the first 16 bytes of `block` where a [`SCOPE_MARKERS`] entry may start,
/// lowest bit first: a punctuation mark or the lead byte of "—", a comma before a space,
/// or a space before "–", "-" or the first letter of a conjunction, in either case.
/// SSE2 tests the 16 positions at once; a table look-up and branch on every byte of
/// every attributed sentence stopped at every space, a sixth of the text.
#[cfg(target_arch = "x86_64")]
pub(super) fn marker_starts(block: &[u8; 17]) -> u32 {
    use crate::bytes::in_set;
    let at = block.first_chunk::<16>().expect("17 bytes hold 16");
    let next = block.last_chunk::<16>().expect("17 bytes hold 16");
    // ASCII letters in either case; other bytes change, but into none of the letters.
    let folded = (u128::from_le_bytes(*next) | 0x2020_2020_2020_2020_2020_2020_2020_2020).to_le_bytes();
    let after_space = in_set(next, MARKER_AFTER_SPACE) | in_set(&folded, MARKER_LETTERS);
    in_set(at, MARKER_FIRST) | (in_set(at, b" ") & after_space) | (in_set(at, b",") & in_set(next, b" "))
}

/// What [`marker_starts`] looks for: marks that start a marker alone, and what may
/// follow a space that starts one (the lead byte of "–", a hyphen, or a letter).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(super) const MARKER_FIRST: &[u8] = b";:([)]\xE2";
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(super) const MARKER_AFTER_SPACE: &[u8] = b"\xE2-";
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(super) const MARKER_LETTERS: &[u8] = b"wbeay";

/// Clause scopes of a sentence: cut at ";", ":", contrastive conjunctions and unpaired
/// dashes; a parenthesis or a dash pair opens an inner scope, and the text after it
/// continues the outer one.
pub(super) fn clause_scopes(text: &str, sentence: Range<usize>) -> (ScopeStarts, Vec<Vec<Range<usize>>>) {
    let s = &text[sentence.clone()];
    #[derive(Clone, Copy, PartialEq)]
    enum Ev {
        Break,
        Open,
        Close,
    }
    let mut events: Vec<(usize, usize, Ev)> = Vec::new();
    let mut dashes: Vec<(usize, usize)> = Vec::new();
    for (at, end, marker) in scope_markers(s) {
        match SCOPE_MARKERS[marker] {
            ";" => events.push((at, end, Ev::Break)),
            ":" if !s[end..].starts_with("//") && !s[..at].ends_with(|c: char| c.is_ascii_digit()) => {
                events.push((at, end, Ev::Break))
            }
            ":" => {}
            "(" | "[" => events.push((at, end, Ev::Open)),
            ")" | "]" => events.push((at, end, Ev::Close)),
            "—" | " – " | " -- " | " - " => dashes.push((at, end)),
            // Contrastive conjunctions: the break sits at the conjunction's leading space.
            _ => events.push((at, at + 1, Ev::Break)),
        }
    }
    for (n, &(a, b)) in dashes.iter().enumerate() {
        let paired = dashes.len() >= 2 && (n + 1 < dashes.len() || n % 2 == 1);
        let ev = if !paired {
            Ev::Break
        } else if n % 2 == 0 {
            Ev::Open
        } else {
            Ev::Close
        };
        events.push((a, b, ev));
    }
    events.sort_by_key(|e| e.0);
    let mut next_id = 0usize;
    let mut current = 0usize;
    let mut stack: Vec<usize> = Vec::new();
    let mut starts: Vec<(usize, usize)> = vec![(sentence.start, 0)];
    let mut scopes: Vec<Vec<Range<usize>>> = vec![Vec::new()];
    let mut open_at = sentence.start;
    for (a, b, ev) in events {
        let at = sentence.start + a;
        scopes[current].push(open_at..at);
        match ev {
            Ev::Break => {
                next_id += 1;
                current = next_id;
            }
            Ev::Open => {
                stack.push(current);
                next_id += 1;
                current = next_id;
            }
            Ev::Close => {
                current = stack.pop().unwrap_or_else(|| {
                    next_id += 1;
                    next_id
                });
            }
        }
        if scopes.len() <= current {
            scopes.resize(current + 1, Vec::new());
        }
        open_at = sentence.start + b;
        starts.push((open_at, current));
    }
    scopes[current].push(open_at..sentence.end);
    for ranges in &mut scopes {
        ranges.retain(|r| r.start < r.end);
    }
    (ScopeStarts(starts), scopes)
}

/// "TEHRAN (Reuters) -", "AFP -", "Moscow, March 3 (AP) —": a wire tag before a dash
/// at the start of a sentence; its places are never holders.
pub(super) fn dateline_end(sentence: &str) -> Option<usize> {
    let mut cut = sentence.len().min(80);
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &sentence[..cut];
    let (at, dash) = first_dash(head)?;
    let tag = &head[..at];
    let bracketed = tag.contains('(') && tag.trim_end().ends_with(')');
    let shouted = !tag.trim().is_empty()
        && word_count(tag) <= 3
        && tag.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    (bracketed || shouted).then_some(at + dash)
}

/// The first "—", " – ", " - " or " -- " in `head`: where it starts and its length. One
/// pass over the bytes, stopping at '-' and at the last byte of "–" and "—" (most
/// sentences have none near their start), rather than a substring search for each.
pub(super) fn first_dash(head: &str) -> Option<(usize, usize)> {
    let b = head.as_bytes();
    let at = |i: usize, s: &str| b.get(i..i + s.len()) == Some(s.as_bytes());
    b.iter().enumerate().find_map(|(i, &byte)| match byte {
        // A dash starting before an earlier one ends: " - " ends after " -- " starts.
        b'-' if i > 0 && at(i - 1, " -- ") => Some((i - 1, 4)),
        b'-' if i > 0 && at(i - 1, " - ") => Some((i - 1, 3)),
        0x94 if i >= 2 && at(i - 2, "—") => Some((i - 2, 3)),
        0x93 if i >= 3 && at(i - 3, " – ") => Some((i - 3, 5)),
        _ => None,
    })
}

pub(super) fn enclosing_quote(text: &str, sentence: Range<usize>, at: usize) -> Option<(usize, usize)> {
    let s = &text[sentence.clone()];
    let rel = at - sentence.start;
    // Curly quotes pair by direction; straight double quotes pair by count.
    let open = s[..rel].rfind('“');
    let closed_before = open.and_then(|o| s[o..rel].find('”'));
    if let (Some(o), None) = (open, closed_before)
        && let Some(c) = s[rel..].find('”')
    {
        return Some((sentence.start + o, sentence.start + rel + c + '”'.len_utf8()));
    }
    let straight_before = s[..rel].matches('"').count();
    if straight_before % 2 == 1 {
        let o = s[..rel].rfind('"')?;
        let c = s[rel..].find('"')?;
        return Some((sentence.start + o, sentence.start + rel + c + 1));
    }
    // Single quotes: an opening ' or ‘ at a word start, closed by ' or ’ followed by a non-letter.
    let open_single = s[..rel]
        .char_indices()
        .rev()
        .find(|&(i, c)| (c == '\'' || c == '‘') && s[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric()))?;
    let close = s[rel..].char_indices().find(|&(i, c)| {
        (c == '\'' || c == '’')
            && s[rel + i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric())
    })?;
    Some((
        sentence.start + open_single.0,
        sentence.start + rel + close.0 + close.1.len_utf8(),
    ))
}

pub(super) fn is_question(sentence: &str) -> bool {
    let trimmed = strip_trailing_markers(sentence);
    trimmed.ends_with('?')
}

/// Trailing citation markers, quotes and brackets: "... the pause? [3]".
pub(super) fn strip_trailing_markers(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let before = t;
        t = t.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
        if t.ends_with(']')
            && let Some(open) = t.rfind('[')
        {
            t = &t[..open];
        }
        if t == before {
            return t;
        }
    }
}

pub(super) fn is_conditional(sentence: &str) -> bool {
    let first = words(sentence).next().unwrap_or("");
    matches!(
        first,
        "If" | "Unless" | "Should" | "Were" | "Had" | "Suppose" | "Supposing"
    )
}
