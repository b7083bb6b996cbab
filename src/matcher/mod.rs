//! Matching: one pass over a document ([`scan`]), giving every actor, body, cue,
//! negator and speaker mention with its byte span. Case rules and word
//! boundaries are checked here, and people are kept only while in office at the
//! document's date, so that attribution sees parties, not strings.

use crate::date::DateRange;
use crate::rules::Lexicon;
use crate::rules::lexicon::PartyId;
use std::ops::Range;

pub mod scan;

use crate::rules::lexicon::PatternMeaning;
use scan::is_word_char;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// An alias naming a party; `alias` indexes [`Lexicon::aliases`].
    Actor {
        party: PartyId,
        alias: u32,
    },
    /// A person out of office at the document date, or an alias naming two parties:
    /// a named speaker who holds no party.
    Inactive {
        alias: u32,
    },
    Body {
        body: u32,
    },
    Cue {
        cue: u32,
    },
    Negator {
        negator: u32,
    },
    Speaker {
        speaker: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the matched text, without any possessive ending.
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// Followed by `'s`, `’s` or a bare apostrophe ("Philippines'").
    pub possessive: bool,
    /// End of the mention including its possessive ending.
    pub tail: usize,
}

/// Capitalized words that may follow a holder without being part of its name
/// ("Washington Thursday rejected"), and that are never a person's name.
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
];

/// Whether `word` names a day or month ([`CALENDAR_WORDS`]), in any case.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    CALENDAR_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Every mention in `text`, in order, non-overlapping.
///
/// ```
/// use stancer::matcher::{find_mentions, MentionKind};
/// let lexicon = stancer::rules::RulePack::builtin().unwrap().compile().unwrap();
/// let mentions = find_mentions(&lexicon, "Pakistan's army thanked the US.", None);
/// assert!(mentions[0].possessive);
/// assert!(matches!(mentions.last().unwrap().kind, MentionKind::Actor { .. }));
/// // Acronyms match case-sensitively: "us" is no party.
/// assert!(find_mentions(&lexicon, "He met us in the UN building.", None).iter().all(|m| &"He met us in the UN building."[m.span.clone()] == "UN"));
/// ```
pub fn find_mentions(lexicon: &Lexicon, text: &str, date: Option<DateRange>) -> Vec<Mention> {
    let mut mentions = Vec::new();
    lexicon.scanner.scan_extended(text, |span, pattern| {
        let (kind, span) = classify(lexicon, text, span, pattern, date)?;
        let (possessive, tail) = possessive_tail(text, span.end);
        let end = span.end;
        mentions.push(Mention {
            span,
            kind,
            possessive,
            tail,
        });
        Some(end)
    });
    add_surname_mentions(lexicon, text, &mut mentions);
    mentions
}

fn classify(
    lexicon: &Lexicon,
    text: &str,
    span: Range<usize>,
    pattern: usize,
    date: Option<DateRange>,
) -> Option<(MentionKind, Range<usize>)> {
    let meaning = &lexicon.meanings[pattern];
    if !on_word_boundaries(text, &span, meaning) {
        return None;
    }
    classify_at(lexicon, text, span.clone(), meaning, date)
        .map(|(kind, end)| (kind, span.start..end.unwrap_or(span.end)))
}

/// In an undated document, a person who held offices for several parties ("Ban
/// Ki-moon": South Korea's foreign minister, then UN Secretary-General) speaks for the
/// party of the office they took last, as the news mostly names them by it. Only when
/// every reading is a person with a first day in office.
fn latest_office(lexicon: &Lexicon, aliases: impl Iterator<Item = u32>, date: Option<DateRange>) -> Option<u32> {
    if date.is_some() {
        return None;
    }
    let mut latest: Option<(u32, _)> = None;
    for i in aliases {
        let from = lexicon.alias(i).rule.from?;
        if latest.is_none_or(|(_, f)| from > f) {
            latest = Some((i, from));
        }
    }
    latest.map(|(i, _)| i)
}

/// What the match at `span` is, and for a cue template, where its words end.
fn classify_at(
    lexicon: &Lexicon,
    text: &str,
    span: Range<usize>,
    meaning: &PatternMeaning,
    date: Option<DateRange>,
) -> Option<(MentionKind, Option<usize>)> {
    let matched = &text[span.clone()];
    // No allocation here: this runs for every match in the corpus.
    let exact = meaning
        .aliases
        .iter()
        .copied()
        .filter(|&i| lexicon.alias(i).rule.alias == matched);
    if let Some(first_exact) = exact.clone().next() {
        let mut active = exact.clone().filter(|&i| lexicon.alias(i).rule.active(date));
        let kind = match active.next() {
            Some(first) => {
                let party = lexicon.alias(first).party;
                if active.all(|i| lexicon.alias(i).party == party) {
                    MentionKind::Actor { party, alias: first }
                } else if let Some(latest) = latest_office(lexicon, exact, date) {
                    MentionKind::Actor {
                        party: lexicon.alias(latest).party,
                        alias: latest,
                    }
                } else {
                    MentionKind::Inactive { alias: first }
                }
            }
            None => MentionKind::Inactive { alias: first_exact },
        };
        return Some((kind, None));
    }
    if !meaning.templates.is_empty()
        && let Some((cue, end)) = lexicon.template_match(text, span.start, &meaning.templates)
    {
        return Some((MentionKind::Cue { cue }, Some(end)));
    }
    let kind = if let Some(cue) = meaning.cue {
        MentionKind::Cue { cue }
    } else if let Some(negator) = meaning.negator {
        MentionKind::Negator { negator }
    } else if let Some(speaker) = meaning.speaker {
        MentionKind::Speaker { speaker }
    } else {
        MentionKind::Body { body: meaning.body? }
    };
    Some((kind, None))
}

/// Leaders by surname after first mention: once "Imran Khan" has been named, a later
/// "Khan" in the same document is him, although "Khan" alone is no alias (it would be
/// ambiguous across documents). A surname that two named people of different parties
/// share in the document is left alone.
fn add_surname_mentions(lexicon: &Lexicon, text: &str, mentions: &mut Vec<Mention>) {
    let mut surnames: Vec<(&str, usize, MentionKind)> = Vec::new();
    let mut ambiguous: Vec<&str> = Vec::new();
    // Known people by the surname of their alias, then people the document introduces
    // by full name and surname.
    let known = mentions.iter().filter_map(|m| {
        let MentionKind::Actor { alias, .. } = m.kind else {
            return None;
        };
        let surname: &str = lexicon.alias(alias).surname.as_deref()?;
        Some((surname, m.span.end, m.kind))
    });
    for (name, after, kind) in known.chain(introduced_people(lexicon, text, mentions)) {
        let MentionKind::Actor { party, .. } = kind else {
            continue;
        };
        match surnames.iter().find(|(s, _, _)| *s == name) {
            Some((_, _, MentionKind::Actor { party: p, .. })) if *p != party => ambiguous.push(name),
            Some(_) => {}
            None => surnames.push((name, after, kind)),
        }
    }
    surnames.retain(|(surname, _, _)| !ambiguous.contains(surname));
    let mut added = Vec::new();
    let mut consider = |span: Range<usize>, kind: MentionKind| {
        let bounded = !text[..span.start].chars().next_back().is_some_and(is_word_char)
            && !text[span.end..].chars().next().is_some_and(is_word_char);
        // Mentions are in order and do not overlap: only the last one starting before
        // the end of the span can cover it.
        let before = mentions.partition_point(|m| m.span.start < span.end);
        let taken = before > 0 && mentions[before - 1].tail > span.start;
        if bounded && !taken {
            let (possessive, tail) = possessive_tail(text, span.end);
            added.push(Mention {
                span,
                kind,
                possessive,
                tail,
            });
        }
    };
    // A long document names many people: one pass for all their surnames rather than
    // one per surname. An article names one or two, and building an automaton for them
    // would cost more than the searches (a fifth more matching work on FNC-1).
    let many = surnames.len() > 2;
    let searcher = many
        .then(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(surnames.iter().map(|(surname, _, _)| surname))
                .ok()
        })
        .flatten();
    match searcher {
        Some(searcher) => {
            for m in searcher.find_iter(text) {
                let (_, after, kind) = surnames[m.pattern().as_usize()];
                if m.start() >= after {
                    consider(m.range(), kind);
                }
            }
        }
        None => {
            for &(surname, after, kind) in &surnames {
                for (at, _) in text[after..].match_indices(surname) {
                    consider(after + at..after + at + surname.len(), kind);
                }
            }
        }
    }
    if !added.is_empty() {
        // A full name and its surname both match "Sofiya Qureshi": the longer one wins.
        added.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        added.dedup_by(|later, kept| later.span.start < kept.tail);
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// People a document introduces with their office, who are in no rule file: "Indian army
/// spokesman Colonel Sofiya Qureshi", "Pakistan's foreign ministry spokesperson, Shafqat
/// Ali Khan,". A party, then state-body words, then (after any titles) a name of two to
/// four capitalized words: later in the document the full name and the surname speak for
/// that party, as a known leader's surname does. Gives (name, where the search starts,
/// kind) for the full name and the surname.
fn introduced_people<'t>(lexicon: &Lexicon, text: &'t str, mentions: &[Mention]) -> Vec<(&'t str, usize, MentionKind)> {
    let mut out = Vec::new();
    for (b, body) in mentions.iter().enumerate() {
        if !matches!(body.kind, MentionKind::Body { .. }) || body.possessive {
            continue;
        }
        // Back over the body words to the party that owns them.
        let mut h = b;
        while h > 0
            && matches!(mentions[h - 1].kind, MentionKind::Body { .. })
            && text[mentions[h - 1].tail..mentions[h].span.start].trim().is_empty()
        {
            h -= 1;
        }
        let Some(head) = h.checked_sub(1).map(|h| &mentions[h]) else {
            continue;
        };
        let MentionKind::Actor { party, alias } = head.kind else {
            continue;
        };
        if !matches!(
            lexicon.alias(alias).rule.kind.as_str(),
            "name" | "short" | "demonym" | "capital" | "body" | "org"
        ) {
            continue;
        }
        // "Pakistan's Information Minister", "the Iraqi health ministry": as many words
        // between as a unit joins ("Pakistani Taliban spokesman" joins none).
        let gap: Vec<&str> = text[head.tail..mentions[h].span.start].split_whitespace().collect();
        let joined = if head.possessive {
            gap.len() <= 2 && gap.iter().all(|w| w.chars().all(char::is_alphabetic))
        } else {
            gap.is_empty() || (gap.len() == 1 && gap[0].chars().all(char::is_lowercase))
        };
        if !joined {
            continue;
        }
        // The name: after a space, or after a comma when a comma closes it (apposition).
        let rest = &text[body.tail..];
        let (apposition, rest) = match (rest.strip_prefix(", "), rest.strip_prefix(' ')) {
            (Some(r), _) => (true, r),
            (None, Some(r)) => (false, r),
            (None, None) => continue,
        };
        let mut name_start = None;
        let mut end = 0;
        let mut count = 0;
        for word in rest.split(' ') {
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            let capitalized = bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
            if !capitalized || is_calendar_word(bare) {
                break;
            }
            // Titles only before the name: "Colonel Sofiya Qureshi", "Gen. Asim Munir".
            if name_start.is_some() || !lexicon.in_list("title_word", bare) {
                name_start.get_or_insert(at);
                count += 1;
            }
            end = at + bare.len();
            // A name ends at its punctuation.
            if bare.len() < word.len() || count == 4 {
                break;
            }
        }
        let Some(name_start) = name_start else {
            continue;
        };
        if !(2..=4).contains(&count) || (apposition && !text[end..].starts_with(',')) {
            continue;
        }
        // A known person, or a mention inside the name ("Shehbaz Sharif"), is the rule
        // files' business.
        if mentions
            .iter()
            .any(|m| m.span.start >= name_start && m.span.start < end)
        {
            continue;
        }
        let full = &text[name_start..end];
        let surname = &full[full.rfind(' ').map_or(0, |i| i + 1)..];
        if surname.chars().count() < 3 {
            continue;
        }
        let kind = MentionKind::Actor {
            party,
            alias: lexicon.introduced_alias(party),
        };
        out.push((full, end, kind));
        out.push((surname, end, kind));
    }
    out
}

/// A pattern that begins (ends) with a letter or digit must not continue a word on that
/// side: "India" is not found in "Indiana". Clitics ("n't") attach to the word before.
fn on_word_boundaries(text: &str, span: &Range<usize>, meaning: &PatternMeaning) -> bool {
    let before_ok = !meaning.starts_word || !text[..span.start].chars().next_back().is_some_and(is_word_char);
    let after_ok = !meaning.ends_word || !text[span.end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

fn possessive_tail(text: &str, end: usize) -> (bool, usize) {
    let rest = &text[end..];
    for suffix in ["'s", "’s"] {
        if let Some(after) = rest.strip_prefix(suffix)
            && !after.chars().next().is_some_and(is_word_char)
        {
            return (true, end + suffix.len());
        }
    }
    let plural_s = text[..end].ends_with('s');
    for apostrophe in ["'", "’"] {
        if plural_s
            && let Some(after) = rest.strip_prefix(apostrophe)
            && !after.chars().next().is_some_and(is_word_char)
        {
            return (true, end + apostrophe.len());
        }
    }
    (false, end)
}
