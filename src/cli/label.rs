//! `stancer label`: the claims of every sentence of every document, as CSV or JSON Lines.

use super::{CliError, Output, Reading, Tally, close_writer, load_pipeline, run_batches};
use clap::Args;
use stancer::input::{Document, Fields, Format, InputOptions, read_inputs};
use stancer::output::{Cell, ClaimLayout, OutputFormat, RecordWriter};
use stancer::pipeline::{SentenceNumbering, long_sentence_warning};
use stancer::precision::PrecisionTable;
use stancer::xlsx::Book;
use std::io::Write;
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
    /// Date for documents that have none (YYYY, YYYY-MM or YYYY-MM-DD): people count for a
    /// state only while in office on it. Without a date, office dates are ignored.
    #[arg(long)]
    pub date: Option<String>,
    /// Cut the `sentence` cell to about N characters around the claim's cue (with "…"
    /// where text was left out), for corpora with very long sentences. 0 keeps it whole.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub sentence_chars: usize,
    /// Copy these input fields into every row, as columns after the fixed ones (JSON
    /// Lines fields, CSV columns; for text files read from a folder, the folders below
    /// it: `--keep section` on corpus/sport/001.txt gives section "sport").
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub keep: Vec<String>,
    /// Column order: `default` is doc_id, sentence_id, holder, label, target,
    /// holder_name, target_name, sentence, cue, holder_text, target_text, via, rule,
    /// pattern, start, end, date; `legacy` is the order before holder_name, via and
    /// pattern: doc_id, sentence_id, holder, label, target, cue, rule (with the pattern),
    /// holder_text, target_text, start, end, sentence, date. Kept fields come last.
    #[arg(long, value_enum, default_value = "default", value_name = "LAYOUT")]
    pub columns: ClaimLayout,
    /// Add a `confidence` column (after the fixed columns, before kept fields): the
    /// precision of the claim's rule in FILE (written by `review score --precision-out`
    /// or `eval --precision-out`) when at least 10 of its claims were judged, else its
    /// label's on as many, else empty.
    #[arg(long, value_name = "FILE")]
    pub confidence: Option<PathBuf>,
    /// Also write the claims as an Excel workbook (a "claims" sheet: frozen header,
    /// autofilter, every cell text, never a formula). Without -o, no table goes to
    /// standard output.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
}

/// Reads a precision file for `--confidence`; its bad rows are reported and counted.
pub fn read_precision(path: &std::path::Path) -> Result<(PrecisionTable, usize), CliError> {
    let file = std::fs::File::open(path).map_err(|e| CliError::io(path, e))?;
    let (table, errors) = PrecisionTable::read(&path.display().to_string(), std::io::BufReader::new(file))
        .map_err(|e| CliError::Usage(format!("--confidence: {e}")))?;
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    Ok((table, errors.len()))
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
    /// Field separator of CSV input (a character, or "tab"). Without it, a `.csv`
    /// file's header row decides between comma, semicolon and tab.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Do not follow symbolic links met while walking a folder (they are reported).
    #[arg(long)]
    pub no_follow: bool,
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
                delimiter: self.delimiter,
                ..Fields::default()
            },
            format: self.input_format,
            no_follow: self.no_follow,
        }
    }
}

/// `--date`: the date of the documents that have none of their own.
pub struct DefaultDate(Option<Document>);

impl DefaultDate {
    pub fn parse(date: Option<&str>) -> Result<DefaultDate, CliError> {
        let dated = date
            .map(|d| Document::new("", "").with_date(d))
            .transpose()
            .map_err(|e| CliError::Usage(format!("--date: {e}")))?;
        Ok(DefaultDate(dated))
    }

    /// `doc` with the default date, when it has no date and there is a default.
    pub fn dated(&self, doc: &Document) -> Option<Document> {
        let dated = self.0.as_ref().filter(|_| doc.date.is_none())?;
        Some(Document {
            date: dated.date,
            date_text: dated.date_text.clone(),
            ..doc.clone()
        })
    }
}

/// A `--delimiter` value: one ASCII character, or "tab".
fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        v if v.len() == 1 && v.is_ascii() => Ok(v.as_bytes()[0]),
        v => Err(format!("{v:?}: expected one ASCII character, or \"tab\"")),
    }
}

/// The `--keep` names, checked: none twice, none that is a column already.
fn kept_fields(keep: &[String]) -> Result<Vec<String>, CliError> {
    let mut kept: Vec<String> = Vec::with_capacity(keep.len());
    for name in keep.iter().map(|k| k.trim()) {
        if name.is_empty() || kept.iter().any(|k| k == name) {
            return Err(CliError::Usage(format!(
                "--keep {}: {}",
                keep.join(","),
                if name.is_empty() {
                    "an empty field name"
                } else {
                    "a field named twice"
                }
            )));
        }
        if ClaimLayout::is_column(name) || name == CONFIDENCE_COLUMN {
            return Err(CliError::Usage(format!(
                "--keep {name}: the claims table has a column {name:?} already"
            )));
        }
        kept.push(name.to_owned());
    }
    Ok(kept)
}

pub fn run(args: LabelArgs) -> Result<Tally, CliError> {
    if args.jobs == Some(0) {
        return Err(CliError::Usage("-j must be at least 1".into()));
    }
    let started = Instant::now();
    let kept = kept_fields(&args.keep)?;
    let mut options = args.common.options();
    options.fields.keep = kept.clone();
    options.fields.dated_by_default = args.date.is_some();
    let reading = Reading::new(read_inputs(&args.inputs, options), args.common.quiet, args.jobs);
    let default_date = DefaultDate::parse(args.date.as_deref())?;
    let pipeline = load_pipeline(args.common.rules.as_deref())?;
    let (precision, bad_precision_rows) = match &args.confidence {
        Some(path) => {
            let (table, bad) = read_precision(path)?;
            (Some(table), bad)
        }
        None => (None, 0),
    };
    if args.excel && args.format != OutputFormat::Csv {
        return Err(CliError::Usage("--excel applies to CSV output only".into()));
    }
    // With a workbook and no -o, the workbook is the output: no table on the terminal.
    let table_out = args.output.is_some() || args.xlsx.is_none();
    let (output, out) = if table_out {
        Output::open(args.output.as_deref())?
    } else {
        (Output::discard(), Box::new(std::io::sink()) as Box<dyn std::io::Write>)
    };
    let mut columns = args.columns.columns(&kept);
    let fixed = columns.len() - kept.len();
    if precision.is_some() {
        columns.insert(fixed, CONFIDENCE_COLUMN.to_owned());
    }
    let mut writer = RecordWriter::new(out, args.format, &columns, args.excel)?;
    let mut book = match &args.xlsx {
        Some(_) => {
            let mut book = Book::new();
            let sheet = book.add_table("claims", &columns, true)?;
            Some((book, sheet))
        }
        None => None,
    };
    let mut numbering = SentenceNumbering::default();
    let mut tally = run_batches(
        reading,
        |doc| match default_date.dated(doc) {
            Some(dated) => pipeline.label_with(&dated, args.all_sentences),
            None => pipeline.label_with(doc, args.all_sentences),
        },
        |doc, mut labeled, tally| {
            tally.items += labeled.claims.iter().filter(|c| !c.label.is_empty()).count();
            let long = labeled.long_sentences.iter();
            tally.raised.extend(long.map(|&l| long_sentence_warning(doc, l)));
            let before = numbering.before(doc, labeled.sentences);
            labeled.claims.iter_mut().try_for_each(|c| {
                c.sentence_id += before;
                if args.sentence_chars > 0 {
                    c.sentence = around_cue(&c.sentence, &c.cue, args.sentence_chars);
                }
                let mut cells = args.columns.cells(c);
                if let Some(table) = &precision {
                    let confidence = table
                        .confidence(&c.rule, &c.label)
                        .map_or(String::new(), |p| format!("{p:.3}"));
                    cells.insert(fixed, Cell::Owned(confidence));
                }
                if let Some((book, sheet)) = &mut book {
                    book.write_row(*sheet, &cells)?;
                }
                writer.write_row(&columns, &cells)
            })
        },
    )
    .map_err(|e| output.blame(e))?;
    tally.skipped += bad_precision_rows;
    let out = close_writer(writer, &tally).map_err(|e| output.blame(e.into()))?;
    if let (Some(path), Some((book, _))) = (&args.xlsx, book)
        && !tally.nothing_read()
    {
        let (xlsx, mut file) = Output::open(Some(path))?;
        file.write_all(&book.finish().map_err(|e| CliError::io(path, e))?)
            .map_err(|e| CliError::io(path, e))?;
        xlsx.commit(file)?;
    }
    output.finish(out, &tally)?;
    eprintln!("{}", tally.summary("label", "claims", started.elapsed().as_secs_f64()));
    Ok(tally)
}

/// The column `--confidence` adds.
pub const CONFIDENCE_COLUMN: &str = "confidence";

/// About `limit` characters of `sentence` around the first occurrence of `cue`, with "…"
/// where text was cut; the whole sentence when it is short enough.
fn around_cue(sentence: &str, cue: &str, limit: usize) -> String {
    let chars = sentence.chars().count();
    if chars <= limit {
        return sentence.to_owned();
    }
    let at = sentence.find(cue).map_or(0, |b| sentence[..b].chars().count());
    let cue_chars = cue.chars().count();
    // Centre the window on the cue, then shift it back inside the sentence.
    let start = (at + cue_chars / 2).saturating_sub(limit / 2).min(chars - limit);
    let kept: String = sentence.chars().skip(start).take(limit).collect();
    let mut out = String::with_capacity(kept.len() + 6);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&kept);
    if start + limit < chars {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::around_cue;

    #[test]
    fn a_long_sentence_is_cut_around_its_cue() {
        let s = format!("{} India denied the report {}", "a".repeat(100), "b".repeat(100));
        let cut = around_cue(&s, "denied", 20);
        assert_eq!(cut, "… India denied the re…");
        assert_eq!(around_cue("short one", "one", 20), "short one");
        assert!(around_cue(&s, "missing", 10).starts_with("aaaaaaaaaa…"));
    }
}
