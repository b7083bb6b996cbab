//! The compiled rule pack: one scanner (an Aho-Corasick automaton) over every actor
//! alias, body, cue form, negator and speaker, and the tables that say what each
//! pattern means.

use super::{ActorAlias, CueRule, Party, RuleError, RulePack, Source};
use crate::matcher::scan::{Scanner, is_word_char, needs_word_start};
use std::collections::{HashMap, HashSet};

/// Index of a party in [`Lexicon::parties`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartyId(pub u16);

/// An alias with its party resolved to an index.
#[derive(Debug, Clone)]
pub struct CompiledAlias {
    pub party: PartyId,
    pub rule: ActorAlias,
    /// For a named person (people.csv) with a first name: the last word, by which a
    /// later mention in the same document may refer to them.
    pub surname: Option<String>,
}

/// What one automaton pattern stands for. Patterns are keyed by their lower-case text,
/// so one pattern may be an alias (checked for exact case) and a cue at once.
#[derive(Debug, Clone, Default)]
pub struct PatternMeaning {
    /// Indices into [`Lexicon::aliases`]; the match must equal the alias text exactly.
    pub aliases: Vec<u32>,
    pub body: Option<u32>,
    pub cue: Option<u32>,
    /// Templates (cue indices) whose forms begin with this pattern, earliest row first.
    pub templates: Vec<u32>,
    pub negator: Option<u32>,
    pub speaker: Option<u32>,
    /// Whether the match must start (end) a word, so that "India" is not found in
    /// "Indiana": true when the pattern begins (ends) with a letter or digit, but for a
    /// clitic ("n't"), which attaches to the word before it.
    pub starts_word: bool,
    pub ends_word: bool,
}

pub struct Lexicon {
    pub scanner: Scanner,
    /// For each cue row that is a template, its forms and their largest number of words.
    template_forms: Vec<Option<(HashSet<String>, usize)>>,
    /// The pattern texts, by pattern id.
    pub patterns: Vec<String>,
    pub meanings: Vec<PatternMeaning>,
    pub aliases: Vec<CompiledAlias>,
    /// Where the aliases of people introduced in a document start in `aliases`: one a
    /// party, in party order, after the rule pack's.
    first_introduced: u32,
    /// The rule pack compiled: parties, cues, bodies, negators, speakers, segmenter.
    pub pack: RulePack,
    /// Rows that can never take effect, found while compiling.
    pub warnings: Vec<RuleError>,
    /// Lower-case words that may stand between a holder and its verb: verbgroup.csv and
    /// every word of bodies.csv ("China's top diplomat Wang Yi said").
    pub gap_words: HashSet<String>,
    /// Lower-case words of bodies.csv ("minister", "ministry").
    pub body_words: HashSet<String>,
    /// Lower-case words that end a holder's noun phrase (verbgroup.csv, kind stop).
    pub phrase_ends: HashSet<String>,
    party_index: HashMap<String, PartyId>,
}

impl Lexicon {
    pub fn compile(pack: &RulePack) -> Result<Lexicon, RuleError> {
        Lexicon::from_pack(pack.clone())
    }

    /// Compiles `pack` and keeps it, without a copy.
    pub fn from_pack(pack: RulePack) -> Result<Lexicon, RuleError> {
        let party_index: HashMap<String, PartyId> = pack
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), PartyId(i as u16)))
            .collect();
        // Sized up front: growing these by doubling copied megabytes at every start.
        let rows = pack.actors.len()
            + pack.bodies.len()
            + pack.cues.iter().map(|c| c.forms.len()).sum::<usize>()
            + pack.negators.len()
            + pack.speakers.len();
        let mut patterns: Vec<String> = Vec::with_capacity(rows);
        let mut meanings: Vec<PatternMeaning> = Vec::with_capacity(rows);
        let mut by_text: HashMap<String, usize> = HashMap::with_capacity(rows);
        let mut slot = |text: &str| -> usize {
            let key = text.to_ascii_lowercase();
            *by_text.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                meanings.push(PatternMeaning::default());
                patterns.len() - 1
            })
        };
        let mut slots: Vec<(usize, Meaning)> = Vec::with_capacity(rows);
        let mut aliases = Vec::with_capacity(pack.actors.len());
        for alias in &pack.actors {
            // Unknown parties were rejected at load time.
            let Some(&party) = party_index.get(&alias.party) else {
                continue;
            };
            slots.push((slot(&alias.alias), Meaning::Alias(aliases.len() as u32)));
            aliases.push(CompiledAlias {
                party,
                rule: alias.clone(),
                surname: surname_of(alias),
            });
        }
        // One alias a party, matched by no pattern, for the people a document introduces
        // with their office ("Indian army spokesman Colonel Sofiya Qureshi"): their later
        // mentions by name speak for that party (`matcher::find_mentions`).
        let first_introduced = aliases.len() as u32;
        for (i, p) in pack.parties.iter().enumerate() {
            aliases.push(CompiledAlias {
                party: PartyId(i as u16),
                rule: ActorAlias {
                    alias: String::new(),
                    party: p.id.clone(),
                    kind: "official".into(),
                    from: None,
                    to: None,
                    source: Source {
                        file: "introduced in the document".into(),
                        line: 0,
                    },
                },
                surname: None,
            });
        }
        for (i, body) in pack.bodies.iter().enumerate() {
            slots.push((slot(&body.text), Meaning::Body(i as u32)));
        }
        for (i, cue) in pack.cues.iter().enumerate() {
            if cue.anchors.is_empty() {
                for form in &cue.forms {
                    slots.push((slot(form), Meaning::Cue(i as u32)));
                }
            } else {
                for anchor in &cue.anchors {
                    slots.push((slot(anchor), Meaning::Template(i as u32)));
                }
            }
        }
        let template_forms = pack
            .cues
            .iter()
            .map(|cue| {
                (!cue.anchors.is_empty()).then(|| {
                    let most = cue.forms.iter().map(|f| f.split(' ').count()).max().unwrap_or(0);
                    (cue.forms.iter().cloned().collect(), most)
                })
            })
            .collect();
        for (i, n) in pack.negators.iter().enumerate() {
            slots.push((slot(&n.text), Meaning::Negator(i as u32)));
        }
        for (i, s) in pack.speakers.iter().enumerate() {
            slots.push((slot(&s.text), Meaning::Speaker(i as u32)));
        }
        for (id, meaning) in slots {
            let m = &mut meanings[id];
            match meaning {
                Meaning::Alias(i) => m.aliases.push(i),
                Meaning::Body(i) => {
                    m.body.get_or_insert(i);
                }
                Meaning::Cue(i) => {
                    m.cue.get_or_insert(i);
                }
                Meaning::Template(i) => m.templates.push(i),
                Meaning::Negator(i) => {
                    m.negator.get_or_insert(i);
                }
                Meaning::Speaker(i) => {
                    m.speaker.get_or_insert(i);
                }
            }
        }
        for (text, m) in patterns.iter().zip(&mut meanings) {
            m.starts_word = needs_word_start(text);
            m.ends_word = text.chars().next_back().is_some_and(is_word_char);
        }
        let warnings = shadowed_rows(&pack, &patterns, &meanings);
        let gap_words = pack
            .verb_group
            .iter()
            .chain(&pack.bodies)
            .flat_map(|t| t.text.split_whitespace().map(str::to_owned))
            .collect();
        let body_words = pack
            .bodies
            .iter()
            .flat_map(|t| t.text.split_whitespace().map(str::to_lowercase))
            .collect();
        let phrase_ends = pack.phrase_ends.iter().map(|t| t.text.clone()).collect();
        let scanner = Scanner::new(&patterns).map_err(|e| {
            RuleError::error(
                "rules",
                0,
                0,
                format!("the automaton of {} patterns cannot be built: {e}", patterns.len()),
            )
        })?;
        Ok(Lexicon {
            scanner,
            template_forms,
            patterns,
            meanings,
            aliases,
            first_introduced,
            pack,
            warnings,
            gap_words,
            body_words,
            phrase_ends,
            party_index,
        })
    }

    /// The longest form of one of `templates` that starts at byte `start` of `text` and
    /// ends on a word boundary: (cue index, end). Earlier rows win ties.
    pub fn template_match(&self, text: &str, start: usize, templates: &[u32]) -> Option<(u32, usize)> {
        let most = templates
            .iter()
            .filter_map(|&t| self.template_forms[t as usize].as_ref().map(|f| f.1))
            .max()?;
        // The words from `start`, lower-cased byte for byte, and where each may end.
        let mut candidate = String::new();
        let mut ends = Vec::new();
        for c in text[start..].chars() {
            if c == ' ' {
                ends.push(candidate.len());
                if ends.len() == most {
                    break;
                }
                candidate.push(' ');
            } else if is_word_char(c) || matches!(c, '\'' | '’' | '.' | '-') {
                candidate.push(c.to_ascii_lowercase());
            } else {
                break;
            }
        }
        if ends.len() < most {
            ends.push(candidate.len());
        }
        // A form ending in "." ("u.s.") keeps it; otherwise a sentence's full stop ends it.
        for &end in ends.iter().rev() {
            for &t in templates {
                let Some((forms, _)) = &self.template_forms[t as usize] else {
                    continue;
                };
                let words = &candidate[..end];
                if forms.contains(words) {
                    return Some((t, start + end));
                }
                if let Some(stem) = words.strip_suffix('.')
                    && forms.contains(stem)
                {
                    return Some((t, start + end - 1));
                }
            }
        }
        None
    }

    pub fn party(&self, id: PartyId) -> &Party {
        &self.pack.parties[id.0 as usize]
    }

    pub fn party_id(&self, id: &str) -> Option<PartyId> {
        self.party_index.get(id).copied()
    }

    pub fn cue(&self, index: u32) -> &CueRule {
        &self.pack.cues[index as usize]
    }

    /// Whether `word` is in the named list of wordlists.csv (lists are lower case); false
    /// when the pack has no such list.
    pub fn in_list(&self, list: &str, word: &str) -> bool {
        self.pack
            .lists
            .get(list)
            .is_some_and(|l| l.iter().any(|w| w.eq_ignore_ascii_case(word)))
    }

    pub fn alias(&self, index: u32) -> &CompiledAlias {
        &self.aliases[index as usize]
    }

    /// The alias that a person the document introduced as speaking for `party` carries.
    pub fn introduced_alias(&self, party: PartyId) -> u32 {
        self.first_introduced + u32::from(party.0)
    }

    /// Whether alias `index` is a person the document introduced, not a rule pack row.
    pub fn is_introduced(&self, index: u32) -> bool {
        index >= self.first_introduced
    }

    /// Every literal pattern the automaton holds, as `rules patterns` prints them:
    /// aliases in their exact case, everything else in lower case.
    pub fn pattern_listing(&self) -> Vec<(String, &'static str, Source)> {
        let mut out = Vec::new();
        for a in &self.aliases[..self.first_introduced as usize] {
            out.push((a.rule.alias.clone(), "actor", a.rule.source.clone()));
        }
        for b in &self.pack.bodies {
            out.push((b.text.clone(), "body", b.source.clone()));
        }
        for c in &self.pack.cues {
            for f in &c.forms {
                out.push((f.clone(), "cue", c.source.clone()));
            }
        }
        for n in &self.pack.negators {
            out.push((n.text.clone(), "negator", n.source.clone()));
        }
        for s in &self.pack.speakers {
            out.push((s.text.clone(), "speaker", s.source.clone()));
        }
        out
    }
}

/// A pattern matched case-insensitively has one meaning: a cue before a negator before a
/// speaker before a body. A row whose text another category already claims never takes
/// effect, which a rule author needs to know.
fn shadowed_rows(pack: &RulePack, patterns: &[String], meanings: &[PatternMeaning]) -> Vec<RuleError> {
    let mut out = Vec::new();
    for (text, m) in patterns.iter().zip(meanings) {
        let cue = m.cue.map(|i| &pack.cues[i as usize].source);
        let negator = m.negator.map(|i| &pack.negators[i as usize].source);
        let speaker = m.speaker.map(|i| &pack.speakers[i as usize].source);
        let body = m.body.map(|i| &pack.bodies[i as usize].source);
        let ranked = [("cue", cue), ("negator", negator), ("speaker", speaker), ("body", body)];
        let mut winner: Option<(&str, &Source)> = None;
        for (kind, source) in ranked {
            let Some(source) = source else { continue };
            match winner {
                None => winner = Some((kind, source)),
                Some((won_kind, won)) => out.push(RuleError::warning(
                    &source.file,
                    source.line,
                    1,
                    format!("{text:?} never matches as a {kind}: it is already a {won_kind} at {won}"),
                )),
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out
}

fn surname_of(alias: &ActorAlias) -> Option<String> {
    if !alias.source.file.ends_with("people.csv") {
        return None;
    }
    let surname = alias.alias.rsplit(' ').next().filter(|s| *s != alias.alias)?;
    (surname.chars().count() >= 3 && surname.starts_with(char::is_uppercase)).then(|| surname.to_owned())
}

enum Meaning {
    Alias(u32),
    Body(u32),
    Cue(u32),
    Template(u32),
    Negator(u32),
    Speaker(u32),
}
