//! Regular English inflection for cue rows whose `forms` column is empty, so that a rule
//! author writes "deny" once and the matcher finds "denies", "denied" and "denying".
//! Irregular and doubled forms ("took", "rebutted") are listed in the rule file instead.

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn ends_with_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

fn sibilant(word: &str) -> bool {
    ["s", "x", "z", "ch", "sh"].iter().any(|s| word.ends_with(s))
}

/// Third person singular and noun plural share the same spelling rule.
pub fn plural(word: &str) -> String {
    if sibilant(word) {
        format!("{word}es")
    } else if ends_with_consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

pub fn past(word: &str) -> String {
    if word.ends_with('e') {
        format!("{word}d")
    } else if ends_with_consonant_y(word) {
        format!("{}ied", &word[..word.len() - 1])
    } else {
        format!("{word}ed")
    }
}

pub fn gerund(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ie") {
        format!("{stem}ying")
    } else if word.ends_with('e') && !["ee", "ye", "oe"].iter().any(|s| word.ends_with(s)) {
        format!("{}ing", &word[..word.len() - 1])
    } else {
        format!("{word}ing")
    }
}

/// The base form and its regular inflections; for a phrase, the first word inflects.
///
/// ```
/// use stancer::rules::inflect::verb_forms;
/// assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
/// assert_eq!(verb_forms("cast doubt on")[2], "casted doubt on");
/// ```
pub fn verb_forms(cue: &str) -> Vec<String> {
    let (head, rest) = match cue.find(' ') {
        Some(i) => (&cue[..i], &cue[i..]),
        None => (cue, ""),
    };
    let mut forms = vec![cue.to_owned()];
    for form in [plural(head), past(head), gerund(head)] {
        let form = format!("{form}{rest}");
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// A noun and its plural; in "expression of gratitude" the head is the first word,
/// in "vote count" the last.
pub fn noun_forms(cue: &str) -> Vec<String> {
    let plural = match (cue.find(" of "), cue.rfind(' ')) {
        (Some(i), _) => format!("{}{}", plural(&cue[..i]), &cue[i..]),
        (None, Some(i)) => format!("{}{}", &cue[..=i], plural(&cue[i + 1..])),
        (None, None) => plural(cue),
    };
    vec![cue.to_owned(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_final_verbs_drop_e_before_ing() {
        assert_eq!(verb_forms("praise"), ["praise", "praises", "praised", "praising"]);
    }

    #[test]
    fn sibilant_verbs_take_es() {
        assert_eq!(verb_forms("dismiss")[1], "dismisses");
        assert_eq!(verb_forms("reach")[1], "reaches");
    }

    #[test]
    fn vowel_y_keeps_y() {
        assert_eq!(verb_forms("convey"), ["convey", "conveys", "conveyed", "conveying"]);
    }

    #[test]
    fn ee_final_keeps_e_before_ing() {
        assert_eq!(gerund("agree"), "agreeing");
        assert_eq!(gerund("tie"), "tying");
    }

    #[test]
    fn noun_plural_inflects_last_word() {
        assert_eq!(noun_forms("expression of gratitude")[1], "expressions of gratitude");
        assert_eq!(noun_forms("press statement")[1], "press statements");
        assert_eq!(noun_forms("denial"), ["denial", "denials"]);
        assert_eq!(noun_forms("policy")[1], "policies");
    }
}
