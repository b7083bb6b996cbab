//! `stancer explain`: everything the pipeline saw in a text, sentence by sentence.
//!
//! Usage: stancer explain TEXT | --input FILE [--id ID] [--rules DIR] [--date YYYY-MM-DD]
//!
//! For each sentence: every mention with its party and the rule row behind it, the
//! clause scopes, each claim with the rule and mentions that produced it, and each cue
//! that gave no claim with the reason. A record of a JSON Lines or CSV corpus
//! (`--input FILE --id ID`) is read as `label` reads it and explained whole, so that
//! each sentence has the context `label` gives it (the holder of the sentence before).

use super::label::{CommonInput, DefaultDate};
use super::{CliError, load_pipeline, print_out};
use clap::Args;
use stancer::Pipeline;
use stancer::attribute::UnitKind;
use stancer::input::{Document, Format, Record, format_of, read_inputs};
use stancer::matcher::MentionKind;
use stancer::pipeline::{CharOffsets, SentenceNumbering};
use stancer::segment::fold_whitespace;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Show the sentences, mentions, scopes, claims and dropped cues of a text. Sentence
/// numbers and `[start..end]` offsets are those of label's sentence_id, start and end:
/// characters (Unicode scalar values) from the start of the document.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to explain (or use --input).
    pub text: Option<String>,
    /// Read the text from this file instead: a text file, or with --id a JSON Lines or
    /// CSV corpus (any input `label` reads).
    #[arg(long, conflicts_with = "text")]
    pub input: Option<PathBuf>,
    /// The id of the record of --input to explain, as label's doc_id shows it.
    #[arg(long, requires = "input", value_name = "ID")]
    pub id: Option<String>,
    /// Document date (YYYY, YYYY-MM or YYYY-MM-DD) for a document without one, as with
    /// `label --date`: people count only while in office.
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub common: CommonInput,
}

pub fn run(args: ExplainArgs) -> Result<(), CliError> {
    let default_date = DefaultDate::parse(args.date.as_deref())?;
    let mut docs = match (&args.text, &args.input) {
        (Some(t), None) => vec![Document::new("explain", t.clone())],
        (None, Some(path)) => documents(&args, path)?,
        _ => return Err(CliError::Usage("give a TEXT or --input FILE".into())),
    };
    for doc in &mut docs {
        if let Some(dated) = default_date.dated(doc) {
            *doc = dated;
        }
    }
    let pipeline = load_pipeline(args.common.rules.as_deref())?;
    let mut numbering = SentenceNumbering::default();
    let mut out = String::new();
    for doc in &docs {
        let sentences = pipeline.sentence_windows(&doc.text).0.len();
        let before = numbering.before(doc, sentences);
        out.push_str(&explain(&pipeline, doc, before));
    }
    print_out(&out)
}

/// The parts of the document of `--input` (and `--id`), read as `label` reads them;
/// problems met on the way are reported as `label` reports them.
fn documents(args: &ExplainArgs, path: &PathBuf) -> Result<Vec<Document>, CliError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = args
        .common
        .input_format
        .unwrap_or_else(|| format_of(name.strip_suffix(".gz").unwrap_or(&name)));
    if format == Format::Text && args.id.is_some() {
        return Err(CliError::Usage(format!(
            "--id: {} is one text document (--id picks a record of a JSON Lines or CSV file)",
            path.display()
        )));
    }
    let mut found = Vec::new();
    let mut ids = Vec::new();
    for record in read_inputs(std::slice::from_ref(path), args.common.options()) {
        match record {
            Record::Doc(doc) if args.id.as_ref().is_none_or(|id| *id == doc.id) => found.push(doc),
            Record::Doc(doc) => {
                if ids.len() < 5 && !ids.contains(&doc.id) {
                    ids.push(doc.id);
                }
            }
            Record::Skipped(e) => {
                if format == Format::Text || !path.exists() {
                    return Err(CliError::Usage(format!("--input {e}")));
                }
                eprintln!("skipped: {e}");
            }
            Record::Warning(e) => eprintln!("warning: {e}"),
            Record::Note(n) => eprintln!("note: {n}"),
        }
    }
    match &args.id {
        None if format != Format::Text => Err(CliError::Usage(format!(
            "--input {}: a file of records; pick one with --id ID (its ids: {}{})",
            path.display(),
            found
                .iter()
                .take(5)
                .map(|d| d.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if found.len() > 5 { ", ..." } else { "" }
        ))),
        Some(id) if found.is_empty() => Err(CliError::Usage(format!(
            "--id {id}: no record of {} has this id (the first: {})",
            path.display(),
            ids.join(", ")
        ))),
        _ => Ok(found),
    }
}

/// The explanation of `doc`, a part of its document after `before` sentences: its
/// sentences numbered and placed (in characters) as `label` numbers and places them.
fn explain(pipeline: &Pipeline, doc: &Document, before: usize) -> String {
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
