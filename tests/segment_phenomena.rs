//! Sentence splitting on news phenomena, through the public API and the
//! built-in abbreviation rules: one test per phenomenon.

use stancer::segment::{Segmenter, fold_whitespace};

fn split(text: &str) -> Vec<String> {
    let seg = Segmenter::from_csv(include_str!("../rules/abbreviations.csv"))
        .unwrap_or_else(|(line, msg)| panic!("rules/abbreviations.csv:{line}: {msg}"));
    seg.sentence_spans(text)
        .into_iter()
        .map(|span| fold_whitespace(&text[span]))
        .collect()
}

#[test]
fn us_before_name_goes_on() {
    assert_eq!(
        split("I work for the U.S. Government in Virginia."),
        ["I work for the U.S. Government in Virginia."]
    );
}

#[test]
fn us_before_question_ends_sentence() {
    assert_eq!(
        split("I live in the U.S. How about you?"),
        ["I live in the U.S.", "How about you?"]
    );
}

#[test]
fn us_before_lowercase_goes_on() {
    assert_eq!(
        split("I have lived in the U.S. for 20 years."),
        ["I have lived in the U.S. for 20 years."]
    );
}

#[test]
fn titles_never_end_sentences() {
    assert_eq!(
        split("Secretary Rubio called Gen. Asim Munir and Lt. Col. Raza. Prof. Khan and Dr. Rao watched."),
        [
            "Secretary Rubio called Gen. Asim Munir and Lt. Col. Raza.",
            "Prof. Khan and Dr. Rao watched."
        ]
    );
}

#[test]
fn place_prefixes_never_end_sentences() {
    assert_eq!(
        split("I can see Mt. Fuji from St. Michael's Church."),
        ["I can see Mt. Fuji from St. Michael's Church."]
    );
}

#[test]
fn company_suffix_ends_sentence_before_pronoun() {
    assert_eq!(
        split("They closed the deal with Pitt, Briggs & Co. It closed yesterday."),
        ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]
    );
}

#[test]
fn company_suffix_goes_on_before_lowercase() {
    assert_eq!(
        split("Were Jane and co. at the party?"),
        ["Were Jane and co. at the party?"]
    );
}

#[test]
fn time_of_day_ends_sentence_late_but_not_early() {
    assert_eq!(
        split("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store."),
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store."
        ]
    );
}

#[test]
fn country_abbreviation_before_rank_goes_on() {
    assert_eq!(
        split("The bill was backed by U.S. Sen. Dianne Feinstein and U.S. Rep. Adam Schiff."),
        ["The bill was backed by U.S. Sen. Dianne Feinstein and U.S. Rep. Adam Schiff."]
    );
}

#[test]
fn time_of_day_before_weekday_goes_on() {
    assert_eq!(
        split("The vote is at 5 p.m. Monday in Islamabad."),
        ["The vote is at 5 p.m. Monday in Islamabad."]
    );
}

#[test]
fn exempli_gratia_goes_on() {
    assert_eq!(
        split("Some records, e.g. Cabinet minutes, are sealed."),
        ["Some records, e.g. Cabinet minutes, are sealed."]
    );
}

#[test]
fn number_and_page_abbreviations_before_digits() {
    assert_eq!(
        split("Please turn to p. 55. Resolution No. 5 passed on Jan. 12."),
        ["Please turn to p. 55.", "Resolution No. 5 passed on Jan. 12."]
    );
}

#[test]
fn initials_inside_names() {
    assert_eq!(
        split("My name is Jonas E. Smith. Did you see Albert I. Jones?"),
        ["My name is Jonas E. Smith.", "Did you see Albert I. Jones?"]
    );
}

#[test]
fn pronoun_i_at_sentence_end() {
    assert_eq!(
        split("We make a good team, you and I. Did you see him?"),
        ["We make a good team, you and I.", "Did you see him?"]
    );
}

#[test]
fn money_decimals_and_versions() {
    assert_eq!(
        split("She has $100.00. It is version 2.0.1 of the plan, worth €3.5bn."),
        ["She has $100.00.", "It is version 2.0.1 of the plan, worth €3.5bn."]
    );
}

#[test]
fn geo_coordinates() {
    assert_eq!(
        split("You can find it at N°. 1026.253.553. That is where the treasure is."),
        ["You can find it at N°. 1026.253.553.", "That is where the treasure is."]
    );
}

#[test]
fn ellipsis_inside_sentence() {
    assert_eq!(
        split(
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."
        ),
        ["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."]
    );
}

#[test]
fn ellipsis_at_sentence_end() {
    assert_eq!(
        split("I never meant that.... She left the store."),
        ["I never meant that....", "She left the store."]
    );
    assert_eq!(
        split("The talks stalled… Then Washington called."),
        ["The talks stalled…", "Then Washington called."]
    );
}

#[test]
fn ellipsis_at_end_of_quotation() {
    let text =
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”";
    assert_eq!(split(text), [text]);
}

#[test]
fn closing_quotes_and_brackets_stay_with_sentence() {
    assert_eq!(
        split("She said, \"This is great.\" She left. He said (as before.) that “it ended.” Then quiet."),
        [
            "She said, \"This is great.\"",
            "She left.",
            "He said (as before.) that “it ended.”",
            "Then quiet."
        ]
    );
}

#[test]
fn citation_markers_stay_with_first_sentence() {
    assert_eq!(
        split(
            "Rubio conducted calls with both capitals [1] [2] [3]. New Delhi publicly disputed some U.S. claims [4]."
        ),
        [
            "Rubio conducted calls with both capitals [1] [2] [3].",
            "New Delhi publicly disputed some U.S. claims [4]."
        ]
    );
    assert_eq!(
        split("The pause held. [3] [12] Islamabad welcomed it."),
        ["The pause held. [3] [12]", "Islamabad welcomed it."]
    );
}

#[test]
fn numbered_and_lettered_lists() {
    assert_eq!(
        split("1.) The first item. 2.) The second item."),
        ["1.) The first item.", "2.) The second item."]
    );
    assert_eq!(
        split("1) The first item 2) The second item"),
        ["1) The first item", "2) The second item"]
    );
    assert_eq!(
        split("a. The first item b. The second item c. The third list item"),
        ["a. The first item", "b. The second item", "c. The third list item"]
    );
}

#[test]
fn bullet_lists() {
    assert_eq!(
        split("• 9. The first item • 10. The second item"),
        ["• 9. The first item", "• 10. The second item"]
    );
    assert_eq!(
        split("Outcomes:\n- ceasefire held\n- talks resumed"),
        ["Outcomes:", "- ceasefire held", "- talks resumed"]
    );
}

#[test]
fn blank_line_ends_sentence() {
    assert_eq!(
        split("Executive summary\n\nMultiple outlets report it."),
        ["Executive summary", "Multiple outlets report it."]
    );
}

#[test]
fn markdown_heading_line() {
    assert_eq!(
        split("# India and Pakistan\nThe talks resumed."),
        ["# India and Pakistan", "The talks resumed."]
    );
}

#[test]
fn numbered_section_title_line() {
    assert_eq!(
        split("Intro.\n\n2. India’s rebuttal: bilateral military channels did the work\n\nIndian officials said so."),
        [
            "Intro.",
            "2. India’s rebuttal: bilateral military channels did the work",
            "Indian officials said so."
        ]
    );
}

#[test]
fn short_line_without_punctuation() {
    assert_eq!(
        split("Checked on December 5, 2025\nDisclaimer: Factually can make mistakes."),
        [
            "Checked on December 5, 2025",
            "Disclaimer: Factually can make mistakes."
        ]
    );
}

#[test]
fn line_broken_mid_sentence() {
    assert_eq!(
        split("This is a sentence\ncut off in the middle because pdf."),
        ["This is a sentence cut off in the middle because pdf."]
    );
    assert_eq!(
        split("It was a cold \nnight in the city."),
        ["It was a cold night in the city."]
    );
}

#[test]
fn urls_and_email_addresses() {
    assert_eq!(
        split("Her email is Jane.Doe@example.com. I sent her an email."),
        ["Her email is Jane.Doe@example.com.", "I sent her an email."]
    );
    assert_eq!(
        split("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out."),
        [
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out."
        ]
    );
    assert_eq!(
        split("You can find me at ChrisHedges.Substack.com. Thanks."),
        ["You can find me at ChrisHedges.Substack.com.", "Thanks."]
    );
}

#[test]
fn exclamation_inside_name() {
    assert_eq!(
        split("She works at Yahoo! in the accounting department."),
        ["She works at Yahoo! in the accounting department."]
    );
}

#[test]
fn missing_space_after_full_stop() {
    assert_eq!(
        split("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot."),
        [
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith went to the store and bought 1,000.",
            "That is a lot."
        ]
    );
}

#[test]
fn question_and_exclamation_runs() {
    assert_eq!(
        split("Hello?! Is that you?? Yes!! Fine!?"),
        ["Hello?!", "Is that you??", "Yes!!", "Fine!?"]
    );
}

#[test]
fn spans_are_offsets_into_the_original_text() {
    let seg = Segmenter::from_csv(include_str!("../rules/abbreviations.csv"))
        .unwrap_or_else(|(line, msg)| panic!("rules/abbreviations.csv:{line}: {msg}"));
    let text = "Hello  World.\n\n  My name\tis Jonas. ";
    let spans = seg.sentence_spans(text);
    assert_eq!(spans, vec![0..13, 17..34]);
    assert_eq!(&text[spans[1].clone()], "My name\tis Jonas.");
    assert_eq!(fold_whitespace(&text[spans[1].clone()]), "My name is Jonas.");
}

#[test]
fn no_break_space_after_full_stop_ends_sentence() {
    assert_eq!(
        split("Clinton said thank you.\u{a0}Only one poll put her ahead."),
        ["Clinton said thank you.", "Only one poll put her ahead."]
    );
}

#[test]
fn unicode_spaces_after_terminators_end_sentences() {
    // Thin, em, narrow no-break and ideographic spaces, after "?", "!" and a closing quote.
    assert_eq!(
        split("Who won?\u{2009}Nobody knows! \u{2003}He said “no.”\u{202f}Then\u{3000}it ended.\u{a0}\u{a0}The end."),
        [
            "Who won?",
            "Nobody knows!",
            "He said “no.”",
            "Then it ended.",
            "The end."
        ]
    );
}

#[test]
fn no_break_space_after_abbreviation_keeps_the_abbreviation_rules() {
    assert_eq!(
        split("Mr.\u{a0}Smith met the U.S.\u{a0}envoy in St.\u{a0}Louis."),
        ["Mr. Smith met the U.S. envoy in St. Louis."]
    );
}

#[test]
fn no_break_space_after_a_lowercase_word_goes_on() {
    assert_eq!(
        split("Turnout was about 60 p.c.\u{a0}of voters."),
        ["Turnout was about 60 p.c. of voters."]
    );
}

#[test]
fn x_after_on_or_via_is_the_network_not_an_initial() {
    assert_eq!(
        split("Sharif wrote on X. India's ministry said there was no mediation. Malcolm X. Jones spoke."),
        [
            "Sharif wrote on X.",
            "India's ministry said there was no mediation.",
            "Malcolm X. Jones spoke."
        ]
    );
}
