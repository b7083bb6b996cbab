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
use stancer::explain::document_explanation;
use stancer::input::{Document, Format, Record, format_of, read_inputs};
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
    print_out(&document_explanation(&pipeline, &docs))
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
