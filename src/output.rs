//! Output: claim records and sentence records as CSV or JSON Lines.

use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Csv,
    Jsonl,
}

/// One sentence as `stancer sentences` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceRecord {
    pub doc_id: String,
    pub sentence_id: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Writes records of one type in the chosen format. CSV gets its header row at once, so
/// that a run with no record still writes a valid table.
pub struct RecordWriter<W: Write> {
    inner: Inner<W>,
}

enum Inner<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

impl<W: Write> RecordWriter<W> {
    /// `excel` makes CSV output UTF-8 with a byte order mark and CRLF line ends, which
    /// spreadsheet programs need to read non-ASCII names correctly.
    pub fn new(mut out: W, format: OutputFormat, columns: &[&str], excel: bool) -> io::Result<RecordWriter<W>> {
        let inner = match format {
            OutputFormat::Csv => {
                let mut builder = csv::WriterBuilder::new();
                builder.has_headers(false);
                if excel {
                    out.write_all("\u{feff}".as_bytes())?;
                    builder.terminator(csv::Terminator::CRLF);
                }
                let mut w = builder.from_writer(out);
                w.write_record(columns).map_err(csv_io)?;
                Inner::Csv(Box::new(w))
            }
            OutputFormat::Jsonl => Inner::Jsonl(out),
        };
        Ok(RecordWriter { inner })
    }

    pub fn write<T: Serialize>(&mut self, record: &T) -> io::Result<()> {
        match &mut self.inner {
            Inner::Csv(w) => w.serialize(record).map_err(csv_io),
            Inner::Jsonl(w) => {
                serde_json::to_writer(&mut *w, record).map_err(io::Error::other)?;
                w.write_all(b"\n")
            }
        }
    }

    pub fn finish(self) -> io::Result<W> {
        match self.inner {
            Inner::Csv(w) => w.into_inner().map_err(|e| e.into_error()),
            Inner::Jsonl(w) => Ok(w),
        }
    }
}

/// The I/O error inside a CSV error as it is, so that a closed pipe or a full disk is
/// told apart from a record that cannot be written.
fn csv_io(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// The columns of the claims table, in the order of [`ClaimRecord`]'s fields.
pub const CLAIM_COLUMNS: [&str; 13] = [
    "doc_id",
    "sentence_id",
    "holder",
    "label",
    "target",
    "cue",
    "rule",
    "holder_text",
    "target_text",
    "start",
    "end",
    "sentence",
    "date",
];

pub const SENTENCE_COLUMNS: [&str; 5] = ["doc_id", "sentence_id", "start", "end", "text"];
