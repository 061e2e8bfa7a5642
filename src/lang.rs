//! The language of a text, guessed when the front matter and the document do
//! not say: by script for Chinese, Japanese and Korean, by common short words for
//! the main Latin-script languages. And the direction it is written in, from a
//! language tag or from the script of the text's letters.

use crate::article::Direction;
use crate::text::is_letter;

/// Languages written right to left (BCP 47 primary subtags).
const RTL_LANGS: [&str; 14] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "nqo", "ps", "sd", "syr", "ur", "yi",
];
/// Scripts written right to left (BCP 47 script subtags).
const RTL_SCRIPTS: [&str; 9] = [
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr",
];

/// The direction of a language tag: right to left for the languages and scripts
/// written so (`ar`, `he`, `fa`, `ur`, `az-Arab` …), left to right for any other
/// tag (its script subtag wins: `ur-Latn` is left to right).
pub(crate) fn lang_direction(tag: &str) -> Option<Direction> {
    let mut parts = tag.split(['-', '_']).map(str::to_ascii_lowercase);
    let lang = parts.next().filter(|l| !l.is_empty())?;
    let script = parts.find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
        None => RTL_LANGS.contains(&lang.as_str()),
    };
    Some(if rtl { Direction::Rtl } else { Direction::Ltr })
}

/// Is this a letter of a script written right to left (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, Samaritan, Mandaic and their presentation forms)?
fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
        && is_letter(c)
}

/// The direction most of the text's letters (its first ten thousand) are written
/// in; `None` when it has none.
pub(crate) fn text_direction(text: &str) -> Option<Direction> {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    let mut letters = 0;
    for c in text.chars() {
        // ASCII first: most letters, none of them written right to left.
        if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            ltr += 1;
        } else if !is_letter(c) {
            continue;
        } else if is_rtl_letter(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
        letters += 1;
        if letters == 10_000 {
            break;
        }
    }
    match (rtl, ltr) {
        (0, 0) => None,
        _ if rtl > ltr => Some(Direction::Rtl),
        _ => Some(Direction::Ltr),
    }
}

/// Guesses the language: by script for Chinese (`zh`), Japanese (`ja`, kana) and
/// Korean (`ko`, Hangul); for Latin-script text by its most common short words
/// (English, French, German, Spanish, Portuguese, Italian). `None` when unsure:
/// front matter should say.
pub(crate) fn detect_lang(text: &str) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => han += 1,
            _ if is_letter(c) => letters += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk == 0 || cjk * 3 < letters / 4 {
        return latin_lang(text);
    }
    let lang = if kana * 10 >= cjk {
        "ja"
    } else if hangul * 2 >= cjk {
        "ko"
    } else {
        "zh"
    };
    Some(lang.to_string())
}

/// The most frequent short words of each language; a text is in the language
/// whose words make up a clear share of its first two thousand words.
const STOPWORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "in", "that", "it", "for", "with", "this", "you",
            "are", "was",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas",
            "sur", "du",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "ein", "mit", "den", "zu", "von", "sie",
            "auf", "ich",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "es", "una", "por", "con", "para", "del", "que", "como",
            "pero", "más",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "um", "uma", "não", "com", "para", "do", "da", "que", "em", "são",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "è", "per", "non", "una", "gli", "con", "del", "della", "sono",
            "anche", "come",
        ],
    ),
];

/// The longest stop word, in bytes (lowercasing never shortens a word).
const LONGEST: usize = 5;

/// A word of at most [`LONGEST`] bytes as one number (its bytes and its length), so
/// a stop word is found by comparing numbers rather than strings; longer words are 0.
const fn packed(word: &[u8]) -> u64 {
    if word.len() > LONGEST {
        return 0;
    }
    let mut key = (word.len() as u64) << 40;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// How many stop words [`STOPWORDS`] lists in all.
const STOPWORD_COUNT: usize = {
    let mut n = 0;
    let mut l = 0;
    while l < STOPWORDS.len() {
        n += STOPWORDS[l].1.len();
        l += 1;
    }
    n
};

/// Every stop word packed, shifted up a byte over the languages whose list holds it
/// (bit `i` for `STOPWORDS[i]`), in order; the slots left over by words in several
/// lists hold `u64::MAX`, above every word.
const STOP_TABLE: [u64; STOPWORD_COUNT] = {
    let mut table = [u64::MAX; STOPWORD_COUNT];
    let mut n = 0;
    let mut l = 0;
    while l < STOPWORDS.len() {
        let mut w = 0;
        while w < STOPWORDS[l].1.len() {
            let key = packed(STOPWORDS[l].1[w].as_bytes());
            assert!(key != 0, "a stop word longer than LONGEST");
            let mut i = 0;
            while i < n && table[i] >> 8 != key {
                i += 1;
            }
            if i < n {
                table[i] |= 1 << l;
            } else {
                // Inserted in order.
                let mut at = n;
                while at > 0 && table[at - 1] >> 8 > key {
                    table[at] = table[at - 1];
                    at -= 1;
                }
                table[at] = key << 8 | 1 << l;
                n += 1;
            }
            w += 1;
        }
        l += 1;
    }
    table
};

/// The languages of [`STOPWORDS`], in order: all of it the render needs at run time
/// (the word lists live on in [`STOP_TABLE`] alone).
const LANGUAGES: [&str; STOPWORDS.len()] = {
    let mut out = [""; STOPWORDS.len()];
    let mut l = 0;
    while l < STOPWORDS.len() {
        out[l] = STOPWORDS[l].0;
        l += 1;
    }
    out
};

/// The languages (bit `i` for `STOPWORDS[i]`) whose stop words hold this lowercase word.
fn stop_languages(word: &str) -> u8 {
    let key = packed(word.as_bytes());
    if key == 0 {
        return 0;
    }
    STOP_TABLE
        .binary_search_by_key(&key, |&entry| entry >> 8)
        .map_or(0, |i| STOP_TABLE[i] as u8)
}

fn latin_lang(text: &str) -> Option<String> {
    let mut hits = [0usize; STOPWORDS.len()];
    let mut words = 0;
    let mut lower = String::new();
    for word in text
        .split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty())
        .take(2_000)
    {
        words += 1;
        let word = if word.is_ascii() {
            if word.len() > LONGEST {
                continue;
            }
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                lower.as_str()
            } else {
                word
            }
        } else {
            if word.chars().nth(LONGEST).is_some() {
                continue;
            }
            lower = word.to_lowercase();
            lower.as_str()
        };
        let languages = stop_languages(word);
        if languages != 0 {
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(languages >> i & 1);
            }
        }
    }
    if words < 5 {
        return None;
    }
    // The language with the most hits; of equals, the last (as `max_by_key` picks).
    let (lang, hits) = LANGUAGES
        .iter()
        .zip(hits)
        .map(|(lang, hits)| (*lang, hits))
        .max_by_key(|(_, hits)| *hits)?;
    (hits * 10 >= words).then(|| lang.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_tell_chinese_japanese_and_korean() {
        assert_eq!(detect_lang("商务部新闻发言人").as_deref(), Some("zh"));
        assert_eq!(detect_lang("これは日本語です").as_deref(), Some("ja"));
        assert_eq!(detect_lang("한국어 텍스트입니다").as_deref(), Some("ko"));
        assert_eq!(
            detect_lang("This is the story of a post and the people in it.").as_deref(),
            Some("en")
        );
        assert_eq!(detect_lang("Lorem ipsum dolor sit amet"), None);
    }

    #[test]
    fn latin_languages_by_their_short_words() {
        let cases = [
            (
                "Le chat est dans la maison et les enfants sont dans le jardin.",
                "fr",
            ),
            (
                "Der Hund ist nicht in dem Haus und die Katze ist auf dem Dach.",
                "de",
            ),
            (
                "El perro y el gato están en la casa con los niños para jugar.",
                "es",
            ),
            (
                "The dog and the cat are in the house with the children.",
                "en",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect_lang(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(detect_lang("x y"), None);
        assert_eq!(detect_lang("fn main() { let x = 1; println!(x); }"), None);
    }

    #[test]
    fn the_stop_word_table_answers_as_the_lists_do() {
        let mut words: Vec<&str> = STOPWORDS
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect();
        words.extend([
            "", "th", "thee", "della", "dellaa", "nao", "é", "sonoo", "x", "ande",
        ]);
        for word in words {
            let want = STOPWORDS
                .iter()
                .enumerate()
                .filter(|(_, (_, list))| list.contains(&word))
                .fold(0u8, |m, (i, _)| m | 1 << i);
            assert_eq!(stop_languages(word), want, "{word}");
        }
        assert!(STOP_TABLE
            .windows(2)
            .all(|w| w[0] < w[1] || w[1] == u64::MAX));
    }

    #[test]
    fn the_stop_word_count_is_that_of_every_word_lowercased() {
        // The plain way: every word lowercased, each list searched for it.
        let plain = |text: &str| {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .take(2_000)
                .map(str::to_lowercase)
                .collect();
            if words.len() < 5 {
                return None;
            }
            let (lang, hits) = STOPWORDS
                .iter()
                .map(|(lang, list)| {
                    let hits = words.iter().filter(|w| list.contains(&w.as_str()));
                    (*lang, hits.count())
                })
                .max_by_key(|(_, hits)| *hits)?;
            (hits * 10 >= words.len()).then(|| lang.to_string())
        };
        let texts = [
            "THE Dog AND the CAT",
            "Não é MÁS que una casa para O gato, É? Della anche NICHT",
            "le la les et des est une dans que pour qui pas sur du",
            "Il gatto è della casa e non è per gli altri, come sono",
            "ΣΟΦΙΑ σοφός İstanbul ǅemal ŉ the and of to is",
            "a b c d e",
            "x y",
        ];
        for text in texts {
            assert_eq!(latin_lang(text), plain(text), "{text}");
        }
        let long = "The and of Der und die ".repeat(500);
        assert_eq!(latin_lang(&long), plain(&long));
    }

    #[test]
    fn the_direction_counts_the_first_ten_thousand_letters() {
        let plain = |text: &str| {
            let (mut rtl, mut ltr) = (0usize, 0usize);
            for c in text.chars().filter(|c| c.is_alphabetic()).take(10_000) {
                if is_rtl_letter(c) {
                    rtl += 1;
                } else {
                    ltr += 1;
                }
            }
            match (rtl, ltr) {
                (0, 0) => None,
                _ if rtl > ltr => Some(Direction::Rtl),
                _ => Some(Direction::Ltr),
            }
        };
        let late_rtl = format!("{} {}", "ab ".repeat(4_000), "שלום ".repeat(4_000));
        let early_rtl = format!("{} {}", "שלום ".repeat(1_500), "abc 1, ".repeat(4_000));
        for text in [
            late_rtl.as_str(),
            early_rtl.as_str(),
            "x",
            "1 2 —",
            "中文 ש",
        ] {
            assert_eq!(
                text_direction(text),
                plain(text),
                "{}",
                &text[..text.len().min(30)]
            );
        }
        assert_eq!(text_direction(&late_rtl), Some(Direction::Ltr));
        assert_eq!(text_direction(&early_rtl), Some(Direction::Rtl));
    }

    #[test]
    fn directions_of_languages_and_texts() {
        for tag in ["ar", "he", "fa-IR", "ur", "yi", "az-Arab", "ckb"] {
            assert_eq!(lang_direction(tag), Some(Direction::Rtl), "{tag}");
        }
        for tag in ["en", "zh-CN", "ur-Latn", "ja", "arn"] {
            assert_eq!(lang_direction(tag), Some(Direction::Ltr), "{tag}");
        }
        assert_eq!(lang_direction(""), None);
        assert_eq!(
            text_direction("مرحبا بالعالم، هذا نص عربي with English"),
            Some(Direction::Rtl)
        );
        assert_eq!(text_direction("שלום עולם"), Some(Direction::Rtl));
        assert_eq!(
            text_direction("Hello עולם and more words"),
            Some(Direction::Ltr)
        );
        assert_eq!(text_direction("中文正文"), Some(Direction::Ltr));
        assert_eq!(text_direction("123 — 456 !"), None);
    }
}
