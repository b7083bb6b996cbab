//! Mention units: adjacent actor, body and speaker mentions merged into one party,
//! speaker or unresolved unit, with what the unit can do (hold a claim, name a target).

use super::*;

/// Merges adjacent actor, body and speaker mentions into units: "Pakistan's foreign
/// ministry" is one PAK unit, "Indian analysts" one speaker, "the ministry" unresolved.
pub(super) fn merge_units(
    lexicon: &Lexicon,
    text: &str,
    sentence_start: usize,
    mentions: &[&Mention],
    starts: &ScopeStarts,
) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(mentions.len());
    let mut i = 0;
    while i < mentions.len() {
        let m = mentions[i];
        let kind = match m.kind {
            MentionKind::Cue { cue } => Some(UnitKind::Cue(cue)),
            MentionKind::Negator { .. } => Some(UnitKind::Negator),
            _ => None,
        };
        if let Some(kind) = kind {
            units.push(Unit {
                span: m.span.start..m.tail,
                kind,
                possessive: m.possessive,
                adjective: false,
                anaphoric: false,
                voice: false,
                person: false,
                scope: starts.scope_of(m.span.start),
            });
            i += 1;
            continue;
        }
        // An actor chain: actor, body and speaker mentions joined by spaces only, or by
        // "of", "for", "at" or "from" (the) after a body ("the Foreign Ministry of
        // Pakistan", "an official at the North Korean embassy").
        let mut j = i + 1;
        while j < mentions.len() && !matches!(mentions[j].kind, MentionKind::Cue { .. } | MentionKind::Negator { .. }) {
            let gap = &text[mentions[j - 1].tail..mentions[j].span.start];
            let joins = gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                // "the Foreign Ministry of Pakistan", "a spokesperson for the Iraqi health ministry"
                || (matches!(mentions[j - 1].kind, MentionKind::Body { .. })
                    && matches!(
                        gap.trim().to_ascii_lowercase().as_str(),
                        "of" | "of the" | "for" | "for the" | "at" | "at the" | "from" | "from the"
                    ))
                // "a spokesman in the North Korean embassy": "in the" joins a body to a state
                // body only; "officials in Pakistan" are in a place.
                || (matches!(mentions[j - 1].kind, MentionKind::Body { .. })
                    && gap.trim().eq_ignore_ascii_case("in the")
                    && (matches!(mentions[j].kind, MentionKind::Body { .. })
                        || mentions.get(j + 1).is_some_and(|n| {
                            matches!(n.kind, MentionKind::Body { .. })
                                && text[mentions[j].tail..n.span.start].chars().all(|c| c == ' ')
                        })))
                // "the Iraqi health ministry", "the Libyan transport ministry": a demonym and
                // a body with one lower-case word between.
                // ... and "G7 finance ministers", "U.S. defense officials": a name, one word, a body.
                || (matches!(mentions[j - 1].kind, MentionKind::Actor { alias, .. }
                        if matches!(lexicon.alias(alias).rule.kind.as_str(), "demonym" | "name" | "short" | "org"))
                    && !mentions[j - 1].possessive
                    && !has_conjunction(gap)
                    && matches!(mentions[j].kind, MentionKind::Body { .. })
                    && word_count(gap) == 1
                    && gap.trim().chars().all(|c| c.is_lowercase()))
                // "Islamabad's political leaders", "Saudi Arabia's top religious official": a body
                // after a possessive with one or two adjectives between.
                || (mentions[j - 1].possessive
                    && matches!(mentions[j].kind, MentionKind::Body { .. })
                    && (1..=2).contains(&word_count(gap))
                    && gap.chars().all(|c| c.is_alphabetic() || c == ' '));
            if !joins {
                break;
            }
            j += 1;
        }
        let chain = &mentions[i..j];
        let former = words(&text[..m.span.start])
            .next_back()
            .is_some_and(|w| lexicon.in_list("out_of_office", w));
        let head = head_actor(lexicon, chain);
        let last = chain[chain.len() - 1];
        let next_word = words(&text[last.tail..]).next();
        let head_alias = head.map(|(_, alias)| &lexicon.alias(alias).rule);
        // "the Singapore summit", "the Minsk agreement": a place, not a party.
        // "at the Mexican border", "on Syrian territory": after a locative preposition, a
        // demonym before a word of the `place_noun` list (wordlists.csv) names a place
        // ("control of British borders" stays the state's).
        let locative = || {
            let lead: Vec<&str> = words(&text[..m.span.start]).rev().take(2).collect();
            let at = |w: &str| {
                word_in(
                    w,
                    &["at", "near", "along", "across", "on", "in", "from", "into", "over"],
                )
            };
            match lead[..] {
                [w, ..] if at(w) => true,
                [the, w] => the.eq_ignore_ascii_case("the") && at(w),
                _ => false,
            }
        };
        let venue = !last.possessive
            && (head_alias
                .is_some_and(|a| matches!(a.kind.as_str(), "capital" | "name" | "short") && !a.alias.contains('.'))
                && next_word.is_some_and(|w| word_in(w, EVENT_NOUNS))
                || chain.len() == 1
                    && head_alias.is_some_and(|a| a.kind == "demonym")
                    && next_word.is_some_and(|w| lexicon.in_list("place_noun", w))
                    && locative());
        // "Cyrus Vance", "Hunter Biden": a surname alias after a capitalized word that is
        // no title (wordlists.csv `title_word`) names another person of that name.
        // "the Texas Department of State Health Services": so is a state body's name.
        let namesake = matches!(m.kind, MentionKind::Actor { alias, .. }
                if (is_person_kind(&lexicon.alias(alias).rule.kind) && !lexicon.alias(alias).rule.alias.contains(' '))
                    || lexicon.alias(alias).rule.kind == "body")
            && text[..m.span.start].ends_with(' ')
            && text[..m.span.start].trim_end().ends_with(|c: char| c.is_alphabetic())
            && words(&text[..m.span.start]).next_back().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !lexicon.gap_words.contains(&w.to_lowercase())
                    && !lexicon.in_list("title_word", w.trim_end_matches('.'))
                    && !is_calendar_word(w)
            })
            && !sentence_initial_word(text, sentence_start, m.span.start)
            // A mention right before ("U.S. Biden", "Iranian Rouhani") is no first name.
            && (i == 0 || mentions[i - 1].tail + 1 < m.span.start);
        let kind = if former || chain.iter().any(|c| matches!(c.kind, MentionKind::Speaker { .. })) {
            UnitKind::Speaker
        } else if namesake
            || venue
            || stance_prefix(&text[..m.span.start])
            || inside_a_name(lexicon, &text[..m.span.start])
            || chain.iter().any(|c| matches!(c.kind, MentionKind::Inactive { .. }))
        {
            UnitKind::Unresolved
        } else {
            head.map_or(UnitKind::Unresolved, |(party, _)| UnitKind::Party(party))
        };
        // Venues are modifiers too: the object of "insisted the Cairo talks were ..." goes on.
        let adjective =
            venue || (chain.len() == 1 && head_alias.is_some_and(|a| a.kind == "demonym" && !a.alias.ends_with('s')));
        let anaphoric = chain.iter().all(|c| matches!(c.kind, MentionKind::Body { .. })) && !former;
        // A body word ("ministry") or a body alias ("the Pakistani Justice Department").
        let has_body = chain.iter().any(|c| match c.kind {
            MentionKind::Body { .. } => true,
            MentionKind::Actor { alias, .. } => lexicon.alias(alias).rule.kind == "body",
            _ => false,
        });
        // "U.S.-backed rebels", "Saudi-led coalition": a hyphenated adjective describes
        // a noun after it (LABELING.md: a description, not a stance or a holder).
        let hyphenated = text[last.tail..].starts_with(['-', '‑']) && matches!(last.kind, MentionKind::Actor { .. });
        // "the US Anti-Doping Agency", "US Wife Swap", "Australian Open": a capitalized
        // word right after the party, which starts no mention, makes it part of a name.
        let name_follows = !last.possessive
            && head_alias.is_some_and(|a| matches!(a.kind.as_str(), "name" | "short" | "demonym" | "capital"))
            && matches!(last.kind, MentionKind::Actor { .. })
            && text[last.tail..].starts_with(' ')
            && next_word.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !is_calendar_word(w)
                    && mentions.get(j).is_none_or(|n| n.span.start != last.tail + 1)
            });
        let voice = !hyphenated && !name_follows && (has_body || head_alias.is_none_or(|a| a.kind != "demonym"));
        let person = head_alias.is_some_and(|a| is_person_kind(&a.kind));
        units.push(Unit {
            span: m.span.start..last.tail,
            kind,
            possessive: last.possessive,
            adjective,
            anaphoric,
            voice,
            person,
            scope: starts.scope_of(m.span.start),
        });
        i = j;
    }
    units
}

/// "the Muslim Council of Britain", "the Bank of England": a party after "of" and a
/// capitalized word that is no state body is part of an organization's name.
pub(super) fn inside_a_name(lexicon: &Lexicon, before: &str) -> bool {
    let mut back = words(before).rev();
    let (Some(of), Some(name)) = (back.next(), back.next()) else {
        return false;
    };
    of == "of"
        && name.chars().next().is_some_and(char::is_uppercase)
        && !lexicon.gap_words.contains(&name.to_lowercase())
        && before.trim_end().ends_with(" of")
}

/// "pro-Russian separatists", "anti-American protests": a party in such an adjective
/// names a side in a description, neither a holder nor a target.
pub(super) fn stance_prefix(before: &str) -> bool {
    let tail = before
        .get(before.len().saturating_sub(5)..)
        .unwrap_or("")
        .to_ascii_lowercase();
    let word_start = |n: usize| {
        before[..before.len() - n]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    (tail.ends_with("pro-") && word_start(4)) || (tail.ends_with("anti-") && word_start(5))
}

/// "The ministry also thanked Qatar." / "He praised the deal.": a sentence whose subject
/// is a bare body or a pronoun refers back to the previous sentence's holder.
pub(super) fn resolve_opening_reference(
    text: &str,
    sentence: Range<usize>,
    units: &mut Vec<Unit>,
    party: PartyId,
    starts: &ScopeStarts,
) {
    let s = &text[sentence.clone()];
    let lead: Vec<&str> = words(s).take(3).collect();
    if let Some(first) = units.first_mut()
        && first.anaphoric
        && first.kind == UnitKind::Unresolved
        && word_count(&text[sentence.start..first.span.start]) <= 1
        && lead.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        first.kind = UnitKind::Party(party);
        return;
    }
    let Some(pronoun) = lead.first().filter(|w| word_in(w, &["he", "she", "it", "they"])) else {
        return;
    };
    let start = sentence.start + (pronoun.as_ptr() as usize - s.as_ptr() as usize);
    // The pronoun must be the subject: the first unit after it is the cue.
    if units
        .first()
        .is_some_and(|u| matches!(u.kind, UnitKind::Cue(_)) && word_count(&text[start..u.span.start]) <= 3)
    {
        let unit = Unit {
            span: start..start + pronoun.len(),
            kind: UnitKind::Party(party),
            possessive: false,
            adjective: false,
            anaphoric: true,
            voice: true,
            person: false,
            scope: starts.scope_of(start),
        };
        units.insert(0, unit);
    }
}

/// "Mr. Putin drew applause from journalists when he lashed out at Turkey": "he" or
/// "she" right before a stance cue, after a clause opener, refers to the office holder
/// that opens the sentence, when no other person is named between them.
pub(super) fn resolve_inner_pronouns(text: &str, sentence: Range<usize>, units: &mut Vec<Unit>, starts: &ScopeStarts) {
    let Some(first) = units.first().filter(|u| {
        u.person
            && !u.possessive
            && matches!(u.kind, UnitKind::Party(_))
            && word_count(&text[sentence.start..u.span.start]) <= 2
    }) else {
        return;
    };
    let (party, from) = (first.kind, first.span.end);
    let mut inserts = Vec::new();
    for (i, u) in units.iter().enumerate().skip(1) {
        // Another person between: "he" could be either. Units are read in order, so
        // only the one just passed can be new.
        let v = &units[i - 1];
        let other_person = i > 1
            && (v.person
                || v.kind == UnitKind::Unresolved && !v.anaphoric
                || v.kind == UnitKind::Speaker && !text[v.span.clone()].ends_with('s'));
        if other_person {
            break;
        }
        if !matches!(u.kind, UnitKind::Cue(_)) {
            continue;
        }
        let before = &text[from.max(units[i - 1].span.end)..u.span.start];
        let mut back = words(before).rev();
        let (Some(pronoun), Some(opener)) = (back.next(), back.next()) else {
            continue;
        };
        let opens = word_in(
            opener,
            &[
                "when", "as", "after", "because", "while", "before", "since", "and", "but", "where", "although",
                "though",
            ],
        );
        if !(word_in(pronoun, &["he", "she"]) && opens && before.trim_end().ends_with(pronoun)) {
            continue;
        }
        let start = pronoun.as_ptr() as usize - text.as_ptr() as usize;
        inserts.push((
            i,
            Unit {
                span: start..start + pronoun.len(),
                kind: party,
                possessive: false,
                adjective: false,
                anaphoric: true,
                voice: true,
                person: true,
                scope: starts.scope_of(start),
            },
        ));
    }
    for (i, unit) in inserts.into_iter().rev() {
        units.insert(i, unit);
    }
}

/// The party an actor chain speaks for: its possessive owner ("Israel's UN ambassador"),
/// else a demonym before another state's body or capital ("the Pakistani Justice
/// Department"), else a state over an organization ("the Pakistani UN envoy"), else its
/// last actor.
pub(super) fn head_actor(lexicon: &Lexicon, chain: &[&Mention]) -> Option<(PartyId, u32)> {
    let actors: Vec<(PartyId, u32, bool)> = chain
        .iter()
        .filter_map(|c| match c.kind {
            MentionKind::Actor { party, alias } => Some((party, alias, c.possessive)),
            _ => None,
        })
        .collect();
    if let Some(&(p, a, _)) = actors.iter().find(|a| a.2) {
        return Some((p, a));
    }
    // "the Pakistani Justice Department", "the Saudi Washington embassy": a demonym
    // before a body or capital of another state says whose it is.
    let kind = |a: u32| lexicon.alias(a).rule.kind.as_str();
    if let [(p, a, _), rest @ ..] = &actors[..]
        && kind(*a) == "demonym"
        && rest
            .iter()
            .any(|r| r.0 != *p && matches!(kind(r.1), "body" | "capital"))
    {
        return Some((*p, *a));
    }
    let is_org = |p: PartyId| lexicon.party(p).kind == crate::rules::PartyKind::Org;
    actors
        .iter()
        .rev()
        .find(|a| !is_org(a.0))
        .or(actors.first())
        .map(|&(p, a, _)| (p, a))
}

/// Whether an actor row of this kind is an office holder from people.csv.
fn is_person_kind(kind: &str) -> bool {
    !matches!(kind, "name" | "short" | "demonym" | "capital" | "body" | "org")
}

/// Whether the word before byte `at` is its sentence's first word (after any quote
/// marks, brackets or dashes), where any word is capitalized.
fn sentence_initial_word(text: &str, sentence_start: usize, at: usize) -> bool {
    words(&text[sentence_start..at]).count() <= 1
}
