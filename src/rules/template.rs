//! Cue templates (templates.csv): one row stands for the many spellings of a multi-word
//! stance construction, "express+ @intensifier? (gratitude|thanks) to {target}", and
//! says where its holder and target stand. A template is expanded when the pack loads
//! into its literal forms; the automaton holds only their first two words (the
//! anchors), and where one is found the forms that begin there are looked up whole
//! ([`crate::rules::Lexicon::template_match`]), so that optional words multiply a set
//! of strings, not the automaton.
//!
//! The language, taught in rules/README.md:
//! - `word`: that word, any case.
//! - `verb+`: the verb and its regular forms; `take+took+taken` adds irregular ones.
//! - `(a|b c|d)`: one of the alternatives, each a sequence of words.
//! - `@name`: one of the words (or word sequences) of list `name` in wordlists.csv.
//! - `?` after a word, group or list: it may be left out.
//! - `{holder}` and `{target}`: where the parties stand (see [`Shape`]).

use std::collections::HashMap;

/// Where a template's parties stand relative to its words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Shape {
    /// The holder is the subject and the target the object, as for a verb:
    /// "{holder} voiced support for {target}". Also a template with no slots.
    #[default]
    Forward,
    /// The target is the subject and the holder the party right after the words:
    /// "{target} drew praise from {holder}".
    Reversed,
    /// The target stands between the words: "singled out {target} for praise". The
    /// automaton finds the words before the slot; these are the word sequences that
    /// must follow the target.
    TargetInside(Vec<Vec<String>>),
}

/// A template, parsed and expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expanded {
    /// The literal forms the template matches, lower case, in a stable order (the
    /// automaton holds their first two words, [`anchors`]).
    pub forms: Vec<String>,
    pub shape: Shape,
}

/// A template expands to at most this many forms: a row past it is almost always a
/// mistake (a list used where a word was meant), and its forms are all kept in memory.
pub const MAX_FORMS: usize = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Holder,
    Target,
}

#[derive(Debug, Clone)]
enum Element {
    Word(String),
    Verb(String, Vec<String>),
    Alternatives(Vec<Vec<Item>>),
    List(String),
    Slot(Slot),
}

#[derive(Debug, Clone)]
struct Item {
    element: Element,
    optional: bool,
}

/// Expands `template` with the named word lists `lists` (list name -> word sequences).
///
/// ```
/// use stancer::rules::template::{expand, Shape};
/// let lists = [("intensifier".to_string(), vec!["deep".to_string()])].into();
/// let t = expand("express+ @intensifier? (gratitude|thanks) to {target}", &lists).unwrap();
/// assert!(t.forms.contains(&"expressed deep gratitude to".to_string()));
/// assert_eq!(t.shape, Shape::Forward);
/// ```
pub fn expand(template: &str, lists: &HashMap<String, Vec<String>>) -> Result<Expanded, String> {
    let items = parse(template)?;
    let slots: Vec<(usize, Slot)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item.element {
            Element::Slot(s) => Some((i, s)),
            _ => None,
        })
        .collect();
    let last = items.len().saturating_sub(1);
    let (cue_items, shape_rest, shape): (&[Item], Option<&[Item]>, Shape) = match slots.as_slice() {
        [] => (&items[..], None, Shape::Forward),
        [(0, Slot::Holder)] => (&items[1..], None, Shape::Forward),
        [(i, Slot::Target)] if *i == last => (&items[..last], None, Shape::Forward),
        [(0, Slot::Holder), (i, Slot::Target)] if *i == last => (&items[1..last], None, Shape::Forward),
        [(0, Slot::Target)] => (&items[1..], None, Shape::Reversed),
        [(i, Slot::Holder)] if *i == last => (&items[..last], None, Shape::Reversed),
        [(0, Slot::Target), (i, Slot::Holder)] if *i == last => (&items[1..last], None, Shape::Reversed),
        [(i, Slot::Target)] => (&items[..*i], Some(&items[i + 1..]), Shape::Forward),
        [(0, Slot::Holder), (i, Slot::Target)] => (&items[1..*i], Some(&items[i + 1..]), Shape::Forward),
        _ => {
            return Err(
                "slots: {holder} goes first or last, {target} first, last or between words; \
                 at most one of each, and not both on the same side"
                    .into(),
            );
        }
    };
    if cue_items.is_empty() {
        return Err("no words besides the slots".into());
    }
    let forms = sequences(cue_items, lists)?;
    if forms.iter().any(Vec::is_empty) {
        return Err("every word can be left out: the template would match nothing".into());
    }
    for form in &forms {
        if let Some(w) = form.iter().find(|w| !w.chars().any(char::is_alphanumeric)) {
            return Err(format!(
                "{w:?} is a word of punctuation alone: text has no space before it, so it never matches"
            ));
        }
    }
    let shape = match shape_rest {
        None => shape,
        Some(rest) => {
            let mut rest = sequences(rest, lists)?;
            if rest.iter().any(Vec::is_empty) {
                return Err("the words after {target} can all be left out: put {target} last".into());
            }
            rest.sort();
            rest.dedup();
            Shape::TargetInside(rest)
        }
    };
    let mut seen = std::collections::HashSet::new();
    let forms: Vec<String> = forms
        .into_iter()
        .map(|f| f.join(" "))
        .filter(|f| seen.insert(f.clone()))
        .collect();
    Ok(Expanded { forms, shape })
}

/// The distinct first two words of `forms` (the whole form when it has one word), in
/// order: what the automaton looks for. Expanding every optional intensifier and
/// possessive into the automaton made its start-up four times as slow.
pub fn anchors(forms: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    forms
        .iter()
        .map(|f| {
            let end = f.match_indices(' ').nth(1).map_or(f.len(), |(i, _)| i);
            f[..end].to_owned()
        })
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

fn parse(template: &str) -> Result<Vec<Item>, String> {
    let mut chars = template.chars().peekable();
    let items = parse_sequence(&mut chars, false)?;
    if items.is_empty() {
        return Err("empty template".into());
    }
    Ok(items)
}

fn parse_sequence(chars: &mut std::iter::Peekable<std::str::Chars>, in_group: bool) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let element = match chars.peek().copied() {
            None if in_group => return Err("\"(\" is never closed".into()),
            None => return Ok(items),
            Some(')' | '|') if in_group => return Ok(items),
            Some(')') => return Err("\")\" closes nothing".into()),
            Some('|') => return Err("\"|\" outside parentheses: write (a|b)".into()),
            Some('?') => return Err("\"?\" must follow a word, a group or a list".into()),
            Some('(') => {
                chars.next();
                let mut alternatives = Vec::new();
                loop {
                    let alternative = parse_sequence(chars, true)?;
                    if alternative.is_empty() {
                        return Err("an empty alternative in ( ): mark the group optional with ? instead".into());
                    }
                    if alternative.iter().any(|i| matches!(i.element, Element::Slot(_))) {
                        return Err("a slot cannot stand inside ( )".into());
                    }
                    alternatives.push(alternative);
                    match chars.next() {
                        Some('|') => continue,
                        Some(')') => break,
                        _ => return Err("\"(\" is never closed".into()),
                    }
                }
                Element::Alternatives(alternatives)
            }
            Some('{') => {
                chars.next();
                let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                match name.trim() {
                    "holder" => Element::Slot(Slot::Holder),
                    "target" => Element::Slot(Slot::Target),
                    other => return Err(format!("unknown slot {{{other}}} (expected {{holder}} or {{target}})")),
                }
            }
            Some('@') => {
                chars.next();
                let name = word(chars);
                if name.is_empty() {
                    return Err("\"@\" must be followed by a list name".into());
                }
                Element::List(name)
            }
            Some(_) => {
                let w = word(chars).to_lowercase();
                match w.split_once('+') {
                    Some((lemma, extra)) if !lemma.is_empty() => Element::Verb(
                        lemma.to_owned(),
                        extra.split('+').filter(|f| !f.is_empty()).map(str::to_owned).collect(),
                    ),
                    _ => Element::Word(w),
                }
            }
        };
        let optional = chars.next_if_eq(&'?').is_some();
        if optional && matches!(element, Element::Slot(_)) {
            return Err("a slot cannot be optional".into());
        }
        items.push(Item { element, optional });
    }
}

fn word(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let mut w = String::new();
    while let Some(c) = chars.next_if(|c| !c.is_whitespace() && !"()|?{}@".contains(*c)) {
        w.push(c);
    }
    w
}

/// Every word sequence `items` stands for, in template order.
fn sequences(items: &[Item], lists: &HashMap<String, Vec<String>>) -> Result<Vec<Vec<String>>, String> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for item in items {
        let mut choices: Vec<Vec<String>> = match &item.element {
            Element::Word(w) => vec![vec![w.clone()]],
            Element::Verb(lemma, extra) => super::inflect::verb_forms(lemma)
                .into_iter()
                .chain(extra.iter().cloned())
                .map(|f| vec![f])
                .collect(),
            Element::Alternatives(alternatives) => {
                let mut all = Vec::new();
                for a in alternatives {
                    all.extend(sequences(a, lists)?);
                }
                all
            }
            Element::List(name) => match lists.get(name) {
                Some(words) if !words.is_empty() => words
                    .iter()
                    .map(|w| w.split_whitespace().map(str::to_lowercase).collect())
                    .collect(),
                Some(_) => return Err(format!("list @{name} has no words")),
                None => {
                    let mut known: Vec<&String> = lists.keys().collect();
                    known.sort();
                    let known: Vec<String> = known.iter().map(|k| format!("@{k}")).collect();
                    return Err(format!(
                        "no list @{name} in wordlists.csv (lists: {})",
                        if known.is_empty() {
                            "none".into()
                        } else {
                            known.join(", ")
                        }
                    ));
                }
            },
            Element::Slot(_) => return Err("a slot can only be first, last, or between words".into()),
        };
        if item.optional {
            choices.push(Vec::new());
        }
        if out.len() * choices.len() > MAX_FORMS {
            return Err(format!(
                "expands to more than {MAX_FORMS} forms: split it into several rows"
            ));
        }
        out = out
            .iter()
            .flat_map(|prefix| {
                choices.iter().map(move |c| {
                    let mut s = prefix.clone();
                    s.extend(c.iter().cloned());
                    s
                })
            })
            .collect();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> HashMap<String, Vec<String>> {
        [
            ("poss".to_string(), vec!["its".to_string(), "their".to_string()]),
            (
                "intensifier".to_string(),
                vec!["deep".to_string(), "very deep".to_string()],
            ),
        ]
        .into()
    }

    #[test]
    fn verbs_lists_groups_and_optional_items_expand() {
        let t = expand("throw+threw+thrown @poss weight behind", &lists()).unwrap();
        assert_eq!(t.forms.len(), 6 * 2);
        assert!(t.forms.contains(&"threw their weight behind".to_string()));
        let t = expand("voice+ @intensifier? (support|backing) for", &lists()).unwrap();
        assert!(t.forms.contains(&"voiced very deep support for".to_string()));
        assert!(t.forms.contains(&"voicing backing for".to_string()));
        assert_eq!(t.forms.len(), 4 * 3 * 2);
    }

    #[test]
    fn slots_give_the_shape() {
        assert_eq!(
            expand("{holder} took issue with {target}", &lists()).unwrap().shape,
            Shape::Forward
        );
        assert_eq!(
            expand("{target} drew praise from {holder}", &lists()).unwrap().shape,
            Shape::Reversed
        );
        let t = expand("single+ out {target} for (praise|thanks)", &lists()).unwrap();
        assert_eq!(
            t.shape,
            Shape::TargetInside(vec![
                vec!["for".into(), "praise".into()],
                vec!["for".into(), "thanks".into()]
            ])
        );
        assert!(t.forms.contains(&"singled out".to_string()));
    }

    #[test]
    fn mistakes_are_explained() {
        let err = |t: &str| expand(t, &lists()).unwrap_err();
        assert!(err("(a|b").contains("never closed"));
        assert!(err("a) b").contains("closes nothing"));
        assert!(err("a | b").contains("outside parentheses"));
        assert!(err("@nope a").contains("no list @nope"));
        assert!(err("{holder} a {holder}").contains("slots"));
        assert!(err("a {holder} b").contains("slots"));
        assert!(err("a? b?").contains("match nothing"));
        assert!(err("said , {target}").contains("punctuation"));
        assert!(err("{source} a").contains("unknown slot"));
        assert!(err("{target}? a").contains("optional"));
        assert!(err("? a").contains("must follow"));
    }

    #[test]
    fn a_template_that_explodes_is_refused() {
        let many: HashMap<String, Vec<String>> =
            [("w".to_string(), (0..100).map(|i| format!("w{i}")).collect())].into();
        assert!(expand("@w @w a", &many).unwrap_err().contains("more than"));
    }
}
