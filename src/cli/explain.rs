//! `stancer explain`: everything the pipeline saw in a text, sentence by sentence.
//!
//! Usage: stancer explain TEXT | --input FILE [--rules DIR] [--date YYYY-MM-DD]
//!
//! For each sentence: every mention with its party and the rule row behind it, the
//! clause scopes, each claim with the rule and mentions that produced it, and each cue
//! that gave no claim with the reason.

use super::{CliError, load_pipeline, print_out};
use clap::Args;
use stancer::Pipeline;
use stancer::attribute::UnitKind;
use stancer::input::Document;
use stancer::matcher::MentionKind;
use stancer::segment::fold_whitespace;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Show the sentences, mentions, scopes, claims and dropped cues of a text.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to explain (or use --input).
    pub text: Option<String>,
    /// Read the text from this file instead.
    #[arg(long, conflicts_with = "text")]
    pub input: Option<PathBuf>,
    /// Document date (YYYY, YYYY-MM or YYYY-MM-DD): people count only while in office.
    #[arg(long)]
    pub date: Option<String>,
    /// Rule pack folder replacing the built-in rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

pub fn run(args: ExplainArgs) -> Result<(), CliError> {
    let text = match (&args.text, &args.input) {
        (Some(t), None) => t.clone(),
        (None, Some(path)) => {
            let bytes = std::fs::read(path).map_err(|e| CliError::Usage(format!("--input {}: {e}", path.display())))?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => return Err(CliError::Usage("give a TEXT or --input FILE".into())),
    };
    let pipeline = load_pipeline(args.rules.as_deref())?;
    let mut doc = Document::new("explain", text);
    if let Some(d) = &args.date {
        doc = doc.with_date(d).map_err(|e| CliError::Usage(format!("--date: {e}")))?;
    }
    print_out(&explain(&pipeline, &doc))
}

/// The explanation of `doc` as text.
pub fn explain(pipeline: &Pipeline, doc: &Document) -> String {
    let lexicon = pipeline.lexicon();
    let analysis = pipeline.analyze(doc);
    let text = &doc.text;
    let mut out = String::new();
    for (i, (span, att)) in analysis.sentences.iter().zip(&analysis.attributions).enumerate() {
        let _ = writeln!(
            out,
            "sentence {} [{}..{}]: {}",
            i + 1,
            span.start,
            span.end,
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
