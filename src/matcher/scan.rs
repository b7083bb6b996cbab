//! Where patterns start. An ordinary Aho-Corasick search steps the automaton over every
//! byte; here the automaton is walked, anchored, only from the starts of words that
//! begin some pattern, since every pattern but a clitic ("n't") must start a word
//! anyway. A word that begins no pattern ("the", "of", most of any text) costs one hash
//! of its bytes and one bit test, and the walks that do happen stay in the few states
//! near the automaton's root, which stay in cache. The longest pattern at each start
//! is the one an unanchored leftmost-longest search would report there.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{AhoCorasick, Anchored, BuildError, MatchKind, packed};
use std::ops::Range;

/// Bits in the word filter: the built-in pack's 5,600 patterns set about 4% of them
/// (a word that starts nothing is walked in 4% of cases), and the 32 KB stay in cache.
const FILTER_BITS: usize = 1 << 18;

pub struct Scanner {
    /// Every pattern, lower-cased, leftmost-longest; only ever walked anchored, with
    /// the text's ASCII letters lower-cased on the way in. (An automaton built to
    /// ignore case holds both cases of every letter and takes twice as long to build.)
    automaton: NFA,
    start: StateID,
    /// What words may start a pattern, as a bit set of hashes (see [`Key`]): a pattern of
    /// one word, the first word of a longer one, and its first two words. A word like
    /// "to" starts "To Lam" but is walked only when "lam" follows.
    words: Vec<u64>,
    /// The patterns that need no word start ("n't"), searched for over the whole text.
    inner: Option<Inner>,
}

/// The search for patterns that need no word start ("n't"). They are few, and a packed
/// (SIMD) search for every ASCII case form of them skips most of a text at once; a
/// rare-byte search stops at every apostrophe. The automaton is the fallback when
/// the CPU has no such instructions or the patterns have too many case forms.
enum Inner {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Inner {
    /// Packed searches take at most 64 patterns.
    const MAX_PACKED: usize = 64;

    fn new(patterns: &[&String]) -> Result<Inner, BuildError> {
        let mut forms = Vec::new();
        let fits = patterns
            .iter()
            .all(|pattern| ascii_case_forms(pattern.as_bytes(), Inner::MAX_PACKED, &mut forms));
        if fits {
            let mut builder = packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostLongest)
                .builder();
            if let Some(searcher) = builder.extend(&forms).build() {
                return Ok(Inner::Packed(searcher));
            }
        }
        Inner::automaton(patterns)
    }

    /// The case-blind automaton over `patterns`.
    fn automaton(patterns: &[&String]) -> Result<Inner, BuildError> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns)
            .map(Inner::Automaton)
    }

    /// Where the matches in `text` start.
    fn starts<'t>(&'t self, text: &'t str) -> InnerStarts<'t> {
        match self {
            Inner::Packed(searcher) => InnerStarts::Packed(searcher.find_iter(text)),
            Inner::Automaton(ac) => InnerStarts::Automaton(ac.find_iter(text)),
        }
    }
}

enum InnerStarts<'t> {
    Packed(packed::FindIter<'t, 't>),
    Automaton(aho_corasick::FindIter<'t, 't>),
}

impl Iterator for InnerStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            InnerStarts::Packed(it) => it.next().map(|m| m.start()),
            InnerStarts::Automaton(it) => it.next().map(|m| m.start()),
        }
    }
}

/// Adds every ASCII case form of `pattern` to `forms` ("n't", "N't", "n'T", "N'T"),
/// unless that makes more than `limit` in all; returns whether it did (when not,
/// `forms` is left as it was).
fn ascii_case_forms(pattern: &[u8], limit: usize, forms: &mut Vec<Vec<u8>>) -> bool {
    let letters: Vec<usize> = (0..pattern.len())
        .filter(|&i| pattern[i].is_ascii_alphabetic())
        .collect();
    if letters.len() >= usize::BITS as usize || forms.len() + (1 << letters.len()) > limit {
        return false;
    }
    for upper in 0..1usize << letters.len() {
        let mut form = pattern.to_ascii_lowercase();
        for (k, &i) in letters.iter().enumerate() {
            if upper & (1 << k) != 0 {
                form[i] = form[i].to_ascii_uppercase();
            }
        }
        forms.push(form);
    }
    true
}

impl Scanner {
    pub fn new(patterns: &[String]) -> Result<Scanner, BuildError> {
        let lower = patterns
            .iter()
            .map(|p| match p.bytes().any(|b| b.is_ascii_uppercase()) {
                true => std::borrow::Cow::Owned(p.to_ascii_lowercase().into_bytes()),
                false => std::borrow::Cow::Borrowed(p.as_bytes()),
            });
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(lower)?;
        let start = automaton
            .start_state(Anchored::Yes)
            .expect("a contiguous NFA supports anchored searches");
        let mut words = vec![0; FILTER_BITS / 64];
        let mut inner = Vec::new();
        for pattern in patterns {
            if !needs_word_start(pattern) {
                inner.push(pattern);
                continue;
            }
            let mut parts = pattern.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
            let first = word_hash(parts.next().unwrap_or_default().as_bytes());
            let keys = match parts.next() {
                None => [Key::Single(first), Key::Single(first)],
                Some(second) => [Key::First(first), Key::Pair(first, word_hash(second.as_bytes()))],
            };
            for key in keys {
                let bit = key.bit();
                words[bit / 64] |= 1 << (bit % 64);
            }
        }
        let inner = if inner.is_empty() {
            None
        } else {
            Some(Inner::new(&inner)?)
        };
        Ok(Scanner {
            automaton,
            start,
            words,
            inner,
        })
    }

    /// Offers `found` the longest pattern at each place one may start, left to right, as
    /// a byte span and a pattern index. When `found` accepts (returns true), the search
    /// goes on after the match; otherwise at the next place, so that "India" rejected in
    /// "Indiana" hides nothing but itself.
    pub fn scan(&self, text: &str, mut found: impl FnMut(Range<usize>, usize) -> bool) {
        self.scan_extended(text, |span, pattern| found(span.clone(), pattern).then_some(span.end));
    }

    /// As [`Scanner::scan`], but `found` says where an accepted match ends, which may be
    /// past the pattern: a cue template's words run on after the words that the
    /// automaton holds ("expressed" + "its deep gratitude to").
    pub fn scan_extended(&self, text: &str, mut found: impl FnMut(Range<usize>, usize) -> Option<usize>) {
        let bytes = text.as_bytes();
        let mut inner = self.inner.iter().flat_map(|inner| inner.starts(text));
        let mut next_inner = inner.next().unwrap_or(usize::MAX);
        // Nothing may start before `resume`: it is inside an accepted match.
        let mut resume = 0;
        // The longest pattern first; when it is turned down, the shorter ones at the same
        // place: "Indian army" is not the alias "Indian Army", but "Indian" is a demonym.
        let mut offer = |start: usize, resume: &mut usize| {
            if start < *resume {
                return;
            }
            let mut found_here = [(0, 0); PATTERNS_AT_ONE_PLACE];
            let n = self.matches_at(bytes, start, &mut found_here);
            for &(end, pattern) in found_here[..n].iter().rev() {
                if let Some(end) = found(start..end, pattern) {
                    *resume = end;
                    return;
                }
            }
        };
        // A word that begins only longer patterns waits for the next word's hash, and is
        // walked when the two are the first words of some pattern.
        let mut pending: Option<(usize, u64)> = None;
        let mut i = 0;
        while i < bytes.len() {
            let entry = WORD_BYTE[bytes[i] as usize];
            if entry == 0 {
                i += 1;
                continue;
            }
            if entry == NOT_ASCII {
                let (word, len) = char_at(text, i);
                if !word {
                    i += len;
                    continue;
                }
            }
            let start = i;
            let (hash, next) = hash_word(text, start);
            i = next;
            if let Some((first, first_hash)) = pending.take()
                && self.has(Key::Pair(first_hash, hash))
            {
                offer(first, &mut resume);
            }
            if start < resume {
                // Inside a match that runs on past its first word ("Pakistan Army").
                i = i.max(resume);
                continue;
            }
            while next_inner < start {
                offer(next_inner, &mut resume);
                next_inner = inner.next().unwrap_or(usize::MAX);
            }
            let (single, first) = self.starts(hash);
            if single {
                offer(start, &mut resume);
                i = i.max(resume);
            } else if first {
                pending = Some((start, hash));
            }
        }
        while next_inner < usize::MAX {
            offer(next_inner, &mut resume);
            next_inner = inner.next().unwrap_or(usize::MAX);
        }
    }

    fn has(&self, key: Key) -> bool {
        let bit = key.bit();
        self.words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// `has(Key::Single(hash))` and `has(Key::First(hash))` with one look-up: the two
    /// bits are neighbours (see [`Key::bit`]), and most words set neither.
    #[inline]
    fn starts(&self, hash: u64) -> (bool, bool) {
        let bit = Key::Single(hash).bit();
        let word = self.words[bit / 64];
        (word & (1 << (bit % 64)) != 0, word & (1 << ((bit ^ 1) % 64)) != 0)
    }

    /// The ends and indices of the patterns starting at `start`, shortest first, in
    /// `out` (the longest ones when there are more): how many.
    #[inline]
    fn matches_at(&self, bytes: &[u8], start: usize, out: &mut [(usize, usize); PATTERNS_AT_ONE_PLACE]) -> usize {
        let automaton = &self.automaton;
        let mut state = self.start;
        let mut n = 0;
        for (at, &byte) in bytes.iter().enumerate().skip(start) {
            state = automaton.next_state(Anchored::Yes, state, byte.to_ascii_lowercase());
            if automaton.is_special(state) {
                if automaton.is_dead(state) {
                    break;
                }
                if automaton.is_match(state) {
                    // A state also carries the patterns that end it as suffixes ("king"
                    // in "taking"), for unanchored searches; only a whole walk counts.
                    let walked = at + 1 - start;
                    if let Some(pattern) = (0..automaton.match_len(state))
                        .map(|i| automaton.match_pattern(state, i))
                        .find(|&p| automaton.pattern_len(p) == walked)
                    {
                        if n == out.len() {
                            out.copy_within(1.., 0);
                            n -= 1;
                        }
                        out[n] = (at + 1, pattern.as_usize());
                        n += 1;
                    }
                }
            }
        }
        n
    }
}

/// How many patterns starting at one place [`Scanner::scan_extended`] offers, longest
/// first; prefixes of prefixes are rare ("Indian", "Indian Army", "Indian Army chief").
const PATTERNS_AT_ONE_PLACE: usize = 4;

/// Letters and digits of any script make words; everything else separates them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a pattern must begin at a word start. A clitic ("n't") attaches to the word
/// before it, and a pattern beginning with punctuation has no word to start.
pub fn needs_word_start(pattern: &str) -> bool {
    pattern.chars().next().is_some_and(is_word_char) && !pattern.starts_with("n't") && !pattern.starts_with("n’t")
}

/// Whether the character at byte `i` is a word character, and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        return (byte.is_ascii_alphanumeric(), 1);
    }
    match text[i..].chars().next() {
        // Curly quotes, dashes and spaces (U+2000 to U+206F) are the non-ASCII characters
        // news text is full of; none is a letter or digit, and the general test is slow.
        Some(c @ '\u{2000}'..='\u{206f}') => (false, c.len_utf8()),
        Some(c) => (is_word_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// A key of the word filter. Hashes are of whole words (see [`hash_word`]); the
/// separator between two words is left to the walk.
#[derive(Clone, Copy)]
enum Key {
    Single(u64),
    First(u64),
    Pair(u64, u64),
}

impl Key {
    fn bit(self) -> usize {
        let spread =
            |mixed: u64| (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FILTER_BITS.trailing_zeros())) as usize;
        match self {
            // A word's two keys sit side by side, in one u64 of the filter.
            Key::Single(h) => spread(h) & !1,
            Key::First(h) => spread(h) | 1,
            Key::Pair(first, second) => spread(first.rotate_left(17) ^ second.wrapping_mul(0x2545_f491_4f6c_dd1d)),
        }
    }
}

/// For each byte: lower-cased when it is an ASCII letter or digit, 0 for other ASCII,
/// and [`NOT_ASCII`] for the bytes of longer characters. One load tells the scan whether
/// a word goes on and what to hash, and one comparison ([`is_letter_or_digit`]) whether
/// the plain ASCII path applies.
static WORD_BYTE: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            (b as u8).to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    table
};

const NOT_ASCII: u8 = 0x80;

/// Whether a [`WORD_BYTE`] entry is a folded ASCII letter or digit (neither 0 nor
/// [`NOT_ASCII`]).
#[inline]
fn is_letter_or_digit(entry: u8) -> bool {
    entry.wrapping_sub(1) < NOT_ASCII - 1
}

/// Words are hashed eight bytes at a time: each chunk, ASCII letters folded to lower
/// case and the last one padded with zeros, is mixed in with a multiply; the length
/// goes in at the end. [`Key::bit`] mixes the result again, with another multiplier:
/// with the same one, a quarter more words passed the filter on FNC-1.
#[inline]
fn mix_chunk(hash: u64, chunk: u64) -> u64 {
    (hash ^ chunk).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(32)
}

/// The hash of `word`, as [`hash_word`] gives it for a word of the text.
fn word_hash(word: &[u8]) -> u64 {
    let mut chunks = ChunkHash::default();
    for &b in word {
        chunks.push(b.to_ascii_lowercase());
    }
    chunks.finish()
}

/// [`word_hash`] fed a byte at a time.
#[derive(Default)]
struct ChunkHash {
    hash: u64,
    chunk: u64,
    len: usize,
}

impl ChunkHash {
    #[inline]
    fn push(&mut self, folded: u8) {
        self.chunk |= u64::from(folded) << (8 * (self.len % 8));
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.hash = mix_chunk(self.hash, self.chunk);
            self.chunk = 0;
        }
    }

    #[inline]
    fn finish(self) -> u64 {
        let hash = match self.len % 8 {
            0 => self.hash,
            _ => mix_chunk(self.hash, self.chunk),
        };
        hash ^ self.len as u64
    }
}

/// The hash of the word starting at `i`, and where the scan goes on: where the word
/// ends, or past the ASCII separators after it.
#[inline]
fn hash_word(text: &str, i: usize) -> (u64, usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(found) = ascii_word(text.as_bytes(), i) {
        return found;
    }
    hash_word_bytewise(text, i)
}

/// [`hash_word`] for a word of plain ASCII letters and digits shorter than 16 bytes,
/// most words of any text, or `None`: one SSE2 pass over the 16 bytes from `i` finds
/// where the word ends, and its two chunks are hashed whole. A loop over the bytes
/// branched on every byte and mispredicted the end of nearly every word.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn ascii_word(bytes: &[u8], i: usize) -> Option<(u64, usize)> {
    use std::arch::x86_64::{__m128i, _mm_set1_epi8};
    use std::arch::x86_64::{_mm_and_si128, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128};
    let block: &[u8; 16] = bytes.get(i..i + 16)?.try_into().ok()?;
    // SAFETY: SSE2 is part of the x86-64 baseline, so every x86-64 CPU runs these
    // instructions, and the load reads the 16 bytes of `block`, unaligned.
    let (letter_or_digit, wide) = unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        // Bytes from 0x80 are negative to these signed compares, so in no range.
        let between = |x: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmpgt_epi8(_mm_set1_epi8(hi as i8 + 1), x),
            )
        };
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let found = _mm_or_si128(between(folded, b'a', b'z'), between(v, b'0', b'9'));
        (_mm_movemask_epi8(found) as u32, _mm_movemask_epi8(v) as u32)
    };
    let len = (!letter_or_digit).trailing_zeros() as usize;
    // A longer word, or one that goes on with a longer character, takes the byte loop.
    if len == 16 || wide & (1 << len) != 0 {
        return None;
    }
    // The separators after the word, to the next letter, digit or longer character.
    let later = (letter_or_digit | wide) & !((1 << len) - 1);
    let next = i + if later == 0 {
        16
    } else {
        later.trailing_zeros() as usize
    };
    let block = u128::from_le_bytes(*block);
    // Letters and digits all have the 0x20 bit once folded.
    let fold = |chunk: u64, n: usize| (chunk | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * n.min(8)));
    let mut hash = mix_chunk(0, fold(block as u64, len));
    if len > 8 {
        hash = mix_chunk(hash, fold((block >> 64) as u64, len - 8));
    }
    Some((hash ^ len as u64, next))
}

/// [`hash_word`] a byte at a time, for any word.
fn hash_word_bytewise(text: &str, mut i: usize) -> (u64, usize) {
    let bytes = text.as_bytes();
    let mut hash = ChunkHash::default();
    while i < bytes.len() {
        let entry = WORD_BYTE[bytes[i] as usize];
        if is_letter_or_digit(entry) {
            hash.push(entry);
            i += 1;
        } else if entry == 0 {
            break;
        } else {
            let (word, len) = char_at(text, i);
            if !word {
                break;
            }
            for &b in &bytes[i..i + len] {
                hash.push(b.to_ascii_lowercase());
            }
            i += len;
        }
    }
    (hash.finish(), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(patterns: &[&str], text: &str) -> Vec<(String, usize)> {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_lowercase()).collect();
        let scanner = Scanner::new(&patterns).unwrap();
        let mut out = Vec::new();
        scanner.scan(text, |span, pattern| {
            out.push((text[span].to_owned(), pattern));
            true
        });
        out
    }

    #[test]
    fn words_hash_alike_by_block_and_by_byte() {
        let text = "The Ministry of EXTERNAL affairs said 12,000 troops; Côte d'Ivoire’s \
                    Zürich-based ABCDEFGHIJKLMNOP abcdefgh abcdefghi x1y2z3 naïve 北京 \
                    Kyiv’s “Quoted” (Pakistan) [a]{b}@c`d short";
        let bytes = text.as_bytes();
        let starts = (0..bytes.len())
            .filter(|&i| text.is_char_boundary(i) && char_at(text, i).0)
            .filter(|&i| i == 0 || !text[..i].chars().next_back().is_some_and(is_word_char));
        let mut words = 0;
        for start in starts {
            let (hash, end) = hash_word_bytewise(text, start);
            assert_eq!(hash, word_hash(&bytes[start..end]), "{:?}", &text[start..end]);
            assert!(!text[end..].chars().next().is_some_and(is_word_char));
            // The block path may go on past the separators, but only ASCII ones.
            let (block_hash, next) = hash_word(text, start);
            assert_eq!(block_hash, hash, "{:?}", &text[start..end]);
            assert!(next >= end && bytes[end..next].iter().all(|&b| WORD_BYTE[b as usize] == 0));
            let stopped = next == bytes.len() || WORD_BYTE[bytes[next] as usize] != 0 || next - start == 16;
            assert!(next == end || stopped, "{:?}", &text[start..]);
            words += 1;
        }
        assert_eq!(words, 30);
        // The block path is the one taken for "The", "EXTERNAL", "abcdefghi".
        #[cfg(target_arch = "x86_64")]
        for word in ["The", "EXTERNAL", "abcdefghi"] {
            let at = text.find(word).unwrap();
            let (_, next) = ascii_word(bytes, at).unwrap();
            assert_eq!(next, at + word.len() + 1, "{word}");
        }
        // Case is folded, length counts, and chunk borders matter.
        assert_eq!(word_hash(b"EXTERNAL"), word_hash(b"external"));
        assert_ne!(word_hash(b"abcdefgh"), word_hash(b"abcdefghi"));
        assert_ne!(word_hash(b"ab"), word_hash(b"ba"));
    }

    #[test]
    fn packed_search_for_case_forms_finds_what_the_case_blind_automaton_finds() {
        let text = "Didn't DIDN'T didN’T isn’t can´t won't N'T n't-n’tn't, Sayn't";
        let automaton_starts =
            |patterns: &[&String]| -> Vec<usize> { Inner::automaton(patterns).unwrap().starts(text).collect() };
        let clitics = ["n't".to_owned(), "n’t".to_owned()];
        let clitics: Vec<&String> = clitics.iter().collect();
        let inner = Inner::new(&clitics).unwrap();
        if !matches!(inner, Inner::Packed(_)) {
            eprintln!("no packed search on this CPU; the automaton is used");
        }
        let found: Vec<usize> = inner.starts(text).collect();
        assert_eq!(found, automaton_starts(&clitics));
        assert_eq!(found.len(), 10);
        // Seven letters have 128 case forms, past what a packed search takes.
        let long = ["n't".to_owned(), "-abcdefg".to_owned()];
        let long: Vec<&String> = long.iter().collect();
        assert!(matches!(Inner::new(&long).unwrap(), Inner::Automaton(_)));
    }

    #[test]
    fn case_forms_are_every_ascii_case_of_the_letters() {
        let mut forms = Vec::new();
        assert!(ascii_case_forms("n’t".as_bytes(), 64, &mut forms));
        let mut forms: Vec<String> = forms.into_iter().map(|f| String::from_utf8(f).unwrap()).collect();
        forms.sort();
        assert_eq!(forms, ["N’T", "N’t", "n’T", "n’t"]);
        let mut forms = vec![b"x".to_vec()];
        assert!(!ascii_case_forms(b"abcdefg", 64, &mut forms));
        assert_eq!(forms, [b"x".to_vec()]);
    }

    #[test]
    fn longest_pattern_at_a_word_start_wins_and_covers_the_words_inside() {
        let found = scan_all(
            &["pakistan", "pakistan army", "army"],
            "The Pakistan Army and the army.",
        );
        assert_eq!(found, vec![("Pakistan Army".into(), 1), ("army".into(), 2)]);
    }

    #[test]
    fn a_pattern_ending_a_longer_prefix_is_not_taken_for_it() {
        // "had no" leads towards "had no role" and ends with "no", which the automaton
        // keeps in that state for unanchored searches.
        let found = scan_all(
            &["taking aim at", "king", "had no role", "no"],
            "not taking any. He had no doubt",
        );
        assert_eq!(found, vec![("no".into(), 3)]);
    }

    #[test]
    fn patterns_are_not_looked_for_inside_words() {
        // The automaton would find "india" in "Indiana" and "un" in "under".
        assert!(scan_all(&["india", "un"], "Indiana under fun").is_empty());
    }

    #[test]
    fn clitics_are_found_inside_words() {
        let found = scan_all(&["n't", "did", "not"], "They didn't; DIDN’T; did not.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["n't", "did", "not"]);
        let found = scan_all(&["n’t"], "They didn’t.");
        assert_eq!(found[0].0, "n’t");
    }

    #[test]
    fn a_rejected_match_hides_only_itself() {
        let patterns = ["the hague", "hague"].map(String::from);
        let scanner = Scanner::new(&patterns).unwrap();
        let text = "The Hague ruled";
        let mut offered = Vec::new();
        scanner.scan(text, |span, _| {
            offered.push(text[span].to_owned());
            false
        });
        assert_eq!(offered, vec!["The Hague", "Hague"]);
    }

    #[test]
    fn words_of_any_script_and_case() {
        let found = scan_all(
            &["Côte d'Ivoire", "élysée"],
            "CÔTE D'IVOIRE? côte d'ivoire and the élysée, Élysée",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        // ASCII letters fold; other letters match as written, as in the automaton.
        assert_eq!(texts, vec!["côte d'ivoire", "élysée"]);
    }
}
