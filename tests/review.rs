//! The review loop (issue 18): a stratified sample to read, its score, the precision file
//! and the confidence column it feeds, the calibration table of `eval`, and spreadsheets
//! that never run a cell as a formula. The FNC-1 review (datasets/fnc1-review-200.csv,
//! drawn from datasets/fnc1-review-200-claims.csv) is scored without ../shared.

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use common::{root, stancer_in, stderr, stdout};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const REVIEW: &str = "datasets/fnc1-review-200.csv";
const CLAIMS: &str = "datasets/fnc1-review-200-claims.csv";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    stancer_in(dir, args, None)
}

fn records(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).expect("a CSV table");
    let header = r.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The point estimate and interval the score prints: "... P  95% interval L-H".
fn corpus_figures(text: &str) -> Vec<f64> {
    let prefix = "corpus precision (stratified by rule): ";
    let at = text.find(prefix).unwrap_or_else(|| panic!("no {prefix:?} in:\n{text}")) + prefix.len();
    let line = text[at..].lines().next().unwrap_or("").replace("95% interval", "");
    line.split([' ', '-']).filter_map(|w| w.parse().ok()).collect()
}

#[test]
fn the_fnc1_review_scores_as_computed_by_hand() {
    let out = run(&root(), &["review", "score", REVIEW, "--claims", CLAIMS]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // The estimator computed here, apart from the program: strata are the rules of the
    // claims table, weighted by their claims, each with its judged rows.
    let (h, claims) = records(&root().join(CLAIMS));
    let mut size: BTreeMap<String, f64> = BTreeMap::new();
    for row in &claims {
        *size.entry(row[column(&h, "rule")].clone()).or_default() += 1.0;
    }
    let (h, review) = records(&root().join(REVIEW));
    let mut judged: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for row in &review {
        let e = judged.entry(row[column(&h, "rule")].clone()).or_default();
        e.0 += 1.0;
        e.1 += f64::from(u8::from(row[column(&h, "verdict")] == "ok"));
    }
    let total: f64 = size.values().sum();
    let (mut p, mut var) = (0.0, 0.0);
    for (rule, &n_h) in &size {
        let (n, ok) = judged[rule];
        let w = n_h / total;
        let q = (ok + 1.0) / (n + 2.0);
        p += w * ok / n;
        var += w * w * (1.0 - n / n_h) * q * (1.0 - q) / n;
    }
    let half = 1.959964 * var.sqrt();
    let shown = corpus_figures(&text);
    assert_eq!(shown.len(), 3, "{text}");
    for (got, want) in shown.iter().zip([p, p - half, p + half]) {
        assert!(
            (got - want).abs() < 0.0006,
            "shown {shown:?}, computed {p} ± {half}\n{text}"
        );
    }
    // The figures README.md quotes.
    assert_eq!(shown, [0.726, 0.688, 0.764], "{text}");
    assert_eq!((claims.len(), review.len()), (311, 200));
    let ok = review.iter().filter(|r| r[column(&h, "verdict")] == "ok").count();
    assert_eq!(ok, 141);
    assert!(text.contains("not a claim            37"), "{text}");
    // Rules to fix first: most wrong claims in the whole table, not in the sample.
    let fix = &text[text.find("rules to fix first").unwrap()..];
    let first = fix.lines().nth(2).unwrap();
    assert!(first.starts_with("cues.csv:21 "), "{fix}");
    assert!(first.trim_end().ends_with("13.2"), "{first}");
}

#[test]
fn the_same_seed_draws_the_same_sample() {
    let dir = tempfile::tempdir().unwrap();
    let claims = root().join(CLAIMS);
    let claims = claims.to_str().unwrap();
    let draw = |seed: &str, n: &str| {
        let out = run(dir.path(), &["review", "sample", claims, "-n", n, "--seed", seed]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    // The fixture is the draw of seed 18 from this table: the same rows in the same order.
    let keys = |table: &str| -> Vec<String> {
        let mut r = csv::Reader::from_reader(table.as_bytes());
        let h: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let at: Vec<usize> = [
            "doc_id",
            "sentence_id",
            "holder",
            "label",
            "target",
            "rule",
            "cue",
            "stratum",
        ]
        .iter()
        .map(|c| column(&h, c))
        .collect();
        r.records()
            .map(|row| {
                let row = row.unwrap();
                at.iter().map(|&i| row[i].to_owned()).collect::<Vec<_>>().join("|")
            })
            .collect()
    };
    let fixture = std::fs::read_to_string(root().join(REVIEW)).unwrap();
    assert_eq!(keys(&draw("18", "200")), keys(&fixture));
    assert_eq!(draw("7", "40"), draw("7", "40"));
    assert_ne!(keys(&draw("7", "40")), keys(&draw("8", "40")));
    // Stratified: a sample of 80 reads every one of the 78 rules.
    let rules: std::collections::BTreeSet<String> = keys(&draw("3", "80"))
        .iter()
        .map(|k| k.split('|').nth(5).unwrap().to_owned())
        .collect();
    assert_eq!(rules.len(), 78);
}

#[test]
fn a_review_turns_into_gold_and_a_precision_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let precision = dir.path().join("precision.csv");
    let out = run(
        &root(),
        &[
            "review",
            "score",
            REVIEW,
            "--claims",
            CLAIMS,
            "--gold-out",
            gold.to_str().unwrap(),
            "--precision-out",
            precision.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let items = common::json_lines(&std::fs::read_to_string(&gold).unwrap());
    assert_eq!(items.len(), 189, "{}", stderr(&out));
    assert!(stderr(&out).contains("4 sentences left out"), "{}", stderr(&out));
    // A row judged `target` with its correction in `missed`: the corrected claim is gold.
    let king = items
        .iter()
        .find(|i| i["text"].as_str().unwrap().starts_with("Obama praised the late king"))
        .expect("the late king's sentence");
    assert_eq!(
        king["claims"],
        serde_json::json!([{"holder": "USA", "label": "praise", "target": "SAU"}])
    );
    let out = run(&root(), &["eval", "--gold", gold.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("items: 189"), "{}", stdout(&out));
    let (h, rows) = records(&precision);
    assert_eq!(h, ["kind", "key", "n", "ok", "precision", "wilson_low", "wilson_high"]);
    let row = |kind: &str, key: &str| {
        rows.iter()
            .find(|r| r[0] == kind && r[1] == key)
            .unwrap_or_else(|| panic!("no {kind} {key}"))
            .clone()
    };
    assert_eq!(row("rule", "cues.csv:106")[2..5], ["24", "22", "0.9167"]);
    assert_eq!(row("label", "praise")[2..5], ["20", "12", "0.6000"]);
}

/// The cells of sheet `name` of `book`, row by row.
fn sheet_cells<R: std::io::Read + std::io::Seek>(book: &mut calamine::Sheets<R>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

/// A claims table of `text` documents (CSV with id,text), labeled into `dir`.
fn label_csv(dir: &Path, texts: &[&str], extra: &[&str]) -> std::process::Output {
    let mut w = csv::Writer::from_path(dir.join("docs.csv")).unwrap();
    w.write_record(["id", "text", "source"]).unwrap();
    for (i, t) in texts.iter().enumerate() {
        w.write_record([format!("d{i}").as_str(), t, "=cmd|' /C calc'!A0"])
            .unwrap();
    }
    w.flush().unwrap();
    let mut args = vec!["label", "-q", "docs.csv"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

const RISKY: [&str; 5] = [
    "=HYPERLINK(\"http://evil.example\",\"x\") India denied the report.",
    "+India rejected Pakistan's claim.",
    "-- Islamabad welcomed U.S. assistance.",
    "@Trump praised Qatar's mediation.",
    "\tNew Delhi disputed U.S. claims.",
];

#[test]
fn excel_csv_quotes_cells_that_would_run_as_formulas_and_plain_csv_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let plain = label_csv(dir.path(), &RISKY, &["--keep", "source"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let excel = label_csv(dir.path(), &RISKY, &["--keep", "source", "--excel"]);
    let (plain, excel) = (stdout(&plain), stdout(&excel));
    let sentences = |table: &str| -> Vec<(String, String)> {
        let mut r = csv::ReaderBuilder::new().from_reader(table.trim_start_matches('\u{feff}').as_bytes());
        let h: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let (s, k) = (column(&h, "sentence"), column(&h, "source"));
        r.records()
            .map(|x| {
                let x = x.unwrap();
                (x[s].to_owned(), x[k].to_owned())
            })
            .collect()
    };
    let (plain, excel) = (sentences(&plain), sentences(&excel));
    assert_eq!(plain.len(), 5, "{plain:?}");
    for ((p, pk), (e, ek)) in plain.iter().zip(&excel) {
        assert!(p.starts_with(['=', '+', '-', '@']) || p.starts_with("New Delhi"), "{p}");
        if p.starts_with(['=', '+', '-', '@']) {
            assert_eq!(e, &format!("'{p}"));
        } else {
            assert_eq!(e, p);
        }
        assert_eq!(
            (pk.as_str(), ek.as_str()),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")
        );
    }
    // A summary of the --excel table reads the cells back without the quotes.
    std::fs::write(
        dir.path().join("claims.csv"),
        label_csv(dir.path(), &RISKY, &["--excel"]).stdout,
    )
    .unwrap();
    let out = run(dir.path(), &["summary", "claims.csv", "--by", "doc_id", "--excel"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn workbooks_hold_formula_like_cells_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let csv_out = label_csv(
        dir.path(),
        &RISKY,
        &["--keep", "source", "-o", "claims.csv", "--xlsx", "claims.xlsx"],
    );
    assert!(csv_out.status.success(), "{}", stderr(&csv_out));
    let (header, rows) = records(&dir.path().join("claims.csv"));
    let mut book = open_workbook_auto(dir.path().join("claims.xlsx")).expect("a workbook");
    assert_eq!(book.sheet_names(), ["claims"]);
    let sheet = book.worksheet_range("claims").unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(cells[0].iter().map(|c| c.to_string()).collect::<Vec<_>>(), header);
    assert_eq!(cells.len(), rows.len() + 1);
    let s = column(&header, "sentence");
    for (row, csv_row) in cells[1..].iter().zip(&rows) {
        assert_eq!(row[s], Data::String(csv_row[s].clone()), "a sentence is a text cell");
        assert_eq!(
            row[column(&header, "source")],
            Data::String("=cmd|' /C calc'!A0".into())
        );
        assert!(
            matches!(row[column(&header, "start")], Data::Float(_)),
            "offsets are numbers"
        );
    }
    assert!(cells[1..].iter().any(|r| r[s] == Data::String(RISKY[0].into())));
    let formulas = book.worksheet_formula("claims").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );
    // With --xlsx and no -o, the workbook is the only output.
    let only = label_csv(dir.path(), &RISKY, &["--xlsx", "only.xlsx"]);
    assert!(only.status.success() && only.stdout.is_empty(), "{}", stdout(&only));

    let out = run(
        dir.path(),
        &["summary", "claims.csv", "--by", "source", "--xlsx", "summary.xlsx"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "the pivot is in the workbook");
    let mut book = open_workbook_auto(dir.path().join("summary.xlsx")).expect("a workbook");
    assert_eq!(book.sheet_names(), ["pivot", "claims"]);
    let pivot: Vec<Vec<Data>> = sheet_cells(&mut book, "pivot");
    assert_eq!(pivot[0][0], Data::String("source".into()));
    assert_eq!(pivot[1][0], Data::String("=cmd|' /C calc'!A0".into()));
    let claims: Vec<Vec<Data>> = sheet_cells(&mut book, "claims");
    assert_eq!(claims.len(), rows.len() + 1);
    assert!(
        book.worksheet_formula("claims")
            .unwrap()
            .used_cells()
            .all(|(_, _, f)| f.is_empty())
    );
}

#[test]
fn a_review_workbook_is_written_and_scored() {
    let dir = tempfile::tempdir().unwrap();
    let claims = root().join(CLAIMS);
    let out = run(
        dir.path(),
        &[
            "review",
            "sample",
            claims.to_str().unwrap(),
            "-n",
            "30",
            "--seed",
            "5",
            "-o",
            "review.xlsx",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut book = open_workbook_auto(dir.path().join("review.xlsx")).expect("a workbook");
    let rows: Vec<Vec<String>> = book
        .worksheet_range("review")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 31);
    assert_eq!(rows[0][..4], ["n", "verdict", "missed", "note"]);
    // The sentence is the text as it is (the cue is bold, not bracketed).
    let (s, cue) = (column(&rows[0], "sentence"), column(&rows[0], "cue"));
    // (The claims fixture keeps the sentences of the FNC-1 review's rows only.)
    let with_sentence: Vec<&Vec<String>> = rows[1..].iter().filter(|r| !r[s].is_empty()).collect();
    assert!(!with_sentence.is_empty());
    assert!(
        with_sentence
            .iter()
            .all(|r| !r[s].contains('«') && r[s].contains(&r[cue]))
    );

    // A reviewer's workbook: every row judged ok but the first, which is "none".
    let mut filled = stancer::xlsx::Book::new();
    let sheet = filled.add_table("review", &rows[0], false).unwrap();
    for (i, row) in rows[1..].iter().enumerate() {
        let mut cells: Vec<stancer::output::Cell> = row.iter().map(|c| stancer::output::Cell::Text(c)).collect();
        cells[1] = stancer::output::Cell::Text(if i == 0 { "none" } else { "ok" });
        filled.write_row(sheet, &cells).unwrap();
    }
    std::fs::write(dir.path().join("filled.xlsx"), filled.finish().unwrap()).unwrap();
    let out = run(
        dir.path(),
        &["review", "score", "filled.xlsx", "--claims", claims.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("311 claims in the table; 30 rows judged"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("not a claim             1"), "{}", stdout(&out));
}

#[test]
fn bad_review_rows_are_reported_with_their_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let review = std::fs::read_to_string(root().join(REVIEW)).unwrap();
    let mut lines: Vec<String> = review.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replacen(",ok,", ",maybe,", 1);
    lines[5] = lines[5].replacen(",ok,,", ",ok,IND hates,", 1);
    std::fs::write(dir.path().join("r.csv"), lines.join("\n") + "\n").unwrap();
    let claims = root().join(CLAIMS);
    let out = run(
        dir.path(),
        &["review", "score", "r.csv", "--claims", claims.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("r.csv:4: unknown verdict \"maybe\""), "{err}");
    assert!(err.contains("r.csv:6: missed claim \"IND hates\""), "{err}");
    assert!(stdout(&out).contains("198 rows judged"), "{}", stdout(&out));
}

fn labeled(dir: &Path, extra: &[&str]) -> Vec<u8> {
    let seeds = root().join("seeds");
    let mut args = vec!["label", "-q", seeds.to_str().unwrap(), "--keep", "folder"];
    args.extend_from_slice(extra);
    let out = run(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

#[test]
fn the_confidence_column_comes_from_the_precision_file() {
    let dir = tempfile::tempdir().unwrap();
    let read = |bytes: &[u8]| -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = csv::Reader::from_reader(bytes);
        let h = r.headers().unwrap().iter().map(str::to_owned).collect();
        (
            h,
            r.records()
                .map(|x| x.unwrap().iter().map(str::to_owned).collect())
                .collect(),
        )
    };
    let plain = labeled(dir.path(), &[]);
    let (h0, rows0) = read(&plain);
    // The rules of a dispute row and of a praise row, as the rule files number them now.
    let rule_of = |label: &str| {
        rows0
            .iter()
            .find(|r| r[column(&h0, "label")] == label)
            .map(|r| r[column(&h0, "rule")].clone())
            .unwrap()
    };
    let (dispute_rule, praise_rule) = (rule_of("dispute"), rule_of("praise"));
    let precision: PathBuf = dir.path().join("p.csv");
    std::fs::write(
        &precision,
        format!(
            "kind,key,n,ok,precision,wilson_low,wilson_high\nrule,{dispute_rule},10,9,0.9,0,1\nrule,{praise_rule},9,9,1,0,1\nlabel,praise,12,6,0.5,0,1\n"
        ),
    )
    .unwrap();
    let with = labeled(dir.path(), &["--confidence", precision.to_str().unwrap()]);
    let (h1, rows1) = read(&with);
    // The column goes after the fixed ones and before the kept field; nothing else moves.
    assert_eq!(h1[h1.len() - 2..], ["confidence", "folder"]);
    let c = column(&h1, "confidence");
    for (a, b) in rows0.iter().zip(&rows1) {
        let mut b = b.clone();
        let confidence = b.remove(c);
        assert_eq!(a, &b);
        let (rule, label) = (&a[column(&h0, "rule")], &a[column(&h0, "label")]);
        let want = match (rule.as_str(), label.as_str()) {
            (r, _) if r == dispute_rule => "0.900",
            // Nine judged rows are too few for the rule's own: its label's precision.
            (_, "praise") => "0.500",
            _ => "",
        };
        assert_eq!(confidence, want, "{rule} {label}");
    }
    assert!(rows1.iter().any(|r| r[c] == "0.900") && rows1.iter().any(|r| r[c] == "0.500"));
    // Without the option the output is what it was.
    let out = run(dir.path(), &["label", "-q", root().join("seeds").to_str().unwrap()]);
    assert!(!stdout(&out).contains("confidence"));
}

#[test]
fn eval_writes_precision_and_calibrates_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let precision = dir.path().join("p.csv");
    let gold = root().join("datasets/dev.jsonl");
    let gold = gold.to_str().unwrap();
    let out = run(dir.path(), &["eval", "--gold", gold, "--precision-out", "p.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, rows) = records(&precision);
    let label_n: usize = rows
        .iter()
        .filter(|r| r[0] == "label")
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    let rule_n: usize = rows
        .iter()
        .filter(|r| r[0] == "rule")
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(label_n, rule_n);
    let out = run(
        dir.path(),
        &["eval", "--gold", gold, "--confidence", "p.csv", "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cal = &report["calibration"];
    let bins = cal["bins"].as_array().unwrap();
    assert_eq!(bins.len(), 5);
    let binned: u64 =
        bins.iter().map(|b| b["judged"]["n"].as_u64().unwrap()).sum::<u64>() + cal["without"]["n"].as_u64().unwrap();
    assert_eq!(binned as usize, label_n, "every predicted claim is in one bin");
    // Predicted claims = tp + fp of the micro triples.
    let micro = &report["triples"]["micro"];
    assert_eq!(binned, micro["tp"].as_u64().unwrap() + micro["fp"].as_u64().unwrap());
    let text = run(dir.path(), &["eval", "--gold", gold, "--confidence", "p.csv"]);
    assert!(
        stdout(&text).contains("calibration: predicted claims by confidence"),
        "{}",
        stdout(&text)
    );
}
