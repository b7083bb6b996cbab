//! Explanations: everything the stages saw in a document, sentence by sentence, as text
//! for a person tuning rules (`stancer explain`, and `Labeler.explain` in Python).
//!
//! For each sentence: every mention with its party and the rule row behind it, the
//! clause scopes, each claim with the rule and mentions that produced it, and each cue
//! that gave no claim with the reason.

use crate::Pipeline;
use crate::attribute::UnitKind;
use crate::input::Document;
use crate::matcher::MentionKind;
use crate::pipeline::{CharOffsets, SentenceNumbering};
use crate::segment::fold_whitespace;
use std::fmt::Write as _;

/// The explanation of every part of one document, in order, numbered as `label`
/// numbers them.
pub fn document_explanation(pipeline: &Pipeline, parts: &[Document]) -> String {
    let mut numbering = SentenceNumbering::default();
    let mut out = String::new();
    for doc in parts {
        let sentences = pipeline.sentence_windows(&doc.text).0.len();
        let before = numbering.before(doc, sentences);
        out.push_str(&explanation(pipeline, doc, before));
    }
    out
}

/// The explanation of `doc`, a part of its document after `before` sentences: its
/// sentences numbered and placed (in characters) as `label` numbers and places them.
pub fn explanation(pipeline: &Pipeline, doc: &Document, before: usize) -> String {
    let lexicon = pipeline.lexicon();
    let analysis = pipeline.analyze(doc);
    let text = &doc.text;
    let mut out = String::new();
    let mut chars = CharOffsets::new(text);
    for (i, (span, att)) in analysis.sentences.iter().zip(&analysis.attributions).enumerate() {
        let _ = writeln!(
            out,
            "sentence {} [{}..{}]: {}",
            before + i + 1,
            doc.offset + chars.at(span.start),
            doc.offset + chars.at(span.end),
            fold_whitespace(&text[span.clone()])
        );
        let mentions = analysis
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end);
        for m in mentions {
            let shown = &text[m.span.clone()];
            let possessive = if m.possessive { " (possessive)" } else { "" };
            let line = match m.kind {
                MentionKind::Actor { party, alias } if lexicon.is_introduced(alias) => format!(
                    "actor    {shown:?} -> {}{possessive}  [a person introduced earlier in the document]",
                    lexicon.party(party).id
                ),
                MentionKind::Actor { party, alias } => {
                    let a = lexicon.alias(alias);
                    format!(
                        "actor    {shown:?} -> {}{possessive}  [{} {}]",
                        lexicon.party(party).id,
                        a.rule.kind,
                        a.rule.source
                    )
                }
                MentionKind::Inactive { alias } => {
                    let a = lexicon.alias(alias);
                    format!(
                        "person   {shown:?} -> no party at this date (or ambiguous)  [{}]",
                        a.rule.source
                    )
                }
                MentionKind::Body { body } => format!(
                    "body     {shown:?}{possessive}  [{}]",
                    lexicon.pack.bodies[body as usize].source
                ),
                MentionKind::Cue { cue } => {
                    let c = lexicon.cue(cue);
                    let label = c.label.map_or("-".to_owned(), |l| l.to_string());
                    format!("cue      {shown:?} {label} ({:?})  [{}]", c.kind, c.source).to_lowercase()
                }
                MentionKind::Negator { negator } => {
                    format!(
                        "negator  {shown:?}  [{}]",
                        lexicon.pack.negators[negator as usize].source
                    )
                }
                MentionKind::Speaker { speaker } => {
                    format!(
                        "speaker  {shown:?} (never a holder)  [{}]",
                        lexicon.pack.speakers[speaker as usize].source
                    )
                }
            };
            let _ = writeln!(out, "  {line}");
        }
        for unit in &att.units {
            let kind = match unit.kind {
                UnitKind::Party(p) => lexicon.party(p).id.clone(),
                UnitKind::Unresolved => "no party".into(),
                UnitKind::Speaker => "non-party speaker".into(),
                UnitKind::Cue(_) | UnitKind::Negator => continue,
            };
            let _ = writeln!(
                out,
                "  unit     {:?} -> {kind} (scope {})",
                &text[unit.span.clone()],
                unit.scope
            );
        }
        if att.scopes.len() > 1 {
            for (id, ranges) in att.scopes.iter().enumerate() {
                let parts: Vec<String> = ranges.iter().map(|r| format!("{:?}", text[r.clone()].trim())).collect();
                let _ = writeln!(out, "  scope {id}: {}", parts.join(" … "));
            }
        }
        for c in &att.claims {
            let target = c.target.map_or(String::new(), |t| lexicon.party(t).id.clone());
            let target_text = c.target_span.clone().map_or(String::new(), |s| text[s].to_owned());
            let _ = writeln!(
                out,
                "  CLAIM    ({}, {}, {})  cue {:?}  holder {:?}  target {:?}  rule {}",
                lexicon.party(c.holder).id,
                c.label,
                target,
                &text[c.cue.clone()],
                &text[c.holder_span.clone()],
                target_text,
                c.rule
            );
        }
        for d in &att.dropped {
            let by = d.by.as_ref().map_or(String::new(), |s| {
                let why = lexicon
                    .pack
                    .lookalikes
                    .iter()
                    .find(|l| &l.source == s)
                    .map_or("", |l| l.why.as_str());
                format!(" by {s} ({why})")
            });
            let _ = writeln!(
                out,
                "  dropped  {:?} [{}]: {}{by}",
                &text[d.cue.clone()],
                d.rule(),
                d.reason
            );
        }
    }
    out
}
