//! Property tests: invariants that must hold for any input, checked on generated
//! text. The segmenter's spans are ordered, disjoint, trimmed and on char
//! boundaries; the scanner finds what a plain Aho-Corasick search would; every
//! claim's evidence lies inside its sentence; labeling does not depend on thread
//! count; `stancer sentences` offsets point back at the text.
//!
//! Inputs that once broke a stage are pinned at the end as plain `#[test]`s
//! (found by the fuzz targets in `fuzz/`).

use proptest::prelude::*;
use rayon::prelude::*;
use stancer::Pipeline;
use stancer::input::Document;
use stancer::pipeline::ClaimRecord;
use stancer::rules::RulePack;
use stancer::segment::{Segmenter, fold_whitespace};
use std::ops::Range;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| match RulePack::builtin() {
        Ok(pack) => Pipeline::new(pack),
        Err(errors) => panic!("the built-in rule pack does not load: {errors:?}"),
    })
}

fn pack_segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| match RulePack::builtin() {
        Ok(pack) => pack.segmenter,
        Err(errors) => panic!("the built-in rule pack does not load: {errors:?}"),
    })
}

/// Checks the contract of `Segmenter::sentence_spans` on `spans` of `text`.
fn check_spans(text: &str, spans: &[Range<usize>]) -> Result<(), String> {
    let mut previous_end = 0;
    for (i, span) in spans.iter().enumerate() {
        if span.start >= span.end {
            return Err(format!("span {i} {span:?} is empty"));
        }
        if span.start < previous_end {
            return Err(format!(
                "span {i} {span:?} starts before the previous end {previous_end}"
            ));
        }
        let Some(piece) = text.get(span.clone()) else {
            return Err(format!("span {i} {span:?} is out of range or off a char boundary"));
        };
        if piece.trim() != piece {
            return Err(format!("span {i} {span:?} is not trimmed: {piece:?}"));
        }
        previous_end = span.end;
    }
    Ok(())
}

fn check_text_spans(text: &str) -> Result<(), TestCaseError> {
    let spans = pipeline().sentence_spans(text);
    check_spans(text, &spans).map_err(|e| TestCaseError::fail(format!("{e}\ntext: {text:?}\nspans: {spans:?}")))?;
    // The segmenter held by the rule pack is the one the pipeline uses.
    prop_assert_eq!(pack_segmenter().sentence_spans(text), spans);
    Ok(())
}

/// Pieces of news text that exercise the splitter's rules.
const NEWS_FRAGMENTS: &[&str] = &[
    "The",
    "minister",
    "said",
    "talks",
    "India",
    "ceasefire",
    "Smith",
    "it",
    "How",
    "3",
    "10",
    " ",
    " ",
    " ",
    ". ",
    ".",
    "? ",
    "! ",
    "?!",
    "...",
    "…",
    "U.S.",
    "U.S. ",
    "Mr.",
    "Mr. ",
    "Dr.",
    "Gen.",
    "e.g.",
    "a.m.",
    "No. 5",
    "Jan. 5",
    "p. 55",
    "St.",
    "Inc.",
    "J.",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "[3]",
    " [12]",
    "(1)",
    "1.",
    "2)",
    "a)",
    "• ",
    "⁃ ",
    "- ",
    "* ",
    "— ",
    "–",
    "3.5",
    "www.example.com",
    "http://x.org/a.b",
    "john@mail.com",
    ":",
    ";",
    ",",
    "é",
    "中文。",
    "Ω",
    "\u{200b}",
    "\u{feff}",
    "# Heading",
    "ABC.",
    "#",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NEWS_FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

/// Arbitrary characters, mixed with news fragments so that candidates meet odd
/// neighbours.
fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            prop::sample::select(NEWS_FRAGMENTS).prop_map(String::from),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

/// Words from the built-in rule pack: aliases, cues, negators, speakers, with the
/// quotes and punctuation around them.
const CLAIM_WORDS: &[&str] = &[
    "India",
    "Pakistan",
    "Pakistan's",
    "the U.S.",
    "U.S.",
    "New Delhi",
    "Islamabad",
    "Trump",
    "the Kremlin",
    "Russia",
    "China's",
    "Indian",
    "rejected",
    "welcomed",
    "said",
    "denial of",
    "thanked",
    "criticized",
    "supports",
    "did not",
    "never",
    "not",
    "Analysts",
    "sources",
    "a former official",
    "the",
    "claims",
    "assistance",
    "mediation",
    "that",
    "and",
    "but",
    "by",
    "of",
    "for",
    "its",
    "was",
    "by",
    "\"",
    "“",
    "”",
    "'",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "—",
    "-",
    "?",
    "!",
    "\n",
    "\n\n",
    "[4]",
    "Mr.",
    "according to",
];

fn claim_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(CLAIM_WORDS),
            prop::sample::select(&[" ", " ", " ", ""][..]),
        ),
        0..40,
    )
    .prop_map(|parts| {
        let mut text = String::new();
        for (word, gap) in parts {
            text.push_str(word);
            text.push_str(gap);
        }
        text
    })
}

fn inside(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && inner.start <= inner.end
}

/// Every claim's cue, holder and target span lies inside its sentence, and the
/// output records point back at their sentences.
fn check_claims(text: &str) -> Result<(), TestCaseError> {
    let p = pipeline();
    let doc = Document::new("d", text);
    let analysis = p.analyze(&doc);
    prop_assert_eq!(analysis.attributions.len(), analysis.sentences.len());
    check_spans(text, &analysis.sentences).map_err(TestCaseError::fail)?;
    for (span, att) in analysis.sentences.iter().zip(&analysis.attributions) {
        for c in &att.claims {
            prop_assert!(
                inside(span, &c.cue),
                "cue {:?} outside sentence {:?} in {:?}",
                c.cue,
                span,
                text
            );
            prop_assert!(!c.cue.is_empty(), "empty cue {:?} in {:?}", c.cue, text);
            prop_assert!(
                inside(span, &c.holder_span),
                "holder {:?} outside sentence {:?} in {:?}",
                c.holder_span,
                span,
                text
            );
            prop_assert!(text.get(c.cue.clone()).is_some() && text.get(c.holder_span.clone()).is_some());
            if let Some(t) = &c.target_span {
                prop_assert!(
                    inside(span, t),
                    "target {:?} outside sentence {:?} in {:?}",
                    t,
                    span,
                    text
                );
                prop_assert!(text.get(t.clone()).is_some());
            }
        }
    }
    let labeled = p.label(&doc);
    prop_assert_eq!(labeled.sentences, analysis.sentences.len());
    let chars: Vec<char> = text.chars().collect();
    for r in &labeled.claims {
        prop_assert!(
            r.start < r.end && r.end <= chars.len(),
            "record offsets {}..{}",
            r.start,
            r.end
        );
        let sentence: String = chars[r.start..r.end].iter().collect();
        prop_assert_eq!(&fold_whitespace(&sentence), &r.sentence);
        prop_assert!(
            r.sentence.contains(&fold_whitespace(&r.cue)),
            "cue {:?} not in {:?}",
            r.cue,
            r.sentence
        );
    }
    Ok(())
}

fn label_all(docs: &[Document]) -> Vec<Vec<ClaimRecord>> {
    docs.iter().map(|d| pipeline().label(d).claims).collect()
}

fn label_all_parallel(docs: &[Document], threads: usize) -> Vec<Vec<ClaimRecord>> {
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => panic!("a rayon pool: {e}"),
    };
    pool.install(|| docs.par_iter().map(|d| pipeline().label(d).claims).collect())
}

fn run_stancer(dir: &Path, args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_stancer"))
        .current_dir(dir)
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("the stancer binary does not run: {e}"),
    }
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("a temporary folder: {e}"),
    }
}

/// One JSON Lines record per text, with ids and a date on every other one.
fn jsonl_of(texts: &[String]) -> String {
    let mut out = String::new();
    for (i, text) in texts.iter().enumerate() {
        let mut record = serde_json::json!({ "id": format!("doc{i}"), "text": text });
        if i % 2 == 0 {
            record["date"] = serde_json::json!("2025-05-10");
        }
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sentence_spans_hold_their_contract_on_any_unicode(text in unicode_text()) {
        check_text_spans(&text)?;
    }

    #[test]
    fn sentence_spans_hold_their_contract_on_news_fragments(text in news_text()) {
        check_text_spans(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn claim_spans_lie_inside_their_sentence(text in claim_text()) {
        check_claims(&text)?;
    }

    #[test]
    fn claim_spans_lie_inside_their_sentence_on_news_fragments(text in news_text()) {
        check_claims(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn labeling_in_parallel_equals_labeling_in_sequence(texts in prop::collection::vec(claim_text(), 1..24)) {
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), t.as_str())).collect();
        let sequential = label_all(&docs);
        prop_assert_eq!(&label_all_parallel(&docs, 4), &sequential);
        prop_assert_eq!(&label_all_parallel(&docs, 2), &sequential);
    }
}

/// The claim properties are not vacuous: the vocabulary they draw on does give
/// claims with holder and target spans to check.
#[test]
fn claim_vocabulary_gives_claims() {
    let text = "India rejected Pakistan's claims. \"We did not,\" the Kremlin said.";
    let analysis = pipeline().analyze(&Document::new("d", text));
    let claims: Vec<_> = analysis.attributions.iter().flat_map(|a| &a.claims).collect();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(&text[claims[0].holder_span.clone()], "India");
    assert_eq!(&text[claims[0].cue.clone()], "rejected");
    assert_eq!(claims[0].target_span.clone().map(|t| &text[t]), Some("Pakistan's"));
}

// Each run of the debug binary compiles the rule pack (a few seconds), so these
// cases are few and each puts many documents through one run.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn cli_output_does_not_depend_on_jobs(
        texts in prop::collection::vec(claim_text(), 1..40),
        format in prop::sample::select(&["jsonl", "csv"][..]),
    ) {
        let dir = temp_dir();
        std::fs::write(dir.path().join("docs.jsonl"), jsonl_of(&texts)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let one = run_stancer(dir.path(), &["label", "docs.jsonl", "--format", format, "-q", "-j", "1"]);
        let two = run_stancer(dir.path(), &["label", "docs.jsonl", "--format", format, "-q", "-j", "2"]);
        prop_assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
        prop_assert!(two.status.success(), "{}", String::from_utf8_lossy(&two.stderr));
        prop_assert_eq!(String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&two.stdout));
    }

    #[test]
    fn sentences_offsets_point_back_at_the_text(
        texts in prop::collection::vec(prop_oneof![news_text(), unicode_text(), claim_text()], 1..12),
    ) {
        let dir = temp_dir();
        let mut names = Vec::new();
        let mut docs = std::collections::HashMap::new();
        for (i, text) in texts.iter().enumerate() {
            // A NUL byte makes a text file binary (skipped); a leading BOM is not part
            // of the document.
            let text = text.replace('\0', " ");
            let name = format!("doc{i}.txt");
            std::fs::write(dir.path().join(&name), &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let doc_text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
            docs.insert(name.clone(), doc_text);
            names.push(name);
        }
        let mut args = vec!["sentences", "-q"];
        args.extend(names.iter().map(String::as_str));
        let out = run_stancer(dir.path(), &args);
        prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut seen: std::collections::HashMap<String, (u64, usize)> = std::collections::HashMap::new();
        for line in stdout.lines() {
            let record: serde_json::Value =
                serde_json::from_str(line).map_err(|e| TestCaseError::fail(format!("{e}: {line}")))?;
            let (Some(doc_id), Some(start), Some(end), Some(folded), Some(id)) = (
                record["doc_id"].as_str(),
                record["start"].as_u64(),
                record["end"].as_u64(),
                record["text"].as_str(),
                record["sentence_id"].as_u64(),
            ) else {
                return Err(TestCaseError::fail(format!("a record without doc_id, start, end, text or sentence_id: {line}")));
            };
            let Some(doc_text) = docs.get(doc_id) else {
                return Err(TestCaseError::fail(format!("unknown doc_id {doc_id:?}")));
            };
            let chars: Vec<char> = doc_text.chars().collect();
            let (start, end) = (start as usize, end as usize);
            let (last_id, previous_end) = seen.get(doc_id).copied().unwrap_or((0, 0));
            prop_assert_eq!(id, last_id + 1);
            prop_assert!(previous_end <= start && start < end && end <= chars.len(), "{}..{} of {}", start, end, chars.len());
            let sentence: String = chars[start..end].iter().collect();
            prop_assert_eq!(fold_whitespace(&sentence), folded, "{:?} {}..{} of {:?}", doc_id, start, end, doc_text);
            seen.insert(doc_id.to_owned(), (id, end));
        }
        for (name, doc_text) in &docs {
            let count = seen.get(name).map_or(0, |s| s.0 as usize);
            prop_assert_eq!(count, pipeline().sentence_spans(doc_text).len(), "sentences of {:?}", name);
        }
    }
}

/// Patterns that trap a word-start scanner: prefixes of longer patterns ending in
/// another pattern ("taking" ends in "king"), punctuation inside and at the end,
/// letters outside ASCII, a pattern inside another's word ("un" in "under").
const SCAN_PATTERNS: &[&str] = &[
    "pakistan",
    "pakistan army",
    "army",
    "taking aim at",
    "king",
    "had no role",
    "no",
    "u.s.",
    "u.s. army",
    "un",
    "india",
    "côte d'ivoire",
    "al-sisi",
    "sisi",
    "to lam",
    "the hague",
    "hague",
];

fn scan_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Pakistan", "PAKISTAN", "army", "taking", "aim", "at", "King", "had", "no", "role", "U.S.", "u.s", "UN",
        "under", "India", "Indiana", "Côte", "CÔTE", "d'Ivoire", "al-Sisi", "Sisi", "To", "Lam", "the", "Hague", "é",
        "x1",
    ]);
    let separator = prop::sample::select(vec![" ", " ", " ", ", ", ". ", "-", "'s ", "’", "\n", ""]);
    prop::collection::vec((word, separator), 0..24).prop_map(|p| p.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

/// What a word-bounded match must satisfy, as `find_mentions` checks it.
fn bounded(text: &str, span: &Range<usize>) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let ends_word = text[..span.end].chars().next_back().is_some_and(char::is_alphanumeric);
    let starts_clear = !word(text[..span.start].chars().next_back());
    let ends_clear = !ends_word || !word(text[span.end..].chars().next());
    starts_clear && ends_clear
}

/// The search the scanner replaces: an unanchored leftmost-longest search that
/// resumes after an accepted match; after a rejected one, the shorter patterns at the
/// same place are offered, longest first, and then the search goes on at the next word.
fn unanchored_matches(patterns: &[String], text: &str) -> Vec<(Range<usize>, usize)> {
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = ac.find(aho_corasick::Input::new(text).range(pos..)) {
        if bounded(text, &m.range()) {
            out.push((m.range(), m.pattern().as_usize()));
            pos = m.end();
            continue;
        }
        let rest = &text.as_bytes()[m.start()..];
        let mut shorter: Vec<usize> = (0..patterns.len())
            .filter(|&p| {
                let len = patterns[p].len();
                len < m.len() && rest.len() >= len && rest[..len].eq_ignore_ascii_case(patterns[p].as_bytes())
            })
            .collect();
        shorter.sort_by_key(|&p| std::cmp::Reverse(patterns[p].len()));
        if let Some(p) = shorter
            .into_iter()
            .find(|&p| bounded(text, &(m.start()..m.start() + patterns[p].len())))
        {
            out.push((m.start()..m.start() + patterns[p].len(), p));
            pos = m.start() + patterns[p].len();
        } else {
            let rest = &text[m.start()..];
            let word_len: usize = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum();
            pos = m.start() + word_len.max(rest.chars().next().map_or(1, char::len_utf8));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn the_scanner_finds_what_an_unanchored_search_finds(text in scan_text()) {
        let patterns: Vec<String> = SCAN_PATTERNS.iter().map(|p| p.to_string()).collect();
        let scanner = stancer::matcher::scan::Scanner::new(&patterns).unwrap();
        let mut found = Vec::new();
        scanner.scan(&text, |span, pattern| {
            let ok = bounded(&text, &span);
            if ok {
                found.push((span, pattern));
            }
            ok
        });
        prop_assert_eq!(found, unanchored_matches(&patterns, &text), "{:?}", text);
    }
}

// Regression inputs from the fuzz targets (fuzz/README.md) go here, one plain
// #[test] each, running the same operation as the target that found it. The runs
// recorded in fuzz/README.md found none.
