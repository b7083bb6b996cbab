//! Attribution: the mentions of one sentence become claims. Adjacent actor and body
//! mentions merge into units ("Pakistan's foreign ministry"), the sentence is cut into
//! clause scopes, and each cue looks for its holder on the subject side and its target
//! on the object side of its scope. Every claim names the cue row and the pattern that
//! produced it; every cue that gives no claim says why.

use crate::matcher::{Mention, MentionKind};
use crate::rules::lexicon::PartyId;
use crate::rules::template::Shape;
use crate::rules::{CueKind, Label, Lexicon, Modifier, Source};
use std::ops::Range;

/// One (holder, label, target) claim with the evidence behind it. Spans are byte
/// offsets into the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub holder: PartyId,
    pub label: Label,
    pub target: Option<PartyId>,
    pub cue: Range<usize>,
    pub holder_span: Range<usize>,
    pub target_span: Option<Range<usize>>,
    /// The cue row and the attribution pattern: `cues.csv:57 verb-subject`.
    pub rule: String,
}

/// A cue that gave no claim, and why. Only `explain` shows these, so the rule is kept
/// as its parts and formatted there: labeling drops thousands of cues per megabyte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub cue: Range<usize>,
    /// The cue row.
    pub source: Source,
    /// The attribution pattern, when one matched.
    pub pattern: Option<&'static str>,
    pub reason: &'static str,
    /// The row that cancelled the cue, when a rule did (a look-alike reading).
    pub by: Option<Source>,
}

impl Dropped {
    /// As a claim shows its rule: `cues.csv:57 verb-subject`, or `cues.csv:57`.
    pub fn rule(&self) -> String {
        match self.pattern {
            Some(pattern) => format!("{} {pattern}", self.source),
            None => self.source.to_string(),
        }
    }
}

/// A run of mentions read as one thing: a party unit, a cue, a negator...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Byte span in the document, including a possessive ending.
    pub span: Range<usize>,
    pub kind: UnitKind,
    pub possessive: bool,
    /// A party named by a demonym used as an adjective ("Turkish support").
    pub adjective: bool,
    /// Bodies alone ("the ministry", "the spokesman"): they may refer back to the
    /// previous sentence's holder.
    pub anaphoric: bool,
    /// Whether the unit can speak for its party: a name, capital, office holder or
    /// state body, or a demonym with a state-voice head ("Indian officials"). A demonym
    /// alone ("an Indian man", "Russians") names the party as a target only.
    pub voice: bool,
    /// An office holder from people.csv heads the unit ("Mr. Putin", "Foreign Minister
    /// Wang Yi"): "he" or "she" later in the sentence may refer to it.
    pub person: bool,
    /// Clause scope the unit starts in.
    pub scope: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Party(PartyId),
    /// Bodies with no state to take a party from, or people out of office.
    Unresolved,
    /// Analysts, sources, a former official: never a holder.
    Speaker,
    Cue(u32),
    Negator,
}

/// The result of attributing one sentence.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub units: Vec<Unit>,
    /// Byte ranges of the clause scopes, in document offsets; a scope interrupted by a
    /// parenthesis or dash pair has several ranges.
    pub scopes: Vec<Vec<Range<usize>>>,
    pub claims: Vec<Claim>,
    pub dropped: Vec<Dropped>,
}

/// Attributes the sentence `sentence` (a byte range of `text`) given its mentions.
///
/// `previous_holder` is the one holder of the previous sentence's claims, if there was
/// exactly one: a sentence opening with "He", "It", "They" or a bare body ("The
/// ministry said ...") takes it as its subject.
pub fn attribute(
    lexicon: &Lexicon,
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    previous_holder: Option<PartyId>,
) -> Attribution {
    let dateline_end = dateline_end(&text[sentence.clone()]).map(|e| sentence.start + e);
    let mentions: Vec<&Mention> = mentions
        .iter()
        .filter(|m| dateline_end.is_none_or(|end| m.span.start >= end))
        .collect();
    let (starts, scopes) = clause_scopes(text, sentence.clone());
    let mut units = merge_units(lexicon, text, sentence.start, &mentions, &starts);
    if let Some(party) = previous_holder {
        resolve_opening_reference(text, sentence.clone(), &mut units, party, &starts);
    }
    resolve_inner_pronouns(text, sentence.clone(), &mut units, &starts);
    let n = units.len();
    // Words are only ever looked up before a unit (`words_before`), so the sentence's
    // tail after the last unit is not lower-cased. A word cut at `reach` ends after
    // every unit start and so is never looked up.
    let reach = units
        .iter()
        .map(|u| u.span.end)
        .max()
        .unwrap_or(sentence.start)
        .min(sentence.end);
    let mut state = Sentence {
        lexicon,
        text,
        sentence: sentence.clone(),
        units: &units,
        holders: vec![None; n],
        targets: vec![None; n],
        absorbed: vec![false; n],
        scopes: &scopes,
        lower: text[sentence.start..reach].to_ascii_lowercase(),
    };
    let mut att = Attribution::default();
    state.run(&mut att);
    drop(state);
    att.units = units;
    att.scopes = scopes;
    att
}

struct Sentence<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    sentence: Range<usize>,
    units: &'a [Unit],
    /// The holder group resolved for each cue unit, for coordinated verbs.
    holders: Vec<Option<Vec<usize>>>,
    /// The target side resolved for each cue unit, for elliptical passives.
    targets: Vec<Option<Side>>,
    /// Cue units read as the object of an earlier verb.
    absorbed: Vec<bool>,
    /// The byte ranges of each scope.
    scopes: &'a [Vec<Range<usize>>],
    /// The sentence up to the end of its last unit, ASCII-lower-cased (same byte
    /// offsets).
    lower: String,
}

/// Up to three words before a position, nearest first, without allocating.
struct Before<'s> {
    words: [&'s str; 3],
    len: usize,
}

impl<'s> std::ops::Deref for Before<'s> {
    type Target = [&'s str];
    fn deref(&self) -> &[&'s str] {
        &self.words[..self.len]
    }
}

/// Parties found for one side of a claim: unit indices, or the holder itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    Units(Vec<usize>),
    SameAsHolder,
    Empty,
}

use crate::matcher::is_calendar_word;

/// Why a party unit that is not a state voice ([`Unit::voice`]) gives no holder.
const NO_STATE_VOICE: &str =
    "a demonym or a hyphenated adjective names no holder (no state-voice head from bodies.csv)";

/// Why a possessive party before a capitalized word ("France's Suez", "Britain's Daily
/// Mail") gives no holder.
const OWNS_A_NAME: &str = "a possessive before another name (\"France's Suez\") owns it; the name is the subject";

/// Words after which a stance word is a noun ("the dispute", "their support", "in disputes").
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "any", "some", "its", "their", "his", "her", "our", "my",
    "your", "such", "no", "of", "in", "on", "for", "with", "without", "by", "from", "into", "amid", "after", "before",
    "over", "against", "despite", "and", "or",
];

/// Prepositions that end the object noun phrase of a stance verb: a party after them is a
/// place or a complement ("condemned the attack on Israel", "welcomed the deal agreed in Minsk").
const OBJECT_STOPS: &[&str] = &[
    "in", "on", "at", "to", "with", "over", "against", "into", "across", "near", "as", "than", "because", "after",
    "before", "during", "since", "amid", "despite", "under", "between", "among", "through", "within", "without",
    "toward", "towards", "while", "until", "via", "inside", "outside", "but",
];

/// Prepositions that make a party a place or complement rather than a subject
/// ("analysts in Islamabad", "speaking in Kyiv").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "across",
    "inside",
    "outside",
    "throughout",
    "around",
    "between",
    "among",
    "against",
    "under",
    "over",
    "beyond",
    "toward",
    "towards",
    "despite",
    "amid",
    "during",
];

/// Verbs after which an infinitive stance is still the subject's own stance.
const CONTROL_VERBS: &[&str] = &[
    "seem",
    "seemed",
    "seems",
    "appear",
    "appeared",
    "appears",
    "continue",
    "continued",
    "continues",
    "continuing",
    "moved",
    "moves",
    "rushed",
    "hastened",
    "quick",
    "went",
    "was",
    "were",
    "is",
    "are",
    "used",
    "use",
    "uses",
    "chose",
    "chooses",
    "decided",
    "decides",
    "sought",
    "seeks",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "wanted",
    "wants",
    // "lined up to excoriate" ("threatened to veto" is a promise about one's own conduct).
    "up",
];

/// Event nouns: a place named before them is a venue, not a party ("the Singapore summit").
const EVENT_NOUNS: &[&str] = &[
    "summit",
    "summits",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "talks",
    "declaration",
    "process",
    "format",
    "deal",
    "ceasefire",
    "truce",
    "conference",
    "meeting",
    "protocol",
    "protocols",
    "communique",
    "memorandum",
    "group",
    "round",
    "negotiations",
    "peace",
    "statement",
    "channel",
    "dialogue",
    "summitry",
    "framework",
];

impl Sentence<'_> {
    fn run(&mut self, att: &mut Attribution) {
        let sentence_text = &self.text[self.sentence.clone()];
        let blanket = if is_question(sentence_text) {
            Some("question")
        } else if is_conditional(sentence_text) {
            Some("conditional")
        } else {
            None
        };
        for k in self.absorbed_cues() {
            self.absorbed[k] = true;
        }
        for k in 0..self.units.len() {
            let UnitKind::Cue(cue_index) = self.units[k].kind else {
                continue;
            };
            let cue = self.lexicon.cue(cue_index);
            if matches!(cue.kind, CueKind::Role | CueKind::Charge) {
                continue;
            }
            let drop = |att: &mut Attribution, reason: &'static str| {
                att.dropped.push(Dropped {
                    cue: self.units[k].span.clone(),
                    source: cue.source.clone(),
                    pattern: None,
                    reason,
                    by: None,
                })
            };
            if self.proper_name_part(k) {
                drop(att, "part of a proper name");
                continue;
            }
            // "U.S.-backed", "a Chapter VII-supported resolution": glued to the word
            // before by a hyphen ("India - rejected" is a dash).
            // "counter-terrorism": glued to the word after, the first half of a compound.
            let glued_after = self.text[self.units[k].span.end..]
                .strip_prefix(['-', '‑'])
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphabetic);
            if glued_after
                || self.text[..self.units[k].span.start]
                    .strip_suffix(['-', '‑'])
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(|c| c.is_alphanumeric() || c == '.')
            {
                drop(
                    att,
                    "a hyphenated adjective (\"U.S.-backed\", \"counter-terrorism\") describes, it takes no stance",
                );
                continue;
            }
            if self.descriptive_participle(k) {
                drop(
                    att,
                    "a participle after an adverb describes a noun (\"a highly criticized conference\")",
                );
                continue;
            }
            if let Some(row) = self.lookalike(k) {
                att.dropped.push(Dropped {
                    cue: self.units[k].span.clone(),
                    source: cue.source.clone(),
                    pattern: None,
                    reason: "a look-alike reading, not a stance",
                    by: Some(row.source.clone()),
                });
                continue;
            }
            // The holder is resolved even for cues that give no claim, so that a verb
            // coordinated with a negated one still finds its subject.
            // A template whose parties stand elsewhere than a verb's says what its words
            // are; "The plan drew praise from" is no noun phrase.
            let nominal = cue.shape == Shape::Forward && self.nominal(k);
            let subject = (self.is_clause_verb(k) && !nominal).then(|| self.subject(k));
            if let Some(found) = &subject {
                self.holders[k] = found.clone().ok();
            }
            // A call verb gives no claim itself: the judgment after it does.
            if cue.kind == CueKind::Call {
                continue;
            }
            if let Some(reason) = blanket {
                drop(att, reason);
                continue;
            }
            if self.absorbed[k] {
                drop(att, "the object of an earlier cue");
                continue;
            }
            if let Some(reason) = self.negated(k) {
                drop(att, reason);
                continue;
            }
            if self.hypothetical(k) {
                drop(att, "hypothetical or a promise (would/could/might/will)");
                continue;
            }
            if self.infinitive(k) {
                drop(att, "infinitive after a noun (\"the right to defend\")");
                continue;
            }
            if matches!(cue.kind, CueKind::Verb | CueKind::Phrase)
                && cue.label == Some(Label::Support)
                && self.content_judgment(k).is_some()
            {
                drop(
                    att,
                    "its content calls something false (\"insisted the reports were baseless\"): the evaluation gives the claim",
                );
                continue;
            }
            // "Australia joined the United States in condemning the attack": both hold it.
            if let Some(holders) = self.joined_in(k) {
                let target = self.object(k, &holders, usize::MAX);
                self.holders[k] = Some(holders.clone());
                self.targets[k] = Some(target.clone());
                self.emit(att, k, &holders, cue.label, &target, (&cue.source, "joined-in"));
                continue;
            }
            if self.gerund_object(k) {
                drop(
                    att,
                    "a gerund after a preposition (\"said nothing about supporting\") is another word's object",
                );
                continue;
            }
            let found = match cue.kind {
                _ if cue.kind != CueKind::Noun && cue.kind != CueKind::Report && nominal => {
                    self.noun_claims(k, Modifier::Holder)
                }
                CueKind::Verb | CueKind::Phrase => match &cue.shape {
                    Shape::Forward => self.verb_claims(k, cue.modifier, subject),
                    Shape::Reversed => self.reversed_claims(k),
                    Shape::TargetInside(rest) => self.inside_target_claims(k, rest, subject),
                },
                CueKind::Noun => self.noun_claims(k, cue.modifier),
                CueKind::Report => self.report_claims(k, subject),
                CueKind::Judgment => self.judgment_claims(k),
                CueKind::Role | CueKind::Charge | CueKind::Call => continue,
            };
            match found {
                Ok(claims) if claims.iter().any(|c| self.sports_team(&c.0)) => drop(
                    att,
                    "a country's team in a sports report (wordlists.csv sport_word), no state voice",
                ),
                Ok(claims) => {
                    for (holders, label, target, pattern) in claims {
                        self.holders[k] = Some(holders.clone());
                        self.targets[k] = Some(target.clone());
                        self.emit(att, k, &holders, label.or(cue.label), &target, (&cue.source, pattern));
                    }
                }
                Err(reason) => drop(att, reason),
            }
        }
    }

    fn emit(
        &self,
        att: &mut Attribution,
        k: usize,
        holders: &[usize],
        label: Option<Label>,
        target: &Side,
        (source, pattern): (&Source, &'static str),
    ) {
        let Some(label) = label else { return };
        let before = att.claims.len();
        for &h in holders {
            let UnitKind::Party(holder) = self.units[h].kind else {
                continue;
            };
            let targets: Vec<(Option<PartyId>, Option<Range<usize>>)> = match target {
                Side::Units(ts) => ts
                    .iter()
                    .filter_map(|&t| match self.units[t].kind {
                        UnitKind::Party(p) => Some((Some(p), Some(self.units[t].span.clone()))),
                        _ => None,
                    })
                    .collect(),
                Side::SameAsHolder => vec![(Some(holder), Some(self.units[h].span.clone()))],
                Side::Empty => vec![(None, None)],
            };
            for (target, target_span) in targets {
                let duplicate = att
                    .claims
                    .iter()
                    .any(|c| c.holder == holder && c.label == label && c.target == target);
                if !duplicate {
                    att.claims.push(Claim {
                        holder,
                        label,
                        target,
                        cue: self.units[k].span.clone(),
                        holder_span: self.units[h].span.clone(),
                        target_span,
                        rule: format!("{source} {pattern}"),
                    });
                }
            }
        }
        if att.claims.len() == before {
            att.dropped.push(Dropped {
                cue: self.units[k].span.clone(),
                source: source.clone(),
                pattern: Some(pattern),
                reason: "gives only claims already made by an earlier cue",
                by: None,
            });
        }
    }

    fn gap(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or("")
    }

    fn same_scope(&self, a: usize, b: usize) -> bool {
        self.units[a].scope == self.units[b].scope
    }

    fn is_party(&self, i: usize) -> bool {
        matches!(self.units[i].kind, UnitKind::Party(_))
    }

    /// The first word of unit `i` ("expressed" of "expressed its gratitude").
    fn first_word(&self, i: usize) -> &str {
        words(&self.text[self.units[i].span.clone()]).next().unwrap_or("")
    }

    fn cue_label(&self, i: usize) -> Option<Label> {
        match self.units[i].kind {
            UnitKind::Cue(c) => self.lexicon.cue(c).label,
            _ => None,
        }
    }

    fn cue_kind(&self, i: usize) -> Option<CueKind> {
        match self.units[i].kind {
            UnitKind::Cue(c) => Some(self.lexicon.cue(c).kind),
            _ => None,
        }
    }

    fn is_clause_verb(&self, i: usize) -> bool {
        !self.absorbed[i]
            && matches!(
                self.cue_kind(i),
                Some(CueKind::Verb | CueKind::Phrase | CueKind::Report | CueKind::Call)
            )
    }

    /// Up to `n` words before byte `at` in the sentence, nearest first, lower case.
    /// Slices of the sentence's lower-cased copy: this runs for every cue and candidate.
    fn words_before(&self, at: usize, n: usize) -> Before<'_> {
        let start = self.sentence.start;
        let (spans, len) = spans_before(self.text, start, start + self.lower.len(), at, n);
        let mut before = Before { words: [""; 3], len };
        for (word, &(a, b)) in before.words.iter_mut().zip(&spans[..len]) {
            *word = &self.lower[a - start..b - start];
        }
        before
    }

    /// "Rapid Support Forces": a capitalized cue inside a run of capitalized words.
    fn proper_name_part(&self, k: usize) -> bool {
        let span = &self.units[k].span;
        let capital = self.text[span.clone()].chars().next().is_some_and(char::is_uppercase);
        // "offered similar praise: “Thank God for ...”": a word opening a quote or a
        // clause after a colon is capitalized for that.
        let lead = self.text[self.sentence.start..span.start].trim_end();
        if lead.ends_with(['“', '"', '‘', ':', '(']) {
            return false;
        }
        let before = words(&self.text[self.sentence.start..span.start]).next_back();
        let after = words(&self.text[span.end..self.sentence.end]).next();
        let cap = |w: Option<&str>| w.and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
        capital && before.is_some() && (cap(before) || cap(after))
    }

    /// A verb-form stance word used as a noun: after a determiner, a preposition or a
    /// possessive ("their support", "in earlier disputes", "Pakistan's praise").
    fn nominal(&self, k: usize) -> bool {
        if !matches!(self.cue_kind(k), Some(CueKind::Verb | CueKind::Phrase)) {
            return false;
        }
        if k > 0 && self.is_party(k - 1) && self.same_scope(k - 1, k) {
            let gap = self.gap(self.units[k - 1].span.end, self.units[k].span.start);
            if word_count(gap) == 0
                && !gap.contains(',')
                && (self.units[k - 1].possessive || self.units[k - 1].adjective)
            {
                return true;
            }
        }
        // "ISIS's claim", "the president's support": a cue right after a possessive that
        // is no party unit is a noun owned by someone who is not a party.
        if let Some(owner) =
            adjacent_word_before(&self.text[self.sentence.start..self.units[k].span.start]).and_then(possessive_owner)
            && !word_in(
                owner,
                &[
                    "it", "that", "there", "he", "she", "what", "who", "let", "here", "where",
                ],
            )
        {
            return true;
        }
        // "over US support for Boeing", "on U.S. support": a bare form right after a name,
        // itself after a preposition or determiner, is a noun (a state "supports").
        let bare_form = |t: &str| {
            !(ends_with_ignore_case(t, "s") || ends_with_ignore_case(t, "ed") || ends_with_ignore_case(t, "ing"))
        };
        let first_word = self.first_word(k);
        if k > 0
            && bare_form(first_word)
            && self.is_party(k - 1)
            && self.units[k - 1].span.end + 1 == self.units[k].span.start
            && self
                .words_before(self.units[k - 1].span.start, 1)
                .first()
                .is_some_and(|w| NOUN_MARKERS.contains(w) && !matches!(*w, "and" | "or"))
        {
            return true;
        }
        // "receive IMF support", "increased US support for": a bare form right after a
        // singular party with nothing between cannot be its verb ("the IMF supports").
        let lemma = match self.units[k].kind {
            UnitKind::Cue(c) if self.lexicon.cue(c).kind == CueKind::Verb => Some(&self.lexicon.cue(c).cue),
            _ => None,
        };
        if k > 0
            && lemma.is_some_and(|l| first_word.eq_ignore_ascii_case(l))
            && self.is_party(k - 1)
            && self.same_scope(k - 1, k)
            && self.units[k - 1].span.end + 1 == self.units[k].span.start
            && !self.text[self.units[k - 1].span.clone()].ends_with('s')
            && self.group_left(k - 1).len() == 1
        {
            return true;
        }
        // "the U.S. claims were baseless", "India's denials are": a plural form followed by
        // a copula is the subject noun, not a verb.
        // The forms are read on the first word: "lodged a strong protest with" is a past form.
        let cue_text = self.first_word(k);
        if ends_with_ignore_case(cue_text, "s")
            && words(&self.text[self.units[k].span.end..self.sentence.end])
                .next()
                .is_some_and(|w| {
                    word_in(
                        w,
                        &[
                            "were", "are", "was", "is", "have", "had", "remain", "remained", "of", "against", "about",
                            "over", "from",
                        ],
                    )
                })
        {
            return true;
        }
        let before = self.words_before(self.units[k].span.start, 2);
        // "Taiwan have claims in the area": an -s form after "have" is a plural noun.
        if ends_with_ignore_case(cue_text, "s") && before.first().is_some_and(|w| matches!(*w, "have" | "has" | "had"))
        {
            return true;
        }
        let marker = |w: &str| NOUN_MARKERS.contains(&w);
        // "international support", "unwavering support": an adjective before a bare verb form.
        let bare = !ends_with_ignore_case(cue_text, "ed") && !ends_with_ignore_case(cue_text, "s");
        let adjectival = |w: &str| {
            ["al", "ic", "ive", "ous", "ful", "ing", "ent", "ant", "ong"]
                .iter()
                .any(|suffix| w.ends_with(suffix))
                && !matches!(w, "and" | "long" | "thing" | "being")
        };
        // "a statement condemning", "the government denying": an -ing form after a noun in
        // -ment is its participle ("strong backing" stays a noun).
        let after_ment_noun =
            ends_with_ignore_case(cue_text, "ing") && before.first().is_some_and(|w| w.ends_with("ment"));
        match &*before {
            _ if after_ment_noun => false,
            [first, ..] if marker(first) && *first != "and" && *first != "or" => true,
            [first, ..] if bare && adjectival(first) => true,
            // "the long dispute": one adjective after a determiner, not a party or an adverb.
            // "in earlier disputes": after a preposition, only a word that looks adjectival.
            [adjective, second, ..] => {
                let determiner = matches!(
                    *second,
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "any"
                );
                let preposition = matches!(*second, "in" | "of" | "for" | "after" | "over" | "amid")
                    && (adjectival(adjective) || adjective.ends_with("er"));
                // "a letter claiming": an -ing form after a noun is its participle ("his own
                // standing" stays a noun).
                let participle =
                    ends_with_ignore_case(cue_text, "ing") && !adjectival(adjective) && *adjective != "own";
                // "who this week criticised", "the spokesman denied": a past form after a
                // determined word is that word's verb.
                let past = ends_with_ignore_case(cue_text, "ed");
                // "Nigeria for its part maintains": a parenthetical, not a noun phrase.
                !adjective.ends_with("ly")
                    && *adjective != "part"
                    && !participle
                    && !past
                    && (determiner || preposition)
                    && !(k > 0 && self.is_party(k - 1) && self.units[k - 1].span.end + 2 > self.units[k].span.start)
            }
            _ => false,
        }
    }

    /// "said nothing about supporting the dollar", "criticized India for backing the
    /// rebels": a verb's -ing form after a preposition is the object of another word,
    /// not the stance of the clause ("by calling" is the means of the main verb, and
    /// stays).
    fn gerund_object(&self, k: usize) -> bool {
        let cue = self.first_word(k);
        ends_with_ignore_case(cue, "ing")
            && matches!(self.cue_kind(k), Some(CueKind::Verb | CueKind::Phrase))
            && self.words_before(self.units[k].span.start, 1).first().is_some_and(|w| {
                matches!(
                    *w,
                    "about" | "of" | "for" | "without" | "against" | "from" | "on" | "in" | "at"
                )
            })
    }

    /// "the right to defend itself", "efforts to broker": an infinitive governed by a noun.
    fn infinitive(&self, k: usize) -> bool {
        let before = self.words_before(self.units[k].span.start, 2);
        before.first().is_some_and(|w| *w == "to") && !before.get(1).is_some_and(|w| CONTROL_VERBS.contains(w))
    }

    /// A stance word inside the object of an earlier stance verb ("disputed some U.S.
    /// claims", "welcomed U.S. support") is that verb's object, not a stance of its own.
    fn absorbed_cues(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for k in 0..self.units.len() {
            if !matches!(self.cue_kind(k), Some(CueKind::Noun | CueKind::Verb | CueKind::Phrase)) {
                continue;
            }
            let mut j = k;
            while j > 0 && self.same_scope(j - 1, k) {
                j -= 1;
                // "— a claim Delhi denies": a verb form read as a noun takes no object.
                if matches!(self.cue_kind(j), Some(CueKind::Verb | CueKind::Phrase)) && !self.nominal(j) {
                    let gap = self.gap(self.units[j].span.end, self.units[k].span.start);
                    let joined = words(gap).any(|w| {
                        word_in(
                            w,
                            // "His claims were denied by": an auxiliary makes a verb of
                            // its own, not an object.
                            &[
                                "and", "or", "but", "that", "to", "while", "then", "as", "who", "which", "were", "was",
                                "is", "are", "been", "has", "have", "had",
                            ],
                        )
                    });
                    if !gap.contains([',', ';']) && !joined && word_count(gap) <= 5 {
                        out.push(k);
                    }
                    break;
                }
                if !matches!(self.units[j].kind, UnitKind::Party(_) | UnitKind::Unresolved) {
                    break;
                }
            }
        }
        out
    }

    /// A negator just before the cue in its clause cancels it ("did not dispute").
    fn negated(&self, k: usize) -> Option<&'static str> {
        let j = k.checked_sub(1).filter(|&j| self.same_scope(j, k))?;
        let gap = self.gap(self.units[j].span.end, self.units[k].span.start);
        (self.units[j].kind == UnitKind::Negator
            && word_count(gap) <= 3
            && !gap.contains([',', ';'])
            && !has_conjunction(gap))
        .then_some("negated")
    }

    fn hypothetical(&self, k: usize) -> bool {
        let before = self.words_before(self.units[k].span.start, 3);
        // "pledged to support", "vowed to defend": a promise about one's own conduct.
        let promise = before.first().is_some_and(|w| *w == "to")
            && before.get(1).is_some_and(|w| {
                matches!(
                    *w,
                    "pledged" | "pledge" | "pledges" | "vowed" | "vow" | "vows" | "promised" | "promise" | "promises"
                )
            });
        // "pledged to continue to do what is necessary ... and support the Iraqi forces":
        // a promise verb and its "to" earlier in the clause (no comma or "but" between).
        let lead_text = self.gap(self.sentence.start, self.units[k].span.start);
        let promised_earlier = || {
            let clause = lead_text.rsplit([',', ';', ':']).next().unwrap_or(lead_text);
            let back: Vec<&str> = words(clause).rev().take(14).collect();
            back.windows(2).enumerate().any(|(i, w)| {
                w[0].eq_ignore_ascii_case("to")
                    && word_in(w[1], &["pledged", "pledges", "vowed", "vows", "promised", "promises"])
                    && !back[..i]
                        .iter()
                        .any(|b| word_in(b, &["but", "while", "although", "said", "says"]))
            })
        };
        // "declined to say whether the prime minister backed the plans", "if Washington
        // supports the deal": an open question or a condition asserts nothing.
        let lead = &self.lower[..self.units[k].span.start - self.sentence.start];
        let open = words(lead).rev().take(6).any(|w| matches!(w, "whether" | "if"));
        // "which can veto any plan": an ability asserts nothing; "we can confirm that"
        // is a statement all the same.
        let confirm = matches!(self.units[k].kind, UnitKind::Cue(c) if self.lexicon.cue(c).cue == "confirm");
        // In lower case only: "Theresa May insisted".
        let ability = || words(lead_text).rev().take(3).any(|w| matches!(w, "can" | "may"));
        // "... would not work, argued Mr Blair": a modal before the comma belongs to the
        // content that the verb reports after it.
        let clause = lead_text.rsplit([',', ';', ':', '"', '”']).next().unwrap_or(lead_text);
        let modal = words(clause)
            .rev()
            .take(3)
            .any(|w| word_in(w, &["would", "could", "might", "should", "will", "shall", "must"]));
        promise || promised_earlier() || open || modal || (!confirm && ability())
    }

    /// A party right after a locative preposition is a place or complement, not a subject.
    fn located(&self, j: usize) -> bool {
        self.words_before(self.units[j].span.start, 2)
            .iter()
            .take(2)
            .enumerate()
            .any(|(i, w)| {
                LOCATIVE.contains(w)
                    && (i == 0 || {
                        // "in the United States", "in neighbouring Chad", "in southern Iraq"
                        let between = self.words_before(self.units[j].span.start, 1);
                        between
                            .first()
                            .is_some_and(|b| *b == "the" || b.ends_with("ern") || b.starts_with("neighbo"))
                    })
            })
    }

    fn who_follows(&self, j: usize) -> bool {
        let after = &self.text[self.units[j].span.end..self.sentence.end];
        after.starts_with(',') && words(after).next().is_some_and(|w| w.eq_ignore_ascii_case("who"))
    }

    /// "The World Health Organization (WHO) said": a unit alone in brackets, which the
    /// subject search passes over.
    fn bracketed_acronym(&self, j: usize) -> bool {
        let span = &self.units[j].span;
        self.text[self.sentence.start..span.start].ends_with('(')
            && self.text[span.end..self.sentence.end].starts_with(')')
    }

    /// The holder group of a verb-like cue: its grammatical subject, found leftwards in
    /// the same scope; coordinated verbs share the subject of the verb before them.
    fn subject(&self, k: usize) -> Result<Vec<usize>, &'static str> {
        if self.participle_after_noun(k) {
            return Err("a participle right after a noun (\"fighters defending Kobani\"): the noun is its subject");
        }
        if self.plural_noun_subject(k) {
            return Err("a plural noun right before the verb (\"many developing countries support\") is its subject");
        }
        // "“Japan has never liked that option,” insists Mr Wood": right after a quotation
        // the verb is inverted, its subject after it; the quote's parties are not it.
        let lead = self.text[self.sentence.start..self.units[k].span.start].trim_end();
        let after_quote = [",\"", ",”", ",’", "?\"", "?”", "!\"", "!”", "\",", "”,", "’,"]
            .iter()
            .any(|q| lead.ends_with(q));
        if after_quote {
            return (k + 1..self.units.len())
                .next()
                .filter(|&j| {
                    self.is_party(j) && word_count(self.gap(self.units[k].span.end, self.units[j].span.start)) <= 1
                })
                .map(|j| self.voiced_group(j))
                .unwrap_or(Err(
                    "after a quotation the verb's subject follows it, and it is no party",
                ));
        }
        let mut j = k;
        let mut previous_verb = None;
        let mut candidate = None;
        while j > 0 && (self.same_scope(j - 1, k) || self.bracketed_acronym(j - 1)) {
            j -= 1;
            if !self.same_scope(j, k) {
                continue;
            }
            match self.units[j].kind {
                // "protesters in London and Madrid", "a priest in America", "speaking in
                // Buenos Aires": a party after a locative preposition is a place, never
                // the holder (LABELING.md: a place names no holder).
                // "an address from Iraqi leader Iyad Allawi, who criticised": a place is
                // never "who", so a party that "who" follows is a person, wherever it stands.
                UnitKind::Party(_)
                    if candidate.is_none()
                        && (!(self.located(j) || self.located(self.group_left(j)[0])) || self.who_follows(j))
                        && !self.object_of_preposition(j, k) =>
                {
                    candidate = Some(j);
                }
                UnitKind::Speaker if candidate.is_none() => return Err("the subject is a non-party speaker"),
                // "Mr. Trump officially claimed" (out of office), "pro-Russian separatists
                // claimed": a name that holds no party, right before the verb, is its
                // subject. After "of" it ends a longer name ("Angela Merkel of Germany").
                UnitKind::Unresolved
                    if candidate.is_none()
                        && !self.units[j].anaphoric
                        && self.words_before(self.units[j].span.start, 1).first() != Some(&"of")
                        && words(self.gap(self.units[j].span.end, self.units[k].span.start))
                            .all(|w| self.in_verb_group(w)) =>
                {
                    return Err("the subject is a name that holds no party (out of office, or part of another name)");
                }
                UnitKind::Cue(_) if self.is_clause_verb(j) => {
                    previous_verb = Some(j);
                    break;
                }
                _ => {}
            }
        }
        match (candidate, previous_verb) {
            (Some(c), Some(v)) if c > v => {
                // "X contested the U.S. narrative, saying ...", "X hailed India and said ...":
                // a party after the earlier verb, cut off from this cue by a comma or a
                // conjunction, is that verb's object.
                let gap = self.gap(self.units[c].span.end, self.units[k].span.start);
                if gap.contains(',') || has_conjunction(gap) {
                    // With no holder for the earlier verb (a participle such as "Speaking in
                    // Paris, X ..."), the party itself is the best subject.
                    // A finite verb whose subject is no party ("Tory shadow chancellor X
                    // accused Mr Blair of ... and questioned") keeps it for this cue too.
                    let v_word = self.first_word(v);
                    // "... by Foreign Secretary Jack Straw, who accused": a relative pronoun
                    // right after the party makes it the subject.
                    let relative = words(gap).next().is_some_and(|w| word_in(w, &["who", "which"]));
                    match self.holders[v].clone() {
                        Some(h) => Ok(h),
                        None if relative || ends_with_ignore_case(v_word, "ing") => {
                            self.speaks_as_subject(c, k).map(|()| self.group_left(c))
                        }
                        None => Err("the party is the object of the verb before, whose subject is no party"),
                    }
                } else {
                    self.speaks_as_subject(c, k)?;
                    Ok(self.group_left(c))
                }
            }
            (Some(c), _) => {
                let c = self.relative_clause_head(c, k).unwrap_or(c);
                let gap = self.gap(self.units[c].span.end, self.units[k].span.start);
                // "The State Department summoned the Chinese ambassador and condemned ...":
                // with a conjunction between, the clause's first party is the subject.
                // "The State Department has yet to act, having previously defended ...": a
                // participle after a comma belongs to the clause's subject too.
                let cue_word = self.first_word(k);
                let participle = gap.contains(',')
                    && (ends_with_ignore_case(cue_word, "ing")
                        || self.words_before(self.units[k].span.start, 3).contains(&"having"));
                if (has_conjunction(gap) || participle)
                    && let Some(first) = self.first_party_in_scope(k).filter(|&f| f < c && !self.located(f))
                {
                    self.speaks_as_subject(first, k)?;
                    return Ok(self.group_right(first));
                }
                // "Poland, one of the largest EU member states, rejected": a party inside an
                // apposition is not the subject; the one before the comma may be.
                let mut c = c;
                loop {
                    let failed = match self.speaks_as_subject(c, k) {
                        Ok(()) => return Ok(self.group_left(c)),
                        Err(reason) => reason,
                    };
                    let comma = self.gap(self.units[c].span.end, self.units[k].span.start).contains(',');
                    let earlier = (0..self.group_left(c)[0])
                        .rev()
                        .take_while(|&j| self.same_scope(j, k) && previous_verb.is_none_or(|v| j > v))
                        .find(|&j| self.is_party(j) && !self.located(j));
                    match earlier {
                        Some(e) if comma => c = e,
                        _ => return Err(failed),
                    }
                }
            }
            (None, Some(v)) => {
                if self.content_has_own_subject(v, k) {
                    return Err("the reported content has its own subject (\"says hackers are taking aim\")");
                }
                self.holders[v].clone().ok_or("no holder party before the cue")
            }
            (None, None) => self.inherited_holder(k).ok_or("no holder party before the cue"),
        }
    }

    /// Whether cue `k` stands in the content of the speech or assertion verb `v` with a
    /// subject of its own: "Johnson says hackers are taking aim at" is the hackers' act,
    /// while "India said on Tuesday it rejected" and "X said, rejecting" keep the speaker.
    /// Read back from the cue over the verb group, dates and negation, the last word must
    /// be a pronoun of wordlists.csv's `content_subject` (or nothing); a comma between or a
    /// participle cue leaves the speaker its verb.
    fn content_has_own_subject(&self, v: usize, k: usize) -> bool {
        let speech = match self.cue_kind(v) {
            Some(CueKind::Report) => true,
            Some(CueKind::Verb | CueKind::Phrase) => self.cue_label(v) == Some(Label::Support),
            _ => false,
        };
        let between = self.gap(self.units[v].span.end, self.units[k].span.start);
        // "said in a statement rejecting": a participle, unless a form of "be" makes it
        // the content's own verb ("are taking aim").
        let progressive = self
            .words_before(self.units[k].span.start, 1)
            .first()
            .is_some_and(|w| matches!(*w, "is" | "are" | "was" | "were" | "be" | "been"));
        let participle = ends_with_ignore_case(self.first_word(k), "ing") && !progressive;
        if !speech || participle || between.contains([',', ':', ';', '"', '“', '”']) {
            return false;
        }
        let passed = |w: &str| self.in_verb_group(w) || is_calendar_word(w) || word_in(w, &["not", "never", "n't"]);
        let Some((skipped, last)) = words(between).rev().enumerate().find(|&(_, w)| !passed(w)) else {
            return false;
        };
        let lower = last.to_lowercase();
        // "stressed bipartisan support": with no auxiliary between, a bare form is a noun
        // that the word before describes; a finite verb ("hackers attacked") has a subject.
        let cue_word = self.first_word(k);
        let finite = skipped > 0 || ends_with_ignore_case(cue_word, "ed") || ends_with_ignore_case(cue_word, "s");
        // "said there was no consensus and emphasised": a verb coordinated with the
        // speech verb shares its subject.
        let coordinated = word_in(&lower, &["and", "but"]);
        finite
            && !coordinated
            && !self.lexicon.in_list("content_subject", &lower)
            && !lower.ends_with("ed")
            && !lower.ends_with("ing")
    }

    /// Whether the party unit `c` can be the subject of cue `k`: a state voice, and the
    /// head of the subject rather than a modifier of another noun ("US bank boss hails",
    /// "two Australian men claim", "Greek sprinter X has denied"). Read from the party
    /// on, the words up to the first verb (a word ending in -ed or -ing) may be only
    /// words of verbgroup.csv and bodies.csv, names and titles, numbers and -ly adverbs;
    /// an apposition set off by commas or dashes is passed over, and so are the words of
    /// other units (negators, unresolved bodies).
    pub(super) fn speaks_as_subject(&self, c: usize, k: usize) -> Result<(), &'static str> {
        if !self.units[c].voice {
            return Err(NO_STATE_VOICE);
        }
        let mut gap = String::new();
        let mut from = self.units[c].span.end;
        for unit in &self.units[c + 1..k] {
            gap.push_str(self.gap(from, unit.span.start));
            gap.push(' ');
            from = unit.span.end;
        }
        gap.push_str(self.gap(from, self.units[k].span.start));
        if self.units[c].possessive
            && words(&gap)
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Err(OWNS_A_NAME);
        }
        // A relative pronoun right after the party makes the party its subject ("the
        // Saudi government, which has strongly denied"); one further on opens a clause
        // about another noun ("godmen who are ascetics claiming").
        let relative = |w: &str| word_in(w, &["who", "which", "whose", "whom"]);
        let after_relative = |part: &'_ str| -> Option<usize> {
            let first = words(part).next()?;
            relative(first).then(|| first.as_ptr() as usize - part.as_ptr() as usize + first.len())
        };
        // Unnamed bodies between the party and the cue head their own noun phrase:
        // "detained by the Lebanese army, security officials have claimed".
        if self.units[c + 1..k].iter().any(|u| {
            u.kind == UnitKind::Unresolved
                && u.anaphoric
                && self.gap(self.units[c].span.end, u.span.start).contains([',', '—', '–'])
        }) {
            return Err("an unnamed body between the party and the cue is the subject");
        }
        // "Spain's minister of sport Jaime Lissavetzky": lower-case words after "of" finish
        // a body's title, up to the name.
        let gap = match gap.trim_start().strip_prefix("of ") {
            Some(rest) if self.ends_with_body(c) => {
                let title: usize = words(rest)
                    .take(3)
                    .take_while(|w| w.chars().all(char::is_lowercase))
                    .map(|w| w.as_ptr() as usize - rest.as_ptr() as usize + w.len())
                    .last()
                    .unwrap_or(0);
                rest[title..].to_owned()
            }
            _ => gap,
        };
        let parts: Vec<&str> = gap.split([',', '—', '–', '(', ')', ';']).collect();
        let first = match after_relative(parts[0]) {
            Some(end) => &parts[0][end..],
            None if words(parts[0]).any(relative) => {
                return Err("the cue is in a relative clause about another noun");
            }
            None => parts[0],
        };
        // "Obama's letter claiming a breach", "Putin's ironic speech decrying": what a
        // party issues speaks for it when a participle follows it at once.
        let issued = self.units[c].possessive
            && parts.len() == 1
            && ends_with_ignore_case(self.first_word(k), "ing")
            && words(first).count() <= 3
            && adjacent_word_before(first).is_some_and(|w| self.lexicon.in_list("statement_noun", &w.to_lowercase()));
        if self.noun_follows(first) && !issued {
            return Err("the party modifies another noun, which is no state voice");
        }
        // "After hearing the DHS statement, Sean Hannity claimed": a name after the one
        // comma that ends the party's phrase is the subject (an apposition has two).
        if let [phrase, name] = &parts[..]
            && !phrase.trim().is_empty()
            && words(name).next().is_some()
            && words(name).all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Err("a name after the comma that ends the party's phrase is the subject");
        }
        // After an apposition ("X, General Y, credited"), only verb-group words may come
        // before the verb: "..., earlier this week as he paid tribute" is another clause.
        if parts.len() > 1 {
            let last = parts[parts.len() - 1];
            let last = match after_relative(last) {
                Some(end) if parts.len() == 2 && parts[0].trim().is_empty() => &last[end..],
                _ => last,
            };
            if !words(last).all(|w| self.in_verb_group(w)) && !self.issued_statement(last) {
                return Err("a clause with its own subject stands between the party and the cue");
            }
        }
        Ok(())
    }

    /// "Turkey, which occupies northern Cyprus, had insisted": the party before a relative
    /// clause set off by commas, when candidate subject `c` stands inside that clause.
    fn relative_clause_head(&self, c: usize, k: usize) -> Option<usize> {
        let p = (0..c)
            .rev()
            .take_while(|&j| self.same_scope(j, k))
            .find(|&j| self.is_party(j))?;
        if (p + 1..c).any(|j| matches!(self.units[j].kind, UnitKind::Cue(_))) {
            return None;
        }
        let opening = self.gap(self.units[p].span.end, self.units[c].span.start);
        let relative = opening.trim_start().starts_with(',')
            && words(opening).next().is_some_and(|w| word_in(w, &["which", "who"]));
        (relative && self.gap(self.units[c].span.end, self.units[k].span.start).contains(',')).then_some(p)
    }

    /// "Obama's highly criticized press conference", "a widely praised deal": an -ly
    /// adverb and a participle after a possessive or determiner describe a noun.
    fn descriptive_participle(&self, k: usize) -> bool {
        let cue_text = &self.text[self.units[k].span.clone()];
        let before = self.words_before(self.units[k].span.start, 2);
        ends_with_ignore_case(cue_text, "ed")
            && before.first().is_some_and(|w| w.ends_with("ly"))
            && before.get(1).is_some_and(|w| {
                possessive_owner(w).is_some() || matches!(*w, "the" | "a" | "an" | "its" | "their" | "his" | "her")
            })
    }

    /// "Kurdish fighters defending Kobani", "leaflets condemning Kim": an -ing form right
    /// after a plural noun that is no party, body or verb-group word modifies that noun.
    pub(super) fn participle_after_noun(&self, k: usize) -> bool {
        if !ends_with_ignore_case(self.first_word(k), "ing") {
            return false;
        }
        let before = &self.text[self.sentence.start..self.units[k].span.start];
        let Some(noun) = words(before).next_back() else {
            return false;
        };
        let adjacent = adjacent_word_before(before).is_some();
        // "Anyone claiming that ...": a participle after an indefinite pronoun.
        if adjacent
            && word_in(
                noun,
                &[
                    "anyone", "someone", "everyone", "anybody", "somebody", "those", "people",
                ],
            )
        {
            return true;
        }
        let unit_before = k > 0 && self.units[k - 1].span.end + 1 >= self.units[k].span.start;
        // "Kurdish forces defending": a body of no state is the participle's noun too.
        if unit_before && matches!(self.units[k - 1].kind, UnitKind::Unresolved | UnitKind::Speaker) {
            return adjacent;
        }
        // "a super PAC supporting Clinton": a noun with an indefinite article, one or
        // two words back, is the participle's subject (not "issued a statement condemning").
        let indefinite = words(before)
            .rev()
            .skip(1)
            .take(2)
            .any(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
        if adjacent
            && !unit_before
            && indefinite
            && !self.lexicon.gap_words.contains(&noun.to_lowercase())
            && !self.lexicon.in_list("statement_noun", &noun.to_lowercase())
        {
            return true;
        }
        self.bare_plural_noun_before(k)
    }

    /// "The WTO said that many developing countries support the end of quotas": a verb
    /// right after a lower-case plural noun that is no unit and no verb-group word has
    /// that noun as its subject (the -ing forms are `participle_after_noun`'s).
    fn plural_noun_subject(&self, k: usize) -> bool {
        !ends_with_ignore_case(self.first_word(k), "ing") && self.bare_plural_noun_before(k)
    }

    /// Whether cue `k` comes right after a lower-case plural noun ("fighters",
    /// "countries") that is no unit and no verb-group word.
    fn bare_plural_noun_before(&self, k: usize) -> bool {
        let before = &self.text[self.sentence.start..self.units[k].span.start];
        let Some(noun) = adjacent_word_before(before) else {
            return false;
        };
        let unit_before = k > 0 && self.units[k - 1].span.end + 1 >= self.units[k].span.start;
        // "took turns rebutting": an idiom of the verb group, no subject.
        let turns = noun == "turns"
            && words(&before[..before.len() - noun.len() - 1])
                .next_back()
                .is_some_and(|w| word_in(w, &["take", "takes", "took", "taking", "taken"]));
        !unit_before
            && !turns
            && noun.len() > 3
            && noun.ends_with('s')
            && !noun.ends_with("ss")
            && noun.chars().all(|c| c.is_lowercase())
            && !self.in_verb_group(noun)
    }

    /// "issued a statement", "sent a letter": a verb and a noun of the `statement_noun`
    /// list, which a participle cue right after speaks through ("David Cameron, the prime
    /// minister, issued a statement condemning the killing").
    fn issued_statement(&self, stretch: &str) -> bool {
        let w: Vec<&str> = words(stretch).collect();
        let (verb, noun) = match w[..] {
            [verb, _, noun] | [verb, noun] => (verb, noun),
            _ => return false,
        };
        verb.chars().all(char::is_lowercase) && self.lexicon.in_list("statement_noun", noun)
    }

    /// "this brave Jordanian will", "a young Briton,": a singular demonym after a
    /// determiner or adjective, followed by a verb-group word or punctuation, names a
    /// person ("Indian forces" has its noun).
    fn demonym_for_a_person(&self, j: usize) -> bool {
        if !self.units[j].adjective || self.units[j].possessive {
            return false;
        }
        let before = self.words_before(self.units[j].span.start, 1);
        let after = self.gap(self.units[j].span.end, self.sentence.end);
        let determined = before
            .first()
            .is_some_and(|w| matches!(*w, "this" | "a" | "the" | "that") || w.ends_with("ve"));
        let ends = after
            .trim_start()
            .starts_with([',', '.', ';', ':', '"', '”', '\'', '’', ')'])
            || words(after)
                .next()
                .is_some_and(|w| word_in(w, &["will", "would", "was", "is", "had", "has", "who"]));
        determined && ends
    }

    /// Whether party unit `c` ends with a body word ("Spain's minister").
    fn ends_with_body(&self, c: usize) -> bool {
        words(&self.text[self.units[c].span.clone()])
            .next_back()
            .is_some_and(|w| self.lexicon.body_words.contains(&w.to_lowercase()))
    }

    /// A word that may stand between a holder and its verb: a pass word of
    /// verbgroup.csv, a word of bodies.csv, a capitalized word, a number, an -ly adverb.
    fn in_verb_group(&self, w: &str) -> bool {
        let first = w.chars().next().unwrap_or(' ');
        // Words reaching here are lower case but for the rare "iPhone": no copy for them.
        // "al-Jibouri", "bin Laden": a name's particle is part of the name.
        let particle = w
            .split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase));
        first.is_uppercase()
            || particle
            || first.is_ascii_digit()
            || ends_with_ignore_case(w, "ly")
            || self.lexicon.gap_words.contains(w)
            || (w.chars().any(char::is_uppercase) && self.lexicon.gap_words.contains(&w.to_lowercase()))
    }

    /// Whether `text`, read from just after a party, shows the party modifying another
    /// noun: a word that is none of verbgroup.csv's pass words, bodies.csv's words, a
    /// capitalized word, a number or an -ly adverb, met before anything that ends the
    /// noun phrase (a verb ending in -ed or -ing, or a stop word of verbgroup.csv).
    fn noun_follows(&self, text: &str) -> bool {
        for w in words(text) {
            if self.in_verb_group(w) {
                continue;
            }
            let lower = w.to_lowercase();
            return !(lower.ends_with("ed") || lower.ends_with("ing") || self.lexicon.phrase_ends.contains(&lower));
        }
        false
    }

    /// "control much of eastern Syria and claim", "fighting with Russia, ... denied": a
    /// party in a prepositional phrase is no subject, unless a relative clause about it
    /// holds the cue ("members of the Saudi government, which has denied").
    fn object_of_preposition(&self, j: usize, k: usize) -> bool {
        let start = self.group_left(j)[0];
        let before = self.words_before(self.units[start].span.start, 2);
        let modifier = |w: &str| {
            matches!(w, "the" | "a" | "an") || ["eastern", "western", "northern", "southern", "central"].contains(&w)
        };
        let preposition = |w: &str| {
            matches!(
                w,
                "of" | "with"
                    | "to"
                    | "for"
                    | "by"
                    | "about"
                    | "into"
                    | "toward"
                    | "towards"
                    | "on"
                    | "than"
                    | "via"
                    | "like"
                    | "including"
                    | "unlike"
            )
        };
        let inside = match &*before {
            // "with Trump publicly claiming U.S. mediation": with a participle, "with"
            // introduces its subject.
            [first, ..] if *first == "with" => !words(&self.text[self.units[k].span.clone()])
                .next()
                .is_some_and(|w| ends_with_ignore_case(w, "ing")),
            [first, ..] if preposition(first) => true,
            [first, second, ..] => modifier(first) && preposition(second),
            _ => false,
        };
        let relative = words(self.gap(self.units[j].span.end, self.units[k].span.start))
            .next()
            .is_some_and(|w| word_in(w, &["who", "which"]));
        inside && !relative
    }

    fn first_party_in_scope(&self, k: usize) -> Option<usize> {
        (0..k).filter(|&j| self.same_scope(j, k)).find(|&j| self.is_party(j))
    }

    /// "... but accused the West", "— rejecting that ...": a verb opening its scope with
    /// no subject takes the holder of the clause before it.
    fn inherited_holder(&self, k: usize) -> Option<Vec<usize>> {
        let scope_start = self.scope_start(k);
        let lead = words(self.gap(scope_start, self.units[k].span.start))
            .filter(|w| {
                !word_in(
                    w,
                    &[
                        "but", "and", "while", "yet", "also", "again", "later", "then", "even", "as", "instead", "he",
                        "she", "it", "they",
                    ],
                ) && !w.ends_with("ly")
            })
            .count();
        if lead > 0 {
            return None;
        }
        (0..k)
            .rev()
            .filter(|&j| self.is_clause_verb(j))
            .find_map(|j| self.holders[j].clone())
    }

    /// The unit `i` with the parties coordinated before it ("India and Pakistan",
    /// "France, Britain and Germany"). A bare comma joins only inside such a list.
    fn group_left(&self, i: usize) -> Vec<usize> {
        let mut group = vec![i];
        let mut j = i;
        let mut listed = false;
        while j > 0 && self.is_party(j - 1) {
            let join = coordinator(self.gap(self.units[j - 1].span.end, self.units[j].span.start));
            match join {
                Some(Join::And) => listed = true,
                Some(Join::Comma) if listed => {}
                _ => break,
            }
            j -= 1;
            group.insert(0, j);
        }
        group
    }

    /// "Australia joined the United States and Britain in condemning": an -ing cue right
    /// after "<party> joined <parties> in" is held by all of them.
    fn joined_in(&self, k: usize) -> Option<Vec<usize>> {
        if !ends_with_ignore_case(self.first_word(k), "ing") || k == 0 || !self.is_party(k - 1) {
            return None;
        }
        let in_gap: Vec<&str> = words(self.gap(self.units[k - 1].span.end, self.units[k].span.start)).collect();
        if in_gap != ["in"] {
            return None;
        }
        let joined = self.group_left(k - 1);
        let first = joined[0];
        let lead: Vec<&str> = words(self.gap(self.sentence.start, self.units[first].span.start))
            .rev()
            .take(2)
            .collect();
        let verb_at = usize::from(lead.first().is_some_and(|w| w.eq_ignore_ascii_case("the")));
        if !lead.get(verb_at).is_some_and(|w| word_in(w, &["joined", "joins"])) {
            return None;
        }
        let subject = (0..first).rev().find(|&j| self.is_party(j))?;
        let between = self.gap(self.units[subject].span.end, self.units[first].span.start);
        // "did not join", "refused to join" hold nothing: only a finite "joined" after
        // verb-group words, with no negator anywhere between.
        let verb_group_only =
            words(between).all(|w| word_in(w, &["joined", "joins", "the"]) || self.in_verb_group(&w.to_lowercase()));
        let negated = (subject..k).any(|j| self.units[j].kind == UnitKind::Negator)
            || words(between).any(|w| word_in(w, &["not", "never", "n't"]));
        if !verb_group_only || negated || !self.units[subject].voice {
            return None;
        }
        let mut holders = self.group_left(subject);
        holders.extend(joined.into_iter().filter(|&j| self.units[j].voice));
        Some(holders)
    }

    /// "Ireland tore into the visitors from the kick-off": in a sentence with a word of
    /// sport (wordlists.csv `sport_word`), a country's bare name is its team.
    fn sports_team(&self, holders: &[usize]) -> bool {
        let bare_name = |h: &usize| {
            let u = &self.units[*h];
            !u.person && !words(&self.text[u.span.clone()]).any(|w| self.lexicon.body_words.contains(&w.to_lowercase()))
        };
        holders.iter().all(bare_name)
            && words(&self.text[self.sentence.clone()]).any(|w| self.lexicon.in_list("sport_word", w))
    }

    /// The group of party unit `p` as holders, when `p` is a state voice.
    fn voiced_group(&self, p: usize) -> Result<Vec<usize>, &'static str> {
        if self.units[p].voice {
            Ok(self.group_right(p))
        } else {
            Err(NO_STATE_VOICE)
        }
    }

    fn group_right(&self, i: usize) -> Vec<usize> {
        let mut candidates = vec![i];
        let mut last_and = 0;
        let mut j = i;
        while j + 1 < self.units.len() && self.is_party(j + 1) && self.same_scope(j + 1, i) {
            match coordinator(self.gap(self.units[j].span.end, self.units[j + 1].span.start)) {
                Some(Join::And) => last_and = candidates.len(),
                Some(Join::Comma) => {}
                None => break,
            }
            j += 1;
            candidates.push(j);
        }
        candidates.truncate(last_and + 1);
        candidates
    }

    /// The object side of a cue: the first party in its object noun phrase, or the holder
    /// itself when a reflexive possessive comes first ("defended its prerogative").
    fn object(&self, k: usize, holders: &[usize], limit: usize) -> Side {
        let plural_holder = holders.len() > 1
            || holders.iter().any(|&h| {
                self.text[self.units[h].span.clone()]
                    .trim_end_matches(['\'', '’'])
                    .ends_with('s')
            });
        // "the Department of Homeland Security disputing his account": an institution is
        // "its", never "his" or "her"; inside a quotation the speaker says "my" or "our".
        let quoted = enclosing_quote(self.text, self.sentence.clone(), self.units[k].span.start).is_some();
        let personal = !quoted && !holders.iter().all(|&h| self.institution(h));
        // Past "his" or "her" only when the holder may be a person outside a quotation.
        // "Poland rejected its adoption", "opposed his signature deal": a party seldom
        // disputes its own; after a dispute cue only "own" or "-self" name the holder.
        let dispute = self.cue_label(k) == Some(Label::Dispute);
        let reflexive = |gap: &str| {
            has_reflexive(gap, plural_holder)
                && (personal || words(gap).any(|w| word_in(w, &["its", "itself", "themselves", "their", "own"])))
                && (!dispute || words(gap).any(|w| word_in(w, &["own", "itself", "themselves", "himself", "herself"])))
                // "insisted that his party was ...": a political party, not the state.
                && !words(gap).any(|w| word_in(w, &["party", "party's"]))
        };
        // "grateful to Egypt", "expressed its gratitude to Egypt": after a praise cue,
        // "to" introduces whom it is for; elsewhere it ends the object ("backed the plan
        // to ...").
        let mut from = self.units[k].span.end;
        let praise = self.cue_label(k) == Some(Label::Praise);
        if praise {
            let after = self.gap(from, self.units.get(k + 1).map_or(from, |u| u.span.start));
            if let Some(to) = words(after).next().filter(|w| w.eq_ignore_ascii_case("to")) {
                from = to.as_ptr() as usize - self.text.as_ptr() as usize + 2;
            }
        }
        // "accused Foley's killer of an utter betrayal of ... the British people": after
        // "of" comes the charge, not whom it is laid on (wordlists.csv `charge_of`).
        let charge_of = match self.units[k].kind {
            UnitKind::Cue(c) => self.lexicon.in_list("charge_of", &self.lexicon.cue(c).cue),
            _ => false,
        };
        for j in k + 1..self.units.len() {
            if !self.same_scope(j, k) || self.units[j].span.start >= limit {
                break;
            }
            // "“..., ” insisted Mr Blair": an inverted subject after the verb is no object.
            if holders.contains(&j) {
                from = self.units[j].span.end;
                continue;
            }
            let gap = self.gap(from, self.units[j].span.start);
            if charge_of && words(gap).any(|w| w.eq_ignore_ascii_case("of")) {
                return Side::Empty;
            }
            if let Some(stop) = object_stop(gap) {
                return if reflexive(&gap[..stop]) {
                    Side::SameAsHolder
                } else {
                    Side::Empty
                };
            }
            if reflexive(gap) {
                return Side::SameAsHolder;
            }
            match self.units[j].kind {
                // "Poland has rejected the proposal and Germany's parties have opposed it":
                // a party after "and" with a verb of its own is the next clause's subject.
                UnitKind::Party(_)
                    if has_conjunction(gap)
                        && words(gap).count() > 1
                        && j + 1 < self.units.len()
                        && self.is_clause_verb(j + 1)
                        && self.same_scope(j + 1, k)
                        && words(self.gap(self.units[j].span.end, self.units[j + 1].span.start))
                            .all(|w| self.in_verb_group(w) || w.chars().all(|c| c.is_lowercase())) =>
                {
                    return Side::Empty;
                }
                // "the murder of this brave Jordanian will ...": a demonym standing for a
                // person, with no noun after it, is no party.
                UnitKind::Party(_) if self.demonym_for_a_person(j) => {}
                UnitKind::Party(_) => {
                    // "reaffirmed Turkey's support for Azerbaijan": the stance noun's own object.
                    let own = holders.iter().any(|&h| self.units[h].kind == self.units[j].kind);
                    if own
                        && self.units[j].possessive
                        && let Some(n) = (j + 1 < self.units.len()).then_some(j + 1)
                        && self.absorbed[n]
                        && let Side::Units(t) = self.noun_object(n)
                    {
                        return Side::Units(t);
                    }
                    return Side::Units(self.group_right(j));
                }
                UnitKind::Speaker => return Side::Empty,
                UnitKind::Unresolved if !self.units[j].possessive && !self.units[j].adjective => return Side::Empty,
                UnitKind::Cue(_) if self.is_clause_verb(j) => return Side::Empty,
                _ => {}
            }
            from = self.units[j].span.end;
        }
        let end = self.scope_end(k).min(limit);
        let rest = self.gap(from, end);
        let rest = object_stop(rest).map_or(rest, |stop| &rest[..stop]);
        if reflexive(rest) {
            Side::SameAsHolder
        } else {
            Side::Empty
        }
    }

    /// Whether party unit `h` names an institution or a state, which no "his" or "her"
    /// refers to: its last word is one of wordlists.csv `institution_word`, or it is a
    /// bare name.
    fn institution(&self, h: usize) -> bool {
        let text = &self.text[self.units[h].span.clone()];
        let last = words(text).next_back().unwrap_or("");
        let last = possessive_owner(last).unwrap_or(last);
        !self.units[h].person && self.lexicon.in_list("institution_word", &last.to_lowercase())
    }

    /// Where the stretch of unit `k`'s scope that contains it begins.
    fn scope_start(&self, k: usize) -> usize {
        let at = self.units[k].span.start;
        self.scopes
            .get(self.units[k].scope)
            .and_then(|ranges| ranges.iter().find(|r| r.start <= at && at < r.end.max(r.start + 1)))
            .map_or(self.sentence.start, |r| r.start)
    }

    /// An assertion's content names the party it is about: "insisted the strike had been an
    /// Indian decision", "maintained the decision was its own", "reaffirmed in its report
    /// that Iran was abiding by the limits".
    fn content_target(&self, k: usize, holders: &[usize]) -> Option<Side> {
        let end = self.scope_end(k);
        let content = self.gap(self.units[k].span.end, end);
        let base = self.units[k].span.end;
        let lower = content.to_ascii_lowercase();
        let plural_holder = holders.len() > 1;
        // The predicate after a copula.
        let copula = [" was ", " were ", " is ", " are ", " been ", " remained ", " remains "]
            .iter()
            .filter_map(|c| lower.find(c).map(|i| i + c.len()))
            .min();
        if let Some(after) = copula {
            let predicate_start = base + after;
            let window: String = words(&content[after..]).take(4).collect::<Vec<_>>().join(" ");
            if let Some(j) = (k + 1..self.units.len())
                .find(|&j| self.units[j].span.start >= predicate_start && self.same_scope(j, k))
                // "were arrested in Lebanon": a place is no party the content is about.
                .filter(|&j| {
                    self.is_party(j)
                        && !self.located(j)
                        && word_count(self.gap(predicate_start, self.units[j].span.start)) <= 2
                })
            {
                return Some(Side::Units(vec![j]));
            }
            if has_reflexive(&window, plural_holder) {
                return Some(Side::SameAsHolder);
            }
        }
        // The subject of a "that" clause.
        let that = lower.find(" that ").map(|i| base + i + " that ".len())?;
        let j = (k + 1..self.units.len()).find(|&j| self.units[j].span.start >= that && self.same_scope(j, k))?;
        // "that a mysterious U.S. raid had sought ...": a party adjective inside the
        // subject's noun phrase, after a determiner and an adjective.
        let lead: Vec<&str> = words(self.gap(that, self.units[j].span.start)).collect();
        let modifier = self.units[j].adjective
            || words(self.gap(self.units[j].span.end, self.sentence.end))
                .next()
                .is_some_and(|w| w.chars().all(char::is_lowercase));
        let subject = lead.len() <= 1
            || (modifier
                && lead.len() <= 3
                && word_in(lead[0], &["a", "an", "the"])
                && lead.iter().all(|w| w.chars().all(char::is_lowercase)));
        (self.is_party(j) && subject).then(|| Side::Units(self.group_right(j)))
    }

    fn scope_end(&self, k: usize) -> usize {
        (k + 1..self.units.len())
            .find(|&j| !self.same_scope(j, k))
            .map_or(self.sentence.end, |j| self.units[j].span.start)
    }

    fn passive_agent(&self, k: usize) -> Option<Result<Vec<usize>, &'static str>> {
        let cue_text = &self.text[self.units[k].span.clone()];
        let after = &self.text[self.units[k].span.end..self.sentence.end];
        let next: Vec<&str> = words(after).take(2).collect();
        // "was welcomed at the time by Beijing", "was criticized on Tuesday by Washington":
        // a short adverbial before "by", with no comma and no other participle ("attended by").
        let late_by = || {
            let lead = after.split([',', ';', ':', '(', '"', '“']).next().unwrap_or("");
            words(lead)
                .take(6)
                .position(|w| w.eq_ignore_ascii_case("by"))
                .is_some_and(|i| {
                    i > 0
                        && words(lead)
                            .take(i)
                            .all(|w| !ends_with_ignore_case(w, "ed") && !ends_with_ignore_case(w, "ing"))
                })
        };
        let prev = self.words_before(self.units[k].span.start, 2);
        let copula = prev.iter().enumerate().any(|(i, w)| {
            (i == 0 || prev[0].ends_with("ly"))
                && matches!(
                    *w,
                    "is" | "are"
                        | "was"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "remains"
                        | "remained"
                        | "remain"
                        | "got"
                        | "gets"
                        | "seems"
                        | "seemed"
                )
        });
        let participle = words(cue_text).next().is_some_and(|w| ends_with_ignore_case(w, "ed"));
        // Only after a copula: "has welcomed the decision by India" is active.
        // "the black hole left, they claim, by Gordon Brown": a "by" past a comma belongs
        // to the clause the verb interrupts.
        let direct = !after.trim_start().starts_with([',', ';', ':', ')', '—', '–']);
        let by_follows = (direct
            && (next.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))
                || (next.len() == 2 && next[1].eq_ignore_ascii_case("by") && next[0].ends_with("ly"))))
            || (copula && participle && late_by());
        // "Mamdouh Habib, previously accused of terrorist offences, ...", "criticised for
        // its role": a dispute or praise participle with no object before "of", "for" or
        // "over" is passive even without a copula.
        let bare_passive = participle
            && self.cue_label(k).is_some_and(|l| l != Label::Support)
            && self.cue_kind(k) == Some(CueKind::Verb)
            && next.first().is_some_and(|w| word_in(w, &["of", "for", "over"]))
            // "have blamed for": a perfect is active.
            && !prev.first().is_some_and(|w| matches!(*w, "have" | "has" | "had" | "having"))
            // "which Hollande blamed for the attacks": a subject right before makes it active.
            && !(k > 0 && self.is_party(k - 1) && {
                let gap = self.gap(self.units[k - 1].span.end, self.units[k].span.start);
                !gap.contains(',') && words(gap).all(|w| self.in_verb_group(w))
            });
        if !(by_follows || (copula && participle) || bare_passive) {
            return None;
        }
        if !by_follows {
            return Some(Err("passive without a \"by\" agent"));
        }
        // "a law backed by Mr Bush", "Assad, opposed by the U.S., held on": a participle
        // of wordlists.csv's `describing_participle` with no copula describes its noun, as
        // "US-backed" does (LABELING.md); others still report an act ("a call echoed by
        // Japan").
        let describing = matches!(self.units[k].kind, UnitKind::Cue(c) if self.lexicon.in_list("describing_participle", &self.lexicon.cue(c).cue));
        if !copula && describing {
            return Some(Err(
                "a participle of backing without a copula describes its noun (\"a law backed by Mr Bush\")",
            ));
        }
        let by_at = words(after)
            .find(|w| w.eq_ignore_ascii_case("by"))
            .map(|w| w.as_ptr() as usize - self.text.as_ptr() as usize + 2)?;
        let agent = (k + 1..self.units.len()).find(|&j| self.units[j].span.start >= by_at && self.same_scope(j, k));
        Some(match agent {
            Some(j) if self.is_party(j) && word_count(self.gap(by_at, self.units[j].span.start)) <= 2 => {
                // "supported by U.S. airstrikes": the agent is the noun the party modifies.
                let rest = &self.text[self.units[j].span.end..self.sentence.end];
                let phrase = rest
                    .split([',', ';', '—', '–', '(', ')', '"', '“', '”'])
                    .next()
                    .unwrap_or("");
                if !self.units[j].voice || self.noun_follows(phrase) {
                    Err("the passive agent is no state voice")
                } else {
                    Ok(self.group_right(j))
                }
            }
            _ => Err("passive agent names no party"),
        })
    }

    /// The target of a passive stance: a party heading the subject noun phrase ("The U.S.
    /// role was praised"), not one inside a prepositional phrase ("The release of the
    /// Indian pilot was welcomed").
    fn passive_subject(&self, k: usize) -> Side {
        let scope_start = (0..k)
            .rev()
            .find(|&j| !self.same_scope(j, k))
            .map_or(self.sentence.start, |j| self.units[j].span.end);
        let Some(j) = (0..k)
            .filter(|&j| self.same_scope(j, k))
            .find(|&j| self.is_party(j) || self.is_clause_verb(j))
        else {
            // "... was disputed by New Delhi but welcomed by Islamabad": the subject is the
            // earlier passive's.
            return (0..k)
                .rev()
                .find_map(|j| self.targets[j].clone())
                .unwrap_or(Side::Empty);
        };
        if !self.is_party(j) {
            return Side::Empty;
        }
        let lead = self.gap(scope_start, self.units[j].span.start);
        if object_stop(lead).is_some() || words(lead).any(|w| w.eq_ignore_ascii_case("of")) {
            return Side::Empty;
        }
        Side::Units(self.group_right(j))
    }
}

/// Where each stretch of a clause scope begins, in order: (byte offset, scope id).
struct ScopeStarts(Vec<(usize, usize)>);

impl ScopeStarts {
    /// The scope id of a byte offset.
    fn scope_of(&self, pos: usize) -> usize {
        match self.0.binary_search_by_key(&pos, |s| s.0) {
            Ok(i) => self.0[i].1,
            Err(0) => 0,
            Err(i) => self.0[i - 1].1,
        }
    }
}

/// Holders, a label when it differs from the cue's, the target and the pattern's name.
type Found = (Vec<usize>, Option<Label>, Side, &'static str);
type ClaimsOr = Result<Vec<Found>, &'static str>;

mod claims;
mod scopes;
mod templates;
mod units;
mod words;

use scopes::*;
use units::*;
use words::*;

#[cfg(test)]
mod tests;
