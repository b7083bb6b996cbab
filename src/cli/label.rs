//! `stancer label`: the claims of every sentence of every document, as CSV or JSON Lines.

use super::{CliError, Output, Reading, Tally, load_pipeline, run_batches};
use clap::Args;
use stancer::input::{Fields, Format, InputOptions, read_inputs};
use stancer::output::{CLAIM_COLUMNS, OutputFormat, RecordWriter};
use stancer::pipeline::SentenceNumbering;
use std::path::PathBuf;
use std::time::Instant;

/// Label documents: one row per (holder, label, target) claim.
#[derive(Debug, Args)]
pub struct LabelArgs {
    /// Files or folders to read (folders are walked in sorted order); none or "-" reads standard input.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonInput,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: OutputFormat,
    /// Write to this file instead of standard output (written whole, or not at all).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Labeling threads (default: all cores); 1 runs the whole job on one thread. The
    /// output does not depend on it.
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// CSV for spreadsheets: UTF-8 with a byte order mark and CRLF line ends.
    #[arg(long)]
    pub excel: bool,
    /// Also write a row for every sentence without a claim (empty holder, label and target).
    #[arg(long)]
    pub all_sentences: bool,
}

/// Options shared by the commands that read documents.
#[derive(Debug, Args)]
pub struct CommonInput {
    /// Rule pack folder replacing the built-in rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Read every input in this format instead of guessing from the file name
    /// (standard input is read as text unless this is set).
    #[arg(long, value_enum)]
    pub input_format: Option<Format>,
    /// Field (JSON Lines) or column (CSV/TSV) holding the document id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// Field or column holding the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// Field or column holding the date (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

impl CommonInput {
    pub fn options(&self) -> InputOptions {
        InputOptions {
            fields: Fields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                date: self.date_field.clone(),
            },
            format: self.input_format,
        }
    }
}

pub fn run(args: LabelArgs) -> Result<Tally, CliError> {
    if args.jobs == Some(0) {
        return Err(CliError::Usage("-j must be at least 1".into()));
    }
    let started = Instant::now();
    let reading = Reading::new(
        read_inputs(&args.inputs, args.common.options()),
        args.common.quiet,
        args.jobs,
    );
    let pipeline = load_pipeline(args.common.rules.as_deref())?;
    let (output, out) = Output::open(args.output.as_deref())?;
    if args.excel && args.format != OutputFormat::Csv {
        return Err(CliError::Usage("--excel applies to CSV output only".into()));
    }
    let mut writer = RecordWriter::new(out, args.format, &CLAIM_COLUMNS, args.excel)?;
    let mut numbering = SentenceNumbering::default();
    let tally = run_batches(
        reading,
        |doc| pipeline.label_with(doc, args.all_sentences),
        |doc, mut labeled, tally| {
            tally.items += labeled.claims.iter().filter(|c| !c.label.is_empty()).count();
            let before = numbering.before(doc, labeled.sentences);
            labeled.claims.iter_mut().try_for_each(|c| {
                c.sentence_id += before;
                writer.write(c)
            })
        },
    )?;
    output.commit(writer.finish()?)?;
    eprintln!("{}", tally.summary("label", "claims", started.elapsed().as_secs_f64()));
    Ok(tally)
}
