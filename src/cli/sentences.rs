//! `stancer sentences`: the sentence spans of every document, for checking the splitter.

use super::label::CommonInput;
use super::{CliError, Output, Reading, Tally, close_writer, load_rules, run_batches};
use clap::Args;
use stancer::input::read_inputs;
use stancer::output::{OutputFormat, RecordWriter, SENTENCE_COLUMNS, SentenceRecord};
use stancer::pipeline::{CharOffsets, SentenceNumbering, long_sentence_offsets, long_sentence_warning};
use stancer::segment::fold_whitespace;
use std::path::PathBuf;
use std::time::Instant;

/// Split documents into sentences: one record per sentence with its character offsets.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// Files or folders to read; none or "-" reads standard input.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonInput,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Splitting threads (default: all cores); 1 runs the whole job on one thread. The
    /// output does not depend on it.
    #[arg(short, long)]
    pub jobs: Option<usize>,
}

pub fn run(args: SentencesArgs) -> Result<Tally, CliError> {
    if args.jobs == Some(0) {
        return Err(CliError::Usage("-j must be at least 1".into()));
    }
    let started = Instant::now();
    let reading = Reading::new(
        read_inputs(&args.inputs, args.common.options()),
        args.common.quiet,
        args.jobs,
    );
    // Splitting needs only the abbreviations: no automaton is compiled.
    let segmenter = load_rules(args.common.rules.as_deref())?.segmenter;
    let (output, out) = Output::open(args.output.as_deref())?;
    let mut writer = RecordWriter::new(out, args.format, &SENTENCE_COLUMNS, false)?;
    let mut numbering = SentenceNumbering::default();
    let tally = run_batches(
        reading,
        |doc| {
            let mut chars = CharOffsets::new(&doc.text);
            let (spans, long) = segmenter.sentence_windows(&doc.text);
            let records = spans
                .into_iter()
                .enumerate()
                .map(|(i, span)| SentenceRecord {
                    doc_id: doc.id.clone(),
                    sentence_id: i + 1,
                    start: doc.offset + chars.at(span.start),
                    end: doc.offset + chars.at(span.end),
                    text: fold_whitespace(&doc.text[span]),
                })
                .collect::<Vec<_>>();
            (records, long_sentence_offsets(doc, &long))
        },
        |doc, (mut records, long), tally| {
            tally.items += records.len();
            tally
                .raised
                .extend(long.into_iter().map(|l| long_sentence_warning(doc, l)));
            let before = numbering.before(doc, records.len());
            records.iter_mut().try_for_each(|r| {
                r.sentence_id += before;
                writer.write(r)
            })
        },
    )
    .map_err(|e| output.blame(e))?;
    let out = close_writer(writer, &tally).map_err(|e| output.blame(e.into()))?;
    output.finish(out, &tally)?;
    eprintln!(
        "{}",
        tally.summary("sentences", "sentences", started.elapsed().as_secs_f64())
    );
    Ok(tally)
}
