//! The pipeline: a compiled rule pack applied to documents, stage by stage.

use crate::attribute::{self, Attribution};
use crate::input::Document;
use crate::matcher::{self, Mention, MentionKind};
use crate::rules::CueKind;
use crate::rules::lexicon::PartyId;
use crate::rules::{Lexicon, RuleError, RulePack};
use crate::segment::fold_whitespace;
use std::ops::Range;
use std::sync::Arc;

/// One claim as the output shows it: parties by id and name, texts as they appear,
/// offsets in characters of the document. [`crate::output::ClaimLayout`] decides which
/// fields are written, in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClaimRecord {
    pub doc_id: String,
    pub sentence_id: usize,
    pub holder: String,
    pub label: String,
    pub target: String,
    /// The parties' names from parties.csv.
    pub holder_name: String,
    pub target_name: String,
    pub cue: String,
    /// The cue's row in the rule files: `cues.csv:57`.
    pub rule: String,
    /// The attribution pattern that placed holder and target: `verb-subject-object`.
    pub pattern: String,
    pub holder_text: String,
    /// The mention the target was resolved from: a name, or the word that refers back
    /// to the holder ("its", "itself", "they").
    pub target_text: String,
    /// How the target was found: see [`target_via`].
    pub via: &'static str,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    /// The document date as given in the input, or empty.
    pub date: String,
    /// The values of the input fields asked for with `--keep`, in that order.
    pub kept: Vec<String>,
}

impl ClaimRecord {
    /// The rule row and the pattern in one, as `eval` reports rules: `cues.csv:57 verb-subject`.
    pub fn rule_and_pattern(&self) -> String {
        if self.pattern.is_empty() {
            self.rule.clone()
        } else {
            format!("{} {}", self.rule, self.pattern)
        }
    }

    /// `target_text` as the claims table had it before `via`: the holder's text when the
    /// target is the holder referred to by a pronoun or possessive.
    pub fn legacy_target_text(&self) -> &str {
        if REFERS_BACK.contains(&self.via) {
            &self.holder_text
        } else {
            &self.target_text
        }
    }
}

/// The `via` values of a target that is the holder itself, named again by a word that
/// refers back to it, or (`holder`) by no word the output can point to.
const REFERS_BACK: [&str; 4] = ["possessive", "reflexive", "pronoun", "holder"];

/// A document's labeling result.
#[derive(Debug, Clone, Default)]
pub struct Labeled {
    /// Sentence ids count from 1 in this text; offsets count from the document start
    /// ([`Document::offset`] for a part; see [`SentenceNumbering`]).
    pub claims: Vec<ClaimRecord>,
    pub sentences: usize,
    /// Sentences longer than [`crate::segment::MAX_SENTENCE_BYTES`], labeled in windows: where each
    /// starts (characters, from the document start) and its length in bytes.
    pub long_sentences: Vec<(usize, usize)>,
}

/// Numbers sentences across the parts of a document read in parts
/// ([`crate::input::PART_BYTES`]): a later part's sentence ids go on from the parts
/// before it. Give it every part of every document, in input order.
#[derive(Debug, Default)]
pub struct SentenceNumbering {
    before: usize,
}

impl SentenceNumbering {
    /// How many sentences of its document come before `doc`, which has `sentences`.
    pub fn before(&mut self, doc: &Document, sentences: usize) -> usize {
        if doc.part == 0 {
            self.before = 0;
        }
        let before = self.before;
        self.before += sentences;
        before
    }
}

/// Everything the stages found in one document, for `explain`.
pub struct Analysis {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
    pub attributions: Vec<Attribution>,
}

/// A compiled rule pack, cheap to clone and share across threads.
#[derive(Clone)]
pub struct Pipeline {
    lexicon: Arc<Lexicon>,
}

impl Pipeline {
    /// Compiles `pack`.
    ///
    /// # Panics
    /// When the automaton cannot be built; use [`Pipeline::try_new`] for user rule packs.
    pub fn new(pack: RulePack) -> Pipeline {
        match Pipeline::from_pack(pack) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    /// Compiles `pack` and keeps it, without a copy.
    pub fn from_pack(pack: RulePack) -> Result<Pipeline, RuleError> {
        Ok(Pipeline {
            lexicon: Arc::new(Lexicon::from_pack(pack)?),
        })
    }

    pub fn try_new(pack: &RulePack) -> Result<Pipeline, RuleError> {
        Pipeline::from_pack(pack.clone())
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Sentence spans of `text`, byte offsets.
    pub fn sentence_spans(&self, text: &str) -> Vec<Range<usize>> {
        self.lexicon.pack.segmenter.sentence_spans(text)
    }

    /// Sentence spans of `text`, and the sentences that were cut into windows.
    pub fn sentence_windows(&self, text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        self.lexicon.pack.segmenter.sentence_windows(text)
    }

    /// Runs every stage on `doc`.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        // Windows, as `label_with` cuts them, so that explain and label number alike.
        let (sentences, _) = self.sentence_windows(&doc.text);
        let mentions = matcher::find_mentions(&self.lexicon, &doc.text, doc.date);
        let mut previous = None;
        let attributions = sentence_mentions(&sentences, &mentions)
            .zip(&sentences)
            .map(|(inside, span)| {
                let att = self
                    .attribute_sentence(doc, span, &mentions[inside], previous)
                    .unwrap_or_default();
                previous = single_holder(&att);
                att
            })
            .collect();
        Analysis {
            sentences,
            mentions,
            attributions,
        }
    }

    /// The attribution of one sentence, or `None` when it cannot hold a claim.
    /// `previous` is the single holder of the sentence before, which a sentence opening
    /// with "He" or "The ministry" refers back to.
    fn attribute_sentence(
        &self,
        doc: &Document,
        span: &Range<usize>,
        inside: &[Mention],
        previous: Option<PartyId>,
    ) -> Option<Attribution> {
        let has_party = inside.iter().any(|m| matches!(m.kind, MentionKind::Actor { .. }));
        (self.has_stance_cue(inside) && (has_party || previous.is_some()))
            .then(|| attribute::attribute(&self.lexicon, &doc.text, span.clone(), inside, previous))
    }

    fn has_stance_cue(&self, mentions: &[Mention]) -> bool {
        mentions
            .iter()
            .any(|m| matches!(m.kind, MentionKind::Cue { cue } if !matches!(self.lexicon.cue(cue).kind, CueKind::Role | CueKind::Charge)))
    }

    /// Most sentences carry no stance cue or name no party; they need no attribution
    /// (unless they refer back to the sentence before).
    pub fn needs_attribution(&self, mentions: &[Mention]) -> bool {
        self.has_stance_cue(mentions) && mentions.iter().any(|m| matches!(m.kind, MentionKind::Actor { .. }))
    }

    /// The claims of `doc`, ready for output.
    pub fn label(&self, doc: &Document) -> Labeled {
        self.label_with(doc, false)
    }

    /// The claims of `doc`; with `all_sentences`, a sentence without a claim also gives a
    /// record, with empty holder, label and target, for reviewers.
    pub fn label_with(&self, doc: &Document, all_sentences: bool) -> Labeled {
        // The stages of `analyze`, without keeping every sentence's attribution.
        let (sentences, long) = self.sentence_windows(&doc.text);
        let long_sentences = long_sentence_offsets(doc, &long);
        let mentions = matcher::find_mentions(&self.lexicon, &doc.text, doc.date);
        let mut claims = Vec::new();
        let mut chars = CharOffsets::new(&doc.text);
        let no_claims = Attribution::default();
        let mut previous = None;
        for (i, (inside, span)) in sentence_mentions(&sentences, &mentions).zip(&sentences).enumerate() {
            let attribution = self.attribute_sentence(doc, span, &mentions[inside], previous);
            let att = attribution.as_ref().unwrap_or(&no_claims);
            previous = single_holder(att);
            if att.claims.is_empty() && !all_sentences {
                continue;
            }
            let start = doc.offset + chars.at(span.start);
            let end = doc.offset + chars.at(span.end);
            let sentence = fold_whitespace(&doc.text[span.clone()]);
            let date = doc.date_text.clone().unwrap_or_default();
            if att.claims.is_empty() {
                claims.push(ClaimRecord {
                    doc_id: doc.id.clone(),
                    sentence_id: i + 1,
                    start,
                    end,
                    sentence,
                    date,
                    kept: doc.kept.clone(),
                    ..ClaimRecord::default()
                });
                continue;
            }
            for c in &att.claims {
                // The pattern never holds a space; a rule file's name might.
                let (rule, pattern) = c.rule.rsplit_once(' ').unwrap_or((&c.rule, ""));
                let (target_span, via) = target_via(&doc.text, span, c, pattern);
                let holder = self.lexicon.party(c.holder);
                let target = c.target.map(|t| self.lexicon.party(t));
                claims.push(ClaimRecord {
                    doc_id: doc.id.clone(),
                    sentence_id: i + 1,
                    holder: holder.id.clone(),
                    label: c.label.to_string(),
                    target: target.map(|t| t.id.clone()).unwrap_or_default(),
                    holder_name: holder.name.clone(),
                    target_name: target.map(|t| t.name.clone()).unwrap_or_default(),
                    cue: doc.text[c.cue.clone()].to_owned(),
                    rule: rule.to_owned(),
                    pattern: pattern.to_owned(),
                    holder_text: doc.text[c.holder_span.clone()].to_owned(),
                    target_text: target_span.map(|s| doc.text[s].to_owned()).unwrap_or_default(),
                    via,
                    start,
                    end,
                    sentence: sentence.clone(),
                    date: date.clone(),
                    kept: doc.kept.clone(),
                });
            }
        }
        Labeled {
            claims,
            sentences: sentences.len(),
            long_sentences,
        }
    }
}

/// Where each of `long` (byte spans of `doc`, in order) starts in characters from the
/// document start, and its length in bytes.
pub fn long_sentence_offsets(doc: &Document, long: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut chars = CharOffsets::new(&doc.text);
    long.iter().map(|s| (doc.offset + chars.at(s.start), s.len())).collect()
}

/// The warning for a sentence labeled in windows.
pub fn long_sentence_warning(doc: &Document, (start, bytes): (usize, usize)) -> String {
    format!(
        "document {:?}: the sentence at character {start} runs {bytes} bytes without a sentence end; \
         it is labeled in windows of at most {} bytes, cut after a comma or a space",
        doc.id,
        crate::segment::MAX_SENTENCE_BYTES
    )
}

/// Where the target of claim `c` (in `sentence`, a span of `text`) was named, and how it
/// was found:
/// - `object`: a party named in the cue's object, or by the cue's own words;
/// - `content`: a party named in the content of an assertion or report ("insisted the
///   strike was an Indian decision", "said the U.S. had not brokered the truce");
/// - `claim`: the maker of a claim the cue answers ("a charge Beijing called groundless");
/// - `modifier`: a party modifying the stance noun ("amplified U.S. credit");
/// - `possessive`, `reflexive`, `pronoun`: the holder itself, referred to by "its",
///   "his", "our"..., by "itself", "own"..., or by "it", "they"...: the word is the span;
/// - `holder`: the holder itself with no such word in the sentence (the holder's span);
/// - empty, with no span, for a claim without a target.
///
/// Attribution keeps only the unit a target came from; the word that made the holder its
/// own target is found again here, for readers of the table.
pub fn target_via(
    text: &str,
    sentence: &Range<usize>,
    c: &attribute::Claim,
    pattern: &str,
) -> (Option<Range<usize>>, &'static str) {
    let Some(span) = c.target_span.clone() else {
        return (None, "");
    };
    if c.target == Some(c.holder) && span == c.holder_span {
        let after = c.cue.end.max(sentence.start)..sentence.end;
        let before = sentence.start..c.cue.start.min(sentence.end);
        let outside_holder = |r: &Range<usize>| r.end <= c.holder_span.start || r.start >= c.holder_span.end;
        let found = [(after.clone(), false), (after, true), (before, true)]
            .into_iter()
            .filter_map(|(range, pronouns)| self_reference(text, range, pronouns))
            .find(|(r, _)| outside_holder(r));
        return found.map_or((Some(span), "holder"), |(r, via)| (Some(r), via));
    }
    let via = match pattern {
        "verb-content"
        | "report-role"
        | "report-negated-role"
        | "report-negated-subject"
        | "tail-judgment"
        | "quote-judgment"
        | "call-judgment" => "content",
        "answered-claim" => "claim",
        "noun-modifier-target" => "modifier",
        _ => "object",
    };
    (Some(span), via)
}

/// The words that make a holder its own target, and what they are.
const SELF_WORDS: [(&str, &str); 17] = [
    ("its", "possessive"),
    ("his", "possessive"),
    ("her", "possessive"),
    ("their", "possessive"),
    ("our", "possessive"),
    ("own", "reflexive"),
    ("itself", "reflexive"),
    ("himself", "reflexive"),
    ("herself", "reflexive"),
    ("themselves", "reflexive"),
    ("ourselves", "reflexive"),
    ("it", "pronoun"),
    ("they", "pronoun"),
    ("we", "pronoun"),
    ("he", "pronoun"),
    ("she", "pronoun"),
    ("us", "pronoun"),
];

/// The first word of `text[range]` that refers back to a holder, with its kind; with
/// `pronouns` false, only a possessive or reflexive word ("said it would defend its
/// borders": "its" tells more than "it").
fn self_reference(text: &str, range: Range<usize>, pronouns: bool) -> Option<(Range<usize>, &'static str)> {
    let part = text.get(range.clone())?;
    let mut start = None;
    for (i, ch) in part.char_indices().chain(std::iter::once((part.len(), ' '))) {
        if ch.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let word = &part[s..i];
        let kind = SELF_WORDS
            .iter()
            .find(|(w, _)| word.eq_ignore_ascii_case(w))
            .map(|&(_, kind)| kind)
            .filter(|&kind| pronouns || kind != "pronoun");
        if let Some(kind) = kind {
            return Some((range.start + s..range.start + i, kind));
        }
    }
    None
}

/// The holder of a sentence's claims when they all have the same one.
fn single_holder(att: &Attribution) -> Option<PartyId> {
    let first = att.claims.first()?.holder;
    att.claims.iter().all(|c| c.holder == first).then_some(first)
}

/// For each sentence span, the range of `mentions` (sorted) that lies wholly inside it.
pub fn sentence_mentions<'a>(
    sentences: &'a [Range<usize>],
    mentions: &'a [Mention],
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut first = 0;
    sentences.iter().map(move |span| {
        while first < mentions.len() && mentions[first].span.start < span.start {
            first += 1;
        }
        let mut last = first;
        while last < mentions.len() && mentions[last].span.end <= span.end {
            last += 1;
        }
        let inside = first..last;
        first = last;
        inside
    })
}

/// Converts increasing byte offsets to character offsets in one forward pass.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, byte: 0, char: 0 }
    }

    /// The character offset of byte offset `at`; calls with decreasing offsets restart.
    pub fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        self.char += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.char
    }
}
