//! Reading one rule file: CSV with a header row and `#` comment lines, every row kept
//! with its line number so that claims and errors can point back at it.

use super::{RuleError, Source};
use std::sync::Arc;

/// One data row of a rule file, fields looked up by header name.
pub struct Row<'t> {
    table: &'t Table,
    fields: &'t csv::StringRecord,
    pub line: u32,
}

pub struct Table {
    pub file: Arc<str>,
    header: Vec<String>,
    /// Fields are trimmed when looked up: trimming every record as it is read costs
    /// more than the look-ups, which skip most columns.
    rows: Vec<(u32, csv::StringRecord)>,
}

impl Table {
    /// Parses `text` as the rule file `file`. Malformed rows are reported in `errors`
    /// and left out; the header must hold every column in `required`.
    pub fn parse(file: &str, text: &str, required: &[&str], errors: &mut Vec<RuleError>) -> Option<Table> {
        let file: Arc<str> = Arc::from(file);
        // The csv crate's positions neither count comment lines nor point past skipped
        // blank lines, so comments are blanked and lines counted from byte offsets.
        let blanked: String = text
            .split_inclusive('\n')
            .map(|line| if line.trim_start().starts_with('#') { "\n" } else { line })
            .collect();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(blanked.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_of = |byte: u64| {
            let bytes = blanked.as_bytes();
            let mut at = byte as usize;
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            line_starts.partition_point(|&s| s <= at) as u32
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(blanked.as_bytes());
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| line_of(p.byte())).unwrap_or(0);
                    errors.push(RuleError::error(&file, line, 0, format!("malformed CSV: {e}")));
                    continue;
                }
            };
            let line = record.position().map(|p| line_of(p.byte())).unwrap_or(0);
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            match &header {
                None => {
                    for column in required {
                        if !record.iter().any(|f| f.trim() == *column) {
                            errors.push(RuleError::error(
                                &file,
                                line,
                                0,
                                format!("header has no column {column:?} (expected {})", required.join(",")),
                            ));
                        }
                    }
                    header = Some(record.iter().map(|f| f.trim().to_owned()).collect());
                }
                Some(h) => {
                    if record.len() > h.len() {
                        errors.push(RuleError::error(
                            &file,
                            line,
                            h.len() as u32 + 1,
                            format!(
                                "{} fields, but the header has {} (quote a field that contains a comma)",
                                record.len(),
                                h.len()
                            ),
                        ));
                        continue;
                    }
                    rows.push((line, record));
                }
            }
        }
        let Some(header) = header else {
            errors.push(RuleError::error(
                &file,
                1,
                0,
                format!("no header row (expected {})", required.join(",")),
            ));
            return None;
        };
        if required.iter().any(|c| !header.iter().any(|h| h == c)) {
            return None;
        }
        Some(Table { file, header, rows })
    }

    /// Rows read, comment lines not counted.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, fields)| Row {
            table: self,
            fields,
            line: *line,
        })
    }
}

impl<'t> Row<'t> {
    fn index(&self, column: &str) -> Option<usize> {
        self.table.header.iter().position(|h| h == column)
    }

    /// The field under `column`, or "" when the row is short or the column absent.
    pub fn get(&self, column: &str) -> &'t str {
        self.index(column)
            .and_then(|i| self.fields.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// 1-based column number of `column`, for messages.
    pub fn column(&self, column: &str) -> u32 {
        self.index(column).map(|i| i as u32 + 1).unwrap_or(0)
    }

    pub fn source(&self) -> Source {
        Source {
            file: self.table.file.clone(),
            line: self.line,
        }
    }

    pub fn error(&self, column: &str, message: impl Into<String>) -> RuleError {
        RuleError::error(&self.table.file, self.line, self.column(column), message.into())
    }

    pub fn warning(&self, column: &str, message: impl Into<String>) -> RuleError {
        RuleError::warning(&self.table.file, self.line, self.column(column), message.into())
    }
}
