//! Record readers: one text document, JSON Lines, and CSV/TSV.

use super::{Document, Fields, Format, InputError, Item, PART_BYTES, Record};
use serde::de::DeserializeSeed;
use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::sync::Arc;

type Stream = Box<dyn Iterator<Item = Item> + Send>;

/// `folders` are those between the folder argument and a text file: its kept values.
pub(super) fn open(
    mut reader: Box<dyn BufRead + Send>,
    path: String,
    format: Format,
    fields: &Fields,
    folders: &[String],
) -> Stream {
    match format {
        Format::Text => Box::new(
            TextParts {
                reader,
                kept: (0..fields.keep.len())
                    .map(|i| folders.get(i).cloned().unwrap_or_default())
                    .collect(),
                path,
                carry: Vec::new(),
                line: 1,
                offset: 0,
                part: 0,
                queue: VecDeque::new(),
                done: false,
            }
            .map(Item::Ready),
        ),
        Format::Jsonl => Box::new(JsonLines {
            reader,
            path: path.into(),
            line: 0,
            fields: Arc::new(fields.clone()),
            done: false,
            buffer: Vec::new(),
            hinted: false,
            queued: None,
        }),
        Format::Csv => {
            let delimiter = fields
                .delimiter
                .unwrap_or_else(|| super::sniff_delimiter(reader.fill_buf().unwrap_or_default()));
            Box::new(table(reader, path, delimiter, fields).map(Item::Ready))
        }
        Format::Tsv => {
            let delimiter = fields.delimiter.unwrap_or(b'\t');
            Box::new(table(reader, path, delimiter, fields).map(Item::Ready))
        }
    }
}

/// The warning for records that carry a date under a name other than the date field's,
/// once a run ([`Fields::date_hint_given`]): without it, every "Trump" of a 2016 corpus
/// counts for the United States, and nothing says why. `record` is a record's fields
/// and their values (`None` for one that is no string or number).
fn date_field_hint(record: &[(String, Option<String>)], fields: &Fields, path: &str, line: u64) -> Option<Record> {
    if fields.date_hint_given.load(std::sync::atomic::Ordering::Relaxed)
        || record.iter().any(|(name, _)| *name == fields.date)
    {
        return None;
    }
    let others = || {
        record
            .iter()
            .filter(|(name, value)| *name != fields.id && *name != fields.text && value.is_some())
    };
    let (name, _) = others()
        .find(|(name, _)| crate::date::looks_like_date_name(name))
        .or_else(|| others().find(|(_, value)| value.as_deref().is_some_and(crate::date::looks_like_date)))?;
    fields.date_hint_given.store(true, std::sync::atomic::Ordering::Relaxed);
    let then = if fields.dated_by_default {
        "until then documents take the date of --date"
    } else {
        "until then leaders are matched without dates (\"Trump\" counts for the United States in any year)"
    };
    Some(Record::Warning(problem(
        path,
        Some(line),
        format!(
            "records have `{name}` and no `{}`; pass --date-field {} to use it; {then}",
            fields.date,
            shell_word(name)
        ),
    )))
}

/// `name` as one word of a shell command: quoted when it holds anything but letters,
/// digits, `_`, `-` and `.`.
fn shell_word(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || "_-.".contains(c)) {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// A kept field's value as a cell: a string as it is, `null` empty, anything else as JSON.
fn kept_value(value: Option<serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
    }
}

fn problem(path: &str, line: Option<u64>, message: impl Into<String>) -> InputError {
    InputError {
        path: path.to_owned(),
        line,
        message: message.into(),
    }
}

/// Decodes UTF-8, replacing invalid bytes; the warning names the first bad line.
fn decode(bytes: Vec<u8>, path: &str, first_line: u64) -> (String, Option<InputError>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = first_line + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (
                text,
                Some(problem(path, Some(line), "invalid UTF-8, replaced with U+FFFD")),
            )
        }
    }
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// A text file as one document, or as parts of about [`PART_BYTES`] when it is larger.
struct TextParts {
    reader: Box<dyn BufRead + Send>,
    path: String,
    /// The kept values of every part: the folders the file is in.
    kept: Vec<String>,
    /// Bytes read past the last cut.
    carry: Vec<u8>,
    /// The line the next part starts on, for warnings.
    line: u64,
    /// Characters in the parts already given.
    offset: usize,
    part: u32,
    queue: VecDeque<Record>,
    done: bool,
}

impl Iterator for TextParts {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(record) = self.queue.pop_front() {
            return Some(record);
        }
        if self.done {
            return None;
        }
        let mut bytes = std::mem::take(&mut self.carry);
        // One byte more than a part, to tell a file of exactly PART_BYTES from a longer one.
        let want = (PART_BYTES + 1).saturating_sub(bytes.len()) as u64;
        if let Err(e) = (&mut self.reader).take(want).read_to_end(&mut bytes) {
            self.done = true;
            let at = (self.part > 0).then_some(self.line);
            return Some(Record::Skipped(problem(&self.path, at, format!("cannot read: {e}"))));
        }
        if bytes.len() > PART_BYTES {
            self.carry = bytes.split_off(cut(&bytes[..PART_BYTES]));
        } else {
            self.done = true;
        }
        if self.part == 0 && bytes[..bytes.len().min(8192)].contains(&0) {
            self.done = true;
            return Some(Record::Skipped(problem(
                &self.path,
                None,
                "binary file (NUL bytes), skipped",
            )));
        }
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        let (text, warning) = decode(bytes, &self.path, self.line);
        let text = if self.part == 0 { strip_bom(&text) } else { &text };
        let mut doc = Document::new(self.path.clone(), text);
        doc.kept = self.kept.clone();
        doc.offset = self.offset;
        doc.part = self.part;
        self.offset += doc.text.chars().count();
        self.line += lines;
        self.part += 1;
        self.queue.extend(warning.map(Record::Warning));
        self.queue.push_back(Record::Doc(doc));
        self.queue.pop_front()
    }
}

/// Where to end a part of `bytes`: after the last blank line, else after the last line
/// break, else after the last space, else at the last character boundary.
fn cut(bytes: &[u8]) -> usize {
    let after = |needle: &[u8]| {
        bytes
            .windows(needle.len())
            .rposition(|w| w == needle)
            .map(|i| i + needle.len())
    };
    after(b"\n\n")
        .max(after(b"\n\r\n"))
        .or_else(|| after(b"\n"))
        .or_else(|| after(b" "))
        .filter(|&at| at > 0)
        .unwrap_or_else(|| {
            // No space in a megabyte: cut before the last character that starts there.
            let start = bytes.iter().rposition(|&b| b & 0xC0 != 0x80).unwrap_or(0);
            if start == 0 { bytes.len() } else { start }
        })
}

/// A record's document, in parts of about [`PART_BYTES`] cut as a text file's are when
/// it is larger: the record is read whole, but its labeling works part by part, so the
/// memory it takes beyond its text stays that of a part.
fn in_parts(doc: Document) -> Vec<Record> {
    if doc.text.len() <= PART_BYTES {
        return vec![Record::Doc(doc)];
    }
    let mut parts = Vec::new();
    let mut rest = doc.text.as_str();
    let mut offset = 0;
    while !rest.is_empty() {
        let end = if rest.len() > PART_BYTES {
            cut(&rest.as_bytes()[..PART_BYTES])
        } else {
            rest.len()
        };
        let (text, after) = rest.split_at(end);
        parts.push(Record::Doc(Document {
            id: doc.id.clone(),
            text: text.to_owned(),
            date: doc.date,
            date_text: doc.date_text.clone(),
            offset,
            part: parts.len() as u32,
            kept: doc.kept.clone(),
        }));
        offset += text.chars().count();
        rest = after;
    }
    parts
}

/// Sets the date of `doc` from `date`, or warns and keeps the document undated.
fn dated(doc: Document, date: Option<&str>, path: &str, line: u64) -> (Document, Option<Record>) {
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => (doc, None),
        Some(d) => match doc.clone().with_date(d) {
            Ok(doc) => (doc, None),
            // The date column still shows it as given, so that the rows can be traced.
            Err(e) => (
                Document {
                    date_text: Some(d.to_owned()),
                    ..doc
                },
                Some(Record::Warning(problem(
                    path,
                    Some(line),
                    format!("{e}; the document is labeled without a date"),
                ))),
            ),
        },
    }
}

/// The documents of one record handed over as values rather than read from a file (the
/// Python package's `label_batch`), made as a JSON Lines record's are: a date that
/// cannot be read gives a warning first and the document is labeled without it (the
/// `date` column still shows it), and a text larger than [`PART_BYTES`] comes in parts.
/// `source` and `line` name the record in the warning.
pub fn record_documents(id: String, text: String, date: Option<&str>, source: &str, line: u64) -> Vec<Record> {
    let (doc, warning) = dated(Document::new(id, text), date, source, line);
    warning.into_iter().chain(in_parts(doc)).collect()
}

/// JSON Lines are only cut into lines here; [`JsonLine::records`] decodes them, on
/// whichever thread takes them, so that parsing runs on as many cores as labeling.
struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    path: Arc<str>,
    line: u64,
    fields: Arc<Fields>,
    done: bool,
    buffer: Vec<u8>,
    /// Whether the first record was checked for a date under another name.
    hinted: bool,
    /// The first record, held back behind the warning about its date field.
    queued: Option<Item>,
}

impl JsonLines {
    /// The date hint for the first record of the file, read here on the reading side
    /// so that it comes once, before that record, whatever the threads.
    fn first_record_hint(&mut self) -> Option<Record> {
        if self.hinted || self.buffer.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        self.hinted = true;
        let text = std::str::from_utf8(&self.buffer).ok()?;
        let record: serde_json::Map<String, serde_json::Value> = serde_json::from_str(strip_bom(text.trim())).ok()?;
        let pairs: Vec<(String, Option<String>)> = record
            .into_iter()
            .map(|(name, value)| {
                let value = match value {
                    serde_json::Value::String(s) => Some(s),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                };
                (name, value)
            })
            .collect();
        date_field_hint(&pairs, &self.fields, &self.path, self.line)
    }
}

impl Iterator for JsonLines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(item) = self.queued.take() {
            return Some(item);
        }
        if self.done {
            return None;
        }
        // Read into a buffer kept across lines, then copied out at its size: a new
        // vector per line grew by doubling, a dozen reallocations for an article.
        self.buffer.clear();
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                let hint = self.first_record_hint();
                let item = Item::Json(JsonLine {
                    path: Arc::clone(&self.path),
                    line: self.line,
                    // A long line takes the buffer with it rather than being held twice.
                    bytes: match self.buffer.len() > 1 << 20 {
                        true => std::mem::take(&mut self.buffer),
                        false => self.buffer.clone(),
                    },
                    fields: Arc::clone(&self.fields),
                });
                match hint {
                    Some(warning) => {
                        self.queued = Some(item);
                        Some(Item::Ready(warning))
                    }
                    None => Some(item),
                }
            }
            Err(e) => {
                self.done = true;
                Some(Item::Ready(Record::Skipped(problem(
                    &self.path,
                    Some(self.line + 1),
                    format!("cannot read further: {e}"),
                ))))
            }
        }
    }
}

/// One line of a JSON Lines file, read but not yet decoded.
#[derive(Debug)]
pub struct JsonLine {
    path: Arc<str>,
    line: u64,
    bytes: Vec<u8>,
    fields: Arc<Fields>,
}

impl JsonLine {
    /// The line's bytes, for batching.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The document of this line, with any warning before it; or why it was skipped;
    /// or nothing for a blank line.
    pub fn records(self) -> Vec<Record> {
        let mut out = Vec::with_capacity(1);
        let (text, warning) = decode(self.bytes, &self.path, self.line);
        out.extend(warning.map(Record::Warning));
        let line = strip_bom(text.trim_end_matches(['\n', '\r']));
        if !line.trim().is_empty() {
            let (first, second) = parse_json(line, &self.path, self.line, &self.fields);
            for record in std::iter::once(first).chain(second) {
                match record {
                    Record::Doc(doc) => out.extend(in_parts(doc)),
                    other => out.push(other),
                }
            }
        }
        out
    }
}

fn parse_json(line: &str, path: &str, number: u64, fields: &Fields) -> (Record, Option<Record>) {
    let skip = |message: String| (Record::Skipped(problem(path, Some(number), message)), None);
    let mut json = serde_json::Deserializer::from_str(line);
    let read = WantedFields(fields)
        .deserialize(&mut json)
        .and_then(|r| json.end().map(|()| r));
    let mut record = match read {
        Ok(r) => r,
        Err(e) if e.is_data() => return skip("not a JSON object".into()),
        Err(e) => return skip(format!("invalid JSON: {e}")),
    };
    let text = match record.text.take() {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return skip(format!("field {:?} is not a string", fields.text)),
        None => {
            return skip(format!(
                "no {:?} field (set --text-field to the field holding the text)",
                fields.text
            ));
        }
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) if fields.path_in_id => format!("{path}#{s}"),
        Some(serde_json::Value::Number(n)) if fields.path_in_id => format!("{path}#{n}"),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{path}:{number}"),
    };
    let date = match &record.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        // 20250510 or 2025, written as numbers by many exporters.
        Some(serde_json::Value::Number(n)) => Some(basic_date(&n.to_string())),
        Some(other) => Some(other.to_string()),
    };
    let mut doc = Document::new(id, text);
    doc.kept = record.kept.into_iter().map(kept_value).collect();
    let (doc, warning) = dated(doc, date.as_deref(), path, number);
    match warning {
        // The warning first, so messages come in line order before the document.
        Some(w) => (w, Some(Record::Doc(doc))),
        None => (Record::Doc(doc), None),
    }
}

/// An ISO 8601 basic date (`20250510`) in the extended form the date parser reads;
/// anything else as it is, for the parser to accept or warn about.
fn basic_date(s: &str) -> String {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..])
    } else {
        s.to_owned()
    }
}

/// The fields a JSON Lines record is read for: text, id, date and the kept ones. Every
/// other field is skipped unparsed: records often carry metadata as large as the text.
#[derive(Default)]
struct Wanted {
    text: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    kept: Vec<Option<serde_json::Value>>,
}

struct WantedFields<'a>(&'a Fields);

impl<'de> serde::de::DeserializeSeed<'de> for WantedFields<'_> {
    type Value = Wanted;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Wanted, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for WantedFields<'_> {
    type Value = Wanted;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Wanted, A::Error> {
        let mut wanted = Wanted {
            kept: vec![None; self.0.keep.len()],
            ..Wanted::default()
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let kept = self.0.keep.iter().position(|k| *k == key);
            let slot = if key == self.0.text {
                &mut wanted.text
            } else if key == self.0.id {
                &mut wanted.id
            } else if key == self.0.date {
                &mut wanted.date
            } else if let Some(i) = kept {
                wanted.kept[i] = Some(map.next_value()?);
                continue;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            };
            let value: serde_json::Value = map.next_value()?;
            // A field both kept and read as the id (`--keep` of the id field, say).
            if let Some(i) = kept {
                wanted.kept[i] = Some(value.clone());
            }
            *slot = Some(value);
        }
        Ok(wanted)
    }
}

fn table(
    reader: Box<dyn BufRead + Send>,
    path: String,
    delimiter: u8,
    fields: &Fields,
) -> Box<dyn Iterator<Item = Record> + Send> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let headers = match csv.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Box::new(std::iter::once(Record::Skipped(problem(
                &path,
                Some(1),
                format!("cannot read the header row: {e}"),
            ))));
        }
    };
    let names: Vec<String> = headers
        .iter()
        .map(|h| strip_bom(&String::from_utf8_lossy(h)).trim().to_owned())
        .collect();
    let column = |name: &str| names.iter().position(|h| h == name);
    let Some(text_col) = column(&fields.text) else {
        let message = format!(
            "no {:?} column (columns: {}); set --text-field to the column holding the text",
            fields.text,
            names.join(", ")
        );
        return Box::new(std::iter::once(Record::Skipped(problem(&path, Some(1), message))));
    };
    let id_col = column(&fields.id);
    let path_in_id = fields.path_in_id;
    let date_col = column(&fields.date);
    let kept_cols: Vec<Option<usize>> = fields.keep.iter().map(|k| column(k)).collect();
    let missing: Vec<&str> = fields
        .keep
        .iter()
        .zip(&kept_cols)
        .filter(|(_, col)| col.is_none())
        .map(|(k, _)| k.as_str())
        .collect();
    // Reported once, not on every row: the header lacks the column.
    let mut header_warning = (!missing.is_empty()).then(|| {
        Record::Warning(problem(
            &path,
            Some(1),
            format!(
                "no column {} to keep (columns: {}); its cells are left empty",
                missing.join(", "),
                names.join(", ")
            ),
        ))
    });
    let fields = fields.clone();
    let mut row = 0u64;
    Box::new(csv.into_byte_records().flat_map(move |result| {
        row += 1;
        let mut out = Vec::with_capacity(2);
        out.extend(header_warning.take());
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                out.push(Record::Skipped(problem(&path, line, format!("malformed record: {e}"))));
                return out;
            }
        };
        let line = record.position().map_or(row + 1, |p| p.line());
        let mut field = |col: usize| -> Option<String> {
            let bytes = record.get(col)?.to_vec();
            let (text, warning) = decode(bytes, &path, line);
            if let Some(w) = warning {
                out.push(Record::Warning(w));
            }
            Some(text)
        };
        let Some(text) = field(text_col) else {
            out.push(Record::Skipped(problem(
                &path,
                Some(line),
                format!("record has no {:?} field", names[text_col]),
            )));
            return out;
        };
        let id = match id_col.and_then(&mut field).filter(|s| !s.is_empty()) {
            Some(id) if path_in_id => format!("{path}#{id}"),
            Some(id) => id,
            None => format!("{path}:{line}"),
        };
        let date = date_col.and_then(&mut field);
        let mut doc = Document::new(id, text);
        doc.kept = kept_cols
            .iter()
            .map(|col| col.and_then(&mut field).unwrap_or_default())
            .collect();
        if row == 1 {
            let pairs: Vec<(String, Option<String>)> = names
                .iter()
                .zip(record.iter())
                .map(|(name, value)| (name.clone(), Some(String::from_utf8_lossy(value).into_owned())))
                .collect();
            out.extend(date_field_hint(&pairs, &fields, &path, line));
        }
        let (doc, warning) = dated(doc, date.as_deref(), &path, line);
        out.extend(warning);
        out.extend(in_parts(doc));
        out
    }))
}

#[cfg(test)]
mod tests {
    use super::{Document, PART_BYTES, Record, cut, in_parts};

    #[test]
    fn a_record_larger_than_a_part_is_labeled_in_parts_that_cover_it() {
        let text = "Müller denied it. ".repeat(2 * PART_BYTES / 19 + 7);
        let doc = Document::new("big", text.clone()).with_date("2025-05-10").unwrap();
        let parts: Vec<Document> = in_parts(doc)
            .into_iter()
            .map(|r| match r {
                Record::Doc(d) => d,
                _ => panic!("a part is a document"),
            })
            .collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), text);
        let mut chars = 0;
        for (i, p) in parts.iter().enumerate() {
            assert_eq!((p.id.as_str(), p.part, p.offset), ("big", i as u32, chars));
            assert!(p.text.len() <= PART_BYTES && p.date.is_some());
            chars += p.text.chars().count();
        }
        assert_eq!(in_parts(Document::new("small", "One.")).len(), 1);
    }

    #[test]
    fn a_part_ends_after_the_last_blank_line() {
        assert_eq!(cut(b"one.\n\ntwo.\n\nthree"), 12);
        assert_eq!(cut(b"one.\r\n\r\ntwo"), 8);
    }

    #[test]
    fn without_a_blank_line_a_part_ends_after_a_line_break_or_a_space() {
        assert_eq!(cut(b"one.\ntwo. three"), 5);
        assert_eq!(cut(b"one. two three"), 9);
    }

    #[test]
    fn without_a_space_a_part_ends_before_the_last_character_that_starts() {
        // "aé" then the first byte of "é": the cut falls before the unfinished one.
        let bytes = "aéé".as_bytes();
        assert_eq!(cut(&bytes[..4]), 3);
        assert_eq!(cut(b"abc"), 2);
    }
}
