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

/// One claim as the output shows it: parties by id, texts as they appear, offsets in
/// characters of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClaimRecord {
    pub doc_id: String,
    pub sentence_id: usize,
    pub holder: String,
    pub label: String,
    pub target: String,
    pub cue: String,
    pub rule: String,
    pub holder_text: String,
    pub target_text: String,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    /// The document date as given in the input, or empty.
    pub date: String,
}

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
        let sentences = self.sentence_spans(&doc.text);
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
            .any(|m| matches!(m.kind, MentionKind::Cue { cue } if self.lexicon.cue(cue).kind != CueKind::Role))
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
                    ..ClaimRecord::default()
                });
                continue;
            }
            for c in &att.claims {
                claims.push(ClaimRecord {
                    doc_id: doc.id.clone(),
                    sentence_id: i + 1,
                    holder: self.lexicon.party(c.holder).id.clone(),
                    label: c.label.to_string(),
                    target: c.target.map(|t| self.lexicon.party(t).id.clone()).unwrap_or_default(),
                    cue: doc.text[c.cue.clone()].to_owned(),
                    rule: c.rule.clone(),
                    holder_text: doc.text[c.holder_span.clone()].to_owned(),
                    target_text: c
                        .target_span
                        .clone()
                        .map(|s| doc.text[s].to_owned())
                        .unwrap_or_default(),
                    start,
                    end,
                    sentence: sentence.clone(),
                    date: date.clone(),
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
