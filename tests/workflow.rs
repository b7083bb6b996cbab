//! The everyday corpus workflow (issue 22), each finding run through the real binary:
//! metadata kept as columns, dates that cannot mislead, summary reading what label
//! writes, explain on a corpus record, readable columns, the splitter at Unicode spaces,
//! and eval's scores in JSON.

mod common;

use common::{json_lines, stancer_in, stderr, stdout};
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A CSV table as its header and rows, every cell a string.
fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// The cell of `column` in `row`.
fn cell<'a>(header: &[String], row: &'a [String], column: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column} in {header:?}"));
    &row[i]
}

/// Three documents from two publishers, as JSON Lines: a claim by India, one by Pakistan
/// and one by the United States, and a document without a claim.
fn corpus(dir: &Path) {
    let records = [
        serde_json::json!({"id": "a", "publisher": "wire", "section": "world", "text": "New Delhi disputed U.S. claims of mediation."}),
        serde_json::json!({"id": "b", "publisher": "daily", "text": "Islamabad welcomed U.S. assistance. Nothing else happened."}),
        serde_json::json!({"id": "c", "publisher": "daily", "text": "The weather was fine."}),
        serde_json::json!({"id": "d", "publisher": "wire", "text": "Pakistan thanked the United States. He praised Washington again."}),
    ];
    write(
        dir,
        "corpus.jsonl",
        &records.iter().map(|r| format!("{r}\n")).collect::<String>(),
    );
}

// Finding 1: input fields as columns, and claims per field value in summary.
#[test]
fn keep_copies_fields_into_the_rows_and_summary_counts_claims_by_them() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = stancer_in(
        dir.path(),
        &[
            "label",
            "corpus.jsonl",
            "--keep",
            "publisher,section",
            "-o",
            "claims.csv",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = table(&std::fs::read_to_string(dir.path().join("claims.csv")).unwrap());
    assert_eq!(&header[header.len() - 3..], ["date", "publisher", "section"]);
    let kept: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                cell(&header, r, "doc_id"),
                cell(&header, r, "publisher"),
                cell(&header, r, "section"),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            ("a", "wire", "world"),
            ("b", "daily", ""),
            ("d", "wire", ""),
            ("d", "wire", "")
        ]
    );

    let jsonl = stancer_in(
        dir.path(),
        &["label", "corpus.jsonl", "--keep", "publisher", "--format", "jsonl"],
        None,
    );
    let first = &json_lines(&stdout(&jsonl))[0];
    assert_eq!(first["publisher"], "wire");

    let summary = stancer_in(
        dir.path(),
        &["summary", "claims.csv", "--by", "publisher", "-o", "report.html"],
        None,
    );
    assert!(summary.status.success(), "{}", stderr(&summary));
    assert_eq!(
        stdout(&summary),
        "publisher,holder,target,label,count\n\
         daily,PAK,USA,praise,1\n\
         wire,PAK,USA,praise,2\n\
         wire,IND,USA,dispute,1\n"
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("<h2>Claims per publisher</h2>"), "{html}");
    assert!(html.contains("data-group=\"wire\" data-support=\"0\" data-dispute=\"1\" data-praise=\"2\""));
    assert!(html.contains("data-group=\"daily\" data-support=\"0\" data-dispute=\"0\" data-praise=\"1\""));

    let missing = stancer_in(dir.path(), &["summary", "claims.csv", "--by", "author"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("--keep author"), "{}", stderr(&missing));
    let clash = stancer_in(dir.path(), &["label", "corpus.jsonl", "--keep", "date"], None);
    assert_eq!(clash.status.code(), Some(2));
}

#[test]
fn keep_takes_csv_columns_and_the_folders_of_text_files() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bodies.csv",
        "id,text,source\n7,New Delhi disputed U.S. claims.,agency\n",
    );
    let out = stancer_in(dir.path(), &["label", "bodies.csv", "--keep", "source"], None);
    let (header, rows) = table(&stdout(&out));
    assert_eq!(cell(&header, &rows[0], "source"), "agency");

    std::fs::create_dir_all(dir.path().join("bbc/sport/2004")).unwrap();
    write(
        &dir.path().join("bbc/sport/2004"),
        "001.txt",
        "Islamabad welcomed U.S. assistance.",
    );
    write(
        &dir.path().join("bbc"),
        "top.txt",
        "Islamabad welcomed U.S. assistance.",
    );
    let out = stancer_in(dir.path(), &["label", "bbc", "--keep", "section,year"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = table(&stdout(&out));
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (cell(&header, r, "section"), cell(&header, r, "year")))
        .collect();
    assert_eq!(got, [("sport", "2004"), ("", "")]);
}

// Finding 2: a date under another name is named; a date that cannot be read is kept.
#[test]
fn a_date_field_under_another_name_is_named_once_and_an_unreadable_date_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        serde_json::json!({"id": "a", "publication_date": "2016-03-11", "text": "Trump praised Mexico."}),
        serde_json::json!({"id": "b", "publication_date": "2016-03-12", "text": "Trump praised Mexico."}),
    ];
    write(
        dir.path(),
        "renamed.jsonl",
        &records.iter().map(|r| format!("{r}\n")).collect::<String>(),
    );
    let out = stancer_in(dir.path(), &["label", "renamed.jsonl", "-j", "2"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("publication_date").count(), 2, "{err}");
    assert!(
        err.contains(
            "warning: renamed.jsonl:1: records have `publication_date` and no `date`; \
             pass --date-field publication_date to use it; until then leaders are matched without dates"
        ),
        "{err}"
    );
    let dated = stancer_in(
        dir.path(),
        &["label", "renamed.jsonl", "--date-field", "publication_date"],
        None,
    );
    assert!(!stderr(&dated).contains("warning:"), "{}", stderr(&dated));

    write(
        dir.path(),
        "odd.csv",
        "id,date,text\nx,11 March 2016,Islamabad welcomed U.S. assistance.\n",
    );
    let out = stancer_in(dir.path(), &["label", "odd.csv"], None);
    let err = stderr(&out);
    assert!(err.contains("odd.csv:2: invalid date \"11 March 2016\""), "{err}");
    let (header, rows) = table(&stdout(&out));
    assert_eq!(cell(&header, &rows[0], "date"), "11 March 2016");
}

// Finding 3: summary reads every table label writes, and counts documents, not bytes.
#[test]
fn summary_reads_all_sentences_excel_and_json_lines_tables() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let plain = stancer_in(dir.path(), &["label", "corpus.jsonl", "-o", "plain.csv"], None);
    assert!(plain.status.success());
    let want = stdout(&stancer_in(dir.path(), &["summary", "plain.csv"], None));
    assert!(want.contains("PAK,USA,praise,3"), "{want}");
    for (name, flags) in [
        ("all.csv", &["--all-sentences"][..]),
        ("excel.csv", &["--excel", "--all-sentences"][..]),
        ("claims.jsonl", &["--format", "jsonl", "--all-sentences"][..]),
        ("legacy.csv", &["--columns", "legacy"][..]),
    ] {
        let mut args = vec!["label", "corpus.jsonl", "-o", name];
        args.extend(flags);
        assert!(stancer_in(dir.path(), &args, None).status.success());
        let out = stancer_in(dir.path(), &["summary", name], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), want, "{name}");
        let err = stderr(&out);
        if flags.contains(&"--all-sentences") {
            assert!(
                err.contains("4 documents read, 3 with claims, 4 claims"),
                "{name}: {err}"
            );
        } else {
            assert!(err.contains("3 documents with claims"), "{name}: {err}");
        }
        assert!(!err.contains("MB"), "{err}");
    }
}

// Finding 4: explain a corpus record with label's context and offsets.
#[test]
fn explain_a_corpus_record_agrees_with_label() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Pakistan’s envoy met “friends”. India rejected Pakistan’s claims. It also accused Pakistan of lying.";
    let records = [
        serde_json::json!({"id": "first", "text": "Nothing here."}),
        serde_json::json!({"id": "n2", "text": text}),
    ];
    write(
        dir.path(),
        "corpus.jsonl",
        &records.iter().map(|r| format!("{r}\n")).collect::<String>(),
    );
    let out = stancer_in(dir.path(), &["explain", "--input", "corpus.jsonl", "--id", "n2"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let explained = stdout(&out);
    let label = stancer_in(dir.path(), &["label", "corpus.jsonl"], None);
    let (header, rows) = table(&stdout(&label));
    // Each claim of label is in explain, in the sentence of the same id and offsets.
    assert_eq!(rows.len(), 2);
    for r in &rows {
        let head = format!(
            "sentence {} [{}..{}]:",
            cell(&header, r, "sentence_id"),
            cell(&header, r, "start"),
            cell(&header, r, "end")
        );
        let after = explained
            .split(&head)
            .nth(1)
            .unwrap_or_else(|| panic!("{head} in {explained}"));
        let claim = format!(
            "CLAIM    ({}, {}, {})",
            cell(&header, r, "holder"),
            cell(&header, r, "label"),
            cell(&header, r, "target")
        );
        assert!(
            after.split("\nsentence ").next().unwrap().contains(&claim),
            "{claim} after {head}"
        );
    }
    // "It" takes the holder of the sentence before, as in label; characters, not bytes.
    assert!(
        explained.contains("sentence 3 [66..100]: It also accused Pakistan of lying."),
        "{explained}"
    );
    assert!(
        explained.contains("CLAIM    (IND, dispute, PAK)  cue \"accused\"  holder \"It\""),
        "{explained}"
    );

    let no_id = stancer_in(dir.path(), &["explain", "--input", "corpus.jsonl"], None);
    assert_eq!(no_id.status.code(), Some(2));
    assert!(
        stderr(&no_id).contains("--id ID (its ids: first, n2)"),
        "{}",
        stderr(&no_id)
    );
    let wrong = stancer_in(dir.path(), &["explain", "--input", "corpus.jsonl", "--id", "n3"], None);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("--id n3: no record"), "{}", stderr(&wrong));
}

// Finding 5: columns for people.
#[test]
fn rows_name_the_parties_split_rule_and_pattern_and_say_how_the_target_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let text = "India insisted the pause was its own decision. New Delhi disputed U.S. claims.";
    let out = stancer_in(dir.path(), &["label", "-"], Some(text.as_bytes()));
    let (header, rows) = table(&stdout(&out));
    assert_eq!(
        &header[..8],
        [
            "doc_id",
            "sentence_id",
            "holder",
            "label",
            "target",
            "holder_name",
            "target_name",
            "sentence"
        ]
    );
    let got: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| {
            [
                "holder",
                "target",
                "holder_name",
                "target_name",
                "holder_text",
                "target_text",
                "via",
                "rule",
                "pattern",
            ]
            .iter()
            .map(|c| cell(&header, r, c))
            .collect()
        })
        .collect();
    assert_eq!(
        got[0][..7],
        ["IND", "IND", "India", "India", "India", "its", "possessive"]
    );
    assert_eq!(
        got[1][..7],
        ["IND", "USA", "India", "United States", "New Delhi", "U.S.", "object"]
    );
    assert!(
        got[1][7].starts_with("cues.csv:") && !got[1][7].contains(' '),
        "{:?}",
        got[1]
    );
    assert_eq!(got[1][8], "verb-subject-object");

    // The old columns and meanings behind --columns legacy.
    let legacy = stancer_in(
        dir.path(),
        &["label", "-", "--columns", "legacy"],
        Some(text.as_bytes()),
    );
    let (header, rows) = table(&stdout(&legacy));
    assert_eq!(cell(&header, &rows[0], "target_text"), "India");
    assert!(cell(&header, &rows[1], "rule").ends_with(" verb-subject-object"));
}

#[test]
fn excel_output_cuts_overlong_cells_and_plain_csv_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let notes = "x".repeat(40_000);
    let record = serde_json::json!({"id": "a", "notes": notes, "text": "Islamabad welcomed U.S. assistance."});
    write(dir.path(), "long.jsonl", &format!("{record}\n"));
    let plain = stancer_in(dir.path(), &["label", "long.jsonl", "--keep", "notes"], None);
    let (header, rows) = table(&stdout(&plain));
    assert_eq!(cell(&header, &rows[0], "notes"), notes);
    let excel = stancer_in(dir.path(), &["label", "long.jsonl", "--keep", "notes", "--excel"], None);
    let (header, rows) = table(&stdout(&excel));
    let cut = cell(&header, &rows[0], "notes");
    assert!(cut.encode_utf16().count() <= 32_767, "{}", cut.len());
    assert!(
        cut.ends_with("more characters]") && cut.starts_with("xxx"),
        "{}",
        &cut[cut.len() - 40..]
    );
}

#[test]
fn semicolon_and_tab_csv_input_is_detected_or_named() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "eu.csv",
        "id;text\n1;\"New Delhi disputed U.S. claims; it said so.\"\n",
    );
    let out = stancer_in(dir.path(), &["label", "eu.csv"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = table(&stdout(&out));
    assert_eq!(
        (cell(&header, &rows[0], "doc_id"), cell(&header, &rows[0], "holder")),
        ("1", "IND")
    );
    write(
        dir.path(),
        "pipes.csv",
        "id|text\n2|Islamabad welcomed U.S. assistance.\n",
    );
    let out = stancer_in(dir.path(), &["label", "pipes.csv", "--delimiter", "|"], None);
    let (header, rows) = table(&stdout(&out));
    assert_eq!(cell(&header, &rows[0], "doc_id"), "2");
}

// Finding 6: a no-break space after a full stop is a sentence boundary.
#[test]
fn sentences_split_at_a_no_break_space_after_a_full_stop() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Clinton said thank you.\u{a0}Only one poll put her ahead.\u{2009}Trump disagreed.";
    let out = stancer_in(dir.path(), &["sentences", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let texts: Vec<String> = json_lines(&stdout(&out))
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        texts,
        [
            "Clinton said thank you.",
            "Only one poll put her ahead.",
            "Trump disagreed."
        ]
    );
}

// Finding 7: eval's JSON has the scores; a mistyped input leaves no table.
#[test]
fn eval_json_carries_precision_recall_and_f1() {
    let dir = tempfile::tempdir().unwrap();
    let gold = [
        serde_json::json!({"id": "g1", "text": "Islamabad welcomed U.S. assistance.", "claims": [{"holder": "PAK", "label": "praise", "target": "USA"}]}),
        serde_json::json!({"id": "g2", "text": "India thanked France.", "claims": [{"holder": "IND", "label": "dispute", "target": "FRA"}]}),
    ];
    write(
        dir.path(),
        "gold.jsonl",
        &gold.iter().map(|g| format!("{g}\n")).collect::<String>(),
    );
    let out = stancer_in(dir.path(), &["eval", "--gold", "gold.jsonl", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let micro = &v["triples"]["micro"];
    assert_eq!(
        (micro["tp"].as_u64(), micro["fp"].as_u64(), micro["fn"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(
        (
            micro["precision"].as_f64(),
            micro["recall"].as_f64(),
            micro["f1"].as_f64()
        ),
        (Some(0.5), Some(0.5), Some(0.5))
    );
    assert_eq!(v["triples"]["praise"]["precision"].as_f64(), Some(0.5));
    assert_eq!(v["pairs"]["dispute"]["recall"].as_f64(), Some(0.0));
}

#[test]
fn a_mistyped_input_leaves_no_table_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = stancer_in(dir.path(), &["label", "corpsu.jsonl", "-o", "claims.csv"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("claims.csv").exists());
    write(dir.path(), "old.csv", "yesterday's run\n");
    let out = stancer_in(dir.path(), &["label", "corpsu.jsonl", "-o", "old.csv"], None);
    assert!(stderr(&out).contains("old.csv is left as it was"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("old.csv")).unwrap(),
        "yesterday's run\n"
    );
    // Not even a header row on standard output.
    let out = stancer_in(dir.path(), &["label", "corpsu.jsonl"], None);
    assert_eq!((out.status.code(), stdout(&out)), (Some(1), String::new()));
    let out = stancer_in(dir.path(), &["sentences", "corpsu.jsonl", "--format", "csv"], None);
    assert_eq!(stdout(&out), "");
}

#[test]
fn readme_documents_every_command_and_the_column_layouts() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for needle in [
        "stancer sentences",
        "--columns legacy",
        "--keep",
        "summary --by",
        "--id",
        "--delimiter",
    ] {
        assert!(readme.contains(needle), "README lacks {needle}");
    }
}
