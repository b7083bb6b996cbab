//! Attribution: the mentions of one sentence become claims. Adjacent actor and body
//! mentions merge into units ("Pakistan's foreign ministry"), the sentence is cut into
//! clause scopes, and each cue looks for its holder on the subject side and its target
//! on the object side of its scope. Every claim names the cue row and the pattern that
//! produced it; every cue that gives no claim says why.

use crate::matcher::{Mention, MentionKind};
use crate::rules::lexicon::PartyId;
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
    let mut units = merge_units(lexicon, text, &mentions, &starts);
    if let Some(party) = previous_holder {
        resolve_opening_reference(text, sentence.clone(), &mut units, party, &starts);
    }
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

/// Words after which a stance word is a noun ("the dispute", "their support", "in disputes").
/// Capitalized words that may follow a holder without being part of its name
/// ("Washington Thursday rejected").
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

/// Why a party unit that is not a state voice ([`Unit::voice`]) gives no holder.
const NO_STATE_VOICE: &str =
    "a demonym or a hyphenated adjective names no holder (no state-voice head from bodies.csv)";

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
    "toward", "towards", "while", "until", "via", "inside", "outside",
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
            if cue.kind == CueKind::Role {
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
            if k > 0
                && self.units[k - 1].span.end + 1 == self.units[k].span.start
                && self.text[..self.units[k].span.start].ends_with(['-', '‑'])
            {
                drop(
                    att,
                    "a hyphenated adjective (\"U.S.-backed\") describes, it takes no stance",
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
            let nominal = self.nominal(k);
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
                CueKind::Verb | CueKind::Phrase => self.verb_claims(k, cue.modifier, subject),
                CueKind::Noun => self.noun_claims(k, cue.modifier),
                CueKind::Report => self.report_claims(k, subject),
                CueKind::Judgment => self.judgment_claims(k),
                CueKind::Role | CueKind::Call => continue,
            };
            match found {
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

    /// An evaluation said of something: "called the reports baseless", "said the U.S.
    /// claims were false", "“The claim is entirely false,” COGAT said". The holder is the
    /// call or report verb's; the target is the party named between verb and
    /// evaluation, if any.
    fn judgment_claims(&self, k: usize) -> ClaimsOr {
        let speaker = (0..k).rev().take_while(|&j| self.same_scope(j, k)).find(|&j| {
            // "called the reports incorrect": a speech verb's form after a determiner
            // is a noun here.
            let determined = self.words_before(self.units[j].span.start, 1).first().is_some_and(|w| {
                matches!(
                    *w,
                    "the" | "a" | "an" | "these" | "those" | "such" | "its" | "their" | "his" | "her" | "our"
                )
            });
            self.is_clause_verb(j) && !self.nominal(j) && !determined
        });
        // In reported speech the evaluation is predicated ("said the claims were false");
        // after a call verb it needs no copula ("called the reports false").
        let predicated = self.words_before(self.units[k].span.start, 3).iter().any(|w| {
            matches!(
                *w,
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "remain" | "remains"
            )
        });
        let call = speaker.filter(|&c| self.cue_kind(c) == Some(CueKind::Call));
        let report = speaker.filter(|&c| self.cue_kind(c) == Some(CueKind::Report) && predicated);
        let Some(c) = call.or(report) else {
            if let Some((quoted, _)) = self.quote_attribution(k).filter(|_| predicated) {
                return Ok(vec![(quoted?, None, Side::Empty, "quote-judgment")]);
            }
            return Err("an evaluation that no call or report verb says");
        };
        let between = word_count(self.gap(self.units[c].span.end, self.units[k].span.start));
        // "telling lies" is the verb's object, not what it says of something.
        if between == 0 || between > 12 {
            return Err("an evaluation right after, or too far from, its call or report verb");
        }
        // "the historic decision": an evaluation before its noun describes, it is not said.
        let rest = &self.text[self.units[k].span.end..self.sentence.end];
        if self.noun_follows(rest.split([',', ';', '.', '"', '”', '’']).next().unwrap_or("")) {
            return Err("an evaluation used as an adjective before a noun");
        }
        if self.negated(c).is_some() || self.lookalike(c).is_some() || self.hypothetical(c) {
            return Err("the call or report verb is negated, hypothetical or a look-alike");
        }
        let holders = self.holders[c].clone().ok_or("no holder for the call or report verb")?;
        let target = (c + 1..k)
            .find(|&j| self.is_party(j) && !holders.contains(&j))
            .map_or(Side::Empty, |j| Side::Units(self.group_right(j)));
        Ok(vec![(holders, None, target, "call-judgment")])
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
        // "over US support for Boeing", "on U.S. support": a bare form right after a name,
        // itself after a preposition or determiner, is a noun (a state "supports").
        let bare_form = |t: &str| {
            !(ends_with_ignore_case(t, "s") || ends_with_ignore_case(t, "ed") || ends_with_ignore_case(t, "ing"))
        };
        if k > 0
            && bare_form(&self.text[self.units[k].span.clone()])
            && self.is_party(k - 1)
            && self.units[k - 1].span.end + 1 == self.units[k].span.start
            && self
                .words_before(self.units[k - 1].span.start, 1)
                .first()
                .is_some_and(|w| NOUN_MARKERS.contains(w) && !matches!(*w, "and" | "or"))
        {
            return true;
        }
        // "the U.S. claims were baseless", "India's denials are": a plural form followed by
        // a copula is the subject noun, not a verb.
        let cue_text = &self.text[self.units[k].span.clone()];
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
        let marker = |w: &str| NOUN_MARKERS.contains(&w);
        // "international support", "unwavering support": an adjective before a bare verb form.
        let cue_text = &self.text[self.units[k].span.clone()];
        let bare = !ends_with_ignore_case(cue_text, "ed") && !ends_with_ignore_case(cue_text, "s");
        let adjectival = |w: &str| {
            ["al", "ic", "ive", "ous", "ful", "ing", "ent", "ant", "ong"]
                .iter()
                .any(|suffix| w.ends_with(suffix))
                && !matches!(w, "and" | "long" | "thing" | "being")
        };
        match &*before {
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
                !adjective.ends_with("ly")
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
        let cue = words(&self.text[self.units[k].span.clone()]).next().unwrap_or("");
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
                if matches!(self.cue_kind(j), Some(CueKind::Verb | CueKind::Phrase)) {
                    let gap = self.gap(self.units[j].span.end, self.units[k].span.start);
                    let joined = words(gap).any(|w| {
                        word_in(
                            w,
                            &["and", "or", "but", "that", "to", "while", "then", "as", "who", "which"],
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
        promise
            || before
                .iter()
                .any(|w| matches!(*w, "would" | "could" | "might" | "should" | "will" | "shall"))
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
                        let between = self.words_before(self.units[j].span.start, 1);
                        between.first().is_some_and(|b| *b == "the")
                    })
            })
    }

    /// The holder group of a verb-like cue: its grammatical subject, found leftwards in
    /// the same scope; coordinated verbs share the subject of the verb before them.
    fn subject(&self, k: usize) -> Result<Vec<usize>, &'static str> {
        let mut j = k;
        let mut previous_verb = None;
        let mut candidate = None;
        while j > 0 && self.same_scope(j - 1, k) {
            j -= 1;
            match self.units[j].kind {
                // "protesters in London and Madrid", "a priest in America", "speaking in
                // Buenos Aires": a party after a locative preposition is a place, never
                // the holder (LABELING.md: a place names no holder).
                UnitKind::Party(_)
                    if candidate.is_none()
                        && !(self.located(j) || self.located(self.group_left(j)[0]))
                        && !self.object_of_preposition(j, k) =>
                {
                    candidate = Some(j);
                }
                UnitKind::Speaker if candidate.is_none() => return Err("the subject is a non-party speaker"),
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
                    match self.holders[v].clone() {
                        Some(h) => Ok(h),
                        None => self.speaks_as_subject(c, k).map(|()| self.group_left(c)),
                    }
                } else {
                    self.speaks_as_subject(c, k)?;
                    Ok(self.group_left(c))
                }
            }
            (Some(c), _) => {
                let gap = self.gap(self.units[c].span.end, self.units[k].span.start);
                // "The State Department summoned the Chinese ambassador and condemned ...":
                // with a conjunction between, the clause's first party is the subject.
                // "The State Department has yet to act, having previously defended ...": a
                // participle after a comma belongs to the clause's subject too.
                let cue_word = words(&self.text[self.units[k].span.clone()]).next().unwrap_or("");
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
            (None, Some(v)) => self.holders[v].clone().ok_or("no holder party before the cue"),
            (None, None) => self.inherited_holder(k).ok_or("no holder party before the cue"),
        }
    }

    /// Whether the party unit `c` can be the subject of cue `k`: a state voice, and the
    /// head of the subject rather than a modifier of another noun ("US bank boss hails",
    /// "two Australian men claim", "Greek sprinter X has denied"). Read from the party
    /// on, the words up to the first verb (a word ending in -ed or -ing) may be only
    /// words of verbgroup.csv and bodies.csv, names and titles, numbers and -ly adverbs;
    /// an apposition set off by commas or dashes is passed over, and so are the words of
    /// other units (negators, unresolved bodies).
    fn speaks_as_subject(&self, c: usize, k: usize) -> Result<(), &'static str> {
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
            return Err("a possessive before another name (\"France's Suez\") owns it; the name is the subject");
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
        let parts: Vec<&str> = gap.split([',', '—', '–', '(', ')', ';']).collect();
        let first = match after_relative(parts[0]) {
            Some(end) => &parts[0][end..],
            None if words(parts[0]).any(relative) => {
                return Err("the cue is in a relative clause about another noun");
            }
            None => parts[0],
        };
        if self.noun_follows(first) {
            return Err("the party modifies another noun, which is no state voice");
        }
        // After an apposition ("X, General Y, credited"), only verb-group words may come
        // before the verb: "..., earlier this week as he paid tribute" is another clause.
        if parts.len() > 1 {
            let last = parts[parts.len() - 1];
            let last = match after_relative(last) {
                Some(end) if parts.len() == 2 && parts[0].trim().is_empty() => &last[end..],
                _ => last,
            };
            if !words(last).all(|w| self.in_verb_group(w)) {
                return Err("a clause with its own subject stands between the party and the cue");
            }
        }
        Ok(())
    }

    /// A word that may stand between a holder and its verb: a pass word of
    /// verbgroup.csv, a word of bodies.csv, a capitalized word, a number, an -ly adverb.
    fn in_verb_group(&self, w: &str) -> bool {
        let first = w.chars().next().unwrap_or(' ');
        // Words reaching here are lower case but for the rare "iPhone": no copy for them.
        first.is_uppercase()
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
        let reflexive = |gap: &str| has_reflexive(gap, plural_holder);
        // "grateful to Egypt", "expressed its gratitude to Egypt": after a praise cue,
        // "to" introduces whom it is for; elsewhere it ends the object ("backed the plan
        // to ...").
        let mut from = self.units[k].span.end;
        let praise = matches!(self.units[k].kind, UnitKind::Cue(c) if self.lexicon.cue(c).label == Some(Label::Praise));
        if praise {
            let after = self.gap(from, self.units.get(k + 1).map_or(from, |u| u.span.start));
            if let Some(to) = words(after).next().filter(|w| w.eq_ignore_ascii_case("to")) {
                from = to.as_ptr() as usize - self.text.as_ptr() as usize + 2;
            }
        }
        for j in k + 1..self.units.len() {
            if !self.same_scope(j, k) || self.units[j].span.start >= limit {
                break;
            }
            let gap = self.gap(from, self.units[j].span.start);
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
                .filter(|&j| self.is_party(j) && word_count(self.gap(predicate_start, self.units[j].span.start)) <= 2)
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
        (self.is_party(j) && word_count(self.gap(that, self.units[j].span.start)) <= 1)
            .then(|| Side::Units(self.group_right(j)))
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
        let by_follows = next.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))
            || (next.len() == 2 && next[1].eq_ignore_ascii_case("by") && next[0].ends_with("ly"));
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
        if !(by_follows || (copula && participle)) {
            return None;
        }
        if !by_follows {
            return Some(Err("passive without a \"by\" agent"));
        }
        let by_at = after
            .to_ascii_lowercase()
            .find("by")
            .map(|i| self.units[k].span.end + i + 2)?;
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

    /// `subject` is the subject already found for `k`, if any.
    fn verb_claims(&self, k: usize, modifier: Modifier, subject: Option<Result<Vec<usize>, &'static str>>) -> ClaimsOr {
        let with_self = |side: Side| {
            if side == Side::Empty && modifier == Modifier::SelfTarget {
                Side::SameAsHolder
            } else {
                side
            }
        };
        if let Some((quoted, close)) = self.quote_attribution(k) {
            let holders = quoted?;
            let target = self.self_or_fact_target(k, with_self(self.object(k, &holders, close)), modifier)?;
            return Ok(vec![(holders, None, target, "quote-attribution")]);
        }
        if let Some(agent) = self.passive_agent(k) {
            let holders = agent?;
            let target = self.passive_subject(k);
            // "The deaths were confirmed by an Iraqi official": a plain fact.
            if modifier == Modifier::Fact && target == Side::Empty {
                return Err("confirms a plain fact: no party in its object or content");
            }
            return Ok(vec![(holders, None, target, "passive-by")]);
        }
        let holders = subject.unwrap_or_else(|| self.subject(k))?;
        let target = self.object(k, &holders, usize::MAX);
        let label = self.units[k].kind;
        if target == Side::Empty
            && matches!(label, UnitKind::Cue(c) if self.lexicon.cue(c).label == Some(Label::Support))
            && let Some(predicate) = self.content_target(k, &holders)
        {
            return Ok(vec![(holders, None, predicate, "verb-content")]);
        }
        let target = self.self_or_fact_target(k, with_self(target), modifier)?;
        Ok(vec![(holders, None, target, "verb-subject-object")])
    }

    /// A `fact` cue ("confirmed", "acknowledged") with no party in its object is a
    /// stance only about the holder's own doing ("acknowledged they were trying to ...",
    /// "admitted its forces had ..."); otherwise it confirms a plain fact.
    /// Any support cue whose content opens with the holder's pronoun claims something
    /// for the holder itself ("insisted he had done no deals", "claimed that they had
    /// detained ...": LABELING.md, a holder who claims a role for itself).
    fn self_or_fact_target(&self, k: usize, target: Side, modifier: Modifier) -> Result<Side, &'static str> {
        let support =
            matches!(self.units[k].kind, UnitKind::Cue(c) if self.lexicon.cue(c).label == Some(Label::Support));
        if target != Side::Empty || !(support || modifier == Modifier::Fact) {
            return Ok(target);
        }
        let rest = self.gap(self.units[k].span.end, self.sentence.end);
        // The content's first word, or the first after a nearby "that" ("claimed on
        // Tuesday that they had ...").
        let lead: Vec<&str> = words(rest).take(6).collect();
        let first = match lead.iter().position(|w| w.eq_ignore_ascii_case("that")) {
            Some(i) => lead.get(i + 1),
            None => lead.first(),
        };
        const OWN: &[&str] = &[
            "they",
            "it",
            "we",
            "its",
            "their",
            "our",
            "itself",
            "themselves",
            "he",
            "she",
        ];
        // "claimed on Friday to have struck a deal": an infinitive perfect claims the
        // holder's own doing too.
        let own = first.is_some_and(|w| word_in(w, OWN))
            || lead
                .windows(2)
                .any(|p| p[0].eq_ignore_ascii_case("to") && word_in(p[1], &["have", "be", "been"]));
        if own {
            Ok(Side::SameAsHolder)
        } else if modifier == Modifier::Fact {
            Err("confirms a plain fact: no party in its object or content")
        } else {
            Ok(target)
        }
    }

    /// The look-alike row (lookalikes.csv) that says cue `k` names no stance here:
    /// "claimed the lives", "air support", "backed away".
    fn lookalike(&self, k: usize) -> Option<&crate::rules::Lookalike> {
        let UnitKind::Cue(c) = self.units[k].kind else {
            return None;
        };
        let cue = &self.lexicon.cue(c).cue;
        let rows = &self.lexicon.pack.lookalikes;
        if !rows.iter().any(|r| &r.cue == cue) {
            return None;
        }
        let span = &self.units[k].span;
        let before = words(&self.text[self.sentence.start..span.start])
            .next_back()
            .map(str::to_lowercase);
        let after: Vec<String> = words(&self.text[span.end..self.sentence.end])
            .take(4)
            .map(str::to_lowercase)
            .collect();
        rows.iter().filter(|r| &r.cue == cue).find(|r| {
            before.as_ref().is_some_and(|b| r.before.contains(b))
                || r.after
                    .iter()
                    .any(|seq| after.len() >= seq.len() && after[..seq.len()] == seq[..])
        })
    }

    fn noun_claims(&self, k: usize, modifier: Modifier) -> ClaimsOr {
        let before = k.checked_sub(1).filter(|&j| {
            self.same_scope(j, k) && self.is_party(j) && {
                let gap = self.gap(self.units[j].span.end, self.units[k].span.start);
                word_count(gap) <= 2 && !gap.contains([',', ';', '(', ')', '"', '“', '”'])
            }
        });
        match modifier {
            Modifier::Holder | Modifier::SelfTarget | Modifier::Fact => {
                let Some(h) = before.filter(|&j| self.units[j].possessive) else {
                    return Err("stance noun without a possessive holder");
                };
                Ok(vec![(
                    self.group_left(h),
                    None,
                    self.noun_object(k),
                    "noun-possessive-holder",
                )])
            }
            Modifier::Target => {
                let Some(t) = before else {
                    return Err("stance noun without the party it is about");
                };
                let holders = self.subject(t)?;
                Ok(vec![(holders, None, Side::Units(vec![t]), "noun-modifier-target")])
            }
        }
    }

    /// "India's denial of mediation", "Pakistan's praise for Washington", "Ethiopia's
    /// accusation that UN officials...": the target of a stance noun.
    fn noun_object(&self, k: usize) -> Side {
        let Some(j) = (k + 1 < self.units.len())
            .then_some(k + 1)
            .filter(|&j| self.same_scope(j, k))
        else {
            return Side::Empty;
        };
        let gap = self
            .gap(self.units[k].span.end, self.units[j].span.start)
            .to_ascii_lowercase();
        let mut ws = words(&gap);
        let preposition = ws.next().is_some_and(|w| {
            matches!(
                w,
                "of" | "for" | "to" | "on" | "over" | "with" | "against" | "toward" | "towards" | "by" | "that"
            )
        });
        if preposition && word_count(&gap) <= 3 && !gap.contains([',', ';']) && self.is_party(j) {
            Side::Units(self.group_right(j))
        } else {
            Side::Empty
        }
    }

    /// Neutral speech ("said") carries a stance through its content: a role word
    /// ("said the ceasefire followed U.S.-mediated talks" supports the U.S. role, "said the
    /// U.S. had not brokered the truce" and "no third party mediated" dispute it), or a
    /// party as the subject of a negated statement ("said Manila had never sought talks").
    fn report_claims(&self, k: usize, subject: Option<Result<Vec<usize>, &'static str>>) -> ClaimsOr {
        let holders = match self.according_to(k) {
            Some(h) => h,
            None => subject.unwrap_or_else(|| self.subject(k))?,
        };
        let holder_parties: Vec<UnitKind> = holders.iter().map(|&h| self.units[h].kind).collect();
        let mut claims = Vec::new();
        let mut roles_seen = Vec::new();
        // Negators that belong to a negated statement about a party ("Saudi Arabia had
        // never engaged with the Kuwaiti mediation") do not negate a later role word.
        let mut consumed: Vec<usize> = Vec::new();
        for r in k + 1..self.units.len() {
            if !self.same_scope(r, k) || self.is_clause_verb(r) {
                break;
            }
            if self.cue_kind(r) == Some(CueKind::Role) {
                let clause_start = self.content_clause_start(k, r);
                let negators: Vec<usize> = (k + 1..r)
                    .filter(|&j| self.units[j].kind == UnitKind::Negator && self.units[j].span.start >= clause_start)
                    .collect();
                if !negators.is_empty() && negators.iter().all(|n| consumed.contains(n)) {
                    continue;
                }
                // "played no part": the negation inside the role phrase itself.
                let role_text = self.text[self.units[r].span.clone()].to_ascii_lowercase();
                let negated = !negators.is_empty()
                    || words(&role_text).any(|w| w == "no")
                    || no_one_before(self.gap(clause_start, self.units[r].span.start));
                let label = if negated { Label::Dispute } else { Label::Support };
                match self.role_party(r, clause_start) {
                    Some(p) => {
                        roles_seen.push(p);
                        claims.push((holders.clone(), Some(label), Side::Units(vec![p]), "report-role"));
                    }
                    None if negated => claims.push((holders.clone(), Some(label), Side::Empty, "report-negated-role")),
                    None => {}
                }
                continue;
            }
            if let Some(p) = self.negated_subject(r, k)
                && !roles_seen.contains(&p)
                && !holder_parties.contains(&self.units[p].kind)
            {
                consumed.extend((p + 1..self.units.len()).find(|&n| self.units[n].kind == UnitKind::Negator));
                claims.push((
                    holders.clone(),
                    Some(Label::Dispute),
                    Side::Units(self.group_right(p)),
                    "report-negated-subject",
                ));
            }
        }
        // A party claim and an empty one from the same role: keep the party's.
        if claims.iter().any(|c| matches!(c.2, Side::Units(_))) {
            claims.retain(|c| c.2 != Side::Empty);
        }
        if claims.is_empty() {
            Err("reported speech names no party's role")
        } else {
            Ok(claims)
        }
    }

    /// "said Manila had never sought ...", "said no American official had linked ...".
    fn negated_subject(&self, p: usize, k: usize) -> Option<usize> {
        if !self.is_party(p) || self.units[p].possessive {
            return None;
        }
        let before = self.words_before(self.units[p].span.start, 1);
        if before.first().is_some_and(|w| *w == "no") && self.units[p].span.start > self.units[k].span.end {
            return Some(p);
        }
        // "Saudi Arabia and the United States had not been impartial": the whole group.
        let last = *self.group_right(p).last().unwrap_or(&p);
        let n = last + 1;
        if n >= self.units.len() || self.units[n].kind != UnitKind::Negator {
            return None;
        }
        let gap = self.gap(self.units[last].span.end, self.units[n].span.start);
        let aux = words(gap).all(|w| {
            word_in(
                w,
                &[
                    "had", "has", "have", "did", "does", "do", "was", "were", "is", "are", "could", "would", "will",
                    "ever", "also",
                ],
            )
        });
        let negator = &self.text[self.units[n].span.clone()];
        (aux && word_count(gap) <= 2 && !gap.contains(',') && word_in(negator, &["not", "never", "n't", "n’t"]))
            .then_some(p)
    }

    /// "according to Pakistan's foreign ministry": the holder follows the cue.
    fn according_to(&self, k: usize) -> Option<Vec<usize>> {
        let cue_text = &self.text[self.units[k].span.clone()];
        if !starts_with_ignore_case(cue_text, "according") {
            return None;
        }
        let j = k + 1;
        (j < self.units.len()
            && self.is_party(j)
            && word_count(self.gap(self.units[k].span.end, self.units[j].span.start)) <= 1)
            .then(|| self.group_right(j))
    }

    /// Where the content clause holding role word `r` begins: after the report cue, or
    /// after the last "that", comma or "and" before the role word.
    fn content_clause_start(&self, k: usize, r: usize) -> usize {
        let from = self.units[k].span.end;
        let gap = self.gap(from, self.units[r].span.start);
        let lower = gap.to_ascii_lowercase();
        let cut = [lower.rfind(" that "), lower.rfind(','), lower.rfind(" and ")]
            .into_iter()
            .flatten()
            .max();
        cut.map_or(from, |c| from + c)
    }

    /// The party whose role a role word names: just before it ("U.S.-mediated", "the U.S.
    /// had not brokered", "Washington had played no part") or after "by"/"of"
    /// ("mediation by Washington").
    fn role_party(&self, r: usize, clause_start: usize) -> Option<usize> {
        let mut j = r;
        while j > 0 && self.units[j - 1].kind == UnitKind::Negator {
            j -= 1;
        }
        if j > 0 && self.is_party(j - 1) && self.units[j - 1].span.start >= clause_start {
            let gap = self.gap(self.units[j - 1].span.end, self.units[r].span.start);
            if word_count(gap) <= 5 && !gap.contains([',', ';']) && !has_conjunction(gap) {
                return Some(j - 1);
            }
        }
        let n = r + 1;
        if n < self.units.len() && self.is_party(n) && self.same_scope(n, r) {
            let gap = self
                .gap(self.units[r].span.end, self.units[n].span.start)
                .to_ascii_lowercase();
            let mut ws = words(&gap);
            if ws.next().is_some_and(|w| matches!(w, "by" | "of" | "from")) && word_count(&gap) <= 2 {
                return Some(n);
            }
        }
        None
    }

    /// A cue inside quotation marks takes its holder from the attribution around the
    /// quote: "'We thank President Trump,' Pakistan's prime minister said", or "Moon told
    /// the crowd: 'We welcome ...'". Gives the holders and the end of the quote, which
    /// bounds the object.
    fn quote_attribution(&self, k: usize) -> Option<(Result<Vec<usize>, &'static str>, usize)> {
        let (open, close) = enclosing_quote(self.text, self.sentence.clone(), self.units[k].span.start)?;
        // A party inside the quote before the cue is its subject: normal attribution.
        if (0..k).any(|j| self.is_party(j) && self.units[j].span.start > open && self.same_scope(j, k)) {
            return None;
        }
        // A partial quote right after its subject: Pakistan's ministry publicly “acknowledged ...”.
        let before = (0..k)
            .rev()
            .find(|&j| self.units[j].span.end <= open && self.is_party(j));
        if let Some(j) = before {
            let gap = self.gap(self.units[j].span.end, open);
            if word_count(gap) <= 2 && !gap.contains([',', ':', ';']) {
                return None;
            }
        }
        // After the quote: “...,” Pakistan's prime minister said / said Ishaq Dar, ...
        let after: Vec<usize> = (k + 1..self.units.len())
            .filter(|&j| self.units[j].span.start >= close)
            .collect();
        if let Some(&first) = after.first() {
            let lead = word_count(self.gap(close, self.units[first].span.start));
            if self.is_party(first) && lead <= 2 && after.iter().any(|&v| self.is_clause_verb(v)) {
                return Some((Ok(self.group_right(first)), close));
            }
            if self.is_clause_verb(first) && lead <= 1 {
                let party = after.get(1).copied().filter(|&p| {
                    self.is_party(p) && word_count(self.gap(self.units[first].span.end, self.units[p].span.start)) <= 2
                });
                if let Some(p) = party {
                    return Some((Ok(self.group_right(p)), close));
                }
            }
        }
        // Before the quote: the subject of the speech verb that introduces it.
        let verb = (0..k)
            .rev()
            .find(|&j| self.units[j].span.end <= open && self.is_clause_verb(j));
        if let Some(v) = verb
            && word_count(self.gap(self.units[v].span.end, open)) <= 8
        {
            let holders = self.holders[v].clone().map_or_else(|| self.subject(v), Ok);
            return Some((holders.map_err(|_| "quotation without a party attribution"), close));
        }
        Some((Err("quotation without a party attribution"), close))
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

type ClaimsOr = Result<Vec<(Vec<usize>, Option<Label>, Side, &'static str)>, &'static str>;

/// Merges adjacent actor, body and speaker mentions into units: "Pakistan's foreign
/// ministry" is one PAK unit, "Indian analysts" one speaker, "the ministry" unresolved.
fn merge_units(lexicon: &Lexicon, text: &str, mentions: &[&Mention], starts: &ScopeStarts) -> Vec<Unit> {
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
                scope: starts.scope_of(m.span.start),
            });
            i += 1;
            continue;
        }
        // An actor chain: actor, body and speaker mentions joined by spaces only, or by
        // "of (the)" after a body ("the Foreign Ministry of Pakistan").
        let mut j = i + 1;
        while j < mentions.len() && !matches!(mentions[j].kind, MentionKind::Cue { .. } | MentionKind::Negator { .. }) {
            let gap = &text[mentions[j - 1].tail..mentions[j].span.start];
            let joins = gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                // "the Foreign Ministry of Pakistan", "a spokesperson for the Iraqi health ministry"
                || (matches!(mentions[j - 1].kind, MentionKind::Body { .. })
                    && matches!(
                        gap.trim().to_ascii_lowercase().as_str(),
                        "of" | "of the" | "for" | "for the"
                    ))
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
            .is_some_and(|w| word_in(w, &["former", "ex", "then", "retired"]));
        let head = head_actor(lexicon, chain);
        let last = chain[chain.len() - 1];
        let next_word = words(&text[last.tail..]).next();
        let head_alias = head.map(|(_, alias)| &lexicon.alias(alias).rule);
        // "the Singapore summit", "the Minsk agreement": a place, not a party.
        let venue = !last.possessive
            && head_alias
                .is_some_and(|a| matches!(a.kind.as_str(), "capital" | "name" | "short") && !a.alias.contains('.'))
            && next_word.is_some_and(|w| word_in(w, EVENT_NOUNS));
        let kind = if former || chain.iter().any(|c| matches!(c.kind, MentionKind::Speaker { .. })) {
            UnitKind::Speaker
        } else if venue
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
        let has_body = chain.iter().any(|c| matches!(c.kind, MentionKind::Body { .. }));
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
                    && !word_in(w, CALENDAR_WORDS)
                    && mentions.get(j).is_none_or(|n| n.span.start != last.tail + 1)
            });
        let voice = !hyphenated && !name_follows && (has_body || head_alias.is_none_or(|a| a.kind != "demonym"));
        units.push(Unit {
            span: m.span.start..last.tail,
            kind,
            possessive: last.possessive,
            adjective,
            anaphoric,
            voice,
            scope: starts.scope_of(m.span.start),
        });
        i = j;
    }
    units
}

/// "the Muslim Council of Britain", "the Bank of England": a party after "of" and a
/// capitalized word that is no state body is part of an organization's name.
fn inside_a_name(lexicon: &Lexicon, before: &str) -> bool {
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
fn stance_prefix(before: &str) -> bool {
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
fn resolve_opening_reference(
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
            scope: starts.scope_of(start),
        };
        units.insert(0, unit);
    }
}

/// The party an actor chain speaks for: its possessive owner ("Israel's UN ambassador"),
/// else a state over an organization ("the Pakistani UN envoy"), else its last actor.
fn head_actor(lexicon: &Lexicon, chain: &[&Mention]) -> Option<(PartyId, u32)> {
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
    let is_org = |p: PartyId| lexicon.party(p).kind == crate::rules::PartyKind::Org;
    actors
        .iter()
        .rev()
        .find(|a| !is_org(a.0))
        .or(actors.first())
        .map(|&(p, a, _)| (p, a))
}

const SCOPE_MARKERS: [&str; 18] = [
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
fn scope_markers(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
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
fn marker_starts(block: &[u8; 17]) -> u32 {
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
const MARKER_FIRST: &[u8] = b";:([)]\xE2";
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
const MARKER_AFTER_SPACE: &[u8] = b"\xE2-";
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
const MARKER_LETTERS: &[u8] = b"wbeay";

/// Clause scopes of a sentence: cut at ";", ":", contrastive conjunctions and unpaired
/// dashes; a parenthesis or a dash pair opens an inner scope, and the text after it
/// continues the outer one.
fn clause_scopes(text: &str, sentence: Range<usize>) -> (ScopeStarts, Vec<Vec<Range<usize>>>) {
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
fn dateline_end(sentence: &str) -> Option<usize> {
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
fn first_dash(head: &str) -> Option<(usize, usize)> {
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

fn enclosing_quote(text: &str, sentence: Range<usize>, at: usize) -> Option<(usize, usize)> {
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

fn is_question(sentence: &str) -> bool {
    let trimmed = strip_trailing_markers(sentence);
    trimmed.ends_with('?')
}

/// Trailing citation markers, quotes and brackets: "... the pause? [3]".
fn strip_trailing_markers(s: &str) -> &str {
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

fn is_conditional(sentence: &str) -> bool {
    let first = words(sentence).next().unwrap_or("");
    matches!(
        first,
        "If" | "Unless" | "Should" | "Were" | "Had" | "Suppose" | "Supposing"
    )
}

/// What an ASCII byte is to [`words`]: a letter or digit, a byte that joins a word
/// without making one ("'", "-"), or a separator; [`WIDE`] starts a longer character.
static WORD_CLASS: [u8; 256] = {
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
const SEPARATOR: u8 = 0;
const ALPHANUMERIC: u8 = 1;
const JOINER: u8 = 2;
const WIDE: u8 = 3;

/// The character that ends at byte `i` of `text`, as [`words`] sees it: (in a word,
/// letter or digit, length in bytes).
#[inline(always)]
fn class_before(text: &str, i: usize) -> (bool, bool, usize) {
    ascii_class(text.as_bytes()[i - 1]).unwrap_or_else(|| wide_class_before(text, i))
}

/// The character that starts at byte `i` of `text`, as [`class_before`] gives it.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (bool, bool, usize) {
    ascii_class(text.as_bytes()[i]).unwrap_or_else(|| wide_class_at(text, i))
}

/// [`class_before`] for an ASCII byte, or `None` for a byte of a longer character.
#[inline(always)]
fn ascii_class(byte: u8) -> Option<(bool, bool, usize)> {
    match WORD_CLASS[byte as usize] {
        ALPHANUMERIC => Some((true, true, 1)),
        JOINER => Some((true, false, 1)),
        SEPARATOR => Some((false, false, 1)),
        _ => None,
    }
}

#[inline(never)]
fn wide_class_before(text: &str, i: usize) -> (bool, bool, usize) {
    wide_class(text[..i].chars().next_back().unwrap_or_default())
}

#[inline(never)]
fn wide_class_at(text: &str, i: usize) -> (bool, bool, usize) {
    wide_class(text[i..].chars().next().unwrap_or_default())
}

fn wide_class(c: char) -> (bool, bool, usize) {
    let alphanumeric = c.is_alphanumeric();
    (alphanumeric || c == '’' || c == '‑', alphanumeric, c.len_utf8())
}

/// Up to `n` of the [`words`] of `text[start..end]` that end at or before `at`, nearest
/// first, as byte spans. Read backwards from `at`, a few words each time: this runs for
/// every cue and candidate, and splitting the whole sentence first cost more than all
/// the look-ups together.
fn spans_before(text: &str, start: usize, end: usize, at: usize, n: usize) -> ([(usize, usize); 3], usize) {
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
fn words(s: &str) -> Words<'_> {
    Words {
        s,
        front: 0,
        back: s.len(),
    }
}

/// The iterator of [`words`]: a byte table for ASCII rather than `str::split` with a
/// character predicate, which cost about four times as much; attribution looks at the
/// words around every unit.
struct Words<'s> {
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

fn word_count(s: &str) -> usize {
    words(s).count()
}

enum Join {
    And,
    Comma,
}

/// How two coordinated parties are joined: "and" (or "as well as"), or a list comma.
fn coordinator(gap: &str) -> Option<Join> {
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
fn word_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `s` ends with `suffix` (lower case), ignoring ASCII case, without allocating.
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `s` starts with `prefix` (lower case), ignoring ASCII case, without allocating.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn has_conjunction(gap: &str) -> bool {
    words(gap).any(|w| word_in(w, &["and", "but", "or", "then"]))
}

/// A possessive that refers back to the holder: "defended its prerogative". "their"
/// counts only for a plural holder ("the Hungarian government questioned their usefulness").
fn has_reflexive(gap: &str, plural_holder: bool) -> bool {
    words(gap).any(|w| {
        word_in(
            w,
            &["its", "itself", "themselves", "own", "his", "her", "herself", "himself"],
        ) || (plural_holder && w.eq_ignore_ascii_case("their"))
    })
}

/// Where the object noun phrase ends in `gap`: a preposition that makes what follows a
/// place or complement, a relative or participle clause, or a coordinated new verb.
fn object_stop(gap: &str) -> Option<usize> {
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
fn no_one_before(gap: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The (holder, label, target) triples the built-in rules give for `text`.
    fn claims(text: &str) -> Vec<(String, String, String)> {
        use std::sync::OnceLock;
        static PIPELINE: OnceLock<crate::Pipeline> = OnceLock::new();
        let pipeline = PIPELINE.get_or_init(|| crate::Pipeline::new(crate::rules::RulePack::builtin().unwrap()));
        let labeled = pipeline.label(&crate::input::Document::new("t", text));
        labeled
            .claims
            .into_iter()
            .map(|c| (c.holder, c.label, c.target))
            .collect()
    }

    fn triple(h: &str, l: &str, t: &str) -> (String, String, String) {
        (h.into(), l.into(), t.into())
    }

    #[test]
    fn a_demonym_without_a_state_voice_head_holds_nothing() {
        assert!(claims("Two Australian men claim to have the oldest burger in the world.").is_empty());
        assert!(claims("An Indian man accused of trying to rape a teenager was arrested.").is_empty());
        assert!(claims("Greek sprinter Kostas Kenteris has denied claims that he faked a crash.").is_empty());
        assert_eq!(
            claims("Australian officials claimed the vessel was foreign."),
            [triple("AUS", "support", "")]
        );
    }

    #[test]
    fn a_party_modifying_another_noun_is_not_the_subject() {
        assert!(claims("US bank boss hails 'genius' Smith.").is_empty());
        assert!(claims("Still, the Business Council of British Columbia opposed an increase.").is_empty());
        assert_eq!(
            claims("India on Tuesday firmly rejected the report."),
            [triple("IND", "dispute", "")]
        );
        assert_eq!(
            claims("EU leaders meeting in Brussels condemned Moscow's violation of Ukrainian sovereignty."),
            [triple("EU", "dispute", "RUS")]
        );
    }

    #[test]
    fn a_possessive_before_another_name_owns_it() {
        assert!(
            claims("A conflict with the water firm controlled by France's Suez is casting doubt on the deal.")
                .is_empty()
        );
    }

    #[test]
    fn a_hyphenated_party_adjective_is_a_description() {
        assert!(claims("Fighting U.S.-backed rebels, the militants claim to have established a caliphate.").is_empty());
        assert!(claims("The Saudi-led coalition denied the report.").is_empty());
    }

    #[test]
    fn look_alike_readings_give_no_claim() {
        assert!(claims("Argentina claimed top spot in Group A with three wins.").is_empty());
        assert!(claims("Obama said Iraqi forces, with U.S. air support, had retaken the dam.").is_empty());
        assert!(claims("Prime Minister Tony Blair answered questions through mobile text chat.").is_empty());
        assert!(claims("Downing Street declined to confirm or deny that the talks took place.").is_empty());
        assert_eq!(
            claims("Russia claimed the strike was defensive."),
            [triple("RUS", "support", "")]
        );
    }

    #[test]
    fn confirming_a_plain_fact_is_no_claim_but_ones_own_role_is() {
        assert!(claims("The Pentagon has confirmed that the weapons were indeed seized by ISIS.").is_empty());
        assert_eq!(
            claims("U.S. military officials acknowledged that they were trying to kill Godane."),
            [triple("USA", "support", "USA")]
        );
        assert_eq!(
            claims("Pakistan confirmed that India had requested the talks."),
            [triple("PAK", "support", "IND")]
        );
    }

    #[test]
    fn a_place_after_a_locative_is_never_the_holder() {
        assert!(claims("A priest in America claimed that he had seen a miracle.").is_empty());
        assert!(claims("Speaking in Buenos Aires, Mr De Vido later denied the report.").is_empty());
    }

    #[test]
    fn a_passive_agent_that_modifies_a_noun_is_no_holder() {
        assert!(claims("Kurdish forces, supported by U.S. airstrikes, retook the dam.").is_empty());
        assert_eq!(
            claims("The deal was praised by Pakistan on Tuesday."),
            [triple("PAK", "praise", "")]
        );
    }

    #[test]
    fn pro_and_anti_adjectives_name_no_party() {
        assert_eq!(
            claims("Russia condemned pro-Western separatists and anti-American protesters."),
            [triple("RUS", "dispute", "")]
        );
        assert_eq!(
            claims("Kyiv condemned pro-Russian separatists."),
            [triple("UKR", "dispute", "")]
        );
    }

    #[test]
    fn light_verbs_with_a_possessive_and_a_stance_noun() {
        assert_eq!(
            claims("India's government has given its backing to cheaper air travel."),
            [triple("IND", "support", "")]
        );
        assert_eq!(
            claims("Qatar's foreign minister expressed his deep gratitude to Egypt."),
            [triple("QAT", "praise", "EGY")]
        );
        assert_eq!(
            claims("Pakistan is grateful to the United States."),
            [triple("PAK", "praise", "USA")]
        );
    }

    #[test]
    fn a_demonym_with_one_word_before_a_body_is_a_state_voice() {
        assert_eq!(
            claims("A spokesperson for the Iraqi health ministry, Ahmed Rudaini, has denied reports of Ebola."),
            [triple("IRQ", "dispute", "")]
        );
    }

    #[test]
    fn calling_something_false_is_a_dispute() {
        assert_eq!(
            claims("A spokesperson for the Iraqi health ministry called the reports incorrect and unfounded."),
            [triple("IRQ", "dispute", "")]
        );
        assert_eq!(
            claims("Putin countered by calling U.S. sanctions counterproductive."),
            [triple("RUS", "dispute", "USA")]
        );
        assert_eq!(
            claims("Pakistan's foreign ministry said the U.S. claims were baseless."),
            [triple("PAK", "dispute", "USA")]
        );
        assert_eq!(
            claims("\u{201c}The claim is entirely false,\u{201d} Israel's foreign ministry said."),
            [triple("ISR", "dispute", "")]
        );
        // Not said of anything: a demand, an adjective before its noun, the verb's object.
        assert!(claims("India called for calm and a false start was avoided.").is_empty());
        assert!(claims("Pakistan said the two sides had reached the historic decision.").is_empty());
        assert!(claims("Pakistan said India was telling lies about the strikes.").is_empty());
    }

    #[test]
    fn a_party_inside_an_organizations_name_is_no_party() {
        assert!(claims("The Muslim Council of Britain said the comments were irresponsible.").is_empty());
        assert_eq!(
            claims("The Foreign Ministry of Pakistan denied it."),
            [triple("PAK", "dispute", "")]
        );
    }

    #[test]
    fn a_relative_clause_belongs_to_its_antecedent() {
        assert_eq!(
            claims("The bill angered members of the Saudi government, which has strongly denied any involvement."),
            [triple("SAU", "dispute", "")]
        );
        assert!(
            claims("India has been rocked by scandals involving godmen who are ascetics claiming mystical powers.")
                .is_empty()
        );
    }

    #[test]
    fn an_unnamed_body_after_a_comma_is_the_subject() {
        assert!(
            claims("A wife of Baghdadi has been detained by the Lebanese army, security officials have claimed.")
                .is_empty()
        );
        assert_eq!(
            claims("Sudan's army-led government accused the United Arab Emirates of arming the rebels."),
            [triple("SDN", "dispute", "ARE")]
        );
    }

    #[test]
    fn a_party_name_followed_by_another_capitalized_word_is_part_of_a_name() {
        assert!(claims("Jones was investigated by the US Anti-Doping Agency, which has denied the report.").is_empty());
        assert_eq!(
            claims("Washington Thursday rejected the plan."),
            [triple("USA", "dispute", "")]
        );
        assert_eq!(
            claims("The London Metropolitan Police has denied reports that Banksy was arrested."),
            [triple("GBR", "dispute", "")]
        );
    }

    #[test]
    fn a_party_in_a_prepositional_phrase_is_no_subject() {
        assert!(claims("The militants now control much of eastern Syria and claim to have built a state.").is_empty());
        assert_eq!(
            claims("The draft law suffered setbacks when Poland, one of the largest EU member states, rejected it."),
            [triple("POL", "dispute", "")]
        );
        assert_eq!(
            claims("The move came with Trump publicly claiming U.S. mediation."),
            [triple("USA", "support", "USA")]
        );
    }

    #[test]
    fn state_voices_with_words_between_name_and_body() {
        assert_eq!(
            claims("G7 finance ministers backed plans to write off the debts."),
            [triple("G7", "support", "")]
        );
        assert_eq!(
            claims("Saudi Arabia's top religious official has denounced ISIS."),
            [triple("SAU", "dispute", "")]
        );
        assert_eq!(
            claims("Jordanian officials seemed to cast doubt on the reports."),
            [triple("JOR", "dispute", "")]
        );
    }

    #[test]
    fn nouns_that_look_like_verbs_give_no_claim() {
        assert!(
            claims("It was sold by the Russian authorities to recover government tax claims against Yukos.").is_empty()
        );
        assert!(claims("It was a different story for Britain's defending champion Denise Lewis.").is_empty());
        assert!(claims("The deaths were confirmed by a senior Iraqi security official.").is_empty());
    }

    #[test]
    fn a_gerund_after_a_preposition_and_a_bare_form_after_a_name_are_nouns() {
        assert!(claims("G20 finance ministers said nothing about supporting the dollar.").is_empty());
        assert!(claims("The EU filed a retaliatory complaint over US support for Boeing.").is_empty());
        assert_eq!(claims("The U.S. rejected the plan."), [triple("USA", "dispute", "")]);
    }

    #[test]
    fn claiming_to_have_done_something_targets_the_holder() {
        assert_eq!(
            claims("Nigerian government officials claimed on Friday to have struck a deal with Boko Haram."),
            [triple("NGA", "support", "NGA")]
        );
    }

    #[test]
    fn promises_and_help_are_no_stances() {
        assert!(claims("Obama pledged to support the Iraqi forces fighting the group.").is_empty());
        assert!(
            claims("These personnel will support the operation of surveillance aircraft, the White House said.")
                .is_empty()
        );
        assert!(claims("The U.S. provided support to the rebels.").is_empty());
        assert!(claims("British police are investigating claims that the video was faked.").is_empty());
    }

    #[test]
    fn a_claim_whose_content_opens_with_the_holders_pronoun_targets_the_holder() {
        assert_eq!(
            claims("The Lebanese Army officials claimed on Tuesday that they had detained the wife."),
            [triple("LBN", "support", "LBN")]
        );
    }

    #[test]
    fn passive_by_phrase_gives_holder() {
        assert_eq!(
            claims("The U.S. role was praised by Pakistan."),
            [triple("PAK", "praise", "USA")]
        );
    }

    #[test]
    fn passive_without_party_agent_gives_nothing() {
        assert!(claims("Washington's intervention was welcomed by one party and questioned by the other.").is_empty());
    }

    #[test]
    fn negated_cue_gives_nothing() {
        assert!(claims("India did not dispute the U.S. account.").is_empty());
        assert!(claims("Pakistan never thanked Washington.").is_empty());
    }

    #[test]
    fn negated_phrase_cue_is_a_stance() {
        assert_eq!(
            claims("India refused to accept the U.S. claims."),
            [triple("IND", "dispute", "USA")]
        );
    }

    #[test]
    fn questions_and_conditionals_give_nothing() {
        assert!(claims("Did China praise Pakistan?").is_empty());
        assert!(claims("If Washington praised Delhi, Islamabad would object.").is_empty());
    }

    #[test]
    fn coordinated_holders_give_one_claim_each() {
        assert_eq!(
            claims("India and Pakistan welcomed the UN statement."),
            [triple("IND", "praise", "UN"), triple("PAK", "praise", "UN")]
        );
    }

    #[test]
    fn contrasting_clauses_are_separate_scopes() {
        assert_eq!(
            claims("India rejected the claim, while Pakistan thanked Washington."),
            [triple("IND", "dispute", ""), triple("PAK", "praise", "USA")]
        );
    }

    #[test]
    fn quotation_takes_the_holder_from_the_attribution_after_it() {
        let text = "\u{2018}We thank President Trump,\u{2019} Pakistan's prime minister said.";
        assert_eq!(claims(text), [triple("PAK", "praise", "USA")]);
    }

    #[test]
    fn quotation_takes_the_holder_from_the_speech_verb_before_it() {
        let text = "Pakistan's foreign minister told reporters: \"We reject India's allegations.\"";
        assert_eq!(claims(text), [triple("PAK", "dispute", "IND")]);
    }

    #[test]
    fn possessive_or_adjective_names_the_target() {
        assert_eq!(
            claims("New Delhi disputed U.S. claims of mediation."),
            [triple("IND", "dispute", "USA")]
        );
        assert_eq!(
            claims("Riyadh welcomed Qatari efforts."),
            [triple("SAU", "praise", "QAT")]
        );
    }

    #[test]
    fn reflexive_possessive_targets_the_holder() {
        assert_eq!(
            claims("India insisted the pause was its own decision."),
            [triple("IND", "support", "IND")]
        );
    }

    #[test]
    fn reported_speech_negating_a_role_is_a_dispute() {
        assert_eq!(
            claims("India said the U.S. had not brokered the truce."),
            [triple("IND", "dispute", "USA")]
        );
        assert_eq!(
            claims("New Delhi said no third party had mediated."),
            [triple("IND", "dispute", "")]
        );
    }

    #[test]
    fn non_party_speakers_hold_nothing() {
        assert!(claims("Observers questioned the U.S. account.").is_empty());
        assert!(claims("Indian analysts criticized Pakistan.").is_empty());
    }

    #[test]
    fn dateline_is_never_a_holder() {
        assert_eq!(
            claims("ISLAMABAD (Reuters) - Officials praised the deal."),
            Vec::<(String, String, String)>::new()
        );
    }

    #[test]
    fn nominal_stance_with_possessive_holder() {
        assert_eq!(
            claims("India's denial of mediation angered Washington."),
            [triple("IND", "dispute", "")]
        );
    }

    #[test]
    fn curly_single_quotes_keep_offsets_on_char_boundaries() {
        // FNC-1 body 820 once panicked here: the closing ’ is three bytes long.
        let text = "A law in Saudi Arabia banning ‘tempting eyes’ was branded ‘stupid’ by critics, and Riyadh rejected ‘foreign’ criticism.";
        assert_eq!(claims(text), [triple("SAU", "dispute", "")]);
    }

    #[test]
    fn bare_body_or_pronoun_refers_to_the_previous_holder() {
        let text = "Pakistan's foreign ministry welcomed the truce. The ministry also thanked Qatar. He praised Oman.";
        assert_eq!(
            claims(text),
            [
                triple("PAK", "praise", ""),
                triple("PAK", "praise", "QAT"),
                triple("PAK", "praise", "OMN")
            ]
        );
    }

    #[test]
    fn reference_back_needs_a_single_previous_holder() {
        let text = "India rejected the claim, while Pakistan thanked Washington. The ministry also praised Oman.";
        assert_eq!(
            claims(text),
            [triple("IND", "dispute", ""), triple("PAK", "praise", "USA")]
        );
    }

    #[test]
    fn leader_by_surname_after_first_mention() {
        let text = "Prime Minister Imran Khan spoke on Tuesday. Later, Khan thanked China for its support.";
        assert_eq!(claims(text), [triple("PAK", "praise", "CHN")]);
        assert!(
            claims("Khan thanked China for its support.").is_empty(),
            "\"Khan\" alone is no alias"
        );
        // Three people named: their surnames are found in one pass, each only after
        // its own first mention.
        let text = "Khan rejected it. Imran Khan, Narendra Modi and Emmanuel Macron met. \
                    Later, Khan thanked China, Macron praised Modi, and Modi welcomed Macron's plan.";
        assert_eq!(
            claims(text),
            [
                triple("PAK", "praise", "CHN"),
                triple("FRA", "praise", "IND"),
                triple("IND", "praise", "FRA")
            ]
        );
    }

    #[test]
    fn coordinated_verb_shares_the_subject() {
        assert_eq!(
            claims("The State Department summoned the Chinese ambassador and condemned Beijing."),
            [triple("USA", "dispute", "CHN")]
        );
    }

    #[test]
    fn question_ignores_trailing_citations() {
        assert!(is_question("Did China mediate? [3]"));
        assert!(!is_question("China mediated. [3]"));
    }

    #[test]
    fn first_dash_is_the_earliest_of_the_four_dashes() {
        for head in [
            "TEHRAN (Reuters) - Iran",
            "AFP -- Iran - x",
            "a—b – c - d",
            "x – y—z",
            "U.S.-led - talks",
            "---- -",
            " -- - ",
            "no dash here",
            "’— –",
        ] {
            let expected = ["—", " – ", " - ", " -- "]
                .iter()
                .filter_map(|d| head.find(d).map(|i| (i, d.len())))
                .min();
            assert_eq!(first_dash(head), expected, "{head:?}");
        }
    }

    #[test]
    fn dateline_tag_is_detected() {
        assert_eq!(dateline_end("TEHRAN (Reuters) - Iran rejected the claim."), Some(19));
        assert_eq!(dateline_end("AFP - Iran rejected the claim."), Some(6));
        assert_eq!(dateline_end("Iran - as usual - rejected the claim."), None);
        // The 80-byte window may end inside a character.
        assert_eq!(dateline_end(&"’".repeat(40)), None);
    }

    #[test]
    fn words_are_the_runs_of_word_characters_holding_a_letter_or_digit() {
        let reference = |s: &str| -> Vec<String> {
            s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '‑'))
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .map(str::to_owned)
                .collect()
        };
        for s in [
            "U.S.-mediated, don't -",
            "  Kyiv’s ‑ São Paulo — 5,000 ' -- x’ ‑‑a ",
            "Ελλάδα και Türkiye: 北京 said",
            "",
            "-'’",
            "end-",
            "naïve",
            "'a' a--b Kyiv’",
            " ‑ — ",
        ] {
            let forward: Vec<String> = words(s).map(str::to_owned).collect();
            let mut backward: Vec<String> = words(s).rev().map(str::to_owned).collect();
            backward.reverse();
            assert_eq!(forward, reference(s), "{s:?}");
            assert_eq!(backward, reference(s), "{s:?}");
            // From both ends at once: every word once, in its place.
            let mut both = words(s);
            let (mut front, mut back) = (Vec::new(), Vec::new());
            loop {
                match (both.next(), both.next_back()) {
                    (None, None) => break,
                    (f, b) => {
                        front.extend(f.map(str::to_owned));
                        back.extend(b.map(str::to_owned));
                    }
                }
            }
            back.reverse();
            front.extend(back);
            assert_eq!(front, reference(s), "{s:?}");
        }
    }

    #[test]
    fn words_keep_hyphens_and_apostrophes() {
        assert_eq!(
            words("U.S.-mediated, don't -").collect::<Vec<_>>(),
            ["U", "S", "-mediated", "don't"]
        );
    }

    #[test]
    fn every_scope_marker_starts_where_the_block_search_looks() {
        for marker in SCOPE_MARKERS {
            let m = marker.as_bytes();
            let looked_at = match m[0] {
                b' ' => MARKER_AFTER_SPACE.contains(&m[1]) || MARKER_LETTERS.contains(&m[1].to_ascii_lowercase()),
                b',' => m[1] == b' ',
                first => MARKER_FIRST.contains(&first),
            };
            assert!(looked_at, "{marker:?}");
        }
    }

    #[test]
    fn scope_markers_are_what_a_leftmost_longest_automaton_finds() {
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(SCOPE_MARKERS)
            .unwrap();
        // Markers, their pieces and their neighbours, in either case, strung together.
        let pieces = [
            " ",
            ",",
            ";",
            ":",
            "(",
            "]",
            "—",
            "–",
            "-",
            "--",
            " - ",
            " -- ",
            " – ",
            "while",
            "WHILE ",
            " Whereas",
            " but",
            "but ",
            ", but ",
            " even",
            " as ",
            " although ",
            ", though ",
            " yet ",
            "yet",
            "a",
            "é",
            "\n",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let expected: Vec<(usize, usize, usize)> = automaton
                .find_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            assert_eq!(scope_markers(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn words_before_a_position_are_the_words_that_end_there() {
        for s in [
            "U.S.-mediated, don't -",
            "  Kyiv’s ‑ São Paulo — 5,000 ' -- x’ ‑‑a ",
            "Ελλάδα και Türkiye: 北京 said",
            "",
            "-'’",
            "end-",
            "naïve",
            "'a' a--b Kyiv’",
            "Ελλάδα",
        ] {
            let text = format!("«{s}»");
            let range = '«'.len_utf8()..text.len() - '»'.len_utf8();
            let spans = |end: usize| -> Vec<(usize, usize)> {
                words(&text[range.start..end])
                    .map(|w| {
                        let start = w.as_ptr() as usize - text.as_ptr() as usize;
                        (start, start + w.len())
                    })
                    .collect()
            };
            // Every position, also inside words, with the sentence cut short too.
            for end in (range.start..=range.end).filter(|&e| text.is_char_boundary(e)) {
                let cut = spans(end);
                for at in (range.start..=text.len()).filter(|&a| text.is_char_boundary(a)) {
                    for n in 1..=3 {
                        let expected: Vec<(usize, usize)> =
                            cut.iter().rev().filter(|w| w.1 <= at).take(n).copied().collect();
                        let (found, len) = spans_before(&text, range.start, end, at, n);
                        assert_eq!(found[..len], expected[..], "{s:?} cut at {end}, before {at}, {n} words");
                    }
                }
            }
        }
    }
}
