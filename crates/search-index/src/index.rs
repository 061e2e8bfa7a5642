//! The inverted index: terms (a document's fields tokenized here, `tokenize.rs`, as the
//! library's JS tokenizer would) → postings of (document, term frequency per field), scored as MiniSearch scores them
//! (BM25+ per field, k 1.2, b 0.7, d 0.5; field boosts; a prefix-derived term weighted
//! 0.6 · len / (len + 0.3 · extra)), so either engine ranks an archive the same way.

use crate::tokenize::{normalize, Tokenizer};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// Title, tags (and categories), authors, body.
pub const FIELDS: usize = 4;
/// Field weights, as `BOOST` in search-index.js.
const BOOST: [f32; FIELDS] = [4.0, 2.5, 1.5, 1.0];
const K: f32 = 1.2;
const B: f32 = 0.7;
const D: f32 = 0.5;
const PREFIX_WEIGHT: f32 = 0.6;
/// Longer terms are not indexed (a hostile file's one-word megabyte stays out).
pub const MAX_TERM_BYTES: usize = 256;
/// A query's parts and terms beyond these are ignored.
pub const MAX_QUERY_PARTS: usize = 32;
pub const MAX_PART_TERMS: usize = 64;
/// Words kept in the word cache; beyond it the cache starts again.
const WORD_CACHE: usize = 100_000;
/// Pairs kept in the pair cache; beyond it the cache starts again.
const PAIR_CACHE: usize = 1 << 20;
/// In the word cache: a word that gives no term (empty, or too long).
const NO_TERM: u32 = u32::MAX;
/// Removed documents tolerated before their postings are swept out.
const SWEEP_AFTER: u32 = 1024;

/// One document holding a term: how often in each field (saturating at 255; BM25 has
/// long since flattened by then).
#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    tf: [u8; FIELDS],
}

/// One part of a query: every term required (`all`, a CJK run's bigrams) or any
/// (`!all`, a word's stem and its form as typed); `prefix` for the word being typed.
#[derive(Debug, PartialEq)]
pub struct Part<'a> {
    pub terms: Vec<&'a str>,
    pub all: bool,
    pub prefix: bool,
}

/// Parses the query the JS side writes: one part a line, `A` or `O` (all, any), then `p`
/// or `x` (prefix, exact), then the terms separated by spaces. Bounded; malformed lines
/// are skipped.
pub fn parse_query(query: &str) -> Vec<Part<'_>> {
    query
        .lines()
        .filter_map(|line| {
            let mut words = line.split(' ');
            let flags = words.next()?.as_bytes();
            if flags.len() != 2 {
                return None;
            }
            let terms: Vec<&str> = words
                .filter(|t| !t.is_empty() && t.len() <= MAX_TERM_BYTES)
                .take(MAX_PART_TERMS)
                .collect();
            (!terms.is_empty()).then_some(Part {
                terms,
                all: flags[0] == b'A',
                prefix: flags[1] == b'p',
            })
        })
        .take(MAX_QUERY_PARTS)
        .collect()
}

/// A hit: document number and score.
pub type Hit = (u32, f32);

#[derive(Default)]
pub struct Index {
    ids: HashMap<Rc<str>, u32>,
    /// Term text by id.
    terms: Vec<Rc<str>>,
    /// Postings by term id, in document order (documents are numbered as added).
    postings: Vec<Vec<Posting>>,
    /// Term ids in term order, for prefix lookups; `unsorted` holds those added since.
    sorted: Vec<u32>,
    unsorted: Vec<u32>,
    /// Distinct terms per field, by document.
    lengths: Vec<[u32; FIELDS]>,
    live: Vec<bool>,
    live_count: u32,
    removed_since_sweep: u32,
    total_lengths: [u64; FIELDS],
    /// While a document is added: its terms' counts per field (reused), and by term id the
    /// document last counted and where in `counting` (an index, where a map would hash
    /// every term again).
    counting: Vec<(u32, [u16; FIELDS])>,
    marks: Vec<(u32, u32)>,
    /// Made at the first `add_text` (its table is 64 KiB), kept across `clear`.
    tokenizer: Option<Box<Tokenizer>>,
    /// Term ids of the words met, as written (text repeats its words: one lookup instead
    /// of lower-casing, stemming and interning again). Words up to `MAX_TERM_BYTES`.
    words: HashMap<Box<str>, u32>,
    /// The word at hand, normalized (reused).
    word: String,
    /// Term ids of the CJK bigrams (and single characters) met, by their code points:
    /// hashing two numbers costs less than hashing and comparing the term's text.
    pairs: HashMap<u64, u32>,
}

impl Index {
    /// Documents indexed and not removed.
    pub fn len(&self) -> u32 {
        self.live_count
    }

    pub fn is_empty(&self) -> bool {
        self.live_count == 0
    }

    /// Adds a document from its fields' text (title, tags, authors, body), tokenized here;
    /// returns its number.
    pub fn add_text(&mut self, fields: &[&str]) -> u32 {
        let tokenizer = self.tokenizer.take().unwrap_or_default();
        let doc = self.add_with(|index, found| {
            for (field, text) in fields.iter().take(FIELDS).enumerate() {
                tokenizer.runs(text, &mut |run, cjk| {
                    if cjk {
                        index.cjk_ids(run, &mut |id| found(field, id));
                    } else if let Some(id) = index.word_id(run) {
                        found(field, id);
                    }
                });
            }
        });
        self.tokenizer = Some(tokenizer);
        doc
    }

    /// Adds a document whose fields are already terms separated by spaces; returns its number.
    pub fn add(&mut self, fields: &[&str]) -> u32 {
        self.add_with(|index, found| {
            for (field, text) in fields.iter().take(FIELDS).enumerate() {
                for term in text.split(' ') {
                    if let Some(id) = index.term_id(term) {
                        found(field, id);
                    }
                }
            }
        })
    }

    /// Adds a document whose term ids `feed` hands to `found`, each with its field's number.
    fn add_with(&mut self, feed: impl FnOnce(&mut Self, &mut dyn FnMut(usize, u32))) -> u32 {
        let doc = self.lengths.len() as u32;
        let mut lengths = [0u32; FIELDS];
        let mut counting = std::mem::take(&mut self.counting);
        let mut marks = std::mem::take(&mut self.marks);
        counting.clear();
        // Documents are marked from 1: a fresh mark (0) is no document's.
        let mark = doc.wrapping_add(1);
        feed(self, &mut |field, id| {
            let id = id as usize;
            if id >= marks.len() {
                marks.resize(id + 1, (0, 0));
            }
            if marks[id].0 != mark {
                marks[id] = (mark, counting.len() as u32);
                counting.push((id as u32, [0; FIELDS]));
            }
            let counts = &mut counting[marks[id].1 as usize].1;
            // A field's length is its number of distinct terms, as MiniSearch counts it.
            lengths[field] += u32::from(counts[field] == 0);
            counts[field] = counts[field].saturating_add(1);
        });
        for &(id, counts) in &counting {
            let tf = counts.map(|n| n.min(255) as u8);
            self.postings[id as usize].push(Posting { doc, tf });
        }
        self.counting = counting;
        self.marks = marks;
        for (total, n) in self.total_lengths.iter_mut().zip(lengths) {
            *total += u64::from(n);
        }
        self.lengths.push(lengths);
        self.live.push(true);
        self.live_count += 1;
        doc
    }

    /// The id of a term, interned; none for an empty or overlong one (not indexed).
    fn term_id(&mut self, term: &str) -> Option<u32> {
        (!term.is_empty() && term.len() <= MAX_TERM_BYTES).then(|| self.intern(term))
    }

    /// Hands `found` the term ids of a CJK run's bigrams, then of its last character (as
    /// `tokenize::bigrams` cuts it), through the pair cache.
    fn cjk_ids(&mut self, run: &str, found: &mut dyn FnMut(u32)) {
        let mut chars = run.char_indices().peekable();
        while let Some((at, first)) = chars.next() {
            let (end, second) = match chars.peek() {
                Some(&(next, c)) => (next + c.len_utf8(), u32::from(c)),
                // Past the last code point: the character alone.
                None => (run.len(), 0x11_0000),
            };
            let key = u64::from(first) << 32 | u64::from(second);
            let id = match self.pairs.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.intern(&run[at..end]);
                    if self.pairs.len() >= PAIR_CACHE {
                        self.pairs.clear();
                    }
                    self.pairs.insert(key, id);
                    id
                }
            };
            found(id);
        }
    }

    /// The term id of a word as written (not CJK), through the word cache.
    fn word_id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.words.get(word) {
            return (id != NO_TERM).then_some(id);
        }
        let mut normalized = std::mem::take(&mut self.word);
        normalize(word, &mut normalized);
        let id = self.term_id(&normalized);
        self.word = normalized;
        if word.len() <= MAX_TERM_BYTES {
            if self.words.len() >= WORD_CACHE {
                self.words.clear();
            }
            self.words.insert(word.into(), id.unwrap_or(NO_TERM));
        }
        id
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        let text: Rc<str> = Rc::from(term);
        self.ids.insert(Rc::clone(&text), id);
        self.terms.push(text);
        self.postings.push(Vec::new());
        self.unsorted.push(id);
        id
    }

    /// Forgets a document (its postings are swept out once enough have gone).
    pub fn remove(&mut self, doc: u32) {
        let Some(live) = self.live.get_mut(doc as usize) else {
            return;
        };
        if !*live {
            return;
        }
        *live = false;
        self.live_count -= 1;
        for (total, n) in self
            .total_lengths
            .iter_mut()
            .zip(self.lengths[doc as usize])
        {
            *total -= u64::from(n);
        }
        self.removed_since_sweep += 1;
        if self.removed_since_sweep >= SWEEP_AFTER {
            let live = &self.live;
            for list in &mut self.postings {
                list.retain(|p| live[p.doc as usize]);
            }
            self.removed_since_sweep = 0;
        }
    }

    pub fn clear(&mut self) {
        let tokenizer = self.tokenizer.take();
        *self = Index {
            tokenizer,
            ..Index::default()
        };
    }

    /// Term ids starting with `prefix`, in term order.
    fn prefixed(&mut self, prefix: &str) -> &[u32] {
        if !self.unsorted.is_empty() {
            let terms = &self.terms;
            let mut fresh = std::mem::take(&mut self.unsorted);
            fresh.sort_unstable_by(|a, b| terms[*a as usize].cmp(&terms[*b as usize]));
            let old = std::mem::take(&mut self.sorted);
            let mut merged = Vec::with_capacity(old.len() + fresh.len());
            let (mut i, mut j) = (0, 0);
            while i < old.len() && j < fresh.len() {
                if terms[old[i] as usize] <= terms[fresh[j] as usize] {
                    merged.push(old[i]);
                    i += 1;
                } else {
                    merged.push(fresh[j]);
                    j += 1;
                }
            }
            merged.extend_from_slice(&old[i..]);
            merged.extend_from_slice(&fresh[j..]);
            self.sorted = merged;
        }
        let terms = &self.terms;
        let from = self
            .sorted
            .partition_point(|id| &*terms[*id as usize] < prefix);
        let to = from
            + self.sorted[from..].partition_point(|id| terms[*id as usize].starts_with(prefix));
        &self.sorted[from..to]
    }

    /// Adds `weight` × the BM25+ score of term `id` to each live document holding it.
    fn score_term(&self, id: u32, weight: f32, out: &mut HashMap<u32, f32>) {
        let list = &self.postings[id as usize];
        let docs = self.live_count.max(1) as f32;
        let mut matching = [0u32; FIELDS];
        for p in list.iter().filter(|p| self.live[p.doc as usize]) {
            for (n, tf) in matching.iter_mut().zip(p.tf) {
                *n += u32::from(tf > 0);
            }
        }
        let mut idf = [0f32; FIELDS];
        let mut average = [1f32; FIELDS];
        for f in 0..FIELDS {
            let n = matching[f] as f32;
            idf[f] = (1.0 + (docs - n + 0.5) / (n + 0.5)).ln();
            average[f] = (self.total_lengths[f] as f32 / docs).max(1.0);
        }
        for p in list.iter().filter(|p| self.live[p.doc as usize]) {
            let lengths = &self.lengths[p.doc as usize];
            let mut score = 0.0;
            for f in 0..FIELDS {
                if p.tf[f] == 0 {
                    continue;
                }
                let tf = f32::from(p.tf[f]);
                let norm = K * (1.0 - B + B * lengths[f] as f32 / average[f]);
                score += BOOST[f] * idf[f] * (D + tf * (K + 1.0) / (tf + norm));
            }
            *out.entry(p.doc).or_insert(0.0) += weight * score;
        }
    }

    /// The scores of one term of a query: exact, and when a prefix, every longer term
    /// starting with it (weighted down by how much longer it is). Also notes the ids.
    fn term_scores(&mut self, term: &str, prefix: bool, seen: &mut Vec<u32>) -> HashMap<u32, f32> {
        let mut out = HashMap::default();
        if prefix {
            let ids = self.prefixed(term).to_vec();
            let len = term.chars().count() as f32;
            for id in ids {
                let found = self.terms[id as usize].chars().count() as f32;
                let weight = if found == len {
                    1.0
                } else {
                    PREFIX_WEIGHT * found / (found + 0.3 * (found - len))
                };
                self.score_term(id, weight, &mut out);
                seen.push(id);
            }
        } else if let Some(&id) = self.ids.get(term) {
            self.score_term(id, 1.0, &mut out);
            seen.push(id);
        }
        out
    }

    /// The documents matching every part, best first (ties in the order added): the
    /// `limit` best and how many matched. `seen` receives the term ids looked at.
    pub fn search(
        &mut self,
        parts: &[Part],
        limit: usize,
        seen: &mut Vec<u32>,
    ) -> (Vec<Hit>, usize) {
        let mut total: Option<HashMap<u32, f32>> = None;
        for part in parts {
            let mut scores: Option<HashMap<u32, f32>> = None;
            for term in &part.terms {
                let found = self.term_scores(term, part.prefix, seen);
                scores = Some(match scores {
                    None => found,
                    Some(acc) => combine(acc, found, part.all),
                });
            }
            let scores = scores.unwrap_or_default();
            total = Some(match total {
                None => scores,
                Some(acc) => combine(acc, scores, true),
            });
        }
        let quality = parts.len().max(1) as f32;
        let mut ranked: Vec<Hit> = total
            .unwrap_or_default()
            .into_iter()
            .map(|(d, s)| (d, s * quality))
            .collect();
        let matched = ranked.len();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        (ranked, matched)
    }

    /// The terms among `ids` that document `doc` holds (what a hit matched, for marking).
    pub fn matched_terms<'a>(
        &'a self,
        doc: u32,
        ids: &'a [u32],
    ) -> impl Iterator<Item = &'a str> + 'a {
        ids.iter().filter_map(move |&id| {
            let list = &self.postings[id as usize];
            list.binary_search_by_key(&doc, |p| p.doc)
                .ok()
                .map(|_| &*self.terms[id as usize])
        })
    }
}

/// Sums two score maps: over documents in both (`all`) or in either.
fn combine(mut a: HashMap<u32, f32>, mut b: HashMap<u32, f32>, all: bool) -> HashMap<u32, f32> {
    if a.len() < b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if all {
        b.retain(|doc, s| match a.get(doc) {
            Some(t) => {
                *s += t;
                true
            }
            None => false,
        });
        b
    } else {
        for (doc, s) in b {
            *a.entry(doc).or_insert(0.0) += s;
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Index {
        let mut index = Index::default();
        index.add(&[
            "跨境 境电 电商 商 综试 试区 区",
            "news 商务 务",
            "",
            "商务 务部 部新 新闻 闻",
        ]);
        index.add(&[
            "index static site",
            "search",
            "ann",
            "how a search engin index page",
        ]);
        index.add(&[
            "note",
            "",
            "",
            "search is mention in the bodi onli with an index of page",
        ]);
        index
    }

    fn paths(index: &mut Index, query: &str) -> Vec<u32> {
        let mut seen = Vec::new();
        index
            .search(&parse_query(query), 50, &mut seen)
            .0
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }

    #[test]
    fn title_ranks_above_body() {
        let mut index = sample();
        assert_eq!(paths(&mut index, "Ox index"), vec![1, 2]);
    }

    #[test]
    fn every_part_and_every_bigram_is_required() {
        let mut index = sample();
        assert_eq!(paths(&mut index, "Ax 跨境 境电"), vec![0]);
        assert_eq!(paths(&mut index, "Ax 跨境 境外"), Vec::<u32>::new());
        assert_eq!(paths(&mut index, "Ax 跨境\nOx search"), Vec::<u32>::new());
    }

    #[test]
    fn prefixes_expand_and_match_terms_are_reported() {
        let mut index = sample();
        let mut seen = Vec::new();
        let (hits, total) = index.search(&parse_query("Op sear"), 50, &mut seen);
        assert_eq!(total, 2);
        let terms: Vec<&str> = index.matched_terms(hits[0].0, &seen).collect();
        assert_eq!(terms, vec!["search"]);
        assert_eq!(
            paths(&mut index, "Ox sear"),
            Vec::<u32>::new(),
            "exact does not expand"
        );
    }

    #[test]
    fn removed_documents_are_not_found_and_sweeping_keeps_the_rest() {
        let mut index = sample();
        index.remove(1);
        index.remove(1);
        assert_eq!(index.len(), 2);
        assert_eq!(paths(&mut index, "Ox index"), vec![2]);
        for _ in 0..SWEEP_AFTER {
            let doc = index.add(&["index", "", "", ""]);
            index.remove(doc);
        }
        assert_eq!(paths(&mut index, "Ox index"), vec![2]);
        index.clear();
        assert!(index.is_empty());
        assert_eq!(paths(&mut index, "Op i"), Vec::<u32>::new());
    }

    #[test]
    fn hostile_input_is_bounded() {
        let mut index = Index::default();
        let long = "x".repeat(MAX_TERM_BYTES + 1);
        index.add(&[&long, "", "", &format!("{long} ok")]);
        assert_eq!(index.ids.len(), 1, "the overlong term is left out");
        assert!(parse_query("garbage\nAxx\n\u{0}").is_empty());
        let many = format!("Ox {}", "a ".repeat(1000));
        assert_eq!(parse_query(&many)[0].terms.len(), MAX_PART_TERMS);
        let lines = "Ox a\n".repeat(100);
        assert_eq!(parse_query(&lines).len(), MAX_QUERY_PARTS);
        // Term frequencies saturate rather than overflow.
        let repeated = "w ".repeat(70_000);
        index.add(&["", "", "", &repeated]);
        assert_eq!(paths(&mut index, "Ox w"), vec![1]);
    }

    /// The index of `texts` added as text, and as the terms the tokenizer gives.
    fn both(texts: &[[&str; FIELDS]]) -> (Index, Index) {
        let tokenizer = Tokenizer::default();
        let (mut as_text, mut as_terms) = (Index::default(), Index::default());
        for fields in texts {
            as_text.add_text(fields);
            let terms = fields.map(|text| {
                let mut out = Vec::new();
                tokenizer.terms(text, |t| out.push(t.to_string()));
                out.join(" ")
            });
            as_terms.add(&terms.each_ref().map(String::as_str));
        }
        (as_text, as_terms)
    }

    #[test]
    fn text_is_indexed_as_its_terms_through_the_caches() {
        // Words and CJK pairs met again come from the caches: the same postings.
        let texts = [
            [
                "Indexing 跨境电商",
                "news",
                "Ann",
                "It's indexed: 跨境电商 and indexes, INDEXING.",
            ],
            ["跨境", "", "", "电商 电商 it's its ｆｕｌｌ"],
            ["", "", "", &"word ".repeat(300)],
        ];
        let (mut a, mut b) = both(&texts);
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.lengths, b.lengths);
        for query in ["Ox index", "Ax 跨境 境电", "Op 电", "Ox it", "Ox word"] {
            let mut seen = Vec::new();
            let hits = a.search(&parse_query(query), 10, &mut seen);
            assert_eq!(
                hits,
                b.search(&parse_query(query), 10, &mut seen),
                "{query}"
            );
        }
    }

    #[test]
    fn the_caches_start_again_when_full() {
        let words: String = (0..WORD_CACHE + 10).map(|n| format!("w{n} ")).collect();
        let mut index = Index::default();
        index.add_text(&["", "", "", &words]);
        assert!(
            index.words.len() < WORD_CACHE,
            "the word cache started again"
        );
        let doc = index.add_text(&["", "", "", "w5 w99999"]);
        let mut found = paths(&mut index, "Ax w5 w99999");
        found.sort_unstable();
        assert_eq!(found, vec![0, doc]);
        // Runs longer than a term are not cached (nor indexed).
        let long = "x".repeat(MAX_TERM_BYTES + 1);
        index.add_text(&[&long, "", "", ""]);
        assert!(!index.words.contains_key(long.as_str()));
    }
}
