//! The Python binding: `stancer.Labeler` over the library's [`Pipeline`], as the
//! command line uses it. Rows are the claims table's, cell for cell
//! ([`ClaimLayout::cells`]); a batch is labeled on all cores with the interpreter lock
//! released and handed to Python as one pyarrow table, built from buffers rather than a
//! Python object per cell.

use pyo3::create_exception;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use stancer::Pipeline;
use stancer::input::{Document, Record, record_documents};
use stancer::output::{CLAIM_COLUMNS, Cell, ClaimLayout};
use stancer::pipeline::{ClaimRecord, SentenceNumbering, long_sentence_warning};
use stancer::rules::{RuleError, RulePack};
use std::path::PathBuf;
use std::sync::Mutex;

// The binary's allocator: labeling allocates per sentence, and with the system's the
// same batch took about 1.4 times the binary's CPU time (FNC-1 x8, one thread).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    stancer,
    RulePackError,
    PyValueError,
    "A rule pack that cannot be used; the message lists each error as `stancer rules check` does (file:line:col: ...)."
);
create_exception!(
    stancer,
    StancerWarning,
    PyUserWarning,
    "A record skipped or labeled with a problem (a bad date, a text that is not a string), named by row."
);

/// How much text `label_batch` copies out of Python before labeling it on the threads.
/// Copying a whole batch first touched as much fresh memory as the batch holds: on 184 MB
/// (FNC-1 x32), 0.7 s of a 1.9 s call on two threads went to that copy, against 0.1 s
/// when the memory was reused; chunks of this size reuse it and keep the copy's share of
/// the time (under the interpreter lock, on one thread) small.
const CHUNK_BYTES: usize = 16 << 20;

/// What the last call read, as the command line's closing summary counts it.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    documents: usize,
    claims: usize,
    skipped: usize,
    warnings: usize,
}

/// One input row made ready to label, or why it cannot be.
enum Row {
    Parts(Vec<Document>),
    Skipped(String),
}

/// A row's labeling: its claims, and the warnings to give about it.
#[derive(Default)]
struct RowClaims {
    claims: Vec<ClaimRecord>,
    warnings: Vec<String>,
    skipped: bool,
}

/// A compiled rule pack (the built-in one, or the folder `rules`), shared by the threads
/// that label a batch; `jobs` sets how many (default: all cores).
#[pyclass(subclass, module = "stancer")]
struct Labeler {
    pipeline: Pipeline,
    /// Present when the caller chose the thread count; otherwise rayon's global pool.
    pool: Option<rayon::ThreadPool>,
    stats: Mutex<Stats>,
}

/// The rule pack of `rules` (a folder) or the built-in one; its errors as
/// `rules check` prints them, one a line.
fn load_pipeline(py: Python<'_>, rules: Option<PathBuf>) -> PyResult<Pipeline> {
    let loaded = match &rules {
        Some(dir) if !dir.is_dir() => {
            return Err(RulePackError::new_err(format!("{}: not a folder", dir.display())));
        }
        Some(dir) => RulePack::load_dir(dir),
        None => RulePack::builtin(),
    };
    let pack = loaded.map_err(|errors| rule_errors(&errors))?;
    for w in &pack.warnings {
        warn(py, &w.to_string())?;
    }
    Pipeline::from_pack(pack).map_err(|e| rule_errors(&[e]))
}

fn rule_errors(errors: &[RuleError]) -> PyErr {
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    RulePackError::new_err(lines.join("\n"))
}

fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    PyErr::warn(
        py,
        &py.get_type::<StancerWarning>(),
        &std::ffi::CString::new(message.replace('\0', " "))?,
        1,
    )
}

/// The text of `value` to label, or why the row is skipped: `None`, a value that is no
/// `str`, and a `str` that cannot be encoded as UTF-8 (a lone surrogate) give no rows.
fn text_of(value: &Bound<'_, PyAny>) -> Result<String, String> {
    if value.is_none() {
        return Err("the text is None".into());
    }
    let Ok(text) = value.cast::<PyString>() else {
        return Err(format!("the text is a {}, not a str", type_name(value)));
    };
    text.to_str()
        .map(str::to_owned)
        .map_err(|e| format!("the text cannot be encoded as UTF-8 ({e})"))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "value".into(), |n| n.to_string())
}

/// An id or a date as text: a `str` as it is, anything else (an int id, a
/// `datetime.date`) as `str()` gives it.
fn text_field(value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_string_lossy().into_owned()),
        Err(_) => Ok(value.str()?.to_string_lossy().into_owned()),
    }
}

/// The items of a sequence: a list, a pandas Series, or a pyarrow array or column
/// (whose items are read as Python values, not as pyarrow scalars).
fn values<'py>(sequence: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let sequence = match sequence.hasattr("to_pylist")? {
        true => sequence.call_method0("to_pylist")?,
        false => sequence.clone(),
    };
    sequence.try_iter()?.collect()
}

/// Row `line` (counting from 1) of a call named `source`, ready to label.
fn row_of(
    id: &Bound<'_, PyAny>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    source: &str,
    line: u64,
) -> PyResult<(Row, Vec<String>)> {
    let id = if id.is_none() { String::new() } else { text_field(id)? };
    let text = match text_of(text) {
        Ok(t) => t,
        Err(why) => return Ok((Row::Skipped(format!("{source}:{line}: id {id:?}: {why}")), Vec::new())),
    };
    let date = match date.filter(|d| !d.is_none()) {
        Some(d) => Some(text_field(d)?),
        None => None,
    };
    let mut parts = Vec::new();
    let mut warnings = Vec::new();
    for record in record_documents(id, text, date.as_deref(), source, line) {
        match record {
            Record::Doc(doc) => parts.push(doc),
            Record::Warning(e) | Record::Skipped(e) => warnings.push(e.to_string()),
            Record::Note(n) => warnings.push(n),
        }
    }
    Ok((Row::Parts(parts), warnings))
}

impl Labeler {
    /// The claims of one row, its parts numbered on from each other as `label` numbers
    /// them; `warnings` were found reading it.
    fn label_row(&self, (row, warnings): (Row, Vec<String>)) -> RowClaims {
        let parts = match row {
            Row::Parts(parts) => parts,
            Row::Skipped(why) => {
                return RowClaims {
                    warnings: vec![why],
                    skipped: true,
                    ..RowClaims::default()
                };
            }
        };
        let mut out = RowClaims {
            warnings,
            ..RowClaims::default()
        };
        let mut numbering = SentenceNumbering::default();
        for doc in &parts {
            let mut labeled = self.pipeline.label(doc);
            let before = numbering.before(doc, labeled.sentences);
            for c in &mut labeled.claims {
                c.sentence_id += before;
            }
            out.claims.append(&mut labeled.claims);
            let long = labeled.long_sentences.iter();
            out.warnings.extend(long.map(|&l| long_sentence_warning(doc, l)));
        }
        out
    }

    /// Labels `rows` on the pool, in order; the caller has released the interpreter.
    fn label_rows(&self, rows: Vec<(Row, Vec<String>)>) -> Vec<RowClaims> {
        use rayon::prelude::*;
        let run = || rows.into_par_iter().map(|row| self.label_row(row)).collect();
        match &self.pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }

    /// Records what `labeled` holds in `last_stats` and gives its warnings, in row order.
    fn report(&self, py: Python<'_>, labeled: &[RowClaims]) -> PyResult<()> {
        let mut stats = Stats::default();
        for row in labeled {
            if row.skipped {
                stats.skipped += 1;
            } else {
                stats.documents += 1;
                stats.claims += row.claims.len();
                stats.warnings += row.warnings.len();
            }
        }
        *self.stats.lock().unwrap_or_else(|e| e.into_inner()) = stats;
        for message in labeled.iter().flat_map(|r| &r.warnings) {
            warn(py, message)?;
        }
        Ok(())
    }
}

/// The claims table's columns and whether each holds numbers, from the cells of an
/// empty record: the table's types follow the CSV writer's cells.
fn column_kinds() -> Vec<(&'static str, bool)> {
    let blank = ClaimRecord::default();
    let cells = ClaimLayout::Default.cells(&blank);
    CLAIM_COLUMNS
        .iter()
        .zip(&cells)
        .map(|(name, cell)| (*name, matches!(cell, Cell::Number(_))))
        .collect()
}

/// A cell's text, as the CSV writer writes it.
fn cell_text<'a>(cell: &'a Cell<'a>) -> std::borrow::Cow<'a, str> {
    match cell {
        Cell::Text(t) => (*t).into(),
        Cell::Owned(t) => t.as_str().into(),
        Cell::Number(n) => n.to_string().into(),
        Cell::Marked { text, .. } => (*text).into(),
    }
}

/// One column as Arrow buffers: a string column's offsets and bytes, or an int64
/// column's values (little-endian, as Arrow lays them out).
enum Column {
    Text { offsets: Vec<i64>, data: Vec<u8> },
    Number(Vec<u8>),
}

fn columns_of(claims: &[&ClaimRecord]) -> Vec<Column> {
    let mut columns: Vec<Column> = column_kinds()
        .iter()
        .map(|(_, number)| match number {
            true => Column::Number(Vec::with_capacity(claims.len() * 8)),
            false => Column::Text {
                offsets: vec![0],
                data: Vec::new(),
            },
        })
        .collect();
    for c in claims {
        for (column, cell) in columns.iter_mut().zip(ClaimLayout::Default.cells(c)) {
            match (column, &cell) {
                (Column::Number(values), Cell::Number(n)) => values.extend_from_slice(&(*n as i64).to_le_bytes()),
                (Column::Number(values), _) => values.extend_from_slice(&0i64.to_le_bytes()),
                (Column::Text { offsets, data }, cell) => {
                    data.extend_from_slice(cell_text(cell).as_bytes());
                    offsets.push(data.len() as i64);
                }
            }
        }
    }
    columns
}

/// The pyarrow table of `claims`: strings as `string` (`large_string` when a column
/// holds 2 GiB or more), numbers as `int64`.
fn arrow_table<'py>(py: Python<'py>, claims: &[&ClaimRecord]) -> PyResult<Bound<'py, PyAny>> {
    let pa = py.import("pyarrow")?;
    let array = pa.getattr("Array")?;
    let rows = claims.len();
    let built = py.detach(|| columns_of(claims));
    let names: Vec<&str> = column_kinds().iter().map(|(n, _)| *n).collect();
    let arrays = PyList::empty(py);
    for column in built {
        let arrow = match column {
            Column::Number(values) => {
                let buffer = pa.call_method1("py_buffer", (PyBytes::new(py, &values),))?;
                array.call_method1("from_buffers", (pa.call_method0("int64")?, rows, (py.None(), buffer)))?
            }
            Column::Text { offsets, data } => {
                let (kind, offsets): (&str, Vec<u8>) = if data.len() < i32::MAX as usize {
                    let narrow = offsets.iter().flat_map(|&o| (o as i32).to_le_bytes()).collect();
                    ("string", narrow)
                } else {
                    ("large_string", offsets.iter().flat_map(|&o| o.to_le_bytes()).collect())
                };
                let offsets = pa.call_method1("py_buffer", (PyBytes::new(py, &offsets),))?;
                let data = pa.call_method1("py_buffer", (PyBytes::new(py, &data),))?;
                array.call_method1(
                    "from_buffers",
                    (pa.call_method0(kind)?, rows, (py.None(), offsets, data)),
                )?
            }
        };
        arrays.append(arrow)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("names", names)?;
    pa.getattr("Table")?
        .call_method("from_arrays", (arrays,), Some(&kwargs))
}

/// A claim as a dict of the claims table's columns.
fn claim_dict<'py>(py: Python<'py>, c: &ClaimRecord) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, cell) in CLAIM_COLUMNS.iter().zip(ClaimLayout::Default.cells(c)) {
        match cell {
            Cell::Number(n) => dict.set_item(name, n)?,
            other => dict.set_item(name, cell_text(&other))?,
        }
    }
    Ok(dict)
}

#[pymethods]
impl Labeler {
    #[new]
    #[pyo3(signature = (rules=None, jobs=None))]
    fn new(py: Python<'_>, rules: Option<PathBuf>, jobs: Option<usize>) -> PyResult<Labeler> {
        let pipeline = load_pipeline(py, rules)?;
        let pool = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?,
            ),
            None => None,
        };
        Ok(Labeler {
            pipeline,
            pool,
            stats: Mutex::new(Stats::default()),
        })
    }

    /// The claims of one document: a list of dicts with the claims table's columns.
    #[pyo3(signature = (text, id=None, date=None))]
    fn label<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: Option<&Bound<'py, PyAny>>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let none = py.None().into_bound(py);
        let row = row_of(id.unwrap_or(&none), text, date, "label", 1)?;
        let labeled = [py.detach(|| self.label_row(row))];
        self.report(py, &labeled)?;
        let list = PyList::empty(py);
        for c in &labeled[0].claims {
            list.append(claim_dict(py, c)?)?;
        }
        Ok(list)
    }

    /// The claims of many documents as a pyarrow Table with the CSV's columns and types,
    /// in input order, labeled on all cores with the GIL released. Bad rows are skipped,
    /// warned about and counted in `last_stats`.
    #[pyo3(signature = (ids, texts, dates=None))]
    fn label_batch<'py>(
        &self,
        py: Python<'py>,
        ids: &Bound<'py, PyAny>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ids = values(ids)?;
        let texts = values(texts)?;
        let dates = dates.filter(|d| !d.is_none()).map(values).transpose()?;
        if ids.len() != texts.len() || dates.as_ref().is_some_and(|d| d.len() != texts.len()) {
            return Err(PyValueError::new_err(format!(
                "ids, texts and dates must be as long: {} ids, {} texts{}",
                ids.len(),
                texts.len(),
                dates.as_ref().map_or(String::new(), |d| format!(", {} dates", d.len()))
            )));
        }
        let mut labeled = Vec::with_capacity(texts.len());
        let mut rows = Vec::new();
        let mut bytes = 0;
        for (i, (id, text)) in ids.iter().zip(&texts).enumerate() {
            let date = dates.as_ref().map(|d| &d[i]);
            let row = row_of(id, text, date, "label_batch", i as u64 + 1)?;
            bytes += match &row.0 {
                Row::Parts(parts) => parts.iter().map(|p| p.text.len()).sum(),
                Row::Skipped(_) => 0,
            };
            rows.push(row);
            if bytes >= CHUNK_BYTES || i + 1 == texts.len() {
                let chunk = std::mem::take(&mut rows);
                labeled.extend(py.detach(|| self.label_rows(chunk)));
                bytes = 0;
            }
        }
        self.report(py, &labeled)?;
        let claims: Vec<&ClaimRecord> = labeled.iter().flat_map(|r| &r.claims).collect();
        arrow_table(py, &claims)
    }

    /// What `stancer explain TEXT` prints for `text`.
    #[pyo3(signature = (text, date=None))]
    fn explain(&self, py: Python<'_>, text: String, date: Option<String>) -> PyResult<String> {
        let doc = Document::new("explain", text);
        let doc = match date {
            Some(d) => doc
                .with_date(&d)
                .map_err(|e| PyValueError::new_err(format!("date: {e}")))?,
            None => doc,
        };
        Ok(py.detach(|| stancer::explain::document_explanation(&self.pipeline, &[doc])))
    }

    /// What the last `label` or `label_batch` call read: documents, claims, skipped, warnings.
    #[getter]
    fn last_stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = *self.stats.lock().unwrap_or_else(|e| e.into_inner());
        let dict = PyDict::new(py);
        dict.set_item("documents", stats.documents)?;
        dict.set_item("claims", stats.claims)?;
        dict.set_item("skipped", stats.skipped)?;
        dict.set_item("warnings", stats.warnings)?;
        Ok(dict)
    }
}

/// `stancer eval --format json`'s report on `gold_path`, as a dict.
#[pyfunction]
#[pyo3(signature = (gold_path, rules=None, split=None, errors=0))]
fn eval<'py>(
    py: Python<'py>,
    gold_path: PathBuf,
    rules: Option<PathBuf>,
    split: Option<String>,
    errors: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let pipeline = load_pipeline(py, rules)?;
    let file = std::fs::File::open(&gold_path)?;
    let name = gold_path.display().to_string();
    let (mut items, bad) = stancer::eval::read_gold(&name, std::io::BufReader::new(file));
    if let Some(split) = &split {
        items.retain(|item| item.split.as_deref() == Some(split.as_str()));
    }
    for e in &bad {
        warn(py, &format!("skipped: {e}"))?;
    }
    if items.is_empty() {
        return Err(PyValueError::new_err(format!("{name}: no gold items")));
    }
    let json = py.detach(|| {
        let predictions = stancer::eval::predict(&pipeline, &items);
        let mut report = stancer::eval::score(&items, &predictions);
        report.errors.truncate(errors);
        serde_json::to_string(&report)
    });
    let json = json.map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

#[pymodule]
fn _stancer(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Labeler>()?;
    m.add_function(wrap_pyfunction!(eval, m)?)?;
    m.add("RulePackError", m.py().get_type::<RulePackError>())?;
    m.add("StancerWarning", m.py().get_type::<StancerWarning>())?;
    let columns: Vec<(&str, &str)> = column_kinds()
        .into_iter()
        .map(|(name, number)| (name, if number { "int64" } else { "string" }))
        .collect();
    m.add("CLAIM_COLUMNS", columns)?;
    Ok(())
}
