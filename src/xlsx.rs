//! Excel workbooks: tables of rows ([`crate::output::Cell`]s) written as worksheets with
//! a bold frozen header row, an autofilter and set column widths.
//!
//! Every text cell is written as a string, never as a formula: a sentence scraped as
//! `=HYPERLINK("http://...")` stays that text when the workbook is opened. A text longer
//! than a cell holds is cut with a marker ([`crate::output::excel_cell`]); a table longer
//! than a worksheet holds goes on in another worksheet (`claims 2`), with the header again.
//!
//! ```
//! use stancer::output::Cell;
//! use stancer::xlsx::Book;
//! let mut book = Book::new();
//! let claims = book.add_table("claims", &["holder", "sentence"], false).unwrap();
//! book.write_row(claims, &[Cell::Text("IND"), Cell::Text("=1+1")]).unwrap();
//! let bytes = book.finish().unwrap();
//! assert!(bytes.starts_with(b"PK"));
//! ```

use crate::output::{Cell, excel_cell, mark_span};
use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet, XlsxError};
use std::io;

/// The rows a worksheet holds, its header row included.
pub const SHEET_ROWS: u32 = 1_048_576;

/// Which table of a [`Book`] a row goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableId(usize);

/// A workbook being written, table by table and row by row.
pub struct Book {
    workbook: Workbook,
    tables: Vec<Table>,
    bold: Format,
    plain: Format,
}

struct Table {
    name: String,
    columns: Vec<String>,
    streaming: bool,
    /// Worksheet indexes of the table's parts, in order.
    sheets: Vec<usize>,
    /// The next row of the last part.
    row: u32,
    /// (column, allowed values) checked in every data row.
    lists: Vec<(u16, Vec<String>)>,
}

/// An error of the workbook writer as an I/O error of the output.
fn io_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("writing the workbook: {e}"))
}

impl Default for Book {
    fn default() -> Book {
        Book::new()
    }
}

impl Book {
    pub fn new() -> Book {
        Book {
            workbook: Workbook::new(),
            tables: Vec::new(),
            bold: Format::new().set_bold(),
            plain: Format::new(),
        }
    }

    /// Adds a table named `name` (the worksheet's name) with a header row of `columns`.
    /// A `streaming` table keeps only the current row in memory (rows go to a temporary
    /// file), for a claims table of any size; it cannot hold rich text.
    pub fn add_table<S: AsRef<str>>(&mut self, name: &str, columns: &[S], streaming: bool) -> io::Result<TableId> {
        let columns: Vec<String> = columns.iter().map(|c| c.as_ref().to_owned()).collect();
        let mut table = Table {
            name: name.to_owned(),
            columns,
            streaming,
            sheets: Vec::new(),
            row: 0,
            lists: Vec::new(),
        };
        start_part(&mut self.workbook, &self.bold, &mut table)?;
        self.tables.push(table);
        Ok(TableId(self.tables.len() - 1))
    }

    /// Restricts the data cells of `column` to `values` (a drop-down list in the sheet).
    pub fn allow_list(&mut self, id: TableId, column: &str, values: &[&str]) {
        let table = &mut self.tables[id.0];
        if let Some(col) = table.columns.iter().position(|c| c == column) {
            table
                .lists
                .push((col as u16, values.iter().map(|v| v.to_string()).collect()));
        }
    }

    /// Writes one row of `cells` (as many as the table's columns) to table `id`.
    pub fn write_row(&mut self, id: TableId, cells: &[Cell]) -> io::Result<()> {
        let table = &mut self.tables[id.0];
        if table.row >= SHEET_ROWS {
            start_part(&mut self.workbook, &self.bold, table)?;
        }
        let (row, index) = (table.row, table.sheets[table.sheets.len() - 1]);
        let sheet = self.workbook.worksheet_from_index(index).map_err(io_error)?;
        for (col, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, col as u16, cell, (&self.bold, &self.plain)).map_err(io_error)?;
        }
        table.row += 1;
        Ok(())
    }

    /// The workbook as the bytes of an .xlsx file, every table's autofilter and lists set.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        for table in &self.tables {
            let last_col = table.columns.len().saturating_sub(1) as u16;
            for (part, &index) in table.sheets.iter().enumerate() {
                let last_row = if part + 1 == table.sheets.len() {
                    table.row - 1
                } else {
                    SHEET_ROWS - 1
                };
                let sheet = self.workbook.worksheet_from_index(index).map_err(io_error)?;
                sheet.autofilter(0, 0, last_row, last_col).map_err(io_error)?;
                for (col, values) in &table.lists {
                    let list = DataValidation::new().allow_list_strings(values).map_err(io_error)?;
                    sheet
                        .add_data_validation(1, *col, last_row.max(1), *col, &list)
                        .map_err(io_error)?;
                }
            }
        }
        self.workbook.save_to_buffer().map_err(io_error)
    }
}

/// A new worksheet for `table`, its header written.
fn start_part(workbook: &mut Workbook, header: &Format, table: &mut Table) -> io::Result<()> {
    let part = table.sheets.len() + 1;
    let name = if part == 1 {
        table.name.clone()
    } else {
        format!("{} {part}", table.name)
    };
    let sheet = if table.streaming {
        workbook.add_worksheet_with_constant_memory().map_err(io_error)?
    } else {
        workbook.add_worksheet()
    };
    sheet.set_name(&name).map_err(io_error)?;
    for (i, column) in table.columns.iter().enumerate() {
        sheet
            .set_column_width(i as u16, column_width(column))
            .map_err(io_error)?;
        sheet
            .write_string_with_format(0, i as u16, column, header)
            .map_err(io_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(io_error)?;
    table.sheets.push(workbook.worksheets().len() - 1);
    table.row = 1;
    Ok(())
}

/// Writes `cell` at (`row`, `col`): text as a string (cut to what a cell holds), a
/// number as a number, a marked text as rich text with the mark in bold.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    (bold, plain): (&Format, &Format),
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(t) => sheet.write_string(row, col, excel_cell(t)),
        Cell::Owned(t) => sheet.write_string(row, col, excel_cell(t)),
        Cell::Number(n) => sheet.write_number(row, col, *n as f64),
        Cell::Marked { text, mark } => {
            let text = excel_cell(text);
            match mark_span(&text, mark) {
                Some(r) => {
                    let parts: Vec<(&Format, &str)> = [
                        (plain, &text[..r.start]),
                        (bold, &text[r.clone()]),
                        (plain, &text[r.end..]),
                    ]
                    .into_iter()
                    .filter(|(_, s)| !s.is_empty())
                    .collect();
                    sheet.write_rich_string(row, col, &parts)
                }
                None => sheet.write_string(row, col, text),
            }
        }
    }?;
    Ok(())
}

/// The width (in characters) of a column, from its name: wide for the sentence, the
/// header's length with room for the filter button for the rest.
fn column_width(column: &str) -> f64 {
    match column {
        "sentence" | "text" => 90.0,
        "note" | "missed" => 30.0,
        "doc_id" | "holder_name" | "target_name" | "holder_text" | "target_text" | "rule" | "pattern" => 20.0,
        "cue" => 14.0,
        other => (other.chars().count() as f64 + 4.0).clamp(8.0, 40.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_longer_than_a_sheet_goes_on_in_another() {
        let mut book = Book::new();
        let t = book.add_table("claims", &["n"], true).unwrap();
        // Start the table near the end of its first sheet rather than write a million rows.
        book.tables[t.0].row = SHEET_ROWS - 1;
        book.write_row(t, &[Cell::Number(1)]).unwrap();
        book.write_row(t, &[Cell::Number(2)]).unwrap();
        assert_eq!(book.tables[t.0].sheets.len(), 2);
        assert_eq!(book.tables[t.0].row, 2);
        assert_eq!(book.workbook.worksheets()[1].name(), "claims 2");
    }
}
