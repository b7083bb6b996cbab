//! `stancer summary` on the claims of the sample article: the pivot agrees with the
//! claims counted here, the HTML matrix agrees with the pivot, bad rows are reported with
//! their line, a date column adds the time table, and the report renders in Chromium,
//! where its network, time chart and filters agree with the claims counted here. With
//! ../shared, the reports of FNC-1 and PolNeAR are checked the same way and photographed
//! (STANCER_UPDATE_SCREENSHOT=1 copies the pictures to docs/ for the README).

mod common;

use common::{stancer, stancer_in, stderr, stdout};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = "seeds/india-pakistan-2025.txt";

type Key = (String, String, String);

/// Labels the sample article into `dir/claims.csv` and returns its path.
fn seed_claims(dir: &Path) -> PathBuf {
    let claims = dir.join("claims.csv");
    let out = stancer(&["label", SEED, "-o", claims.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    claims
}

/// (holder, target, label) -> rows of a claims CSV, counted without stancer's code.
fn count_claims(path: &Path) -> BTreeMap<Key, usize> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (h, t, l) = (col("holder"), col("target"), col("label"));
    let mut counts = BTreeMap::new();
    for record in reader.records() {
        let r = record.unwrap();
        *counts
            .entry((r[h].to_owned(), r[t].to_owned(), r[l].to_owned()))
            .or_default() += 1;
    }
    counts
}

/// The pivot CSV as (key, count) rows in file order.
fn parse_pivot(text: &str) -> Vec<(Key, usize)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["holder", "target", "label", "count"]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                (r[0].to_owned(), r[1].to_owned(), r[2].to_owned()),
                r[3].parse().unwrap(),
            )
        })
        .collect()
}

/// The value of `name="..."` inside one tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Every tag of `html` that starts with `prefix` (e.g. `<td class="cell`).
fn tags<'a>(html: &'a str, prefix: &str) -> Vec<&'a str> {
    html.match_indices(prefix)
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap() + 1])
        .collect()
}

/// The full matrix's cells: (holder, target) -> [support, dispute, praise], read from
/// the `data-*` attributes.
fn matrix_cells(html: &str) -> BTreeMap<(String, String), [usize; 3]> {
    matrix(html)
        .into_iter()
        .map(|(key, (counts, _))| (key, counts))
        .collect()
}

/// The full matrix's cells with what each shows: the holder is the row's, the target the
/// column's.
fn matrix(html: &str) -> BTreeMap<(String, String), ([usize; 3], String)> {
    let start = html.find("<table class=\"matrix\">").unwrap();
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let targets: Vec<&str> = tags(table, "<th scope=\"col\" data-target=")
        .into_iter()
        .map(|tag| attr(tag, "data-target").unwrap())
        .collect();
    let mut cells = BTreeMap::new();
    for (row_start, _) in table.match_indices("<tr data-holder=") {
        let row = &table[row_start..row_start + table[row_start..].find("</tr>").unwrap()];
        let holder = attr(row, "data-holder").unwrap();
        // One cell per target after the row's header, then the row's total.
        for (i, cell) in row.split("<td").skip(1).take(targets.len()).enumerate() {
            if !cell.starts_with(" class=\"cell") {
                continue;
            }
            let tag = &cell[..cell.find('>').unwrap()];
            let n = |label: &str| attr(tag, &format!("data-{label}")).unwrap().parse().unwrap();
            let shown = cell[tag.len() + 1..cell.find("</td>").unwrap()].to_owned();
            cells.insert(
                (holder.to_owned(), targets[i].to_owned()),
                ([n("support"), n("dispute"), n("praise")], shown),
            );
        }
    }
    cells
}

/// The cells the claims counts imply.
fn expected_cells(counts: &BTreeMap<Key, usize>) -> BTreeMap<(String, String), [usize; 3]> {
    let mut cells: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for ((holder, target, label), n) in counts {
        let i = ["support", "dispute", "praise"]
            .iter()
            .position(|l| l == label)
            .unwrap();
        cells.entry((holder.clone(), target.clone())).or_default()[i] += n;
    }
    cells
}

fn label_rank(label: &str) -> usize {
    ["support", "dispute", "praise"]
        .iter()
        .position(|l| *l == label)
        .unwrap()
}

#[test]
fn seed_pivot_matches_claims_counted_independently() {
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let expected = count_claims(&claims);
    assert!(
        expected.values().sum::<usize>() >= 10,
        "the seed gives claims: {expected:?}"
    );

    let out = stancer(&["summary", claims.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pivot = parse_pivot(&stdout(&out));
    let got: BTreeMap<Key, usize> = pivot.iter().cloned().collect();
    assert_eq!(got.len(), pivot.len(), "each (holder, target, label) once");
    assert_eq!(got, expected);

    // Most claims first, then holder, target and label (support, dispute, praise).
    let order = |(k, n): &(Key, usize)| (std::cmp::Reverse(*n), k.0.clone(), k.1.clone(), label_rank(&k.2));
    let mut sorted = pivot.clone();
    sorted.sort_by_key(order);
    assert_eq!(pivot, sorted);
}

#[test]
fn seed_matrix_cells_match_the_pivot() {
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let report = dir.path().join("report.html");
    let pivot_file = dir.path().join("pivot.csv");
    let out = stancer(&[
        "summary",
        claims.to_str().unwrap(),
        "-o",
        report.to_str().unwrap(),
        "--pivot",
        pivot_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "with --pivot nothing goes to standard output");
    let pivot: BTreeMap<Key, usize> = parse_pivot(&std::fs::read_to_string(&pivot_file).unwrap())
        .into_iter()
        .collect();
    assert_eq!(pivot, count_claims(&claims));

    let html = std::fs::read_to_string(&report).unwrap();
    let cells = matrix_cells(&html);
    assert_eq!(cells, expected_cells(&pivot));
    for party in ["USA", "IND", "PAK"] {
        assert!(html.contains(&format!("<tr data-holder=\"{party}\">")), "row {party}");
        assert!(
            html.contains(&format!("<th scope=\"col\" data-target=\"{party}\">")),
            "column {party}"
        );
    }
    // Each cell links to the list of its sentences, which holds one row per claim (the
    // seed's cells hold fewer than the report's cap of 10).
    for ((h, t), (counts, shown)) in matrix(&html) {
        let id = attr(&shown, "href").unwrap().trim_start_matches('#').to_owned();
        let start = html.find(&format!("<section class=\"claims\" id=\"{id}\"")).unwrap();
        let section = &html[start..start + html[start..].find("</section>").unwrap()];
        let listed = section.matches("<tr><td>").count();
        assert_eq!(listed, counts.iter().sum::<usize>(), "sentences listed for {h} -> {t}");
    }
    // The dispute the article leads with: New Delhi disputed U.S. claims.
    assert!(cells[&("IND".to_owned(), "USA".to_owned())][1] >= 1);
    assert!(html.contains("New Delhi publicly <mark>disputed</mark> some U.S. claims"));
}

#[test]
fn excel_input_and_output_use_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let text = std::fs::read_to_string(&claims).unwrap();
    let excel_claims = dir.path().join("excel.csv");
    std::fs::write(&excel_claims, format!("\u{FEFF}{}", text.replace('\n', "\r\n"))).unwrap();

    let plain = stancer(&["summary", claims.to_str().unwrap()]);
    let excel = stancer(&["summary", "--excel", excel_claims.to_str().unwrap()]);
    assert!(excel.status.success(), "{}", stderr(&excel));
    let bytes = excel.stdout.clone();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFholder,target,label,count\r\n"));
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(lf, crlf, "every line ends in CRLF");
    let back = String::from_utf8(bytes[3..].to_vec()).unwrap().replace("\r\n", "\n");
    assert_eq!(back, stdout(&plain));
}

#[test]
fn broken_row_is_reported_with_file_and_line_and_the_rest_counted() {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims.csv");
    std::fs::write(
        &claims,
        "doc_id,sentence_id,holder,label,target,cue,rule,holder_text,target_text,start,end,sentence\n\
         d1,1,IND,dispute,PAK,rejected,r,India,Pakistan,0,30,India rejected Pakistan's claim.\n\
         d1,2,IND,scolded,PAK,scolded,r,India,Pakistan,31,60,India scolded Pakistan.\n\
         d1,3,PAK\n\
         d2,1,IND,dispute,PAK,denied,r,India,Pakistan,0,25,India denied Pakistan's claim.\n",
    )
    .unwrap();
    let out = stancer_in(dir.path(), &["summary", "claims.csv"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("claims.csv:3: unknown label \"scolded\""), "{err}");
    assert!(err.contains("claims.csv:4: 3 fields where the header has 12"), "{err}");
    assert!(err.contains("2 skipped"), "{err}");
    assert_eq!(
        parse_pivot(&stdout(&out)),
        [(("IND".into(), "PAK".into(), "dispute".into()), 2)]
    );
}

#[test]
fn missing_column_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), "doc_id,holder,label\nd,IND,support\n").unwrap();
    let out = stancer_in(dir.path(), &["summary", "x.csv"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("x.csv:1: missing column(s) sentence_id, target, cue, sentence"),
        "{}",
        stderr(&out)
    );
    let out = stancer_in(dir.path(), &["summary", "nothing-here.csv"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nothing-here.csv"), "{}", stderr(&out));
}

#[test]
fn no_top_parties_or_an_unknown_period_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let claims = claims.to_str().unwrap();
    for (option, value, said) in [("--top", "0", "--top"), ("--period", "fortnight", "unknown period")] {
        let out = stancer_in(
            dir.path(),
            &["summary", claims, option, value, "-o", "report.html"],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{option} {value}");
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
        assert!(!dir.path().join("report.html").exists());
    }
}

#[test]
fn html_report_is_not_written_when_the_input_is_unusable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), "a,b\n1,2\n").unwrap();
    let out = stancer_in(dir.path(), &["summary", "x.csv", "-o", "report.html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("report.html").exists());
}

/// The seed's claims with a date column after doc_id, as label writes for dated input:
/// the first five in May 2025, the rest in June. Returns the dated file and, per month,
/// its claims per label.
fn dated_seed_claims(dir: &Path, claims: &Path) -> (PathBuf, BTreeMap<String, [usize; 3]>) {
    let mut reader = csv::Reader::from_path(claims).unwrap();
    let header = reader.headers().unwrap().clone();
    let label_col = header.iter().position(|h| h == "label").unwrap();
    let dated = dir.join("dated.csv");
    let mut writer = csv::Writer::from_path(&dated).unwrap();
    let mut new_header: Vec<&str> = header.iter().collect();
    new_header.insert(1, "date");
    writer.write_record(&new_header).unwrap();
    let mut months: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let date = if i < 5 { "2025-05-10" } else { "2025-06-02" };
        months.entry(date[..7].to_owned()).or_default()[label_rank(&record[label_col])] += 1;
        let mut fields: Vec<&str> = record.iter().collect();
        fields.insert(1, date);
        writer.write_record(&fields).unwrap();
    }
    writer.flush().unwrap();
    (dated, months)
}

#[test]
fn date_column_adds_claims_per_month() {
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let (dated, months) = dated_seed_claims(dir.path(), &claims);

    let report = dir.path().join("report.html");
    let out = stancer(&["summary", dated.to_str().unwrap(), "-o", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<section id=\"time\">"));
    let got: BTreeMap<String, [usize; 3]> = tags(&html, "<tr class=\"period\"")
        .into_iter()
        .map(|tag| {
            let n = |label: &str| attr(tag, &format!("data-{label}")).unwrap().parse().unwrap();
            (
                attr(tag, "data-period").unwrap().to_owned(),
                [n("support"), n("dispute"), n("praise")],
            )
        })
        .collect();
    assert_eq!(got, months);
    // The pivot does not change with dates.
    assert_eq!(
        parse_pivot(&stdout(&out)).into_iter().collect::<BTreeMap<_, _>>(),
        count_claims(&claims)
    );

    // Without dates, no time table.
    let plain_report = dir.path().join("plain.html");
    let out = stancer(&[
        "summary",
        claims.to_str().unwrap(),
        "-o",
        plain_report.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(!std::fs::read_to_string(&plain_report).unwrap().contains("id=\"time\""));
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs headless Chromium in a 1400 x 1000 window with `args` after the common flags.
fn chromium(args: &[&str]) -> std::process::Output {
    chromium_in("1400,1000", args)
}

/// Runs headless Chromium in a window of `size` (`1400,1800`) with `args` after the
/// common flags, with its own profile folder, and gives up after a minute.
fn chromium_in(size: &str, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let user_data = format!("--user-data-dir={}", profile.path().display());
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &user_data,
            // The page's console on standard error, so that a script error shows.
            "--enable-logging=stderr",
            "--v=0",
            &format!("--window-size={size}"),
        ])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Read the pipes on threads so a large DOM cannot fill them and stall Chromium.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut buf).map(|_| buf)
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut buf).map(|_| buf)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    std::process::Output {
        status,
        stdout: out_thread.join().unwrap().unwrap_or_default(),
        stderr: err_thread.join().unwrap().unwrap_or_default(),
    }
}

#[test]
fn report_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: chromium not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let report = dir.path().join("report.html");
    let out = stancer(&["summary", claims.to_str().unwrap(), "-o", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let url = format!("file://{}", report.display());
    let expected = expected_cells(&count_claims(&claims));

    // The DOM as Chromium parsed it holds the same cells, with the numbers shown in them.
    let dom = chromium(&["--dump-dom", &url]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert_eq!(matrix_cells(&dom), expected, "cells in the rendered DOM");
    for ((h, t), ([s, d, p], shown)) in matrix(&dom) {
        let text = shown.trim_end_matches("</a>");
        assert!(
            text.ends_with(&format!("{s}\u{b7}{d}\u{b7}{p}")),
            "{h} -> {t} shows {shown}"
        );
    }

    let png = dir.path().join("report.png");
    let shot = chromium(&[&format!("--screenshot={}", png.display()), &url]);
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    // 1400 x 1000, from the IHDR chunk.
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    assert_eq!((be(16), be(20)), (1400, 1000));
    assert!(
        bytes.len() > 20_000,
        "a blank page compresses to far less ({} bytes)",
        bytes.len()
    );
}

/// One claim of a claims CSV, read without stancer's code.
struct Claim {
    holder: String,
    target: String,
    label: usize,
    month: String,
}

fn read_claim_rows(path: &Path) -> Vec<Claim> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (h, t, l, d) = (
        col("holder").unwrap(),
        col("target").unwrap(),
        col("label").unwrap(),
        col("date"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Claim {
                holder: r[h].to_owned(),
                target: r[t].to_owned(),
                label: label_rank(&r[l]),
                month: d.map_or(String::new(), |d| r[d].chars().take(7).collect()),
            }
        })
        .collect()
}

/// The `n` parties in most claims, as holder or target, ties by name: the report's top.
fn top_parties(claims: &[Claim], n: usize) -> Vec<String> {
    let mut activity: BTreeMap<&str, usize> = BTreeMap::new();
    for c in claims {
        *activity.entry(&c.holder).or_default() += 1;
        if !c.target.is_empty() {
            *activity.entry(&c.target).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = activity.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.into_iter().take(n).map(|(p, _)| p.to_owned()).collect()
}

/// What the overview shows: nodes (claims made, received), visible edges, the totals,
/// the claims shown, and the chart of all claims per period index.
#[derive(Debug, Default, PartialEq)]
struct Drawing {
    nodes: BTreeMap<String, (usize, usize)>,
    edges: BTreeMap<(String, String), [usize; 3]>,
    totals: [usize; 3],
    shown: usize,
    periods: Vec<[usize; 3]>,
}

/// The drawing the claims `keep` accepts should give, with `top` as the nodes and
/// `months` as the chart's periods.
fn expected_drawing(claims: &[Claim], top: &[String], months: &[String], keep: impl Fn(&Claim) -> bool) -> Drawing {
    let mut d = Drawing {
        periods: vec![[0; 3]; months.len()],
        ..Drawing::default()
    };
    for p in top {
        d.nodes.insert(p.clone(), (0, 0));
    }
    for c in claims.iter().filter(|c| keep(c)) {
        d.totals[c.label] += 1;
        d.shown += 1;
        if let Some(node) = d.nodes.get_mut(&c.holder) {
            node.0 += 1;
        }
        if let Some(node) = d.nodes.get_mut(&c.target) {
            node.1 += 1;
        }
        if top.contains(&c.holder) && top.contains(&c.target) {
            d.edges.entry((c.holder.clone(), c.target.clone())).or_default()[c.label] += 1;
        }
        if let Some(i) = months.iter().position(|m| *m == c.month) {
            d.periods[i][c.label] += 1;
        }
    }
    d
}

/// The drawing as the page (`dom`) shows it, read from its elements' attributes.
fn drawing(dom: &str) -> Drawing {
    let num = |tag: &str, name: &str| -> usize { attr(tag, name).unwrap().parse().unwrap() };
    let counts = |tag: &str| {
        [
            num(tag, "data-support"),
            num(tag, "data-dispute"),
            num(tag, "data-praise"),
        ]
    };
    let mut d = Drawing::default();
    // "node idle" after a filter leaves a party without claims; "nodes" is their group.
    for tag in tags(dom, "<g class=\"node")
        .into_iter()
        .filter(|t| !t.starts_with("<g class=\"nodes\""))
    {
        let party = attr(tag, "data-party").unwrap().to_owned();
        d.nodes
            .insert(party, (num(tag, "data-made"), num(tag, "data-received")));
    }
    for tag in tags(dom, "<path class=\"edge") {
        let c = counts(tag);
        if tag.contains("display: none") {
            assert_eq!(c, [0, 0, 0], "a hidden edge has no claims: {tag}");
            continue;
        }
        let key = (
            attr(tag, "data-holder").unwrap().to_owned(),
            attr(tag, "data-target").unwrap().to_owned(),
        );
        d.edges.insert(key, c);
    }
    for (i, label) in ["support", "dispute", "praise"].into_iter().enumerate() {
        let marker = format!("data-label=\"{label}\"><span class=\"count\">");
        let start = dom.find(&marker).unwrap() + marker.len();
        d.totals[i] = dom[start..start + dom[start..].find('<').unwrap()].parse().unwrap();
    }
    let start = dom.find("<b id=\"shown\">").unwrap() + "<b id=\"shown\">".len();
    d.shown = dom[start..start + dom[start..].find('<').unwrap()].parse().unwrap();
    if let Some(start) = dom.find("<svg class=\"bars\" data-chart=\"all\"") {
        let chart = &dom[start..start + dom[start..].find("</svg>").unwrap()];
        for tag in tags(chart, "<rect class=") {
            let (i, l) = (num(tag, "data-i"), num(tag, "data-l"));
            if d.periods.len() <= i {
                d.periods.resize(i + 1, [0; 3]);
            }
            d.periods[i][l] = num(tag, "data-n");
        }
    }
    d
}

fn dump_dom(url: &str) -> String {
    let dom = chromium(&["--dump-dom", url]);
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(dom.status.success(), "{log}");
    assert!(!log.contains("Uncaught"), "the page's script failed: {log}");
    String::from_utf8(dom.stdout).unwrap()
}

#[test]
fn network_time_chart_and_filters_agree_with_the_claims_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: chromium not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let claims = seed_claims(dir.path());
    let (dated, months) = dated_seed_claims(dir.path(), &claims);
    let months: Vec<String> = months.into_keys().collect();
    let rows = read_claim_rows(&dated);
    // Two of the seed's three parties (USA, IND, PAK), so that PAK is folded into "other".
    let top = top_parties(&rows, 2);
    assert_eq!(top.len(), 2);
    let report = dir.path().join("report.html");
    let out = stancer(&[
        "summary",
        dated.to_str().unwrap(),
        "--top",
        "2",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<th scope=\"row\">other</th>"), "some party is folded");

    let all = expected_drawing(&rows, &top, &months, |_| true);
    assert!(
        all.edges.len() >= 2,
        "the seed gives edges between top parties: {all:?}"
    );
    assert_eq!(drawing(&html), all, "as stancer wrote it");
    let url = format!("file://{}", report.display());
    assert_eq!(
        drawing(&dump_dom(&url)),
        all,
        "as the page's script recounts it unfiltered"
    );

    // A filter set by the query string, as the page writes it on a change: disputes and
    // praise involving the most active party, in June only.
    let party = &top[0];
    let filtered = dump_dom(&format!(
        "{url}?label=dispute,praise&party={party}&from=2025-06&to=2025-06"
    ));
    let want = expected_drawing(&rows, &top, &months, |c| {
        c.label > 0 && (c.holder == *party || c.target == *party) && c.month == "2025-06"
    });
    assert!(
        want.shown > 0 && want.shown < all.shown,
        "the filter keeps some claims: {want:?}"
    );
    assert_eq!(drawing(&filtered), want, "after the filter");
}

/// Labels `input` (with `args`) and writes its report with `summary_args`; returns the
/// claims and report paths.
fn corpus_report(dir: &Path, input: &Path, args: &[&str], summary_args: &[&str]) -> (PathBuf, PathBuf) {
    let claims = dir.join("claims.csv");
    let report = dir.join("report.html");
    let mut label = vec!["label", input.to_str().unwrap()];
    label.extend(args);
    label.extend(["-o", claims.to_str().unwrap()]);
    let out = stancer(&label);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut summary = vec!["summary", claims.to_str().unwrap(), "-o", report.to_str().unwrap()];
    summary.extend(summary_args);
    let out = stancer(&summary);
    assert!(out.status.success(), "{}", stderr(&out));
    (claims, report)
}

/// A screenshot of `report` in a window of 1400 x `height`, checked to be one; copied to
/// docs/`name` with STANCER_UPDATE_SCREENSHOT=1.
fn screenshot(report: &Path, height: u32, name: &str) {
    let png = report.with_extension("png");
    let shot = chromium_in(
        &format!("1400,{height}"),
        &[
            "--hide-scrollbars",
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", report.display()),
        ],
    );
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    assert_eq!((be(16), be(20)), (1400, height));
    assert!(
        bytes.len() > 50_000,
        "a drawn page, not a blank one ({} bytes)",
        bytes.len()
    );
    if std::env::var("STANCER_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        std::fs::copy(&png, common::root().join("docs").join(name)).unwrap();
    }
}

/// `../shared/<rel>` when it and Chromium are there; `None`, with a note, otherwise.
fn shared_with_chromium(rel: &str) -> Option<PathBuf> {
    let found = common::shared(rel).filter(|_| Path::new(CHROMIUM).exists());
    if found.is_none() {
        println!("skipped: ../shared/{rel} or chromium absent");
    }
    found
}

#[test]
fn fnc1_report_shows_the_top_parties_network_in_chromium() {
    let Some(bodies) = shared_with_chromium("corpora/fnc-1/train_bodies.csv") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (claims, report) = corpus_report(
        dir.path(),
        &bodies,
        &["--id-field", "Body ID", "--text-field", "articleBody"],
        &[],
    );
    let rows = read_claim_rows(&claims);
    let top = top_parties(&rows, 25);
    let want = expected_drawing(&rows, &top, &[], |_| true);
    assert!(want.edges.len() >= 10, "FNC-1 gives a network: {want:?}");
    let url = format!("file://{}", report.display());
    assert_eq!(drawing(&dump_dom(&url)), want);
    // Praise alone: most parties are left without a claim, their edges hidden.
    let praise = expected_drawing(&rows, &top, &[], |c| c.label == 2);
    assert!(praise.nodes.values().filter(|&&(m, r)| m + r == 0).count() > 5);
    assert_eq!(drawing(&dump_dom(&format!("{url}?label=praise"))), praise);
    // Two screens of 900 px: the totals, the network and the top matrix.
    screenshot(&report, 1800, "report.png");
}

#[test]
fn polnear_report_charts_claims_over_time_in_chromium() {
    let Some(articles) = shared_with_chromium("corpora/polnear/polnear-attributions.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (claims, report) = corpus_report(dir.path(), &articles, &[], &["--period", "month"]);
    let rows = read_claim_rows(&claims);
    let months: Vec<String> = {
        let mut m: Vec<String> = rows.iter().map(|c| c.month.clone()).filter(|m| m.len() == 7).collect();
        m.sort();
        m.dedup();
        m
    };
    assert!(months.len() >= 6, "PolNeAR spans months: {months:?}");
    let top = top_parties(&rows, 25);
    let url = format!("file://{}", report.display());
    assert_eq!(
        drawing(&dump_dom(&url)),
        expected_drawing(&rows, &top, &months, |_| true)
    );
    screenshot(&report, 1800, "report-dated.png");
}
