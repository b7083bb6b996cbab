//! Input: files, directories and standard input become a stream of [`Document`]s.
//!
//! Text files are one document each, read in parts of about [`PART_BYTES`] when larger;
//! JSON Lines and CSV/TSV files hold one document per record; a `.gz` suffix is
//! decompressed on the fly. Problems with one file or record
//! are reported as [`Record::Skipped`] or [`Record::Warning`] and the stream goes on.

mod records;

pub use records::{JsonLine, record_documents};

use crate::date::DateRange;
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub date: Option<DateRange>,
    /// The date as written in the input, for output.
    pub date_text: Option<String>,
    /// Where this text starts in its document, in characters: 0 unless the document is
    /// a large text file read in parts.
    pub offset: usize,
    /// Which part of its document this is, counting from 0.
    pub part: u32,
    /// The values of the fields named by [`Fields::keep`], in that order (empty when a
    /// record lacks one).
    pub kept: Vec<String>,
}

/// A text file larger than this is read and labeled in parts, cut at a blank line where
/// there is one, so that memory does not grow with the file and the parts are labeled
/// in parallel. Context does not cross a cut: a pronoun opening a part does not reach
/// back to the holder before it, nor a surname to the full name.
pub const PART_BYTES: usize = 1 << 20;

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            date_text: None,
            offset: 0,
            part: 0,
            kept: Vec::new(),
        }
    }

    /// Sets the document date; `text` is ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn with_date(mut self, text: &str) -> Result<Document, String> {
        self.date = Some(DateRange::parse(text)?);
        self.date_text = Some(text.trim().to_owned());
        Ok(self)
    }
}

/// A problem with an input file or record: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    pub path: String,
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// One item of the input stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Doc(Document),
    /// A file or record that could not be read; it is left out of the output.
    Skipped(InputError),
    /// Read, but with a problem worth knowing (invalid UTF-8 replaced, a bad date ignored).
    Warning(InputError),
    /// Something the user should know that is not a problem.
    Note(String),
}

/// One item of the input as read: records ready to use, or a JSON Lines line left to be
/// decoded by the thread that takes it ([`Inputs::next_item`]).
#[derive(Debug)]
pub enum Item {
    Ready(Record),
    Json(JsonLine),
}

impl Item {
    /// The records this item holds, in input order.
    pub fn records(self) -> Vec<Record> {
        match self {
            Item::Ready(record) => vec![record],
            Item::Json(line) => line.records(),
        }
    }

    /// Roughly how many bytes of text it holds, for sizing batches.
    pub fn size(&self) -> usize {
        match self {
            Item::Ready(Record::Doc(doc)) => doc.text.len(),
            Item::Ready(_) => 0,
            Item::Json(line) => line.len(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
    Csv,
    Tsv,
}

/// Field names for record formats.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: String,
    pub text: String,
    pub date: String,
    /// Put the file's path before each record's id (`corpus/a.jsonl#17`): set when a run
    /// reads a folder or several inputs, where two files may use the same ids.
    pub path_in_id: bool,
    /// Fields copied into [`Document::kept`]: JSON Lines fields, CSV columns, or for
    /// text files found in a folder, the folders below it, one per name.
    pub keep: Vec<String>,
    /// The CSV field separator; `None` lets a `.csv` file's header row decide between
    /// comma, semicolon and tab ([`sniff_delimiter`]).
    pub delimiter: Option<u8>,
    /// Documents without a date get one from elsewhere (`label --date`), which the hint
    /// about an unused date field says.
    pub dated_by_default: bool,
    /// Set once the hint about an unused date field is given, so that a run gives it once.
    pub date_hint_given: Arc<AtomicBool>,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
            path_in_id: false,
            keep: Vec::new(),
            delimiter: None,
            dated_by_default: false,
            date_hint_given: Arc::default(),
        }
    }
}

/// The field separator of a CSV table whose first bytes are `head`: whichever of comma,
/// semicolon and tab its first line holds most of outside quotes (a table saved by a
/// spreadsheet with a European locale uses semicolons); comma on a tie.
///
/// ```
/// use stancer::input::sniff_delimiter;
/// assert_eq!(sniff_delimiter(b"id;text;date\n1;\"a, b\";2025\n"), b';');
/// assert_eq!(sniff_delimiter(b"id\ttext\n"), b'\t');
/// assert_eq!(sniff_delimiter(b"text\n"), b',');
/// ```
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    pub fields: Fields,
    /// Read every input in this format instead of guessing from the file name.
    pub format: Option<Format>,
    /// Leave symbolic links found in a walked folder unread (each reported in a note).
    /// By default they are followed, to files and to folders, with loops reported.
    pub no_follow: bool,
}

/// The documents of `inputs` in order: files in argument order, directories walked in
/// sorted order. An empty list or `-` reads standard input.
pub fn read_inputs(inputs: &[PathBuf], mut options: InputOptions) -> Inputs {
    options.fields.path_in_id = inputs.len() > 1 || inputs.iter().any(|p| p.is_dir());
    let mut queue = VecDeque::new();
    if inputs.is_empty() {
        queue.push_back(Pending::Stdin);
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            queue.push_back(Pending::Stdin);
        } else {
            queue.push_back(Pending::Arg(input.clone()));
        }
    }
    Inputs {
        queue,
        options,
        current: None,
        decoded: VecDeque::new(),
        read: Arc::new(AtomicU64::new(0)),
    }
}

enum Pending {
    Stdin,
    Arg(PathBuf),
    /// A file, with the folders between the folder argument it was found in and it.
    File(PathBuf, Vec<String>),
    Ready(Record),
}

/// The stream of input records; see [`read_inputs`].
pub struct Inputs {
    /// Bytes read from the input files so far (compressed bytes for `.gz`), for progress.
    read: Arc<AtomicU64>,
    queue: VecDeque<Pending>,
    options: InputOptions,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    /// Records of an item decoded by `next` and not yet handed out.
    decoded: VecDeque<Record>,
}

impl Iterator for Inputs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.decoded.pop_front() {
                return Some(record);
            }
            let records = self.next_item()?.records();
            self.decoded.extend(records);
        }
    }
}

impl Inputs {
    /// The next item, leaving JSON decoding to the caller, so that a labeling thread
    /// reads its batch under a lock and decodes it after letting go.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.queue.pop_front()? {
                Pending::Ready(record) => return Some(Item::Ready(record)),
                Pending::Stdin => {
                    let format = self.options.format.unwrap_or(Format::Text);
                    let stdin = Counting {
                        inner: io::stdin(),
                        read: Arc::clone(&self.read),
                    };
                    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(stdin));
                    self.current = Some(records::open(reader, "stdin".into(), format, &self.options.fields, &[]));
                }
                Pending::Arg(path) => self.expand(path),
                Pending::File(path, folders) => self.current = Some(self.open_file(&path, &folders)),
            }
        }
    }

    /// A counter of the bytes read from the input files so far, in the units of
    /// [`Inputs::total_bytes`]; it goes on counting while the inputs are read elsewhere.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.read)
    }

    /// The size of every input file, when it is known before reading: not for standard
    /// input. Folders are walked for it (sizes only).
    pub fn total_bytes(&self) -> Option<u64> {
        let mut total = 0;
        for pending in &self.queue {
            match pending {
                Pending::Stdin => return None,
                Pending::Arg(path) | Pending::File(path, _) => {
                    for entry in walk(path, !self.options.no_follow).flatten() {
                        // A file named as an argument is read whatever its name.
                        let read = entry.depth() == 0 || !is_expectations(&entry);
                        if entry.file_type().is_file() && read {
                            total += entry.metadata().map_or(0, |m| m.len());
                        }
                    }
                }
                Pending::Ready(_) => {}
            }
        }
        Some(total)
    }

    /// Replaces a path argument by its files (a directory's, walked in sorted order).
    fn expand(&mut self, path: PathBuf) {
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Err(e) => self.queue.push_front(Pending::Ready(Record::Skipped(InputError {
                path: shown,
                line: None,
                message: format!("cannot read: {e}"),
            }))),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                for entry in walk(&path, !self.options.no_follow) {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if is_expectations(&e) {
                                found.push(Pending::Ready(Record::Note(format!(
                                    "{}: an expectations file, not read as input (name it explicitly to read it)",
                                    e.path().display()
                                ))));
                            } else {
                                let folders = folders_between(&path, e.path());
                                found.push(Pending::File(e.into_path(), folders));
                            }
                        }
                        Ok(e) if e.path_is_symlink() => found.push(Pending::Ready(Record::Note(format!(
                            "{}: a symbolic link, not followed (--no-follow)",
                            e.path().display()
                        )))),
                        Ok(_) => {}
                        // A dangling link or a loop of links, with its path.
                        Err(e) => {
                            let at = e.path().map_or(shown.clone(), |p| p.display().to_string());
                            found.push(Pending::Ready(Record::Skipped(InputError {
                                path: at,
                                line: None,
                                message: format!(
                                    "cannot read: {}",
                                    e.io_error().map_or(e.to_string(), |io| io.to_string())
                                ),
                            })));
                        }
                    }
                }
                for item in found.into_iter().rev() {
                    self.queue.push_front(item);
                }
            }
            Ok(_) => self.queue.push_front(Pending::File(path, Vec::new())),
        }
    }

    /// `folders` are the names of the folders between the folder argument and the file.
    fn open_file(&self, path: &Path, folders: &[String]) -> Box<dyn Iterator<Item = Item> + Send> {
        let shown = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let gz = name.ends_with(".gz");
        let base = name.strip_suffix(".gz").unwrap_or(&name);
        let format = self.options.format.unwrap_or_else(|| format_of(base));
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return single(Record::Skipped(InputError {
                    path: shown,
                    line: None,
                    message: format!("cannot read: {e}"),
                }));
            }
        };
        let file = Counting {
            inner: file,
            read: Arc::clone(&self.read),
        };
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file)))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        records::open(reader, shown, format, &self.options.fields, folders)
    }
}

/// The names of the folders between `root` and the file `path` below it.
fn folders_between(root: &Path, path: &Path) -> Vec<String> {
    let below = path.strip_prefix(root).ok().and_then(Path::parent);
    below.map_or_else(Vec::new, |p| {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    })
}

/// The entries of a folder in sorted order, hidden files and folders left out.
fn walk(path: &Path, follow: bool) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    walkdir::WalkDir::new(path)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
}

/// Test expectations beside sample articles (`*.expected.jsonl`), not read from a folder.
fn is_expectations(entry: &walkdir::DirEntry) -> bool {
    entry.file_name().to_string_lossy().ends_with(".expected.jsonl")
}

/// A reader that adds what it reads to a shared count.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn single(record: Record) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(Item::Ready(record)))
}

/// The format a file name suggests; anything unknown is text.
pub fn format_of(name: &str) -> Format {
    let ext = name.rsplit('.').next().unwrap_or("");
    match ext {
        "jsonl" | "ndjson" => Format::Jsonl,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        _ => Format::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;

    #[test]
    fn total_bytes_counts_the_files_that_are_read_and_the_counter_follows_reading() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Islamabad thanked Washington.").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.jsonl"), "{\"text\": \"Hello.\"}\n").unwrap();
        // Neither is read, so neither counts.
        std::fs::write(dir.path().join(".hidden.txt"), "x".repeat(1000)).unwrap();
        std::fs::write(dir.path().join("a.expected.jsonl"), "x".repeat(1000)).unwrap();
        let inputs = read_inputs(&[dir.path().to_path_buf()], InputOptions::default());
        assert_eq!(inputs.total_bytes(), Some(29 + 19));
        let read = inputs.bytes_read();
        let docs = inputs.filter(|r| matches!(r, Record::Doc(_))).count();
        assert_eq!(docs, 2);
        assert_eq!(read.load(Ordering::Relaxed), 29 + 19);
        let stdin = read_inputs(&[PathBuf::from("-")], InputOptions::default());
        assert_eq!(stdin.total_bytes(), None);
    }

    #[test]
    fn json_lines_are_handed_out_undecoded_and_decode_to_what_iteration_gives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"One.\"}\n{broken\n\n{\"text\": \"Two.\"}\n",
        )
        .unwrap();
        let mut inputs = read_inputs(std::slice::from_ref(&path), InputOptions::default());
        let mut items = Vec::new();
        while let Some(item) = inputs.next_item() {
            items.push(item);
        }
        // One item per line, blank lines included: nothing is parsed on the reading side.
        assert_eq!(items.len(), 4);
        assert!(items.iter().all(|i| matches!(i, Item::Json(_))));
        let decoded: Vec<Record> = items.into_iter().flat_map(Item::records).collect();
        let iterated: Vec<Record> = read_inputs(&[path], InputOptions::default()).collect();
        assert_eq!(decoded, iterated);
        assert_eq!(decoded.len(), 3);
        assert!(matches!(&decoded[1], Record::Skipped(e) if e.line == Some(2)));
        assert!(matches!(&decoded[2], Record::Doc(d) if d.id.ends_with("in.jsonl:4")));
    }
}
