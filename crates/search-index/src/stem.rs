//! The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980, with the
//! revisions of his reference version: `bli` → `ble`, `logi` → `log`), as the `stemmer`
//! npm package applies it (www/vendor/stemmer, the JS tokenizer's): a first `y` is a
//! consonant throughout, and a suffix rule is tried only with its longest matching suffix
//! that leaves a stem of one letter or more. tests/unit/search-rust-tokenize.test.mjs holds
//! the two to each other over every ASCII word of the corpus.

/// Step 2's suffixes and what replaces them (when the stem's measure is above 0).
const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

/// Step 3's suffixes and what replaces them (when the stem's measure is above 0).
const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

/// Step 4's suffixes, dropped when the stem's measure is above 1 (`ion` apart: after `s` or `t`).
const STEP4: [&str; 18] = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism",
    "ate", "iti", "ous", "ive", "ize",
];

/// Stems an English word in place. The word is lower-case ASCII letters (others are left
/// as they are); words under three letters are left as they are.
///
/// # Examples
/// ```
/// let mut word = String::from("indexing");
/// folio_search_index::stem::stem(&mut word);
/// assert_eq!(word, "index");
/// ```
pub fn stem(word: &mut String) {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    // A first `y` is a consonant whatever follows: marked as `Y`, which no rule matches.
    let first_y = word.starts_with('y');
    if first_y {
        word.replace_range(0..1, "Y");
    }
    step1a(word);
    step1b(word);
    // Step 1c: `y` after a stem holding a vowel becomes `i`.
    if word.len() > 1 && word.ends_with('y') && has_vowel(&word.as_bytes()[..word.len() - 1]) {
        word.pop();
        word.push('i');
    }
    replace_suffix(word, &STEP2);
    replace_suffix(word, &STEP3);
    step4(word);
    step5(word);
    if first_y {
        word.replace_range(0..1, "y");
    }
}

/// Plural endings: `sses` → `ss`, `ies` → `i`, a final `s` after anything but `s` dropped.
fn step1a(word: &mut String) {
    let n = word.len();
    if (n > 4 && word.ends_with("sses")) || (n > 3 && word.ends_with("ies")) {
        word.truncate(n - 2);
    } else if n > 2 && word.ends_with('s') && word.as_bytes()[n - 2] != b's' {
        word.truncate(n - 1);
    }
}

/// `eed` → `ee` after a stem of measure > 0; `ed` and `ing` dropped after a stem holding a
/// vowel, then the stem tidied (`at`, `bl`, `iz` get an `e`, a double consonant loses one,
/// a short consonant-vowel-consonant stem gets an `e`).
fn step1b(word: &mut String) {
    let n = word.len();
    if n > 3 && word.ends_with("eed") {
        if measure(&word.as_bytes()[..n - 3]) > 0 {
            word.pop();
        }
        return;
    }
    let stem = if n > 2 && word.ends_with("ed") {
        n - 2
    } else if n > 3 && word.ends_with("ing") {
        n - 3
    } else {
        return;
    };
    if !has_vowel(&word.as_bytes()[..stem]) {
        return;
    }
    word.truncate(stem);
    let b = word.as_bytes();
    let n = b.len();
    if word.ends_with("at") || word.ends_with("bl") || word.ends_with("iz") {
        word.push('e');
    } else if n > 1 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
        word.pop();
    } else if short_syllable(b) {
        word.push('e');
    }
}

/// Replaces the longest listed suffix that leaves a stem, when that stem's measure is above 0.
fn replace_suffix(word: &mut String, rules: &[(&str, &str)]) {
    let found = rules
        .iter()
        .filter(|(suffix, _)| word.len() > suffix.len() && word.ends_with(suffix))
        .max_by_key(|(suffix, _)| suffix.len());
    if let Some((suffix, by)) = found {
        let stem = word.len() - suffix.len();
        if measure(&word.as_bytes()[..stem]) > 0 {
            word.truncate(stem);
            word.push_str(by);
        }
    }
}

/// Drops the longest step-4 suffix when the stem's measure is above 1; `ion` likewise when
/// no listed suffix matched and the stem ends in `s` or `t`.
fn step4(word: &mut String) {
    let n = word.len();
    let found = STEP4
        .iter()
        .filter(|suffix| n > suffix.len() && word.ends_with(*suffix))
        .max_by_key(|suffix| suffix.len());
    let stem = match found {
        Some(suffix) => n - suffix.len(),
        None if n > 4 && word.ends_with("ion") && matches!(word.as_bytes()[n - 4], b's' | b't') => {
            n - 3
        }
        None => return,
    };
    if measure(&word.as_bytes()[..stem]) > 1 {
        word.truncate(stem);
    }
}

/// A final `e` dropped after a stem of measure > 1, or of measure 1 that is not a short
/// syllable; then a final `ll` loses an `l` in a word of measure > 1.
fn step5(word: &mut String) {
    let n = word.len();
    if n > 1 && word.ends_with('e') {
        let stem = &word.as_bytes()[..n - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !short_syllable(stem)) {
            word.pop();
        }
    }
    if word.ends_with("ll") && measure(word.as_bytes()) > 1 {
        word.pop();
    }
}

/// The measure of a stem: how many times a run of vowels is followed by a run of
/// consonants. Vowels are `a e i o u`, and `y` after a consonant.
fn measure(word: &[u8]) -> usize {
    let mut m = 0;
    let mut vowel = false;
    for (i, b) in word.iter().enumerate() {
        let now = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' => true,
            b'y' => i > 0 && !vowel,
            _ => false,
        };
        if vowel && !now {
            m += 1;
        }
        vowel = now;
    }
    m
}

/// Whether the stem holds a vowel (`y` anywhere but first counts).
fn has_vowel(word: &[u8]) -> bool {
    word.iter().any(|b| b"aeiouy".contains(b))
}

/// Whether the whole stem is consonants, one vowel, then one consonant other than `w`, `x`
/// or `y` (the "short syllable" after which a dropped `e` is put back, or kept).
fn short_syllable(word: &[u8]) -> bool {
    let n = word.len();
    n >= 3
        && !b"aeiou".contains(&word[0])
        && word[1..n - 2].iter().all(|b| !b"aeiouy".contains(b))
        && b"aeiouy".contains(&word[n - 2])
        && !b"aeiouwxy".contains(&word[n - 1])
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn stemmed(word: &str) -> String {
        let mut word = word.to_string();
        stem(&mut word);
        word
    }

    #[test]
    fn porter_examples() {
        // From the algorithm's description, step by step.
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("digitizer", "digit"),
            ("triplicate", "triplic"),
            ("hopefulness", "hope"),
            ("revival", "reviv"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("roll", "roll"),
            ("generalization", "gener"),
            ("yelling", "yell"),
            ("syllogism", "syllog"),
            ("abc", "abc"),
            ("Uppercase", "Uppercase"),
        ] {
            assert_eq!(stemmed(word), expected, "{word}");
        }
    }
}
