//! The rule pack: loading and checking the rule files of a folder (or the built-in copy
//! of `rules/`), and compiling them into a [`Lexicon`] for the matcher.
//!
//! Every row keeps its file and line ([`Source`]) so that a claim can name the rule
//! behind it and an error the line to fix.

pub mod inflect;
pub mod lexicon;
mod table;
pub mod template;

pub use lexicon::Lexicon;

use crate::date::{DateRange, Day};
use crate::segment::Segmenter;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use table::Table;

/// Where a rule came from: `cues.csv:57`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file);
        write!(f, "{name}:{}", self.line)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem in a rule file, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {}: {message}", if *.severity == Severity::Error { "error" } else { "warning" })]
pub struct RuleError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub message: String,
}

impl RuleError {
    pub fn error(file: &str, line: u32, column: u32, message: String) -> RuleError {
        RuleError {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Error,
            message,
        }
    }

    pub fn warning(file: &str, line: u32, column: u32, message: String) -> RuleError {
        RuleError {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Warning,
            message,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Support,
    Dispute,
    Praise,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Support, Label::Dispute, Label::Praise];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Support => "support",
            Label::Dispute => "dispute",
            Label::Praise => "praise",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = String;
    fn from_str(s: &str) -> Result<Label, String> {
        match s {
            "support" => Ok(Label::Support),
            "dispute" => Ok(Label::Dispute),
            "praise" => Ok(Label::Praise),
            _ => Err(format!("unknown label {s:?} (expected support, dispute or praise)")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyKind {
    State,
    Observer,
    Org,
}

#[derive(Debug, Clone)]
pub struct Party {
    pub id: String,
    pub kind: PartyKind,
    pub name: String,
    pub source: Source,
}

/// One alias row of `actors.csv` or `people.csv`.
#[derive(Debug, Clone)]
pub struct ActorAlias {
    pub alias: String,
    pub party: String,
    /// `type` in actors.csv, `role` in people.csv.
    pub kind: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub source: Source,
}

impl ActorAlias {
    /// Whether the alias names its party at some time in `date`; with no date, always.
    pub fn active(&self, date: Option<DateRange>) -> bool {
        let Some(date) = date else { return true };
        self.from.is_none_or(|from| date.last >= from) && self.to.is_none_or(|to| date.first <= to)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A stance verb: holder on the subject side, target on the object side.
    Verb,
    /// A verb phrase, attributed like a verb.
    Phrase,
    /// A stance noun: holder from a possessive ("India's denial").
    Noun,
    /// A neutral speech verb whose content may carry a stance through a role word.
    Report,
    /// A word for a party's part in an outcome ("mediated"), read inside reported speech.
    Role,
    /// A word for a wrongful act ("violated", "sabotaging"), read inside reported speech:
    /// "India said Pakistan had violated the truce" accuses Pakistan (a dispute).
    Charge,
    /// A verb that names something as something ("called", "branded"): no label; what
    /// it calls a thing is a `judgment`.
    Call,
    /// An evaluation ("baseless", "illegal", "a success") that carries a stance when a
    /// call or report verb says it of something: "called the reports baseless", "said
    /// the claims were false".
    Judgment,
}

impl FromStr for CueKind {
    type Err = String;
    fn from_str(s: &str) -> Result<CueKind, String> {
        match s {
            "verb" => Ok(CueKind::Verb),
            "phrase" => Ok(CueKind::Phrase),
            "noun" => Ok(CueKind::Noun),
            "report" => Ok(CueKind::Report),
            "role" => Ok(CueKind::Role),
            "charge" => Ok(CueKind::Charge),
            "call" => Ok(CueKind::Call),
            "judgment" => Ok(CueKind::Judgment),
            _ => Err(format!(
                "unknown kind {s:?} (expected verb, phrase, noun, report, role, charge, call or judgment)"
            )),
        }
    }
}

/// How a party named just before a stance noun is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    /// "India's denial": India holds the stance.
    Holder,
    /// "U.S. credit": the stance is about the U.S.
    Target,
    /// Verbs and phrases: "claimed credit" with no other object targets the holder.
    SelfTarget,
    /// Verbs and phrases that confirm a fact ("confirmed", "acknowledged"): a stance
    /// only when the object or content names a party, or the holder itself ("admitted
    /// its forces had ..."). Confirming a plain fact (a death, an arrest) is no claim.
    Fact,
    /// Verbs that confirm what is so ("confirmed", "corroborated"): a stance only when the
    /// object or content names a party. Unlike `fact`, a content about the holder's own
    /// doing is still a plain fact ("police confirmed they had a call").
    Plain,
}

#[derive(Debug, Clone)]
pub struct CueRule {
    pub cue: String,
    pub label: Option<Label>,
    pub kind: CueKind,
    /// Every surface form matched, lower case: the generated forms, or exactly the listed ones.
    pub forms: Vec<String>,
    pub modifier: Modifier,
    /// Where holder and target stand: always [`template::Shape::Forward`] for cues.csv
    /// rows; a template's slots may say otherwise.
    pub shape: template::Shape,
    /// For a template: what the automaton holds in place of `forms`, the first two words
    /// of each form ("expressed its"); the rest of a form is checked where one is found.
    /// Empty for cues.csv rows, whose forms the automaton holds whole.
    pub anchors: Vec<String>,
    pub source: Source,
}

/// A single-column rule row: a body word, a negator or a non-party speaker.
#[derive(Debug, Clone)]
pub struct Term {
    pub text: String,
    pub source: Source,
}

/// A reading of a cue that is not a stance: the cue with one of `before` just before it
/// ("air support") or one of `after` just after it ("claimed the lives", "backed away").
#[derive(Debug, Clone)]
pub struct Lookalike {
    /// The cue row's `cue` (its base form), lower case.
    pub cue: String,
    /// Single words, lower case.
    pub before: Vec<String>,
    /// Word sequences, lower case, each split into words.
    pub after: Vec<Vec<String>>,
    pub why: String,
    pub source: Source,
}

/// The rule files, loaded and checked, before compilation.
#[derive(Debug, Clone)]
pub struct RulePack {
    pub parties: Vec<Party>,
    pub actors: Vec<ActorAlias>,
    pub bodies: Vec<Term>,
    pub cues: Vec<CueRule>,
    pub negators: Vec<Term>,
    pub speakers: Vec<Term>,
    /// Words that may stand between a holder and its verb (verbgroup.csv, kind pass).
    pub verb_group: Vec<Term>,
    /// Words that end a holder's noun phrase (verbgroup.csv, kind stop).
    pub phrase_ends: Vec<Term>,
    pub lookalikes: Vec<Lookalike>,
    /// The named word lists (wordlists.csv), lower case: the templates' `@name`s, and
    /// the lists attribution reads by name (`statement_noun`).
    pub lists: HashMap<String, Vec<String>>,
    pub segmenter: Segmenter,
    /// Problems that do not make the pack unusable.
    pub warnings: Vec<RuleError>,
}

/// The files of a rule pack, in load order.
pub const RULE_FILES: [&str; 12] = [
    "parties.csv",
    "actors.csv",
    "people.csv",
    "bodies.csv",
    "cues.csv",
    "negators.csv",
    "speakers.csv",
    "verbgroup.csv",
    "lookalikes.csv",
    "wordlists.csv",
    "templates.csv",
    "abbreviations.csv",
];

/// Files added to the pack after its first release: a folder without them loads, with a
/// warning, as if they were empty.
const OPTIONAL_FILES: [&str; 4] = ["verbgroup.csv", "lookalikes.csv", "wordlists.csv", "templates.csv"];

const BUILTIN: [(&str, &str); 12] = [
    ("parties.csv", include_str!("../../rules/parties.csv")),
    ("actors.csv", include_str!("../../rules/actors.csv")),
    ("people.csv", include_str!("../../rules/people.csv")),
    ("bodies.csv", include_str!("../../rules/bodies.csv")),
    ("cues.csv", include_str!("../../rules/cues.csv")),
    ("negators.csv", include_str!("../../rules/negators.csv")),
    ("speakers.csv", include_str!("../../rules/speakers.csv")),
    ("verbgroup.csv", include_str!("../../rules/verbgroup.csv")),
    ("lookalikes.csv", include_str!("../../rules/lookalikes.csv")),
    ("wordlists.csv", include_str!("../../rules/wordlists.csv")),
    ("templates.csv", include_str!("../../rules/templates.csv")),
    ("abbreviations.csv", include_str!("../../rules/abbreviations.csv")),
];

impl RulePack {
    /// The `rules/` folder compiled into the binary, loaded by the same code path as `--rules`.
    pub fn builtin() -> Result<RulePack, Vec<RuleError>> {
        let files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), (*text).to_owned()))
            .collect();
        RulePack::from_files(&files)
    }

    /// Loads every file of [`RULE_FILES`] from `dir`.
    pub fn load_dir(dir: &Path) -> Result<RulePack, Vec<RuleError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for name in RULE_FILES {
            let path = dir.join(name);
            let shown = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push((shown, text)),
                    Err(e) => {
                        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                        let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                        errors.push(RuleError::error(
                            &shown,
                            line,
                            0,
                            "not UTF-8: save the file as UTF-8".into(),
                        ));
                    }
                },
                // A pack copied before these files existed still loads: from_files warns.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && OPTIONAL_FILES.contains(&name) => {}
                Err(e) => errors.push(RuleError::error(&shown, 0, 0, format!("cannot read: {e}"))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        RulePack::from_files(&files)
    }

    /// Loads a pack from `(file name, text)` pairs named after [`RULE_FILES`].
    pub fn from_files(files: &[(String, String)]) -> Result<RulePack, Vec<RuleError>> {
        let text_of = |name: &str| {
            files
                .iter()
                .find(|(path, _)| path.rsplit(['/', '\\']).next() == Some(name))
                .map(|(path, text)| (path.as_str(), text.as_str()))
        };
        let mut diags = Vec::new();
        let table = |name: &str, required: &[&str], diags: &mut Vec<RuleError>| match text_of(name) {
            Some((path, text)) => Table::parse(path, text, required, diags),
            None if OPTIONAL_FILES.contains(&name) => {
                diags.push(RuleError::warning(
                    name,
                    0,
                    0,
                    "not in this rule pack; copy it from the built-in rules/ to use it".into(),
                ));
                None
            }
            None => {
                diags.push(RuleError::error(name, 0, 0, "missing from the rule pack".into()));
                None
            }
        };
        let parties = table("parties.csv", &["id", "kind", "name"], &mut diags);
        let actors = table("actors.csv", &["alias", "party", "type", "from", "to"], &mut diags);
        let people = table("people.csv", &["alias", "party", "role", "from", "to"], &mut diags);
        let bodies = table("bodies.csv", &["body"], &mut diags);
        let cues = table("cues.csv", &["cue", "label", "kind", "forms", "modifier"], &mut diags);
        let negators = table("negators.csv", &["negator"], &mut diags);
        let speakers = table("speakers.csv", &["speaker"], &mut diags);
        let verb_group = table("verbgroup.csv", &["word"], &mut diags);
        let lookalikes = table("lookalikes.csv", &["cue", "before", "after", "why"], &mut diags);
        let wordlists = table("wordlists.csv", &["list", "words"], &mut diags);
        let templates = table("templates.csv", &["template", "label", "kind", "modifier"], &mut diags);

        let parties = parties.map(|t| load_parties(&t, &mut diags)).unwrap_or_default();
        let known: HashSet<&str> = parties.iter().map(|p| p.id.as_str()).collect();
        let mut aliases = Vec::new();
        if let Some(t) = &actors {
            load_aliases(t, "type", &known, &mut aliases, &mut diags);
        }
        if let Some(t) = &people {
            load_aliases(t, "role", &known, &mut aliases, &mut diags);
        }
        check_alias_overlaps(&aliases, &mut diags);
        let mut cues = cues.map(|t| load_cues(&t, &mut diags)).unwrap_or_default();
        let lists = wordlists.map(|t| load_wordlists(&t, &mut diags)).unwrap_or_default();
        let mut lookalikes_of_templates = Vec::new();
        if let Some(t) = &templates {
            load_templates(t, &lists, &mut cues, &mut lookalikes_of_templates, &mut diags);
        }
        let bodies = bodies.map(|t| load_terms(&t, "body", &mut diags)).unwrap_or_default();
        let negators = negators
            .map(|t| load_terms(&t, "negator", &mut diags))
            .unwrap_or_default();
        let speakers = speakers
            .map(|t| load_terms(&t, "speaker", &mut diags))
            .unwrap_or_default();
        let (verb_group, phrase_ends) = verb_group.map(|t| load_verb_group(&t, &mut diags)).unwrap_or_default();
        let mut lookalikes = lookalikes
            .map(|t| load_lookalikes(&t, &cues, &mut diags))
            .unwrap_or_default();
        lookalikes.extend(lookalikes_of_templates);

        let segmenter = match text_of("abbreviations.csv") {
            Some((path, text)) => match Segmenter::from_csv(text) {
                Ok(s) => Some(s),
                Err((line, message)) => {
                    diags.push(RuleError::error(path, line as u32, 0, message));
                    None
                }
            },
            None => {
                diags.push(RuleError::error(
                    "abbreviations.csv",
                    0,
                    0,
                    "missing from the rule pack".into(),
                ));
                None
            }
        };

        if diags.iter().any(|d| d.severity == Severity::Error) {
            return Err(diags);
        }
        let Some(segmenter) = segmenter else { return Err(diags) };
        Ok(RulePack {
            parties,
            actors: aliases,
            bodies,
            cues,
            negators,
            speakers,
            verb_group,
            phrase_ends,
            lookalikes,
            lists,
            segmenter,
            warnings: diags,
        })
    }

    /// Compiles the automaton and tables used to label documents.
    pub fn compile(&self) -> Result<Lexicon, RuleError> {
        Lexicon::compile(self)
    }
}

fn load_parties(table: &Table, diags: &mut Vec<RuleError>) -> Vec<Party> {
    let mut parties: Vec<Party> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in table.rows() {
        let id = row.get("id");
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            diags.push(row.error("id", format!("party id {id:?} must be capital letters and digits")));
            continue;
        }
        let kind = match row.get("kind") {
            "state" => PartyKind::State,
            "observer" => PartyKind::Observer,
            "org" => PartyKind::Org,
            other => {
                diags.push(row.error(
                    "kind",
                    format!("unknown kind {other:?} (expected state, observer or org)"),
                ));
                continue;
            }
        };
        if let Some(first) = seen.insert(id.to_owned(), row.line) {
            diags.push(row.error("id", format!("party {id} is already defined at line {first}")));
            continue;
        }
        parties.push(Party {
            id: id.to_owned(),
            kind,
            name: row.get("name").to_owned(),
            source: row.source(),
        });
    }
    parties
}

fn optional_day(row: &table::Row, column: &str, diags: &mut Vec<RuleError>) -> Result<Option<Day>, ()> {
    let text = row.get(column);
    if text.is_empty() {
        return Ok(None);
    }
    DateRange::parse_day(text)
        .map(Some)
        .map_err(|e| diags.push(row.error(column, e)))
}

fn load_aliases(
    table: &Table,
    kind_column: &str,
    known: &HashSet<&str>,
    out: &mut Vec<ActorAlias>,
    diags: &mut Vec<RuleError>,
) {
    let mut seen: HashMap<(&str, &str, &str, &str), u32> = HashMap::with_capacity(table.len());
    for row in table.rows() {
        let alias = row.get("alias");
        let party = row.get("party");
        if alias.is_empty() {
            diags.push(row.error("alias", "empty alias"));
            continue;
        }
        if alias.to_lowercase().starts_with("the ") {
            diags.push(row.warning(
                "alias",
                format!("alias {alias:?} starts with \"the\", which then must be present"),
            ));
        }
        if !known.contains(party) {
            let hint = closest(party, known.iter().copied())
                .map(|c| format!(" (did you mean {c}?)"))
                .unwrap_or_default();
            diags.push(row.error("party", format!("unknown party {party:?}{hint}")));
            continue;
        }
        let (Ok(from), Ok(to)) = (optional_day(&row, "from", diags), optional_day(&row, "to", diags)) else {
            continue;
        };
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            diags.push(row.error("to", format!("term ends ({t}) before it starts ({f})")));
            continue;
        }
        let key = (alias, party, row.get("from"), row.get("to"));
        if let Some(first) = seen.insert(key, row.line) {
            diags.push(row.warning("alias", format!("duplicate of line {first}")));
            continue;
        }
        out.push(ActorAlias {
            alias: alias.to_owned(),
            party: party.to_owned(),
            kind: row.get(kind_column).to_owned(),
            from,
            to,
            source: row.source(),
        });
    }
}

/// An alias that names two parties at the same time cannot be resolved.
fn check_alias_overlaps(aliases: &[ActorAlias], diags: &mut Vec<RuleError>) {
    let mut by_alias: HashMap<&str, Vec<&ActorAlias>> = HashMap::with_capacity(aliases.len());
    for a in aliases {
        by_alias.entry(a.alias.as_str()).or_default().push(a);
    }
    let mut names: Vec<&&str> = by_alias.keys().collect();
    names.sort();
    for name in names {
        let rows = &by_alias[*name];
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[..i] {
                // Open ends are -inf and +inf: None sorts first for `from`, and is handled for `to`.
                let latest_start = a.from.max(b.from);
                let earliest_end = match (a.to, b.to) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                let overlap = match (latest_start, earliest_end) {
                    (Some(start), Some(end)) => start <= end,
                    _ => true,
                };
                if a.party != b.party && overlap {
                    diags.push(RuleError::error(
                        &a.source.file,
                        a.source.line,
                        1,
                        format!(
                            "alias {name:?} names {} here and {} at {} in an overlapping period",
                            a.party, b.party, b.source
                        ),
                    ));
                }
            }
        }
    }
}

fn load_cues(table: &Table, diags: &mut Vec<RuleError>) -> Vec<CueRule> {
    let mut cues = Vec::new();
    let mut forms_seen: HashMap<String, Source> = HashMap::new();
    for row in table.rows() {
        let cue = row.get("cue").to_lowercase();
        if cue.is_empty() {
            diags.push(row.error("cue", "empty cue"));
            continue;
        }
        let kind = match row.get("kind").parse::<CueKind>() {
            Ok(k) => k,
            Err(e) => {
                diags.push(row.error("kind", e));
                continue;
            }
        };
        let label = match (row.get("label"), kind) {
            ("", CueKind::Report | CueKind::Role | CueKind::Charge | CueKind::Call) => None,
            ("", _) => {
                diags.push(row.error("label", "a stance cue needs a label (support, dispute or praise)"));
                continue;
            }
            (_, CueKind::Report | CueKind::Role | CueKind::Charge | CueKind::Call) => {
                diags.push(row.error(
                    "label",
                    "report, role, charge and call words carry no label of their own: leave it empty",
                ));
                continue;
            }
            (text, _) => match text.parse::<Label>() {
                Ok(l) => Some(l),
                Err(e) => {
                    diags.push(row.error("label", e));
                    continue;
                }
            },
        };
        let modifier = match (row.get("modifier"), kind) {
            ("" | "holder", _) => Modifier::Holder,
            ("target", CueKind::Noun) => Modifier::Target,
            ("target", _) => {
                diags.push(row.error("modifier", "modifier target is for nouns only"));
                continue;
            }
            ("self", CueKind::Verb | CueKind::Phrase) => Modifier::SelfTarget,
            ("fact", CueKind::Verb | CueKind::Phrase) => Modifier::Fact,
            ("plain", CueKind::Verb | CueKind::Phrase) => Modifier::Plain,
            ("fact", _) => {
                diags.push(row.error("modifier", "modifier fact is for verbs and phrases only"));
                continue;
            }
            ("self", _) => {
                diags.push(row.error("modifier", "modifier self is for verbs and phrases only"));
                continue;
            }
            (other, _) => {
                diags.push(row.error(
                    "modifier",
                    format!("unknown modifier {other:?} (expected holder, target, self, fact or plain)"),
                ));
                continue;
            }
        };
        let listed = row.get("forms");
        let forms: Vec<String> = if listed.is_empty() {
            match kind {
                CueKind::Noun => inflect::noun_forms(&cue),
                // An evaluation is matched as written: "baseless", "a provocation".
                CueKind::Judgment => vec![cue.clone()],
                _ => inflect::verb_forms(&cue),
            }
        } else {
            let mut forms: Vec<String> = Vec::new();
            for f in listed.split('|').map(|f| f.trim().to_lowercase()) {
                if f.is_empty() {
                    diags.push(row.error("forms", "empty form between \"|\" separators"));
                } else if !forms.contains(&f) {
                    forms.push(f);
                }
            }
            forms
        };
        for form in &forms {
            if let Some(first) = forms_seen.get(form) {
                diags.push(row.error("forms", format!("form {form:?} is already a cue at {first}")));
            }
        }
        for form in &forms {
            forms_seen.entry(form.clone()).or_insert_with(|| row.source());
        }
        cues.push(CueRule {
            cue,
            label,
            kind,
            forms,
            modifier,
            shape: template::Shape::Forward,
            anchors: Vec::new(),
            source: row.source(),
        });
    }
    cues
}

fn load_wordlists(table: &Table, diags: &mut Vec<RuleError>) -> HashMap<String, Vec<String>> {
    let mut lists: HashMap<String, Vec<String>> = HashMap::new();
    let mut first: HashMap<String, Source> = HashMap::new();
    for row in table.rows() {
        let name = row.get("list").trim().trim_start_matches('@').to_lowercase();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') {
            diags.push(row.error("list", format!("{name:?}: a list name is letters, digits, _ or -")));
            continue;
        }
        if let Some(at) = first.get(&name) {
            diags.push(row.error("list", format!("list @{name} is already defined at {at}")));
            continue;
        }
        let words: Vec<String> = row
            .get("words")
            .split('|')
            .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            diags.push(row.error("words", format!("list @{name} has no words")));
            continue;
        }
        first.insert(name.clone(), row.source());
        lists.insert(name, words);
    }
    lists
}

/// Templates become cue rows whose forms are their expansion. A form that an earlier
/// row already matches is left to that row, and said: the template is partly (or, with
/// every form taken, wholly) shadowed.
fn load_templates(
    table: &Table,
    lists: &HashMap<String, Vec<String>>,
    cues: &mut Vec<CueRule>,
    lookalikes: &mut Vec<Lookalike>,
    diags: &mut Vec<RuleError>,
) {
    let mut taken: HashMap<String, Source> = HashMap::new();
    for cue in cues.iter() {
        for form in &cue.forms {
            taken.entry(form.clone()).or_insert_with(|| cue.source.clone());
        }
    }
    for row in table.rows() {
        let text = row.get("template").split_whitespace().collect::<Vec<_>>().join(" ");
        let label = match row.get("label").parse::<Label>() {
            Ok(l) => l,
            Err(e) => {
                diags.push(row.error("label", e));
                continue;
            }
        };
        let kind = match row.get("kind") {
            "" | "phrase" => CueKind::Phrase,
            "noun" => CueKind::Noun,
            other => {
                diags.push(row.error("kind", format!("unknown kind {other:?} (expected phrase or noun)")));
                continue;
            }
        };
        let modifier = match (row.get("modifier"), kind) {
            ("", _) | ("holder", CueKind::Noun) => Modifier::Holder,
            ("target", CueKind::Noun) => Modifier::Target,
            ("self", CueKind::Phrase) => Modifier::SelfTarget,
            ("fact", CueKind::Phrase) => Modifier::Fact,
            ("plain", CueKind::Phrase) => Modifier::Plain,
            (other, _) => {
                diags.push(row.error(
                    "modifier",
                    format!("modifier {other:?} does not go with kind {}", row.get("kind")),
                ));
                continue;
            }
        };
        let expanded = match template::expand(&text, lists) {
            Ok(e) => e,
            Err(e) => {
                diags.push(row.error("template", e));
                continue;
            }
        };
        if kind == CueKind::Noun && expanded.shape != template::Shape::Forward {
            diags.push(row.error(
                "template",
                "a noun template takes its holder from a possessive: slots other than {holder} first and {target} last are for phrases",
            ));
            continue;
        }
        let total = expanded.forms.len();
        let mut shadowed: Vec<(String, Source)> = Vec::new();
        let forms: Vec<String> = expanded
            .forms
            .into_iter()
            .filter(|f| match taken.get(f) {
                Some(at) => {
                    shadowed.push((f.clone(), at.clone()));
                    false
                }
                None => true,
            })
            .collect();
        if let Some((form, at)) = shadowed.first() {
            let message = if forms.is_empty() {
                format!("never matches: every form is already a cue ({form:?} at {at})")
            } else {
                format!(
                    "{} of its {total} forms are already cues and match through them (first: {form:?} at {at})",
                    shadowed.len()
                )
            };
            diags.push(row.warning("template", message));
        }
        if forms.is_empty() {
            continue;
        }
        for form in &forms {
            taken.insert(form.clone(), row.source());
        }
        let Some((before, after)) = context_words(&row, "unless_before", "unless_after", diags) else {
            continue;
        };
        let cue = text.to_lowercase();
        if !before.is_empty() || !after.is_empty() {
            lookalikes.push(Lookalike {
                cue: cue.clone(),
                before,
                after,
                why: row.get("why").trim().to_owned(),
                source: row.source(),
            });
        }
        let anchors = template::anchors(&forms);
        cues.push(CueRule {
            cue,
            label: Some(label),
            kind,
            forms,
            modifier,
            shape: expanded.shape,
            anchors,
            source: row.source(),
        });
    }
}

fn load_terms(table: &Table, column: &str, diags: &mut Vec<RuleError>) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in table.rows() {
        let text = row.get(column).to_lowercase();
        if text.is_empty() {
            diags.push(row.error(column, format!("empty {column}")));
            continue;
        }
        if let Some(first) = seen.insert(text.clone(), row.line) {
            diags.push(row.warning(column, format!("duplicate of line {first}")));
            continue;
        }
        terms.push(Term {
            text,
            source: row.source(),
        });
    }
    terms
}

/// verbgroup.csv: the `pass` words and the `stop` words (an empty kind is `pass`).
fn load_verb_group(table: &Table, diags: &mut Vec<RuleError>) -> (Vec<Term>, Vec<Term>) {
    let (mut pass, mut stop) = (Vec::new(), Vec::new());
    for term in load_terms(table, "word", diags) {
        let row = table.rows().find(|r| r.line == term.source.line);
        match row.as_ref().map_or("", |r| r.get("kind")) {
            "" | "pass" => pass.push(term),
            "stop" => stop.push(term),
            other => {
                if let Some(r) = row {
                    diags.push(r.error("kind", format!("unknown kind {other:?} (expected pass or stop)")));
                }
            }
        }
    }
    (pass, stop)
}

fn load_lookalikes(table: &Table, cues: &[CueRule], diags: &mut Vec<RuleError>) -> Vec<Lookalike> {
    let mut out = Vec::new();
    for row in table.rows() {
        let cue = row.get("cue").trim().to_lowercase();
        if !cues.iter().any(|c| c.cue == cue) {
            let hint = closest(&cue, cues.iter().map(|c| c.cue.as_str()))
                .map_or(String::new(), |c| format!(" (did you mean {c}?)"));
            diags.push(row.error("cue", format!("no cue row {cue:?} in cues.csv{hint}")));
            continue;
        }
        let Some((before, after)) = context_words(&row, "before", "after", diags) else {
            continue;
        };
        if before.is_empty() && after.is_empty() {
            diags.push(row.error("before", "give words before or after the cue, or both"));
            continue;
        }
        out.push(Lookalike {
            cue,
            before,
            after,
            why: row.get("why").trim().to_owned(),
            source: row.source(),
        });
    }
    out
}

/// The words that cancel a cue, as lookalikes.csv and templates.csv write them: single
/// words in column `before`, word sequences in column `after`. `None` (and an error)
/// when `before` holds more than one word.
fn context_words(
    row: &table::Row,
    before: &str,
    after: &str,
    diags: &mut Vec<RuleError>,
) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let words_before = bar_list(row.get(before));
    if let Some(w) = words_before.iter().find(|w| w.contains(' ')) {
        diags.push(row.error(before, format!("{w:?}: {before} takes single words")));
        return None;
    }
    let words_after = bar_list(row.get(after))
        .iter()
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .collect();
    Some((words_before, words_after))
}

/// The entries of a "|"-separated cell, lower case, empty ones left out.
fn bar_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The candidate within two edits of `word`, for "did you mean" hints.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_with(name: &str, text: &str) -> Result<RulePack, Vec<RuleError>> {
        let mut files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (format!("rules/{n}"), (*t).to_owned()))
            .collect();
        for f in &mut files {
            if f.0.ends_with(name) {
                f.1 = text.to_owned();
            }
        }
        RulePack::from_files(&files)
    }

    #[test]
    fn template_errors_name_the_row_and_shadowed_forms_are_warned() {
        let header = "template,label,kind,modifier,unless_before,unless_after,why\n";
        let msgs = messages(pack_with(
            "templates.csv",
            &format!("{header}{{holder}} voice+ @nolist support for,support,,,,,\n(take+took issue,dispute,,,,,\n"),
        ));
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("rules/templates.csv:2:1: error: no list @nolist")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("rules/templates.csv:3:1: error:") && m.contains("never closed"))
        );
        let pack = pack_with(
            "templates.csv",
            &format!("{header}rally+ behind,support,,,,,\nhurl+ abuse at,dispute,,,,,\n"),
        )
        .unwrap();
        let w: Vec<String> = pack.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            w.iter()
                .any(|m| m.contains("templates.csv:2") && m.contains("never matches")),
            "{w:?}"
        );
        let hurl = pack.cues.iter().find(|c| c.cue == "hurl+ abuse at").unwrap();
        assert_eq!(
            hurl.forms,
            ["hurl abuse at", "hurls abuse at", "hurled abuse at", "hurling abuse at"]
        );
        assert_eq!(hurl.source.to_string(), "templates.csv:3");
    }

    #[test]
    fn a_template_cancelled_by_its_context_is_a_lookalike() {
        let header = "template,label,kind,modifier,unless_before,unless_after,why\n";
        let pack = pack_with(
            "templates.csv",
            &format!("{header}hurl+ abuse at,dispute,,,fans,the referee,abuse of a referee is sport\n"),
        )
        .unwrap();
        let row = pack.lookalikes.iter().find(|l| l.cue == "hurl+ abuse at").unwrap();
        assert_eq!(row.before, ["fans"]);
        assert_eq!(row.after, [vec!["the".to_string(), "referee".to_string()]]);
    }

    #[test]
    fn builtin_pack_loads_without_errors() {
        let pack = RulePack::builtin().unwrap();
        assert!(pack.parties.len() > 200);
    }

    #[test]
    fn unknown_party_suggests_the_closest_id() {
        let errors = pack_with("actors.csv", "alias,party,type,from,to\nYankees,USAA,name,,\n").unwrap_err();
        let msg = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n");
        assert!(
            msg.contains("rules/actors.csv:2:2: error: unknown party \"USAA\" (did you mean USA?)"),
            "{msg}"
        );
    }

    #[test]
    fn reversed_term_is_an_error() {
        let errors = pack_with(
            "people.csv",
            "alias,party,role,from,to\nJohn Doe,USA,other,2020-01-01,2019-01-01\n",
        )
        .unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.line == 2 && e.message.contains("before it starts"))
        );
    }

    #[test]
    fn unknown_label_names_line_and_column() {
        let errors = pack_with("cues.csv", "cue,label,kind,forms,modifier\n# c\ndeny,disputed,verb,,\n").unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| (e.line, e.column) == (3, 2) && e.message.contains("unknown label")),
            "{errors:?}"
        );
    }

    #[test]
    fn alias_in_two_parties_at_once_is_an_error() {
        let text = "alias,party,role,from,to\nPat Doe,USA,other,2020-01-01,\nPat Doe,GBR,other,2021-01-01,2022-01-01\n";
        let errors = pack_with("people.csv", text).unwrap_err();
        assert!(
            errors.iter().any(|e| e.message.contains("overlapping period")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_speaker_that_is_also_a_cue_is_reported_as_never_matching() {
        let pack = pack_with("speakers.csv", "speaker\nanalysts\ndenied\n").unwrap();
        let lexicon = pack.compile().unwrap();
        let text: Vec<String> = lexicon.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            text.iter()
                .any(|w| w.starts_with("rules/speakers.csv:3:1: warning: \"denied\" never matches as a speaker")),
            "{text:?}"
        );
    }

    #[test]
    fn comment_and_blank_lines_keep_line_numbers() {
        let errors = pack_with("bodies.csv", "# a comment\nbody\n\n# another\n\nministry\n\n").unwrap_err_or_ok();
        assert!(errors.is_empty());
        let errors = pack_with(
            "cues.csv",
            "# c\ncue,label,kind,forms,modifier\n\n# c\nrebut,dispute,verb,,holder\nx,,verb,,\n",
        )
        .unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.line == 6 && e.message.contains("needs a label")),
            "{errors:?}"
        );
    }

    trait ErrOrOk {
        fn unwrap_err_or_ok(self) -> Vec<RuleError>;
    }

    impl ErrOrOk for Result<RulePack, Vec<RuleError>> {
        fn unwrap_err_or_ok(self) -> Vec<RuleError> {
            self.err().unwrap_or_default()
        }
    }

    fn messages(result: Result<RulePack, Vec<RuleError>>) -> Vec<String> {
        match result {
            Ok(pack) => pack.warnings.iter().map(|e| e.to_string()).collect(),
            Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn every_error_class_names_file_line_and_column() {
        let cases: [(&str, &str, &str); 9] = [
            (
                "actors.csv",
                "alias,party,type,from,to\n\"Unclosed,USA,name,,\n",
                "actors.csv:2:",
            ),
            (
                "actors.csv",
                "alias,party,type,from,to\n,USA,name,,\n",
                "actors.csv:2:1: error: empty alias",
            ),
            (
                "people.csv",
                "alias,party,role,from,to\nJo Doe,USA,other,2020-02-30,\n",
                "people.csv:2:4: error: invalid date",
            ),
            (
                "people.csv",
                "alias,party,role,from,to\nJo Doe,USA,other,2020,\n",
                "people.csv:2:4: error: invalid date",
            ),
            (
                "cues.csv",
                "cue,label,kind,forms,modifier\n,dispute,verb,,\n",
                "cues.csv:2:1: error: empty cue",
            ),
            (
                "cues.csv",
                "cue,label,kind,forms,modifier\nrebuff,dispute,adverb,,\n",
                "cues.csv:2:3: error: unknown kind",
            ),
            (
                "cues.csv",
                "cue,label,kind,forms,modifier\nrebuff,dispute,verb,,\nrebuff,dispute,verb,,\n",
                "cues.csv:3:4: error: form \"rebuff\" is already a cue at cues.csv:2",
            ),
            (
                "negators.csv",
                "negator\nnot\nnot\n",
                "negators.csv:3:1: warning: duplicate of line 2",
            ),
            (
                "parties.csv",
                "id,kind\nUSA,state\n",
                "parties.csv:1:0: error: header has no column \"name\"",
            ),
        ];
        for (file, text, expected) in cases {
            let got = messages(pack_with(file, text));
            assert!(
                got.iter().any(|m| m.contains(expected)),
                "{file}: expected {expected:?} in {got:?}"
            );
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("USAA", "USA"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
