//! Output: claim records and sentence records as CSV or JSON Lines.

use crate::pipeline::ClaimRecord;
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

/// Writes records of one type in the chosen format. A CSV header row is written before
/// the first record, or by [`RecordWriter::finish`] when there was none, so that a run
/// with no record still writes a valid table, and a run that read nothing writes nothing
/// ([`RecordWriter::abandon`]).
pub struct RecordWriter<W: Write> {
    inner: Inner<W>,
    /// The header row (and the byte order mark) not yet written.
    header: Option<Vec<String>>,
    excel: bool,
}

enum Inner<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

/// One cell of a row written with [`RecordWriter::write_row`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(usize),
    /// A text with a part to show: in CSV the first occurrence of `mark` between « and »
    /// ([`marked`]), bold in a workbook, left as it is in JSON Lines.
    Marked {
        text: &'a str,
        mark: &'a str,
    },
}

/// Where `mark` first occurs in `text`, as a byte range; `None` for an empty mark or
/// one that does not occur (a sentence cut with `--sentence-chars`).
pub fn mark_span(text: &str, mark: &str) -> Option<std::ops::Range<usize>> {
    if mark.is_empty() {
        return None;
    }
    text.find(mark).map(|at| at..at + mark.len())
}

/// `text` with the first occurrence of `mark` between « and »: how a CSV review sheet
/// shows the cue of each row.
///
/// ```
/// assert_eq!(stancer::output::marked("India denied it.", "denied"), "India «denied» it.");
/// assert_eq!(stancer::output::marked("India denied it.", "rejected"), "India denied it.");
/// ```
pub fn marked(text: &str, mark: &str) -> String {
    match mark_span(text, mark) {
        Some(r) => format!("{}«{}»{}", &text[..r.start], &text[r.clone()], &text[r.end..]),
        None => text.to_owned(),
    }
}

impl<W: Write> RecordWriter<W> {
    /// `excel` makes CSV output UTF-8 with a byte order mark and CRLF line ends, which
    /// spreadsheet programs need to read non-ASCII names correctly, cuts cells longer
    /// than a spreadsheet cell holds ([`excel_cell`]) and quotes text cells that a
    /// spreadsheet would run as a formula ([`formula_safe`]).
    pub fn new<S: AsRef<str>>(out: W, format: OutputFormat, columns: &[S], excel: bool) -> io::Result<RecordWriter<W>> {
        let (inner, header) = match format {
            OutputFormat::Csv => {
                let mut builder = csv::WriterBuilder::new();
                builder.has_headers(false);
                if excel {
                    builder.terminator(csv::Terminator::CRLF);
                }
                let header = columns.iter().map(|c| c.as_ref().to_owned()).collect();
                (Inner::Csv(Box::new(builder.from_writer(out))), Some(header))
            }
            OutputFormat::Jsonl => (Inner::Jsonl(out), None),
        };
        Ok(RecordWriter { inner, header, excel })
    }

    fn write_header(&mut self) -> io::Result<()> {
        if let (Some(mut header), Inner::Csv(w)) = (self.header.take(), &mut self.inner) {
            if self.excel {
                // A kept field's name is a cell like any other.
                header = header.iter().map(|h| formula_safe(h).into_owned()).collect();
            }
            if self.excel
                && let Some(first) = header.first_mut()
            {
                first.insert(0, '\u{feff}');
            }
            w.write_record(&header).map_err(csv_io)?;
        }
        Ok(())
    }

    /// Writes `record` serialized as it is: for plain tables of numbers and ids; text a
    /// spreadsheet must not run as a formula goes through [`RecordWriter::write_row`].
    pub fn write<T: Serialize>(&mut self, record: &T) -> io::Result<()> {
        self.write_header()?;
        match &mut self.inner {
            Inner::Csv(w) => w.serialize(record).map_err(csv_io),
            Inner::Jsonl(w) => {
                serde_json::to_writer(&mut *w, record).map_err(io::Error::other)?;
                w.write_all(b"\n")
            }
        }
    }

    /// Writes one row of `cells`, named by `columns` in JSON Lines (which must be as
    /// long). For `excel`, a text cell too long for a spreadsheet is cut with a marker,
    /// and one that would start a formula is quoted.
    pub fn write_row<S: AsRef<str>>(&mut self, columns: &[S], cells: &[Cell]) -> io::Result<()> {
        self.write_header()?;
        match &mut self.inner {
            Inner::Csv(w) => {
                for cell in cells {
                    match cell {
                        Cell::Text(t) if self.excel => w.write_field(formula_safe(&excel_cell(t)).as_ref()),
                        Cell::Owned(t) if self.excel => w.write_field(formula_safe(&excel_cell(t)).as_ref()),
                        Cell::Marked { text, mark } if self.excel => {
                            w.write_field(formula_safe(&excel_cell(&marked(text, mark))).as_ref())
                        }
                        Cell::Text(t) => w.write_field(t),
                        Cell::Owned(t) => w.write_field(t),
                        Cell::Number(n) => w.write_field(n.to_string()),
                        Cell::Marked { text, mark } => w.write_field(marked(text, mark)),
                    }
                    .map_err(csv_io)?;
                }
                w.write_record(None::<&[u8]>).map_err(csv_io)
            }
            Inner::Jsonl(w) => {
                serde_json::to_writer(&mut *w, &JsonRow { columns, cells }).map_err(io::Error::other)?;
                w.write_all(b"\n")
            }
        }
    }

    /// Writes the header row if no record did, and hands the output back.
    pub fn finish(mut self) -> io::Result<W> {
        self.write_header()?;
        self.abandon()
    }

    /// Hands the output back with nothing more written: no header row when no record was.
    pub fn abandon(self) -> io::Result<W> {
        match self.inner {
            Inner::Csv(w) => w.into_inner().map_err(|e| e.into_error()),
            Inner::Jsonl(w) => Ok(w),
        }
    }
}

/// A row as a JSON object whose keys keep the column order.
struct JsonRow<'a, S> {
    columns: &'a [S],
    cells: &'a [Cell<'a>],
}

impl<S: AsRef<str>> Serialize for JsonRow<'_, S> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.cells.len()))?;
        for (name, cell) in self.columns.iter().zip(self.cells) {
            match cell {
                Cell::Text(t) => map.serialize_entry(name.as_ref(), t)?,
                Cell::Owned(t) => map.serialize_entry(name.as_ref(), t)?,
                Cell::Number(n) => map.serialize_entry(name.as_ref(), n)?,
                Cell::Marked { text, .. } => map.serialize_entry(name.as_ref(), text)?,
            }
        }
        map.end()
    }
}

/// The most characters a spreadsheet cell holds (Excel and LibreOffice Calc), counted in
/// UTF-16 units as they count them.
pub const EXCEL_CELL_LIMIT: usize = 32_767;

/// `text` cut to fit a spreadsheet cell, with a marker saying how much was left out; a
/// longer cell is cut or refused by the program that opens the file, without a word.
///
/// ```
/// let long = "a".repeat(40_000);
/// let cut = stancer::output::excel_cell(&long);
/// assert!(cut.encode_utf16().count() <= stancer::output::EXCEL_CELL_LIMIT);
/// assert!(cut.ends_with("[cut: 7,272 more characters]"));
/// assert_eq!(stancer::output::excel_cell("short"), "short");
/// ```
pub fn excel_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= EXCEL_CELL_LIMIT || text.encode_utf16().count() <= EXCEL_CELL_LIMIT {
        return std::borrow::Cow::Borrowed(text);
    }
    let total = text.chars().count();
    // Room for the marker, whose number has at most 10 digits and 3 separators.
    let room = EXCEL_CELL_LIMIT - " … [cut: 0,000,000,000 more characters]".encode_utf16().count();
    let (mut units, mut end, mut kept) = (0, 0, 0);
    for (i, ch) in text.char_indices() {
        if units + ch.len_utf16() > room {
            break;
        }
        units += ch.len_utf16();
        end = i + ch.len_utf8();
        kept += 1;
    }
    std::borrow::Cow::Owned(format!(
        "{} … [cut: {} more characters]",
        &text[..end],
        thousands(total - kept)
    ))
}

/// The characters that make a spreadsheet read a cell as a formula (or, for tab and
/// carriage return, that some programs strip before doing so), as OWASP lists them for
/// CSV injection.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a single quote before it when it starts with one of [`FORMULA_STARTS`],
/// so that a sentence scraped as `=HYPERLINK("http://...")` opens as text in a
/// spreadsheet, not as a live formula (OWASP's advice for CSV injection). Spreadsheets
/// hide the quote; [`formula_unquoted`] takes it off again.
///
/// ```
/// use stancer::output::formula_safe;
/// assert_eq!(formula_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(formula_safe("-5 dead"), "'-5 dead");
/// assert_eq!(formula_safe("India denied it."), "India denied it.");
/// ```
pub fn formula_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A cell of a table written for spreadsheets, without the quote [`formula_safe`] put
/// before it.
pub fn formula_unquoted(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// `n` with commas between thousands: 7,270.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
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

/// Which columns the claims table has, in which order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimLayout {
    /// [`CLAIM_COLUMNS`]: the claim, the parties' names and the sentence first, then
    /// how it was found.
    #[default]
    Default,
    /// [`LEGACY_CLAIM_COLUMNS`]: the columns and meanings before `holder_name`, `via`
    /// and `pattern`, for scripts written against them.
    Legacy,
}

/// The columns of the claims table. The first five are fixed for scripts that read them.
pub const CLAIM_COLUMNS: [&str; 17] = [
    "doc_id",
    "sentence_id",
    "holder",
    "label",
    "target",
    "holder_name",
    "target_name",
    "sentence",
    "cue",
    "holder_text",
    "target_text",
    "via",
    "rule",
    "pattern",
    "start",
    "end",
    "date",
];

/// The claims table's columns before issue 22 (`--columns legacy`): `rule` holds the
/// rule row and the pattern, `target_text` the holder's text when the target is the
/// holder itself.
pub const LEGACY_CLAIM_COLUMNS: [&str; 13] = [
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

impl ClaimLayout {
    /// The layout's own columns, in order.
    fn fixed(self) -> &'static [&'static str] {
        match self {
            ClaimLayout::Default => &CLAIM_COLUMNS,
            ClaimLayout::Legacy => &LEGACY_CLAIM_COLUMNS,
        }
    }

    /// The header row: the layout's columns, then the `kept` field names.
    pub fn columns(self, kept: &[String]) -> Vec<String> {
        self.fixed()
            .iter()
            .map(|c| c.to_string())
            .chain(kept.iter().cloned())
            .collect()
    }

    /// Whether `name` is one of the claims table's columns in some layout.
    pub fn is_column(name: &str) -> bool {
        CLAIM_COLUMNS.contains(&name) || LEGACY_CLAIM_COLUMNS.contains(&name)
    }

    /// The cells of `c` in this layout's order, its kept values after them.
    pub fn cells(self, c: &ClaimRecord) -> Vec<Cell<'_>> {
        let mut cells: Vec<Cell<'_>> = self.fixed().iter().map(|name| self.cell(c, name)).collect();
        cells.extend(c.kept.iter().map(|k| Cell::Text(k)));
        cells
    }

    /// The cell of column `name` (one of [`ClaimLayout::fixed`]): the order lives in the
    /// column lists only, the meanings here; `rule` and `target_text` mean what they did
    /// before issue 22 in the legacy layout.
    fn cell<'c>(self, c: &'c ClaimRecord, name: &str) -> Cell<'c> {
        use Cell::{Number, Owned, Text};
        match (self, name) {
            (ClaimLayout::Legacy, "rule") => Owned(c.rule_and_pattern()),
            (ClaimLayout::Legacy, "target_text") => Text(c.legacy_target_text()),
            (_, "doc_id") => Text(&c.doc_id),
            (_, "sentence_id") => Number(c.sentence_id),
            (_, "holder") => Text(&c.holder),
            (_, "label") => Text(&c.label),
            (_, "target") => Text(&c.target),
            (_, "holder_name") => Text(&c.holder_name),
            (_, "target_name") => Text(&c.target_name),
            (_, "sentence") => Text(&c.sentence),
            (_, "cue") => Text(&c.cue),
            (_, "holder_text") => Text(&c.holder_text),
            (_, "target_text") => Text(&c.target_text),
            (_, "via") => Text(c.via),
            (_, "rule") => Text(&c.rule),
            (_, "pattern") => Text(&c.pattern),
            (_, "start") => Number(c.start),
            (_, "end") => Number(c.end),
            (_, "date") => Text(&c.date),
            _ => unreachable!("{name} is in no claim layout"),
        }
    }
}

pub const SENTENCE_COLUMNS: [&str; 5] = ["doc_id", "sentence_id", "start", "end", "text"];
